"""The two sample desa the README's `up` command provisions."""

from .services.provisioning import DesaSpec

JENU = {"kind": "desa", "kecamatan": "Jenu", "kabupaten": "Tuban", "provinsi": "Jawa Timur", "kode_pos": "62352"}

PILOT_DESA = [
    DesaSpec(slug="socorejo", name="Socorejo", domains=["socorejo.localhost"], **JENU),
    # Another theme, so a newcomer sees at once that each desa has its own look.
    DesaSpec(slug="sugihwaras", name="Sugihwaras", domains=["sugihwaras.localhost"], theme="hijau", **JENU),
]
