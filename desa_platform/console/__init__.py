"""The Diskominfo console on the platform's own domain (`/console/`): password plus TOTP sign-in, the list of
every desa with what needs attention, one desa's page and its actions, bulk creation, backups, schema
versions, the audit log and staff accounts. Views (`views/`, one module per screen) call tenancy services and
nothing else; a ServiceError becomes a message or a form error in `views/outcome.py`. The one console URL on a
desa's own domain is the support entry (`views/support.py: enter`).
"""
