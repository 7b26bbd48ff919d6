from django.urls import path

from . import views

app_name = "console"

urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("otp/", views.otp_verify, name="otp-verify"),
    path("otp/daftar/", views.otp_enrol, name="otp-enrol"),
    path("keluar/", views.logout_view, name="logout"),
    path("sandi/<uidb64>/<token>/", views.SetPasswordView.as_view(), name="set-password"),
    path("", views.index, name="index"),
    path("ekspor.csv", views.export_csv, name="export"),
    path("baru/", views.create, name="create"),
    path("massal/", views.bulk_region, name="bulk"),
    path("massal/csv/", views.bulk_csv, name="bulk-csv"),
    path("massal/<int:pk>/", views.bulk_job, name="bulk-job"),
    path("massal/<int:pk>/tautan-admin/", views.bulk_job_sheet, name="bulk-job-sheet"),
    path("desa/<slug:slug>/", views.detail, name="detail"),
    path("desa/<slug:slug>/tangguhkan/", views.suspend, name="suspend"),
    path("desa/<slug:slug>/aktifkan/", views.resume, name="resume"),
    path("desa/<slug:slug>/tema/", views.theme, name="theme"),
    path("desa/<slug:slug>/domain/<str:operation>/", views.domain_action, name="domain"),
    path("desa/<slug:slug>/cadangkan/", views.backup_now, name="backup"),
    path("desa/<slug:slug>/pulihkan/", views.restore_into, name="restore"),
    path("desa/<slug:slug>/hapus/", views.delete, name="delete"),
    path("desa/<slug:slug>/dukungan/", views.support_open, name="support-open"),
    path("desa/<slug:slug>/dukungan/<int:pk>/tutup/", views.support_close, name="support-close"),
    path("cadangan/", views.backups, name="backups"),
    path("cadangan/<str:name>", views.backup_download, name="backup-download"),
    path("versi/", views.versions, name="versions"),
    path("audit/", views.audit_log, name="audit"),
    path("staf/", views.staff_list, name="staff"),
    path("staf/<str:username>/aktif/", views.staff_active, name="staff-active"),
]
