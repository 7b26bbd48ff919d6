from django.urls import path

from . import views

urlpatterns = [
    path("dua-langkah/", views.setup, name="desa_admin_otp_setup"),
    path("dua-langkah/matikan/", views.disable, name="desa_admin_otp_disable"),
    path("dua-langkah/verifikasi/", views.verify, name="desa_admin_otp_verify"),
]
