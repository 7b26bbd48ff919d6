"""RSS 2.0 feed of a desa's news at /feed.xml (linked from every page by base.html)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

from desa_platform.tenancy.current import current_desa

from .models import BeritaPage, news_index

FEED_SIZE = 20


class BeritaFeed(Feed):
    """One instance serves every desa and thread: it keeps no request state; the schema says which desa."""

    feed_type = Rss201rev2Feed
    language = "id"

    def title(self):
        desa = current_desa()
        return f"Berita {desa.display_name}" if desa else "Berita desa"

    def link(self):
        index = news_index()
        return index.get_url() if index else "/"

    def description(self):
        desa = current_desa()
        if desa is None:
            return ""
        where = f", Kecamatan {desa.kecamatan}, Kabupaten {desa.kabupaten}" if desa.kecamatan else ""
        return f"Berita terbaru dari Pemerintah {desa.display_name}{where}."

    def items(self):
        return (
            BeritaPage.objects.live()
            .public()
            .select_related("owner")
            .prefetch_related("kategori")
            .order_by("-tanggal", "-first_published_at")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.listing_summary

    def item_link(self, item):
        # Relative: the syndication view adds the host the request came in on (the desa's own domain).
        return item.get_url()

    def item_pubdate(self, item):
        # The article's own date, at the hour it was first published that day (08.00 otherwise).
        published = item.first_published_at and timezone.localtime(item.first_published_at)
        moment = published.time() if published and published.date() == item.tanggal else datetime.time(8, 0)
        return timezone.make_aware(datetime.datetime.combine(item.tanggal, moment))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author_name or None

    def item_categories(self, item):
        return [kategori.nama for kategori in item.kategori.all()]
