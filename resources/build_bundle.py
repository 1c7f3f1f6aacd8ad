"""Build the stand-alone lossexplorer bundle with PyInstaller, check it and measure it.

    python resources/build_bundle.py              # onedir: dist/lossexplorer/ + a .tar.gz
    python resources/build_bundle.py --onefile    # one file: dist/lossexplorer-<version>-<platform>

Run it from the project's environment (``pip install -e ".[test]"`` plus ``pyinstaller``).
It runs PyInstaller on ``resources/lossexplorer.spec`` (work files in ``build/``, results in
``dist/``), runs ``--version`` and ``--self-test`` inside the result, and writes the sizes
to ``dist/bundle-sizes.txt``.  Exit status 0 means built and checked.

The spec imports the helpers below (ELF dependency walking, stripping, ICU data slimming).
"""

from __future__ import annotations

import argparse
import contextlib
import fnmatch
import os
import platform
import shutil
import struct
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "resources" / "lossexplorer.spec"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
SIZES = DIST / "bundle-sizes.txt"
MB = 1_000_000  # sizes are reported in MB (10**6 bytes)

# --- naming ---------------------------------------------------------------------------


def platform_tag() -> str:
    """``linux-x86_64``, ``windows-x86_64``, ``macos-arm64`` …"""
    systems = {"linux": "linux", "darwin": "macos", "win32": "windows"}
    system = systems.get(sys.platform, sys.platform)
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    return f"{system}-{machine}"


@contextlib.contextmanager
def installed_metadata_first():
    """Hide the source tree from ``sys.path`` for a moment.

    A source checkout may hold a ``lossexplorer.egg-info`` (left by an editable install)
    that importlib.metadata would find before the installed ``.dist-info``.
    """
    saved = sys.path[:]
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT]
    try:
        yield
    finally:
        sys.path[:] = saved


def project_version() -> str:
    """The version in the installed package metadata (what the bundle reports)."""
    from importlib.metadata import version

    with installed_metadata_first():
        return version("lossexplorer")


def onedir_path() -> Path:
    return DIST / "lossexplorer"


def executable(bundle: Path) -> Path:
    """The program inside an onedir bundle (or the onefile program itself)."""
    if bundle.is_file():
        return bundle
    return bundle / ("lossexplorer.exe" if sys.platform == "win32" else "lossexplorer")


def onefile_path(version: str) -> Path:
    suffix = ".exe" if sys.platform == "win32" else ""
    return DIST / f"lossexplorer-{version}-{platform_tag()}{suffix}"


def tarball_path(version: str) -> Path:
    return DIST / f"lossexplorer-{version}-{platform_tag()}.tar.gz"


# --- ELF helpers (used by the spec) -----------------------------------------------------


def is_elf(path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


class _Elf:
    """Just enough of an ELF reader: section headers, DT_NEEDED, dynamic symbols."""

    def __init__(self, data: bytes):
        if data[:4] != b"\x7fELF":
            raise ValueError("not an ELF file")
        self.data = data
        self.is64 = data[4] == 2
        self.end = "<" if data[5] == 1 else ">"
        if self.is64:
            (shoff,) = struct.unpack_from(self.end + "Q", data, 0x28)
            shentsize, shnum = struct.unpack_from(self.end + "HH", data, 0x3A)
            fmt = "IIQQQQIIQQ"
        else:
            (shoff,) = struct.unpack_from(self.end + "I", data, 0x20)
            shentsize, shnum = struct.unpack_from(self.end + "HH", data, 0x2E)
            fmt = "IIIIIIIIII"
        # (type, addr, offset, size, link, entsize)
        self.sections = []
        for i in range(shnum):
            _, stype, _, addr, off, size, link, _, _, ent = struct.unpack_from(
                self.end + fmt, data, shoff + i * shentsize
            )
            self.sections.append((stype, addr, off, size, link, ent))

    def _string(self, strtab_index: int, offset: int) -> str:
        base = self.sections[strtab_index][2] + offset
        return self.data[base : self.data.index(b"\0", base)].decode()

    def needed(self) -> list[str]:
        fmt = self.end + ("qQ" if self.is64 else "iI")
        size = struct.calcsize(fmt)
        names = []
        for stype, _, off, ssize, link, _ in self.sections:
            if stype != 6:  # SHT_DYNAMIC
                continue
            for j in range(ssize // size):
                tag, val = struct.unpack_from(fmt, self.data, off + j * size)
                if tag == 0:
                    break
                if tag == 1:  # DT_NEEDED
                    names.append(self._string(link, val))
        return names

    def symbol(self, pattern: str):
        """(name, file offset, size) of the first dynamic symbol matching ``pattern``."""
        fmt, size = ("IBBHQQ", 24) if self.is64 else ("IIIBBH", 16)
        for stype, _, off, ssize, link, _ in self.sections:
            if stype != 11:  # SHT_DYNSYM
                continue
            for j in range(1, ssize // size):
                fields = struct.unpack_from(self.end + fmt, self.data, off + j * size)
                if self.is64:
                    name_off, _, _, shndx, value, sym_size = fields
                else:
                    name_off, value, sym_size, _, _, shndx = fields
                name = self._string(link, name_off)
                if shndx and fnmatch.fnmatch(name, pattern):
                    _, addr, sec_off, _, _, _ = self.sections[shndx]
                    return name, sec_off + value - addr, sym_size
        return None


def elf_needed(path) -> list[str]:
    """The shared libraries a binary names in DT_NEEDED ([] for a non-ELF file)."""
    if not is_elf(path):
        return []
    return _Elf(Path(path).read_bytes()).needed()


def prune_libraries(binaries, is_root):
    """Keep the roots and every shared library they (transitively) need, by DT_NEEDED name.

    ``binaries`` is PyInstaller's (dest, src, typecode) list.  Libraries that only the
    left-out plugins and modules needed (GTK's cairo and pango, OpenSSL …) go.
    """
    roots, libs = [], {}
    for entry in binaries:
        if is_root(entry):
            roots.append(entry)
        else:
            libs.setdefault(Path(entry[0]).name, []).append(entry)
    needed, todo = set(), [src for _, src, _ in roots]
    while todo:
        for name in elf_needed(todo.pop()):
            if name in libs and name not in needed:
                needed.add(name)
                todo.extend(src for _, src, _ in libs[name])
    keep = {id(e) for e in roots} | {id(e) for n in needed for e in libs[n]}
    return [e for e in binaries if id(e) in keep]


def check_closure(binaries, dropped):
    """Raise SystemExit if a kept binary needs a library that was left out."""
    have = {Path(dest).name for dest, _, _ in binaries}
    gone = {Path(dest).name for dest, _, _ in dropped} - have
    for dest, src, _ in binaries:
        missing = gone.intersection(elf_needed(src))
        if missing:
            raise SystemExit(f"lossexplorer.spec: {dest} needs {sorted(missing)}: left out")


def report_unbundled(binaries):
    """Warn about libraries the kept binaries need that PyInstaller would ship but did not
    find on this machine (e.g. libxcb-icccm4 for the xcb platform): the bundle then
    relies on the user's system for them."""
    from PyInstaller.depend import dylib

    have = {Path(dest).name for dest, _, _ in binaries}
    missing = {}
    for dest, src, _ in binaries:
        for name in elf_needed(src):
            if name not in have and not name.startswith("ld-") and dylib.include_library(name):
                missing.setdefault(name, []).append(Path(dest).name)
    for name, users in sorted(missing.items()):
        print(
            f"build_bundle: WARNING: {name} (needed by {', '.join(sorted(set(users))[:3])}) is "
            "not installed here, so the bundle lacks it",
            file=sys.stderr,
        )
    return sorted(missing)


def strip_binaries(binaries, out_dir: Path):
    """Strip symbols from copies of the ELF binaries (under ``out_dir``).

    Never strips in a wheel's vendored ``*.libs`` folder: strip breaks the OpenBLAS that
    NumPy bundles in numpy.libs (which is why PyInstaller's own strip=True must stay off).
    """
    strip = shutil.which("strip")
    if strip is None:
        print("build_bundle: no 'strip' found; binaries keep their symbols", file=sys.stderr)
        return binaries
    result = []
    for dest, src, typecode in binaries:
        vendored = any(part.endswith(".libs") for part in Path(dest).parts[:-1])
        if vendored or not is_elf(src):
            result.append((dest, src, typecode))
            continue
        target = out_dir / dest
        if not target.exists() or target.stat().st_mtime < Path(src).stat().st_mtime:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)
            done = subprocess.run(
                [strip, "--strip-unneeded", str(target)], capture_output=True, check=False
            )
            if done.returncode != 0:  # keep the original rather than a half-stripped copy
                shutil.copy2(src, target)
        result.append((dest, str(target), typecode))
    return result


# --- ICU data ---------------------------------------------------------------------------


def _icu_items(blob: bytes):
    """The (name, bytes) items of an ICU common data package ("CmnD", offset TOC)."""
    (header_size,) = struct.unpack_from("<H", blob, 0)
    if blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD" or blob[8] != 0:
        raise ValueError("not a little-endian ICU common data package")
    toc = blob[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    ends = [data for _, data in entries[1:]] + [len(toc)]
    for (name_off, data_off), end in zip(entries, ends, strict=True):
        name = toc[name_off : toc.index(b"\0", name_off)].decode("ascii")
        yield name, toc[data_off:end]


def _icu_package(header: bytes, items) -> bytes:
    """An ICU common data package with ``items`` (sorted by name, 16-byte aligned)."""
    items = sorted(items)
    names_at = 4 + 8 * len(items)
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    body = bytearray(names_at) + names
    body += b"\0" * (-len(body) % 16)
    toc, name_pos = [], names_at
    for name, data in items:
        toc.append((name_pos, len(body)))
        name_pos += len(name) + 1
        body += data + b"\0" * (-len(data) % 16)
    struct.pack_into("<I", body, 0, len(items))
    for i, entry in enumerate(toc):
        struct.pack_into("<II", body, 4 + 8 * i, *entry)
    return header + bytes(body)


def slim_icu_data(library: Path, keep: list[str], out_dir: Path) -> Path | None:
    """A libicudata replacement that carries only the data items matching ``keep``.

    libQt6Core links ICU, so the three libraries must ship, but Qt reads ICU data only
    for QCollator (sorting, e.g. in file dialogs), non-UTF text codecs and time-zone
    display names.  Of the 30 MB of data, the collation rules for the root locale,
    English and Chinese (~1.6 MB) are what this app can use.  Returns the new library,
    or None (keep the original) when there is no C compiler or the data is not understood.
    """
    cc = shutil.which(os.environ.get("CC", "cc")) or shutil.which("gcc")
    if cc is None or sys.platform != "linux":
        print("build_bundle: no C compiler: the full ICU data stays (+29 MB)", file=sys.stderr)
        return None
    data = library.read_bytes()
    found = _Elf(data).symbol("icudt*_dat")
    if found is None:
        return None
    symbol, offset, size = found
    blob = data[offset : offset + size]
    try:
        items = list(_icu_items(blob))
    except (ValueError, struct.error) as exc:
        print(f"build_bundle: ICU data not understood ({exc}); it stays whole", file=sys.stderr)
        return None
    kept = [(n, d) for n, d in items if any(fnmatch.fnmatch(n.split("/", 1)[-1], p) for p in keep)]
    (header_size,) = struct.unpack_from("<H", blob, 0)
    package = _icu_package(blob[:header_size], kept)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "icudata.dat").write_bytes(package)
    asm = out_dir / "icudata.s"
    asm.write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n"
        f'{symbol}:\n\t.incbin "{(out_dir / "icudata.dat").as_posix()}"\n'
        f"\t.size {symbol}, .-{symbol}\n"
        '\t.section .note.GNU-stack,"",@progbits\n'
    )
    target = out_dir / library.name
    done = subprocess.run(
        [cc, "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(target), str(asm)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or _Elf(target.read_bytes()).symbol(symbol) is None:
        print(f"build_bundle: could not build the slim ICU data:\n{done.stderr}", file=sys.stderr)
        return None
    print(
        f"build_bundle: ICU data {len(blob) / MB:.1f} MB -> {len(package) / MB:.1f} MB "
        f"({len(kept)} of {len(items)} items)"
    )
    return target


# --- measuring --------------------------------------------------------------------------


def disk_usage(path: Path) -> int:
    """Bytes on disk, like ``du -s --block-size=1`` (symlinks not followed, hard links once)."""
    seen, total = set(), 0
    for entry in [path, *path.rglob("*")] if path.is_dir() else [path]:
        st = entry.lstat()
        if (st.st_dev, st.st_ino) in seen:
            continue
        seen.add((st.st_dev, st.st_ino))
        total += getattr(st, "st_blocks", 0) * 512 or st.st_size
    return total


def make_tarball(bundle: Path, target: Path, top: str) -> Path:
    """``target`` (.tar.gz) holding ``bundle`` as ``top/`` (symlinks kept as links)."""
    target.unlink(missing_ok=True)
    with tarfile.open(target, "w:gz", compresslevel=9) as tar:
        tar.add(bundle, arcname=top)
    return target


def check_bundle(program: Path, version: str) -> list[str]:
    """Run ``--version`` and ``--self-test`` inside the bundle; the problems found."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    problems = []
    out = subprocess.run(
        [str(program), "--version"], capture_output=True, text=True, timeout=120, env=env
    )
    if out.returncode != 0 or f"lossexplorer {version}" not in out.stdout:
        problems.append(f"--version: exit {out.returncode}: {out.stdout}{out.stderr}")
    out = subprocess.run(
        [str(program), "--self-test"], capture_output=True, text=True, timeout=300, env=env
    )
    if out.returncode != 0:
        problems.append(f"--self-test: exit {out.returncode}: {out.stdout}{out.stderr}")
    return problems


# --- the command ------------------------------------------------------------------------


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--onefile", action="store_true", help="build one self-extracting file")
    parser.add_argument("--no-strip", action="store_true", help="keep the binaries' symbols")
    parser.add_argument("--full-icu", action="store_true", help="ship all of ICU's data")
    parser.add_argument("--no-check", action="store_true", help="skip --self-test in the bundle")
    args = parser.parse_args(argv)

    version = project_version()
    chosen = {"--onefile": args.onefile, "--no-strip": args.no_strip, "--full-icu": args.full_icu}
    spec_args = [flag for flag, on in chosen.items() if on]
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(BUILD), str(SPEC),
    ]  # fmt: skip
    if spec_args:
        command += ["--", *spec_args]
    print("build_bundle:", " ".join(command), flush=True)
    if subprocess.run(command, cwd=ROOT, check=False).returncode != 0:
        print("build_bundle: PyInstaller failed", file=sys.stderr)
        return 1

    lines = [f"lossexplorer {version} {platform_tag()}"]
    if args.onefile:
        bundle = onefile_path(version)
        lines.append(f"onefile {bundle.relative_to(ROOT)}: {bundle.stat().st_size / MB:.1f} MB")
    else:
        bundle = onedir_path()
        tarball = make_tarball(bundle, tarball_path(version), f"lossexplorer-{version}")
        files = sum(1 for p in bundle.rglob("*") if not p.is_dir())
        lines.append(
            f"onedir {bundle.relative_to(ROOT)}/: {disk_usage(bundle) / MB:.1f} MB on disk, "
            f"{files} files"
        )
        lines.append(f"tarball {tarball.relative_to(ROOT)}: {tarball.stat().st_size / MB:.1f} MB")
    DIST.mkdir(exist_ok=True)
    # one line per kind of result, so the onedir and onefile builds of a version share it
    known = SIZES.read_text().splitlines() if SIZES.exists() else []
    known = known[1:] if known[:1] == lines[:1] else []
    by_kind = {ln.split()[0]: ln for ln in known if ln.strip()}
    by_kind.update({ln.split()[0]: ln for ln in lines[1:]})
    SIZES.write_text("\n".join([lines[0], *by_kind.values()]) + "\n")
    print("\n".join(lines))

    if args.no_check:
        return 0
    problems = check_bundle(executable(bundle), version)
    for problem in problems:
        print("build_bundle: FAILED", problem, file=sys.stderr)
    if not problems:
        print("build_bundle: --version and --self-test pass inside the bundle")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
