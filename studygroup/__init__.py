"""studygroup: run in-room study-group sessions and keep every word typed (Qt-free core)."""

__version__ = "0.1.0"
