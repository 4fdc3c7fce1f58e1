"""The screens listed in the main window's sidebar, one module each."""
