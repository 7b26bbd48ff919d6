"""PAdES B-T: a timestamp from an RFC 3161 TSA (SIGNING_TSA_URL) over each local-CA signature, so a letter
keeps proof of when it was signed after the signer's certificate expires. Off by default.

One timestamper per URL and timeout is kept (pyHanko caches what it learns of the TSA on it). The call has a short
timeout: the letter's number is locked while it is signed, and a TSA outage must not stop the desa's letters, so
a TSA that fails leaves that letter B-B and says so in the log (lokal.sign)."""

import logging

from django.conf import settings
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko.sign.timestamps.requests_client import RequestsHTTPTimeStamper

logger = logging.getLogger(__name__)

# What a TSA that is down, slow or answering nonsense raises through pyHanko (requests' errors are OSErrors).
FAILURES = (TimestampRequestError, OSError, ValueError)
_timestampers: dict[tuple[str, float], RequestsHTTPTimeStamper] = {}


def timestamper() -> RequestsHTTPTimeStamper | None:
    url = (settings.SIGNING_TSA_URL or "").strip()
    if not url:
        return None
    key = (url, float(settings.SIGNING_TSA_TIMEOUT))
    if key not in _timestampers:
        if len(_timestampers) > 8:
            _timestampers.clear()
        _timestampers[key] = RequestsHTTPTimeStamper(url, timeout=key[1])
    return _timestampers[key]


def failed(error: Exception) -> None:
    logger.warning(
        "TSA %s tidak dapat dipakai (%s); surat ditandatangani tanpa cap waktu (B-B).",
        settings.SIGNING_TSA_URL,
        type(error).__name__,
    )
