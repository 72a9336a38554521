//! Breaks of the standard texts' Thai runs, computed ahead of time.
//!
//! A cold `render` (one descriptor, a new process) spent a third of its time
//! running the LSTM model and the lexicon over the standard clauses, whose
//! text never changes. `data/thai-runs.txt` holds, for every Thai run that
//! the templates put in at least two of the bundled examples (the standard
//! text, not the names), and every run that changes with a slot filled from
//! a closed list (a province, a relationship name, a field of cooperation:
//! "ระหว่างจังหวัดพระนครศรีอยุธยา", "สถาปนาความสัมพันธ์เมืองคู่แฝด"), its
//! line-break opportunities (`L`: the LSTM model's, `segment`) and the ones
//! inside lexicon words (`W`: `lexicon`). Partners' names are an open set and
//! are not in it.
//! `segment` and `lexicon` consult it before computing.
//!
//! It cannot make a draft wrong, only slower: a unit test recomputes every
//! entry and requires the same answer, and a test of the examples
//! (`tests/render_text.rs`) requires the file to be what `generate` makes
//! of them today (`UPDATE_GOLDEN=1` rewrites it after a template change).
//! A run the file lacks is computed as before.
//!
//! Format: one entry per line, `L` or `W`, a tab, the run, a tab, the byte
//! offsets inside the run separated by spaces; sorted.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::LazyLock;

static TEXT: &str = include_str!("../../data/thai-runs.txt");

type Table = HashMap<&'static str, Vec<usize>>;

/// (line-break entries, inside-word entries).
static TABLE: LazyLock<(Table, Table)> = LazyLock::new(|| {
    let (mut lines, mut words) = (HashMap::new(), HashMap::new());
    for l in TEXT.lines() {
        let mut f = l.split('\t');
        let (Some(kind), Some(run), Some(offsets)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let Ok(offsets) = offsets
            .split_whitespace()
            .map(str::parse::<usize>)
            .collect::<Result<Vec<usize>, _>>()
        else {
            continue;
        };
        match kind {
            "L" => lines.insert(run, offsets),
            "W" => words.insert(run, offsets),
            _ => None,
        };
    }
    (lines, words)
});

/// While set, the table is not consulted (`generate` computes afresh).
static BYPASS: AtomicBool = AtomicBool::new(false);

/// The LSTM model's breaks inside `run` (a run of `segment`), if known.
pub(super) fn line_breaks(run: &str) -> Option<&'static [usize]> {
    if BYPASS.load(Ordering::Relaxed) {
        return None;
    }
    TABLE.0.get(run).map(Vec::as_slice)
}

/// The breaks inside lexicon words of `run` (a run of `lexicon`), if known.
pub(super) fn word_breaks(run: &str) -> Option<&'static [usize]> {
    if BYPASS.load(Ordering::Relaxed) {
        return None;
    }
    TABLE.1.get(run).map(Vec::as_slice)
}

/// The file's text for `texts` (the plain text of each bundled example's
/// drafts) and `variants` (groups of texts of one example with one slot
/// filled from each entry of its closed list): every run found in two or
/// more of `texts`, and every run of a group that is not in all of its
/// texts (it changes with the slot), computed afresh.
pub fn generate(texts: &[String], variants: &[Vec<String>]) -> String {
    let count = |runs: fn(&str) -> Vec<std::ops::Range<usize>>| {
        let runs_of = |t: &'_ String| -> std::collections::BTreeSet<String> {
            runs(t).into_iter().map(|r| t[r].to_string()).collect()
        };
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for t in texts {
            for r in runs_of(t) {
                *seen.entry(r).or_default() += 1;
            }
        }
        let mut out: std::collections::BTreeSet<String> = seen
            .into_iter()
            .filter(|(_, n)| *n >= 2)
            .map(|(r, _)| r)
            .collect();
        for group in variants {
            let sets: Vec<_> = group.iter().map(runs_of).collect();
            let Some(first) = sets.first() else { continue };
            let common: Vec<&String> = first
                .iter()
                .filter(|r| sets.iter().all(|s| s.contains(*r)))
                .collect();
            for set in &sets {
                out.extend(set.iter().filter(|r| !common.contains(r)).cloned());
            }
        }
        out.into_iter().collect::<Vec<String>>()
    };
    let line_runs = count(super::segment::thai_runs);
    let word_runs = count(super::lexicon::thai_runs);
    BYPASS.store(true, Ordering::Relaxed);
    let mut out = String::new();
    for (kind, runs) in [("L", &line_runs), ("W", &word_runs)] {
        for run in runs {
            let offsets = if kind == "L" {
                super::segment::fresh_run_breaks(run)
            } else {
                super::lexicon::breaks_in_text(run)
            };
            let offsets: Vec<String> = offsets.iter().map(usize::to_string).collect();
            out.push_str(&format!("{kind}\t{run}\t{}\n", offsets.join(" ")));
        }
    }
    BYPASS.store(false, Ordering::Relaxed);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_equals_a_fresh_computation() {
        let (lines, words) = &*TABLE;
        assert!(
            lines.len() > 100 && words.len() > 100,
            "{} {}",
            lines.len(),
            words.len()
        );
        assert_eq!(
            TEXT.lines().count(),
            lines.len() + words.len(),
            "every line is an entry"
        );
        for (run, offsets) in lines {
            assert_eq!(
                &super::super::segment::fresh_run_breaks(run),
                offsets,
                "{run}"
            );
        }
        BYPASS.store(true, Ordering::Relaxed);
        let wrong: Vec<&&str> = words
            .iter()
            .filter(|(run, offsets)| super::super::lexicon::breaks_in_text(run) != **offsets)
            .map(|(run, _)| run)
            .collect();
        BYPASS.store(false, Ordering::Relaxed);
        assert!(wrong.is_empty(), "{wrong:?}");
    }
}
