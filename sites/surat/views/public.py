"""What residents and the public see: the request form, the status page, the letter download, verification."""

import hashlib
import hmac

from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_http_methods

from desa_platform.tenancy.current import current_desa
from sites.layanan.models import ServicePage

from .. import notify, ratelimit, signing, uploads, wilayah, workflow
from ..forms import PermohonanForm
from ..models import Lampiran, PengaturanSurat, Permohonan, Surat
from ..models.permohonan import normalise_code


def private(response):
    # Forms carry a CSRF token and status pages belong to one person: no shared cache may keep them.
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    response["X-Robots-Tag"] = "noindex"
    return response


def page_response(request, template, context, status=200):
    context.setdefault("canonical_path", request.path)
    response = TemplateResponse(request, template, context, status=status)
    return private(response)


def too_large(request):
    return page_response(
        request,
        "surat/pesan.html",
        {
            "judul": "Berkas terlalu besar",
            "pesan": "Kiriman Anda lebih dari 45 MB sehingga tidak kami terima. Kecilkan foto (paling besar 10 MB "
            "per berkas) lalu kirim lagi.",
            "crumb_current": "Berkas terlalu besar",
        },
        status=413,
    )


def service_or_404(slug: str) -> ServicePage:
    service = ServicePage.objects.live().public().filter(slug=slug, bisa_diajukan_online=True).first()
    if service is None:
        raise Http404("Layanan ini tidak dapat diajukan online.")
    return service


def form_kwargs(service, request):
    desa = current_desa()
    return {
        "service": service,
        "nama_desa": desa.name if desa else "",
        "retensi_bulan": PengaturanSurat.load().retensi_bulan,
        "kabupaten_code": wilayah.kabupaten_code(desa.kabupaten) if desa else None,
        "token": (request.POST.get("berkas_token") or "")[:64] or None,
    }


@require_http_methods(["GET", "POST"])
def ajukan(request, slug):
    service = service_or_404(slug)
    status = 200
    if request.method == "POST":
        if int(request.META.get("CONTENT_LENGTH") or 0) > uploads.MAX_REQUEST_SIZE:
            return too_large(request)
        form = PermohonanForm(request.POST, request.FILES, **form_kwargs(service, request))
        ip = ratelimit.client_ip(request)
        if ratelimit.is_limited("permohonan", ip, ratelimit.REQUESTS):
            form.is_valid()
            form.add_error(
                None,
                "Terlalu banyak permohonan dari sambungan Anda dalam satu jam terakhir. Permohonan belum terkirim; "
                "isian Anda masih ada. Coba lagi nanti atau datang ke kantor desa.",
            )
            form.keep_files()
            status = 429
        elif form.is_bot:
            ratelimit.hit("permohonan", ip, ratelimit.REQUESTS)
            return page_response(request, "surat/pesan.html", bot_answer())
        elif form.is_valid():
            ratelimit.hit("permohonan", ip, ratelimit.REQUESTS)
            permohonan = save_request(form, service)
            uploads.discard(form.token)
            return redirect("surat:status", kode=permohonan.kode)
        else:
            form.keep_files()
            status = 400
    else:
        form = PermohonanForm(**form_kwargs(service, request))
    context = {"service": service, "form": form, "crumb_current": f"Ajukan {service.title}"}
    return page_response(request, "surat/ajukan.html", context, status=status)


def bot_answer() -> dict:
    return {"judul": "Permohonan terkirim", "pesan": "Terima kasih.", "crumb_current": "Permohonan terkirim"}


def save_request(form: PermohonanForm, service: ServicePage) -> Permohonan:
    data = form.cleaned_data
    with transaction.atomic():
        permohonan = Permohonan.objects.create(
            layanan=service,
            layanan_judul=service.title,
            nama=data["nama"],
            nik=data["nik"],
            no_kk=data["no_kk"],
            jenis_kelamin=data["jenis_kelamin"],
            tempat_lahir=data["tempat_lahir"].strip(),
            tanggal_lahir=data["tanggal_lahir"],
            alamat=data["alamat"].strip(),
            rt=data["rt"],
            rw=data["rw"],
            dusun=data.get("dusun", "").strip(),
            telepon=data["telepon"],
            email=data.get("email", ""),
            keperluan=data["keperluan"].strip(),
            isian={"tampil": form.custom_answers()},
            nik_luar_daerah=form.nik_luar_daerah,
        )
        labels = {key: label for key, label, _ in form.file_fields}
        for key, meta in form.accepted_files.items():
            lampiran = Lampiran(
                permohonan=permohonan,
                label=labels.get(key, "Lampiran"),
                nama_asli=meta["name"],
                content_type=meta["content_type"],
                ukuran=len(meta["content"]),
            )
            lampiran.berkas.save(meta["name"], ContentFile(meta["content"]), save=True)
        workflow.record(permohonan, None, "Permohonan diterima", status=Permohonan.Status.DITERIMA, publik=True)
        notify.request_received(permohonan)
    return permohonan


def request_by_code(kode: str) -> Permohonan:
    kode = normalise_code(kode)
    return get_object_or_404(Permohonan.objects.select_related("layanan"), kode=kode)


def status_context(permohonan, **extra):
    surat = Surat.objects.filter(permohonan=permohonan).first()
    return {
        "permohonan": permohonan,
        "surat": surat,
        "langkah": permohonan.riwayat.filter(publik=True),
        "share_url": notify.whatsapp_share_url(permohonan),
        "status_url": notify.status_url(permohonan),
        "crumb_current": "Status permohonan",
        **extra,
    }


@require_http_methods(["GET"])
def status(request, kode):
    permohonan = request_by_code(kode)
    return page_response(request, "surat/status.html", status_context(permohonan))


@require_http_methods(["POST"])
def unduh(request, kode):
    permohonan = request_by_code(kode)
    surat = Surat.objects.filter(permohonan=permohonan, status=Surat.Status.SAH).first()
    if surat is None:
        raise Http404("Surat belum tersedia.")
    ip = ratelimit.client_ip(request)
    if ratelimit.is_limited("unduh", ip, ratelimit.DOWNLOADS):
        error, code = "Terlalu banyak percobaan. Coba lagi satu jam lagi, atau minta surat di kantor desa.", 429
    else:
        digits = "".join(ch for ch in request.POST.get("nik4", "") if ch.isdigit())[:4]
        if len(digits) == 4 and hmac.compare_digest(digits, permohonan.nik[-4:]):
            response = FileResponse(
                surat.berkas.open("rb"),
                as_attachment=True,
                filename=f"surat-{permohonan.kode}.pdf",
                content_type="application/pdf",
            )
            return private(response)
        ratelimit.hit("unduh", ip, ratelimit.DOWNLOADS)
        error, code = "4 angka terakhir NIK tidak cocok. Periksa KTP Anda lalu coba lagi.", 400
    return page_response(request, "surat/status.html", status_context(permohonan, unduh_error=error), status=code)


@require_http_methods(["GET", "POST"])
def verifikasi(request, kode):
    surat = get_object_or_404(Surat, kode_verifikasi=(kode or "")[:20].lower())
    context = {
        "surat": surat,
        "jenis": signing.KIND_LABEL.get(surat.jenis_tanda_tangan, surat.jenis_tanda_tangan),
        "crumb_current": "Verifikasi surat",
    }
    status_code = 200
    if request.method == "POST":
        status_code, context["hasil"] = check_upload(request, surat)
    return page_response(request, "surat/verifikasi.html", context, status=status_code)


def check_upload(request, surat: Surat) -> tuple[int, dict]:
    ip = ratelimit.client_ip(request)
    if int(request.META.get("CONTENT_LENGTH") or 0) > uploads.MAX_FILE_SIZE + 100_000:
        return 413, {"sah": False, "alasan": ["berkas lebih dari 10 MB, jadi bukan surat yang kami terbitkan"]}
    if ratelimit.is_limited("verifikasi", ip, ratelimit.VERIFY_UPLOADS):
        return 429, {"sah": False, "alasan": ["terlalu banyak pemeriksaan dari sambungan Anda; coba lagi nanti"]}
    ratelimit.hit("verifikasi", ip, ratelimit.VERIFY_UPLOADS)
    upload = request.FILES.get("berkas")
    if not upload:
        return 400, {"sah": False, "alasan": ["pilih berkas PDF surat yang ingin diperiksa"]}
    if upload.size > uploads.MAX_FILE_SIZE:
        return 400, {"sah": False, "alasan": ["berkas lebih dari 10 MB, jadi bukan surat yang kami terbitkan"]}
    data = upload.read()
    if not data.lstrip()[:5] == b"%PDF-":
        return 400, {"sah": False, "alasan": ["berkas ini bukan PDF"]}
    return 200, judge(surat, data)


def judge(surat: Surat, data: bytes) -> dict:
    """'sah' only when the file is byte for byte the one we issued, its signature checks out, and it is not
    revoked; otherwise every reason, in plain words."""
    reasons = []
    digest = hashlib.sha256(data).hexdigest()
    same_file = hmac.compare_digest(digest, surat.sha256)
    if not same_file:
        reasons.append("berkas ini bukan berkas yang diterbitkan desa dengan nomor ini (sidik SHA-256 berbeda)")
    try:
        result = signing.service().verify_pdf(data)
    except Exception:  # a hostile PDF may break the parser: that is a "tidak sah", never a 500
        result = None
        reasons.append("tanda tangan elektronik di berkas ini tidak dapat dibaca")
    if result is not None and not result.valid:
        reasons.extend(result.reasons or ["tanda tangan elektronik tidak sah"])
    elif result is not None and getattr(result, "desa_schema", "") not in ("", connection.schema_name):
        reasons.append("tanda tangan di berkas ini dibuat untuk desa lain, bukan desa ini")
    if surat.status == Surat.Status.DICABUT:
        reasons.append(f"surat ini telah dicabut oleh desa: {surat.alasan_cabut}")
    return {"sah": not reasons, "alasan": reasons, "sha256": digest, "tanda_tangan": result}
