"""The frozen app's entry script (scripts/studygroup.spec): one program, two executables told apart by name."""

import sys

from ui.launch import frozen_main

sys.exit(frozen_main())
