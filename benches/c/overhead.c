#define _POSIX_C_SOURCE 199309L
/* The cost of going through the C API: the same work as the Rust twin
 * (benches/src/bin/overhead.rs), timed the same way. Reads "N M s0 t0 ..." from the file
 * in argv[1]; prints "name|seconds per call" lines. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "colayout.h"

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static void ok(colayout_status s) {
  if (s != COLAYOUT_OK) {
    fprintf(stderr, "%s: %s\n", colayout_status_name(s), colayout_last_error_message());
    exit(1);
  }
}

int main(int argc, char **argv) {
  if (argc < 4) return 2;
  FILE *f = fopen(argv[1], "r");
  unsigned long n, m;
  if (!f || fscanf(f, "%lu %lu", &n, &m) != 2) return 2;
  uint32_t *edges = malloc(2 * m * sizeof *edges);
  double *p = malloc(2 * n * sizeof *p);
  for (unsigned long i = 0; i < 2 * m; i++) {
    unsigned long v;
    if (fscanf(f, "%lu", &v) != 1) return 2;
    edges[i] = (uint32_t)v;
  }
  fclose(f);
  int layouts = atoi(argv[2]), ticks = atoi(argv[3]);

  double t = now();
  for (int r = 0; r < layouts; r++) ok(colayout_layout_edges((uint32_t)n, edges, m, NULL, p, 2 * n));
  printf("layout_edges|%.9g\n", (now() - t) / layouts);

  colayout_graph_arrays a;
  colayout_graph_arrays_init(&a, n, edges, m);
  colayout_graph *g = NULL;
  colayout_layout *l = NULL;
  ok(colayout_graph_new(&a, &g));
  ok(colayout_layout_new(g, NULL, 2, &l));
  colayout_schedule s;
  colayout_schedule_default(&s);
  s.keep_running = 0;
  ok(colayout_layout_start(l, &s, NULL));
  t = now();
  for (int k = 0; k < ticks; k++) {
    ok(colayout_layout_run_ticks(l, 1));
    ok(colayout_layout_positions(l, p, 2 * n));
  }
  printf("tick_and_positions|%.9g\n", (now() - t) / ticks);

  enum { CALLS = 2000000 };
  size_t count = 0, sum = 0;
  t = now();
  for (int k = 0; k < CALLS; k++) {
    ok(colayout_layout_counts(l, &count, NULL, NULL));
    sum += count;
  }
  printf("counts_call|%.9g\n", (now() - t) / CALLS);
  if (sum != (size_t)CALLS * n) return 1;
  colayout_layout_free(l);
  colayout_graph_free(g);
  free(edges);
  free(p);
  return 0;
}
