"""Qt widgets of the desktop app: the reading view, the main window and their parts."""
