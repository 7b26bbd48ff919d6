"""Admin page forms that refuse a second page for the same year (APBDes) or the same number (produk hukum)."""

from wagtail.admin.forms import WagtailAdminPageForm


class UniqueAmongSiblingsForm(WagtailAdminPageForm):
    """Subclasses name the fields that must not repeat among pages of the same parent."""

    unique_together_fields: tuple[str, ...] = ()
    error_field = ""

    def duplicate_message(self, cleaned_data) -> str:
        raise NotImplementedError

    def clean(self):
        cleaned_data = super().clean()
        values = {name: cleaned_data.get(name) for name in self.unique_together_fields}
        if self.parent_page is None or any(value in (None, "") for value in values.values()):
            return cleaned_data
        model = type(self.instance)
        twins = model.objects.child_of(self.parent_page).filter(**values)
        if self.instance.pk:
            twins = twins.exclude(pk=self.instance.pk)
        if twins.exists():
            self.add_error(self.error_field, self.duplicate_message(cleaned_data))
        return cleaned_data


class APBDesForm(UniqueAmongSiblingsForm):
    unique_together_fields = ("tahun",)
    error_field = "tahun"

    def duplicate_message(self, cleaned_data) -> str:
        return f"APBDes tahun {cleaned_data['tahun']} sudah ada. Ubah halaman yang sudah ada."


class ProdukHukumForm(UniqueAmongSiblingsForm):
    unique_together_fields = ("jenis", "nomor", "tahun")
    error_field = "nomor"

    def duplicate_message(self, cleaned_data) -> str:
        label = dict(self.fields["jenis"].choices).get(cleaned_data["jenis"], "")
        return f"{label} Nomor {cleaned_data['nomor']} Tahun {cleaned_data['tahun']} sudah ada."
