"""Hostile ``.lossx`` files: every one is refused with a message (a ScenarioError)
and changes nothing; the harmless oddities real editors produce are accepted."""

import errno
import json
import os
import threading

import pytest

from lossexplorer import scenarios
from lossexplorer.model import ExplorerModel


def text_with(**state):
    return json.dumps({"format": scenarios.FORMAT, "version": 1, "state": state})


def raw(**fields):
    return json.dumps({"format": scenarios.FORMAT, "version": 1, **fields})


HUGE_TEXTS = {
    "10^400 z": text_with(z=10**400),
    "2^1024 temperature": text_with(temperature=2**1024),
    "10^400 in the logits": text_with(logits=[10**400, 0, 0]),
    "2^1024 in the probabilities": text_with(probabilities=[2**1024, 0, 0]),
    "5,000 digits": text_with(y=0).replace('"y": 0', '"y": ' + "7" * 5000),
    "5,000 digits in a list": text_with(logits=[0, 0, 0]).replace("[0,", "[" + "9" * 5000 + ","),
}


@pytest.mark.parametrize("text", HUGE_TEXTS.values(), ids=HUGE_TEXTS.keys())
def test_numbers_too_large_for_a_float_are_refused(qapp, text):
    m = ExplorerModel()
    before = m.state()
    with pytest.raises(scenarios.ScenarioError, match="too large"):
        scenarios.apply(m, scenarios.loads(text))
    assert m.state() == before


@pytest.mark.parametrize("version", [0, -1, -(2**63)])
def test_format_versions_below_1_are_refused(qapp, version):
    text = json.dumps({"format": scenarios.FORMAT, "version": version, "state": {"z": 1.0}})
    with pytest.raises(scenarios.ScenarioError, match="version"):
        scenarios.loads(text)


def test_a_byte_order_mark_is_accepted(qapp, tmp_path):
    path = tmp_path / "notepad.lossx"
    path.write_bytes(b"\xef\xbb\xbf" + text_with(z=2.5, y=0.25).encode())
    m = ExplorerModel()
    scenarios.apply(m, scenarios.load(path))
    assert (m.z, m.y) == (2.5, 0.25)


def test_a_lone_surrogate_in_a_class_name_is_refused(qapp):
    text = text_with(classes=["cat", "\ud800dog", "bird"])
    assert "\\ud800" in text  # legal JSON
    m = ExplorerModel()
    with pytest.raises(scenarios.ScenarioError, match="plain text"):
        scenarios.apply(m, scenarios.loads(text))
    assert m.classes == ("cat", "dog", "bird")


def test_an_unknown_key_is_quoted_short(qapp):
    with pytest.raises(scenarios.ScenarioError) as info:
        scenarios.loads(text_with(**{"<b>" + "x" * 5000: 1}))
    assert len(str(info.value)) < 120
    assert "'<b>x" in str(info.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_is_refused_at_once(qapp, tmp_path):
    fifo = tmp_path / "lesson.lossx"
    os.mkfifo(fifo)
    result = {}

    def load():
        try:
            scenarios.load(fifo)
        except scenarios.ScenarioError as e:
            result["error"] = str(e)

    reader = threading.Thread(target=load, daemon=True)
    reader.start()
    reader.join(10)
    if reader.is_alive():  # free the blocked reader before failing
        with open(fifo, "w"):
            pass
        reader.join(5)
        pytest.fail("opening a named pipe froze the loader")
    assert "pipe" in result["error"]


def test_a_folder_is_refused(qapp, tmp_path):
    folder = tmp_path / "lesson.lossx"
    folder.mkdir()
    with pytest.raises(scenarios.ScenarioError, match="folder"):
        scenarios.load(folder)


def test_a_failed_save_keeps_the_old_file_and_leaves_nothing_beside_it(qapp, tmp_path, monkeypatch):
    path = tmp_path / "lesson.lossx"
    scenarios.save(path, ExplorerModel().state())
    old = path.read_bytes()
    m = ExplorerModel()
    m.set_z(3.0)

    def full_disk(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full_disk)
    with pytest.raises(OSError, match="No space left"):
        scenarios.save(path, m.state())
    monkeypatch.undo()
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lesson.lossx"]
