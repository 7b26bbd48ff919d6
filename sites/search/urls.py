from django.urls import path

from . import views

urlpatterns = [path("cari/", views.search, name="search")]
