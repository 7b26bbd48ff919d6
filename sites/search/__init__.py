"""Search: `/cari/`, Wagtail search over this desa's own pages (its schema's index), never another desa's."""
