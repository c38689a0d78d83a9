"""Highlights: the controller, the editor dialog, the dock and its model."""
