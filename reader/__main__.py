"""Entry point: `reader` / `python -m reader`."""

from reader.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
