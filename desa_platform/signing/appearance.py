"""The visible signature box: who signed, as what, when, and a QR code (segno) that opens the verification page.

pyHanko's own QR stamp draws with the `qrcode` package; this one keeps its layout and draws segno's matrix as
vector squares, so the box stays sharp on a black-and-white office printer at any zoom.
"""

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import segno
from pyhanko.pdf_utils.font.basic import SimpleFontEngineFactory
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.pdf_utils.writer import init_xobject_dictionary
from pyhanko.stamp import QRStamp, QRStampStyle, TextStampStyle

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]  # fmt: skip
WIB = ZoneInfo("Asia/Jakarta")
TEXT_STYLE = TextBoxStyle(font=SimpleFontEngineFactory("Helvetica", 0.52), font_size=8, leading=10)


def tanggal_wib(moment: datetime) -> str:
    local = moment.astimezone(WIB)
    return f"{local.day} {BULAN[local.month - 1]} {local.year} {local:%H.%M} WIB"


def box_text(full_name: str, jabatan: str, moment: datetime) -> str:
    # The box's standard PDF font has no glyphs beyond Latin-1; the certificate keeps the exact name.
    lines = ["Ditandatangani secara elektronik", full_name, jabatan, tanggal_wib(moment)]
    return "\n".join(_latin1(line)[:48] for line in lines)


def _latin1(text: str) -> str:
    text = text.replace("%", "%%")  # the stamp text is a %-template
    if all(ord(ch) < 256 for ch in text):
        return text
    return unicodedata.normalize("NFKD", text).encode("latin-1", "ignore").decode("latin-1")


def qr_commands(url: str) -> tuple[bytes, int]:
    """The QR code as PDF fill commands in module units, and its size including the quiet zone."""
    qr = segno.make(url, error="m", micro=False)
    border = 2
    size = len(qr.matrix) + 2 * border
    parts = [b"0 g"]
    for row_index, row in enumerate(qr.matrix):
        y = size - border - row_index - 1
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                parts.append(b"%d %d %d 1 re" % (start + border, y, x - start))
            else:
                x += 1
    parts.append(b"f")
    return b" ".join(parts), size


class SegnoQRStamp(QRStamp):
    def _qr_xobject(self):
        commands, size = qr_commands(self.url)
        xobject = init_xobject_dictionary(commands, size, size)
        xobject.compress()
        return self.writer.add_object(xobject), size


@dataclass(frozen=True)
class SegnoQRStampStyle(QRStampStyle):
    def create_stamp(self, writer, box, text_params):
        url = text_params.pop("url")
        return SegnoQRStamp(writer, style=self, url=url, text_params=text_params, box=box)


def stamp_style(with_qr: bool) -> TextStampStyle:
    common = dict(stamp_text="%(teks)s", text_box_style=TEXT_STYLE, border_width=1, background=None)
    if with_qr:
        return SegnoQRStampStyle(**common, innsep=2)
    return TextStampStyle(**common)
