"""The two roles of a desa admin and the approval workflow between them.

Built once in the template schema (see defaults.py), so every cloned desa starts with them. Permissions are
found by looking at the installed apps, because the page apps are still growing: every non-page model of
`sites.*` (snippets, forms) is content both roles edit; every site-setting model is the Kepala Desa's alone.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

OPERATOR = "Operator"
KEPALA_DESA = "Kepala Desa"
WORKFLOW_NAME = "Persetujuan Kepala Desa"
# Wagtail's own migrations make these; a desa has only our two roles, named in its language.
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")

OPERATOR_PAGE_PERMISSIONS = ("add_page", "change_page")
KEPALA_DESA_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "delete_page", "lock_page", "unlock_page")
MEDIA_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
}
KEPALA_DESA_MEDIA_EXTRA = {"wagtailimages": ("delete_image",), "wagtaildocs": ("delete_document",)}
# Managing the desa's own people and redirects; never wagtailcore.site (the domain is Diskominfo's).
KEPALA_DESA_MODEL_PERMISSIONS = (
    ("auth", "user", ("add", "change", "delete", "view")),
    ("auth", "group", ("add", "change", "delete", "view")),
    ("wagtailredirects", "redirect", ("add", "change", "delete")),
    # the Kepala Desa signs and revokes letters (sites/surat); a Sekretaris Desa signing a.n. gets this role
    ("surat", "surat", ("tandatangani",)),
)


def setup(home: Page) -> tuple[Group, Group, Workflow]:
    """Replace Wagtail's default groups and workflow by Operator, Kepala Desa and their approval workflow."""
    Workflow.objects.filter(workflow_tasks__task__groupapprovaltask__groups__name__in=WAGTAIL_DEFAULT_GROUPS).delete()
    Task.objects.filter(groupapprovaltask__groups__name__in=WAGTAIL_DEFAULT_GROUPS).delete()
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).delete()

    operator, _ = Group.objects.get_or_create(name=OPERATOR)
    kepala, _ = Group.objects.get_or_create(name=KEPALA_DESA)
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    for group in (operator, kepala):
        group.permissions.add(admin_access, *content_permissions())
    kepala.permissions.add(*settings_permissions(), *named_permissions(KEPALA_DESA_MODEL_PERMISSIONS))

    grant_pages(operator, home, OPERATOR_PAGE_PERMISSIONS)
    grant_pages(kepala, home, KEPALA_DESA_PAGE_PERMISSIONS)
    root_collection = Collection.get_first_root_node()
    grant_collection(operator, root_collection, MEDIA_PERMISSIONS)
    grant_collection(kepala, root_collection, MEDIA_PERMISSIONS)
    grant_collection(kepala, root_collection, KEPALA_DESA_MEDIA_EXTRA)

    return operator, kepala, approval_workflow(home, kepala)


def approval_workflow(home: Page, kepala: Group) -> Workflow:
    task, _ = GroupApprovalTask.objects.get_or_create(name=WORKFLOW_NAME)
    task.groups.set([kepala])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow


def grant_pages(group: Group, page: Page, codenames) -> None:
    for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_collection(group: Group, collection: Collection, codenames_by_app: dict) -> None:
    for app_label, codenames in codenames_by_app.items():
        for permission in Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames):
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


def our_models():
    return [model for model in apps.get_models() if model.__module__.startswith("sites.")]


def content_permissions() -> list[Permission]:
    """add/change/delete/view on every non-page, non-setting model of our page apps (snippets, lists)."""
    models = [
        model
        for model in our_models()
        if not issubclass(model, (Page, BaseSiteSetting, BaseGenericSetting)) and not model._meta.abstract
    ]
    return permissions_for(models, ("add", "change", "delete", "view"))


def settings_permissions() -> list[Permission]:
    models = [model for model in our_models() if issubclass(model, (BaseSiteSetting, BaseGenericSetting))]
    return permissions_for(models, ("change", "view"))


def permissions_for(models, actions) -> list[Permission]:
    if not models:
        return []
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False).values()
    codenames = [f"{action}_{model._meta.model_name}" for model in models for action in actions]
    return list(Permission.objects.filter(content_type__in=content_types, codename__in=codenames))


def named_permissions(spec) -> list[Permission]:
    found = []
    for app_label, model_name, actions in spec:
        codenames = [f"{action}_{model_name}" for action in actions]
        found += Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    return found
