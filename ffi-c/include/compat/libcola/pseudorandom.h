// libcola compatibility (colayout): cola::PseudoRandom, the LCG libcola and WebCola
// share (a = 214013, c = 2531011, m = 2^31; the MSVC rand() sequence / 32767).

#ifndef COLAYOUT_COMPAT_LIBCOLA_PSEUDORANDOM_H
#define COLAYOUT_COMPAT_LIBCOLA_PSEUDORANDOM_H

#include <cstdint>

namespace cola {

class PseudoRandom {
 public:
  explicit PseudoRandom(double s = 1) : seed_(static_cast<std::int64_t>(s)) {}
  // The next number in [0, 1]. Seed 1 gives 41/32767, 18467/32767, ...
  double getNext() {
    seed_ = (seed_ * a + c) % m;
    return static_cast<double>(seed_ >> 16) / range;
  }
  // The next number in [min, max].
  double getNextBetween(double min, double max) { return min + getNext() * (max - min); }

 private:
  static constexpr std::int64_t a = 214013;
  static constexpr std::int64_t c = 2531011;
  static constexpr std::int64_t m = 2147483648LL;
  static constexpr double range = 32767;
  std::int64_t seed_;
};

}  // namespace cola

#endif
