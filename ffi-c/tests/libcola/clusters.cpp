// libcola-style program: a RootCluster with two RectangularClusters with padding (one
// with a nested cluster), a third cluster sharing a node with the first (clusters that
// do not nest), overlap avoidance on. Checks each cluster's bounds contain its nodes'
// boxes (and its child clusters') with exactly the padding, and that other nodes
// stay out.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <vector>

#include <libcola/cola.h>

using namespace cola;

static int failures = 0;

// Does outer hold inner grown by pad (left, right, top, bottom)?
static bool holds(const vpsc::Rectangle& outer, const vpsc::Rectangle& inner, const Box& pad) {
  const double eps = 1e-6;
  return outer.getMinX() <= inner.getMinX() - pad.min(0) + eps &&
         outer.getMaxX() >= inner.getMaxX() + pad.max(0) - eps &&
         outer.getMinY() <= inner.getMinY() - pad.min(1) + eps &&
         outer.getMaxY() >= inner.getMaxY() + pad.max(1) - eps;
}

static void checkCluster(const char* name, RectangularCluster* c, const vpsc::Rectangles& rs) {
  const vpsc::Rectangle& b = c->bounds;
  std::printf("%s bounds: ", name);
  std::cout << b << "\n";
  bool ok = b.isValid();
  for (unsigned i : c->nodes) {
    if (!holds(b, *rs[i], c->padding())) {
      std::printf("FAIL %s does not hold node %u with its padding\n", name, i);
      ok = false;
    }
  }
  for (Cluster* k : c->clusters) {
    vpsc::Rectangle outer = k->margin().rectangleByApplyingBox(k->bounds);
    if (!holds(b, outer, c->padding())) {
      std::printf("FAIL %s does not hold its child cluster with margin and padding\n", name);
      ok = false;
    }
  }
  // Tight: the bounds are exactly the members' box plus the padding.
  vpsc::Rectangle run = b;
  c->computeBoundingRect(rs);
  double off = std::fabs(run.getMinX() - b.getMinX());
  off = std::fmax(off, std::fabs(run.getMaxX() - b.getMaxX()));
  off = std::fmax(off, std::fabs(run.getMinY() - b.getMinY()));
  off = std::fmax(off, std::fabs(run.getMaxY() - b.getMaxY()));
  if (off > 1e-6) {
    std::printf("FAIL %s bounds are %g from the members' box plus padding\n", name, off);
    ok = false;
  }
  c->bounds = run;
  if (!ok) ++failures;
}

static void checkOutside(const char* name, const Cluster* c, unsigned i,
                         const vpsc::Rectangles& rs) {
  const vpsc::Rectangle& b = c->bounds;
  const double eps = 1e-3;
  if (rs[i]->overlapX(&b) > eps && rs[i]->overlapY(&b) > eps) {
    std::printf("FAIL node %u overlaps %s\n", i, name);
    ++failures;
  }
}

int main() {
  const unsigned n = 10;
  vpsc::Rectangles rs;
  PseudoRandom rng(11);
  for (unsigned i = 0; i < n; ++i) {
    double x = rng.getNextBetween(0, 100), y = rng.getNextBetween(0, 100);
    rs.push_back(new vpsc::Rectangle(x, x + 24, y, y + 16));
  }
  std::vector<Edge> es = {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 0}, {5, 6}, {6, 2},
                          {7, 8}, {8, 9}, {9, 7}, {7, 0}, {9, 5}};

  RootCluster* root = new RootCluster();
  root->setAllowsMultipleParents(true);
  RectangularCluster* c1 = new RectangularCluster();
  c1->setPadding(8);
  c1->addChildNode(0);
  c1->addChildNode(1);
  c1->addChildNode(2);
  RectangularCluster* c2 = new RectangularCluster();
  c2->setPadding(5);
  c2->setMargin(3);
  c2->addChildNode(3);
  c2->addChildNode(4);
  c1->addChildCluster(c2);
  RectangularCluster* c3 = new RectangularCluster();
  c3->setPadding(Box(4, 6, 2, 10));
  c3->addChildNode(5);
  c3->addChildNode(6);
  c3->addChildNode(2);  // also in c1: c1 and c3 do not nest
  root->addChildCluster(c1);
  root->addChildCluster(c3);
  for (unsigned i = 7; i < n; ++i) root->addChildNode(i);

  ConstrainedFDLayout alg(rs, es, 50);
  alg.setAvoidNodeOverlaps(true);
  alg.setClusterHierarchy(root);
  alg.run();

  for (unsigned i = 0; i < n; ++i)
    std::printf("rect %u: centre (%.3f, %.3f)\n", i, rs[i]->getCentreX(), rs[i]->getCentreY());
  checkCluster("c1", c1, rs);
  checkCluster("c2", c2, rs);
  checkCluster("c3", c3, rs);
  for (unsigned i = 7; i < n; ++i) {
    checkOutside("c1", c1, i, rs);
    checkOutside("c3", c3, i, rs);
  }
  checkOutside("c2", c2, 0, rs);
  checkOutside("c2", c2, 1, rs);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j)
      if (rs[i]->overlapX(rs[j]) > 1e-3 && rs[i]->overlapY(rs[j]) > 1e-3) {
        std::printf("FAIL nodes %zu and %zu overlap\n", i, j);
        ++failures;
      }
  alg.freeAssociatedObjects();  // deletes the rectangles and the whole hierarchy
  if (failures) return 1;
  std::printf("contained\n");
  return 0;
}
