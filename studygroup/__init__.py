"""studygroup: run in-room study-group sessions and keep every word typed (Qt-free core)."""

import logging

__version__ = "0.1.0"

# A library's own logger stays quiet unless a program attaches a handler (the app's log file does,
# studygroup.applog): without it Python's last-resort handler printed the core's warnings on the
# command line's stderr, beside the one sentence the command says itself.
logging.getLogger("studygroup").addHandler(logging.NullHandler())
