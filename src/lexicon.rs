//! The word lists attache's stages read, embedded from the top-level `lexicon/` folder: one list
//! a file, one entry a line, `#` comments. A list changes by editing its file, not the code.
//!
//! | file | read by | what |
//! |---|---|---|
//! | `function-words.txt` | resolve | capitalised words that open sentences without being names |
//! | `title-case-small.txt` | resolve | short words headlines leave in lower case |
//! | `calendar.txt` | resolve | days and months |
//! | `common-words.txt` | resolve | capitalised common words that are no name |
//! | `name-suffixes.txt` | resolve | words after a name that continue it ("Jr") |
//! | `geo-modifiers.txt` | resolve | words that make a place of a name ("northern") |
//! | `group-nouns.txt` | resolve | nouns after a name that make it a group |
//! | `news-verbs.txt` | resolve | verbs that make a capitalised first word an actor |
//! | `locatives.txt` | resolve | words before a name that make it a location |
//! | `not-now.txt` | resolve | words before a title: no longer, or not yet, in office |
//! | `particles.txt` | matcher, resolve | name particles ("bin", "von", "al") |
//! | `honorifics.txt`, `vague-titles.txt`, `not-acting-titles.txt` | resolve | titles that vouch for less |
//! | `not-name-words.txt`, `institution-words.txt`, `leading-words.txt` | resolve | capitalised words that are no person's name |
//! | `pronouns.txt`, `subordinators.txt` | resolve (coreference) | pronouns; words opening a clause before the main one |
//! | `gender-male.txt`, `gender-female.txt` | resolve (coreference) | words that say a person's gender (pronouns, honorifics, titles, kin) |
//! | `abbreviations.txt` | text | abbreviations whose full stop ends no sentence |
//! | `common-trigger-words.txt` | rules | words too common to trigger a pattern |
//! | `negation.txt`, `modality.txt`, `auxiliaries.txt`, `linking-words.txt` | rules | words that negate, make future, qualify or link |
//! | `determiners.txt` | rules | words before a mention that join its unit ("the", "his") |
//! | `suppositions.txt`, `cancellations.txt` | rules | words before a match that deny or suppose it; words after it that call it off |
//! | `agents.tsv`, `agents-extra.tsv`, `group-*.txt` | resolve (groups) | agent nouns and their sectors |
//! | `sectors.tsv` | resolve (groups) | CAMEO sector codes to PLOVER's |
//! | `org-heads.tsv` | resolve (named organisations) | head words of organisations named after a country ("Airways") |

use rustc_hash::FxHashSet;

use crate::error::{Error, LineIndex, Result};

/// One embedded list: the file it comes from and its text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct List {
    /// The file, as `lexicon/<name>` (for messages about the list).
    #[cfg_attr(not(test), allow(dead_code))]
    pub file: &'static str,
    /// Its text.
    pub text: &'static str,
}

impl List {
    /// The entries: lines without comments and surrounding space, empty lines skipped.
    pub(crate) fn entries(self) -> impl Iterator<Item = &'static str> {
        self.text.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty())
    }
}

/// A list's entries, as a set.
#[derive(Debug)]
pub(crate) struct Words {
    set: FxHashSet<&'static str>,
}

impl Words {
    pub(crate) fn new(list: List) -> Words {
        Words { set: list.entries().collect() }
    }

    /// Whether `w` is an entry, as written.
    pub(crate) fn contains(&self, w: impl AsRef<str>) -> bool {
        self.set.contains(w.as_ref())
    }

    /// Whether `w` is an entry, ASCII case aside (entries are lower case).
    pub(crate) fn contains_ignore_case(&self, w: &str) -> bool {
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            self.set.contains(w.to_ascii_lowercase().as_str())
        } else {
            self.set.contains(w)
        }
    }
}

/// A list loaded once, as a set.
macro_rules! words {
    ($(#[$doc:meta])* $name:ident, $list:ident) => {
        $(#[$doc])*
        pub(crate) static $name: once_cell::sync::Lazy<Words> = once_cell::sync::Lazy::new(|| Words::new($list));
    };
}

macro_rules! list {
    ($name:ident, $file:literal) => {
        pub(crate) const $name: List =
            List { file: concat!("lexicon/", $file), text: include_str!(concat!("../lexicon/", $file)) };
    };
}

list!(FUNCTION_WORDS, "function-words.txt");
list!(TITLE_CASE_SMALL, "title-case-small.txt");
list!(CALENDAR, "calendar.txt");
list!(COMMON_WORDS, "common-words.txt");
list!(NAME_SUFFIXES, "name-suffixes.txt");
list!(GEO_MODIFIERS, "geo-modifiers.txt");
list!(GROUP_NOUNS, "group-nouns.txt");
list!(NEWS_VERBS, "news-verbs.txt");
list!(LOCATIVES, "locatives.txt");
list!(NOT_NOW, "not-now.txt");
list!(PARTICLES_LIST, "particles.txt");
list!(VAGUE_TITLES_LIST, "vague-titles.txt");
list!(NOT_ACTING_LIST, "not-acting-titles.txt");
list!(HONORIFICS_LIST, "honorifics.txt");
list!(NOT_NAME_LIST, "not-name-words.txt");
list!(PRONOUNS_LIST, "pronouns.txt");
list!(SUBORDINATORS_LIST, "subordinators.txt");
list!(INSTITUTIONS_LIST, "institution-words.txt");
list!(LEADING_LIST, "leading-words.txt");
list!(ABBREVIATIONS_LIST, "abbreviations.txt");
list!(COMMON_TRIGGER_LIST, "common-trigger-words.txt");
list!(AGENTS, "agents.tsv");
list!(AGENTS_EXTRA, "agents-extra.tsv");
list!(GROUP_COLLECTIVES, "group-collectives.txt");
list!(GROUP_MODIFIERS, "group-modifiers.txt");
list!(GROUP_FOLLOWERS, "group-followers.txt");
list!(GROUP_COUNTED, "group-counted.txt");
list!(SECTORS, "sectors.tsv");
list!(ORG_HEADS, "org-heads.tsv");
list!(NEGATION_LIST, "negation.txt");
list!(MODALITY_LIST, "modality.txt");
list!(AUXILIARIES_LIST, "auxiliaries.txt");
list!(LINKING_LIST, "linking-words.txt");
list!(GENDER_MALE, "gender-male.txt");
list!(GENDER_FEMALE, "gender-female.txt");
list!(SUPPOSITIONS_LIST, "suppositions.txt");
list!(CANCELLATIONS_LIST, "cancellations.txt");
list!(DETERMINERS, "determiners.txt");

words!(
    /// Particles of names, whose capitalisation varies ("Mohammed bin Salman", "al-Burhan").
    PARTICLES, PARTICLES_LIST
);
words!(
    /// Titles too vague to vouch for a name.
    VAGUE_TITLES, VAGUE_TITLES_LIST
);
words!(
    /// Titles that are no office of the owner before them.
    NOT_ACTING, NOT_ACTING_LIST
);
words!(
    /// Titles that say nothing of a role.
    HONORIFICS, HONORIFICS_LIST
);
words!(
    /// Capitalised words of titles and bodies, no part of a name.
    NOT_NAME, NOT_NAME_LIST
);
words!(
    /// Personal pronouns that refer to one person.
    PRONOUNS, PRONOUNS_LIST
);
words!(
    /// Words that open a clause before the main one.
    SUBORDINATORS, SUBORDINATORS_LIST
);
words!(
    /// Last words that make a run of capitalised words an institution.
    INSTITUTIONS, INSTITUTIONS_LIST
);
words!(
    /// Capitalised words that open a phrase without being part of a name (as written).
    LEADING, LEADING_LIST
);
words!(
    /// Abbreviations whose full stop ends no sentence.
    ABBREVIATIONS, ABBREVIATIONS_LIST
);
words!(
    /// Verbs that make a capitalised word before them an actor ("Chad said").
    NEWS_VERB_SET, NEWS_VERBS
);
words!(
    /// Words that negate the event after them.
    NEGATION, NEGATION_LIST
);
words!(
    /// Words that put the event after them in the future.
    MODALITY, MODALITY_LIST
);
words!(
    /// Words that only qualify the verb after them.
    AUXILIARIES, AUXILIARIES_LIST
);
words!(
    /// Words that link parts: never a match's trigger.
    LINKING, LINKING_LIST
);
words!(
    /// Words before a match that deny its clause or only suppose it.
    SUPPOSITIONS, SUPPOSITIONS_LIST
);
words!(
    /// Words after a match that call it off.
    CANCELLATIONS, CANCELLATIONS_LIST
);
words!(
    /// Words too common to trigger a pattern.
    COMMON_TRIGGER, COMMON_TRIGGER_LIST
);

/// How the entries of a list are written, which [`Lexicon::replace`] checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Words or phrases in lower case.
    Lower,
    /// Words as written in the text ("The", "His").
    AsWritten,
    /// `phrase<TAB>code`: a phrase in lower case and a run of three-letter CAMEO sector codes.
    Agents,
    /// `code<TAB>code`: a CAMEO sector code and its PLOVER code, or `-` to drop it.
    Sectors,
    /// `Word<TAB>code`: a head word as written and a PLOVER sector code.
    Heads,
}

macro_rules! lists {
    ($($(#[$doc:meta])* $id:ident => $file:literal, $shape:ident;)*) => {
        /// A list of the lexicon, named after its file in `lexicon/`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub(crate) enum ListId {
            $($(#[$doc])* $id,)*
        }

        impl ListId {
            /// Every list, in the order of [`Lexicon`]'s table.
            pub(crate) const ALL: &'static [ListId] = &[$(ListId::$id,)*];

            /// Its file name in `lexicon/` ("negation.txt"), which also names a replacement.
            pub(crate) fn file(self) -> &'static str {
                match self { $(ListId::$id => $file,)* }
            }

            /// The embedded file's text.
            fn embedded(self) -> &'static str {
                match self { $(ListId::$id => include_str!(concat!("../lexicon/", $file)),)* }
            }

            fn shape(self) -> Shape {
                match self { $(ListId::$id => Shape::$shape,)* }
            }
        }
    };
}

lists! {
    /// Capitalised words that open sentences without being names.
    FunctionWords => "function-words.txt", Lower;
    /// Short words headlines leave in lower case.
    TitleCaseSmall => "title-case-small.txt", Lower;
    /// Days and months.
    Calendar => "calendar.txt", Lower;
    /// Capitalised common words that are no name.
    CommonWords => "common-words.txt", Lower;
    /// Words after a name that continue it ("Jr").
    NameSuffixes => "name-suffixes.txt", Lower;
    /// Words that make a place of a name ("northern").
    GeoModifiers => "geo-modifiers.txt", Lower;
    /// Nouns after a name that make it a group.
    GroupNouns => "group-nouns.txt", Lower;
    /// Verbs that make a capitalised word before them an actor ("Chad said").
    NewsVerbs => "news-verbs.txt", Lower;
    /// Words before a name that make it a location.
    Locatives => "locatives.txt", Lower;
    /// Words before a title: no longer, or not yet, in office.
    NotNow => "not-now.txt", Lower;
    /// Particles of names, whose capitalisation varies ("Mohammed bin Salman", "al-Burhan").
    Particles => "particles.txt", Lower;
    /// Titles too vague to vouch for a name.
    VagueTitles => "vague-titles.txt", Lower;
    /// Titles that are no office of the owner before them.
    NotActingTitles => "not-acting-titles.txt", Lower;
    /// Titles that say nothing of a role.
    Honorifics => "honorifics.txt", Lower;
    /// Capitalised words of titles and bodies, no part of a name.
    NotNameWords => "not-name-words.txt", Lower;
    /// Personal pronouns that refer to one person.
    Pronouns => "pronouns.txt", Lower;
    /// Words that open a clause before the main one.
    Subordinators => "subordinators.txt", Lower;
    /// Last words that make a run of capitalised words an institution.
    InstitutionWords => "institution-words.txt", Lower;
    /// Capitalised words that open a phrase without being part of a name (as written).
    LeadingWords => "leading-words.txt", AsWritten;
    /// Abbreviations whose full stop ends no sentence.
    Abbreviations => "abbreviations.txt", Lower;
    /// Words too common to trigger a pattern.
    CommonTriggerWords => "common-trigger-words.txt", Lower;
    /// Agent nouns and their CAMEO sectors (from PETRARCH's Phoenix agents dictionary).
    Agents => "agents.tsv", Agents;
    /// Agent nouns and their sectors that the Phoenix dictionary lacks.
    AgentsExtra => "agents-extra.tsv", Agents;
    /// Singular nouns of bodies that act as one group ("coast guard").
    GroupCollectives => "group-collectives.txt", Lower;
    /// Words before an agent noun that keep it a group ("senior", "armed").
    GroupModifiers => "group-modifiers.txt", Lower;
    /// Words after an agent noun that keep it a group.
    GroupFollowers => "group-followers.txt", Lower;
    /// Words that count the people of an agent noun: no group.
    GroupCounted => "group-counted.txt", Lower;
    /// CAMEO sector codes to PLOVER's.
    Sectors => "sectors.tsv", Sectors;
    /// Head words of organisations named after a country ("Airways"), and their sectors.
    OrgHeads => "org-heads.tsv", Heads;
    /// Words that negate the event after them.
    Negation => "negation.txt", Lower;
    /// Words that put the event after them in the future.
    Modality => "modality.txt", Lower;
    /// Words that only qualify the verb after them.
    Auxiliaries => "auxiliaries.txt", Lower;
    /// Words that link parts: never a match's trigger.
    LinkingWords => "linking-words.txt", Lower;
    /// Words just before a match that deny or only suppose its clause ("whether", "denied").
    Suppositions => "suppositions.txt", Lower;
    /// Words just after a match that call it off ("cancelled", "postponed").
    Cancellations => "cancellations.txt", Lower;
    /// Words just before a mention that belong to its unit for the rules ("the", "his").
    Determiners => "determiners.txt", Lower;
    /// Words that say a person is a man (pronouns, honorifics, titles, kin).
    GenderMale => "gender-male.txt", Lower;
    /// Words that say a person is a woman.
    GenderFemale => "gender-female.txt", Lower;
}

/// One list of a [`Lexicon`]: its entries in file order, and as a set.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordList {
    entries: Vec<Box<str>>,
    set: FxHashSet<Box<str>>,
}

impl WordList {
    /// Whether `w` is an entry, as written.
    pub(crate) fn contains(&self, w: impl AsRef<str>) -> bool {
        self.set.contains(w.as_ref())
    }

    /// Whether `w` is an entry, ASCII case aside (entries are lower case).
    pub(crate) fn contains_ignore_case(&self, w: &str) -> bool {
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            self.set.contains(w.to_ascii_lowercase().as_str())
        } else {
            self.set.contains(w)
        }
    }

    /// The entries, in file order (a line of a table is one entry).
    pub(crate) fn entries(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| &**e)
    }

    /// The entries of a two-column table, split at the tab and trimmed.
    pub(crate) fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries().filter_map(|e| e.split_once('\t')).map(|(a, b)| (a.trim(), b.trim()))
    }
}

/// The word lists of one extractor: the embedded `lexicon/` files, any of which a user may
/// replace ([`ExtractorBuilder::lexicon_file`](crate::ExtractorBuilder::lexicon_file)). Every
/// stage reads its words from here, so a replaced list changes what every stage sees.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    /// One list per [`ListId`], in [`ListId::ALL`]'s order.
    lists: Box<[WordList]>,
}

impl std::ops::Index<ListId> for Lexicon {
    type Output = WordList;

    fn index(&self, id: ListId) -> &WordList {
        &self.lists[id as usize]
    }
}

impl Lexicon {
    /// The embedded lists, parsed once per process.
    pub(crate) fn embedded() -> &'static std::sync::Arc<Lexicon> {
        static EMBEDDED: once_cell::sync::Lazy<std::sync::Arc<Lexicon>> = once_cell::sync::Lazy::new(|| {
            // the embedded files are checked by this module's tests; a bad one would be a bug
            // of the crate, not of the user, so it is read without the checks
            let lists = ListId::ALL.iter().map(|&id| read_entries(id.embedded()).map(|(_, e)| e).collect()).collect();
            std::sync::Arc::new(Lexicon { lists })
        });
        &EMBEDDED
    }

    /// The list a file replaces, by its file name ("negation.txt", with or without a folder).
    pub(crate) fn list_named(path: &str) -> Option<ListId> {
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
        ListId::ALL.iter().copied().find(|id| id.file() == name)
    }

    /// This lexicon with list `id` replaced by `text`, read from `file` (for messages).
    ///
    /// # Errors
    /// An entry written the wrong way for its list (upper case in a lower-case list, a table
    /// line without its two columns, a sector code that is not one), naming file, line and column.
    pub(crate) fn replace(&mut self, id: ListId, file: &str, text: &str) -> Result<()> {
        let index = LineIndex::new(file, text);
        let mut list = WordList::default();
        for (offset, entry) in read_entries(text) {
            check_entry(id.shape(), entry).map_err(|(at, message)| Error::Lexicon {
                location: index.location(offset + at),
                message: format!("{message} (in a replacement of lexicon/{})", id.file()),
            })?;
            list.insert(entry);
        }
        self.lists[id as usize] = list;
        Ok(())
    }
}

impl FromIterator<&'static str> for WordList {
    fn from_iter<I: IntoIterator<Item = &'static str>>(entries: I) -> WordList {
        let mut list = WordList::default();
        for e in entries {
            list.insert(e);
        }
        list
    }
}

impl WordList {
    fn insert(&mut self, entry: &str) {
        if self.set.insert(entry.into()) {
            self.entries.push(entry.into());
        }
    }
}

/// The entries of a list's text with their byte offsets: lines without `#` comments and
/// surrounding space, empty lines skipped.
fn read_entries(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n')
        .scan(0usize, |start, line| {
            let offset = *start;
            *start += line.len();
            Some((offset, line))
        })
        .filter_map(|(offset, line)| {
            let content = line.split('#').next().unwrap_or("");
            let trimmed = content.trim();
            let lead = content.len() - content.trim_start().len();
            (!trimmed.is_empty()).then_some((offset + lead, trimmed))
        })
}

/// Whether `entry` is written as its list's shape asks; else the byte offset in the entry of
/// what is wrong, and what.
fn check_entry(shape: Shape, entry: &str) -> std::result::Result<(), (usize, String)> {
    let code = |c: &str| !c.is_empty() && c.len() % 3 == 0 && c.bytes().all(|b| b.is_ascii_uppercase());
    let columns = |entry: &str| -> std::result::Result<(usize, String), (usize, String)> {
        match entry.split_once('\t') {
            Some((a, b)) if !a.trim().is_empty() && !b.contains('\t') => {
                Ok((a.len() + 1 + (b.len() - b.trim_start().len()), b.trim().to_string()))
            }
            _ => Err((0, format!("expected two columns separated by a tab, found `{entry}`"))),
        }
    };
    match shape {
        Shape::AsWritten => {}
        Shape::Lower => {
            if entry.contains('\t') {
                return Err((entry.find('\t').unwrap_or(0), "a tab in a list of words".to_string()));
            }
            if let Some((at, c)) = entry.char_indices().find(|(_, c)| c.is_uppercase()) {
                return Err((
                    at,
                    format!("`{entry}` is not in lower case (`{c}`): this list is matched in lower case"),
                ));
            }
        }
        Shape::Agents | Shape::Sectors | Shape::Heads => {
            let (at, second) = columns(entry)?;
            let first = entry.split('\t').next().unwrap_or("").trim();
            let ok = match shape {
                Shape::Agents => code(&second) && first == first.to_lowercase(),
                Shape::Sectors => code(first) && (second == "-" || code(&second)),
                _ => code(&second),
            };
            if !ok {
                let what = match shape {
                    Shape::Agents => "expected `phrase in lower case<TAB>sector codes` (three capital letters each)",
                    Shape::Sectors => "expected `CAMEO code<TAB>PLOVER code` or `CAMEO code<TAB>-`",
                    _ => "expected `Head word<TAB>sector code` (three capital letters)",
                };
                return Err((if code(&second) || second == "-" { 0 } else { at }, format!("{what}, found `{entry}`")));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_agent_line_is_a_phrase_a_tab_and_a_sector_code() {
        for list in [AGENTS, AGENTS_EXTRA] {
            for (n, line) in list.text.lines().enumerate() {
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                let fields: Vec<&str> = line.split('\t').collect();
                assert!(
                    fields.len() == 2 && !fields[0].trim().is_empty(),
                    "{}:{}: expected `phrase<TAB>SECTOR`, found {line:?}",
                    list.file,
                    n + 1
                );
                let sector = fields[1].trim();
                assert!(
                    !sector.is_empty() && sector.len() % 3 == 0 && sector.bytes().all(|b| b.is_ascii_uppercase()),
                    "{}:{}: sector `{sector}` is not a run of three-letter codes",
                    list.file,
                    n + 1
                );
            }
        }
    }

    #[test]
    fn no_word_states_both_genders() {
        let male: std::collections::HashSet<&str> = GENDER_MALE.entries().collect();
        for w in GENDER_FEMALE.entries() {
            assert!(!male.contains(w), "`{w}` is in both {} and {}", GENDER_MALE.file, GENDER_FEMALE.file);
        }
        // every pronoun of the coreference list has a gender
        for p in PRONOUNS_LIST.entries() {
            assert!(male.contains(p) || GENDER_FEMALE.entries().any(|w| w == p), "pronoun `{p}` has no gender");
        }
    }

    #[test]
    fn every_list_has_entries_in_lower_case_without_duplicates() {
        for list in [
            FUNCTION_WORDS,
            TITLE_CASE_SMALL,
            CALENDAR,
            COMMON_WORDS,
            NAME_SUFFIXES,
            GEO_MODIFIERS,
            GROUP_NOUNS,
            NEWS_VERBS,
            LOCATIVES,
            NOT_NOW,
            PARTICLES_LIST,
            VAGUE_TITLES_LIST,
            NOT_ACTING_LIST,
            HONORIFICS_LIST,
            NOT_NAME_LIST,
            PRONOUNS_LIST,
            SUBORDINATORS_LIST,
            INSTITUTIONS_LIST,
            LEADING_LIST,
            ABBREVIATIONS_LIST,
            COMMON_TRIGGER_LIST,
            NEGATION_LIST,
            MODALITY_LIST,
            AUXILIARIES_LIST,
            LINKING_LIST,
            GENDER_MALE,
            GENDER_FEMALE,
            SUPPOSITIONS_LIST,
            CANCELLATIONS_LIST,
            DETERMINERS,
        ] {
            let entries: Vec<&str> = list.entries().collect();
            assert!(!entries.is_empty(), "{} is empty", list.file);
            let mut seen = std::collections::HashSet::new();
            for e in &entries {
                // (leading words are compared as written: "The", "His")
                if list.file != LEADING_LIST.file {
                    assert_eq!(*e, e.to_lowercase(), "{}: `{e}` is not lower case", list.file);
                }
                assert!(seen.insert(*e), "{}: `{e}` twice", list.file);
            }
        }
    }
}
