"""'Lengkapi situs desa Anda': what a new desa still has to fill in, each step linking to its edit screen.

The page apps are looked up by name (apps.get_model) and every step whose app or model is missing is left
out, so the dashboard keeps working while a content kind is added, renamed or removed.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.fields import RichTextField, StreamField


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    hint: str
    done: bool
    url: str


def model(app_label: str, model_name: str):
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
        return None


def first_model(*candidates):
    return next((found for found in (model(*c) for c in candidates) if found is not None), None)


def url_or_empty(name: str, *args) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def page_edit_url(page) -> str:
    return url_or_empty("wagtailadmin_pages:edit", page.pk)


def add_child_url(parent_model, child_model) -> str:
    """'Add a child page' of the single parent page; the explorer when there is none yet."""
    parent = parent_model.objects.first() if parent_model else None
    if parent is None:
        return url_or_empty("wagtailadmin_explore_root")
    meta = child_model._meta
    return url_or_empty("wagtailadmin_pages:add", meta.app_label, meta.model_name, parent.pk)


def settings_url(setting_model) -> str:
    meta = setting_model._meta
    return url_or_empty("wagtailsettings:edit", meta.app_label, meta.model_name)


def own_text_fields(page_model):
    """The fields a profile page adds to Page that hold text an editor writes."""
    from wagtail.models import Page

    base_fields = {field.name for field in Page._meta.get_fields()}
    return [
        field
        for field in page_model._meta.get_fields()
        if field.name not in base_fields
        and isinstance(field, (models.CharField, models.TextField, RichTextField, StreamField))
        and not field.choices
    ]


def is_filled(value) -> bool:
    if value is None:
        return False
    if hasattr(value, "raw_data"):  # StreamValue
        return len(value.raw_data) > 0
    return bool(str(value).strip())


def pengaturan():
    setting_model = model("core", "PengaturanDesa")
    return (setting_model, setting_model.load()) if setting_model else (None, None)


def step_profil():
    """The profile is filled when its overview and visi-misi pages have every text of their own written."""
    page_models = [m for m in (model("profil", "ProfilPage"), model("profil", "VisiMisiPage")) if m is not None]
    if not page_models:
        return None
    unfilled = []
    for page_model in page_models:
        page = page_model.objects.first()
        fields = own_text_fields(page_model)
        if page is None or not all(is_filled(getattr(page, f.name)) for f in fields):
            unfilled.append(page)
    first_gap = next((page for page in unfilled if page is not None), None)
    return Step(
        "profil",
        "Profil desa",
        "Pengantar profil, sejarah, visi dan misi desa.",
        not unfilled,
        page_edit_url(first_gap) if first_gap else url_or_empty("wagtailadmin_explore_root"),
    )


def snippet_list_url(snippet_model) -> str:
    viewset = getattr(snippet_model, "snippet_viewset", None)
    return url_or_empty(viewset.get_url_name("list")) if viewset else ""


def step_perangkat():
    perangkat_model = first_model(("pemerintahan", "PerangkatDesa"), ("pemerintahan", "Perangkat"))
    if perangkat_model is None:
        return None
    return Step(
        "perangkat",
        "Perangkat desa",
        "Nama, jabatan dan foto kepala desa serta perangkatnya.",
        perangkat_model.objects.exists(),
        snippet_list_url(perangkat_model) or url_or_empty("wagtailadmin_explore_root"),
    )


def step_layanan():
    service_model = model("layanan", "ServicePage")
    if service_model is None:
        return None
    return Step(
        "layanan",
        "Minimal satu layanan",
        "Layanan yang bisa diurus warga di balai desa beserta syaratnya.",
        service_model.objects.live().exists(),
        add_child_url(model("layanan", "LayananIndexPage"), service_model),
    )


def step_apbdes():
    apbdes_model = model("transparansi", "APBDesPage")
    if apbdes_model is None:
        return None
    year = timezone.localdate().year
    return Step(
        "apbdes",
        f"APBDes tahun {year}",
        "Anggaran pendapatan dan belanja desa tahun ini, terbuka bagi warga.",
        apbdes_model.objects.live().filter(tahun=year).exists(),
        add_child_url(model("transparansi", "TransparansiIndexPage"), apbdes_model),
    )


def step_logo():
    setting_model, values = pengaturan()
    if setting_model is None or not hasattr(values, "logo_id"):
        return None
    return Step(
        "logo", "Logo desa", "Lambang desa di kepala situs.", values.logo_id is not None, settings_url(setting_model)
    )


def step_kontak():
    setting_model, values = pengaturan()
    if setting_model is None:
        return None
    reachable = any(is_filled(getattr(values, name, "")) for name in ("telepon", "whatsapp", "email"))
    return Step(
        "kontak",
        "Kontak desa",
        "Alamat kantor desa dan telepon, WhatsApp atau surel.",
        is_filled(getattr(values, "alamat", "")) and reachable,
        settings_url(setting_model),
    )


STEPS = (step_profil, step_perangkat, step_layanan, step_apbdes, step_logo, step_kontak)


def checklist() -> list[Step]:
    return [step for step in (build() for build in STEPS) if step is not None]


def completion(steps: list[Step]) -> int:
    """Percentage of done steps, rounded down so 100 % means really done."""
    return (100 * sum(step.done for step in steps)) // len(steps) if steps else 100
