"""Public routes of the letters app (included by sites/core/urls.py before Wagtail's page routes)."""

from django.urls import path

from .views import lengkapi, public

app_name = "surat"
urlpatterns = [
    path("layanan/ajukan/<slug:slug>/", public.ajukan, name="ajukan"),
    path("layanan/status/<str:kode>/", public.status, name="status"),
    path("layanan/status/<str:kode>/unduh/", public.unduh, name="unduh"),
    path("layanan/status/<str:kode>/lengkapi/", lengkapi.complete, name="lengkapi"),
    path("verifikasi/<str:kode>/", public.verifikasi, name="verifikasi"),
]
