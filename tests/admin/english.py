"""Finding Wagtail's English on an admin screen: its own msgids, looked for in what a clerk sees or hears.

The originals come from Wagtail's English catalogs (sites/desa_admin/i18n_audit.py). A msgid whose Indonesian
is spelled the same ("Status", "Admin", "Alias") is no finding. Visible text is every text node outside
script/style, the labels a screen reader speaks (aria-label, title, placeholder, alt, value of buttons), and
the strings in the JSON props Wagtail's sidebar and editor are drawn from.
"""

import json
import re
from functools import cache
from html.parser import HTMLParser

from django.utils.translation import trans_real

from sites.desa_admin.i18n_audit import wagtail_english_messages

SPOKEN_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "data-w-tooltip-content-value")
# Python's own words for nothing and booleans, shown when a value is printed raw.
RAW_VALUES = {"None", "True", "False"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w+\}")
TAG = re.compile(r"<[^>]+>")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._skip = 0
        self._json = False
        self._hidden: list[str] = []  # open tags of an element marked `hidden`, and what it holds

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self._hidden:
            if tag not in VOID:
                self._hidden.append(tag)
            return
        if "hidden" in attributes and tag not in VOID:
            self._hidden.append(tag)
            return
        if tag in ("script", "style", "template"):
            self._skip += 1
            self._json = tag == "script" and attributes.get("type") == "application/json"
        for name in SPOKEN_ATTRIBUTES:
            if attributes.get(name):
                self.chunks.append(attributes[name])
        if tag == "input" and attributes.get("type") in ("submit", "button") and attributes.get("value"):
            self.chunks.append(attributes["value"])

    def handle_endtag(self, tag):
        if self._hidden:
            if tag in self._hidden:
                while self._hidden and self._hidden.pop() != tag:
                    pass
            return
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1
            self._json = False

    def handle_data(self, data):
        if self._hidden:
            return
        if self._json:
            self.chunks += json_strings(data)
        elif not self._skip and data.strip():
            self.chunks.append(data)


def json_strings(data: str) -> list[str]:
    try:
        value = json.loads(data)
    except ValueError:
        return []
    found = []

    def walk(node, key=""):
        if isinstance(node, dict):
            for child_key, child in node.items():
                walk(child, child_key)
        elif isinstance(node, list):
            for child in node:
                walk(child, key)
        elif isinstance(node, str) and key in ("label", "text", "title", "help_text", "description", "heading"):
            found.append(node)

    walk(value)
    return found


def visible_chunks(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    return [" ".join(TAG.sub(" ", chunk).split()) for chunk in parser.chunks if chunk.strip()]


def _literal_words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]{2,}", PLACEHOLDER.sub(" ", TAG.sub(" ", text)))


@cache
def english_patterns() -> tuple[set[str], re.Pattern | None]:
    """Whole-chunk originals (one word, e.g. 'Cancel') and a pattern for phrases found inside a chunk."""
    catalog = trans_real.translation("id")._catalog
    whole, phrases = set(RAW_VALUES), []
    for message in wagtail_english_messages():
        for english in filter(None, (message.msgid, message.plural)):
            key = (message.key, 0) if message.plural else message.key
            if catalog.get(key) == english:
                continue  # the same word in Indonesian
            words = _literal_words(english)
            if not words:
                continue
            text = " ".join(TAG.sub(" ", english).split())
            if len(words) == 1 and not PLACEHOLDER.search(text):
                whole.add(text)
            elif len(words) >= 2:
                parts = [re.escape(part.strip()) for part in PLACEHOLDER.split(text)]
                body = r"\s*\S[^|]{0,80}?\s*".join(parts)
                phrases.append(rf"(?<![A-Za-z]){body}(?![A-Za-z])")
    phrases.sort(key=len, reverse=True)
    return whole, re.compile("|".join(phrases)) if phrases else None


# English that is in no catalog (a template's literal, another library's string): two of these words in a row of
# text. None of them is an Indonesian word.
ENGLISH_WORDS = {"the", "and", "your", "you", "this", "has", "have", "been", "with", "are", "is", "of", "for", "was"}


def english_on(html: str) -> list[str]:
    whole, phrases = english_patterns()
    found = []
    for chunk in visible_chunks(html):
        if chunk in whole:
            found.append(chunk)
        elif phrases and (match := phrases.search(chunk)):
            found.append(f"{match.group(0)!r} in {chunk[:120]!r}")
        elif len(ENGLISH_WORDS & set(re.findall(r"[a-z]+", chunk.lower()))) >= 2:
            found.append(f"English words in {chunk[:120]!r}")
    return found
