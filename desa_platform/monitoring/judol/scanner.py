"""The judol guard: each desa's published content and its rendered pages, checked for online-gambling defacement.

Per desa, per run:
1. every live page's published revision (stored text, links, embeds) — catches pages nobody links to;
2. the home page and each page published since the last run (or every live page with `semua_halaman`), fetched
   twice — as a phone browser and as Googlebot — and both answers checked; any difference is cloaking;
3. every outbound link compared with the domains the desa linked to before (the first run records them).
Findings are kept once per desa and fingerprint: seen again, a finding is only touched; new ones are mailed.
"""

import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tenants.utils import schema_context

from desa_platform.tenancy.models import Desa, Domain
from desa_platform.tenancy.schemas import public_schema

from ..models import AvailabilitySample, KnownLinkDomain, ScanFinding, ScanRequest, ScanRun
from .fetch import BROWSER_UA, GOOGLEBOT_UA, InProcessFetcher
from .html_checks import Analysis, Issue, analyse, differences
from .lists import load

BASELINE = "."  # KnownLinkDomain row meaning "this desa's outbound links have been recorded once"


@dataclass(frozen=True)
class Target:
    path: str
    page_id: int | None
    title: str


def _strings(value, out: list[str]) -> None:
    if isinstance(value, str):
        stripped = value.strip()
        if stripped[:1] in "[{":
            try:
                _strings(json.loads(stripped), out)
                return
            except ValueError:
                pass
        out.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            _strings(item, out)
    elif isinstance(value, list):
        for item in value:
            _strings(item, out)


def _pages(page_ids=None):
    from wagtail.models import Page

    pages = Page.objects.live().filter(depth__gte=2).select_related("live_revision")
    if page_ids is not None:
        pages = pages.filter(pk__in=page_ids)
    return pages


def _path(page) -> str:
    url = page.get_url()
    return url if url and url.startswith("/") else (page.url_path or "/")


def content_issues(own_hosts: set[str], page_ids=None) -> list[tuple[Target, Analysis]]:
    """Each live page's published revision, checked like a document (run inside the desa's schema)."""
    checked = []
    for page in _pages(page_ids):
        content = page.live_revision.content if page.live_revision_id else {}
        strings = [page.title, page.slug, page.search_description or ""]
        _strings(content, strings)
        document = "<div>" + "\n".join(strings) + "</div>"
        checked.append((Target(_path(page), page.pk, page.title), analyse(document, own_hosts=own_hosts)))
    return checked


def render_targets(page_ids=None, all_pages=False) -> list[Target]:
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    targets = {"/": Target("/", site.root_page_id if site else None, site.root_page.title if site else "Beranda")}
    if all_pages or page_ids:
        for page in _pages(None if all_pages else page_ids):
            path = _path(page)
            targets.setdefault(path, Target(path, page.pk, page.title))
    return list(targets.values())


def _explains(issue: Issue) -> tuple:
    if issue.kind == "kata":
        return (issue.kind, issue.detail)
    return (issue.kind, issue.detail, " ".join(issue.snippet.split())[:200])


def _fingerprint(kind: str, *parts: str) -> str:
    return hashlib.sha1("|".join((kind, *parts)).encode()).hexdigest()


class DesaScan:
    """One desa's part of a run."""

    def __init__(self, desa: Desa, run: ScanRun, fetcher, platform_hosts: set[str]):
        self.desa, self.run, self.fetcher = desa, run, fetcher
        self.own_hosts = {d.domain for d in desa.domains.all()}
        self.platform_hosts = platform_hosts
        self.host = next((d.domain for d in desa.domains.all() if d.is_primary), "")
        self.new: list[ScanFinding] = []
        self.outbound: dict[str, tuple[Target, str]] = {}
        self.fetched = 0
        # What a page's stored content already explains: a teaser of that page on the home page is the same
        # finding, not a second one (karantina of the page removes both).
        self.explained: set[tuple] = set()

    def scan(self, page_ids=None, all_pages=False) -> list[ScanFinding]:
        with schema_context(self.desa.schema_name):
            checked = content_issues(self.own_hosts, page_ids=page_ids)
            targets = render_targets(page_ids, all_pages)
        for target, analysis in checked:
            self._take(target, analysis)
            self.explained |= {_explains(issue) for issue in analysis.issues}
        for target in targets:
            self._render(target)
        self._new_domains()
        return self.new

    def _render(self, target: Target) -> None:
        base = f"http://{self.host}"
        browser = self.fetcher.fetch(self.host, target.path, BROWSER_UA)
        googlebot = self.fetcher.fetch(self.host, target.path, GOOGLEBOT_UA)
        self.fetched += 2
        if target.path == "/":
            self._availability(browser.status)
        seen_b = analyse(browser.html, own_hosts=self.own_hosts, base_url=base)
        seen_g = analyse(googlebot.html, own_hosts=self.own_hosts, base_url=base)
        self._take(target, seen_b, rendered=True)
        self._take(target, seen_g, rendered=True)
        if browser.status != googlebot.status:
            self._record(
                target,
                Issue(
                    "cloaking",
                    f"peramban: {browser.status}, Googlebot: {googlebot.status}",
                    "status berbeda untuk Googlebot",
                ),
            )
        else:
            diff = differences(seen_b, seen_g)
            if diff:
                self._record(target, Issue("cloaking", diff[:900], "isi berbeda untuk Googlebot"))

    def _availability(self, status: int) -> None:
        day = timezone.localdate()
        sample, _ = AvailabilitySample.objects.get_or_create(desa=self.desa, day=day)
        sample.checks += 1
        sample.up += 1 if 200 <= status < 400 else 0
        sample.save(update_fields=["checks", "up"])

    def _take(self, target: Target, analysis: Analysis, rendered: bool = False) -> None:
        for issue in analysis.issues:
            if not (rendered and _explains(issue) in self.explained):
                self._record(target, issue)
        for host, snippet in analysis.outbound.items():
            self.outbound.setdefault(host, (target, snippet))

    def _new_domains(self) -> None:
        lists = load()
        known = set(KnownLinkDomain.objects.filter(desa=self.desa).values_list("domain", flat=True))
        candidates = {
            host: found
            for host, found in self.outbound.items()
            if host not in self.platform_hosts and not lists.safe_domain(host) and not lists.gambling_domain(host)
        }
        if BASELINE not in known:  # first run: what the desa links to today is its normal
            KnownLinkDomain.objects.bulk_create(
                [KnownLinkDomain(desa=self.desa, domain=h) for h in [BASELINE, *candidates]], ignore_conflicts=True
            )
            return
        for host, (target, snippet) in candidates.items():
            if host not in known:
                self._record(target, Issue("domain-baru", snippet, f"tautan pertama ke {host}"), key=host)

    def _record(self, target: Target, issue: Issue, key: str | None = None) -> None:
        fingerprint = _fingerprint(issue.kind, key or f"{target.path}|{issue.detail}|{issue.snippet[:300]}")
        finding = ScanFinding.objects.filter(desa=self.desa, fingerprint=fingerprint).first()
        if finding is None:
            finding = ScanFinding.objects.create(
                desa=self.desa,
                run=self.run,
                kind=issue.kind,
                url=target.path[:500],
                page_id=target.page_id,
                page_title=target.title[:255],
                snippet=issue.snippet[:1000],
                detail=issue.detail[:300],
                fingerprint=fingerprint,
            )
            self.new.append(finding)
        elif finding.state == ScanFinding.State.QUARANTINED:  # back after a karantina: published again
            finding.state, finding.run = ScanFinding.State.OPEN, self.run
            finding.save()
            self.new.append(finding)
        else:
            finding.save(update_fields=["last_seen_at"])


def platform_hosts() -> set[str]:
    return set(Domain.objects.values_list("domain", flat=True)) | {h.lower() for h in settings.PLATFORM_DOMAINS}


def scan(desas=None, *, trigger="jadwal", fetcher=None, all_pages=False, page_ids_by_desa=None) -> ScanRun:
    """Scan the given desa (default: every active one); returns the run with its counts."""
    fetcher = fetcher or InProcessFetcher()
    with public_schema():
        run = ScanRun.objects.create(trigger=trigger)
        if desas is None:
            desas = Desa.objects.filter(status=Desa.Status.ACTIVE).order_by("pk")
        desas = list(desas.prefetch_related("domains") if hasattr(desas, "prefetch_related") else desas)
        hosts = platform_hosts()
        new = []
        for desa in desas:
            page_ids = (page_ids_by_desa or {}).get(desa.pk)
            part = DesaScan(desa, run, fetcher, hosts)
            new += part.scan(page_ids=page_ids, all_pages=all_pages)
            run.pages_fetched += part.fetched
        run.desa_count, run.new_findings, run.finished_at = len(desas), len(new), timezone.now()
        run.save()
        if new:
            from .alerts import alert

            alert(run, new)
    return run


def _claim_pending() -> list[ScanRequest]:
    """Take the queued requests for this node: every node's monitor-tick timer calls scan_queue, and a request
    taken by one (locked, then marked) is skipped by the others, so a page is scanned and alerted on once."""
    with transaction.atomic():
        pending = list(
            ScanRequest.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(done_at__isnull=True)
            .select_related("desa")
        )
        if pending:
            ScanRequest.objects.filter(Q(pk__in=[r.pk for r in pending])).update(done_at=timezone.now())
    return pending


def scan_queue(fetcher=None) -> ScanRun | None:
    """The pages published since the last call (queued by the publish signal), each desa once."""
    with public_schema():
        pending = _claim_pending()
        if not pending:
            return None
        by_desa: dict[int, set[int]] = {}
        for request in pending:
            by_desa.setdefault(request.desa_id, set()).add(request.page_id)
        desas = Desa.objects.filter(pk__in=by_desa, status=Desa.Status.ACTIVE)
        return scan(desas, trigger="terbit", fetcher=fetcher, page_ids_by_desa=by_desa)
