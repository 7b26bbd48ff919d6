"""Galeri: photo albums made of the desa's own Wagtail images."""
