"""The library of stored calls: its table, import, search and their controller."""
