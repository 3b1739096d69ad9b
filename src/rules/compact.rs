//! The embedded rule files in a binary form, written at build time by `build.rs` from
//! `rules/*.toml` with the TOML reader this crate uses: reading it costs a tenth of parsing the
//! TOML, a fifth of compiling the default rules.
//!
//! Layout (integers are LEB128): `ATTR1`, the number of files, then per file its label (`rules/
//! diplomacy.toml`), the length of the rest and its [`File`]: the date (optional), the defines (count; name, value), the
//! kinds (count; name, span, value), the rules (count; span, id, relation, patterns, examples and
//! counterexamples (each a count and strings), args (count; key, value), negation (0 none, 1
//! false, 2 true), cameo (optional), mode (optional), replace (byte)). A string is its length and
//! bytes; a spanned string its span (start, end) and the string; an optional one 0, or 1 and it;
//! a TOML value a tag (0 string, 1 integer, 2 float, 3 boolean, 4 date-time, 5 array, 6 table)
//! and its content (integers and floats as 8 bytes, little-endian).
//!
//! The embedded files only: a file's spans are into its text, which the label names. A test
//! (`every_embedded_file_decodes_as_its_toml_reads`) compares what this decodes to with what the
//! TOML reader makes of each file, span by span.

use std::collections::BTreeMap;

use toml::Spanned;

use super::syntax::{File, RuleSpec};

static RULES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rules.bin"));

/// The embedded rule file labelled `label` (`rules/diplomacy.toml`), as the TOML reader reads it;
/// `None` when there is none or the binary form is broken (which only a build script out of step
/// with this reader can cause: the caller then parses the text).
pub(super) fn embedded_file(label: &str) -> Option<File> {
    let mut r = Reader { bytes: RULES, at: 0 };
    if r.take(5)? != b"ATTR1" {
        return None;
    }
    for _ in 0..r.uint()? {
        let name = r.str()?;
        let n = r.uint()?;
        let bytes = r.take(n)?;
        if name == label {
            return Reader { bytes, at: 0 }.file();
        }
    }
    None
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n).filter(|&end| end <= self.bytes.len())?;
        let b = &self.bytes[self.at..end];
        self.at = end;
        Some(b)
    }

    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn uint(&mut self) -> Option<usize> {
        crate::leb128::read(self.bytes, &mut self.at).ok()
    }

    fn str(&mut self) -> Option<&'a str> {
        let n = self.uint()?;
        std::str::from_utf8(self.take(n)?).ok()
    }

    fn string(&mut self) -> Option<String> {
        self.str().map(str::to_string)
    }

    fn span(&mut self) -> Option<std::ops::Range<usize>> {
        Some(self.uint()?..self.uint()?)
    }

    fn spanned(&mut self) -> Option<Spanned<String>> {
        let span = self.span()?;
        Some(Spanned::new(span, self.string()?))
    }

    fn option<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.byte()? {
            0 => Some(None),
            _ => read(self).map(Some),
        }
    }

    /// A count of items that follow, each at least a byte.
    fn count(&mut self) -> Option<usize> {
        self.uint().filter(|&n| n <= self.bytes.len() - self.at)
    }

    fn spanned_list(&mut self) -> Option<Vec<Spanned<String>>> {
        (0..self.count()?).map(|_| self.spanned()).collect()
    }

    fn file(&mut self) -> Option<File> {
        let date = self.option(Self::spanned)?;
        let mut define = BTreeMap::new();
        for _ in 0..self.count()? {
            let name = self.string()?;
            define.insert(name, self.spanned()?);
        }
        let mut kinds = BTreeMap::new();
        for _ in 0..self.count()? {
            let name = self.string()?;
            let span = self.span()?;
            kinds.insert(name, Spanned::new(span, self.value(0)?));
        }
        let mut rule = Vec::new();
        for _ in 0..self.count()? {
            let span = self.span()?;
            let (id, relation) = (self.spanned()?, self.spanned()?);
            let (patterns, examples, counterexamples) =
                (self.spanned_list()?, self.spanned_list()?, self.spanned_list()?);
            let mut args = BTreeMap::new();
            for _ in 0..self.count()? {
                let key = self.string()?;
                args.insert(key, self.string()?);
            }
            let negation = match self.byte()? {
                0 => None,
                1 => Some(false),
                _ => Some(true),
            };
            let cameo = self.option(Self::spanned)?;
            let mode = self.option(Self::string)?;
            let replace = self.byte()? != 0;
            let spec =
                RuleSpec { id, relation, patterns, examples, counterexamples, args, negation, cameo, mode, replace };
            rule.push(Spanned::new(span, spec));
        }
        Some(File { date, define, kinds, rule })
    }

    /// A TOML value `depth` tables and arrays deep (bounded: the form is trusted, but a broken
    /// one must not overflow the stack).
    fn value(&mut self, depth: usize) -> Option<toml::Value> {
        if depth > 32 {
            return None;
        }
        let eight = |r: &mut Self| r.take(8).and_then(|b| <[u8; 8]>::try_from(b).ok());
        Some(match self.byte()? {
            0 => toml::Value::String(self.string()?),
            1 => toml::Value::Integer(i64::from_le_bytes(eight(self)?)),
            2 => toml::Value::Float(f64::from_bits(u64::from_le_bytes(eight(self)?))),
            3 => toml::Value::Boolean(self.byte()? != 0),
            4 => toml::Value::Datetime(self.str()?.parse().ok()?),
            5 => toml::Value::Array((0..self.count()?).map(|_| self.value(depth + 1)).collect::<Option<_>>()?),
            6 => {
                let mut table = toml::map::Map::new();
                for _ in 0..self.count()? {
                    let key = self.string()?;
                    table.insert(key, self.value(depth + 1)?);
                }
                toml::Value::Table(table)
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::embedded_file;
    use crate::rules::syntax::parse_file;

    /// What a file holds, spans included (`Spanned`'s equality compares values only).
    fn shown(file: &super::File) -> String {
        format!("{file:?}")
    }

    #[test]
    fn every_embedded_file_decodes_as_its_toml_reads() {
        let mut files: Vec<(&str, &str)> = crate::rules::DEFAULT_FILES.to_vec();
        files.push(crate::rules::PRELUDE);
        files.push(crate::rules::DEFAULT_KINDS);
        for (label, text) in files {
            let decoded = embedded_file(label).unwrap_or_else(|| panic!("{label} is not in the binary form"));
            let read = parse_file(label, text).expect("the embedded files parse");
            assert_eq!(shown(&decoded), shown(&read), "{label}");
        }
        assert!(embedded_file("rules/none.toml").is_none());
    }
}
