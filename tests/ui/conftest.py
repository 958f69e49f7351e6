"""UI tests: a dialog nobody replaced fails the test at once instead of hanging it.

A modal box never returns under the offscreen platform, so every dialog goes through
ui.dialogs and a test that expects one monkeypatches it.
"""

import pytest


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    from ui import dialogs

    for name in ("ask_yes_no", "inform", "ask_text", "ask_save_path", "ask_open_path", "ask_pin", "choose"):
        if hasattr(dialogs, name):
            def unexpected(*args, _name=name, **kwargs):
                raise AssertionError(f"unexpected dialog ui.dialogs.{_name}{args[1:3]}")

            monkeypatch.setattr(dialogs, name, unexpected)
