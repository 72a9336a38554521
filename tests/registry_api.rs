//! Query API, name matching and output formats of the registry.

use sisterdoc::registry::{
    self, format_csv, format_json, format_table, Filter, Instrument, Relationship, Status,
    CSV_HEADER,
};

fn partners_en(rels: &[&Relationship]) -> Vec<String> {
    rels.iter()
        .filter_map(|r| r.partner.en.clone())
        .collect::<Vec<_>>()
}

#[test]
fn chiang_mai_resolves_to_its_partners_in_001() {
    // 001: 13 cities in 6 countries.
    let expected = [
        "Chengdu",
        "Chongqing",
        "Qingdao",
        "Xishuangbanna",
        "Shanghai",
        "Meishan",
        "Hainan",
        "Hokkaido",
        "Kyoto",
        "Yogyakarta",
        "Bursa",
        "Kengtung",
        "Seongnam",
    ];
    let cm = registry::for_province("เชียงใหม่");
    let names = partners_en(&cm);
    for e in expected {
        assert!(names.iter().any(|n| n == e), "Chiang Mai - {e} missing");
    }
    let from_001: Vec<&&Relationship> = cm
        .iter()
        .filter(|r| r.sources.iter().any(|s| s.table == "001-text"))
        .collect();
    assert_eq!(from_001.len(), 13);
    let mut countries: Vec<&str> = from_001.iter().map(|r| r.country.as_str()).collect();
    countries.sort();
    countries.dedup();
    assert_eq!(countries, ["CN", "ID", "JP", "KR", "MM", "TR"]);
    // and the older relationships from the tables
    for e in ["Kunming", "Uozu", "San Rafael"] {
        assert!(names.iter().any(|n| n == e), "Chiang Mai - {e} missing");
    }
    assert!(!names.iter().any(|n| n == "Gunma"), "Gunma is Chiang Rai's");
}

#[test]
fn province_names_in_any_form() {
    let th = registry::for_province("เชียงใหม่");
    assert!(!th.is_empty());
    assert_eq!(registry::for_province("จังหวัดเชียงใหม่"), th);
    assert_eq!(registry::for_province("Chiang Mai"), th);
    assert_eq!(registry::for_province("chiangmai province"), th);
    assert_eq!(registry::for_province(" CHIANG MAI "), th);
    assert!(registry::for_province("Chiang").is_empty());
    assert!(registry::for_province("").is_empty());
    assert_eq!(
        registry::resolve_province("Ayutthaya"),
        Some("พระนครศรีอยุธยา")
    );
    assert_eq!(registry::resolve_province("Chonburi"), Some("ชลบุรี"));
    assert_eq!(registry::resolve_province("Sisaket"), Some("ศรีสะเกษ"));
}

#[test]
fn chiang_mai_kunming_is_an_upgrade_candidate() {
    let found = registry::find_pair("เชียงใหม่", Some("นครคุนหมิง"), None, "CN");
    assert_eq!(found.len(), 1);
    let r = found[0];
    assert_eq!(r.id, "chiang-mai--kunming");
    assert_eq!(r.status, Status::Signed);
    assert_eq!(r.year_be, Some(2542));
    assert_eq!(r.signed_by.as_deref(), Some("เทศบาลนครเชียงใหม่"));
    assert!(r.is_upgrade_candidate());
    let tables: Vec<&str> = r.sources.iter().map(|s| s.table.as_str()).collect();
    assert!(tables.contains(&"003-signed") && tables.contains(&"000-text"));
    // other spellings of the same query
    for (th, en, cc) in [
        (Some("คุนหมิง"), None, "CN"),
        (Some("เมืองคุนหมิง"), None, "cn"),
        (None, Some("Kunming"), "CN"),
        (None, Some("KUNMING CITY"), "cn"),
    ] {
        let f = registry::find_pair("จังหวัดเชียงใหม่", th, en, cc);
        assert_eq!(f.len(), 1, "{th:?} {en:?}");
    }
    // wrong country: nothing
    assert!(registry::find_pair("เชียงใหม่", Some("คุนหมิง"), None, "JP").is_empty());
}

#[test]
fn upgrade_candidates() {
    let one = |p: &str, en: &str| registry::find_pair(p, None, Some(en), "CN")[0];
    assert!(one("เชียงใหม่", "Hainan").is_upgrade_candidate()); // LoI only
    assert_eq!(one("เชียงใหม่", "Hainan").instrument, Instrument::Loi);
    assert!(!one("เชียงใหม่", "Shanghai").is_upgrade_candidate());
    assert!(one("ลำปาง", "Jieyang").is_upgrade_candidate()); // municipality
    assert!(one("ภูเก็ต", "Suining").is_upgrade_candidate());
    assert!(!one("ฉะเชิงเทรา", "Jieyang").is_upgrade_candidate());
}

#[test]
fn pair_not_in_tables_is_not_found() {
    assert!(registry::find_pair("เชียงใหม่", Some("นครหนานจิง"), Some("Nanjing"), "CN").is_empty());
    assert!(registry::find_pair("น่าน", Some("แขวงหลวงพระบาง"), None, "LA").is_empty());
    assert!(registry::find_pair("เชียงใหม่", Some("เมืองโอซากา"), Some("Osaka"), "JP").is_empty());
    assert!(registry::find_pair("หนองคาย", None, Some("Vientiane"), "LA").is_empty());
}

#[test]
fn spelling_variants_match() {
    let id = |p: &str, th: Option<&str>, en: Option<&str>| {
        let f = registry::find_pair(p, th, en, "CN");
        assert_eq!(f.len(), 1, "{p} {th:?} {en:?}: {f:?}");
        f[0].id.clone()
    };
    // เจียหยาง / เจียวหยาง
    let j = id("ฉะเชิงเทรา", Some("เจียหยาง"), None);
    assert_eq!(id("ฉะเชิงเทรา", Some("เมืองเจียวหยาง"), None), j);
    assert_eq!(id("ฉะเชิงเทรา", Some("เจียวหยาง"), None), j);
    assert_eq!(id("Chachoengsao", None, Some("jieyang")), j);
    // ไห่หนาน / ไหหลำ / ไหหนาน, with and without มณฑล, English any case
    let h = id("ภูเก็ต", Some("มณฑลไห่หนาน"), None);
    for v in ["ไห่หนาน", "ไหหลำ", "มณฑลไหหลำ", "ไหหนาน"]
    {
        assert_eq!(id("ภูเก็ต", Some(v), None), h, "{v}");
    }
    assert_eq!(id("ภูเก็ต", None, Some("HAINAN")), h);
    assert_eq!(id("ภูเก็ต", None, Some("Hainan Province")), h);
    assert_eq!(id("เชียงใหม่", Some("ไหหลำ"), None), "chiang-mai--hainan");
    // Phuket's 003 rows 38 (ไหหลำ) and 39 (ไหหนาน) are one relationship
    let rows: Vec<u32> = registry::all()
        .unwrap()
        .iter()
        .find(|r| r.id == h)
        .unwrap()
        .sources
        .iter()
        .filter(|s| s.table == "003-signed")
        .map(|s| s.row)
        .collect();
    assert_eq!(rows, [38, 39]);
    // prefixes: นคร / เมือง / none, เขตปกครองตนเอง
    assert_eq!(
        id("เชียงใหม่", Some("เมืองเฉิงตู"), None),
        id("เชียงใหม่", Some("นครเฉิงตู"), None)
    );
    assert_eq!(
        id("พะเยา", Some("สิบสองปันนา"), None),
        id("พะเยา", Some("เขตปกครองตนเองสิบสองปันนา"), None)
    );
}

#[test]
fn similar_but_different_names_do_not_match() {
    // Khon Kaen has Nanning (หนานหนิง), not Nanjing (หนานจิง)
    assert_eq!(
        registry::find_pair("ขอนแก่น", Some("หนานหนิง"), None, "CN").len(),
        1
    );
    assert!(registry::find_pair("ขอนแก่น", Some("หนานจิง"), None, "CN").is_empty());
    assert!(registry::find_pair("ขอนแก่น", None, Some("Nanjing"), "CN").is_empty());
    // Ubon has Jiangxi (in progress), not Jiangsu
    assert_eq!(
        registry::find_pair("อุบลราชธานี", None, Some("Jiangxi"), "CN").len(),
        1
    );
    assert!(registry::find_pair("อุบลราชธานี", None, Some("Jiangsu"), "CN").is_empty());
    assert!(registry::find_pair("อุบลราชธานี", Some("มณฑลเจียงซู"), None, "CN").is_empty());
    // never by substring
    assert!(registry::find_pair("เชียงใหม่", Some("เซี่ยง"), None, "CN").is_empty());
    assert!(registry::find_pair("เชียงใหม่", None, Some("Shang"), "CN").is_empty());
    // a seed misspelling recorded for one relationship does not leak to others:
    // Phuket's 003 row prints Yantai as "นครเทียนไถ" (Tiantai is another place)
    assert_eq!(
        registry::find_pair("ภูเก็ต", Some("เทียนไถ"), None, "CN").len(),
        1
    );
    assert!(registry::find_pair("จันทบุรี", Some("เทียนไถ"), None, "CN").is_empty());
    assert_eq!(
        registry::find_pair("จันทบุรี", Some("เยียนไถ"), None, "CN").len(),
        1
    );
    // Chiang Mai has Hainan, whose 004 row was garbled as "ไต้หวัน"; a
    // descriptor for Taiwan (TW) must not match it.
    assert!(registry::find_pair("เชียงใหม่", Some("ไต้หวัน"), Some("Taiwan"), "TW").is_empty());
}

#[test]
fn in_country_lists_same_country_relationships() {
    let jp = registry::in_country("เชียงใหม่", "JP");
    let mut names = partners_en(&jp);
    names.sort();
    assert_eq!(names, ["Hokkaido", "Honjo", "Kyoto", "Uozu"]);
    assert_eq!(registry::in_country("Chiang Mai", "jp").len(), 4);
    assert!(registry::in_country("เชียงใหม่", "BR").is_empty());
}

#[test]
fn filter() {
    let f = Filter {
        province: Some("เชียงใหม่".into()),
        status: Some(Status::InProgress),
        ..Filter::default()
    };
    let rows = f.apply().unwrap();
    assert!(rows.iter().all(|r| r.status == Status::InProgress));
    assert!(rows.iter().any(|r| r.id == "chiang-mai--kyoto"));
    let cn = Filter {
        country: Some("cn".into()),
        ..Filter::default()
    }
    .apply()
    .unwrap();
    assert!(cn.len() > 50 && cn.iter().all(|r| r.country == "CN"));
    let all = Filter::default().apply().unwrap();
    assert_eq!(all.len(), registry::all().unwrap().len());
    let err = Filter {
        province: Some("Atlantis".into()),
        ..Filter::default()
    }
    .apply()
    .unwrap_err();
    assert!(err.to_string().contains("Atlantis"));
    assert_eq!("in-progress".parse::<Status>().unwrap(), Status::InProgress);
    assert_eq!("Signed".parse::<Status>().unwrap(), Status::Signed);
    assert!("done".parse::<Status>().is_err());
}

#[test]
fn table_format_is_aligned() {
    let rows = registry::for_province("เชียงใหม่");
    let out = format_table(&rows);
    assert!(out.contains("นครคุนหมิง (Kunming)"));
    assert!(out.contains("เชียงใหม่ (Chiang Mai)"));
    assert!(out.contains("ลงนามโดยเทศบาลนครเชียงใหม่"));
    let lines: Vec<&str> = out.lines().filter(|l| l.contains(" | ")).collect();
    assert_eq!(lines.len(), rows.len() + 1);
    // every cell but the last is padded to its column's display width
    let widths = |l: &str| -> Vec<usize> {
        let cells: Vec<&str> = l.split(" | ").collect();
        cells[..cells.len() - 1]
            .iter()
            .map(|c| unicode_width::UnicodeWidthStr::width(*c))
            .collect()
    };
    let first = widths(lines[0]);
    assert_eq!(first.len(), 5);
    for l in &lines {
        let w = widths(l);
        assert!(w.len() >= 4, "{l}");
        assert_eq!(w[..], first[..w.len()], "misaligned: {l}");
    }
    assert!(out.trim_end().ends_with("(in progress)"));
    // empty list still has a header
    assert!(format_table(&[]).contains("Partner"));
}

#[test]
fn json_format_round_trips() {
    let rows = registry::for_province("ภูเก็ต");
    let s = format_json(&rows);
    let back: Vec<Relationship> = serde_json::from_str(&s).unwrap();
    assert_eq!(back.len(), rows.len());
    assert_eq!(&back[0], rows[0]);
}

/// Minimal RFC 4180 reader for the test.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
        } else {
            match c {
                '"' => quoted = true,
                ',' => record.push(std::mem::take(&mut field)),
                '\r' if chars.peek() == Some(&'\n') => {
                    chars.next();
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                _ => field.push(c),
            }
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "last line not CRLF-terminated"
    );
    records
}

#[test]
fn csv_has_bom_header_and_round_trips() {
    let rows: Vec<&Relationship> = registry::all().unwrap().iter().collect();
    let bytes = format_csv(&rows);
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF], "UTF-8 BOM");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.starts_with("id,province_th,"));
    assert!(!text.replace("\r\n", "").contains('\n') || text.contains('"'));
    let records = parse_csv(text);
    assert_eq!(records.len(), rows.len() + 1);
    assert_eq!(records[0], CSV_HEADER);
    for (rec, r) in records[1..].iter().zip(&rows) {
        assert_eq!(rec.len(), CSV_HEADER.len());
        assert_eq!(rec[0], r.id);
        assert_eq!(rec[13], r.remark.clone().unwrap_or_default());
    }
    let km = records
        .iter()
        .find(|r| r[0] == "chiang-mai--kunming")
        .unwrap();
    assert_eq!(km[3], "นครคุนหมิง");
    assert_eq!(km[12], "เทศบาลนครเชียงใหม่");
}

#[test]
fn csv_quotes_commas_quotes_and_newlines() {
    let mut r = registry::all().unwrap()[0].clone();
    r.remark = Some("says \"hello\", then\r\nleaves".into());
    r.partner.th = " leading space".into();
    let bytes = format_csv(&[&r]);
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.contains("\"says \"\"hello\"\", then\r\nleaves\""));
    let records = parse_csv(text);
    assert_eq!(records.len(), 2);
    assert_eq!(records[1][13], "says \"hello\", then\r\nleaves");
    assert_eq!(records[1][3], " leading space");
}
