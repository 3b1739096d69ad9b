//! Why a relation was found, and why none was: for `attache extract --explain`.

use std::collections::BTreeMap;
use std::fmt;

use super::engine::{self, Partial};
use super::{Found, RuleSet};
use crate::document::RelationKind;
use crate::resolve::Resolution;
use crate::text::Text;

/// Near misses reported per sentence.
const NEAR_MISSES: usize = 3;

/// A relation with the rule, the pattern and the words that filled each part of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    /// What happened.
    pub kind: RelationKind,
    /// The subject's name.
    pub subject: String,
    /// The object's name; `None` for a one-party event.
    pub object: Option<String>,
    /// Its arguments.
    pub args: BTreeMap<String, String>,
    /// The rule's id.
    pub rule: String,
    /// The pattern that matched, as written.
    pub pattern: String,
    /// The evidence as written.
    pub evidence: String,
    /// Each part of the pattern that consumed words, with the words (`("{object:person}", "Putin")`).
    pub parts: Vec<(String, String)>,
}

/// A pattern that could have fired in a sentence where nothing did, and how far it got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NearMiss {
    /// The sentence as written.
    pub sentence: String,
    /// The rule's id.
    pub rule: String,
    /// The pattern, as written.
    pub pattern: String,
    /// The parts it matched, with their words.
    pub matched: Vec<(String, String)>,
    /// Whether it matched in full, but a negation before its verb cancelled it.
    pub negated: bool,
    /// The part it stopped at (empty when negated).
    pub expected: String,
    /// What the sentence had there (`end of sentence` when nothing).
    pub found: String,
}

/// Relations with their reasons, and near misses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Explanation {
    /// Each relation found.
    pub relations: Vec<Explained>,
    /// For sentences with no relation: the patterns that got furthest.
    pub near_misses: Vec<NearMiss>,
}

fn parts(f: &mut fmt::Formatter<'_>, parts: &[(String, String)]) -> fmt::Result {
    for (label, words) in parts {
        if !label.is_empty() {
            writeln!(f, "      {label:<28} <- {}", if words.is_empty() { "(nothing)" } else { words })?;
        }
    }
    Ok(())
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for r in &self.relations {
            let args: Vec<String> = r.args.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let args = if args.is_empty() { String::new() } else { format!(" [{}]", args.join(", ")) };
            let object = r.object.as_deref().map(|o| format!(", {o}")).unwrap_or_default();
            writeln!(f, "  {}({}{object}){args}  by {}", r.kind, r.subject, r.rule)?;
            writeln!(f, "    evidence: \"{}\"", r.evidence)?;
            writeln!(f, "    pattern:  {}", r.pattern)?;
            parts(f, &r.parts)?;
        }
        let mut last = None;
        for m in &self.near_misses {
            if last != Some(&m.sentence) {
                writeln!(f, "  no relation in: \"{}\"", m.sentence)?;
                last = Some(&m.sentence);
            }
            writeln!(f, "    nearest: {}  `{}`", m.rule, m.pattern)?;
            parts(f, &m.matched)?;
            if m.negated {
                writeln!(f, "      matched, but cancelled by a negation before its verb")?;
            } else {
                writeln!(f, "      stopped at {}: found {}", m.expected, m.found)?;
            }
        }
        Ok(())
    }
}

pub(crate) fn explanation(
    rules: &RuleSet,
    text: &Text<'_>,
    resolution: &Resolution,
    found: Vec<Found>,
    mut near: Vec<(usize, usize, Partial)>,
) -> Explanation {
    let name = |e: usize| resolution.entities[e].name.clone();
    let relations = found
        .into_iter()
        .map(|f| {
            let (rule, pattern) = rules.pattern_source(f.pattern);
            Explained {
                kind: f.relation.kind,
                subject: name(f.relation.subject),
                object: f.relation.object.map(name),
                args: f.relation.args.clone(),
                rule: rule.id.clone(),
                pattern: pattern.to_string(),
                evidence: text.original()[f.relation.start..f.relation.end].to_string(),
                parts: f.parts,
            }
        })
        .collect();
    // cancelled full matches first, then furthest first, within each sentence
    near.retain(|(_, _, p)| !p.trace.is_empty());
    let cancelled = |p: &Partial| p.failed_at.is_none();
    near.sort_by_key(|(s, p, partial)| (*s, !cancelled(partial), usize::MAX - partial.trace.len(), *p));
    let mut near_misses = Vec::new();
    let mut count = 0;
    let mut last = None;
    for (sentence, p, partial) in near {
        if last != Some(sentence) {
            count = 0;
            last = Some(sentence);
        }
        count += 1;
        if count > NEAR_MISSES {
            continue;
        }
        let s = &text.sentences()[sentence];
        let units = rules.units(text, resolution, sentence);
        let program = rules.pattern_program(p);
        let (rule, pattern) = rules.pattern_source(p);
        let cancelled = partial.trace.last().is_some_and(|(pc, _)| *pc == usize::MAX);
        let trace = &partial.trace[..partial.trace.len() - usize::from(cancelled)];
        let (expected, found) = match partial.failed_at {
            Some((pc, pos)) => (
                program.group(pc).to_string(),
                if pos < units.len() {
                    format!("\"{}\"", engine::units_text(text, &units, pos..pos + 1))
                } else {
                    "end of sentence".to_string()
                },
            ),
            None => (String::new(), String::new()),
        };
        near_misses.push(NearMiss {
            sentence: text.original()[s.start()..s.end()].to_string(),
            rule: rule.id.clone(),
            pattern: pattern.to_string(),
            matched: trace
                .iter()
                .map(|(pc, r)| {
                    (program.labels[*pc].to_string(), engine::units_text(text, &units, r.clone()).to_string())
                })
                .collect(),
            negated: cancelled,
            expected,
            found,
        });
    }
    Explanation { relations, near_misses }
}
