"""`python -m evals`: the same as `assistant eval`."""

import sys

from evals.cli import main

sys.exit(main())
