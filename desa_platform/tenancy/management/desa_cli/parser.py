"""`desa --help` and its errors in Bahasa Indonesia, for Diskominfo's staff.

argparse asks `gettext` for its own words ("usage:", "options", "show this help message and exit", "the
following arguments are required"), but from Python's default text domain, for which no Indonesian catalog
exists, and Django's translation never reaches it; Django's own options' help is plain English. So the words
are set here: the usage prefix in the formatter, the group titles and the help of -h on every parser, Django's
options by their destination, and argparse's error sentences rewritten before they are shown.
"""

import re
import sys
from functools import partial

from django.core.management.base import CommandError, CommandParser, DjangoHelpFormatter

USAGE = "penggunaan: "
POSITIONALS = "argumen posisi"
OPTIONS = "opsi"
HELP = "tampilkan bantuan ini lalu keluar"

# Django's options of every command (BaseCommand.create_parser), by dest: (help, metavar or None).
DJANGO_OPTIONS = {
    "version": ("Tampilkan nomor versi program lalu keluar.", None),
    "verbosity": ("Tingkat keterangan: 0 = sedikit, 1 = biasa, 2 = rinci, 3 = sangat rinci.", None),
    "settings": (
        'Modul pengaturan Python, mis. "desa_platform.settings.production"; tanpa ini dipakai variabel '
        "lingkungan DJANGO_SETTINGS_MODULE.",
        "MODUL",
    ),
    "pythonpath": ('Folder yang ditambahkan ke jalur Python, mis. "/srv/desa-digital".', "FOLDER"),
    "traceback": ("Tampilkan jejak galat lengkap bila perintah gagal.", None),
    "no_color": ("Keluaran perintah tanpa warna.", None),
    "force_color": ("Keluaran perintah selalu berwarna.", None),
    "skip_checks": ("Lewati pemeriksaan sistem.", None),
}

# argparse's error sentences (Python 3.11 … 3.13), most specific first.
ERRORS = [
    (r"the following arguments are required: (.*)", r"argumen berikut wajib diisi: \1"),
    (r"one of the arguments (.*) is required", r"salah satu argumen \1 wajib diisi"),
    (r"unrecognized arguments: (.*)", r"argumen tidak dikenal: \1"),
    (r"invalid choice: (.*) \(choose from (.*)\)", r"pilihan tidak sah: \1 (pilih salah satu: \2)"),
    (r"invalid int value: (.*)", r"bukan bilangan bulat: \1"),
    (r"invalid float value: (.*)", r"bukan bilangan: \1"),
    (r"invalid (\w+) value: (.*)", r"nilai \1 tidak sah: \2"),
    (r"expected one argument", "perlu satu nilai"),
    (r"expected at least one argument", "perlu sedikitnya satu nilai"),
    (r"expected (\d+) arguments?", r"perlu \1 nilai"),
    (r"not allowed with argument (.*)", r"tidak boleh bersama argumen \1"),
    (r"ignored explicit argument (.*)", r"nilai \1 diabaikan"),
    (r"ambiguous option: (.*) could match (.*)", r"opsi ambigu: \1 bisa berarti \2"),
    (r"^argument ", "argumen "),
]


def in_indonesian(message: str) -> str:
    for english, indonesian in ERRORS:
        message = re.sub(english, indonesian, message)
    return message


class IndonesianHelpFormatter(DjangoHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        # argparse passes prefix "" itself when it works out a subcommand's prog: left as it is.
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)


def fail(parser: CommandParser, message: str):
    """CommandParser.error, in Indonesian: usage and the message on the command line, CommandError otherwise."""
    message = in_indonesian(message)
    if not parser.called_from_command_line:
        raise CommandError(f"Galat: {message}")
    parser.print_usage(sys.stderr)
    parser.exit(2, f"{parser.prog}: galat: {message}\n")


def indonesian(parser: CommandParser) -> CommandParser:
    """Give a parser Indonesian titles, help for -h and Django's options, and Indonesian errors."""
    parser.formatter_class = IndonesianHelpFormatter
    parser.error = partial(fail, parser)
    parser._positionals.title = POSITIONALS
    parser._optionals.title = OPTIONS
    for action in parser._actions:
        if action.dest == "help":
            action.help = HELP
        elif action.dest in DJANGO_OPTIONS and action.option_strings:
            action.help, metavar = DJANGO_OPTIONS[action.dest]
            action.metavar = metavar or action.metavar
    return parser


class IndonesianParser(CommandParser):
    """The parser of each `desa` subcommand (add_subparsers(parser_class=IndonesianParser))."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", IndonesianHelpFormatter)
        super().__init__(*args, **kwargs)
        indonesian(self)


def add_command(actions, name: str, text: str) -> IndonesianParser:
    """One subcommand: `text` is both its line in `desa --help` and the description of `desa <name> --help`."""
    return actions.add_parser(name, help=text, description=text)
