"""Chapter: Calculus & algorithmic differentiation."""
