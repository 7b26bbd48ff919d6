"""Backups encrypted at rest and authenticated: AES-256-CTR, then HMAC-SHA256 over everything (encrypt-then-MAC).

Both keys are derived (HKDF) from DESA_BACKUP_KEY in the environment, never from the file. A restore checks
the HMAC over the whole file before it decrypts or parses a byte of it, so only a file this platform sealed
(with this key) is ever opened; a downloaded backup is useless without the key (it holds password hashes,
TOTP secrets and residents' messages). Streamed in 1 MiB blocks: a desa with its photos may be large.
"""

import hashlib
import hmac
import os
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from ..errors import ServiceError

MAGIC = b"DESA-DIGITAL-BACKUP/2\n"
KEY_ID_BYTES, IV_BYTES, TAG_BYTES = 8, 16, 32
HEADER_BYTES = len(MAGIC) + KEY_ID_BYTES + IV_BYTES
BLOCK = 1024 * 1024


def _keys() -> tuple[bytes, bytes, bytes]:
    secret = settings.DESA_BACKUP_KEY or ""
    if len(secret) < 32:
        raise ImproperlyConfigured("DESA_BACKUP_KEY (at least 32 characters) is required to write or read backups.")
    material = HKDF(algorithm=hashes.SHA256(), length=64, salt=None, info=b"desa-digital backup v2").derive(
        secret.encode()
    )
    encryption, mac = material[:32], material[32:]
    return encryption, mac, hashlib.sha256(mac).digest()[:KEY_ID_BYTES]


def seal(plain: Path, sealed: Path) -> None:
    encryption, mac_key, key_id = _keys()
    iv = os.urandom(IV_BYTES)
    encryptor = Cipher(algorithms.AES(encryption), modes.CTR(iv)).encryptor()
    mac = hmac.new(mac_key, digestmod=hashlib.sha256)
    header = MAGIC + key_id + iv
    with open(plain, "rb") as source, open(sealed, "wb") as out:
        out.write(header)
        mac.update(header)
        while block := source.read(BLOCK):
            data = encryptor.update(block)
            mac.update(data)
            out.write(data)
        data = encryptor.finalize()
        mac.update(data)
        out.write(data)
        out.write(mac.digest())


def unseal(sealed: Path, plain: Path) -> None:
    """Check the file is ours and intact, then decrypt it into `plain` (a 0600 file of the caller)."""
    encryption, mac_key, key_id = _keys()
    size = os.path.getsize(sealed)
    if size > settings.DESA_BACKUP_MAX_BYTES:
        raise ServiceError("Berkas cadangan terlalu besar.")
    with open(sealed, "rb") as source:
        header = source.read(HEADER_BYTES)
        if size < HEADER_BYTES + TAG_BYTES or not header.startswith(MAGIC):
            raise ServiceError("Berkas ini bukan cadangan Desa Digital (atau cadangan format lama tanpa segel).")
        if header[len(MAGIC) : len(MAGIC) + KEY_ID_BYTES] != key_id:
            raise ServiceError("Cadangan ini disegel dengan kunci lain (DESA_BACKUP_KEY): tidak dapat dipulihkan.")
        mac = hmac.new(mac_key, header, hashlib.sha256)
        left = size - HEADER_BYTES - TAG_BYTES
        while left:
            block = source.read(min(BLOCK, left))
            mac.update(block)
            left -= len(block)
        if not hmac.compare_digest(mac.digest(), source.read(TAG_BYTES)):
            raise ServiceError("Segel cadangan tidak cocok: berkas diubah atau rusak. Pemulihan dibatalkan.")
        iv = header[-IV_BYTES:]
        decryptor = Cipher(algorithms.AES(encryption), modes.CTR(iv)).decryptor()
        source.seek(HEADER_BYTES)
        left = size - HEADER_BYTES - TAG_BYTES
        with open(plain, "wb") as out:
            while left:
                block = source.read(min(BLOCK, left))
                out.write(decryptor.update(block))
                left -= len(block)
            out.write(decryptor.finalize())
