"""The Wagtail admin as a desa's staff see it: Bahasa Indonesia, the Operator and Kepala Desa roles with the
approval workflow, the onboarding checklist, safe phone uploads, login lockout, optional TOTP, and the admin's
base URL taken from the desa's primary domain."""
