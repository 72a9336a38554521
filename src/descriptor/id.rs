//! The descriptor's `id`: the stem of every output file name, so limited to
//! `[a-z0-9-]`. One definition, read by the decoder and the batch manifest.

/// Is `id` usable as a file name stem: `[a-z0-9-]+`, not starting with '-'?
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Suggests an id from any text: lowercase, other characters to '-'.
pub fn suggest_id(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let t = out.trim_matches('-').to_string();
    if t.is_empty() {
        "my-pairing".to_string()
    } else {
        t
    }
}
