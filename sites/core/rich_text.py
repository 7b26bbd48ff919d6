"""The rich-text feature lists (Draftail toolbar buttons) every RichTextField and rich-text block chooses from.

One list per kind of text, so two fields meant alike offer the same buttons. None allows raw HTML or embeds, and
Wagtail checks links (no javascript: URLs). A field that names no list gets the editor default,
`WAGTAILADMIN_RICH_TEXT_EDITORS` in settings; ours always name one.
"""

# Page bodies and documents of record (a paragraph block, a law's summary): headings, lists, links, documents.
BODY = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
# Announcements and agenda, which often carry a poster or a map.
BODY_WITH_IMAGES = [*BODY, "image"]
# Short texts (intros, a sambutan, captions): no headings.
SIMPLE = ["bold", "italic", "ol", "ul", "link"]
# One or two sentences above a list.
INLINE = ["bold", "italic", "link"]
