"""Pemerintahan: perangkat desa, BPD and lembaga kemasyarakatan kept as snippets (admin menu Pemerintahan)
and shown as a structure on one page; the kepala desa also signs the home page's sambutan."""
