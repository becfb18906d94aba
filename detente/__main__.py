"""``python -m detente`` is the ``detente`` command."""

import sys

from detente.cli import main

sys.exit(main())
