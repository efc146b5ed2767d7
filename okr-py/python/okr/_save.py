"""``okr.dump`` and ``Document.save``: writing a document back to a file."""

from __future__ import annotations

import os
import shutil
import tempfile
from typing import Union

from . import _okr

PathLike = Union[str, "os.PathLike[str]"]


def dump(document: _okr.Document, path: PathLike) -> None:
    """Writes ``document`` to ``path``, replacing the file atomically.

    A document read from text is written as that text, with the edits made through
    ``with_check_in`` spliced in: comments, layout, quoting and number spelling stay, so the
    file's diff shows only what changed. A document built by ``from_dict`` is written as
    YAML, or JSON when the path ends in ``.json``. An existing file keeps its permissions.
    """
    target = os.fspath(path)
    text = document.source
    if text is None:
        text = document.to_json() if target.lower().endswith(".json") else document.to_yaml()
    directory = os.path.dirname(os.path.abspath(target))
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(target)}.", suffix=".okr-tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        if os.path.exists(target):
            shutil.copymode(target, temporary)
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
