"""Guidance from Diskominfo: write to one desa, a kecamatan or a state; who read it; a desa's timeline; the
monthly kecamatan digest."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render

from desa_platform.monitoring import digest as digests
from desa_platform.monitoring import guidance, tenant_list, visits
from desa_platform.monitoring.liveness import liveness
from desa_platform.monitoring.models import Guidance, KecamatanContact
from desa_platform.tenancy.models import Desa
from desa_platform.tenancy.services.errors import ServiceError

from ..auth import staff_required


class GuidanceForm(forms.Form):
    sasaran = forms.ChoiceField(label="Untuk", choices=list(guidance.AUDIENCE_KINDS.items()))
    desa = forms.CharField(label="Desa (slug)", required=False, max_length=50)
    kecamatan = forms.CharField(label="Kecamatan", required=False, max_length=100)
    keadaan = forms.ChoiceField(label="Keadaan", required=False, choices=guidance.state_choices)
    judul = forms.CharField(label="Judul", max_length=200)
    isi = forms.CharField(label="Isi pesan", max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))
    surel = forms.BooleanField(label="Kirim juga lewat surel ke admin desa", required=False)

    def audience_value(self) -> str:
        kind = self.cleaned_data["sasaran"]
        return self.cleaned_data.get(kind) or "" if kind in ("desa", "kecamatan", "keadaan") else ""


@staff_required
def guidance_list(request):
    initial = {k: request.GET[k] for k in ("sasaran", "desa", "kecamatan", "keadaan") if k in request.GET}
    form = GuidanceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            sent = guidance.send(
                request.user, data["judul"], data["isi"], data["sasaran"], form.audience_value(), mail=data["surel"]
            )
        except ServiceError as error:
            form.add_error(None, str(error))  # what was typed stays in the form
        else:
            mailed = f", {sent.mailed} desa juga lewat surel" if data["surel"] else ""
            messages.success(request, f"Pesan dikirim ke {sent.deliveries.count()} desa ({sent.audience}){mailed}.")
            return redirect("console:guidance-detail", sent.pk)
    sent = list(guidance.sent())
    counts = guidance.read_counts(sent)
    context = {
        "form": form,
        "sent": [(g, *counts.get(g.pk, (0, 0))) for g in sent],
        "kecamatan_choices": tenant_list.kecamatan_choices(),
    }
    return render(request, "console/guidance.html", context)


@staff_required
def guidance_detail(request, pk):
    item = get_object_or_404(Guidance, pk=pk)
    deliveries = item.deliveries.select_related("desa").order_by("read_at", "desa__kecamatan", "desa__name")
    read = sum(1 for d in deliveries if d.read_at)
    return render(request, "console/guidance_detail.html", {"g": item, "deliveries": deliveries, "read": read})


@staff_required
def timeline(request, slug):
    desa = get_object_or_404(Desa, slug=slug)
    context = {
        "desa": desa,
        "live": liveness(desa),
        "entries": guidance.timeline(desa),
        "chart": visits.svg_chart(visits.series(desa)),
        "form": GuidanceForm(initial={"sasaran": "desa", "desa": desa.slug}),
    }
    return render(request, "console/timeline.html", context)


class ContactForm(forms.Form):
    email = forms.EmailField(label="Surel kantor camat", required=False)


@staff_required
def digest(request):
    names = tenant_list.kecamatan_choices()
    kecamatan = request.GET.get("kecamatan") or (names[0] if names else "")
    if kecamatan not in names:
        kecamatan = names[0] if names else ""
    year, month = digests.parse_month(request.GET.get("bulan"))
    contact = KecamatanContact.objects.filter(kecamatan=kecamatan).first()
    form = ContactForm(request.POST or None, initial={"email": contact.email if contact else ""})
    if request.method == "POST" and kecamatan and form.is_valid():
        if form.cleaned_data["email"]:
            KecamatanContact.objects.update_or_create(
                kecamatan=kecamatan, defaults={"email": form.cleaned_data["email"]}
            )
        else:
            KecamatanContact.objects.filter(kecamatan=kecamatan).delete()
        messages.success(request, f"Alamat ringkasan Kecamatan {kecamatan} disimpan.")
        return redirect(f"{request.path}?kecamatan={kecamatan}&bulan={year}-{month:02d}")
    rows = digests.digest(kecamatan, year, month) if kecamatan else []
    context = {
        "kecamatan": kecamatan,
        "names": names,
        "month": f"{year}-{month:02d}",
        "label": digests.month_label(year, month),
        "rows": rows,
        "form": form,
        "visits_by_kecamatan": visits.per_kecamatan(30),
        "totals": {
            "visits": sum(r.visits for r in rows),
            "publishes": sum(r.publishes for r in rows),
            "messages": sum(r.messages for r in rows),
            "answered": sum(r.answered for r in rows),
        },
    }
    return render(request, "console/digest.html", context)
