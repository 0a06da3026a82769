// libcola-style program: a small layout with a cluster, then outputInstanceToSVG("out").
// Prints "box N x y width height" for each node's final box; run.sh checks that
// out.svg has exactly one <rect id="rect-N"> per node with that box.
#include <cstdio>
#include <vector>

#include <libcola/cola.h>

using namespace cola;

int main() {
  vpsc::Rectangles rs;
  const double start[][2] = {{0, 0}, {30, 5}, {10, 40}, {50, 50}, {80, 10}, {60, 90}};
  for (const auto& p : start) rs.push_back(new vpsc::Rectangle(p[0], p[0] + 30, p[1], p[1] + 20));
  std::vector<Edge> es = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 0}};
  RootCluster* root = new RootCluster();
  RectangularCluster* c = new RectangularCluster();
  c->setPadding(6);
  c->addChildNode(0);
  c->addChildNode(1);
  root->addChildCluster(c);

  ConstrainedFDLayout alg(rs, es, 60);
  alg.setAvoidNodeOverlaps(true);
  alg.setClusterHierarchy(root);
  alg.run();
  alg.outputInstanceToSVG("out");
  for (size_t i = 0; i < rs.size(); ++i)
    std::printf("box %zu %.6f %.6f %.6f %.6f\n", i, rs[i]->getMinX(), rs[i]->getMinY(),
                rs[i]->width(), rs[i]->height());
  std::printf("nodes %zu\n", rs.size());
  alg.freeAssociatedObjects();
  return 0;
}
