// libcola compatibility (colayout): the exceptions the compatibility layer throws. All
// derive from std::runtime_error, so what() gives the message (libcola's own
// InvalidVariableIndexException returns a std::string from what(); printing it works
// the same way).

#ifndef COLAYOUT_COMPAT_LIBCOLA_EXCEPTIONS_H
#define COLAYOUT_COMPAT_LIBCOLA_EXCEPTIONS_H

#include <stdexcept>
#include <string>

#include <colayout.h>

namespace cola {

class CompoundConstraint;

// A C API call returned a status other than COLAYOUT_OK. The message is the call's
// name, the status name and colayout_last_error_message().
class ColayoutError : public std::runtime_error {
 public:
  ColayoutError(colayout_status s, const std::string& message)
      : std::runtime_error(message), status(s) {}
  colayout_status status;
};

// A compound constraint names a node index that has no rectangle (thrown by run(),
// runOnce(), makeFeasible() and computeStress(), as libcola's run() does).
class InvalidVariableIndexException : public std::runtime_error {
 public:
  InvalidVariableIndexException(CompoundConstraint* c, unsigned i, const std::string& what)
      : std::runtime_error(what), constraint(c), index(i) {}
  CompoundConstraint* constraint;
  unsigned index;
};

// A compound constraint cannot be turned into the C API's constraints (for example a
// distribution whose alignment is not in the same constraint list).
class InvalidConstraint : public std::runtime_error {
 public:
  InvalidConstraint(CompoundConstraint* c, const std::string& what)
      : std::runtime_error(what), constraint(c) {}
  CompoundConstraint* constraint;
};

// A libcola feature this layer does not map onto the C API.
class UnsupportedFeature : public std::runtime_error {
 public:
  explicit UnsupportedFeature(const std::string& what) : std::runtime_error(what) {}
};

namespace detail {

// Throws ColayoutError unless s is COLAYOUT_OK.
inline void check(colayout_status s, const char* call) {
  if (s == COLAYOUT_OK) return;
  throw ColayoutError(s, std::string(call) + ": " + colayout_status_name(s) + ": " +
                             colayout_last_error_message());
}

}  // namespace detail
}  // namespace cola

#endif
