#!/usr/bin/env node
// colayout WebCola harness: runs npm webcola@3.4.0 on ONE JSON request read from
// stdin and writes ONE JSON response to stdout. See README.md for the protocol.
//
// stdout carries nothing but the response: WebCola itself calls console.log (e.g.
// Descent.computeDerivatives logs a non-finite gradient), so every console method
// is redirected to stderr before webcola is loaded.
'use strict';

const util = require('util');
for (const m of ['log', 'info', 'debug', 'warn', 'error', 'trace', 'dir']) {
  console[m] = (...args) => { process.stderr.write(util.format(...args) + '\n'); };
}

const fs = require('fs');
const { performance } = require('perf_hooks');

const cola = require('webcola');
const WEBCOLA_VERSION = require('webcola/package.json').version;
// PseudoRandom is exported from dist/index.js in 3.4.0; fall back to the module file.
const PseudoRandom = cola.PseudoRandom || require('webcola/dist/src/descent').PseudoRandom;

class HarnessError extends Error {}
function fail(msg) { throw new HarnessError(msg); }

// ---------------------------------------------------------------- validation

function isInt(v) { return typeof v === 'number' && Number.isInteger(v); }
function isNum(v) { return typeof v === 'number' && Number.isFinite(v); }
function has(req, k) { return req[k] !== undefined && req[k] !== null; }

function getN(req) {
  if (!isInt(req.n) || req.n < 0) fail('"n" must be a non-negative integer');
  return req.n;
}

function getLinks(req, n) {
  const links = has(req, 'links') ? req.links : [];
  if (!Array.isArray(links)) fail('"links" must be an array of [source, target] pairs');
  links.forEach((l, i) => {
    if (!Array.isArray(l) || l.length !== 2 || !isInt(l[0]) || !isInt(l[1]))
      fail(`links[${i}] must be a pair of integers`);
    if (l[0] < 0 || l[0] >= n || l[1] < 0 || l[1] >= n)
      fail(`links[${i}] = [${l[0]}, ${l[1]}] is out of range for n = ${n}`);
  });
  return links;
}

function getPerLink(req, key, m) {
  if (!has(req, key)) return null;
  const a = req[key];
  if (!Array.isArray(a) || a.length !== m) fail(`"${key}" must be null or an array with one number per link (${m})`);
  a.forEach((v, i) => { if (v !== null && typeof v !== 'number') fail(`${key}[${i}] must be a number`); });
  return a;
}

function getNumber(req, key, dflt) {
  if (!has(req, key)) return dflt;
  if (typeof req[key] !== 'number' || Number.isNaN(req[key])) fail(`"${key}" must be a number`);
  return req[key];
}

function getPositions(req, n, required) {
  if (!has(req, 'positions')) {
    if (required) fail('"positions" is required');
    return null;
  }
  const p = req.positions;
  if (!Array.isArray(p) || p.length !== n) fail(`"positions" must be an array of ${n} [x, y] pairs`);
  p.forEach((q, i) => {
    if (!Array.isArray(q) || q.length !== 2 || !isNum(q[0]) || !isNum(q[1]))
      fail(`positions[${i}] must be a pair of finite numbers`);
  });
  return p;
}

function getNodeIndex(v, n, what) {
  if (!isInt(v) || v < 0 || v >= n) fail(`${what} must be a node index in [0, ${n})`);
  return v;
}

// Link objects {source, target, length?} for Calculator / link-length code.
function linkObjects(links, lengths, linkDistance) {
  return links.map((l, i) => ({
    source: l[0],
    target: l[1],
    length: lengths ? +lengths[i] : linkDistance,
  }));
}

function newCalculator(n, objs) {
  return new cola.Calculator(n, objs, (l) => l.source, (l) => l.target, (l) => l.length);
}

// ---------------------------------------------------------------- ops

function opPaths(req) {
  const n = getN(req);
  const links = getLinks(req, n);
  const lengths = getPerLink(req, 'lengths', links.length);
  const linkDistance = getNumber(req, 'link_distance', 20);
  const objs = linkObjects(links, lengths, linkDistance);
  const out = {};
  const wantRow = has(req, 'source');
  const wantPath = has(req, 'path');
  if (wantRow) {
    const s = getNodeIndex(req.source, n, '"source"');
    out.row = newCalculator(n, objs).DistancesFromNode(s);
  }
  if (wantPath) {
    const p = req.path;
    if (!Array.isArray(p) || p.length !== 2) fail('"path" must be [source, target]');
    const s = getNodeIndex(p[0], n, 'path[0]');
    const t = getNodeIndex(p[1], n, 'path[1]');
    out.path = newCalculator(n, objs).PathFromNodeToNode(s, t);
  }
  if (!wantRow && !wantPath) {
    out.distances = newCalculator(n, objs).DistanceMatrix();
  }
  return out;
}

function opLinkLengths(req) {
  const n = getN(req);
  const links = getLinks(req, n);
  const w = getNumber(req, 'w', 1);
  const objs = links.map((l) => ({ source: l[0], target: l[1] }));
  const accessor = {
    getSourceIndex: (l) => l.source,
    getTargetIndex: (l) => l.target,
    setLength: (l, v) => { l.length = v; },
  };
  if (req.kind === 'symmetric_diff') cola.symmetricDiffLinkLengths(objs, accessor, w);
  else if (req.kind === 'jaccard') cola.jaccardLinkLengths(objs, accessor, w);
  else fail('"kind" must be "symmetric_diff" or "jaccard"');
  return { lengths: objs.map((l) => l.length) };
}

function opPacking(req) {
  if (!Array.isArray(req.nodes)) fail('"nodes" must be an array of {x, y, width?, height?}');
  const n = req.nodes.length;
  const nodes = req.nodes.map((v, i) => {
    if (v === null || typeof v !== 'object' || !isNum(v.x) || !isNum(v.y))
      fail(`nodes[${i}] must have finite "x" and "y"`);
    const o = { index: i, x: v.x, y: v.y };
    // applyPacking tests `typeof width !== 'undefined'`: absent/null → default_node_size.
    if (has(v, 'width')) o.width = v.width;
    if (has(v, 'height')) o.height = v.height;
    return o;
  });
  const links = getLinks(req, n).map((l) => ({ source: nodes[l[0]], target: nodes[l[1]] }));
  const size = has(req, 'size') ? req.size : [1, 1];
  if (!Array.isArray(size) || size.length !== 2 || !isNum(size[0]) || !isNum(size[1]))
    fail('"size" must be [w, h]');
  const nodeSize = getNumber(req, 'default_node_size', 10);
  const centerGraph = has(req, 'center_graph') ? !!req.center_graph : true;

  const graphs = cola.separateGraphs(nodes, links);
  // Record before applyPacking: it sorts `graphs` in place (by height, descending).
  const components = graphs.map((g) => g.array.map((v) => v.index));
  const boxes = graphs.slice();
  cola.applyPacking(graphs, size[0], size[1], nodeSize, 1, centerGraph);
  return {
    positions: nodes.map((v) => [v.x, v.y]),
    components,
    // Extension: per component (same order as "components"), the bounding box size
    // and the packed box corner computed by applyPacking.
    boxes: boxes.map((g) => ({ width: g.width, height: g.height, x: g.x, y: g.y })),
  };
}

function opDerivatives(req) {
  const n = getN(req);
  const links = getLinks(req, n);
  const lengths = getPerLink(req, 'lengths', links.length);
  const weights = getPerLink(req, 'weights', links.length);
  const linkDistance = getNumber(req, 'link_distance', 20);
  const pos = getPositions(req, n, true);
  const pStress = !!req.p_stress;

  const D = newCalculator(n, linkObjects(links, lengths, linkDistance)).DistanceMatrix();
  const xs = pos.map((p) => p[0]);
  const ys = pos.map((p) => p[1]);
  const d = new cola.Descent([xs, ys], D);
  if (pStress) {
    const G = cola.Descent.createSquareMatrix(n, () => 2);
    links.forEach((l, i) => {
      const w = weights ? weights[i] : 0;
      G[l[0]][l[1]] = G[l[1]][l[0]] = w || 1; // as Layout.start: e.weight || 1
    });
    d.G = G;
  }
  d.computeDerivatives(d.x);
  const step = d.computeStepSize(d.g);
  const out = {
    g: [d.g[0].slice(), d.g[1].slice()],
    huu: [0, 1].map((k) => d.H[k].map((row, u) => row[u])),
    step,
    positions: d.x[0].map((x, i) => [x, d.x[1][i]]),
    stress: d.computeStress(),
  };
  // Extension: the full per-dimension H matrices (n×n each) on request.
  if (req.full_h) out.H = d.H;
  return out;
}

function rectOrNull(r) {
  return r ? [r.x, r.X, r.y, r.Y] : null;
}

function runLayoutOnce(req) {
  const n = getN(req);
  const links = getLinks(req, n);
  const lengths = getPerLink(req, 'lengths', links.length);
  const weights = getPerLink(req, 'weights', links.length);
  const linkDistance = getNumber(req, 'link_distance', 20);
  const pos = getPositions(req, n, false);
  const size = has(req, 'size') ? req.size : [1, 1];
  if (!Array.isArray(size) || size.length !== 2) fail('"size" must be [w, h]');
  const iters = has(req, 'iterations') ? req.iterations : [0, 0, 0];
  if (!Array.isArray(iters) || (iters.length !== 3 && iters.length !== 4) || !iters.every(isInt))
    fail('"iterations" must be [a, b, c] or [a, b, c, d] (integers)');
  const gridSnapIters = iters.length === 4 ? iters[3] : 0;
  const ticks = has(req, 'ticks') ? req.ticks : null;
  if (ticks !== null && (!isInt(ticks) || ticks < 0)) fail('"ticks" must be null or a non-negative integer');
  const maxTicks = getNumber(req, 'max_ticks', 100000);
  const threshold = getNumber(req, 'convergence_threshold', 0.01);
  const handleDisconnected = has(req, 'handle_disconnected') ? !!req.handle_disconnected : true;
  if (has(req, 'nodes') && (!Array.isArray(req.nodes) || req.nodes.length !== n))
    fail(`"nodes" must be null or an array of ${n} objects`);

  const nodes = [];
  for (let i = 0; i < n; i++) {
    const o = {};
    const extra = has(req, 'nodes') ? req.nodes[i] : null;
    if (extra !== null && extra !== undefined) {
      if (typeof extra !== 'object') fail(`nodes[${i}] must be an object`);
      if (has(extra, 'width')) o.width = extra.width;
      if (has(extra, 'height')) o.height = extra.height;
      if (has(extra, 'fixed')) o.fixed = extra.fixed;
      if (has(extra, 'fixed_weight')) o.fixedWeight = extra.fixed_weight;
      if (has(extra, 'x') !== has(extra, 'y')) fail(`nodes[${i}] must give both "x" and "y" or neither`);
      if (has(extra, 'x')) {
        if (typeof extra.x !== 'number' || typeof extra.y !== 'number') fail(`nodes[${i}].x/y must be numbers`);
        o.x = extra.x; o.y = extra.y;
      }
    }
    if (pos) { o.x = pos[i][0]; o.y = pos[i][1]; }
    nodes.push(o);
  }
  const linkObjs = links.map((l, i) => {
    const o = { source: l[0], target: l[1] };
    if (lengths) o.length = lengths[i];
    if (weights) o.weight = weights[i];
    return o;
  });

  let tickCount = 0;
  let descentMillis = 0;
  let converged = null;
  const tickLog = [];
  const LOG_CAP = 10000;

  class L extends cola.Layout {
    kick() {
      // Default kick is `while (!this.tick());` — same loop, counted and capped.
      const t0 = performance.now();
      let done = false;
      if (maxTicks > 0) {
        while (!(done = this.tick())) {
          tickCount++;
          if (tickCount <= LOG_CAP) tickLog.push(this._alpha);
          if (tickCount >= maxTicks) break;
        }
      }
      converged = done;
      descentMillis = performance.now() - t0;
    }
  }

  const layout = new L().size(size).nodes(nodes).links(linkObjs);
  if (lengths) layout.linkDistance((l) => l.length);
  else layout.linkDistance(linkDistance);
  for (const [key, method] of [['symmetric_diff', 'symmetricDiffLinkLengths'], ['jaccard', 'jaccardLinkLengths']]) {
    if (!has(req, key)) continue;
    const s = req[key];
    if (typeof s !== 'object' || typeof s.ideal !== 'number') fail(`"${key}" must be {"ideal": number, "w": number}`);
    layout[method](s.ideal, has(s, 'w') ? s.w : 1);
  }
  if (has(req, 'default_node_size')) layout.defaultNodeSize(req.default_node_size);
  layout.convergenceThreshold(threshold)
    .handleDisconnected(handleDisconnected)
    .avoidOverlaps(has(req, 'avoid_overlaps') ? !!req.avoid_overlaps : false);
  // Constraints and groups are deep-copied on every run: WebCola mutates groups (padding,
  // leaves → node objects, parent, bounds, minVar/maxVar, index) and `warmup` re-runs.
  if (has(req, 'constraints')) {
    if (!Array.isArray(req.constraints)) fail('"constraints" must be an array of WebCola constraint objects');
    layout.constraints(JSON.parse(JSON.stringify(req.constraints)));
  }
  let groups = null;
  if (has(req, 'groups')) {
    if (!Array.isArray(req.groups)) fail('"groups" must be an array of {leaves?, groups?, padding?}');
    const ng = req.groups.length;
    req.groups.forEach((g, k) => {
      if (g === null || typeof g !== 'object' || Array.isArray(g)) fail(`groups[${k}] must be an object`);
      for (const [key, lim] of [['leaves', n], ['groups', ng]]) {
        if (!has(g, key)) continue;
        if (!Array.isArray(g[key]) || !g[key].every((v) => isInt(v) && v >= 0 && v < lim))
          fail(`groups[${k}].${key} must be an array of indices in [0, ${lim})`);
      }
      if (has(g, 'padding') && typeof g.padding !== 'number') fail(`groups[${k}].padding must be a number`);
    });
    groups = JSON.parse(JSON.stringify(req.groups)).map((g) => {
      // JSON null means absent; WebCola tests `typeof x === "undefined"`.
      for (const k of Object.keys(g)) if (g[k] === null) delete g[k];
      return g;
    });
    layout.groups(groups); // after nodes(): numeric leaves are resolved against _nodes here
  }
  if (has(req, 'flow')) {
    const f = req.flow;
    if (typeof f !== 'object' || typeof f.axis !== 'string' || typeof f.min_separation !== 'number')
      fail('"flow" must be {"axis": "x"|"y", "min_separation": number}');
    layout.flowLayout(f.axis, f.min_separation);
  }
  if (has(req, 'group_compactness')) layout.groupCompactness(getNumber(req, 'group_compactness'));

  const t0 = performance.now();
  if (ticks === null) {
    layout.start(iters[0], iters[1], iters[2], gridSnapIters, true, true);
  } else {
    layout.start(iters[0], iters[1], iters[2], gridSnapIters, false, true);
    layout._threshold = 0; // `_alpha < 0` never holds, so every tick() iterates
    const t1 = performance.now();
    for (let i = 0; i < ticks; i++) layout.tick();
    descentMillis = performance.now() - t1;
    tickCount = ticks;
  }
  const millis = performance.now() - t0;

  const alpha = layout.alpha();
  const out = {
    positions: nodes.map((v) => [v.x, v.y]),
    ticks: tickCount,
    millis,
    descent_millis: descentMillis,
    stress: layout._descent.computeStress(),
    alpha: typeof alpha === 'number' && !Number.isNaN(alpha) ? alpha : 0,
    node_bounds: nodes.map((v) => rectOrNull(v.bounds)),
  };
  if (groups) out.group_bounds = groups.map((g) => rectOrNull(g.bounds));
  if (ticks === null) {
    out.converged = converged; // extension: false when max_ticks stopped the loop
    if (tickCount <= LOG_CAP) out.tick_log = tickLog;
  }
  return out;
}

function opLayout(req) {
  // Extension: "warmup": k runs the identical layout k times first (untimed, results
  // discarded) so that "millis" measures JIT-warm code.
  const warmup = has(req, 'warmup') ? req.warmup : 0;
  if (!isInt(warmup) || warmup < 0) fail('"warmup" must be a non-negative integer');
  for (let i = 0; i < warmup; i++) runLayoutOnce(req);
  return runLayoutOnce(req);
}

function opRng(req) {
  const seed = getNumber(req, 'seed', 1);
  const count = getNumber(req, 'count', 10);
  if (!isInt(count) || count < 0) fail('"count" must be a non-negative integer');
  const r = new PseudoRandom(seed);
  const values = [];
  for (let i = 0; i < count; i++) values.push(r.getNext());
  return { values };
}

function opVersion() {
  return { webcola: WEBCOLA_VERSION, node: process.version };
}

// ---------------------------------------------------------------- vpsc / rectangle / scc

function errorMessage(e) {
  if (e instanceof HarnessError) return e.message;
  return `${e && e.name ? e.name + ': ' : ''}${e && e.message ? e.message : String(e)}`;
}

function getInstances(req) {
  if (!Array.isArray(req.instances)) fail('"instances" must be an array');
  return req.instances;
}

// Runs f on every instance; an exception (harness validation or WebCola) becomes
// {"error": message} for that instance only.
function perInstance(req, f) {
  return {
    results: getInstances(req).map((inst, k) => {
      try {
        if (inst === null || typeof inst !== 'object' || Array.isArray(inst)) fail(`instances[${k}] must be an object`);
        return f(inst);
      } catch (e) {
        return { error: errorMessage(e) };
      }
    }),
  };
}

function optNum(o, key, dflt, what) {
  if (!has(o, key)) return dflt;
  if (typeof o[key] !== 'number') fail(`${what}.${key} must be a number`);
  return o[key];
}

function vpscInstance(inst) {
  if (!Array.isArray(inst.variables)) fail('"variables" must be an array of {desired, weight?, scale?}');
  const vars = inst.variables.map((v, i) => {
    if (v === null || typeof v !== 'object' || typeof v.desired !== 'number')
      fail(`variables[${i}] must be an object with a numeric "desired"`);
    return new cola.Variable(v.desired, optNum(v, 'weight', 1, `variables[${i}]`), optNum(v, 'scale', 1, `variables[${i}]`));
  });
  const n = vars.length;
  const cdefs = has(inst, 'constraints') ? inst.constraints : [];
  if (!Array.isArray(cdefs)) fail('"constraints" must be an array of {left, right, gap, equality?}');
  const cs = cdefs.map((c, i) => {
    if (c === null || typeof c !== 'object') fail(`constraints[${i}] must be an object`);
    if (!isInt(c.left) || c.left < 0 || c.left >= n) fail(`constraints[${i}].left must be a variable index in [0, ${n})`);
    if (!isInt(c.right) || c.right < 0 || c.right >= n) fail(`constraints[${i}].right must be a variable index in [0, ${n})`);
    if (typeof c.gap !== 'number') fail(`constraints[${i}].gap must be a number`);
    return new cola.Constraint(vars[c.left], vars[c.right], c.gap, has(c, 'equality') ? !!c.equality : false);
  });
  const method = has(inst, 'method') ? inst.method : 'solve';
  if (method !== 'solve' && method !== 'satisfy') fail('"method" must be "solve" or "satisfy"');
  const solver = new cola.Solver(vars, cs);
  if (has(inst, 'starting')) {
    const st = inst.starting;
    if (!Array.isArray(st) || st.length !== n || !st.every((x) => typeof x === 'number'))
      fail(`"starting" must be an array of ${n} numbers`);
    solver.setStartingPositions(st);
  }
  if (method === 'solve') solver.solve();
  else solver.satisfy();
  let cost = null;
  try { cost = solver.cost(); } catch (e) { cost = null; }
  const unsatisfiable = [];
  const active = [];
  cs.forEach((c, i) => {
    if (c.unsatisfiable === true) unsatisfiable.push(i);
    if (c.active === true) active.push(i);
  });
  return { positions: vars.map((v) => v.position()), unsatisfiable, active, cost };
}

function opVpsc(req) {
  return perInstance(req, vpscInstance);
}

function opRemoveOverlap1d(req) {
  if (!Array.isArray(req.spans)) fail('"spans" must be an array of {size, desired_center}');
  const spans = req.spans.map((s, i) => {
    if (s === null || typeof s !== 'object' || typeof s.size !== 'number' || typeof s.desired_center !== 'number')
      fail(`spans[${i}] must be {"size": number, "desired_center": number}`);
    return { size: s.size, desiredCenter: s.desired_center };
  });
  // Absent bound → undefined. WebCola tests `if (lowerBound)`, so a bound of 0 is ignored too.
  const lb = has(req, 'lower_bound') ? getNumber(req, 'lower_bound') : undefined;
  const ub = has(req, 'upper_bound') ? getNumber(req, 'upper_bound') : undefined;
  const r = cola.removeOverlapInOneDimension(spans, lb, ub);
  return { new_centers: r.newCenters, lower_bound: r.lowerBound, upper_bound: r.upperBound };
}

function getRects(a, what) {
  if (!Array.isArray(a)) fail(`${what} must be an array of [x, X, y, Y]`);
  return a.map((r, i) => {
    if (!Array.isArray(r) || r.length !== 4 || !r.every((v) => typeof v === 'number'))
      fail(`${what}[${i}] must be [x, X, y, Y] (numbers)`);
    return new cola.Rectangle(r[0], r[1], r[2], r[3]);
  });
}

function scanConstraints(rs, centre, generate) {
  const vars = rs.map((r, i) => {
    const v = new cola.Variable(centre(r));
    v.harnessIndex = i;
    return v;
  });
  return generate(rs, vars).map((c) => [c.left.harnessIndex, c.right.harnessIndex, c.gap]);
}

function opRectConstraints(req) {
  return perInstance(req, (inst) => {
    const rs = getRects(inst.rects, '"rects"');
    return {
      x: scanConstraints(rs, (r) => r.cx(), cola.generateXConstraints),
      y: scanConstraints(rs, (r) => r.cy(), cola.generateYConstraints),
    };
  });
}

function opRemoveOverlaps(req) {
  const rs = getRects(req.rects, '"rects"');
  cola.removeOverlaps(rs);
  return { rects: rs.map((r) => [r.x, r.X, r.y, r.Y]) };
}

function opScc(req) {
  const n = getN(req);
  const links = getLinks(req, n);
  const components = cola.stronglyConnectedComponents(n, links, {
    getSourceIndex: (l) => l[0],
    getTargetIndex: (l) => l[1],
  });
  return { components };
}

// ---------------------------------------------------------------- geometry and routes

function getPoint(v, what) {
  if (!Array.isArray(v) || v.length !== 2 || !isNum(v[0]) || !isNum(v[1])) fail(`${what} must be [x, y]`);
  return { x: v[0], y: v[1] };
}
function getPoints(v, what) {
  if (!Array.isArray(v)) fail(`${what} must be an array of [x, y]`);
  return v.map((p, i) => getPoint(p, `${what}[${i}]`));
}
function getRect(v, what) {
  if (!Array.isArray(v) || v.length !== 4 || !v.every(isNum)) fail(`${what} must be [x, X, y, Y]`);
  return new cola.Rectangle(v[0], v[1], v[2], v[3]);
}
const xy = (p) => (p ? [p.x, p.y] : null);

// One geometry function per instance: {"fn": "hull", "points"} | {"fn": "tangents", "v", "w"}
// | {"fn": "point_tangents", "p", "v"} | {"fn": "edge_between", "source", "target", "ah"}
// | {"fn": "edge_to", "p", "target", "ah"} | {"fn": "ray", "rect", "p"}.
function geomInstance(inst) {
  switch (inst.fn) {
    case 'hull':
      return { hull: cola.ConvexHull(getPoints(inst.points, 'points')).map(xy) };
    case 'tangents': {
      const t = cola.tangents(getPoints(inst.v, 'v'), getPoints(inst.w, 'w'));
      return { tangents: Object.keys(t).map((k) => [k, t[k].t1, t[k].t2]) };
    }
    case 'point_tangents': {
      // tangent_PointPolyC is not exported; addPoint calls it, so read it back from a graph.
      const poly = getPoints(inst.v, 'v');
      const g = new cola.TangentVisibilityGraph([poly]);
      const p = getPoint(inst.p, 'p');
      const before = g.E.length;
      g.intersectsPolys = () => false;
      g.addPoint(p, -1);
      return { ends: g.E.slice(before).map((e) => e.target.polyvertid) };
    }
    case 'edge_between': {
      const e = cola.makeEdgeBetween(getRect(inst.source, 'source'), getRect(inst.target, 'target'), inst.ah);
      return { source: xy(e.sourceIntersection), target: xy(e.targetIntersection), arrow_start: xy(e.arrowStart) };
    }
    case 'edge_to':
      return { point: xy(cola.makeEdgeTo(getPoint(inst.p, 'p'), getRect(inst.target, 'target'), inst.ah)) };
    case 'ray':
      return { point: xy(getRect(inst.rect, 'rect').rayIntersection(inst.p[0], inst.p[1])) };
    default:
      fail(`unknown geometry "fn": ${JSON.stringify(inst.fn)}`);
  }
}

function opGeom(req) {
  return perInstance(req, geomInstance);
}

// {"op":"route","boxes":[[x,X,y,Y]...],"links":[[s,t]...],"margin":m,"ah":a}: WebCola's
// prepareEdgeRouting(margin) and routeEdge(link, ah) for each link, with the node boxes as
// innerBounds and the boxes grown by 2*margin as bounds (so the obstacles are the boxes
// grown by margin). A route WebCola throws on is {"error"}; "millis" times all routes.
function opRoute(req) {
  if (!Array.isArray(req.boxes)) fail('"boxes" must be an array of [x, X, y, Y]');
  const margin = getNumber(req, 'margin', 0);
  const ah = getNumber(req, 'ah', 5);
  const nodes = req.boxes.map((b, i) => {
    const r = getRect(b, `boxes[${i}]`);
    return { index: i, x: r.cx(), y: r.cy(), innerBounds: r, bounds: r.inflate(2 * margin) };
  });
  const links = getLinks({ links: req.links }, nodes.length);
  const t0 = performance.now();
  const layout = new cola.Layout().nodes(nodes);
  layout.prepareEdgeRouting(margin);
  const prepared = performance.now();
  const routes = links.map(([s, t]) => {
    try {
      return layout.routeEdge({ source: nodes[s], target: nodes[t] }, ah).map(xy);
    } catch (e) {
      return { error: errorMessage(e) };
    }
  });
  const t1 = performance.now();
  return { routes, prepare_millis: prepared - t0, millis: t1 - t0 };
}

// {"op":"grid_route","boxes":[[x,X,y,Y]...],"children":[[i...]...]|null,"group_padding":p,
// "links":[[s,t]...],"nudge_gap":g,"corner_radius":c,"arrow_width":w,"arrow_height":h}:
// WebCola's GridRouter: route(s, t) per link, routeEdges(links, nudge_gap) (as WebCola
// returns it, possibly reversed: issue #327) and getRoutePath of each routed edge. What
// WebCola throws on is {"error"}; "millis" times the router and routeEdges.
function opGridRoute(req) {
  if (!Array.isArray(req.boxes)) fail('"boxes" must be an array of [x, X, y, Y]');
  const children = has(req, 'children') ? req.children : [];
  if (!Array.isArray(children)) fail('"children" must be an array of index arrays');
  const nodes = req.boxes.map((b, i) => ({ bounds: getRect(b, `boxes[${i}]`), children: children[i] || [] }));
  const links = getLinks({ links: req.links }, nodes.length);
  const padding = getNumber(req, 'group_padding', 12);
  const gap = getNumber(req, 'nudge_gap', 4);
  const t0 = performance.now();
  const router = new cola.GridRouter(nodes, { getChildren: (v) => v.children, getBounds: (v) => v.bounds }, padding);
  const routes = links.map(([s, t]) => {
    try {
      return router.route(s, t).map(xy);
    } catch (e) {
      return { error: errorMessage(e) };
    }
  });
  let edges;
  let paths = null;
  try {
    const rs = router.routeEdges(links, gap, (l) => l[0], (l) => l[1]);
    edges = rs.map((r) => r.map((seg) => seg.map(xy)));
    paths = rs.map((r) => {
      const p = cola.GridRouter.getRoutePath(r, getNumber(req, 'corner_radius', 5), getNumber(req, 'arrow_width', 3), getNumber(req, 'arrow_height', 5));
      return [p.routepath, p.arrowpath];
    });
  } catch (e) {
    edges = { error: errorMessage(e) };
  }
  const millis = performance.now() - t0;
  return { routes, edges, paths, millis };
}

// {"op":"powergraph","n":N,"links":[[s,t]...],"types":[per link]|null}: WebCola's
// getGroups (powergraph.ts; what Layout.powerGraphGroups calls). Groups as {leaves, groups};
// power-edge ends as ["n", node] or ["g", group id]; "millis" times getGroups.
function opPowerGraph(req) {
  const n = getN(req);
  const links = getLinks(req, n);
  const types = getPerLink(req, 'types', links.length);
  const nodes = Array.from({ length: n }, (_, i) => ({ index: i }));
  const ls = links.map(([s, t], i) => ({ source: s, target: t, type: types ? types[i] : 0 }));
  const la = { getSourceIndex: (l) => l.source, getTargetIndex: (l) => l.target, getType: (l) => l.type };
  const t0 = performance.now();
  const g = cola.getGroups(nodes, ls, la);
  const millis = performance.now() - t0;
  const end = (e) => (typeof e.index === 'number' && !('leaves' in e) && !('groups' in e) && !('id' in e) ? ['n', e.index] : ['g', e.id]);
  return {
    groups: g.groups.map((grp) => ({ leaves: grp.leaves || [], groups: grp.groups || [] })),
    power_edges: g.powerEdges.map((e) => [end(e.source), end(e.target), e.type]),
    millis,
  };
}

const OPS = {
  paths: opPaths,
  link_lengths: opLinkLengths,
  packing: opPacking,
  derivatives: opDerivatives,
  layout: opLayout,
  rng: opRng,
  version: opVersion,
  vpsc: opVpsc,
  remove_overlap_1d: opRemoveOverlap1d,
  rect_constraints: opRectConstraints,
  remove_overlaps: opRemoveOverlaps,
  scc: opScc,
  geom: opGeom,
  route: opRoute,
  grid_route: opGridRoute,
  powergraph: opPowerGraph,
};

// ---------------------------------------------------------------- I/O

// JSON.stringify writes Infinity, -Infinity and NaN as null. Big arrays are written in
// chunks so that e.g. a 5000×5000 distance matrix never becomes a single string.
function writeJson(value) {
  const chunks = [];
  let pending = '';
  const flush = () => { if (pending) { chunks.push(pending); pending = ''; } };
  const emit = (s) => { pending += s; if (pending.length > (1 << 20)) flush(); };
  const walk = (v) => {
    if (Array.isArray(v) && v.length > 0 && Array.isArray(v[0])) {
      emit('[');
      v.forEach((row, i) => { if (i) emit(','); walk(row); });
      emit(']');
    } else if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      emit('{');
      let first = true;
      for (const k of Object.keys(v)) {
        if (v[k] === undefined) continue;
        if (!first) emit(',');
        first = false;
        emit(JSON.stringify(k) + ':');
        walk(v[k]);
      }
      emit('}');
    } else {
      const s = JSON.stringify(v);
      emit(s === undefined ? 'null' : s);
    }
  };
  walk(value);
  emit('\n');
  flush();
  for (const c of chunks) process.stdout.write(c);
}

function main() {
  let req;
  try {
    const text = fs.readFileSync(0, 'utf8');
    try {
      req = JSON.parse(text);
    } catch (e) {
      fail('request is not valid JSON: ' + e.message);
    }
    if (req === null || typeof req !== 'object' || Array.isArray(req)) fail('request must be a JSON object');
    const op = OPS[req.op];
    if (!op) fail(`unknown "op": ${JSON.stringify(req.op)} (expected one of ${Object.keys(OPS).join(', ')})`);
    const out = op(req);
    writeJson(out);
    process.exitCode = 0;
  } catch (e) {
    const msg = errorMessage(e);
    if (!(e instanceof HarnessError) && e && e.stack) process.stderr.write(e.stack + '\n');
    process.stdout.write(JSON.stringify({ error: msg }) + '\n');
    process.exitCode = 1;
  }
}

main();
