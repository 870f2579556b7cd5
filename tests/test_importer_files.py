"""files.read_text: the one capped read of a text file, used by the loader and the importer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from debate_explorer.cli import main
from debate_explorer.files import FileProblem, read_text
from debate_explorer.loading import LoadError, load_file


def test_reads_utf8_and_drops_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffcafé\n".encode())
    assert read_text(path, 100) == "café\n"


@pytest.mark.timeout(20)
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(FileProblem, match="named pipe") as caught:
        read_text(fifo, 100, "topic file")
    assert str(fifo) in str(caught.value)
    with pytest.raises(LoadError, match="named pipe"):
        load_file(fifo)


@pytest.mark.timeout(20)
def test_a_device_a_folder_and_a_symlink_loop_are_refused(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="a device"):
        read_text("/dev/zero", 100)
    with pytest.raises(FileProblem, match="a folder"):
        read_text(tmp_path, 100)
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    with pytest.raises(FileProblem, match="cannot read file") as caught:
        read_text(loop, 100)
    assert str(loop) in str(caught.value)


def test_size_cap_and_encoding_name_the_file_and_line(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 101)
    with pytest.raises(FileProblem, match="the limit is 100") as caught:
        read_text(big, 100)
    assert str(caught.value).startswith(str(big))
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"ok\ncaf\xe9\n")
    with pytest.raises(FileProblem) as caught:
        read_text(latin, 100)
    assert (caught.value.line, caught.value.reason) == (2, "not UTF-8 text (byte 0xe9)")
    assert str(caught.value) == f"{latin}: not UTF-8 text (byte 0xe9 on line 2)"


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_the_importer_refuses_special_files(kind: str, tmp_path: Path, capsys) -> None:
    path: str | Path = "/dev/zero"
    if kind == "fifo":
        path = tmp_path / "article.txt"
        os.mkfifo(path)
    assert main(["new", str(path), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "not a regular file" in err and "Traceback" not in err
