"""/layanan/status/<kode>/lengkapi/: the resident completes a request the staff sent back (see ../lengkapi.py).

Step 1 posts the last 4 NIK digits (wrong tries are limited per address like the letter download); step 2 is
the request's own form, filled with what was sent, carrying a signed token instead of the digits."""

from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from .. import lengkapi as completion
from .. import ratelimit, uploads, workflow
from ..models import Permohonan
from .public import form_kwargs, page_response, request_by_code, status_context, too_large

WRONG_DIGITS = "4 angka terakhir NIK tidak cocok. Periksa KTP Anda lalu coba lagi."
TOO_MANY = "Terlalu banyak percobaan. Coba lagi satu jam lagi, atau datang ke kantor desa."


def _form(permohonan, request, data=None, files=None):
    kwargs = form_kwargs(permohonan.layanan, request)
    if data is None:
        return completion.LengkapiForm(initial=completion.initial_for(permohonan), permohonan=permohonan, **kwargs)
    return completion.LengkapiForm(data, files, permohonan=permohonan, **kwargs)


def _page(request, permohonan, form, token, status=200):
    context = {
        "permohonan": permohonan,
        "service": permohonan.layanan,
        "form": form,
        "lengkapi_token": token,
        "crumb_current": "Lengkapi permohonan",
    }
    return page_response(request, "surat/lengkapi.html", context, status=status)


def _refused(request, permohonan, error, status):
    return page_response(request, "surat/status.html", status_context(permohonan, lengkapi_error=error), status=status)


@require_http_methods(["GET", "POST"])
def complete(request, kode):
    permohonan = request_by_code(kode)
    if request.method == "GET" or permohonan.status != Permohonan.Status.PERLU_DILENGKAPI or not permohonan.layanan:
        return redirect("surat:status", kode=permohonan.kode)
    if int(request.META.get("CONTENT_LENGTH") or 0) > uploads.MAX_REQUEST_SIZE:
        return too_large(request)
    ip = ratelimit.client_ip(request)
    token = request.POST.get("lengkapi_token", "")[:200]
    if not completion.token_valid(permohonan, token):
        if ratelimit.is_limited("unduh", ip, ratelimit.DOWNLOADS):
            return _refused(request, permohonan, TOO_MANY, 429)
        if not completion.nik4_matches(permohonan, request.POST.get("nik4", "")):
            ratelimit.hit("unduh", ip, ratelimit.DOWNLOADS)
            return _refused(request, permohonan, WRONG_DIGITS, 400)
        return _page(request, permohonan, _form(permohonan, request), completion.make_token(permohonan))
    form = _form(permohonan, request, request.POST, request.FILES)
    if ratelimit.is_limited("permohonan", ip, ratelimit.REQUESTS):
        form.is_valid()
        form.add_error(
            None,
            "Terlalu banyak kiriman dari sambungan Anda dalam satu jam terakhir. Belum terkirim; isian Anda masih "
            "ada. Coba lagi nanti atau datang ke kantor desa.",
        )
        form.keep_files()
        return _page(request, permohonan, form, token, status=429)
    if form.is_bot:
        ratelimit.hit("permohonan", ip, ratelimit.REQUESTS)
        return redirect("surat:status", kode=permohonan.kode)
    if not form.is_valid():
        form.keep_files()
        return _page(request, permohonan, form, token, status=400)
    ratelimit.hit("permohonan", ip, ratelimit.REQUESTS)
    try:
        completion.resubmit(form)
    except workflow.StepError as exc:
        return _refused(request, permohonan, str(exc), 409)
    uploads.discard(form.token)
    return redirect("surat:status", kode=permohonan.kode)
