"""A separate process that writes highlights through the service and prints each id once its
commit has returned. Used by the crash and concurrency tests.

    python writer_child.py DB TRANSCRIPT_ID COUNT WORKER   (COUNT 0: until killed)
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, not by pytest: make the repository importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reader.services.annotations import AnnotationService


def main() -> None:
    db, transcript_id, count, worker = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    svc = AnnotationService.open(db)
    length = len(svc.transcript_text(transcript_id))
    print("ready", flush=True)
    n = 0
    while count == 0 or n < count:
        start = (n * 37) % (length - 60)
        h = svc.add_highlight(transcript_id, start, start + 20 + n % 40,
                              tags=[f"shared-{n % 7}", f"{worker}-{n % 3}"],
                              note=f"{worker} note {n}", colour=("yellow", "red")[n % 2])
        print(h.id, flush=True)
        n += 1
    svc.close()


if __name__ == "__main__":
    main()
