"""The sample offices the README's `up` command provisions: two desa, and one of each other kind so a newcomer
sees every kind of site (kode wilayah from Kepmendagri 300.2.2-2138/2025, see tenancy/wilayah.py)."""

from .services.provisioning import DesaSpec

TUBAN = {"kabupaten": "Tuban", "provinsi": "Jawa Timur"}
JENU = {"kind": "desa", "kecamatan": "Jenu", "kode_pos": "62352", **TUBAN}

PILOT_DESA = [
    DesaSpec(slug="socorejo", name="Socorejo", domains=["socorejo.localhost"], kode_wilayah="35.23.12.2002", **JENU),
    # Another theme, so a newcomer sees at once that each desa has its own look.
    DesaSpec(
        slug="sugihwaras",
        name="Sugihwaras",
        domains=["sugihwaras.localhost"],
        theme="hijau",
        kode_wilayah="35.23.12.2017",
        **JENU,
    ),
    DesaSpec(
        slug="kecamatan-jenu",
        name="Kecamatan Jenu",
        domains=["kecamatan-jenu.localhost"],
        kode_wilayah="35.23.12",
        **{**JENU, "kind": "kecamatan"},
    ),
    DesaSpec(
        slug="diskominfo",
        name="Dinas Komunikasi dan Informatika",
        domains=["diskominfo.localhost"],
        kind="opd",
        kode_wilayah="35.23",
        theme="modern",
        kode_pos="62318",
        **TUBAN,
    ),
    DesaSpec(
        slug="puskesmas-jenu",
        name="Puskesmas Jenu",
        domains=["puskesmas-jenu.localhost"],
        kode_wilayah="35.23.12",
        theme="hijau",
        **{**JENU, "kind": "puskesmas"},
    ),
]
