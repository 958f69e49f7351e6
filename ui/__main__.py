"""`python -m ui`: the same program as the installed `studygroup` command, window included."""

import sys

from ui.launch import main

sys.exit(main())
