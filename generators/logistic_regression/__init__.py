"""Chapter: logistic regression (book PRB-4 … PRB-29)."""
