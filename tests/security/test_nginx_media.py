"""Hole 9: nginx served any desa's /media/ under any Host, suspended desa included. Checked with the deploy
nginx config (deploy/nginx/app.conf) in a real nginx on loopback, and the map manage.py writes."""

import io

import pytest
from django.core.management import call_command

from bench import local_nginx
from desa_platform.tenancy.models import Desa
from desa_platform.tenancy.services import lifecycle


def media_map() -> str:
    out = io.StringIO()
    call_command("nginx_media_map", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_map_gives_each_host_only_its_own_desa_and_leaves_suspended_desa_out(desa_a, desa_b):
    text = media_map()
    assert '"uji-a.test" uji_a;' in text and '"uji-b.test" uji_b;' in text and '"www.uji-b.test" uji_b;' in text
    lifecycle.suspend(Desa.objects.get(slug="uji-b"), reason="uji")
    text = media_map()
    assert "uji_b" not in text and '"uji-a.test" uji_a;' in text


@pytest.mark.skipif(local_nginx.binary() is None, reason="needs Debian's nginx")
@pytest.mark.django_db
def test_nginx_serves_a_desas_media_only_under_its_own_domain(desa_a, desa_b, tmp_path):
    var = tmp_path / "var"
    for schema in ("uji_a", "uji_b"):
        folder = var / "media" / schema / "original_images"
        folder.mkdir(parents=True)
        (folder / "balai.jpg").write_bytes(b"\xff\xd8 gambar " + schema.encode())
    process, port = local_nginx.start(tmp_path / "nginx", var, "unix:/nonexistent.sock", media_map())
    try:
        path_a = "/media/uji_a/original_images/balai.jpg"
        assert local_nginx.get(port, "uji-a.test", path_a) == 200
        assert local_nginx.get(port, "uji-b.test", path_a) == 404  # desa A's file under desa B's domain
        assert local_nginx.get(port, "tamu.test", path_a) == 404  # under an unknown host
        assert local_nginx.get(port, "uji-a.test", "/media/uji_a/../uji_b/original_images/balai.jpg") == 404
        assert local_nginx.get(port, "uji-b.test", "/media/uji_b/original_images/balai.jpg") == 200
        lifecycle.suspend(Desa.objects.get(slug="uji-b"), reason="uji")
        local_nginx.reload(process, tmp_path / "nginx", media_map())
        assert local_nginx.get(port, "uji-b.test", "/media/uji_b/original_images/balai.jpg") == 404
    finally:
        process.terminate()
        process.wait(timeout=10)
