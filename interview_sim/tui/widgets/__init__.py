"""Small reusable widgets: the countdown, the question palette strip, one answer field per part."""
