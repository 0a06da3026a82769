"""Every bad input raises the LayoutError subclass of its core error kind; a TypeError
only for a value of the wrong Python type."""

import math

import numpy as np
import pytest

import colayout

E = [[0, 1], [1, 2]]


def test_one_class_per_error_kind_under_layout_error():
    codes = colayout.error_codes()
    assert len(codes) == len(set(codes)) > 20
    for code in codes:
        cls = getattr(colayout, code)
        assert issubclass(cls, colayout.LayoutError) and issubclass(cls, ValueError)
        assert cls.code == code and cls.__module__ == "colayout" and cls.__name__ == code
        assert code in colayout.__all__
    assert colayout.LayoutError.code == "LayoutError"


CASES = [
        ("LinkOutOfRange", lambda: colayout.layout([[0, 5]], n=3)),
        ("LinkOutOfRange", lambda: colayout.layout([[0, -1]])),
        ("LinkOutOfRange", lambda: colayout.layout(np.array([[0, -2]], dtype=np.int8), n=4)),
        ("NonFiniteCoordinate", lambda: colayout.layout(E, positions=[[0, 0], [math.nan, 1], [2, 2]])),
        ("NonFiniteCoordinate", lambda: colayout.layout(E, positions={1: (math.inf, 0.0)})),
        ("NonFiniteSize", lambda: colayout.layout(E, sizes=[[1, 1], [1, math.nan], [1, 1]])),
        ("NegativeSize", lambda: colayout.layout(E, sizes=[[1, 1], [1, -3], [1, 1]])),
        ("InvalidLinkLength", lambda: colayout.layout(E, lengths=[10, -1])),
        ("InvalidLinkLength", lambda: colayout.layout(E, lengths=[10, math.nan])),
        ("InvalidLinkWeight", lambda: colayout.layout(E, weights=[1, math.inf])),
        ("InvalidOption", lambda: colayout.layout(E, link_distance=math.nan)),
        ("InvalidOption", lambda: colayout.layout(E, convergence_threshold=-1.0)),
        ("DimensionMismatch", lambda: colayout.layout([[0, 1, 2]])),
        ("DimensionMismatch", lambda: colayout.layout([0, 1, 1, 2])),
        ("DimensionMismatch", lambda: colayout.layout(E, positions=np.zeros((2, 2)))),
        ("DimensionMismatch", lambda: colayout.layout(E, positions=np.zeros((3, 2)), dims=3)),
        ("DimensionMismatch", lambda: colayout.layout(E, sizes=np.zeros(3))),
        ("DimensionMismatch", lambda: colayout.layout(E, lengths=[1, 2, 3])),
        ("DimensionMismatch", lambda: colayout.layout(E, dims=4)),
        ("NodeOutOfRange", lambda: colayout.layout(E, fixed=[7])),
        ("NodeOutOfRange", lambda: colayout.layout(E, positions={3: (0, 0)})),
        ("NodeOutOfRange", lambda: colayout.Layout(E).drag_start(9)),
        ("UnknownNode", lambda: colayout.layout(E, groups=[[0, 8]])),
        ("UnknownNode", lambda: colayout.layout(E, constraints=[{"axis": "x", "left": 0, "right": 9, "gap": 1}])),
        ("UnknownGroup", lambda: colayout.layout(E, groups=[{"leaves": [0], "groups": [4]}])),
        ("GroupCycle", lambda: colayout.layout(E, groups=[{"leaves": [0], "groups": [1]}, {"leaves": [1], "groups": [0]}])),
        ("GroupInTwoGroups", lambda: colayout.layout(E, groups=[{"groups": [2]}, {"groups": [2]}, [0]])),
        ("NodeInTwoGroups", lambda: colayout.layout(E, groups=[[0, 1], [1, 2]])),
        ("EmptyGroup", lambda: colayout.layout(E, groups=[[]])),
        ("InvalidGroupValue", lambda: colayout.layout(E, groups=[{"leaves": [0], "padding": -2}])),
        ("EmptyConstraint", lambda: colayout.layout(E, constraints=[{"type": "alignment", "axis": "x", "offsets": []}])),
        ("NonFiniteConstraint", lambda: colayout.layout(E, constraints=[{"axis": "x", "left": 0, "right": 1, "gap": math.nan}])),
        ("InvalidDistribution", lambda: colayout.layout(E, constraints=[{"type": "distribution", "axis": "x", "alignments": [3], "separation": 5}])),
        ("Parse", lambda: colayout.layout(E, no_such_option=1)),
        ("Parse", lambda: colayout.layout(E, stress="medium")),
        ("Parse", lambda: colayout.layout(E, constraints=[{"type": "circle"}])),
        ("InputTooLarge", lambda: colayout.layout([], n=10**9)),
        ("TooManyNodes", lambda: colayout.layout([], n=2000, memory_limit=1000)),
        ("OutOfRange", lambda: colayout.layout(E, n=-1)),
        ("OutOfRange", lambda: colayout.layout(E, iterations=(1, -1, 1))),
]


@pytest.mark.parametrize("kind, call", CASES)
def test_bad_input_raises_its_kind(kind, call):
    with pytest.raises(getattr(colayout, kind)) as e:
        call()
    assert isinstance(e.value, colayout.LayoutError) and isinstance(e.value, ValueError)
    assert type(e.value).code == kind
    assert str(e.value)


def test_every_kind_a_user_can_cause_is_covered():
    covered = {kind for kind, _ in CASES}
    # Diverged needs a layout that goes non-finite, which no finite input makes.
    assert set(colayout.error_codes()) - covered == {"Diverged"}


@pytest.mark.parametrize(
    "call",
    [
        lambda: colayout.layout([["a", "b"]]),
        lambda: colayout.layout([[0.0, 1.5]]),
        lambda: colayout.layout([[True, False]]),
        lambda: colayout.layout(E, link_distance="long"),
        lambda: colayout.layout(E, avoid_overlaps="yes"),
        lambda: colayout.layout(E, sizes=[["a", "b"]] * 3),
        lambda: colayout.layout(E, n="3"),
        lambda: colayout.layout(E, dims="2"),
        lambda: colayout.layout(E, groups=[object()]),
        lambda: colayout.layout(E, iterations="abc"),
        lambda: colayout.Graph(E, link_distance=3),
        lambda: colayout.layout(colayout.Graph(E), n=3),
    ],
)
def test_wrong_python_types_are_type_errors(call):
    with pytest.raises(TypeError):
        call()


def test_missing_files_are_os_errors_and_bad_files_parse_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        colayout.read_json(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"nodes": [{}], "links": [[0, ')
    with pytest.raises(colayout.Parse):
        colayout.read_json(bad)
    dot = tmp_path / "bad.dot"
    dot.write_text("graph { a -- }")
    with pytest.raises(colayout.Parse):
        colayout.read_dot(dot)
