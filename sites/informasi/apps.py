from django.apps import AppConfig


class InformasiConfig(AppConfig):
    name = "sites.informasi"
    label = "informasi"
    verbose_name = "Pengumuman dan agenda"
