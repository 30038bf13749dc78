"""Errors rasd reports to users. Each has an exit code; the CLI prints the message, never a traceback.

Exit codes: 1 internal error (a bug: the message says what and where to report it), 2 bad usage or
configuration, 3 unusable input, 4 the store cannot be opened or written (read-only, locked, full disk,
damaged, bad URL), 5 an output file cannot be written, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
"""


class RasdError(Exception):
    """An error with a message meant for the user."""

    exit_code = 1


class InputError(RasdError):
    """The input cannot be read as an article (empty, binary, wrong encoding, not Arabic, ...)."""

    exit_code = 3


class StoreError(RasdError):
    """The store cannot be opened or written (read-only, locked, full disk, bad URL), or a query on it
    is not valid (a bad filter value: HTTP 400 in the API)."""

    exit_code = 4
    http_status = 400


class StoreUnavailable(StoreError):
    """The store itself failed (locked, read-only, full, damaged, connection lost): not the caller's
    fault; HTTP 503 in the API."""

    http_status = 503


class ConfigError(RasdError):
    exit_code = 2


class OutputError(RasdError):
    """An output file cannot be written (missing folder, permissions, full disk)."""

    exit_code = 5


class Terminated(BaseException):
    """SIGTERM arrived: unwind (rolling back the open transaction) and exit 143."""
