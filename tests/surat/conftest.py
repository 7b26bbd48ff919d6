"""Letters tests: the real signing service when this branch has it, else the agreed facade's stand-in."""

import importlib.util

import pytest

from sites.surat import signing

from . import fake_signing

REAL_SIGNING = importlib.util.find_spec("desa_platform.signing") is not None


@pytest.fixture(autouse=True)
def signing_service(monkeypatch, settings, tmp_path):
    settings.SURAT_PRIVATE_ROOT = tmp_path / "private"
    from sites.surat import storage

    monkeypatch.setattr(storage.private_storage, "_location", str(settings.SURAT_PRIVATE_ROOT))
    storage.private_storage.__dict__.pop("base_location", None)
    storage.private_storage.__dict__.pop("location", None)
    if REAL_SIGNING:
        yield signing.service()
        return
    monkeypatch.setattr(signing, "service", lambda: fake_signing)
    yield fake_signing
