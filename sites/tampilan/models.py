from django import forms
from django.db import models
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from desa_platform.tenancy.current import current_desa

from . import tema
from .warna import normalise, validate_brand_colour


class TampilanForm(WagtailAdminModelForm):
    """The settings form plus the theme choice, which is stored on the desa's row in the platform (routing needs it
    before the desa's own schema is chosen), not in this schema."""

    tema = forms.ChoiceField(
        label="Tema",
        widget=forms.RadioSelect,
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
            from desa_platform.tenancy.services.appearance import set_theme

            set_theme(facts.slug, self.cleaned_data["tema"], actor=self.for_user)
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
        FieldPanel("warna_utama", widget=forms.TextInput(attrs={"placeholder": "#1a5c3a", "size": 9})),
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
