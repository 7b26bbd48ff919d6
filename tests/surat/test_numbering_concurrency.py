"""Numbers taken by many issuers at the same instant: consecutive, never twice, and a failed issue (rolled
back) gives its number back. Real committed transactions in threads, each on its own connection."""

import threading
import time

from django.db import connection, transaction
from django_tenants.utils import tenant_context

from desa_platform.tenancy.models import Desa
from sites.surat import numbering
from sites.surat.models import NomorSurat

from ..tenants import DESA_A, DESA_B

YEAR = 2999  # a year no other test issues letters in


class Boom(Exception):
    pass


def test_concurrent_numbers_have_no_duplicate_and_no_gap(django_db_setup, django_db_blocker):
    committed, errors = [], []
    lock = threading.Lock()

    def issue(index, desa):
        try:
            with tenant_context(desa):
                try:
                    with transaction.atomic():
                        number = numbering.next_number(YEAR)
                        time.sleep(0.01)  # hold the lock while "rendering and signing"
                        if index % 5 == 4:
                            raise Boom  # a wrong passphrase: everything rolls back
                    with lock:
                        committed.append((desa.slug, number))
                except Boom:
                    pass
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    with django_db_blocker.unblock():
        desa_a = Desa.objects.get(slug=DESA_A.slug)
        desa_b = Desa.objects.get(slug=DESA_B.slug)
        try:
            threads = [threading.Thread(target=issue, args=(i, desa_a if i % 2 else desa_b)) for i in range(40)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert not errors
            for slug in (DESA_A.slug, DESA_B.slug):
                numbers = sorted(n for s, n in committed if s == slug)
                assert numbers == list(range(1, len(numbers) + 1))  # no duplicate, no gap, per desa
                assert len(numbers) == 16
        finally:
            for desa in (desa_a, desa_b):
                with tenant_context(desa):
                    NomorSurat.objects.filter(tahun=YEAR).delete()
