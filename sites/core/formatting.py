"""Dates, numbers and rupiah written the Indonesian way, as plain functions for models, views and filters.

Written by hand, not through Django's locale machinery, so "7 November 2019" and "Rp 1.234.567" come out the
same whatever language the request (or the admin user) happens to use. `desa_tags` registers each as a filter.
"""

import datetime
import functools
from decimal import Decimal

from django.utils import timezone

BULAN = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def nama_bulan(month: int) -> str:
    return BULAN[int(month) - 1]


def date_filter(function):
    """The opening every date filter shares: nothing → '', an aware datetime → the desa's local time."""

    @functools.wraps(function)
    def wrapper(value) -> str:
        if not value:
            return ""
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            value = timezone.localtime(value)
        return function(value)

    return wrapper


def number_filter(function):
    """The opening every number filter shares: None or '' → '' (0 is a figure and is written)."""

    @functools.wraps(function)
    def wrapper(value, *args) -> str:
        if value is None or value == "":
            return ""
        return function(value, *args)

    return wrapper


@date_filter
def tanggal(value) -> str:
    """7 November 2019"""
    return f"{value.day} {nama_bulan(value.month)} {value.year}"


@date_filter
def tanggal_hari(value) -> str:
    """Kamis, 7 November 2019"""
    return f"{HARI[value.weekday()]}, {tanggal(value)}"


@date_filter
def jam(value) -> str:
    """09.00 (Indonesian writes hours with a dot)."""
    return f"{value.hour:02d}.{value.minute:02d}"


@date_filter
def tanggal_jam(value) -> str:
    """7 November 2019, 09.00 WIB"""
    suffix = " WIB" if str(timezone.get_current_timezone()) == "Asia/Jakarta" else ""
    return f"{tanggal(value)}, {jam(value)}{suffix}"


@date_filter
def bulan_tahun(value) -> str:
    """November 2019"""
    return f"{nama_bulan(value.month)} {value.year}"


@number_filter
def angka(value, decimals=0) -> str:
    """1.234.567 (or 1.234,50 with `|angka:2`): Indonesian grouping, whatever the active locale."""
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return str(value)
    decimals = int(decimals)
    text = f"{number:,.{decimals}f}"  # 1,234,567.50
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


@number_filter
def angka_ringkas(value) -> str:
    """A figure with its decimals only when it has any: 12 → '12', 12.50 → '12,5'."""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return angka(number)
    return angka(number, 2).rstrip("0")


@number_filter
def rupiah(value) -> str:
    """Rp 1.234.567"""
    return f"Rp {angka(value)}"
