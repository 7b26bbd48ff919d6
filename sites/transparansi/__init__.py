"""Transparansi: APBDes per year (lines, sums, realisation), produk hukum (Perdes, Perkades, SK) and the PPID
list of public information, so residents can read what the law asks a desa to publish."""
