"""Alembic migrations shipped inside the package.

`HEAD` names the newest revision so that opening an up-to-date workspace
needs no Alembic import; a test checks it against the script directory.
"""

HEAD = "0002_last_held"
