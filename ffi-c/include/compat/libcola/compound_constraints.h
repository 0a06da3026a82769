// libcola compatibility (colayout): compound constraints. Each one lowers itself to
// the C API's constraints (separation, alignment, distribution, page boundary) when a
// layout is built, and reads its results (guide positions, margins) back after a run.
//
// Mapped approximately:
// - priority() only matters to libcola's makeFeasible; it is kept but not used.
// - A guide (AlignmentConstraint's guideline) is not a variable of its own: it is its
//   first shape minus that shape's offset. Separations, distributions and
//   multi-separations between alignments act on the first shapes, with the offsets
//   folded into the gap, which is exact while the alignments hold. An alignment with
//   no shapes has no guide: constraints naming it throw InvalidConstraint.
// - fixPos(p) pins the first shape at p + offset with a one-node page boundary of
//   weight 1e5 on the alignment's axis (libcola: a guide of weight 1e5); on the other
//   axis that page spans +-6e7.
// - PageBoundaryConstraints: shapes whose halfW/halfH equal their rectangle's share one
//   C page boundary (shared, ballooning edges, as in libcola); any other shape gets its
//   own page boundary, bounds shifted by the difference. Skipped by makeFeasible, as
//   in libcola.
// - BoundaryConstraint: no line variable; every left shape is separated from every
//   right shape (exact feasibility). position is read back as the old position
//   clamped between the shapes.
// - FixedRelativeConstraint: equalities in x and y with the offsets taken at
//   construction (as libcola); fixedPosition fixes the members (C `fixed`).
// - OrthogonalEdgeConstraint (experimental in libcola): an equality with gap 0;
//   skipped by makeFeasible, as in libcola.
// - User subclasses of CompoundConstraint are not supported (run() throws).

#ifndef COLAYOUT_COMPAT_LIBCOLA_COMPOUND_CONSTRAINTS_H
#define COLAYOUT_COMPAT_LIBCOLA_COMPOUND_CONSTRAINTS_H

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <colayout.h>
#include <libcola/exceptions.h>
#include <libvpsc/rectangle.h>

namespace cola {

static const unsigned int DEFAULT_CONSTRAINT_PRIORITY = 30000;
static const unsigned int PRIORITY_NONOVERLAP = DEFAULT_CONSTRAINT_PRIORITY - 2000;

class AlignmentConstraint;
namespace detail {
class Builder;
struct Solution;
}  // namespace detail

// Base of all compound constraints. Not owned by the layout.
class CompoundConstraint {
 public:
  explicit CompoundConstraint(vpsc::Dim primaryDim,
                              unsigned int priority = DEFAULT_CONSTRAINT_PRIORITY)
      : _primaryDim(primaryDim), _priority(priority) {}
  virtual ~CompoundConstraint() {}
  vpsc::Dim dimension() const { return _primaryDim; }
  unsigned int priority() const { return _priority; }
  virtual std::string toString() const = 0;
  // libcola writes C++ that recreates the constraint; not provided (writes nothing).
  virtual void printCreationCode(FILE* fp) const { (void)fp; }

  // Compatibility hooks, called by ConstrainedFDLayout.
  // Adds this constraint's C constraints to the builder.
  virtual void lowerToColayout(detail::Builder& b) const;
  // Alignments lower first (0), so that distributions can name them.
  virtual int lowerPass() const { return 1; }
  // Reads results back from the final positions.
  virtual void readBackFromColayout(const detail::Solution& s) { (void)s; }

 protected:
  vpsc::Dim _primaryDim;
  unsigned int _priority;
};
typedef std::vector<CompoundConstraint*> CompoundConstraints;

namespace detail {

// Far enough for an unconstrained side of a page boundary (within the core's
// coordinate range, 2^27).
static const double kFarAway = 6.0e7;

// One C constraint; ops[i] is C constraint i.
struct Op {
  enum Kind { Separation, Alignment, Distribution, Page };
  Kind kind = Separation;
  unsigned axis = 0;
  std::vector<unsigned> nodes;    // Separation, Distribution: {left, right}; else members
  std::vector<double> offsets;    // Alignment: offset of each member from nodes[0]
  std::vector<size_t> alignments; // Distribution: the two alignments' C indices
  double gap = 0;
  bool equality = false;
  colayout_rect bounds = {0, 0, 0, 0};  // Page
  double weight = 0;                    // Page
  CompoundConstraint* cc = nullptr;

  bool operator==(const Op& o) const {
    return kind == o.kind && axis == o.axis && nodes == o.nodes && offsets == o.offsets &&
           alignments == o.alignments && gap == o.gap && equality == o.equality &&
           bounds.x == o.bounds.x && bounds.x_max == o.bounds.x_max &&
           bounds.y == o.bounds.y && bounds.y_max == o.bounds.y_max &&
           weight == o.weight && cc == o.cc;
  }
};

// Collects the C constraints of the compound constraints, over n nodes whose C boxes
// have the given half sizes.
class Builder {
 public:
  Builder(std::vector<double> halfW, std::vector<double> halfH, bool feasible)
      : halfW_(std::move(halfW)), halfH_(std::move(halfH)), feasible_(feasible) {
    fixed.assign(halfW_.size(), 0);
  }

  size_t nodeCount() const { return halfW_.size(); }
  // The C box's half size of node i on axis d.
  double half(unsigned i, unsigned d) const { return d == 0 ? halfW_[i] : halfH_[i]; }
  // True while building for makeFeasible.
  bool feasible() const { return feasible_; }

  void checkNode(const CompoundConstraint* cc, unsigned i) const {
    if (i < nodeCount()) return;
    std::ostringstream s;
    s << "Invalid variable index: " << i << " (" << nodeCount() << " rectangles) in "
      << cc->toString();
    throw InvalidVariableIndexException(const_cast<CompoundConstraint*>(cc), i, s.str());
  }
  void separation(const CompoundConstraint* cc, unsigned axis, unsigned l, unsigned r,
                  double gap, bool equality) {
    checkNode(cc, l);
    checkNode(cc, r);
    Op op = make(Op::Separation, cc, axis);
    op.nodes = {l, r};
    op.gap = gap;
    op.equality = equality;
    ops.push_back(op);
  }
  size_t alignment(const CompoundConstraint* cc, unsigned axis,
                   const std::vector<unsigned>& nodes, const std::vector<double>& offsets) {
    for (unsigned v : nodes) checkNode(cc, v);
    Op op = make(Op::Alignment, cc, axis);
    op.nodes = nodes;
    op.offsets = offsets;
    ops.push_back(op);
    return ops.size() - 1;
  }
  void distribution(const CompoundConstraint* cc, unsigned axis, size_t a1, size_t a2,
                    double separation) {
    Op op = make(Op::Distribution, cc, axis);
    op.alignments = {a1, a2};
    op.nodes = {ops[a1].nodes[0], ops[a2].nodes[0]};
    op.gap = separation;
    op.equality = true;
    ops.push_back(op);
  }
  void page(const CompoundConstraint* cc, unsigned axis, const colayout_rect& bounds,
            double weight, const std::vector<unsigned>& nodes) {
    for (unsigned v : nodes) checkNode(cc, v);
    Op op = make(Op::Page, cc, axis);
    op.bounds = bounds;
    op.weight = weight;
    op.nodes = nodes;
    ops.push_back(op);
  }
  void fix(const CompoundConstraint* cc, unsigned i) {
    checkNode(cc, i);
    fixed[i] = 1;
  }
  void setGuide(const AlignmentConstraint* ac, size_t op) { guides_[ac] = op; }
  // The C index of an alignment lowered earlier, or -1.
  long guide(const AlignmentConstraint* ac) const {
    auto it = guides_.find(ac);
    return it == guides_.end() ? -1 : static_cast<long>(it->second);
  }

  std::vector<Op> ops;
  std::vector<char> fixed;

 private:
  static Op make(Op::Kind k, const CompoundConstraint* cc, unsigned axis) {
    Op op;
    op.kind = k;
    op.axis = axis;
    op.cc = const_cast<CompoundConstraint*>(cc);
    return op;
  }
  std::vector<double> halfW_, halfH_;
  bool feasible_;
  std::map<const AlignmentConstraint*, size_t> guides_;
};

// Final node centres and half sizes (the rectangles', without borders).
struct Solution {
  const std::vector<double>& x;
  const std::vector<double>& y;
  const std::vector<double>& halfW;
  const std::vector<double>& halfH;
  double pos(unsigned i, unsigned d) const { return d == 0 ? x[i] : y[i]; }
  double half(unsigned i, unsigned d) const { return d == 0 ? halfW[i] : halfH[i]; }
  size_t size() const { return x.size(); }
};

inline const char* dimName(vpsc::Dim d) { return d == vpsc::XDIM ? "XDIM" : "YDIM"; }

}  // namespace detail

inline void CompoundConstraint::lowerToColayout(detail::Builder& b) const {
  (void)b;
  throw UnsupportedFeature("colayout libcola compat: custom CompoundConstraint subclasses "
                           "are not supported: " + toString());
}

// A guideline on one axis; each shape sits at its offset from it.
class AlignmentConstraint : public CompoundConstraint {
 public:
  explicit AlignmentConstraint(vpsc::Dim dim, double position = 0.0)
      : CompoundConstraint(dim), _position(position) {}
  void addShape(unsigned index, double offset) { _shapes.emplace_back(index, offset); }
  void fixPos(double pos) {
    _position = pos;
    _isFixed = true;
  }
  void unfixPos() { _isFixed = false; }
  bool isFixed() const { return _isFixed; }
  // The guide's position (updated by a run: first shape minus its offset).
  double position() const { return _position; }
  std::string toString() const override {
    std::ostringstream s;
    s << "AlignmentConstraint(" << detail::dimName(_primaryDim) << ", pos: " << _position
      << (_isFixed ? ", fixed" : "") << "): ";
    for (size_t k = 0; k < _shapes.size(); ++k)
      s << (k ? ", " : "") << "(" << _shapes[k].first << ", " << _shapes[k].second << ")";
    return s.str();
  }
  void* indicator = nullptr;  // for the caller (Dunnart keeps its guide object here)

  int lowerPass() const override { return 0; }
  void lowerToColayout(detail::Builder& b) const override {
    if (_shapes.empty()) return;
    std::vector<unsigned> nodes;
    std::vector<double> offsets;
    for (const auto& s : _shapes) {
      nodes.push_back(s.first);
      offsets.push_back(s.second - _shapes[0].second);
    }
    b.setGuide(this, b.alignment(this, _primaryDim, nodes, offsets));
    if (_isFixed) {
      unsigned v = _shapes[0].first;
      double p = _position + _shapes[0].second, h = b.half(v, _primaryDim);
      colayout_rect r = {-detail::kFarAway, detail::kFarAway, -detail::kFarAway,
                         detail::kFarAway};
      if (_primaryDim == vpsc::XDIM) {
        r.x = p - h;
        r.x_max = p + h;
      } else {
        r.y = p - h;
        r.y_max = p + h;
      }
      b.page(this, _primaryDim, r, 1e5, {v});
    }
  }
  void readBackFromColayout(const detail::Solution& s) override {
    if (_shapes.empty() || _shapes[0].first >= s.size()) return;
    _position = s.pos(_shapes[0].first, _primaryDim) - _shapes[0].second;
  }

 private:
  friend class SeparationConstraint;
  friend class DistributionConstraint;
  friend class MultiSeparationConstraint;
  // The first shape and its offset; throws InvalidConstraint without shapes.
  std::pair<unsigned, double> guideShape(const CompoundConstraint* user) const {
    if (_shapes.empty())
      throw InvalidConstraint(const_cast<CompoundConstraint*>(user),
                              "colayout libcola compat: " + user->toString() +
                                  " names an alignment without shapes");
    return _shapes[0];
  }
  std::vector<std::pair<unsigned, double>> _shapes;
  double _position;
  bool _isFixed = false;
};

// left + gap <= right (or ==), between two nodes or two alignments' guides.
class SeparationConstraint : public CompoundConstraint {
 public:
  SeparationConstraint(vpsc::Dim dim, unsigned l, unsigned r, double g, bool eq = false)
      : CompoundConstraint(dim), gap(g), equality(eq), _left(l), _right(r) {}
  SeparationConstraint(vpsc::Dim dim, AlignmentConstraint* l, AlignmentConstraint* r,
                       double g, bool eq = false)
      : CompoundConstraint(dim), gap(g), equality(eq), _al(l), _ar(r) {}
  void setSeparation(double g) { gap = g; }
  // The left node (for guides: the left alignment's first shape, 0 without shapes).
  unsigned left() const { return _al ? firstOf(_al) : _left; }
  unsigned right() const { return _ar ? firstOf(_ar) : _right; }
  std::string toString() const override {
    std::ostringstream s;
    s << "SeparationConstraint(" << detail::dimName(_primaryDim) << ", left: " << left()
      << ", right: " << right() << ", gap: " << gap << (equality ? ", equality" : "")
      << (_al ? ", between alignments" : "") << ")";
    return s.str();
  }
  void lowerToColayout(detail::Builder& b) const override {
    if (!_al) {
      b.separation(this, _primaryDim, _left, _right, gap, equality);
      return;
    }
    auto l = _al->guideShape(this), r = _ar->guideShape(this);
    b.separation(this, _primaryDim, l.first, r.first, gap - l.second + r.second, equality);
  }

  double gap;
  bool equality;

 private:
  static unsigned firstOf(const AlignmentConstraint* a) {
    return a->_shapes.empty() ? 0 : a->_shapes[0].first;
  }
  unsigned _left = 0, _right = 0;
  AlignmentConstraint* _al = nullptr;
  AlignmentConstraint* _ar = nullptr;
};

// ac1 + sep == ac2 for each pair of alignments (C distributions of two guides). The
// alignments must be in the same constraint list.
class DistributionConstraint : public CompoundConstraint {
 public:
  explicit DistributionConstraint(vpsc::Dim dim) : CompoundConstraint(dim) {}
  void addAlignmentPair(AlignmentConstraint* ac1, AlignmentConstraint* ac2) {
    _pairs.emplace_back(ac1, ac2);
  }
  void setSeparation(double s) { sep = s; }
  std::string toString() const override {
    std::ostringstream s;
    s << "DistributionConstraint(" << detail::dimName(_primaryDim) << ", sep: " << sep
      << ", pairs: " << _pairs.size() << ")";
    return s.str();
  }
  void lowerToColayout(detail::Builder& b) const override {
    for (const auto& p : _pairs) {
      long g1 = b.guide(p.first), g2 = b.guide(p.second);
      if (g1 < 0 || g2 < 0 || p.first->dimension() != _primaryDim ||
          p.second->dimension() != _primaryDim)
        throw InvalidConstraint(const_cast<DistributionConstraint*>(this),
                                "colayout libcola compat: " + toString() +
                                    ": each alignment must have shapes, be on the same "
                                    "axis and be in the same constraint list");
      double off1 = p.first->guideShape(this).second, off2 = p.second->guideShape(this).second;
      b.distribution(this, _primaryDim, static_cast<size_t>(g1), static_cast<size_t>(g2),
                     sep - off1 + off2);
    }
  }

  double sep = 0;

 private:
  std::vector<std::pair<AlignmentConstraint*, AlignmentConstraint*>> _pairs;
};

// ac1 + sep <= ac2 (or ==) for each pair of alignments.
class MultiSeparationConstraint : public CompoundConstraint {
 public:
  explicit MultiSeparationConstraint(vpsc::Dim dim, double minSep = 0, bool eq = false)
      : CompoundConstraint(dim), sep(minSep), equality(eq) {}
  void addAlignmentPair(AlignmentConstraint* ac1, AlignmentConstraint* ac2) {
    _pairs.emplace_back(ac1, ac2);
  }
  void setSeparation(double s) { sep = s; }
  std::string toString() const override {
    std::ostringstream s;
    s << "MultiSeparationConstraint(" << detail::dimName(_primaryDim) << ", sep: " << sep
      << (equality ? ", equality" : "") << ", pairs: " << _pairs.size() << ")";
    return s.str();
  }
  void lowerToColayout(detail::Builder& b) const override {
    for (const auto& p : _pairs) {
      auto l = p.first->guideShape(this), r = p.second->guideShape(this);
      b.separation(this, _primaryDim, l.first, r.first, sep - l.second + r.second, equality);
    }
  }

  double sep;
  bool equality;

 private:
  std::vector<std::pair<AlignmentConstraint*, AlignmentConstraint*>> _pairs;
};

// The shapes move as one rigid set, keeping their offsets at construction time.
class FixedRelativeConstraint : public CompoundConstraint {
 public:
  FixedRelativeConstraint(const vpsc::Rectangles& rs, std::vector<unsigned> shapeIds,
                          const bool fixedPosition = false)
      : CompoundConstraint(vpsc::XDIM), _ids(std::move(shapeIds)), _fixed(fixedPosition) {
    std::sort(_ids.begin(), _ids.end());
    _ids.erase(std::unique(_ids.begin(), _ids.end()), _ids.end());
    for (unsigned id : _ids) {
      bool ok = !_ids.empty() && id < rs.size() && _ids[0] < rs.size();
      _dx.push_back(ok ? rs[id]->getCentreX() - rs[_ids[0]]->getCentreX() : 0);
      _dy.push_back(ok ? rs[id]->getCentreY() - rs[_ids[0]]->getCentreY() : 0);
    }
  }
  std::string toString() const override {
    std::ostringstream s;
    s << "FixedRelativeConstraint(" << (_fixed ? "fixed, " : "") << "shapes:";
    for (unsigned id : _ids) s << " " << id;
    s << ")";
    return s.str();
  }
  void lowerToColayout(detail::Builder& b) const override {
    for (size_t k = 1; k < _ids.size(); ++k) {
      b.separation(this, vpsc::XDIM, _ids[0], _ids[k], _dx[k], true);
      b.separation(this, vpsc::YDIM, _ids[0], _ids[k], _dy[k], true);
    }
    if (_fixed)
      for (unsigned id : _ids) b.fix(this, id);
  }

 private:
  std::vector<unsigned> _ids;
  std::vector<double> _dx, _dy;
  bool _fixed;
};

// Shapes stay inside a page whose edges give way (balloon) only when forced.
class PageBoundaryConstraints : public CompoundConstraint {
 public:
  PageBoundaryConstraints(double xLow, double xHigh, double yLow, double yHigh,
                          double weight = 100.0)
      : CompoundConstraint(vpsc::XDIM), _low{xLow, yLow}, _high{xHigh, yHigh},
        _weight(weight), _actualLow{xLow, yLow}, _actualHigh{xHigh, yHigh} {}
  void addShape(unsigned index, double halfW, double halfH) {
    _shapes.push_back({index, halfW, halfH});
  }
  // Where the page's low / high edge ended up after a run.
  double getActualLeftMargin(vpsc::Dim dim) { return _actualLow[dim == vpsc::XDIM ? 0 : 1]; }
  double getActualRightMargin(vpsc::Dim dim) { return _actualHigh[dim == vpsc::XDIM ? 0 : 1]; }
  std::string toString() const override {
    std::ostringstream s;
    s << "PageBoundaryConstraints(" << _low[0] << ", " << _high[0] << ", " << _low[1] << ", "
      << _high[1] << ", weight: " << _weight << ", shapes: " << _shapes.size() << ")";
    return s.str();
  }
  void lowerToColayout(detail::Builder& b) const override {
    if (b.feasible() || _shapes.empty()) return;
    std::vector<unsigned> shared;
    for (const Shape& s : _shapes) {
      b.checkNode(this, s.id);
      double ex = s.halfW - b.half(s.id, 0), ey = s.halfH - b.half(s.id, 1);
      if (std::fabs(ex) <= 1e-9 && std::fabs(ey) <= 1e-9) {
        shared.push_back(s.id);
        continue;
      }
      colayout_rect r = {_low[0] + ex, _high[0] - ex, _low[1] + ey, _high[1] - ey};
      b.page(this, vpsc::XDIM, r, _weight, {s.id});
    }
    if (!shared.empty()) {
      colayout_rect r = {_low[0], _high[0], _low[1], _high[1]};
      b.page(this, vpsc::XDIM, r, _weight, shared);
    }
  }
  void readBackFromColayout(const detail::Solution& sol) override {
    for (unsigned d = 0; d < 2; ++d) {
      _actualLow[d] = _low[d];
      _actualHigh[d] = _high[d];
      for (const Shape& s : _shapes) {
        if (s.id >= sol.size()) continue;
        double h = d == 0 ? s.halfW : s.halfH, p = sol.pos(s.id, d);
        _actualLow[d] = std::min(_actualLow[d], p - h);
        _actualHigh[d] = std::max(_actualHigh[d], p + h);
      }
    }
  }

 private:
  struct Shape {
    unsigned id;
    double halfW, halfH;
  };
  std::vector<Shape> _shapes;
  double _low[2], _high[2];
  double _weight;
  double _actualLow[2], _actualHigh[2];
};

// A line on one axis: shapes with a negative offset stay left of it by |offset|, the
// others right of it by offset.
class BoundaryConstraint : public CompoundConstraint {
 public:
  explicit BoundaryConstraint(vpsc::Dim dim) : CompoundConstraint(dim) {}
  void addShape(unsigned index, double offset) { _shapes.emplace_back(index, offset); }
  std::string toString() const override {
    std::ostringstream s;
    s << "BoundaryConstraint(" << detail::dimName(_primaryDim) << ", pos: " << position
      << ", shapes: " << _shapes.size() << ")";
    return s.str();
  }
  void lowerToColayout(detail::Builder& b) const override {
    for (const auto& l : _shapes) {
      if (l.second >= 0) continue;
      for (const auto& r : _shapes)
        if (r.second >= 0)
          b.separation(this, _primaryDim, l.first, r.first, -l.second + r.second, false);
    }
    for (const auto& s : _shapes) b.checkNode(this, s.first);
  }
  void readBackFromColayout(const detail::Solution& s) override {
    double lo = -HUGE_VAL, hi = HUGE_VAL;
    for (const auto& sh : _shapes) {
      if (sh.first >= s.size()) continue;
      double p = s.pos(sh.first, _primaryDim);
      if (sh.second < 0) {
        lo = std::max(lo, p - sh.second);
      } else {
        hi = std::min(hi, p - sh.second);
      }
    }
    position = std::max(lo, std::min(hi, position));
  }

  double position = 0;

 private:
  std::vector<std::pair<unsigned, double>> _shapes;
};

// Puts the ends l and r of an edge on one line across dim (l == r on dim).
class OrthogonalEdgeConstraint : public CompoundConstraint {
 public:
  OrthogonalEdgeConstraint(vpsc::Dim dim, unsigned l, unsigned r)
      : CompoundConstraint(dim), left(l), right(r) {}
  std::string toString() const override {
    std::ostringstream s;
    s << "OrthogonalEdgeConstraint(" << detail::dimName(_primaryDim) << ", left: " << left
      << ", right: " << right << ")";
    return s.str();
  }
  void lowerToColayout(detail::Builder& b) const override {
    if (!b.feasible()) b.separation(this, _primaryDim, left, right, 0, true);
  }

  unsigned left, right;
};

// A constraint the layout could not satisfy: var(left) + separation <= var(right)
// (or ==). Variable indices are node indices.
struct UnsatisfiableConstraintInfo {
  UnsatisfiableConstraintInfo(unsigned left, unsigned right, double sep, bool eq,
                              CompoundConstraint* from)
      : leftVarIndex(left), rightVarIndex(right), separation(sep), equality(eq), cc(from) {}
  std::string toString() const {
    std::ostringstream s;
    s << "Unsatisfiable constraint: var(" << leftVarIndex << ") ";
    if (separation < 0) {
      s << "- " << -separation;
    } else {
      s << "+ " << separation;
    }
    s << (equality ? " == " : " <= ") << "var(" << rightVarIndex << ")";
    if (cc) s << "\n           From " << cc->toString();
    return s.str();
  }
  unsigned leftVarIndex;
  unsigned rightVarIndex;
  double separation;
  bool equality;
  CompoundConstraint* cc;
};
typedef std::vector<UnsatisfiableConstraintInfo*> UnsatisfiableConstraintInfos;

}  // namespace cola

#endif
