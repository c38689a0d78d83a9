"""The main window and the tabs of open documents."""
