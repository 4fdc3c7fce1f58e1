"""Start CIO Desk: `python main.py --help` lists the commands."""

import sys

from cio_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
