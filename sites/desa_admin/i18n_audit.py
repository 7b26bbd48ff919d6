"""Which of Wagtail's English admin strings still reach a desa user untranslated.

Wagtail ships an English catalog per app (`wagtail/**/locale/en/LC_MESSAGES/*.po`) listing every msgid its
templates and Python can show. A msgid is "still English" when neither Wagtail's own id_ID catalog nor ours
(sites/desa_admin/locale/id) translates it: Django's merged catalog for `id` is asked, the way a request is.

    .venv/bin/python -m sites.desa_admin.i18n_audit            # count and list the gaps
    .venv/bin/python -m sites.desa_admin.i18n_audit --po       # the gaps as .po entries to translate

The English-string test (tests/admin/test_no_english.py) builds its set of originals from the same files.
"""

import ast
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import wagtail

WAGTAIL_DIR = Path(wagtail.__file__).parent


@dataclass(frozen=True)
class Message:
    msgid: str
    plural: str = ""
    context: str = ""
    domain: str = "django"
    source: str = ""

    @property
    def key(self) -> str:
        return f"{self.context}\x04{self.msgid}" if self.context else self.msgid


def _unquote(chunks: list[str]) -> str:
    return "".join(ast.literal_eval(chunk) for chunk in chunks)


def parse_po(path: Path, domain: str) -> list[Message]:
    """The entries of a .po file: a new entry starts at msgctxt/msgid once the previous one had its msgstr."""
    messages, fields, current = [], {}, None

    def flush():
        if fields.get("msgid") and _unquote(fields["msgid"]):
            messages.append(
                Message(
                    msgid=_unquote(fields["msgid"]),
                    plural=_unquote(fields.get("msgid_plural", [])),
                    context=_unquote(fields.get("msgctxt", [])),
                    domain=domain,
                    source=str(path.relative_to(WAGTAIL_DIR)) if path.is_relative_to(WAGTAIL_DIR) else path.name,
                )
            )

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        match = re.match(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")$", line)
        if match:
            keyword, chunk = match.groups()
            if keyword in ("msgctxt", "msgid") and "msgstr" in fields:
                flush()
                fields = {}
            current = "msgstr" if keyword.startswith("msgstr") else keyword
            fields.setdefault(current, []).append(chunk)
        elif line.startswith('"') and current:
            fields[current].append(line)
    flush()
    return messages


@cache
def wagtail_english_messages() -> tuple[Message, ...]:
    """Every msgid of the Wagtail apps we install (an app that is not installed shows nothing)."""
    from django.apps import apps

    installed = {Path(config.path) for config in apps.get_app_configs()}
    found = []
    for path in sorted(WAGTAIL_DIR.glob("**/locale/en/LC_MESSAGES/*.po")):
        if path.parents[3] in installed:
            found += parse_po(path, path.stem)
    return tuple(found)


def _catalogs():
    from django.utils.translation import trans_real
    from django.views.i18n import JavaScriptCatalog

    django_catalog = trans_real.translation("id")
    # The admin's JavaScript catalog (wagtail.admin + LOCALE_PATHS, djangojs domain), as the browser gets it.
    js_view = JavaScriptCatalog(domain="djangojs", packages=["wagtail.admin"])
    js_view.translation = trans_real.DjangoTranslation("id", domain="djangojs")
    js_catalog = js_view.translation._catalog
    return {"django": django_catalog._catalog, "djangojs": js_catalog}


def _translated(catalog, message: Message) -> bool:
    key = message.key
    # Compiled catalogs hold only entries with a msgstr; "Alias" or "Admin" may rightly stay as they are.
    return bool(catalog.get((key, 0) if message.plural else key))


def untranslated() -> list[Message]:
    catalogs = _catalogs()
    seen, gaps = set(), []
    for message in wagtail_english_messages():
        ident = (message.domain, message.key, message.plural)
        if ident in seen:
            continue
        seen.add(ident)
        if not _translated(catalogs[message.domain], message):
            gaps.append(message)
    return gaps


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def as_po(messages: list[Message]) -> str:
    out = []
    for message in messages:
        lines = [f"# {message.source}"]
        if message.context:
            lines.append(f"msgctxt {_quote(message.context)}")
        lines.append(f"msgid {_quote(message.msgid)}")
        if message.plural:
            lines += [f"msgid_plural {_quote(message.plural)}", 'msgstr[0] ""']
        else:
            lines.append('msgstr ""')
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "desa_platform.settings.dev")
    django.setup()
    gaps = untranslated()
    if "--po" in argv:
        domain = "djangojs" if "--js" in argv else "django"
        sys.stdout.write(as_po([message for message in gaps if message.domain == domain]))
        return 0
    total = len({(m.domain, m.key) for m in wagtail_english_messages()})
    print(f"{len(gaps)} of {total} Wagtail admin strings have no Indonesian translation")
    for message in gaps:
        print(f"  [{message.domain}] {message.source}: {message.msgid!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
