//! Examples and counterexamples of rules, as written in rule files. They are run by
//! [`crate::check`], above both the resolver and the rules.

use std::collections::BTreeMap;
use std::fmt;

use crate::document::RelationKind;
use crate::error::Location;

/// An example (or counterexample) of a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The sentence.
    pub text: String,
    /// The relations it must yield (none for a counterexample).
    pub expected: Vec<Expected>,
    /// Where it is written.
    pub location: Location,
}

/// A relation an example must yield, by names: `pledge(China, Central Asia, amount=1.5 billion yuan)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// Its kind.
    pub kind: RelationKind,
    /// A name of the subject (its canonical name, an alias or the text that mentions it).
    pub subject: String,
    /// A name of the object; `None` for a one-party event.
    pub object: Option<String>,
    /// Arguments it must carry; arguments not listed are not checked.
    pub args: BTreeMap<String, String>,
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}({}", self.kind, self.subject)?;
        if let Some(object) = &self.object {
            write!(f, ", {object}")?;
        }
        for (k, v) in &self.args {
            write!(f, ", {k}={v}")?;
        }
        f.write_str(")")
    }
}

/// Parses `sentence => kind(A, B[, key=value…])[; kind(…)…]`; the error is a byte offset and a
/// message. A counterexample is a sentence alone.
pub(crate) fn parse_example(s: &str, counter: bool) -> Result<(String, Vec<Expected>), (usize, String)> {
    let Some(arrow) = s.rfind("=>") else {
        if counter {
            return Ok((s.trim().to_string(), Vec::new()));
        }
        return Err((s.len(), "expected `=> kind(Subject, Object)` after the example sentence, found none".into()));
    };
    if counter {
        return Err((arrow, "expected a counterexample to be a sentence alone, found `=>`".into()));
    }
    let sentence = s[..arrow].trim().to_string();
    if sentence.is_empty() {
        return Err((0, "expected a sentence before `=>`, found nothing".into()));
    }
    let mut expected = Vec::new();
    let mut offset = arrow + 2;
    for item in s[arrow + 2..].split(';') {
        let here = offset + (item.len() - item.trim_start().len());
        offset += item.len() + 1;
        let item = item.trim();
        let bad = |what: &str| (here, format!("expected `kind(Subject[, Object][, key=value])`, found {what}"));
        let (kind, rest) = item.split_once('(').ok_or_else(|| bad(&format!("`{item}`")))?;
        let kind = kind.trim();
        if kind.is_empty()
            || !kind.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
        {
            return Err((here, format!("expected a relation kind such as `meet`, found `{kind}`")));
        }
        let kind = RelationKind::new(kind);
        let inner = rest.strip_suffix(')').ok_or_else(|| bad("no closing `)`"))?;
        let fields: Vec<&str> = inner.split(',').map(str::trim).collect();
        if fields[0].is_empty() || fields[0].contains('=') {
            return Err(bad(&format!("`{item}`")));
        }
        // the second field is the object unless it is an argument: one-party events have none
        let (object, rest) = match fields.get(1) {
            Some(f) if !f.contains('=') => {
                if f.is_empty() {
                    return Err(bad(&format!("`{item}`")));
                }
                (Some(f.to_string()), &fields[2..])
            }
            _ => (None, &fields[1..]),
        };
        let mut args = BTreeMap::new();
        for field in rest {
            let (k, v) = field.split_once('=').ok_or_else(|| bad(&format!("`{field}` where `key=value` belongs")))?;
            args.insert(k.trim().to_string(), v.trim().to_string());
        }
        expected.push(Expected { kind, subject: fields[0].to_string(), object, args });
    }
    Ok((sentence, expected))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_parse() {
        let (s, x) = parse_example(
            "China pledged aid. => pledge(China, Central Asia, amount=1.5 billion yuan); meet(A, B)",
            false,
        )
        .unwrap();
        assert_eq!(s, "China pledged aid.");
        assert_eq!(x.len(), 2);
        assert_eq!(x[0].to_string(), "pledge(China, Central Asia, amount=1.5 billion yuan)");
        assert_eq!(x[1].kind, RelationKind::MEET);
        assert!(parse_example("no arrow", false).unwrap_err().1.contains("expected `=>"));
        assert!(parse_example("x => Greet(A, B)", false).unwrap_err().1.contains("found `Greet`"));
        let (_, one) = parse_example("x => protest(Kenyan protesters, location=Nairobi)", false).unwrap();
        assert_eq!(
            (one[0].object.as_deref(), one[0].args.get("location").map(String::as_str)),
            (None, Some("Nairobi"))
        );
        assert!(parse_example("x => meet(, B)", false).unwrap_err().1.contains("expected `kind(Subject"));
        assert!(parse_example("x => meet(A, B", false).is_err());
        assert!(parse_example("x => meet(A, B)", true).is_err());
        assert_eq!(parse_example("Just a sentence.", true).unwrap().0, "Just a sentence.");
    }
}
