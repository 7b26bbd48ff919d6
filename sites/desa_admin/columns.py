"""Listing columns in a clerk's words."""

from wagtail.admin.ui.tables import Column


class YaTidakColumn(Column):
    """A yes/no field as "Ya"/"Tidak": Wagtail's plain column prints Python's True/False, its BooleanColumn an
    icon whose spoken text is English."""

    def __init__(self, name, label, **kwargs):
        kwargs.setdefault("sort_key", name)
        super().__init__(name, label=label, **kwargs)

    def get_value(self, instance):
        value = super().get_value(instance)
        return "" if value is None else ("Ya" if value else "Tidak")
