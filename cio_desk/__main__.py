import sys

from cio_desk.cli import main

sys.exit(main())
