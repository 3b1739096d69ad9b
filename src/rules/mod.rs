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
//! All patterns compile together, and every word they name gets a small id. Every pattern has a
//! slot, so a sentence without a mention is passed over before any word is looked up. Each token
//! of the others is looked up once: a sentence is a candidate for a pattern only if it holds the
//! pattern's rarest required word and one of each other group of words the pattern requires, and
//! mentions that can fill the slots every match has, so rules cost only where their words occur,
//! and adding rules barely changes throughput. Each candidate pattern then runs as a small
//! backtracking program over the sentence's units (comparing word ids, trying the one-word
//! branches of an alternation at once), from the units where a match can start: no later than the
//! last of its rarest words, nor than where the parts every match has (words, word sets, slots,
//! read off the program) still fit in order. (A near miss for `--explain` is looked for wherever a
//! pattern's words occur, from every unit.) A run has a step budget and bounded gaps and lists,
//! and once it has taken a few hundred steps it remembers the (instruction, unit) states that
//! failed, so a sentence costs at most its units times the pattern's instructions.
//!
//! One event, one row: a relation found again in its sentence (same kind and parties; symmetric
//! kinds ignore order) is reported once. When the finding comes from another rule, its evidence
//! overlaps the first's and it reports the same event (type, mode, CAMEO code) in the same mood,
//! the rule joins the relation's `rules` (the first rule stays `rule`) and the arguments only it
//! found join the relation's; a finding that reports another event is dropped.
//!
//! # Testing rules
//!
//! A rule's examples and counterexamples run through the whole pipeline (gazetteer and resolution
//! included) in the [`check`](crate::check) module, which sits above this stage: an example passes
//! only when the rule it belongs to finds the relations it lists, a counterexample fails when that
//! rule finds anything, whatever the other rules do, and a rule without examples is reported.

mod compact;
mod compile;
mod engine;
mod example;
mod explain;
mod index;
mod kinds;
mod load;
mod needs;
mod syntax;
mod word_regex;

use std::collections::BTreeMap;

use self::compile::{Program, Vocab, NO_WORD};
use self::engine::{Mood, Moods, Scratch, Vm, WordSets};
pub use self::example::{Example, Expected};
pub use self::explain::{Explained, Explanation, NearMiss};
use self::index::{GroupId, PatternId, UnitId, WordId};
pub use self::kinds::{KindDef, DEFAULT_KINDS};
pub(crate) use self::kinds::{KindId, KindTable};
use self::load::PRELUDE_SCOPE;
pub use self::load::{DEFAULT_FILES, PRELUDE};
use crate::date::Date;
use crate::document::RelationKind;
use crate::error::{Location, Result};
use crate::lexicon::{Lexicon, ListId};
use crate::resolve::Resolution;
use crate::text::Text;

/// A relation found by a rule, before ids are attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationMatch {
    /// What happened.
    pub kind: RelationKind,
    /// Index into [`Resolution::entities`].
    pub subject: usize,
    /// Index into [`Resolution::entities`]; `None` for a one-party event.
    pub object: Option<usize>,
    /// Index of the rule in its [`RuleSet`]: the first that found it.
    pub rule: usize,
    /// When several rules found this very relation (same kind, parties, event and mood, evidence
    /// overlapping in one sentence): all of them, `rule` first; empty when `rule` alone did.
    pub rules: Vec<usize>,
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
    /// Its kind in the rule set's kind table.
    pub(crate) kind: KindId,
    /// A CAMEO code more specific than its kind's.
    pub cameo: Option<String>,
    /// A PLOVER mode more specific than its kind's.
    pub mode: Option<String>,
    /// Whether it replaces an earlier rule with the same id.
    pub replace: bool,
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

/// What makes two findings one relation: kind, subject, object (symmetric kinds ordered).
type RelationKey = (KindId, usize, Option<usize>);

/// Relations one sentence may yield: a cap against pathological input.
const MAX_PER_SENTENCE: usize = 64;

#[derive(Debug, Clone)]
struct Pattern {
    rule: usize,
    source: String,
    program: Program,
}

/// What the trigger scan needs, built once all patterns are compiled.
#[derive(Debug, Clone, Default)]
struct Trigger {
    /// Per word id, where its patterns start in `anchored` (one more entry at the end).
    starts: Vec<u32>,
    /// The patterns whose rarest required words hold the word, for each word in turn.
    anchored: Vec<PatternId>,
    /// Patterns without required words: tried on every sentence when explaining (their near
    /// misses are wanted everywhere).
    always: Vec<usize>,
    /// Patterns without anchors nor a word every match holds: tried on every sentence.
    loose: Vec<usize>,
    /// Per pattern, whether its anchor is a word of the program (the first that every match holds) rather
    /// than the rarest required words of its syntax: such patterns are in `anchored`, and among
    /// the `always` ones.
    by_program: Vec<bool>,
    /// Per pattern, its anchors: the rarest required words, or the word every match holds.
    anchors: Vec<Option<Box<[WordId]>>>,
    /// The kinds of mentions each pattern needs in a sentence.
    needs: needs::Needs,
    /// The word lists of negation and modality of the set's lexicon, as one table.
    moods: Moods,
    /// The distinct groups of words that patterns require besides their anchors.
    groups: Vec<Box<[WordId]>>,
    /// Per pattern, the groups it requires besides its anchors (indices into `groups`).
    requires: Vec<Box<[GroupId]>>,
    /// The word sets, as bit sets over the vocabulary.
    sets: WordSets,
}

/// A compiled set of rules.
#[derive(Debug, Clone)]
pub struct RuleSet {
    rules: Vec<Rule>,
    /// The relation kinds: the built-in table and those the files declared.
    kinds: KindTable,
    /// The names every file may use (`rules/common.toml`).
    prelude: std::sync::Arc<syntax::Scope>,
    patterns: Vec<Pattern>,
    /// Every word the patterns name.
    vocab: Vocab,
    /// Word sets (regular expressions that are only alternations of words), as sorted word ids.
    sets: Vec<Box<[WordId]>>,
    /// The word regexes compiled so far, by source, for the files added next.
    regexes: rustc_hash::FxHashMap<String, word_regex::WordRegex>,
    trigger: Trigger,
    /// The word lists the rules read: common words, negation and modality.
    lexicon: std::sync::Arc<Lexicon>,
}

/// One relation found, with what found it.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub relation: RelationMatch,
    pub pattern: usize,
    /// `(pattern part, words that filled it)`.
    pub parts: Vec<(String, String)>,
}

impl Default for RuleSet {
    fn default() -> RuleSet {
        RuleSet {
            rules: Vec::new(),
            kinds: KindTable::defaults(),
            prelude: match &*PRELUDE_SCOPE {
                Ok(scope) => scope.clone(),
                // the embedded prelude is checked by the tests: an error here is a build defect
                Err(e) => panic!("the embedded rule prelude is invalid: {e}"),
            },
            patterns: Vec::new(),
            vocab: Vocab::default(),
            sets: Vec::new(),
            regexes: rustc_hash::FxHashMap::default(),
            trigger: Trigger::default(),
            lexicon: Lexicon::embedded().clone(),
        }
    }
}

impl RuleSet {
    /// An empty rule set that knows the built-in relation kinds (`rules/kinds.toml`).
    pub fn new() -> RuleSet {
        RuleSet::default()
    }

    /// An empty rule set that reads the words of `lexicon`.
    pub(crate) fn with_lexicon(lexicon: std::sync::Arc<Lexicon>) -> RuleSet {
        RuleSet { vocab: Vocab::new(&lexicon[ListId::Determiners]), lexicon, ..RuleSet::default() }
    }

    /// The relation kinds this set knows, built-in and declared, in order of declaration.
    pub fn kinds(&self) -> impl Iterator<Item = &KindDef> {
        self.kinds.iter()
    }

    /// The kind named `name`.
    pub fn kind(&self, name: &str) -> Option<&KindDef> {
        self.kinds.id(name).map(|id| self.kinds.get(id))
    }

    /// The event a relation found by these rules reports: its kind's, refined by its rule, and
    /// an intent (AGREE) when a cooperative kind is stated for the future.
    pub fn event_of(&self, relation: &RelationMatch) -> crate::event::Event {
        let future = relation.args.get("mood").is_some_and(|m| m == "future");
        match self.rules.get(relation.rule) {
            Some(rule) => self.kinds.event(rule.kind, rule.cameo.as_deref(), rule.mode.as_deref(), future),
            None => match self.kinds.id(relation.kind.as_str()) {
                Some(id) => self.kinds.event(id, None, None, future),
                None => crate::event::Event {
                    event_type: crate::event::EventType::Consult,
                    mode: String::new(),
                    cameo: String::new(),
                },
            },
        }
    }

    /// Whether relations of `kind` hold both ways (`meet`): subject and object are interchangeable.
    pub fn is_symmetric(&self, kind: &RelationKind) -> bool {
        self.kinds.id(kind.as_str()).is_some_and(|id| self.kinds.get(id).symmetric)
    }

    /// The rules.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Whether the set has no rules and declares no kinds of its own.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty() && self.kinds.is_default()
    }

    /// The number of patterns of all rules.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    fn build_trigger(&mut self) -> Result<()> {
        let mut anchored: Vec<(WordId, PatternId)> = Vec::new();
        let mut always = Vec::new();
        let mut loose = Vec::new();
        let mut by_program = vec![false; self.patterns.len()];
        let mut pattern_anchors = Vec::with_capacity(self.patterns.len());
        let (needs, required_words) = needs::Needs::new(self.patterns.iter().map(|p| &p.program));
        let mut groups: Vec<Box<[WordId]>> = Vec::new();
        let mut group_ids: std::collections::HashMap<&[WordId], GroupId> = std::collections::HashMap::new();
        let mut requires = Vec::with_capacity(self.patterns.len());
        for (p, pattern) in self.patterns.iter().enumerate() {
            match &pattern.program.anchors {
                None => {
                    always.push(p);
                    // a pattern of optional words around a mark ("{subject} - {object} …") runs
                    // only where the mark is
                    match required_words[p] {
                        Some(w) => {
                            by_program[p] = true;
                            anchored.push((w, PatternId::new(p)));
                            pattern_anchors.push(Some([w].into()));
                        }
                        None => {
                            loose.push(p);
                            pattern_anchors.push(None);
                        }
                    }
                }
                Some(anchors) => {
                    anchored.extend(anchors.iter().map(|&w| (w, PatternId::new(p))));
                    pattern_anchors.push(Some(anchors.as_slice().into()));
                }
            }
            let ids: Vec<GroupId> = pattern
                .program
                .requires
                .iter()
                .map(|group| {
                    *group_ids.entry(group).or_insert_with(|| {
                        groups.push(group.as_slice().into());
                        GroupId::new(groups.len() - 1)
                    })
                })
                .collect();
            requires.push(ids.into_boxed_slice());
        }
        anchored.sort_unstable();
        let mut starts = Vec::with_capacity(self.vocab.len() + 1);
        // (offsets into `anchored`, which holds fewer than 2^32 entries: one per anchor word of a
        // pattern)
        let offset = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        let mut i = 0;
        for w in WordId::all(self.vocab.len()) {
            starts.push(offset(i));
            while i < anchored.len() && anchored[i].0 == w {
                i += 1;
            }
        }
        starts.push(offset(i));
        let anchored = anchored.into_iter().map(|(_, p)| p).collect();
        let sets = WordSets::new(&self.sets, self.vocab.len());
        self.trigger = Trigger {
            starts,
            anchored,
            always,
            loose,
            by_program,
            anchors: pattern_anchors,
            needs,
            moods: Moods::new(&self.lexicon),
            groups,
            requires,
            sets,
        };
        Ok(())
    }

    /// Finds the relations of a resolved text, in order of position.
    #[inline(never)]
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

    /// Like [`explain`](RuleSet::explain), for the rules `keep` selects alone.
    pub(crate) fn explain_only(
        &self,
        text: &Text<'_>,
        resolution: &Resolution,
        keep: &dyn Fn(usize) -> bool,
    ) -> Explanation {
        let mut near = Vec::new();
        let found = self.find_only(text, resolution, Some(&mut near), keep);
        explain::explanation(self, text, resolution, found, near)
    }

    /// The sentences each pattern may fire in: `(sentence, pattern)`, sorted.
    #[cfg(test)]
    pub(crate) fn candidates(&self, text: &Text<'_>) -> Vec<(usize, usize)> {
        let mut scan = Scan::new(self, text.sentences().len());
        let mut pairs = Vec::new();
        for s in 0..text.sentences().len() {
            scan.sentence(text, s, true);
            pairs.extend(scan.t.order.iter().map(|&p| (s, p)));
        }
        pairs
    }

    /// The units of sentence `s`.
    pub(crate) fn units(&self, text: &Text<'_>, resolution: &Resolution, s: usize) -> Vec<engine::Unit> {
        let tokens = text.sentences()[s].tokens();
        let words: Vec<WordId> = tokens.clone().map(|t| self.vocab.id(text.token_text(t).as_bytes())).collect();
        engine::units(text, resolution, tokens, &words, self.vocab.determiners())
    }

    pub(crate) fn find(
        &self,
        text: &Text<'_>,
        resolution: &Resolution,
        near: Option<&mut Vec<(usize, usize, engine::Partial)>>,
    ) -> Vec<Found> {
        self.find_with(text, resolution, near, engine::MEMO_AFTER, None)
    }

    /// [`RuleSet::find`] with only the rules `keep` selects (by index): what those rules find on
    /// their own, and their near misses.
    pub(crate) fn find_only(
        &self,
        text: &Text<'_>,
        resolution: &Resolution,
        near: Option<&mut Vec<(usize, usize, engine::Partial)>>,
        keep: &dyn Fn(usize) -> bool,
    ) -> Vec<Found> {
        self.find_with(text, resolution, near, engine::MEMO_AFTER, Some(keep))
    }

    /// [`RuleSet::find`], with patterns remembering failed states after `memo_after` steps over a
    /// sentence.
    pub(crate) fn find_with(
        &self,
        text: &Text<'_>,
        resolution: &Resolution,
        mut near: Option<&mut Vec<(usize, usize, engine::Partial)>>,
        memo_after: usize,
        keep: Option<&dyn Fn(usize) -> bool>,
    ) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::new();
        if self.patterns.is_empty() {
            return out;
        }
        let trigger = &self.trigger;
        let mut scan = Scan::new(self, text.sentences().len());
        let mut scratch = Scratch::default();
        let mut units = Vec::new();
        let (mut subjects, mut objects) = (Vec::new(), Vec::new());
        // near misses are wanted wherever a pattern has its words, mentions or not
        let explaining = near.is_some();
        let mut mention_kinds = needs::MentionKinds::new(resolution);
        let moods = &trigger.moods;
        for (sentence, s) in text.sentences().iter().enumerate() {
            // every pattern has a slot: a sentence without mentions (most) has no match
            let offer = mention_kinds.of(s.tokens());
            if offer.is_empty() && !explaining {
                continue;
            }
            if !scan.sentence(text, sentence, explaining) {
                continue;
            }
            engine::units_into(text, resolution, s.tokens(), &scan.t.words, self.vocab.determiners(), &mut units);
            let units = &units[..];
            scan.place(units);
            let first = out.len();
            // few relations per sentence: a list beats a hash set; each key with the relation of
            // `out` it made
            let mut seen: Vec<(RelationKey, usize)> = Vec::new();
            let mut partials = Vec::new();
            'patterns: for &p in &scan.t.order {
                let pattern = &self.patterns[p];
                if keep.is_some_and(|keep| !keep(pattern.rule)) || (!explaining && !trigger.needs.met(p, offer)) {
                    continue;
                }
                // where a match can start: anywhere when a near miss is wanted (it may well stop
                // early); else no later than the last of the pattern's anchors, nor than where
                // the parts every match has still fit in order
                let starts = if explaining {
                    units.len()
                } else {
                    let fit = trigger.needs.starts(p, &pattern.program, units, &trigger.sets, resolution);
                    match &trigger.anchors[p] {
                        _ if fit == 0 => continue,
                        Some(anchors) => fit.min(scan.last_unit(anchors).map_or(0, |u| u + 1)),
                        None => fit,
                    }
                };
                let rule = &self.rules[pattern.rule];
                let mut vm = Vm::new(
                    &pattern.program,
                    units,
                    text,
                    resolution,
                    &trigger.sets,
                    moods,
                    std::mem::take(&mut scratch),
                );
                vm.memo_after = memo_after;
                if explaining {
                    vm.track();
                }
                let mut fired = false;
                let first_slot = match pattern.program.insts[0] {
                    compile::Inst::Slot { kinds, .. } => Some(kinds),
                    _ => None,
                };
                for start in 0..starts {
                    if vm.steps > engine::STEP_BUDGET {
                        break;
                    }
                    if let Some(kinds) = first_slot {
                        // the first step would fail: no need to take it
                        let engine::UnitKind::Entity(m) = units[start].kind() else { continue };
                        if engine::slot_entity(resolution, m, kinds).is_none() {
                            continue;
                        }
                    }
                    if !vm.run_at(start) {
                        continue;
                    }
                    let run = vm.run();
                    let mood = engine::mood(&vm, run);
                    if mood == Mood::Negated && rule.negation {
                        if vm.track {
                            // say so: the nearest miss is a full match that a negation cancelled
                            vm.partial = engine::Partial { trace: run.trace.to_vec(), failed_at: None };
                            vm.partial.trace.push((usize::MAX, 0..0));
                        }
                        continue;
                    }
                    let (s, e) = engine::span(units, run);
                    let mut args = rule.args.clone();
                    args.extend(engine::slot_args(&vm, run));
                    if mood == Mood::Future {
                        args.insert("mood".into(), "future".into());
                    }
                    subjects.clear();
                    objects.clear();
                    for (pc, r) in run.trace {
                        if let compile::Inst::Slot { slot: slot @ 0..=1, kinds, .. } = pattern.program.insts[*pc] {
                            let members = engine::members(&vm, r.clone(), kinds).map(|(e, _)| e);
                            if slot == 0 {
                                subjects.extend(members)
                            } else {
                                objects.extend(members)
                            }
                        }
                    }
                    let parts: Vec<(String, String)> = if near.is_some() {
                        run.trace
                            .iter()
                            .map(|(pc, r)| {
                                (
                                    pattern.program.labels[*pc].to_string(),
                                    engine::units_text(text, units, r.clone()).to_string(),
                                )
                            })
                            .collect()
                    } else {
                        Vec::new()
                    };
                    // a pattern without an object slot finds one-party events
                    let one_party = [None];
                    let with_objects: Vec<Option<usize>>;
                    let object_list: &[Option<usize>] = if pattern.program.has_object {
                        with_objects = objects.iter().map(|&o| Some(o)).collect();
                        &with_objects
                    } else {
                        &one_party
                    };
                    let symmetric = self.kinds.get(rule.kind).symmetric;
                    for &subject in &subjects {
                        for &object in object_list {
                            // a described document ("a gas deal") is no party: the relation is
                            // between those who signed it
                            let described = |e: usize| resolution.entities[e].is_description();
                            if Some(subject) == object || described(subject) || object.is_some_and(described) {
                                continue;
                            }
                            let key = match object {
                                Some(o) if symmetric => (rule.kind, subject.min(o), Some(subject.max(o))),
                                _ => (rule.kind, subject, object),
                            };
                            if let Some(&(_, k)) = seen.iter().find(|(x, _)| *x == key) {
                                // one event, one row: another rule's finding of it joins the row
                                self.merge_into(&mut out[k].relation, pattern.rule, s, e, &args);
                                continue;
                            }
                            seen.push((key, out.len()));
                            fired = true;
                            out.push(Found {
                                relation: RelationMatch {
                                    kind: rule.relation.clone(),
                                    subject,
                                    object,
                                    rule: pattern.rule,
                                    rules: Vec::new(),
                                    start: s,
                                    end: e,
                                    args: args.clone(),
                                },
                                pattern: p,
                                parts: parts.clone(),
                            });
                            if out.len() - first >= MAX_PER_SENTENCE {
                                scratch = vm.into_scratch();
                                break 'patterns;
                            }
                        }
                    }
                }
                if !fired && vm.track {
                    partials.push((sentence, p, std::mem::take(&mut vm.partial)));
                }
                scratch = vm.into_scratch();
            }
            if out.len() == first {
                if let Some(near) = near.as_deref_mut() {
                    near.extend(partials);
                }
            }
            self.drop_superseded(&mut out, first);
            out[first..].sort_by_key(|f| (f.relation.start, f.relation.end));
        }
        out
    }

    /// Rule `rule` found `found`'s relation again (same kind and parties, in the same sentence) with
    /// evidence `start..end` and arguments `args`. Where the evidence overlaps and the finding
    /// reports the same event in the same mood, it is the same event: the rule joins
    /// `found.rules`, and the arguments only it found join `found.args` (the evidence stays the
    /// first rule's). Otherwise it is dropped, as a relation already reported.
    fn merge_into(
        &self,
        found: &mut RelationMatch,
        rule: usize,
        start: usize,
        end: usize,
        args: &BTreeMap<String, String>,
    ) {
        if found.rule == rule || found.rules.contains(&rule) || !(start < found.end && found.start < end) {
            return;
        }
        if found.args.get("mood") != args.get("mood") {
            return;
        }
        let again = RelationMatch { rule, rules: Vec::new(), args: args.clone(), ..found.clone() };
        if self.event_of(&again) != self.event_of(found) {
            return;
        }
        if found.rules.is_empty() {
            found.rules.push(found.rule);
        }
        found.rules.push(rule);
        for (k, v) in args {
            found.args.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }

    /// Drops the relations of `out[first..]` (one sentence's) that another of them supersedes:
    /// same subject (or the same two parties), overlapping evidence, a kind that declares the
    /// other's kind superseded.
    fn drop_superseded(&self, out: &mut Vec<Found>, first: usize) {
        let found = &out[first..];
        if found.len() < 2 || !self.kinds.iter().any(|k| !k.supersedes.is_empty()) {
            return;
        }
        let superseded: Vec<bool> = found
            .iter()
            .map(|b| {
                found.iter().any(|a| {
                    let (ra, rb) = (&a.relation, &b.relation);
                    // the same subject; for a symmetric kind, the same parties either way round
                    let parties =
                        ra.subject == rb.subject || (Some(ra.subject) == rb.object && ra.object == Some(rb.subject));
                    parties
                        && a.relation.start < b.relation.end
                        && b.relation.start < a.relation.end
                        // (a relation's kind is its rule's, by id: no lookup by name)
                        && self.rules.get(ra.rule).is_some_and(|r| self.kinds.get(r.kind).supersedes.contains(&rb.kind))
                })
            })
            .collect();
        if !superseded.contains(&true) {
            return;
        }
        // the sentence's relations only: a `retain` over all of `out` would be quadratic in the
        // document's sentences
        let mut kept = first;
        for (i, drop) in superseded.into_iter().enumerate() {
            if !drop {
                out.swap(kept, first + i);
                kept += 1;
            }
        }
        out.truncate(kept);
    }

    pub(crate) fn pattern_source(&self, p: usize) -> (&Rule, &str) {
        let pattern = &self.patterns[p];
        (&self.rules[pattern.rule], &pattern.source)
    }

    pub(crate) fn pattern_program(&self, p: usize) -> &Program {
        &self.patterns[p].program
    }
}

/// The trigger scan, one sentence at a time: each token is looked up once; a pattern is a
/// candidate where one of its rarest required words occurs and every other word group it requires
/// too. Most sentences end here.
struct Scan<'r> {
    rules: &'r RuleSet,
    /// The stamps of this text's sentences start after `base`: the tables come from the thread's
    /// last scan ([`ScanBuffers`]), with older stamps in them.
    base: u32,
    /// The stamp after this text's last sentence, for the next scan on this thread.
    next: u32,
    t: ScanTables,
    stamp: u32,
}

/// The tables of a [`Scan`].
#[derive(Default)]
struct ScanTables {
    /// The sentence (counted from 1) where a word was last seen, and a pattern last considered.
    word_seen: Vec<u32>,
    pattern_seen: Vec<u32>,
    /// The word id of each token of the sentence.
    words: Vec<WordId>,
    /// The anchor words of the sentence.
    present: Vec<WordId>,
    /// The candidate patterns of the sentence.
    order: Vec<usize>,
    /// Per required group: the sentence (counted from 1) where it was last looked at, and whether
    /// one of its words occurs there.
    group_seen: Vec<(u32, bool)>,
    /// Per word: the sentence (counted from 1) and the unit where it last occurs.
    last_unit: Vec<(u32, UnitId)>,
}

/// The tables of a [`Scan`], kept per thread from one text to the next: made (and zeroed) for
/// every text, tables as long as the vocabulary cost more than a short record's whole scan.
/// Stamps only grow, so a mark left by an earlier text (or another rule set) never matches.
#[derive(Default)]
struct ScanBuffers {
    tables: ScanTables,
    /// The first stamp not used yet.
    next: u32,
}

thread_local! {
    static SCAN_BUFFERS: std::cell::Cell<Option<ScanBuffers>> = const { std::cell::Cell::new(None) };
}

impl Drop for Scan<'_> {
    fn drop(&mut self) {
        let b = ScanBuffers { tables: std::mem::take(&mut self.t), next: self.next };
        // a thread being torn down has no buffers to keep
        let _ = SCAN_BUFFERS.try_with(|cell| cell.set(Some(b)));
    }
}

impl<'r> Scan<'r> {
    /// A scan of a text of `sentences` sentences.
    fn new(rules: &'r RuleSet, sentences: usize) -> Scan<'r> {
        let mut b = SCAN_BUFFERS.with(|cell| cell.take()).unwrap_or_default();
        // a text has fewer than 2^30 sentences (`Text::MAX_LEN`): stamps from `base` never wrap
        // when it is below 2^31; past it, the tables start again from zero
        if b.next >= 1 << 31 {
            b = ScanBuffers::default();
        }
        let base = b.next;
        let mut t = b.tables;
        t.word_seen.resize(rules.vocab.len(), 0);
        t.pattern_seen.resize(rules.patterns.len(), 0);
        t.group_seen.resize(rules.trigger.groups.len(), (0, false));
        t.last_unit.resize(rules.vocab.len(), (0, UnitId::default()));
        Scan {
            rules,
            base,
            next: base.saturating_add(u32::try_from(sentences).unwrap_or(u32::MAX)).saturating_add(1),
            t,
            stamp: base,
        }
    }

    /// Notes where the words of the sentence's units occur.
    fn place(&mut self, units: &[engine::Unit]) {
        for (u, unit) in units.iter().enumerate() {
            if unit.word != NO_WORD {
                self.t.last_unit[unit.word] = (self.stamp, UnitId::new(u));
            }
        }
    }

    /// The last unit of the sentence that is one of `words`.
    fn last_unit(&self, words: &[WordId]) -> Option<usize> {
        words
            .iter()
            .filter_map(|&w| match self.t.last_unit[w] {
                (stamp, u) if stamp == self.stamp => Some(u.index()),
                _ => None,
            })
            .max()
    }

    /// Finds the patterns that may fire in sentence `sentence` and says whether there are any:
    /// then `order` holds them in rule order (so that a rule listed earlier wins a duplicate), and
    /// `words` the sentence's word ids. When `explaining`, patterns without required words are
    /// candidates everywhere, for their near misses.
    fn sentence(&mut self, text: &Text<'_>, sentence: usize, explaining: bool) -> bool {
        let (rules, trigger) = (self.rules, &self.rules.trigger);
        // sentences past 2^32 - 1 share a stamp: a stale mark then only makes a pattern a candidate
        // (or a start position tried)
        let stamp = u32::try_from(sentence + 1).ok().and_then(|s| self.base.checked_add(s)).unwrap_or(u32::MAX);
        self.stamp = stamp;
        self.t.words.clear();
        self.t.present.clear();
        let bytes = text.normalized().as_bytes();
        let tokens = &text.tokens()[text.sentences()[sentence].tokens()];
        self.t.words.reserve(tokens.len());
        for t in tokens {
            let norm = t.norm();
            let w = rules.vocab.id_in(bytes, norm.start, norm.end);
            self.t.words.push(w);
            if w != NO_WORD && self.t.word_seen[w] != stamp {
                self.t.word_seen[w] = stamp;
                if trigger.starts[w] < trigger.starts[w.index() + 1] {
                    self.t.present.push(w);
                }
            }
        }
        self.t.order.clear();
        for &w in &self.t.present {
            let (a, b) = (trigger.starts[w] as usize, trigger.starts[w.index() + 1] as usize);
            for &p in &trigger.anchored[a..b] {
                let p = p.index();
                if self.t.pattern_seen[p] == stamp || (explaining && trigger.by_program[p]) {
                    continue;
                }
                self.t.pattern_seen[p] = stamp;
                // patterns share groups: each is looked at once per sentence
                let word_seen = &self.t.word_seen;
                let group_seen = &mut self.t.group_seen;
                let mut holds = |g: GroupId| match group_seen[g] {
                    (s, holds) if s == stamp => holds,
                    _ => {
                        let holds = trigger.groups[g].iter().any(|&w| word_seen[w] == stamp);
                        group_seen[g] = (stamp, holds);
                        holds
                    }
                };
                if trigger.requires[p].iter().all(|&g| holds(g)) {
                    self.t.order.push(p);
                }
            }
        }
        self.t.order.extend(if explaining { &trigger.always } else { &trigger.loose });
        if self.t.order.len() > 1 {
            self.t.order.sort_unstable_by_key(|&p| (rules.patterns[p].rule, p));
        }
        !self.t.order.is_empty()
    }
}
