"""The reading view and what works on it: find bar, discrepancies, outline model."""
