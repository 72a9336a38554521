//! The command line: argument parsing, files, terminals and exit codes.
//!
//! This is the only module that prints, reads the environment or decides an
//! exit status. Exit codes: 0 success, 1 rule errors (or, for `diff`, a
//! substantive deviation), 2 usage or I/O problems.

mod build;
mod check;
mod completions;
mod diagnostics;
mod diff;
mod files;
mod manifest;
mod new;
mod package;
mod pairs;
mod render;
mod rules;
mod schema;
mod serve;

pub use serve::ServeArgs;

/// The descriptor `sisterdoc new` writes (the workbench starts its form from it).
pub fn new_descriptor_template() -> String {
    new::template(KindArg::Both)
}

use clap::{Parser, Subcommand, ValueEnum};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "sisterdoc",
    version,
    about = "Thai MFA standard sister-city LOI/MOU drafts from a YAML pairing descriptor"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

pub use sisterdoc::lang::Lang;

/// Whether text written to `stream` is coloured: only on a terminal, and
/// never when `NO_COLOR` is set (https://no-color.org).
pub fn colour(stream: &impl std::io::IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum DiagFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Deny {
    Warnings,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum KindArg {
    Loi,
    Mou,
    Both,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum FormatArg {
    Docx,
    Pdf,
    All,
}

impl FormatArg {
    /// The formats `--format` asks for.
    pub fn formats(self) -> Vec<sisterdoc::render::Format> {
        use sisterdoc::render::Format;
        match self {
            FormatArg::Docx => vec![Format::Docx],
            FormatArg::Pdf => vec![Format::Pdf],
            FormatArg::All => Format::ALL.to_vec(),
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum PairsFormat {
    Table,
    Json,
    Csv,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum StatusArg {
    Signed,
    InProgress,
}

#[derive(Subcommand)]
enum Command {
    /// Check descriptors (files or folders) against the descriptor format and the MFA/MOI rules
    Check {
        /// Descriptor files, or folders searched recursively for *.yaml / *.yml
        #[arg(required = true)]
        paths: Vec<std::path::PathBuf>,
        /// Output format for diagnostics
        #[arg(long, value_enum, default_value = "text")]
        format: DiagFormat,
        /// Language of messages (th: ภาษาไทย)
        #[arg(long, value_enum, default_value = "en")]
        lang: Lang,
        /// Treat warnings as errors
        #[arg(long, value_enum)]
        deny: Option<Deny>,
        /// Apply every fix that has exactly one right answer (a Buddhist Era year, Thai typed
        /// out of order, a text cut at commas) to the files in place, then check again
        #[arg(long)]
        fix: bool,
        /// With --fix: print the changes as a diff and write nothing
        #[arg(long, requires = "fix")]
        dry_run: bool,
        /// Also show where each fact comes from (the registry's source table rows); JSON
        /// output always carries them
        #[arg(short, long)]
        verbose: bool,
    },
    /// Render the standard LOI/MOU drafts (Thai and English) for descriptors
    Render {
        /// Descriptor files, or folders searched recursively
        #[arg(required = true)]
        paths: Vec<std::path::PathBuf>,
        /// Output folder
        #[arg(short, long, default_value = "out")]
        output: std::path::PathBuf,
        /// Only this document (default: the descriptor's `documents`)
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Output format
        #[arg(long, value_enum, default_value = "all")]
        format: FormatArg,
        /// Render even when the descriptor has errors; every page is then marked
        /// "NOT COMPLIANT WITH THE MFA STANDARD / ไม่เป็นไปตามร่างมาตรฐาน"
        #[arg(long)]
        allow_errors: bool,
        /// The copy for the day of signing: no "(ร่าง)" / "(Draft)" marks. Refused for a
        /// descriptor with errors or without a signing place and date
        #[arg(long = "final", conflicts_with = "allow_errors")]
        signing_copy: bool,
        /// Language of messages
        #[arg(long, value_enum, default_value = "en")]
        lang: Lang,
    },
    /// Build the submission to the Ministry of Interior (covering letter, action plan and
    /// budget with XLSX, partner profile, checklist and the drafts) / ชุดเอกสารเสนอกระทรวงมหาดไทย
    Package {
        /// The pairing descriptor, with a `proposal:` section
        path: std::path::PathBuf,
        /// Output folder
        #[arg(short, long, default_value = "out")]
        output: std::path::PathBuf,
        /// Output format of the letters, plan, profile, checklist and drafts (the plan is
        /// always written as XLSX too)
        #[arg(long, value_enum, default_value = "all")]
        format: FormatArg,
        /// Write one zip file instead of separate files
        #[arg(long)]
        zip: bool,
        /// After the signing: the report letter to the Ministry of Interior (guideline 10)
        #[arg(long)]
        signed: bool,
        /// Language of messages
        #[arg(long, value_enum, default_value = "en")]
        lang: Lang,
    },
    /// List existing sister-city relationships (official lists 2019-2022) / รายชื่อความสัมพันธ์ที่มีอยู่แล้ว
    Pairs {
        /// Thai province, in Thai or English (เชียงใหม่, Chiang Mai)
        #[arg(long)]
        province: Option<String>,
        /// Partner's country, ISO 3166-1 alpha-2 (CN, JP, ...)
        #[arg(long)]
        country: Option<String>,
        #[arg(long, value_enum)]
        status: Option<StatusArg>,
        /// table (readable), json, or csv (UTF-8 with BOM, opens in Excel)
        #[arg(long, value_enum, default_value = "table")]
        format: PairsFormat,
    },
    /// List every rule with its ID, severity, guideline and explanation
    Rules {
        #[arg(long, value_enum, default_value = "en")]
        lang: Lang,
    },
    /// Check and render every descriptor below a folder, incrementally (for CI)
    Build(build::Args),
    /// Print the descriptor's JSON Schema (for editors with a YAML language server)
    Schema,
    /// Print shell completions
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Work with build manifests (merge the manifests of --shard runs)
    #[command(subcommand)]
    Manifest(manifest::ManifestCmd),
    /// Write a new descriptor with every field, commented in Thai and English
    New {
        /// Which documents the descriptor asks for
        #[arg(long, value_enum, default_value = "both")]
        kind: KindArg,
        /// Write to this file (refuses to overwrite); default: standard output
        #[arg(short, long)]
        output: Option<std::path::PathBuf>,
    },
    /// Compare an edited draft (DOCX or .txt) with the MFA standard text and classify each deviation (MFA-8)
    Diff {
        /// The draft: a .docx (Word, LibreOffice, sisterdoc) or a .txt file
        draft: std::path::PathBuf,
        /// The pairing descriptor the draft was made from; without it the standard's slots are open
        #[arg(long)]
        descriptor: Option<std::path::PathBuf>,
        /// Which instrument the draft is (default: the descriptor's, else the closer one)
        #[arg(long, value_enum)]
        kind: Option<diff::DiffKind>,
        /// Output format of the report
        #[arg(long, value_enum, default_value = "text")]
        format: DiagFormat,
        /// Also write the draft as a DOCX with tracked changes against the standard
        #[arg(long)]
        redline: Option<std::path::PathBuf>,
    },
    /// The staff workbench: a web page for drafting, checking and reviewing (หน้าเว็บสำหรับเจ้าหน้าที่)
    Serve(ServeArgs),
}

/// Parses the command line and runs the command; `serve` runs `server`
/// (the HTTP front end in `serve/`, `None` when built without the `serve`
/// feature).
pub fn run_with(server: Option<fn(&ServeArgs) -> ExitCode>) -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Check {
            paths,
            format,
            lang,
            deny,
            fix,
            dry_run,
            verbose,
        } => {
            let fix = match (fix, dry_run) {
                (false, _) => check::FixMode::Off,
                (true, false) => check::FixMode::Write,
                (true, true) => check::FixMode::DryRun,
            };
            check::run(&paths, format, lang, deny.is_some(), fix, verbose)
        }
        Command::Render {
            paths,
            output,
            kind,
            format,
            allow_errors,
            signing_copy,
            lang,
        } => render::run(render::Args {
            paths: &paths,
            out_dir: &output,
            kind,
            format,
            allow_errors,
            signing_copy,
            lang,
        }),
        Command::Package {
            path,
            output,
            format,
            zip,
            signed,
            lang,
        } => package::run(package::Args {
            path: &path,
            out_dir: &output,
            format,
            zip,
            signed,
            lang,
        }),
        Command::Pairs {
            province,
            country,
            status,
            format,
        } => {
            let status = status.map(|s| match s {
                StatusArg::Signed => sisterdoc::registry::Status::Signed,
                StatusArg::InProgress => sisterdoc::registry::Status::InProgress,
            });
            pairs::run(province, country, status, format)
        }
        Command::Rules { lang } => rules::run(lang),
        Command::New { kind, output } => new::run(kind, output.as_deref()),
        Command::Diff {
            draft,
            descriptor,
            kind,
            format,
            redline,
        } => diff::run(diff::Args {
            draft: &draft,
            descriptor: descriptor.as_deref(),
            kind,
            format,
            redline: redline.as_deref(),
        }),
        Command::Build(args) => build::run(args),
        Command::Schema => schema::run(),
        Command::Completions { shell } => completions::run(shell),
        Command::Manifest(cmd) => manifest::run(cmd),
        Command::Serve(args) => serve::run(&args, server),
    }
}

/// The exit status of a command whose output is what it wrote to stdout:
/// success, also when the reader stopped early (`| head`); otherwise the
/// error on stderr and 2.
pub fn stdout_status(written: std::io::Result<()>) -> ExitCode {
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
