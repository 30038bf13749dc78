"""rasd (رصد): Arabic news to ACLED-style political-violence event records, offline."""
__version__ = "0.1.0"
