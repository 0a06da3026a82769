/* The C API as a C program uses it: every status, NULL and short buffers on every call,
 * the whole engine (groups, constraints, non-overlap, ticks, drag, update), and the
 * one-shot layout. Prints "N passed, N failed". */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "colayout.h"
#include "check.h"

static const uint32_t PATH[] = {0, 1, 1, 2, 2, 3};

/* A graph of `n` nodes and `m` links at `edges`; NULL on failure. */
static colayout_graph *graph_of(size_t n, const uint32_t *edges, size_t m) {
  colayout_graph_arrays a;
  colayout_graph_arrays_init(&a, n, edges, m);
  colayout_graph *g = NULL;
  return colayout_graph_new(&a, &g) == COLAYOUT_OK ? g : NULL;
}

/* The status of making a layout of `g` with `o` (NULL: defaults); frees both. */
static colayout_status layout_status(colayout_graph *g, const colayout_options *o) {
  colayout_layout *l = NULL;
  colayout_status s = colayout_layout_new(g, o, 2, &l);
  CHECK((s == COLAYOUT_OK) == (l != NULL));
  colayout_layout_free(l);
  colayout_graph_free(g);
  return s;
}

/* The status of a graph made from `a`, freed. */
static colayout_status arrays_status(const colayout_graph_arrays *a) {
  colayout_graph *g = NULL;
  colayout_status s = colayout_graph_new(a, &g);
  CHECK((s == COLAYOUT_OK) == (g != NULL));
  colayout_graph_free(g);
  return s;
}

static colayout_status json_status(const char *text) {
  colayout_graph *g = NULL;
  colayout_status s = colayout_graph_from_json(text, strlen(text), &g);
  CHECK((s == COLAYOUT_OK) == (g != NULL));
  colayout_graph_free(g);
  return s;
}

static void statuses_are_named(void) {
  CHECK(strcmp(colayout_status_name(COLAYOUT_OK), "Ok") == 0);
  CHECK(strcmp(colayout_status_name(COLAYOUT_NODE_IN_TWO_GROUPS), "NodeInTwoGroups") == 0);
  CHECK(strcmp(colayout_status_name(COLAYOUT_PANIC), "Panic") == 0);
  CHECK(strcmp(colayout_status_name(999), "Unknown") == 0);
  CHECK(strchr(colayout_version(), '.') != NULL);
}

/* Every core error kind the C API can reach, each with its status and a message. */
static void every_kind_has_its_status(void) {
  colayout_graph_arrays a;
  const uint32_t bad_edge[] = {0, 5};
  colayout_graph_arrays_init(&a, 2, bad_edge, 1);
  EXPECT(arrays_status(&a), COLAYOUT_LINK_OUT_OF_RANGE);
  CHECK(strstr(colayout_last_error_message(), "link 0") != NULL);

  double pos[8] = {0, 0, NAN, 1, 2, 2, 3, 3};
  colayout_graph_arrays_init(&a, 4, PATH, 3);
  a.positions = pos;
  EXPECT(arrays_status(&a), COLAYOUT_NON_FINITE_COORDINATE);
  pos[2] = 1e15;
  EXPECT(layout_status(graph_of(0, NULL, 0), NULL), COLAYOUT_OK);
  {
    colayout_graph *g = NULL;
    EXPECT(colayout_graph_new(&a, &g), COLAYOUT_OK);
    EXPECT(layout_status(g, NULL), COLAYOUT_OUT_OF_RANGE);
  }

  double sizes[4] = {10, NAN, 10, 10};
  colayout_graph_arrays_init(&a, 4, PATH, 3);
  a.widths = sizes;
  EXPECT(arrays_status(&a), COLAYOUT_NON_FINITE_SIZE);
  sizes[1] = -1;
  EXPECT(arrays_status(&a), COLAYOUT_NEGATIVE_SIZE);

  double per_link[3] = {1, -1, 1};
  colayout_graph_arrays_init(&a, 4, PATH, 3);
  a.lengths = per_link;
  EXPECT(arrays_status(&a), COLAYOUT_INVALID_LINK_LENGTH);
  colayout_graph_arrays_init(&a, 4, PATH, 3);
  a.weights = per_link;
  EXPECT(arrays_status(&a), COLAYOUT_INVALID_LINK_WEIGHT);

  colayout_options o;
  colayout_options_default(&o);
  o.convergence_threshold = -1;
  EXPECT(layout_status(graph_of(4, PATH, 3), &o), COLAYOUT_INVALID_OPTION);
  CHECK(strstr(colayout_last_error_message(), "convergence_threshold") != NULL);
  {
    colayout_layout *l = NULL;
    colayout_graph *g = graph_of(4, PATH, 3);
    EXPECT(colayout_layout_new(g, NULL, 4, &l), COLAYOUT_INVALID_OPTION);
    CHECK(l == NULL);
    colayout_graph_free(g);
  }

  colayout_options_default(&o);
  o.memory_limit = 100000;
  {
    uint32_t *e = malloc(2 * 299 * sizeof *e);
    for (uint32_t i = 0; i < 299; i++) {
      e[2 * i] = i;
      e[2 * i + 1] = i + 1;
    }
    EXPECT(layout_status(graph_of(300, e, 299), &o), COLAYOUT_TOO_MANY_NODES);
    CHECK(strstr(colayout_last_error_message(), "memory") != NULL);
    free(e);
  }

  /* Groups: checked when the layout is made. */
  struct {
    uint32_t leaves[2];
    size_t leaf_count;
    uint32_t groups[1];
    size_t group_count;
    double padding;
  } bad_groups[][3] = {
      {{{7}, 1, {0}, 0, 1}},                                  /* unknown node */
      {{{0}, 1, {3}, 1, 1}},                                  /* unknown group */
      {{{0}, 1, {0}, 1, 1}},                                  /* cycle */
      {{{0}, 0, {2}, 1, 1}, {{1}, 0, {2}, 1, 1}, {{0}, 1, {0}, 0, 1}}, /* two parents */
      {{{0, 1}, 2, {0}, 0, 1}, {{1, 2}, 2, {0}, 0, 1}},       /* node in two groups */
      {{{0}, 0, {0}, 0, 1}},                                  /* empty */
      {{{0}, 1, {0}, 0, -1}},                                 /* negative padding */
  };
  colayout_status want[] = {COLAYOUT_UNKNOWN_NODE,      COLAYOUT_UNKNOWN_GROUP,
                            COLAYOUT_GROUP_CYCLE,       COLAYOUT_GROUP_IN_TWO_GROUPS,
                            COLAYOUT_NODE_IN_TWO_GROUPS, COLAYOUT_EMPTY_GROUP,
                            COLAYOUT_INVALID_GROUP_VALUE};
  size_t counts[] = {1, 1, 1, 3, 2, 1, 1};
  for (size_t c = 0; c < sizeof want / sizeof want[0]; c++) {
    colayout_graph *g = graph_of(4, PATH, 3);
    for (size_t j = 0; j < counts[c]; j++) {
      EXPECT(colayout_graph_add_group(g, bad_groups[c][j].leaves, bad_groups[c][j].leaf_count,
                                      bad_groups[c][j].groups, bad_groups[c][j].group_count,
                                      &bad_groups[c][j].padding, NULL, NULL),
             COLAYOUT_OK);
    }
    EXPECT(layout_status(g, NULL), want[c]);
  }
  CHECK(strstr(colayout_last_error_message(), "padding") != NULL);

  /* Constraints. */
  {
    colayout_graph *g = graph_of(4, PATH, 3);
    EXPECT(colayout_graph_add_alignment(g, COLAYOUT_AXIS_X, PATH, NULL, 0, NULL), COLAYOUT_OK);
    EXPECT(layout_status(g, NULL), COLAYOUT_EMPTY_CONSTRAINT);
    g = graph_of(4, PATH, 3);
    EXPECT(colayout_graph_add_separation(g, COLAYOUT_AXIS_X, 0, 1, NAN, false, NULL),
           COLAYOUT_OK);
    EXPECT(layout_status(g, NULL), COLAYOUT_NON_FINITE_CONSTRAINT);
    g = graph_of(4, PATH, 3);
    size_t sep = 99;
    EXPECT(colayout_graph_add_separation(g, COLAYOUT_AXIS_X, 0, 1, 5, false, &sep), COLAYOUT_OK);
    CHECK(sep == 0);
    EXPECT(colayout_graph_add_distribution(g, COLAYOUT_AXIS_X, &sep, 1, 5, NULL), COLAYOUT_OK);
    EXPECT(layout_status(g, NULL), COLAYOUT_INVALID_DISTRIBUTION);
    g = graph_of(4, PATH, 3);
    EXPECT(colayout_graph_add_separation(g, COLAYOUT_AXIS_X, 0, 9, 5, false, NULL), COLAYOUT_OK);
    EXPECT(layout_status(g, NULL), COLAYOUT_UNKNOWN_NODE);
    g = graph_of(4, PATH, 3);
    EXPECT(colayout_graph_add_separation(g, 7, 0, 1, 5, false, NULL), COLAYOUT_INVALID_OPTION);
    colayout_graph_free(g);
  }

  EXPECT(json_status("{\"nodes\": ["), COLAYOUT_PARSE);
  CHECK(strstr(colayout_last_error_message(), "line 1") != NULL);
  EXPECT(json_status("{\"nodes\": 1e12}"), COLAYOUT_INPUT_TOO_LARGE);
  EXPECT(json_status("{\"nodes\": 3, \"links\": [[0, 1], [1, 2]]}"), COLAYOUT_OK);
  CHECK(colayout_last_error_message()[0] == '\0');

  /* Layout calls. */
  {
    colayout_layout *l = NULL;
    colayout_graph *g = graph_of(4, PATH, 3);
    EXPECT(colayout_layout_new(g, NULL, 2, &l), COLAYOUT_OK);
    EXPECT(colayout_layout_drag_start(l, COLAYOUT_DRAG_NODE, 9), COLAYOUT_NODE_OUT_OF_RANGE);
    EXPECT(colayout_layout_drag_start(l, COLAYOUT_DRAG_GROUP, 0), COLAYOUT_NODE_OUT_OF_RANGE);
    EXPECT(colayout_layout_drag_start(l, 5, 0), COLAYOUT_INVALID_OPTION);
    int64_t prev[3] = {0, 1, 2};
    EXPECT(colayout_layout_update(l, g, prev, 3), COLAYOUT_DIMENSION_MISMATCH);
    colayout_layout_free(l);
    colayout_graph_free(g);
  }
  /* COLAYOUT_DIVERGED: the core's range checks keep every finite input from diverging,
   * so no input reaches it (as in the CLI's and the Wasm API's walks). */
}

/* NULL where a pointer is required gives COLAYOUT_NULL_POINTER and names it. */
static void null_pointers_are_refused(void) {
  colayout_graph *g = graph_of(4, PATH, 3);
  colayout_layout *l = NULL;
  EXPECT(colayout_layout_new(g, NULL, 2, &l), COLAYOUT_OK);
  double buf[8];
  size_t count;
  colayout_graph_arrays a;
  colayout_graph *none = g;
  colayout_layout *no_layout = l;
  colayout_graph_arrays_init(&a, 4, NULL, 3);
  EXPECT(colayout_graph_new(&a, &none), COLAYOUT_NULL_POINTER);
  CHECK(strstr(colayout_last_error_message(), "edges") != NULL);
  CHECK(none == NULL);
  EXPECT(colayout_graph_new(NULL, &none), COLAYOUT_NULL_POINTER);
  colayout_graph_arrays_init(&a, 4, PATH, 3);
  EXPECT(colayout_graph_new(&a, NULL), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_graph_from_json(NULL, 3, &none), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_graph_add_group(NULL, PATH, 1, NULL, 0, NULL, NULL, NULL), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_graph_add_group(g, NULL, 1, NULL, 0, NULL, NULL, NULL), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_graph_add_separation(NULL, 0, 0, 1, 1, false, NULL), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_graph_add_alignment(g, 0, NULL, NULL, 2, NULL), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_graph_add_distribution(g, 0, NULL, 2, 1, NULL), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_graph_add_fixed_relative(g, NULL, 2, NULL), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_graph_add_page_boundary(g, NULL, NULL, PATH, 2, NULL), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_new(NULL, NULL, 2, &no_layout), COLAYOUT_NULL_POINTER);
  CHECK(no_layout == NULL);
  EXPECT(colayout_layout_new(g, NULL, 2, NULL), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_start(NULL, NULL, NULL), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_tick(NULL, NULL), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_run_ticks(NULL, 1), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_run(NULL, NULL), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_stop(NULL), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_resume(NULL), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_make_feasible(NULL), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_counts(NULL, NULL, NULL, NULL), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_stats(NULL, NULL, NULL, NULL, NULL), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_positions(NULL, buf, 8), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_positions(l, NULL, 8), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_group_bounds(NULL, NULL, 0, &count), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_node_bounds(l, NULL, 4, &count), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_unsatisfied(NULL, 1e-3, NULL, 0, &count), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_overlapping_nodes(NULL, 1e-3, NULL, 0, &count), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_drag_start(NULL, 0, 0), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_drag(NULL, 0, 0, 1, 1), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_drag_end(NULL, 0, 0), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_update(l, NULL, NULL, 0), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_edges(4, NULL, 3, NULL, buf, 8), COLAYOUT_NULL_POINTER);
  EXPECT(colayout_layout_edges(4, PATH, 3, NULL, NULL, 8), COLAYOUT_NULL_POINTER);
  /* Zero-length arrays may be NULL. */
  EXPECT(colayout_layout_edges(0, NULL, 0, NULL, NULL, 0), COLAYOUT_OK);
  /* The free functions and the fillers accept NULL. */
  colayout_graph_free(NULL);
  colayout_layout_free(NULL);
  colayout_options_default(NULL);
  colayout_schedule_default(NULL);
  colayout_graph_arrays_init(NULL, 0, NULL, 0);
  colayout_layout_free(l);
  colayout_graph_free(g);
}

/* A short buffer gives COLAYOUT_BUFFER_TOO_SMALL, writes nothing, and says the size. */
static void short_buffers_are_refused(void) {
  double out[8];
  for (int i = 0; i < 8; i++) out[i] = -7;
  EXPECT(colayout_layout_edges(4, PATH, 3, NULL, out, 7), COLAYOUT_BUFFER_TOO_SMALL);
  CHECK(strstr(colayout_last_error_message(), "8") != NULL);
  CHECK(out[0] == -7 && out[6] == -7);
  colayout_graph *g = graph_of(4, PATH, 3);
  const uint32_t leaves[] = {0, 1};
  EXPECT(colayout_graph_add_group(g, leaves, 2, NULL, 0, NULL, NULL, NULL), COLAYOUT_OK);
  colayout_layout *l = NULL;
  EXPECT(colayout_layout_new(g, NULL, 2, &l), COLAYOUT_OK);
  EXPECT(colayout_layout_positions(l, out, 7), COLAYOUT_BUFFER_TOO_SMALL);
  CHECK(out[0] == -7);
  size_t count = 0;
  colayout_rect r[4];
  EXPECT(colayout_layout_group_bounds(l, NULL, 0, &count), COLAYOUT_BUFFER_TOO_SMALL);
  CHECK(count == 1);
  EXPECT(colayout_layout_group_bounds(l, r, 1, &count), COLAYOUT_OK);
  EXPECT(colayout_layout_node_bounds(l, r, 3, &count), COLAYOUT_BUFFER_TOO_SMALL);
  CHECK(count == 4);
  EXPECT(colayout_layout_node_bounds(l, r, 4, &count), COLAYOUT_OK);
  colayout_layout_free(l);
  colayout_graph_free(g);
}

/* A NaN, an infinity or a negative value in each double option is an InvalidOption
 * naming the option (and never a NaN layout). */
static void every_double_option_is_checked(void) {
  colayout_options o;
  const char *names[] = {"link_distance",      "convergence_threshold", "size",
                         "default_node_size",  "group_compactness",     "min_separation",
                         "grid_snap_size",     "link_lengths"};
  for (int which = 0; which < 8; which++) {
    for (int bad = 0; bad < 2; bad++) {
      double v = bad ? INFINITY : NAN;
      colayout_options_default(&o);
      switch (which) {
        case 0: o.link_distance = v; break;
        case 1: o.convergence_threshold = v; break;
        case 2: o.size[bad] = v; break;
        case 3: o.default_node_size = v; break;
        case 4: o.group_compactness = v; break;
        case 5: o.flow_layout = true; o.flow_min_separation = v; break;
        case 6: o.grid_snap_size = v; break;
        case 7: o.link_lengths = COLAYOUT_LINK_LENGTHS_JACCARD; o.link_lengths_ideal = 20; o.link_lengths_w = v; break;
      }
      double out[8];
      colayout_status s = colayout_layout_edges(4, PATH, 3, &o, out, 8);
      CHECK(s == COLAYOUT_INVALID_OPTION || s == COLAYOUT_OUT_OF_RANGE);
      if (strstr(colayout_last_error_message(), names[which]) == NULL) {
        fprintf(stderr, "option %s: message \"%s\"\n", names[which], colayout_last_error_message());
        checks_failed++;
      }
    }
  }
  colayout_options_default(&o);
  o.stress = 9;
  EXPECT(colayout_layout_edges(4, PATH, 3, &o, NULL, 0), COLAYOUT_INVALID_OPTION);
  colayout_options_default(&o);
  o.link_lengths = 9;
  EXPECT(colayout_layout_edges(4, PATH, 3, &o, NULL, 0), COLAYOUT_INVALID_OPTION);
  colayout_options_default(&o);
  o.solver = 5;
  EXPECT(colayout_layout_edges(4, PATH, 3, &o, NULL, 0), COLAYOUT_INVALID_OPTION);
  CHECK(strstr(colayout_last_error_message(), "solver") != NULL);
  colayout_options_default(&o);
  o.sgd_schedule = 2;
  EXPECT(colayout_layout_edges(4, PATH, 3, &o, NULL, 0), COLAYOUT_INVALID_OPTION);
  CHECK(strstr(colayout_last_error_message(), "sgd_schedule") != NULL);
  colayout_options_default(&o);
  o.pivots = -3;
  EXPECT(colayout_layout_edges(4, PATH, 3, &o, NULL, 0), COLAYOUT_INVALID_OPTION);
  CHECK(strstr(colayout_last_error_message(), "pivots") != NULL);
  colayout_options_default(&o);
  o.flow_layout = true;
  o.flow_axis = 3;
  EXPECT(colayout_layout_edges(4, PATH, 3, &o, NULL, 0), COLAYOUT_INVALID_OPTION);
}

static void defaults_are_webcolas(void) {
  colayout_options o;
  colayout_options_default(&o);
  CHECK(o.link_distance == 20 && o.convergence_threshold == 0.01);
  CHECK(o.size[0] == 1 && o.size[1] == 1 && o.handle_disconnected && !o.avoid_overlaps);
  CHECK(o.max_ticks == 10000 && o.stress == COLAYOUT_STRESS_P && !o.overlapping_groups);
  CHECK(o.solver == COLAYOUT_SOLVER_DESCENT && o.pivots == COLAYOUT_PIVOTS_AUTO);
  CHECK(o.sgd_schedule == COLAYOUT_SGD_SCHEDULE_ANNEAL);
  colayout_schedule s;
  colayout_schedule_default(&s);
  CHECK(s.unconstrained == 0 && s.keep_running && s.center_graph);
}

/* Boxes with groups, constraints and non-overlap: they hold, the engine runs, ticks,
 * drags and updates, and reports the infeasible. */
static void the_whole_engine(void) {
  enum { N = 8 };
  const uint32_t edges[] = {0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 0, 0, 4};
  double w[N], h[N];
  for (int i = 0; i < N; i++) {
    w[i] = 20 + 2 * i;
    h[i] = 10 + i;
  }
  colayout_graph_arrays a;
  colayout_graph_arrays_init(&a, N, edges, 9);
  a.widths = w;
  a.heights = h;
  colayout_graph *g = NULL;
  EXPECT(colayout_graph_new(&a, &g), COLAYOUT_OK);
  const uint32_t inner[] = {1, 2}, outer[] = {3};
  size_t gi = 9, go = 9, c_sep, c_al, c_al2, c_dist;
  double pad = 4;
  EXPECT(colayout_graph_add_group(g, inner, 2, NULL, 0, &pad, NULL, &gi), COLAYOUT_OK);
  const uint32_t child[] = {0};
  EXPECT(colayout_graph_add_group(g, outer, 1, child, 1, NULL, NULL, &go), COLAYOUT_OK);
  CHECK(gi == 0 && go == 1);
  EXPECT(colayout_graph_add_separation(g, COLAYOUT_AXIS_X, 4, 5, 60, false, &c_sep), COLAYOUT_OK);
  const uint32_t al[] = {5, 6}, al2[] = {7, 0};
  EXPECT(colayout_graph_add_alignment(g, COLAYOUT_AXIS_Y, al, NULL, 2, &c_al), COLAYOUT_OK);
  EXPECT(colayout_graph_add_alignment(g, COLAYOUT_AXIS_Y, al2, NULL, 2, &c_al2), COLAYOUT_OK);
  size_t als[] = {c_al, c_al2};
  EXPECT(colayout_graph_add_distribution(g, COLAYOUT_AXIS_Y, als, 2, 80, &c_dist), COLAYOUT_OK);
  CHECK(c_sep == 0 && c_al == 1 && c_dist == 3);
  colayout_options o;
  colayout_options_default(&o);
  o.avoid_overlaps = true;
  o.link_distance = 60;
  colayout_layout *l = NULL;
  EXPECT(colayout_layout_new(g, &o, 2, &l), COLAYOUT_OK);
  colayout_schedule s;
  colayout_schedule_default(&s);
  s.unconstrained = 10;
  s.user_constraints = 10;
  s.all_constraints = 10;
  size_t ticks = 0;
  EXPECT(colayout_layout_start(l, &s, &ticks), COLAYOUT_OK);
  CHECK(ticks > 0);
  size_t nc, gc;
  uint32_t dims;
  EXPECT(colayout_layout_counts(l, &nc, &gc, &dims), COLAYOUT_OK);
  CHECK(nc == N && gc == 2 && dims == 2);
  double p[2 * N];
  EXPECT(colayout_layout_positions(l, p, 2 * N), COLAYOUT_OK);
  for (int i = 0; i < 2 * N; i++) CHECK(isfinite(p[i]));
  CHECK(p[2 * 5] >= p[2 * 4] + 60 - 1e-3);
  CHECK(fabs(p[2 * 5 + 1] - p[2 * 6 + 1]) < 1e-3);
  CHECK(fabs(p[2 * 0 + 1] - p[2 * 5 + 1] - 80) < 1e-2);
  size_t count = 0;
  EXPECT(colayout_layout_unsatisfied(l, 1e-3, NULL, 0, &count), COLAYOUT_OK);
  CHECK(count == 0);
  EXPECT(colayout_layout_overlapping_nodes(l, 1e-3, NULL, 0, &count), COLAYOUT_OK);
  CHECK(count == 0);
  colayout_rect nb[N], gb[2];
  EXPECT(colayout_layout_node_bounds(l, nb, N, &count), COLAYOUT_OK);
  EXPECT(colayout_layout_group_bounds(l, gb, 2, &count), COLAYOUT_OK);
  CHECK(count == 2);
  for (int v = 1; v <= 3; v++) {
    const colayout_rect *b = v < 3 ? &gb[0] : &gb[1];
    CHECK(nb[v].x >= b->x - 1e-3 && nb[v].x_max <= b->x_max + 1e-3);
    CHECK(nb[v].y >= b->y - 1e-3 && nb[v].y_max <= b->y_max + 1e-3);
  }
  CHECK(gb[0].x >= gb[1].x - 1e-3 && gb[0].x_max <= gb[1].x_max + 1e-3);
  double alpha, stress, p_stress;
  EXPECT(colayout_layout_stats(l, &alpha, &stress, &p_stress, &ticks), COLAYOUT_OK);
  CHECK(alpha == 0 && stress > 0 && p_stress >= 0);

  /* Drag node 7 to a point: it sits there. */
  EXPECT(colayout_layout_resume(l), COLAYOUT_OK);
  EXPECT(colayout_layout_drag_start(l, COLAYOUT_DRAG_NODE, 7), COLAYOUT_OK);
  EXPECT(colayout_layout_drag(l, COLAYOUT_DRAG_NODE, 7, 500, 400), COLAYOUT_OK);
  bool ended = false;
  EXPECT(colayout_layout_tick(l, &ended), COLAYOUT_OK);
  EXPECT(colayout_layout_positions(l, p, 2 * N), COLAYOUT_OK);
  CHECK(fabs(p[14] - 500) < 1e-6 && fabs(p[15] - 400) < 1e-6);
  EXPECT(colayout_layout_drag_end(l, COLAYOUT_DRAG_NODE, 7), COLAYOUT_OK);
  /* And a group. */
  EXPECT(colayout_layout_drag_start(l, COLAYOUT_DRAG_GROUP, 0), COLAYOUT_OK);
  EXPECT(colayout_layout_drag(l, COLAYOUT_DRAG_GROUP, 0, -300, 0), COLAYOUT_OK);
  EXPECT(colayout_layout_run_ticks(l, 3), COLAYOUT_OK);
  EXPECT(colayout_layout_group_bounds(l, gb, 2, &count), COLAYOUT_OK);
  CHECK(fabs((gb[0].x + gb[0].x_max) / 2 + 300) < 1);
  EXPECT(colayout_layout_drag_end(l, COLAYOUT_DRAG_GROUP, 0), COLAYOUT_OK);
  EXPECT(colayout_layout_stop(l), COLAYOUT_OK);

  /* Update: one node more, node i keeps its place. */
  EXPECT(colayout_layout_positions(l, p, 2 * N), COLAYOUT_OK);
  const uint32_t edges2[] = {0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8};
  colayout_graph *g2 = graph_of(N + 1, edges2, 8);
  int64_t prev[N + 1];
  for (int i = 0; i < N; i++) prev[i] = i;
  prev[N] = -1;
  EXPECT(colayout_layout_update(l, g2, prev, N + 1), COLAYOUT_OK);
  double q[2 * (N + 1)];
  EXPECT(colayout_layout_positions(l, q, 2 * (N + 1)), COLAYOUT_OK);
  CHECK(q[0] == p[0] && q[2 * N - 1] == p[2 * N - 1]);
  EXPECT(colayout_layout_run(l, &ticks), COLAYOUT_OK);
  EXPECT(colayout_layout_positions(l, q, 2 * (N + 1)), COLAYOUT_OK);
  for (int i = 0; i < 2 * (N + 1); i++) CHECK(isfinite(q[i]));
  colayout_graph_free(g2);
  colayout_layout_free(l);
  colayout_graph_free(g);
}

/* Fixed-relative and page-boundary constraints; an infeasible pair is reported while
 * the layout is still returned. */
static void more_constraints_and_the_infeasible(void) {
  colayout_graph *g = graph_of(4, PATH, 3);
  const uint32_t rigid[] = {0, 1};
  EXPECT(colayout_graph_add_fixed_relative(g, rigid, 2, NULL), COLAYOUT_OK);
  colayout_rect page = {0, 100, 0, 100};
  EXPECT(colayout_graph_add_page_boundary(g, &page, NULL, NULL, 0, NULL), COLAYOUT_OK);
  colayout_layout *l = NULL;
  EXPECT(colayout_layout_new(g, NULL, 2, &l), COLAYOUT_OK);
  EXPECT(colayout_layout_start(l, NULL, NULL), COLAYOUT_OK);
  double p[8];
  EXPECT(colayout_layout_positions(l, p, 8), COLAYOUT_OK);
  for (int i = 0; i < 8; i++) CHECK(p[i] >= -1e-3 && p[i] <= 100 + 1e-3);
  colayout_layout_free(l);
  colayout_graph_free(g);

  g = graph_of(4, PATH, 3);
  EXPECT(colayout_graph_add_separation(g, COLAYOUT_AXIS_X, 1, 2, 10, false, NULL), COLAYOUT_OK);
  EXPECT(colayout_graph_add_separation(g, COLAYOUT_AXIS_X, 2, 1, 10, false, NULL), COLAYOUT_OK);
  EXPECT(colayout_layout_new(g, NULL, 2, &l), COLAYOUT_OK);
  EXPECT(colayout_layout_start(l, NULL, NULL), COLAYOUT_OK);
  colayout_violation v[4];
  size_t count = 0;
  EXPECT(colayout_layout_unsatisfied(l, 1e-3, v, 4, &count), COLAYOUT_OK);
  CHECK(count == 1 && v[0].axis == COLAYOUT_AXIS_X && v[0].amount > 0);
  EXPECT(colayout_layout_unsatisfied(l, 1e-3, v, 0, &count), COLAYOUT_BUFFER_TOO_SMALL);
  EXPECT(colayout_layout_positions(l, p, 8), COLAYOUT_OK);
  for (int i = 0; i < 8; i++) CHECK(isfinite(p[i]));
  colayout_layout_free(l);
  colayout_graph_free(g);
}

/* A node in two groups that do not nest: refused without overlapping_groups, laid out
 * with it, the two boxes overlapping around the shared node. */
static void overlapping_groups(void) {
  double size[5] = {10, 10, 10, 10, 10};
  colayout_graph_arrays a;
  const uint32_t edges[] = {0, 1, 1, 2, 2, 3, 3, 4};
  colayout_graph_arrays_init(&a, 5, edges, 4);
  a.widths = size;
  a.heights = size;
  colayout_graph *g = NULL;
  EXPECT(colayout_graph_new(&a, &g), COLAYOUT_OK);
  const uint32_t ga[] = {0, 1, 2}, gb[] = {2, 3, 4};
  EXPECT(colayout_graph_add_group(g, ga, 3, NULL, 0, NULL, NULL, NULL), COLAYOUT_OK);
  EXPECT(colayout_graph_add_group(g, gb, 3, NULL, 0, NULL, NULL, NULL), COLAYOUT_OK);
  colayout_options o;
  colayout_options_default(&o);
  o.avoid_overlaps = true;
  colayout_layout *l = NULL;
  EXPECT(colayout_layout_new(g, &o, 2, &l), COLAYOUT_NODE_IN_TWO_GROUPS);
  CHECK(strstr(colayout_last_error_message(), "overlapping_groups") != NULL);
  o.overlapping_groups = true;
  EXPECT(colayout_layout_new(g, &o, 2, &l), COLAYOUT_OK);
  colayout_schedule s;
  colayout_schedule_default(&s);
  s.unconstrained = s.user_constraints = s.all_constraints = 10;
  EXPECT(colayout_layout_start(l, &s, NULL), COLAYOUT_OK);
  colayout_rect b[2], nb[5];
  size_t count;
  EXPECT(colayout_layout_group_bounds(l, b, 2, &count), COLAYOUT_OK);
  EXPECT(colayout_layout_node_bounds(l, nb, 5, &count), COLAYOUT_OK);
  CHECK(b[0].x < b[1].x_max && b[1].x < b[0].x_max && b[0].y < b[1].y_max && b[1].y < b[0].y_max);
  for (int j = 0; j < 2; j++) {
    for (int v = 0; v < 5; v++) {
      bool in = j == 0 ? v <= 2 : v >= 2;
      bool overlaps = nb[v].x < b[j].x_max - 1e-3 && b[j].x < nb[v].x_max - 1e-3 &&
                      nb[v].y < b[j].y_max - 1e-3 && b[j].y < nb[v].y_max - 1e-3;
      bool inside = nb[v].x >= b[j].x - 1e-3 && nb[v].x_max <= b[j].x_max + 1e-3 &&
                    nb[v].y >= b[j].y - 1e-3 && nb[v].y_max <= b[j].y_max + 1e-3;
      CHECK(in ? inside : !overlaps);
    }
  }
  colayout_layout_free(l);
  colayout_graph_free(g);
}

/* makeFeasible: stacked boxes come apart before any tick. */
static void make_feasible(void) {
  enum { N = 6 };
  double pos[2 * N], w[N], h[N];
  for (int i = 0; i < N; i++) {
    pos[2 * i] = 50 + 0.1 * i;
    pos[2 * i + 1] = 50;
    w[i] = 30;
    h[i] = 10;
  }
  colayout_graph_arrays a;
  colayout_graph_arrays_init(&a, N, NULL, 0);
  a.positions = pos;
  a.widths = w;
  a.heights = h;
  colayout_graph *g = NULL;
  EXPECT(colayout_graph_new(&a, &g), COLAYOUT_OK);
  colayout_options o;
  colayout_options_default(&o);
  o.avoid_overlaps = true;
  colayout_layout *l = NULL;
  EXPECT(colayout_layout_new(g, &o, 2, &l), COLAYOUT_OK);
  size_t count = 0;
  EXPECT(colayout_layout_overlapping_nodes(l, 1e-6, NULL, 0, &count), COLAYOUT_BUFFER_TOO_SMALL);
  CHECK(count == N * (N - 1) / 2);
  uint32_t pairs[2];
  EXPECT(colayout_layout_overlapping_nodes(l, 1e-6, pairs, 1, &count), COLAYOUT_BUFFER_TOO_SMALL);
  EXPECT(colayout_layout_make_feasible(l), COLAYOUT_OK);
  EXPECT(colayout_layout_overlapping_nodes(l, 1e-6, NULL, 0, &count), COLAYOUT_OK);
  CHECK(count == 0);
  colayout_layout_free(l);
  colayout_graph_free(g);
}

/* The one-shot call is the CLI's `colayout layout` (checked bit for bit by the CI
 * script); here: finite, deterministic, and 3-D through a handle. */
/* The SGD solver: a path laid out straight, the same bits twice. */
static void sgd_solver(void) {
  colayout_options o;
  colayout_options_default(&o);
  o.solver = COLAYOUT_SOLVER_SGD;
  o.stress = COLAYOUT_STRESS_FULL;
  double a[8], b[8];
  EXPECT(colayout_layout_edges(4, PATH, 3, &o, a, 8), COLAYOUT_OK);
  EXPECT(colayout_layout_edges(4, PATH, 3, &o, b, 8), COLAYOUT_OK);
  CHECK(memcmp(a, b, sizeof a) == 0);
  double end = hypot(a[0] - a[6], a[1] - a[7]);
  CHECK(fabs(end - 60) < 1);
  o.sgd_schedule = COLAYOUT_SGD_SCHEDULE_CONVERGENT;
  EXPECT(colayout_layout_edges(4, PATH, 3, &o, b, 8), COLAYOUT_OK);
  CHECK(fabs(hypot(b[0] - b[6], b[1] - b[7]) - 60) < 1);
}

/* The sparse model: a 3000-node path with 5 pivots per component unfolds, its links
 * at their length; with the dense model forced, a tight memory limit refuses it, and
 * auto takes the sparse model under it. */
static void sparse_model(void) {
  enum { N = 3000 };
  uint32_t *e = malloc(2 * (N - 1) * sizeof *e);
  double *p = malloc(2 * N * sizeof *p);
  for (uint32_t i = 0; i + 1 < N; i++) {
    e[2 * i] = i;
    e[2 * i + 1] = i + 1;
  }
  colayout_options o;
  colayout_options_default(&o);
  o.solver = COLAYOUT_SOLVER_SGD;
  o.pivots = 5;
  EXPECT(colayout_layout_edges(N, e, N - 1, &o, p, 2 * N), COLAYOUT_OK);
  CHECK(fabs(hypot(p[0] - p[2], p[1] - p[3]) - 20) < 2);
  CHECK(hypot(p[0] - p[2 * N - 2], p[1] - p[2 * N - 1]) > 0.5 * 20 * (N - 1));
  o.pivots = 0;
  o.memory_limit = 1000000;
  EXPECT(colayout_layout_edges(N, e, N - 1, &o, p, 2 * N), COLAYOUT_TOO_MANY_NODES);
  CHECK(strstr(colayout_last_error_message(), "pivots") != NULL);
  /* Auto: dense SGD would need 126 MB, the sparse model 22. */
  o.pivots = COLAYOUT_PIVOTS_AUTO;
  o.memory_limit = 30000000;
  EXPECT(colayout_layout_edges(N, e, N - 1, &o, p, 2 * N), COLAYOUT_OK);
  free(e);
  free(p);
}

static void one_shot_and_3d(void) {
  double a[8], b[8];
  EXPECT(colayout_layout_edges(4, PATH, 3, NULL, a, 8), COLAYOUT_OK);
  EXPECT(colayout_layout_edges(4, PATH, 3, NULL, b, 8), COLAYOUT_OK);
  CHECK(memcmp(a, b, sizeof a) == 0);
  double d = hypot(a[0] - a[2], a[1] - a[3]);
  CHECK(fabs(d - 20) < 1);
  colayout_graph *g = graph_of(4, PATH, 3);
  colayout_layout *l = NULL;
  EXPECT(colayout_layout_new(g, NULL, 3, &l), COLAYOUT_OK);
  EXPECT(colayout_layout_start(l, NULL, NULL), COLAYOUT_OK);
  double p[12];
  EXPECT(colayout_layout_positions(l, p, 11), COLAYOUT_BUFFER_TOO_SMALL);
  EXPECT(colayout_layout_positions(l, p, 12), COLAYOUT_OK);
  for (int i = 0; i < 12; i++) CHECK(isfinite(p[i]));
  colayout_layout_free(l);
  colayout_graph_free(g);
}

/* Routes: a polyline around the box between two nodes, clipped straight edges, sizing. */
static void routes(void) {
  const char *text =
      "{\"nodes\": [{\"x\": 0, \"y\": 0, \"width\": 10, \"height\": 10, \"fixed\": true},"
      " {\"x\": 50, \"y\": 0, \"width\": 20, \"height\": 20, \"fixed\": true},"
      " {\"x\": 100, \"y\": 0, \"width\": 10, \"height\": 10, \"fixed\": true}],"
      " \"links\": [[0, 2], [0, 1]]}";
  colayout_graph *g = NULL;
  EXPECT(colayout_graph_from_json(text, strlen(text), &g), COLAYOUT_OK);
  colayout_layout *l = NULL;
  EXPECT(colayout_layout_new(g, NULL, 2, &l), COLAYOUT_OK);
  colayout_route_options o;
  colayout_route_options_default(&o);
  CHECK(o.routing == COLAYOUT_ROUTE_CLIP && o.margin > 0 && o.arrow_head == 0);
  o.routing = COLAYOUT_ROUTE_POLYLINE;
  size_t total = 0, offsets[3];
  double pts[32];
  EXPECT(colayout_layout_routes(l, &o, NULL, 0, offsets, 3, &total), COLAYOUT_BUFFER_TOO_SMALL);
  CHECK(total == 6); /* four points around the middle box, two for the direct link */
  EXPECT(colayout_layout_routes(l, &o, pts, 16, offsets, 2, &total), COLAYOUT_BUFFER_TOO_SMALL);
  EXPECT(colayout_layout_routes(l, &o, pts, 16, offsets, 3, &total), COLAYOUT_OK);
  CHECK(offsets[0] == 0 && offsets[1] == 4 && offsets[2] == 6);
  CHECK(pts[0] == 5 && fabs(pts[3]) >= 10 + o.margin - 1e-9 && pts[6] == 95);
  EXPECT(colayout_layout_routes(l, NULL, pts, 16, offsets, 3, &total), COLAYOUT_OK);
  CHECK(total == 4 && pts[0] == 5 && pts[2] == 95);
  o.routing = COLAYOUT_ROUTE_ORTHOGONAL;
  EXPECT(colayout_layout_routes(l, &o, pts, 16, offsets, 3, &total), COLAYOUT_OK);
  for (size_t k = 1; k < offsets[1]; k++) /* the route around the middle box */
    CHECK(fabs(pts[2 * k] - pts[2 * k - 2]) < 1e-9 || fabs(pts[2 * k + 1] - pts[2 * k - 1]) < 1e-9);
  o.routing = 9;
  EXPECT(colayout_layout_routes(l, &o, pts, 16, offsets, 3, &total), COLAYOUT_INVALID_OPTION);
  o.routing = COLAYOUT_ROUTE_CLIP;
  o.margin = -1;
  EXPECT(colayout_layout_routes(l, &o, pts, 16, offsets, 3, &total), COLAYOUT_INVALID_OPTION);
  EXPECT(colayout_layout_routes(NULL, NULL, pts, 16, offsets, 3, &total), COLAYOUT_NULL_POINTER);
  colayout_route_options_default(NULL);
  colayout_layout_free(l);
  colayout_graph_free(g);
}

int main(void) {
  statuses_are_named();
  every_kind_has_its_status();
  null_pointers_are_refused();
  short_buffers_are_refused();
  every_double_option_is_checked();
  defaults_are_webcolas();
  the_whole_engine();
  more_constraints_and_the_infeasible();
  overlapping_groups();
  make_feasible();
  one_shot_and_3d();
  sgd_solver();
  sparse_model();
  routes();
  return check_summary();
}
