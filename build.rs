//! Build script: the registry data file (`data/pairs.yaml`, edited by hand)
//! converted to JSON in `OUT_DIR`, which the binary embeds and parses at
//! start-up instead of the YAML: the same data, a tenth of the parsing time
//! (YAML parsing was a fifth of a cold `render`). `registry` checks the
//! result against the YAML in its tests, and validates it as before.

fn main() {
    println!("cargo:rerun-if-changed=data/pairs.yaml");
    let yaml = match std::fs::read_to_string("data/pairs.yaml") {
        Ok(y) => y,
        Err(e) => panic!("data/pairs.yaml: {e}"),
    };
    let value: serde_json::Value = match serde_saphyr::from_str(&yaml) {
        Ok(v) => v,
        Err(e) => panic!("data/pairs.yaml is not valid YAML: {e}"),
    };
    let json = match serde_json::to_string(&value) {
        Ok(j) => j,
        Err(e) => panic!("data/pairs.yaml cannot be written as JSON: {e}"),
    };
    let Some(out) = std::env::var_os("OUT_DIR") else {
        panic!("OUT_DIR is not set (cargo sets it for build scripts)");
    };
    let path = std::path::Path::new(&out).join("pairs.json");
    if let Err(e) = std::fs::write(&path, json) {
        panic!("{}: {e}", path.display());
    }
}
