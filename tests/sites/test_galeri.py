"""Galeri: albums of this desa's own images, the cover, tree rules, isolation."""

import datetime

import pytest
from wagtail.images import get_image_model
from wagtail.models import Site
from wagtail_factories import ImageFactory

from sites.galeri import pilot
from sites.galeri.models import AlbumFoto, AlbumPage, GaleriIndexPage


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def home():
    return Site.objects.get(is_default_site=True).root_page.specific


def album(slug, photos=(), **fields):
    page = AlbumPage(title=fields.pop("title", slug), slug=slug, **fields)
    for order, (title, caption) in enumerate(photos):
        page.foto.add(AlbumFoto(gambar=ImageFactory(title=title), keterangan=caption, sort_order=order))
    return GaleriIndexPage.objects.get().add_child(instance=page)


@pytest.mark.django_db
def test_an_album_shows_each_photo_with_its_caption_linked_to_a_large_version(client_a):
    with client_a.schema():
        album(
            "sedekah-bumi",
            title="Sedekah Bumi",
            photos=[("Kirab tumpeng", "Kirab tumpeng dari balai desa"), ("Pentas", "")],
        )
    page = client_a.get("/galeri/sedekah-bumi/")
    assert page.status_code == 200
    text = page.text
    assert text.count("<figure>") == 2
    assert 'alt="Kirab tumpeng dari balai desa"' in text and "<figcaption>Kirab tumpeng dari balai desa" in text
    assert 'alt="Pentas"' in text  # no caption: the image title is the alternative text
    assert ".fill-600x450-c50." in text and ".max-1600x1600." in text and "<script" not in text.split("</head>")[1]


@pytest.mark.django_db
def test_the_gallery_lists_albums_newest_first_with_their_cover(client_a):
    with client_a.schema():
        album("lama", title="Album Lama", tanggal=datetime.date(2023, 1, 5), photos=[("A", "")])
        baru = album("baru", title="Album Baru", tanggal=datetime.date(2024, 8, 17), photos=[("B", ""), ("C", "")])
        assert baru.listing_image.title == "B"  # no cover chosen: the first photo
        baru.sampul = baru.foto.get(gambar__title="C").gambar
        baru.save()
        assert baru.listing_image.title == "C"
    text = client_a.get("/galeri/").text
    assert text.index("Album Baru") < text.index("Album Lama")
    assert "17 Agustus 2024" in text


@pytest.mark.django_db
def test_empty_gallery_says_so(client_b):
    assert "Belum ada album foto." in client_b.get("/galeri/").text


@pytest.mark.django_db
def test_tree_rules(client_a):
    with client_a.schema():
        root, index = home(), GaleriIndexPage.objects.get()
        one = album("satu", photos=[("X", "")])
        assert AlbumPage.can_create_at(index)
        assert not AlbumPage.can_create_at(root) and not AlbumPage.can_create_at(one)
        assert not GaleriIndexPage.can_create_at(root)  # the default one exists
        assert AlbumPage.allowed_subpage_models() == []


@pytest.mark.django_db
def test_an_album_and_its_images_stay_in_their_desa(client_a, client_b):
    with client_a.schema():
        album("rahasia", title="Album Desa A", photos=[("Foto A", "")])
    assert client_a.get("/galeri/rahasia/").status_code == 200
    assert client_b.get("/galeri/rahasia/").status_code == 404
    assert "Album Desa A" not in client_b.get("/galeri/").text
    with client_b.schema():
        assert not get_image_model().objects.filter(title="Foto A").exists()


@pytest.mark.django_db
def test_pilot_album_loads_once(client_a):
    with client_a.schema():
        pilot.load(home())
        pilot.load(home())
        assert AlbumPage.objects.count() == 1 and AlbumFoto.objects.count() == len(pilot.PHOTOS)
        assert get_image_model().objects.filter(title__startswith="Galeri: ").count() == len(pilot.PHOTOS)
    assert client_a.get("/galeri/kerja-bakti-saluran-air/").text.count("<figure>") == len(pilot.PHOTOS)
