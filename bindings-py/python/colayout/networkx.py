"""``networkx_layout``: colayout on a networkx graph, returning ``{node: array([x, y])}``
like ``networkx.spring_layout``."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any, Optional

import numpy as np

from ._colayout import layout


def _indices(
    items: Optional[Sequence[Any]], index: Mapping[Hashable, int], key: str
) -> Optional[list[Any]]:
    """Groups or constraints written with the graph's own node keys, with indices."""
    if items is None:
        return None
    node_keys = {"leaves", "left", "right", "node", "nodes"}

    def convert(value: Any, field: Optional[str]) -> Any:
        if isinstance(value, Mapping):
            return {k: convert(v, k) for k, v in value.items()}
        if field in node_keys:
            if isinstance(value, (list, tuple)):
                return [index[v] for v in value]
            return index[value]
        if isinstance(value, (list, tuple)):
            return [convert(v, field) for v in value]
        return value

    out = []
    for item in items:
        if key == "groups" and not isinstance(item, Mapping):
            out.append([index[v] for v in item])
        else:
            out.append(convert(item, None))
    return out


def networkx_layout(
    G: Any,
    *,
    weight: Optional[str] = None,
    scale: Optional[float] = None,
    center: Optional[Sequence[float]] = None,
    dim: int = 2,
    groups: Optional[Sequence[Any]] = None,
    constraints: Optional[Sequence[Mapping[str, Any]]] = None,
    **options: Any,
) -> dict[Hashable, np.ndarray]:
    """Lays out networkx graph ``G``; returns ``{node: array([x, y])}`` keyed by ``G``'s
    own nodes, as ``networkx.spring_layout`` does.

    Node attributes read when present: ``width`` and ``height`` (a box, in layout
    units; a node with one of them gets 0 for the other), ``pos`` (a start position)
    and ``fixed`` (stay at ``pos``). ``weight`` names the edge attribute holding each
    link's ideal length in layout units (as the distance in networkx's
    ``kamada_kawai_layout``); links without it use ``link_distance``. Directed graphs
    keep their link directions (for ``flow``).

    ``groups`` and ``constraints`` take WebCola's shapes with ``G``'s node keys in
    place of indices: ``groups=[["a", "b"], {"leaves": ["c"], "padding": 5}]``,
    ``constraints=[{"axis": "x", "left": "a", "right": "b", "gap": 40}]``.

    ``scale`` and ``center`` behave as in networkx: with ``scale`` the positions are
    rescaled to fit ``[-scale, scale]`` around ``center`` (networkx's
    ``rescale_layout``), unless a node is fixed; without it they stay in layout units
    (where boxes and gaps are measured), shifted so that their mean is ``center`` when
    that is given. Other keywords are the core's options (``avoid_overlaps=True``, ...).
    """
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in G.edges()], dtype=np.int64).reshape(-1, 2)
    attrs = G.nodes
    sizes = {
        i: (float(attrs[v].get("width", 0.0)), float(attrs[v].get("height", 0.0)))
        for i, v in enumerate(nodes)
        if "width" in attrs[v] or "height" in attrs[v]
    }
    positions = {
        i: tuple(attrs[v]["pos"]) for i, v in enumerate(nodes) if attrs[v].get("pos") is not None
    }
    fixed = [i for i, v in enumerate(nodes) if attrs[v].get("fixed")]
    lengths = None
    if weight is not None:
        default = options.get("link_distance", options.get("linkDistance"))
        if default is None:
            default = _default_link_distance()
        lengths = [float(d.get(weight, default)) for _, _, d in G.edges(data=True)]
    pos = layout(
        edges,
        n=len(nodes),
        sizes=sizes or None,
        positions=positions or None,
        fixed=fixed or None,
        lengths=lengths,
        groups=_indices(groups, index, "groups"),
        constraints=_indices(constraints, index, "constraints"),
        dims=dim,
        **options,
    )
    if scale is not None and not fixed:
        pos = _rescale(pos, scale)
        if center is not None:
            pos = pos + np.asarray(center, dtype=float)
    elif center is not None and len(nodes):
        pos = pos - pos.mean(axis=0) + np.asarray(center, dtype=float)
    return dict(zip(nodes, pos))


def _default_link_distance() -> float:
    from ._colayout import default_options

    return float(default_options()["linkDistance"])


def _rescale(pos: np.ndarray, scale: float) -> np.ndarray:
    """networkx's ``rescale_layout``: centre on the mean, largest coordinate ``scale``."""
    if len(pos) == 0:
        return pos
    pos = pos - pos.mean(axis=0)
    lim = np.abs(pos).max()
    return pos * (scale / lim) if lim > 0 else pos
