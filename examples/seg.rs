fn main() {
    for a in std::env::args().skip(1) {
        let w: Vec<&str> = sisterdoc::thai::segment::words(&a)
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        println!("{}", w.join("|"));
    }
}
