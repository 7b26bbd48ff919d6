from django import forms

from desa_platform.tenancy.models import Desa
from desa_platform.tenancy.services import bulk
from desa_platform.tenancy.themes import available_themes


def theme_choices(blank: str = "(bawaan)"):
    return [("", blank)] + [(t, t) for t in available_themes()]


class LoginForm(forms.Form):
    username = forms.CharField(label="Nama pengguna", max_length=150)
    password = forms.CharField(label="Kata sandi", widget=forms.PasswordInput)


class TokenForm(forms.Form):
    token = forms.RegexField(
        label="Kode 6 angka dari aplikasi autentikator",
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": "Kode harus 6 angka."},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class CreateDesaForm(forms.Form):
    name = forms.CharField(label="Nama", max_length=100, help_text="Tanpa kata 'Desa', misalnya: Socorejo.")
    slug = forms.SlugField(label="Slug", max_length=50, help_text="Huruf kecil dan tanda hubung, misalnya: socorejo.")
    kind = forms.ChoiceField(label="Jenis", choices=Desa.Kind.choices, initial=Desa.Kind.DESA)
    kecamatan = forms.CharField(label="Kecamatan", max_length=100, required=False)
    kabupaten = forms.CharField(label="Kabupaten", max_length=100, required=False)
    provinsi = forms.CharField(label="Provinsi", max_length=100, required=False)
    kode_pos = forms.CharField(label="Kode pos", max_length=5, required=False)
    domain = forms.CharField(label="Domain utama", max_length=253, help_text="Misalnya: socorejo.desa.id")
    aliases = forms.CharField(
        label="Alias domain", required=False, help_text="Dipisah spasi; alias dialihkan (301) ke domain utama."
    )
    theme = forms.ChoiceField(label="Tema", choices=theme_choices, required=False)
    admin_name = forms.CharField(label="Nama admin pertama", max_length=150, required=False)
    admin_email = forms.EmailField(label="Email admin pertama", required=False)


class RegionForm(forms.Form):
    provinsi = forms.ChoiceField(label="Provinsi")
    kabupaten = forms.ChoiceField(label="Kabupaten/kota")
    kecamatan = forms.CharField(
        label="Hanya kecamatan", required=False, max_length=60, help_text="Kosongkan untuk seluruh kabupaten/kota."
    )
    domain_patterns = forms.CharField(
        label="Pola domain",
        widget=forms.Textarea(attrs={"rows": 2}),
        initial="{slug}.desa.id",
        help_text="Satu pola per baris; baris pertama domain utama, berikutnya alias (misalnya {slug}.localhost).",
    )
    repeat_pattern = forms.CharField(
        label="Slug bila nama kembar",
        initial=bulk.DEFAULT_REPEAT_PATTERN,
        help_text="Dipakai bila nama desa muncul lebih dari sekali di kabupaten ini.",
    )
    kecamatan_tenants = forms.BooleanField(label="Buat juga satu situs per kecamatan", required=False)
    theme = forms.ChoiceField(label="Tema", choices=theme_choices, required=False)

    def __init__(self, *args, provinsi: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provinsi"].choices = [(p, p) for p in bulk.provinsi_list()]
        self.fields["kabupaten"].choices = [(k, k) for k in bulk.kabupaten_list(provinsi)] if provinsi else []

    def patterns(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["domain_patterns"].splitlines() if line.strip()]


class CsvForm(forms.Form):
    file = forms.FileField(label="Berkas CSV", help_text="Kolom: " + ", ".join(bulk.CSV_COLUMNS) + " (wajib: nama).")
    domain_patterns = forms.CharField(
        label="Pola domain (bila kolom domain kosong)",
        initial="{slug}.desa.id",
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DomainForm(forms.Form):
    domain = forms.CharField(label="Domain", max_length=253)


class SupportForm(forms.Form):
    reason = forms.CharField(label="Alasan", max_length=300, help_text="Misalnya nomor tiket atau permintaan desa.")
    minutes = forms.IntegerField(label="Lama (menit)", min_value=1, max_value=240, initial=60)


class DeleteForm(forms.Form):
    confirm = forms.CharField(label="Ketik slug desa untuk mengonfirmasi", max_length=50)


class RestoreNewForm(forms.Form):
    backup = forms.ChoiceField(label="Berkas cadangan yang tersimpan", required=False)
    upload = forms.FileField(label="…atau unggah berkas cadangan (.zip)", required=False)
    slug = forms.SlugField(label="Slug desa baru", max_length=50)
    domain = forms.CharField(label="Domain utama desa baru", max_length=253)

    def __init__(self, *args, backups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["backup"].choices = [("", "—")] + [(b.name, b.name) for b in backups]

    def clean(self):
        data = super().clean()
        if not data.get("backup") and not data.get("upload"):
            raise forms.ValidationError("Pilih berkas cadangan yang tersimpan atau unggah satu.")
        return data


class StaffForm(forms.Form):
    username = forms.SlugField(label="Nama pengguna", max_length=150, help_text="Huruf kecil, angka, tanda hubung.")
    full_name = forms.CharField(label="Nama lengkap", max_length=150, required=False)
    email = forms.EmailField(label="Surel", required=False, help_text="Tautan kata sandi dikirim ke sini bila diisi.")
    superuser = forms.BooleanField(label="Boleh mengelola akun staf", required=False)


class OperatorGrantForm(forms.Form):
    """A kecamatan operator: an account of the kecamatan's own site who may enter the admin of its desa."""

    kecamatan = forms.ModelChoiceField(
        label="Kecamatan",
        queryset=Desa.objects.filter(kind=Desa.Kind.KECAMATAN).order_by("name"),
        empty_label="(pilih kecamatan)",
    )
    username = forms.CharField(
        label="Nama pengguna di situs kecamatan", max_length=150, help_text="Akun itu harus sudah ada di sana."
    )
    nama = forms.CharField(label="Nama lengkap", max_length=150, required=False)
