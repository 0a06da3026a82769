// Shared by the Node and browser tests.

/** Scale-normalised stress on a connected graph (data/README.md). */
export function sn(n, links, xy) {
  const adj = Array.from({ length: n }, () => []);
  for (const [u, v] of links) {
    adj[u].push(v);
    adj[v].push(u);
  }
  let sr = 0;
  let sr2 = 0;
  for (let s = 0; s < n; s++) {
    const hops = new Array(n).fill(-1);
    hops[s] = 0;
    const queue = [s];
    for (let h = 0; h < queue.length; h++) for (const v of adj[queue[h]]) if (hops[v] < 0) (hops[v] = hops[queue[h]] + 1), queue.push(v);
    for (let t = s + 1; t < n; t++) {
      const r = Math.hypot(xy[s].x - xy[t].x, xy[s].y - xy[t].y) / hops[t];
      sr += r;
      sr2 += r * r;
    }
  }
  return (n * (n - 1)) / 2 - (sr * sr) / sr2;
}
