"""Meja tanda tangan: what waits for the signer, the letter as it will look, signing one or several at once
with the signer's own passphrase or a TOTP code from their authenticator; and the signer's own screen (name,
jabatan, NIK for BSrE, NIP, passphrase). Made for a 360 px phone."""

from django import forms
from django.contrib import messages
from django.contrib.auth import authenticate
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from .. import access, issuing, signing
from .. import nik as nik_rules
from ..models import Penandatangan, Permohonan

MAX_BATCH = 20


def waiting():
    return (
        Permohonan.objects.filter(status=Permohonan.Status.MENUNGGU_TTD).select_related("layanan").order_by("dikirim")
    )


def signer_of(user) -> Penandatangan | None:
    return Penandatangan.objects.filter(pengguna=user).first()


def has_passphrase(penandatangan) -> bool:
    try:
        return signing.service().has_signing_passphrase(signing.signer_for(penandatangan))
    except ImportError:
        return False


def not_ready(penandatangan) -> str | None:
    """Why this user cannot sign yet (sent to the signer's own screen), or None."""
    if penandatangan is None:
        return "Atur dulu nama, jabatan dan passphrase tanda tangan Anda."
    if signing.backend_kind() == "bsre" and not penandatangan.nik:
        return signing.NIK_MISSING_FOR_BSRE
    if not has_passphrase(penandatangan):
        return "Atur dulu nama, jabatan dan passphrase tanda tangan Anda."
    return None


class SignForm(forms.Form):
    pilih = forms.MultipleChoiceField(
        label="Surat",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Pilih paling sedikit satu surat."},
    )
    passphrase = forms.CharField(
        label="Passphrase tanda tangan",
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
        max_length=200,
        required=False,
    )
    kode = forms.CharField(
        label="atau kode 6 angka dari aplikasi autentikator",
        max_length=8,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "size": 8}),
        help_text="Isi salah satu: passphrase atau kode autentikator.",
    )
    yakin = forms.BooleanField(
        label="Saya sudah membaca surat yang dipilih dan menyetujui isinya.",
        error_messages={"required": "Centang pernyataan bahwa Anda sudah membaca suratnya."},
    )

    def __init__(self, *args, choices, totp=False, bsre=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pilih"].choices = choices
        self.totp = totp
        if bsre:
            self.fields["passphrase"].label = "Passphrase BSrE"
        if not totp:
            del self.fields["kode"]

    def clean(self):
        cleaned = super().clean()
        kode = "".join((cleaned.get("kode") or "").split())
        cleaned["kode"] = kode
        if self.totp and kode and cleaned.get("passphrase"):
            self.add_error("kode", "Isi salah satu saja: passphrase atau kode autentikator.")
        elif kode and not kode.isdigit():
            self.add_error("kode", "Kode autentikator berupa angka, mis. 123456.")
        elif not kode and not cleaned.get("passphrase"):
            message = "Ketik passphrase tanda tangan Anda"
            self.add_error("passphrase", message + (" atau kode autentikator." if self.totp else "."))
        return cleaned


@require_http_methods(["GET", "POST"])
def desk(request):
    access.require(request.user, access.SIGN)
    penandatangan = signer_of(request.user)
    reason = not_ready(penandatangan)
    if reason:
        messages.warning(request, reason)
        return redirect("surat_admin:passphrase")
    items = list(waiting())
    choices = [(str(p.pk), str(p)) for p in items]
    totp = signing.can_confirm_with_totp(request.user)
    bsre = signing.backend_kind() == "bsre"
    form = SignForm(request.POST or None, choices=choices, totp=totp, bsre=bsre)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            chosen = [int(pk) for pk in form.cleaned_data["pilih"]][:MAX_BATCH]
            done, failed = sign_many(
                chosen, penandatangan, form.cleaned_data["passphrase"], otp_token=form.cleaned_data.get("kode", "")
            )
            if done:
                messages.success(
                    request, f"{len(done)} surat ditandatangani: " + ", ".join(s.nomor for s in done) + "."
                )
            for message in failed:
                messages.error(request, message)
            if done:
                return redirect("surat_admin:meja")
            form = SignForm(request.POST, choices=choices, totp=totp, bsre=bsre)
            form.is_valid()
        status = 400
    return TemplateResponse(
        request,
        "surat/admin/meja.html",
        {
            "items": items,
            "form": form,
            "penandatangan": penandatangan,
            "totp": totp,
            "jenis": signing.KIND_LABEL.get(signing.backend_kind(), ""),
        },
        status=status,
    )


def sign_many(pks, penandatangan, passphrase, *, otp_token=""):
    done, failed = [], []
    for pk in pks:
        try:
            done.append(issuing.issue_letter(pk, penandatangan, passphrase, otp_token=otp_token))
        except issuing.IssueError as exc:
            failed.append(str(exc))
            # A wrong passphrase is wrong for the rest too: stop instead of counting failures against the key.
            if not done:
                break
        except Permohonan.DoesNotExist:
            failed.append("Permohonan tidak ditemukan.")
    return done, failed


def preview(request, pk):
    """The letter as it will be issued (without number and signature), for reading before signing."""
    access.require(request.user, access.VIEW)
    permohonan = get_object_or_404(Permohonan.objects.select_related("layanan"), pk=pk)
    penandatangan = signer_of(request.user) or Penandatangan(nama="(nama penandatangan)", jabatan="Kepala Desa")
    access.log_view(permohonan, request.user, "melihat pratinjau surat")
    try:
        _template, document, _box = issuing.render_letter(
            permohonan,
            penandatangan,
            nomor="(diberikan saat ditandatangani)",
            tanggal=timezone.localdate(),
            kode="pratinjau",
            kind=signing.backend_kind(),
        )
    except issuing.IssueError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="pratinjau-{permohonan.kode}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


class PassphraseForm(forms.Form):
    """The signer's own screen: the only place their NIK is shown in full."""

    nama = forms.CharField(
        label="Nama di surat",
        max_length=150,
        help_text="Nama lengkap dengan gelar, seperti tertulis di bawah tanda tangan.",
    )
    jabatan = forms.ChoiceField(label="Jabatan", choices=Penandatangan.Jabatan.choices)
    nip = forms.CharField(
        label="NIP",
        max_length=24,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        help_text="18 angka, bila Anda ASN; dicetak di bawah nama pada surat. Kosongkan bila tidak punya NIP.",
    )
    nik = forms.CharField(
        label="NIK (untuk tanda tangan BSrE)",
        max_length=24,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text="NIK di KTP-el Anda yang terdaftar di BSrE. Tidak dicetak di surat dan tidak tampil di halaman "
        "publik.",
    )
    kata_sandi = forms.CharField(
        label="Kata sandi akun Anda", widget=forms.PasswordInput, help_text="Untuk memastikan ini memang Anda."
    )
    passphrase = forms.CharField(
        label="Passphrase tanda tangan baru",
        min_length=8,
        max_length=200,
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Paling sedikit 8 karakter, berbeda dengan kata sandi akun. Diminta setiap kali menandatangani.",
    )
    passphrase2 = forms.CharField(
        label="Ulangi passphrase", required=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, request, kind, has_passphrase, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.kind = kind
        self.has_passphrase = has_passphrase
        if kind == "bsre":
            # The passphrase is BSrE's own, typed at each signature and never stored here.
            del self.fields["passphrase"], self.fields["passphrase2"]
            self.fields["nik"].required = True
            self.fields["nik"].label = "NIK (terdaftar di BSrE)"
            self.fields["nik"].error_messages["required"] = "Isi NIK Anda: BSrE mengenali penanda tangan dari NIK."
        elif has_passphrase:
            self.fields["passphrase"].help_text += " Kosongkan bila tidak ingin menggantinya."

    def clean_kata_sandi(self):
        user = self.request.user
        if authenticate(self.request, username=user.get_username(), password=self.cleaned_data["kata_sandi"]) is None:
            raise forms.ValidationError("Kata sandi akun salah.")
        return self.cleaned_data["kata_sandi"]

    def clean_nik(self):
        value = self.cleaned_data["nik"]
        return nik_rules.clean_nik(value) if value.strip() else ""

    def clean_nip(self):
        value = self.cleaned_data["nip"]
        return nik_rules.clean_nip(value) if value.strip() else ""

    def clean(self):
        cleaned = super().clean()
        if self.kind == "bsre":
            return cleaned
        if not cleaned.get("passphrase") and not self.has_passphrase and "passphrase" not in self.errors:
            self.add_error("passphrase", "Buat passphrase tanda tangan (paling sedikit 8 karakter).")
        if cleaned.get("passphrase") and cleaned.get("passphrase") != cleaned.get("passphrase2"):
            self.add_error("passphrase2", "Kedua passphrase tidak sama.")
        if cleaned.get("passphrase") and cleaned.get("passphrase") == cleaned.get("kata_sandi"):
            self.add_error("passphrase", "Gunakan passphrase yang berbeda dengan kata sandi akun.")
        return cleaned


@require_http_methods(["GET", "POST"])
def passphrase(request):
    access.require(request.user, access.SIGN)
    current = signer_of(request.user)
    kind = signing.backend_kind()
    ada = bool(current and has_passphrase(current))
    initial = {
        "nama": current.nama if current else (request.user.get_full_name() or request.user.get_username()),
        "jabatan": current.jabatan if current else Penandatangan.Jabatan.KEPALA_DESA,
        "nik": current.nik if current else "",
        "nip": current.nip if current else "",
    }
    form = PassphraseForm(request.POST or None, request=request, initial=initial, kind=kind, has_passphrase=ada)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        penandatangan, _ = Penandatangan.objects.update_or_create(
            pengguna=request.user,
            defaults={"nama": data["nama"], "jabatan": data["jabatan"], "nik": data["nik"], "nip": data["nip"]},
        )
        try:
            if data.get("passphrase"):
                signing.service().set_signing_passphrase(signing.signer_for(penandatangan), data["passphrase"])
        except signing.service().SigningError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Data penanda tangan tersimpan. Anda siap menandatangani surat.")
            return redirect("surat_admin:meja")
    return TemplateResponse(
        request,
        "surat/admin/passphrase.html",
        {"form": form, "ada": ada, "bsre": kind == "bsre"},
        status=400 if request.method == "POST" else 200,
    )
