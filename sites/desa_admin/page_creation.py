"""One 'add page' form makes one page, however many times it is posted.

Wagtail 8's autosave posts the create form in the background and creates the page as a draft; only when its
answer arrives does the editor switch the form to the new page's edit URL. A click on Terbitkan (or Ajukan)
before that answer posted the create form a second time: "slug already in use", and the autosave's draft
left behind (about 1 in 12 articles). Now the create form carries a one-time token; the first POST with it
creates the page and records token -> page, every later POST with it is handled by the edit view of that page.
Both POSTs may run at once on two workers, so each takes a PostgreSQL advisory lock on the token for its whole
transaction: the second waits for the first to commit, then finds the page.
"""

import json
import re
import secrets

from django.db import connection, transaction
from django.http import JsonResponse
from django.urls import reverse
from django.utils.html import format_html
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView

from .models import PageCreation

TOKEN_FIELD = "desa_creation"
TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")


def token_input() -> str:
    return format_html('<input type="hidden" name="{}" value="{}">', TOKEN_FIELD, secrets.token_urlsafe(24))


def posted_token(request) -> str:
    token = request.POST.get(TOKEN_FIELD, "") if request.method == "POST" else ""
    return token if TOKEN.fullmatch(token) else ""


def before_create(request, parent_page, page_class):
    """The before_create_page hook: None lets Wagtail go on as usual (a GET, a form without our token)."""
    token = posted_token(request)
    if not token or getattr(request, "_desa_creation_token", None):
        return None  # not ours, or the create view called from below
    request._desa_creation_token = token
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"{connection.schema_name}:{token}"])
        made = PageCreation.objects.filter(token=token, user=request.user).select_related("page").first()
        if made is None:
            response = CreateView.as_view()(request, **request.resolver_match.kwargs)
            page = getattr(request, "_desa_created_page", None)
            if page is not None:
                PageCreation.objects.create(token=token, page=page, user=request.user)
            return response
        return continue_on(request, made.page)


def after_create(request, page):
    """The after_create_page hook: remember the page this POST made."""
    if getattr(request, "_desa_creation_token", None):
        request._desa_created_page = page


def continue_on(request, page):
    """A later POST of the same create form, as if it had gone to the page's edit URL."""
    page = page.specific
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    autosave = not request.accepts("text/html")
    if autosave and (page.live or page.workflow_in_progress):
        # An autosave that reaches us after the click on Terbitkan/Ajukan carries nothing newer than that click.
        return JsonResponse({"success": True, "pk": page.pk, "url": edit_url, "field_updates": {}})
    response = EditView.as_view()(request, page_id=page.pk)
    if autosave and response.get("Content-Type", "").startswith("application/json"):
        data = json.loads(response.content)
        if data.get("success"):
            data.update(url=edit_url, hydrate_url=f"{edit_url}?_w_hydrate_create_view=1")
        return JsonResponse(data, status=response.status_code)
    return response
