"""The public schema by its configured name (django-tenants' PUBLIC_SCHEMA_NAME), never a literal "public".

The shared tables (Desa, Domain, the audit log, bulk jobs, support sessions) live there; a service that may be
called from inside a desa's schema (a support entry, a job thread) steps out with `with public_schema():`.
"""

from django_tenants.utils import get_public_schema_name, schema_context


def public_schema():
    """A context manager running its block on the public schema, then back to the schema it was called in."""
    return schema_context(get_public_schema_name())
