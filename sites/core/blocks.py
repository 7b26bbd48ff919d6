"""StreamField blocks every page type may use; templates in themes/_base/templates/core/blocks/.

Headings and paragraphs, most blocks of every article, render in Python (the HTML their templates gave): a
template render each cost more than the text it printed. A theme styles them with `.rich-text`, h2 and h3.
"""

from django.utils.html import format_html
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from . import rich_text


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="judul", max_length=200)
    level = blocks.ChoiceBlock(
        label="tingkat",
        choices=[("h2", "Judul bagian (H2)"), ("h3", "Subjudul (H3)")],
        default="h2",
        help_text="H2 untuk bagian utama, H3 untuk subbagian di dalamnya.",
    )

    class Meta:
        icon = "title"
        label = "Judul"

    def render_basic(self, value, context=None):
        tag = "h3" if value.get("level") == "h3" else "h2"
        return format_html("<{0}>{1}</{0}>\n", tag, value.get("text"))


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", rich_text.BODY)
        kwargs.setdefault("label", "Paragraf")
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"

    def render_basic(self, value, context=None):
        from .templatetags.desa_tags import richtext_safe

        return format_html('<div class="rich-text">{}</div>\n', richtext_safe(value))


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="gambar")
    alt = blocks.CharBlock(
        label="teks alternatif",
        required=False,
        max_length=250,
        help_text="Apa yang tampak di gambar, untuk pembaca layar. Kosongkan untuk memakai judul gambar.",
    )
    caption = blocks.CharBlock(label="keterangan", required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Gambar"
        template = "core/blocks/image.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="dokumen")
    title = blocks.CharBlock(
        label="judul tautan", required=False, max_length=200, help_text="Kosongkan untuk memakai judul dokumen."
    )

    class Meta:
        icon = "doc-full"
        label = "Dokumen unduhan"
        template = "core/blocks/document.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="kutipan")
    source = blocks.CharBlock(label="sumber", required=False, max_length=150)

    class Meta:
        icon = "openquote"
        label = "Kutipan"
        template = "core/blocks/quote.html"


class DataTableBlock(TableBlock):
    """A free table typed in the admin; rendered as a plain accessible <table> (cells are escaped)."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "table_options",
            {"startRows": 3, "startCols": 3, "colHeaders": False, "rowHeaders": False, "language": "id"},
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "table"
        label = "Tabel"
        template = "core/blocks/table.html"


class FigureRowBlock(blocks.StructBlock):
    label = blocks.CharBlock(label="uraian", max_length=120)
    value = blocks.DecimalBlock(label="jumlah", min_value=0, decimal_places=2)


class FiguresBlock(blocks.StructBlock):
    """Counts by category (population by age group, occupation…), shown as a table with CSS bars, no JS."""

    title = blocks.CharBlock(label="judul", max_length=150)
    unit = blocks.CharBlock(label="satuan", required=False, max_length=30, help_text="Mis. 'jiwa', 'KK', 'ha'.")
    rows = blocks.ListBlock(FigureRowBlock(), label="baris", min_num=1)
    note = blocks.CharBlock(label="catatan/sumber", required=False, max_length=250, help_text="Mis. 'Data Juni 2024'.")

    class Meta:
        icon = "list-ol"
        label = "Angka per kategori (tabel + batang)"
        template = "core/blocks/figures.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["figure_rows"] = figure_rows(value["rows"])
        return context


def figure_rows(rows) -> list[dict]:
    """Each row with its share of the largest value (bar width) and of the total (percentage)."""
    values = [row["value"] or 0 for row in rows]
    largest = max(values, default=0)
    total = sum(values)
    return [
        {
            "label": row["label"],
            "value": value,
            "bar": round(float(value) * 100 / float(largest), 1) if largest else 0,
            "share": round(float(value) * 100 / float(total), 1) if total else 0,
        }
        for row, value in zip(rows, values, strict=True)
    ]


class BodyBlock(blocks.StreamBlock):
    """The body of any content page."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    document = DocumentBlock()
    table = DataTableBlock()
    figures = FiguresBlock()
    quote = QuoteBlock()

    class Meta:
        label = "Isi"
