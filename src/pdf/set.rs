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
//! Bounded: when full it is emptied and starts again.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, LazyLock, Mutex};

use super::fonts::FONT_SIZE;
use super::linebreak::{Breaker, Fill, Line};
use super::shape::{Flow, SGlyph, Shaper};

/// The glyphs of a flow and its lines.
#[derive(Debug, PartialEq)]
pub struct Set {
    pub glyphs: Vec<SGlyph>,
    pub lines: Vec<Line>,
}

struct Entry {
    flow: Flow,
    width: u32,
    fill: Fill,
    set: Arc<Set>,
}

static MEMO: LazyLock<Mutex<HashMap<u64, Entry>>> = LazyLock::new(Default::default);
const MEMO_MAX_ENTRIES: usize = 4096;

/// `flow` shaped and broken into lines `width` points wide.
pub fn set(shaper: &mut Shaper, flow: &Flow, width: f32, fill: Fill) -> Arc<Set> {
    let width_bits = width.to_bits();
    let key = {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (flow, width_bits, fill).hash(&mut h);
        h.finish()
    };
    let hit = MEMO.lock().ok().and_then(|m| {
        m.get(&key)
            .filter(|e| e.width == width_bits && e.fill == fill && e.flow == *flow)
            .map(|e| e.set.clone())
    });
    if let Some(set) = hit {
        return set;
    }
    let set = Arc::new(fresh(shaper, flow, width, fill));
    if let Ok(mut m) = MEMO.lock() {
        if m.len() >= MEMO_MAX_ENTRIES {
            m.clear();
        }
        // On a hash collision the older entry is replaced.
        m.insert(
            key,
            Entry {
                flow: flow.clone(),
                width: width_bits,
                fill,
                set: set.clone(),
            },
        );
    }
    set
}

fn fresh(shaper: &mut Shaper, flow: &Flow, width: f32, fill: Fill) -> Set {
    let glyphs = shaper.shape(flow);
    let lines = Breaker::new(flow, &glyphs, FONT_SIZE).lines(width, fill);
    Set { glyphs, lines }
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
        let again = set(&mut sh, &flow, 200.0, Fill::Justify);
        assert!(Arc::ptr_eq(&first, &again), "the second call is remembered");
        assert_eq!(*again, fresh(&mut sh, &flow, 200.0, Fill::Justify));
        // Another measure or fill is another entry.
        let narrow = set(&mut sh, &flow, 120.0, Fill::Justify);
        assert_eq!(*narrow, fresh(&mut sh, &flow, 120.0, Fill::Justify));
        assert!(narrow.lines.len() > first.lines.len());
        let balanced = set(&mut sh, &flow, 200.0, Fill::Balance);
        assert_eq!(*balanced, fresh(&mut sh, &flow, 200.0, Fill::Balance));
    }
}
