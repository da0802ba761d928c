"""Spaced review: one FSRS card per family (and per concept item), rated from verdicts.

``cards`` says which cards exist, ``ratings`` turns a reviewed question into an FSRS rating,
``state`` keeps the scheduler state on disk (a cache rebuilt from the transcripts), ``due`` picks
the cards of a review session and ``plan`` projects recall to an interview date. The scheduler is
the ``fsrs`` package (the algorithm Anki ships); nothing here re-derives its update rules.
"""
