"""Site-wide routes of every desa that are not pages: robots.txt here, plus each content app's own
`sites/<app>/urls.py` when it has one (the news feed, the search page)."""

from django.urls import include, path

from . import views
from .sections import each_section

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    *(path("", include(module.__name__)) for module in each_section("urls")),
]
