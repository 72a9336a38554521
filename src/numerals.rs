//! Numbers written in digits, the same in the Thai and the English text
//! (the Thai text's digits become Thai digits later, all at once).

/// Digits with thousands separators: "6", "365", "1,000", "4,294,967,295".
/// The Thai periods group their (Arabic, later maybe Thai) digits the same way.
pub fn digits_grouped(n: u32) -> String {
    let plain = n.to_string();
    let len = plain.len();
    let mut out = String::with_capacity(len + len / 3);
    for (i, c) in plain.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
