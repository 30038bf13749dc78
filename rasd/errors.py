"""Errors rasd reports to users. Each has an exit code; the CLI prints the message, never a traceback."""


class RasdError(Exception):
    """An error with a message meant for the user."""

    exit_code = 1


class InputError(RasdError):
    """The input cannot be read as an article (empty, binary, wrong encoding, not Arabic, ...)."""

    exit_code = 3


class StoreError(RasdError):
    """The store cannot be opened or written (read-only, locked, full disk, bad URL)."""

    exit_code = 4


class ConfigError(RasdError):
    exit_code = 2
