"""Transcript Reader: read, align and annotate earnings-call transcripts."""

__version__ = "0.1.0"
APP_NAME = "Transcript Reader"
