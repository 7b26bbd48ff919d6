"""Beranda: the desa's home page (root of its one Site), with the sambutan and the newest items of each section,
imported directly from those apps; a section with nothing to show is left out."""
