"""Templates resolved through the current desa's theme folder, then themes/_base."""

from django.conf import settings
from django.db import connection
from django.template.loaders import cached, filesystem

BASE_THEME = "_base"


def available_themes() -> list[str]:
    return sorted(p.name for p in settings.THEMES_DIR.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def change_theme(theme: str, actor: str) -> None:
    """The one change a page app may make to its desa's platform row: the theme chosen in Pengaturan → Tampilan
    situs (through the same service as the console and the CLI, audited as `actor`)."""
    from .current import current_desa
    from .services.appearance import set_theme

    set_theme(current_desa().slug, theme, actor=actor)


def current_theme() -> str:
    return getattr(getattr(connection, "tenant", None), "theme", None) or BASE_THEME


class ThemeLoader(filesystem.Loader):
    def get_dirs(self):
        theme = current_theme()
        dirs = [settings.THEMES_DIR / theme / "templates"] if theme != BASE_THEME else []
        return dirs + [settings.THEMES_DIR / BASE_THEME / "templates"]


class CachedThemeLoader(cached.Loader):
    def cache_key(self, template_name, skip=None):
        return f"{current_theme()}:{super().cache_key(template_name, skip)}"
