"""``okr.review``: the quarterly review as an object notebooks display inline."""

from __future__ import annotations

import datetime
import html
from typing import Union

from ._okr import Document

# What `as_of` takes everywhere: a date (or datetime), "YYYY-MM-DD", or None for today.
AsOf = Union[datetime.date, str, None]


class Review:
    """The quarterly review of a document as of a day, as ``okr report`` writes it.

    In Jupyter it displays inline (the self-contained page in a frame, so its styles stay
    its own); ``str()`` is the Markdown review; ``html`` and ``markdown`` hold both texts.
    """

    def __init__(self, document: Document, as_of: AsOf = None, lint: bool = True) -> None:
        self.html: str = document.report_html(as_of, format="html", lint=lint)
        self.markdown: str = document.report_html(as_of, format="markdown", lint=lint)

    def _repr_html_(self) -> str:
        # srcdoc keeps the page's own <html>, <style> and scripts apart from the notebook's.
        return (
            '<iframe class="okr-review" style="width:100%;height:640px;border:0" '
            f'srcdoc="{html.escape(self.html, quote=True)}"></iframe>'
        )

    def __str__(self) -> str:
        return self.markdown

    def __repr__(self) -> str:
        first = self.markdown.lstrip().splitlines()[0] if self.markdown.strip() else ""
        return f"<okr.Review {first.lstrip('# ')!r}>"


def review(document: Document, as_of: AsOf = None, lint: bool = True) -> Review:
    """The quarterly review of ``document`` as of a day (default: today): a `Review`."""
    return Review(document, as_of, lint)
