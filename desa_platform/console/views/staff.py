"""Diskominfo's own staff accounts (superusers only): create with a one-time link, switch on and off."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from desa_platform.tenancy.models import AuditLog
from desa_platform.tenancy.services import audit, staff

from ..auth import superuser_required
from ..forms import StaffForm
from .outcome import FAILED, attempt


@superuser_required
def staff_list(request):
    form = StaffForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if get_user_model().objects.filter(username=data["username"]).exists():
            form.add_error("username", "Nama pengguna ini sudah dipakai.")
        else:
            user, link = staff.create_staff(data["username"], data["email"], data["full_name"], data["superuser"])
            audit.record(request.user, AuditLog.Action.STAFF_CREATE, staf=user.username)
            emailed = staff.send_link(user, link)
            created = {"user": user, "link": link, "emailed": emailed}
            form = StaffForm()
    return render(request, "console/staff.html", {"form": form, "created": created, "people": staff.list_staff()})


@superuser_required
@require_POST
def staff_active(request, username):
    active = request.POST.get("active") == "1"
    changed = attempt(request, lambda: staff.set_active(username, active, actor=request.user))
    if changed is FAILED:
        return redirect("console:staff")
    user, link = changed
    if not link:
        messages.success(request, f"Akun {username} {'aktif' if active else 'dinonaktifkan'}.")
        return redirect("console:staff")
    # Switched back on: a new password through a one-time link, shown once (as for a new account).
    created = {"user": user, "link": link, "emailed": staff.send_link(user, link), "again": True}
    return render(
        request, "console/staff.html", {"form": StaffForm(), "created": created, "people": staff.list_staff()}
    )
