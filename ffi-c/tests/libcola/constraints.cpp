// libcola-style program: separation, alignment, distribution, multi-separation,
// fixed-relative, page-boundary and boundary constraints; checks each after run().
// Prints "aligned" when the aligned centres agree, and exits 1 on any failed check.
#include <cmath>
#include <cstdio>
#include <vector>

#include <libcola/cola.h>

using namespace cola;

static int failures = 0;

static void expect(bool ok, const char* what, double value) {
  std::printf("%s %s (%.6f)\n", ok ? "ok  " : "FAIL", what, value);
  if (!ok) ++failures;
}

int main() {
  const unsigned n = 12;
  vpsc::Rectangles rs;
  PseudoRandom rng(3);
  for (unsigned i = 0; i < n; ++i) {
    double x = rng.getNextBetween(-80, 80), y = rng.getNextBetween(-80, 80);
    rs.push_back(new vpsc::Rectangle(x - 10, x + 10, y - 8, y + 8));
  }
  std::vector<Edge> es;
  for (unsigned i = 0; i < n; ++i) es.push_back(Edge(i, (i + 1) % n));
  es.push_back(Edge(0, 6));
  es.push_back(Edge(3, 9));
  const double x10 = rs[10]->getCentreX(), y10 = rs[10]->getCentreY();
  const double x11 = rs[11]->getCentreX(), y11 = rs[11]->getCentreY();

  CompoundConstraints ccs;
  ccs.push_back(new SeparationConstraint(vpsc::XDIM, 0, 1, 60));
  ccs.push_back(new SeparationConstraint(vpsc::YDIM, 0, 1, 15, true));
  AlignmentConstraint* rowY = new AlignmentConstraint(vpsc::YDIM);
  rowY->addShape(2, 0);
  rowY->addShape(3, 0);
  rowY->addShape(4, 0);
  AlignmentConstraint* colA = new AlignmentConstraint(vpsc::XDIM);
  colA->addShape(5, 0);
  colA->addShape(6, 10);
  AlignmentConstraint* colB = new AlignmentConstraint(vpsc::XDIM);
  colB->addShape(7, 0);
  colB->addShape(8, 0);
  DistributionConstraint* dist = new DistributionConstraint(vpsc::XDIM);
  dist->addAlignmentPair(colA, colB);
  dist->setSeparation(80);
  AlignmentConstraint* fixedRow = new AlignmentConstraint(vpsc::YDIM);
  fixedRow->addShape(5, 0);
  fixedRow->addShape(6, 0);
  fixedRow->fixPos(100);
  MultiSeparationConstraint* multi = new MultiSeparationConstraint(vpsc::YDIM, 30);
  multi->addAlignmentPair(rowY, fixedRow);
  SeparationConstraint* guides = new SeparationConstraint(vpsc::YDIM, rowY, fixedRow, 20);
  FixedRelativeConstraint* rigid = new FixedRelativeConstraint(rs, {10, 11});
  PageBoundaryConstraints* page = new PageBoundaryConstraints(-300, 300, -300, 300);
  for (unsigned i = 0; i < n; ++i) page->addShape(i, rs[i]->width() / 2, rs[i]->height() / 2);
  BoundaryConstraint* line = new BoundaryConstraint(vpsc::XDIM);
  line->addShape(2, -12);
  line->addShape(7, 12);
  // The distribution comes before its alignments: the layout lowers alignments first.
  for (CompoundConstraint* c : std::vector<CompoundConstraint*>{
           dist, rowY, colA, colB, fixedRow, multi, guides, rigid, page, line})
    ccs.push_back(c);

  ConstrainedFDLayout alg(rs, es, 40);
  alg.setConstraints(ccs);
  alg.run();

  auto X = [&](unsigned i) { return rs[i]->getCentreX(); };
  auto Y = [&](unsigned i) { return rs[i]->getCentreY(); };
  const double eps = 1e-3;
  expect(X(1) - X(0) >= 60 - eps, "separation x1 - x0 >= 60", X(1) - X(0));
  expect(std::fabs(Y(1) - Y(0) - 15) < eps, "equality y1 - y0 == 15", Y(1) - Y(0));
  double spread = std::fmax(std::fabs(Y(3) - Y(2)), std::fabs(Y(4) - Y(2)));
  expect(spread < eps, "alignment y2 == y3 == y4", spread);
  if (spread < eps) std::printf("aligned\n");
  expect(std::fabs(rowY->position() - Y(2)) < eps, "alignment position() is the guide",
         rowY->position());
  expect(std::fabs(X(6) - X(5) - 10) < eps, "alignment offset x6 - x5 == 10", X(6) - X(5));
  expect(std::fabs(X(8) - X(7)) < eps, "alignment x7 == x8", X(8) - X(7));
  expect(std::fabs(colB->position() - colA->position() - 80) < eps,
         "distribution guides 80 apart", colB->position() - colA->position());
  expect(std::fabs(Y(5) - 100) < 1e-2 && std::fabs(Y(6) - 100) < 1e-2,
         "fixed alignment y5 == y6 == 100", Y(5));
  expect(Y(5) - Y(2) >= 30 - eps, "multi-separation guides >= 30 apart", Y(5) - Y(2));
  expect(Y(5) - Y(2) >= 20 - eps, "separation between alignments >= 20", Y(5) - Y(2));
  expect(std::fabs(X(11) - X(10) - (x11 - x10)) < eps &&
             std::fabs(Y(11) - Y(10) - (y11 - y10)) < eps,
         "fixed-relative offsets kept", X(11) - X(10));
  double outside = 0;
  for (unsigned i = 0; i < n; ++i) {
    outside = std::fmax(outside, -300 - rs[i]->getMinX());
    outside = std::fmax(outside, rs[i]->getMaxX() - 300);
    outside = std::fmax(outside, -300 - rs[i]->getMinY());
    outside = std::fmax(outside, rs[i]->getMaxY() - 300);
  }
  expect(outside < eps, "page boundary holds every box", outside);
  expect(X(7) - X(2) >= 24 - eps && line->position >= X(2) + 12 - eps &&
             line->position <= X(7) - 12 + eps,
         "boundary line between its shapes", line->position);
  for (unsigned i = 0; i < n; ++i)
    std::printf("rect %u: centre (%.3f, %.3f)\n", i, X(i), Y(i));
  alg.freeAssociatedObjects();
  return failures ? 1 : 0;
}
