"""Serve: the CLI, exports and pages over the pipeline and store reads."""
