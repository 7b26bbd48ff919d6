"""Nothing an operator does reaches the public without the Kepala Desa: perangkat/BPD/lembaga go through the
approval workflow, files are deleted only by the kepala desa (or their uploader while unused), and the domain,
workflows and roles' permissions are Diskominfo's alone."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images.models import Image as WagtailImage
from wagtail.models import Site, Workflow

from desa_platform.tenancy.services.provisioning import ensure_first_admin
from sites.desa_admin import roles
from sites.pemerintahan.models import PerangkatDesa, structure

from .helpers import KEPALA_DESA, OPERATOR, login, make_user

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/pemerintahan/perangkatdesa/add/"


def perangkat_form(nama: str, **extra) -> dict:
    return {"nama": nama, "jabatan": "Kepala Urusan Keuangan", "kelompok": "sekretariat", "urutan": "3"} | {
        "aktif": "on",
        **extra,
    }


def public_names(client) -> list[str]:
    with client.schema():
        people = structure()
        return [p.nama for _label, group in people["perangkat_groups"] for p in group] + [
            p.nama for p in people["kepala_desa"]
        ]


def approve(client, obj_pk: int, comment: str = "") -> int:
    with client.schema():
        obj = PerangkatDesa.objects.get(pk=obj_pk)
        task_state = obj.current_workflow_task_state
    return client.post(
        f"/admin/snippets/pemerintahan/perangkatdesa/workflow/action/{obj_pk}/approve/{task_state.pk}/",
        {"comment": comment},
    ).status_code


def test_an_operators_new_perangkat_is_public_only_after_the_kepala_desa_approves(client_a):
    login(client_a, "operator", OPERATOR)
    response = client_a.post(ADD, perangkat_form("Rahmat Hidayat", **{"action-submit": "1"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    with client_a.schema():
        created = PerangkatDesa.objects.get(nama="Rahmat Hidayat")
        assert not created.live
        assert created.workflow_in_progress
    assert "Rahmat Hidayat" not in public_names(client_a)

    # the operator may not approve it, nor publish directly
    assert approve(client_a, created.pk) in (302, 403)
    with client_a.schema():
        assert not PerangkatDesa.objects.get(pk=created.pk).live
    client_a.post(
        f"/admin/snippets/pemerintahan/perangkatdesa/edit/{created.pk}/",
        perangkat_form("Rahmat Hidayat", **{"action-publish": "1"}),
    )
    assert "Rahmat Hidayat" not in public_names(client_a)

    login(client_a, "kades", KEPALA_DESA)
    assert approve(client_a, created.pk, "Sudah benar.") == 302
    assert "Rahmat Hidayat" in public_names(client_a)


def test_an_operators_change_to_a_live_perangkat_waits_for_approval(client_a):
    with client_a.schema():
        person = PerangkatDesa.objects.create(nama="Ahmad Fauzi", jabatan="Kaur Keuangan", kelompok="sekretariat")
    login(client_a, "operator", OPERATOR)
    response = client_a.post(
        f"/admin/snippets/pemerintahan/perangkatdesa/edit/{person.pk}/",
        perangkat_form("Ahmad Fauzi Salah Ketik", **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    names = public_names(client_a)
    assert "Ahmad Fauzi" in names and "Ahmad Fauzi Salah Ketik" not in names

    login(client_a, "kades", KEPALA_DESA)
    assert approve(client_a, person.pk) == 302
    assert "Ahmad Fauzi Salah Ketik" in public_names(client_a)


def test_an_operator_cannot_delete_perangkat_bpd_or_lembaga(client_a):
    with client_a.schema():
        person = PerangkatDesa.objects.create(nama="Suparno", jabatan="Kepala Dusun Krajan", kelompok="kewilayahan")
    login(client_a, "operator", OPERATOR)
    for model in ("perangkatdesa", "anggotabpd", "lembaga"):
        assert client_a.get(f"/admin/snippets/pemerintahan/{model}/delete/{person.pk}/").status_code in (302, 403, 404)
    client_a.post(f"/admin/snippets/pemerintahan/perangkatdesa/delete/{person.pk}/")
    with client_a.schema():
        assert PerangkatDesa.objects.filter(pk=person.pk).exists()


def test_news_categories_are_the_kepala_desas(client_a):
    login(client_a, "operator", OPERATOR)
    assert client_a.get("/admin/snippets/berita/kategoriberita/add/").status_code in (302, 403)
    login(client_a, "kades", KEPALA_DESA)
    assert client_a.get("/admin/snippets/berita/kategoriberita/add/").status_code == 200


def upload(client, name: str) -> int:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 30)).save(buffer, "JPEG")
    response = client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    return response.json()["image_id"]


def image_exists(client, pk: int) -> bool:
    with client.schema():
        return WagtailImage.objects.filter(pk=pk).exists()


def test_only_the_kepala_desa_deletes_an_image_someone_else_uploaded(client_a):
    login(client_a, "kades", KEPALA_DESA)
    kepala_photo = upload(client_a, "kantor.jpg")
    login(client_a, "operator", OPERATOR)
    assert client_a.get(f"/admin/images/{kepala_photo}/delete/").status_code in (302, 403)
    client_a.post(f"/admin/images/{kepala_photo}/delete/")
    assert image_exists(client_a, kepala_photo)

    login(client_a, "kades", KEPALA_DESA)
    client_a.post(f"/admin/images/{kepala_photo}/delete/")
    assert not image_exists(client_a, kepala_photo)


def test_the_uploader_deletes_an_own_image_only_while_nothing_uses_it(client_a):
    login(client_a, "operator", OPERATOR)
    unused = upload(client_a, "salah-pilih.jpg")
    used = upload(client_a, "foto-kaur.jpg")
    with client_a.schema():
        PerangkatDesa.objects.create(nama="Dwi Lestari", jabatan="Kaur TU", kelompok="sekretariat", foto_id=used)
    client_a.post(f"/admin/images/{used}/delete/")
    assert image_exists(client_a, used)
    client_a.post(f"/admin/images/{unused}/delete/")
    assert not image_exists(client_a, unused)


def test_the_domain_workflows_and_roles_permissions_are_not_the_desas(client_a):
    with client_a.schema():
        site = Site.objects.get(is_default_site=True)
        workflow = Workflow.objects.get(name=roles.WORKFLOW_NAME)
        group_id = roles.Group.objects.get(name=OPERATOR).pk
    for username, role in (("operator", OPERATOR), ("kades", KEPALA_DESA)):
        login(client_a, username, role)
        for path in (
            "/admin/sites/",
            f"/admin/sites/edit/{site.pk}/",
            "/admin/workflows/list/",
            f"/admin/workflows/edit/{workflow.pk}/",
            "/admin/groups/",
            f"/admin/groups/edit/{group_id}/",
        ):
            assert client_a.get(path).status_code in (302, 403), (role, path)
        client_a.post(f"/admin/sites/edit/{site.pk}/", {"hostname": "jahat.example", "port": "80", "root_page": "2"})
        with client_a.schema():
            assert Site.objects.get(pk=site.pk).hostname == site.hostname


def test_the_kepala_desa_cannot_make_an_administrator(client_a):
    login(client_a, "kades", KEPALA_DESA)
    html = client_a.get("/admin/users/new/").content.decode()
    assert 'name="is_superuser"' not in html
    with client_a.schema():
        operator_group = roles.Group.objects.get(name=OPERATOR).pk
    client_a.post(
        "/admin/users/new/",
        {
            "username": "penyusup",
            "email": "p@uji-a.test",
            "first_name": "Pe",
            "last_name": "Nyusup",
            "password1": "Sawah-Hijau-2025x",
            "password2": "Sawah-Hijau-2025x",
            "is_superuser": "on",
            "groups": [operator_group],
        },
    )
    with client_a.schema():
        user = get_user_model().objects.get(username="penyusup")
        assert not user.is_superuser
        assert list(user.groups.values_list("name", flat=True)) == [OPERATOR]


def test_the_first_admin_is_no_superuser_and_an_old_one_is_demoted(client_a, desa_a):
    user, _link = ensure_first_admin(desa_a, username="admin-baru")
    with client_a.schema():
        user.refresh_from_db()
        assert not user.is_superuser
        old = make_user(client_a, "admin-lama", None, is_superuser=True)
        get_user_model().objects.filter(pk=old.pk).update(is_superuser=True)
        roles.sync()
        old.refresh_from_db()
        assert not old.is_superuser
        assert list(old.groups.values_list("name", flat=True)) == [KEPALA_DESA]


def test_a_draft_in_one_desa_is_not_in_another(client_a, client_b):
    login(client_a, "operator", OPERATOR)
    client_a.post(ADD, perangkat_form("Hanya Di Desa A", **{"action-submit": "1"}))
    with client_b.schema():
        assert not PerangkatDesa.objects.filter(nama="Hanya Di Desa A").exists()
    assert "Hanya Di Desa A" not in public_names(client_b)
