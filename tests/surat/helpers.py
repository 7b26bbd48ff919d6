"""Shared steps of the letters tests: a service switched online, a valid request, staff of a desa."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from PIL import Image

from sites.layanan.models import ServicePage
from sites.surat.models import Penandatangan, Permohonan

SKTM = "surat-keterangan-tidak-mampu"
PASSWORD = "Rahasia-uji-123"
PASSPHRASE = "tanda-tangan-kades-1"
VALID = {
    "nama": "Siti  Aminah",
    "nik": "3523 1267 0890 0001",
    "no_kk": "3523120101150002",
    "jenis_kelamin": "P",
    "tempat_lahir": "Tuban",
    "tanggal_lahir": "1990-08-27",
    "alamat": "Jl. Masjid No. 12",
    "rt": "2",
    "rw": "1",
    "dusun": "Krajan",
    "telepon": "0812 3456 7890",
    "email": "",
    "keperluan": "Keringanan biaya sekolah anak",
    "persetujuan": "on",
}


def online(slug=SKTM) -> ServicePage:
    service = ServicePage.objects.get(slug=slug)
    service.bisa_diajukan_online = True
    service.save_revision().publish()
    return service


def jpeg(size=(800, 600), exif_gps=False) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (200, 180, 160))
    if exif_gps:
        exif = Image.Exif()
        exif[0x010F] = "KameraHP"  # Make
        image.save(buffer, "JPEG", exif=exif)
    else:
        image.save(buffer, "JPEG")
    return buffer.getvalue()


def upload(name="ktp.jpg", content=None, content_type="image/jpeg"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content if content is not None else jpeg(), content_type=content_type)


def post_request(client, slug=SKTM, ip="36.72.1.7", files=None, **changes):
    data = {**VALID, **changes}
    data = {k: v for k, v in data.items() if v is not None}
    payload = {**data, **({"lampiran_ktp": upload()} if files is None else files)}
    return client.post(f"/layanan/ajukan/{slug}/", payload, REMOTE_ADDR=ip)


def staff(username, group_name, *, superuser=False):
    user = get_user_model().objects.create_user(
        username, f"{username}@desa.test", PASSWORD, first_name=username.title()
    )
    if superuser:
        user.is_superuser = True
        user.save()
    user.groups.add(Group.objects.get(name=group_name))
    return user


def make_request(service, **changes) -> Permohonan:
    data = {
        "nama": "Siti Aminah",
        "nik": "3523126708900001",
        "no_kk": "3523120101150002",
        "jenis_kelamin": "P",
        "tempat_lahir": "Tuban",
        "tanggal_lahir": datetime.date(1990, 8, 27),
        "alamat": "Jl. Masjid No. 12",
        "rt": "002",
        "rw": "001",
        "telepon": "081234567890",
        "keperluan": "Keringanan biaya sekolah anak",
    }
    data.update(changes)
    return Permohonan.objects.create(layanan=service, layanan_judul=service.title, **data)


def signer(user, service_module, jabatan=Penandatangan.Jabatan.KEPALA_DESA) -> Penandatangan:
    from sites.surat import signing

    penandatangan = Penandatangan.objects.create(pengguna=user, nama="Sutrisno", jabatan=jabatan)
    signing.service().set_signing_passphrase(signing.signer_for(penandatangan), PASSPHRASE)
    return penandatangan


def inside(client):
    """The desa's schema with its tenant set, so current_desa() answers (signing needs it)."""
    from django_tenants.utils import tenant_context

    return tenant_context(client.desa)


def login(client, user):
    with inside(client):
        client.force_login(user)
