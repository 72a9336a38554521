//! Thai-language text: word segmentation, normalization, digits, Buddhist Era
//! dates (written and read), list joining.
pub mod buddhist_date;
pub mod digits;
pub mod known_runs;
pub mod lexicon;
pub mod list;
pub mod normalize;
pub mod period;
pub mod segment;
pub mod written_date;
