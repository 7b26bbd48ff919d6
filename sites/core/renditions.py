"""An image's renditions from the worker's memo, so a page view finds them without a cache or database read.

Wagtail looks a rendition up in the `renditions` cache, then the database, and `get_rendition()` writes it back
to the cache on every call — on a file cache, a file written per picture per page view. An image whose
renditions are handed to it in `prefetched_renditions` asks neither. A rendition only changes with its image
(a new file or focal point is a save, so a new content generation), so the memo keeps each rendition's values
per image; every request builds its own instances from them.
"""

import functools

from wagtail.images.models import Filter

from . import memo


@functools.lru_cache(maxsize=256)
def filter_for(spec: str) -> Filter:
    """One Filter per spec in this process. Wagtail makes a new Filter for each lookup and parses its operations
    again (hooks, argument checks): the larger part of finding a prefetched rendition. A Filter holds nothing
    about any image; the specs come from templates and code, never from a request."""
    return Filter(spec=spec)


def prefetch(image, specs: tuple[str, ...]) -> None:
    """Give `image` every rendition it has, making those of `specs` first when missing (once per generation).

    Wagtail trusts prefetched renditions to be all there are: a spec the page asks for that is not among them
    is made (or found) afresh on each view, so `specs` should name what the page's template uses."""
    if image is None or not image.pk:
        return

    def load():
        image.get_renditions(*specs)
        return [memo.field_values(rendition) for rendition in image.renditions.filter(filter_spec__in=specs)]

    rows = memo.remember_some(f"renditions:{image.pk}:{image.file_hash}:{','.join(specs)}", load, "renditions")
    Rendition = image.get_rendition_model()
    renditions = []
    for row in rows:
        rendition = Rendition(**row)
        rendition.image = image
        renditions.append(rendition)
    image.prefetched_renditions = renditions


def rendition(image, spec: str):
    """`image.get_rendition(spec)` without writing the rendition back to the cache when it came from there."""
    return image.get_renditions(filter_for(spec))[spec]
