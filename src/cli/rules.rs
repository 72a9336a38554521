//! `sisterdoc rules`: the rule catalogue.

use sisterdoc::diagnostic::HumanLang;
use std::process::ExitCode;

pub fn run(lang: HumanLang) -> ExitCode {
    for r in sisterdoc::rules::catalogue() {
        let title = match lang {
            HumanLang::En => r.title_en,
            HumanLang::Th => r.title_th,
        };
        let g = match lang {
            HumanLang::En => "guideline",
            HumanLang::Th => "แนวทางข้อ",
        };
        println!(
            "{:<18} {:<8} {g} {:<13} {title}",
            r.id,
            r.severity.word(HumanLang::En),
            r.guideline
        );
        println!("{:<18} {}", "", r.explanation_en);
    }
    ExitCode::SUCCESS
}
