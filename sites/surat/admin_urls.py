from django.urls import path

from .views import inbox, meja, terbit

app_name = "surat_admin"
urlpatterns = [
    path("", inbox.inbox, name="inbox"),
    path("<int:pk>/", inbox.detail, name="detail"),
    path("<int:pk>/pratinjau/", meja.preview, name="preview"),
    path("lampiran/<int:pk>/", inbox.lampiran, name="lampiran"),
    path("meja-tanda-tangan/", meja.desk, name="meja"),
    path("passphrase/", meja.passphrase, name="passphrase"),
    path("surat/", terbit.register, name="terbit"),
    path("surat/<int:pk>/berkas/", inbox.surat_berkas, name="surat_berkas"),
    path("surat/<int:pk>/cabut/", terbit.revoke, name="cabut"),
]
