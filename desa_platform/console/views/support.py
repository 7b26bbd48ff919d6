"""Support access: Diskominfo opens a time-limited session into a desa's admin, and enters it on the desa's
own domain (`enter`, the one console URL served there, see urls_tenants)."""

from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from desa_platform.tenancy.current import current_desa
from desa_platform.tenancy.models import SupportSession
from desa_platform.tenancy.services import support
from desa_platform.tenancy.services.errors import ServiceError

from ..auth import staff_required
from ..forms import SupportForm
from .desa import desa_or_404, detail
from .outcome import FAILED, attempt


@staff_required
@require_POST
def support_open(request, slug):
    desa = desa_or_404(slug)
    form = SupportForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Isi alasan dan lama akses dukungan (1–240 menit).")
        return redirect("console:detail", slug)
    opened = attempt(
        request,
        lambda: support.open_session(
            desa, request.user, form.cleaned_data["reason"], minutes=form.cleaned_data["minutes"]
        ),
    )
    if opened is FAILED:
        return redirect("console:detail", slug)
    session, link = opened
    # Shown once, in this response only: the token is stored as a hash.
    return detail(request, slug, extra={"support_link": link, "support_session": session})


@staff_required
@require_POST
def support_close(request, slug, pk):
    session = get_object_or_404(SupportSession, pk=pk, desa__slug=slug)
    support.close(session, request.user)
    messages.success(request, "Akses dukungan ditutup.")
    return redirect("console:detail", slug)


def enter(request, token):
    """GET shows what the link does and asks for one click; only that POST spends the one-time token, so a chat
    app's link preview or a mail scanner opening the link does not use it up."""
    desa = request.tenant
    if request.method != "POST":
        if not support.looks_like_ours(token):
            context = {"desa": current_desa(), "reason": "Tautan akses dukungan tidak sah."}
            return render(request, "console/support_denied.html", context, status=403)
        return render(request, "console/support_confirm.html", {"desa": current_desa()})
    try:
        session, user = support.enter(token, desa)
    except ServiceError as error:
        context = {"desa": current_desa(), "reason": str(error)}
        return render(request, "console/support_denied.html", context, status=403)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    request.session[support.SESSION_KEY] = session.pk
    request.session.set_expiry(session.expires_at)
    return redirect("/admin/")
