/* A panic inside the library comes back as COLAYOUT_PANIC with its message, and the
 * library keeps working. Links a build with `--features debug-panic`. */
#include <string.h>

#include "colayout.h"
#include "check.h"

colayout_status colayout_debug_panic(void);

int main(void) {
  EXPECT(colayout_debug_panic(), COLAYOUT_PANIC);
  CHECK(strstr(colayout_last_error_message(), "panic") != NULL);
  const uint32_t edges[] = {0, 1};
  double p[4];
  EXPECT(colayout_layout_edges(2, edges, 1, NULL, p, 4), COLAYOUT_OK);
  EXPECT(colayout_debug_panic(), COLAYOUT_PANIC);
  return check_summary();
}
