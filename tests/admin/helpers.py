"""Users in one desa's schema, made the way a Kepala Desa would add them in the admin."""

from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection

from sites.desa_admin.roles import KEPALA_DESA, OPERATOR

PASSWORD = "Sawah-Hijau-2025"


def make_user(client, username: str, role: str | None, email: str = "", **extra):
    """A user of the client's desa in `role` (OPERATOR, KEPALA_DESA or None); created once per test database."""
    with client.schema():
        user, _ = get_user_model().objects.get_or_create(username=username, defaults={"email": email, **extra})
        user.set_password(PASSWORD)
        user.email = email
        user.is_active = True
        user.save()
        user.groups.set(Group.objects.filter(name=role) if role else [])
    return user


def login(client, username: str, role: str | None = None, **extra):
    user = make_user(client, username, role, **extra)
    with client.schema():
        client.force_login(user)
    return user


@contextmanager
def as_request_in(desa):
    """ORM code run the way a request to the desa runs it: the tenant set, so current_desa() answers."""
    connection.set_tenant(desa)
    try:
        yield
    finally:
        connection.set_schema_to_public()


__all__ = ["KEPALA_DESA", "OPERATOR", "PASSWORD", "as_request_in", "login", "make_user"]
