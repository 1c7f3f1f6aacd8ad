"""Entry point of the PyInstaller bundle (see resources/lossexplorer.spec)."""

import sys

from lossexplorer.app import main

if __name__ == "__main__":
    sys.exit(main())
