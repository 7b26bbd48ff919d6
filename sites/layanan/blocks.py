"""Blocks of a service page: each is one line or one step, so a desa edits items, not paragraphs."""

from wagtail import blocks


class SyaratBlock(blocks.CharBlock):
    class Meta:
        label = "Syarat"
        icon = "tick"
        max_length = 300
        help_text = "Satu syarat per baris, mis. “Fotokopi KTP-el pemohon”."


class LangkahBlock(blocks.StructBlock):
    judul = blocks.CharBlock(
        label="Langkah", max_length=200, help_text="Apa yang dilakukan, mis. “Minta pengantar RT/RW”."
    )
    keterangan = blocks.TextBlock(
        label="Keterangan", required=False, help_text="Penjelasan singkat bila perlu (boleh dikosongkan)."
    )

    class Meta:
        label = "Langkah"
        icon = "list-ol"


class PeraturanBlock(blocks.CharBlock):
    class Meta:
        label = "Peraturan"
        icon = "doc-full"
        max_length = 300
        help_text = "Nama lengkap peraturan, mis. “Undang-Undang Nomor 6 Tahun 2014 tentang Desa”."
