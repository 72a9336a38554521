fn main() {
    let path = std::env::args().nth(1).expect("path");
    let bytes = std::fs::read(&path).expect("read");
    let l = sisterdoc::check::check_bytes(&bytes, None);
    for d in &l.diagnostics {
        eprintln!("{:?}", d);
    }
    let desc = l.descriptor.expect("desc");
    for k in [
        sisterdoc::document::DocKind::Loi,
        sisterdoc::document::DocKind::Mou,
    ] {
        let doc = sisterdoc::document::build(&desc, k, Default::default()).expect("build");
        println!("=== {}\n{}", doc.title, doc.plain_text());
    }
}
