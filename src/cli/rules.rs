//! `sisterdoc rules`: the rule catalogue.

use sisterdoc::lang::Lang;
use std::process::ExitCode;

pub fn run(lang: Lang) -> ExitCode {
    for r in sisterdoc::rules::catalogue() {
        let title = match lang {
            Lang::En => r.title_en,
            Lang::Th => r.title_th,
        };
        let g = match lang {
            Lang::En => "guideline",
            Lang::Th => "แนวทางข้อ",
        };
        println!(
            "{:<18} {:<8} {g} {:<13} {title}",
            r.id,
            r.severity.word(Lang::En),
            r.guideline
        );
        println!("{:<18} {}", "", r.explanation_en);
    }
    ExitCode::SUCCESS
}
