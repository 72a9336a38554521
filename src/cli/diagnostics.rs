//! The one path by which a command that writes files (`render`, `package`,
//! `build`, `diff`) tells the user about a descriptor on stderr: its diagnostics as
//! text (coloured only on a terminal, never with `NO_COLOR`), and, when its
//! files are not written, the refusal line "FILE: why", in the language asked
//! for. (`check` prints to stdout in text or JSON through the same
//! `check::print_diagnostics`.)

use super::check::print_diagnostics;
use super::DiagFormat;
use sisterdoc::descriptor::Loaded;
use sisterdoc::diagnostic::Style;
use sisterdoc::lang::Lang;
use std::fmt::Display;

/// Prints every diagnostic of `loaded` (read from `file`) to stderr as text.
pub fn to_stderr(file: &str, loaded: &Loaded, lang: Lang) {
    let stderr = std::io::stderr();
    let style = Style {
        color: super::colour(&stderr),
    };
    print_diagnostics(
        &mut stderr.lock(),
        file,
        loaded,
        DiagFormat::Text,
        lang,
        style,
        false,
    );
}

/// Says on stderr why the outputs of `file` were not written: "FILE: why".
pub fn refusal(file: &str, lang: Lang, th: impl Display, en: impl Display) {
    match lang {
        Lang::Th => eprintln!("{file}: {th}"),
        Lang::En => eprintln!("{file}: {en}"),
    }
}
