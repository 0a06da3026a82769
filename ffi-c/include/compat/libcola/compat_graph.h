// libcola compatibility (colayout), internal: the C graph and layout that
// ConstrainedFDLayout builds (a Plan: sizes, fixed nodes, groups, constraints), and the
// reading of unsatisfied constraints back into libcola's UnsatisfiableConstraintInfo.
// Everything here is in cola::detail; programs do not include this file.

#ifndef COLAYOUT_COMPAT_LIBCOLA_COMPAT_GRAPH_H
#define COLAYOUT_COMPAT_LIBCOLA_COMPAT_GRAPH_H

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include <colayout.h>
#include <libcola/cluster.h>
#include <libcola/compound_constraints.h>
#include <libcola/exceptions.h>

namespace cola {
namespace detail {

struct LayoutFree {
  void operator()(colayout_layout* l) const { colayout_layout_free(l); }
};
struct GraphFree {
  void operator()(colayout_graph* g) const { colayout_graph_free(g); }
};
typedef std::unique_ptr<colayout_layout, LayoutFree> LayoutPtr;
typedef std::unique_ptr<colayout_graph, GraphFree> GraphPtr;

// A C group made from a cluster.
struct Group {
  std::vector<uint32_t> leaves;
  std::vector<uint32_t> children;
  double padding = 0;  // the one C padding: max over sides of padding + margin
  Cluster* cluster = nullptr;
  bool operator==(const Group& o) const {
    return leaves == o.leaves && children == o.children && padding == o.padding &&
           cluster == o.cluster;
  }
};

// Everything a C graph is made of, except positions, edges and options. C constraint
// i is ops[i]; C group j is groups[j].
struct Plan {
  std::vector<double> w, h;  // C box sizes
  std::vector<char> fixed;
  std::vector<Group> groups;
  std::vector<Op> ops;
  bool operator==(const Plan& o) const {
    return w == o.w && h == o.h && fixed == o.fixed && groups == o.groups && ops == o.ops;
  }
};

// The edges (ideal length idealLength * eLengths[k], 1 for a missing or non-positive
// multiplier) and options of the C layout.
struct Edges {
  const std::vector<std::pair<unsigned, unsigned>>& es;
  const std::vector<double>& eLengths;
  double idealLength;
  bool avoidOverlaps;
};

inline void addOp(colayout_graph* g, const Op& op) {
  std::vector<uint32_t> nodes(op.nodes.begin(), op.nodes.end());
  switch (op.kind) {
    case Op::Separation:
      check(colayout_graph_add_separation(g, op.axis, nodes[0], nodes[1], op.gap, op.equality,
                                          nullptr),
            "colayout_graph_add_separation");
      break;
    case Op::Alignment:
      check(colayout_graph_add_alignment(g, op.axis, nodes.data(), op.offsets.data(),
                                         nodes.size(), nullptr),
            "colayout_graph_add_alignment");
      break;
    case Op::Distribution:
      check(colayout_graph_add_distribution(g, op.axis, op.alignments.data(), 2, op.gap,
                                            nullptr),
            "colayout_graph_add_distribution");
      break;
    case Op::Page:
      check(colayout_graph_add_page_boundary(g, &op.bounds, &op.weight, nodes.data(),
                                             nodes.size(), nullptr),
            "colayout_graph_add_page_boundary");
      break;
  }
}

// The C graph of p with nodes centred at (x[i], y[i]).
inline GraphPtr makeGraph(const Plan& p, const Edges& e, const std::vector<double>& x,
                          const std::vector<double>& y) {
  const size_t n = p.w.size(), m = e.es.size();
  std::vector<uint32_t> edges;
  std::vector<double> lengths, xy;
  for (size_t k = 0; k < m; ++k) {
    edges.push_back(e.es[k].first);
    edges.push_back(e.es[k].second);
    double f = k < e.eLengths.size() && e.eLengths[k] > 0 ? e.eLengths[k] : 1.0;
    lengths.push_back(e.idealLength * f);
  }
  for (size_t i = 0; i < n; ++i) {
    xy.push_back(x[i]);
    xy.push_back(y[i]);
  }
  std::unique_ptr<bool[]> fixed(new bool[n]);
  for (size_t i = 0; i < n; ++i) fixed[i] = p.fixed[i] != 0;
  colayout_graph_arrays a;
  colayout_graph_arrays_init(&a, n, edges.data(), m);
  a.lengths = m ? lengths.data() : nullptr;
  a.widths = p.w.data();
  a.heights = p.h.data();
  a.positions = xy.data();
  a.dims = 2;
  a.fixed = fixed.get();
  colayout_graph* raw = nullptr;
  check(colayout_graph_new(&a, &raw), "colayout_graph_new");
  GraphPtr g(raw);
  for (const Group& gr : p.groups)
    check(colayout_graph_add_group(g.get(), gr.leaves.data(), gr.leaves.size(),
                                   gr.children.data(), gr.children.size(), &gr.padding, nullptr,
                                   nullptr),
          "colayout_graph_add_group");
  for (const Op& op : p.ops) addOp(g.get(), op);
  return g;
}

// A C layout of p: full stress, no packing, overlapping groups, link_distance =
// idealLength, avoid_overlaps as asked, no convergence threshold of its own.
inline LayoutPtr makeLayout(const Plan& p, const Edges& e, const std::vector<double>& x,
                            const std::vector<double>& y) {
  GraphPtr g = makeGraph(p, e, x, y);
  colayout_options o;
  colayout_options_default(&o);
  o.link_distance = e.idealLength;
  o.stress = COLAYOUT_STRESS_FULL;
  o.handle_disconnected = false;
  o.avoid_overlaps = e.avoidOverlaps;
  o.overlapping_groups = true;
  // The TestConvergence decides when run() ends, as in libcola: the C layout's own
  // threshold is put out of its way (max_ticks still caps a run).
  o.convergence_threshold = 1e-300;
  colayout_layout* raw = nullptr;
  check(colayout_layout_new(g.get(), &o, 2, &raw), "colayout_layout_new");
  return LayoutPtr(raw);
}

// The n node centres of l.
inline void positions(colayout_layout* l, size_t n, std::vector<double>& x,
                      std::vector<double>& y) {
  std::vector<double> xy(2 * n);
  check(colayout_layout_positions(l, xy.data(), xy.size()), "colayout_layout_positions");
  x.resize(n);
  y.resize(n);
  for (size_t i = 0; i < n; ++i) {
    x[i] = xy[2 * i];
    y[i] = xy[2 * i + 1];
  }
}

inline double stressOf(colayout_layout* l) {
  double s = 0;
  check(colayout_layout_stats(l, nullptr, &s, nullptr, nullptr), "colayout_layout_stats");
  return s;
}

// Appends a new UnsatisfiableConstraintInfo to outX / outY (either may be null) for
// each constraint of l (made from p) that does not hold within 1e-4 at (x, y). For an
// alignment, the worst shape against the first; for a page boundary, the worst node as
// both left and right, with its half size as the separation.
inline void reportUnsatisfied(colayout_layout* l, const Plan& p, const std::vector<double>& x,
                              const std::vector<double>& y, UnsatisfiableConstraintInfos* outX,
                              UnsatisfiableConstraintInfos* outY) {
  if (!outX && !outY) return;
  size_t count = 0;
  colayout_status s = colayout_layout_unsatisfied(l, 1e-4, nullptr, 0, &count);
  if (s != COLAYOUT_BUFFER_TOO_SMALL) check(s, "colayout_layout_unsatisfied");
  if (count == 0) return;
  std::vector<colayout_violation> v(count);
  check(colayout_layout_unsatisfied(l, 1e-4, v.data(), v.size(), &count),
        "colayout_layout_unsatisfied");
  for (const colayout_violation& e : v) {
    if (e.constraint >= p.ops.size()) continue;
    const Op& op = p.ops[e.constraint];
    const unsigned d = e.axis == COLAYOUT_AXIS_X ? 0 : 1;
    const std::vector<double>& c = d == 0 ? x : y;
    unsigned left = op.nodes[0], right = op.nodes.size() > 1 ? op.nodes[1] : op.nodes[0];
    double sep = op.gap, worst = -HUGE_VAL;
    bool eq = op.equality;
    if (op.kind == Op::Alignment) {
      for (size_t k = 1; k < op.nodes.size(); ++k) {
        double off = std::fabs(c[op.nodes[k]] - c[op.nodes[0]] - op.offsets[k]);
        if (off > worst) {
          worst = off;
          right = op.nodes[k];
          sep = op.offsets[k];
        }
      }
      eq = true;
    } else if (op.kind == Op::Page) {
      double lo = d == 0 ? op.bounds.x : op.bounds.y;
      double hi = d == 0 ? op.bounds.x_max : op.bounds.y_max;
      for (unsigned i : op.nodes) {
        double h = (d == 0 ? p.w[i] : p.h[i]) / 2;
        double off = std::max(lo + h - c[i], c[i] - hi + h);
        if (off > worst) {
          worst = off;
          left = right = i;
          sep = h;
        }
      }
      eq = false;
    }
    UnsatisfiableConstraintInfos* out = d == 0 ? outX : outY;
    if (out) out->push_back(new UnsatisfiableConstraintInfo(left, right, sep, eq, op.cc));
  }
}

}  // namespace detail
}  // namespace cola

#endif
