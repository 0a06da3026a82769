// libvpsc compatibility (colayout): vpsc::Dim and vpsc::Rectangle as libcola programs
// use them. Header-only C++17; new code written from the behaviour described in the
// libcola notes (libvpsc is LGPL; nothing here is copied from it).
//
// As in libvpsc, Rectangle::setXBorder / setYBorder set process-wide borders that
// inflate every getter (global state: not re-entrant).
// Not provided: overlaps(line), lineIntersections, routeAround.

#ifndef COLAYOUT_COMPAT_LIBVPSC_RECTANGLE_H
#define COLAYOUT_COMPAT_LIBVPSC_RECTANGLE_H

#include <algorithm>
#include <cassert>
#include <ostream>
#include <vector>

namespace vpsc {

// An axis. XDIM / YDIM are libcola's other names for HORIZONTAL / VERTICAL.
enum Dim { HORIZONTAL = 0, XDIM = 0, VERTICAL = 1, YDIM = 1, UNSET = 2 };

// The other axis of HORIZONTAL or VERTICAL.
inline Dim conjugate(Dim d) { return d == HORIZONTAL ? VERTICAL : HORIZONTAL; }

// An axis-aligned box, minX..maxX across and minY..maxY down. The default box is
// invalid (min > max); unionWith treats an invalid box as empty.
class Rectangle {
 public:
  // A box; asserts min <= max on both axes.
  Rectangle(double minX, double maxX, double minY, double maxY, bool allowOverlap = false)
      : minX_(minX), maxX_(maxX), minY_(minY), maxY_(maxY), allowOverlap_(allowOverlap) {
    assert(minX <= maxX);
    assert(minY <= maxY);
  }
  // An invalid box.
  Rectangle() : minX_(1), maxX_(-1), minY_(1), maxY_(-1), allowOverlap_(false) {}

  // Borders added to every side by all getters (libvpsc's globals).
  static void setXBorder(double x) { xBorder = x; }
  static void setYBorder(double y) { yBorder = y; }

  double getMinX() const { return minX_ - xBorder; }
  double getMaxX() const { return maxX_ + xBorder; }
  double getMinY() const { return minY_ - yBorder; }
  double getMaxY() const { return maxY_ + yBorder; }
  double getMinD(unsigned d) const { return d == 0 ? getMinX() : getMinY(); }
  double getMaxD(unsigned d) const { return d == 0 ? getMaxX() : getMaxY(); }
  double getCentreX() const { return getMinX() + width() / 2.0; }
  double getCentreY() const { return getMinY() + height() / 2.0; }
  double getCentreD(unsigned d) const { return d == 0 ? getCentreX() : getCentreY(); }
  double width() const { return getMaxX() - getMinX(); }
  double height() const { return getMaxY() - getMinY(); }
  double length(unsigned d) const { return d == 0 ? width() : height(); }

  // Moves the box so that its left (top) side, borders included, is at x (y).
  void moveMinX(double x) {
    double w = width();
    minX_ = x + xBorder;
    maxX_ = x + w - xBorder;
  }
  void moveMinY(double y) {
    double h = height();
    minY_ = y + yBorder;
    maxY_ = y + h - yBorder;
  }
  void moveCentreX(double x) { moveMinX(x - width() / 2.0); }
  void moveCentreY(double y) { moveMinY(y - height() / 2.0); }
  void moveCentreD(unsigned d, double p) {
    if (d == 0) {
      moveCentreX(p);
    } else {
      moveCentreY(p);
    }
  }
  void moveCentre(double x, double y) {
    moveCentreX(x);
    moveCentreY(y);
  }
  void offset(double dx, double dy) {
    minX_ += dx;
    maxX_ += dx;
    minY_ += dy;
    maxY_ += dy;
  }
  // Sets the extent on axis d.
  void reset(unsigned d, double min, double max) {
    if (d == 0) {
      minX_ = min;
      maxX_ = max;
    } else {
      minY_ = min;
      maxY_ = max;
    }
  }

  // How far the two boxes overlap across (0 when they do not).
  double overlapX(const Rectangle* r) const {
    double ux = getCentreX(), vx = r->getCentreX();
    if (ux <= vx && r->getMinX() < getMaxX()) return getMaxX() - r->getMinX();
    if (vx <= ux && getMinX() < r->getMaxX()) return r->getMaxX() - getMinX();
    return 0;
  }
  // How far the two boxes overlap down (0 when they do not).
  double overlapY(const Rectangle* r) const {
    double uy = getCentreY(), vy = r->getCentreY();
    if (uy <= vy && r->getMinY() < getMaxY()) return getMaxY() - r->getMinY();
    if (vy <= uy && getMinY() < r->getMaxY()) return r->getMaxY() - getMinY();
    return 0;
  }
  double overlapD(unsigned d, const Rectangle* r) const {
    return d == 0 ? overlapX(r) : overlapY(r);
  }

  // The smallest box holding both (an invalid operand counts as empty).
  Rectangle unionWith(const Rectangle& rhs) const {
    if (!isValid()) return rhs;
    if (!rhs.isValid()) return *this;
    return Rectangle(std::min(getMinX(), rhs.getMinX()), std::max(getMaxX(), rhs.getMaxX()),
                     std::min(getMinY(), rhs.getMinY()), std::max(getMaxY(), rhs.getMaxY()));
  }
  bool isValid() const { return minX_ <= maxX_ && minY_ <= maxY_; }
  bool inside(double x, double y) const {
    return x > getMinX() && x < getMaxX() && y > getMinY() && y < getMaxY();
  }
  bool allowOverlap() const { return allowOverlap_; }

  static inline double xBorder = 0;
  static inline double yBorder = 0;

 private:
  double minX_, maxX_, minY_, maxY_;
  bool allowOverlap_;
};

typedef std::vector<Rectangle*> Rectangles;

// Prints the box as libvpsc does: {minX,maxX,minY,maxY}
inline std::ostream& operator<<(std::ostream& os, const Rectangle& r) {
  return os << "{" << r.getMinX() << "," << r.getMaxX() << "," << r.getMinY() << ","
            << r.getMaxY() << "},";
}

}  // namespace vpsc

#endif
