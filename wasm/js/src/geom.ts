// WebCola's `geom` functions over the core (`colayout::geom`): the convex hull and edges
// clipped at their boxes, with WebCola's names and object shapes.
import { raw } from './load.js';
import { rethrow } from './errors.js';

export interface Point {
  x: number;
  y: number;
}

/** A box by its extents, as WebCola's `Rectangle` has them. */
export interface Box {
  x: number;
  X: number;
  y: number;
  Y: number;
}

const flat = (b: Box): Float64Array => Float64Array.of(b.x, b.X, b.y, b.Y);

/** Points from a flat `[x0, y0, x1, y1, ...]`. */
export function points(a: ArrayLike<number>, from = 0, count = (a.length - from) / 2): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < count; i++) out.push({ x: a[from + 2 * i], y: a[from + 2 * i + 1] });
  return out;
}

/** WebCola's `ConvexHull`: Andrew's monotone chain, WebCola's point order. */
export function ConvexHull(S: Point[]): Point[] {
  const xy = new Float64Array(2 * S.length);
  S.forEach((p, i) => {
    xy[2 * i] = p.x;
    xy[2 * i + 1] = p.y;
  });
  return points(raw.convex_hull(xy));
}

/** WebCola's `makeEdgeBetween`: the line between the box centres, clipped at both, and
 * where an arrowhead of length `ah` starts. */
export function makeEdgeBetween(source: Box, target: Box, ah: number): { sourceIntersection: Point; targetIntersection: Point; arrowStart: Point } {
  try {
    const [p, q, a] = points(raw.make_edge_between(flat(source), flat(target), ah));
    return { sourceIntersection: p, targetIntersection: q, arrowStart: a };
  } catch (e) {
    return rethrow(e);
  }
}

/** WebCola's `makeEdgeTo`: where the line from `s` to the box centre enters it, moved back
 * by `ah`. */
export function makeEdgeTo(s: Point, target: Box, ah: number): Point {
  try {
    return points(raw.make_edge_to(s.x, s.y, flat(target), ah))[0];
  } catch (e) {
    return rethrow(e);
  }
}
