"""colayout: constraint-based graph layout in the WebCola / libcola family.

numpy in, numpy out::

    import colayout
    pos = colayout.layout([[0, 1], [1, 2], [2, 0]])          # (3, 2) float64
    pos = colayout.networkx_layout(G, avoid_overlaps=True)   # {node: array([x, y])}

Options are the core's, by name (``link_distance``, ``avoid_overlaps``, ``max_ticks``,
``convergence_threshold``, ``seed``, ``stress``, ``flow``, ...), with WebCola's defaults
(``colayout.default_options()`` lists them). Every bad input raises a subclass of
``colayout.LayoutError`` (a ``ValueError``) named after the error kind.
"""

from ._colayout import (
    # One exception class per core error kind (tests check the list is complete).
    LinkOutOfRange,
    NonFiniteCoordinate,
    NonFiniteSize,
    NegativeSize,
    InvalidLinkLength,
    InvalidLinkWeight,
    InvalidOption,
    DimensionMismatch,
    NodeOutOfRange,
    UnknownNode,
    UnknownGroup,
    GroupCycle,
    GroupInTwoGroups,
    NodeInTwoGroups,
    EmptyGroup,
    InvalidGroupValue,
    EmptyConstraint,
    NonFiniteConstraint,
    InvalidDistribution,
    Parse,
    InputTooLarge,
    TooManyNodes,
    OutOfRange,
    Diverged,
    Graph,
    Layout,
    LayoutError,
    __version__,
    convex_hull,
    default_options,
    error_codes,
    layout,
    make_edge_between,
    power_graph,
    read_dot,
    read_json,
    scale_normalised_stress,
)
from .draw import draw
from .networkx import networkx_layout

__all__ = [
    "Graph",
    "Layout",
    "LayoutError",
    "__version__",
    "convex_hull",
    "default_options",
    "draw",
    "error_codes",
    "layout",
    "make_edge_between",
    "networkx_layout",
    "power_graph",
    "read_dot",
    "read_json",
    "scale_normalised_stress",
    "LinkOutOfRange",
    "NonFiniteCoordinate",
    "NonFiniteSize",
    "NegativeSize",
    "InvalidLinkLength",
    "InvalidLinkWeight",
    "InvalidOption",
    "DimensionMismatch",
    "NodeOutOfRange",
    "UnknownNode",
    "UnknownGroup",
    "GroupCycle",
    "GroupInTwoGroups",
    "NodeInTwoGroups",
    "EmptyGroup",
    "InvalidGroupValue",
    "EmptyConstraint",
    "NonFiniteConstraint",
    "InvalidDistribution",
    "Parse",
    "InputTooLarge",
    "TooManyNodes",
    "OutOfRange",
    "Diverged",
]
