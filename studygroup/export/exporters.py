"""One entry point for the summary formats and the Trends report, shared by the command line and the app."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from studygroup.model import FollowUpState, Observation, Session, Turn

if TYPE_CHECKING:
    from studygroup.export.trends_report import Progress, TrendsReport

SUFFIXES = {"pdf": ".pdf", "md": ".md", "csv": ".csv", "json": ".json"}


def export(
    fmt: str,
    session: Session,
    observations: list[Observation],
    path: Path,
    page_size: str = "A4",
    progress: Callable[[int, int], None] | None = None,
    follow_up_states: Mapping[str, FollowUpState] | None = None,
    turns: Sequence[Turn] = (),
) -> None:
    """Write *session* as pdf, md or csv to *path* (atomically; JSON bundles go through bundle.py).

    *follow_up_states* (by note id) add each follow-up's owner, status and link to the PDF and Markdown;
    *turns* add what was said in each question-round turn.
    """
    if fmt == "pdf":
        from studygroup.export.pdf import export_pdf

        export_pdf(
            session, observations, path, page_size=page_size, progress=progress, states=follow_up_states, turns=turns
        )
    elif fmt == "md":
        from studygroup.export.markdown import export_markdown

        export_markdown(session, observations, path, states=follow_up_states, turns=turns)
    elif fmt == "csv":
        from studygroup.export.csvexport import export_csv

        export_csv(session, observations, path)
    else:
        raise ValueError(f"unknown export format {fmt!r}")


def export_report(fmt: str, report: TrendsReport, path: Path, progress: Progress | None = None) -> None:
    """Write *report* as "pdf" or "md" to *path*, atomically."""
    if fmt == "pdf":
        from studygroup.export.trends_pdf import export_trends_pdf

        export_trends_pdf(report, path, progress)
    elif fmt == "md":
        from studygroup.export.trends_md import export_trends_markdown

        export_trends_markdown(report, path)
    else:
        raise ValueError(f"unknown Trends report format {fmt!r}")
