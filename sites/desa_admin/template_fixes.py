"""Wagtail 8 templates that carry English not marked for translation (or a field a desa's form lacks): fixed when
they are loaded.

A catalog cannot reach a literal like `<nav aria-label="Actions">`; overriding the whole template would freeze
a copy of Wagtail's. So the app-directories loader replaces exactly these literals, and a test
(tests/admin/test_no_english.py) fails if a Wagtail upgrade moves or adds one.
"""

from django.template.loaders import app_directories

LITERALS = {
    "wagtailadmin/shared/headers/_actions.html": [('aria-label="Actions"', 'aria-label="Tindakan"')],
    "wagtailadmin/shared/header.html": [('value="Search"', 'value="Cari"')],
    "wagtailadmin/home.html": [('value="Search"', 'value="Cari"')],
    # One 'add page' form makes one page, even when autosave and Terbitkan post it together (page_creation.py).
    "wagtailadmin/pages/create.html": [
        ("{% load wagtailadmin_tags %}", "{% load wagtailadmin_tags desa_admin_tags %}"),
        (
            '<input type="hidden" name="next" value="{{ next }}">',
            '<input type="hidden" name="next" value="{{ next }}">{% desa_creation_token %}',
        ),
    ],
    # The creation form of a desa has no superuser switch (sites/desa_admin/users.py); edit.html already asks.
    "wagtailusers/users/create.html": [
        (
            "<li>{% formattedfield form.is_superuser %}</li>",
            "{% if form.is_superuser %}<li>{% formattedfield form.is_superuser %}</li>{% endif %}",
        )
    ],
    # A yes/no column (users' "aktif", perangkat's "masih menjabat") is spoken as Python's True/False/None.
    "wagtailadmin/tables/boolean_cell.html": [("value|stringformat:'s'", 'value|yesno:"Ya,Tidak,Tidak diketahui"')],
    # A page the platform published (the default tree, the pilot, a restore) has no user: "None" in the reports.
    "wagtailadmin/shared/user_avatar.html": [
        ("{% if not username %}{{ user }}", '{% if not username %}{{ user|default:"sistem" }}')
    ],
}


class Loader(app_directories.Loader):
    def get_contents(self, origin):
        contents = super().get_contents(origin)
        for english, indonesian in LITERALS.get(origin.template_name, ()):
            if "/wagtail/" in str(origin.name):
                contents = contents.replace(english, indonesian)
        return contents
