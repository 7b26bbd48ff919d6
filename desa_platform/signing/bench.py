"""Timing of the signing service for bench/ scripts (bench/signing.py here, bench/letters.py in letters).

Call inside a desa (the connection's tenant set, as on the desa's site). It enrols a throwaway signer, signs
`rounds` times, verifies once and removes the signer again. Returns seconds; no test calls this.
"""

import statistics
import time

from . import SignatureBox, Signer, set_signing_passphrase, sign_pdf, verify_pdf
from .sample import sample_pdf

BENCH_SIGNER = Signer(user_key="bench-signer", full_name="Penanda Tangan Uji", jabatan="Kepala Desa")
BENCH_PASSPHRASE = "bench-passphrase-1"
BENCH_BOX = SignatureBox(page=-1, x1=340, y1=80, x2=540, y2=160, qr_url="https://desa.test/verifikasi/BENCH01/")


_cpu: dict[str, float] = {}


def _median(function, rounds: int, label: str = "") -> tuple[float, object]:
    """Median wall time; the median CPU time of this process goes to _cpu[label] (what an idle machine would
    take, near enough: on a shared machine the wall time mostly measures the other processes)."""
    times, cpu, result = [], [], None
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = function()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    if label:
        _cpu[label] = statistics.median(cpu)
    return statistics.median(times), result


def benchmark(pdf: bytes | None = None, rounds: int = 20) -> dict:
    from . import ca, passphrase
    from .models import SignerCredential

    pdf = pdf or sample_pdf()
    start = time.perf_counter()
    set_signing_passphrase(BENCH_SIGNER, BENCH_PASSPHRASE)
    enrol = time.perf_counter() - start
    try:
        row = ca.credential(BENCH_SIGNER)
        start = time.perf_counter()
        sign_pdf(pdf, BENCH_SIGNER, BENCH_PASSPHRASE, BENCH_BOX)
        first = time.perf_counter() - start
        sign, signed = _median(lambda: sign_pdf(pdf, BENCH_SIGNER, BENCH_PASSPHRASE, BENCH_BOX), rounds, "sign")
        # the full PBKDF2 check a letter pays when it is the first of a stack (later ones are remembered)
        hasher = passphrase.SigningPassphraseHasher()
        check, _ = _median(lambda: hasher.verify(BENCH_PASSPHRASE, row.passphrase_hash), max(5, rounds // 2), "check")
        verify, result = _median(lambda: verify_pdf(signed), max(3, rounds // 4), "verify")
        assert result.valid, result.reasons
    finally:
        SignerCredential.objects.filter(tenant_schema=row.tenant_schema, user_key=BENCH_SIGNER.user_key).delete()
    return {
        "enrol_s": enrol,  # key + certificate (and the desa's intermediate the first time)
        "first_sign_s": first,  # this process's first signature: imports, key decryption, memos
        "sign_median_s": sign,  # each letter of a stack (passphrase already checked in this process)
        "passphrase_check_median_s": check,  # added once per stack: PBKDF2 at SIGNING_PASSPHRASE_ITERATIONS
        "verify_median_s": verify,
        "sign_cpu_s": _cpu["sign"],
        "passphrase_check_cpu_s": _cpu["check"],
        "verify_cpu_s": _cpu["verify"],
        "pdf_bytes": len(pdf),
        "signed_bytes": len(signed),
    }
