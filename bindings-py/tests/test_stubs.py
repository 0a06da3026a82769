"""The .pyi stubs match the extension module (mypy's stubtest), and the package is typed."""

import importlib.resources
import pathlib
import subprocess
import sys

import colayout
import colayout._colayout as native


def test_stubtest_finds_no_difference():
    r = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "colayout._colayout", "--ignore-missing-stub"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_the_stubs_name_every_error_kind():
    stub = pathlib.Path(native.__file__).with_name("_colayout.pyi").read_text()
    for code in colayout.error_codes():
        assert f"class {code}(LayoutError):" in stub


def test_package_is_typed_and_mypy_accepts_a_user_program(tmp_path):
    assert importlib.resources.files("colayout").joinpath("py.typed").is_file()
    program = tmp_path / "user.py"
    program.write_text(
        "import colayout\n"
        "import numpy as np\n"
        "pos: np.ndarray = colayout.layout([[0, 1]], avoid_overlaps=True)\n"
        "lay = colayout.Layout([[0, 1]])\n"
        "ticks: int = lay.start((10, 10, 10))\n"
        "try:\n"
        "    colayout.layout([[0, 9]], n=2)\n"
        "except colayout.LinkOutOfRange as e:\n"
        "    code: str = e.code\n"
    )
    r = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--ignore-missing-imports", str(program)],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr
