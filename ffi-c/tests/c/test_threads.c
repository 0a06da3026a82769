/* Two threads, each with its own graph and layout, give the bits one thread gives, and
 * each thread keeps its own last error message. Prints "N passed, N failed". */
#include <pthread.h>
#include <string.h>

#include "colayout.h"
#include "check.h"

enum { N = 120, M = 2 * N };

struct job {
  uint64_t seed;
  double positions[2 * N];
  colayout_status status;
  int message_kept;
};

static uint32_t edges[2 * M];

/* A ring with chords, laid out through a handle with boxes and non-overlap. */
static colayout_status lay_out(uint64_t seed, double *out) {
  double size[N];
  for (int i = 0; i < N; i++) size[i] = 8 + i % 5;
  colayout_graph_arrays a;
  colayout_graph_arrays_init(&a, N, edges, M);
  a.widths = size;
  a.heights = size;
  colayout_graph *g = NULL;
  colayout_status s = colayout_graph_new(&a, &g);
  if (s != COLAYOUT_OK) return s;
  colayout_options o;
  colayout_options_default(&o);
  o.seed = seed;
  o.avoid_overlaps = true;
  colayout_layout *l = NULL;
  s = colayout_layout_new(g, &o, 2, &l);
  colayout_schedule sc;
  colayout_schedule_default(&sc);
  sc.unconstrained = 20;
  sc.all_constraints = 20;
  if (s == COLAYOUT_OK) s = colayout_layout_start(l, &sc, NULL);
  if (s == COLAYOUT_OK) s = colayout_layout_positions(l, out, 2 * N);
  colayout_layout_free(l);
  colayout_graph_free(g);
  return s;
}

static void *run(void *arg) {
  struct job *j = arg;
  /* A failure on this thread, whose message must survive the other thread's calls. */
  colayout_layout_positions(NULL, NULL, 0);
  j->status = lay_out(j->seed, j->positions);
  colayout_layout_positions(NULL, NULL, 0);
  for (int k = 0; k < 50; k++) colayout_options_default(NULL);
  j->message_kept = strstr(colayout_last_error_message(), "layout") != NULL;
  return NULL;
}

int main(void) {
  for (uint32_t i = 0; i < N; i++) {
    edges[2 * i] = i;
    edges[2 * i + 1] = (i + 1) % N;
    edges[2 * (N + i)] = i;
    edges[2 * (N + i) + 1] = (i * 7 + 3) % N;
  }
  struct job jobs[2] = {{.seed = 1}, {.seed = 2}};
  pthread_t t[2];
  for (int k = 0; k < 2; k++) CHECK(pthread_create(&t[k], NULL, run, &jobs[k]) == 0);
  for (int k = 0; k < 2; k++) CHECK(pthread_join(t[k], NULL) == 0);
  for (int k = 0; k < 2; k++) {
    double alone[2 * N];
    EXPECT(jobs[k].status, COLAYOUT_OK);
    EXPECT(lay_out(jobs[k].seed, alone), COLAYOUT_OK);
    CHECK(memcmp(alone, jobs[k].positions, sizeof alone) == 0);
    CHECK(jobs[k].message_kept);
  }
  CHECK(colayout_last_error_message()[0] == '\0');
  return check_summary();
}
