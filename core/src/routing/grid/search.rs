//! WebCola's `Calculator.PathFromNodeToNodeWithPrevCost` over its `PriorityQueue`
//! (a pairing heap ordered by `a.d <= b.d`), so that ties break as WebCola's do.

use alloc::collections::BTreeMap;
use alloc::vec::Vec;

/// A search entry: the vertex reached, the entry it came from, the cost so far.
struct Entry {
    node: usize,
    prev: Option<usize>,
    d: f64,
}

/// A pairing heap of entry indices in an arena; `None` is the empty heap.
struct Heap {
    elem: Vec<usize>,
    subheaps: Vec<Vec<usize>>,
}

impl Heap {
    fn new_node(&mut self, entry: usize) -> usize {
        self.elem.push(entry);
        self.subheaps.push(Vec::new());
        self.elem.len() - 1
    }

    /// WebCola's `merge`: the first heap wins ties.
    fn merge(&mut self, entries: &[Entry], a: Option<usize>, b: Option<usize>) -> Option<usize> {
        match (a, b) {
            (None, h) | (h, None) => h,
            (Some(a), Some(b)) => {
                if entries[self.elem[a]].d <= entries[self.elem[b]].d {
                    self.subheaps[a].push(b);
                    Some(a)
                } else {
                    self.subheaps[b].push(a);
                    Some(b)
                }
            }
        }
    }

    /// WebCola's recursive `mergePairs`, unrolled: pairs from the end, then merged
    /// right to left.
    fn merge_pairs(&mut self, entries: &[Entry], h: usize) -> Option<usize> {
        let mut subs = core::mem::take(&mut self.subheaps[h]);
        let mut pairs = Vec::with_capacity(subs.len() / 2 + 1);
        while subs.len() >= 2 {
            let first = subs.pop();
            let second = subs.pop();
            pairs.push(self.merge(entries, first, second));
        }
        let mut acc = subs.pop();
        for p in pairs.into_iter().rev() {
            acc = self.merge(entries, p, acc);
        }
        acc
    }
}

/// The vertices of the cheapest path from `start` to `end` over `adjacency` (per vertex,
/// `(neighbour, length)` in WebCola's order), where each step `u → v → w` also costs
/// `prev_cost(u, v, w)`. Like WebCola, the result runs backwards from the vertex before
/// `end` to `start`; `None` when `end` cannot be reached.
pub(super) fn path_with_prev_cost(
    adjacency: &[Vec<(usize, f64)>],
    start: usize,
    end: usize,
    prev_cost: impl Fn(usize, usize, usize) -> f64,
) -> Option<Vec<usize>> {
    let mut entries = alloc::vec![Entry {
        node: start,
        prev: None,
        d: 0.0,
    }];
    let mut heap = Heap {
        elem: Vec::new(),
        subheaps: Vec::new(),
    };
    let mut root = Some(heap.new_node(0));
    let mut visited_from: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    let mut reached = None;
    while let Some(r) = root {
        let qu = heap.elem[r];
        root = heap.merge_pairs(&entries, r);
        let u = entries[qu].node;
        if u == end {
            reached = Some(qu);
            break;
        }
        for &(v, distance) in adjacency[u].iter().rev() {
            let prev = entries[qu].prev.map(|p| entries[p].node);
            if prev == Some(v) {
                continue;
            }
            let d = entries[qu].d;
            if visited_from.get(&(v, u)).is_some_and(|&c| c <= d) {
                continue;
            }
            let cc = prev.map_or(0.0, |p| prev_cost(p, u, v));
            let t = d + distance + cc;
            visited_from.insert((v, u), t);
            entries.push(Entry {
                node: v,
                prev: Some(qu),
                d: t,
            });
            let node = heap.new_node(entries.len() - 1);
            root = heap.merge(&entries, root, Some(node));
        }
    }
    let mut qu = reached?;
    let mut path = Vec::new();
    while let Some(p) = entries[qu].prev {
        qu = p;
        path.push(entries[qu].node);
    }
    Some(path)
}
