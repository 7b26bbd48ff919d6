"""Permohonan layanan in the desa's admin: the inbox, one request's page, its steps and its attachments."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Subquery
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from sites.core.pagination import ROWS_PER_PAGE, paginate

from .. import access, deadlines, lengkapi, workflow
from ..models import Lampiran, Permohonan, Riwayat, Surat


class FilterForm(forms.Form):
    status = forms.ChoiceField(
        required=False,
        label="Status",
        choices=[("", "Semua status"), ("terbuka", "Belum selesai"), *Permohonan.Status.choices],
    )
    layanan = forms.ChoiceField(required=False, label="Layanan")
    dari = forms.DateField(required=False, label="Dari tanggal", widget=forms.DateInput(attrs={"type": "date"}))
    sampai = forms.DateField(required=False, label="Sampai tanggal", widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        titles = Permohonan.objects.order_by().values_list("layanan_judul", flat=True).distinct()
        self.fields["layanan"].choices = [("", "Semua layanan")] + [(t, t) for t in sorted(titles)]


def filtered(form: FilterForm):
    last_step = Riwayat.objects.filter(permohonan=OuterRef("pk")).order_by("-waktu", "-pk").values("aksi")[:1]
    queryset = Permohonan.objects.select_related("layanan", "petugas").annotate(langkah_terakhir=Subquery(last_step))
    if not form.is_valid():
        return queryset
    data = form.cleaned_data
    if data["status"] == "terbuka":
        queryset = queryset.filter(status__in=Permohonan.OPEN_STATUSES)
    elif data["status"]:
        queryset = queryset.filter(status=data["status"])
    if data["layanan"]:
        queryset = queryset.filter(layanan_judul=data["layanan"])
    if data["dari"]:
        queryset = queryset.filter(dikirim__date__gte=data["dari"])
    if data["sampai"]:
        queryset = queryset.filter(dikirim__date__lte=data["sampai"])
    return queryset


def inbox(request):
    access.require(request.user, access.HANDLE)
    form = FilterForm(request.GET or None)
    page = paginate(request, filtered(form), ROWS_PER_PAGE)
    rows = [
        {
            "p": p,
            "dilengkapi": p.langkah_terakhir == lengkapi.AKSI,
            "umur": deadlines.age_days(p),
            "batas": deadlines.target_days(p.layanan.waktu_penyelesaian if p.layanan else ""),
            "terlambat": deadlines.is_late(p),
        }
        for p in page.object_list
    ]
    query = request.GET.copy()
    query.pop("page", None)
    return TemplateResponse(
        request,
        "surat/admin/inbox.html",
        {"form": form, "page": page, "rows": rows, "query": query.urlencode()},
    )


class StepForm(forms.Form):
    status = forms.ChoiceField(label="Ubah status menjadi")
    catatan = forms.CharField(
        label="Catatan untuk pemohon",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Wajib untuk “Perlu dilengkapi” dan “Ditolak”: pemohon membacanya di halaman status.",
    )

    def __init__(self, *args, permohonan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (s, Permohonan.Status(s).label) for s in workflow.NEXT_STEPS[permohonan.status]
        ]


class DisposisiForm(forms.Form):
    petugas = forms.ModelChoiceField(label="Teruskan kepada", queryset=get_user_model().objects.none())
    catatan = forms.CharField(
        label="Catatan disposisi", required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["petugas"].queryset = (
            get_user_model().objects.filter(is_active=True).order_by("first_name", "username")
        )
        self.fields["petugas"].label_from_instance = workflow.display_name


@require_http_methods(["GET", "POST"])
def detail(request, pk):
    access.require(request.user, access.HANDLE)
    permohonan = get_object_or_404(Permohonan.objects.select_related("layanan", "petugas"), pk=pk)
    step_form = StepForm(permohonan=permohonan)
    disposisi_form = DisposisiForm(initial={"petugas": permohonan.petugas_id})
    if request.method == "POST":
        action = request.POST.get("aksi")
        if action == "status":
            step_form = StepForm(request.POST, permohonan=permohonan)
            if step_form.is_valid():
                try:
                    workflow.move(
                        permohonan,
                        step_form.cleaned_data["status"],
                        request.user,
                        catatan=step_form.cleaned_data["catatan"],
                    )
                except workflow.StepError as exc:
                    step_form.add_error(None, str(exc))
                else:
                    from .. import notify

                    notify.status_changed(permohonan)
                    messages.success(request, f"Status {permohonan.kode_tampil}: {permohonan.get_status_display()}.")
                    return redirect("surat_admin:detail", pk=permohonan.pk)
        elif action == "disposisi":
            disposisi_form = DisposisiForm(request.POST)
            if disposisi_form.is_valid():
                workflow.assign(
                    permohonan,
                    disposisi_form.cleaned_data["petugas"],
                    request.user,
                    disposisi_form.cleaned_data["catatan"],
                )
                messages.success(request, "Disposisi dicatat.")
                return redirect("surat_admin:detail", pk=permohonan.pk)
    else:
        access.log_view(permohonan, request.user, "membuka data permohonan")
    context = {
        "p": permohonan,
        "step_form": step_form,
        "disposisi_form": disposisi_form,
        "lampiran": permohonan.lampiran.all(),
        "riwayat": permohonan.riwayat.select_related("pengguna"),
        "akses": permohonan.akses.all()[:20],
        "surat": Surat.objects.filter(permohonan=permohonan).first(),
        "umur": deadlines.age_days(permohonan),
        "batas": deadlines.target_days(permohonan.layanan.waktu_penyelesaian if permohonan.layanan else ""),
        "terlambat": deadlines.is_late(permohonan),
        "bisa_tanda_tangan": request.user.has_perm(access.SIGN),
    }
    return TemplateResponse(
        request, "surat/admin/detail.html", context, status=400 if request.method == "POST" else 200
    )


def lampiran(request, pk):
    access.require(request.user, access.VIEW)
    item = get_object_or_404(Lampiran.objects.select_related("permohonan"), pk=pk)
    try:
        handle = item.berkas.open("rb")
    except OSError:
        raise Http404("Berkas lampiran tidak ditemukan.") from None
    access.log_view(item.permohonan, request.user, f"membuka lampiran “{item.label}”")
    inline = item.content_type.startswith("image/")
    response = FileResponse(handle, as_attachment=not inline, filename=item.nama_asli, content_type=item.content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src 'self'"
    return response


def surat_berkas(request, pk):
    """The signed PDF for this desa's staff."""
    access.require(request.user, access.VIEW)
    surat = get_object_or_404(Surat, pk=pk)
    if surat.permohonan_id:
        access.log_view(surat.permohonan, request.user, "mengunduh surat")
    response = FileResponse(
        surat.berkas.open("rb"),
        as_attachment=True,
        filename=f"surat-{surat.kode_verifikasi}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response
