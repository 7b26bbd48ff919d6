"""After staff ask for more ("perlu dilengkapi"): the resident, proven by the tracking code and the last 4 NIK
digits, adds or replaces attachments and corrects the request's free fields (never the NIK), and sends it back.

The same form and checks as the first request (PermohonanForm): file types by content, HEIC, size caps, the NIK's
date part against the birth date, Indonesian errors, files kept between tries. The NIK proof is carried between
the two steps (type the digits, then the form) by a signed, expiring token bound to this desa and this request,
so the digits are neither kept in the page nor in a session."""

import datetime
import hashlib
import hmac

from django.core import signing as django_signing
from django.core.files.base import ContentFile
from django.db import connection, transaction

from . import notify, workflow
from .forms import CUSTOM_PREFIX, PermohonanForm
from .models import Lampiran, Permohonan

S = Permohonan.Status
SALT = "surat.lengkapi"
TOKEN_SECONDS = 2 * 60 * 60
EDITABLE = ("nama", "no_kk", "jenis_kelamin", "tempat_lahir", "tanggal_lahir", "alamat", "rt", "rw", "dusun")
EDITABLE += ("telepon", "email", "keperluan")
AKSI = "Dilengkapi oleh pemohon"


def nik4_matches(permohonan: Permohonan, typed: str) -> bool:
    digits = "".join(ch for ch in (typed or "") if ch.isdigit())[:4]
    return len(digits) == 4 and hmac.compare_digest(digits, permohonan.nik[-4:])


def _binding(permohonan: Permohonan) -> str:
    return hashlib.sha256(f"{connection.schema_name}:{permohonan.pk}:{permohonan.kode}".encode()).hexdigest()[:32]


def make_token(permohonan: Permohonan) -> str:
    return django_signing.dumps(_binding(permohonan), salt=SALT, compress=False)


def token_valid(permohonan: Permohonan, token: str) -> bool:
    try:
        value = django_signing.loads(token or "", salt=SALT, max_age=TOKEN_SECONDS)
    except django_signing.BadSignature:
        return False
    return hmac.compare_digest(str(value), _binding(permohonan))


class LengkapiForm(PermohonanForm):
    """The first form less the NIK (fixed: the date check still uses it) and the consent (already given)."""

    def __init__(self, *args, permohonan: Permohonan, **kwargs):
        super().__init__(*args, **kwargs)
        self.permohonan = permohonan
        del self.fields["nik"], self.fields["persetujuan"]
        self.attached = set(permohonan.lampiran.values_list("label", flat=True))
        for key, label, _required in self.file_fields:
            if label in self.attached:
                self.fields[key].help_text = "Sudah ada; pilih berkas baru hanya untuk menggantinya."

    def already_attached(self, label: str) -> bool:
        return label in self.attached

    def clean(self):
        self.cleaned_data["nik"] = self.permohonan.nik
        return super().clean()

    def add_error(self, field, error):
        # The NIK is fixed here: a birth date that does not match it is the date's error.
        super().add_error("tanggal_lahir" if field == "nik" else field, error)


def initial_for(permohonan: Permohonan, form_class=LengkapiForm) -> dict:
    initial = {name: getattr(permohonan, name) for name in EDITABLE}
    initial["tanggal_lahir"] = permohonan.tanggal_lahir.isoformat()
    answers = dict((permohonan.isian or {}).get("tampil", []))
    for field in permohonan.layanan.isian_online.all() if permohonan.layanan else []:
        value = answers.get(field.label)
        if value is None:
            continue
        try:  # dates were stored as DD-MM-YYYY; the date input wants YYYY-MM-DD
            value = datetime.datetime.strptime(value, "%d-%m-%Y").date().isoformat()
        except ValueError:
            pass
        initial[CUSTOM_PREFIX + (field.clean_name or field.get_field_clean_name())] = value
    return initial


def resubmit(form: LengkapiForm) -> Permohonan:
    """Store the corrections and files, put the request back where staff left it, and say so in its history."""
    data = form.cleaned_data
    with transaction.atomic():
        permohonan = Permohonan.objects.select_for_update().get(pk=form.permohonan.pk)
        if permohonan.status != S.PERLU_DILENGKAPI:
            raise workflow.StepError("Permohonan ini tidak sedang menunggu dilengkapi.")
        changed = [
            Permohonan._meta.get_field(name).verbose_name
            for name in EDITABLE
            if _value(data, name) != getattr(permohonan, name)
        ]
        for name in EDITABLE:
            setattr(permohonan, name, _value(data, name))
        answers = form.custom_answers()
        if answers != (permohonan.isian or {}).get("tampil", []):
            changed.append("isian tambahan")
        permohonan.isian = {**(permohonan.isian or {}), "tampil": answers}
        files = _store_files(permohonan, form)
        permohonan.status = back_to(permohonan)
        permohonan.catatan_publik = ""
        permohonan.save()
        parts = []
        if files:
            parts.append("Lampiran: " + ", ".join(files) + ".")
        if changed:
            parts.append("Data diperbaiki: " + ", ".join(changed) + ".")
        workflow.record(
            permohonan, None, AKSI, status=permohonan.status, catatan=" ".join(parts), publik=True, oleh="Pemohon"
        )
        notify.status_changed(permohonan)
    return permohonan


def _value(data: dict, name: str):
    value = data.get(name, "")
    return value.strip() if isinstance(value, str) else value


def _store_files(permohonan: Permohonan, form: LengkapiForm) -> list[str]:
    labels = {key: label for key, label, _ in form.file_fields}
    done = []
    for key, meta in form.accepted_files.items():
        label = labels.get(key, "Lampiran")
        old = permohonan.lampiran.filter(label=label).first()
        if old is not None:
            old.berkas.delete(save=False)  # personal data: the replaced photo does not linger
            old.delete()
        lampiran = Lampiran(
            permohonan=permohonan,
            label=label,
            nama_asli=meta["name"],
            content_type=meta["content_type"],
            ukuran=len(meta["content"]),
        )
        lampiran.berkas.save(meta["name"], ContentFile(meta["content"]), save=True)
        done.append(f"{label} {'diganti' if old is not None else 'ditambahkan'}")
    return done


def back_to(permohonan: Permohonan) -> str:
    """The stage the staff asked from: diterima if they asked before examining it, else diperiksa."""
    steps = list(permohonan.riwayat.exclude(status="").order_by("-waktu", "-pk").values_list("status", flat=True))
    for index, status in enumerate(steps):
        if status == S.PERLU_DILENGKAPI:
            before = next((s for s in steps[index + 1 :] if s != S.PERLU_DILENGKAPI), S.DIPERIKSA)
            return S.DITERIMA if before == S.DITERIMA else S.DIPERIKSA
    return S.DIPERIKSA
