from django.utils.functional import SimpleLazyObject

from . import store


def content_generation(request):
    """`content_generation` for `{% cache %}` keys: it changes whenever the desa's content changes.

    Fragment cache keys already carry the desa's schema (tenant-aware key function); adding this makes a
    fragment fresh after every publish. Lazy: only a template that uses it pays the cache lookup.
    """
    if getattr(request, "tenant", None) is None:
        return {}
    return {
        "content_generation": SimpleLazyObject(lambda: store.generation_for(request)),
        # `{% cache … using=fragment_cache %}`: a preview (Wagtail marks it before rendering) shows unsaved text
        # and must store nothing where visitors' pages read from.
        "fragment_cache": "preview" if getattr(request, "is_preview", False) else "default",
    }
