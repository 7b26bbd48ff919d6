"""Electronic signature timings on one desa (own database desa_bench_signing on the embedded server).

    .venv/bin/python bench/signing.py [--rounds 20]

Prints the median time to sign one letter (passphrase check + PAdES with the visible box and QR), to verify it,
and, as baselines measured in the same run, making the unsigned sample PDF and signing the same PDF with
signer keys of other kinds (why signers get EC P-256). Target: signing well under 0.3 s, so a rendered and
signed letter stays under 1 s.
"""

import argparse
import os
import statistics
import time

from _setup import setup

setup("desa_bench_signing")

from cryptography.hazmat.primitives.asymmetric import ec, rsa  # noqa: E402
from django.db import connection  # noqa: E402

from desa_platform.signing import Signer, crypto, pades  # noqa: E402
from desa_platform.signing.bench import BENCH_BOX, benchmark  # noqa: E402
from desa_platform.signing.sample import sample_pdf  # noqa: E402
from desa_platform.tenancy import template_schema  # noqa: E402
from desa_platform.tenancy.models import Desa  # noqa: E402
from desa_platform.tenancy.services.provisioning import DesaSpec, create_desa  # noqa: E402

SPEC = DesaSpec(slug="bench-ttd", name="Bench TTD", domains=["bench-ttd.test"], kecamatan="Jenu", kabupaten="Tuban")


def iterations() -> int:
    from django.conf import settings

    return settings.SIGNING_PASSPHRASE_ITERATIONS


def median(function, rounds):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def key_kinds(pdf: bytes, rounds: int) -> dict[str, float]:
    issuer = ec.generate_private_key(ec.SECP256R1())
    name = crypto.build_name("Bench CA")
    issuer_cert = crypto.issue_certificate(
        subject=name, public_key=issuer.public_key(), issuer_cert=None, issuer_key=issuer, years=1, is_ca=True
    )
    kinds = {
        "EC P-256": ec.generate_private_key(ec.SECP256R1()),
        "RSA 2048": rsa.generate_private_key(65537, 2048),
        "RSA 4096": rsa.generate_private_key(65537, 4096),
    }
    signer = Signer("bench", "Penanda Tangan Uji", "Kepala Desa")
    times = {}
    for label, key in kinds.items():
        cert = crypto.issue_certificate(
            subject=crypto.build_name("Uji"),
            public_key=key.public_key(),
            issuer_cert=issuer_cert,
            issuer_key=issuer,
            years=1,
            is_ca=False,
        )
        pyhanko_signer = pades.simple_signer(key, cert, [issuer_cert])
        times[label] = median(lambda s=pyhanko_signer: pades.sign(pdf, s, signer, BENCH_BOX), rounds)
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    rounds = parser.parse_args().rounds
    template_schema.ensure_template()
    desa = Desa.objects.filter(slug=SPEC.slug).first() or create_desa(SPEC)
    connection.set_tenant(desa)
    pdf = sample_pdf()
    unsigned = median(sample_pdf, rounds)
    figures = benchmark(pdf, rounds)
    kinds = key_kinds(pdf, max(5, rounds // 2))
    sign = figures["sign_median_s"]
    print(f"Signing on this machine, median of {rounds} (one desa, platform CA, PBKDF2 passphrase check)")
    print(f"  make the unsigned sample PDF (baseline)   {unsigned * 1000:8.1f} ms")
    check = figures["passphrase_check_median_s"]
    print(f"  sign one letter of a stack (sign_pdf)     {sign * 1000:8.1f} ms  ({sign / unsigned:.0f}x baseline)")
    print(f"  + the passphrase check, once per stack    {check * 1000:8.1f} ms  (PBKDF2, {iterations()} iterations)")
    print(f"  verify it (verify_pdf)                    {figures['verify_median_s'] * 1000:8.1f} ms")
    print(f"  first signature in a fresh process        {figures['first_sign_s'] * 1000:8.1f} ms")
    print(f"  enrol a signer (key + certificate)        {figures['enrol_s'] * 1000:8.1f} ms")
    print(f"  PDF {figures['pdf_bytes']} bytes, signed {figures['signed_bytes']} bytes")
    base = kinds["EC P-256"]
    print("PAdES signing alone by signer key kind (same PDF, box and QR):")
    for label, seconds in kinds.items():
        print(f"  {label:10} {seconds * 1000:8.1f} ms  ({seconds / base:.2f}x EC P-256)")
    cpu_sign, cpu_check = figures["sign_cpu_s"], figures["passphrase_check_cpu_s"]
    print(
        f"CPU time of this process (load-independent): sign {cpu_sign * 1000:.1f} ms, passphrase check "
        f"{cpu_check * 1000:.1f} ms, verify {figures['verify_cpu_s'] * 1000:.1f} ms"
    )
    print(f"Target: a single letter (check + sign) under 300 ms wall: {'OK' if sign + check < 0.3 else 'MISSED'}")
    print(
        f"                                      ... and in CPU time: {'OK' if cpu_sign + cpu_check < 0.3 else 'MISSED'}"
    )
    print(f"Load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
