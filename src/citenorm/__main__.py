"""``python -m citenorm``: the command line."""

from citenorm.cli import entry_point

entry_point()
