//! Paragraph alignment: which draft paragraph answers which unit of the
//! standard text.
//!
//! Paragraphs are matched by what they say, never by position: similarity
//! is a Dice coefficient over the two bags of words, each word weighted by
//! how rare it is in the standard (so "the" and "." count for little and a
//! clause's own words for much); a wildcard of the open standard absorbs the
//! draft words the fixed words leave over (up to a cap). Each draft
//! paragraph is given a language (by its best strong match, else by its
//! script, else by its neighbours), so Thai-then-English drafts and
//! parallel-table drafts (Thai and English rows interleaved) align alike.
//!
//! Per language, a dynamic programme finds the in-order matching of
//! greatest total similarity; units and paragraphs it leaves over are then
//! paired, best first, when similar enough: those are *moves*. A unit left
//! over after that was removed; a paragraph left over was added.

use std::collections::HashMap;

use super::standard::Standard;
use super::tokens::Token;
use crate::document::Lang;
use crate::thai::segment::is_thai;

/// A unit matched with a draft paragraph.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pair {
    pub unit: usize,
    pub para: usize,
    /// The unit's alternative text closest to the paragraph.
    pub alt: usize,
    /// Matched out of the standard's order.
    pub moved: bool,
    pub sim: f64,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Alignment {
    /// In draft-paragraph order.
    pub pairs: Vec<Pair>,
    /// Units no paragraph answers, in the standard's order.
    pub removed: Vec<usize>,
    /// Paragraphs that answer no unit, in draft order.
    pub added: Vec<usize>,
    /// The language each draft paragraph was read as.
    pub para_lang: Vec<Lang>,
    /// Total similarity of the pairs less a half for each unit removed and
    /// paragraph added: which instrument a draft is closest to.
    pub score: f64,
}

/// Least similarity for an in-order match.
const MATCH: f64 = 0.3;
/// Least similarity for a move (an out-of-order match).
const MOVE: f64 = 0.5;
/// Least similarity that decides a paragraph's language over its script.
const LANG: f64 = 0.6;
/// Similarity a unit that is nothing but slots gets with any paragraph
/// short enough for it: it can fill a gap, never win against real words.
const PURE_WILD: f64 = 0.5;
/// Words one wildcard may absorb at full weight.
const WILD_CAP: usize = 15;

/// A bag of words: sorted (word id, count), its total weight and size.
struct Bag {
    items: Vec<(u32, u32)>,
    weight: f64,
    count: usize,
    wild: usize,
}

struct Ids<'a> {
    ids: HashMap<&'a str, u32>,
    weights: Vec<f64>,
    unknown: f64,
}

impl<'a> Ids<'a> {
    fn id(&mut self, key: &'a str) -> u32 {
        let n = self.ids.len() as u32;
        let unknown = self.unknown;
        let id = *self.ids.entry(key).or_insert(n);
        if id as usize == self.weights.len() {
            self.weights.push(unknown);
        }
        id
    }

    fn bag(&mut self, keys: impl Iterator<Item = &'a str>, wild: usize) -> Bag {
        let mut v: Vec<u32> = keys.map(|k| self.id(k)).collect();
        v.sort_unstable();
        let mut items: Vec<(u32, u32)> = Vec::new();
        for id in v {
            match items.last_mut() {
                Some((last, c)) if *last == id => *c += 1,
                _ => items.push((id, 1)),
            }
        }
        let weight = items
            .iter()
            .map(|(id, c)| self.weights[*id as usize] * f64::from(*c))
            .sum();
        let count = items.iter().map(|(_, c)| *c as usize).sum();
        Bag {
            items,
            weight,
            count,
            wild,
        }
    }
}

/// Similarity of a unit's text (fixed words + wildcards) and a paragraph.
fn sim(ids: &Ids<'_>, unit: &Bag, para: &Bag) -> f64 {
    let (mut i, mut j) = (0, 0);
    let (mut m, mut matched) = (0.0, 0usize);
    while i < unit.items.len() && j < para.items.len() {
        let (a, ca) = unit.items[i];
        let (b, cb) = para.items[j];
        match a.cmp(&b) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let c = ca.min(cb);
                m += ids.weights[a as usize] * f64::from(c);
                matched += c as usize;
                i += 1;
                j += 1;
            }
        }
    }
    let left = para.count - matched;
    let left_w = (para.weight - m).max(0.0);
    let absorbed = if unit.wild == 0 || left == 0 {
        0.0
    } else {
        let cap = WILD_CAP * unit.wild;
        let a = if left <= cap {
            left_w
        } else {
            left_w * cap as f64 / left as f64
        };
        // The wildcards take the words the fixed words leave over only as
        // far as the fixed words were found: a unit that is mostly slots
        // does not match any paragraph at all.
        if unit.weight > 0.0 {
            a * (m / unit.weight).min(1.0)
        } else {
            a
        }
    };
    let denom = unit.weight + para.weight + absorbed;
    if denom <= 0.0 {
        return 0.0;
    }
    let s = 2.0 * (m + absorbed) / denom;
    if unit.items.is_empty() {
        // Nothing but slots.
        s.min(PURE_WILD)
    } else {
        s
    }
}

/// Aligns draft paragraphs (their words and texts) with the reference.
pub fn align(reference: &Standard, paras: &[Vec<Token>], texts: &[String]) -> Alignment {
    let units = &reference.units;
    // Word weights: ln(1 + N / (1 + df)) over the units.
    let n = units.len().max(1) as f64;
    let mut df: HashMap<&str, usize> = HashMap::new();
    for u in units {
        let mut seen: Vec<&str> = u
            .alts
            .iter()
            .flat_map(|a| {
                a.tokens
                    .iter()
                    .filter(|t| !t.wild)
                    .map(|t| t.tok.key.as_str())
            })
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for k in seen {
            *df.entry(k).or_default() += 1;
        }
    }
    let mut ids = Ids {
        ids: HashMap::new(),
        weights: Vec::new(),
        unknown: (1.0 + n).ln(),
    };
    let mut keys: Vec<(&str, usize)> = df.into_iter().collect();
    keys.sort_unstable();
    for (k, d) in keys {
        let id = ids.id(k);
        ids.weights[id as usize] = (1.0 + n / (1.0 + d as f64)).ln();
    }
    let unit_bags: Vec<Vec<Bag>> = units
        .iter()
        .map(|u| {
            u.alts
                .iter()
                .map(|a| {
                    let wild = a.tokens.iter().filter(|t| t.wild).count();
                    ids.bag(
                        a.tokens
                            .iter()
                            .filter(|t| !t.wild)
                            .map(|t| t.tok.key.as_str()),
                        wild,
                    )
                })
                .collect()
        })
        .collect();
    let para_bags: Vec<Bag> = paras
        .iter()
        .map(|p| ids.bag(p.iter().map(|t| t.key.as_str()), 0))
        .collect();
    let pure_wild: Vec<bool> = unit_bags
        .iter()
        .map(|alts| alts.iter().all(|b| b.items.is_empty()))
        .collect();

    // sims[u][p] = (best similarity, its alternative).
    let sims: Vec<Vec<(f64, usize)>> = unit_bags
        .iter()
        .map(|alts| {
            para_bags
                .iter()
                .map(|pb| {
                    let mut best = (0.0, 0);
                    for (a, ab) in alts.iter().enumerate() {
                        let s = sim(&ids, ab, pb);
                        if s > best.0 {
                            best = (s, a);
                        }
                    }
                    best
                })
                .collect()
        })
        .collect();

    let para_lang = languages(units, &sims, &pure_wild, texts);

    let mut out = Alignment {
        para_lang: para_lang.clone(),
        ..Alignment::default()
    };
    for lang in [Lang::Th, Lang::En] {
        let us: Vec<usize> = (0..units.len())
            .filter(|&u| units[u].lang == lang)
            .collect();
        let ps: Vec<usize> = (0..paras.len()).filter(|&p| para_lang[p] == lang).collect();
        let (h, w) = (us.len(), ps.len());
        // f[i][j]: best total over us[i..] and ps[j..].
        let cols = w + 1;
        let mut f = vec![0.0f64; (h + 1) * cols];
        let s = |i: usize, j: usize| sims[us[i]][ps[j]].0;
        for i in (0..h).rev() {
            for j in (0..w).rev() {
                let mut best = f[(i + 1) * cols + j].max(f[i * cols + j + 1]);
                if s(i, j) >= MATCH {
                    best = best.max(f[(i + 1) * cols + j + 1] + s(i, j));
                }
                f[i * cols + j] = best;
            }
        }
        let mut unit_done = vec![false; h];
        let mut para_done = vec![false; w];
        let (mut i, mut j) = (0, 0);
        while i < h && j < w {
            let here = f[i * cols + j];
            if s(i, j) >= MATCH && (here - (f[(i + 1) * cols + j + 1] + s(i, j))).abs() < 1e-12 {
                out.pairs.push(Pair {
                    unit: us[i],
                    para: ps[j],
                    alt: sims[us[i]][ps[j]].1,
                    moved: false,
                    sim: s(i, j),
                });
                unit_done[i] = true;
                para_done[j] = true;
                i += 1;
                j += 1;
            } else if (here - f[(i + 1) * cols + j]).abs() < 1e-12 {
                i += 1;
            } else {
                j += 1;
            }
        }
        // Moves: leftovers paired best first.
        let mut cands: Vec<(f64, usize, usize)> = Vec::new();
        for (i, ud) in unit_done.iter().enumerate() {
            if *ud || pure_wild[us[i]] {
                continue;
            }
            for (j, pd) in para_done.iter().enumerate() {
                if !*pd && s(i, j) >= MOVE {
                    cands.push((s(i, j), i, j));
                }
            }
        }
        cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        for (sv, i, j) in cands {
            if unit_done[i] || para_done[j] {
                continue;
            }
            unit_done[i] = true;
            para_done[j] = true;
            out.pairs.push(Pair {
                unit: us[i],
                para: ps[j],
                alt: sims[us[i]][ps[j]].1,
                moved: true,
                sim: sv,
            });
        }
        out.removed
            .extend((0..h).filter(|&i| !unit_done[i]).map(|i| us[i]));
        out.added
            .extend((0..w).filter(|&j| !para_done[j]).map(|j| ps[j]));
    }
    out.pairs.sort_by_key(|p| p.para);
    out.removed.sort_unstable();
    out.added.sort_unstable();
    out.score = out.pairs.iter().map(|p| p.sim).sum::<f64>()
        - 0.5 * (out.removed.len() + out.added.len()) as f64;
    out
}

/// The language of each paragraph: that of its best strong match (not a
/// unit of slots alone), else the script most of its letters are in, else
/// its neighbours'.
fn languages(
    units: &[super::standard::RefUnit],
    sims: &[Vec<(f64, usize)>],
    pure_wild: &[bool],
    texts: &[String],
) -> Vec<Lang> {
    let mut langs: Vec<Option<Lang>> = Vec::with_capacity(texts.len());
    for (p, text) in texts.iter().enumerate() {
        // Best similarity in each language; a clear winner decides.
        let (mut th, mut en) = (0.0f64, 0.0f64);
        for (u, row) in sims.iter().enumerate() {
            if pure_wild[u] {
                continue;
            }
            let s = row[p].0;
            match units[u].lang {
                Lang::Th => th = th.max(s),
                Lang::En => en = en.max(s),
            }
        }
        let best = if th.max(en) >= LANG && (th - en).abs() > 0.1 {
            Some(if th > en { Lang::Th } else { Lang::En })
        } else {
            None
        };
        let lang = best.or_else(|| {
            let thai = text.chars().filter(|c| is_thai(*c)).count();
            let latin = text
                .chars()
                .filter(|c| c.is_alphabetic() && !is_thai(*c))
                .count();
            if thai == 0 && latin == 0 {
                None
            } else if thai >= latin {
                Some(Lang::Th)
            } else {
                Some(Lang::En)
            }
        });
        langs.push(lang);
    }
    // Neutral paragraphs (dotted lines, numbers) take the previous one's
    // language, or the next one's.
    let mut out = Vec::with_capacity(langs.len());
    for i in 0..langs.len() {
        let l = langs[i]
            .or_else(|| out.last().copied())
            .or_else(|| langs[i..].iter().flatten().next().copied())
            .unwrap_or(Lang::Th);
        out.push(l);
    }
    out
}
