"""Qt widgets of the desktop app: the reading view, the main window and their parts."""

from reader.ui import pyside_imports

pyside_imports.install()  # before the app's own modules are imported (see there)
