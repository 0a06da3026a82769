// The C++ quick start: boxes that must not overlap, a group, and an alignment.
//   c++ -std=c++17 layout.cpp $(pkg-config --cflags --libs colayout) -o layout && ./layout
#include <cstdio>

#include <colayout.hpp>

int main() try {
  colayout::Graph graph = colayout::Graph::from_edges(5, {0, 1, 1, 2, 2, 3, 3, 4, 4, 0});
  graph.add_group({0, 1}, {}, /*padding=*/8.0);
  graph.add_alignment(colayout::Axis::Y, {2, 3});  // 2 and 3 on one horizontal line
  colayout::Options options = colayout::default_options();
  options.avoid_overlaps = true;
  options.link_distance = 60;
  colayout::Layout layout(graph, options);
  layout.start(colayout::iterations(10, 10, 10));
  std::vector<double> xy = layout.positions();
  for (size_t i = 0; i < layout.node_count(); i++) std::printf("node %zu: %.2f %.2f\n", i, xy[2 * i], xy[2 * i + 1]);
  colayout::Rect box = layout.group_bounds()[0];
  std::printf("group 0: x %.2f..%.2f, y %.2f..%.2f\n", box.x, box.x_max, box.y, box.y_max);
  return 0;
} catch (const colayout::Error& e) {
  std::fprintf(stderr, "colayout: %s (%s)\n", e.what(), e.name());
  return 1;
}
