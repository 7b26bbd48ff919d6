"""Layanan: the catalogue of letters and services a resident can ask the balai desa for, one printable page
each with requirements, steps and the rules behind them; eight common ones come with every new desa."""
