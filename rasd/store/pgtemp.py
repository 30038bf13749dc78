"""A throwaway PostgreSQL server for tests: initdb + pg_ctl in a temporary folder on a free localhost
port, as the ``postgres`` user when running as root. :func:`start` returns ``(url, stop)`` or raises
:class:`Unavailable` with the reason (tests skip with it)."""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile


class Unavailable(RuntimeError):
    pass


def _bindir() -> str:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return os.path.dirname(found[-1])
    initdb = shutil.which("initdb")
    if initdb:
        return os.path.dirname(initdb)
    raise Unavailable("PostgreSQL server binaries not found (run scripts/ci_services.sh)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start() -> tuple[str, callable]:
    try:
        import psycopg  # noqa: F401
    except ImportError as error:
        raise Unavailable("psycopg is not installed (pip install 'rasd[postgres]')") from error
    bindir = _bindir()
    folder = tempfile.mkdtemp(prefix="rasd-pg-")
    data = os.path.join(folder, "data")
    prefix: list[str] = []
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if not runuser:
            raise Unavailable("running as root and runuser is missing")
        try:
            import pwd
            pw = pwd.getpwnam("postgres")
        except KeyError as error:
            raise Unavailable("running as root and there is no postgres user") from error
        os.chown(folder, pw.pw_uid, pw.pw_gid)
        prefix = [runuser, "-u", "postgres", "--"]
    port = _free_port()

    def run(*args: str) -> None:
        done = subprocess.run(prefix + list(args), capture_output=True, text=True, timeout=120)
        if done.returncode:
            raise Unavailable(f"{os.path.basename(args[0])} failed: {(done.stderr or done.stdout).strip()[-500:]}")
    try:
        run(f"{bindir}/initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        run(f"{bindir}/pg_ctl", "-D", data, "-l", os.path.join(folder, "log"), "-w", "-t", "60", "-o",
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
    except (Unavailable, subprocess.TimeoutExpired, OSError) as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise Unavailable(str(error)) from error

    def stop() -> None:
        subprocess.run(prefix + [f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"], capture_output=True,
                       timeout=60)
        shutil.rmtree(folder, ignore_errors=True)
    return f"postgresql://postgres@127.0.0.1:{port}/postgres", stop
