"""Use cases the UI and the command line share: library, annotations, export. Qt-free."""
