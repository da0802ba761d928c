"""Chapter: information theory (entropy, KL divergence, decision trees, ...)."""
