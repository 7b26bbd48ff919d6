"""Page budgets of every theme, on the pilot desa served the way production serves it.

    .venv/bin/python bench/pages.py [--themes klasik,modern] [--no-lighthouse] [--port 8190]

Needs the npm tools once: `cd bench && npm install --ignore-scripts` (lighthouse, axe-core, puppeteer-core,
vnu-jar; Debian's /usr/bin/chromium and Java 17). Uses its own database (desa_bench_pages on the embedded server)
and var/bench-pages/ for media, static files and the shared file cache.

Serving: gunicorn with the production settings (whitenoise, compressed fingerprinted static files, page cache),
behind a small stand-in for nginx in this process (media files, gzip for HTML as deploy/nginx does).
For each theme the pilot desa Socorejo is switched to it (tenancy.services.appearance.set_theme) and its home
page, a news article, a service page, the search page and a 404 are measured:

- HTML+CSS+JS gzipped (budget for home: 50 KB, content images excluded) and the number of script tags;
- requests to any other host (HTML references, and every request the browser made) — budget: none;
- images: width/height set, srcset, WebP;
- Lighthouse mobile performance and accessibility (budget ≥ 95 on home, article, service);
- axe-core serious/critical violations (budget 0), Nu HTML Checker errors (budget 0);
- sideways scrolling at 320 px and at 200% zoom, visible keyboard focus and skip link, main text without JS,
  the print layout of the service page (a PDF in bench/out/), and screenshots at 360 and 1280 px in bench/out/screens/
  (at 360 px also with the phone menu open: `-360-menu.png`, axe-core run again with it open);
- the first screen of a 360×740 phone: the main heading's top edge above half the screen height, on these pages
  and on every other page of the sitemap (every page type).

One script, over 300 lines on purpose: serving, the npm tools and the budgets it checks are one proof read top to
bottom.
"""

import argparse
import gzip
import http.client
import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
OUT = BENCH / "out"
VAR = ROOT / "var" / "bench-pages"
NODE_MODULES = BENCH / "node_modules"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
PILOT = "socorejo"
HOME_BUDGET_KB = 50
HEADING_BUDGET = 0.5  # the main heading starts in the first half of a 360×740 phone screen
SMALL_IMAGE = 400  # px: a rendition at most this wide is drawn at a fixed small size (logo, portrait, avatar)
TEXT_TYPES = ("text/html", "text/css", "application/javascript", "text/javascript", "application/json", "text/xml")


def environment(port: int) -> dict:
    return {
        "DJANGO_SETTINGS_MODULE": "desa_platform.settings.production",
        "SECRET_KEY": "bench-pages-" + "x" * 50,
        "SIGNING_KEY_ENCRYPTION_KEY": "bench-signing-" + "x" * 40,
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "DESA_VAR_DIR": str(VAR),
        "EMBEDDED_PG_DATA": os.environ.get("EMBEDDED_PG_DATA", str(ROOT / "var" / "pgdata")),
        "EMBEDDED_PG_DB": "desa_bench_pages",
        "DESA_SITE_PORT": str(port),
        "PLATFORM_DOMAINS": "localhost,127.0.0.1",
        "CONN_MAX_AGE": "60",
        "LOG_LEVEL": "ERROR",
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- serving -------------------------------------------------------------------------------------------------


def start_gunicorn(port: int, env: dict) -> subprocess.Popen:
    OUT.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "-c", "deploy/gunicorn.conf.py"],
        stderr=(OUT / "gunicorn.log").open("w"),
        env={
            **os.environ,
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": "2",
            "GUNICORN_ACCESSLOG": "",
            "GUNICORN_LOGLEVEL": "warning",
        },
        cwd=ROOT,
    )
    for _ in range(150):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5):
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not start")


def front(port: int, upstream: int, media_root: Path) -> http.server.ThreadingHTTPServer:
    """What nginx does in production (deploy/nginx/app.conf): media from disk, gzip, the rest to gunicorn."""

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            if self.path.startswith("/media/"):
                return self.media()
            connection = http.client.HTTPConnection("127.0.0.1", upstream, timeout=60)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "accept-encoding")}
            # whitenoise answers static files with its own pre-compressed copies: let it see what the browser takes
            if self.path.startswith("/static/"):
                headers["Accept-Encoding"] = self.headers.get("Accept-Encoding", "")
            connection.request("GET", self.path, headers=headers)
            response = connection.getresponse()
            body = response.read()
            skip = ("connection", "content-length", "transfer-encoding", "keep-alive")
            out_headers = [(k, v) for k, v in response.getheaders() if k.lower() not in skip]
            kind = response.getheader("Content-Type", "")
            if (
                "gzip" in self.headers.get("Accept-Encoding", "")
                and kind.startswith(TEXT_TYPES)
                and not response.getheader("Content-Encoding")
                and len(body) >= 512
            ):
                body = gzip.compress(body, 5)
                out_headers += [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
            self.send_response(response.status)
            for key, value in out_headers:
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            connection.close()

        def media(self):
            path = (media_root / urlsplit(self.path).path[len("/media/") :]).resolve()
            if not path.is_file() or media_root.resolve() not in path.parents:
                self.send_error(404)
                return
            data = path.read_bytes()
            kinds = {".webp": "image/webp", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}
            self.send_response(200)
            self.send_header("Content-Type", kinds.get(path.suffix.lower(), "application/octet-stream"))
            self.send_header("Cache-Control", "max-age=2592000")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def fetch(port: int, url: str) -> tuple[int, bytes, str]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers={"Host": parts.netloc})
    response = connection.getresponse()
    return response.status, response.read(), response.getheader("Content-Type", "")


# --- the pilot desa ------------------------------------------------------------------------------------------


def prepare() -> None:
    from django.core.management import call_command

    with open(os.devnull, "w") as quiet:
        call_command("up", "--no-serve", stdout=quiet)
        call_command("collectstatic", interactive=False, verbosity=0)


def pilot_pages(port: int) -> dict[str, str]:
    from django.apps import apps
    from django_tenants.utils import schema_context
    from wagtail.models import Page

    from desa_platform.tenancy.models import Desa

    desa = Desa.objects.get(slug=PILOT)
    host = f"{desa.domains.get(is_primary=True).domain}:{port}"
    with schema_context(desa.schema_name):
        article = Page.objects.live().type(apps.get_model("berita", "BeritaPage")).order_by("-first_published_at")
        service = Page.objects.live().type(apps.get_model("layanan", "ServicePage")).order_by("path")
        paths = {"home": "/", "article": article.first().url, "service": service.first().url}
    paths |= {"search": "/cari/?q=surat", "404": "/halaman-yang-tidak-ada/"}
    return {name: f"http://{host}{path}" for name, path in paths.items()}


def sitemap_pages(pages: dict) -> dict[str, str]:
    """Every page of the pilot's sitemap that is not measured in full already (profil, APBDes, galeri …)."""
    from django_tenants.utils import schema_context
    from wagtail.models import Page

    from desa_platform.tenancy.models import Desa

    desa = Desa.objects.get(slug=PILOT)
    base = pages["home"].rstrip("/")
    with schema_context(desa.schema_name):
        paths = [page.url for page in Page.objects.live().public().filter(depth__gt=2).specific()]
    measured = set(pages.values())
    return {path: base + path for path in paths if base + path not in measured}


# --- measurements --------------------------------------------------------------------------------------------


def candidate_widths(srcset: str) -> list[int]:
    """'a.webp 320w, b.webp 960w' → [320, 960]"""
    return [int(c.split()[1][:-1]) for c in srcset.split(",") if c.strip().endswith("w")]


class Resources(HTMLParser):
    """What a page makes the browser fetch, and its images."""

    def __init__(self):
        super().__init__()
        self.styles, self.scripts, self.inline_scripts, self.images, self.other = [], [], 0, [], []
        self._in_picture = False
        self._webp_source = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or ""):
            self.styles.append(a["href"])
        elif tag == "link" and a.get("rel") in ("icon", "preload", "modulepreload", "manifest", "apple-touch-icon"):
            self.other.append(a.get("href", ""))
        elif tag == "script":
            if a.get("src"):
                self.scripts.append(a["src"])
            elif a.get("type") != "application/ld+json":
                self.inline_scripts += 1
        elif tag == "picture":
            self._in_picture, self._webp_source = True, False
        elif tag == "source" and self._in_picture:
            self._webp_source = self._webp_source or a.get("type") == "image/webp"
            self.other += [c.split()[0] for c in (a.get("srcset") or "").split(",") if c.strip()]
        elif tag == "img":
            srcset = [c.split()[0] for c in (a.get("srcset") or "").split(",") if c.strip()]
            self.images.append(
                {
                    "src": a.get("src", ""),
                    "sized": bool(a.get("width") and a.get("height")),
                    "srcset": bool(srcset) or self._in_picture,
                    # the widest file it may fetch: its src, or the largest "NNNw" candidate of its srcset
                    "width": max([int(a.get("width") or 0), *candidate_widths(a.get("srcset") or "")]),
                    "webp": a.get("src", "").endswith(".webp") or self._webp_source,
                }
            )
            self.other += [a.get("src", ""), *srcset]

    def handle_endtag(self, tag):
        if tag == "picture":
            self._in_picture = False


def weigh(port: int, url: str, html: bytes) -> dict:
    parsed = Resources()
    parsed.feed(html.decode())
    host = urlsplit(url).netloc
    referenced = parsed.styles + parsed.scripts + parsed.other
    other_hosts = sorted({urlsplit(r).netloc for r in referenced if urlsplit(r).netloc not in ("", host)})
    css = [len(gzip.compress(fetch(port, f"http://{host}{href}")[1], 6)) for href in parsed.styles if "//" not in href]
    js = [len(gzip.compress(fetch(port, f"http://{host}{src}")[1], 6)) for src in parsed.scripts if "//" not in src]
    html_gz = len(gzip.compress(html, 6))
    return {
        "html_kb": html_gz / 1024,
        "css_kb": sum(css) / 1024,
        "js_kb": sum(js) / 1024,
        "total_kb": (html_gz + sum(css) + sum(js)) / 1024,
        "stylesheets": len(parsed.styles),
        "scripts": len(parsed.scripts) + parsed.inline_scripts,
        "other_hosts_in_html": other_hosts,
        "images": parsed.images,
    }


def lighthouse(url: str, path: Path, runs: int) -> dict:
    """The run with the median performance score of `runs` runs (Lighthouse's own advice for noisy machines)."""
    results = sorted((lighthouse_once(url, path.with_suffix(f".{i}.json")) for i in range(runs)), key=score_of)
    median = results[len(results) // 2]
    median["all_performance"] = [r["performance"] for r in results]
    return median


def score_of(result: dict) -> int:
    return result["performance"]


def lighthouse_once(url: str, path: Path, attempts: int = 3) -> dict:
    for attempt in range(attempts):
        # Lighthouse sometimes loses the trace on a busy machine (NO_NAVSTART): run it again.
        done = subprocess.run(
            [
                "node",
                str(NODE_MODULES / "lighthouse" / "cli" / "index.js"),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={path}",
                "--only-categories=performance,accessibility",
                f"--chrome-flags={CHROME_FLAGS}",
            ],
            env={**os.environ, "CHROME_PATH": CHROME},
            timeout=240,
        )
        if done.returncode == 0 and path.exists() and not json.loads(path.read_text()).get("runtimeError"):
            break
        if attempt == attempts - 1:
            raise SystemExit(f"Lighthouse failed {attempts} times on {url}")
    report = json.loads(path.read_text())
    audits = report["audits"]
    host = urlsplit(url).netloc
    requests = audits.get("network-requests", {}).get("details", {}).get("items", [])
    a11y_failed = [
        ref["id"]
        for ref in report["categories"]["accessibility"]["auditRefs"]
        if ref["weight"] and (audits[ref["id"]].get("score") is not None) and audits[ref["id"]]["score"] < 1
    ]
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "fcp_ms": audits["first-contentful-paint"]["numericValue"],
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "transfer_kb": sum(r.get("transferSize", 0) for r in requests) / 1024,
        "other_hosts": sorted({urlsplit(r["url"]).netloc for r in requests if urlsplit(r["url"]).netloc != host}),
        "a11y_failed": a11y_failed,
    }


def browser_checks(theme: str, pages: dict, others: dict) -> dict:
    config = {
        "pages": pages,
        "others": others,
        "out": str(OUT),
        "theme": theme,
        "screenshots": ["home", "article", "service", "404"],
        "print": ["service"],
    }
    result = subprocess.run(
        ["node", str(BENCH / "pages_browser.mjs"), json.dumps(config)],
        env={**os.environ, "CHROME_PATH": CHROME},
        capture_output=True,
        text=True,
        timeout=1800,  # --all-pages on a busy machine: ~200 page loads per theme
        cwd=BENCH,
    )
    if result.returncode:
        raise SystemExit(f"browser checks failed:\n{result.stderr}")
    return json.loads(result.stdout)


def nu_errors(files: list[Path]) -> dict[Path, list[str]]:
    jar = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
    result = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    found = {f.resolve(): [] for f in files}
    for message in json.loads(result.stderr or '{"messages": []}')["messages"]:
        if message.get("type") == "error":
            path = Path(urlsplit(message.get("url", "")).path).resolve()
            found.setdefault(path, []).append(message.get("message", "")[:90])
    return {f: found[f.resolve()] for f in files}


# --- report --------------------------------------------------------------------------------------------------


def mark(ok: bool) -> str:
    return "ok" if ok else "FAIL"


def heading_ok(top: float | None) -> bool:
    return top is not None and top < HEADING_BUDGET


def share(top: float | None) -> str:
    return "no main h1" if top is None else f"{top:.0%}"


def report(theme: str, pages: dict, rows: dict) -> list[str]:
    failures = []
    print(f"\n## theme: {theme}\n")
    print(
        "| page | HTML+CSS+JS gz KB | scripts | other hosts | images | LH perf | LH a11y | LCP ms "
        "| CLS | axe serious+critical | Nu errors | 320px | 200% | focus | no-JS text | h1 top at 360×740 |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name in pages:
        r = rows[name]
        w, b, lh = r["weight"], r["browser"], r.get("lighthouse")
        images = w["images"]
        sized = sum(i["sized"] for i in images)
        # srcset where it changes what a phone downloads: a rendition wider than SMALL_IMAGE px. A logo, portrait
        # or avatar drawn at a fixed small size is one small file (already 2x for its box) and needs none.
        large = [i for i in images if i["width"] > SMALL_IMAGE]
        srcset = sum(i["srcset"] for i in large)
        webp = sum(i["webp"] for i in images)
        hosts = sorted(set(w["other_hosts_in_html"]) | set(b["otherHosts"]) | set(lh["other_hosts"] if lh else []))
        focus_ok = b["focus"]["skipFirst"] and not b["focus"]["withoutRing"]
        no_js_ok = b["textWithoutJs"] >= 0.95 * b["textWithJs"] and b["textWithJs"] > 0
        cells = [
            name,
            f"{w['total_kb']:.1f} (html {w['html_kb']:.1f}, css {w['css_kb']:.1f}, js {w['js_kb']:.1f})",
            w["scripts"],
            ", ".join(hosts) or "none",
            f"{sized}/{len(images)} sized, {srcset}/{len(large)} srcset, {webp}/{len(images)} webp",
            *([lh["performance"], lh["accessibility"], f"{lh['lcp_ms']:.0f}", f"{lh['cls']:.3f}"] if lh else ["-"] * 4),
            b["axeSeriousCritical"],
            len(r["nu"]),
            mark(b["overflow320"] <= 0),
            mark(b["overflowZoom200"] <= 0),
            mark(focus_ok),
            mark(no_js_ok),
            share(b["headingTop"]),
        ]
        print("| " + " | ".join(str(c) for c in cells) + " |")
        checks = {
            "third-party request": not hosts,
            "axe serious/critical": b["axeSeriousCritical"] == 0,
            "Nu HTML errors": not r["nu"],
            "320 px reflow": b["overflow320"] <= 0,
            "200% zoom reflow": b["overflowZoom200"] <= 0,
            "focus/skip link": focus_ok,
            "readable without JS": no_js_ok,
            "images sized": sized == len(images),
            "main heading in the first half at 360×740": heading_ok(b["headingTop"]),
            "phone menu opens": b["menu"]["found"] and b["menu"]["open"],
        }
        if name == "home":
            checks[f"home ≤ {HOME_BUDGET_KB} KB"] = w["total_kb"] <= HOME_BUDGET_KB
        if name in ("home", "article", "service"):
            checks["images srcset+webp"] = srcset == len(large) and webp == len(images)
        if lh:
            checks["Lighthouse performance ≥ 95"] = lh["performance"] >= 95
            checks["Lighthouse accessibility ≥ 95"] = lh["accessibility"] >= 95
        if "print" in b:
            checks["print: header/nav/footer hidden"] = b["print"]["chromeHidden"] and b["print"]["titleShown"]
        failures += [f"{theme} {name}: {label}" for label, ok in checks.items() if not ok]
    details = []
    for name in pages:
        r = rows[name]
        for v in r["browser"]["axe"]:
            details.append(f"  axe {name}: {v['impact']} {v['id']} ×{v['nodes']} ({v['target']})")
        for message in r["nu"][:5]:
            details.append(f"  Nu {name}: {message}")
        if r.get("lighthouse"):
            lh = r["lighthouse"]
            details.append(
                f"  Lighthouse {name}: performance runs {lh['all_performance']}, FCP {lh['fcp_ms']:.0f} ms, "
                f"TBT {lh['tbt_ms']:.0f} ms, transfer {lh['transfer_kb']:.1f} KB"
            )
        if r.get("lighthouse") and r["lighthouse"]["a11y_failed"]:
            details.append(f"  Lighthouse a11y {name}: {', '.join(r['lighthouse']['a11y_failed'])}")
        if "print" in r["browser"]:
            p = r["browser"]["print"]
            details.append(
                f"  print {name}: chrome hidden {p['chromeHidden']}, title {p['titleShown']}, {Path(p['pdf']).name}"
            )
    if details:
        print("\n".join(details))
    return failures


def write_preview(theme: str) -> None:
    """The top of the home page at 1280 px, small, for the theme choice in Pengaturan → Tampilan situs."""
    from PIL import Image

    target = ROOT / "sites" / "tampilan" / "static" / "tampilan" / "pratinjau" / f"{theme}.webp"
    target.parent.mkdir(parents=True, exist_ok=True)
    with Image.open(OUT / "screens" / f"{theme}-home-1280.png") as shot:
        shot.convert("RGB").crop((0, 0, 1280, 800)).resize((480, 300), Image.LANCZOS).save(target, quality=70)


def report_others(theme: str, others: dict) -> list[str]:
    if not others:
        return []
    serious = {n: [v for v in r["axe"] if v["impact"] in ("serious", "critical")] for n, r in others.items()}
    overflowing = [n for n, r in others.items() if r["overflow320"] > 0]
    low = [n for n, r in others.items() if not heading_ok(r["headingTop"])]
    lowest = max(others, key=lambda n: others[n]["headingTop"] if others[n]["headingTop"] is not None else 9)
    print(
        f"\nevery other page ({len(others)}): axe serious/critical on {sum(bool(v) for v in serious.values())}, "
        f"sideways scroll at 320 px on {len(overflowing)}, main heading below half of 360×740 on {len(low)} "
        f"(lowest: {lowest} at {share(others[lowest]['headingTop'])})"
    )
    for name, violations in serious.items():
        for v in violations:
            print(f"  axe {name}: {v['impact']} {v['id']} ×{v['nodes']} ({v['target']})")
    return (
        [f"{theme} {n}: axe serious/critical" for n, v in serious.items() if v]
        + [f"{theme} {n}: 320 px reflow" for n in overflowing]
        + [f"{theme} {n}: main heading below half of 360×740 ({share(others[n]['headingTop'])})" for n in low]
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--themes", default="", help="comma-separated; default: every theme")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the median is reported")
    parser.add_argument("--previews", action="store_true", help="also write the admin's theme pictures")
    parser.add_argument("--all-pages", action="store_true", help="also axe and 320 px reflow on every sitemap page")
    parser.add_argument("--port", type=int, default=8190, help="port of the front (the desa's URLs use it)")
    args = parser.parse_args()
    if not (NODE_MODULES / "lighthouse").is_dir():
        raise SystemExit("first: cd bench && npm install --ignore-scripts")

    env = environment(args.port)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    from desa_platform import bootstrap

    bootstrap.start()  # an entry point: the embedded server (settings start nothing)
    django.setup()
    from desa_platform.tenancy.models import Desa
    from desa_platform.tenancy.services.appearance import set_theme
    from desa_platform.tenancy.themes import available_themes

    print("preparing the pilot desa (database desa_bench_pages) ...", flush=True)
    prepare()
    pages = pilot_pages(args.port)
    others = sitemap_pages(pages) if args.all_pages else {}
    themes = args.themes.split(",") if args.themes else available_themes()
    original = Desa.objects.get(slug=PILOT).theme
    (OUT / "html").mkdir(parents=True, exist_ok=True)
    upstream = free_port()
    gunicorn = start_gunicorn(upstream, env)
    server = front(args.port, upstream, VAR / "media")
    failures = []
    try:
        for theme in themes:
            set_theme(PILOT, theme, actor="bench")
            time.sleep(1.5)  # every worker notices the routing change within ROUTING_CHECK_SECONDS
            rows = {}
            for name, url in pages.items():
                status, html, _ = fetch(args.port, url)
                assert f"/themes/{theme}/" in html.decode(), f"{url} is not in theme {theme}"
                (OUT / "html" / f"{theme}-{name}.html").write_bytes(html)
                fetch(args.port, url)  # the second visit is what most visitors get: the page cache
                rows[name] = {"weight": weigh(args.port, url, html)}
            print(f"{theme}: browser checks ...", flush=True)
            results = browser_checks(theme, pages, others)
            for name in pages:
                rows[name]["browser"] = results[name]
            files = [OUT / "html" / f"{theme}-{name}.html" for name in pages]
            for name, messages in zip(pages, nu_errors(files).values(), strict=True):
                rows[name]["nu"] = messages  # nu_errors keeps the order of `files`
            if not args.no_lighthouse:
                for name in ("home", "article", "service"):
                    print(f"{theme}: lighthouse {name} ...", flush=True)
                    rows[name]["lighthouse"] = lighthouse(
                        pages[name], OUT / f"lighthouse-{theme}-{name}.json", args.runs
                    )
            failures += report(theme, pages, rows)
            failures += report_others(theme, results["_others"])
            if args.previews:
                write_preview(theme)
    finally:
        set_theme(PILOT, original, actor="bench")
        server.shutdown()
        gunicorn.terminate()
        gunicorn.wait()
    print("\n## budgets\n")
    print("\n".join(f"- FAIL {f}" for f in failures) if failures else "every budget met")
    print(f"\nscreenshots: {OUT / 'screens'}; print PDFs and Lighthouse reports: {OUT}")


if __name__ == "__main__":
    main()
