from django.core.cache import caches
from django.db import DatabaseError, connection
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


def livez(request):
    """Liveness (the process answers) and the bare-Django baseline of bench/serving.py: no database, no cache."""
    return HttpResponse("ok", content_type="text/plain")


def healthz(request):
    """For monitoring: the database and the shared cache, each on its own line; 503 when either is down (pages
    are still served without the cache, but slower: someone should look)."""
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    body = "".join(f"{name}: {'ok' if ok else 'GAGAL'}\n" for name, ok in checks.items())
    return HttpResponse(body, content_type="text/plain", status=200 if all(checks.values()) else 503)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        return False


def _cache_ok() -> bool:
    backend = caches["default"]
    if hasattr(backend, "ping"):
        return backend.ping()
    try:
        backend.set("healthz", "1", 10)
        return backend.get("healthz") == "1"
    except Exception:  # noqa: BLE001
        return False
