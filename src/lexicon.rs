//! The word lists attache's stages read, embedded from the top-level `lexicon/` folder: one list
//! a file, one entry a line, `#` comments. A list changes by editing its file, not the code.
//!
//! | file | read by | what |
//! |---|---|---|
//! | `function-words.txt` | resolve | capitalised words that open sentences without being names |
//! | `title-case-small.txt` | resolve | short words headlines leave in lower case |
//! | `calendar.txt` | resolve | days and months |
//! | `common-words.txt` | resolve | capitalised common words that are no name |
//! | `name-suffixes.txt` | resolve | words after a name that make it another place or thing ("Street") |
//! | `generational-suffixes.txt` | resolve | words after a person's name that tell generations apart ("Jr") |
//! | `unowned-titles.txt` | resolve | titles that, alone, are as often used of no one ("general", "chair") |
//! | `geo-modifiers.txt` | resolve | words that make a place of a name ("northern") |
//! | `group-nouns.txt` | resolve | nouns after a name that make it a group |
//! | `news-verbs.txt` | resolve | verbs that make a capitalised first word an actor |
//! | `locatives.txt` | resolve | words before a name that make it a location |
//! | `not-now.txt` | resolve | words before a title: no longer, or not yet, in office |
//! | `particles.txt` | matcher, resolve | name particles ("bin", "von", "al") |
//! | `honorifics.txt`, `vague-titles.txt`, `not-acting-titles.txt` | resolve | titles that vouch for less |
//! | `not-name-words.txt`, `institution-words.txt`, `leading-words.txt` | resolve | capitalised words that are no person's name |
//! | `title-families.tsv` | resolve | titles in families by what they are called ("premier", "prime minister") |
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

use rustc_hash::{FxHashMap, FxHashSet};

use crate::error::{Error, LineIndex, Result};
use crate::resolve::Family;

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
    /// `title<TAB>family`: a title in lower case and one of the title families.
    Families,
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
    /// Words after a name that make it another place or thing ("Street", "Delta").
    NameSuffixes => "name-suffixes.txt", Lower;
    /// Titles in families named by what they are called ("premier" and "prime minister").
    TitleFamilies => "title-families.tsv", Families;
    /// Words after a person's name that tell generations apart ("Jr", "III").
    GenerationalSuffixes => "generational-suffixes.txt", Lower;
    /// Titles that, alone, are as often used of no one ("general", "chair").
    UnownedTitles => "unowned-titles.txt", Lower;
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

    /// Adds `entry` unless it is there already.
    fn insert(&mut self, entry: &str) {
        if self.set.insert(entry.into()) {
            self.entries.push(entry.into());
        }
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

    /// Per word of `lists`, the flags of the lists it is in (each list's `flag` or-ed): one
    /// table where a stage asks of a word which of several lists hold it, looked up once.
    pub(crate) fn flags<F: Copy + Default + std::ops::BitOrAssign>(
        &self,
        lists: &[(ListId, F)],
    ) -> FxHashMap<Box<str>, F> {
        let mut flags: FxHashMap<Box<str>, F> = FxHashMap::default();
        for &(id, flag) in lists {
            for w in self[id].entries() {
                *flags.entry(w.into()).or_default() |= flag;
            }
        }
        flags
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
        Shape::Families => {
            let (at, family) = columns(entry)?;
            if Family::parse(&family).is_none() {
                let names: Vec<&str> = Family::NAMED.iter().map(|(name, _)| *name).collect();
                return Err((at, format!("unknown title family `{family}`: one of {}", names.join(", "))));
            }
            if let Some((at, _)) = entry.char_indices().find(|(_, c)| c.is_uppercase()) {
                return Err((at, format!("`{entry}` is not in lower case: titles are matched normalised")));
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
    fn every_embedded_list_is_written_as_its_shape_asks_without_duplicates() {
        for &id in ListId::ALL {
            let mut lexicon = Lexicon::embedded().as_ref().clone();
            let file = format!("lexicon/{}", id.file());
            if let Err(e) = lexicon.replace(id, &file, id.embedded()) {
                panic!("{e}");
            }
            let entries: Vec<&str> = read_entries(id.embedded()).map(|(_, e)| e).collect();
            assert!(!entries.is_empty(), "{file} is empty");
            let mut seen = std::collections::HashSet::new();
            for e in &entries {
                assert!(seen.insert(*e), "{file}: `{e}` twice");
            }
        }
    }

    #[test]
    fn every_file_of_the_folder_is_a_list() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/lexicon");
        let mut files: Vec<String> =
            std::fs::read_dir(folder).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        files.sort();
        let mut known: Vec<String> = ListId::ALL.iter().map(|id| id.file().to_string()).collect();
        known.sort();
        assert_eq!(files, known);
        for &id in ListId::ALL {
            assert_eq!(Lexicon::list_named(&format!("some/folder/{}", id.file())), Some(id));
        }
    }

    #[test]
    fn no_word_states_both_genders() {
        let lexicon = Lexicon::embedded();
        let (male, female) = (&lexicon[ListId::GenderMale], &lexicon[ListId::GenderFemale]);
        for w in female.entries() {
            assert!(!male.contains(w), "`{w}` is in both gender lists");
        }
        // every pronoun of the coreference list has a gender
        for p in lexicon[ListId::Pronouns].entries() {
            assert!(male.contains(p) || female.contains(p), "pronoun `{p}` has no gender");
        }
    }

    #[test]
    fn entries_drop_comments_and_keep_offsets() {
        let text = "# header\n  one # why\n\n\ttwo\n";
        let entries: Vec<(usize, &str)> = read_entries(text).collect();
        assert_eq!(entries, [(11, "one"), (23, "two")]);
    }
}
