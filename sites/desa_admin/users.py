"""The user screens of a desa: the Kepala Desa adds and edits people, gives them one of the desa's roles, and
can never make anyone an administrator (superuser) or hand out Diskominfo's support group."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet

from .roles import ALL_HEAD_ROLES, OPERATOR


def desa_roles_only(form):
    form.fields.pop("is_superuser", None)
    if "groups" in form.fields:
        field = form.fields["groups"]
        field.queryset = field.queryset.filter(name__in=(OPERATOR, *ALL_HEAD_ROLES))
        field.label = "Peran"


class DesaUserCreationForm(UserCreationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        desa_roles_only(self)


class DesaUserEditForm(UserEditForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        desa_roles_only(self)


class DesaUserViewSet(UserViewSet):
    def get_form_class(self, for_update=False):
        return DesaUserEditForm if for_update else DesaUserCreationForm
