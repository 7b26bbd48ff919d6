"""The Mozilla HTTP Observatory's rules, checked on the production settings in-process.

The Observatory (npm @mdn/mdn-http-observatory) scans public HTTPS hosts; it does not scan a loopback test
server, so its tests are applied here to the same responses: CSP, cookies, CORS, redirection, Referrer-Policy,
HSTS, Subresource Integrity, X-Content-Type-Options, X-Frame-Options. Each check names the rule it stands for;
together they are the answers the Observatory scores A+ (no deduction in any test).
"""

import re

import pytest
from django.test import Client, override_settings

PRODUCTION = {
    "SECURE_SSL_REDIRECT": True,
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
}
GOOD_REFERRER = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}


def directives(policy: str) -> dict[str, list[str]]:
    found = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            found[words[0]] = words[1:]
    return found


def https_get(client, path):
    return client.get(path, secure=True, HTTP_X_FORWARDED_PROTO="https")


def assert_observatory_headers(response, admin=False):
    policy = directives(response["Content-Security-Policy"])
    scripts = policy.get("script-src", policy.get("default-src"))
    # csp: no 'unsafe-inline'/'unsafe-eval' in script-src, no http:/https:/* sources; default-src restricted
    if not admin:
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert not {"*", "http:", "https:"} & set(scripts)
    assert policy["default-src"] in (["'none'"], ["'self'"])
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] in (["'none'"], ["'self'"]) and policy["form-action"] == ["'self'"]
    # x-frame-options and x-content-type-options
    assert response["X-Frame-Options"] in ("DENY", "SAMEORIGIN")
    assert response["X-Content-Type-Options"] == "nosniff"
    # referrer-policy
    assert response["Referrer-Policy"] in GOOD_REFERRER
    # strict-transport-security: at least six months
    hsts = response["Strict-Transport-Security"]
    assert int(re.search(r"max-age=(\d+)", hsts)[1]) >= 15768000
    # cors: no wildcard
    assert response.get("Access-Control-Allow-Origin") in (None, "")
    # subresource-integrity: every script is from our own origin (no external script without integrity)
    body = response.content.decode("utf-8", "replace")
    for src in re.findall(r"<script[^>]*\ssrc=\"([^\"]+)\"", body):
        assert src.startswith("/") or 'integrity="' in body


@pytest.mark.django_db
@override_settings(**PRODUCTION)
def test_public_pages_pass_the_observatory_rules_also_from_the_cache(desa_a):
    client = Client(HTTP_HOST="uji-a.test")
    first, hit = https_get(client, "/"), https_get(client, "/")
    assert hit["X-Cache"] == "HIT"
    for response in (first, hit, https_get(client, "/berita/"), https_get(client, "/kontak/")):
        assert response.status_code == 200
        assert_observatory_headers(response)


@pytest.mark.django_db
@override_settings(**PRODUCTION)
def test_cookies_are_secure_httponly_and_samesite(desa_a):
    client = Client(HTTP_HOST="uji-a.test")
    form = https_get(client, "/kontak/")
    csrf = form.cookies["csrftoken"]
    assert csrf["secure"] and csrf["samesite"].lower() in ("lax", "strict")
    login = https_get(client, "/admin/login/")
    assert_observatory_headers(login, admin=True)
    from django.contrib.auth import get_user_model
    from django_tenants.utils import schema_context

    with schema_context(desa_a.schema_name):
        get_user_model().objects.create_user("kades-obs", password="Rahasia-12345", is_staff=True)
    token = client.cookies["csrftoken"].value
    done = client.post(
        "/admin/login/",
        {"username": "kades-obs", "password": "Rahasia-12345", "csrfmiddlewaretoken": token},
        secure=True,
        HTTP_X_FORWARDED_PROTO="https",
    )
    session = done.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"].lower() in ("lax", "strict")


@pytest.mark.django_db
@override_settings(**PRODUCTION)
def test_plain_http_is_redirected_to_https_on_the_same_host(desa_a):
    response = Client(HTTP_HOST="uji-a.test").get("/berita/")
    assert response.status_code == 301 and response["Location"] == "https://uji-a.test/berita/"


@pytest.mark.django_db
@override_settings(**PRODUCTION)
def test_the_console_passes_the_observatory_rules(db):
    response = https_get(Client(HTTP_HOST="localhost"), "/console/login/")
    assert response.status_code == 200
    assert_observatory_headers(response)
