"""The database backend: django-tenants' PostgreSQL backend minus two per-request costs (see base.py)."""
