"""colayout.networkx_layout on networkx graphs: keys, attributes, scale and center."""

import networkx as nx
import numpy as np
import pytest

import colayout


def boxes_overlap(pos, G):
    nodes = list(G)
    for i, u in enumerate(nodes):
        for v in nodes[i + 1 :]:
            du, dv = G.nodes[u], G.nodes[v]
            dx = abs(pos[u][0] - pos[v][0]) - (du["width"] + dv["width"]) / 2
            dy = abs(pos[u][1] - pos[v][1]) - (du["height"] + dv["height"]) / 2
            if dx < -1e-3 and dy < -1e-3:
                return (u, v)
    return None


def test_string_keys_come_back_as_the_graphs_own():
    G = nx.karate_club_graph()
    G = nx.relabel_nodes(G, {v: f"member {v}" for v in G})
    pos = colayout.networkx_layout(G)
    assert set(pos) == set(G) and all(p.shape == (2,) for p in pos.values())


def test_tuple_keys_of_a_grid():
    G = nx.grid_2d_graph(5, 4)
    pos = colayout.networkx_layout(G, link_distance=10)
    assert set(pos) == set(G)
    d = np.linalg.norm(pos[(0, 0)] - pos[(0, 1)])
    assert abs(d - 10) < 3


def test_disconnected_graphs_are_packed_apart():
    G = nx.disjoint_union(nx.cycle_graph(6), nx.path_graph(5))
    G.add_node("lonely")
    pos = colayout.networkx_layout(G)
    assert len(pos) == 12 and all(np.isfinite(p).all() for p in pos.values())
    assert len({tuple(p) for p in pos.values()}) == 12


def test_sizes_and_avoid_overlaps_end_with_no_overlapping_boxes():
    G = nx.les_miserables_graph()
    for i, v in enumerate(G):
        G.nodes[v]["width"] = 20 + 3 * (i % 5)
        G.nodes[v]["height"] = 12 + 2 * (i % 3)
    pos = colayout.networkx_layout(G, avoid_overlaps=True, link_distance=40)
    assert boxes_overlap(pos, G) is None


def test_without_avoid_overlaps_the_same_boxes_do_overlap():
    G = nx.les_miserables_graph()
    nx.set_node_attributes(G, 20, "width")
    nx.set_node_attributes(G, 12, "height")
    assert boxes_overlap(colayout.networkx_layout(G), G) is not None


def test_pos_and_fixed_attributes():
    G = nx.path_graph(4)
    G.nodes[0].update(pos=(0.0, 0.0), fixed=True)
    G.nodes[3].update(pos=(300.0, 0.0), fixed=True)
    pos = colayout.networkx_layout(G)
    assert np.abs(pos[0]).max() < 20 and np.abs(pos[3] - [300, 0]).max() < 20
    assert pos[0][0] < pos[1][0] < pos[2][0] < pos[3][0]


def test_scale_and_center_as_in_networkx():
    G = nx.cycle_graph(10)
    pos = np.array(list(colayout.networkx_layout(G, scale=2.0, center=(5, 5)).values()))
    assert np.isclose(np.abs(pos - 5).max(), 2.0)
    assert np.allclose(pos.mean(axis=0), 5)
    raw = np.array(list(colayout.networkx_layout(G, center=(1, 1)).values()))
    assert np.allclose(raw.mean(axis=0), 1) and np.abs(raw - 1).max() > 10


def test_weight_is_each_links_length():
    G = nx.Graph()
    G.add_edge("a", "b", length=30)
    G.add_edge("b", "c", length=120)
    pos = colayout.networkx_layout(G, weight="length")
    assert abs(np.linalg.norm(pos["a"] - pos["b"]) / 30 - 1) < 0.05
    assert abs(np.linalg.norm(pos["b"] - pos["c"]) / 120 - 1) < 0.05


def test_groups_and_constraints_with_node_keys():
    G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    nx.set_node_attributes(G, 10, "width")
    nx.set_node_attributes(G, 10, "height")
    pos = colayout.networkx_layout(
        G,
        groups=[["a", "b"], {"leaves": ["c", "d"], "padding": 4}],
        constraints=[
            {"axis": "y", "left": "a", "right": "d", "gap": 80},
            {"type": "alignment", "axis": "x", "offsets": [{"node": "b"}, {"node": "c"}]},
        ],
        avoid_overlaps=True,
    )
    assert pos["d"][1] - pos["a"][1] >= 80 - 1e-3
    assert abs(pos["b"][0] - pos["c"][0]) < 1e-3


def test_directed_graphs_flow():
    G = nx.DiGraph([(0, 1), (1, 2), (0, 3)])
    pos = colayout.networkx_layout(G, flow={"axis": "y", "min_separation": 50})
    assert pos[1][1] - pos[0][1] >= 50 - 1e-3 and pos[2][1] - pos[1][1] >= 50 - 1e-3


def test_three_d():
    pos = colayout.networkx_layout(nx.cycle_graph(5), dim=3)
    assert all(p.shape == (3,) for p in pos.values())


def test_bad_attributes_raise_layout_errors():
    G = nx.path_graph(3)
    G.nodes[1]["width"] = -5
    with pytest.raises(colayout.NegativeSize):
        colayout.networkx_layout(G)
