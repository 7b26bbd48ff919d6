"""The maintained list (daftar.txt next to this file): gambling phrases, domains, and what is allowed."""

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

LIST_FILE = Path(__file__).with_name("daftar.txt")
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Digits written for letters inside a word ("s1ot g4cor"); applied only to words mixing letters and digits,
# so "RT 04" or "2025" stay what they are.
LEET = str.maketrans("013457@$", "oleastas")


@dataclass(frozen=True)
class Lists:
    phrases: tuple[str, ...]
    domains: frozenset[str]
    domain_tokens: tuple[str, ...]
    safe_domains: tuple[str, ...]
    iframe_hosts: frozenset[str]
    phrase_re: re.Pattern

    def gambling_domain(self, host: str) -> bool:
        host = host.lower().strip(".")
        if any(host == d or host.endswith("." + d) for d in self.domains):
            return True
        return any(token in host for token in self.domain_tokens)

    def safe_domain(self, host: str) -> bool:
        host = host.lower().strip(".")
        return any(host == d or host.endswith("." + d) for d in self.safe_domains)


def _sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip().lower()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line)
    return sections


def phrase_pattern(phrases) -> re.Pattern:
    # Between the words of a phrase: any run of spaces, dots, dashes or underscores ("slot-gacor", "slot.gacor").
    parts = [r"[\s._\-]*".join(re.escape(word) for word in phrase.split()) for phrase in phrases]
    # A lookahead, so phrases that overlap ("daftar slot gacor") are each found.
    alternatives = "|".join(sorted(parts, key=len, reverse=True))
    return re.compile(r"(?<![a-z0-9])(?=((?:" + alternatives + r"))(?![a-z0-9]))")


@functools.cache
def load(path: Path = LIST_FILE) -> Lists:
    sections = _sections(path.read_text(encoding="utf-8"))
    phrases = tuple(sections.get("kata", []))
    return Lists(
        phrases=phrases,
        domains=frozenset(sections.get("domain", [])),
        domain_tokens=tuple(sections.get("pola-domain", [])),
        safe_domains=tuple(sections.get("domain-aman", [])),
        iframe_hosts=frozenset(sections.get("iframe", [])),
        phrase_re=phrase_pattern(phrases),
    )


def _unleet(match: re.Match) -> str:
    word = match.group(0)
    if any(c.isdigit() for c in word) and any(c.isalpha() for c in word):
        return word.translate(LEET)
    return word


def normalise(text: str) -> str:
    """Lower case, compatibility forms folded (fullwidth and styled letters), invisible characters dropped."""
    return unicodedata.normalize("NFKC", text).translate(ZERO_WIDTH).lower()


def unleet(text: str) -> str:
    """Words mixing letters and digits in their letter form ("s1ot g4cor" → "slot gacor")."""
    return re.sub(r"[a-z0-9@$]+", _unleet, text)


def find_phrases(text: str, lists: Lists | None = None, context: int = 60) -> list[tuple[str, str]]:
    """[(phrase found, snippet around it)] in `text`, each phrase once."""
    lists = lists or load()
    clean = normalise(text)
    found, seen = [], set()
    # As written ("slot88" is on the list as such), then with digits read as letters.
    for version in (clean, unleet(clean)):
        for match in lists.phrase_re.finditer(version):
            phrase = re.sub(r"[\s._\-]+", " ", match.group(1))
            if phrase in seen:
                continue
            seen.add(phrase)
            start, end = max(match.start(1) - context, 0), min(match.end(1) + context, len(version))
            found.append((phrase, " ".join(version[start:end].split())))
    return found
