"""Dateline: dated conflict news into a source-attributed record of events, figures and statements."""

__version__ = "0.1.0"
__all__ = ["Dateline"]


def __getattr__(name: str):
    # `from dateline import Dateline` loads the pipeline (and spaCy) only when asked for:
    # `import dateline.records` stays light.
    if name == "Dateline":
        from dateline.desk import Dateline

        return Dateline
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")
