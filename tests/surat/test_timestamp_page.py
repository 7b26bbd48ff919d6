"""With a TSA configured, the verification page says the signing time is vouched for by the timestamp."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sites.surat import issuing, workflow
from sites.surat.models import Permohonan
from tests.signing.tsa_stub import TsaStub

from .helpers import PASSPHRASE, inside, make_request, online, signer, staff

pytestmark = pytest.mark.django_db
S = Permohonan.Status


def test_a_timestamped_letter_says_so_on_the_verification_page(client_a, settings, tmp_path):
    with TsaStub() as tsa:
        root = tmp_path / "tsa-root.pem"
        root.write_bytes(tsa.root_pem())
        settings.SIGNING_TSA_URL, settings.SIGNING_TSA_TRUST_ROOTS = tsa.url, [str(root)]
        with inside(client_a):
            penandatangan = signer(staff("kades", "Kepala Desa"), None)
            permohonan = make_request(online())
            workflow.move(permohonan, S.DIPERIKSA, None)
            workflow.move(permohonan, S.MENUNGGU_TTD, None)
            surat = issuing.issue_letter(permohonan.pk, penandatangan, PASSPHRASE)
            data = surat.berkas.read()
    page = client_a.post(
        f"/verifikasi/{surat.kode_verifikasi}/", {"berkas": SimpleUploadedFile("s.pdf", data, "application/pdf")}
    ).text
    assert "<strong>SAH.</strong>" in page and "dijamin cap waktu (TSA)" in page
