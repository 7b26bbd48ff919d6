"""The `desa` management command's subcommands, one module per group (sites, backups, bulk, upgrade, staff).

Each group is a mixin with `add_subcommands(actions)` declaring its argparse subcommands and one `handle_<name>`
method per subcommand; `commands/desa.py` puts them together. The groups live outside `commands/` because
Django would take every module there for a command of its own.
"""
