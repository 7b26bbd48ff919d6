"""Pengumuman and agenda: lists, pages, upcoming versus archived events, the home-page helpers, isolation."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Site

from sites.informasi import pilot
from sites.informasi.models import (
    AgendaIndexPage,
    AgendaPage,
    PengumumanIndexPage,
    PengumumanPage,
    latest_announcements,
    upcoming_agenda,
)

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def home():
    return Site.objects.get(is_default_site=True).root_page.specific


def event(slug, tanggal, title="", tempat="Balai Desa", **fields):
    page = AgendaPage(title=title or slug, slug=slug, tanggal=tanggal, tempat=tempat, **fields)
    return AgendaIndexPage.objects.get().add_child(instance=page)


def announcement(slug, tanggal, title="", **fields):
    page = PengumumanPage(title=title or slug, slug=slug, tanggal=tanggal, isi="<p>Isi.</p>", **fields)
    return PengumumanIndexPage.objects.get().add_child(instance=page)


@pytest.mark.django_db
def test_agenda_splits_coming_events_from_the_archive(client_a):
    with client_a.schema():
        event("rapat-kemarin", TODAY - DAY, title="Rapat Kemarin")
        event("senam-hari-ini", TODAY, title="Senam Hari Ini", waktu_mulai=datetime.time(6, 0))
        event("musdes-besok", TODAY + DAY, title="Musdes Besok", waktu_mulai=datetime.time(19, 30))
        event("pameran", TODAY - DAY, title="Pameran Tiga Hari", tanggal_selesai=TODAY + DAY)
        event("lomba-bulan-lalu", TODAY - 30 * DAY, title="Lomba Bulan Lalu")
    text = client_a.get("/agenda/").text
    coming, archive = text.split('id="arsip"')
    for title in ("Senam Hari Ini", "Musdes Besok", "Pameran Tiga Hari"):
        assert title in coming and title not in archive
    for title in ("Rapat Kemarin", "Lomba Bulan Lalu"):
        assert title in archive and title not in coming
    # Soonest first among coming events, most recent first in the archive.
    assert coming.index("Pameran Tiga Hari") < coming.index("Senam Hari Ini") < coming.index("Musdes Besok")
    assert archive.index("Rapat Kemarin") < archive.index("Lomba Bulan Lalu")
    assert "19.30" in coming


@pytest.mark.django_db
def test_upcoming_agenda_for_the_home_page(client_a):
    with client_a.schema():
        event("lewat", TODAY - 2 * DAY)
        event("nanti", TODAY + 3 * DAY)
        event("besok", TODAY + DAY)
        draft = event("draf", TODAY + DAY)
        draft.unpublish()
        assert [page.slug for page in upcoming_agenda(5)] == ["besok", "nanti"]
        assert [page.slug for page in upcoming_agenda(1)] == ["besok"]


@pytest.mark.django_db
def test_an_event_page_shows_indonesian_date_time_and_place_and_says_when_it_is_past(client_a):
    with client_a.schema():
        event(
            "musdes",
            datetime.date(2030, 11, 7),
            title="Musyawarah Desa",
            waktu_mulai=datetime.time(19, 30),
            waktu_selesai=datetime.time(22, 0),
            tempat="Balai Desa Uji A",
            penyelenggara="BPD",
        )
        event("lama", datetime.date(2019, 11, 7), title="Kegiatan Lama")
    text = client_a.get("/agenda/musdes/").text
    assert "Kamis, 7 November 2030" in text and "19.30–22.00 WIB" in text and "Balai Desa Uji A" in text
    assert '"@type": "Event"' in text and "2030-11-07T19:30+07:00" in text  # schema.org JSON-LD
    assert "sudah berlangsung" not in text
    assert "sudah berlangsung" in client_a.get("/agenda/lama/").text


@pytest.mark.django_db
def test_event_dates_that_run_backwards_are_refused_in_indonesian(client_a):
    with client_a.schema():
        page = AgendaPage(title="Salah", slug="salah", tanggal=TODAY, tanggal_selesai=TODAY - DAY, tempat="Balai Desa")
        with pytest.raises(ValidationError) as error:
            page.clean()
        assert "Tanggal selesai tidak boleh sebelum tanggal mulai." in str(error.value)
        page = AgendaPage(
            title="Salah", slug="salah", tanggal=TODAY, waktu_mulai=datetime.time(10), waktu_selesai=datetime.time(9)
        )
        with pytest.raises(ValidationError, match="Jam selesai tidak boleh sebelum jam mulai."):
            page.clean()


@pytest.mark.django_db
def test_announcements_list_newest_first_and_the_home_page_gets_only_those_in_force(client_a):
    with client_a.schema():
        announcement("lama", TODAY - 10 * DAY, title="Pengumuman Lama")
        announcement("kedaluwarsa", TODAY - 5 * DAY, title="Sudah Kedaluwarsa", berlaku_sampai=TODAY - DAY)
        announcement("baru", TODAY, title="Pengumuman Baru", berlaku_sampai=TODAY + DAY)
        announcement("draf", TODAY, title="Draf").unpublish()
        assert [page.slug for page in latest_announcements(5)] == ["baru", "lama"]
        assert [page.slug for page in latest_announcements(1)] == ["baru"]
    text = client_a.get("/pengumuman/").text
    assert text.index("Pengumuman Baru") < text.index("Sudah Kedaluwarsa") < text.index("Pengumuman Lama")
    assert "sudah tidak berlaku" in text and "Draf" not in text
    page = client_a.get("/pengumuman/kedaluwarsa/")
    assert page.status_code == 200 and "sudah tidak berlaku" in page.text


@pytest.mark.django_db
def test_announcement_list_is_paginated_with_page_numbers(client_a):
    with client_a.schema():
        for number in range(12):
            announcement(f"p-{number}", TODAY - number * DAY, title=f"Pengumuman ke-{number}")
    first, second = client_a.get("/pengumuman/"), client_a.get("/pengumuman/?page=2")
    assert "Pengumuman ke-0" in first.text and "Pengumuman ke-11" not in first.text and "?page=2" in first.text
    assert "Pengumuman ke-11" in second.text and "Pengumuman ke-0<" not in second.text
    assert client_a.get("/pengumuman/?page=99").status_code == 200  # a wrong number shows the last page


@pytest.mark.django_db
def test_tree_rules(client_a):
    with client_a.schema():
        root, agenda, pengumuman = home(), AgendaIndexPage.objects.get(), PengumumanIndexPage.objects.get()
        assert AgendaPage.can_create_at(agenda) and not AgendaPage.can_create_at(pengumuman)
        assert PengumumanPage.can_create_at(pengumuman) and not PengumumanPage.can_create_at(agenda)
        assert not AgendaPage.can_create_at(root) and not PengumumanPage.can_create_at(root)
        assert not AgendaIndexPage.can_create_at(root) and not PengumumanIndexPage.can_create_at(root)  # one each
        assert AgendaPage.allowed_subpage_models() == [] and PengumumanPage.allowed_subpage_models() == []
        assert {agenda.pk, pengumuman.pk} <= set(root.get_children().in_menu().values_list("pk", flat=True))


@pytest.mark.django_db
def test_events_and_announcements_of_one_desa_stay_there(client_a, client_b):
    with client_a.schema():
        event("rahasia-a", TODAY + DAY, title="Acara Desa A")
        announcement("kabar-a", TODAY, title="Kabar Desa A")
    assert client_a.get("/agenda/rahasia-a/").status_code == 200
    assert client_b.get("/agenda/rahasia-a/").status_code == 404
    assert client_b.get("/pengumuman/kabar-a/").status_code == 404
    assert "Acara Desa A" not in client_b.get("/agenda/").text
    assert "Kabar Desa A" not in client_b.get("/pengumuman/").text
    with client_b.schema():
        assert upcoming_agenda(10) == [] and latest_announcements(10) == []


@pytest.mark.django_db
def test_pilot_content_loads_once_and_shows_a_coming_and_a_past_event(client_a):
    with client_a.schema():
        pilot.load(home())
        pilot.load(home())
        assert AgendaPage.objects.count() == 3 and PengumumanPage.objects.count() == 2
        assert len(upcoming_agenda(5)) == 2 and len(latest_announcements(5)) == 2
    text = client_a.get("/agenda/").text
    assert "Musyawarah Desa Penyusunan RKPDes" in text.split('id="arsip"')[0]
    assert "Kerja Bakti Membersihkan Saluran Air" in text.split('id="arsip"')[1]
