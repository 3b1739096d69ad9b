#!/usr/bin/env bash
# The README's rule-testing snippet, as a user copies it: pasted twice (two #[test]s) into the
# tests of a new crate that depends on attache by path, run with plain `cargo test` (tests run in
# parallel, each building its own extractor). Fails if the snippet does not compile, fails, or hangs.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
crate=$(mktemp -d)
trap 'rm -rf "$crate"' EXIT
mkdir -p "$crate/src" "$crate/tests"
cat >"$crate/Cargo.toml" <<TOML
[package]
name = "my-rules"
version = "0.1.0"
edition = "2021"

[dependencies]
attache = { path = "$root" }

# as in attache's own Cargo.toml, so that the dependencies built for it are reused
[profile.dev.package."*"]
opt-level = 2
TOML
echo "" >"$crate/src/lib.rs"
# a user's rule file, with its examples
cat >"$crate/my-rules.toml" <<'TOML'
date = "2025-06-17"

[[rule]]
id = "meet/conferred"
relation = "meet"
patterns = ["{subject:person} <aux> conferred with {object:person+}"]
examples = ["Xi Jinping conferred with Vladimir Putin in Moscow. => meet(Xi Jinping, Vladimir Putin)"]
counterexamples = ["Xi Jinping never conferred with Vladimir Putin."]
TOML
python3 - "$root/README.md" "$crate/tests/my_rules.rs" <<'PY'
import re, sys
readme = open(sys.argv[1]).read()
blocks = re.findall(r"```rust[^\n]*\n(.*?)```", readme, re.S)
snippet = next(b for b in blocks if "check_rules_with" in b and "my-rules.toml" in b)
uses = [l for l in snippet.splitlines() if l.startswith("use ")]
body = [l for l in snippet.splitlines() if l.strip() and not l.startswith("use ") and not l.startswith("# ")]
out = "\n".join(uses) + "\n"
for name in ("my_rules_pass_their_examples", "my_rules_pass_their_examples_again"):
    out += f"\n#[test]\nfn {name}() -> Result<(), attache::Error> {{\n"
    out += "".join(f"    {l}\n" for l in body)
    out += "    Ok(())\n}\n"
open(sys.argv[2], "w").write(out)
PY
cd "$crate"
CARGO_TARGET_DIR="$root/target" timeout 900 cargo test --quiet --test my_rules
