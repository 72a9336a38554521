//! `--shard K/N`: a deterministic share of the descriptors, so a CI matrix
//! can spread a large repository over N machines.
//!
//! A descriptor belongs to the shard chosen by the SHA-256 of its path
//! relative to the source folder, so adding or removing one descriptor moves
//! no other, and the assignment never depends on the machine or on the order
//! files are listed in.

use super::hash::sha256_parts;
use std::fmt;
use std::str::FromStr;

/// Shard `index` (1-based) of `count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

impl Shard {
    /// The shard (1..=count) that owns the descriptor at `rel_path`.
    pub fn of(rel_path: &str, count: u32) -> u32 {
        let h = sha256_parts([("shard", rel_path.as_bytes())]);
        // The first 16 hex digits are a uniformly distributed u64.
        let n = u64::from_str_radix(&h[..16], 16).unwrap_or(0);
        (n % u64::from(count.max(1))) as u32 + 1
    }

    /// Does this shard own the descriptor at `rel_path`?
    pub fn owns(&self, rel_path: &str) -> bool {
        Shard::of(rel_path, self.count) == self.index
    }
}

/// Whether `shard` (or no shard at all) owns `rel_path`.
pub fn owns(shard: Option<Shard>, rel_path: &str) -> bool {
    shard.is_none_or(|s| s.owns(rel_path))
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Shard, String> {
        let bad = || format!("`{s}` is not a shard: write K/N with 1 <= K <= N, e.g. 2/3");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u32 = k.trim().parse().map_err(|_| bad())?;
        let count: u32 = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || count == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!("2/3".parse(), Ok(Shard { index: 2, count: 3 }));
        for bad in ["0/3", "4/3", "1/0", "3", "a/b", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn every_path_has_exactly_one_shard_and_shares_are_fair() {
        let paths: Vec<String> = (0..600).map(|i| format!("p/{i}.yaml")).collect();
        let mut counts = [0usize; 3];
        for p in &paths {
            let owners: Vec<u32> = (1..=3)
                .filter(|&k| Shard { index: k, count: 3 }.owns(p))
                .collect();
            assert_eq!(owners.len(), 1, "{p}");
            counts[owners[0] as usize - 1] += 1;
        }
        assert!(counts.iter().all(|&c| c > 150), "{counts:?}");
        assert!(owns(None, "x.yaml"));
    }
}
