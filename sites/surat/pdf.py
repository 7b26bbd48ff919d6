"""The letter as a PDF, drawn with fpdf2: kop surat, title and number, the resident's data, body, signer block.

Black on white only (a village office prints on a black-and-white laser), the logo in greyscale, Times like
the typed letters people know. The signature box is left empty at a known place: the signing service draws
the visible signature and QR code there. Returns the PDF and that box (PDF points, origin bottom-left)."""

import io
from dataclasses import dataclass, field

from fpdf import FPDF
from PIL import Image

MM = 72 / 25.4
PAPER_MM = {"A4": (210, 297), "F4": (215, 330)}
# Core PDF fonts carry Latin-1 only; these are the typographer's characters people paste into templates.
REPLACEMENTS = {"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...", "•": "*", "\u00a0": " "}


@dataclass
class LetterContent:
    kabupaten: str
    kecamatan: str
    desa: str
    alamat: str
    judul: str
    nomor: str
    pembuka: str
    data_rows: list[tuple[str, str]]
    isi: str
    penutup: str
    tempat_tanggal: str
    jabatan_baris: list[str]
    penandatangan: str
    verifikasi_url: str
    nip: str = ""  # printed under the name (NIP is public on Indonesian letters); the NIK never is
    catatan_kaki: list[str] = field(default_factory=list)
    logo: bytes | None = None
    kertas: str = "A4"


@dataclass(frozen=True)
class Box:
    page: int
    x1: float
    y1: float
    x2: float
    y2: float


def latin1(text: str) -> str:
    for bad, good in REPLACEMENTS.items():
        text = text.replace(bad, good)
    return text.encode("latin-1", "replace").decode("latin-1")


def greyscale_png(data: bytes) -> io.BytesIO | None:
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.thumbnail((400, 400))
            grey = image.convert("LA") if image.mode in ("RGBA", "LA", "P") else image.convert("L")
            out = io.BytesIO()
            grey.save(out, "PNG")
            out.seek(0)
            return out
    except (OSError, ValueError):
        return None  # a broken logo must not stop a letter


def signer_line(name: str) -> str:
    """The name in capitals as letters print it, degrees after the comma as written: SUTRISNO, S.Sos."""
    person, comma, degrees = name.partition(",")
    return person.upper() + comma + degrees


class Writer:
    """Paragraphs laid out by us: fpdf2's multi_cell measures every character again on every line and was
    most of a letter's rendering time; a word's width is measured once here."""

    def __init__(self, pdf: FPDF):
        self.pdf = pdf
        self.widths: dict[tuple, float] = {}

    def width(self, word: str) -> float:
        key = (self.pdf.font_family, self.pdf.font_style, self.pdf.font_size_pt, word)
        if key not in self.widths:
            self.widths[key] = self.pdf.get_string_width(word)
        return self.widths[key]

    def lines(self, text: str, width: float) -> list[list[str]]:
        space = self.width(" ")
        lines, current, used = [], [], 0.0
        for word in text.split():
            size = self.width(word)
            if current and used + space + size > width:
                lines.append(current)
                current, used = [word], size
            else:
                used += (space if current else 0) + size
                current.append(word)
        if current:
            lines.append(current)
        return lines

    def paragraph(self, text: str, width: float, height: float, *, justify: bool = True, x: float | None = None):
        pdf = self.pdf
        left = pdf.l_margin if x is None else x
        rows = self.lines(text, width)
        for index, words in enumerate(rows):
            if pdf.will_page_break(height):
                pdf.add_page()
            y = pdf.get_y()
            baseline = y + height / 2 + pdf.font_size * 0.35
            if justify and index < len(rows) - 1 and len(words) > 1:
                gap = (width - sum(self.width(w) for w in words)) / (len(words) - 1)
                cursor = left
                for word in words:
                    pdf.text(cursor, baseline, word)
                    cursor += self.width(word) + gap
            else:
                pdf.text(left, baseline, " ".join(words))
            pdf.set_xy(pdf.l_margin, y + height)


def render(content: LetterContent) -> tuple[bytes, Box]:
    width_mm, height_mm = PAPER_MM.get(content.kertas, PAPER_MM["A4"])
    pdf = FPDF(unit="mm", format=(width_mm, height_mm))
    pdf.set_margins(25, 15, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_title(latin1(f"{content.judul} {content.nomor}"))
    pdf.set_author(latin1(f"Pemerintah Desa {content.desa}"))
    pdf.set_creator("Desa Digital")
    pdf.add_page()
    text_width = width_mm - 45
    writer = Writer(pdf)

    # Kop surat
    logo = greyscale_png(content.logo) if content.logo else None
    if logo is not None:
        pdf.image(logo, x=25, y=14, h=24)
    pdf.set_font("Times", "B", 13)
    pdf.set_y(15)
    pdf.cell(
        0, 6, latin1(f"PEMERINTAH KABUPATEN {content.kabupaten.upper()}"), align="C", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.cell(0, 6, latin1(f"KECAMATAN {content.kecamatan.upper()}"), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "B", 16)
    pdf.cell(0, 8, latin1(f"DESA {content.desa.upper()}"), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 10)
    pdf.multi_cell(0, 5, latin1(content.alamat), align="C", new_x="LMARGIN", new_y="NEXT")
    y = max(pdf.get_y(), 40) + 1
    pdf.set_line_width(0.8)
    pdf.line(25, y, width_mm - 20, y)
    pdf.set_line_width(0.3)
    pdf.line(25, y + 1.2, width_mm - 20, y + 1.2)
    pdf.set_y(y + 6)

    # Title and number
    pdf.set_font("Times", "BU", 13)
    pdf.cell(0, 6, latin1(content.judul.upper()), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 12)
    pdf.cell(0, 6, latin1(f"Nomor: {content.nomor}"), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)

    writer.paragraph(latin1(content.pembuka), text_width, 6)
    pdf.ln(2)
    for label, value in content.data_rows:
        pdf.set_x(35)
        pdf.cell(50, 6, latin1(label))
        pdf.cell(4, 6, ":")
        writer.paragraph(latin1(value), text_width - 64, 6, justify=False, x=90)
    pdf.ln(2)
    for paragraph in (content.isi, content.penutup):
        for part in filter(None, (p.strip() for p in paragraph.split("\n\n"))):
            writer.paragraph(latin1(part), text_width, 6)
            pdf.ln(2)

    # Signer block: the box must fit on this page, else it goes to the next one.
    block_height = 6 * (1 + len(content.jabatan_baris)) + 32 + 8 + (6 if content.nip else 0)
    if pdf.get_y() + block_height > height_mm - 35:
        pdf.add_page()
    pdf.ln(4)
    column_x = width_mm - 20 - 80
    pdf.set_x(column_x)
    pdf.cell(80, 6, latin1(content.tempat_tanggal), align="C", new_x="LMARGIN", new_y="NEXT")
    for line in content.jabatan_baris:
        pdf.set_x(column_x)
        pdf.cell(80, 6, latin1(line), align="C", new_x="LMARGIN", new_y="NEXT")
    box_top = pdf.get_y() + 1
    box_bottom = box_top + 30
    pdf.set_y(box_bottom + 1)
    pdf.set_x(column_x)
    pdf.set_font("Times", "BU", 12)
    pdf.cell(80, 6, latin1(signer_line(content.penandatangan)), align="C", new_x="LMARGIN", new_y="NEXT")
    if content.nip:
        pdf.set_x(column_x)
        pdf.set_font("Times", "", 12)
        pdf.cell(80, 6, latin1(f"NIP. {content.nip}"), align="C", new_x="LMARGIN", new_y="NEXT")

    signature_page = pdf.page_no() - 1
    # Footnote: how to check this letter, and what kind of signature it carries (never a page of its own).
    pdf.set_auto_page_break(False)
    pdf.set_font("Times", "", 9)
    pdf.set_y(height_mm - 30)
    pdf.set_line_width(0.2)
    pdf.line(25, pdf.get_y(), width_mm - 20, pdf.get_y())
    pdf.ln(1)
    for line in [f"Periksa keaslian surat ini di {content.verifikasi_url}", *content.catatan_kaki]:
        writer.paragraph(latin1(line), text_width, 4, justify=False)

    page_height_pt = height_mm * MM
    box = Box(
        page=signature_page,
        x1=column_x * MM,
        y1=page_height_pt - box_bottom * MM,
        x2=(column_x + 80) * MM,
        y2=page_height_pt - box_top * MM,
    )
    return bytes(pdf.output()), box
