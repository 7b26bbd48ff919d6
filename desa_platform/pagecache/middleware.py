import copy
import random
import re
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date, parse_etags
from wagtail.models import Site

from . import memo, store

# Pagination and list filters: a bounded set of variants. Anything else (search, tracking tags) goes to Wagtail.
# Each value must look like what our links carry: every distinct `?page=<anything>` once added a cache entry.
CACHEABLE_QUERY_VALUES = {
    "page": re.compile(r"^[1-9][0-9]{0,3}$"),
    "halaman": re.compile(r"^[1-9][0-9]{0,3}$"),
    "tahun": re.compile(r"^(19|20)[0-9]{2}$"),
    "jenis": re.compile(r"^[a-z0-9-]{1,50}$"),
    "kategori": re.compile(r"^[a-z0-9-]{1,80}$"),
}
CACHEABLE_QUERY_KEYS = set(CACHEABLE_QUERY_VALUES)
# Added by WhatsApp/Facebook shares and campaigns; they change nothing on the page, so they are left out of
# the key: a link shared to a whole village is served from the cache.
TRACKING_QUERY_KEYS = {
    "fbclid",
    "gclid",
    "wa",
    "igshid",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_term",
    "utm_content",
}
STORED_HEADERS = ("Content-Type", "Content-Language", "ETag", "Last-Modified", "Link")


def proxy_seconds() -> str:
    """How long nginx in front may keep a page: PAGE_PROXY_SECONDS plus up to half again, so the pages cached
    in one burst do not all go back to Django in the same instant."""
    base = settings.PAGE_PROXY_SECONDS
    return str(base + random.randint(0, base // 2))  # noqa: S311 - spreading load, not a secret


class PageCacheMiddleware:
    """Serve published pages to anonymous visitors from the cache; must come right after tenant routing.

    Editors carry a session cookie and form posts are not GET: both go straight to Wagtail.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        # The theme is in the key: a worker whose routing table is still a second behind a theme change
        # renders the old look, which must not be served once every worker knows the new one.
        key = store.page_key(request.get_host(), f"{self._cache_path(request)}|{request.tenant.theme}")
        entry = store.lookup(request, key)
        if entry is not None:
            return self._from_entry(request, entry)
        response = self.get_response(request)
        if self._cacheable_response(response):
            set_response_etag(response)
            response.headers.setdefault("Last-Modified", http_date())
            self._set_public_headers(response)
            store.put(request, key, self._to_entry(response))
            response["X-Cache"] = "MISS"
        return response

    @staticmethod
    def _cacheable_request(request) -> bool:
        return (
            getattr(request, "tenant", None) is not None
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and set(request.GET) <= CACHEABLE_QUERY_KEYS | TRACKING_QUERY_KEYS
            and all(
                CACHEABLE_QUERY_VALUES[key].fullmatch(value)
                for key in CACHEABLE_QUERY_KEYS & set(request.GET)
                for value in request.GET.getlist(key)
            )
            and all(len(request.GET.getlist(key)) == 1 for key in CACHEABLE_QUERY_KEYS & set(request.GET))
            and not request.path.startswith(("/admin/", "/documents/"))
        )

    @staticmethod
    def _cache_path(request) -> str:
        kept = sorted((k, v) for k in request.GET if k in CACHEABLE_QUERY_KEYS for v in request.GET.getlist(k))
        return request.path + ("?" + urlencode(kept) if kept else "")

    @staticmethod
    def _cacheable_response(response) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
        )

    @staticmethod
    def _set_public_headers(response):
        patch_cache_control(response, public=True, max_age=settings.PAGE_BROWSER_MAX_AGE)
        # For nginx's cache in front (deploy/nginx/app.conf), which cannot hear of a publish: it keeps a page
        # only this long, so a burst of visitors is served by nginx and an edit reaches everyone within seconds.
        response["X-Accel-Expires"] = proxy_seconds()

    @staticmethod
    def _to_entry(response) -> dict:
        headers = {name: response[name] for name in STORED_HEADERS if name in response}
        headers["Cache-Control"] = response["Cache-Control"]
        return {"content": response.content, "headers": headers}

    @staticmethod
    def _from_entry(request, entry):
        etag = entry["headers"].get("ETag")
        if etag and etag in parse_etags(request.headers.get("If-None-Match", "")):
            response = HttpResponseNotModified()
            response["ETag"] = etag
        else:
            response = HttpResponse(entry["content"])
        for name, value in entry["headers"].items():
            response[name] = value
        response["X-Accel-Expires"] = proxy_seconds()
        response["X-Cache"] = "HIT"
        return response


class GenerationMemoMiddleware:
    """Give a desa request its worker's memo for the desa's current content generation (memo.py).

    Comes after the page cache: a cache hit needs none of it. Also hands Wagtail the desa's Site from the memo,
    so finding the page to serve starts without a query; the admin looks its Site up afresh.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        desa = getattr(request, "tenant", None)
        if desa is None:
            return self.get_response(request)
        token = memo.enter(desa.schema_name, store.generation_for(request))
        try:
            if not request.path.startswith("/admin/"):
                site = memo.remember("wagtail_site", lambda: Site.find_for_request(request))
                if site is not None:
                    request._wagtail_site = copy.copy(site)
            return self.get_response(request)
        finally:
            memo.leave(token)
