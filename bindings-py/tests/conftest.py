"""Shared paths: the repository's bundled graphs and the CLI binary (``COLAYOUT_CLI``)."""

import os
import pathlib
import shutil

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def cli() -> str:
    """The CLI built with the same profile and features as the wheel (CI sets it)."""
    path = os.environ.get("COLAYOUT_CLI") or shutil.which("colayout")
    if not path:
        default = ROOT / "target" / "release" / "colayout"
        path = str(default) if default.exists() else None
    if not path:
        pytest.fail("set COLAYOUT_CLI to the colayout binary (cargo build --release -p colayout-cli)")
    return path
