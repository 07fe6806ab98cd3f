"""quotes: a quote attribution and speaker database for news articles."""

__version__ = "0.1.0"
