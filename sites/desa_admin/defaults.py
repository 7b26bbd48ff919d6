"""Every new office starts with the roles Operator and its head's (Kepala Desa, Lurah, Camat…) and the workflow
between them (roles.py)."""

from . import roles


def build(home, kind="desa"):
    roles.setup(home, kind)
