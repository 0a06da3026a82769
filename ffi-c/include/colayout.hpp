// colayout for C++17: RAII handles over the C API (colayout.h). Every call that fails
// throws colayout::Error, which carries the C status and the library's message.
//
//   colayout::Graph g = colayout::Graph::from_edges(4, {0, 1, 1, 2, 2, 3});
//   colayout::Layout layout(g);
//   layout.start();
//   std::vector<double> xy = layout.positions();  // x0, y0, x1, y1, ...
#ifndef COLAYOUT_HPP
#define COLAYOUT_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "colayout.h"

namespace colayout {

using Options = colayout_options;
using Schedule = colayout_schedule;
using Rect = colayout_rect;
using Violation = colayout_violation;

enum class Axis : uint32_t { X = COLAYOUT_AXIS_X, Y = COLAYOUT_AXIS_Y };
enum class DragTarget : uint32_t { Node = COLAYOUT_DRAG_NODE, Group = COLAYOUT_DRAG_GROUP };

// A failed call: `status()` is the C status, `what()` the library's message.
class Error : public std::runtime_error {
 public:
  Error(colayout_status status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  colayout_status status() const noexcept { return status_; }
  // The status's name, e.g. "NodeInTwoGroups".
  const char* name() const noexcept { return colayout_status_name(status_); }

 private:
  colayout_status status_;
};

namespace detail {
inline void check(colayout_status s) {
  if (s != COLAYOUT_OK) throw Error(s, colayout_last_error_message());
}
struct GraphFree {
  void operator()(colayout_graph* g) const noexcept { colayout_graph_free(g); }
};
struct LayoutFree {
  void operator()(colayout_layout* l) const noexcept { colayout_layout_free(l); }
};
template <class T>
const T* data_or_null(const std::vector<T>& v) {
  return v.empty() ? nullptr : v.data();
}
}  // namespace detail

// The core's defaults (WebCola's).
inline Options default_options() {
  Options o;
  colayout_options_default(&o);
  return o;
}

// WebCola's `start()`: run to convergence, centred.
inline Schedule default_schedule() {
  Schedule s;
  colayout_schedule_default(&s);
  return s;
}

// WebCola's `start(a, b, c, d)`: the phases' iteration counts, then run to convergence.
inline Schedule iterations(size_t unconstrained, size_t user_constraints, size_t all_constraints,
                           size_t grid_snap = 0) {
  Schedule s = default_schedule();
  s.unconstrained = unconstrained;
  s.user_constraints = user_constraints;
  s.all_constraints = all_constraints;
  s.grid_snap = grid_snap;
  return s;
}

inline std::string version() { return colayout_version(); }

// A graph with its groups and constraints. Movable, not copyable.
class Graph {
 public:
  // From flat arrays (copied); see colayout_graph_arrays.
  explicit Graph(const colayout_graph_arrays& arrays) {
    colayout_graph* g = nullptr;
    detail::check(colayout_graph_new(&arrays, &g));
    handle_.reset(g);
  }

  // `node_count` nodes and the links in `edges`, `[s0, t0, s1, t1, ...]`.
  static Graph from_edges(size_t node_count, const std::vector<uint32_t>& edges) {
    if (edges.size() % 2 != 0) {
      throw Error(COLAYOUT_INVALID_OPTION, "edges must hold two node indices per link");
    }
    colayout_graph_arrays a;
    colayout_graph_arrays_init(&a, node_count, detail::data_or_null(edges), edges.size() / 2);
    return Graph(a);
  }

  // WebCola's JSON, `{"nodes", "links", "groups", "constraints"}`, as the CLI reads it.
  static Graph from_json(std::string_view json) {
    colayout_graph* g = nullptr;
    detail::check(colayout_graph_from_json(json.data(), json.size(), &g));
    return Graph(g);
  }

  // A group of `leaves` and child `groups` (by index); returns its index.
  size_t add_group(const std::vector<uint32_t>& leaves, const std::vector<uint32_t>& groups = {},
                   std::optional<double> padding = std::nullopt,
                   std::optional<double> stiffness = std::nullopt) {
    size_t index = 0;
    detail::check(colayout_graph_add_group(
        get(), detail::data_or_null(leaves), leaves.size(), detail::data_or_null(groups),
        groups.size(), padding ? &*padding : nullptr, stiffness ? &*stiffness : nullptr, &index));
    return index;
  }

  // `right >= left + gap` on `axis` (`==` with `equality`); returns the constraint index.
  size_t add_separation(Axis axis, uint32_t left, uint32_t right, double gap,
                        bool equality = false) {
    size_t index = 0;
    detail::check(colayout_graph_add_separation(get(), static_cast<uint32_t>(axis), left, right,
                                                gap, equality, &index));
    return index;
  }

  // `nodes` at their `offsets` (empty: all 0) from the first on `axis`.
  size_t add_alignment(Axis axis, const std::vector<uint32_t>& nodes,
                       const std::vector<double>& offsets = {}) {
    if (!offsets.empty() && offsets.size() != nodes.size()) {
      throw Error(COLAYOUT_INVALID_OPTION, "add_alignment: one offset per node, or none");
    }
    size_t index = 0;
    detail::check(colayout_graph_add_alignment(get(), static_cast<uint32_t>(axis),
                                               detail::data_or_null(nodes),
                                               detail::data_or_null(offsets), nodes.size(),
                                               &index));
    return index;
  }

  // The guides of `alignments` (constraint indices) `separation` apart, in order.
  size_t add_distribution(Axis axis, const std::vector<size_t>& alignments, double separation) {
    size_t index = 0;
    detail::check(colayout_graph_add_distribution(get(), static_cast<uint32_t>(axis),
                                                  detail::data_or_null(alignments),
                                                  alignments.size(), separation, &index));
    return index;
  }

  // `nodes` move as one rigid set.
  size_t add_fixed_relative(const std::vector<uint32_t>& nodes) {
    size_t index = 0;
    detail::check(colayout_graph_add_fixed_relative(get(), detail::data_or_null(nodes),
                                                    nodes.size(), &index));
    return index;
  }

  // The boxes of `nodes` (empty: all) inside `bounds`.
  size_t add_page_boundary(const Rect& bounds, std::optional<double> weight = std::nullopt,
                           const std::vector<uint32_t>& nodes = {}) {
    size_t index = 0;
    detail::check(colayout_graph_add_page_boundary(get(), &bounds, weight ? &*weight : nullptr,
                                                   detail::data_or_null(nodes), nodes.size(),
                                                   &index));
    return index;
  }

  colayout_graph* get() const noexcept { return handle_.get(); }

 private:
  explicit Graph(colayout_graph* g) : handle_(g) {}
  std::unique_ptr<colayout_graph, detail::GraphFree> handle_;
};

// A layout's numbers (colayout_layout_stats).
struct Stats {
  double alpha;
  double stress;
  double p_stress;
  size_t ticks;
};

// WebCola's `Layout` over a copy of a graph, in 2 or 3 dimensions. Movable, not
// copyable; one thread at a time.
class Layout {
 public:
  explicit Layout(const Graph& graph, const std::optional<Options>& options = std::nullopt,
                  uint32_t dims = 2) {
    colayout_layout* l = nullptr;
    detail::check(colayout_layout_new(graph.get(), options ? &*options : nullptr, dims, &l));
    handle_.reset(l);
  }

  // WebCola's `start(...)`; returns the ticks run.
  size_t start(const std::optional<Schedule>& schedule = std::nullopt) {
    size_t ticks = 0;
    detail::check(colayout_layout_start(get(), schedule ? &*schedule : nullptr, &ticks));
    return ticks;
  }
  // One tick; true once the layout has ended.
  bool tick() {
    bool ended = false;
    detail::check(colayout_layout_tick(get(), &ended));
    return ended;
  }
  void run_ticks(size_t count) { detail::check(colayout_layout_run_ticks(get(), count)); }
  size_t run() {
    size_t ticks = 0;
    detail::check(colayout_layout_run(get(), &ticks));
    return ticks;
  }
  void stop() { detail::check(colayout_layout_stop(get())); }
  void resume() { detail::check(colayout_layout_resume(get())); }
  // libcola's `makeFeasible()`.
  void make_feasible() { detail::check(colayout_layout_make_feasible(get())); }

  size_t node_count() const { return counts().node_count; }
  size_t group_count() const { return counts().group_count; }
  uint32_t dims() const { return counts().dims; }

  Stats stats() const {
    Stats s{};
    detail::check(colayout_layout_stats(get(), &s.alpha, &s.stress, &s.p_stress, &s.ticks));
    return s;
  }

  // Node-major positions, `dims()` per node.
  std::vector<double> positions() const {
    auto c = counts();
    std::vector<double> out(c.node_count * c.dims);
    detail::check(colayout_layout_positions(get(), out.data(), out.size()));
    return out;
  }
  std::vector<Rect> group_bounds() const {
    return sized<Rect>([&](Rect* p, size_t n, size_t* c) {
      return colayout_layout_group_bounds(get(), p, n, c);
    });
  }
  std::vector<Rect> node_bounds() const {
    return sized<Rect>([&](Rect* p, size_t n, size_t* c) {
      return colayout_layout_node_bounds(get(), p, n, c);
    });
  }
  std::vector<Violation> unsatisfied(double tolerance = 1e-3) const {
    return sized<Violation>([&](Violation* p, size_t n, size_t* c) {
      return colayout_layout_unsatisfied(get(), tolerance, p, n, c);
    });
  }
  std::vector<std::pair<uint32_t, uint32_t>> overlapping_nodes(double tolerance = 1e-3) const {
    size_t count = 0;
    colayout_status s = colayout_layout_overlapping_nodes(get(), tolerance, nullptr, 0, &count);
    if (s != COLAYOUT_BUFFER_TOO_SMALL) detail::check(s);
    std::vector<uint32_t> flat(2 * count);
    detail::check(
        colayout_layout_overlapping_nodes(get(), tolerance, flat.data(), count, &count));
    std::vector<std::pair<uint32_t, uint32_t>> out;
    for (size_t k = 0; k < count; k++) out.emplace_back(flat[2 * k], flat[2 * k + 1]);
    return out;
  }

  void drag_start(DragTarget target, size_t index) {
    detail::check(colayout_layout_drag_start(get(), static_cast<uint32_t>(target), index));
  }
  void drag(DragTarget target, size_t index, double x, double y) {
    detail::check(colayout_layout_drag(get(), static_cast<uint32_t>(target), index, x, y));
  }
  void drag_end(DragTarget target, size_t index) {
    detail::check(colayout_layout_drag_end(get(), static_cast<uint32_t>(target), index));
  }

  // Replaces the graph, keeping positions: `previous[i]` is new node i's old index, or -1.
  void update(const Graph& graph, const std::vector<int64_t>& previous) {
    detail::check(colayout_layout_update(get(), graph.get(), detail::data_or_null(previous),
                                         previous.size()));
  }

  colayout_layout* get() const noexcept { return handle_.get(); }

 private:
  struct Counts {
    size_t node_count;
    size_t group_count;
    uint32_t dims;
  };
  Counts counts() const {
    Counts c{};
    detail::check(colayout_layout_counts(get(), &c.node_count, &c.group_count, &c.dims));
    return c;
  }
  // Sizes with a zero-length call, then fills.
  template <class T, class F>
  static std::vector<T> sized(F call) {
    size_t count = 0;
    colayout_status s = call(nullptr, 0, &count);
    if (s != COLAYOUT_BUFFER_TOO_SMALL) detail::check(s);
    std::vector<T> out(count);
    detail::check(call(out.data(), out.size(), &count));
    return out;
  }
  std::unique_ptr<colayout_layout, detail::LayoutFree> handle_;
};

// The one-shot layout (colayout_layout_edges): `[x0, y0, x1, y1, ...]`, the CLI's bits.
inline std::vector<double> layout_edges(uint32_t node_count, const std::vector<uint32_t>& edges,
                                        const std::optional<Options>& options = std::nullopt) {
  if (edges.size() % 2 != 0) {
    throw Error(COLAYOUT_INVALID_OPTION, "edges must hold two node indices per link");
  }
  std::vector<double> out(2 * static_cast<size_t>(node_count));
  detail::check(colayout_layout_edges(node_count, detail::data_or_null(edges), edges.size() / 2,
                                      options ? &*options : nullptr, out.data(), out.size()));
  return out;
}

}  // namespace colayout

#endif  // COLAYOUT_HPP
