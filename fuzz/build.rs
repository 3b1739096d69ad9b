//! Makes the CLI's source (`src/main.rs`) includable in the `jsonl` target, so that the fuzzer
//! runs the very code of batch mode: its inner doc comments become plain comments.
fn main() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../src/main.rs");
    println!("cargo:rerun-if-changed={}", src.display());
    let text = std::fs::read_to_string(&src).expect("../src/main.rs");
    let text: String = text.lines().map(|l| if l.starts_with("//!") { "//" } else { l }).map(|l| format!("{l}\n")).collect();
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("cli.rs");
    std::fs::write(out, text).expect("OUT_DIR is writable");
}
