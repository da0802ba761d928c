"""interview-sim: offline mock interviews for deep-learning jobs and exams.

The domain core (model, seeds, answers, generators, engine, store) never imports the UI.
"""

__version__ = "0.1.0"
