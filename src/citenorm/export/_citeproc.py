"""Two CSL rules citeproc-py gets wrong, put right for citenorm's rendering.

citeproc-js (Zotero, Mendeley) and pandoc's citeproc follow both rules; citeproc-py 0.6
to 0.11 does not:

1. *Substituted variables are suppressed in the rest of the output* (CSL 1.0.2,
   ``cs:substitute``). citeproc-py suppresses a substitute only when it is a bare
   ``<text variable=...>``; styles substitute through macros (APA's ``title`` macro,
   Chicago's ``container-title``), so an authorless web page printed its title twice.
   Fixed: the variables actually rendered while substituting are suppressed.
   Numbers too: APA's ``title`` macro also prints the edition, which came out twice for
   an authorless book (``Title (2nd ed.). (1986). (2nd ed.).``).
2. *A group is suppressed when it calls variables and all of them are empty*
   (``cs:group``). citeproc-py counts a ``cs:choose`` as a called and rendered variable
   whenever any branch could call one, so APA's thesis number group printed
   ``(Publication)`` with no number. Fixed: a group counts the variables that were called,
   and those that rendered, in the branches actually taken while it ran.
3. *A term the locale defines is used, even when it is empty* (CSL locale fallback).
   The Arabic locale defines the ordinal suffix as empty; citeproc-py took the empty
   suffix for a missing one and fell back to English, printing ``1st ط``. Fixed: an
   ordinal suffix defined, empty, in the output locale gives the bare number.
4. *``initialize="false"`` keeps given names whole* (``cs:name``): ``initialize-with``
   then only punctuates initials that are already there. citeproc-py ignores the
   attribute, so Chicago, which asks for full given names, printed ``Haddad, R.`` for
   ``Rana Haddad``. Fixed as the specification says.

:func:`apply` installs the four once, by wrapping functions and methods of
``citeproc.model``; nothing else of citeproc-py changes. Only
:mod:`citenorm.export.render` calls it.
"""

from __future__ import annotations

import threading
from typing import Any

from citenorm.text import _rx

__all__ = ["apply"]

_TEXT_TAG = "{http://purl.org/net/xbiblio/csl}text"
# ``layout.repressed`` key under which every variable rendered by a substitute is kept
# (citeproc-py keys its own list by element tag and checks it for ``cs:text`` only)
_ANY_TAG = "*"
_lock = threading.Lock()
_applied = False
_state = threading.local()


def _counter() -> list[int]:
    """``[variables called, variables rendered]`` on this thread so far."""
    count: list[int] | None = getattr(_state, "count", None)
    if count is None:
        count = _state.count = [0, 0]
    return count


def _logs() -> list[list[str]]:
    logs: list[list[str]] | None = getattr(_state, "logs", None)
    if logs is None:
        logs = _state.logs = []
    return logs


def _rendered(variable: str | None) -> None:
    """Note that ``variable`` rendered something."""
    _counter()[1] += 1
    if variable:
        for log in _logs():
            log.append(variable)


_INITIAL = _rx.compile(r"[^\W\d_]\.?")


def _punctuate_initials(given: str, mark: str) -> str:
    """``initialize="false"``: full names kept, runs of initials joined by ``mark``
    (``J J Mann`` with ``". "`` -> ``J. J. Mann``; ``J.J.`` with ``"."`` -> ``J.J.``)."""
    out: list[str] = []
    run: list[str] = []
    for token in [*given.split(), ""]:
        if token and _INITIAL.fullmatch(token):
            run.append(token[0])
            continue
        if run:
            out.append(mark.join(run) + mark.rstrip())
            run = []
        if token:
            out.append(token)
    return " ".join(out)


def apply() -> None:
    """Install the two fixes into ``citeproc.model`` (idempotent, thread-safe)."""
    global _applied
    with _lock:
        if _applied:
            return
        from citeproc import model

        text_variable = model.Text._variable

        def _variable(self: Any, item: Any, context: Any) -> Any:
            # ``year-suffix`` and ``citation-number`` are generated, not called (as in
            # citeproc-js): APA's ``n.d.`` group holds an empty ``year-suffix``
            if self.get("variable") not in self.generated_variables:
                _counter()[0] += 1
            value = text_variable(self, item, context)
            if value is not None and str(value) != "":
                _rendered(self.get("variable"))
            return value

        def _wrap_process(cls: Any) -> None:
            original = cls.process

            def process(self: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
                _counter()[0] += 1
                context = kwargs.get("context")
                variable = self.get("variable")
                if variable and context is not None:
                    repressed = context.get_layout().repressed.get(_ANY_TAG, ())
                    if variable in repressed:
                        raise model.VariableError
                value = original(self, item, *args, **kwargs)
                if value is not None and str(value) != "":
                    _rendered(self.get("variable"))
                return value

            cls.process = process

        for cls in (model.Number, model.Date, model.Names):
            _wrap_process(cls)

        def group_process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
            output = []
            called, rendered = _counter()
            delimiter = self.get("delimiter", "")
            for child in self.iterchildren():
                try:
                    if isinstance(child, model.Choose):
                        text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                    else:
                        text = child.render(item, context=context, **kwargs)
                    if text is not None:
                        output.append(text)
                except model.VariableError:
                    pass
            # CSL: suppressed when it called variables (in the branches taken) and all
            # of them were empty
            variable_called = _counter()[0] > called
            variable_rendered = _counter()[1] > rendered
            if output and (not variable_called or variable_rendered):
                return self.join(output)
            raise model.VariableError

        def substitute_render(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
            text = None
            for child in self.getchildren():
                log: list[str] = []
                _logs().append(log)
                try:
                    if isinstance(child, model.Names) and child.name is None:
                        names = self.xpath_search("./parent::cs:names[1]")[0]
                        text = child.render(item, names_context=names, context=context, **kwargs)
                    else:
                        text = child.render(item, context=context, **kwargs)
                except model.VariableError:
                    continue
                finally:
                    _logs().remove(log)
                if text:
                    layout = context.get_layout()
                    for tag, variables in (
                        (child.tag, [child.get("variable")]),
                        (_TEXT_TAG, log),
                        (_ANY_TAG, log),
                    ):
                        layout.repressed.setdefault(tag, []).extend(v for v in variables if v)
                    break
            return text

        to_ordinal = model.to_ordinal

        def ordinal(number: Any, context: Any) -> str:
            # the output locale's own terms only (``fallback_locale=False``): an ``ordinal``
            # term it defines, with no ``ordinal-NN`` term, is the suffix, even when empty
            own = context.get_term("ordinal", fallback_locale=False)
            if own is None or str(own.single or ""):
                return str(to_ordinal(number, context))
            digits = str(number)
            for name, padded in ((f"ordinal-{int(digits):02}", False),
                                 (f"ordinal-{int(digits[-1]):02}", True)):  # fmt: skip
                if context.get_single_term(name=name, fallback_locale=False, zero_padded=padded):
                    return str(to_ordinal(number, context))
            return digits

        model.Text._variable = _variable
        model.Group.process = group_process
        initialize = model.Name.initialize

        def initialize_or_not(self: Any, given: str, mark: str, context: Any) -> str:
            value = self.get("initialize")
            ancestors = self.iterancestors()
            while value is None and (parent := next(ancestors, None)) is not None:
                value = parent.get("initialize")  # an inheritable name option
            if value != "false":
                return str(initialize(self, given, mark, context))
            return _punctuate_initials(given, mark)

        model.Substitute.render = substitute_render
        model.to_ordinal = ordinal
        model.Name.initialize = initialize_or_not
        _applied = True
