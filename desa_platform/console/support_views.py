"""The one URL on a desa's own domain that belongs to the console: entering its admin for support."""

from django.contrib.auth import login
from django.shortcuts import redirect, render

from desa_platform.tenancy.services import support
from desa_platform.tenancy.services.provisioning import ProvisioningError


def enter(request, token):
    desa = request.tenant
    try:
        session, user = support.enter(token, desa)
    except ProvisioningError as error:
        return render(request, "console/support_denied.html", {"desa": desa.facts, "reason": str(error)}, status=403)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    request.session[support.SESSION_KEY] = session.pk
    request.session.set_expiry(session.expires_at)
    return redirect("/admin/")
