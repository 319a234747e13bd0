"""``python -m zz_desktop`` is ``zz-desktop``."""

import sys

from zz_desktop.cli import main

sys.exit(main())
