"""URLs of the platform's own domain (public schema): Diskominfo's portal."""

from django.urls import path

from desa_platform.portal import views

urlpatterns = [
    path("", views.index, name="portal-index"),
    path("healthz", views.healthz, name="healthz"),
]
