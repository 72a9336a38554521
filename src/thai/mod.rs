//! Thai-language text: word segmentation, digits, Buddhist Era dates, list joining.
pub mod buddhist_date;
pub mod digits;
pub mod lexicon;
pub mod list;
pub mod period;
pub mod segment;
