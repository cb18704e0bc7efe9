"""The package's data files, read without :mod:`importlib.resources` when they can be.

``importlib.resources`` and its readers (``zipfile``, ``tempfile``...) cost a cold
process ~3 ms to import; an installed package's files are plain files beside its
modules. So a data file is read from the package's directory, and only a package that
is not a directory (imported from a zip archive) goes through ``importlib.resources``:
the same bytes either way.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["data_file", "read_text"]


def _beside(package: str, parts: tuple[str, ...]) -> str | None:
    """The file's path in the package's directory, if the package is one."""
    module = sys.modules.get(package)
    if module is None:
        import importlib

        module = importlib.import_module(package)
    origin = getattr(module, "__file__", None)
    if not origin:
        return None
    path = os.path.join(os.path.dirname(origin), *parts)
    return path if os.path.isdir(os.path.dirname(path)) else None


def _resource(package: str, parts: tuple[str, ...]) -> Traversable:
    from importlib import resources

    return resources.files(package).joinpath(*parts)


def read_text(package: str, *parts: str) -> str:
    """The UTF-8 text of the data file ``parts`` of ``package`` (``FileNotFoundError``
    when it is missing), as ``importlib.resources.files(package).joinpath(*parts)
    .read_text(encoding="utf-8")`` reads it."""
    path = _beside(package, parts)
    if path is None:
        return _resource(package, parts).read_text(encoding="utf-8")
    with open(path, encoding="utf-8") as f:
        return f.read()


def data_file(package: str, *parts: str) -> str:
    """The path of the data file ``parts`` of ``package``, as a string (as
    ``str(importlib.resources.files(package).joinpath(*parts))``)."""
    path = _beside(package, parts)
    return path if path is not None else str(_resource(package, parts))
