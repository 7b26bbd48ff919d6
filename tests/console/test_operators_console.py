"""The shared kecamatan operator from the console: Diskominfo staff list, grant and revoke (the same service as
`desa operator`), every step audited; nobody else reaches these screens."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django_tenants.utils import schema_context

from desa_platform.tenancy.models import AuditLog, Desa, OperatorKecamatan
from desa_platform.tenancy.services import operators
from desa_platform.tenancy.services.provisioning import DesaSpec, create_desa

from .helpers import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def jenu(db):
    kecamatan = create_desa(
        DesaSpec(
            slug="kecamatan-jenu",
            name="Kecamatan Jenu",
            kind="kecamatan",
            kecamatan="Jenu",
            kabupaten="Tuban",
            provinsi="Jawa Timur",
            domains=["kec-jenu.test"],
        )
    )
    with schema_context(kecamatan.schema_name):
        get_user_model().objects.create_user("sari", "sari@jenu.test", PASSWORD, is_staff=True)
    return kecamatan


def test_staff_grant_list_and_revoke_a_kecamatan_operator_audited(console, jenu, desa_a):
    page = console.get("/console/operator-kecamatan/").content.decode()
    assert "Belum ada operator kecamatan" in page and "Kecamatan Jenu" in page  # offered in the form

    # an account that does not exist on the kecamatan's site: refused on the form, what was typed kept
    page = console.post(
        "/console/operator-kecamatan/", {"kecamatan": jenu.pk, "username": "tidakada", "nama": "Tidak Ada"}
    ).content.decode()
    assert "tidak ada di situs Kecamatan Jenu" in page and 'value="Tidak Ada"' in page
    assert not OperatorKecamatan.objects.exists()

    response = console.post("/console/operator-kecamatan/", {"kecamatan": jenu.pk, "username": "sari", "nama": "Sari"})
    assert response.status_code == 302
    granted = OperatorKecamatan.objects.get()
    assert (granted.kecamatan, granted.username, granted.granted_by) == (jenu, "sari", "budi")
    page = console.get("/console/operator-kecamatan/").content.decode()
    assert "Sari" in page and "aktif" in page and "Cabut akses" in page
    assert AuditLog.objects.filter(action="operator-grant", actor="budi", desa_slug="kecamatan-jenu").exists()

    # she has entered a desa of Jenu once: revoking switches that account off there
    with schema_context(desa_a.schema_name):
        get_user_model().objects.create_user(operators.desa_username(granted), is_staff=True)
    console.post(f"/console/operator-kecamatan/{granted.pk}/cabut/")
    granted.refresh_from_db()
    assert granted.revoked_at is not None and granted.revoked_by == "budi"
    with schema_context(desa_a.schema_name):
        assert not get_user_model().objects.get(username=operators.desa_username(granted)).is_active
    assert AuditLog.objects.get(action="operator-revoke", actor="budi").detail["dinonaktifkan"] == 1
    page = console.get("/console/operator-kecamatan/").content.decode()
    assert "dicabut" in page and "Cabut akses" not in page
    assert operators.active_grant(jenu, "sari") is None


def test_only_signed_in_console_staff_reach_the_operator_screens(jenu):
    granted = operators.grant(jenu, "sari", "Sari", actor="petugas")
    get_user_model().objects.create_user("warga", "warga@example.test", PASSWORD, is_staff=False)
    anonymous, resident = Client(HTTP_HOST="localhost"), Client(HTTP_HOST="localhost")
    resident.post("/console/login/", {"username": "warga", "password": PASSWORD})  # not staff: no way in
    for browser in (anonymous, resident):
        listing = browser.get("/console/operator-kecamatan/")
        assert listing.status_code == 302 and "/console/login/" in listing["Location"]
        grant = browser.post("/console/operator-kecamatan/", {"kecamatan": jenu.pk, "username": "sari", "nama": "X"})
        revoke = browser.post(f"/console/operator-kecamatan/{granted.pk}/cabut/")
        assert grant.status_code == 302 and revoke.status_code == 302
    granted.refresh_from_db()
    assert granted.revoked_at is None and OperatorKecamatan.objects.count() == 1
    # and the kecamatan's own site does not serve the console's screens
    assert Client(HTTP_HOST="kec-jenu.test").get("/console/operator-kecamatan/").status_code in (302, 404)
    assert Desa.objects.filter(slug="kecamatan-jenu").exists()


@pytest.mark.parametrize(
    "data, why",
    [
        ({"kecamatan": "not-a-number", "username": "sari"}, "kecamatan"),
        ({"kecamatan": "999999", "username": "sari"}, "kecamatan"),
        ({"username": "sari"}, "kecamatan"),
        ({"kecamatan": "{desa_a}", "username": "sari"}, "kecamatan"),  # a desa, not a kecamatan
        ({"kecamatan": "{jenu}", "username": "s" * 10_000}, "username"),
        ({"kecamatan": "{jenu}", "username": "sa\x00ri"}, "username"),
    ],
)
def test_a_hostile_grant_is_refused_on_the_form_and_grants_nothing(console, jenu, desa_a, data, why):
    data = {key: value.format(jenu=jenu.pk, desa_a=desa_a.pk) for key, value in data.items()}
    response = console.post("/console/operator-kecamatan/", data)
    assert response.status_code in (200, 400)
    if response.status_code == 200:  # the form again, the field named, nothing typed lost where it was valid
        assert response.context["form"].errors.get(why)
    assert not OperatorKecamatan.objects.exists()


def test_revoking_a_grant_that_does_not_exist_is_a_404(console):
    assert console.post("/console/operator-kecamatan/987654/cabut/").status_code == 404
