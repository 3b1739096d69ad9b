//! The [`Extractor`]: every stage of the pipeline, built once and run on many texts.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};

use crate::date::Date;
use arcstr::ArcStr;

use crate::document::{Document, Entity, Mention, Relation};
use crate::error::{Error, Location, Result};
use crate::gazetteer::{petrarch, AliasForm, EntityKind, EntityRecord, Gazetteer};
use crate::lexicon::{Lexicon, ListId};
use crate::matcher::Matcher;
use crate::resolve::{MentionForm, Resolution, ResolvedEntity, Resolver};
use crate::rules::{self, RuleSet};
use crate::text::Text;
use crate::threads::joined;

/// Which embedded defaults an [`ExtractorBuilder`] starts from.
///
/// `true` and `false` convert to [`Defaults::All`] and [`Defaults::None`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Defaults {
    /// The embedded gazetteers and rules (the default).
    #[default]
    All,
    /// The embedded gazetteers, no rules: for example to test an edited copy of a default rule
    /// file, or to match names only.
    Gazetteers,
    /// The embedded rules, no gazetteers: every entity comes from the files added.
    Rules,
    /// Nothing embedded: only what is added.
    None,
}

impl Defaults {
    pub(crate) fn gazetteers(self) -> bool {
        matches!(self, Defaults::All | Defaults::Gazetteers)
    }
    pub(crate) fn rules(self) -> bool {
        matches!(self, Defaults::All | Defaults::Rules)
    }
}

impl From<bool> for Defaults {
    fn from(yes: bool) -> Defaults {
        if yes {
            Defaults::All
        } else {
            Defaults::None
        }
    }
}

/// What a builder adds to the defaults, read in order by [`ExtractorBuilder::build`].
#[derive(Debug, Clone)]
enum Source {
    GazetteerFile(PathBuf),
    GazetteerStr(String, String),
    Entity(Box<EntityRecord>),
    RulesFile(PathBuf),
    RulesStr(String, String),
    LexiconFile(PathBuf),
    LexiconStr(String, String),
}

/// Configures and builds an [`Extractor`].
///
/// The defaults are the embedded gazetteers and rules; files and records added here come on top
/// (a gazetteer record with a known id replaces the default one). Setters only record what to
/// add: files are read, and everything is checked, in [`build`](ExtractorBuilder::build).
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    defaults: Defaults,
    sources: Vec<Source>,
}

impl ExtractorBuilder {
    /// A builder with the embedded defaults.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Which embedded defaults to start from ([`Defaults::All`] unless set; `false` is
    /// [`Defaults::None`]).
    pub fn defaults(mut self, which: impl Into<Defaults>) -> ExtractorBuilder {
        self.defaults = which.into();
        self
    }

    /// Adds a gazetteer file (`.jsonl`, `.tsv`/`.txt` in the tab-separated format, or a PETRARCH
    /// actor dictionary `*.actors.txt`), read by [`build`](ExtractorBuilder::build).
    ///
    /// A PETRARCH agents dictionary (`*.agents.txt`, see
    /// [`petrarch`]) is taken here too: it names no entity, but adds its
    /// agent nouns and their sectors to those of the group pass ("rebels", "police").
    pub fn gazetteer_file(mut self, path: impl AsRef<Path>) -> ExtractorBuilder {
        self.sources.push(Source::GazetteerFile(path.as_ref().to_path_buf()));
        self
    }

    /// Adds a JSON Lines gazetteer held in memory; `label` names it in errors.
    pub fn gazetteer_str(mut self, label: &str, text: &str) -> ExtractorBuilder {
        self.sources.push(Source::GazetteerStr(label.to_string(), text.to_string()));
        self
    }

    /// Adds one entity.
    pub fn entity(mut self, record: EntityRecord) -> ExtractorBuilder {
        self.sources.push(Source::Entity(Box::new(record)));
        self
    }

    /// Adds a rule file, read by [`build`](ExtractorBuilder::build).
    pub fn rules_file(mut self, path: impl AsRef<Path>) -> ExtractorBuilder {
        self.sources.push(Source::RulesFile(path.as_ref().to_path_buf()));
        self
    }

    /// Adds rules held in memory; `label` names them in errors.
    pub fn rules_str(mut self, label: &str, text: &str) -> ExtractorBuilder {
        self.sources.push(Source::RulesStr(label.to_string(), text.to_string()));
        self
    }

    /// Replaces one of the embedded word lists of `lexicon/` with a file of the same name
    /// (`negation.txt`, `agents.tsv`, in any folder), read by [`build`](ExtractorBuilder::build).
    /// Every stage that reads the list reads the replacement: the sentence splitter's
    /// abbreviations, the matcher's name particles, the resolver's word lists, the rules'
    /// negation and modality words. Lists not replaced stay the embedded ones, whatever
    /// [`defaults`](ExtractorBuilder::defaults) says.
    ///
    /// ```
    /// # fn main() -> attache::Result<()> {
    /// let dir = std::env::temp_dir().join(format!("attache-doc-lexicon-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).ok();
    /// // "postponed" no longer calls off the event before it
    /// let path = dir.join("cancellations.txt");
    /// std::fs::write(&path, "# what calls off an event\ncancelled\ncanceled\n").ok();
    /// let extractor = attache::Extractor::builder().lexicon_file(&path).build()?;
    /// # std::fs::remove_dir_all(&dir).ok();
    /// # Ok(())
    /// # }
    /// ```
    pub fn lexicon_file(mut self, path: impl AsRef<Path>) -> ExtractorBuilder {
        self.sources.push(Source::LexiconFile(path.as_ref().to_path_buf()));
        self
    }

    /// Replaces the embedded word list `name` (a file name of `lexicon/`, such as
    /// `"negation.txt"`) with `text`; `name` also names it in errors.
    pub fn lexicon_str(mut self, name: &str, text: &str) -> ExtractorBuilder {
        self.sources.push(Source::LexiconStr(name.to_string(), text.to_string()));
        self
    }

    /// Reads what was added and compiles everything into an [`Extractor`].
    ///
    /// # Errors
    /// When a file cannot be read or is malformed (the error names file, line and column), when
    /// a reference between records dangles, or when the matcher cannot be built.
    pub fn build(self) -> Result<Extractor> {
        if self.defaults == Defaults::All && self.sources.is_empty() {
            // the default extractor is compiled once per process and shared
            return DEFAULT_EXTRACTOR.as_ref().cloned().map_err(|message| Error::Gazetteer {
                location: crate::error::Location::new("<embedded defaults>", 0, 0),
                message: message.clone(),
            });
        }
        // the word lists first: the rules read theirs as they compile
        let lexicon = read_lexicon(&self.sources)?;
        let mut gazetteer = Gazetteer::new();
        // made at the first rule file only: an empty set still loads the rules' prelude, which
        // the rules' own thread does anyway
        let mut rules: Option<RuleSet> = None;
        let mut agents: Vec<(String, String)> = Vec::new();
        for source in self.sources {
            match source {
                Source::GazetteerFile(path) if petrarch::format_of(&path) == Some(petrarch::Format::Agents) => {
                    let text =
                        std::fs::read_to_string(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
                    agents.extend(petrarch::parse_agents(&path.display().to_string(), &text)?);
                }
                Source::GazetteerFile(path) => {
                    // a PETRARCH dictionary's records refer to (and merge with) the defaults they
                    // will join; other files do not need them loaded yet
                    let petrarch = petrarch::format_of(&path).is_some();
                    let base = if petrarch && self.defaults.gazetteers() { Some(Gazetteer::defaults()?) } else { None };
                    gazetteer.add_file_over(&path, base)?
                }
                Source::GazetteerStr(label, text) => gazetteer.add_str(&label, &text)?,
                Source::Entity(record) => gazetteer.add_record(*record)?,
                Source::RulesFile(path) => {
                    let text =
                        std::fs::read_to_string(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
                    added_rules(&mut rules, &lexicon).add_str(&path.display().to_string(), &text)?;
                }
                Source::RulesStr(label, text) => added_rules(&mut rules, &lexicon).add_str(&label, &text)?,
                Source::LexiconFile(_) | Source::LexiconStr(..) => {}
            }
        }
        compile(self.defaults, gazetteer, rules, &agents, lexicon)
    }
}

/// The rule set of the rule files added, made at the first.
fn added_rules<'r>(rules: &'r mut Option<RuleSet>, lexicon: &Arc<Lexicon>) -> &'r mut RuleSet {
    rules.get_or_insert_with(|| RuleSet::with_lexicon(lexicon.clone()))
}

/// The embedded word lists with the replacements among `sources`, in order (a later one of the
/// same list wins).
fn read_lexicon(sources: &[Source]) -> Result<Arc<Lexicon>> {
    let mut lexicon: Option<Lexicon> = None;
    for source in sources {
        let (label, text) = match source {
            Source::LexiconFile(path) => {
                let text = std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.clone(), source })?;
                (path.display().to_string(), Cow::Owned(text))
            }
            Source::LexiconStr(name, text) => (name.clone(), Cow::Borrowed(text.as_str())),
            _ => continue,
        };
        let Some(id) = Lexicon::list_named(&label) else {
            let names: Vec<&str> = ListId::ALL.iter().map(|id| id.file()).collect();
            return Err(Error::Lexicon {
                location: Location::new(label, 1, 1),
                message: format!("no word list has this file name; the lists are {}", names.join(", ")),
            });
        };
        lexicon.get_or_insert_with(|| Lexicon::embedded().as_ref().clone()).replace(id, &label, &text)?;
    }
    Ok(lexicon.map_or_else(|| Lexicon::embedded().clone(), Arc::new))
}

/// Compiles the defaults wanted with what was added (`added_rules`: none when no rule file was).
fn compile(
    defaults: Defaults,
    added: Gazetteer,
    added_rules: Option<RuleSet>,
    agents: &[(String, String)],
    lexicon: Arc<Lexicon>,
) -> Result<Extractor> {
    // the rules do not depend on the gazetteer: they compile beside it, on another core if
    // there is one; so do the matcher and the resolver, once the gazetteer is ready. Scoped
    // threads, not rayon (see `crate::threads`)
    let (rules, parts) = std::thread::scope(|scope| {
        let rules = scope.spawn(|| -> Result<RuleSet> {
            let mut rules = RuleSet::with_lexicon(lexicon.clone());
            if defaults.rules() {
                rules.add_defaults()?;
            }
            if let Some(added) = added_rules {
                rules.extend(added)?;
            }
            Ok(rules)
        });
        let parts = (|| -> Result<(Cow<'static, Gazetteer>, Matcher, Resolver)> {
            let gazetteer = merged_gazetteer(added, defaults.gazetteers())?;
            let gazetteer_ref: &Gazetteer = &gazetteer;
            // the embedded defaults were checked when they loaded; a gazetteer with additions
            // is checked beside the matcher's build, which does not depend on the check
            let (matcher, resolver, checked) = std::thread::scope(|inner| {
                let matcher = inner.spawn(|| Matcher::with_lexicon(gazetteer_ref, &lexicon));
                // (no thread at all for the defaults: a spawn costs more than it would do)
                let checked = matches!(gazetteer, Cow::Owned(_)).then(|| inner.spawn(|| gazetteer_ref.validate()));
                let resolver = Resolver::with_lexicon(gazetteer_ref, lexicon.clone()).with_agents(agents);
                (joined(matcher), resolver, checked.map_or(Ok(()), joined))
            });
            checked?;
            Ok((gazetteer, matcher?, resolver))
        })();
        (joined(rules), parts)
    });
    let (gazetteer, matcher, resolver) = parts?;
    let rules = rules?;
    Ok(Extractor { inner: Arc::new(Inner { gazetteer, matcher, resolver, rules, lexicon }) })
}

/// The gazetteer an extractor compiles: the defaults (if wanted) with `added` on top.
fn merged_gazetteer(added: Gazetteer, defaults: bool) -> Result<Cow<'static, Gazetteer>> {
    if !defaults {
        return Ok(Cow::Owned(added));
    }
    if added.is_empty() {
        return Ok(Cow::Borrowed(Gazetteer::defaults()?));
    }
    let mut g = Gazetteer::defaults()?.clone();
    for (i, record) in added.entities().iter().enumerate() {
        let location =
            added.location(i).cloned().unwrap_or_else(|| Location::new(format!("<EntityRecord {}>", record.id), 1, 1));
        g.add_record_at(record.clone(), location)?;
    }
    Ok(Cow::Owned(g))
}

static DEFAULT_EXTRACTOR: Lazy<Result<Extractor, String>> = Lazy::new(|| {
    compile(Defaults::All, Gazetteer::new(), None, &[], Lexicon::embedded().clone()).map_err(|e| e.to_string())
});

/// Reads texts and says who is who and who did what to whom.
///
/// Build it once (that is the expensive part) and share it: it is `Send + Sync`.
///
/// Cloning is cheap: clones share the compiled gazetteer, matcher and rules. The default extractor
/// ([`Extractor::new`]) is compiled once per process.
///
/// Texts of any length are read. One longer than 1 MiB (some 170,000 words: far longer than any
/// news article) is read in parts of at most that size, cut at a paragraph or line break where
/// there is one, and their documents are merged: offsets and sentence indices count from the
/// start of the whole text, and each entity is listed once. Reading in parts keeps the memory an
/// extraction needs to the input, the output and a constant. A name, or a reference back to one
/// ("Xi" for "Xi Jinping", "his Kazakh counterpart"), is resolved within its part.
#[derive(Debug, Clone)]
pub struct Extractor {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    gazetteer: Cow<'static, Gazetteer>,
    matcher: Matcher,
    resolver: Resolver,
    rules: RuleSet,
    /// The word lists every stage reads.
    lexicon: Arc<Lexicon>,
}

impl Extractor {
    /// A builder, starting from the embedded defaults.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// An extractor with the embedded default gazetteers and rules.
    ///
    /// # Errors
    /// Only if the embedded defaults are broken, which the crate's tests rule out.
    pub fn new() -> Result<Extractor> {
        ExtractorBuilder::new().build()
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.inner.gazetteer
    }

    /// The rules in use.
    pub fn rules(&self) -> &RuleSet {
        &self.inner.rules
    }

    /// The compiled name matcher.
    pub fn matcher(&self) -> &Matcher {
        &self.inner.matcher
    }

    /// Extracts from `text`, as of today (the document says the date was assumed).
    pub fn extract(&self, text: &str) -> Document {
        self.run(text, Date::today(), true)
    }

    /// Extracts from `text` as of `date`: roles such as "the Kazakh president" resolve to the
    /// office holder on that date.
    pub fn extract_with_date(&self, text: &str, date: Date) -> Document {
        self.run(text, date, false)
    }

    /// Extracts from bytes that should be UTF-8.
    ///
    /// # Errors
    /// [`Error::InvalidUtf8`] with the offset of the first bad byte.
    pub fn extract_bytes(&self, bytes: &[u8], date: Option<Date>) -> Result<Document> {
        let text = std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 { offset: e.valid_up_to() })?;
        Ok(match date {
            Some(d) => self.extract_with_date(text, d),
            None => self.extract(text),
        })
    }

    /// The stages before relations: text, matches and resolution (for tools and `--explain`).
    ///
    /// These read the text at once: one longer than [`Text::MAX_LEN`] is cut there (see
    /// [`Text::new`]), where [`extract`](Extractor::extract) would read it in parts.
    pub fn analyze<'t>(&self, text: &'t str, date: Date) -> (Text<'t>, Resolution) {
        let text = Text::with_abbreviations(text, &self.inner.lexicon[ListId::Abbreviations]);
        let matches = self.inner.matcher.find_all(&text);
        let resolution = self.inner.resolver.resolve(&self.inner.gazetteer, &self.inner.matcher, &text, &matches, date);
        (text, resolution)
    }

    fn run(&self, input: &str, date: Date, assumed: bool) -> Document {
        self.run_in_parts(input, date, assumed, PART_LEN)
    }

    /// Reads `input` in parts of at most `part_len` bytes, cut where a paragraph or line ends if
    /// possible, and merges their documents. (`part_len` is a parameter so that tests can split
    /// small texts.)
    fn run_in_parts(&self, input: &str, date: Date, assumed: bool, part_len: usize) -> Document {
        if input.len() <= part_len {
            return self.run_part(input, date, assumed).0;
        }
        let mut merged = Merged::default();
        let mut start = 0;
        while start < input.len() {
            let end = start + cut(&input[start..], part_len);
            let (doc, sentences) = self.run_part(&input[start..end], date, assumed);
            merged.add(doc, start, sentences);
            start = end;
        }
        merged.finish(date, assumed)
    }

    /// The document of one part and its number of sentences.
    fn run_part(&self, input: &str, date: Date, assumed: bool) -> (Document, usize) {
        let (text, resolution) = self.analyze(input, date);
        let found = self.inner.rules.apply(&text, &resolution);
        let sentences = text.sentences().len();
        // the text stage's tokens are the bulk of the memory in use: free them before the
        // output is built
        drop(text);
        (document(input, date, assumed, &self.inner.gazetteer, resolution, found, &self.inner.rules), sentences)
    }
}

/// The longest part of a document read at once (1 MiB, some 170,000 words).
///
/// Reading a long text in parts bounds the memory of the stages to that of one part, so the
/// memory in use is the input, the output and a constant, whatever the text's shape; it also
/// keeps a part's tokens in cache. Names, roles and counterparts resolve within a part: no
/// news article comes near this length. (At most [`Text::MAX_LEN`].)
const PART_LEN: usize = 1 << 20;

/// The length of the first part of `s` when parts are at most `max` bytes: all of `s` if it fits,
/// else up to the last paragraph break, line break, full stop and space, comma or semicolon and
/// space, or white space in the second half of that much (so parts stay large), else the last
/// character boundary. Never 0 for a non-empty `s`.
fn cut(s: &str, max: usize) -> usize {
    if s.len() <= max {
        return s.len();
    }
    let window = &s[..crate::text::floor_char_boundary(s, max)];
    let Some(first) = s.chars().next() else { return 0 };
    if window.is_empty() {
        // a character longer than `max` (only when tests ask for tiny parts)
        return first.len_utf8();
    }
    let from = crate::text::floor_char_boundary(window, window.len() / 2);
    let back = &window[from..];
    let after = |sep: &str| back.rfind(sep).map(|p| from + p + sep.len());
    after("\n\n")
        .or_else(|| after("\n"))
        .or_else(|| after(". "))
        // between the items of a list, not inside a name of several words
        .or_else(|| after(", "))
        .or_else(|| after("; "))
        .or_else(|| {
            back.rfind(|c: char| c.is_whitespace())
                .map(|p| from + p + back[p..].chars().next().map_or(1, char::len_utf8))
        })
        .unwrap_or(window.len())
}

/// The documents of a text's parts, merged into one as if the text had been read at once.
#[derive(Default)]
struct Merged {
    // entities with mentions, in order of their first mention, then those that are only the
    // argument of a relation (the order of one document)
    mentioned: Vec<Entity>,
    arguments: Vec<Entity>,
    // where each entity id is: in `mentioned` (true) or `arguments` (false), at which index
    seen: HashMap<ArcStr, (bool, usize)>,
    mentions: Vec<Mention>,
    relations: Vec<Relation>,
    sentences: usize,
}

impl Merged {
    /// Adds the document of the part that starts at byte `offset` and has `sentences` sentences.
    fn add(&mut self, doc: Document, offset: usize, sentences: usize) {
        let mentioned: std::collections::HashSet<&str> = doc.mentions.iter().map(|m| m.entity.as_str()).collect();
        for entity in doc.entities {
            let here = mentioned.contains(entity.id.as_str());
            match self.seen.get(&entity.id).copied() {
                Some((true, i)) => merge_aliases(&mut self.mentioned[i], entity.aliases),
                Some((false, i)) if here => {
                    // an argument before, mentioned now: it moves to the mentioned entities
                    let mut before = self.arguments.remove(i);
                    for (in_mentioned, j) in self.seen.values_mut() {
                        if !*in_mentioned && *j > i {
                            *j -= 1;
                        }
                    }
                    merge_aliases(&mut before, entity.aliases);
                    self.seen.insert(before.id.clone(), (true, self.mentioned.len()));
                    self.mentioned.push(before);
                }
                Some((false, i)) => merge_aliases(&mut self.arguments[i], entity.aliases),
                None => {
                    let list = if here { &mut self.mentioned } else { &mut self.arguments };
                    self.seen.insert(entity.id.clone(), (here, list.len()));
                    list.push(entity);
                }
            }
        }
        self.mentions.extend(doc.mentions.into_iter().map(|mut m| {
            m.start += offset;
            m.end += offset;
            m.sentence += self.sentences;
            m
        }));
        self.relations.extend(doc.relations.into_iter().map(|mut r| {
            r.start += offset;
            r.end += offset;
            r
        }));
        self.sentences += sentences;
    }

    fn finish(mut self, date: Date, assumed: bool) -> Document {
        self.mentioned.append(&mut self.arguments);
        Document {
            date: Some(date),
            date_assumed: assumed,
            entities: self.mentioned,
            mentions: self.mentions,
            relations: self.relations,
        }
    }
}

/// Adds the aliases an entity has in a later part (the names written there) to those it has.
fn merge_aliases(entity: &mut Entity, aliases: Vec<String>) {
    for alias in aliases {
        if !entity.aliases.contains(&alias) {
            entity.aliases.push(alias);
        }
    }
}

/// Assembles the output document: the mentions of named entities, each entity with a listed
/// mention or in a relation once, and the relations.
///
/// Amounts of money are not entities of the output (a relation holds them as an argument). A
/// document or event found by pattern is listed by its mentions only where it has a proper name
/// ("the Treaty of Aachen", "the China-Central Asia Summit"), not where its name describes it
/// ("a trade agreement", "the Tokyo summit"; see [`ResolvedEntity::is_description`]).
///
/// Ids, rule ids and the texts of mentions are shared [`ArcStr`]s, made once per part: a name
/// written a million times costs one allocation, not a million.
#[inline(never)]
fn document(
    input: &str,
    date: Date,
    assumed: bool,
    gazetteer: &Gazetteer,
    // taken, not borrowed: names, aliases, attributes and arguments move into the output
    mut resolution: Resolution,
    found: Vec<rules::RelationMatch>,
    rules: &RuleSet,
) -> Document {
    let mut doc = Document { date: Some(date), date_assumed: assumed, ..Document::default() };
    let listed = |e: &ResolvedEntity| e.kind != EntityKind::Money && !e.is_description();
    // per entity of the resolution: its shared id and the names written for it, in order of
    // first mention
    let mut ids: Vec<Option<ArcStr>> = vec![None; resolution.entities.len()];
    let mut written: Vec<Vec<ArcStr>> = vec![Vec::new(); resolution.entities.len()];
    let mut order: Vec<usize> = Vec::new();
    let mut texts: FxHashMap<&str, ArcStr> = FxHashMap::default();
    let mut id_of = |i: usize, order: &mut Vec<usize>| -> ArcStr {
        ids[i]
            .get_or_insert_with(|| {
                order.push(i);
                ArcStr::from(resolution.entities[i].id.as_str())
            })
            .clone()
    };
    doc.mentions.reserve_exact(resolution.mentions.len());
    for m in &resolution.mentions {
        let entity = &resolution.entities[m.entity];
        if !listed(entity) {
            continue;
        }
        let as_written = &input[m.start..m.end];
        let text = texts.entry(as_written).or_insert_with(|| ArcStr::from(as_written)).clone();
        let id = id_of(m.entity, &mut order);
        // the names as written are aliases ("Washington" for the capital standing for its
        // country, too); "the Kazakh president" or "Chinese" are not names
        let names = &mut written[m.entity];
        let is_name = matches!(m.form, MentionForm::Name | MentionForm::Short | MentionForm::Metonym);
        if is_name && as_written != entity.name && !names.contains(&text) {
            names.push(text.clone());
        }
        doc.mentions.push(Mention { entity: id, start: m.start, end: m.end, text, sentence: m.sentence });
    }
    // resolution orders mentions by phrase ("Kazakh President Tokayev" before its nested
    // "Kazakh"); the output lists them by position, a nesting one before what it nests
    // (a few hundred out of place in ten thousand: moved back one by one, not a full sort)
    crate::resolve::sort_nearly_sorted(&mut doc.mentions, |m| (m.start, std::cmp::Reverse(m.end)));
    // relation arguments are entities of the document too
    let mut rule_ids: FxHashMap<usize, ArcStr> = FxHashMap::default();
    doc.relations.reserve_exact(found.len());
    for r in found {
        let subject = id_of(r.subject, &mut order);
        let object = r.object.map(|o| id_of(o, &mut order));
        let event = rules.event_of(&r);
        let mut rule_id = |k: usize| {
            rule_ids
                .entry(k)
                .or_insert_with(|| rules.rules().get(k).map_or_else(ArcStr::new, |rule| ArcStr::from(rule.id.as_str())))
                .clone()
        };
        let rule = rule_id(r.rule);
        let all_rules = r.rules.iter().map(|&k| rule_id(k)).collect();
        doc.relations.push(Relation {
            kind: r.kind,
            subject,
            object,
            rule,
            rules: all_rules,
            start: r.start,
            end: r.end,
            text: input[r.start..r.end].to_string(),
            event,
            args: r.args,
        });
    }
    doc.entities.reserve_exact(order.len());
    for i in order {
        let e = &mut resolution.entities[i];
        if e.kind == EntityKind::Money {
            continue;
        }
        // other names: the gazetteer's (not its demonyms, which name no one), then those
        // written here
        let mut aliases = std::mem::take(&mut e.aliases);
        let record = e.gazetteer.and_then(|g| gazetteer.entities().get(g));
        for alias in record.map_or(&[][..], |r| &r.aliases[..]) {
            if alias.form != AliasForm::Adjective && alias.text != e.name && !aliases.contains(&alias.text) {
                aliases.push(alias.text.clone());
            }
        }
        for name in std::mem::take(&mut written[i]) {
            if !aliases.iter().any(|a| *a == *name) {
                aliases.push(name.to_string());
            }
        }
        let Some(id) = ids[i].take() else { continue };
        let (name, attrs) = (std::mem::take(&mut e.name), std::mem::take(&mut e.attrs));
        doc.entities.push(Entity { id, kind: e.kind, name, aliases, attrs });
    }
    doc
}

// Extractors are shared across threads: keep them so.
const _: fn() = || {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Extractor>();
};

#[cfg(test)]
mod tests {
    use super::*;

    // Paragraphs that each stand alone: every name is written in full where it is needed, and no
    // relation reaches across a paragraph. The first one makes France and the United States
    // arguments of a relation before any paragraph mentions them.
    const PARAGRAPHS: &[&str] = &[
        "Washington and Paris agreed on new sanctions on Tuesday.",
        "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin.",
        "Japan and South Korea signed a trade agreement.",
        "President Macron visited Japan in May. Tokyo pledged $5 million to the UN.",
        "The United States urged Iran to return to talks.",
    ];

    fn date() -> Date {
        Date::new(2025, 6, 17).expect("a valid date")
    }

    #[test]
    fn cuts_prefer_paragraphs_then_lines_then_spaces_and_respect_characters() {
        assert_eq!(cut("one two", 100), 7);
        assert_eq!(cut("aaaaaa\n\nb\ncc dd", 12), 8);
        assert_eq!(cut("aaaaaa\nbbbb cc dd", 12), 7);
        assert_eq!(cut("aaaaaaa. bbb cc dd", 12), 9);
        assert_eq!(cut("aaaaaaa bbbbbbbbbbb", 12), 8);
        // a list is cut between its items, not inside a name of two words
        assert_eq!(cut("Aaa Bbb, Cc Dd, Eee Fff", 18), 16);
        assert_eq!(cut("aaaaaaaaaaaaaaaa", 12), 12);
        // never inside a character, never empty
        assert_eq!(cut("ééééééé", 5), 4);
        assert_eq!(cut("€€", 2), 3);
        // only the second half of the window counts: parts stay large
        assert_eq!(cut("a\n\nbbbbbbbbbbbbbbbb", 12), 12);
    }

    #[test]
    fn a_document_read_in_parts_is_the_document_read_at_once() {
        let extractor = Extractor::new().expect("the defaults load");
        let input = PARAGRAPHS.join("\n\n");
        let whole = extractor.run_in_parts(&input, date(), false, PART_LEN);
        assert!(whole.relations.len() >= 5, "{whole:#?}");
        // each part one paragraph: the longest, and its break
        let part_len = PARAGRAPHS.iter().map(|p| p.len()).max().unwrap_or(0) + 2;
        let mut start = 0;
        let mut parts = 0;
        while start < input.len() {
            let end = start + cut(&input[start..], part_len);
            assert!(end == input.len() || input[..end].ends_with("\n\n"), "cut inside a paragraph at {end}");
            start = end;
            parts += 1;
        }
        assert_eq!(parts, PARAGRAPHS.len());
        let split = extractor.run_in_parts(&input, date(), false, part_len);
        assert_eq!(split, whole);
    }

    #[test]
    fn a_document_cut_anywhere_keeps_offsets_on_its_own_text() {
        let extractor = Extractor::new().expect("the defaults load");
        let input = format!("{}\u{a0}\u{2014} \u{201c}Iran\u{201d}", PARAGRAPHS.join(" "));
        for part_len in [1, 7, 40, 97] {
            let doc = extractor.run_in_parts(&input, date(), false, part_len);
            for m in &doc.mentions {
                assert_eq!(input.get(m.start..m.end), Some(m.text.as_str()), "part length {part_len}");
            }
            for r in &doc.relations {
                assert_eq!(input.get(r.start..r.end), Some(r.text.as_str()), "part length {part_len}");
            }
            let ids: std::collections::HashSet<&str> = doc.entities.iter().map(|e| e.id.as_str()).collect();
            assert_eq!(ids.len(), doc.entities.len(), "an entity listed twice at part length {part_len}");
            assert!(doc.mentions.windows(2).all(|w| w[0].sentence <= w[1].sentence));
        }
    }

    #[test]
    fn mentions_share_their_id_and_text() {
        let extractor = Extractor::new().expect("the defaults load");
        let doc = extractor.extract_with_date("Iran said Iran would not talk. Iran, Iraq and Iran.", date());
        let iran: Vec<&Mention> = doc.mentions.iter().filter(|m| m.entity == "country:IRN").collect();
        assert_eq!(iran.len(), 4, "{doc:#?}");
        let entity = doc.entity("country:IRN").expect("Iran is listed");
        for m in &iran {
            assert!(ArcStr::ptr_eq(&m.entity, &entity.id), "a mention's id is the entity's");
            assert!(ArcStr::ptr_eq(&m.text, &iran[0].text), "the same text is shared");
        }
    }

    #[test]
    fn aliases_are_the_gazetteer_names_and_the_names_written() {
        let extractor = Extractor::new().expect("the defaults load");
        let doc = extractor.extract_with_date("Washington urged the U.S. to act.", date());
        let usa = doc.entity("country:USA").expect("the United States is listed");
        // the gazetteer's names and abbreviations, not its demonyms
        assert!(usa.aliases.iter().any(|a| a == "US"), "{usa:?}");
        assert!(!usa.aliases.iter().any(|a| a == "American"), "{usa:?}");
        // a capital standing for its country is a name of the capital as written
        let capital = doc.mentions.iter().find(|m| m.text == "Washington").expect("the capital is mentioned");
        let place = doc.entity(&capital.entity).expect("the capital is listed");
        assert!(place.aliases.iter().any(|a| a == "Washington"), "{place:?}");
    }

    #[test]
    fn documents_and_events_are_listed_by_proper_names_only() {
        let extractor = Extractor::new().expect("the defaults load");
        let doc = extractor.extract_with_date(
            "Leaders met at the Tokyo summit and praised the peace agreement. \
             Germany hosted the Berlin Security Conference and ratified the Treaty of Aachen.",
            date(),
        );
        let ids: Vec<&str> = doc.entities.iter().map(|e| e.id.as_str()).collect();
        assert!(ids.contains(&"document:treaty-of-aachen"), "{ids:?}");
        assert!(ids.contains(&"event:berlin-security-conference"), "{ids:?}");
        assert!(ids.contains(&"place:tokyo"), "{ids:?}");
        assert!(!ids.iter().any(|id| *id == "event:tokyo-summit" || *id == "document:peace-agreement"), "{ids:?}");
        assert!(!doc.mentions.iter().any(|m| m.text == "Tokyo summit" || m.text == "peace agreement"), "{doc:#?}");
    }
}
