//! The document model and its construction from a validated descriptor.
pub mod build;
pub mod markup;
pub mod model;
pub use build::{build, BuildOptions};
pub use model::*;
