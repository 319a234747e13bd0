"""Entry script of the frozen build (PyInstaller needs a file, not a console-script entry)."""

import sys

from zz_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
