"""The two roles of a desa admin and the approval workflow between them.

Built once in the template schema (see defaults.py), so every cloned desa starts with them, and brought up to
date in every desa after each migrate (`sync`, from apps.py), so a desa made before a rule existed gets it.
Permissions are found by looking at the installed apps, because the page apps are still growing:
- public content outside the page tree has Wagtail's workflow (WorkflowMixin: perangkat, BPD, lembaga): the
  operator adds and changes drafts and submits them, only the Kepala Desa publishes or deletes;
- public lists without drafts (KEPALA_DESA_ONLY, e.g. news categories) and every site setting are the Kepala
  Desa's alone; other non-page models (residents' messages) both roles handle.
Nobody in a desa is a Django superuser: the Site's hostname/port, the workflows and the groups' permissions
are Diskominfo's (the console and `desa` CLI), so no desa role holds a permission for them.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowContentType,
    WorkflowMixin,
    WorkflowPage,
    WorkflowTask,
)

from sites.core.kinds import DESA, KINDS, head_titles, words_for

OPERATOR = "Operator"
# The approving role is named after the head of the office: Kepala Desa, Lurah, Camat, Kepala Dinas (Kepala
# Badan, Inspektur …: an OPD's name tells), Kepala Puskesmas (sites/core/kinds.py); same permissions for all.
HEAD_ROLES = {kind: words_for(kind).kepala for kind in KINDS}  # as each kind's template names it
ALL_HEAD_ROLES = head_titles()
KEPALA_DESA = HEAD_ROLES[DESA]


def head_role(kind: str | None, name: str = "") -> str:
    return words_for(kind, name).kepala


def workflow_name(kind: str | None, name: str = "") -> str:
    return f"Persetujuan {head_role(kind, name)}"


WORKFLOW_NAME = workflow_name(DESA)
WORKFLOW_NAMES = [f"Persetujuan {head}" for head in ALL_HEAD_ROLES]
# Wagtail's own migrations make these; a desa has only our two roles, named in its language.
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")

OPERATOR_PAGE_PERMISSIONS = ("add_page", "change_page")
KEPALA_DESA_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "delete_page", "lock_page", "unlock_page")
# Deleting an image or document is the Kepala Desa's (or its uploader's while unused: media_policy.py).
MEDIA_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
}
KEPALA_DESA_MEDIA_EXTRA = {"wagtailimages": ("delete_image",), "wagtaildocs": ("delete_document",)}
# Managing the desa's own people and redirects; never wagtailcore.site (the domain), auth.group (what a role
# may do) or wagtailcore.workflow/task: those are Diskominfo's.
KEPALA_DESA_MODEL_PERMISSIONS = (
    ("auth", "user", ("add", "change", "delete", "view")),
    ("wagtailredirects", "redirect", ("add", "change", "delete")),
    # the Kepala Desa signs and revokes letters (sites/surat); a Sekretaris Desa signing a.n. gets this role
    ("surat", "surat", ("tandatangani",)),
)
# Public lists without a draft state: an operator's change would be live at once.
KEPALA_DESA_ONLY = ("berita.kategoriberita",)


def setup(home: Page, kind: str = DESA) -> tuple[Group, Group, Workflow]:
    """Replace Wagtail's default groups and workflow by Operator, the head's role and their approval workflow."""
    Workflow.objects.filter(workflow_tasks__task__groupapprovaltask__groups__name__in=WAGTAIL_DEFAULT_GROUPS).delete()
    Task.objects.filter(groupapprovaltask__groups__name__in=WAGTAIL_DEFAULT_GROUPS).delete()
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).delete()

    operator, _ = Group.objects.get_or_create(name=OPERATOR)
    kepala, _ = Group.objects.get_or_create(name=head_role(kind))
    grant_models(operator, kepala)

    grant_pages(operator, home, OPERATOR_PAGE_PERMISSIONS)
    grant_pages(kepala, home, KEPALA_DESA_PAGE_PERMISSIONS)
    root_collection = Collection.get_first_root_node()
    grant_collection(operator, root_collection, MEDIA_PERMISSIONS)
    grant_collection(kepala, root_collection, MEDIA_PERMISSIONS)
    grant_collection(kepala, root_collection, KEPALA_DESA_MEDIA_EXTRA)

    workflow = approval_workflow(home, kepala, kind)
    return operator, kepala, workflow


def approval_workflow(home: Page, kepala: Group, kind: str = DESA) -> Workflow:
    task, _ = GroupApprovalTask.objects.get_or_create(name=workflow_name(kind))
    task.groups.set([kepala])
    workflow, _ = Workflow.objects.get_or_create(name=workflow_name(kind), defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    assign_snippet_workflow(workflow)
    return workflow


def assign_snippet_workflow(workflow: Workflow) -> None:
    for model in workflow_models():
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})


def grant_models(operator: Group, kepala: Group) -> None:
    """Exactly these model permissions (set, not added: a permission an older template gave is taken away)."""
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    operator.permissions.set([admin_access, *content_permissions(OPERATOR)])
    kepala.permissions.set(
        [
            admin_access,
            *content_permissions(KEPALA_DESA),
            *settings_permissions(),
            *named_permissions(KEPALA_DESA_MODEL_PERMISSIONS),
        ]
    )


def sync() -> None:
    """Bring an existing desa's roles up to today's rules (run after migrate in each desa schema)."""
    with connection.cursor() as cursor:
        if Workflow._meta.db_table not in connection.introspection.table_names(cursor):
            return  # the platform's own schema: no pages, no roles
    operator = Group.objects.filter(name=OPERATOR).first()
    kepala = Group.objects.filter(name__in=ALL_HEAD_ROLES).first()
    workflow = Workflow.objects.filter(name__in=WORKFLOW_NAMES).first()
    if not (operator and kepala and workflow):
        return  # not a desa schema (public), or one still being built
    name_for_kind(kepala, workflow)
    grant_models(operator, kepala)
    assign_snippet_workflow(workflow)
    no_superusers(kepala)


def name_for_kind(kepala: Group, workflow: Workflow, facts=None) -> None:
    """The head's role and workflow carry the title of this office's head: a tenant made before the roles had
    their kind's names (a kelurahan's "Kepala Desa"), or a badan cloned from the OPD template ("Kepala Dinas")."""
    from desa_platform.tenancy.current import current_desa

    facts = facts or current_desa()
    if facts is None or kepala.name == head_role(facts.kind, facts.name):
        return
    kepala.name = head_role(facts.kind, facts.name)
    kepala.save(update_fields=["name"])
    tasks = GroupApprovalTask.objects.filter(groups=kepala, name__in=WORKFLOW_NAMES).values("pk")
    Task.objects.filter(pk__in=tasks).update(name=workflow_name(facts.kind, facts.name))
    workflow.name = workflow_name(facts.kind, facts.name)
    workflow.save(update_fields=["name"])


def personalise(facts) -> None:
    """For a new office, in its schema (tenancy's personalise, DESA_TENANT_PERSONALISER): its head's title."""
    kepala = Group.objects.filter(name__in=ALL_HEAD_ROLES).first()
    workflow = Workflow.objects.filter(name__in=WORKFLOW_NAMES).first()
    if kepala and workflow:
        name_for_kind(kepala, workflow, facts)


def no_superusers(kepala: Group) -> None:
    """A desa's first admin used to be a Django superuser; it is the Kepala Desa now. Diskominfo's support
    accounts (their own group, closed with the session) keep what support.py gives them."""
    from desa_platform.tenancy.current import SUPPORT_GROUP

    User = get_user_model()
    for user in User.objects.filter(is_superuser=True).exclude(groups__name=SUPPORT_GROUP):
        user.is_superuser = False
        user.save(update_fields=["is_superuser"])
        user.groups.add(kepala)


def grant_pages(group: Group, page: Page, codenames) -> None:
    for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_collection(group: Group, collection: Collection, codenames_by_app: dict) -> None:
    for app_label, codenames in codenames_by_app.items():
        for permission in Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames):
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


def our_models():
    return [model for model in apps.get_models() if model.__module__.startswith("sites.")]


def workflow_models():
    return [model for model in our_models() if issubclass(model, WorkflowMixin) and not issubclass(model, Page)]


def content_permissions(role: str) -> list[Permission]:
    """What each role may do on the non-page, non-setting models of our page apps (snippets, lists)."""
    models = [
        model
        for model in our_models()
        if not issubclass(model, (Page, BaseSiteSetting, BaseGenericSetting)) and not model._meta.abstract
    ]
    approved = [model for model in models if model in workflow_models()]
    kepala_only = [model for model in models if model._meta.label_lower in KEPALA_DESA_ONLY]
    plain = [model for model in models if model not in approved and model not in kepala_only]
    if role == OPERATOR:
        return [
            *permissions_for(approved, ("add", "change", "view")),
            *permissions_for(kepala_only, ("view",)),
            *permissions_for(plain, ("add", "change", "delete", "view")),
        ]
    return [
        *permissions_for(approved, ("add", "change", "delete", "view", "publish", "lock", "unlock")),
        *permissions_for(kepala_only + plain, ("add", "change", "delete", "view")),
    ]


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
