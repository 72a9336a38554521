//! Diagnostics: what a check found, where, and what to do about it.
//!
//! A `Diagnostic` carries its rule ID, severity, a Thai and an English
//! message and hint, and the position of the offending value. Rendering to
//! text (rustc-style, with a source snippet) and to JSON lives here too; the
//! CLI only decides where it goes and whether it is coloured.

use crate::lang::Lang;
use crate::position::Pos;
use serde::Serialize;
use std::fmt::Write as _;
use unicode_width::UnicodeWidthStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Info, Lang::En) => "info",
            (Severity::Error, Lang::Th) => "ข้อผิดพลาด",
            (Severity::Warning, Lang::Th) => "คำเตือน",
            (Severity::Info, Lang::Th) => "ข้อมูล",
        }
    }
}

/// A text in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Msg {
    pub th: String,
    pub en: String,
}

impl Msg {
    pub fn new(th: impl Into<String>, en: impl Into<String>) -> Msg {
        Msg {
            th: th.into(),
            en: en.into(),
        }
    }
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Th => &self.th,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable rule ID ("MFA-9", "SCHEMA-UNKNOWN", ...).
    pub rule: &'static str,
    pub severity: Severity,
    /// Where the offending value is written; `None` for whole-file problems.
    pub pos: Option<Pos>,
    pub message: Msg,
    pub hint: Option<Msg>,
    /// The descriptor path of the offending key or value
    /// ("thai_side.province", "cooperation.fields[2]"), for a front end that
    /// shows each message next to its field; `None` for whole-file problems.
    pub path: Option<String>,
    /// The one right correction, when there is exactly one: `check --fix`
    /// applies it, the web form offers it. Never set when there are several
    /// candidates.
    pub fix: Option<Fix>,
    /// Where the facts of the message come from, as internal references
    /// ("003-signed#23": a row of a source table of the registry). For
    /// reviewers and machines only: `--format json` carries them, the text
    /// report shows them only when asked (`check --verbose`).
    pub sources: Vec<String>,
}

/// A machine-applicable correction of one value of the descriptor source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// The field's new value, as a form would hold it ("2026-03-15", "น้ำ").
    pub value: String,
    /// Byte offsets in the descriptor source of the text to replace (the
    /// whole YAML value, quotes included).
    pub start: usize,
    pub end: usize,
    /// The YAML source text to put there (quoted when YAML needs it).
    pub replacement: String,
}

impl Diagnostic {
    pub fn new(rule: &'static str, severity: Severity, pos: Option<Pos>, message: Msg) -> Self {
        Diagnostic {
            rule,
            severity,
            pos,
            message,
            hint: None,
            path: None,
            fix: None,
            sources: Vec::new(),
        }
    }
    pub fn error(rule: &'static str, pos: Option<Pos>, message: Msg) -> Self {
        Self::new(rule, Severity::Error, pos, message)
    }
    pub fn warning(rule: &'static str, pos: Option<Pos>, message: Msg) -> Self {
        Self::new(rule, Severity::Warning, pos, message)
    }
    pub fn with_hint(mut self, hint: Msg) -> Self {
        self.hint = Some(hint);
        self
    }
    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }
    pub fn with_fix(mut self, fix: Option<Fix>) -> Self {
        self.fix = fix;
        self
    }
    pub fn with_sources(mut self, sources: Vec<String>) -> Self {
        self.sources = sources;
        self
    }
}

/// Sorts diagnostics by position, then rule, so output order never depends
/// on the order rules happened to run in.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        let pa = a.pos.map(|p| (p.line, p.column));
        let pb = b.pos.map(|p| (p.line, p.column));
        pa.cmp(&pb).then(a.rule.cmp(b.rule))
    });
}

/// Colours for the terminal report; all empty when not a terminal.
#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// Renders one diagnostic like rustc does: header, location, the source line
/// with the value underlined, and the hint.
pub fn render_text(d: &Diagnostic, file: &str, source: &str, lang: Lang, style: Style) -> String {
    render_text_with(d, file, source, lang, style, false)
}

/// `render_text`, and with `verbose` the sources of the message's facts
/// (internal table references staff do not need to see by default).
pub fn render_text_with(
    d: &Diagnostic,
    file: &str,
    source: &str,
    lang: Lang,
    style: Style,
    verbose: bool,
) -> String {
    let mut out = String::new();
    let sev_code = match d.severity {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;36",
    };
    let head = format!("{}[{}]", d.severity.word(lang), d.rule);
    let _ = writeln!(
        out,
        "{}: {}",
        style.paint(sev_code, &head),
        style.paint("1", d.message.get(lang))
    );
    match d.pos {
        Some(p) => {
            let _ = writeln!(out, "  --> {}:{}:{}", file, p.line, p.column);
            if let Some(line) = source.lines().nth(p.line.saturating_sub(1) as usize) {
                let num = p.line.to_string();
                let pad = " ".repeat(num.len());
                let before: String = line
                    .chars()
                    .take(p.column.saturating_sub(1) as usize)
                    .collect();
                let value: String = line
                    .chars()
                    .skip(p.column.saturating_sub(1) as usize)
                    .take(p.len.max(1) as usize)
                    .collect();
                let indent = " ".repeat(UnicodeWidthStr::width(before.as_str()));
                let marks = "^".repeat(UnicodeWidthStr::width(value.trim_end()).max(1));
                let _ = writeln!(out, "{pad} |");
                let _ = writeln!(out, "{num} | {line}");
                let _ = writeln!(out, "{pad} | {indent}{}", style.paint(sev_code, &marks));
            }
        }
        None => {
            let _ = writeln!(out, "  --> {file}");
        }
    }
    if let Some(h) = &d.hint {
        let label = match lang {
            Lang::En => "hint",
            Lang::Th => "คำแนะนำ",
        };
        let _ = writeln!(out, "   = {}: {}", style.paint("1", label), h.get(lang));
    }
    if verbose && !d.sources.is_empty() {
        let label = match lang {
            Lang::En => "sources",
            Lang::Th => "แหล่งข้อมูล",
        };
        let _ = writeln!(
            out,
            "   = {}: {}",
            style.paint("1", label),
            d.sources.join(", ")
        );
    }
    out
}

/// One machine-readable record (`--format json`, one per line).
#[derive(Serialize)]
pub struct JsonRecord<'a> {
    pub file: &'a str,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub rule: &'a str,
    pub severity: Severity,
    pub message_th: &'a str,
    pub message_en: &'a str,
    pub hint: Option<&'a str>,
    pub hint_th: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<&'a Fix>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub sources: &'a [String],
}

impl<'a> JsonRecord<'a> {
    pub fn new(file: &'a str, d: &'a Diagnostic) -> Self {
        JsonRecord {
            file,
            line: d.pos.map(|p| p.line),
            column: d.pos.map(|p| p.column),
            rule: d.rule,
            severity: d.severity,
            message_th: &d.message.th,
            message_en: &d.message.en,
            hint: d.hint.as_ref().map(|h| h.en.as_str()),
            hint_th: d.hint.as_ref().map(|h| h.th.as_str()),
            path: d.path.as_deref(),
            fix: d.fix.as_ref(),
            sources: &d.sources,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_underlines_the_value_even_after_thai() {
        let src = "name: {th: นายปวิณ, en: x}\nposition: mayor\n";
        let d = Diagnostic::error(
            "MFA-9",
            Some(Pos {
                line: 2,
                column: 11,
                len: 5,
            }),
            Msg::new("ผู้ลงนาม", "signatory"),
        )
        .with_hint(Msg::new("ใช้ governor", "use governor"));
        let t = render_text(&d, "a.yaml", src, Lang::En, Style::default());
        assert!(t.contains("error[MFA-9]: signatory"), "{t}");
        assert!(t.contains("--> a.yaml:2:11"), "{t}");
        assert!(
            t.contains("2 | position: mayor\n  |           ^^^^^\n"),
            "{t}"
        );
        assert!(t.contains("= hint: use governor"), "{t}");
        let th = render_text(&d, "a.yaml", src, Lang::Th, Style::default());
        assert!(th.contains("ข้อผิดพลาด[MFA-9]: ผู้ลงนาม"), "{th}");
    }
}
