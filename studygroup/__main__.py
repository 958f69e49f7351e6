"""`python -m studygroup`: the same program as the `studygroup` command."""

import sys

from studygroup.cli import main

sys.exit(main())
