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
# An office that is not a territory has no geografi or demografi of its own; an OPD publishes its tugas pokok
# dan fungsi, a puskesmas its wilayah kerja.
DRAFTS_BY_KIND = {
    "kelurahan": [(m, t.replace("Desa", "Kelurahan"), s) for m, t, s in DRAFTS],
    "kecamatan": [(m, t.replace("Desa", "Kecamatan"), s) for m, t, s in DRAFTS],
    "opd": [
        (VisiMisiPage, "Visi dan Misi", "visi-misi"),
        (ProfilSectionPage, "Tugas Pokok dan Fungsi", "tugas-pokok-dan-fungsi"),
        (ProfilSectionPage, "Sejarah", "sejarah"),
        (ProfilSectionPage, "Maklumat Pelayanan", "maklumat-pelayanan"),
    ],
    "puskesmas": [
        (VisiMisiPage, "Visi dan Misi", "visi-misi"),
        (ProfilSectionPage, "Sejarah", "sejarah"),
        (ProfilSectionPage, "Wilayah Kerja", "wilayah-kerja"),
        (ProfilSectionPage, "Maklumat Pelayanan", "maklumat-pelayanan"),
    ],
}


def build(home, kind="desa"):
    profil = home.add_child(instance=ProfilPage(title="Profil", slug="profil", show_in_menus=True))
    for model, title, slug in DRAFTS_BY_KIND.get(kind, DRAFTS):
        draft = profil.add_child(instance=model(title=title, slug=slug, live=False))
        draft.save_revision()
