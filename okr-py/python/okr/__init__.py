"""okr: load, validate, score and convert OKRs (Objectives and Key Results).

A thin Python face over the Rust core ``okr-core``::

    import okr

    doc = okr.load("examples/acme.yaml")          # or an open file, okr.loads(text), okr.from_dict(obj)
    report = doc.score(as_of="2026-11-23")        # date, datetime, "YYYY-MM-DD" or None (today)
    report.objective("C1").score                  # 0..1, or None when nothing scores
    report.to_pandas()                            # one row per objective and per key result
    for d in doc.lint(as_of="2026-11-23"):        # findings, like `okr lint`
        print(d.code, d.severity, d.id, d.message)

Edits keep the file's bytes: ``doc.with_check_in("C1-KR1", 21.4).save("okrs.yaml")``
adds one line; ``okr.diff(old, new)`` says what changed (bars lowered, check-ins rewritten).

Invalid documents raise ``okr.ValidationError`` (a ``ValueError``) whose ``errors()`` lists
every problem with its path and line.
"""

from ._errors import OkrError, ValidationError
from ._okr import (
    Diagnostic,
    Diff,
    Document,
    KeyResultScore,
    LintReport,
    ObjectiveScore,
    ScoreReport,
    __version__,
    diff,
    explain,
    from_dict,
    loads,
    parse_key_result,
    rules,
    schema,
)
from ._load import load
from ._review import Review, review
from ._save import dump
from ._tables import from_pandas, read_csv, read_excel, read_markdown, read_vendor
from ._types import (
    Category,
    Color,
    DiagnosticDict,
    ErrorDetail,
    Kind,
    KeyResultScoreDict,
    LintConfigDict,
    ObjectiveQualityDict,
    ObjectiveScoreDict,
    Outcome,
    Pace,
    ParsedKeyResult,
    RuleInfo,
    ScoreReportDict,
    Severity,
)

__all__ = [
    "Category",
    "Color",
    "Diagnostic",
    "DiagnosticDict",
    "Diff",
    "Document",
    "ErrorDetail",
    "KeyResultScore",
    "KeyResultScoreDict",
    "Kind",
    "LintConfigDict",
    "LintReport",
    "ObjectiveScore",
    "ObjectiveQualityDict",
    "ObjectiveScoreDict",
    "OkrError",
    "Outcome",
    "Pace",
    "ParsedKeyResult",
    "Review",
    "RuleInfo",
    "ScoreReport",
    "ScoreReportDict",
    "Severity",
    "ValidationError",
    "__version__",
    "diff",
    "dump",
    "explain",
    "from_dict",
    "from_pandas",
    "load",
    "loads",
    "parse_key_result",
    "read_csv",
    "read_excel",
    "read_markdown",
    "read_vendor",
    "review",
    "rules",
    "schema",
]
