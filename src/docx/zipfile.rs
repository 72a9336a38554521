//! A small deterministic zip writer: deflated entries in the given order,
//! each with the zip epoch as its time (1980-01-01 00:00), Unix mode 0644,
//! no extra fields, no data descriptors and no zip64 (an archive or entry
//! of 4 GiB or more, or of 65 535 entries or more, is an error, not a zip64
//! archive).
//!
//! Why not the `zip` crate's writer: it sets up a deflate compressor for
//! every entry it compresses (allocating and clearing its window and hash
//! tables) and takes data already compressed only by copying it out of
//! another archive, so each remembered part was kept as a one-entry archive
//! and copied with `raw_copy_file`. Measured with callgrind on a batch of
//! 40 DOCX (20 descriptors): packing the entries took 92 M instructions,
//! 18% of the whole batch, of which only 52 M deflated anything; the rest
//! was the per-entry set-up and archive bookkeeping. Here one compressor
//! per thread and level is reset between entries and an entry's deflated
//! bytes ([`Deflated`]) are written again as they are: the same batch
//! packs its entries in 36 M, 34 M of them deflating.
//!
//! The headers are the ones the `zip` crate wrote for the same options
//! (version 2.0, made by Unix, the UTF-8 name flag for a non-ASCII name), so
//! readers see the same archive as before.

use std::cell::RefCell;
use std::collections::HashSet;

use flate2::{Compress, Compression, FlushCompress, Status};

use super::DocxError;

/// Local file header signature (`PK\x03\x04`).
const LOCAL_SIG: u32 = 0x0403_4b50;
/// Central directory file header signature (`PK\x01\x02`).
const CENTRAL_SIG: u32 = 0x0201_4b50;
/// End of central directory record signature (`PK\x05\x06`).
const END_SIG: u32 = 0x0605_4b50;
/// PKZIP 2.0: deflate.
const VERSION_NEEDED: u16 = 20;
/// Made by Unix (3, high byte), PKZIP 2.0 (low byte).
const VERSION_MADE_BY: u16 = (3 << 8) | 20;
/// General purpose flag bit 11: the name is UTF-8.
const FLAG_UTF8: u16 = 1 << 11;
/// Compression method 8: deflate.
const METHOD_DEFLATE: u16 = 8;
/// MS-DOS time 00:00:00.
const DOS_TIME: u16 = 0;
/// MS-DOS date 1980-01-01: (year - 1980) << 9 | month << 5 | day.
const DOS_DATE: u16 = (1 << 5) | 1;
/// External attributes: a regular file (`S_IFREG`), mode 0644, in the
/// high 16 bits (Unix).
const EXTERNAL_ATTRS: u32 = 0o100_644 << 16;

/// An entry's content, deflated (raw deflate, no zlib header), with what
/// the headers need to know of the original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Deflated {
    pub(crate) data: Vec<u8>,
    pub(crate) crc32: u32,
    pub(crate) size: u32,
}

fn too_large(what: &str) -> DocxError {
    DocxError::Zip(format!(
        "{what} exceeds the zip format's 32-bit limits (zip64 is not written)"
    ))
}

/// A size or offset as a 32-bit header field. All ones is not one: it
/// tells a reader to look for the zip64 field instead.
fn field32(n: usize, what: &str) -> Result<u32, DocxError> {
    u32::try_from(n)
        .ok()
        .filter(|n| *n < u32::MAX)
        .ok_or_else(|| too_large(what))
}

/// Compressors kept per thread, one per level used: a level's first entry
/// sets one up, every later entry resets it.
struct Compressors(Vec<(u32, Compress)>);

thread_local! {
    static COMPRESSORS: RefCell<Compressors> = const { RefCell::new(Compressors(Vec::new())) };
}

/// Deflate `bytes` at `level` (0–9) with this thread's compressor for it.
pub(crate) fn deflate(bytes: &[u8], level: u32) -> Result<Deflated, DocxError> {
    let size = field32(bytes.len(), "an entry")?;
    let crc32 = crc32fast::hash(bytes);
    let data = COMPRESSORS.with(|cell| {
        let mut compressors = cell.borrow_mut();
        let pos = match compressors.0.iter().position(|(l, _)| *l == level) {
            Some(pos) => pos,
            None => {
                let c = Compress::new(Compression::new(level), false);
                compressors.0.push((level, c));
                compressors.0.len() - 1
            }
        };
        let c = &mut compressors.0[pos].1;
        let out = deflate_with(c, bytes);
        // Reset after use (also after a failure), so the next entry starts
        // from a fresh stream.
        c.reset();
        out
    })?;
    Ok(Deflated { data, crc32, size })
}

fn deflate_with(c: &mut Compress, bytes: &[u8]) -> Result<Vec<u8>, DocxError> {
    // XML deflates to well under half; the loop grows the buffer otherwise.
    let mut out = Vec::with_capacity(bytes.len() / 2 + 64);
    let start_in = c.total_in();
    loop {
        let consumed = usize::try_from(c.total_in() - start_in)
            .map_err(|_| DocxError::Zip("deflate: input position out of range".into()))?;
        let rest = bytes.get(consumed..).unwrap_or_default();
        if out.len() == out.capacity() {
            out.reserve(out.capacity().max(64));
        }
        let status = c
            .compress_vec(rest, &mut out, FlushCompress::Finish)
            .map_err(|e| DocxError::Zip(format!("deflate: {e}")))?;
        match status {
            Status::StreamEnd => return Ok(out),
            Status::Ok | Status::BufError => {}
        }
    }
}

/// Zip archive bytes being written, entry by entry.
pub(crate) struct ZipFile {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
    names: HashSet<String>,
}

fn put_u16(v: &mut Vec<u8>, x: u16) {
    v.extend_from_slice(&x.to_le_bytes());
}

fn put_u32(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_le_bytes());
}

impl ZipFile {
    /// An empty archive; `capacity` is a guess at its size in bytes.
    pub(crate) fn with_capacity(capacity: usize) -> ZipFile {
        ZipFile {
            out: Vec::with_capacity(capacity),
            central: Vec::new(),
            entries: 0,
            names: HashSet::new(),
        }
    }

    /// Add an entry named `name` holding the already deflated `entry`.
    /// A name given twice is an error (readers would see only one).
    pub(crate) fn add(&mut self, name: &str, entry: &Deflated) -> Result<(), DocxError> {
        if !self.names.insert(name.to_string()) {
            return Err(DocxError::Zip(format!("duplicate entry name {name:?}")));
        }
        let name_len = u16::try_from(name.len())
            .map_err(|_| DocxError::Zip(format!("entry name longer than 65535 bytes: {name:?}")))?;
        let compressed = field32(entry.data.len(), "an entry")?;
        let offset = field32(self.out.len(), "the archive")?;
        self.entries = self
            .entries
            .checked_add(1)
            .filter(|n| *n < u16::MAX)
            .ok_or_else(|| too_large("the number of entries"))?;
        let flags = if name.is_ascii() { 0 } else { FLAG_UTF8 };

        // The fields both headers share, from "version needed" to the
        // extra field length, in the order the format lays them out.
        let common = |v: &mut Vec<u8>| {
            put_u16(v, VERSION_NEEDED);
            put_u16(v, flags);
            put_u16(v, METHOD_DEFLATE);
            put_u16(v, DOS_TIME);
            put_u16(v, DOS_DATE);
            put_u32(v, entry.crc32);
            put_u32(v, compressed);
            put_u32(v, entry.size);
            put_u16(v, name_len);
            put_u16(v, 0); // extra field length
        };

        let out = &mut self.out;
        put_u32(out, LOCAL_SIG);
        common(out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&entry.data);

        let c = &mut self.central;
        put_u32(c, CENTRAL_SIG);
        put_u16(c, VERSION_MADE_BY);
        common(c);
        put_u16(c, 0); // comment length
        put_u16(c, 0); // disk number start
        put_u16(c, 0); // internal attributes
        put_u32(c, EXTERNAL_ATTRS);
        put_u32(c, offset);
        c.extend_from_slice(name.as_bytes());
        Ok(())
    }

    /// The archive: the entries, the central directory, the end record.
    pub(crate) fn finish(mut self) -> Result<Vec<u8>, DocxError> {
        let cd_offset = field32(self.out.len(), "the archive")?;
        let cd_size = field32(self.central.len(), "the archive")?;
        field32(self.out.len() + self.central.len(), "the archive")?;
        self.out.append(&mut self.central);
        let out = &mut self.out;
        put_u32(out, END_SIG);
        put_u16(out, 0); // this disk
        put_u16(out, 0); // disk of the central directory
        put_u16(out, self.entries);
        put_u16(out, self.entries);
        put_u32(out, cd_size);
        put_u32(out, cd_offset);
        put_u16(out, 0); // comment length
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Read};

    fn archive(entries: &[(&str, &[u8])], level: u32) -> Vec<u8> {
        let mut z = ZipFile::with_capacity(0);
        for (name, bytes) in entries {
            z.add(name, &deflate(bytes, level).expect("deflate"))
                .expect("add");
        }
        z.finish().expect("finish")
    }

    fn sample() -> Vec<(&'static str, Vec<u8>)> {
        let big: Vec<u8> = (0..20_000u32)
            .flat_map(|i| format!("<w:t>{}</w:t>", i % 977).into_bytes())
            .collect();
        // Does not deflate: the output buffer has to grow.
        let mut x = 0x2545_f491_u32;
        let noise: Vec<u8> = (0..50_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                x as u8
            })
            .collect();
        vec![
            ("[Content_Types].xml", b"<Types/>".to_vec()),
            ("empty.txt", Vec::new()),
            ("word/document.xml", big),
            ("media/noise.bin", noise),
            ("ร่าง.txt", "ข้อความภาษาไทย".as_bytes().to_vec()),
        ]
    }

    #[test]
    fn round_trips_through_the_zip_crate_reader() {
        let entries = sample();
        let refs: Vec<(&str, &[u8])> = entries.iter().map(|(n, b)| (*n, b.as_slice())).collect();
        for level in [1, 3, 6, 9] {
            let bytes = archive(&refs, level);
            let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).expect("archive");
            assert_eq!(zip.len(), entries.len());
            for (i, (name, content)) in entries.iter().enumerate() {
                let mut f = zip.by_index(i).expect("entry");
                assert_eq!(f.name().expect("name"), *name);
                assert_eq!(f.compression(), zip::CompressionMethod::Deflated);
                assert_eq!(f.unix_mode(), Some(0o100_644));
                assert_eq!(f.last_modified(), Some(zip::DateTime::default()));
                let mut got = Vec::new();
                // read_to_end checks the CRC-32 at the end of the entry.
                f.read_to_end(&mut got).expect("read (CRC checked)");
                assert_eq!(&got, content, "{name} at level {level}");
            }
        }
    }

    #[test]
    fn same_entries_give_the_same_bytes() {
        let entries = sample();
        let refs: Vec<(&str, &[u8])> = entries.iter().map(|(n, b)| (*n, b.as_slice())).collect();
        let a = archive(&refs, 3);
        // Another level in between must leave no trace in the compressors.
        let _ = archive(&refs[1..], 6);
        let b = archive(&refs, 3);
        assert_eq!(a, b);
        let c = std::thread::spawn(move || {
            let refs: Vec<(&str, &[u8])> =
                entries.iter().map(|(n, b)| (*n, b.as_slice())).collect();
            archive(&refs, 3)
        })
        .join()
        .expect("thread");
        assert_eq!(a, c);
    }

    #[test]
    fn a_corrupted_entry_fails_the_crc_check() {
        let bytes = archive(&[("a.txt", b"hello hello hello hello")], 6);
        let central = bytes
            .windows(4)
            .position(|w| w == CENTRAL_SIG.to_le_bytes())
            .expect("central directory");
        // The CRC-32 the reader checks against: the central directory's
        // (16 bytes into the record).
        let mut bad = bytes.clone();
        bad[central + 16] ^= 0xff;
        let mut zip = zip::ZipArchive::new(Cursor::new(bad.as_slice())).expect("archive");
        let mut got = Vec::new();
        let read = zip.by_index(0).expect("entry").read_to_end(&mut got);
        assert!(read.is_err(), "a wrong CRC-32 went unnoticed");
    }

    #[test]
    fn headers_are_those_the_zip_crate_writes() {
        use std::io::Write;
        use zip::write::SimpleFileOptions;
        let entries = sample();
        let mut zw = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in &entries {
            let options = SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .compression_level(Some(6))
                .last_modified_time(zip::DateTime::default())
                .unix_permissions(0o644);
            zw.start_file(*name, options).expect("start");
            zw.write_all(bytes).expect("write");
        }
        let theirs = zw.finish().expect("finish").into_inner();
        let refs: Vec<(&str, &[u8])> = entries.iter().map(|(n, b)| (*n, b.as_slice())).collect();
        assert_eq!(archive(&refs, 6), theirs);
    }

    #[test]
    fn sizes_of_4_gib_are_refused() {
        assert_eq!(field32(0xFFFF_FFFE, "x").ok(), Some(0xFFFF_FFFE));
        assert!(field32(0xFFFF_FFFF, "x").is_err());
        assert!(field32(usize::MAX, "x").is_err());
    }

    #[test]
    fn a_duplicate_name_is_an_error() {
        let mut z = ZipFile::with_capacity(0);
        let d = deflate(b"x", 6).expect("deflate");
        z.add("a", &d).expect("first");
        assert!(matches!(z.add("a", &d), Err(DocxError::Zip(_))));
    }
}
