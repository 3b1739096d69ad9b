//! Relations stage: rules that say who did what to whom, and test themselves.
//!
//! A rule file is TOML. Each `[[rule]]` names the relation it finds, gives one or more patterns,
//! and carries examples (sentences with the relations they must yield) and counterexamples
//! (sentences where the rule must not fire):
//!
//! ```toml
//! date = "2025-06-17"          # examples are resolved as of this date
//!
//! [kinds]                      # kind groups used in slots
//! actor = "person|country|organization"
//!
//! [define]                     # fragments used as <name> in patterns
//! talks = "(hold|holds|held|holding) (talks|a meeting)"
//!
//! [[rule]]
//! id = "meet/held-talks"
//! relation = "meet"
//! patterns = [
//!   "{subject:actor} <talks> with {object:actor}",
//!   "in (his|her|their) talks with {object:person} , {subject:person}",
//! ]
//! examples = ["Xi Jinping held talks with Sadyr Japarov. => meet(Xi Jinping, Sadyr Japarov)"]
//! counterexamples = ["Xi Jinping refused to hold talks with Sadyr Japarov."]
//! ```
//!
//! # Patterns
//!
//! A pattern is matched against the *units* of one sentence: its words and punctuation marks, where
//! each entity mention (a whole phrase such as "Chinese President Xi Jinping", with a determiner
//! such as "the" or "his" just before it) is one unit. Words compare with the text's normalised
//! (lower-case) tokens.
//!
//! | part | matches |
//! |---|---|
//! | `talks` | that word, in any case |
//! | `(held\|holds\|hold talks)` | one of the alternatives (each may be several parts) |
//! | `word?`, `[with the]` | an optional part |
//! | `…3` or `...3` | a gap of at most 3 units (at most 12), never across a sentence end |
//! | `/meet(s\|ing)?/` | one word whose whole text matches the regular expression |
//! | `{subject:person\|country}` | one mention of those kinds, or of a person or capital acting for one |
//! | `{object:country+}` | a coordinated list ("Israel, Iran and Syria"): one relation per member |
//! | `{amount:money}` | a named argument: the mention's text lands in the relation's `args` |
//! | `<name>` | the fragment defined as `name` in the file's `[define]` table |
//!
//! A file's `[kinds]` table names groups of kinds for slots (`{subject:actor}`).
//!
//! Every pattern has one `subject` and one `object` slot. A slot without kinds (`{object}`) takes
//! any kind but money. For symmetric relations (`meet`, `agree`, `cooperate`) the order does not
//! matter, so "Xi and Putin held talks" is `{subject:person} and {object:person} held talks`.
//!
//! Negation and modality are checked for every rule (unless it says `negation = false`). A match's
//! *trigger* is its first word that is not an auxiliary ("will", "has", "to", …). A negation
//! ("not", "never", "refused", "didn't", …) in the few words before the trigger (back to the
//! nearest entity or clause mark), among the words of a word-set part such as `<aux>`, or inside a
//! gap cancels the relation; a cancellation right after the match ("the talks … were cancelled")
//! does too. A gap between two commas is a parenthetical and does not count. A modal ("will",
//! "would", "is willing to", "plans", a headline's "to") in the same places keeps the relation with
//! `"mood": "future"` in its args. A rule's `args` table adds fixed arguments.
//!
//! # How it runs
//!
//! All patterns compile together. One Aho-Corasick automaton over the words that each pattern
//! requires picks the sentences where any pattern can fire, so adding rules barely changes
//! throughput. Each candidate pattern then runs as a small backtracking program over the sentence's
//! units, with a step budget and bounded gaps. Identical relations found by several patterns in
//! one sentence are reported once (symmetric kinds ignore order).
//!
//! # Testing rules
//!
//! [`RuleSet::check_examples`] runs every example and counterexample through a real
//! [`Extractor`](crate::Extractor) (gazetteer and resolution included) and returns a [`Report`]:
//!
//! ```
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
//!     .gazetteer_str("people.jsonl", people)?
//!     .rules_str("my-rules.toml", rules)?
//!     .build()?;
//! let report = extractor.rules().check_examples(&extractor);
//! assert!(report.is_ok(), "{report}");
//! # Ok::<(), attache::Error>(())
//! ```

mod check;
mod compile;
mod engine;
mod explain;
mod syntax;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

pub use self::check::{Example, Expected, Failure, Report};
use self::compile::Program;
use self::engine::{Mood, Vm};
pub use self::explain::{Explained, Explanation, NearMiss};
use crate::date::Date;
use crate::document::RelationKind;
use crate::error::{Error, Location, Result};
use crate::resolve::Resolution;
use crate::text::Text;

/// A relation found by a rule, before ids are attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationMatch {
    /// What happened.
    pub kind: RelationKind,
    /// Index into [`Resolution::entities`].
    pub subject: usize,
    /// Index into [`Resolution::entities`].
    pub object: usize,
    /// Index of the rule in its [`RuleSet`].
    pub rule: usize,
    /// Original byte span of the evidence.
    pub start: usize,
    /// Original byte span of the evidence, exclusive.
    pub end: usize,
    /// Named arguments (`amount`, `document`, `mood`).
    pub args: BTreeMap<String, String>,
}

/// One rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Its id, `relation/name`.
    pub id: String,
    /// The relation it finds.
    pub relation: RelationKind,
    /// Where it was defined (its `id`).
    pub location: Location,
    /// Its patterns, as written.
    pub patterns: Vec<String>,
    /// Sentences with the relations they must yield.
    pub examples: Vec<Example>,
    /// Sentences where it must not fire.
    pub counterexamples: Vec<Example>,
    /// Arguments every relation it finds carries.
    pub args: BTreeMap<String, String>,
    /// Whether a negation before its trigger cancels a match.
    pub negation: bool,
    /// The date its examples are resolved as of (the file's `date`).
    pub date: Date,
}

/// The date examples are read as of when their file gives none: fixed, so examples are stable.
const DEFAULT_EXAMPLE_DATE: (i32, u8, u8) = (2025, 1, 1);
/// Relations one sentence may yield: a cap against pathological input.
const MAX_PER_SENTENCE: usize = 64;

#[derive(Debug, Clone)]
struct Pattern {
    rule: usize,
    source: String,
    program: Program,
}

/// The trigger scan: one automaton over every word that some pattern requires.
#[derive(Debug, Clone)]
struct Trigger {
    automaton: AhoCorasick,
    /// Per automaton pattern (word): the rule patterns whose rarest required word it is.
    patterns: Vec<Vec<usize>>,
    /// Per rule pattern: its groups of required words, as automaton pattern ids.
    requires: Vec<Vec<Vec<u32>>>,
    /// Rule patterns without required words: tried on every sentence.
    always: Vec<usize>,
}

/// A compiled set of rules.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
    patterns: Vec<Pattern>,
    trigger: Option<Trigger>,
}

/// The default rule files, embedded at compile time: `(label, contents)`.
pub const DEFAULT_FILES: &[(&str, &str)] = &[("rules/diplomacy.toml", include_str!("../../rules/diplomacy.toml"))];

/// One relation found, with what found it.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub relation: RelationMatch,
    pub pattern: usize,
    /// `(pattern part, words that filled it)`.
    pub parts: Vec<(String, String)>,
}

impl RuleSet {
    /// An empty rule set.
    pub fn new() -> RuleSet {
        RuleSet::default()
    }

    /// The rules.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The number of patterns of all rules.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Adds the rules of a rule file held in memory; `label` names it in errors.
    ///
    /// # Errors
    /// A syntax error in the file or a pattern, an unknown relation or entity kind, a malformed
    /// example ([`Error::Rules`], with file, line and column); a rule id used twice
    /// ([`Error::DuplicateRule`]).
    pub fn add_str(&mut self, label: &str, text: &str) -> Result<()> {
        let file = syntax::parse_file(label, text)?;
        let lines = crate::error::LineIndex::new(label, text);
        let at = |offset: usize| lines.location(offset);
        let fail = |offset: usize, message: String| Error::Rules { location: at(offset), message };
        let date = match &file.date {
            None => Date::new(DEFAULT_EXAMPLE_DATE.0, DEFAULT_EXAMPLE_DATE.1, DEFAULT_EXAMPLE_DATE.2)
                .unwrap_or_else(Date::today),
            Some(d) => d.get_ref().parse().map_err(|e: Error| fail(d.span().start, e.to_string()))?,
        };
        let mut scope = syntax::Scope::default();
        for (name, value) in &file.kinds {
            let mut kinds = Vec::new();
            for k in value.get_ref().split('|') {
                let kind = crate::gazetteer::EntityKind::from_name(k.trim()).ok_or_else(|| {
                    fail(
                        syntax::content_offset(text, value.span()),
                        format!("expected entity kinds separated by `|` in kind group `{name}`, found `{}`", k.trim()),
                    )
                })?;
                kinds.push(kind);
            }
            scope.kinds.insert(name.clone(), kinds);
        }
        // defines may use each other: parse until no more progress
        let mut pending: Vec<(&String, &toml::Spanned<String>)> = file.define.iter().collect();
        while !pending.is_empty() {
            let before = pending.len();
            let mut errors = Vec::new();
            pending.retain(|(name, value)| match syntax::parse_pattern(value.get_ref(), &scope) {
                Ok(parts) => {
                    scope.defines.insert((*name).clone(), parts);
                    false
                }
                Err(e) => {
                    errors.push((syntax::content_offset(text, value.span()) + e.offset, e.message));
                    true
                }
            });
            if pending.len() == before {
                let (offset, message) = errors.swap_remove(0);
                return Err(fail(offset, message));
            }
        }
        let mut set = RuleSet::new();
        let mut regex_cache = std::collections::HashMap::new();
        for spec in &file.rule {
            let spec = spec.get_ref();
            let location = at(spec.id.span().start);
            let id = spec.id.get_ref().trim().to_string();
            if id.is_empty() {
                return Err(fail(
                    spec.id.span().start,
                    "expected a rule id such as `meet/held-talks`, found an empty string".into(),
                ));
            }
            if let Some(first) = self.rules.iter().chain(&set.rules).find(|r| r.id == id) {
                return Err(Error::DuplicateRule { id, location, first: first.location.clone() });
            }
            let relation = RelationKind::from_name(spec.relation.get_ref()).ok_or_else(|| {
                let known: Vec<&str> = RelationKind::ALL.iter().map(|k| k.as_str()).collect();
                fail(
                    syntax::content_offset(text, spec.relation.span()),
                    format!("expected a relation kind ({}), found `{}`", known.join(", "), spec.relation.get_ref()),
                )
            })?;
            if spec.patterns.is_empty() {
                return Err(fail(
                    spec.id.span().start,
                    format!("expected at least one pattern in rule `{id}`, found none"),
                ));
            }
            let rule_index = self.rules.len() + set.rules.len();
            for pattern in &spec.patterns {
                let start = syntax::content_offset(text, pattern.span());
                let parts = syntax::parse_pattern(pattern.get_ref(), &scope).map_err(|e| {
                    fail(start + e.offset, format!("{} (in pattern `{}`)", e.message, pattern.get_ref()))
                })?;
                let program = compile::compile(&parts, &mut regex_cache)
                    .map_err(|m| fail(start, format!("{m} (in pattern `{}`)", pattern.get_ref())))?;
                set.patterns.push(Pattern { rule: rule_index, source: pattern.get_ref().clone(), program });
            }
            let example = |s: &toml::Spanned<String>, counter: bool| -> Result<Example> {
                let start = syntax::content_offset(text, s.span());
                check::parse_example(s.get_ref(), counter)
                    .map(|(sentence, expected)| Example { text: sentence, expected, location: at(start) })
                    .map_err(|(offset, message)| fail(start + offset, message))
            };
            let examples = spec.examples.iter().map(|s| example(s, false)).collect::<Result<Vec<_>>>()?;
            let counterexamples = spec.counterexamples.iter().map(|s| example(s, true)).collect::<Result<Vec<_>>>()?;
            set.rules.push(Rule {
                id,
                relation,
                location,
                patterns: spec.patterns.iter().map(|p| p.get_ref().clone()).collect(),
                examples,
                counterexamples,
                args: spec.args.clone(),
                negation: spec.negation.unwrap_or(true),
                date,
            });
        }
        // the file's rule indices were counted from this set's end already
        self.rules.extend(set.rules);
        self.patterns.extend(set.patterns);
        self.build_trigger()
    }

    /// Adds the rules of `other` after these.
    ///
    /// # Errors
    /// When a rule id repeats.
    pub fn extend(&mut self, other: RuleSet) -> Result<()> {
        for rule in &other.rules {
            if let Some(first) = self.rules.iter().find(|r| r.id == rule.id) {
                return Err(Error::DuplicateRule {
                    id: rule.id.clone(),
                    location: rule.location.clone(),
                    first: first.location.clone(),
                });
            }
        }
        let offset = self.rules.len();
        self.rules.extend(other.rules);
        self.patterns.extend(other.patterns.into_iter().map(|mut p| {
            p.rule += offset;
            p
        }));
        self.build_trigger()
    }

    fn build_trigger(&mut self) -> Result<()> {
        let mut words: Vec<String> = Vec::new();
        let mut index: BTreeMap<String, u32> = BTreeMap::new();
        let mut id = |w: &String, words: &mut Vec<String>| -> u32 {
            *index.entry(w.clone()).or_insert_with(|| {
                words.push(w.clone());
                (words.len() - 1) as u32
            })
        };
        let mut primary: Vec<(u32, usize)> = Vec::new();
        let mut requires = Vec::with_capacity(self.patterns.len());
        let mut always = Vec::new();
        for (p, pattern) in self.patterns.iter().enumerate() {
            match &pattern.program.anchors {
                None => always.push(p),
                Some(anchors) => primary.extend(anchors.iter().map(|w| (id(w, &mut words), p))),
            }
            let groups: Vec<Vec<u32>> = pattern
                .program
                .requires
                .iter()
                .map(|group| {
                    let mut ids: Vec<u32> = group.iter().map(|w| id(w, &mut words)).collect();
                    ids.sort_unstable();
                    ids
                })
                .collect();
            requires.push(groups);
        }
        let mut patterns: Vec<Vec<usize>> = vec![Vec::new(); words.len()];
        for (w, p) in primary {
            patterns[w as usize].push(p);
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&words)
            .map_err(|e| Error::Rules { location: Location::new("<rules>", 0, 0), message: e.to_string() })?;
        self.trigger = Some(Trigger { automaton, patterns, requires, always });
        Ok(())
    }

    /// Finds the relations of a resolved text, in order of position.
    pub fn apply(&self, text: &Text<'_>, resolution: &Resolution) -> Vec<RelationMatch> {
        self.find(text, resolution, None).into_iter().map(|f| f.relation).collect()
    }

    /// Like [`apply`](RuleSet::apply), and says for each relation which rule and pattern found it
    /// and which words filled which part; and, for sentences where a rule could have fired but
    /// none did, how far the nearest patterns got.
    pub fn explain(&self, text: &Text<'_>, resolution: &Resolution) -> Explanation {
        let mut near = Vec::new();
        let found = self.find(text, resolution, Some(&mut near));
        explain::explanation(self, text, resolution, found, near)
    }

    /// The sentences each pattern may fire in: `(sentence, pattern)`, sorted. A pattern is a
    /// candidate where its rarest required word occurs and every other word group it requires too.
    fn candidates(&self, text: &Text<'_>) -> Vec<(usize, usize)> {
        let Some(trigger) = &self.trigger else { return Vec::new() };
        let tokens = text.tokens();
        let mut hits: Vec<(usize, u32)> = Vec::new();
        let bytes = text.normalized().as_bytes();
        let inside_word = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
        // trigger words are single tokens, so at each place the longest one is the only candidate
        let mut t = 0;
        for m in trigger.automaton.find_iter(text.normalized()) {
            // most hits are inside longer words ("aid" in "said"): rule them out before the lookup
            let word = |i: usize| bytes[i].is_ascii_alphanumeric() || bytes[i] >= 0x80;
            if (word(m.start()) && m.start() > 0 && inside_word(m.start() - 1))
                || (word(m.end() - 1) && inside_word(m.end()))
            {
                continue;
            }
            // whole tokens only; hits come in order, so the token cursor only moves forward
            while t < tokens.len() && tokens[t].norm().start < m.start() {
                t += 1;
            }
            if t < tokens.len() && tokens[t].norm().start == m.start() && tokens[t].norm().end == m.end() {
                hits.push((tokens[t].sentence(), m.pattern().as_u32()));
            }
        }
        hits.sort_unstable();
        hits.dedup();
        let mut pairs = Vec::new();
        let mut i = 0;
        while i < hits.len() {
            let sentence = hits[i].0;
            let mut j = i;
            while j < hits.len() && hits[j].0 == sentence {
                j += 1;
            }
            let present: Vec<u32> = hits[i..j].iter().map(|&(_, w)| w).collect();
            for &w in &present {
                for &p in &trigger.patterns[w as usize] {
                    let all =
                        trigger.requires[p].iter().all(|group| group.iter().any(|g| present.binary_search(g).is_ok()));
                    if all {
                        pairs.push((sentence, p));
                    }
                }
            }
            i = j;
        }
        if !trigger.always.is_empty() {
            for s in 0..text.sentences().len() {
                pairs.extend(trigger.always.iter().map(|&p| (s, p)));
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    }

    pub(crate) fn find(
        &self,
        text: &Text<'_>,
        resolution: &Resolution,
        mut near: Option<&mut Vec<(usize, usize, engine::Partial)>>,
    ) -> Vec<Found> {
        let pairs = self.candidates(text);
        let mut out: Vec<Found> = Vec::new();
        let mut i = 0;
        while i < pairs.len() {
            let sentence = pairs[i].0;
            let mut j = i;
            while j < pairs.len() && pairs[j].0 == sentence {
                j += 1;
            }
            let units = engine::units(text, resolution, text.sentences()[sentence].tokens());
            let first = out.len();
            // few relations per sentence: a list beats a hash set
            let mut seen: Vec<(RelationKind, usize, usize)> = Vec::new();
            let mut partials = Vec::new();
            // rule order first, so that a rule listed earlier wins a duplicate
            let mut order: Vec<usize> = pairs[i..j].iter().map(|&(_, p)| p).collect();
            order.sort_by_key(|&p| (self.patterns[p].rule, p));
            'patterns: for p in order {
                let pattern = &self.patterns[p];
                let rule = &self.rules[pattern.rule];
                let mut vm = Vm::new(&pattern.program, &units, text, resolution);
                vm.track = near.is_some();
                let mut fired = false;
                for start in 0..units.len() {
                    if vm.steps > engine::STEP_BUDGET {
                        break;
                    }
                    if pattern.program.starts_with_slot && matches!(units[start].kind, engine::UnitKind::Token(_)) {
                        continue;
                    }
                    let Some(run) = vm.run_at(start) else { continue };
                    let mood = engine::mood(&vm, &run);
                    if mood == Mood::Negated && rule.negation {
                        if vm.track {
                            // say so: the nearest miss is a full match that a negation cancelled
                            vm.partial = engine::Partial { trace: run.trace.clone(), failed_at: None };
                            vm.partial.trace.push((usize::MAX, 0..0));
                        }
                        continue;
                    }
                    let (s, e) = engine::span(&units, &run);
                    let mut args = rule.args.clone();
                    args.extend(engine::slot_args(&vm, &run));
                    if mood == Mood::Future {
                        args.insert("mood".into(), "future".into());
                    }
                    let slot_members = |slot: usize| -> Vec<usize> {
                        let mut v = Vec::new();
                        for (pc, r) in &run.trace {
                            if let compile::Inst::Slot { slot: s, kinds, .. } = pattern.program.insts[*pc] {
                                if s == slot {
                                    v.extend(engine::members(&vm, r.clone(), kinds).into_iter().map(|(e, _)| e));
                                }
                            }
                        }
                        v
                    };
                    let (subjects, objects) = (slot_members(0), slot_members(1));
                    let parts: Vec<(String, String)> = if near.is_some() {
                        run.trace
                            .iter()
                            .map(|(pc, r)| {
                                (
                                    pattern.program.labels[*pc].clone(),
                                    engine::units_text(text, &units, r.clone()).to_string(),
                                )
                            })
                            .collect()
                    } else {
                        Vec::new()
                    };
                    for &subject in &subjects {
                        for &object in &objects {
                            if subject == object {
                                continue;
                            }
                            let key = if rule.relation.is_symmetric() {
                                (rule.relation, subject.min(object), subject.max(object))
                            } else {
                                (rule.relation, subject, object)
                            };
                            if seen.contains(&key) {
                                continue;
                            }
                            seen.push(key);
                            fired = true;
                            out.push(Found {
                                relation: RelationMatch {
                                    kind: rule.relation,
                                    subject,
                                    object,
                                    rule: pattern.rule,
                                    start: s,
                                    end: e,
                                    args: args.clone(),
                                },
                                pattern: p,
                                parts: parts.clone(),
                            });
                            if out.len() - first >= MAX_PER_SENTENCE {
                                break 'patterns;
                            }
                        }
                    }
                }
                if !fired && vm.track {
                    partials.push((sentence, p, std::mem::take(&mut vm.partial)));
                }
            }
            if out.len() == first {
                if let Some(near) = near.as_deref_mut() {
                    near.extend(partials);
                }
            }
            out[first..].sort_by_key(|f| (f.relation.start, f.relation.end));
            i = j;
        }
        out
    }

    pub(crate) fn pattern_source(&self, p: usize) -> (&Rule, &str) {
        let pattern = &self.patterns[p];
        (&self.rules[pattern.rule], &pattern.source)
    }

    pub(crate) fn pattern_program(&self, p: usize) -> &Program {
        &self.patterns[p].program
    }
}
