from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "desa_platform.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from . import signals  # noqa: F401
