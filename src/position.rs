//! Where a value was written in a source text: line, column and length.
//! The lowest layer: the descriptor's node tree records it, diagnostics
//! point at it, the diff reports the places of returned text with it.

/// A position in the source file (1-based line and column, in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
    /// Length of the written value in characters (0 when unknown).
    pub len: u32,
}
