//! WebCola's `Configuration`: modules with their typed in- and out-neighbours, the
//! greedy merge, and the group hierarchy it leaves.

use alloc::collections::BinaryHeap;
use alloc::vec::Vec;
use core::cmp::Ordering;

use super::{PowerEdge, PowerEnd, PowerGraph, PowerGroup};

/// A neighbour: `(link type, module id)`, ordered as WebCola iterates its `LinkSets`.
type Neighbour = (u32, u32);

/// A sorted set of neighbours (small: a module's degree), as a sorted vector.
#[derive(Clone, Debug, Default)]
struct Set(Vec<Neighbour>);

impl Set {
    fn contains(&self, x: &Neighbour) -> bool {
        self.0.binary_search(x).is_ok()
    }
    fn insert(&mut self, x: Neighbour) {
        if let Err(i) = self.0.binary_search(&x) {
            self.0.insert(i, x);
        }
    }
    fn remove(&mut self, x: &Neighbour) {
        if let Ok(i) = self.0.binary_search(x) {
            self.0.remove(i);
        }
    }
    fn iter(&self) -> core::slice::Iter<'_, Neighbour> {
        self.0.iter()
    }
    fn len(&self) -> usize {
        self.0.len()
    }
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The neighbours of link type `t`.
    fn of_type(&self, t: u32) -> &[Neighbour] {
        let lo = self.0.partition_point(|&(u, _)| u < t);
        let hi = self.0.partition_point(|&(u, _)| u <= t);
        &self.0[lo..hi]
    }
}

#[derive(Clone, Debug, Default)]
struct Module {
    out: Set,
    inc: Set,
    /// The two merged modules, lower id first; `None` for a node.
    children: Option<(u32, u32)>,
    /// Bumped whenever `out` or `inc` changes, so heap entries can tell they are stale.
    version: u32,
    /// Still a top-level module (a merge candidate).
    root: bool,
}

/// A candidate merge: its shared neighbour count when counted, and the versions of
/// its modules then. The heap's first is the most shared, then the lowest ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Candidate {
    shared: u32,
    a: u32,
    b: u32,
    va: u32,
    vb: u32,
}

impl Ord for Candidate {
    fn cmp(&self, o: &Self) -> Ordering {
        self.shared
            .cmp(&o.shared)
            .then_with(|| o.a.cmp(&self.a))
            .then_with(|| o.b.cmp(&self.b))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

/// The state of the decomposition: every module (nodes first, then merges in order)
/// and the candidate merges.
#[derive(Clone, Debug)]
pub struct Configuration {
    modules: Vec<Module>,
    heap: BinaryHeap<Candidate>,
}

fn count_common(a: &Set, b: &Set) -> usize {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.iter().filter(|x| large.contains(x)).count()
}

impl Configuration {
    /// One module per node, linked by `links` (`(source, target, type)`, ends checked
    /// by the caller).
    #[must_use]
    pub fn new(n: usize, links: &[(usize, usize, u32)]) -> Self {
        let mut modules = alloc::vec![
            Module {
                root: true,
                ..Module::default()
            };
            n
        ];
        for &(s, t, ty) in links {
            modules[s].out.0.push((ty, t as u32));
            modules[t].inc.0.push((ty, s as u32));
        }
        for m in &mut modules {
            for set in [&mut m.out, &mut m.inc] {
                set.0.sort_unstable();
                set.0.dedup();
            }
        }
        // Every pair that shares a neighbour, once per shared neighbour: counted by
        // sorting the pair list.
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for m in &modules {
            for set in [&m.out, &m.inc] {
                let all = &set.0;
                for (i, &(t1, x)) in all.iter().enumerate() {
                    for &(t2, y) in &all[i + 1..] {
                        if t1 != t2 {
                            break;
                        }
                        pairs.push((x.min(y), x.max(y)));
                    }
                }
            }
        }
        pairs.sort_unstable();
        let mut heap = BinaryHeap::new();
        let mut i = 0;
        while i < pairs.len() {
            let mut j = i;
            while j < pairs.len() && pairs[j] == pairs[i] {
                j += 1;
            }
            let (a, b) = pairs[i];
            heap.push(Candidate {
                shared: (j - i) as u32,
                a,
                b,
                va: 0,
                vb: 0,
            });
            i = j;
        }
        Self { modules, heap }
    }

    fn shared(&self, a: u32, b: u32) -> u32 {
        let (ma, mb) = (&self.modules[a as usize], &self.modules[b as usize]);
        (count_common(&ma.inc, &mb.inc) + count_common(&ma.out, &mb.out)) as u32
    }

    fn candidate(&self, a: u32, b: u32) -> Candidate {
        let (a, b) = (a.min(b), a.max(b));
        Candidate {
            shared: self.shared(a, b),
            a,
            b,
            va: self.modules[a as usize].version,
            vb: self.modules[b as usize].version,
        }
    }

    /// WebCola's `greedyMerge`: merges the top-level pair that shares the most
    /// neighbours (the lowest ids on ties); false when no pair shares one.
    pub fn greedy_merge(&mut self) -> bool {
        while let Some(c) = self.heap.pop() {
            let (ma, mb) = (&self.modules[c.a as usize], &self.modules[c.b as usize]);
            if !(ma.root && mb.root) {
                continue;
            }
            if ma.version != c.va || mb.version != c.vb {
                let fresh = self.candidate(c.a, c.b);
                if fresh.shared > 0 {
                    self.heap.push(fresh);
                }
                continue;
            }
            self.merge(c.a, c.b);
            return true;
        }
        false
    }

    /// WebCola's `merge(a, b)`: a new module over `a` and `b` takes their shared
    /// neighbours' edges.
    fn merge(&mut self, a: u32, b: u32) {
        let m = self.modules.len() as u32;
        let (ai, bi) = (a as usize, b as usize);
        let out_int: Vec<Neighbour> = self.modules[ai]
            .out
            .iter()
            .filter(|x| self.modules[bi].out.contains(x))
            .copied()
            .collect();
        let in_int: Vec<Neighbour> = self.modules[ai]
            .inc
            .iter()
            .filter(|x| self.modules[bi].inc.contains(x))
            .copied()
            .collect();
        self.modules.push(Module {
            out: Set(out_int.clone()),
            inc: Set(in_int.clone()),
            children: Some((a, b)),
            version: 0,
            root: true,
        });
        for &(t, n) in &out_int {
            let nm = &mut self.modules[n as usize];
            nm.inc.insert((t, m));
            nm.inc.remove(&(t, a));
            nm.inc.remove(&(t, b));
            nm.version += 1;
            for k in [ai, bi] {
                self.modules[k].out.remove(&(t, n));
            }
        }
        for &(t, n) in &in_int {
            let nm = &mut self.modules[n as usize];
            nm.out.insert((t, m));
            nm.out.remove(&(t, a));
            nm.out.remove(&(t, b));
            nm.version += 1;
            for k in [ai, bi] {
                self.modules[k].inc.remove(&(t, n));
            }
        }
        for k in [ai, bi] {
            self.modules[k].root = false;
            self.modules[k].version += 1;
        }
        // The new module's candidates: top-level modules that share a neighbour with it.
        let mut partners: Vec<u32> = Vec::new();
        let mm = &self.modules[m as usize];
        for (&(t, z), via_out) in mm
            .inc
            .iter()
            .map(|x| (x, true))
            .chain(mm.out.iter().map(|x| (x, false)))
        {
            let z = &self.modules[z as usize];
            let set = if via_out { &z.out } else { &z.inc };
            partners.extend(set.of_type(t).iter().map(|&(_, y)| y));
        }
        partners.sort_unstable();
        partners.dedup();
        for y in partners {
            if y != m && self.modules[y as usize].root {
                let c = self.candidate(m, y);
                if c.shared > 0 {
                    self.heap.push(c);
                }
            }
        }
    }

    /// WebCola's `getGroupHierarchy`: a group per merged module that has edges (its
    /// children inline otherwise), and the power edges between groups and nodes.
    #[must_use]
    pub fn group_hierarchy(&self) -> PowerGraph {
        let mut gid: Vec<Option<usize>> = alloc::vec![None; self.modules.len()];
        let mut groups: Vec<PowerGroup> = Vec::new();
        let top: Vec<u32> = (0..self.modules.len() as u32)
            .filter(|&i| self.modules[i as usize].root)
            .collect();
        // Pre-order over (module, the group it lands in); None is the root.
        let mut stack: Vec<(u32, Option<usize>)> = top.iter().rev().map(|&m| (m, None)).collect();
        while let Some((m, parent)) = stack.pop() {
            let module = &self.modules[m as usize];
            let Some((a, b)) = module.children else {
                if let Some(p) = parent {
                    groups[p].leaves.push(m as usize);
                }
                continue;
            };
            gid[m as usize] = Some(groups.len());
            let mut into = parent;
            if !(module.out.is_empty() && module.inc.is_empty()) {
                let g = groups.len();
                groups.push(PowerGroup::default());
                if let Some(p) = parent {
                    groups[p].groups.push(g);
                }
                into = Some(g);
            }
            stack.push((b, into));
            stack.push((a, into));
        }
        let end = |m: u32| match gid[m as usize] {
            Some(g) => PowerEnd::Group(g),
            None => PowerEnd::Node(m as usize),
        };
        let mut power_edges = Vec::new();
        let mut stack: Vec<u32> = top.iter().rev().copied().collect();
        while let Some(m) = stack.pop() {
            let module = &self.modules[m as usize];
            for &(t, target) in module.out.iter() {
                power_edges.push(PowerEdge {
                    source: end(m),
                    target: end(target),
                    link_type: t,
                });
            }
            if let Some((a, b)) = module.children {
                stack.push(b);
                stack.push(a);
            }
        }
        PowerGraph {
            groups,
            power_edges,
        }
    }
}
