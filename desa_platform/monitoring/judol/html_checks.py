"""What the judol guard looks for in one HTML document (a rendered page, or a page's stored rich text).

The themes produce no script (except JSON-LD data), no iframe but the embeds' video players, and no hidden
outbound link: anything of that kind was put there by someone else.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from .lists import Lists, find_phrases, load

HIDDEN_STYLE = [
    (re.compile(r"display\s*:\s*none"), "display:none"),
    (re.compile(r"visibility\s*:\s*hidden"), "visibility:hidden"),
    (re.compile(r"opacity\s*:\s*0(?:\.0*)?\s*(?:;|$)"), "opacity:0"),
    (re.compile(r"font-size\s*:\s*(?:0|[0-2](?:\.\d+)?px|0?\.\d+(?:em|rem))\s*(?:;|$|!)"), "teks sangat kecil"),
    (re.compile(r"(?:left|top|right|text-indent)\s*:\s*-\s*\d{3,}"), "di luar layar"),
    (re.compile(r"(?:^|;)\s*(?:height|width)\s*:\s*0(?:px)?\s*(?:;|$)"), "ukuran nol"),
    (re.compile(r"clip\s*:\s*rect\(\s*0"), "clip"),
]
CSS_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
ALLOWED_SCRIPT_TYPES = {"application/ld+json"}


@dataclass
class Issue:
    kind: str  # a ScanFinding.Kind value
    snippet: str
    detail: str = ""


@dataclass
class Analysis:
    issues: list[Issue] = field(default_factory=list)
    outbound: dict[str, str] = field(default_factory=dict)  # host → snippet of the first link to it
    text: str = ""
    links: set[str] = field(default_factory=set)


def _snippet(element, limit: int = 300) -> str:
    html = etree.tostring(element, encoding="unicode", with_tail=False)
    return html if len(html) <= limit else html[: limit - 1] + "…"


def _hidden_classes(tree) -> dict[str, str]:
    """Classes that page-level <style> blocks hide (`.x{display:none}`): what a template injection would use."""
    hidden = {}
    for style in tree.iter("style"):
        for selectors, body in CSS_RULE.findall(style.text_content() or ""):
            reason = _hidden_reason(body)
            if reason:
                for name in re.findall(r"\.([\w-]+)", selectors):
                    hidden[name] = reason
    return hidden


def _hidden_reason(style: str) -> str:
    style = style.lower()
    return next((reason for pattern, reason in HIDDEN_STYLE if pattern.search(style)), "")


def _hidden(element, hidden_classes) -> str:
    for node in [element, *element.iterancestors()]:
        if node.get("hidden") is not None:
            return "atribut hidden"
        reason = _hidden_reason(node.get("style") or "")
        if reason:
            return reason
        for name in (node.get("class") or "").split():
            if name in hidden_classes:
                return f"kelas .{name}: {hidden_classes[name]}"
    return ""


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def analyse(html: str, *, own_hosts: set[str], base_url: str = "", lists: Lists | None = None) -> Analysis:
    """Every suspicious thing in `html`. own_hosts: the desa's domains (its links to itself are not outbound)."""
    lists = lists or load()
    result = Analysis()
    if not html.strip():
        return result
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return result
    hidden_classes = _hidden_classes(tree)

    for script in tree.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        if kind not in ALLOWED_SCRIPT_TYPES:
            result.issues.append(Issue("skrip", _snippet(script), "skrip yang tidak dibuat tema"))
    for frame in tree.iter("iframe", "object", "embed", "frame"):
        source = frame.get("src") or frame.get("data") or ""
        if frame.tag == "embed" and frame.get("embedtype"):  # Wagtail's stored rich-text embed, not HTML
            continue
        if _host(urljoin(base_url, source)) not in lists.iframe_hosts:
            result.issues.append(
                Issue("skrip", _snippet(frame), f"<{frame.tag}> dari {_host(source) or 'sumber lain'}")
            )
    for meta in tree.iter("meta"):
        if (meta.get("http-equiv") or "").lower() == "refresh" and "url=" in (meta.get("content") or "").lower():
            target = meta.get("content").split("=", 1)[1].strip(" '\"")
            if _host(urljoin(base_url, target)) not in own_hosts | {""}:
                result.issues.append(Issue("skrip", _snippet(meta), "pengalihan otomatis ke situs lain"))

    for link in tree.iter("a"):
        href = (link.get("href") or "").strip()
        if href:
            result.links.add(href)
        host = _host(urljoin(base_url, href)) if href.startswith(("http:", "https:", "//")) else ""
        if not host or host in own_hosts:
            continue
        snippet = _snippet(link)
        reason = _hidden(link, hidden_classes)
        if reason:
            result.issues.append(Issue("tersembunyi", snippet, f"tautan ke {host} tersembunyi ({reason})"))
        if lists.gambling_domain(host):
            result.issues.append(Issue("domain", snippet, f"tautan ke domain judi {host}"))
        result.outbound.setdefault(host, snippet)

    for node in [n for n in tree.iter("script", "style", "template") if n.getparent() is not None]:
        node.drop_tree()
    text = " ".join(tree.text_content().split())
    attributes = " ".join(
        value for element in tree.iter() for name in ("title", "alt", "href", "content") if (value := element.get(name))
    )
    result.text = text
    for phrase, snippet in find_phrases(f"{text} {attributes}", lists):
        result.issues.append(Issue("kata", snippet, f"kata kunci “{phrase}”"))
    return result


def differences(browser: Analysis, googlebot: Analysis) -> str:
    """What Googlebot was shown that a browser was not (or the reverse), in a few words; "" when the same."""
    words_b, words_g = set(browser.text.split()), set(googlebot.text.split())
    only_g = [w for w in googlebot.text.split() if w not in words_b][:25]
    only_b = [w for w in browser.text.split() if w not in words_g][:25]
    links_g, links_b = googlebot.links - browser.links, browser.links - googlebot.links
    parts = []
    if only_g or links_g:
        parts.append("hanya untuk Googlebot: " + " ".join(only_g + sorted(links_g)[:5]))
    if only_b or links_b:
        parts.append("hanya untuk peramban: " + " ".join(only_b + sorted(links_b)[:5]))
    return " | ".join(parts)
