"""`{% memo_fragment "name" vary… %}…{% endmemo_fragment %}`: a piece of a page every page of a desa shares,
rendered once per worker for each desa and content generation (the memo of desa_platform/pagecache/memo.py).

For the page's chrome — the header with its menu, the footer, the <head>'s stylesheet links and organisation
JSON-LD — which is the same on every page of a desa until an editor changes something, and every change starts
a new content generation (and so a new, empty memo). Rendering it took about a fifth of an uncached article's CPU.

The key holds the fragment's name, the theme, the desa's facts (name, place, kind, domain: they change in the
platform's table, not the desa's content) and the `vary` values; what is inside may use nothing else of the page
— the header may read the menu and which item of it is the current one (`{% menu_section %}` gives that as a
vary value), not the page's title. A preview renders it afresh and keeps nothing (an editor's unsaved text
must never reach what visitors are served), as does a request outside a desa.

`desa_tags` registers this tag as well.
"""

from django import template
from django.utils.safestring import mark_safe

from desa_platform.tenancy.current import current_desa
from desa_platform.tenancy.themes import current_theme
from sites.core import memo

register = template.Library()


class MemoFragmentNode(template.Node):
    def __init__(self, name: str, vary: list, nodelist):
        self.name = name
        self.vary = vary
        self.nodelist = nodelist

    def render(self, context) -> str:
        desa = current_desa()
        if desa is None or getattr(context.get("request"), "is_preview", False):
            return self.nodelist.render(context)
        vary = [str(value.resolve(context)) for value in self.vary]
        key = "fragment:" + "|".join([self.name, current_theme(), repr(desa), *vary])
        # At most DESA_MEMO_PAGES of each name per desa and generation (a header per menu section, one footer,
        # one <head>, a related-articles list per article being read): past that one is rendered every time.
        html = memo.remember_some(key, lambda: str(self.nodelist.render(context)), f"fragments:{self.name}")
        return mark_safe(html)  # noqa: S308 - the template's own output, escaped when it was rendered


@register.tag("memo_fragment")
def memo_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "'\"" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('{% memo_fragment "name" [vary …] %} needs a quoted name first')
    nodelist = parser.parse(("endmemo_fragment",))
    parser.delete_first_token()
    return MemoFragmentNode(bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
