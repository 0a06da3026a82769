// libcola-style program: the rest of ConstrainedFDLayout's surface. A TestConvergence
// subclass sees every iteration; run(true, false) moves x only; a PreIteration lock
// holds a node; runOnce is one iteration; makeFeasible removes overlaps with its
// border; a bad node index throws InvalidVariableIndexException, C errors and what the
// layer cannot map throw too; libcola's "constrained" test (x alignment of nodes 0 and
// 3). Exits 1 on any failed check.
#include <cmath>
#include <cstdio>
#include <vector>

#include <libcola/cola.h>

using namespace cola;

static int failures = 0;

static void expect(bool ok, const char* what, double value) {
  std::printf("%s %s (%g)\n", ok ? "ok  " : "FAIL", what, value);
  if (!ok) ++failures;
}

struct Counting : TestConvergence {
  Counting() : TestConvergence(1e-4, 30) {}
  bool operator()(const double stress, std::valarray<double>& X,
                  std::valarray<double>& Y) override {
    ++calls;
    sizesOk = sizesOk && X.size() == 4 && Y.size() == 4;
    last = stress;
    return TestConvergence::operator()(stress, X, Y);
  }
  unsigned calls = 0;
  bool sizesOk = true;
  double last = -1;
};

struct Holder : PreIteration {
  explicit Holder(Locks& l) : PreIteration(l) {}
  bool operator()() override { return ++calls < 1000; }
  unsigned calls = 0;
};

static vpsc::Rectangles square() {
  vpsc::Rectangles rs;
  const double p[][2] = {{0, 0}, {70, 10}, {20, 80}, {90, 60}};
  for (const auto& q : p) rs.push_back(new vpsc::Rectangle(q[0], q[0] + 10, q[1], q[1] + 10));
  return rs;
}

static void freeAll(vpsc::Rectangles& rs) {
  for (vpsc::Rectangle* r : rs) delete r;
}

int main() {
  const std::vector<Edge> es = {{0, 1}, {1, 2}, {2, 3}, {1, 3}};
  {  // libcola's tests/constrained.cpp, checked as there: |x0 - x3| < 0.001
    vpsc::Rectangles rs = square();
    AlignmentConstraint a(vpsc::XDIM);
    a.addShape(0, 0);
    a.addShape(3, 0);
    CompoundConstraints ccs = {&a};
    Counting done;
    ConstrainedFDLayout alg(rs, es, 50, StandardEdgeLengths, &done);
    alg.setConstraints(ccs);
    double before = alg.computeStress();
    alg.run();
    double after = alg.computeStress();
    expect(std::fabs(rs[0]->getCentreX() - rs[3]->getCentreX()) < 1e-3, "constrained: x0 == x3",
           rs[0]->getCentreX() - rs[3]->getCentreX());
    expect(after < before, "run lowers the stress", after);
    expect(done.calls > 1 && done.calls <= 31 && done.sizesOk,
           "TestConvergence called per iteration", done.calls);
    expect(std::fabs(done.last - after) < 1e-9, "computeStress is the stress given to the test",
           done.last);
    unsigned first = done.calls;
    alg.run();  // resets the test and runs again from here
    expect(done.calls > first, "a second run iterates again", done.calls - first);
    freeAll(rs);
  }
  {  // run(true, false): y stays
    vpsc::Rectangles rs = square();
    std::vector<double> y0;
    for (auto* r : rs) y0.push_back(r->getCentreY());
    ConstrainedFDLayout alg(rs, es, 50);
    alg.run(true, false);
    double dy = 0, dx = 0;
    for (size_t i = 0; i < rs.size(); ++i)
      dy = std::fmax(dy, std::fabs(rs[i]->getCentreY() - y0[i]));
    dx = std::fabs(rs[0]->getCentreX() - 5);
    expect(dy == 0 && dx > 1e-3, "run(true, false) moves x only", dy);
    freeAll(rs);
  }
  {  // a lock holds node 2 at (200, 200)
    vpsc::Rectangles rs = square();
    Locks locks = {Lock(2, 200, 200)};
    Holder pre(locks);
    ConstrainedFDLayout alg(rs, es, 50, StandardEdgeLengths, nullptr, &pre);
    alg.run();
    double off = std::fabs(rs[2]->getCentreX() - 200);
    off = std::fmax(off, std::fabs(rs[2]->getCentreY() - 200));
    expect(off < 1e-6, "lock holds node 2 at (200, 200)", off);
    expect(pre.calls > 1, "PreIteration called per iteration", pre.calls);
    freeAll(rs);
  }
  {  // runOnce moves, makeFeasible separates with its border of 1
    vpsc::Rectangles rs;
    for (unsigned i = 0; i < 4; ++i) rs.push_back(new vpsc::Rectangle(i, i + 20, i, i + 20));
    ConstrainedFDLayout alg(rs, es, 50);
    alg.setAvoidNodeOverlaps(true);
    double x1 = rs[1]->getCentreX();
    alg.runOnce();
    expect(rs[1]->getCentreX() != x1, "runOnce moves the rectangles", rs[1]->getCentreX() - x1);
    for (unsigned i = 0; i < 4; ++i) rs[i]->moveCentre(10 + i, 10 + i);
    alg.makeFeasible();
    double closest = HUGE_VAL;  // gap between boxes (all 20 x 20): max(|dx|, |dy|) - 20
    for (size_t i = 0; i < rs.size(); ++i)
      for (size_t j = i + 1; j < rs.size(); ++j) {
        double dx = std::fabs(rs[i]->getCentreX() - rs[j]->getCentreX());
        double dy = std::fabs(rs[i]->getCentreY() - rs[j]->getCentreY());
        closest = std::fmin(closest, std::fmax(dx, dy) - 20);
      }
    expect(closest > 2 - 1e-6, "makeFeasible leaves the boxes 2 apart (border 1)", closest);
    freeAll(rs);
  }
  {  // a constraint on node 5 of 4
    vpsc::Rectangles rs = square();
    SeparationConstraint bad(vpsc::XDIM, 0, 5, 10);
    CompoundConstraints ccs = {&bad};
    ConstrainedFDLayout alg(rs, es, 50);
    alg.setConstraints(ccs);
    bool thrown = false;
    try {
      alg.run();
    } catch (InvalidVariableIndexException& e) {
      thrown = e.index == 5 && e.constraint == &bad;
      std::printf("caught: %s\n", e.what());
    }
    expect(thrown, "bad index throws InvalidVariableIndexException", 5);
    freeAll(rs);
  }
  {  // the C API's errors come back as exceptions with its message
    vpsc::Rectangles rs = square();
    std::vector<Edge> bad = {{0, 9}};
    ConstrainedFDLayout alg(rs, bad, 50);
    bool thrown = false;
    try {
      alg.run();
    } catch (ColayoutError& e) {
      thrown = e.status == COLAYOUT_LINK_OUT_OF_RANGE;
      std::printf("caught: %s\n", e.what());
    }
    expect(thrown, "an edge to node 9 of 4 throws ColayoutError", 9);
    freeAll(rs);
  }
  {  // what the layer cannot map throws, with a message
    struct Custom : CompoundConstraint {
      Custom() : CompoundConstraint(vpsc::XDIM) {}
      std::string toString() const override { return "Custom"; }
    } custom;
    AlignmentConstraint a(vpsc::XDIM), b(vpsc::XDIM);
    a.addShape(0, 0);
    b.addShape(1, 0);
    DistributionConstraint dist(vpsc::XDIM);
    dist.addAlignmentPair(&a, &b);  // b is not in the list
    RootCluster root;
    root.addChildCluster(new RectangularCluster(2));
    int thrown = 0;
    for (int k = 0; k < 3; ++k) {
      vpsc::Rectangles rs = square();
      ConstrainedFDLayout alg(rs, es, 50);
      CompoundConstraints ccs;
      if (k == 0) ccs = {&custom};
      if (k == 1) ccs = {&a, &dist};
      alg.setConstraints(ccs);
      if (k == 2) alg.setClusterHierarchy(&root);
      try {
        alg.run();
      } catch (UnsupportedFeature& e) {
        thrown += k != 1;
        std::printf("caught: %s\n", e.what());
      } catch (InvalidConstraint& e) {
        thrown += k == 1 && e.constraint == &dist;
        std::printf("caught: %s\n", e.what());
      }
      freeAll(rs);
    }
    expect(thrown == 3, "custom constraint, stray alignment, cluster of a rectangle throw",
           thrown);
  }
  {
    PseudoRandom r;
    double a = r.getNext(), b = r.getNext();
    expect(a == 41.0 / 32767 && b == 18467.0 / 32767, "PseudoRandom(1) gives 41, 18467 / 32767", a);
  }
  return failures ? 1 : 0;
}
