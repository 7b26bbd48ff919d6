"""`manage.py signing_root` exports the root that `pyhanko sign validate --trust` needs."""

import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from django.core.management import call_command

from desa_platform.signing import root_certificate_pem, set_signing_passphrase, sign_pdf
from desa_platform.signing.sample import sample_pdf

from .helpers import BOX, KADES, PASSPHRASE, foreign_chain, in_desa

pytestmark = pytest.mark.django_db


def test_command_prints_the_root_pem():
    out = StringIO()
    call_command("signing_root", stdout=out)
    assert out.getvalue().encode() == root_certificate_pem()


def test_pyhanko_cli_validates_a_letter_with_the_exported_root(desa_a, tmp_path):
    root_file = tmp_path / "root.pem"
    out = StringIO()
    call_command("signing_root", out=str(root_file), stdout=out)
    assert "SHA-256:" in out.getvalue()
    with in_desa(desa_a):
        set_signing_passphrase(KADES, PASSPHRASE)
        letter = tmp_path / "surat.pdf"
        letter.write_bytes(sign_pdf(sample_pdf(), KADES, PASSPHRASE, BOX))
    pyhanko = Path(sys.executable).with_name("pyhanko")
    command = [str(pyhanko), "sign", "validate", "--trust", str(root_file), "--trust-replace", "--no-revocation-check"]
    done = subprocess.run([*command, str(letter)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert ":INTACT:TRUSTED,UNTOUCHED" in done.stdout
    # and a stranger's root does not make it trusted
    other = tmp_path / "other.pem"
    other.write_bytes(foreign_chain()[3].public_bytes(serialization.Encoding.PEM))
    refused = subprocess.run(
        [*command[:4], str(other), *command[5:], str(letter)], capture_output=True, text=True, timeout=120
    )
    assert ":INTACT:UNTRUSTED" in refused.stdout and ":TRUSTED" not in refused.stdout
