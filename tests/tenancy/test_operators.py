"""The shared kecamatan operator: reaches the admin of the desa of its kecamatan (as an Operator, never a
superuser), never another desa, every step audited, and revoking ends it."""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django_tenants.utils import schema_context

from desa_platform.tenancy.models import AuditLog
from desa_platform.tenancy.services import operators
from desa_platform.tenancy.services.errors import ServiceError
from desa_platform.tenancy.services.provisioning import DesaSpec, create_desa
from tests.admin.helpers import OPERATOR, login
from tests.tenants import DesaClient

pytestmark = pytest.mark.django_db
TUBAN = {"kabupaten": "Tuban", "provinsi": "Jawa Timur"}


@pytest.fixture
def kecamatan(db):
    return DesaClient(
        create_desa(
            DesaSpec(
                slug="kecamatan-jenu",
                name="Kecamatan Jenu",
                kind="kecamatan",
                kecamatan="Jenu",
                domains=["kec.test"],
                **TUBAN,
            )
        )
    )


@pytest.fixture
def palang_desa(db):
    return create_desa(
        DesaSpec(slug="tasikmadu", name="Tasikmadu", kecamatan="Palang", domains=["tasik.test"], **TUBAN)
    )


def entry_path(kecamatan, slug) -> tuple[str, str]:
    response = kecamatan.post("/admin/desa-binaan/", {"desa": slug})
    assert response.status_code == 302, response.content[:300]
    parts = urlsplit(response["Location"])
    return parts.hostname, parts.path


def test_the_operator_reaches_the_desa_of_its_kecamatan_as_an_operator(kecamatan, desa_a, desa_b, palang_desa):
    login(kecamatan, "budi", OPERATOR)
    assert kecamatan.get("/admin/desa-binaan/").status_code == 403  # not granted yet
    granted = operators.grant(kecamatan.desa, "budi", "Budi Santoso", actor="petugas")

    page = kecamatan.get("/admin/desa-binaan/").content.decode()
    assert "Desa Uji A" in page and "Desa Uji B" in page and "Tasikmadu" not in page

    host, path = entry_path(kecamatan, "uji-a")
    assert host == "uji-a.test" and path.startswith(operators.ENTRY_PREFIX)
    browser = Client(HTTP_HOST=host)
    assert browser.get(path)["Location"] == "/admin/"
    assert browser.get("/admin/").status_code == 200
    with schema_context(desa_a.schema_name):
        user = get_user_model().objects.get(username="kecamatan-jenu-budi")
        assert not user.is_superuser and not user.has_usable_password()
        assert set(user.groups.values_list("name", flat=True)) == {"Operator", "Operator Kecamatan"}
        assert user.get_full_name() == "Budi Santoso (operator Kecamatan Jenu)"
    # an Operator manages no users of the desa
    assert browser.get("/admin/users/").status_code in (302, 403)
    assert AuditLog.objects.filter(action="operator-enter", desa_slug="uji-a", actor="budi").exists()

    # once only
    again = Client(HTTP_HOST=host).get(path)
    assert again.status_code == 403 and "sekali" in again.content.decode()
    # a link for uji-a does not open uji-b
    _, other = entry_path(kecamatan, "uji-a")
    refused = Client(HTTP_HOST="uji-b.test").get(other)
    assert refused.status_code == 403 and "desa lain" in refused.content.decode()
    with schema_context(desa_b.schema_name):
        assert not get_user_model().objects.filter(username="kecamatan-jenu-budi").exists()
    # a desa of another kecamatan is out of reach, even by typing its slug
    assert kecamatan.post("/admin/desa-binaan/", {"desa": "tasikmadu"}).status_code == 403
    with pytest.raises(ServiceError, match="tidak termasuk"):
        with schema_context(kecamatan.desa.schema_name):
            operators.entry_url(kecamatan.desa, get_user_model().objects.get(username="budi"), palang_desa)
    assert AuditLog.objects.filter(action="operator-denied").count() >= 2

    # revoked: the open session ends, new links are refused
    assert operators.revoke(granted, actor="petugas") == 1
    assert browser.get("/admin/").status_code == 302
    assert kecamatan.get("/admin/desa-binaan/").status_code == 403
    refused = Client(HTTP_HOST="uji-a.test").get(path)
    assert refused.status_code == 403
    assert AuditLog.objects.filter(action="operator-revoke", desa_slug="kecamatan-jenu").exists()


def test_only_a_kecamatan_grants_and_only_to_its_own_account(kecamatan, desa_a):
    with pytest.raises(ServiceError, match="bukan kecamatan"):
        operators.grant(desa_a, "admin", "", actor="petugas")
    with pytest.raises(ServiceError, match="tidak ada di situs"):
        operators.grant(kecamatan.desa, "tidakada", "", actor="petugas")
    # another user of the kecamatan, not granted, sees no list
    login(kecamatan, "sari", OPERATOR)
    assert kecamatan.get("/admin/desa-binaan/").status_code == 403


def test_a_forged_link_is_refused(desa_a):
    response = Client(HTTP_HOST="uji-a.test").get(operators.ENTRY_PREFIX + "palsu:abc/")
    assert response.status_code == 403 and "tidak sah" in response.content.decode()
