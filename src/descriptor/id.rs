//! The descriptor's `id`: the stem of every output file name, so the fact of
//! what an id may be lives here, below the decoder that reports a bad one
//! and the batch manifest that reads file names back.

/// Is `id` usable as a file name stem: `[a-z0-9-]+`, not starting with '-'?
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
