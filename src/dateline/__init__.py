"""Dateline: dated conflict news into a source-attributed record of events, figures and statements."""

__version__ = "0.1.0"
