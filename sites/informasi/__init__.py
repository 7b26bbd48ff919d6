"""Informasi: pengumuman (announcements, with a validity period) and agenda (dated events; past ones stay as
an archive)."""
