//! `sisterdoc rules`: the rule catalogue, in English or entirely in Thai.

use sisterdoc::lang::Lang;
use std::process::ExitCode;

pub fn run(lang: Lang) -> ExitCode {
    for r in sisterdoc::rules::catalogue() {
        let (title, explanation) = match lang {
            Lang::En => (r.title_en, r.explanation_en),
            Lang::Th => (
                r.title_th,
                sisterdoc::rules::explanations_th::explanation_th(r.id).unwrap_or(r.explanation_en),
            ),
        };
        let source = sisterdoc::rules::source_label(r.guideline, lang);
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
