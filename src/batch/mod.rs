//! Batch builds for CI (`sisterdoc build`): pure logic only.
//!
//! - `plan`: check every descriptor of a tree (duplicate ids included), and
//!   decide from the old manifest and the hashes of the outputs on disk which
//!   descriptors are up to date, which to render and which outputs to remove.
//! - `manifest`: `OUT_DIR/manifest.json` (parse, write, merge shards).
//! - `fingerprint`: the templates, fonts, version and formats that make outputs.
//! - `shard`: `--shard K/N`, a stable share by path hash.
//! - `report`: the run's outcome as JSON, SARIF 2.1.0 and JUnit XML.
//! - `summary`: the run's last line (counts), in Thai or English.
//! - `atomic_write`: the write protocol (temporary file, sync, rename) that
//!   every command that writes uses; the one place the library writes files.
//!
//! Reading descriptors, deciding what to write, the progress bar and exit
//! codes live in `cli::build` (only the CLI knows about terminals).

pub mod atomic_write;
pub mod fingerprint;
pub mod hash;
pub mod manifest;
pub mod plan;
pub mod report;
pub mod shard;
pub mod summary;
