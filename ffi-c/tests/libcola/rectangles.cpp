// libcola-style program: 9 random overlapping rectangles, a few edges, overlap
// avoidance on. Exits 1 if any two rectangles still overlap after run().
#include <cstdio>
#include <vector>

#include <libcola/cola.h>

int main() {
  cola::PseudoRandom rng(7);
  vpsc::Rectangles rs;
  for (unsigned i = 0; i < 9; ++i) {
    double x = rng.getNextBetween(0, 60), y = rng.getNextBetween(0, 60);
    double w = rng.getNextBetween(20, 50), h = rng.getNextBetween(15, 40);
    rs.push_back(new vpsc::Rectangle(x, x + w, y, y + h));
  }
  std::vector<cola::Edge> es = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}, {5, 6}, {6, 7}, {7, 8},
                                {8, 5}, {0, 5}};
  int before = 0;
  for (size_t i = 0; i < rs.size(); ++i)
    for (size_t j = i + 1; j < rs.size(); ++j)
      if (rs[i]->overlapX(rs[j]) > 1e-6 && rs[i]->overlapY(rs[j]) > 1e-6) ++before;
  std::printf("overlapping pairs before: %d\n", before);

  cola::ConstrainedFDLayout alg(rs, es, 40);
  alg.setAvoidNodeOverlaps(true);
  alg.run();

  int overlaps = 0;
  for (size_t i = 0; i < rs.size(); ++i) {
    std::printf("rect %zu: centre (%.3f, %.3f) size %.3f x %.3f\n", i, rs[i]->getCentreX(),
                rs[i]->getCentreY(), rs[i]->width(), rs[i]->height());
    for (size_t j = i + 1; j < rs.size(); ++j) {
      double ox = rs[i]->overlapX(rs[j]), oy = rs[i]->overlapY(rs[j]);
      if (ox > 1e-6 && oy > 1e-6) {
        std::printf("overlap: %zu and %zu by %g x %g\n", i, j, ox, oy);
        ++overlaps;
      }
    }
  }
  alg.freeAssociatedObjects();
  if (before == 0) {
    std::printf("the start had no overlaps: the test proves nothing\n");
    return 1;
  }
  if (overlaps) return 1;
  std::printf("no overlaps\n");
  return 0;
}
