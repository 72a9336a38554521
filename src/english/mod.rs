//! English-language text for the drafts: dates ("15 March 2026"), lists
//! ("a, b and c"), and numbers and periods in words and digits
//! ("six (6) months'", "five (5)-year"), in the British style the MFA's
//! standard English texts use.
pub mod date;
pub mod list;
pub mod numbers;
