import pytest
from django.core.exceptions import ValidationError

from sites.home.models import HomePage
from sites.pemerintahan.models import AnggotaBPD, Lembaga, PemerintahanPage, PerangkatDesa
from tests.sites import home_page, text

pytestmark = pytest.mark.django_db


def test_tree_rules(client_a):
    with client_a.schema():
        assert PemerintahanPage.allowed_parent_page_models() == [HomePage]
        assert PemerintahanPage.allowed_subpage_models() == []
        assert not PemerintahanPage.can_create_at(home_page())  # one per desa, in the default tree


def test_fresh_desa_explains_the_structure_without_empty_lists(client_b):
    body = text(client_b.get("/pemerintahan/"))
    assert "Kepala Desa dibantu perangkat desa" in body
    assert "Badan Permusyawaratan Desa (BPD)" in body  # the BPD's role is written by default
    assert "Susunan organisasi" not in body and "Lembaga kemasyarakatan desa" not in body


def test_structure_groups_officials_in_order(client_a):
    with client_a.schema():
        create = PerangkatDesa.objects.create
        create(nama="Kasmuri", jabatan="Kepala Dusun Krajan", kelompok="kewilayahan", urutan=9)
        create(nama="Siti Khoiriyah", jabatan="Sekretaris Desa", kelompok="sekretariat", urutan=2)
        create(
            nama="Sutrisno",
            jabatan="Kepala Desa",
            kelompok="pimpinan",
            urutan=1,
            periode_mulai=2019,
            periode_selesai=2027,
        )
        create(nama="Ahmad Lama", jabatan="Kaur Keuangan", kelompok="sekretariat", urutan=3, aktif=False)
        AnggotaBPD.objects.create(nama="Abdul Rochim", jabatan="Ketua BPD", urutan=1)
        Lembaga.objects.create(nama="Tim Penggerak PKK Desa", singkatan="PKK", ketua="Sri Wahyuni")
    body = text(client_a.get("/pemerintahan/")).split("Susunan organisasi", 1)[1]
    assert body.index("Sutrisno") < body.index("Sekretariat") < body.index("Siti Khoiriyah")
    assert body.index("Siti Khoiriyah") < body.index("Pelaksana kewilayahan") < body.index("Kasmuri")
    assert "Periode 2019–2027" in body
    assert "Ahmad Lama" not in body  # no longer in office
    assert "Abdul Rochim Ketua BPD" in body
    assert "Tim Penggerak PKK Desa (PKK)" in body and "Ketua: Sri Wahyuni" in body
    assert "Pelaksana teknis" not in body  # nobody entered there yet


def test_officials_of_one_desa_are_not_shown_on_another(client_a, client_b):
    with client_a.schema():
        PerangkatDesa.objects.create(nama="Hanya Di Desa A", jabatan="Kepala Desa", kelompok="pimpinan")
    assert "Hanya Di Desa A" in text(client_a.get("/pemerintahan/"))
    assert "Hanya Di Desa A" not in text(client_b.get("/pemerintahan/"))
    with client_b.schema():
        assert not PerangkatDesa.objects.exists()


def test_term_must_make_sense():
    with pytest.raises(ValidationError) as error:
        PerangkatDesa(nama="X", jabatan="Y", periode_mulai=2025, periode_selesai=2019).full_clean()
    assert "tidak boleh sebelum" in str(error.value)
    with pytest.raises(ValidationError) as error:
        PerangkatDesa(nama="X", jabatan="Y", periode_mulai=19).full_clean()
    assert "tidak masuk akal" in str(error.value)


def test_snippet_admin_lists_officials(client_a):
    from django.contrib.auth import get_user_model

    with client_a.schema():
        PerangkatDesa.objects.create(nama="Sutrisno", jabatan="Kepala Desa", kelompok="pimpinan")
        user = get_user_model().objects.create_superuser("admin2", "a@uji-a.test", "rahasia-uji-123")
        client_a.force_login(user)
    response = client_a.get("/admin/snippets/pemerintahan/perangkatdesa/")
    assert response.status_code == 200 and "Sutrisno" in response.content.decode()
    assert client_a.get("/admin/snippets/pemerintahan/perangkatdesa/add/").status_code == 200
