"""Who may delete an image or a document: the Kepala Desa (delete permission on the collection), or the person
who uploaded it while nothing uses it. Wagtail's own policy lets anyone who may change a file delete it, and
an operator may change any file (to fix a title or alt text) -- so a photo on the home page was one click away.
"""

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy


class DeleteByKepalaDesaPolicy(CollectionOwnershipPermissionPolicy):
    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = set(actions)
        if "delete" in actions and self.may_delete(user, instance):
            return True
        others = actions - {"delete"}
        return bool(others) and super().user_has_any_permission_for_instance(user, others, instance)

    def may_delete(self, user, instance) -> bool:
        if not (user.is_active and user.is_authenticated):
            return False
        if user.is_superuser or self._check_perm(user, ["delete"], collection=instance.collection):
            return True
        owner = getattr(instance, self.owner_field_name)
        return owner == user and not ReferenceIndex.get_references_to(instance).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        actions = set(actions)
        if "delete" not in actions:
            return super().instances_user_has_any_permission_for(user, actions)
        if user.is_active and (user.is_superuser or self._check_perm(user, ["delete"])):
            return self.model.objects.all()
        unused_own = [
            instance.pk
            for instance in self.model.objects.filter(**{self.owner_field_name: user})
            if self.may_delete(user, instance)
        ]
        deletable = self.model.objects.filter(pk__in=unused_own)
        others = actions - {"delete"}
        if others:
            deletable = deletable | super().instances_user_has_any_permission_for(user, others)
        return deletable


def install():
    register_permission_policy(
        get_image_model(),
        DeleteByKepalaDesaPolicy(
            get_image_model(), auth_model="wagtailimages.Image", owner_field_name="uploaded_by_user"
        ),
    )
    register_permission_policy(
        get_document_model(),
        DeleteByKepalaDesaPolicy(
            get_document_model(), auth_model="wagtaildocs.Document", owner_field_name="uploaded_by_user"
        ),
    )
