//! Self-tests of rules: every example and counterexample of a rule file, run through a whole
//! [`Extractor`] (text, gazetteers, resolution and rules), and judged by what *the rule under test*
//! finds.
//!
//! This module sits above the stages: it uses the extractor, and neither the resolver nor the rule
//! engine knows of it.
//!
//! - An example passes when every relation it lists is found, nothing else is, and the rule it
//!   belongs to (or, with [`Credit::File`], a rule of the same file) finds at least one of the
//!   listed relations on its own: a broken rule cannot pass on the strength of another rule.
//! - A counterexample fails when its rule finds any relation in it, whatever other rules find.
//! - A rule without examples is reported as untested, and fails the check unless
//!   [`CheckOptions::allow_untested`] is set.
//! - Where an example's relation is missing, the failure says why: a name no entity answers to in
//!   the sentence, how far the rule's nearest pattern got and what stopped it (a word, an entity of
//!   another kind, the end of the sentence), a negation that cancelled a full match, or that none
//!   of the rule's patterns applied because a word they require is absent.
//!
//! ```
//! use attache::check::CheckOptions;
//! use attache::Extractor;
//!
//! let people = r#"{"id":"person:ana-lima","kind":"person","name":"Ana Lima","aliases":["Lima"]}
//! {"id":"person:ben-okafor","kind":"person","name":"Ben Okafor","aliases":["Okafor"]}"#;
//! let rules = r#"
//! [[rule]]
//! id = "meet/greeted"
//! relation = "meet"
//! patterns = ["{subject:person} greeted {object:person}"]
//! examples = ["Ana Lima greeted Ben Okafor in Lagos. => meet(Ana Lima, Ben Okafor)"]
//! counterexamples = ["Ana Lima never greeted Ben Okafor."]
//! "#;
//! let extractor = Extractor::builder()
//!     .defaults(false)
//!     .gazetteer_str("people.jsonl", people)
//!     .rules_str("my-rules.toml", rules)
//!     .build()?;
//! let report = extractor.check_rules_with(&CheckOptions::new().files(["my-rules.toml"]));
//! assert!(report.is_ok(), "{report}");
//! assert_eq!((report.rules, report.examples, report.counterexamples), (1, 1, 1));
//! # Ok::<(), attache::Error>(())
//! ```

use std::fmt;

use crate::error::Location;
use crate::extract::Extractor;
use crate::resolve::Resolution;
use crate::rules::{Expected, RelationMatch, Rule, RuleSet};
use crate::text::Text;

/// Who must find an example's relations for it to pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Credit {
    /// The rule the example belongs to (the default).
    #[default]
    Rule,
    /// Any rule of the same file: for files whose rules share examples.
    File,
}

/// What [`Extractor::check_rules_with`] checks and how strictly.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    credit: Credit,
    files: Option<Vec<String>>,
    allow_untested: bool,
}

impl CheckOptions {
    /// Every rule, credited to itself, untested rules an error.
    pub fn new() -> CheckOptions {
        CheckOptions::default()
    }

    /// Who must find an example's relations.
    pub fn credit(mut self, credit: Credit) -> CheckOptions {
        self.credit = credit;
        self
    }

    /// Checks only the rules of these files (as their [`Location`]s name them: the path given to
    /// the builder, or the label of a string); the other rules still run on every example.
    pub fn files<I, S>(mut self, files: I) -> CheckOptions
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.files = Some(files.into_iter().map(Into::into).collect());
        self
    }

    /// Checks every rule, default rules included (the default).
    pub fn all_files(mut self) -> CheckOptions {
        self.files = None;
        self
    }

    /// Whether a rule without examples passes (it is reported either way).
    pub fn allow_untested(mut self, yes: bool) -> CheckOptions {
        self.allow_untested = yes;
        self
    }

    fn selects(&self, rule: &Rule) -> bool {
        self.files.as_ref().map_or(true, |files| files.contains(&rule.location.file))
    }
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
    /// Relations found but not expected (for a counterexample: those of the rule under test).
    pub unexpected: Vec<String>,
    /// Why the rule under test found nothing, or not what was expected.
    pub why: Vec<String>,
}

/// A rule without examples.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Untested {
    /// The rule's id.
    pub rule: String,
    /// Where it is written.
    pub location: Location,
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
    /// Rules without examples.
    pub untested: Vec<Untested>,
    /// Whether untested rules pass.
    pub allow_untested: bool,
}

impl Report {
    /// Whether every example and counterexample passed, and every rule has an example (unless
    /// untested rules were allowed).
    pub fn is_ok(&self) -> bool {
        self.failures.is_empty() && (self.allow_untested || self.untested.is_empty())
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
        for why in &self.why {
            writeln!(f, "  why:        {why}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for failure in &self.failures {
            writeln!(f, "{failure}")?;
        }
        for u in &self.untested {
            let verdict = if self.allow_untested { "NOTE" } else { "FAIL" };
            writeln!(f, "{verdict} {} (at {}): no examples", u.rule, u.location)?;
        }
        let mut failed = self.failures.len();
        if !self.allow_untested {
            failed += self.untested.len();
        }
        write!(
            f,
            "{} rules, {} examples, {} counterexamples: {}",
            self.rules,
            self.examples,
            self.counterexamples,
            if failed == 0 { "all passed".to_string() } else { format!("{failed} failed") }
        )?;
        if !self.untested.is_empty() {
            write!(f, " ({} without examples)", self.untested.len())?;
        }
        Ok(())
    }
}

/// The extractor `attache test` checks rule files with: `defaults` (less the default rules a
/// given file stands in for: a copy of `rules/diplomacy.toml`, edited, replaces the embedded one
/// and only that one), then the gazetteer files, then the rule files; `lexicon_files` replace
/// embedded word lists ([`ExtractorBuilder::lexicon_file`](crate::ExtractorBuilder::lexicon_file)).
///
/// # Errors
/// As [`ExtractorBuilder::build`](crate::ExtractorBuilder::build).
pub fn extractor_for(
    rule_files: &[std::path::PathBuf],
    gazetteer_files: &[std::path::PathBuf],
    lexicon_files: &[std::path::PathBuf],
    defaults: crate::Defaults,
) -> crate::Result<Extractor> {
    use crate::Defaults;
    let replaced = |label: &str| rule_files.iter().any(|p| p.ends_with(label));
    let mut defaults = defaults;
    let mut builder = Extractor::builder();
    if defaults.rules() && crate::rules::DEFAULT_FILES.iter().any(|(label, _)| replaced(label)) {
        defaults = if defaults == Defaults::All { Defaults::Gazetteers } else { Defaults::None };
        for (label, text) in crate::rules::DEFAULT_FILES.iter().filter(|(label, _)| !replaced(label)) {
            builder = builder.rules_str(label, text);
        }
    }
    builder = builder.defaults(defaults);
    for path in gazetteer_files {
        builder = builder.gazetteer_file(path);
    }
    for path in rule_files {
        builder = builder.rules_file(path);
    }
    for path in lexicon_files {
        builder = builder.lexicon_file(path);
    }
    builder.build()
}

impl Extractor {
    /// Runs the examples and counterexamples of every rule this extractor holds, default rules
    /// included, each credited to its own rule; a rule without examples fails. See
    /// [`check`](crate::check).
    pub fn check_rules(&self) -> Report {
        self.check_rules_with(&CheckOptions::new())
    }

    /// Runs the examples and counterexamples of the rules `options` selects.
    pub fn check_rules_with(&self, options: &CheckOptions) -> Report {
        let rules = self.rules();
        let mut report = Report { allow_untested: options.allow_untested, ..Report::default() };
        for (index, rule) in rules.rules().iter().enumerate() {
            if !options.selects(rule) {
                continue;
            }
            report.rules += 1;
            if rule.examples.is_empty() {
                report.untested.push(Untested { rule: rule.id.clone(), location: rule.location.clone() });
            }
            let credited = |r: usize| match options.credit {
                Credit::Rule => r == index,
                Credit::File => rules.rules().get(r).is_some_and(|other| other.location.file == rule.location.file),
            };
            for (example, counter) in
                rule.examples.iter().map(|e| (e, false)).chain(rule.counterexamples.iter().map(|e| (e, true)))
            {
                if counter {
                    report.counterexamples += 1;
                } else {
                    report.examples += 1;
                }
                let (text, resolution) = self.analyze(&example.text, rule.date);
                let all = rules.apply(&text, &resolution);
                let own: Vec<RelationMatch> =
                    rules.find_only(&text, &resolution, None, &credited).into_iter().map(|f| f.relation).collect();
                let judge = Judge { extractor: self, rules, text: &text, resolution: &resolution };
                let got: Vec<String> = all.iter().map(|r| judge.describe(r)).collect();
                let (missing, unexpected, credit_missing) = if counter {
                    (Vec::new(), own.iter().map(|r| judge.describe(r)).collect(), false)
                } else {
                    let missing: Vec<String> = example
                        .expected
                        .iter()
                        .filter(|x| !all.iter().any(|r| judge.fits(x, r)))
                        .map(ToString::to_string)
                        .collect();
                    let unexpected: Vec<String> = all
                        .iter()
                        .filter(|r| !example.expected.iter().any(|x| judge.fits(x, r)))
                        .map(|r| judge.describe(r))
                        .collect();
                    let credit_missing = !example.expected.iter().any(|x| own.iter().any(|r| judge.fits(x, r)));
                    (missing, unexpected, credit_missing)
                };
                if missing.is_empty() && unexpected.is_empty() && !credit_missing {
                    continue;
                }
                let mut why = Vec::new();
                if !counter {
                    why = judge.why(example.expected.iter(), &credited);
                    if credit_missing && missing.is_empty() {
                        let who = match options.credit {
                            Credit::Rule => format!("rule {}", rule.id),
                            Credit::File => format!("any rule of {}", rule.location.file),
                        };
                        why.insert(0, format!("{who} found none of the expected relations: other rules did"));
                    }
                }
                report.failures.push(Failure {
                    rule: rule.id.clone(),
                    location: example.location.clone(),
                    sentence: example.text.clone(),
                    counterexample: counter,
                    expected: example.expected.iter().map(ToString::to_string).collect(),
                    got,
                    missing,
                    unexpected,
                    why,
                });
            }
        }
        report
    }
}

/// One example's analysis, and how relations are compared with what it lists.
struct Judge<'a, 't> {
    extractor: &'a Extractor,
    rules: &'a RuleSet,
    text: &'a Text<'t>,
    resolution: &'a Resolution,
}

impl Judge<'_, '_> {
    /// Every name of entity `e`: canonical, aliases, gazetteer names, and as written.
    fn names(&self, e: usize) -> Vec<String> {
        let entity = &self.resolution.entities[e];
        let mut out = vec![fold(&entity.name), fold(&entity.id)];
        out.extend(entity.aliases.iter().map(|a| fold(a)));
        if let Some(record) = entity.gazetteer.and_then(|g| self.extractor.gazetteer().entities().get(g)) {
            out.extend(record.names().map(|a| fold(&a.text)));
        }
        for m in self.resolution.mentions.iter().filter(|m| m.entity == e) {
            out.push(fold(&self.text.original()[m.start..m.end]));
        }
        out
    }

    fn is(&self, e: usize, name: &str) -> bool {
        self.names(e).iter().any(|n| n == name)
    }

    /// Whether relation `r` is the one `x` lists (either order for symmetric kinds).
    fn fits(&self, x: &Expected, r: &RelationMatch) -> bool {
        if x.kind != r.kind {
            return false;
        }
        let s = fold(&x.subject);
        let (ordered, swapped) = match (&x.object, r.object) {
            (None, None) => (self.is(r.subject, &s), false),
            (Some(o), Some(object)) => {
                let o = fold(o);
                (
                    self.is(r.subject, &s) && self.is(object, &o),
                    self.rules.is_symmetric(&r.kind) && self.is(r.subject, &o) && self.is(object, &s),
                )
            }
            _ => (false, false),
        };
        (ordered || swapped) && x.args.iter().all(|(k, v)| r.args.get(k).is_some_and(|got| fold(got) == fold(v)))
    }

    fn describe(&self, r: &RelationMatch) -> String {
        let name = |e: usize| self.resolution.entities[e].name.as_str();
        let mut s = format!("{}({}", r.kind, name(r.subject));
        if let Some(o) = r.object {
            s.push_str(&format!(", {}", name(o)));
        }
        for (k, v) in &r.args {
            s.push_str(&format!(", {k}={v}"));
        }
        s.push(')');
        if let Some(rule) = self.rules.rules().get(r.rule) {
            s.push_str(&format!(" [{}]", rule.id));
        }
        s
    }

    /// Why the credited rules did not find what `expected` lists: names no entity answers to, and
    /// how far their nearest patterns got.
    fn why<'x>(&self, expected: impl Iterator<Item = &'x Expected>, credited: &dyn Fn(usize) -> bool) -> Vec<String> {
        let mut why = Vec::new();
        for x in expected {
            for name in std::iter::once(&x.subject).chain(x.object.as_ref()) {
                let folded = fold(name);
                let known = (0..self.resolution.entities.len()).any(|e| self.is(e, &folded));
                let line = format!(
                    "no entity in the sentence answers to \"{name}\": the gazetteers do not know the name, or it \
                     resolved to another entity"
                );
                if !known && !why.contains(&line) {
                    why.push(line);
                }
            }
        }
        let explanation = self.rules.explain_only(self.text, self.resolution, credited);
        if explanation.relations.is_empty() && explanation.near_misses.is_empty() {
            why.push(
                "none of the rule's patterns got past its first part: a word each requires is absent, or no entity \
                 of its first slot's kind stands where it starts"
                    .to_string(),
            );
        }
        for m in &explanation.near_misses {
            if m.negated {
                why.push(format!("`{}` matched, but a negation before its verb cancelled it", m.pattern));
            } else {
                let got: Vec<String> =
                    m.matched.iter().filter(|(l, _)| !l.is_empty()).map(|(l, w)| format!("{l} <- \"{w}\"")).collect();
                let got = if got.is_empty() { String::new() } else { format!(" after {}", got.join(", ")) };
                why.push(format!("`{}` stopped at {}: found {}{got}", m.pattern, m.expected, m.found));
            }
        }
        why
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_quotes_case_and_dashes() {
        assert_eq!(fold("  Kassym\u{2013}Jomart  TOKAYEV "), "kassym-jomart tokayev");
        assert_eq!(fold("\u{201C}Xi\u{201D}"), "xi");
    }
}
