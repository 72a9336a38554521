//! Thai-language text: word segmentation, digits, Buddhist Era dates, list joining.
pub mod segment;
