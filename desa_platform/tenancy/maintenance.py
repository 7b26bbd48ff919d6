"""A desa in maintenance while it is restored: 503 for its visitors, and no write lost on the way in.

Every write request to a desa (POST, PUT…) holds a shared advisory lock on that desa for as long as it runs and
re-reads the desa's status under it. A restore first marks the desa 'restoring' (every worker's routing table
answers 503 within ROUTING_CHECK_SECONDS), then takes the lock exclusively: it waits for the writes already in
flight, and a write arriving meanwhile gets 503 instead of being confirmed into a schema about to be replaced.
"""

import time
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, connection

from .schemas import public_schema

LOCK_CLASS = 742_001  # pg_advisory_lock(class, desa id): "writes into this desa"


def begin_write(desa) -> bool:
    """Before a write request to `desa`: True (and the shared lock held) when it may go on."""
    from .models import Desa

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT pg_try_advisory_lock_shared(%s, %s), (SELECT status FROM {Desa._meta.db_table} WHERE id = %s)",
            [LOCK_CLASS, desa.pk, desa.pk],
        )
        locked, status = cursor.fetchone()
        if locked and status == Desa.Status.RESTORING:
            cursor.execute("SELECT pg_advisory_unlock_shared(%s, %s)", [LOCK_CLASS, desa.pk])
            return False
    return bool(locked)


def end_write(desa) -> None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock_shared(%s, %s)", [LOCK_CLASS, desa.pk])
    except DatabaseError:  # the connection is gone, and its locks with it
        pass


@contextmanager
def restoring(desa):
    """Hold `desa` in maintenance, with no write request in flight, for the body of the with-block."""
    from . import routing
    from .models import Desa

    with public_schema():
        previous = Desa.objects.values_list("status", flat=True).get(pk=desa.pk)
        Desa.objects.filter(pk=desa.pk).update(status=Desa.Status.RESTORING)
        routing.invalidate()
        time.sleep(settings.DESA_MAINTENANCE_DRAIN_SECONDS)  # every worker's routing table sees it by now
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s, %s)", [LOCK_CLASS, desa.pk])
        try:
            yield Desa.objects.get(pk=desa.pk)
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_CLASS, desa.pk])
            Desa.objects.filter(pk=desa.pk).update(status=previous)
            routing.invalidate()
