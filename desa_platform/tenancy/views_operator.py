"""The kecamatan operator's two doors (services/operators.py): on the kecamatan's admin, the list of its desa
with a button each; on a desa's site, the one-time entry that signs the dedicated operator user in."""

from django.contrib.auth import login
from django.http import HttpResponseForbidden
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods
from wagtail.admin.auth import require_admin_access

from .current import facts_for
from .models import Desa
from .services import operators
from .services.errors import ServiceError


@require_admin_access
@require_http_methods(["GET", "POST"])
def desa_binaan(request):
    kecamatan = request.tenant
    granted = operators.active_grant(kecamatan, request.user.username) if kecamatan.kind == "kecamatan" else None
    if granted is None:
        return HttpResponseForbidden("Halaman ini hanya untuk operator kecamatan yang ditunjuk Diskominfo.")
    if request.method == "POST":
        desa = Desa.objects.filter(slug=request.POST.get("desa", "")[:50]).first()
        if desa is None:
            return HttpResponseForbidden("Desa tidak dikenal.")
        try:
            return redirect(operators.entry_url(kecamatan, request.user, desa))
        except ServiceError as error:
            return HttpResponseForbidden(str(error))
    return render(
        request, "tenancy/operator_desa.html", {"desa_list": operators.desa_of(kecamatan), "kecamatan": kecamatan}
    )


def enter(request, token):
    desa = request.tenant
    try:
        user = operators.enter(token, desa)
    except ServiceError as error:
        return render(
            request, "tenancy/operator_denied.html", {"desa": facts_for(desa), "reason": str(error)}, status=403
        )
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect("/admin/")
