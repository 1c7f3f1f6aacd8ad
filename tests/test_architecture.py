"""The architecture, enforced: the import contracts in pyproject.toml hold (import-linter).

- the math (``losses``) and the model's parts import no Qt and no pyqtgraph;
- the model imports no views;
- panels do not import each other (only their shared ``panels.base``);
- no import cycles between the package's modules.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_import_contracts_hold():
    r = subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command as c; c()"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Contracts: " in r.stdout, r.stdout + r.stderr
    assert r.returncode == 0, r.stdout[r.stdout.find("Contracts") :] + r.stderr
    assert "4 kept, 0 broken" in r.stdout
