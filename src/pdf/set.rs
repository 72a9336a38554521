//! A flow set: shaped and broken into lines, remembered by flow and measure.
//!
//! Shaping and line breaking are a pure function of the flow (its text,
//! spans and names), the measure and the fill, given the bundled fonts,
//! which are compiled in (every `Faces` holds the same ones). A batch of
//! drafts sets the standard clauses again and again, identically, so the
//! result is remembered for the process: the second descriptor of a batch
//! sets only its paragraphs that hold a name, a date or a list of its own.
//! The output is the same with or without the memo (the byte-identity
//! tests render twice in one process, and `tests::remembered_equals_fresh`).
//! A flow is kept only when it is seen a second time (the first sighting
//! keeps its hash alone), so the flows that hold a name or a date, which
//! never recur, cost no memory. Bounded by `MEMO_MAX_BYTES` of kept sets
//! (about a hundred paragraphs: the standard clauses of a few variants of
//! the drafts), so peak memory grows by at most that: when full it is
//! emptied and starts again.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, LazyLock, Mutex};

use super::fonts::FONT_SIZE;
use super::linebreak::{Breaker, Fill, Line};
use super::shape::{Flow, SGlyph, Shaper};

/// The glyphs of a flow and its lines.
#[derive(Debug, PartialEq)]
pub struct Set {
    /// Shared with every layout that uses this set (never copied).
    pub glyphs: Arc<[SGlyph]>,
    pub lines: Vec<Line>,
}

enum Entry {
    /// Seen once: only the hash is kept.
    Seen,
    /// Seen again: the set itself.
    Kept {
        flow: Flow,
        width: u32,
        fill: Fill,
        set: Arc<Set>,
    },
}

#[derive(Default)]
struct Memo {
    entries: HashMap<u64, Entry>,
    /// Approximate bytes held by the kept sets.
    bytes: usize,
}

static MEMO: LazyLock<Mutex<Memo>> = LazyLock::new(Default::default);
const MEMO_MAX_ENTRIES: usize = 8192;
const MEMO_MAX_BYTES: usize = 3 << 20;

impl Set {
    /// Approximate heap bytes.
    fn bytes(&self) -> usize {
        self.glyphs.len() * std::mem::size_of::<SGlyph>()
            + self
                .lines
                .iter()
                .map(|l| std::mem::size_of::<Line>() + l.gaps.len() * 16)
                .sum::<usize>()
    }
}

/// Forgets every remembered set (for cold-start benchmarks).
pub fn clear_memo() {
    if let Ok(mut m) = MEMO.lock() {
        *m = Memo::default();
    }
}

/// `flow` shaped and broken into lines `width` points wide.
pub fn set(shaper: &mut Shaper, flow: &Flow, width: f32, fill: Fill) -> Arc<Set> {
    let width_bits = width.to_bits();
    let key = {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (flow, width_bits, fill).hash(&mut h);
        h.finish()
    };
    let mut seen = false;
    if let Ok(m) = MEMO.lock() {
        match m.entries.get(&key) {
            Some(Entry::Kept {
                flow: f,
                width: w,
                fill: l,
                set,
            }) if *w == width_bits && *l == fill && f == flow => return set.clone(),
            Some(_) => seen = true,
            None => {}
        }
    }
    let set = Arc::new(fresh(shaper, flow, width, fill));
    if let Ok(mut m) = MEMO.lock() {
        let extra = if seen {
            set.bytes() + flow.text.len()
        } else {
            0
        };
        if m.entries.len() >= MEMO_MAX_ENTRIES || m.bytes + extra > MEMO_MAX_BYTES {
            *m = Memo::default();
        }
        m.bytes += extra;
        // On a hash collision the older entry is replaced.
        let entry = if seen {
            Entry::Kept {
                flow: flow.clone(),
                width: width_bits,
                fill,
                set: set.clone(),
            }
        } else {
            Entry::Seen
        };
        m.entries.insert(key, entry);
    }
    set
}

fn fresh(shaper: &mut Shaper, flow: &Flow, width: f32, fill: Fill) -> Set {
    let glyphs = shaper.shape(flow);
    let lines = Breaker::new(flow, &glyphs, FONT_SIZE).lines(width, fill);
    Set {
        glyphs: glyphs.into(),
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Lang;
    use crate::pdf::fonts::{Faces, FontKind};

    #[test]
    fn remembered_equals_fresh() {
        let faces = Faces::load().expect("fonts");
        let mut sh = Shaper::new(&faces);
        let flow = Flow::plain(
            "ผู้เข้าร่วมทั้งสองฝ่ายจะส่งเสริมความร่วมมือในสาขาที่สนใจร่วมกัน ตามกฎหมายและระเบียบของแต่ละฝ่าย",
            Lang::Th,
            FontKind::Regular,
        );
        let first = set(&mut sh, &flow, 200.0, Fill::Justify);
        let second = set(&mut sh, &flow, 200.0, Fill::Justify);
        assert!(
            !Arc::ptr_eq(&first, &second),
            "kept from the second sighting"
        );
        let again = set(&mut sh, &flow, 200.0, Fill::Justify);
        assert!(Arc::ptr_eq(&second, &again), "the third call is remembered");
        assert_eq!(*first, *again);
        assert_eq!(*again, fresh(&mut sh, &flow, 200.0, Fill::Justify));
        // Another measure or fill is another entry.
        let narrow = set(&mut sh, &flow, 120.0, Fill::Justify);
        assert_eq!(*narrow, fresh(&mut sh, &flow, 120.0, Fill::Justify));
        assert!(narrow.lines.len() > first.lines.len());
        let balanced = set(&mut sh, &flow, 200.0, Fill::Balance);
        assert_eq!(*balanced, fresh(&mut sh, &flow, 200.0, Fill::Balance));
    }
}
