// A libcola program, timed: a random connected graph (spanning tree plus random
// edges, ideal edge length 60) of 10 x 10 boxes laid out by cola::ConstrainedFDLayout
// with libcola's default TestConvergence(1e-4, 100), as libcola-notes.md §4 measured
// libcola. Built unchanged against colayout's compat headers.
//   libcola_program N M AVOID_OVERLAPS(0|1)
// Prints "iterations|seconds|stress|overlapping pairs before|after".
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <valarray>
#include <vector>

#include <libcola/cola.h>

// libcola's TestConvergence, counting the iterations it sees.
struct Counting : cola::TestConvergence {
  unsigned seen = 0;
  double last = 0;
  bool operator()(const double stress, std::valarray<double>& X, std::valarray<double>& Y) override {
    ++seen;
    last = stress;
    return cola::TestConvergence::operator()(stress, X, Y);
  }
};

static int overlapping(const vpsc::Rectangles& rs) {
  int k = 0;
  for (size_t i = 0; i < rs.size(); ++i)
    for (size_t j = i + 1; j < rs.size(); ++j)
      if (rs[i]->overlapX(rs[j]) > 1e-6 && rs[i]->overlapY(rs[j]) > 1e-6) ++k;
  return k;
}

int main(int argc, char** argv) {
  if (argc < 4) return 2;
  const unsigned n = static_cast<unsigned>(std::atoi(argv[1]));
  const unsigned m = static_cast<unsigned>(std::atoi(argv[2]));
  const bool avoid = std::atoi(argv[3]) != 0;
  cola::PseudoRandom rng(1);
  std::vector<cola::Edge> es;
  for (unsigned v = 1; v < n; ++v) es.emplace_back(static_cast<unsigned>(rng.getNextBetween(0, v)), v);
  while (es.size() < m) {
    unsigned a = static_cast<unsigned>(rng.getNextBetween(0, n)), b = static_cast<unsigned>(rng.getNextBetween(0, n));
    if (a != b && a < n && b < n) es.emplace_back(a, b);
  }
  vpsc::Rectangles rs;
  for (unsigned i = 0; i < n; ++i) {
    double x = rng.getNextBetween(0, 600), y = rng.getNextBetween(0, 600);
    rs.push_back(new vpsc::Rectangle(x, x + 10, y, y + 10));
  }
  const int before = overlapping(rs);
  Counting done;
  auto t0 = std::chrono::steady_clock::now();
  cola::ConstrainedFDLayout alg(rs, es, 60, cola::StandardEdgeLengths, &done);
  alg.setAvoidNodeOverlaps(avoid);
  alg.run();
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%u|%.6f|%.1f|%d|%d\n", done.seen, s, done.last, before, overlapping(rs));
  for (vpsc::Rectangle* r : rs) delete r;
  return 0;
}
