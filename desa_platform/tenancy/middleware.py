from django.conf import settings
from django.db import connection
from django.http import HttpResponsePermanentRedirect
from django.http.request import split_domain_port
from django.shortcuts import render

from . import routing
from .current import serving
from .services import support


class TenantRoutingMiddleware:
    """Pick the schema from the Host header: platform domains → public, known desa → its schema."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.platform_domains = {d.lower() for d in settings.PLATFORM_DOMAINS}

    def __call__(self, request):
        connection.set_schema_to_public()
        # get_host() raises DisallowedHost for a malformed Host, which Django answers with 400.
        hostname, port = split_domain_port(request.get_host())
        if hostname in self.platform_domains:
            request.tenant = None
            request.urlconf = settings.PUBLIC_SCHEMA_URLCONF
            return self.get_response(request)

        route = routing.lookup(hostname)
        if route is None:
            return render(request, "tenancy/unknown_host.html", {"hostname": hostname}, status=404)
        if hostname != route.primary:
            netloc = f"{route.primary}:{port}" if port else route.primary
            return HttpResponsePermanentRedirect(f"{request.scheme}://{netloc}{request.get_full_path()}")

        desa = route.desa
        # Suspended: its admin stays reachable only through a Diskominfo support session (services/support.py).
        if desa.is_suspended and not support.admin_allowed_while_suspended(request, desa):
            response = render(request, "tenancy/suspended.html", {"desa": route.facts}, status=503)
            response["Retry-After"] = "3600"
            return response

        connection.set_tenant(desa)
        request.tenant = desa
        request.urlconf = settings.ROOT_URLCONF
        try:
            with serving(route.facts):
                return self.get_response(request)
        finally:
            connection.set_schema_to_public()
