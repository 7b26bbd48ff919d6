"""What every page app shares: BasePage and SectionIndexPage (models.py), PengaturanDesa (the per-desa site
settings), shared blocks and rich-text feature lists, formatting (dates, numbers, rupiah), pagination, the
template tags (`desa_tags`, `navigation_tags`), the memo facade (memo.py), the default-tree builder that fills
the template schema and the registry of section apps (sections.py). It knows Wagtail, not tenancy: the desa's
facts come from `desa_platform.tenancy.current`.
"""
