#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "desa_platform.settings.dev")
    from django.core.management import execute_from_command_line

    from desa_platform import bootstrap

    bootstrap.start()  # the embedded PostgreSQL when DATABASE_URL is unset; settings start nothing
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
