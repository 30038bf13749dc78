"""The ``rasd`` command. Every module in :mod:`rasd.commands` adds one sub-command through its
``register(subparsers)`` function; handlers return an exit code and never let a traceback out.

Exit codes are those of :mod:`rasd.errors`; an unexpected exception (a bug) prints one line naming it
and exits 1 (``RASD_DEBUG=1`` prints the traceback too)."""
from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import signal
import sys

from . import __version__, commands
from .errors import OutputError, RasdError, Terminated


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rasd", description="Arabic news to ACLED-style event records.")
    parser.add_argument("--version", action="version", version=f"rasd {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        if hasattr(module, "register"):
            module.register(sub)
    return parser


def _on_sigterm(signum, frame):  # noqa: ARG001
    raise Terminated()


def _install_sigterm() -> object:
    """SIGTERM unwinds like Ctrl-C (the open transaction is rolled back, files are closed); only in the
    main thread of the main interpreter, where signal handlers can be set."""
    try:
        return signal.signal(signal.SIGTERM, _on_sigterm)
    except (ValueError, OSError):  # not the main thread
        return None


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    previous = _install_sigterm()
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # a full disk or closed pipe on standard output shows here, not at exit
        return code
    except RasdError as error:
        print(f"rasd: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("rasd: interrupted (what was stored is intact)",
              file=sys.stderr)
        return 130
    except Terminated:
        print("rasd: terminated (what was stored is intact)",
              file=sys.stderr)
        return 143
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except MemoryError:
        print("rasd: error: out of memory", file=sys.stderr)
        return 1
    except OSError as error:  # an output file or folder: permissions, full disk, missing folder
        reason = error.strerror or str(error) or type(error).__name__
        name = getattr(error, "filename", None)
        message = OutputError(f"{reason}: {name}" if name else f"cannot write the output: {reason}")
        print(f"rasd: error: {message}", file=sys.stderr)
        return message.exit_code
    except Exception as error:  # noqa: BLE001 - a bug: one line, not a traceback
        if os.environ.get("RASD_DEBUG"):
            import traceback
            traceback.print_exc()
        print(f"rasd: internal error: {type(error).__name__}: {error} (please report it; RASD_DEBUG=1 "
              f"shows the traceback)", file=sys.stderr)
        return 1
    finally:
        if previous is not None:
            try:
                signal.signal(signal.SIGTERM, previous)  # type: ignore[arg-type]
            except (ValueError, OSError, TypeError):
                pass


def _quiet_stdout() -> None:
    """After a broken pipe (``rasd export | head``), keep Python from complaining at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
