//! Property tests: arbitrary bytes and arbitrary YAML-shaped values give a
//! model or diagnostics, never a panic.

use proptest::prelude::*;
use sisterdoc::check::check_bytes;

fn yaml_value() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("~".to_string()),
        Just("true".to_string()),
        any::<i64>().prop_map(|i| i.to_string()),
        "[a-zA-Z0-9 ก-๙:,._-]{0,12}".prop_map(|s| format!("{s:?}")),
        prop::sample::select(vec![
            "governor",
            "sister-cities",
            "CN",
            "notice",
            "6 months",
            "2026-02-29",
            "both-cities",
            "will",
            "&a x",
            "*a",
            "{th: ก, en: a}"
        ])
        .prop_map(str::to_string),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(|v| format!("[{}]", v.join(", "))),
            prop::collection::vec(
                (
                    prop::sample::select(vec![
                        "version",
                        "id",
                        "documents",
                        "relationship",
                        "thai_side",
                        "province",
                        "signatory",
                        "name",
                        "position",
                        "partner",
                        "unit",
                        "level",
                        "country",
                        "rank",
                        "title",
                        "th",
                        "en",
                        "cooperation",
                        "fields",
                        "mou",
                        "loi",
                        "termination",
                        "option",
                        "notice_period",
                        "term",
                        "signing",
                        "date",
                        "place",
                        "output",
                        "layout",
                        "x",
                    ]),
                    inner
                ),
                0..6
            )
            .prop_map(|kv| format!(
                "{{{}}}",
                kv.into_iter()
                    .map(|(k, v)| format!("{k}: {v}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let l = check_bytes(&bytes, Some("x"));
        // Either a model was decoded or at least one diagnostic says why not.
        prop_assert!(l.descriptor.is_some() || !l.diagnostics.is_empty());
    }

    #[test]
    fn arbitrary_yaml_values_never_panic(v in yaml_value()) {
        let text = format!("version: 1\nrelationship: {v}\npartner: {v}\nthai_side: {v}\ncooperation: {v}\n");
        let l = check_bytes(text.as_bytes(), Some("x"));
        prop_assert!(l.descriptor.is_some() || !l.diagnostics.is_empty());
        if let Some(desc) = &l.descriptor {
            for kind in [sisterdoc::document::DocKind::Loi, sisterdoc::document::DocKind::Mou] {
                prop_assert!(sisterdoc::document::compose(desc, kind, Default::default()).is_ok());
            }
        }
    }

    #[test]
    fn top_level_arbitrary_values_never_panic(v in yaml_value()) {
        let l = check_bytes(v.as_bytes(), Some("x"));
        prop_assert!(l.descriptor.is_some() || !l.diagnostics.is_empty());
    }
}
