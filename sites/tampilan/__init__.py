"""Tampilan: how a desa's site looks — its theme (kept on the platform's Desa row, changed through
`tenancy.themes.change_theme`) and its brand colour (checked for contrast), in Pengaturan → Tampilan situs."""
