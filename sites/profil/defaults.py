"""Profil pages every new desa starts with. The overview is live and shows what the platform knows (name,
kecamatan, kabupaten, provinsi, kode pos); the parts only a desa can write wait as drafts, so nothing empty
is ever shown to residents. The desa fills a draft and publishes it."""

from .models import DemografiPage, GeografiPage, ProfilPage, ProfilSectionPage, VisiMisiPage

DRAFTS = [
    (ProfilSectionPage, "Sejarah Desa", "sejarah"),
    (VisiMisiPage, "Visi dan Misi", "visi-misi"),
    (GeografiPage, "Geografi", "geografi"),
    (DemografiPage, "Demografi", "demografi"),
    (ProfilSectionPage, "Potensi Desa", "potensi"),
]


def build(home):
    profil = home.add_child(instance=ProfilPage(title="Profil", slug="profil", show_in_menus=True))
    for model, title, slug in DRAFTS:
        draft = profil.add_child(instance=model(title=title, slug=slug, live=False))
        draft.save_revision()
