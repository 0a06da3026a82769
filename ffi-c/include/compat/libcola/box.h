// libcola compatibility (colayout): cola::Box, four side widths (a margin or padding).

#ifndef COLAYOUT_COMPAT_LIBCOLA_BOX_H
#define COLAYOUT_COMPAT_LIBCOLA_BOX_H

#include <algorithm>
#include <sstream>
#include <string>

#include <libvpsc/rectangle.h>

namespace cola {

// Widths of the left (xMin), right (xMax), top (yMin) and bottom (yMax) sides.
// Negative values are clamped to 0; Box() is empty (all 0).
class Box {
 public:
  explicit Box(double all) : Box(all, all, all, all) {}
  Box(double xMin, double xMax, double yMin, double yMax)
      : xMin_(std::max(0.0, xMin)),
        xMax_(std::max(0.0, xMax)),
        yMin_(std::max(0.0, yMin)),
        yMax_(std::max(0.0, yMax)) {}
  Box() : Box(0.0) {}

  bool empty() const { return xMin_ == 0 && xMax_ == 0 && yMin_ == 0 && yMax_ == 0; }
  // The low side's width on axis dim (0 = x).
  double min(unsigned dim) const { return dim == 0 ? xMin_ : yMin_; }
  // The high side's width on axis dim.
  double max(unsigned dim) const { return dim == 0 ? xMax_ : yMax_; }
  // rect grown by this box (an invalid rect is returned unchanged).
  vpsc::Rectangle rectangleByApplyingBox(const vpsc::Rectangle rect) const {
    if (!rect.isValid()) return rect;
    return vpsc::Rectangle(rect.getMinX() - xMin_, rect.getMaxX() + xMax_,
                           rect.getMinY() - yMin_, rect.getMaxY() + yMax_);
  }
  std::string toString() const {
    std::ostringstream s;
    s << "Box(" << xMin_ << ", " << xMax_ << ", " << yMin_ << ", " << yMax_ << ")";
    return s.str();
  }

 private:
  double xMin_, xMax_, yMin_, yMax_;
};

}  // namespace cola

#endif
