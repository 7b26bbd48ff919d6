"""Site-wide routes of every desa that are not pages (robots.txt, feeds, …)."""

urlpatterns = []
