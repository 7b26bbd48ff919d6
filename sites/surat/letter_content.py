"""What goes into a letter: the request's data through the service's template and the desa's settings."""

import datetime
import re

from desa_platform.tenancy.current import current_desa
from sites.core.formatting import tanggal as tanggal_indonesia

from .models import PengaturanSurat, Permohonan, TemplateSurat
from .pdf import LetterContent

PLACEHOLDER = re.compile(r"\[(\w+)\]")


def fill(text: str, values: dict) -> str:
    return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), text or "")


def letter_values(permohonan: Permohonan, berlaku_sampai) -> dict:
    desa = current_desa()
    return {
        "nama": permohonan.nama,
        "nik": permohonan.nik,
        "no_kk": permohonan.no_kk,
        "jenis_kelamin": permohonan.get_jenis_kelamin_display(),
        "tempat_lahir": permohonan.tempat_lahir,
        "tanggal_lahir": tanggal_indonesia(permohonan.tanggal_lahir),
        "alamat": full_address(permohonan),
        "rt": permohonan.rt,
        "rw": permohonan.rw,
        "dusun": permohonan.dusun,
        "keperluan": permohonan.keperluan,
        "nama_desa": desa.name if desa else "",
        "kecamatan": desa.kecamatan if desa else "",
        "kabupaten": desa.kabupaten if desa else "",
        "berlaku_sampai": tanggal_indonesia(berlaku_sampai) if berlaku_sampai else "-",
    }


def full_address(permohonan: Permohonan) -> str:
    parts = [permohonan.alamat, f"RT {permohonan.rt} RW {permohonan.rw}"]
    if permohonan.dusun:
        parts.append(f"Dusun {permohonan.dusun}")
    desa = current_desa()
    if desa:
        parts.append(f"Desa {desa.name}")
    return ", ".join(p for p in parts if p)


def validity(template: TemplateSurat, tanggal: datetime.date):
    return tanggal + datetime.timedelta(days=template.masa_berlaku_hari) if template.masa_berlaku_hari else None


def build(
    permohonan: Permohonan,
    template: TemplateSurat,
    *,
    nomor: str,
    tanggal: datetime.date,
    signer_name: str,
    signer_jabatan: str,
    verify_url: str,
    signature_note: str,
    signer_nip: str = "",
) -> LetterContent:
    from sites.core.models import PengaturanDesa

    desa = current_desa()
    settings_row = PengaturanSurat.load()
    site_settings = PengaturanDesa.load()
    berlaku = validity(template, tanggal)
    values = letter_values(permohonan, berlaku)
    rows = [
        ("Nama", permohonan.nama),
        ("NIK", permohonan.nik),
        ("Tempat/tanggal lahir", f"{permohonan.tempat_lahir}, {values['tanggal_lahir']}"),
        ("Jenis kelamin", values["jenis_kelamin"]),
        ("Alamat", values["alamat"]),
        ("Keperluan", permohonan.keperluan),
    ]
    for label, value in (permohonan.isian or {}).get("tampil", []):
        rows.append((label, value))
    jabatan_lines = [f"{signer_jabatan} {desa.name}" if desa else signer_jabatan]
    if signer_jabatan == "Sekretaris Desa":
        jabatan_lines = [f"a.n. Kepala Desa {desa.name if desa else ''}".strip(), "Sekretaris Desa"]
    footnotes = [signature_note]
    if berlaku:
        footnotes.append(f"Surat ini berlaku sampai {tanggal_indonesia(berlaku)}.")
    # The site's address is written on several lines; the kop has one: lines become ", ".
    lines = [" ".join(line.split()) for line in (site_settings.alamat or "").splitlines()]
    alamat = settings_row.alamat_kop or ", ".join(line for line in lines if line)
    if not alamat and desa:
        alamat = f"Kantor Desa {desa.name}, Kecamatan {desa.kecamatan}, Kabupaten {desa.kabupaten} {desa.kode_pos}"
    return LetterContent(
        kabupaten=desa.kabupaten if desa else "",
        kecamatan=desa.kecamatan if desa else "",
        desa=desa.name if desa else "",
        alamat=alamat,
        judul=template.judul,
        nomor=nomor,
        pembuka=fill(template.pembuka, values),
        data_rows=rows,
        isi=fill(template.isi, values),
        penutup=fill(template.penutup, values),
        tempat_tanggal=f"{desa.name if desa else ''}, {tanggal_indonesia(tanggal)}",
        jabatan_baris=jabatan_lines,
        penandatangan=signer_name,
        nip=signer_nip,
        verifikasi_url=verify_url,
        catatan_kaki=footnotes,
        logo=logo_bytes(site_settings),
        kertas=settings_row.ukuran_kertas,
    )


def logo_bytes(site_settings) -> bytes | None:
    logo = getattr(site_settings, "logo", None)
    if logo is None:
        return None
    try:
        with logo.file.open("rb") as handle:
            return handle.read()
    except (OSError, ValueError):
        return None
