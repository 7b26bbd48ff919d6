"""The shared kecamatan operator (services/operators.py): list, grant and revoke from the console, as the
`desa operator` CLI does; the service records each grant and revocation in the audit log with the staff member."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from desa_platform.tenancy.models import OperatorKecamatan
from desa_platform.tenancy.services import operators

from ..auth import staff_required
from ..forms import OperatorGrantForm
from .outcome import FAILED, attempt, attempt_on_form


@staff_required
def operator_list(request):
    form = OperatorGrantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        granted = attempt_on_form(
            form, lambda: operators.grant(data["kecamatan"], data["username"].strip(), data["nama"], request.user)
        )
        if granted is not FAILED:
            count = operators.desa_of(granted.kecamatan).count()
            messages.success(
                request, f"{granted.nama} kini operator {granted.kecamatan.display_name} untuk {count} desa/kelurahan."
            )
            return redirect("console:operators")
    grants = OperatorKecamatan.objects.select_related("kecamatan").order_by("revoked_at", "-granted_at")
    rows = [(granted, operators.desa_of(granted.kecamatan).count()) for granted in grants]
    return render(request, "console/operators.html", {"form": form, "rows": rows})


@staff_required
@require_POST
def operator_revoke(request, pk):
    granted = get_object_or_404(OperatorKecamatan, pk=pk)
    if granted.revoked_at is not None:
        messages.error(request, f"Akses {granted.nama} sudah dicabut.")
        return redirect("console:operators")
    switched = attempt(request, lambda: operators.revoke(granted, request.user))
    if switched is not FAILED:
        messages.success(request, f"Akses {granted.nama} dicabut; {switched} akun di desa dinonaktifkan.")
    return redirect("console:operators")
