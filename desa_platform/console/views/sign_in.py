"""Signing in to the console: password, then a TOTP second factor (enrolled on first sign-in); signing out;
setting a password from the one-time link a new staff account or desa admin receives."""

import segno
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.views import PasswordResetConfirmView
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from desa_platform.tenancy.models import AuditLog
from desa_platform.tenancy.services import audit

from ..auth import has_confirmed_device
from ..forms import LoginForm, TokenForm

NEXT_KEY = "console_next"


def login_view(request):
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(request, username=form.cleaned_data["username"], password=form.cleaned_data["password"])
        if user is None or not user.is_staff:
            audit.record(form.cleaned_data["username"], AuditLog.Action.LOGIN_FAILED, None)
            form.add_error(None, "Nama pengguna atau kata sandi salah, atau akun ini bukan akun staf Diskominfo.")
        else:
            login(request, user)
            next_url = request.GET.get("next", "")
            if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
                request.session[NEXT_KEY] = next_url
            return redirect("console:otp-verify" if has_confirmed_device(user) else "console:otp-enrol")
    return render(request, "console/login.html", {"form": form})


def _signed_in(request):
    return request.user.is_authenticated and request.user.is_staff


def _after_verification(request):
    audit.record(request.user, AuditLog.Action.LOGIN, None)
    return redirect(request.session.pop(NEXT_KEY, "") or "console:index")


def otp_verify(request):
    if not _signed_in(request):
        return redirect("console:login")
    if not has_confirmed_device(request.user):
        return redirect("console:otp-enrol")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"].strip()
        for device in TOTPDevice.objects.filter(user=request.user, confirmed=True):
            if device.verify_token(token):
                otp_login(request, device)
                return _after_verification(request)
        form.add_error(
            "token", "Kode salah atau sudah kedaluwarsa; tunggu sebentar, lalu coba kode yang sedang tampil."
        )
    return render(request, "console/otp_verify.html", {"form": form})


def otp_enrol(request):
    if not _signed_in(request):
        return redirect("console:login")
    if has_confirmed_device(request.user):
        return redirect("console:otp-verify")
    device, _ = TOTPDevice.objects.get_or_create(user=request.user, confirmed=False, defaults={"name": "Konsol"})
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            audit.record(request.user, AuditLog.Action.OTP_ENROLLED, None)
            return _after_verification(request)
        form.add_error("token", "Kode tidak cocok; pastikan jam ponsel tepat, lalu coba kode berikutnya.")
    uri = device.config_url
    qr_svg = segno.make(uri, error="m").svg_inline(scale=5, dark="#1f2933", title="Kode QR autentikator")
    secret = uri.split("secret=")[1].split("&")[0]
    context = {"form": form, "uri": uri, "qr_svg": qr_svg, "secret": secret}
    return render(request, "console/otp_enrol.html", context)


@require_POST
def logout_view(request):
    logout(request)
    messages.info(request, "Anda sudah keluar.")
    return redirect("console:login")


class SetPasswordView(PasswordResetConfirmView):
    template_name = "console/set_password.html"
    success_url = reverse_lazy("console:login")
    post_reset_login = False

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, "Kata sandi terpasang. Silakan masuk.")
        return response
