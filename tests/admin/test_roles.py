"""Operator edits and submits, Kepala Desa publishes and manages people; each desa has only its own."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Workflow

from desa_platform.tenancy.services.provisioning import ensure_first_admin
from sites.desa_admin.roles import WORKFLOW_NAME

from .helpers import KEPALA_DESA, OPERATOR, login, make_user

pytestmark = pytest.mark.django_db


def home_page():
    return Page.objects.get(depth=2).specific


def test_every_new_desa_has_exactly_our_two_roles(client_a):
    with client_a.schema():
        assert set(Group.objects.values_list("name", flat=True)) == {OPERATOR, KEPALA_DESA}


def test_home_page_is_under_the_kepala_desa_approval_workflow(client_a):
    with client_a.schema():
        workflow = home_page().get_workflow()
        assert workflow.name == WORKFLOW_NAME
        task = workflow.tasks.get().specific
        assert [group.name for group in task.groups.all()] == [KEPALA_DESA]
        assert Workflow.objects.count() == 1  # Wagtail's 'Moderators approval' is gone


def test_operator_may_edit_and_submit_but_not_publish(client_a):
    operator = make_user(client_a, "operator", OPERATOR)
    with client_a.schema():
        tester = home_page().permissions_for_user(operator)
        assert tester.can_edit()
        assert tester.can_submit_for_moderation()
        assert not tester.can_publish()
        assert not tester.can_delete()


def test_kepala_desa_may_publish(client_a):
    kepala = make_user(client_a, "kades", KEPALA_DESA)
    with client_a.schema():
        tester = home_page().permissions_for_user(kepala)
        assert tester.can_edit()
        assert tester.can_publish()


def test_operator_sees_submit_not_publish_on_the_edit_screen(client_a):
    login(client_a, "operator", OPERATOR)
    with client_a.schema():
        home_id = home_page().pk
    response = client_a.get(f"/admin/pages/{home_id}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


def test_kepala_desa_sees_publish_on_the_edit_screen(client_a):
    login(client_a, "kades", KEPALA_DESA)
    with client_a.schema():
        home_id = home_page().pk
    response = client_a.get(f"/admin/pages/{home_id}/edit/")
    assert response.status_code == 200
    assert 'name="action-publish"' in response.content.decode()


@pytest.mark.parametrize("path", ["/admin/users/"])
def test_only_kepala_desa_manages_users(client_a, path):
    login(client_a, "operator", OPERATOR)
    assert client_a.get(path).status_code in (302, 403)
    login(client_a, "kades", KEPALA_DESA)
    assert client_a.get(path).status_code == 200


def reaches_settings_form(client) -> bool:
    response = client.get("/admin/settings/core/pengaturandesa/", follow=True)
    return response.status_code == 200 and 'name="alamat"' in response.content.decode()


def test_only_kepala_desa_edits_the_desa_settings(client_a):
    login(client_a, "operator", OPERATOR)
    assert not reaches_settings_form(client_a)
    login(client_a, "kades", KEPALA_DESA)
    assert reaches_settings_form(client_a)


def test_operator_and_kepala_desa_may_upload_images_and_documents(client_a):
    for username, role in (("operator", OPERATOR), ("kades", KEPALA_DESA)):
        login(client_a, username, role)
        assert client_a.get("/admin/images/multiple/add/").status_code == 200
        assert client_a.get("/admin/documents/multiple/add/").status_code == 200


def test_a_user_without_a_role_cannot_enter_the_admin(client_a):
    login(client_a, "warga", None)
    response = client_a.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_first_admin_is_kepala_desa(desa_a):
    user, _link = ensure_first_admin(desa_a, username="admin-pertama")
    from django_tenants.utils import schema_context

    with schema_context(desa_a.schema_name):
        assert list(user.groups.values_list("name", flat=True)) == [KEPALA_DESA]


def test_users_and_roles_of_one_desa_do_not_exist_in_another(client_a, client_b):
    make_user(client_a, "operator-a", OPERATOR)
    with client_a.schema():
        Group.objects.create(name="Tim PKK")
    with client_b.schema():
        assert not get_user_model().objects.filter(username="operator-a").exists()
        assert not Group.objects.filter(name="Tim PKK").exists()
