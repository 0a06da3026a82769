#!/usr/bin/env bash
# Self-test of the WebCola harness (run.cjs). Prints one PASS/FAIL/SKIP line per check
# and a closing "N passed, N failed" line; exits non-zero if any check failed.
#
#   bash webcola/harness/selftest.sh
#
# Installs the pinned webcola (npm ci) first if node_modules/ is missing.
# The Les Miserables check reads lesmis.json from $LESMIS_JSON, or from the repository's data/.
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE" || exit 2

if [ ! -f node_modules/webcola/package.json ]; then
  echo "installing webcola (npm ci) ..." >&2
  npm ci --no-audit --no-fund >&2 || { echo "FAIL npm ci"; echo "0 passed, 1 failed"; exit 1; }
fi

PASSED=0
FAILED=0
SKIPPED=0
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# check NAME REQUEST_JSON PREDICATE
#   PREDICATE is a JavaScript expression over `o` (the parsed response), `rc` (the exit
#   code) and `raw` (stdout text). It must evaluate to true; any other value (a string
#   explains why) is a failure. `near(a, b, tol)` and `allFinite(arr)` are available.
check() {
  local name="$1" req="$2" pred="$3"
  printf '%s' "$req" | node run.cjs >"$TMP/out" 2>"$TMP/err"
  local rc=$?
  local verdict
  verdict="$(RC="$rc" PRED="$pred" node -e '
    const fs = require("fs");
    const raw = fs.readFileSync(process.argv[1], "utf8");
    const rc = Number(process.env.RC);
    const near = (a, b, tol = 1e-9) => typeof a === "number" && Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
    const allFinite = (a) => Array.isArray(a) ? a.every(allFinite) : (typeof a === "number" && Number.isFinite(a));
    let o;
    try {
      const lines = raw.split("\n").filter((l) => l.length > 0);
      if (lines.length !== 1) throw new Error("stdout must hold exactly one JSON line, got " + lines.length);
      o = JSON.parse(lines[0]);
    } catch (e) { console.log("bad stdout: " + e.message); process.exit(0); }
    let r;
    try { r = eval(process.env.PRED); } catch (e) { r = "predicate threw: " + e.message; }
    if (r === true) console.log("ok");
    else console.log(typeof r === "string" ? r : "predicate is " + JSON.stringify(r) + "; rc=" + rc + "; out=" + raw.slice(0, 300));
  ' "$TMP/out")"
  if [ "$verdict" = "ok" ]; then
    echo "PASS $name"
    PASSED=$((PASSED + 1))
  else
    echo "FAIL $name: $verdict"
    [ -s "$TMP/err" ] && sed 's/^/    stderr: /' "$TMP/err" | head -5
    FAILED=$((FAILED + 1))
  fi
}

info() {  # info REQUEST JS-EXPR : print a value from a response (no verdict)
  printf '%s' "$1" | node run.cjs 2>/dev/null | node -e '
    const o = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log("    " + eval(process.argv[1]));' "$2"
}

TRI='"n":4,"links":[[0,1],[1,2],[2,0],[2,3]]'

check "version is webcola 3.4.0" '{"op":"version"}' 'rc === 0 && o.webcola === "3.4.0"'

check "rng seed 1 (MSVC LCG)" '{"op":"rng","seed":1,"count":5}' '
  rc === 0 && JSON.stringify(o.values) === JSON.stringify([0.0012512588885158849, 0.5635853144932401,
    0.19330423902096622, 0.8087405011139256, 0.5850093081453902])'

check "link_lengths symmetric_diff (triangle + tail)" "{\"op\":\"link_lengths\",$TRI,\"kind\":\"symmetric_diff\",\"w\":1}" '
  rc === 0 && [1 + Math.SQRT2, 1 + Math.sqrt(3), 1 + Math.sqrt(3), 3].every((v, i) => near(o.lengths[i], v, 1e-15))'

check "link_lengths jaccard (triangle + tail)" "{\"op\":\"link_lengths\",$TRI,\"kind\":\"jaccard\",\"w\":1}" '
  rc === 0 && [4 / 3, 1.25, 1.25, 1].every((v, i) => near(o.lengths[i], v, 1e-15))'

check "link_lengths w scales" "{\"op\":\"link_lengths\",$TRI,\"kind\":\"symmetric_diff\",\"w\":2}" '
  rc === 0 && near(o.lengths[3], 1 + 2 * 2, 1e-15)'

check "paths distance matrix, Infinity as null" '{"op":"paths","n":5,"links":[[0,1],[1,2],[2,0],[2,3]],"lengths":null,"link_distance":20}' '
  rc === 0 && JSON.stringify(o.distances) === JSON.stringify([[0,20,20,40,null],[20,0,20,40,null],[20,20,0,20,null],[40,40,20,0,null],[null,null,null,null,0]])'

check "paths per-link lengths, row" '{"op":"paths","n":5,"links":[[0,1],[1,2],[2,0],[2,3]],"lengths":[1,2,5,1],"source":0}' '
  rc === 0 && JSON.stringify(o.row) === JSON.stringify([0,1,3,4,null]) && o.distances === undefined'

check "paths path = [prev(t), ..., s]" '{"op":"paths","n":5,"links":[[0,1],[1,2],[2,0],[2,3]],"lengths":[1,2,5,1],"path":[0,3]}' '
  rc === 0 && JSON.stringify(o.path) === "[2,1,0]"'

check "paths unreachable path is empty" '{"op":"paths","n":5,"links":[[0,1],[1,2],[2,0],[2,3]],"path":[0,4]}' '
  rc === 0 && JSON.stringify(o.path) === "[]"'

# Without P-stress, g is the exact gradient of computeStress(): check by central differences.
DER_POS='[[0,0],[10,0],[0,10],[30,3],[7,-12]]'
DER_LINKS='[[0,1],[1,2],[2,0],[2,3],[3,4]]'
check "derivatives: g is the gradient of stress (no P-stress)" "{\"op\":\"derivatives\",\"n\":5,\"positions\":$DER_POS,\"links\":$DER_LINKS,\"lengths\":[10,12,9,20,15],\"p_stress\":false}" '
  (() => {
    if (rc !== 0) return "rc " + rc;
    const P = '"$DER_POS"', L = '"$DER_LINKS"', len = [10, 12, 9, 20, 15], n = 5;
    const D = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => i === j ? 0 : Infinity));
    L.forEach(([s, t], i) => { D[s][t] = D[t][s] = Math.min(D[s][t], len[i]); });
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) D[i][j] = Math.min(D[i][j], D[i][k] + D[k][j]);
    const stress = (p) => { let s = 0; for (let u = 0; u < n; u++) for (let v = u + 1; v < n; v++) { const l = Math.hypot(p[u][0] - p[v][0], p[u][1] - p[v][1]); s += (D[u][v] - l) ** 2 / D[u][v] ** 2; } return s; };
    if (!near(o.stress, stress(P), 1e-12)) return "stress " + o.stress + " vs " + stress(P);
    const h = 1e-6;
    for (let u = 0; u < n; u++) for (let k = 0; k < 2; k++) {
      const a = P.map((q) => q.slice()), b = P.map((q) => q.slice());
      a[u][k] += h; b[u][k] -= h;
      const num = (stress(a) - stress(b)) / (2 * h);
      if (Math.abs(num - o.g[k][u]) > 1e-7) return "g[" + k + "][" + u + "] = " + o.g[k][u] + ", numeric " + num;
    }
    return o.step > 0 && o.huu.every((r) => r.every((v) => v > 0)) && JSON.stringify(o.positions) === JSON.stringify(P) || "step/huu/positions";
  })()'

check "derivatives: P-stress drops long non-adjacent pairs" "{\"op\":\"derivatives\",\"n\":3,\"positions\":[[0,0],[10,0],[100,0]],\"links\":[[0,1],[1,2]],\"p_stress\":true}" '
  rc === 0 && allFinite(o.g) && allFinite([o.step, o.stress])
  && near(o.g[0][0], 2 * (10 - 20) / (400 * 10) * (0 - 10), 1e-14) /* only the 0-1 link acts on node 0 */'

check "derivatives: coincident nodes are displaced (by minD)" "{\"op\":\"derivatives\",\"n\":4,\"positions\":[[0,0],[10,0],[0,10],[0,0]],\"links\":[[0,1],[1,2],[2,0],[2,3]],\"p_stress\":true}" '
  rc === 0 && near(Math.hypot(o.positions[3][0], o.positions[3][1]), 20, 1e-12) && allFinite(o.g)'

PACK_NODES='[{"x":0,"y":0},{"x":30,"y":0},{"x":15,"y":25},{"x":100,"y":100,"width":20,"height":40},{"x":120,"y":100},{"x":5,"y":5}]'
check "packing: two components + isolated node" "{\"op\":\"packing\",\"nodes\":$PACK_NODES,\"links\":[[0,1],[1,2],[2,0],[3,4]],\"size\":[200,100],\"default_node_size\":10,\"center_graph\":true}" '
  (() => {
    if (rc !== 0) return "rc " + rc;
    if (JSON.stringify(o.components) !== "[[0,1,2],[3,4],[5]]") return "components " + JSON.stringify(o.components);
    const P = '"$PACK_NODES"';
    if (!allFinite(o.positions) || o.positions.length !== 6) return "positions";
    for (const c of o.components) {   // each component is translated rigidly
      const dx = o.positions[c[0]][0] - P[c[0]].x, dy = o.positions[c[0]][1] - P[c[0]].y;
      for (const i of c) if (!near(o.positions[i][0] - P[i].x, dx, 1e-12) || !near(o.positions[i][1] - P[i].y, dy, 1e-12)) return "component " + c + " not rigid";
    }
    return JSON.stringify(o.positions) === JSON.stringify([[77.5,66.66666666666666],[107.5,66.66666666666666],[92.5,91.66666666666666],[80,27.5],[100,27.5],[122.5,12.5]]) || "positions " + JSON.stringify(o.positions);
  })()'

check "packing: center_graph=false moves nothing" "{\"op\":\"packing\",\"nodes\":$PACK_NODES,\"links\":[[0,1],[1,2],[2,0],[3,4]],\"size\":[200,100],\"center_graph\":false}" '
  rc === 0 && JSON.stringify(o.positions) === JSON.stringify('"$PACK_NODES"'.map((v) => [v.x, v.y]))'

check "layout: disconnected graph converges, finite" '{"op":"layout","n":6,"links":[[0,1],[1,2],[2,0],[3,4]],"size":[400,300]}' '
  rc === 0 && o.converged === true && o.ticks >= 2 && allFinite(o.positions) && o.positions.length === 6 && o.alpha === 0
  && o.tick_log.length === o.ticks && o.tick_log[0] === 0.1 && o.tick_log[o.ticks - 1] < 0.01'

check "layout: fixed tick count" '{"op":"layout","n":4,"links":[[0,1],[1,2],[2,3]],"lengths":[10,20,30],"weights":[1,0,5],"positions":[[0,0],[10,0],[0,10],[5,5]],"nodes":[{"fixed":true},null,{"width":30,"height":20},{}],"ticks":20}' '
  rc === 0 && o.ticks === 20 && allFinite(o.positions) && o.tick_log === undefined && o.descent_millis <= o.millis'

check "layout: max_ticks caps the tick loop" '{"op":"layout","n":6,"links":[[0,1],[1,2],[2,0],[3,4]],"convergence_threshold":1e-300,"max_ticks":25}' '
  rc === 0 && o.ticks === 25 && o.converged === false && o.tick_log.length === 25'

check "layout: deterministic" '{"op":"layout","n":6,"links":[[0,1],[1,2],[2,0],[3,4]],"symmetric_diff":{"ideal":6,"w":1},"warmup":1}' '
  (() => {
    const again = JSON.parse(require("child_process").execFileSync("node", ["run.cjs"], { input: JSON.stringify({ op: "layout", n: 6, links: [[0,1],[1,2],[2,0],[3,4]], symmetric_diff: { ideal: 6, w: 1 } }) }));
    return rc === 0 && JSON.stringify(again.positions) === JSON.stringify(o.positions) || "positions differ between runs";
  })()'

check "stdout stays clean when WebCola console.logs (zero-length link)" '{"op":"derivatives","n":2,"positions":[[0,0],[10,0]],"links":[[0,1]],"lengths":[0],"p_stress":false}' '
  rc === 0 && o.g[0][0] === null && o.step === 0'

check "error: unknown op" '{"op":"nope"}' 'rc === 1 && typeof o.error === "string"'
check "error: invalid JSON" 'not json' 'rc === 1 && typeof o.error === "string"'
check "error: link out of range" '{"op":"paths","n":2,"links":[[0,5]]}' 'rc === 1 && /out of range/.test(o.error)'

# ---------------------------------------------------------------- vpsc / rectangles / scc

SPANS='[{"size":10,"desired_center":0},{"size":10,"desired_center":2},{"size":10,"desired_center":4}]'
check "remove_overlap_1d: bounds -20/20 -> centres [-8,2,12]" "{\"op\":\"remove_overlap_1d\",\"spans\":$SPANS,\"lower_bound\":-20,\"upper_bound\":20}" '
  rc === 0 && [-8, 2, 12].every((v, i) => near(o.new_centers[i], v, 1e-9)) && near(o.lower_bound, -20, 1e-9) && near(o.upper_bound, 20, 1e-9)'

check "remove_overlap_1d: no bounds -> extent of the spans" "{\"op\":\"remove_overlap_1d\",\"spans\":$SPANS}" '
  rc === 0 && [-8, 2, 12].every((v, i) => near(o.new_centers[i], v, 1e-9)) && near(o.lower_bound, -13, 1e-9) && near(o.upper_bound, 17, 1e-9)'

check "remove_overlap_1d: lower_bound 0 is ignored (WebCola tests if (lowerBound))" "{\"op\":\"remove_overlap_1d\",\"spans\":$SPANS,\"lower_bound\":0,\"upper_bound\":20}" '
  rc === 0 && near(o.new_centers[0], -8, 1e-9) && near(o.lower_bound, -13, 1e-9) && near(o.upper_bound, 20, 1e-9)'

check "vpsc: x1 >= x0 + 10 from desired 0,0 -> -5, 5" '{"op":"vpsc","instances":[{"variables":[{"desired":0},{"desired":0}],"constraints":[{"left":0,"right":1,"gap":10}]}]}' '
  rc === 0 && o.results.length === 1 && near(o.results[0].positions[0], -5) && near(o.results[0].positions[1], 5)
  && JSON.stringify(o.results[0].unsatisfiable) === "[]" && JSON.stringify(o.results[0].active) === "[0]" && near(o.results[0].cost, 50)'

check "vpsc: infeasible cycle -> one constraint unsatisfiable" '{"op":"vpsc","instances":[{"variables":[{"desired":0},{"desired":0}],"constraints":[{"left":0,"right":1,"gap":10},{"left":1,"right":0,"gap":10}]}]}' '
  rc === 0 && o.results[0].unsatisfiable.length === 1 && allFinite(o.results[0].positions)'

check "vpsc: weighted equality (x1 = x0 + 4, w1 = 3) and satisfy()" '{"op":"vpsc","instances":[
    {"variables":[{"desired":0},{"desired":10,"weight":3}],"constraints":[{"left":0,"right":1,"gap":4,"equality":true}]},
    {"variables":[{"desired":0},{"desired":0},{"desired":0}],"constraints":[{"left":0,"right":1,"gap":2},{"left":1,"right":2,"gap":2}],"method":"satisfy","starting":[0,0,0]}]}' '
  rc === 0 && near(o.results[0].positions[0], 4.5) && near(o.results[0].positions[1], 8.5) && near(o.results[0].cost, 4.5 * 4.5 + 3 * 1.5 * 1.5)
  && o.results[1].positions.every((p, i, a) => i === 0 || p - a[i - 1] >= 2 - 1e-9) && o.results[1].unsatisfiable.length === 0'

# 1500 random chains in one request, one broken instance in the middle: errors stay per instance.
VREQ="$(node -e '
  let s = 7; const r = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const inst = [];
  for (let k = 0; k < 1500; k++) {
    const n = 2 + Math.floor(r() * 6);
    const variables = Array.from({ length: n }, () => ({ desired: Math.round(r() * 100) }));
    const constraints = [];
    for (let i = 0; i + 1 < n; i++) constraints.push({ left: i, right: i + 1, gap: 5 + Math.round(r() * 10) });
    inst.push({ variables, constraints });
  }
  inst[700] = { variables: [{ desired: 0 }], constraints: [{ left: 0, right: 9, gap: 1 }] };
  console.log(JSON.stringify({ op: "vpsc", instances: inst }));')"
printf '%s' "$VREQ" >"$TMP/vreq.json"   # too big for the predicate's environment
check "vpsc: batch of 1500, per-instance error, all constraints satisfied" "$VREQ" '
  (() => {
    if (rc !== 0 || o.results.length !== 1500) return "rc/length";
    if (typeof o.results[700].error !== "string") return "instance 700 should be an error";
    const req = JSON.parse(fs.readFileSync("'"$TMP/vreq.json"'", "utf8"));
    for (let k = 0; k < 1500; k++) {
      if (k === 700) continue;
      const res = o.results[k], cs = req.instances[k].constraints;
      if (!res.positions || res.positions.length !== req.instances[k].variables.length) return "instance " + k + ": " + JSON.stringify(res);
      for (const c of cs) if (res.positions[c.right] - res.positions[c.left] < c.gap - 1e-6) return "instance " + k + " violates a constraint";
    }
    return true;
  })()'

check "vpsc: missing instances is a request error" '{"op":"vpsc"}' 'rc === 1 && typeof o.error === "string"'

RECTS='[[0,10,0,10],[5,15,2,12],[20,30,0,10],[0,10,20,30]]'
check "rect_constraints: scan-line constraints in WebCola order" "{\"op\":\"rect_constraints\",\"instances\":[{\"rects\":$RECTS},{\"rects\":[]},{\"rects\":[[1,2]]}]}" '
  rc === 0 && JSON.stringify(o.results[0]) === JSON.stringify({ x: [[0,1,10.000001],[0,2,10.000001],[1,2,10.000001]], y: [[0,1,10.000001],[0,3,10.000001],[1,3,10.000001]] })
  && JSON.stringify(o.results[1]) === JSON.stringify({ x: [], y: [] }) && typeof o.results[2].error === "string"'

RREQ="$(node -e '
  let s = 3; const r = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const inst = [];
  for (let k = 0; k < 1000; k++) {
    const n = 1 + Math.floor(r() * 12);
    inst.push({ rects: Array.from({ length: n }, () => { const x = r() * 100, y = r() * 100; return [x, x + 5 + r() * 30, y, y + 5 + r() * 30]; }) });
  }
  console.log(JSON.stringify({ op: "rect_constraints", instances: inst }));')"
printf '%s' "$RREQ" >"$TMP/rreq.json"
check "rect_constraints: batch of 1000, indices in range, gap = mean size + 1e-6" "$RREQ" '
  (() => {
    if (rc !== 0 || o.results.length !== 1000) return "rc/length";
    const req = JSON.parse(fs.readFileSync("'"$TMP/rreq.json"'", "utf8"));
    for (let k = 0; k < 1000; k++) {
      const R = req.instances[k].rects, res = o.results[k];
      for (const [ax, lo, hi] of [["x", 0, 1], ["y", 2, 3]]) for (const [l, r, g] of res[ax]) {
        if (!(l >= 0 && l < R.length && r >= 0 && r < R.length && l !== r)) return "bad index in " + k;
        if (!near(g, (R[l][hi] - R[l][lo] + R[r][hi] - R[r][lo]) / 2 + 1e-6, 1e-12)) return "bad gap in " + k;
      }
    }
    return true;
  })()'

check "remove_overlaps: no overlap afterwards, sizes kept" "{\"op\":\"remove_overlaps\",\"rects\":$RECTS}" '
  (() => {
    const R = '"$RECTS"';
    if (rc !== 0 || o.rects.length !== 4) return "rc/length";
    for (let i = 0; i < 4; i++) {
      const a = o.rects[i];
      if (!near(a[1] - a[0], R[i][1] - R[i][0], 1e-9) || !near(a[3] - a[2], R[i][3] - R[i][2], 1e-9)) return "size changed";
      for (let j = i + 1; j < 4; j++) {
        const b = o.rects[j];
        if (Math.min(a[1] - b[0], b[1] - a[0], a[3] - b[2], b[3] - a[2]) > 1e-6) return "rects " + i + "," + j + " overlap";
      }
    }
    return JSON.stringify(o.rects.slice(2)) === JSON.stringify(R.slice(2)) || "untouched rects moved";
  })()'

check "scc: Tarjan components in WebCola order" '{"op":"scc","n":6,"links":[[0,1],[1,2],[2,0],[2,3],[3,4],[4,3]]}' '
  rc === 0 && JSON.stringify(o.components) === "[[4,3],[2,1,0],[5]]"'

# ---------------------------------------------------------------- layout: constraints, groups, overlaps

NODES60='[{"width":60,"height":40},{"width":60,"height":40},{"width":60,"height":40},{"width":60,"height":40},{"width":60,"height":40},{"width":60,"height":40},{"width":60,"height":40}]'
SG_GROUPS='[{"leaves":[0],"groups":[1]},{"leaves":[1,2]},{"leaves":[3,4]}]'
SG="{\"op\":\"layout\",\"n\":7,\"links\":[[0,1],[1,2],[2,0],[2,3],[3,4],[4,5],[5,6]],\"nodes\":$NODES60,\"groups\":$SG_GROUPS,\"avoid_overlaps\":true,\"link_distance\":100,\"iterations\":[10,10,10],\"size\":[960,500]}"
check "layout smallgrouped: no node overlap, members inside group bounds" "$SG" '
  (() => {
    if (rc !== 0 || o.converged !== true) return "rc " + rc + " " + (o.error || "");
    const G = '"$SG_GROUPS"';
    if (o.group_bounds.length !== 3 || !allFinite(o.group_bounds) || !allFinite(o.node_bounds)) return "bounds missing";
    const boxes = o.positions.map(([x, y]) => [x - 30, x + 30, y - 20, y + 20]);
    const ov = (a, b) => Math.min(a[1] - b[0], b[1] - a[0], a[3] - b[2], b[3] - a[2]);
    for (const B of [boxes, o.node_bounds]) for (let i = 0; i < 7; i++) for (let j = i + 1; j < 7; j++)
      if (ov(B[i], B[j]) > 1e-6) return "nodes " + i + "," + j + " overlap by " + ov(B[i], B[j]);
    const inside = (b, g) => b[0] >= g[0] - 1e-6 && b[1] <= g[1] + 1e-6 && b[2] >= g[2] - 1e-6 && b[3] <= g[3] + 1e-6;
    for (let k = 0; k < 3; k++) {
      const gb = o.group_bounds[k];
      for (const l of G[k].leaves || []) if (!inside(boxes[l], gb) || !inside(o.node_bounds[l], gb)) return "node " + l + " outside group " + k;
      for (const c of G[k].groups || []) if (!inside(o.group_bounds[c], gb)) return "group " + c + " outside group " + k;
    }
    // non-members stay out of each group box (group 0 holds 0,1,2; group 2 holds 3,4)
    const members = [[0, 1, 2], [1, 2], [3, 4]];
    for (let k = 0; k < 3; k++) for (let i = 0; i < 7; i++)
      if (!members[k].includes(i) && ov(o.node_bounds[i], o.group_bounds[k]) > 1e-6) return "node " + i + " intrudes into group " + k;
    return true;
  })()'

check "layout: groups deep-copied (warmup rerun gives identical result)" "${SG%\}},\"warmup\":1}" '
  (() => {
    const again = JSON.parse(require("child_process").execFileSync("node", ["run.cjs"], { input: '"'$SG'"' }));
    return rc === 0 && JSON.stringify(again.positions) === JSON.stringify(o.positions) && JSON.stringify(again.group_bounds) === JSON.stringify(o.group_bounds) || "differs";
  })()'

check "layout: separation + alignment constraints" '{"op":"layout","n":3,"links":[[0,1],[1,2]],"nodes":[{"width":20,"height":20,"x":0,"y":0},{"width":20,"height":20,"x":50,"y":0},{"width":20,"height":20,"x":0,"y":50}],"constraints":[{"axis":"y","left":0,"right":1,"gap":25},{"type":"alignment","axis":"x","offsets":[{"node":1,"offset":0},{"node":2,"offset":0}]}],"iterations":[10,10,10],"link_distance":50}' '
  rc === 0 && o.positions[1][1] - o.positions[0][1] >= 25 - 1e-3 && near(o.positions[1][0], o.positions[2][0], 1e-6) && allFinite(o.node_bounds)'

check "layout: flow y with min_separation 30" '{"op":"layout","n":4,"links":[[0,1],[1,2],[2,3]],"flow":{"axis":"y","min_separation":30},"iterations":[10,10,10]}' '
  rc === 0 && [[0,1],[1,2],[2,3]].every(([s, t]) => o.positions[t][1] - o.positions[s][1] >= 30 - 1e-3)'

check "layout: avoid_overlaps + 4 iteration stages (grid snap)" '{"op":"layout","n":4,"links":[[0,1],[1,2],[2,3]],"nodes":[{"width":30,"height":30},{"width":30,"height":30},{"width":30,"height":30},{"width":30,"height":30}],"avoid_overlaps":true,"iterations":[10,10,10,10],"link_distance":20,"group_compactness":1e-5}' '
  (() => {
    if (rc !== 0 || !allFinite(o.positions) || !allFinite(o.node_bounds)) return "rc/finite";
    const B = o.node_bounds;
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++)
      if (Math.min(B[i][1] - B[j][0], B[j][1] - B[i][0], B[i][3] - B[j][2], B[j][3] - B[i][2]) > 1e-6) return "overlap " + i + "," + j;
    return o.group_bounds === undefined || "group_bounds without groups";
  })()'

check "layout: node x/y are start positions; no projection -> node_bounds null" '{"op":"layout","n":3,"links":[[0,1]],"nodes":[{"x":1,"y":2},{"x":3,"y":4},{"x":5,"y":6}],"ticks":0,"handle_disconnected":false}' '
  rc === 0 && JSON.stringify(o.positions) === "[[1,2],[3,4],[5,6]]" && JSON.stringify(o.node_bounds) === "[null,null,null]"'

check "layout quirk: node in two non-nested groups runs" '{"op":"layout","n":4,"links":[[0,1],[1,2],[2,3]],"nodes":[{"width":60,"height":40},{"width":60,"height":40},{"width":60,"height":40},{"width":60,"height":40}],"groups":[{"leaves":[0,1]},{"leaves":[1,2]}],"avoid_overlaps":true,"iterations":[10,10,10],"link_distance":100}' '
  rc === 0 && allFinite(o.positions) && allFinite(o.group_bounds)'

check "layout quirk: group cycle + avoid_overlaps -> WebCola TypeError" '{"op":"layout","n":4,"links":[[0,1],[1,2],[2,3]],"nodes":[{"width":60,"height":40},{"width":60,"height":40},{"width":60,"height":40},{"width":60,"height":40}],"groups":[{"leaves":[0],"groups":[1]},{"leaves":[1],"groups":[0]}],"avoid_overlaps":true,"iterations":[10,10,10]}' '
  rc === 1 && /TypeError/.test(o.error)'

check "layout quirk: alignment without offsets -> WebCola TypeError" '{"op":"layout","n":2,"links":[[0,1]],"constraints":[{"type":"alignment","axis":"x","offsets":[]}],"iterations":[1,1,1]}' '
  rc === 1 && /reading .node./.test(o.error)'

check "layout: group index out of range is rejected" '{"op":"layout","n":2,"links":[[0,1]],"groups":[{"leaves":[5]}]}' 'rc === 1 && /groups\[0\]\.leaves/.test(o.error)'

LESMIS=""
for f in "${LESMIS_JSON:-}" "$HERE/../../data/lesmis.json"; do
  if [ -n "$f" ] && [ -f "$f" ]; then LESMIS="$f"; break; fi
done
if [ -n "$LESMIS" ]; then
  LREQ="$(node -e 'const g = require(process.argv[1]); console.log(JSON.stringify({ op: "layout", n: g.nodes, links: g.links }))' "$LESMIS")"
  # Deterministic: npm webcola 3.4.0 with default options takes 143 iterating ticks on lesmis.
  check "layout: lesmis default options converge (143 ticks)" "$LREQ" '
    rc === 0 && o.converged === true && o.ticks === 143 && o.positions.length === 77 && allFinite(o.positions)
    && o.stress > 0 && o.tick_log.length === 143'
  info "$LREQ" '"lesmis default: ticks=" + o.ticks + " millis=" + o.millis.toFixed(1) + " descent_millis=" + o.descent_millis.toFixed(1) + " stress=" + o.stress'
else
  echo "FAIL layout: lesmis (data/lesmis.json not found; set LESMIS_JSON)"
  FAILED=$((FAILED + 1))
fi

echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
[ "$FAILED" -eq 0 ]
