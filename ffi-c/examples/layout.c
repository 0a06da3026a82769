/* The C quick start: lay out a small graph and print its positions.
 *   cc layout.c $(pkg-config --cflags --libs colayout) -o layout && ./layout */
#include <stdio.h>

#include <colayout.h>

int main(void) {
  /* A ring of 6 nodes with one chord: edges hold 2 node indices per link. */
  const uint32_t edges[] = {0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 0, 0, 3};
  double positions[2 * 6];
  colayout_options options;
  colayout_options_default(&options);
  options.link_distance = 40;
  colayout_status s = colayout_layout_edges(6, edges, 7, &options, positions, 12);
  if (s != COLAYOUT_OK) {
    fprintf(stderr, "colayout: %s\n", colayout_last_error_message());
    return 1;
  }
  for (int i = 0; i < 6; i++) printf("node %d: %.2f %.2f\n", i, positions[2 * i], positions[2 * i + 1]);
  return 0;
}
