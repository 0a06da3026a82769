"""``draw``: a matplotlib picture of a layout, for notebooks (``pip install colayout[draw]``)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any, Optional, Union

import numpy as np


def draw(
    G_or_edges: Any,
    pos: Union[np.ndarray, Mapping[Hashable, Any]],
    ax: Any = None,
    *,
    sizes: Any = None,
    group_bounds: Any = None,
    labels: Union[bool, Mapping[Hashable, str], None] = None,
    node_color: str = "#4c78a8",
    edge_color: str = "#999999",
    group_color: str = "#f58518",
    **kw: Any,
) -> Any:
    """Draws links as lines, nodes as boxes (when sized) or dots, and group boxes.

    ``G_or_edges`` is a networkx graph (``pos`` then maps its nodes to positions, as
    ``networkx_layout`` returns, and node ``width``/``height`` attributes give boxes)
    or an ``(m, 2)`` array-like of node indices (``pos`` an ``(n, 2)`` array).
    ``sizes`` is an ``(n, 2)`` array of box sizes, ``group_bounds`` a ``(g, 4)`` array
    of ``(x_min, y_min, x_max, y_max)`` (``Layout.group_bounds()``). ``labels=True``
    writes node names. Other keywords go to the node dots' ``scatter``. Returns the
    axes; the y axis points down, as in WebCola's SVG.
    """
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection, PatchCollection
    from matplotlib.patches import Rectangle

    if ax is None:
        _, ax = plt.subplots()
    if hasattr(G_or_edges, "nodes") and hasattr(G_or_edges, "edges"):
        nodes = list(G_or_edges)
        index = {v: i for i, v in enumerate(nodes)}
        xy = np.array([pos[v] for v in nodes], dtype=float).reshape(-1, 2)
        edges = np.array(
            [(index[u], index[v]) for u, v in G_or_edges.edges()], dtype=np.int64
        ).reshape(-1, 2)
        if sizes is None:
            attrs = G_or_edges.nodes
            if any("width" in attrs[v] or "height" in attrs[v] for v in nodes):
                sizes = [
                    (attrs[v].get("width", 0.0), attrs[v].get("height", 0.0)) for v in nodes
                ]
        keys: list[Any] = nodes
    else:
        xy = np.asarray(pos, dtype=float).reshape(-1, 2)
        edges = np.asarray(G_or_edges, dtype=np.int64).reshape(-1, 2)
        keys = list(range(len(xy)))
    names = [str(labels.get(v, "")) if isinstance(labels, Mapping) else str(v) for v in keys]
    if len(edges):
        ax.add_collection(LineCollection(xy[edges], colors=edge_color, linewidths=1, zorder=1))
    if group_bounds is not None and len(group_bounds):
        g = np.asarray(group_bounds, dtype=float).reshape(-1, 4)
        ax.add_collection(
            PatchCollection(
                [Rectangle((x0, y0), x1 - x0, y1 - y0) for x0, y0, x1, y1 in g],
                facecolor=group_color,
                alpha=0.15,
                edgecolor=group_color,
                zorder=0,
            )
        )
    if sizes is not None:
        wh = np.asarray(sizes, dtype=float).reshape(-1, 2)
        ax.add_collection(
            PatchCollection(
                [Rectangle((x - w / 2, y - h / 2), w, h) for (x, y), (w, h) in zip(xy, wh)],
                facecolor=node_color,
                edgecolor="white",
                zorder=2,
            )
        )
    else:
        ax.scatter(xy[:, 0], xy[:, 1], s=kw.pop("s", 20), c=node_color, zorder=2, **kw)
    if labels:
        for (x, y), name in zip(xy, names):
            ax.annotate(name, (x, y), ha="center", va="center", fontsize=8, zorder=3)
    ax.autoscale_view()
    ax.set_aspect("equal")
    if not ax.yaxis_inverted():
        ax.invert_yaxis()
    ax.set_axis_off()
    return ax
