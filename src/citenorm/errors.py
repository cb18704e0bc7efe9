"""Exceptions raised by citenorm.

Every error citenorm raises on purpose derives from :class:`CitenormError`, and also from
the builtin exception a caller would naturally catch::

    CitenormError (Exception)
     ├── InputError (CitenormError, OSError)      a file cannot be used: missing, a directory,
     │    │                                       unreadable, empty, binary
     │    └── DecodeError (InputError, UnicodeError)   no plausible text encoding
     ├── OutputError (CitenormError, OSError)     the output cannot be written: no space left,
     │                                            a read-only file system, no permission
     ├── ConfigError (CitenormError, ValueError)   bad [tool.citenorm] configuration
     └── UsageError (CitenormError, ValueError)    bad option values given to the API or CLI

The command line maps every :class:`CitenormError` to a one-line message and exit code 2.

:class:`CitenormWarning` (a :class:`UserWarning`) reports a problem citenorm worked around,
such as invalid UTF-8 bytes it replaced.
"""

from __future__ import annotations

__all__ = [
    "CitenormError",
    "CitenormWarning",
    "ConfigError",
    "DecodeError",
    "InputError",
    "OutputError",
    "UsageError",
]


class CitenormError(Exception):
    """Root of citenorm's exceptions; carries the file name when one is involved."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InputError(CitenormError, OSError):
    """An input that cannot be used (missing, a directory, unreadable, empty or binary)."""

    def __str__(self) -> str:  # OSError would otherwise format its own args
        return CitenormError.__str__(self)


class DecodeError(InputError, UnicodeError):
    """No encoding gives plausible text for the input."""

    def __str__(self) -> str:
        return CitenormError.__str__(self)


class OutputError(CitenormError, OSError):
    """The output cannot be written (no space left on the device, a read-only file
    system, no permission)."""

    def __str__(self) -> str:  # OSError would otherwise format its own args
        return CitenormError.__str__(self)


class ConfigError(CitenormError, ValueError):
    """Invalid configuration in ``citenorm.toml`` or ``[tool.citenorm]``."""


class UsageError(CitenormError, ValueError):
    """An option value that citenorm cannot act on."""


class CitenormWarning(UserWarning):
    """A problem citenorm worked around (the input was still used)."""
