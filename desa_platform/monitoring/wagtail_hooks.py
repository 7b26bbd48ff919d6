"""The desa admin's dashboard shows Diskominfo's unread messages, each with a "Sudah dibaca" button."""

from django.contrib import messages
from django.db import connection
from django.shortcuts import redirect
from django.urls import path
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.ui.components import Component

from . import guidance


class GuidancePanel(Component):
    name = "pesan_diskominfo"
    order = 40  # above the onboarding checklist: Diskominfo writes rarely, and it matters when it does
    template_name = "monitoring/guidance_panel.html"

    def get_context_data(self, parent_context):
        desa = getattr(connection, "tenant", None)
        deliveries = guidance.unread_for(desa) if getattr(desa, "pk", None) else []
        return {"deliveries": deliveries, "request": parent_context.get("request")}


@hooks.register("construct_homepage_panels")
def add_guidance_panel(request, panels):
    panels.insert(0, GuidancePanel())


@require_POST
def mark_read(request, delivery_id):
    desa = getattr(connection, "tenant", None)
    if getattr(desa, "pk", None) and guidance.mark_read(desa, delivery_id, request.user.get_username()):
        messages.success(request, "Pesan Diskominfo ditandai sudah dibaca.")
    return redirect("wagtailadmin_home")


@hooks.register("register_admin_urls")
def guidance_urls():
    return [path("pesan-diskominfo/<int:delivery_id>/dibaca/", mark_read, name="monitoring_guidance_read")]
