import datetime
import re

import pytest

from sites.berita.models import BeritaIndexPage, BeritaPage
from tests.sites import publish, text

pytestmark = pytest.mark.django_db


def add_article(client, title, body):
    with client.schema():
        return publish(
            BeritaIndexPage.objects.get(),
            BeritaPage(title=title, tanggal=datetime.date(2024, 3, 1), body=[("paragraph", f"<p>{body}</p>")]),
        )


def test_finds_an_article_by_a_word_of_its_body_on_its_own_desa_only(client_a, client_b):
    add_article(client_a, "Rapat Warga", "Musyawarah perencanaan pembangunan embung di Dusun Krajan.")
    found = client_a.get("/cari/?q=embung")
    assert found.status_code == 200
    body = text(found)
    assert "Ditemukan 1 halaman" in body and "Rapat Warga" in body
    assert "1 Maret 2024" in body
    assert found["Cache-Control"].startswith("private")

    other = text(client_b.get("/cari/?q=embung"))
    assert "Tidak ada hasil untuk “embung”" in other and "Rapat Warga" not in other


def test_indonesian_words_are_found_as_written(client_a):
    # no English stemming: 'pembangunan' must not be reduced to something that misses it
    add_article(client_a, "Laporan Pembangunan", "Pembangunan talud selesai.")
    assert "Laporan Pembangunan" in text(client_a.get("/cari/?q=pembangunan"))
    assert "Laporan Pembangunan" in text(client_a.get("/cari/?q=talud+pembangunan"))
    assert "Tidak ada hasil" in text(client_a.get("/cari/?q=talud+jembatan"))


def test_empty_and_odd_queries(client_a):
    assert "Ketik kata kunci" in text(client_a.get("/cari/"))
    assert "Ketik kata kunci" in text(client_a.get("/cari/?q=+++"))
    response = client_a.get("/cari/", {"q": "a" * 500 + " & | ! ( :*"})
    assert response.status_code == 200


def test_drafts_are_not_found(client_a):
    with client_a.schema():
        draft = BeritaPage(title="Rahasia Draf", tanggal=datetime.date(2024, 3, 1))
        BeritaIndexPage.objects.get().add_child(instance=draft)
        draft.unpublish()
    assert "Tidak ada hasil" in text(client_a.get("/cari/?q=rahasia"))


def test_pembangunan_finds_membangun_and_bangun(client_a):
    add_article(client_a, "Gotong Royong", "Warga membangun pos ronda bersama.")
    add_article(client_a, "Balai Dusun", "Balai dusun selesai dibangun tahun ini.")
    found = text(client_a.get("/cari/?q=pembangunan"))
    assert "Gotong Royong" in found and "Balai Dusun" in found


def test_the_exact_phrase_comes_first(client_a):
    add_article(client_a, "Desa dan Jalannya", "Jalan di desa kami rusak; desa memperbaiki jalan dengan dana desa.")
    add_article(client_a, "Jalan Desa Diaspal", "Jalan desa sepanjang dua kilometer diaspal.")
    found = text(client_a.get("/cari/?q=jalan+desa"))
    assert found.index("Jalan Desa Diaspal") < found.index("Desa dan Jalannya")


def test_each_result_shows_its_matching_sentence_marked_and_escaped(client_a):
    add_article(
        client_a,
        "Kabar Embung",
        "Rapat dimulai pagi hari. Warga sepakat membangun embung &lt;baru&gt; di Krajan. Rapat selesai siang.",
    )
    html = client_a.get("/cari/?q=pembangunan+embung").content.decode()
    sentence = re.search(r'<p class="search-sentence">(.*?)</p>', html).group(1)
    assert "<mark>membangun</mark>" in sentence and "<mark>embung</mark>" in sentence
    assert "&lt;baru&gt;" in sentence and "<baru>" not in sentence
    assert "Rapat dimulai" not in sentence
