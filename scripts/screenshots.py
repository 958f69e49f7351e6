"""Render the main screens to docs/screenshots/*.png, headless, from a temporary demo database.

Run: python scripts/screenshots.py
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from studygroup.clock import ManualTime  # noqa: E402
from studygroup.demo import AGENDA, PEOPLE, create_demo, demo_scenario  # noqa: E402
from studygroup.model import Participant, Phase, Session  # noqa: E402
from studygroup.store import Store  # noqa: E402
from ui import style  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.session_page import CAPTURE, REVIEW, RUN  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
ROLES = ("Founder and baker", "Counter and customers", "Bookkeeper", "Part-time web helper", "Founder and baker",
         "Bookkeeper")
SIZE = (1280, 800)


def live_session(store: Store) -> Session:
    """A planned session like the demo's, not yet run, saved in the store."""
    session = Session(title="Thursday study group: Crumb & Co", date=datetime.date.today().isoformat(),
                      facilitator="Jordan Ellis", scenario=demo_scenario(),
                      phases=[Phase(name, minutes, prompt) for name, minutes, prompt in AGENDA],
                      participants=[Participant(name, discipline, role)
                                    for (name, discipline), role in zip(PEOPLE, ROLES)])
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


def save(widget, name: str) -> Path:
    """Grab *widget* at the standard size into docs/screenshots/<name>.png."""
    widget.resize(*SIZE)
    for _ in range(3):  # font changes in resizeEvent re-run the layout on the next pass
        QApplication.processEvents()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")
    return path


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    style.apply(app)
    OUT.mkdir(parents=True, exist_ok=True)
    time = ManualTime()
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "screens.db") as store:
        demo = create_demo(store)
        live = live_session(store)
        window = MainWindow(store, clock_time_source=time)
        window.show()
        save(window, "home")
        window.show_new_session()
        save(window, "plan")
        page = window.open_session(live.id)
        run_to_experience_phase(page, time)
        page.tabs.setCurrentIndex(RUN)
        save(window, "run")
        capture = page.capture
        capture.switch_author(live.participants[2].id)
        capture.editor.setPlainText("Where do I put the bakery's bank details? I clicked Settings twice #money")
        page.tabs.setCurrentIndex(CAPTURE)
        save(window, "capture")
        page.tabs.setCurrentIndex(RUN)
        projector = page.console.show_projector()
        save(projector, "projector")
        show_question_round(page, time)
        save(window, "question-round")
        save(projector, "projector-turn")
        projector.close()
        page = window.open_session(demo.id)
        page.tabs.setCurrentIndex(REVIEW)
        save(window, "review")
        window._close_session()
        window.deleteLater()
        render_pdf_pages(store, demo, Path(folder))
    return 0


def render_pdf_pages(store: Store, session: Session, folder: Path, pages: int = 2) -> None:
    """The demo's PDF summary (first pages) and its persona card as PNG (needs pdftoppm from poppler-utils)."""
    from studygroup.handout import export_handout
    from studygroup.pdf import export_pdf

    summary, card = folder / "summary.pdf", folder / "persona-card.pdf"
    export_pdf(session, store.observations(session.id), summary)
    export_handout(session, card)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (apt-get install poppler-utils): PDF pages not rendered", file=sys.stderr)
        return
    for pdf, last in ((summary, pages), (card, 1)):
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", str(last), str(pdf), str(OUT / pdf.stem)],
                       check=True)
        for page in range(1, last + 1):  # pdftoppm writes <stem>-1.png, <stem>-2.png, ...
            print(f"docs/screenshots/{pdf.stem}-{page}.png")


if __name__ == "__main__":
    sys.exit(main())
