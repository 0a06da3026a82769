// libcola compatibility (colayout): the cluster hierarchy. ConstrainedFDLayout maps
// every non-root cluster to a C API group (leaves, child groups, padding).
//
// Mapped approximately:
// - The C group has one padding: the largest padding + margin over the cluster's four
//   sides. The bounds read back after a run are the members' boxes (child clusters
//   with their margins) plus the cluster's own padding on each side, as in libcola;
//   the margin actually kept around the bounds is that C padding minus the side's
//   padding, so it is larger than asked on sides with a smaller padding + margin.
// - Without setAvoidNodeOverlaps(true) the C API does not enforce groups: bounds are
//   then the members' bounding box plus padding (containment holds by definition;
//   other nodes may enter it, as in libcola without non-overlap).
// - A node in clusters that do not nest is allowed (C overlapping_groups), whatever
//   setAllowsMultipleParents says. A cluster in two parents is a C error.
// - Empty clusters are skipped (their bounds are left as they were). Node indices
//   without a rectangle are ignored with a warning, as in libcola.
// - setDesiredBounds is stored but not used; ConvexCluster is laid out as a rectangle
//   (as libcola's ConstrainedFDLayout does); RectangularCluster(rectIndex) (a cluster
//   tied to a node's box) is not supported: run() throws UnsupportedFeature.

#ifndef COLAYOUT_COMPAT_LIBCOLA_CLUSTER_H
#define COLAYOUT_COMPAT_LIBCOLA_CLUSTER_H

#include <algorithm>
#include <set>
#include <vector>

#include <libcola/box.h>
#include <libvpsc/rectangle.h>

namespace cola {

// A set of nodes and child clusters. Deleting a cluster deletes its child clusters
// (as in libcola).
class Cluster {
 public:
  Cluster() {}
  virtual ~Cluster() {
    for (Cluster* c : clusters) delete c;
  }
  Cluster(const Cluster&) = delete;
  Cluster& operator=(const Cluster&) = delete;

  void addChildNode(unsigned index) { nodes.insert(index); }
  void addChildCluster(Cluster* cluster) {
    if (cluster == this) return;
    if (std::find(clusters.begin(), clusters.end(), cluster) == clusters.end())
      clusters.push_back(cluster);
  }
  void setDesiredBounds(const vpsc::Rectangle b) {
    desiredBounds = b;
    desiredBoundsSet = true;
  }
  void unsetDesiredBounds() { desiredBoundsSet = false; }
  // Sets bounds to the members' boxes (child clusters with their margins) plus the
  // padding.
  virtual void computeBoundingRect(const vpsc::Rectangles& rs) {
    vpsc::Rectangle b;
    for (unsigned i : nodes)
      if (i < rs.size()) b = b.unionWith(*rs[i]);
    for (Cluster* c : clusters) {
      c->computeBoundingRect(rs);
      b = b.unionWith(c->margin().rectangleByApplyingBox(c->bounds));
    }
    bounds = padding().rectangleByApplyingBox(b);
  }
  double area(const vpsc::Rectangles& rs) {
    computeBoundingRect(rs);
    return bounds.isValid() ? bounds.width() * bounds.height() : 0;
  }

  // The gap between the boundary and its members, and around the boundary (0 here).
  virtual Box padding() const { return Box(); }
  virtual Box margin() const { return Box(); }
  // True for RectangularCluster(rectIndex).
  virtual bool clusterIsFromFixedRectangle() const { return false; }

  vpsc::Rectangle bounds;
  vpsc::Rectangle desiredBounds;
  bool desiredBoundsSet = false;
  std::set<unsigned> nodes;
  std::vector<Cluster*> clusters;
  double varWeight = 1e-7;
  double internalEdgeWeightFactor = 1.0;
};
typedef std::vector<Cluster*> Clusters;

// The top of the hierarchy; nodes in no cluster belong to it.
class RootCluster : public Cluster {
 public:
  // True without child clusters (then there is nothing to lay out).
  bool flat() const { return clusters.empty(); }
  void setAllowsMultipleParents(bool allow) { allowsMultipleParents_ = allow; }
  bool allowsMultipleParents() const { return allowsMultipleParents_; }

 private:
  bool allowsMultipleParents_ = false;
};

// A rectangular boundary around its members, with padding (inside) and margin
// (outside).
class RectangularCluster : public Cluster {
 public:
  RectangularCluster() {}
  // Not supported: a cluster whose boundary is node rectIndex's box.
  explicit RectangularCluster(unsigned rectIndex) : rectIndex_(static_cast<int>(rectIndex)) {}
  void setMargin(double m) { margin_ = Box(m); }
  void setMargin(const Box& m) { margin_ = m; }
  void setPadding(double p) { padding_ = Box(p); }
  void setPadding(const Box& p) { padding_ = p; }
  Box margin() const override { return margin_; }
  Box padding() const override { return padding_; }
  bool clusterIsFromFixedRectangle() const override { return rectIndex_ >= 0; }
  int rectangleIndex() const { return rectIndex_; }

 private:
  Box margin_, padding_;
  int rectIndex_ = -1;
};

// Laid out as a rectangle without padding or margin (libcola's ConstrainedFDLayout
// also enforces convex clusters as rectangles).
class ConvexCluster : public Cluster {};

}  // namespace cola

#endif
