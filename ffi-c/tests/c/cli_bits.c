/* Reads "N M s0 t0 s1 t1 ..." on stdin, lays the graph out with colayout_layout_edges
 * and the defaults, and prints the positions as JSON, [[x, y], ...], each number with 17
 * significant digits (enough to read back the same double). The CI compares them with
 * `colayout layout` on the same graph, bit for bit. */
#include <stdio.h>
#include <stdlib.h>

#include "colayout.h"

int main(void) {
  unsigned long n, m;
  if (scanf("%lu %lu", &n, &m) != 2) return 2;
  uint32_t *edges = malloc(2 * m * sizeof *edges + 1);
  double *p = malloc(2 * n * sizeof *p + 1);
  if (!edges || !p) return 2;
  for (unsigned long i = 0; i < 2 * m; i++) {
    unsigned long v;
    if (scanf("%lu", &v) != 1) return 2;
    edges[i] = (uint32_t)v;
  }
  colayout_status s = colayout_layout_edges((uint32_t)n, edges, m, NULL, p, 2 * n);
  if (s != COLAYOUT_OK) {
    fprintf(stderr, "%s: %s\n", colayout_status_name(s), colayout_last_error_message());
    return 1;
  }
  printf("[");
  for (unsigned long i = 0; i < n; i++) printf("%s[%.17g,%.17g]", i ? "," : "", p[2 * i], p[2 * i + 1]);
  printf("]\n");
  free(edges);
  free(p);
  return 0;
}
