// libcola compatibility (colayout): cola::ConstrainedFDLayout over the C API. Include
// <libcola/cola.h>, which includes this file.
//
// How it maps: at the first run / runOnce / makeFeasible / computeStress (and again
// whenever the constraints, clusters, sizes or the rectangles' positions changed since
// the layout last wrote them) a C graph is built from the rectangles' centres and
// sizes, the edges (length idealLength * eLengths[i], 1 for a missing or non-positive
// entry), the clusters (groups) and the compound constraints. Options: full stress,
// no component packing, overlapping groups, avoid_overlaps as set; schedule: no
// phases, not kept running, not centred. run() ticks until the TestConvergence says
// so, moving the caller's rectangles after every tick.
//
// Mapped approximately or not supported:
// - run() ends when the TestConvergence says so, or after colayout_options_default's
//   max_ticks (10 000) ticks; the C layout's own convergence threshold is not used.
// - With overlap avoidance, run() ends with colayout_layout_make_feasible: a tick's
//   non-overlap constraints cover the scan line's neighbours, libcola's every pair.
// - The stress given to TestConvergence and returned by computeStress() is the C API's
//   stress (full stress, weight 1/d^2 over connected pairs), not libcola's P-stress.
//   computeStress() does not call the PreIteration.
// - run(x, y) with one axis: after every tick the other coordinate is put back and the
//   C layout is rebuilt at those positions (colayout_layout_update), which redoes the
//   shortest paths on each tick. run(false, false) does nothing.
// - Locks are C drags (the node sits exactly at its lock after each tick; libcola pulls
//   it there with weight 1e4). Resizes are ignored. PreIteration::changed clears the
//   convergence test's old_stress.
// - With overlap avoidance, the C layout's start (once per C layout) first spreads
//   the nodes of each alignment that overlap along its line (WebCola's makeFeasible).
// - runOnce() projects onto non-overlap and clusters too (libcola's runOnce only does
//   so after a run()).
// - setAvoidNodeOverlaps exemption groups, setDesiredPositions and
//   setUseNeighbourStress(true) are ignored with a warning on stderr.
// - Unsatisfiable constraints are read once per run / runOnce / makeFeasible from
//   colayout_layout_unsatisfied(1e-4) (libcola appends them after every projection,
//   with repeats). For an alignment the worst shape is reported against the first;
//   for a page boundary left and right are both the worst node.
// - makeFeasible(xBorder, yBorder) uses a separate C layout whose boxes are grown by
//   the borders, and colayout_layout_make_feasible (which separates each pair on the
//   axis of least overlap instead of libcola's priority-ordered search; priorities are
//   not used).
// - outputInstanceToSVG writes the boxes, edges and clusters, but not libcola's C++
//   recreation code.
// - Not provided: setTopology / getTopology, readLinearD / readLinearG.

#ifndef COLAYOUT_COMPAT_LIBCOLA_COLAFD_COMPAT_H
#define COLAYOUT_COMPAT_LIBCOLA_COLAFD_COMPAT_H

#include <libcola/cola.h>  // the types this needs (and, from there, this file)

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <valarray>
#include <vector>

#include <colayout.h>
#include <libcola/cluster.h>
#include <libcola/compat_graph.h>
#include <libcola/compound_constraints.h>
#include <libcola/exceptions.h>

namespace cola {

class ConstrainedFDLayout {
 public:
  ConstrainedFDLayout(const vpsc::Rectangles& rs, const std::vector<Edge>& es,
                      const double idealLength, const EdgeLengths& eLengths = StandardEdgeLengths,
                      TestConvergence* doneTest = nullptr, PreIteration* preIteration = nullptr)
      : rs_(rs), es_(es), ideal_(idealLength), lengths_(eLengths), done_(doneTest),
        ownDone_(doneTest == nullptr), pre_(preIteration) {
    if (ownDone_) done_ = new TestConvergence();
  }
  ~ConstrainedFDLayout() {
    if (ownDone_) delete done_;
  }
  ConstrainedFDLayout(const ConstrainedFDLayout&) = delete;
  ConstrainedFDLayout& operator=(const ConstrainedFDLayout&) = delete;

  // Iterates until the convergence test ends it (or max_ticks); x / y enable the axes.
  void run(const bool x = true, const bool y = true) {
    if (rs_.empty() || (!x && !y)) return;
    prepare();
    done_->reset();
    const size_t n = rs_.size();
    const std::vector<double> x0 = cx_, y0 = cy_;
    std::vector<double> px(n), py(n);
    std::valarray<double> X(n), Y(n);
    for (;;) {
      if (pre_) {
        if (!(*pre_)()) break;
        if (pre_->changed) done_->old_stress = DBL_MAX;
        applyLocks();
      }
      bool ended = false;
      detail::check(colayout_layout_tick(layout_.get(), &ended), "colayout_layout_tick");
      if (ended) break;
      detail::positions(layout_.get(), rs_.size(), px, py);
      if (!x || !y) restoreAxis(x ? py : px, x ? y0 : x0, px, py);
      writeBack(px, py);
      for (size_t i = 0; i < n; ++i) {
        X[i] = px[i];
        Y[i] = py[i];
      }
      if ((*done_)(detail::stressOf(layout_.get()), X, Y)) break;
    }
    // libcola's non-overlap constraints cover every pair; a colayout tick's cover the
    // scan line's neighbours, so a few overlaps can outlast the last tick.
    if (avoid_ && x && y) {
      detail::check(colayout_layout_make_feasible(layout_.get()), "colayout_layout_make_feasible");
    }
    finish(layout_.get(), plan_, 0, 0);
  }

  // One iteration, without the convergence test or the PreIteration.
  void runOnce(const bool x = true, const bool y = true) {
    if (rs_.empty() || (!x && !y)) return;
    prepare();
    const std::vector<double> x0 = cx_, y0 = cy_;
    detail::check(colayout_layout_run_ticks(layout_.get(), 1), "colayout_layout_run_ticks");
    std::vector<double> px, py;
    detail::positions(layout_.get(), rs_.size(), px, py);
    if (!x || !y) restoreAxis(x ? py : px, x ? y0 : x0, px, py);
    finish(layout_.get(), plan_, 0, 0);
  }

  void setConstraints(const CompoundConstraints& ccs) { ccs_ = ccs; }
  // Exemption groups are ignored (the C API has no way to exempt pairs).
  void setAvoidNodeOverlaps(bool avoidOverlaps,
                            ListOfNodeIndexes exemptions = ListOfNodeIndexes()) {
    avoid_ = avoidOverlaps;
    if (!exemptions.empty())
      warn("setAvoidNodeOverlaps: exemption groups are not supported and are ignored");
  }
  void setClusterHierarchy(RootCluster* hierarchy) { root_ = hierarchy; }
  void setUnsatisfiableConstraintInfo(UnsatisfiableConstraintInfos* x,
                                      UnsatisfiableConstraintInfos* y) {
    unsatX_ = x;
    unsatY_ = y;
  }
  void setDesiredPositions(DesiredPositions* desired) {
    if (desired && !desired->empty())
      warn("setDesiredPositions: desired positions are not supported and are ignored");
  }
  void setUseNeighbourStress(bool use) {
    if (use) warn("setUseNeighbourStress(true) is not supported and is ignored");
  }

  // Moves the rectangles onto the constraints (and off each other with overlap
  // avoidance), with no forces; boxes count xBorder / yBorder larger on each side.
  void makeFeasible(double xBorder = 1, double yBorder = 1) {
    if (rs_.empty()) return;
    detail::Plan p = makePlan(true, xBorder, yBorder);
    std::vector<double> x, y;
    centres(x, y);
    detail::LayoutPtr l = detail::makeLayout(p, edges(), x, y);
    detail::check(colayout_layout_make_feasible(l.get()), "colayout_layout_make_feasible");
    finish(l.get(), p, xBorder, yBorder);
  }

  // The C API's stress at the current positions (see the header comment).
  double computeStress() const {
    if (rs_.empty()) return 0;
    ensureLayout();
    return detail::stressOf(layout_.get());
  }

  // Writes name.svg: a rect per node (id rect-N), a line per edge, a rect per cluster.
  void outputInstanceToSVG(std::string name = std::string("libcola-debug")) {
    std::vector<Cluster*> cs;
    if (root_) collectClusters(root_, cs);
    vpsc::Rectangle all = cola::bounds(rs_);
    for (Cluster* c : cs) {
      if (!c->bounds.isValid()) c->computeBoundingRect(rs_);
      all = all.unionWith(c->bounds);
    }
    if (!all.isValid()) all = vpsc::Rectangle(0, 1, 0, 1);
    std::ofstream f(name + ".svg");
    f.precision(17);
    f << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<!-- colayout libcola compat: ConstrainedFDLayout instance, " << rs_.size()
      << " nodes, " << es_.size() << " edges -->\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\""
      << all.getMinX() - 10 << " " << all.getMinY() - 10 << " " << all.width() + 20 << " "
      << all.height() + 20 << "\">\n<g id=\"clusters\">\n";
    for (size_t k = 0; k < cs.size(); ++k) {
      const vpsc::Rectangle& b = cs[k]->bounds;
      if (!b.isValid()) continue;
      f << "<rect id=\"cluster-" << k << "\" x=\"" << b.getMinX() << "\" y=\"" << b.getMinY()
        << "\" width=\"" << b.width() << "\" height=\"" << b.height()
        << "\" style=\"fill:#4682b4;fill-opacity:0.1;stroke:#4682b4;stroke-width:1\"/>\n";
    }
    f << "</g>\n<g id=\"edges\">\n";
    for (const Edge& e : es_) {
      if (e.first >= rs_.size() || e.second >= rs_.size()) continue;
      f << "<line x1=\"" << rs_[e.first]->getCentreX() << "\" y1=\""
        << rs_[e.first]->getCentreY() << "\" x2=\"" << rs_[e.second]->getCentreX()
        << "\" y2=\"" << rs_[e.second]->getCentreY() << "\" style=\"stroke:#333\"/>\n";
    }
    f << "</g>\n<g id=\"nodes\">\n";
    for (size_t i = 0; i < rs_.size(); ++i) {
      const vpsc::Rectangle& r = *rs_[i];
      f << "<rect id=\"rect-" << i << "\" x=\"" << r.getMinX() << "\" y=\"" << r.getMinY()
        << "\" width=\"" << r.width() << "\" height=\"" << r.height()
        << "\" style=\"fill:#add8e6;stroke:#000;stroke-width:1\"/>\n";
    }
    f << "</g>\n</svg>\n";
    if (!f) throw std::runtime_error("outputInstanceToSVG: cannot write " + name + ".svg");
  }

  // Deletes the rectangles, the compound constraints (each once) and the cluster
  // hierarchy (an ownership helper, as in libcola).
  void freeAssociatedObjects() {
    layout_.reset();
    plan_ = detail::Plan();
    for (vpsc::Rectangle* r : rs_) delete r;
    rs_.clear();
    std::set<CompoundConstraint*> seen;
    for (CompoundConstraint* c : ccs_)
      if (seen.insert(c).second) delete c;
    ccs_.clear();
    delete root_;
    root_ = nullptr;
  }

 private:
  static void warn(const char* what) { std::cerr << "cola (colayout compat): " << what << "\n"; }

  detail::Edges edges() const { return detail::Edges{es_, lengths_, ideal_, avoid_}; }

  void centres(std::vector<double>& x, std::vector<double>& y) const {
    x.resize(rs_.size());
    y.resize(rs_.size());
    for (size_t i = 0; i < rs_.size(); ++i) {
      x[i] = rs_[i]->getCentreX();
      y[i] = rs_[i]->getCentreY();
    }
  }

  // The clusters below c, children first.
  static void collectClusters(Cluster* c, std::vector<Cluster*>& out) {
    for (Cluster* k : c->clusters) {
      collectClusters(k, out);
      out.push_back(k);
    }
  }

  // Adds cluster c (children first) as a C group; returns its index or -1 if empty.
  long addGroup(Cluster* c, detail::Plan& p, std::map<Cluster*, long>& done) const {
    auto it = done.find(c);
    if (it != done.end()) return it->second;
    if (c->clusterIsFromFixedRectangle())
      throw UnsupportedFeature(
          "colayout libcola compat: RectangularCluster(rectIndex) is not supported");
    detail::Group g;
    for (Cluster* k : c->clusters) {
      long j = addGroup(k, p, done);
      if (j >= 0) g.children.push_back(static_cast<uint32_t>(j));
    }
    for (unsigned i : c->nodes) {
      if (i < rs_.size()) {
        g.leaves.push_back(i);
      } else {
        std::cerr << "cola (colayout compat): cluster names node " << i << " but there are "
                  << rs_.size() << " rectangles; ignored\n";
      }
    }
    long index = -1;
    if (!g.leaves.empty() || !g.children.empty()) {
      Box pad = c->padding(), mar = c->margin();
      for (unsigned d = 0; d < 2; ++d)
        g.padding = std::max({g.padding, pad.min(d) + mar.min(d), pad.max(d) + mar.max(d)});
      g.cluster = c;
      p.groups.push_back(g);
      index = static_cast<long>(p.groups.size() - 1);
    }
    done[c] = index;
    return index;
  }

  detail::Plan makePlan(bool feasible, double bx, double by) const {
    const size_t n = rs_.size();
    detail::Plan p;
    std::vector<double> hw(n), hh(n);
    // moveCentre leaves round-off in the sizes; within 1e-9 they count as unchanged.
    const bool keep = !feasible && plan_.w.size() == n;
    auto near = [](double a, double b) {
      return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
    };
    for (size_t i = 0; i < n; ++i) {
      double w = rs_[i]->width() + 2 * bx, h = rs_[i]->height() + 2 * by;
      p.w.push_back(keep && near(w, plan_.w[i]) ? plan_.w[i] : w);
      p.h.push_back(keep && near(h, plan_.h[i]) ? plan_.h[i] : h);
      hw[i] = p.w[i] / 2;
      hh[i] = p.h[i] / 2;
    }
    if (root_ && !root_->flat()) {
      std::map<Cluster*, long> done;
      for (Cluster* c : root_->clusters) addGroup(c, p, done);
    }
    detail::Builder b(hw, hh, feasible);
    for (int pass = 0; pass < 2; ++pass)
      for (CompoundConstraint* c : ccs_)
        if ((c->lowerPass() == 0) == (pass == 0)) c->lowerToColayout(b);
    p.ops = std::move(b.ops);
    p.fixed = std::move(b.fixed);
    return p;
  }

  // Builds the C layout unless the one there matches the constraints, clusters and
  // rectangles.
  void ensureLayout() const {
    detail::Plan p = makePlan(false, 0, 0);
    std::vector<double> x, y;
    centres(x, y);
    if (layout_ && p == plan_ && x == cx_ && y == cy_) return;
    layout_ = detail::makeLayout(p, edges(), x, y);
    plan_ = std::move(p);
    cx_ = x;
    cy_ = y;
    started_ = false;
    dragged_.clear();
  }

  // ensureLayout, started once with the no-phase schedule, then resumed.
  void prepare() {
    ensureLayout();
    if (!started_) {
      colayout_schedule s;
      colayout_schedule_default(&s);
      s.unconstrained = s.user_constraints = s.all_constraints = s.grid_snap = 0;
      s.keep_running = false;
      s.center_graph = false;
      detail::check(colayout_layout_start(layout_.get(), &s, nullptr), "colayout_layout_start");
      started_ = true;
    }
    detail::check(colayout_layout_resume(layout_.get()), "colayout_layout_resume");
  }

  // Puts the disabled axis back (moved = from) and rebuilds the C layout there.
  void restoreAxis(std::vector<double>& moved, const std::vector<double>& from,
                   const std::vector<double>& px, const std::vector<double>& py) {
    moved = from;
    detail::GraphPtr g = detail::makeGraph(plan_, edges(), px, py);
    std::vector<int64_t> previous(rs_.size(), -1);
    detail::check(colayout_layout_update(layout_.get(), g.get(), previous.data(), previous.size()),
                  "colayout_layout_update");
    dragged_.clear();
  }

  // Holds the PreIteration's locked nodes at their locks (C drags).
  void applyLocks() {
    std::set<unsigned> now;
    for (const Lock& l : pre_->locks) {
      unsigned id = l.getID();
      if (id >= rs_.size())
        throw std::out_of_range("cola (colayout compat): lock on node " + std::to_string(id) +
                                " of " + std::to_string(rs_.size()));
      if (!dragged_.count(id))
        detail::check(colayout_layout_drag_start(layout_.get(), COLAYOUT_DRAG_NODE, id),
                      "colayout_layout_drag_start");
      detail::check(colayout_layout_drag(layout_.get(), COLAYOUT_DRAG_NODE, id, l.pos(0), l.pos(1)),
                    "colayout_layout_drag");
      now.insert(id);
    }
    for (unsigned id : dragged_)
      if (!now.count(id))
        detail::check(colayout_layout_drag_end(layout_.get(), COLAYOUT_DRAG_NODE, id),
                      "colayout_layout_drag_end");
    dragged_ = now;
  }

  // Moves the rectangles' centres to (x, y); remembers where they are.
  void writeBack(const std::vector<double>& x, const std::vector<double>& y) {
    for (size_t i = 0; i < rs_.size(); ++i) rs_[i]->moveCentre(x[i], y[i]);
    centres(cx_, cy_);
  }

  // After a run or makeFeasible on l (made from p): rectangles, compound constraint
  // results, cluster bounds, unsatisfiable constraints.
  void finish(colayout_layout* l, const detail::Plan& p, double bx, double by) {
    std::vector<double> x, y;
    detail::positions(l, rs_.size(), x, y);
    writeBack(x, y);
    if (l != layout_.get()) cx_.clear();  // the main C layout no longer matches
    std::vector<double> hw(rs_.size()), hh(rs_.size());
    for (size_t i = 0; i < rs_.size(); ++i) {
      hw[i] = rs_[i]->width() / 2;
      hh[i] = rs_[i]->height() / 2;
    }
    detail::Solution sol{x, y, hw, hh};
    for (CompoundConstraint* c : ccs_) c->readBackFromColayout(sol);
    if (!p.groups.empty()) {
      std::vector<colayout_rect> gb(p.groups.size());
      detail::check(colayout_layout_group_bounds(l, gb.data(), gb.size(), nullptr),
                    "colayout_layout_group_bounds");
      // The group's box is the members' box plus the one C padding; the bounds are the
      // members' box plus the cluster's padding on each side (and without the borders).
      for (size_t j = 0; j < gb.size(); ++j) {
        const detail::Group& g = p.groups[j];
        Box pad = g.cluster->padding();
        g.cluster->bounds = vpsc::Rectangle(
            gb[j].x + g.padding - pad.min(0) + bx, gb[j].x_max - g.padding + pad.max(0) - bx,
            gb[j].y + g.padding - pad.min(1) + by, gb[j].y_max - g.padding + pad.max(1) - by);
      }
    }
    if (root_) root_->bounds = cola::bounds(rs_);
    detail::reportUnsatisfied(l, p, x, y, unsatX_, unsatY_);
  }

  vpsc::Rectangles rs_;
  std::vector<Edge> es_;
  double ideal_;
  EdgeLengths lengths_;
  TestConvergence* done_;
  bool ownDone_;
  PreIteration* pre_;
  CompoundConstraints ccs_;
  bool avoid_ = false;
  RootCluster* root_ = nullptr;
  UnsatisfiableConstraintInfos* unsatX_ = nullptr;
  UnsatisfiableConstraintInfos* unsatY_ = nullptr;
  // The C layout and what it was made from (mutable: computeStress() builds it).
  mutable detail::LayoutPtr layout_;
  mutable detail::Plan plan_;
  mutable std::vector<double> cx_, cy_;  // rectangle centres the C layout matches
  mutable bool started_ = false;
  mutable std::set<unsigned> dragged_;
};

}  // namespace cola

#endif
