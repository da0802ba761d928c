"""Chapter: NN ensembles."""
