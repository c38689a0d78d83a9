"""Entry point: `reader` / `python -m reader`, and the packaged app's program."""

import sys

from reader.cli import main

if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # Library imports parse in worker processes, started as this same program: this
        # turns such a start into a worker instead of a second app.
        import multiprocessing

        multiprocessing.freeze_support()
    raise SystemExit(main())
