"""The same graph and options give the CLI's positions bit for bit."""

import json
import subprocess

import numpy as np
import pytest

import colayout
from conftest import DATA


def cli_positions(cli, path, tmp_path, *flags):
    out = tmp_path / "out.json"
    subprocess.run([cli, "layout", str(path), "-o", str(out), *flags], check=True, capture_output=True)
    return np.array(json.loads(out.read_text())["positions"], dtype=float)


@pytest.mark.parametrize("name", ["karate", "can_96", "dwt_419"])
def test_edges_arrays_give_the_clis_bits(cli, tmp_path, name):
    doc = json.loads((DATA / f"{name}.json").read_text())
    edges = np.array(doc["links"], dtype=np.int64)
    pos = colayout.layout(edges, n=doc["nodes"])
    assert np.array_equal(pos, cli_positions(cli, DATA / f"{name}.json", tmp_path))


def test_files_and_options_give_the_clis_bits(cli, tmp_path):
    path = DATA / "smallgrouped.json"
    g = colayout.read_json(path)
    pos = colayout.layout(g, avoid_overlaps=True, link_distance=40, iterations=(10, 15, 20))
    cli = cli_positions(cli, path, tmp_path, "--avoid-overlaps", "--link-distance", "40", "--iterations", "10,15,20")
    assert np.array_equal(pos, cli)


def test_three_d_gives_the_clis_bits(cli, tmp_path):
    g = colayout.read_json(DATA / "karate.json")
    assert np.array_equal(colayout.layout(g, dims=3), cli_positions(cli, DATA / "karate.json", tmp_path, "--dims", "3"))
