"""A throw-away PostgreSQL cluster for the tests: initdb and pg_ctl on a Unix socket in a temp folder.

The team library is tested against a real server, not a fake. This module finds the server's
programs (on PATH, else the newest /usr/lib/postgresql/*/bin), makes a cluster in a fresh
folder under /tmp that listens only on a Unix socket there (no TCP port, so two runs never
collide), trusts local connections, and removes it all when stopped.

initdb refuses to run as root, and CI runs as root: as root the cluster is made and run by the
`postgres` account the Debian package creates (else `nobody`), through `runuser`.

Used by the session fixture in tests/conftest.py, and from the shell by .ci/run:

    python tests/pg_cluster.py start      # prints the URL and the folder; stays up
    python tests/pg_cluster.py stop DIR   # stops it and removes DIR
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "postgres"
"""The cluster's own superuser (initdb -U), whatever the operating-system account."""
_PORT = 5432  # only names the socket file; nothing listens on TCP
_SOCKET_DIR_MAX = 80  # Unix socket paths are limited to ~107 bytes, the file name included


class ClusterError(Exception):
    """No cluster could be started; the message says why, in one line."""


def find_program(name: str) -> Path | None:
    """A PostgreSQL server program on PATH, else in the newest /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return Path(found)
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(candidates[-1]) if candidates else None


def _run_as() -> str | None:
    """The account to run the server as when we are root (initdb refuses root); None: ourselves."""
    if os.geteuid() != 0:
        return None
    import pwd

    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise ClusterError("running as root, and there is no 'postgres' or 'nobody' account to run "
                       "the test server as (initdb refuses root)")


@dataclass
class Cluster:
    """A running throw-away cluster: its folder (socket, data, log) and how to reach it."""

    folder: Path
    pg_ctl: Path
    user: str | None

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    def url(self, database: str = "postgres") -> str:
        """A libpq URL for `database` over the cluster's Unix socket."""
        return f"postgresql://{SUPERUSER}@/{database}?host={self.folder}&port={_PORT}"

    def stop(self) -> None:
        """Stop the server (fast: tests do not care for the sessions left) and remove the folder."""
        if self.data.is_dir():
            _run(self.user, [str(self.pg_ctl), "-D", str(self.data), "-m", "immediate", "-w",
                             "stop"], check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def _run(user: str | None, argv: list[str], *, check: bool = True
         ) -> subprocess.CompletedProcess[str]:
    program = Path(argv[0]).name
    if user is not None:
        argv = ["runuser", "-u", user, "--", *argv]
    proc = subprocess.run(argv, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          timeout=120)
    if check and proc.returncode != 0:
        last = (proc.stderr.strip() or proc.stdout.strip()).splitlines()
        raise ClusterError(f"{program} failed: {last[-1] if last else f'exit {proc.returncode}'}")
    return proc


def start_cluster() -> Cluster:
    """Make and start a cluster in a new folder under /tmp; raises `ClusterError` with the reason."""
    initdb, pg_ctl = find_program("initdb"), find_program("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise ClusterError("PostgreSQL's server programs (initdb, pg_ctl) are not installed "
                           "(Debian: apt-get install postgresql)")
    user = _run_as()
    base = tempfile.gettempdir()
    if len(base) > _SOCKET_DIR_MAX - 20:
        base = "/tmp"
    folder = Path(tempfile.mkdtemp(prefix="trpg-", dir=base))
    cluster = Cluster(folder, pg_ctl, user)
    try:
        if user is not None:
            shutil.chown(folder, user)
        _run(user, [str(initdb), "-D", str(cluster.data), "-U", SUPERUSER, "--auth=trust",
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
        # No TCP; the socket in our folder; durability is not what these tests are about.
        options = (f"-k {folder} -p {_PORT} -c listen_addresses='' -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100")
        _run(user, [str(pg_ctl), "-D", str(cluster.data), "-o", options, "-l", str(cluster.log),
                    "-w", "-t", "60", "start"])
    except (ClusterError, OSError, subprocess.TimeoutExpired) as exc:
        log = cluster.log.read_text(errors="replace").strip().splitlines() \
            if cluster.log.exists() else []
        cluster.stop()
        detail = f" (server log: {log[-1]})" if log else ""
        raise ClusterError(f"could not start a throw-away PostgreSQL cluster: {exc}{detail}") \
            from None
    return cluster


def main(argv: list[str]) -> int:
    if argv[:1] == ["start"]:
        try:
            cluster = start_cluster()
        except ClusterError as exc:
            print(f"pg_cluster: {exc}", file=sys.stderr)
            return 1
        print(cluster.url())
        print(cluster.folder)
        return 0
    if argv[:1] == ["stop"] and len(argv) == 2:
        folder = Path(argv[1])
        pg_ctl = find_program("pg_ctl")
        if pg_ctl is not None and folder.name.startswith("trpg-"):
            Cluster(folder, pg_ctl, _run_as()).stop()
        return 0
    print("usage: pg_cluster.py start | stop DIR", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
