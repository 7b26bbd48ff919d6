"""Tenancy: the Desa and Domain rows, host routing and every operation on tenants.

The routing middleware maps a host to a desa from an in-process table (`routing.py`) and puts the connection on
that desa's schema; page apps learn who their desa is only through `current.py` (and its look through
`themes.py`). Every operation on tenants — create, bulk, suspend, theme, domains, backup, restore, delete,
upgrade, staff, support access — is one function in `services/`, called alike by the `desa` command
(`management/desa_cli/`), the console and the tests; each raises `services.errors.ServiceError` for a person and
writes an `AuditLog` row. New desa are cloned from a template schema (`template_schema.py`).
"""
