"""Chapter: CNN feature extraction (VGG, ResNet feature vectors, new heads)."""
