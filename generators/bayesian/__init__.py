"""Chapter: probabilistic programming and Bayesian deep learning (PRB-30 … PRB-66)."""
