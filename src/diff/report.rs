//! The diff as a reader sees it: a terminal report (clause by clause, the
//! paragraph with deletions `[-...-]` and insertions `{+...+}` marked, then
//! each deviation with its class and rule; coloured when asked) and JSON.
//! Both are built as strings: the CLI decides where they go.

use serde_json::{json, Value};

use super::{Change, Class, Deviation, DiffReport, Mark, RedPara, Seg};
use crate::document::Lang;

/// Where the compared texts came from, for the report's heading.
#[derive(Clone, Debug, Default)]
pub struct Names {
    pub draft: String,
    /// `None`: compared against the standard with its slots open.
    pub descriptor: Option<String>,
}

/// Terminal colours (ANSI), all off unless `color`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, s: &str) -> String {
        if self.color && !s.is_empty() {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn class(self, c: Class) -> String {
        let code = match c {
            Class::Substantive => "1;31",
            Class::Editorial => "33",
            Class::Slot => "36",
        };
        self.paint(code, c.name())
    }
}

fn lang_name(l: Lang) -> &'static str {
    match l {
        Lang::Th => "Thai (ภาษาไทย)",
        Lang::En => "English",
    }
}

fn kind_name(r: &DiffReport) -> &'static str {
    match r.kind {
        crate::document::DocKind::Loi => "LOI",
        crate::document::DocKind::Mou => "MOU",
        crate::document::DocKind::Package(_) => "document",
    }
}

/// A paragraph with its changes marked inline.
fn inline(p: &RedPara, style: Style) -> String {
    let mut out = String::new();
    let show = |t: &str| t.replace(['\t', '\n'], " ");
    match p.mark {
        Mark::Inserted => {
            let t: String = p.segs.iter().map(seg_text).collect();
            out.push_str(&style.paint("32", &format!("{{+{}+}}", show(&t))));
        }
        Mark::Deleted => {
            let t: String = p.segs.iter().map(seg_text).collect();
            out.push_str(&style.paint("31", &format!("[-{}-]", show(&t))));
        }
        Mark::Both => {
            let mut segs = p.segs.iter().peekable();
            while let Some(s) = segs.next() {
                match s {
                    Seg::Equal(t) => out.push_str(&show(t)),
                    // A tab replaced by a space (the clause-number separator)
                    // looks the same on a terminal: print it once, unmarked.
                    Seg::Del(t) if matches!(segs.peek(), Some(Seg::Ins(u)) if show(t) == show(u)) =>
                    {
                        out.push_str(&show(t));
                        segs.next();
                    }
                    Seg::Del(t) => out.push_str(&style.paint("31", &format!("[-{}-]", show(t)))),
                    Seg::Ins(t) => out.push_str(&style.paint("32", &format!("{{+{}+}}", show(t)))),
                }
            }
        }
    }
    out
}

fn seg_text(s: &Seg) -> &str {
    match s {
        Seg::Equal(t) | Seg::Del(t) | Seg::Ins(t) => t,
    }
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace(['\t', '\n'], " "))
}

/// One line describing a deviation.
fn describe(d: &Deviation, style: Style) -> String {
    let what = match d.change {
        Change::Changed => match (d.standard.is_empty(), d.draft.is_empty()) {
            (true, _) => format!("inserted {}", quoted(&d.draft)),
            (_, true) => format!("deleted {}", quoted(&d.standard)),
            _ => format!("{} -> {}", quoted(&d.standard), quoted(&d.draft)),
        },
        Change::Removed => "removed".to_string(),
        Change::Added => format!("added after {}", d.to_after.as_deref().unwrap_or("start")),
        Change::Moved => format!(
            "moved: now after {} (stood after {})",
            d.to_after.as_deref().unwrap_or("start"),
            d.from_after.as_deref().unwrap_or("start")
        ),
    };
    let mut line = format!(
        "    {what}: {} (MFA-8, guideline {})",
        style.class(d.class),
        d.class.guideline()
    );
    if let Some(s) = &d.slot {
        line.push_str(&format!(", slot `{s}`"));
    }
    for b in &d.binding {
        line.push_str(&format!(
            "; {} {} binding wording {} (guideline 12: {})",
            style.paint(
                if b.severity == crate::diagnostic::Severity::Error {
                    "1;31"
                } else {
                    "33"
                },
                "MFA-12"
            ),
            b.severity.word(crate::diagnostic::HumanLang::En),
            quoted(&b.text),
            b.replace_en
        ));
    }
    line
}

/// The terminal report.
pub fn text(r: &DiffReport, names: &Names, style: Style) -> String {
    let mut out = String::new();
    let against = match &names.descriptor {
        Some(d) => format!("the MFA standard {} rendered from {d}", kind_name(r)),
        None => format!(
            "the MFA standard {} with its slots open (no descriptor)",
            kind_name(r)
        ),
    };
    out.push_str(&style.paint("1", &format!("{} against {against}", names.draft)));
    out.push('\n');
    if r.had_tracked_changes {
        out.push_str(&format!(
            "note: {} holds tracked changes; its text was read as if they were all accepted\n",
            names.draft
        ));
    }
    let mut lang: Option<Lang> = None;
    let mut k = 0;
    while k < r.deviations.len() {
        let d = &r.deviations[k];
        // A group: the deviations of one unit (or one added paragraph).
        let mut end = k + 1;
        while end < r.deviations.len()
            && d.clause.is_some()
            && r.deviations[end].clause == d.clause
            && r.deviations[end].lang == d.lang
        {
            end += 1;
        }
        if lang != Some(d.lang) {
            lang = Some(d.lang);
            out.push('\n');
            out.push_str(&style.paint("1;4", lang_name(d.lang)));
            out.push('\n');
        }
        let group = &r.deviations[k..end];
        let worst = group.iter().map(|d| d.class).max().unwrap_or(Class::Slot);
        let title = match &d.clause {
            Some(c) => c.clone(),
            None => format!("new paragraph {}", d.paragraph.unwrap_or(0)),
        };
        out.push_str(&format!(
            "  {}  [{}]\n",
            style.paint("1", &title),
            style.class(worst)
        ));
        // The paragraph, marked.
        let para = r.paragraphs.iter().find(|p| {
            p.lang == d.lang
                && match (&d.clause, d.change) {
                    (Some(c), Change::Removed) => {
                        p.mark == Mark::Deleted && p.clause.as_deref() == Some(c)
                    }
                    (Some(c), Change::Moved) => {
                        p.mark == Mark::Inserted && p.clause.as_deref() == Some(c)
                    }
                    (Some(c), _) => p.clause.as_deref() == Some(c) && p.mark != Mark::Deleted,
                    (None, _) => {
                        p.mark == Mark::Inserted
                            && p.clause.is_none()
                            && p.accepted().as_deref() == Some(d.draft.as_str())
                    }
                }
        });
        if let Some(p) = para {
            out.push_str(&format!("    {}\n", inline(p, style)));
        }
        for d in group {
            out.push_str(&describe(d, style));
            out.push('\n');
        }
        k = end;
    }
    if !r.fills.is_empty() {
        out.push('\n');
        out.push_str(&style.paint("1;4", "Slot values in the draft"));
        out.push('\n');
        // One line per slot, language and value, with the clauses it is in.
        let mut groups: Vec<(Lang, &str, &str, Vec<&str>)> = Vec::new();
        for f in &r.fills {
            match groups
                .iter_mut()
                .find(|g| g.0 == f.lang && g.1 == f.slot && g.2 == f.text)
            {
                Some(g) => g.3.push(&f.clause),
                None => groups.push((f.lang, &f.slot, &f.text, vec![&f.clause])),
            }
        }
        for (lang, slot, value, clauses) in &groups {
            let shown = if value.is_empty() {
                "(empty)".to_string()
            } else {
                quoted(value)
            };
            out.push_str(&format!(
                "  {} {slot}: {shown}  [{}]\n",
                lang.code(),
                clauses.join(", ")
            ));
        }
    }
    out.push('\n');
    let n = r.deviations.len();
    let summary = if n == 0 {
        "no deviations from the standard text".to_string()
    } else {
        format!(
            "{n} deviation{}: {} substantive, {} editorial, {} slot ({} moved)",
            if n == 1 { "" } else { "s" },
            r.count(Class::Substantive),
            r.count(Class::Editorial),
            r.count(Class::Slot),
            r.moves()
        )
    };
    out.push_str(&style.paint("1", &summary));
    out.push('\n');
    if r.has_substantive() {
        out.push_str(
            "substantive deviations change a principle of the standard: guideline 8.2 sends the draft to the Cabinet\n",
        );
    }
    out
}

/// The report as one JSON document.
pub fn json(r: &DiffReport, names: &Names) -> Value {
    let devs: Vec<Value> = r
        .deviations
        .iter()
        .map(|d| {
            json!({
                "clause": d.clause,
                "lang": d.lang.code(),
                "change": d.change.name(),
                "class": d.class.name(),
                "guideline": d.class.guideline(),
                "standard": d.standard,
                "draft": d.draft,
                "before": d.before,
                "after": d.after,
                "slot": d.slot,
                "paragraph": d.paragraph,
                "to_after": d.to_after,
                "from_after": d.from_after,
                "rules": d.rules,
                "binding": d.binding.iter().map(|b| json!({
                    "rule": "MFA-12",
                    "term": b.term,
                    "text": b.text,
                    "severity": b.severity,
                    "hint_en": b.replace_en,
                    "hint_th": b.replace_th,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let fills: Vec<Value> = r
        .fills
        .iter()
        .map(|f| {
            json!({
                "slot": f.slot,
                "lang": f.lang.code(),
                "clause": f.clause,
                "text": f.text,
            })
        })
        .collect();
    json!({
        "draft": names.draft,
        "descriptor": names.descriptor,
        "kind": r.kind.code(),
        "slots_open": r.open,
        "tracked_changes": r.had_tracked_changes,
        "summary": {
            "deviations": r.deviations.len(),
            "substantive": r.count(Class::Substantive),
            "editorial": r.count(Class::Editorial),
            "slot": r.count(Class::Slot),
            "moved": r.moves(),
        },
        "deviations": devs,
        "slot_fills": fills,
    })
}
