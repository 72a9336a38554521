//! The document model and its construction from a validated descriptor.
pub mod model;
pub use model::*;
