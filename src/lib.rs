//! sisterdoc: Thai MFA standard sister-city LOI/MOU drafts from a YAML pairing descriptor.
//!
//! See ARCHITECTURE.md for the data flow:
//! descriptor -> validated model -> document model -> DOCX / PDF writers.
pub mod build;
pub mod check;
pub mod cli;
pub mod date;
pub mod descriptor;
pub mod diagnostic;
pub mod diff;
pub mod document;
pub mod docx;
pub mod english;
pub mod package;
pub mod pdf;
pub mod reference;
pub mod registry;
pub mod render;
pub mod rules;
pub mod thai;
pub mod xlsx;
