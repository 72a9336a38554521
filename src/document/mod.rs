//! The document model and its construction from a validated descriptor.
pub mod compose;
pub mod markup;
pub mod model;
pub mod style;
pub use compose::{compose, ComposeError, ComposeOptions};
pub use model::*;
