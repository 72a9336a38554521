//! sisterdoc: Thai MFA standard sister-city LOI/MOU drafts from a YAML pairing descriptor.
//!
//! See ARCHITECTURE.md for the data flow:
//! descriptor -> validated model -> document model -> DOCX / PDF writers.
pub mod descriptor;
pub mod thai;
pub mod document;
pub mod pdf;
