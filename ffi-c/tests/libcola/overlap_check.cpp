// libcola-style program that must FAIL (exit 1): stacked rectangles pulled together by
// short edges with overlap avoidance off still overlap after run(). It proves that the
// self-check of rectangles.cpp can fail.
#include <cstdio>
#include <vector>

#include <libcola/cola.h>

int main() {
  vpsc::Rectangles rs;
  for (unsigned i = 0; i < 5; ++i)
    rs.push_back(new vpsc::Rectangle(i * 4.0, i * 4.0 + 50, i * 3.0, i * 3.0 + 40));
  std::vector<cola::Edge> es = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}};
  cola::ConstrainedFDLayout alg(rs, es, 10);
  alg.setAvoidNodeOverlaps(false);
  alg.run();
  int overlaps = 0;
  for (size_t i = 0; i < rs.size(); ++i)
    for (size_t j = i + 1; j < rs.size(); ++j)
      if (rs[i]->overlapX(rs[j]) > 1e-6 && rs[i]->overlapY(rs[j]) > 1e-6) {
        std::printf("overlap: %zu and %zu\n", i, j);
        ++overlaps;
      }
  alg.freeAssociatedObjects();
  if (overlaps) return 1;
  std::printf("no overlaps\n");
  return 0;
}
