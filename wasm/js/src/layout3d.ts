// WebCola's `Layout3D` over the core's 3-D layout: same constructor, `start`, `tick` and
// `result`, plus `positions()` (xyz per node).
import type { RawLayout3D } from './raw.js';
import { raw } from './load.js';
import { rethrow } from './errors.js';
import { toJson } from './json.js';

/** A 3-D node, WebCola's `Node3D`: a start position, and `fixed` to keep it there. */
export interface Node3D {
  x?: number;
  y?: number;
  z?: number;
  fixed?: boolean;
  [key: string]: unknown;
}

/** A 3-D link between node indices, WebCola's `Link3D`. */
export interface Link3D {
  source: number;
  target: number;
  length?: number;
  [key: string]: unknown;
}

export class Layout3D {
  static readonly dims = ['x', 'y', 'z'];
  static readonly k = 3;
  /** Positions by dimension, `result[d][i]`, after `start` and each `tick`. */
  result: number[][];
  /** Jaccard link lengths (WebCola's default), else `idealLinkLength` per link. */
  useJaccardLinkLengths = true;
  private _raw: RawLayout3D | null = null;

  constructor(
    public nodes: Node3D[],
    public links: Link3D[],
    public idealLinkLength = 1,
  ) {
    this.result = [0, 1, 2].map(() => nodes.map(() => 0));
  }

  /** Lays out: up to `iterations` descent iterations, until converged. */
  start(iterations = 100): this {
    try {
      this._raw?.free();
      const graph = {
        nodes: this.nodes.map((v) => ({ x: v.x ?? 0, y: v.y ?? 0, z: v.z ?? 0, fixed: !!v.fixed })),
        links: this.links.map((l) => ({ source: l.source, target: l.target, length: l.length })),
      };
      this._raw = new raw.RawLayout3D(toJson(graph, 'the graph'), this.idealLinkLength, this.useJaccardLinkLengths);
      this._raw.start(iterations);
    } catch (e) {
      return rethrow(e);
    }
    this.read();
    return this;
  }

  /** One more iteration; returns its displacement. */
  tick(): number {
    if (!this._raw) this.start(0);
    let d = 0;
    try {
      d = (this._raw as RawLayout3D).tick();
    } catch (e) {
      return rethrow(e);
    }
    this.read();
    return d;
  }

  /** Positions `[x0, y0, z0, x1, ...]`. */
  positions(): Float64Array {
    if (!this._raw) this.start();
    return (this._raw as RawLayout3D).positions_f64();
  }

  /** The current length of link `l`. */
  linkLength(l: Link3D): number {
    const [r, s, t] = [this.result, l.source, l.target];
    return Math.hypot(r[0][s] - r[0][t], r[1][s] - r[1][t], r[2][s] - r[2][t]);
  }

  /** Releases the Wasm memory. */
  free(): void {
    this._raw?.free();
    this._raw = null;
  }

  private read(): void {
    const p = (this._raw as RawLayout3D).positions_f64();
    this.result = [0, 1, 2].map((d) => this.nodes.map((_, i) => p[3 * i + d]));
  }
}
