//! Loading rule files into a [`RuleSet`]: the embedded defaults and the prelude, parsing each
//! file's kinds, defines, rules and examples, adding another set, and dropping replaced rules.

use std::collections::BTreeMap;

use super::compile;
use super::engine::Moods;
use super::example::{self, Example};
use super::index::WordId;
use super::kinds;
use super::syntax;
use super::{Pattern, Rule, RuleSet};
use crate::date::Date;
use crate::error::{Error, Location, Result};
use crate::lexicon::ListId;

/// The date examples are read as of when their file gives none: fixed, so examples are stable.
const DEFAULT_EXAMPLE_DATE: (i32, u8, u8) = (2025, 1, 1);

/// Parses the `[define]` entries of a file into `scope`: defines may use each other, so they parse
/// until no more progress. The error is a byte offset into `text` and a message.
fn define_all(
    scope: &mut syntax::Scope,
    defines: &BTreeMap<String, toml::Spanned<String>>,
    text: &str,
) -> std::result::Result<(), (usize, String)> {
    let mut pending: Vec<(&String, &toml::Spanned<String>)> = defines.iter().collect();
    while !pending.is_empty() {
        let before = pending.len();
        let mut errors = Vec::new();
        pending.retain(|(name, value)| match syntax::parse_pattern(value.get_ref(), scope) {
            Ok(parts) => {
                scope.defines.insert((*name).clone(), std::sync::Arc::new(syntax::Define::new(name, parts)));
                false
            }
            Err(e) => {
                errors.push((syntax::content_offset(text, value.span()) + e.offset, e.message));
                true
            }
        });
        if pending.len() == before {
            return Err(errors.swap_remove(0));
        }
    }
    Ok(())
}

/// The prelude of the rule language (`rules/common.toml`): kind groups and defines every file
/// may use.
pub const PRELUDE: (&str, &str) = ("rules/common.toml", include_str!("../../rules/common.toml"));

pub(super) static PRELUDE_SCOPE: once_cell::sync::Lazy<std::result::Result<std::sync::Arc<syntax::Scope>, String>> =
    once_cell::sync::Lazy::new(|| {
        let (label, text) = PRELUDE;
        let file = syntax::read_embedded(label, text).map_err(|e| e.to_string())?;
        let mut scope = syntax::Scope::default();
        for (name, value) in &file.kinds {
            let toml::Value::String(group) = value.get_ref() else { continue };
            let kinds: Option<Vec<crate::gazetteer::EntityKind>> =
                group.split('|').map(|k| crate::gazetteer::EntityKind::from_name(k.trim())).collect();
            scope.kinds.insert(name.clone(), kinds.ok_or_else(|| format!("{label}: bad kind group `{name}`"))?);
        }
        define_all(&mut scope, &file.define, text)
            .map_err(|(offset, message)| format!("{}: {message}", Location::from_offset(label, text, offset)))?;
        Ok(std::sync::Arc::new(scope))
    });

/// The default rule files, embedded at compile time: `(label, contents)`.
pub const DEFAULT_FILES: &[(&str, &str)] = &[
    ("rules/diplomacy.toml", include_str!("../../rules/diplomacy.toml")),
    // cooperative event types, one file each
    ("rules/agree.toml", include_str!("../../rules/agree.toml")),
    ("rules/consult.toml", include_str!("../../rules/consult.toml")),
    ("rules/support.toml", include_str!("../../rules/support.toml")),
    ("rules/concede.toml", include_str!("../../rules/concede.toml")),
    ("rules/cooperate.toml", include_str!("../../rules/cooperate.toml")),
    ("rules/aid.toml", include_str!("../../rules/aid.toml")),
    ("rules/retreat.toml", include_str!("../../rules/retreat.toml")),
    ("rules/request.toml", include_str!("../../rules/request.toml")),
    // conflictual event types, one file each
    ("rules/accuse.toml", include_str!("../../rules/accuse.toml")),
    ("rules/reject.toml", include_str!("../../rules/reject.toml")),
    ("rules/threaten.toml", include_str!("../../rules/threaten.toml")),
    ("rules/protest.toml", include_str!("../../rules/protest.toml")),
    ("rules/sanction.toml", include_str!("../../rules/sanction.toml")),
    ("rules/mobilize.toml", include_str!("../../rules/mobilize.toml")),
    ("rules/coerce.toml", include_str!("../../rules/coerce.toml")),
    ("rules/assault.toml", include_str!("../../rules/assault.toml")),
];

impl RuleSet {
    /// Adds the rules of a rule file held in memory; `label` names it in errors.
    ///
    /// # Errors
    /// A syntax error in the file or a pattern, an unknown relation or entity kind, a malformed
    /// example ([`Error::Rules`], with file, line and column); a rule id used twice
    /// ([`Error::DuplicateRule`]).
    pub fn add_str(&mut self, label: &str, text: &str) -> Result<()> {
        self.add_file_rules(label, text)?;
        self.build_trigger()
    }

    /// Adds the default rule files ([`DEFAULT_FILES`], read from their binary form), with the
    /// trigger's tables (over every pattern so far) built once at the end rather than after each
    /// file.
    pub(crate) fn add_defaults(&mut self) -> Result<()> {
        for (label, text) in DEFAULT_FILES {
            self.add_parsed_rules(label, text, syntax::read_embedded(label, text)?)?;
        }
        self.build_trigger()
    }

    /// The rules of one file, added without building the trigger.
    fn add_file_rules(&mut self, label: &str, text: &str) -> Result<()> {
        self.add_parsed_rules(label, text, syntax::parse_file(label, text)?)
    }

    /// The rules of one file read as `file` from `text`, added without building the trigger.
    fn add_parsed_rules(&mut self, label: &str, text: &str, file: syntax::File) -> Result<()> {
        let lines = crate::error::LineIndex::new(label, text);
        let at = |offset: usize| lines.location(offset);
        let fail = |offset: usize, message: String| Error::Rules { location: at(offset), message };
        let date = match &file.date {
            None => Date::new(DEFAULT_EXAMPLE_DATE.0, DEFAULT_EXAMPLE_DATE.1, DEFAULT_EXAMPLE_DATE.2)
                .unwrap_or_else(Date::today),
            Some(d) => d.get_ref().parse().map_err(|e: Error| fail(d.span().start, e.to_string()))?,
        };
        // the prelude's names, less those the file defines itself (which shadow them, and may
        // refer to each other)
        let mut scope = (*self.prelude).clone();
        for name in file.define.keys() {
            scope.defines.remove(name);
        }
        // relation kinds this file declares: into a copy, kept only if the whole file compiles (a
        // file that declares none reads the set's table as it is)
        let mut kind_table = std::borrow::Cow::Borrowed(&self.kinds);
        for (name, value) in &file.kinds {
            let toml::Value::String(group) = value.get_ref() else {
                kind_table.to_mut().declare_value(&lines, name, value)?;
                continue;
            };
            let mut kinds = Vec::new();
            for k in group.split('|') {
                let kind = crate::gazetteer::EntityKind::from_name(k.trim()).ok_or_else(|| {
                    fail(
                        syntax::content_offset(text, value.span()),
                        format!(
                            "expected entity kinds separated by `|` in kind group `{name}` (or a table declaring a relation kind), found `{}`",
                            k.trim()
                        ),
                    )
                })?;
                kinds.push(kind);
            }
            scope.kinds.insert(name.clone(), kinds);
        }
        define_all(&mut scope, &file.define, text).map_err(|(offset, message)| fail(offset, message))?;
        let declared = match kind_table {
            std::borrow::Cow::Owned(table) => Some(table),
            std::borrow::Cow::Borrowed(_) => None,
        };
        let kind_table = declared.as_ref().unwrap_or(&self.kinds);
        // the file's rules and patterns, added to the set once the whole file compiles; the
        // patterns name words and sets of this rule set directly
        let (mut rules, mut patterns): (Vec<Rule>, Vec<Pattern>) = (Vec::new(), Vec::new());
        let mut cx = compile::Context {
            vocab: &mut self.vocab,
            sets: &mut self.sets,
            regexes: &mut self.regexes,
            set_ids: rustc_hash::FxHashMap::default(),
            common: &self.lexicon[ListId::CommonTriggerWords],
        };
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
            if let Some(first) = rules.iter().find(|r| r.id == id) {
                return Err(Error::DuplicateRule { id, location, first: first.location.clone() });
            }
            if let Some(first) = self.rules.iter().find(|r| r.id == id) {
                if !spec.replace {
                    return Err(Error::DuplicateRule { id, location, first: first.location.clone() });
                }
            }
            let relation_name = spec.relation.get_ref().trim();
            let kind = kind_table.id(relation_name).ok_or_else(|| {
                fail(
                    syntax::content_offset(text, spec.relation.span()),
                    format!(
                        "expected a relation kind ({}, or one the file declares as `[kinds.{relation_name}]`), found `{relation_name}`",
                        kind_table.names()
                    ),
                )
            })?;
            let relation = kind_table.get(kind).name.clone();
            if let Some(code) = &spec.cameo {
                if kinds::cameo_event(code.get_ref()).is_none() {
                    return Err(fail(
                        syntax::content_offset(text, code.span()),
                        format!("expected a CAMEO code of rules/cameo-plover.tsv, found `{}`", code.get_ref()),
                    ));
                }
            }
            if spec.patterns.is_empty() {
                return Err(fail(
                    spec.id.span().start,
                    format!("expected at least one pattern in rule `{id}`, found none"),
                ));
            }
            let rule_index = self.rules.len() + rules.len();
            for pattern in &spec.patterns {
                let start = syntax::content_offset(text, pattern.span());
                let parts = syntax::parse_pattern(pattern.get_ref(), &scope).map_err(|e| {
                    fail(start + e.offset, format!("{} (in pattern `{}`)", e.message, pattern.get_ref()))
                })?;
                let program = compile::compile(&parts, &mut cx)
                    .map_err(|m| fail(start, format!("{m} (in pattern `{}`)", pattern.get_ref())))?;
                patterns.push(Pattern { rule: rule_index, source: pattern.get_ref().clone(), program });
            }
            let example = |s: &toml::Spanned<String>, counter: bool| -> Result<Example> {
                let start = syntax::content_offset(text, s.span());
                example::parse_example(s.get_ref(), counter)
                    .map(|(sentence, expected)| Example { text: sentence, expected, location: at(start) })
                    .map_err(|(offset, message)| fail(start + offset, message))
            };
            let examples = spec.examples.iter().map(|s| example(s, false)).collect::<Result<Vec<_>>>()?;
            for x in examples.iter().flat_map(|e| &e.expected) {
                if kind_table.id(x.kind.as_str()).is_none() {
                    let at_example = examples.iter().find(|e| e.expected.contains(x)).map(|e| e.location.clone());
                    return Err(Error::Rules {
                        location: at_example.unwrap_or_else(|| location.clone()),
                        message: format!("expected a relation kind ({}), found `{}`", kind_table.names(), x.kind),
                    });
                }
            }
            let counterexamples = spec.counterexamples.iter().map(|s| example(s, true)).collect::<Result<Vec<_>>>()?;
            rules.push(Rule {
                id,
                relation,
                kind,
                cameo: spec.cameo.as_ref().map(|c| c.get_ref().clone()),
                mode: spec.mode.clone(),
                replace: spec.replace,
                location,
                patterns: spec.patterns.iter().map(|p| p.get_ref().clone()).collect(),
                examples,
                counterexamples,
                args: spec.args.clone(),
                negation: spec.negation.unwrap_or(true),
                date,
            });
        }
        if let Some(table) = declared {
            self.kinds = table;
        }
        // the file's rule indices were counted from this set's end already
        self.rules.extend(rules);
        self.patterns.extend(patterns);
        self.remove_replaced();
        Ok(())
    }

    /// Adds the rules of `other` after these.
    ///
    /// # Errors
    /// When a rule id repeats.
    pub fn extend(&mut self, other: RuleSet) -> Result<()> {
        for rule in &other.rules {
            if let Some(first) = self.rules.iter().find(|r| r.id == rule.id) {
                if !rule.replace {
                    return Err(Error::DuplicateRule {
                        id: rule.id.clone(),
                        location: rule.location.clone(),
                        first: first.location.clone(),
                    });
                }
            }
        }
        if self.rules.is_empty() {
            let kinds = std::mem::take(&mut self.kinds);
            // the set's own word lists stay: `other` was compiled with the same ones
            let lexicon = self.lexicon.clone();
            let same_lists = std::sync::Arc::ptr_eq(&lexicon, &other.lexicon);
            *self = other;
            self.lexicon = lexicon;
            // and the trigger's table of mood words is made of them
            if !same_lists {
                self.trigger.moods = Moods::new(&self.lexicon);
            }
            self.kinds.merge(&kinds)?;
            return Ok(());
        }
        let kind_ids = self.kinds.merge(&other.kinds)?;
        if other.rules.is_empty() {
            return Ok(());
        }
        let RuleSet { mut rules, patterns, vocab, sets, .. } = other;
        for rule in &mut rules {
            rule.kind = kind_ids[rule.kind.index()];
        }
        // the other set's words and word sets get ids of this one
        let words: Vec<WordId> = WordId::all(vocab.len()).map(|w| self.vocab.intern(vocab.word(w))).collect();
        let first_set = self.sets.len();
        self.sets.extend(sets.iter().map(|set| {
            let mut ids: Vec<WordId> = set.iter().map(|&w| words[w]).collect();
            ids.sort_unstable();
            ids.into_boxed_slice()
        }));
        let offset = self.rules.len();
        self.rules.extend(rules);
        self.patterns.extend(patterns.into_iter().map(|mut p| {
            p.rule += offset;
            p.program.relink(&words, first_set);
            p
        }));
        self.remove_replaced();
        self.build_trigger()
    }

    /// Drops the rules that later rules with `replace = true` and the same id replace.
    fn remove_replaced(&mut self) {
        if !self.rules.iter().any(|r| r.replace) {
            return;
        }
        let replaced: Vec<usize> = (0..self.rules.len())
            .filter(|&i| self.rules[i + 1..].iter().any(|later| later.replace && later.id == self.rules[i].id))
            .collect();
        if replaced.is_empty() {
            return;
        }
        // rule indices shift down past each removed rule
        let new_index: Vec<Option<usize>> = {
            let mut next = 0;
            (0..self.rules.len())
                .map(|i| {
                    if replaced.contains(&i) {
                        None
                    } else {
                        next += 1;
                        Some(next - 1)
                    }
                })
                .collect()
        };
        self.patterns.retain(|p| new_index[p.rule].is_some());
        for p in &mut self.patterns {
            p.rule = new_index[p.rule].unwrap_or(p.rule);
        }
        let mut i = 0;
        self.rules.retain(|_| {
            i += 1;
            new_index[i - 1].is_some()
        });
    }
}
