"""``python -m lossexplorer``."""

import sys

from lossexplorer.app import main

if __name__ == "__main__":
    sys.exit(main())
