"""The sentence of a result that matches the query, with the matching words marked, for the results list.

PostgreSQL decides what matches (the same 'indonesian' configuration the index uses, so 'membangun' is marked
for 'pembangunan'); Python only cuts the page's text into sentences and escapes what is shown.
"""

import re

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.search import index

from sites.core.text import plain_text

CONFIG = "indonesian"
WORD = re.compile(r"\w+")
BLOCK_END = re.compile(r"(?i)<br\s*/?>|</(?:p|li|h[1-6]|div|tr|blockquote)>")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])")
MAX_SENTENCES = 200
MAX_SENTENCE_CHARS = 320


def page_text(page) -> list[str]:
    """The page's searchable text as sentences (title left out: it is the result's heading already)."""
    chunks = []
    for field in page.search_fields:
        if not isinstance(field, index.SearchField) or field.field_name == "title":
            continue
        value = getattr(page, field.field_name, None)
        if value is None or callable(value):
            continue
        chunks.append(value.render_as_block() if hasattr(value, "render_as_block") else str(value))
    chunks.append(getattr(page, "listing_summary", "") or "")  # last: often a shortened copy of the body
    sentences = []
    for chunk in chunks:
        # A line (a misi per line, a paragraph, a list item) ends a sentence even without a full stop.
        for line in BLOCK_END.sub("\n", chunk).splitlines():
            sentences += [s.strip() for s in SENTENCE_END.split(plain_text(line)) if len(s.strip()) > 3]
    return list(dict.fromkeys(sentences))[:MAX_SENTENCES]


def matching_sentence(page, query: str) -> str:
    """The best-matching sentence, HTML-safe with <mark> around matched words; '' when none matches."""
    sentences = [s[:MAX_SENTENCE_CHARS] for s in page_text(page)]
    if not sentences or not query:
        return ""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT s.t
            FROM unnest(%(sentences)s::text[]) WITH ORDINALITY AS s(t, i),
                 websearch_to_tsquery(%(config)s::regconfig, %(query)s) AS q
            WHERE to_tsvector(%(config)s::regconfig, s.t) @@ q
            ORDER BY ts_rank(to_tsvector(%(config)s::regconfig, s.t), q) DESC, s.i
            LIMIT 1
            """,
            {"config": CONFIG, "sentences": sentences, "query": query},
        )
        row = cursor.fetchone()
        if not row:
            return ""
        sentence = row[0]
        words = sorted(set(WORD.findall(sentence.lower())))
        cursor.execute(
            """
            SELECT w.t, tsvector_to_array(to_tsvector(%(config)s::regconfig, w.t))
            FROM unnest(%(words)s::text[]) AS w(t)
            """,
            {"config": CONFIG, "words": words},
        )
        stems_of = dict(cursor.fetchall())
        cursor.execute(
            "SELECT tsvector_to_array(to_tsvector(%(config)s::regconfig, %(query)s))",
            {"config": CONFIG, "query": query},
        )
        wanted = set(cursor.fetchone()[0] or [])
    return mark_words(sentence, {w for w, stems in stems_of.items() if wanted & set(stems or [])})


def mark_words(sentence: str, matched: set[str]) -> str:
    """The sentence escaped, each matched word inside <mark>."""
    out, last = [], 0
    for match in WORD.finditer(sentence):
        out.append(escape(sentence[last : match.start()]))
        word = escape(match.group(0))
        out.append(f"<mark>{word}</mark>" if match.group(0).lower() in matched else word)
        last = match.end()
    out.append(escape(sentence[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece escaped; only our own <mark> tags added
