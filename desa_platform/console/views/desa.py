"""One desa: create it, its detail page and every action on it (suspend, theme, domains, backup, delete)."""

from pathlib import Path

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from desa_platform.tenancy.models import AuditLog, Desa
from desa_platform.tenancy.services import admins, appearance, backup, domains, lifecycle, overview, support, upgrade
from desa_platform.tenancy.services.provisioning import DesaSpec, site_root_url
from desa_platform.tenancy.themes import available_themes

from ..auth import staff_required
from ..forms import CreateDesaForm, DeleteForm, DomainForm, SupportForm
from .outcome import FAILED, attempt, attempt_on_form


@staff_required
def create(request):
    form = CreateDesaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        spec = DesaSpec(
            slug=data["slug"],
            name=data["name"],
            kind=data["kind"],
            kecamatan=data["kecamatan"],
            kabupaten=data["kabupaten"],
            provinsi=data["provinsi"],
            kode_pos=data["kode_pos"],
            theme=data["theme"],
            domains=[data["domain"]],
            aliases=data["aliases"].split(),
        )
        desa = attempt_on_form(form, lambda: lifecycle.create(spec, actor=request.user))
        if desa is not FAILED:
            user, link, emailed = admins.invite_first_admin(
                desa, email=data["admin_email"], full_name=data["admin_name"], actor=request.user
            )
            # The link is shown here once and never stored (the token inside stops working once it is used).
            context = {"desa": desa, "url": site_root_url(desa), "admin": user, "link": link, "emailed": emailed}
            return render(request, "console/created.html", context)
    return render(request, "console/create.html", {"form": form})


def desa_or_404(slug) -> Desa:
    return get_object_or_404(Desa, slug=slug)


@staff_required
def detail(request, slug, extra=None):
    desa = desa_or_404(slug)
    context = {
        "desa": desa,
        "url": site_root_url(desa),
        "domains": desa.domains.order_by("-is_primary", "domain"),
        "facts": overview.facts([desa])[desa.schema_name],
        "version": upgrade.schema_versions([desa.schema_name])[desa.schema_name],
        "backups": backup.list_backups(desa.slug)[:20],
        "sessions": support.sessions_for(desa)[:10],
        "log": AuditLog.objects.filter(desa_slug=desa.slug)[:20],
        "domain_form": DomainForm(),
        "support_form": SupportForm(),
        "themes": available_themes(),
        "now": timezone.now(),
        **(extra or {}),
    }
    return render(request, "console/detail.html", context)


def _act(request, slug, operation, success: str):
    """Run one service operation on a desa and go back to its page, saying what was done or why not."""
    desa = desa_or_404(slug)
    result = attempt(request, lambda: operation(desa))
    if result is not FAILED:
        messages.success(request, success.format(desa=desa, result=result))
    return redirect("console:detail", slug)


@staff_required
@require_POST
def suspend(request, slug):
    reason = request.POST.get("reason", "")
    return _act(
        request,
        slug,
        lambda d: lifecycle.suspend(d, actor=request.user, reason=reason),
        "{desa.display_name} ditangguhkan: pengunjung melihat halaman pemeliharaan (503).",
    )


@staff_required
@require_POST
def theme(request, slug):
    return _act(
        request,
        slug,
        lambda d: appearance.set_theme(d, request.POST.get("theme", ""), actor=request.user),
        "{result.display_name} kini memakai tema {result.theme}.",
    )


@staff_required
@require_POST
def resume(request, slug):
    return _act(request, slug, lambda d: lifecycle.resume(d, actor=request.user), "{desa.display_name} aktif kembali.")


@staff_required
@require_POST
def domain_action(request, slug, operation):
    domain = request.POST.get("domain", "")
    operations = {"tambah": domains.add_alias, "hapus": domains.remove_alias, "utama": domains.set_primary}
    if operation not in operations:
        raise Http404
    texts = {
        "tambah": f"Alias {domain} ditambahkan.",
        "hapus": f"Alias {domain} dihapus.",
        "utama": f"{domain} kini domain utama.",
    }
    return _act(request, slug, lambda d: operations[operation](d, domain, actor=request.user), texts[operation])


@staff_required
@require_POST
def backup_now(request, slug):
    return _act(request, slug, lambda d: backup.backup_desa(d, actor=request.user).name, "Cadangan dibuat: {result}.")


@staff_required
@require_POST
def restore_into(request, slug):
    def operation(desa):
        return backup.restore(backup.find_backup(request.POST.get("backup", "")), into=desa, actor=request.user)

    return _act(request, slug, operation, "{desa.display_name} dipulihkan dari cadangan.")


@staff_required
def delete(request, slug):
    desa = desa_or_404(slug)
    form = DeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        path = attempt_on_form(
            form, lambda: lifecycle.delete(desa, form.cleaned_data["confirm"], actor=request.user), "confirm"
        )
        if path is not FAILED:
            messages.success(request, f"Desa '{slug}' dihapus. Cadangan terakhirnya: {Path(path).name}.")
            return redirect("console:index")
    return render(request, "console/delete.html", {"desa": desa, "form": form})
