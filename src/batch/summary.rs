//! What `build` and `build --check` say at the end, in Thai or English: the
//! counts of one run as a line of text. The CLI prints these lines; they are
//! here so that their wording (plurals, the shard, nothing written, failures)
//! is tested without running the binary. Digits are Arabic in both
//! languages, as in the rest of the command line's Thai output.

use super::report::{ManifestStatus, Mode, Outcome, Summary};
use super::shard::Shard;
use crate::lang::Lang;

/// The run's last line: the counts of `build`, or the verdict of `--check`.
pub fn summary_line(outcome: &Outcome<'_>, lang: Lang) -> String {
    let facts = Facts {
        counts: outcome.summary(),
        manifest: &outcome.manifest,
        shard: outcome.shard,
        seconds: outcome.seconds,
    };
    match outcome.mode {
        Mode::Build => build_line(&facts, lang),
        Mode::Check => check_line(&facts, outcome.out_of_date(), lang),
    }
}

/// The note `build` prints when it removed temporary files a killed run left.
pub fn removed_temporaries(n: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "note: removed {n} temporary file{} left by an interrupted run",
            plural(n)
        ),
        Lang::Th => format!("หมายเหตุ: ลบไฟล์ชั่วคราว {n} ไฟล์ที่การทำงานครั้งก่อนซึ่งถูกขัดจังหวะทิ้งไว้"),
    }
}

/// The line `build` ends with when a signal stopped it.
pub fn interrupted(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "interrupted: the outputs written so far are in the manifest; run again to finish"
        }
        Lang::Th => "หยุดกลางคัน: ไฟล์ที่เขียนเสร็จแล้วบันทึกไว้ใน manifest แล้ว สั่งอีกครั้งเพื่อทำต่อให้เสร็จ",
    }
}

/// What a summary line says.
struct Facts<'a> {
    counts: Summary,
    manifest: &'a ManifestStatus,
    shard: Option<Shard>,
    seconds: f64,
}

impl Facts<'_> {
    /// " (shard 2/3)", or nothing.
    fn shard(&self, lang: Lang) -> String {
        match (self.shard, lang) {
            (None, _) => String::new(),
            (Some(s), Lang::En) => format!(" (shard {s})"),
            (Some(s), Lang::Th) => format!(" (ส่วนที่ {s})"),
        }
    }

    /// "3 descriptors" and, when some have errors, how many.
    fn descriptors(&self, lang: Lang, not_rendered: bool) -> String {
        let n = self.counts.descriptors;
        let e = self.counts.with_errors;
        match lang {
            Lang::En => {
                let errs = match (e, not_rendered) {
                    (0, _) => String::new(),
                    (_, true) => format!(", {e} with errors (not rendered)"),
                    (_, false) => format!(", {e} with errors"),
                };
                format!("{n} descriptor{}{errs}", plural(n))
            }
            Lang::Th => {
                let errs = match (e, not_rendered) {
                    (0, _) => String::new(),
                    (_, true) => format!(" มีข้อผิดพลาด {e} ไฟล์ (ไม่ได้สร้างเอกสาร)"),
                    (_, false) => format!(" มีข้อผิดพลาด {e} ไฟล์"),
                };
                format!("descriptor {n} ไฟล์{errs}")
            }
        }
    }

    fn seconds(&self, lang: Lang) -> String {
        match lang {
            Lang::En => format!("({:.2} s)", self.seconds),
            Lang::Th => format!("({:.2} วินาที)", self.seconds),
        }
    }
}

fn build_line(f: &Facts<'_>, lang: Lang) -> String {
    let s = &f.counts;
    let (shard, descriptors, secs) = (f.shard(lang), f.descriptors(lang, true), f.seconds(lang));
    let nothing_written = s.written == 0
        && s.removed == 0
        && s.failed == 0
        && *f.manifest == ManifestStatus::Unchanged;
    match (nothing_written, lang) {
        (true, Lang::En) => format!(
            "build{shard}: {descriptors}; {} document{} up to date, nothing written {secs}",
            s.unchanged,
            plural(s.unchanged),
        ),
        (true, Lang::Th) => format!(
            "build{shard}: {descriptors}; เอกสาร {} ฉบับเป็นปัจจุบันอยู่แล้ว ไม่ได้เขียนไฟล์ใดเลย {secs}",
            s.unchanged,
        ),
        (false, Lang::En) => format!(
            "build{shard}: {descriptors}; documents: {} written, {} unchanged, {} removed, {} failed {secs}",
            s.written, s.unchanged, s.removed, s.failed,
        ),
        (false, Lang::Th) => format!(
            "build{shard}: {descriptors}; เอกสาร: เขียนใหม่ {} ฉบับ, คงเดิม {} ฉบับ, ลบ {} ฉบับ, ไม่สำเร็จ {} ฉบับ {secs}",
            s.written, s.unchanged, s.removed, s.failed,
        ),
    }
}

fn check_line(f: &Facts<'_>, out_of_date: bool, lang: Lang) -> String {
    let s = &f.counts;
    let (shard, descriptors, secs) = (f.shard(lang), f.descriptors(lang, false), f.seconds(lang));
    let manifest = match (f.manifest, lang) {
        (ManifestStatus::Current, Lang::En) => "current",
        (ManifestStatus::Missing, Lang::En) => "missing",
        (_, Lang::En) => "stale",
        (ManifestStatus::Current, Lang::Th) => "เป็นปัจจุบัน",
        (ManifestStatus::Missing, Lang::Th) => "ไม่มี",
        (_, Lang::Th) => "ล้าสมัย",
    };
    let verdict = match (out_of_date, lang) {
        (false, Lang::En) => "all up to date".to_string(),
        (false, Lang::Th) => "เป็นปัจจุบันทั้งหมด".to_string(),
        (true, Lang::En) => format!(
            "{} stale, {} missing, {} extra, manifest {manifest}: run `sisterdoc build` to update",
            s.stale, s.missing, s.extra,
        ),
        (true, Lang::Th) => format!(
            "ล้าสมัย {} ฉบับ, ขาด {} ฉบับ, ไฟล์เกิน {} ไฟล์, manifest {manifest}: สั่ง `sisterdoc build` เพื่อปรับให้เป็นปัจจุบัน",
            s.stale, s.missing, s.extra,
        ),
    };
    match lang {
        Lang::En => format!(
            "check{shard}: {descriptors}; {} document{}: {verdict} {secs}",
            s.documents,
            plural(s.documents),
        ),
        Lang::Th => format!(
            "check{shard}: {descriptors}; เอกสาร {} ฉบับ: {verdict} {secs}",
            s.documents
        ),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(counts: Summary, manifest: &ManifestStatus) -> Facts<'_> {
        Facts {
            counts,
            manifest,
            shard: None,
            seconds: 0.5,
        }
    }

    #[test]
    fn nothing_written_says_so_with_plurals() {
        let one = Summary {
            descriptors: 1,
            documents: 1,
            unchanged: 1,
            ..Default::default()
        };
        let m = ManifestStatus::Unchanged;
        assert_eq!(
            build_line(&facts(one, &m), Lang::En),
            "build: 1 descriptor; 1 document up to date, nothing written (0.50 s)"
        );
        assert_eq!(
            build_line(&facts(one, &m), Lang::Th),
            "build: descriptor 1 ไฟล์; เอกสาร 1 ฉบับเป็นปัจจุบันอยู่แล้ว ไม่ได้เขียนไฟล์ใดเลย (0.50 วินาที)"
        );
        let many = Summary {
            descriptors: 12,
            documents: 48,
            unchanged: 48,
            ..Default::default()
        };
        assert_eq!(
            build_line(&facts(many, &m), Lang::En),
            "build: 12 descriptors; 48 documents up to date, nothing written (0.50 s)"
        );
        // Arabic digits in Thai, as the rest of the CLI's Thai output.
        assert!(build_line(&facts(many, &m), Lang::Th).contains("เอกสาร 48 ฉบับ"));
    }

    #[test]
    fn a_new_manifest_alone_is_not_nothing_written() {
        let zero = Summary::default();
        let line = build_line(&facts(zero, &ManifestStatus::Written), Lang::En);
        assert_eq!(
            line,
            "build: 0 descriptors; documents: 0 written, 0 unchanged, 0 removed, 0 failed (0.50 s)"
        );
    }

    #[test]
    fn failures_errors_and_the_shard_are_counted() {
        let s = Summary {
            descriptors: 3,
            with_errors: 1,
            documents: 4,
            written: 2,
            unchanged: 1,
            failed: 1,
            removed: 2,
            ..Default::default()
        };
        let m = ManifestStatus::Written;
        let mut f = facts(s, &m);
        f.shard = Some(Shard { index: 2, count: 3 });
        assert_eq!(
            build_line(&f, Lang::En),
            "build (shard 2/3): 3 descriptors, 1 with errors (not rendered); documents: 2 written, 1 unchanged, 2 removed, 1 failed (0.50 s)"
        );
        assert_eq!(
            build_line(&f, Lang::Th),
            "build (ส่วนที่ 2/3): descriptor 3 ไฟล์ มีข้อผิดพลาด 1 ไฟล์ (ไม่ได้สร้างเอกสาร); เอกสาร: เขียนใหม่ 2 ฉบับ, คงเดิม 1 ฉบับ, ลบ 2 ฉบับ, ไม่สำเร็จ 1 ฉบับ (0.50 วินาที)"
        );
        // Failures alone mean something was not as it should be: never "nothing written".
        let failed = Summary {
            descriptors: 1,
            documents: 2,
            failed: 2,
            ..Default::default()
        };
        assert!(
            build_line(&facts(failed, &ManifestStatus::Unchanged), Lang::En)
                .contains("0 written, 0 unchanged, 0 removed, 2 failed")
        );
    }

    #[test]
    fn check_gives_its_verdict() {
        let current = Summary {
            descriptors: 1,
            documents: 1,
            current: 1,
            ..Default::default()
        };
        let m = ManifestStatus::Current;
        assert_eq!(
            check_line(&facts(current, &m), false, Lang::En),
            "check: 1 descriptor; 1 document: all up to date (0.50 s)"
        );
        assert_eq!(
            check_line(&facts(current, &m), false, Lang::Th),
            "check: descriptor 1 ไฟล์; เอกสาร 1 ฉบับ: เป็นปัจจุบันทั้งหมด (0.50 วินาที)"
        );
        let stale = Summary {
            descriptors: 2,
            with_errors: 1,
            documents: 3,
            stale: 1,
            missing: 2,
            extra: 1,
            ..Default::default()
        };
        let m = ManifestStatus::Missing;
        assert_eq!(
            check_line(&facts(stale, &m), true, Lang::En),
            "check: 2 descriptors, 1 with errors; 3 documents: 1 stale, 2 missing, 1 extra, manifest missing: run `sisterdoc build` to update (0.50 s)"
        );
        assert_eq!(
            check_line(&facts(stale, &m), true, Lang::Th),
            "check: descriptor 2 ไฟล์ มีข้อผิดพลาด 1 ไฟล์; เอกสาร 3 ฉบับ: ล้าสมัย 1 ฉบับ, ขาด 2 ฉบับ, ไฟล์เกิน 1 ไฟล์, manifest ไม่มี: สั่ง `sisterdoc build` เพื่อปรับให้เป็นปัจจุบัน (0.50 วินาที)"
        );
        let m = ManifestStatus::Stale(vec!["a.yaml".into()]);
        assert!(check_line(&facts(current, &m), true, Lang::En).contains("manifest stale"));
    }

    #[test]
    fn notes_count_their_files() {
        assert_eq!(
            removed_temporaries(1, Lang::En),
            "note: removed 1 temporary file left by an interrupted run"
        );
        assert_eq!(
            removed_temporaries(2, Lang::En),
            "note: removed 2 temporary files left by an interrupted run"
        );
        assert!(removed_temporaries(2, Lang::Th).contains("ไฟล์ชั่วคราว 2 ไฟล์"));
        assert!(interrupted(Lang::En).starts_with("interrupted: "));
    }
}
