// libcola compatibility (colayout): the main libcola header. A libcola program built
// with -I ffi-c/include/compat -I ffi-c/include and linked with -lcolayout runs on the
// colayout C API. Header-only C++17; written from the behaviour described in the
// libcola notes (libcola is LGPL; nothing here is copied from it).
//
// Provided: the basic types, TestConvergence, PreIteration (with locks), the compound
// constraints (compound_constraints.h), clusters (cluster.h) and ConstrainedFDLayout
// (colafd_compat.h). What is mapped approximately or not at all is listed at the top
// of each header. Not provided: ConstrainedMajorizationLayout, the topology addon,
// projectOntoCCs, connected components, shortest_paths, straightener, OutputFile.

#ifndef COLAYOUT_COMPAT_LIBCOLA_COLA_H
#define COLAYOUT_COMPAT_LIBCOLA_COLA_H

#include <cfloat>
#include <utility>
#include <valarray>
#include <vector>

#include <libvpsc/rectangle.h>

namespace cola {

typedef std::pair<unsigned, unsigned> Edge;
// Per-edge multipliers of the ideal length; empty means all 1.
typedef std::vector<double> EdgeLengths;
#define StandardEdgeLengths EdgeLengths()
typedef std::vector<unsigned> NodeIndexes;
typedef std::vector<NodeIndexes> ListOfNodeIndexes;

// A required position for a node, set through PreIteration::locks.
class Lock {
 public:
  Lock() {}
  Lock(unsigned id, double x, double y) : id_(id), pos_{x, y} {}
  unsigned getID() const { return id_; }
  double pos(unsigned dim) const { return pos_[dim == 0 ? 0 : 1]; }

 private:
  unsigned id_ = 0;
  double pos_[2] = {0, 0};
};
typedef std::vector<Lock> Locks;

// A new box for a node. Only libtopology acts on resizes; ignored here, as by
// libcola's default addon.
class Resize {
 public:
  Resize() {}
  Resize(unsigned id, double x, double y, double w, double h)
      : id_(id), target_(x, x + w, y, y + h) {}
  unsigned getID() const { return id_; }
  const vpsc::Rectangle* getTarget() const { return &target_; }

 private:
  unsigned id_ = 0;
  vpsc::Rectangle target_;
};
typedef std::vector<Resize> Resizes;

// A soft goal position. Not supported by the C API: setDesiredPositions warns and
// ignores them.
struct DesiredPosition {
  unsigned id;
  double x;
  double y;
  double weight;
};
typedef std::vector<DesiredPosition> DesiredPositions;

namespace detail {
inline Locks& unusedLocks() {
  static Locks l;
  return l;
}
inline Resizes& unusedResizes() {
  static Resizes r;
  return r;
}
}  // namespace detail

// Called before each iteration of run(); returning false ends the run. The locks are
// applied for that iteration (the C API's drag: the node is held exactly at its lock).
// When changed is true, the convergence test's stress memory is cleared (old_stress
// back to DBL_MAX) so that the jump does not read as convergence. Not called by
// runOnce() or computeStress().
class PreIteration {
 public:
  PreIteration(Locks& l = detail::unusedLocks(), Resizes& r = detail::unusedResizes())
      : locks(l), resizes(r) {}
  explicit PreIteration(Resizes& r) : locks(detail::unusedLocks()), resizes(r) {}
  virtual ~PreIteration() {}
  virtual bool operator()() { return true; }

  Locks& locks;
  Resizes& resizes;
  bool changed = false;
};

// Decides when run() stops, from the stress after each iteration (override it to
// animate or log; X and Y are the node centres, changes to them are ignored).
// First call: remembers the stress and stops if maxiterations is reached; later calls
// stop when the relative decrease (old - new) / (new + 1e-10) is below tolerance (so
// also when stress rises) or after more than maxiterations calls. run() calls reset()
// first.
class TestConvergence {
 public:
  TestConvergence(double tol = 1e-4, unsigned maxIterations = 100)
      : tolerance(tol), maxiterations(maxIterations) {
    reset();
  }
  virtual ~TestConvergence() {}
  virtual bool operator()(const double new_stress, std::valarray<double>& X,
                          std::valarray<double>& Y) {
    (void)X;
    (void)Y;
    ++iterations;
    if (old_stress == DBL_MAX) {
      old_stress = new_stress;
      return iterations >= maxiterations;
    }
    bool converged = (old_stress - new_stress) / (new_stress + 1e-10) < tolerance ||
                     iterations > maxiterations;
    old_stress = new_stress;
    return converged;
  }
  virtual void reset() {
    old_stress = DBL_MAX;
    iterations = 0;
  }

  double old_stress = DBL_MAX;
  double tolerance;
  unsigned maxiterations;
  unsigned iterations = 0;
};

// The union of the boxes.
inline vpsc::Rectangle bounds(const vpsc::Rectangles& rs) {
  vpsc::Rectangle b;
  for (const vpsc::Rectangle* r : rs) b = b.unionWith(*r);
  return b;
}

}  // namespace cola

#include <libcola/box.h>
#include <libcola/cluster.h>
#include <libcola/compound_constraints.h>
#include <libcola/exceptions.h>
#include <libcola/pseudorandom.h>
#include <libcola/colafd_compat.h>

#endif
