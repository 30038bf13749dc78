"""Sub-commands of the rasd CLI: one module each, with a ``register(subparsers)`` function."""
