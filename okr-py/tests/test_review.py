"""The CLI's remaining jobs from Python: review, tree, cascade draft and schema."""

from __future__ import annotations

import html
import html.parser
from pathlib import Path

import pytest

import okr

ROOT = Path(__file__).resolve().parents[2]
ACME = ROOT / "examples" / "acme.yaml"
AS_OF = "2026-08-20"


class _Collector(html.parser.HTMLParser):
    """Collects tag names and text, to read the page with a real parser."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_report_html_is_a_page_naming_every_objective() -> None:
    doc = okr.load(ACME)
    page = doc.report_html(AS_OF)
    parser = _Collector()
    parser.feed(page)
    assert parser.tags[0] == "html" or "html" in parser.tags
    text = " ".join(parser.text)
    for objective_id in doc.objective_ids:
        assert objective_id in text, objective_id
    # With lint, the review lists findings; the vague key result of acme is one of them.
    assert "OKR101" in page
    assert "OKR101" not in doc.report_html(AS_OF, lint=False)


def test_markdown_review_and_bad_format() -> None:
    doc = okr.load(ACME)
    markdown = doc.report_html(AS_OF, format="markdown")
    assert markdown.lstrip().startswith("#")
    assert all(objective_id in markdown for objective_id in doc.objective_ids)
    with pytest.raises(ValueError, match="html"):
        doc.report_html(AS_OF, format="pdf")  # type: ignore[arg-type]


def test_tree_lists_each_objective_once() -> None:
    doc = okr.load(ACME)
    tree = doc.tree(AS_OF)
    for objective_id in doc.objective_ids:
        assert tree.count(f"{objective_id} ") + tree.count(f"{objective_id}\n") >= 1, objective_id


def test_cascade_drafts_an_objective_that_loads() -> None:
    doc = okr.load(ACME)
    kr = doc.key_result_ids[0]
    team = doc.to_dict()["teams"][-1]["id"]
    draft = doc.cascade(kr, team)
    assert draft["owner"] == team
    assert kr in (draft["aligns_to"] if isinstance(draft["aligns_to"], list) else [draft["aligns_to"]])
    # The draft joins the document and the result is still valid.
    data = doc.to_dict()
    data["objectives"].append(draft)
    assert draft["id"] in okr.from_dict(data).objective_ids
    with pytest.raises(KeyError, match="no key result"):
        doc.cascade("NOPE", team)
    with pytest.raises(KeyError, match="no team"):
        doc.cascade(kr, "nobody")


def test_schema_describes_the_file_format() -> None:
    schema = okr.schema()
    assert schema["type"] == "object"
    assert {"objectives", "cycles", "teams"} <= set(schema["properties"])


def test_review_displays_inline_and_prints_as_markdown() -> None:
    doc = okr.load(ACME)
    review = okr.review(doc, AS_OF)
    assert isinstance(review, okr.Review)
    assert review.html == doc.report_html(AS_OF)
    assert str(review) == doc.report_html(AS_OF, format="markdown")
    frame = review._repr_html_()
    assert frame.startswith("<iframe") and 'srcdoc="' in frame
    # The page is escaped into the attribute: no raw tag of it leaks into the notebook.
    srcdoc = frame.split('srcdoc="', 1)[1].rsplit('"', 1)[0]
    assert "<" not in srcdoc and '"' not in srcdoc
    assert html.unescape(srcdoc) == review.html
    assert "OKR101" not in okr.review(doc, AS_OF, lint=False).html
