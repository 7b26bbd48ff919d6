"""The platform's own front page (the public schema's `/`): the list of active desa with a link to each site.
It reads the public Desa rows only; it never enters a desa's schema."""
