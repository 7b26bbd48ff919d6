"""Kontak: contact details, the map link, and the contact/complaint form (stored per desa, honeypot, rate limit)."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import RequestFactory
from wagtail.models import Site

from desa_platform.outbox.sender import send_due
from sites.core.models import PengaturanDesa
from sites.kontak import ratelimit
from sites.kontak.models import KontakPage, Pesan, latest_messages

MESSAGE = {
    "nama": "Siti Aminah",
    "email": "siti@contoh.id",
    "telepon": "0812 3456 7890",
    "jenis": "pengaduan",
    "pesan": "Lampu jalan di depan musala RT 02 mati sejak seminggu yang lalu.",
}


def home():
    return Site.objects.get(is_default_site=True).root_page.specific


def send(client, ip="36.72.1.7", **changes):
    return client.post("/kontak/", {**MESSAGE, **changes}, REMOTE_ADDR=ip)


@pytest.mark.django_db
def test_contact_page_without_settings_still_gives_the_address_and_a_map_search(client_a):
    response = client_a.get("/kontak/")
    assert response.status_code == 200
    text = response.text
    assert "Kantor Desa Uji A" in text and "Kecamatan Jenu, Kabupaten Tuban, Jawa Timur 62352" in text
    assert "https://www.openstreetmap.org/search?query=Desa+Uji+A%2C+Jenu%2C+Tuban" in text
    assert "<iframe" not in text and "<script src" not in text  # no third-party map
    assert 'name="situs_web"' in text and 'aria-hidden="true"' in text  # the honeypot, hidden from people


@pytest.mark.django_db
def test_contact_page_shows_the_desa_settings(client_a):
    with client_a.schema():
        settings = PengaturanDesa.load()
        settings.alamat = "Jl. Raya Socorejo No. 1"
        settings.telepon = "(0356) 123456"
        settings.whatsapp = "0812-3456-7890"
        settings.email = "pemdes@uji-a.test"
        settings.jam_layanan = "Senin–Kamis 08.00–15.00 WIB\nJumat 08.00–11.00 WIB"
        settings.latitude, settings.longitude = "-6.812345", "111.987654"
        settings.save()
    text = client_a.get("/kontak/").text
    assert "Jl. Raya Socorejo No. 1" in text and 'href="tel:0356123456"' in text
    assert 'href="https://wa.me/6281234567890"' in text and 'href="mailto:pemdes@uji-a.test"' in text
    assert "Jumat 08.00–11.00 WIB" in text
    assert "https://www.openstreetmap.org/?mlat=-6.812345&amp;mlon=111.987654" in text
    assert "Lihat lokasi di OpenStreetMap" in text


@pytest.mark.django_db
def test_a_message_is_stored_in_its_desa_and_the_sender_gets_a_confirmation(client_a, client_b):
    response = send(client_a)
    assert response.status_code == 302 and response["Location"] == "/kontak/terkirim/"
    confirmation = client_a.get("/kontak/terkirim/")
    assert "Terima kasih, pesan Anda sudah kami terima" in confirmation.text
    with client_a.schema():
        pesan = Pesan.objects.get()
        assert (pesan.nama, pesan.jenis, pesan.status) == ("Siti Aminah", "pengaduan", "baru")
        assert f"Nomor pesan Anda: <strong>{pesan.nomor}</strong>" in confirmation.text
        assert latest_messages(5) == [pesan]
    with client_b.schema():
        assert not Pesan.objects.exists() and latest_messages(5) == []


@pytest.mark.django_db
def test_wrong_input_gets_indonesian_errors_and_keeps_what_was_typed(client_a):
    response = send(client_a, nama="", email="bukan-surel", pesan="Tolong")
    assert response.status_code == 400
    text = response.text
    assert "Pesan Anda belum terkirim." in text
    assert "Tulis nama Anda." in text and 'aria-describedby="id_nama_error"' in text and 'id="id_nama_error"' in text
    assert "Alamat surel belum benar, mis. nama@contoh.id." in text
    assert "Pesan terlalu pendek" in text
    assert 'value="bukan-surel"' in text and 'value="0812 3456 7890"' in text and "Tolong</textarea>" in text
    with client_a.schema():
        assert not Pesan.objects.exists()


@pytest.mark.django_db
def test_a_way_to_reply_is_required(client_a):
    response = send(client_a, email="", telepon="")
    assert response.status_code == 400
    assert "Isi alamat surel atau nomor telepon/WhatsApp, agar kami dapat membalas pesan Anda." in response.text
    assert send(client_a, email="", telepon="0812 3456 7890").status_code == 302
    assert send(client_a, ip="36.72.1.8", email="siti@contoh.id", telepon="").status_code == 302


@pytest.mark.django_db
def test_a_bot_filling_the_honeypot_is_answered_like_a_person_and_nothing_is_stored(client_a):
    response = send(client_a, situs_web="http://spam.example")
    assert response.status_code == 302 and response["Location"] == "/kontak/terkirim/"
    with client_a.schema():
        assert not Pesan.objects.exists()


@pytest.mark.django_db
def test_too_many_messages_from_one_address_are_refused_but_kept_on_screen(client_a, client_b):
    for number in range(ratelimit.LIMIT):
        assert send(client_a, pesan=f"Pesan nomor {number} tentang jalan rusak.").status_code == 302
    refused = send(client_a, pesan="Satu pesan lagi tentang jalan rusak.")
    assert refused.status_code == 429
    assert "Terlalu banyak pesan terkirim dari sambungan Anda" in refused.text
    assert "Satu pesan lagi tentang jalan rusak.</textarea>" in refused.text
    assert send(client_a, ip="114.124.2.20").status_code == 302  # another address is not affected
    assert send(client_b).status_code == 302  # nor is the same address on another desa
    with client_a.schema():
        assert Pesan.objects.count() == ratelimit.LIMIT + 1


@pytest.mark.django_db
def test_honeypot_posts_count_against_the_limit_too(client_a):
    for _ in range(ratelimit.LIMIT):
        send(client_a, situs_web="spam")
    assert send(client_a).status_code == 429


def test_visitor_address_behind_our_proxy_and_without_one():
    factory = RequestFactory()
    behind_nginx = factory.get("/", REMOTE_ADDR="", HTTP_X_FORWARDED_FOR="10.9.9.9, 36.72.1.7")
    assert ratelimit.client_ip(behind_nginx) == "36.72.1.7"  # the entry nginx appended
    local = factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="36.72.1.9")
    assert ratelimit.client_ip(local) == "36.72.1.9"
    # A visitor talking to us directly cannot pick an address by sending the header.
    direct = factory.get("/", REMOTE_ADDR="36.68.10.4", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert ratelimit.client_ip(direct) == "36.68.10.4"


@pytest.mark.django_db
def test_form_pages_are_never_shared_through_the_page_cache(client_a):
    first, second = client_a.get("/kontak/"), client_a.get("/kontak/")
    assert "private" in second["Cache-Control"] and second.get("X-Cache") != "HIT"
    assert "csrfmiddlewaretoken" in first.text


@pytest.mark.django_db
def test_the_notification_address_gets_an_email(client_a):
    with client_a.schema():
        page = KontakPage.objects.get()
        page.email_pemberitahuan = "sekdes@uji-a.test"
        page.save()
    send(client_a)
    assert mail.outbox == []  # stored in the outbox; the sender delivers it after the response
    send_due()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sekdes@uji-a.test"] and "Lampu jalan" in mail.outbox[0].body


@pytest.mark.django_db
def test_messages_are_listed_for_the_desas_own_admins_only(client_a, client_b):
    send(client_a)
    for client in (client_a, client_b):
        with client.schema():
            user, _ = get_user_model().objects.get_or_create(username="admin-kontak", is_superuser=True)
            client.force_login(user)
    listing = client_a.get("/admin/snippets/kontak/pesan/")
    assert listing.status_code == 200 and "Siti Aminah" in listing.text and "Pesan warga" in listing.text
    assert "Siti Aminah" in client_a.get("/admin/snippets/kontak/pesan/?q=lampu").text
    assert "Siti Aminah" not in client_a.get("/admin/snippets/kontak/pesan/?q=banjir").text
    assert "Siti Aminah" in client_a.get("/admin/snippets/kontak/pesan/?status=baru").text
    with client_a.schema():
        pk = Pesan.objects.get().pk
    edit = client_a.get(f"/admin/snippets/kontak/pesan/edit/{pk}/")
    assert edit.status_code == 200 and "Catatan tindak lanjut" in edit.text
    assert client_b.get(f"/admin/snippets/kontak/pesan/edit/{pk}/").status_code == 404
    other = client_b.get("/admin/snippets/kontak/pesan/")
    assert other.status_code == 200 and "Siti Aminah" not in other.text


@pytest.mark.django_db
def test_tree_rules(client_a):
    with client_a.schema():
        root, page = home(), KontakPage.objects.get()
        assert not KontakPage.can_create_at(root)  # one contact page, made by default
        assert not KontakPage.can_exist_under(page)
        assert KontakPage.allowed_subpage_models() == []
        assert page.show_in_menus


@pytest.mark.django_db
def test_the_sender_follows_the_message_on_an_unguessable_status_page(client_a, client_b):
    sent = client_a.get(send(client_a, ip="36.72.9.9")["Location"]).content.decode()
    import re

    status_url = re.search(r'href="((?:http://uji-a\.test)?/kontak/status/[A-Za-z0-9_-]{20,40}/)"', sent).group(1)
    path = status_url.removeprefix("http://uji-a.test")
    page = client_a.get(path)
    assert page.status_code == 200 and "private" in page["Cache-Control"]
    html = page.content.decode()
    with client_a.schema():
        pesan = Pesan.objects.get(pesan=MESSAGE["pesan"])
    assert pesan.nomor in html and "Baru" in html and "Pengaduan" in html
    for personal in (MESSAGE["nama"], MESSAGE["email"], MESSAGE["telepon"], "Lampu jalan"):
        assert personal not in html
    with client_a.schema():
        pesan.status = Pesan.Status.SELESAI
        pesan.save()
    assert "Selesai" in client_a.get(path).content.decode()
    assert client_a.get("/kontak/status/" + "x" * 24 + "/").status_code == 404
    assert client_a.get("/kontak/status/1/").status_code == 404
    assert client_b.get(path).status_code == 404  # another desa never answers for this one
