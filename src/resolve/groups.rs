//! Group actors: actors that news names by what they are, not by name ("Syrian opposition
//! leaders", "Turkish troops", "the Malian government", "protesters in Caracas", "the Trump
//! administration"), coded as event data codes them: a country and a sector (`SYROPP`).
//!
//! A pass over a finished [`Resolution`]: it reads the text and the mentions resolved so far and
//! adds group entities and their mentions, nesting the country word it took in the group's phrase.
//! Its word lists are data (`lexicon/`):
//!
//! | file | what |
//! |---|---|
//! | `agents.tsv`, `agents-extra.tsv` | agent nouns and their sectors (`rebels` REB, `police` COP) |
//! | `group-collectives.txt` | singular agent nouns that name a body ("government"), not a person |
//! | `group-modifiers.txt` | words that may stand between country word and noun ("senior") |
//! | `group-followers.txt` | words after the noun that end its phrase ("said", "in") |
//! | `group-counted.txt` | count words before a bare noun that refer to named people ("the two ministers") |
//!
//! Precision first: a singular noun for one person ("president") is never a group; a noun followed
//! by another noun ("police station") is not one either; an unlisted capitalised word before the
//! noun ("Houthi rebels") names a group attache cannot code, and makes none. A bare noun
//! ("protesters", "the government") takes the country of its sentence when the sentence names one
//! country and only one, and makes no group otherwise: silence rather than a guess.

use std::collections::BTreeMap;

use once_cell::sync::Lazy;
use rustc_hash::{FxHashMap, FxHashSet};

use super::classes::{class, TokenClasses};
use super::{MentionForm, Resolution, ResolvedEntity, ResolvedMention};
use crate::gazetteer::EntityKind;
use crate::text::{Text, TokenKind};

use crate::lexicon::{Lexicon, ListId};

/// Sectors whose groups act for their state in event data ("the Malian government" is Mali
/// acting): a rule slot that wants a country takes them.
const STATE_SECTORS: &[&str] = &["GOV", "MIL", "LEG", "JUD", "COP", "SPY"];

/// Sectors too vague to make a group of a bare noun ("men", "people", "civilians"): CAMEO's PPL
/// is CVL by the time a sector is read (lexicon/sectors.tsv).
const LOW_INFORMATION: &[&str] = &["CVL"];

/// The word lists of the pass.
#[derive(Debug, Clone)]
pub(crate) struct Agents {
    /// Agent phrases (lower case, words joined by one space) and their sectors, as a trie of
    /// words: a look-up steps a word at a time and stops at the first words that no phrase goes
    /// on with (the most common words of news, "the" and "a", start phrases as long as eleven
    /// words), with no phrase built and hashed.
    phrases: Phrases,
    collectives: FxHashSet<String>,
    modifiers: FxHashSet<String>,
    followers: FxHashSet<String>,
    counted: FxHashSet<String>,
}

/// Agent phrases as a trie over their words: node 0 is the empty phrase.
#[derive(Debug, Clone)]
struct Phrases {
    /// Every word of a phrase -> its number.
    words: FxHashMap<Box<str>, u32>,
    /// (node, word) -> the node of the phrase one word longer.
    next: FxHashMap<(u32, u32), u32>,
    nodes: Vec<Phrase>,
}

/// An agent phrase, the beginning of longer ones, or both.
#[derive(Debug, Clone, Default)]
struct Phrase {
    sector: Option<String>,
    longer: bool,
}

impl Phrases {
    fn new() -> Phrases {
        Phrases { words: FxHashMap::default(), next: FxHashMap::default(), nodes: vec![Phrase::default()] }
    }

    /// Adds `phrase` (words joined by one space) with its sector, and its beginnings.
    fn add(&mut self, phrase: &str, sector: String) {
        let mut node = 0;
        for (k, word) in phrase.split(' ').enumerate() {
            if k > 0 {
                self.nodes[node as usize].longer = true;
            }
            let word = match self.words.get(word) {
                Some(&w) => w,
                None => {
                    let count = u32::try_from(self.words.len()).expect("fewer than 2^32 words");
                    self.words.insert(word.into(), count);
                    count
                }
            };
            let count = u32::try_from(self.nodes.len()).expect("fewer than 2^32 phrases");
            node = *self.next.entry((node, word)).or_insert(count);
            if node == count {
                self.nodes.push(Phrase::default());
            }
        }
        self.nodes[node as usize].sector = Some(sector);
    }

    /// The phrase one word longer than `node`'s, if a phrase starts so.
    fn step(&self, node: u32, word: &str) -> Option<u32> {
        self.step_word(node, *self.words.get(word)?)
    }

    /// [`Phrases::step`] by the word's number in `words`.
    #[inline]
    fn step_word(&self, node: u32, word: u32) -> Option<u32> {
        self.next.get(&(node, word)).copied()
    }

    /// Phrase `phrase` (words joined by one space), if it is one or begins one.
    fn get(&self, phrase: &str) -> Option<&Phrase> {
        let mut node = 0;
        for word in phrase.split(' ') {
            node = self.step(node, word)?;
        }
        self.nodes.get(node as usize)
    }

    /// Whether word number `word` starts a phrase.
    fn is_first(&self, word: u32) -> bool {
        self.next.contains_key(&(0, word))
    }
}

/// `phrase` in lower case, its words joined by one space.
fn normal_phrase(phrase: &str) -> String {
    // most lines of the lists are written so already: copied as they are
    let plain = |b: u8| b.is_ascii_graphic() && !b.is_ascii_uppercase();
    let words_ok = phrase.split(' ').all(|w| !w.is_empty() && w.bytes().all(plain));
    if words_ok {
        phrase.to_string()
    } else {
        phrase.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
    }
}

/// The PLOVER sector of a run of CAMEO codes (`REBMUS` → `REB`, `GOVMED` → `GOV`): the first code
/// that PLOVER keeps (an unknown code is kept as it is), `CVL` when none is.
fn plover_sector(table: &FxHashMap<&str, &str>, cameo: &str) -> String {
    let codes = (0..cameo.len() / 3).filter_map(|i| cameo.get(3 * i..3 * i + 3));
    codes.map(|c| table.get(c).copied().unwrap_or(c)).find(|c| *c != "-").unwrap_or("CVL").to_string()
}

impl Agents {
    /// The lists of `lexicon`: agent phrases and their sectors (`agents.tsv`, then
    /// `agents-extra.tsv`, which only fills gaps), the sector table, the group words.
    pub(crate) fn parse(lexicon: &Lexicon) -> Agents {
        let plover: FxHashMap<&str, &str> = lexicon[ListId::Sectors].pairs().collect();
        let mut sectors = FxHashMap::default();
        for list in [ListId::Agents, ListId::AgentsExtra] {
            for (phrase, sector) in lexicon[list].pairs() {
                let phrase = normal_phrase(phrase);
                sectors.entry(phrase).or_insert_with(|| plover_sector(&plover, sector));
            }
        }
        let mut phrases = Phrases::new();
        for (phrase, sector) in sectors {
            phrases.add(&phrase, sector);
        }
        let set = |id: ListId| lexicon[id].entries().map(str::to_lowercase).collect::<FxHashSet<String>>();
        Agents {
            phrases,
            collectives: set(ListId::GroupCollectives),
            modifiers: set(ListId::GroupModifiers),
            followers: set(ListId::GroupFollowers),
            counted: set(ListId::GroupCounted),
        }
    }

    /// These lists with more agent phrases (lower case, words joined by one space) and their CAMEO
    /// sectors, read by the sector table of `lexicon`; a phrase given again takes the new sector.
    pub(crate) fn extended(&self, extra: &[(String, String)], lexicon: &Lexicon) -> Agents {
        let plover: FxHashMap<&str, &str> = lexicon[ListId::Sectors].pairs().collect();
        let mut agents = self.clone();
        for (phrase, sector) in extra {
            let phrase = normal_phrase(phrase);
            if phrase.is_empty() {
                continue;
            }
            agents.phrases.add(&phrase, plover_sector(&plover, sector));
        }
        agents
    }

    /// The embedded lists, loaded once.
    pub(crate) fn defaults() -> &'static Agents {
        static DEFAULT: Lazy<Agents> = Lazy::new(|| Agents::parse(Lexicon::embedded()));
        &DEFAULT
    }

    /// Every word of the phrases, with its number (as [`TokenClasses::agent_word`] gives it) and
    /// whether it starts a phrase (for `classes.rs`).
    pub(super) fn words(&self) -> impl Iterator<Item = (&str, u32, bool)> {
        self.phrases.words.iter().map(|(w, &number)| (&**w, number, self.phrases.is_first(number)))
    }

    /// The words of the group lists, each with its class (for `classes.rs`).
    pub(super) fn group_words(&self) -> impl Iterator<Item = (&str, u32)> {
        let lists = [
            (&self.modifiers, class::GROUP_MODIFIER),
            (&self.followers, class::GROUP_FOLLOWER),
            (&self.counted, class::GROUP_COUNTED),
        ];
        lists.into_iter().flat_map(|(set, bit)| set.iter().map(move |w| (w.as_str(), bit)))
    }

    /// The number of word `w` among the phrases' words.
    #[cfg(test)]
    pub(super) fn word_number(&self, w: &str) -> Option<u32> {
        self.phrases.words.get(w).copied()
    }

    /// Whether word `w` starts a phrase.
    #[cfg(test)]
    pub(super) fn is_first_word(&self, w: &str) -> bool {
        self.word_number(w).is_some_and(|n| self.phrases.is_first(n))
    }

    /// Whether `phrase` names a body or several people (a group), not one person.
    fn names_a_group(&self, phrase: &str) -> bool {
        if self.collectives.contains(phrase) {
            return true;
        }
        // a plural: its last word is another listed phrase's plural
        let (head, last) = phrase.rsplit_once(' ').map_or(("", phrase), |(h, l)| (h, l));
        // (stem, ending) of each singular the last word may be the plural of
        let singulars = [
            (last.strip_suffix("ies"), "y"),
            (last.strip_suffix("es"), ""),
            (last.strip_suffix('s'), ""),
            (last.strip_suffix("men"), "man"),
        ];
        // the phrase with a singular for its last word, built in one buffer
        let mut singular = String::with_capacity(phrase.len() + 2);
        singulars.into_iter().any(|(stem, ending)| {
            let Some(stem) = stem else { return false };
            singular.clear();
            if !head.is_empty() {
                singular.push_str(head);
                singular.push(' ');
            }
            singular.push_str(stem);
            singular.push_str(ending);
            singular != phrase && self.sector(&singular).is_some()
        }) || (last.ends_with('s') && !last.ends_with("ss") && self.sector(phrase).is_some() && phrase.len() > 4)
    }

    /// The sector of agent phrase `phrase`.
    fn sector(&self, phrase: &str) -> Option<&String> {
        self.phrases.get(phrase).and_then(|p| p.sector.as_ref())
    }
}

/// A mention the pass looks at: a unit for rules (not nested), by its last token.
struct Unit {
    mention: usize,
    entity: usize,
}

/// The units by a token (their first, or their last): one slot per token, which a text's many
/// mentions fill for less than a map's inserts cost. Of two units at one token, the later is kept.
struct UnitsAt(Vec<u32>);

impl UnitsAt {
    fn new(tokens: usize) -> UnitsAt {
        UnitsAt(vec![0; tokens])
    }

    fn set(&mut self, t: usize, mention: usize) {
        if let Some(slot) = self.0.get_mut(t) {
            // the mention + 1: 0 is no unit
            *slot = u32::try_from(mention + 1).unwrap_or(0);
        }
    }

    fn get(&self, resolution: &Resolution, t: usize) -> Option<Unit> {
        let mention = (*self.0.get(t)? as usize).checked_sub(1)?;
        Some(Unit { mention, entity: resolution.mentions[mention].entity })
    }
}

/// Finds the groups of `text` (whose tokens' classes are `classes`) and adds them to `resolution`.
#[inline(never)]
pub(super) fn find_groups(agents: &Agents, text: &Text<'_>, classes: &TokenClasses<'_>, resolution: &mut Resolution) {
    let tokens = text.tokens();
    if tokens.is_empty() {
        return;
    }
    // the units by their last and first tokens; tokens inside any mention are not free
    let mut ends = UnitsAt::new(tokens.len());
    let mut starts = UnitsAt::new(tokens.len());
    let mut taken = vec![false; tokens.len()];
    for (k, m) in resolution.mentions.iter().enumerate() {
        for t in m.tokens.clone() {
            if let Some(slot) = taken.get_mut(t) {
                *slot = true;
            }
        }
        if !m.nested && !m.tokens.is_empty() {
            ends.set(m.tokens.end - 1, k);
            starts.set(m.tokens.start, k);
        }
    }
    let mut found: Vec<Found<'_>> = Vec::new();
    // the words of the agent phrase at hand, joined by one space
    let mut agent_text = String::new();
    let mut i = 0;
    // the tokens that may start an agent phrase, and the first of them not before `i`
    let firsts = classes.agent_firsts();
    let mut f = 0;
    while i < tokens.len() {
        // (a token of no such class starts no phrase: `agent_at` would turn it away)
        while firsts.get(f).is_some_and(|&t| (t as usize) < i) {
            f += 1;
        }
        let Some(&first) = firsts.get(f) else { break };
        i = first as usize;
        let Some((len, sector)) = agent_at(agents, text, classes, &taken, i) else {
            i += 1;
            continue;
        };
        let phrase_end = i + len;
        let sentence = tokens[i].sentence();
        // the noun must end its noun phrase: "police station" is no group of police
        if !ends_phrase(text, classes, phrase_end, sentence) {
            i = phrase_end;
            continue;
        }
        agent_text.clear();
        for t in i..phrase_end {
            if t > i {
                agent_text.push(' ');
            }
            agent_text.push_str(text.token_text(t));
        }
        let group_like = agents.names_a_group(&agent_text);
        // the qualifier before: a unit (possibly with 's), past at most two modifiers
        let mut before = i;
        let mut skipped = 0;
        while before > 0
            && skipped < 2
            && tokens[before - 1].sentence() == sentence
            && tokens[before - 1].kind() == TokenKind::Word
            && !taken[before - 1]
            && classes.any(before - 1, class::GROUP_MODIFIER)
        {
            before -= 1;
            skipped += 1;
        }
        let possessive = before > 0 && tokens[before - 1].kind() == TokenKind::Possessive;
        let qualifier_end = if possessive { before.checked_sub(2) } else { before.checked_sub(1) };
        let qualifier = qualifier_end
            .and_then(|t| ends.get(resolution, t))
            .filter(|u| tokens[u_start(resolution, u)].sentence() == sentence);
        let (country, start, qualified_by) = match qualifier {
            Some(unit) => match country_of(resolution, unit.mention) {
                Some(code) => (Some(code), u_start(resolution, &unit), Some(unit.mention)),
                // a unit that is no country's ("EU officials" without a code): silence
                None => {
                    i = phrase_end;
                    continue;
                }
            },
            None => {
                // an unlisted capitalised word before the noun ("Houthi rebels"): a named group of
                // a country we cannot tell
                let named = before > 0
                    && tokens[before - 1].sentence() == sentence
                    && tokens[before - 1].kind() == TokenKind::Word
                    && !taken[before - 1]
                    && text.token_original(before - 1).starts_with(char::is_uppercase)
                    && !starts_sentence(text, before - 1);
                if named {
                    // "Houthi rebels", "Uyghur militants": a group of a people or movement we
                    // cannot code; silence rather than a guess or a country-less group
                    i = phrase_end;
                    continue;
                } else if let Some((code, end)) = qualifier_after(text, resolution, &starts, phrase_end, sentence) {
                    // "the government of Mali", "protesters in Caracas"
                    found.push(Found {
                        start: i,
                        end,
                        sector,
                        country: Some(code),
                        qualified_by: None,
                        state: false,
                        name: None,
                    });
                    i = end;
                    continue;
                } else if before > 0 && classes.any(before - 1, class::GROUP_COUNTED) {
                    // "the two foreign ministers, Wang Yi and Sergey Lavrov": named people, counted
                    i = phrase_end;
                    continue;
                } else if group_like && !LOW_INFORMATION.contains(&sector) {
                    // a bare noun: the sentence's one country, or nothing at all
                    match sentence_country(resolution, sentence, &found, tokens) {
                        Some(code) => (Some(code), i, None),
                        None => {
                            i = phrase_end;
                            continue;
                        }
                    }
                } else {
                    i = phrase_end;
                    continue;
                }
            }
        };
        // a bare noun as a possessor ("the government's plan") is too vague to guess a country for
        let possessor = tokens.get(phrase_end).is_some_and(|t| t.kind() == TokenKind::Possessive);
        if (!group_like || possessor) && qualified_by.is_none() {
            i = phrase_end;
            continue;
        }
        // a person qualifier is a group only as a government ("the Trump administration")
        if let Some(m) = qualified_by {
            let kind = resolution.entities[resolution.mentions[m].entity].kind;
            if kind == EntityKind::Person && !agents.collectives.contains(&agent_text) {
                i = phrase_end;
                continue;
            }
            if !group_like {
                i = phrase_end;
                continue;
            }
        }
        // "Kenyan and Ugandan officials", "Russian, Chinese and Iranian diplomats": the demonyms
        // before share the noun, a group each
        if qualified_by.is_some() && !possessive {
            let mut first = start;
            while first >= 2 && matches!(text.token_text(first - 1), "and" | ",") {
                let Some(unit) = ends.get(resolution, first - 2) else { break };
                let mention = &resolution.mentions[unit.mention];
                let demonym = mention.form == MentionForm::Adjective
                    && resolution.entities[unit.entity].kind == EntityKind::Country
                    && tokens[mention.tokens.start].sentence() == sentence;
                let Some(code) = country_of(resolution, unit.mention).filter(|_| demonym) else { break };
                let unit_start = mention.tokens.start;
                let words = (unit_start..first - 1).map(|t| text.token_original(t)).collect::<Vec<_>>().join(" ");
                found.push(Found {
                    start: unit_start,
                    end: first - 1,
                    sector,
                    country: Some(code),
                    qualified_by: Some(unit.mention),
                    state: false,
                    name: Some(format!("{words} {}", text.token_original(phrase_end - 1))),
                });
                first = unit_start;
            }
        }
        found.push(Found { start, end: phrase_end, sector, country, qualified_by, state: false, name: None });
        i = phrase_end;
    }
    found.sort_by_key(|g| g.start);
    add(resolution, text, found);
}

/// A group found: its phrase's tokens, sector and country.
struct Found<'a> {
    start: usize,
    end: usize,
    sector: &'a str,
    country: Option<String>,
    qualified_by: Option<usize>,
    state: bool,
    /// The group's name when its mention is not its whole phrase (the first of coordinated
    /// demonyms: "Kenyan" of "Kenyan and Ugandan officials" names Kenyan officials).
    name: Option<String>,
}

fn u_start(resolution: &Resolution, unit: &Unit) -> usize {
    resolution.mentions[unit.mention].tokens.start
}

/// The longest agent phrase starting at token `i` (free words only): its length and sector.
fn agent_at<'a>(
    agents: &'a Agents,
    text: &Text<'_>,
    classes: &TokenClasses<'_>,
    taken: &[bool],
    i: usize,
) -> Option<(usize, &'a str)> {
    let tokens = text.tokens();
    // the word's class first: most words start no phrase
    if !classes.any(i, class::AGENT_FIRST) || taken[i] || tokens[i].kind() != TokenKind::Word {
        return None;
    }
    // agent nouns are common nouns: written in lower case (a sentence's first word aside)
    if !text.token_original(i).starts_with(char::is_lowercase) && !starts_sentence(text, i) {
        return None;
    }
    let sentence = tokens[i].sentence();
    let mut best = None;
    let mut node = 0;
    for n in 1.. {
        let t = i + n - 1;
        if t >= tokens.len() || taken[t] || tokens[t].sentence() != sentence || tokens[t].kind() != TokenKind::Word {
            break;
        }
        // (a word holds no space: a step per word finds what a look-up of the words joined finds)
        let Some(next) = classes.agent_word(t).and_then(|w| agents.phrases.step_word(node, w)) else { break };
        node = next;
        let found = &agents.phrases.nodes[node as usize];
        if let Some(sector) = &found.sector {
            best = Some((n, sector));
        }
        if !found.longer {
            break;
        }
    }
    best.map(|(n, sector)| (n, sector.as_str()))
}

/// Whether the words after an agent phrase ending before token `end` let it end a noun phrase.
fn ends_phrase(text: &Text<'_>, classes: &TokenClasses<'_>, end: usize, sentence: usize) -> bool {
    let tokens = text.tokens();
    let Some(next) = tokens.get(end) else { return true };
    // "the Syrian government's decision": the possessor is still the group (the caller keeps it
    // only with a country word before it)
    if next.sentence() != sentence || next.kind() != TokenKind::Word {
        return true;
    }
    let word = text.token_text(end);
    classes.any(end, class::GROUP_FOLLOWER) || (word.ends_with("ed") && word.len() > 4)
}

fn starts_sentence(text: &Text<'_>, t: usize) -> bool {
    t == 0 || text.tokens()[t - 1].sentence() != text.tokens()[t].sentence()
}

/// "the government of Mali", "protesters in Caracas": a country or place right after the phrase.
fn qualifier_after(
    text: &Text<'_>,
    resolution: &Resolution,
    starts: &UnitsAt,
    end: usize,
    sentence: usize,
) -> Option<(String, usize)> {
    let tokens = text.tokens();
    if end >= tokens.len() || tokens[end].sentence() != sentence {
        return None;
    }
    let word = text.token_text(end);
    if word != "of" && word != "in" {
        return None;
    }
    let unit = starts.get(resolution, end + 1)?;
    let entity = &resolution.entities[unit.entity];
    let fits = match word {
        "of" => entity.kind == EntityKind::Country,
        _ => matches!(entity.kind, EntityKind::Country | EntityKind::Place),
    };
    if !fits {
        return None;
    }
    let code = country_of(resolution, unit.mention)?;
    Some((code, resolution.mentions[unit.mention].tokens.end))
}

/// The country code a mention stands for: a country's, a place's or a person's country.
fn country_of(resolution: &Resolution, mention: usize) -> Option<String> {
    let m = &resolution.mentions[mention];
    let entity = &resolution.entities[m.entity];
    let own = entity_country(entity);
    own.or_else(|| m.acts_for.and_then(|e| entity_country(&resolution.entities[e])))
}

pub(super) fn entity_country(entity: &ResolvedEntity) -> Option<String> {
    match entity.kind {
        EntityKind::Country => {
            Some(entity.attrs.get("iso3").cloned().unwrap_or_else(|| strip_all(&entity.id, "country:").to_string()))
        }
        EntityKind::Place | EntityKind::Person => entity.attrs.get("country").cloned(),
        EntityKind::Organization => entity.attrs.get("actor").cloned(),
        _ => None,
    }
}

/// `s` without every `prefix` it starts with (what `trim_start_matches` gives, without the
/// substring searcher it sets up for every call).
fn strip_all<'s>(mut s: &'s str, prefix: &str) -> &'s str {
    while let Some(rest) = s.strip_prefix(prefix).filter(|_| !prefix.is_empty()) {
        s = rest;
    }
    s
}

/// The one country sentence `sentence` names, if it names exactly one: by a country's or a
/// place's name, or as the country of a group found in it before (`groups`).
fn sentence_country(
    resolution: &Resolution,
    sentence: usize,
    groups: &[Found<'_>],
    tokens: &[crate::text::Token],
) -> Option<String> {
    // the groups come in text order: those of the sentence are the last ones (an order-free
    // question: one country or not)
    let from_groups = groups
        .iter()
        .rev()
        .take_while(|g| tokens[g.start].sentence() >= sentence)
        .filter(|g| tokens[g.start].sentence() == sentence)
        .filter_map(|g| g.country.clone());
    let first = resolution.mentions.partition_point(|m| m.sentence < sentence);
    let from_names = resolution.mentions[first..]
        .iter()
        .take_while(|m| m.sentence == sentence)
        .enumerate()
        // a country inside a name ("the China-Central Asia Summit") says nothing of the sentence's
        // actors; nor does a pronoun, nor a person ("Reporters asked Trump" are not American
        // reporters), nor a demonym that qualifies something else ("Investors bought Kenyan
        // government bonds": the investors need not be Kenyan)
        .filter(|(_, m)| !(m.form == MentionForm::Pronoun || m.form == MentionForm::Adjective || m.nested))
        .filter(|(_, m)| matches!(resolution.entities[m.entity].kind, EntityKind::Country | EntityKind::Place))
        .filter_map(|(k, _)| country_of(resolution, first + k));
    // one country, or none when two are named
    let mut found: Option<String> = None;
    for code in from_groups.chain(from_names) {
        match &found {
            None => found = Some(code),
            Some(c) if *c == code => {}
            Some(_) => return None,
        }
    }
    found
}

/// Adds the groups found as entities and mentions.
fn add(resolution: &mut Resolution, text: &Text<'_>, found: Vec<Found<'_>>) {
    if found.is_empty() {
        return;
    }
    let tokens = text.tokens();
    let mut by_id: FxHashMap<String, usize> = FxHashMap::default();
    for (k, e) in resolution.entities.iter().enumerate() {
        if e.kind == EntityKind::Group {
            by_id.insert(e.id.clone(), k);
        }
    }
    let mut country_entity: FxHashMap<String, usize> = FxHashMap::default();
    for (k, e) in resolution.entities.iter().enumerate() {
        if e.kind == EntityKind::Country {
            if let Some(code) = entity_country(e) {
                country_entity.entry(code).or_insert(k);
            }
        }
    }
    let resolved = resolution.mentions.len();
    resolution.mentions.reserve(found.len());
    let sorted = resolution.mentions.windows(2).all(|w| w[0].tokens.start <= w[1].tokens.start);
    for mut g in found {
        let sector = g.sector;
        let code = g.country.clone().unwrap_or_else(|| "---".to_string());
        let id = match &g.country {
            Some(c) => format!("group:{c}-{sector}"),
            None => format!("group:{sector}"),
        };
        let (start, end) = (tokens[g.start].start(), tokens[g.end - 1].end());
        let name = g.name.clone().unwrap_or_else(|| text.original()[start..end].to_string());
        let entity = *by_id.entry(id.clone()).or_insert_with(|| {
            let mut attrs = BTreeMap::new();
            if let Some(c) = &g.country {
                attrs.insert("country".to_string(), c.clone());
            }
            attrs.insert("sector".to_string(), sector.to_string());
            attrs.insert("actor".to_string(), format!("{code}{sector}"));
            resolution.entities.push(ResolvedEntity {
                id: id.clone(),
                kind: EntityKind::Group,
                name: name.clone(),
                aliases: Vec::new(),
                attrs,
                gazetteer: None,
            });
            resolution.entities.len() - 1
        });
        g.state = STATE_SECTORS.iter().any(|s| sector.starts_with(s));
        let acts_for = if g.state { g.country.as_ref().and_then(|c| country_entity.get(c).copied()) } else { None };
        if let Some(m) = g.qualified_by {
            resolution.mentions[m].nested = true;
        }
        // mentions inside the phrase (the qualifier, a place after "in") are nested in it now:
        // those resolved before by binary search when they are in text order (they are; a scan
        // of all of them per group would be quadratic), the groups added since one by one
        let before = if sorted { &mut resolution.mentions[..resolved] } else { &mut [][..] };
        let from = before.partition_point(|m| m.tokens.start < g.start);
        for m in before[from..].iter_mut().take_while(|m| m.tokens.start < g.end) {
            if m.tokens.end <= g.end {
                m.nested = true;
            }
        }
        if sorted {
            // the groups added since come by start too: those that start in this one end the list
            let since = resolution.mentions[resolved..].iter_mut().rev();
            for m in since.take_while(|m| m.tokens.start >= g.start) {
                if m.tokens.end <= g.end {
                    m.nested = true;
                }
            }
        } else {
            for m in &mut resolution.mentions {
                if m.tokens.start >= g.start && m.tokens.end <= g.end {
                    m.nested = true;
                }
            }
        }
        resolution.mentions.push(ResolvedMention {
            entity,
            acts_for,
            start,
            end,
            tokens: g.start..g.end,
            sentence: tokens[g.start].sentence(),
            form: MentionForm::Group,
            nested: false,
        });
    }
    // the groups, added at the end, go far back among the mentions, which moves one by one would
    // take long: a stable sort merges the two runs at once
    resolution.mentions.sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_a_trie_of_words() {
        let agents = Agents::defaults();
        assert!(agents.words().filter(|w| w.2).count() > 100);
        assert!(agents.is_first_word("police") && !agents.is_first_word("station"));
        // the trie answers for whole phrases and their beginnings
        assert!(agents.phrases.get("opposition").is_some_and(|p| p.longer));
        assert!(agents.phrases.get("rebels").is_some_and(|p| p.sector.is_some()));
        assert!(agents.phrases.get("the government of").is_none());
    }
}
