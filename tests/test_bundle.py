"""The stand-alone PyInstaller bundle (issue 6).

Builds the onedir bundle with the documented command (``python resources/build_bundle.py``,
about a minute on two cores), then checks the size budget and runs the bundled program
with a bare environment.  Skipped when PyInstaller is not installed.
"""

import os
import platform
import subprocess
import sys
import tarfile
from importlib.metadata import version
from pathlib import Path

import pytest

pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install pyinstaller)")

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the size budget is for the Linux bundle"
)

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUNDLE = DIST / "lossexplorer"
PROGRAM = BUNDLE / "lossexplorer"
SIZES = DIST / "bundle-sizes.txt"
MB = 1_000_000
ONEDIR_BUDGET_MB = 150  # on disk, like du
TARBALL_BUDGET_MB = 60
VERSION = version("lossexplorer")
MACHINE = {"aarch64": "arm64"}.get(platform.machine(), platform.machine())
TARBALL = DIST / f"lossexplorer-{VERSION}-linux-{MACHINE}.tar.gz"


@pytest.fixture(scope="module")
def build():
    """Run the documented build command once for this module."""
    r = subprocess.run(
        [sys.executable, "resources/build_bundle.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=20 * 60,
    )
    assert r.returncode == 0, f"the build failed:\n{r.stdout[-5000:]}\n{r.stderr[-5000:]}"
    return r


def bare_env(**extra):
    """No Python, no venv: only the system's PATH, a home, a locale and offscreen Qt."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.update(extra)
    return env


def run_bundle(*args, timeout=120):
    return subprocess.run(
        [str(PROGRAM), *args],
        capture_output=True,
        text=True,
        env=bare_env(),
        cwd="/",
        timeout=timeout,
    )


def disk_usage(path: Path) -> int:
    """Bytes on disk, like ``du -s -B1``: symlinks not followed, hard links counted once."""
    seen, total = set(), 0
    for p in [path, *path.rglob("*")]:
        st = p.lstat()
        if (st.st_dev, st.st_ino) not in seen:
            seen.add((st.st_dev, st.st_ino))
            total += st.st_blocks * 512
    return total


def test_size_budget(build):
    onedir = disk_usage(BUNDLE) / MB
    tarball = TARBALL.stat().st_size / MB
    measured = (
        f"onedir {onedir:.1f} MB on disk (budget {ONEDIR_BUDGET_MB}), "
        f"{TARBALL.name} {tarball:.1f} MB (budget {TARBALL_BUDGET_MB})"
    )
    lines = [ln for ln in SIZES.read_text().splitlines() if not ln.startswith("test_bundle:")]
    SIZES.write_text("\n".join([*lines, f"test_bundle: {measured}"]) + "\n")
    report = f"{measured}\n{SIZES.name}:\n{SIZES.read_text()}\n{build.stderr[-2000:]}"
    assert onedir <= ONEDIR_BUDGET_MB, report
    assert tarball <= TARBALL_BUDGET_MB, report


def test_self_test_runs_inside_the_bundle(build):
    r = run_bundle("--self-test")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "self-test passed" in r.stdout


def test_version_comes_from_the_bundled_metadata(build):
    r = run_bundle("--version")
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.strip() == f"lossexplorer {VERSION}"


def test_chinese_screenshot_from_the_bundle(build, tmp_path):
    out = tmp_path / "zh.png"
    r = run_bundle("--lang", "zh_CN", "--screenshot", str(out))
    assert r.returncode == 0, r.stdout + r.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_bundle_carries_what_it_needs_and_no_more(build):
    internal = BUNDLE / "_internal"
    qt = internal / "PySide6" / "Qt"
    names = {p.name for p in internal.rglob("*")}
    translations = {p.name for p in (qt / "translations").iterdir()}
    assert translations == {"qtbase_en.qm", "qtbase_zh_CN.qm"}
    platforms = {p.name for p in (qt / "plugins" / "platforms").iterdir()}
    assert platforms == {"libqxcb.so", "libqoffscreen.so"}
    assert (internal / "lossexplorer" / "icons" / "lossexplorer.svg").is_file()
    assert (internal / f"lossexplorer-{VERSION}.dist-info" / "METADATA").is_file()
    unwanted = ("Qt6Network", "Qt6Qml", "Qt6Quick", "Qt6Pdf", "VirtualKeyboard", "Wayland",
                "EglFS", "libssl", "libcrypto", "tkinter", "libgtk", "libcairo")  # fmt: skip
    assert not sorted(n for n in names if any(u in n for u in unwanted))
    assert any(n.startswith("libscipy_openblas") for n in names)  # NumPy's BLAS stays


def test_tarball_holds_the_versioned_bundle(build):
    with tarfile.open(TARBALL) as tar:
        members = tar.getnames()
    top = f"lossexplorer-{VERSION}"
    assert f"{top}/lossexplorer" in members
    assert all(m == top or m.startswith(top + "/") for m in members)
