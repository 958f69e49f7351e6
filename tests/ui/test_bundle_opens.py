"""Whatever bundle the import accepts also opens in the app: every tab, the projector and the review."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studygroup.clock import ManualTime
from studygroup.demo import create_demo
from studygroup.errors import BundleError
from studygroup.exchange.bundle import bundle_dict, import_bundle
from studygroup.storage.store import Store
from tests.core.test_bundle_properties import mutate
from ui.main_window import MainWindow
from ui.session_page import CAPTURE, REVIEW, RUN


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=st.data())
def test_an_accepted_bundle_opens_on_every_tab(qtbot, tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("opens")
    with Store.open(folder / "source.db") as source:
        bundle = json.loads(json.dumps(bundle_dict(source, create_demo(source).id)))
    for _ in range(data.draw(st.integers(1, 3))):
        bundle = mutate(bundle, data)
    path = folder / "mutant.json"
    path.write_text(json.dumps(bundle), encoding="ascii")
    with Store.open(folder / "target.db") as store:
        try:
            report = import_bundle(store, path)
        except BundleError:
            return  # refused: tests/core/test_bundle_properties.py checks how
        window = MainWindow(store, clock_time_source=ManualTime())
        qtbot.addWidget(window)
        page = window.open_session(report.session.id)
        for tab in (RUN, CAPTURE, REVIEW):
            page.tabs.setCurrentIndex(tab)
        page.console.show_projector()
        page.review.refresh()
        window.show_home()  # closes the session page: drafts flushed, projector closed
        window.close()
