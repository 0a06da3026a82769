/* A small check harness for the C tests: CHECK counts, main prints "N passed, N failed". */
#ifndef COLAYOUT_TEST_CHECK_H
#define COLAYOUT_TEST_CHECK_H

#include <stdio.h>

static int checks_passed;
static int checks_failed;

#define CHECK(cond)                                                                     \
  do {                                                                                  \
    if (cond) {                                                                         \
      checks_passed++;                                                                  \
    } else {                                                                            \
      checks_failed++;                                                                  \
      fprintf(stderr, "%s:%d: CHECK(%s) failed; last error: %s\n", __FILE__, __LINE__, \
              #cond, colayout_last_error_message());                                    \
    }                                                                                   \
  } while (0)

/* `call` returns `status`, and a failure leaves a message. */
#define EXPECT(call, status)                                                            \
  do {                                                                                  \
    colayout_status got_ = (call);                                                      \
    if (got_ == (status) && (got_ == COLAYOUT_OK || colayout_last_error_message()[0])) { \
      checks_passed++;                                                                  \
    } else {                                                                            \
      checks_failed++;                                                                  \
      fprintf(stderr, "%s:%d: %s gave %s, expected %s; last error: %s\n", __FILE__,     \
              __LINE__, #call, colayout_status_name(got_), colayout_status_name(status), \
              colayout_last_error_message());                                           \
    }                                                                                   \
  } while (0)

static int check_summary(void) {
  printf("%d passed, %d failed\n", checks_passed, checks_failed);
  return checks_failed != 0;
}

#endif
