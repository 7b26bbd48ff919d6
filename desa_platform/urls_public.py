"""URLs of the platform's own domain (public schema): Diskominfo's portal."""

from django.urls import include, path

from desa_platform.portal import views

urlpatterns = [
    path("", views.index, name="portal-index"),
    path("console/", include("desa_platform.console.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("livez", views.livez, name="livez"),
]

# The desa themes' 404 page needs a desa schema; the platform's domain has its own.
handler404 = "desa_platform.console.views.not_found"
