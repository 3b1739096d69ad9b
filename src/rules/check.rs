//! Self-tests: the examples and counterexamples of rules, run through a real extractor.

use std::collections::BTreeMap;
use std::fmt;

use super::{RelationMatch, Rule, RuleSet};
use crate::document::RelationKind;
use crate::error::Location;
use crate::extract::Extractor;
use crate::resolve::Resolution;
use crate::text::Text;

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

/// One failed example or counterexample.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The rule whose example failed.
    pub rule: String,
    /// Where the example is written.
    pub location: Location,
    /// The example's sentence.
    pub sentence: String,
    /// Whether it is a counterexample.
    pub counterexample: bool,
    /// What it should yield.
    pub expected: Vec<String>,
    /// Every relation it yielded, each with the rule that found it.
    pub got: Vec<String>,
    /// Expected relations not found.
    pub missing: Vec<String>,
    /// Relations found but not expected (for a counterexample: those of this rule).
    pub unexpected: Vec<String>,
}

/// The outcome of checking the examples of a rule set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Rules checked.
    pub rules: usize,
    /// Examples run.
    pub examples: usize,
    /// Counterexamples run.
    pub counterexamples: usize,
    /// What failed.
    pub failures: Vec<Failure>,
}

impl Report {
    /// Whether every example and counterexample passed.
    pub fn is_ok(&self) -> bool {
        self.failures.is_empty()
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.counterexample { "counterexample" } else { "example" };
        writeln!(f, "FAIL {} ({what} at {})", self.rule, self.location)?;
        writeln!(f, "  sentence:   {}", self.sentence)?;
        let list = |v: &[String]| if v.is_empty() { "nothing".to_string() } else { v.join("; ") };
        if self.counterexample {
            writeln!(f, "  expected:   no relation from this rule")?;
        } else {
            writeln!(f, "  expected:   {}", list(&self.expected))?;
        }
        writeln!(f, "  got:        {}", list(&self.got))?;
        if !self.missing.is_empty() {
            writeln!(f, "  missing:    {}", self.missing.join("; "))?;
        }
        if !self.unexpected.is_empty() {
            writeln!(f, "  unexpected: {}", self.unexpected.join("; "))?;
        }
        Ok(())
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for failure in &self.failures {
            writeln!(f, "{failure}")?;
        }
        write!(
            f,
            "{} rules, {} examples, {} counterexamples: {}",
            self.rules,
            self.examples,
            self.counterexamples,
            if self.failures.is_empty() { "all passed".to_string() } else { format!("{} failed", self.failures.len()) }
        )
    }
}

/// Folds a name for comparison: case, quotes, dashes and spaces.
fn fold(s: &str) -> String {
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, '"' | '\'' | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}'))
        .map(|c| if matches!(c, '\u{2010}'..='\u{2015}') { '-' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every name of entity `e` in an example: canonical, aliases, gazetteer names, and as written.
fn names(extractor: &Extractor, text: &Text<'_>, resolution: &Resolution, e: usize) -> Vec<String> {
    let entity = &resolution.entities[e];
    let mut out = vec![fold(&entity.name), fold(&entity.id)];
    out.extend(entity.aliases.iter().map(|a| fold(a)));
    if let Some(record) = entity.gazetteer.and_then(|g| extractor.gazetteer().entities().get(g)) {
        out.extend(record.names().map(|a| fold(&a.text)));
    }
    for m in resolution.mentions.iter().filter(|m| m.entity == e) {
        out.push(fold(&text.original()[m.start..m.end]));
    }
    out
}

fn describe(rules: &RuleSet, resolution: &Resolution, r: &RelationMatch) -> String {
    let mut s = format!("{}({}", r.kind, resolution.entities[r.subject].name);
    if let Some(o) = r.object {
        s.push_str(&format!(", {}", resolution.entities[o].name));
    }
    for (k, v) in &r.args {
        s.push_str(&format!(", {k}={v}"));
    }
    s.push(')');
    if let Some(rule) = rules.rules.get(r.rule) {
        s.push_str(&format!(" [{}]", rule.id));
    }
    s
}

impl RuleSet {
    /// Runs every example and counterexample of every rule through `extractor`'s gazetteer and
    /// resolution, with these rules: an example must yield exactly its listed relations (nothing
    /// missing, nothing extra, from any rule); a counterexample must yield no relation of its rule.
    pub fn check_examples(&self, extractor: &Extractor) -> Report {
        self.check_examples_where(extractor, |_| true)
    }

    /// Like [`check_examples`](RuleSet::check_examples), for the rules `which` selects (all rules
    /// still run on every example).
    pub fn check_examples_where(&self, extractor: &Extractor, which: impl Fn(&Rule) -> bool) -> Report {
        let mut report = Report::default();
        for (index, rule) in self.rules.iter().enumerate() {
            if !which(rule) {
                continue;
            }
            report.rules += 1;
            for (example, counter) in
                rule.examples.iter().map(|e| (e, false)).chain(rule.counterexamples.iter().map(|e| (e, true)))
            {
                if counter {
                    report.counterexamples += 1;
                } else {
                    report.examples += 1;
                }
                let (text, resolution) = extractor.analyze(&example.text, rule.date);
                let got = self.apply(&text, &resolution);
                let got_text: Vec<String> = got.iter().map(|r| describe(self, &resolution, r)).collect();
                let (missing, unexpected) = if counter {
                    let unexpected: Vec<String> =
                        got.iter().filter(|r| r.rule == index).map(|r| describe(self, &resolution, r)).collect();
                    (Vec::new(), unexpected)
                } else {
                    let fits = |x: &Expected, r: &RelationMatch| {
                        if x.kind != r.kind {
                            return false;
                        }
                        let s = fold(&x.subject);
                        let is =
                            |e: usize, name: &str| names(extractor, &text, &resolution, e).iter().any(|n| n == name);
                        let (ordered, swapped) = match (&x.object, r.object) {
                            (None, None) => (is(r.subject, &s), false),
                            (Some(o), Some(object)) => {
                                let o = fold(o);
                                (
                                    is(r.subject, &s) && is(object, &o),
                                    self.is_symmetric(&r.kind) && is(r.subject, &o) && is(object, &s),
                                )
                            }
                            _ => (false, false),
                        };
                        (ordered || swapped)
                            && x.args.iter().all(|(k, v)| r.args.get(k).is_some_and(|got| fold(got) == fold(v)))
                    };
                    let missing: Vec<String> = example
                        .expected
                        .iter()
                        .filter(|x| !got.iter().any(|r| fits(x, r)))
                        .map(ToString::to_string)
                        .collect();
                    let unexpected: Vec<String> = got
                        .iter()
                        .filter(|r| !example.expected.iter().any(|x| fits(x, r)))
                        .map(|r| describe(self, &resolution, r))
                        .collect();
                    (missing, unexpected)
                };
                if !missing.is_empty() || !unexpected.is_empty() {
                    report.failures.push(Failure {
                        rule: rule.id.clone(),
                        location: example.location.clone(),
                        sentence: example.text.clone(),
                        counterexample: counter,
                        expected: example.expected.iter().map(ToString::to_string).collect(),
                        got: got_text,
                        missing,
                        unexpected,
                    });
                }
            }
        }
        report
    }
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

    #[test]
    fn names_fold_quotes_case_and_dashes() {
        assert_eq!(fold("  Kassym\u{2013}Jomart  TOKAYEV "), "kassym-jomart tokayev");
        assert_eq!(fold("\u{201C}Xi\u{201D}"), "xi");
    }
}
