"""Each desa chooses its theme; the choice reaches its pages at once and never another desa's pages."""

import pytest

from desa_platform.tenancy.models import AuditLog, Desa
from desa_platform.tenancy.services.appearance import set_theme
from desa_platform.tenancy.services.errors import ServiceError
from desa_platform.tenancy.themes import available_themes

from .helpers import stylesheet_of, use_theme

pytestmark = pytest.mark.django_db


def test_at_least_three_themes_are_installed():
    assert {"klasik", "modern", "hijau"} <= set(available_themes())


def test_a_new_desa_gets_the_diskominfo_default(desa_a, settings):
    assert desa_a.theme == settings.DESA_DEFAULT_THEME


def test_switching_theme_changes_the_pages_at_once(client_a):
    assert stylesheet_of(client_a.get("/").content.decode()) == "klasik"
    use_theme(client_a, "hijau")
    assert stylesheet_of(client_a.get("/").content.decode()) == "hijau"


def test_a_cached_page_in_the_old_theme_is_not_served_after_a_switch(client_a):
    client_a.get("/")
    cached = client_a.get("/")
    assert cached["X-Cache"] == "HIT" and stylesheet_of(cached.content.decode()) == "klasik"
    use_theme(client_a, "modern")
    fresh = client_a.get("/")
    assert stylesheet_of(fresh.content.decode()) == "modern"


def test_two_desa_with_different_themes_each_get_their_own_templates(client_a, client_b):
    use_theme(client_a, "modern")
    use_theme(client_b, "hijau")
    # Alternate, so each request finds the other theme's templates already in the template cache.
    for _ in range(2):
        home_a = client_a.get("/").content.decode()
        home_b = client_b.get("/").content.decode()
        missing_a = client_a.get("/tidak-ada/").content.decode()
        missing_b = client_b.get("/tidak-ada/").content.decode()
        assert stylesheet_of(home_a) == "modern" and 'class="beranda"' in home_a  # modern's home override
        assert stylesheet_of(home_b) == "hijau" and 'class="topbar"' in home_b  # hijau's header override
        assert 'class="topbar"' not in home_a and 'class="beranda"' not in home_b
        assert 'class="error-code"' in missing_a and "Jalan ini buntu" not in missing_a  # modern's 404
        assert "Jalan ini buntu" in missing_b and 'class="error-code"' not in missing_b  # hijau's 404


def test_switching_one_desa_leaves_the_other_alone(client_a, client_b):
    client_b.get("/")
    use_theme(client_a, "hijau")
    desa_b = Desa.objects.get(pk=client_b.desa.pk)
    assert desa_b.theme == "klasik"
    assert stylesheet_of(client_b.get("/").content.decode()) == "klasik"


def test_an_unknown_theme_is_refused_in_indonesian_and_nothing_changes(desa_a):
    with pytest.raises(ServiceError, match="tidak tersedia"):
        set_theme(desa_a, "../../etc")
    with pytest.raises(ServiceError):
        set_theme(desa_a, "_base")  # the shared base is no theme of its own
    desa_a.refresh_from_db()
    assert desa_a.theme == "klasik"


def test_a_switch_is_written_to_the_audit_log(desa_a):
    set_theme(desa_a, "modern", actor="petugas")
    entry = AuditLog.objects.filter(action="tema", desa_slug=desa_a.slug).get()
    assert entry.actor == "petugas" and entry.detail == {"dari": "klasik", "menjadi": "modern"}
