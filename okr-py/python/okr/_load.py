"""``okr.load``: a path, or a file object already open (text or binary)."""

from __future__ import annotations

import os
from typing import IO, Optional, Union

from . import _okr
from ._errors import ValidationError

Source = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]


def load(source: Source, format: Optional[str] = None) -> _okr.Document:
    """Reads and validates an OKR document from a path or an open file.

    ``source`` is a path (``str`` or ``pathlib.Path``), or a file object opened in text or
    binary mode (``open(...)``, ``io.BytesIO``, an upload in a web app). ``format`` is
    ``"yaml"`` or ``"json"``; by default it follows the file name's extension, else the
    content. A ``ValidationError`` names the file (``error.file``) when it has a name.
    """
    read = getattr(source, "read", None)
    if read is None:
        return _okr.load(source, format)  # type: ignore[arg-type]
    data = read()
    name = getattr(source, "name", None)
    shown = os.fspath(name) if isinstance(name, (str, os.PathLike)) else None
    if not isinstance(data, (str, bytes)):
        raise TypeError(
            f"load() read {type(data).__name__} from the file object; it must give str or bytes"
        )
    try:
        return _okr.loads(data, format, name=shown)  # type: ignore[arg-type]
    except ValidationError as error:
        if not isinstance(shown, str):
            raise
        raise ValidationError(str(error), error.errors(), file=shown) from None
