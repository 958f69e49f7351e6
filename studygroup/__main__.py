"""`python -m studygroup`: the core's command line (demo, list, export, import, backup, restore).

The window is the UI's: `python -m ui` or the installed `studygroup` command opens it.
"""

import sys

from studygroup.cli import main

sys.exit(main())
