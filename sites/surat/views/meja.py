"""Meja tanda tangan: what waits for the signer, the letter as it will look, signing one or several at once
with the signer's own passphrase; and the screen to set that passphrase. Made for a 360 px phone."""

from django import forms
from django.contrib import messages
from django.contrib.auth import authenticate
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from .. import access, issuing, signing
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
        error_messages={"required": "Ketik passphrase tanda tangan Anda."},
    )
    yakin = forms.BooleanField(
        label="Saya sudah membaca surat yang dipilih dan menyetujui isinya.",
        error_messages={"required": "Centang pernyataan bahwa Anda sudah membaca suratnya."},
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pilih"].choices = choices


@require_http_methods(["GET", "POST"])
def desk(request):
    access.require(request.user, access.SIGN)
    penandatangan = signer_of(request.user)
    if penandatangan is None or not has_passphrase(penandatangan):
        messages.warning(request, "Atur dulu nama, jabatan dan passphrase tanda tangan Anda.")
        return redirect("surat_admin:passphrase")
    items = list(waiting())
    choices = [(str(p.pk), str(p)) for p in items]
    form = SignForm(request.POST or None, choices=choices)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            chosen = [int(pk) for pk in form.cleaned_data["pilih"]][:MAX_BATCH]
            done, failed = sign_many(chosen, penandatangan, form.cleaned_data["passphrase"])
            if done:
                messages.success(
                    request, f"{len(done)} surat ditandatangani: " + ", ".join(s.nomor for s in done) + "."
                )
            for message in failed:
                messages.error(request, message)
            if done:
                return redirect("surat_admin:meja")
            form = SignForm(request.POST, choices=choices)
            form.is_valid()
        status = 400
    return TemplateResponse(
        request,
        "surat/admin/meja.html",
        {
            "items": items,
            "form": form,
            "penandatangan": penandatangan,
            "jenis": signing.KIND_LABEL.get(signing.backend_kind(), ""),
        },
        status=status,
    )


def sign_many(pks, penandatangan, passphrase):
    done, failed = [], []
    for pk in pks:
        try:
            done.append(issuing.issue_letter(pk, penandatangan, passphrase))
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
    nama = forms.CharField(
        label="Nama di surat",
        max_length=150,
        help_text="Nama lengkap dengan gelar, seperti tertulis di bawah tanda tangan.",
    )
    jabatan = forms.ChoiceField(label="Jabatan", choices=Penandatangan.Jabatan.choices)
    kata_sandi = forms.CharField(
        label="Kata sandi akun Anda", widget=forms.PasswordInput, help_text="Untuk memastikan ini memang Anda."
    )
    passphrase = forms.CharField(
        label="Passphrase tanda tangan baru",
        min_length=8,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Paling sedikit 8 karakter, berbeda dengan kata sandi akun. Diminta setiap kali menandatangani.",
    )
    passphrase2 = forms.CharField(
        label="Ulangi passphrase", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_kata_sandi(self):
        user = self.request.user
        if authenticate(self.request, username=user.get_username(), password=self.cleaned_data["kata_sandi"]) is None:
            raise forms.ValidationError("Kata sandi akun salah.")
        return self.cleaned_data["kata_sandi"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("passphrase") and cleaned.get("passphrase") != cleaned.get("passphrase2"):
            self.add_error("passphrase2", "Kedua passphrase tidak sama.")
        if cleaned.get("passphrase") and cleaned.get("passphrase") == cleaned.get("kata_sandi"):
            self.add_error("passphrase", "Gunakan passphrase yang berbeda dengan kata sandi akun.")
        return cleaned


@require_http_methods(["GET", "POST"])
def passphrase(request):
    access.require(request.user, access.SIGN)
    current = signer_of(request.user)
    initial = {
        "nama": current.nama if current else (request.user.get_full_name() or request.user.get_username()),
        "jabatan": current.jabatan if current else Penandatangan.Jabatan.KEPALA_DESA,
    }
    form = PassphraseForm(request.POST or None, request=request, initial=initial)
    if request.method == "POST" and form.is_valid():
        penandatangan, _ = Penandatangan.objects.update_or_create(
            pengguna=request.user, defaults={"nama": form.cleaned_data["nama"], "jabatan": form.cleaned_data["jabatan"]}
        )
        try:
            signing.service().set_signing_passphrase(signing.signer_for(penandatangan), form.cleaned_data["passphrase"])
        except signing.service().SigningError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Passphrase tanda tangan tersimpan. Sertifikat Anda siap dipakai.")
            return redirect("surat_admin:meja")
    return TemplateResponse(
        request,
        "surat/admin/passphrase.html",
        {"form": form, "ada": bool(current and has_passphrase(current))},
        status=400 if request.method == "POST" else 200,
    )
