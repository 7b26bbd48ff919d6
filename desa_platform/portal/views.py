from django.http import HttpResponse
from django.shortcuts import render

from desa_platform.tenancy.models import Desa
from desa_platform.tenancy.services.provisioning import site_root_url


def index(request):
    desa_list = [
        {"desa": desa, "url": site_root_url(desa)}
        for desa in Desa.objects.filter(status=Desa.Status.ACTIVE).prefetch_related("domains")
    ]
    return render(request, "portal/index.html", {"desa_list": desa_list})


def healthz(request):
    """Liveness probe for monitoring (and the bare-Django baseline of bench/serving.py): no database, no template."""
    return HttpResponse("ok", content_type="text/plain")
