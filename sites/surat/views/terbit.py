"""Surat terbit: the register of issued letters, and revoking one with a reason (shown on verification)."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from sites.core.pagination import ROWS_PER_PAGE, paginate

from .. import access, workflow
from ..models import Surat


def register(request):
    access.require(request.user, access.VIEW)
    page = paginate(request, Surat.objects.all(), ROWS_PER_PAGE)
    return TemplateResponse(
        request, "surat/admin/terbit.html", {"page": page, "bisa_cabut": request.user.has_perm(access.SIGN)}
    )


class RevokeForm(forms.Form):
    alasan = forms.CharField(
        label="Alasan pencabutan",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Tampil di halaman verifikasi surat.",
        error_messages={"required": "Tulis alasan pencabutan."},
    )


@require_http_methods(["GET", "POST"])
def revoke(request, pk):
    access.require(request.user, access.SIGN)
    surat = get_object_or_404(Surat, pk=pk)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and surat.status == Surat.Status.SAH:
        surat.status = Surat.Status.DICABUT
        surat.alasan_cabut = form.cleaned_data["alasan"]
        surat.dicabut_pada = timezone.now()
        surat.dicabut_oleh = workflow.display_name(request.user)
        surat.save()
        if surat.permohonan_id:
            workflow.record(
                surat.permohonan, request.user, f"Surat {surat.nomor} dicabut", catatan=surat.alasan_cabut, publik=True
            )
        messages.success(request, f"Surat {surat.nomor} dicabut.")
        return redirect("surat_admin:terbit")
    return TemplateResponse(request, "surat/admin/cabut.html", {"surat": surat, "form": form})
