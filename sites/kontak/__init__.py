"""Kontak: the desa's contact details and map link from PengaturanDesa, and a contact/complaint form whose
messages are stored in the desa's schema (admin menu Pesan warga), rate-limited against floods."""
