"""The `motcua` command line: Django's management commands with the project settings."""

import os
import sys


def main() -> None:
    """Run a management command (`motcua migrate`, `motcua seed-demo`, ...)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
