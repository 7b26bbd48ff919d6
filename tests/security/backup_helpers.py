import io
import json
import zipfile


def unsealed_members(path) -> dict[str, bytes]:
    from desa_platform.tenancy.services.backup import sealing

    plain = path.with_suffix(".plain")
    sealing.unseal(path, plain)
    try:
        with zipfile.ZipFile(plain) as archive:
            return {name: archive.read(name) for name in archive.namelist()}
    finally:
        plain.unlink()


def write_zip(path, members: dict[str, bytes]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def reseal(path, members: dict[str, bytes]) -> None:
    """What someone holding the key could make: the second line of defence (manifest checks) must hold."""
    from desa_platform.tenancy.services.backup import sealing

    plain = path.with_suffix(".plain")
    write_zip(plain, members)
    sealing.seal(plain, path)
    plain.unlink()


def change_manifest(members: dict[str, bytes], change) -> dict[str, bytes]:
    manifest = json.loads(members["manifest.json"])
    change(manifest)
    return {**members, "manifest.json": json.dumps(manifest).encode()}
