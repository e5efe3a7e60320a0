"""Shulchan: the working platform for government-initiated intersectoral roundtables."""

__version__ = "0.1.0"
