"""The contact/complaint form residents fill in, with a honeypot field that people never see."""

import re

from django import forms

from .models import Pesan

HONEYPOT = "situs_web"
REQUIRED = "Kolom ini wajib diisi."


class PesanForm(forms.ModelForm):
    # Hidden from people by CSS and aria-hidden; bots that fill every field out themselves.
    situs_web = forms.CharField(required=False, label="Jangan isi kolom ini", max_length=200)

    class Meta:
        model = Pesan
        fields = ["nama", "email", "telepon", "jenis", "pesan"]
        error_messages = {
            "nama": {
                "required": "Tulis nama Anda.",
                "max_length": "Nama terlalu panjang (paling banyak %(limit_value)d huruf).",
            },
            "email": {"invalid": "Alamat surel belum benar, mis. nama@contoh.id."},
            "jenis": {"required": REQUIRED, "invalid_choice": "Pilih salah satu jenis pesan."},
            "pesan": {
                "required": "Tulis pesan Anda.",
                "max_length": "Pesan terlalu panjang (paling banyak %(limit_value)d huruf).",
            },
        }
        labels = {
            "nama": "Nama",
            "email": "Surel (email)",
            "telepon": "Nomor telepon/WhatsApp",
            "jenis": "Jenis pesan",
            "pesan": "Pesan",
        }
        help_texts = {
            "nama": "",
            "email": "",
            "telepon": "",
            "jenis": "Pilih “Pengaduan” untuk melaporkan masalah layanan atau lingkungan.",
            "pesan": "Ceritakan selengkapnya: apa, di mana, dan kapan.",
        }
        widgets = {
            "pesan": forms.Textarea(attrs={"rows": 6}),
            "telepon": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "nama": forms.TextInput(attrs={"autocomplete": "name"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())

    def clean_nama(self):
        nama = " ".join(self.cleaned_data["nama"].split())
        if not nama:
            raise forms.ValidationError("Tulis nama Anda.")
        return nama

    def clean_telepon(self):
        telepon = self.cleaned_data["telepon"].strip()
        if telepon and not re.fullmatch(r"\+?[0-9 ()-]{8,20}", telepon):
            raise forms.ValidationError("Nomor telepon/WhatsApp hanya berisi angka, mis. 0812 3456 7890.")
        if telepon and len(re.sub(r"\D", "", telepon)) < 8:
            raise forms.ValidationError("Nomor telepon/WhatsApp terlalu pendek.")
        return telepon

    def clean_pesan(self):
        pesan = self.cleaned_data["pesan"].strip()
        if len(pesan) < 10:
            raise forms.ValidationError(
                "Pesan terlalu pendek; ceritakan sedikit lebih lengkap (paling sedikit 10 huruf)."
            )
        return pesan

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("telepon") and "email" not in self.errors:
            raise forms.ValidationError(
                "Isi alamat surel atau nomor telepon/WhatsApp, agar kami dapat membalas pesan Anda."
            )
        return cleaned
