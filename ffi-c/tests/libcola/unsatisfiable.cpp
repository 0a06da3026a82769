// libcola-style program: two separation constraints that contradict each other (and,
// as libcola's own unsatisfiable test, a y alignment against a y separation). run()
// must not throw; the unsatisfiable constraints are reported. Exits 0 only if the
// report is not empty.
#include <cstdio>
#include <vector>

#include <libcola/cola.h>

using namespace cola;

int main() {
  vpsc::Rectangles rs;
  rs.push_back(new vpsc::Rectangle(0, 10, 0, 10));
  rs.push_back(new vpsc::Rectangle(30, 40, 5, 15));
  std::vector<Edge> es = {{0, 1}};

  CompoundConstraints ccs;
  ccs.push_back(new SeparationConstraint(vpsc::XDIM, 0, 1, 10));
  ccs.push_back(new SeparationConstraint(vpsc::XDIM, 1, 0, 10));  // contradicts the first
  AlignmentConstraint* row = new AlignmentConstraint(vpsc::YDIM);
  row->addShape(0, 0);
  row->addShape(1, 0);
  ccs.push_back(row);
  ccs.push_back(new SeparationConstraint(vpsc::YDIM, 0, 1, 10));  // contradicts the row

  UnsatisfiableConstraintInfos ux, uy;
  ConstrainedFDLayout alg(rs, es, 30);
  alg.setConstraints(ccs);
  alg.setUnsatisfiableConstraintInfo(&ux, &uy);
  try {
    alg.run();
  } catch (const std::exception& e) {
    std::printf("run() threw: %s\n", e.what());
    return 1;
  }
  std::printf("x: %zu unsatisfiable, y: %zu unsatisfiable\n", ux.size(), uy.size());
  for (UnsatisfiableConstraintInfo* u : ux) std::printf("x %s\n", u->toString().c_str());
  for (UnsatisfiableConstraintInfo* u : uy) std::printf("y %s\n", u->toString().c_str());
  bool ok = !ux.empty() && !uy.empty();
  for (UnsatisfiableConstraintInfo* u : ux) delete u;
  for (UnsatisfiableConstraintInfo* u : uy) delete u;
  alg.freeAssociatedObjects();
  return ok ? 0 : 1;
}
