// colayout.hpp as a C++ program uses it: RAII handles, exceptions with the status, the
// engine through its methods. Prints "N passed, N failed".
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>

#include "colayout.hpp"

static int passed, failed;
#define CHECK(cond)                                                            \
  do {                                                                         \
    if (cond) {                                                                \
      passed++;                                                                \
    } else {                                                                   \
      failed++;                                                                \
      std::fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
    }                                                                          \
  } while (0)

// `f` throws colayout::Error with `status` and a message.
template <class F>
static void throws(F f, colayout_status status) {
  try {
    f();
    failed++;
    std::fprintf(stderr, "expected %s, nothing thrown\n", colayout_status_name(status));
  } catch (const colayout::Error& e) {
    CHECK(e.status() == status);
    CHECK(std::string(e.what()).size() > 0);
    CHECK(std::string(e.name()) == colayout_status_name(status));
  }
}

int main() {
  CHECK(colayout::version().find('.') != std::string::npos);
  colayout::Graph g = colayout::Graph::from_edges(6, {0, 1, 1, 2, 2, 3, 3, 4, 4, 5});
  size_t group = g.add_group({0, 1}, {}, 5.0);
  size_t sep = g.add_separation(colayout::Axis::X, 2, 3, 40);
  size_t al = g.add_alignment(colayout::Axis::Y, {4, 5});
  CHECK(group == 0 && sep == 0 && al == 1);
  colayout::Options o = colayout::default_options();
  o.avoid_overlaps = true;
  o.link_distance = 50;
  colayout::Layout layout(g, o);
  size_t ticks = layout.start(colayout::iterations(10, 10, 10));
  CHECK(ticks > 0 && layout.node_count() == 6 && layout.group_count() == 1 && layout.dims() == 2);
  std::vector<double> p = layout.positions();
  CHECK(p.size() == 12);
  CHECK(p[6] >= p[4] + 40 - 1e-3);
  CHECK(std::fabs(p[9] - p[11]) < 1e-3);
  CHECK(layout.unsatisfied().empty());
  CHECK(layout.overlapping_nodes().empty());
  CHECK(layout.group_bounds().size() == 1 && layout.node_bounds().size() == 6);
  colayout::Stats s = layout.stats();
  CHECK(s.stress > 0 && s.ticks == ticks);

  layout.resume();
  layout.drag_start(colayout::DragTarget::Node, 5);
  layout.drag(colayout::DragTarget::Node, 5, 300, 200);
  layout.tick();
  p = layout.positions();
  CHECK(p[10] == 300 && p[11] == 200);
  layout.drag_end(colayout::DragTarget::Node, 5);
  layout.stop();

  // Moved handles stay valid; the moved-from ones are empty and free nothing.
  colayout::Layout moved = std::move(layout);
  CHECK(moved.positions().size() == 12);
  colayout::Graph g2 = colayout::Graph::from_edges(7, {0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6});
  moved.update(g2, {0, 1, 2, 3, 4, 5, -1});
  CHECK(moved.positions().size() == 14);
  moved.run();

  throws([] { colayout::Graph::from_edges(2, {0, 5}); }, COLAYOUT_LINK_OUT_OF_RANGE);
  throws([] { colayout::Graph::from_json("{\"nodes\": ["); }, COLAYOUT_PARSE);
  throws([&] { moved.drag_start(colayout::DragTarget::Node, 99); }, COLAYOUT_NODE_OUT_OF_RANGE);
  throws(
      [] {
        colayout::Graph bad = colayout::Graph::from_edges(3, {0, 1});
        bad.add_group({0, 1});
        bad.add_group({1, 2});
        colayout::Layout l(bad);
      },
      COLAYOUT_NODE_IN_TWO_GROUPS);
  colayout::Options bad = colayout::default_options();
  bad.link_distance = -1;
  throws([&] { colayout::layout_edges(3, {0, 1, 1, 2}, bad); }, COLAYOUT_INVALID_OPTION);

  // The one-shot layout gives the handle's bits for the same graph and defaults.
  std::vector<double> once = colayout::layout_edges(4, {0, 1, 1, 2, 2, 3});
  colayout::Layout l4(colayout::Graph::from_edges(4, {0, 1, 1, 2, 2, 3}));
  l4.start();
  CHECK(once == l4.positions());

  colayout::Graph json = colayout::Graph::from_json(
      R"({"nodes": [{"width": 10, "height": 10}, {"width": 10, "height": 10}], "links": [[0, 1]]})");
  colayout::Layout lj(json, o);
  lj.start();
  CHECK(lj.overlapping_nodes().empty());
  lj.make_feasible();

  std::printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
