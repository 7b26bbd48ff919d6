"""The online request form: fixed fields every letter needs, the service's own fields, attachments, consent."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.contrib.forms.forms import FormBuilder

from . import nik as nik_rules
from . import uploads

HONEYPOT = "situs_web"
CUSTOM_PREFIX = "isian_"
DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"]
FIXED_ATTACHMENTS = [
    ("lampiran_ktp", "Foto atau PDF KTP-el", True),
    ("lampiran_kk", "Foto atau PDF Kartu Keluarga", False),
]


def consent_text(nama_desa: str, retensi_bulan: int) -> str:
    return (
        f"Saya setuju data di formulir ini (nama, NIK, nomor KK, tempat/tanggal lahir, alamat, nomor HP, surel, "
        f"lampiran) disimpan oleh Pemerintah Desa {nama_desa} hanya untuk memproses permohonan ini. Data hanya "
        f"dilihat perangkat desa yang mengurusnya, dan dihapus {retensi_bulan} bulan setelah permohonan selesai "
        "atau ditolak. Surat yang terbit tetap dicatat (nomor, tanggal, perihal, nama tersamar) agar keasliannya "
        "dapat diperiksa."
    )


class IsianBuilder(FormBuilder):
    """Wagtail's form builder for the fields a desa adds, with Indonesian limits and a file type."""

    def create_singleline_field(self, field, options):
        return forms.CharField(max_length=255, **options)

    def create_multiline_field(self, field, options):
        return forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 4}), **options)

    def create_number_field(self, field, options):
        return forms.DecimalField(max_digits=15, decimal_places=2, **options)

    def create_date_field(self, field, options):
        return forms.DateField(input_formats=DATE_FORMATS, widget=forms.DateInput(attrs={"type": "date"}), **options)

    def create_file_field(self, field, options):
        options["required"] = False  # checked with the kept files in PermohonanForm.clean
        return forms.FileField(widget=forms.ClearableFileInput(attrs={"accept": "image/*,application/pdf"}), **options)

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["initial"] = None
        return options


def _text(max_length, label, **kwargs):
    return forms.CharField(max_length=max_length, label=label, **kwargs)


class PermohonanForm(forms.Form):
    nama = _text(120, "Nama lengkap (sesuai KTP)", widget=forms.TextInput(attrs={"autocomplete": "name"}))
    nik = _text(
        24, "NIK", help_text="16 angka di KTP-el atau KK.", widget=forms.TextInput(attrs={"inputmode": "numeric"})
    )
    no_kk = _text(24, "Nomor Kartu Keluarga (KK)", widget=forms.TextInput(attrs={"inputmode": "numeric"}))
    jenis_kelamin = forms.ChoiceField(
        label="Jenis kelamin", choices=[("L", "Laki-laki"), ("P", "Perempuan")], widget=forms.RadioSelect
    )
    tempat_lahir = _text(80, "Tempat lahir")
    tanggal_lahir = forms.DateField(
        label="Tanggal lahir", input_formats=DATE_FORMATS, widget=forms.DateInput(attrs={"type": "date"})
    )
    alamat = _text(200, "Alamat (jalan/nomor rumah)", widget=forms.TextInput(attrs={"autocomplete": "street-address"}))
    rt = _text(3, "RT", widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 3}))
    rw = _text(3, "RW", widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 3}))
    dusun = _text(80, "Dusun", required=False)
    telepon = _text(20, "Nomor HP/WhatsApp", widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}))
    email = forms.EmailField(
        label="Surel (email)", required=False, help_text="Boleh dikosongkan; bila diisi, kabar status dikirim ke sini."
    )
    keperluan = _text(
        1000,
        "Keperluan",
        help_text="Untuk apa surat ini, mis. “mendaftar sekolah anak di SMPN 1 Jenu”.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    situs_web = forms.CharField(required=False, label="Jangan isi kolom ini", max_length=200)

    def __init__(self, *args, service, nama_desa, retensi_bulan, kabupaten_code, token=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.service = service
        self.kabupaten_code = kabupaten_code
        self.token = token
        self.accepted_files: dict[str, dict] = {}
        self.custom_fields = list(service.isian_online.all())
        self.file_fields: list[tuple[str, str, bool]] = list(FIXED_ATTACHMENTS)
        for name, field in IsianBuilder(self.custom_fields).formfields.items():
            key = CUSTOM_PREFIX + name
            self.fields[key] = field
            if isinstance(field, forms.FileField):
                source = next(f for f in self.custom_fields if (f.clean_name or f.get_field_clean_name()) == name)
                self.file_fields.append((key, field.label, source.required))
        for key, label, _required in FIXED_ATTACHMENTS:
            self.fields[key] = forms.FileField(
                label=label,
                required=False,
                widget=forms.ClearableFileInput(attrs={"accept": "image/*,application/pdf"}),
                help_text="Foto dari HP (JPG/HEIC) atau PDF, paling besar 10 MB.",
            )
        self.fields["persetujuan"] = forms.BooleanField(
            label=consent_text(nama_desa, retensi_bulan),
            error_messages={"required": "Centang persetujuan agar permohonan dapat kami proses."},
        )
        self.fields[HONEYPOT].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        for name, field in self.fields.items():
            field.error_messages.setdefault("required", "Kolom ini wajib diisi.")
            if name in ("nama", "nik", "no_kk", "tempat_lahir", "alamat", "rt", "rw", "telepon", "keperluan"):
                field.error_messages["required"] = f"Isi {field.label.split(' (')[0]}."
        self.fields["tanggal_lahir"].error_messages["invalid"] = "Tulis tanggal lahir seperti 17-08-1990."
        self.fields["email"].error_messages["invalid"] = "Alamat surel belum benar, mis. nama@contoh.id."

    @property
    def is_bot(self) -> bool:
        return bool((self.data.get(HONEYPOT) or "").strip())

    def visible_fixed(self):
        skip = {HONEYPOT, "persetujuan"} | {key for key, _, _ in self.file_fields}
        return [self[name] for name in self.fields if name not in skip and not name.startswith(CUSTOM_PREFIX)]

    def visible_custom(self):
        files = {key for key, _, _ in self.file_fields}
        return [self[name] for name in self.fields if name.startswith(CUSTOM_PREFIX) and name not in files]

    def attachment_rows(self):
        return [
            {"field": self[key], "required": required, "kept": self.accepted_files.get(key)}
            for key, _label, required in self.file_fields
        ]

    def clean_nama(self):
        return " ".join(self.cleaned_data["nama"].split())

    def clean_nik(self):
        return nik_rules.clean_nik(self.cleaned_data["nik"])

    def clean_no_kk(self):
        return nik_rules.clean_kk(self.cleaned_data["no_kk"])

    def clean_tanggal_lahir(self):
        born = self.cleaned_data["tanggal_lahir"]
        if born > timezone.localdate() or born < datetime.date(1900, 1, 1):
            raise ValidationError("Tanggal lahir tidak mungkin; periksa tahunnya.")
        return born

    def clean_rt(self):
        return self._rt_rw("rt", "RT")

    def clean_rw(self):
        return self._rt_rw("rw", "RW")

    def _rt_rw(self, name, label):
        value = self.cleaned_data[name].strip()
        if not re.fullmatch(r"\d{1,3}", value):
            raise ValidationError(f"{label} ditulis dengan angka, mis. 003.")
        return value.zfill(3)

    def clean_telepon(self):
        telepon = self.cleaned_data["telepon"].strip()
        digits = re.sub(r"\D", "", telepon)
        if not re.fullmatch(r"\+?[0-9 ()-]{8,20}", telepon) or not 9 <= len(digits) <= 15:
            raise ValidationError("Nomor HP/WhatsApp hanya berisi angka, mis. 0812 3456 7890.")
        return telepon

    def clean(self):
        cleaned = super().clean()
        nik, born, sex = cleaned.get("nik"), cleaned.get("tanggal_lahir"), cleaned.get("jenis_kelamin")
        if nik and born and sex and not nik_rules.birth_date_matches(nik, born, sex == "P"):
            self.add_error(
                "nik",
                f"Angka ke-7 sampai ke-12 NIK ({nik[6:12]}) tidak cocok dengan tanggal lahir "
                f"{born:%d-%m-%Y} dan jenis kelamin yang Anda isi (untuk perempuan, tanggal di NIK ditambah 40). "
                "Periksa kembali NIK atau tanggal lahir.",
            )
        self._clean_files()
        return cleaned

    def _clean_files(self):
        for key, label, required in self.file_fields:
            upload = self.files.get(key)
            if upload:
                try:
                    name, content, content_type = uploads.clean_upload(upload)
                except ValidationError as exc:
                    self.add_error(key, exc)
                    continue
                self.accepted_files[key] = {"name": name, "content": content, "content_type": content_type}
                continue
            kept = uploads.kept(self.token, key)
            if kept:
                self.accepted_files[key] = kept
            elif required and not self.already_attached(label):
                self.add_error(key, f"Pilih berkas {label}.")

    def already_attached(self, label: str) -> bool:
        """A required file the request already has (LengkapiForm: the resident only replaces what was asked)."""
        return False

    def keep_files(self) -> str | None:
        """After a failed try: keep the accepted files server-side; the page names them by one token."""
        for key, meta in self.accepted_files.items():
            self.token = uploads.keep(self.token, key, meta["name"], meta["content"], meta["content_type"])
        return self.token

    @property
    def nik_luar_daerah(self) -> bool:
        return not nik_rules.is_from_kabupaten(self.cleaned_data["nik"], self.kabupaten_code)

    def custom_answers(self) -> list[tuple[str, str]]:
        rows = []
        for field in self.custom_fields:
            key = CUSTOM_PREFIX + (field.clean_name or field.get_field_clean_name())
            if key in dict((k, 1) for k, _, _ in self.file_fields):
                continue
            value = self.cleaned_data.get(key)
            if isinstance(value, datetime.date):
                value = value.strftime("%d-%m-%Y")
            rows.append((field.label, "" if value is None else str(value)))
        return rows
