"""Dialogs, one module each; each offers a classmethod returning `(value, accepted)`."""
