from django import forms
from django.contrib.staticfiles import finders
from django.db import models
from django.templatetags.static import static
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from desa_platform.tenancy.current import current_desa
from desa_platform.tenancy.themes import change_theme

from . import tema
from .warna import normalise, validate_brand_colour

# Colours that pass the contrast check, offered as suggestions under the colour field (a <datalist>, no script).
SARAN_WARNA = [
    ("#1a5c3a", "hijau daun"),
    ("#2f6b3a", "hijau sawah"),
    ("#0b4f6c", "biru laut"),
    ("#1d4ed8", "biru langit"),
    ("#4338ca", "nila"),
    ("#6b2f8a", "ungu"),
    ("#7a1f1f", "merah marun"),
    ("#8a3b12", "cokelat bata"),
    ("#5b4a1e", "cokelat tanah"),
    ("#374151", "abu-abu batu"),
]


class ColourInput(forms.TextInput):
    """A text field for a hex colour with suggestions the browser offers as you type or tap."""

    template_name = "tampilan/widgets/colour_input.html"

    def __init__(self, attrs=None):
        super().__init__({"placeholder": "#1a5c3a", "size": 9, "list": "saran-warna", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["saran"] = SARAN_WARNA
        return context


class ThemeChoice(forms.RadioSelect):
    """Radio buttons with a small picture of each theme's home page (tampilan/pratinjau/<theme>.webp, made by
    bench/pages.py --previews); a theme without a picture is offered by its name alone."""

    option_template_name = "tampilan/widgets/theme_option.html"

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        path = f"tampilan/pratinjau/{value}.webp"
        option["preview"] = static(path) if finders.find(path) else ""
        return option


class TampilanForm(WagtailAdminModelForm):
    """The settings form plus the theme choice, which is stored on the desa's row in the platform (routing needs it
    before the desa's own schema is chosen), not in this schema."""

    tema = forms.ChoiceField(
        label="Tema",
        widget=ThemeChoice,
        help_text="Susunan dan gaya seluruh halaman situs. Isi halaman tidak berubah saat tema diganti.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tema"].choices = tema.choices()
        facts = current_desa()
        self.fields["tema"].initial = facts.theme if facts else None

    def save(self, commit=True):
        instance = super().save(commit=commit)
        facts = current_desa()
        if commit and facts and self.cleaned_data["tema"] != facts.theme:
            # The audit log lives in the platform, where this desa's user names mean nothing on their own.
            actor = f"{self.for_user.get_username()} (admin {facts.slug})" if self.for_user else f"admin {facts.slug}"
            change_theme(self.cleaned_data["tema"], actor=actor)
        return instance


@register_setting(icon="image", order=20)
class PengaturanTampilan(BaseGenericSetting):
    """How this desa's site looks: its brand colour (the theme itself is chosen in the same form)."""

    warna_utama = models.CharField(
        "warna utama",
        max_length=7,
        blank=True,
        validators=[validate_brand_colour],
        help_text=(
            "Warna khas desa untuk kepala situs, tombol dan tautan, sebagai kode heks, mis. #1a5c3a. "
            "Kosongkan untuk memakai warna bawaan tema. Warna harus cukup gelap agar teks putih di atasnya "
            "terbaca (kontras minimal 4,5:1, WCAG AA); warna yang terlalu terang ditolak dengan saran warna "
            "yang lebih gelap."
        ),
    )

    base_form_class = TampilanForm
    panels = [
        FieldPanel("tema"),
        FieldPanel("warna_utama", widget=ColourInput),
        HelpPanel(
            content="Logo desa diatur di Pengaturan → Pengaturan situs desa. "
            "Perubahan tampil di situs pada kunjungan berikutnya."
        ),
    ]

    class Meta:
        verbose_name = "Tampilan situs"
        verbose_name_plural = "Tampilan situs"

    def __str__(self):
        return "Tampilan situs"

    def clean(self):
        super().clean()
        if self.warna_utama:
            self.warna_utama = normalise(self.warna_utama)
