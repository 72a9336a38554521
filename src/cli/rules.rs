//! `sisterdoc rules`: the rule catalogue, in English or entirely in Thai.

use crate::diagnostic::HumanLang;
use std::process::ExitCode;

pub fn run(lang: HumanLang) -> ExitCode {
    for r in crate::rules::catalogue() {
        let (title, explanation) = match lang {
            HumanLang::En => (r.title_en, r.explanation_en),
            HumanLang::Th => (
                r.title_th,
                crate::rules::explanations_th::explanation_th(r.id).unwrap_or(r.explanation_en),
            ),
        };
        let source = crate::rules::source_label(r.guideline, lang);
        println!(
            "{:<18} {:<10} {title}{}",
            r.id,
            r.severity.word(lang),
            if source.is_empty() {
                String::new()
            } else {
                format!(" ({source})")
            }
        );
        println!("{:<18} {}", "", explanation);
    }
    ExitCode::SUCCESS
}
