"""``python -m newsdoc``: the same as the ``newsdoc`` command."""

import sys

from newsdoc.cli import main

sys.exit(main())
