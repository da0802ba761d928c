"""The Textual front end: a thin layer over the session engine (which never imports Textual)."""
