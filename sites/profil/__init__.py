"""Profil desa: the overview page with key figures and its parts — free sections (sejarah, potensi),
visi-misi, geografi (with dusun, RW and RT) and demografi (figures per category)."""
