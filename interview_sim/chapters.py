"""The book's chapters, in the book's order, with the ids families use."""

CHAPTERS: dict[str, str] = {
    "logistic_regression": "Logistic regression",
    "bayesian": "Probabilistic programming & Bayesian DL",
    "information_theory": "Information theory",
    "calculus": "Calculus & algorithmic differentiation",
    "ensembles": "NN ensembles",
    "feature_extraction": "CNN feature extraction",
    "deep_learning": "Deep learning",
}
