from django.apps import AppConfig


class WilayahConfig(AppConfig):
    name = "sites.wilayah"
    label = "wilayah"
    verbose_name = "Desa dan kelurahan"
