//! Validated descriptor -> document model, through the standard templates.
//!
//! For each language, the slot values are computed here (names, dates, lists,
//! periods, in that language's conventions), each wrapped in invisible slot
//! markers, and handed to the tera template as plain data: user text is never
//! evaluated as template code. The template's line markup is then parsed into
//! blocks and runs (`markup`), runs are tagged with their language by script,
//! and Thai digits are applied to the Thai section when asked for.

use super::markup;
use super::model::*;
use crate::descriptor::model::*;
use crate::descriptor::Descriptor;
use crate::{english, thai};
use std::fmt;

/// Printed where a value is not known yet (signing place and date, or any
/// slot left empty when rendering with errors), to be filled in by hand.
pub const BLANK: &str = "..............................";

/// The mark `--allow-errors` puts on every page.
pub const NON_COMPLIANT: &str = "NOT COMPLIANT WITH THE MFA STANDARD / ไม่เป็นไปตามร่างมาตรฐาน";

const TEMPLATES: [(&str, &str); 4] = [
    ("mou.th", include_str!("../../templates/mou.th.tera")),
    ("mou.en", include_str!("../../templates/mou.en.tera")),
    ("loi.th", include_str!("../../templates/loi.th.tera")),
    ("loi.en", include_str!("../../templates/loi.en.tera")),
];

/// The template sources, for hashing into build manifests and for tests.
pub fn template_sources() -> &'static [(&'static str, &'static str)] {
    &TEMPLATES
}

#[derive(Debug)]
pub enum ComposeError {
    /// A template failed to parse or render: a bug in `templates/`, not in the descriptor.
    Template(String),
    /// The rendered template markup is malformed (also a template bug).
    Markup {
        template: String,
        line: usize,
        message: String,
    },
}

impl fmt::Display for ComposeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ComposeError::Template(m) => write!(f, "template error: {m}"),
            ComposeError::Markup {
                template,
                line,
                message,
            } => write!(f, "template {template}, output line {line}: {message}"),
        }
    }
}

impl std::error::Error for ComposeError {}

/// Options that do not come from the descriptor.
#[derive(Clone, Copy, Debug, Default)]
pub struct ComposeOptions {
    /// Rendering a descriptor that has errors: mark every page.
    pub non_compliant: bool,
    /// The copy for the day of signing (`render --final`): without the
    /// "(ร่าง)" / "(Draft)" marks. The caller refuses it for a descriptor
    /// with errors or without a signing place and date.
    pub signing_copy: bool,
}

/// The standard texts, parsed once per process (they are compiled in).
static TERA: std::sync::LazyLock<Result<tera::Tera, String>> = std::sync::LazyLock::new(|| {
    let mut tera = tera::Tera::new();
    for (name, src) in TEMPLATES {
        tera.add_raw_template(name, src)
            .map_err(|e| format!("{name}: {e:?}"))?;
    }
    Ok(tera)
});

/// One template rendered with its slot values and read as a section of the
/// model (the drafts and the package's parts all go through here).
pub(crate) fn render_section(
    tera: &tera::Tera,
    name: &str,
    ctx: &tera::Context,
    lang: Lang,
) -> Result<Section, ComposeError> {
    let text = tera
        .render(name, ctx)
        .map_err(|e| ComposeError::Template(format!("{name}: {e:?}")))?;
    markup::parse(&text, lang).map_err(|(line, message)| ComposeError::Markup {
        template: name.to_string(),
        line,
        message,
    })
}

/// Builds the LOI or MOU for a descriptor. Missing values print as `BLANK`.
pub fn compose(
    desc: &Descriptor,
    kind: DocKind,
    opts: ComposeOptions,
) -> Result<Document, ComposeError> {
    let tera = TERA
        .as_ref()
        .map_err(|e| ComposeError::Template(e.clone()))?;
    let mut sections = Vec::new();
    for lang in [Lang::Th, Lang::En] {
        let name = format!("{}.{}", kind.code(), lang.code());
        let ctx = context(desc, kind, lang);
        let mut section = render_section(tera, &name, &ctx, lang)?;
        if opts.signing_copy {
            section.blocks.retain(|b| {
                !matches!(&b.content, BlockContent::Paragraph(p) if p.style == ParaStyle::DraftMark)
            });
        }
        if lang == Lang::Th && desc.output.thai_digits {
            for_each_run(&mut section, |r| {
                r.text = thai::digits::to_thai_digits(&r.text)
            });
        }
        sections.push(section);
    }
    let names = |lang| {
        let v = values(desc, lang);
        (v.thai_name, v.partner_name)
    };
    let (th_side, partner) = names(Lang::En);
    let kind_en = match kind {
        DocKind::Loi => "Letter of Intent".to_string(),
        DocKind::Mou => instrument(desc, Lang::En),
        DocKind::Package(p) => p.code().to_string(),
    };
    Ok(Document {
        kind,
        title: format!(
            "{kind_en}: {} - {}",
            strip_slots(&th_side),
            strip_slots(&partner)
        ),
        subject: format!(
            "Draft MFA standard {} (Thai and English)",
            kind.code().to_uppercase()
        ),
        layout: desc.output.layout,
        non_compliant_mark: opts.non_compliant.then(|| NON_COMPLIANT.to_string()),
        sections,
        thai_digits: desc.output.thai_digits,
    })
}

/// Applies `f` to every run of a section (and to clause numbers).
pub(crate) fn for_each_run(section: &mut Section, f: impl Fn(&mut Run)) {
    for b in &mut section.blocks {
        if let BlockContent::Paragraph(p) = &mut b.content {
            if let Some(n) = &mut p.number {
                let mut r = Run {
                    text: std::mem::take(n),
                    lang: Lang::Th,
                    bold: false,
                    slot: None,
                    revision: None,
                };
                f(&mut r);
                *n = r.text;
            }
        }
        b.runs_mut().into_iter().for_each(&f);
    }
}

fn strip_slots(s: &str) -> String {
    markup::segments(s).into_iter().map(|(t, _)| t).collect()
}

/// Wraps a slot value in the markers `markup` understands.
pub(crate) fn slot(name: &str, value: &str) -> String {
    format!(
        "{}{name}{}{value}{}",
        markup::SLOT_START,
        markup::SLOT_NAME_END,
        markup::SLOT_END
    )
}

fn pick(lang: Lang, th: &str, en: &str) -> String {
    match lang {
        Lang::Th => th.to_string(),
        Lang::En => en.to_string(),
    }
}

pub(crate) fn text_of(b: &Option<Bilingual>, lang: Lang) -> Option<String> {
    b.as_ref().map(|b| pick(lang, &b.th.value, &b.en.value))
}

pub(crate) fn instrument(desc: &Descriptor, lang: Lang) -> String {
    let t = desc
        .mou
        .as_ref()
        .and_then(|m| m.title.as_ref())
        .map(|t| t.value);
    let s = match (t, lang) {
        (Some(MouTitle::MemorandumOfUnderstanding), Lang::Th) => "บันทึกความเข้าใจ",
        (Some(MouTitle::MemorandumOfAgreement), Lang::Th) => "บันทึกความตกลง",
        (Some(MouTitle::Agreement), Lang::Th) => "ความตกลง",
        (Some(MouTitle::MemorandumOfUnderstanding), Lang::En) => "Memorandum of Understanding",
        (Some(MouTitle::MemorandumOfAgreement), Lang::En) => "Memorandum of Agreement",
        (Some(MouTitle::Agreement), Lang::En) => "Agreement",
        (None, _) => BLANK,
    };
    s.to_string()
}

/// English official country names that take "the" ("the People's Republic of China").
fn with_article(name: &str) -> String {
    let takes_the = name.contains(" of ")
        || [
            "Republic",
            "Federation",
            "Kingdom",
            "States",
            "Emirates",
            "Islands",
            "Netherlands",
            "Philippines",
            "Bahamas",
            "Maldives",
            "Comoros",
            "Gambia",
        ]
        .iter()
        .any(|w| name.ends_with(w));
    if takes_the && !name.starts_with("the ") {
        format!("the {name}")
    } else {
        name.to_string()
    }
}

/// A partner's English name inside a sentence: "City of Orinda" is a common
/// noun phrase and takes "the" ("between Lamphun Province and the City of
/// Orinda"); a proper name ("Kunming", "Busan Metropolitan City") does not.
fn partner_with_article(name: &str) -> String {
    let first = name.split_whitespace().next().unwrap_or("");
    let common_head = name.contains(" of ") && !first.eq_ignore_ascii_case("the");
    if common_head {
        format!("the {name}")
    } else {
        name.to_string()
    }
}

/// Names used in more than one place.
struct Names {
    thai_name: String,
    partner_name: String,
}

fn values(desc: &Descriptor, lang: Lang) -> Names {
    let thai_name = desc
        .thai_side
        .province
        .as_ref()
        .map(|p| pick(lang, &p.value.th_formal(), &p.value.en_formal()))
        .unwrap_or_else(|| BLANK.to_string());
    let partner_name = text_of(&desc.partner.name, lang)
        .map(|n| match lang {
            Lang::En => partner_with_article(&n),
            Lang::Th => n,
        })
        .unwrap_or_else(|| BLANK.to_string());
    Names {
        thai_name: slot("thai_name", &thai_name),
        partner_name: slot("partner_name", &partner_name),
    }
}

fn field_labels(list: &[KeyOr<crate::reference::fields::Field>], lang: Lang) -> String {
    let labels: Vec<String> = list
        .iter()
        .map(|f| match f {
            KeyOr::Key(k) => pick(lang, k.th, k.en),
            KeyOr::Custom(b) => pick(lang, &b.th.value, &b.en.value),
        })
        .collect();
    if labels.is_empty() {
        return BLANK.to_string();
    }
    match lang {
        Lang::Th => thai::list::join_thai(&labels),
        Lang::En => english::list::join_english(&labels),
    }
}

pub(crate) fn context(desc: &Descriptor, kind: DocKind, lang: Lang) -> tera::Context {
    let mut c = tera::Context::new();
    let mut put = |k: &'static str, v: String| c.insert(k, &v);
    let names = values(desc, lang);
    put("thai_name", names.thai_name.clone());
    put("partner_name", names.partner_name.clone());

    // Title block: the Thai side's country is template text; the partner's
    // line is its name, its higher unit and its country.
    let mut partner_parts = vec![names.partner_name.clone()];
    if let Some(w) = text_of(&desc.partner.within, lang) {
        partner_parts.push(slot("within", &w));
    }
    if let Some(c) = &desc.partner.country {
        partner_parts.push(slot(
            "country",
            &pick(lang, c.value.th, &with_article(c.value.en)),
        ));
    }
    put(
        "partner_full",
        partner_parts.join(if lang == Lang::Th { " " } else { ", " }),
    );

    // Relationship.
    let rel = desc.relationship.as_ref().map(|r| match &r.value {
        KeyOr::Key(k) => (k.key, k.th.to_string(), k.en.to_string()),
        KeyOr::Custom(b) => ("custom", b.th.value.clone(), b.en.value.clone()),
    });
    let (rel_key, rel_th, rel_en) = rel.unwrap_or(("", BLANK.to_string(), BLANK.to_string()));
    let cooperation = rel_key == "cooperation";
    let rel_name = slot("relationship", &pick(lang, &rel_th, &rel_en));
    let relation_phrase = match (lang, cooperation) {
        (Lang::Th, true) => slot("relationship", "ความร่วมมือ"),
        (Lang::Th, false) => format!("ความสัมพันธ์{rel_name}"),
        (Lang::En, true) => slot("relationship", "cooperation"),
        (Lang::En, false) => format!("{rel_name} relationship"),
    };
    put("relationship", rel_name.clone());
    put("relation_phrase", relation_phrase.clone());
    put(
        "title_relation",
        if cooperation {
            slot("relationship", "Cooperation")
        } else {
            rel_name.clone()
        },
    );
    let article = if rel_en.starts_with(['A', 'E', 'I', 'O', 'U', 'a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    // LOI English title: "to Establish a Sister Cities Relationship" (title case).
    put(
        "title_relation_a",
        if cooperation {
            slot("relationship", "Cooperation")
        } else {
            format!("{article} {rel_name} Relationship")
        },
    );
    put(
        "relation_phrase_a",
        if cooperation || lang == Lang::Th {
            relation_phrase
        } else {
            format!("{article} {relation_phrase}")
        },
    );

    // Fields.
    put("fields", slot("fields", &field_labels(&desc.fields, lang)));
    let explore = desc.explore.as_deref().unwrap_or(&desc.fields);
    put("explore", slot("explore", &field_labels(explore, lang)));

    // MOU slots.
    if kind == DocKind::Mou {
        put("instrument", slot("instrument", &instrument(desc, lang)));
        let two_sides = desc
            .mou
            .as_ref()
            .and_then(|m| m.participants.as_ref())
            .map(|p| p.value)
            == Some(Participants::TwoSides);
        let (p, one, other) = match (lang, two_sides) {
            (Lang::Th, false) => ("ผู้เข้าร่วมทั้งสองฝ่าย", "ผู้เข้าร่วมฝ่ายใดฝ่ายหนึ่ง", "ผู้เข้าร่วมอีกฝ่าย"),
            (Lang::Th, true) => ("ทั้งสองฝ่าย", "ฝ่ายใดฝ่ายหนึ่ง", "อีกฝ่าย"),
            (Lang::En, false) => (
                "Participants",
                "one of the Participants",
                "the other Participant",
            ),
            (Lang::En, true) => ("two sides", "one side", "the other side"),
        };
        put("participants", slot("participants", p));
        // Clause 3 (Thai): "อีกทั้ง" + the term. With "ทั้งสองฝ่าย" a space keeps it
        // from reading "อีกทั้งทั้งสองฝ่าย" (listed in templates/DEVIATIONS.md).
        let also = match (lang, two_sides) {
            (Lang::Th, true) => format!(" {}", slot("participants", p)),
            _ => slot("participants", p),
        };
        put("participants_also", also);
        put("one_of", slot("participants", one));
        put("the_other", slot("participants", other));
        let term = desc.mou.as_ref().and_then(|m| m.termination.as_ref());
        let option = term
            .and_then(|t| t.option.as_ref())
            .map(|o| o.value)
            .unwrap_or(TerminationOption::Notice);
        let period = match option {
            TerminationOption::Notice => term.and_then(|t| t.notice_period.as_ref()),
            TerminationOption::FixedTerm => term.and_then(|t| t.term.as_ref()),
        };
        let period_text = match period.map(|p| p.value) {
            None => BLANK.to_string(),
            Some(Period { n, unit }) => match (lang, unit) {
                (Lang::Th, PeriodUnit::Days) => thai::period::thai_days(n),
                (Lang::Th, PeriodUnit::Months) => thai::period::thai_months(n),
                (Lang::Th, PeriodUnit::Years) => thai::period::thai_years(n),
                (Lang::En, PeriodUnit::Days) => english::numbers::days_notice(n),
                (Lang::En, PeriodUnit::Months) => english::numbers::months_notice(n),
                (Lang::En, PeriodUnit::Years) => english::numbers::years_period(n),
            },
        };
        put(
            "termination",
            match option {
                TerminationOption::Notice => "notice".to_string(),
                TerminationOption::FixedTerm => "fixed-term".to_string(),
            },
        );
        put("period", slot("termination", &period_text));
    }

    // LOI slots.
    if kind == DocKind::Loi {
        let parties = desc
            .loi
            .as_ref()
            .and_then(|l| l.parties.as_ref())
            .map(|p| p.value)
            .unwrap_or(LoiParties::BothCities);
        let (th, en, en_cap) = match parties {
            LoiParties::BothCities => ("ทั้งสองเมือง", "both cities", "Both cities"),
            LoiParties::TheTwoCities => ("เมืองทั้งสอง", "the two cities", "The two cities"),
            LoiParties::BothSides => ("ทั้งสองฝ่าย", "both sides", "Both sides"),
        };
        put("parties", slot("parties", &pick(lang, th, en)));
        // The LOI preamble offers only [ทั้งสองเมือง/ทั้งสองฝ่าย]: "เมืองทั้งสอง" reads
        // "ทั้งสองเมือง" there ("both cities" in English, to match).
        let (pre_th, pre_en) = match parties {
            LoiParties::TheTwoCities => ("ทั้งสองเมือง", "both cities"),
            _ => (th, en),
        };
        put(
            "preamble_parties",
            slot("parties", &pick(lang, pre_th, pre_en)),
        );
        put("parties_cap", slot("parties", &pick(lang, th, en_cap)));
        let intent = desc
            .loi
            .as_ref()
            .and_then(|l| l.intent.as_ref())
            .map(|i| i.value)
            .unwrap_or(LoiIntent::Will);
        let (th, en) = match intent {
            LoiIntent::Will => ("จะ", "will"),
            LoiIntent::Wish => ("ประสงค์ที่จะ", "wish to"),
        };
        put("intent", slot("intent", &pick(lang, th, en)));
    }

    // Signing.
    put(
        "place",
        slot(
            "place",
            &text_of(&desc.signing.place, lang).unwrap_or_else(|| BLANK.to_string()),
        ),
    );
    let date = desc.signing.date.as_ref().map(|d| match lang {
        Lang::Th => thai::buddhist_date::thai_date_official(d.value),
        Lang::En => english::date::english_date(d.value),
    });
    put(
        "date",
        slot("date", &date.unwrap_or_else(|| BLANK.to_string())),
    );
    let partner_lang = desc.partner.language.as_ref().map(|l| l.value);
    let mut langs = vec![pick(lang, "ภาษาไทย", "Thai")];
    if let Some(l) = partner_lang.filter(|l| l.code != "en" && l.code != "th") {
        langs.push(slot("language", &pick(lang, l.th, l.en)));
    }
    langs.push(pick(lang, "ภาษาอังกฤษ", "English"));
    put(
        "languages",
        match lang {
            Lang::Th => thai::list::join_thai(&langs),
            Lang::En => english::list::join_english(&langs),
        },
    );

    // Signature block.
    put(
        "thai_signatory",
        slot(
            "thai_signatory",
            &text_of(&desc.thai_side.signatory_name, lang).unwrap_or_else(|| BLANK.to_string()),
        ),
    );
    let position = match (
        desc.thai_side.position.as_ref().map(|p| &p.value),
        desc.thai_side.province.as_ref(),
    ) {
        (Some(KeyOr::Key(p)), Some(prov)) if p.key == "governor" => {
            let (th, en) = crate::reference::positions::thai_governor_title(prov.value);
            pick(lang, &th, &en)
        }
        (Some(KeyOr::Key(p)), _) => pick(lang, p.th, p.en),
        (Some(KeyOr::Custom(b)), _) => pick(lang, &b.th.value, &b.en.value),
        (None, _) => BLANK.to_string(),
    };
    put("thai_position", slot("thai_position", &position));
    put(
        "partner_signatory",
        slot(
            "partner_signatory",
            &text_of(&desc.partner.signatory_name, lang).unwrap_or_else(|| BLANK.to_string()),
        ),
    );
    put(
        "partner_position",
        slot(
            "partner_position",
            &text_of(&desc.partner.signatory_title, lang).unwrap_or_else(|| BLANK.to_string()),
        ),
    );
    c
}
