from tests.sites import home_page, text


def test_home_renders_for_each_desa(client_a, client_b):
    response = client_a.get("/")
    assert response.status_code == 200
    assert "Uji A" in text(response)
    assert "Uji B" in text(client_b.get("/"))


def test_default_pages_render(client_a):
    for url in ["/profil/", "/pemerintahan/", "/berita/", "/cari/?q=desa", "/feed.xml", "/robots.txt", "/sitemap.xml"]:
        response = client_a.get(url)
        assert response.status_code == 200, url
    with client_a.schema():
        assert home_page().title
