"""Render the main screens to docs/screenshots/*.png, headless, from a temporary demo database.

Run: python scripts/screenshots.py [--size 1280x720] [--scheme dark]

The README's pictures are the default size, a 1366x768 laptop; any other size (a 1280x720
projector) is written beside them as <name>-<width>x<height>.png, without the PDF pages.
--scheme dark renders the pages in the dark palette as dark-<name>.png (the projector and
the PDFs look the same in either scheme). A page whose minimum size does not fit the
window is reported, and the script exits 1.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from studygroup.clock import ManualTime  # noqa: E402
from studygroup.demo import AGENDA, PEOPLE, build_demo_session, create_demo, demo_scenario  # noqa: E402
from studygroup.model import Participant, Phase, Session  # noqa: E402
from studygroup.storage.store import Store  # noqa: E402
from ui import style  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.review.page import FOLLOW_UPS  # noqa: E402
from ui.session_page import CAPTURE, REVIEW, RUN  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
ROLES = (
    "Founder and baker",
    "Counter and customers",
    "Bookkeeper",
    "Part-time web helper",
    "Founder and baker",
    "Bookkeeper",
)
SIZE = (1366, 768)  # the room's laptop; the README shows these
SAME_IN_BOTH_SCHEMES = ("projector", "projector-turn", "projector-reveal")  # the projector is a dim room either way
too_big: list[str] = []  # pages whose minimum size did not fit, for the exit status


class Shot(NamedTuple):
    """How this run renders: window size and colour scheme."""

    size: tuple[int, int] = SIZE
    scheme: str = "light"

    def path(self, name: str) -> Path:
        """docs/screenshots/[dark-]<name>[-WxH].png"""
        prefix = "dark-" if self.scheme == "dark" else ""
        suffix = "" if self.size == SIZE else f"-{self.size[0]}x{self.size[1]}"
        return OUT / f"{prefix}{name}{suffix}.png"

    def wanted(self, name: str) -> bool:
        return self.scheme == "light" or name not in SAME_IN_BOTH_SCHEMES


def past_sessions(store: Store, count: int = 4) -> None:
    """Earlier runs of the bakery study group, a month apart, so Home, Trends and Search have a library."""
    today = datetime.date.today()
    for number in range(1, count + 1):
        session, notes = build_demo_session(seed=number, today=today - datetime.timedelta(days=30 * number))
        session.title = f"Bakery payments, run {count + 1 - number}"
        store.save_session(session)
        store.put_observations(notes)


def live_session(store: Store) -> Session:
    """A planned session like the demo's, not yet run, saved in the store."""
    session = Session(
        title="Thursday study group: Crumb & Co",
        date=datetime.date.today().isoformat(),
        facilitator="Jordan Ellis",
        scenario=demo_scenario(),
        phases=[Phase(name, minutes, prompt) for name, minutes, prompt in AGENDA],
        participants=[
            Participant(name, discipline, role) for (name, discipline), role in zip(PEOPLE, ROLES, strict=False)
        ],
        lingo=["KYC", "Connect"],
    )  # so the capture screens can show the Rule 1 nudge
    store.save_session(session)
    return session


def run_to_experience_phase(page, time: ManualTime) -> None:
    """Start and run into 'Experience the product' with 12 minutes left, a little behind plan."""
    clock = page.clock
    clock.start()
    for seconds in (5 * 60 + 20, 10 * 60 + 40):
        time.advance(seconds)
        clock.next_phase()
    time.advance(18 * 60)
    page.console.refresh()


def show_question_round(page, time: ManualTime) -> None:
    """The question round on: the second person 70 seconds into a 90-second turn."""
    console = page.console
    console.actions_by_id["question_round"].setChecked(True)
    panel = console.question_round
    panel.actions_by_id["start_turn"].trigger()
    time.advance(64)
    panel.actions_by_id["next_person"].trigger()
    time.advance(70)
    panel.refresh()


def save(widget, name: str, shot: Shot) -> Path | None:
    """Grab *widget* at the shot's size into docs/screenshots (Shot.path); None when the scheme skips *name*."""
    if not shot.wanted(name):
        return None
    size = shot.size
    widget.resize(*size)
    for _ in range(3):  # font changes in resizeEvent re-run the layout on the next pass
        QApplication.processEvents()
    path = shot.path(name)
    image = widget.grab()
    image.save(str(path))
    print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")
    if (image.width(), image.height()) != size:  # the page's minimum size won over the window size
        too_big.append(name)
        print(f"  does not fit: {image.width()}x{image.height()} instead of {size[0]}x{size[1]}", file=sys.stderr)
    return path


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=parse_size, default=SIZE, help="window size, e.g. 1280x720")
    parser.add_argument("--scheme", choices=("light", "dark"), default="light", help="colour scheme (default light)")
    args = parser.parse_args(argv)
    shot = Shot(args.size, args.scheme)
    os.environ[style.SCHEME_ENV] = args.scheme  # the documented override, whatever this machine prefers
    app = QApplication.instance() or QApplication(sys.argv[:1])
    style.apply(app)
    OUT.mkdir(parents=True, exist_ok=True)
    time = ManualTime()
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "screens.db") as store:
        past_sessions(store)
        demo = create_demo(store)
        live = live_session(store)
        window = MainWindow(store, clock_time_source=time)
        window.show()
        save(window, "home", shot)
        window.show_trends()
        save(window, "trends", shot)
        window.show_search()
        window.search_panel.field.setText("payout")
        window.search_panel.run_search()
        save(window, "search", shot)
        window.show_new_session()
        save(window, "plan", shot)
        fill_group(window.plan_page, live)
        save(window, "plan-group", shot)
        page = window.open_session(live.id)
        run_to_experience_phase(page, time)
        page.tabs.setCurrentIndex(RUN)
        save(window, "run", shot)
        capture = page.capture
        write_notes(page, time)
        capture.switch_author(live.participants[2].id)
        capture.editor.setPlainText("Where do I put the bakery's bank details? I clicked Settings twice #money")
        page.tabs.setCurrentIndex(CAPTURE)
        save(window, "capture", shot)
        capture.switch_author(None)
        capture.editor.setPlainText("The KYC step: we should just add a progress bar")
        save(window, "capture-facilitator", shot)
        page.tabs.setCurrentIndex(RUN)
        projector = page.console.show_projector()
        save(projector, "projector", shot)
        show_question_round(page, time)
        save(window, "question-round", shot)
        save(projector, "projector-turn", shot)
        projector.close()
        page = window.open_session(demo.id)
        page.console.share_out.set_revealed(True)  # the share-out: the demo's notes by journey step
        save(page.console.projector, "projector-reveal", shot)
        page.console.projector.close()
        page.tabs.setCurrentIndex(REVIEW)
        save(window, "review", shot)
        page.review.tidy_tabs.setCurrentIndex(FOLLOW_UPS)
        save(window, "review-follow-ups", shot)
        window._close_session()
        window.deleteLater()
        if shot == Shot():
            render_pdf_pages(store, demo, Path(folder))
    return 1 if too_big else 0


def fill_group(plan, session: Session) -> None:
    """The plan page's group table with the live session's six people, scrolled to the group."""
    plan.people_panel.model.set_people([Participant(p.name, p.discipline, p.role) for p in session.participants])
    QApplication.processEvents()
    top = plan.people_panel.table.mapTo(plan.scroll.widget(), plan.people_panel.table.rect().topLeft()).y()
    plan.scroll.verticalScrollBar().setValue(top - 90)  # the GROUP title and the table's caption above it


def write_notes(page, time: ManualTime) -> None:
    """A few notes from different people, so the facilitator's feed and the shared list have rows."""
    capture = page.capture
    texts = (
        "I had to ask what 'Connect' means before I could even start",
        "Three different pages said 'payout' and none said when the money arrives",
        "Loved that the test payment went through first time, it felt real",
        "Where is the receipt? I need it for the books on Sunday night",
        "The verification code took two minutes to arrive and I nearly gave up",
        "The bank details form wanted a sort code, then an IBAN, then the sort code again",
        "Settings has two pages called 'Payouts' and they say different things",
        "I found the test mode switch by accident, it is tiny and grey",
    )
    kinds = ("confusion", "friction", "delight", "question", "bad_day", "friction", "confusion", "friction")
    for number, (text, kind) in enumerate(zip(texts, kinds, strict=False)):
        capture.switch_author(session_person(page, number))
        capture.editor.setPlainText(text)
        capture.kinds.set_value(kind)
        capture.save_current()
        time.advance(40)


def session_person(page, number: int) -> str:
    people = page.session.participants
    return people[number % len(people)].id


def render_pdf_pages(store: Store, session: Session, folder: Path, pages: int = 2) -> None:
    """The demo's PDF summary (first pages), its persona card and the library's Trends report as PNG.

    Needs pdftoppm from poppler-utils.
    """
    from studygroup.export.exporters import export_report
    from studygroup.export.handout import export_handout
    from studygroup.export.pdf import export_pdf
    from studygroup.export.trends_report import build_report

    summary, card, trends = folder / "summary.pdf", folder / "persona-card.pdf", folder / "trends-report.pdf"
    export_pdf(session, store.observations(session.id), summary)
    export_handout(session, card)
    export_report("pdf", build_report(store), trends)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (apt-get install poppler-utils): PDF pages not rendered", file=sys.stderr)
        return
    for pdf, last in ((summary, pages), (card, 1), (trends, 2)):
        for page in range(1, last + 1):  # one page at a time: pdftoppm pads numbers by the page count (-01)
            name = OUT / f"{pdf.stem}-{page}"
            subprocess.run(
                ["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(name)],
                check=True,
            )
            print(f"docs/screenshots/{name.name}.png")


if __name__ == "__main__":
    sys.exit(main())
