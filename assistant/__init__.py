"""Core of the grounded assistant: settings, models, store, retrieval, answering, API, CLI."""

__version__ = "0.1.0"
