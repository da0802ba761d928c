"""Transcripts on disk: atomic writes, a versioned schema, one writer per session."""
