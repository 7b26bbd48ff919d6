"""Every new desa starts with the roles Operator and Kepala Desa and the workflow between them (roles.py)."""

from . import roles


def build(home, kind="desa"):
    roles.setup(home)
