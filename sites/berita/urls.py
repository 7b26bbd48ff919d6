from django.urls import path

from .feeds import BeritaFeed

urlpatterns = [path("feed.xml", BeritaFeed(), name="berita_feed")]
