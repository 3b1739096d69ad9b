//! The [`Extractor`]: every stage of the pipeline, built once and run on many texts.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use once_cell::sync::Lazy;
use std::path::Path;

use crate::date::Date;
use crate::document::{Document, Entity, Mention, Relation};
use crate::error::{Error, Result};
use crate::gazetteer::{EntityKind, EntityRecord, Gazetteer};
use crate::matcher::Matcher;
use crate::resolve::{MentionForm, Resolution, Resolver};
use crate::rules::{self, RuleSet};
use crate::text::Text;

/// Configures and builds an [`Extractor`].
///
/// The defaults are the embedded gazetteers and rules; files and records added here come on top
/// (a gazetteer record with a known id replaces the default one).
#[derive(Debug, Clone)]
pub struct ExtractorBuilder {
    defaults: bool,
    default_rules: bool,
    gazetteer: Gazetteer,
    rules: RuleSet,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder { defaults: true, default_rules: true, gazetteer: Gazetteer::new(), rules: RuleSet::new() }
    }
}

impl ExtractorBuilder {
    /// A builder with the embedded defaults.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Whether to start from the embedded default gazetteers and rules (default `true`).
    pub fn defaults(mut self, yes: bool) -> ExtractorBuilder {
        self.defaults = yes;
        self
    }

    /// Whether to load the embedded default rules when [`defaults`](ExtractorBuilder::defaults) is on
    /// (default `true`): `false` keeps the default gazetteers but not the rules, for example to
    /// test an edited copy of a default rule file.
    pub fn default_rules(mut self, yes: bool) -> ExtractorBuilder {
        self.default_rules = yes;
        self
    }

    /// Adds a gazetteer file (`.jsonl`, or `.tsv`/`.txt` in the tab-separated format).
    ///
    /// # Errors
    /// When the file cannot be read or is malformed.
    pub fn gazetteer_file(mut self, path: impl AsRef<Path>) -> Result<ExtractorBuilder> {
        self.gazetteer.add_file(path)?;
        Ok(self)
    }

    /// Adds a JSON Lines gazetteer held in memory; `label` names it in errors.
    ///
    /// # Errors
    /// When it is malformed.
    pub fn gazetteer_str(mut self, label: &str, text: &str) -> Result<ExtractorBuilder> {
        self.gazetteer.add_str(label, text)?;
        Ok(self)
    }

    /// Adds one entity.
    ///
    /// # Errors
    /// When the record is malformed.
    pub fn entity(mut self, record: EntityRecord) -> Result<ExtractorBuilder> {
        self.gazetteer.add_record(record)?;
        Ok(self)
    }

    /// Adds a rule file.
    ///
    /// # Errors
    /// When the file cannot be read or is malformed.
    pub fn rules_file(mut self, path: impl AsRef<Path>) -> Result<ExtractorBuilder> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
        self.rules.add_str(&path.display().to_string(), &text)?;
        Ok(self)
    }

    /// Adds rules held in memory; `label` names them in errors.
    ///
    /// # Errors
    /// When they are malformed.
    pub fn rules_str(mut self, label: &str, text: &str) -> Result<ExtractorBuilder> {
        self.rules.add_str(label, text)?;
        Ok(self)
    }

    /// Compiles everything into an [`Extractor`].
    ///
    /// # Errors
    /// When a reference between records dangles, or the matcher cannot be built.
    pub fn build(self) -> Result<Extractor> {
        let additions = !self.gazetteer.is_empty() || !self.rules.rules().is_empty();
        if self.defaults && self.default_rules && !additions {
            // the default extractor is compiled once per process and shared
            return DEFAULT_EXTRACTOR.as_ref().cloned().map_err(|message| Error::Gazetteer {
                location: crate::error::Location::new("<embedded defaults>", 0, 0),
                message: message.clone(),
            });
        }
        self.compile()
    }

    fn compile(self) -> Result<Extractor> {
        let ExtractorBuilder { gazetteer: added, rules: added_rules, defaults, default_rules } = self;
        // the rules do not depend on the gazetteer: they compile beside it, on another core if
        // there is one; so do the matcher and the resolver, once the gazetteer is ready
        let (rules, parts) = rayon::join(
            || -> Result<RuleSet> {
                let mut rules = RuleSet::new();
                if defaults && default_rules {
                    for (label, text) in rules::DEFAULT_FILES {
                        rules.add_str(label, text)?;
                    }
                }
                rules.extend(added_rules)?;
                Ok(rules)
            },
            || -> Result<(Cow<'static, Gazetteer>, Matcher, Resolver)> {
                let gazetteer = merged_gazetteer(added, defaults)?;
                // the embedded defaults were checked when they loaded; a gazetteer with additions is
                // checked beside the matcher's build, which does not depend on the check
                let check = || if matches!(gazetteer, Cow::Owned(_)) { gazetteer.validate() } else { Ok(()) };
                let (matcher, (resolver, checked)) =
                    rayon::join(|| Matcher::new(&gazetteer), || rayon::join(|| Resolver::new(&gazetteer), check));
                checked?;
                Ok((gazetteer, matcher?, resolver))
            },
        );
        let (gazetteer, matcher, resolver) = parts?;
        let rules = rules?;
        Ok(Extractor { inner: Arc::new(Inner { gazetteer, matcher, resolver, rules }) })
    }
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
        let location = added.location(i).cloned();
        g.add_record(record.clone()).map_err(|e| match (e, location) {
            (Error::Gazetteer { message, .. }, Some(location)) => Error::Gazetteer { location, message },
            (e, _) => e,
        })?;
    }
    Ok(Cow::Owned(g))
}

static DEFAULT_EXTRACTOR: Lazy<Result<Extractor, String>> =
    Lazy::new(|| ExtractorBuilder::new().compile().map_err(|e| e.to_string()));

/// Reads texts and says who is who and who did what to whom.
///
/// Build it once (that is the expensive part) and share it: it is `Send + Sync`.
///
/// Cloning is cheap: clones share the compiled gazetteer, matcher and rules. The default extractor
/// ([`Extractor::new`]) is compiled once per process.
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
    pub fn analyze<'t>(&self, text: &'t str, date: Date) -> (Text<'t>, Resolution) {
        let text = Text::new(text);
        let matches = self.inner.matcher.find_all(&text);
        let resolution = self.inner.resolver.resolve(&self.inner.gazetteer, &self.inner.matcher, &text, &matches, date);
        (text, resolution)
    }

    fn run(&self, input: &str, date: Date, assumed: bool) -> Document {
        let (text, resolution) = self.analyze(input, date);
        let found = self.inner.rules.apply(&text, &resolution);
        document(input, date, assumed, &resolution, &found, &self.inner.rules)
    }
}

/// Assembles the output document: entities with at least one listed mention, once each.
fn document(
    input: &str,
    date: Date,
    assumed: bool,
    resolution: &Resolution,
    found: &[rules::RelationMatch],
    rules: &RuleSet,
) -> Document {
    let mut doc = Document { date: Some(date.to_string()), date_assumed: assumed, ..Document::default() };
    let listed = |kind: EntityKind| kind != EntityKind::Money;
    let mut written: HashMap<usize, Vec<String>> = HashMap::new();
    let mut order: Vec<usize> = Vec::new();
    for m in &resolution.mentions {
        let entity = &resolution.entities[m.entity];
        if !listed(entity.kind) {
            continue;
        }
        let text = input[m.start..m.end].to_string();
        let names = written.entry(m.entity).or_insert_with(|| {
            order.push(m.entity);
            Vec::new()
        });
        // the names as written are aliases; "the Kazakh president" or "Chinese" are not names
        let is_name = matches!(m.form, MentionForm::Name | MentionForm::Short);
        if is_name && text != entity.name && !names.contains(&text) {
            names.push(text.clone());
        }
        doc.mentions.push(Mention {
            entity: entity.id.clone(),
            start: m.start,
            end: m.end,
            text,
            sentence: m.sentence,
        });
    }
    // resolution orders mentions by phrase ("Kazakh President Tokayev" before its nested
    // "Kazakh"); the output lists them by position, a nesting one before what it nests
    doc.mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    // relation arguments are entities of the document too
    for r in found {
        for e in [r.subject, r.object] {
            if listed(resolution.entities[e].kind) && !written.contains_key(&e) {
                written.insert(e, Vec::new());
                order.push(e);
            }
        }
    }
    for i in order {
        let e = &resolution.entities[i];
        let mut aliases = e.aliases.clone();
        for name in written.remove(&i).unwrap_or_default() {
            if !aliases.contains(&name) {
                aliases.push(name);
            }
        }
        doc.entities.push(Entity {
            id: e.id.clone(),
            kind: e.kind,
            name: e.name.clone(),
            aliases,
            attrs: e.attrs.clone(),
        });
    }
    for r in found {
        doc.relations.push(Relation {
            kind: r.kind,
            subject: resolution.entities[r.subject].id.clone(),
            object: resolution.entities[r.object].id.clone(),
            rule: rules.rules().get(r.rule).map_or_else(String::new, |rule| rule.id.clone()),
            start: r.start,
            end: r.end,
            text: input[r.start..r.end].to_string(),
            args: r.args.clone(),
        });
    }
    doc
}

// Extractors are shared across threads: keep them so.
const _: fn() = || {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Extractor>();
};
