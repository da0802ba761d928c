"""Problem families, one module per family, grouped by the book's chapters.

Every module that defines ``FAMILY`` (an ``interview_sim.family.Family``) is registered
automatically; see ``docs/adding-a-family.md``.
"""
