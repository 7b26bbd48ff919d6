"""Marking the pilot's sample content, for the admin only (the public page shows it as the desa's own)."""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.forms.models import model_to_dict


def fingerprint(obj) -> str:
    fields = model_to_dict(obj)
    return hashlib.sha256(repr(sorted((k, str(v)) for k, v in fields.items())).encode()).hexdigest()


def mark_sample(obj, keterangan: str) -> None:
    from .models import DataContoh

    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    DataContoh.objects.update_or_create(
        content_type=content_type,
        object_id=str(obj.pk),
        defaults={"keterangan": keterangan[:200], "sidik": fingerprint(obj)},
    )


def samples() -> list:
    """What is still sample: (mark, object) whose object exists and no person has changed since the pilot."""
    from .models import DataContoh

    found = []
    for mark in DataContoh.objects.select_related("content_type"):
        obj = mark.obj
        if obj is not None and not taken_over(mark, obj):
            found.append((mark, obj))
    return found


def taken_over(mark, obj) -> bool:
    """A page or snippet with a revision saved by a user, or a setting whose fields changed: the desa's own."""
    revisions = getattr(obj, "revisions", None)
    if revisions is not None and revisions.filter(user__isnull=False).exists():
        return True
    if revisions is None or not revisions.exists():
        return fingerprint(obj) != mark.sidik
    return False
