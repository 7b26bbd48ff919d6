"""URLs of every desa site (tenant schemas)."""

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from desa_platform.console import views as console_views
from desa_platform.tenancy import views_operator

urlpatterns = [
    # Diskominfo support access (opened from the console; see desa_platform/tenancy/services/support.py)
    path("admin/dukungan/<str:token>/", console_views.support_enter, name="support-enter"),
    # The shared kecamatan operator (desa_platform/tenancy/services/operators.py)
    path("admin/desa-binaan/", views_operator.desa_binaan, name="operator-desa-binaan"),
    path("admin/operator-kecamatan/<str:token>/", views_operator.enter, name="operator-enter"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    path("", include("sites.core.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

# The 500 page in the desa's look (404 uses themes/_base/templates/404.html through the theme loader).
handler500 = "sites.core.views.server_error"
