"""A small A4 PDF made with pyHanko's own writer, for tests and benchmarks (letters make the real ones)."""

import io

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.font.basic import get_courier
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.writer import PdfFileWriter

A4 = (595, 842)


def sample_pdf(lines: list[str] | None = None, *, pages: int = 1) -> bytes:
    lines = lines or ["SURAT KETERANGAN", "Nomor: 470/001/01.02/XII/2026", "Contoh surat untuk uji tanda tangan."]
    writer = PdfFileWriter()
    font = writer.add_object(get_courier(writer))
    for number in range(pages):
        text = [b"BT /F1 12 Tf 72 770 Td 16 TL"]
        for line in [*lines, f"Halaman {number + 1}"]:
            escaped = line.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            text.append(b"(" + escaped + b") Tj T*")
        text.append(b"ET")
        stream = writer.add_object(generic.StreamObject(stream_data=b" ".join(text)))
        page = generic.DictionaryObject(
            {
                pdf_name("/Type"): pdf_name("/Page"),
                pdf_name("/MediaBox"): generic.ArrayObject(map(generic.NumberObject, (0, 0, *A4))),
                pdf_name("/Contents"): stream,
                pdf_name("/Resources"): generic.DictionaryObject(
                    {pdf_name("/Font"): generic.DictionaryObject({pdf_name("/F1"): font})}
                ),
            }
        )
        writer.insert_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
