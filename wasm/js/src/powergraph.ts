// WebCola's power graphs (`powergraph.getGroups`) over the core (`colayout::powergraph`):
// the same groups and power edges, with WebCola's object shapes.
import { raw } from './load.js';
import { rethrow } from './errors.js';

/** A power-graph group: its `id` (index), member nodes and child groups, as objects. */
export interface PowerGroup<N> {
  id: number;
  leaves: N[];
  groups: PowerGroup<N>[];
  [key: string]: unknown;
}

/** A power edge between nodes or groups; every node under `source` links to every node
 * under `target`. */
export interface PowerEdge<N> {
  source: N | PowerGroup<N>;
  target: N | PowerGroup<N>;
  type: number;
}

/** WebCola's link accessor for power graphs. */
export interface LinkTypeAccessor<L> {
  getSourceIndex(l: L): number;
  getTargetIndex(l: L): number;
  getType(l: L): number;
}

/** WebCola's `getGroups(nodes, links, la)`: the greedy power-graph decomposition. Power
 * edge ends are the given node objects or the returned group objects. */
export function getGroups<N, L>(nodes: N[], links: L[], la: LinkTypeAccessor<L>): { groups: PowerGroup<N>[]; powerEdges: PowerEdge<N>[] } {
  const edges = new Uint32Array(2 * links.length);
  const types = new Uint32Array(links.length);
  links.forEach((l, i) => {
    edges[2 * i] = la.getSourceIndex(l);
    edges[2 * i + 1] = la.getTargetIndex(l);
    types[i] = la.getType(l);
  });
  let pg: { groups: { leaves: number[]; groups: number[] }[]; power_edges: [[string, number], [string, number], number][] };
  try {
    pg = JSON.parse(raw.power_graph(nodes.length, edges, types));
  } catch (e) {
    return rethrow(e);
  }
  const groups: PowerGroup<N>[] = pg.groups.map((g, id) => ({ id, leaves: g.leaves.map((i) => nodes[i]), groups: [] }));
  pg.groups.forEach((g, id) => (groups[id].groups = g.groups.map((j) => groups[j])));
  const end = ([kind, i]: [string, number]) => (kind === 'g' ? groups[i] : nodes[i]);
  const powerEdges = pg.power_edges.map(([s, t, type]) => ({ source: end(s), target: end(t), type }));
  return { groups, powerEdges };
}

/** WebCola's `powergraph` module. */
export const powergraph = { getGroups };
