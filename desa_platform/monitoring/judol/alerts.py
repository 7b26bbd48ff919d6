"""New judol findings are mailed to Diskominfo (MONITOR_ALERT_EMAILS) through the outbox."""

from django.conf import settings

from ..mail import enqueue


def alert(run, findings) -> None:
    recipients = list(settings.MONITOR_ALERT_EMAILS)
    if not recipients or not findings:
        return
    console = settings.MONITOR_CONSOLE_URL.rstrip("/")
    lines = [f"Penjaga judol menemukan {len(findings)} temuan baru (pemindaian #{run.pk}).", ""]
    for finding in findings[:50]:
        host = next((d.domain for d in finding.desa.domains.all() if d.is_primary), finding.desa.slug)
        lines += [
            f"- {finding.desa.display_name}: {finding.get_kind_display()} — {finding.detail}",
            f"  halaman: http://{host}{finding.url}",
            f"  cuplikan: {finding.snippet[:200]}",
        ]
    if len(findings) > 50:
        lines.append(f"… dan {len(findings) - 50} lainnya.")
    lines += ["", f"Periksa dan karantina di konsol: {console}/judol/"]
    desa_count = len({f.desa_id for f in findings})
    enqueue(recipients, f"[Judol] {len(findings)} temuan baru di {desa_count} situs", "\n".join(lines), kind="judol")
