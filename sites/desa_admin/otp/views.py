"""Two-step verification (TOTP) for desa users: turn on from the account page, type the code after login."""

import base64
from urllib.parse import quote, urlencode

import segno
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from desa_platform.tenancy.current import current_desa

from .forms import TokenForm

WRONG_CODE = "Kode salah atau sudah kedaluwarsa. Periksa jam di ponsel Anda lalu coba kode yang baru."
TOO_FAST = "Terlalu banyak kode salah. Tunggu beberapa detik, lalu masukkan kode yang baru."


def code_refused(device, token: str) -> str | None:
    """None when the code is right; else why not. The device's throttle doubles the wait after each wrong code."""
    allowed, _detail = device.verify_is_allowed()
    if not allowed:
        return TOO_FAST
    with transaction.atomic():
        locked = type(device).objects.select_for_update().get(pk=device.pk)
        if locked.verify_token(token):
            return None
    return WRONG_CODE


def confirmed_device(user):
    return next(iter(devices_for_user(user, confirmed=True)), None)


def safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


@require_http_methods(["GET", "POST"])
def verify(request):
    device = confirmed_device(request.user)
    home = reverse("wagtailadmin_home")
    if device is None or request.user.is_verified():
        return redirect(safe_next(request, home))
    form = TokenForm(request.POST or None)
    if form.is_valid():
        refused = code_refused(device, form.cleaned_data["token"])
        if refused is None:
            otp_login(request, device)
            return redirect(safe_next(request, home))
        form.add_error("token", refused)
    return TemplateResponse(request, "desa_admin/otp/verify.html", {"form": form, "next": safe_next(request, home)})


def provisioning_uri(device: TOTPDevice) -> str:
    desa = current_desa()
    issuer = f"Desa Digital {desa.display_name}" if desa else "Desa Digital"
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    label = quote(f"{issuer}:{device.user.get_username()}")
    query = urlencode({"secret": secret, "issuer": issuer, "digits": device.digits, "period": device.step})
    return f"otpauth://totp/{label}?{query}"


@require_http_methods(["GET", "POST"])
def setup(request):
    """Show the state; on 'Aktifkan' make a new secret, and confirm it with a first code."""
    user = request.user
    active = confirmed_device(user)
    if active is not None:
        return TemplateResponse(request, "desa_admin/otp/active.html", {"form": TokenForm()})
    pending = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    form = TokenForm()
    if request.method == "POST" and request.POST.get("action") == "start":
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        pending = TOTPDevice.objects.create(user=user, name="Aplikasi autentikator", confirmed=False)
    elif request.method == "POST" and pending is not None:
        form = TokenForm(request.POST)
        if form.is_valid():
            refused = code_refused(pending, form.cleaned_data["token"])
            if refused is None:
                pending.refresh_from_db()
                pending.confirmed = True
                pending.save()
                otp_login(request, pending)
                messages.success(request, "Verifikasi dua langkah aktif. Setiap masuk, Anda akan diminta kodenya.")
                return redirect("desa_admin_otp_setup")
            form.add_error("token", refused)
    context = {"pending": pending, "form": form}
    if pending is not None:
        uri = provisioning_uri(pending)
        context.update(
            qr_svg=segno.make(uri, error="m").svg_data_uri(scale=5),
            secret=base64.b32encode(pending.bin_key).decode().rstrip("="),
        )
    return TemplateResponse(request, "desa_admin/otp/setup.html", context)


@require_http_methods(["POST"])
def disable(request):
    """Turning it off asks for a current code, so a forgotten open laptop cannot do it."""
    device = confirmed_device(request.user)
    form = TokenForm(request.POST)
    if device is not None and form.is_valid():
        refused = code_refused(device, form.cleaned_data["token"])
        if refused is None:
            TOTPDevice.objects.filter(user=request.user).delete()
            messages.success(request, "Verifikasi dua langkah dimatikan.")
            return redirect("desa_admin_otp_setup")
        form.add_error("token", refused)
    return TemplateResponse(request, "desa_admin/otp/active.html", {"form": form}, status=400)
