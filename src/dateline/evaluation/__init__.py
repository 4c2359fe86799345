"""Evaluation: scripts that score the extractors against the shared eval data, read in place."""
