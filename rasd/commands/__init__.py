"""Sub-commands of the rasd CLI: one module each, with a ``register(subparsers)`` function."""
from __future__ import annotations

import sys

from ..errors import InputError


def add_text_arguments(parser) -> None:
    """The text a command reads: an argument, ``-f FILE`` or standard input; and the article's country."""
    parser.add_argument("text", nargs="?", help="the text ('-' or nothing: standard input)")
    parser.add_argument("-f", "--file", help="read the text from this file")
    parser.add_argument("--country", help="the article's country when the text alone does not say (e.g. Iraq or IQ)")
    parser.add_argument("--json", action="store_true", help="JSON output")


def read_text(args) -> str:
    """The text of :func:`add_text_arguments`; an empty or unreadable one is an :class:`InputError`."""
    if args.file:
        try:
            with open(args.file, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(f"cannot read {args.file}: {error}") from error
    elif args.text and args.text != "-":
        text = args.text
    elif sys.stdin is None or sys.stdin.isatty():
        raise InputError("give a text, --file FILE, or pipe the text in")
    else:
        text = sys.stdin.read()
    if not text.strip():
        raise InputError("empty text")
    return text
