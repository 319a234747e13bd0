"""`python -m zz_hub` runs the same command line as `zz-hub`."""

from zz_hub.cli import main

raise SystemExit(main())
