"""Benchmarks (``python -m bench``): timings with targets, never assertions."""
