"""`desa monitor-refresh/monitor-tick/judol-scan/digest`: Diskominfo's watch over every desa (timers)."""

from pathlib import Path

from django.core.management.base import CommandError

from .parser import add_command


class MonitoringCommands:
    """Liveness summary rows, visit counters, the judol guard and the camat's digest."""

    @staticmethod
    def add_subcommands(actions):
        add_command(actions, "monitor-refresh", "Hitung ulang baris ringkasan setiap desa untuk konsol (terjadwal).")
        tick = add_command(
            actions,
            "monitor-tick",
            "Simpan hitungan kunjungan, tambah tayangan dari cache nginx, periksa halaman baru terbit (terjadwal).",
        )
        tick.add_argument(
            "--nginx-log", default="", metavar="BERKAS", help="Log kunjungan nginx (deploy/nginx/desa-digital.conf)."
        )
        scan = add_command(actions, "judol-scan", "Periksa konten terbit dan halaman yang dirender dari judi online.")
        scan.add_argument("slugs", nargs="*", metavar="slug", help="Hanya desa ini (bawaan: setiap desa aktif).")
        scan.add_argument(
            "--semua-halaman", action="store_true", help="Render semua halaman terbit, tak hanya beranda."
        )
        scan.add_argument("--antrian", action="store_true", help="Hanya halaman yang diantrekan saat terbit.")
        scan.add_argument(
            "--alamat", default="", metavar="URL", help="Ambil lewat HTTP loopback, mis. http://127.0.0.1:8000."
        )
        digest = add_command(actions, "digest", "Kirimi setiap camat surel ringkasan bulanan kecamatannya.")
        digest.add_argument("--bulan", default="", metavar="TTTT-BB", help="Bulannya (bawaan: bulan lalu).")

    def handle_monitor_refresh(self, **_):
        from desa_platform.monitoring import liveness, tenant_list
        from desa_platform.tenancy.models import Desa

        count = liveness.refresh_all()
        tenant_list.schema_versions(list(Desa.objects.values_list("schema_name", flat=True)), refresh=True)
        self.stdout.write(f"Ringkasan {count} desa dihitung ulang.")

    def handle_monitor_tick(self, nginx_log, **_):
        from desa_platform.monitoring import visits
        from desa_platform.monitoring.judol import scanner

        moved = visits.flush()
        from_nginx = visits.count_nginx_log(Path(nginx_log)) if nginx_log else 0
        run = scanner.scan_queue()
        scanned = f"{run.desa_count} desa dipindai, {run.new_findings} temuan baru" if run else "tidak ada antrean"
        self.stdout.write(f"kunjungan: {moved} dari penghitung, {from_nginx} dari nginx; judol: {scanned}")

    def handle_judol_scan(self, slugs, semua_halaman, antrian, alamat, **_):
        from desa_platform.monitoring.judol import scanner
        from desa_platform.monitoring.judol.fetch import LoopbackFetcher
        from desa_platform.tenancy.models import Desa

        try:
            fetcher = LoopbackFetcher(alamat) if alamat else None
        except ValueError as error:
            raise CommandError(str(error)) from None
        if antrian:
            run = scanner.scan_queue(fetcher=fetcher)
        else:
            desas = Desa.objects.filter(status=Desa.Status.ACTIVE)
            if slugs:
                desas = desas.filter(slug__in=slugs)
            run = scanner.scan(desas, fetcher=fetcher, all_pages=semua_halaman)
        if run is None:
            self.stdout.write("Tidak ada halaman dalam antrean.")
            return
        self.stdout.write(
            f"{run.desa_count} desa, {run.pages_fetched} pengambilan halaman, {run.new_findings} temuan baru."
        )

    def handle_digest(self, bulan, **_):
        from desa_platform.monitoring import digest

        year, month = digest.parse_month(bulan)
        self.stdout.write(
            f"Ringkasan {digest.month_label(year, month)} diantrekan ke {digest.send_all(year, month)} camat."
        )
