"""The exceptions okr raises.

``OkrError`` is the base of every okr-specific error. ``ValidationError`` (also a
``ValueError``) means the input is not a valid OKR document; ``errors()`` lists every
problem found, each located by path and, for text, line. Files that cannot be read raise
the built-in ``OSError`` subclasses (``FileNotFoundError``…), and arguments of the wrong
type raise ``TypeError``.
"""

from __future__ import annotations

from typing import Any, Iterable, List, Optional, Tuple

from ._types import ErrorDetail


class OkrError(Exception):
    """Base class of the errors okr raises."""


class ValidationError(OkrError, ValueError):
    """The input is not a valid OKR document.

    ``str(error)`` summarises the problems; ``error.errors()`` lists every one of them, in
    reading order, as dicts: pydantic's ``type`` (a stable kind such as
    ``unknown_reference``), ``loc`` (``("objectives", 3, "owner")``) and ``msg``, beside
    ``path``, ``line``, ``id`` and ``message``::

        try:
            okr.load("okrs.yaml")
        except okr.ValidationError as error:
            for problem in error.errors():
                print(problem["line"], problem["type"], problem["loc"], problem["msg"])
    """

    def __init__(
        self, message: str, errors: Iterable[ErrorDetail] = (), file: Optional[str] = None
    ) -> None:
        # The file is named once, in front, as `okr check` does.
        super().__init__(f"{file}: {message}" if file and not message.startswith(f"{file}: ") else message)
        self._errors: List[ErrorDetail] = [_detail(e) for e in errors]
        #: The file the document was read from, when it came from one.
        self.file: Optional[str] = file

    def errors(self) -> List[ErrorDetail]:
        """Every problem found, each as ``{"type", "loc", "msg", "path", "line", "id",
        "message"}`` (a fresh copy)."""
        return [_detail(e) for e in self._errors]

    def __reduce__(self) -> Tuple[Any, ...]:
        # Keeps the problems through pickling (multiprocessing, joblib…).
        message = self.args[0] if self.args else ""
        return (type(self), (message, self._errors, self.file))


def _detail(problem: Any) -> ErrorDetail:
    line: Optional[int] = problem.get("line")
    message = str(problem.get("message", problem.get("msg", "")))
    return ErrorDetail(
        type=str(problem.get("type", "invalid_value")),
        loc=tuple(problem.get("loc", ())),
        msg=message,
        path=str(problem.get("path", "")),
        line=line,
        id=problem.get("id"),
        message=message,
    )
