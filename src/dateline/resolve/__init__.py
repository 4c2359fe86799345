"""Resolve: facts across articles into merged events, figure series and a cited timeline."""

from dateline.resolve.timeline import build_timeline

__all__ = ["build_timeline"]
