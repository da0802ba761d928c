"""Chapter: deep learning, the expanded chapter (perceptrons, MLPs, CNN layers, ...)."""
