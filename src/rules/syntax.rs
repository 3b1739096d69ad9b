//! The rule file format (TOML) and the pattern language, parsed into a small syntax tree.
//!
//! A pattern is a sequence of parts over the *units* of a sentence (a word, a punctuation mark,
//! or a whole entity mention):
//!
//! | part | matches |
//! |---|---|
//! | `talks` | the word, in any case (words are split the way the text stage splits them) |
//! | `(held|holds|hold)` | one of the alternatives; each may be a sequence |
//! | `word?`, `[…]` | an optional part |
//! | `…3` or `...3` | a gap of at most 3 units, never across a sentence end |
//! | `/talks?/` | one word whose whole text matches the regular expression |
//! | `{subject:person|country}` | one entity mention of those kinds |
//! | `{object:country+}` | a coordinated list of them ("Israel, Iran and Syria"): one relation each |
//! | `{amount:money}` | a named argument: the mention's text lands in the relation's `args` |
//! | `<name>` | the pattern fragment defined as `name` in the file's `[define]` table |

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, Location, Result};
use crate::gazetteer::EntityKind;
use crate::text::Text;

/// The longest gap a pattern may ask for: gaps are how patterns go exponential.
pub(crate) const MAX_GAP: usize = 12;
/// How deep groups may nest.
const MAX_DEPTH: usize = 16;
/// How many parts a pattern (or a define) may hold once its `<name>`s are expanded: defines that
/// use each other twice over would otherwise grow exponentially.
pub(crate) const MAX_PARTS: usize = 2000;

/// The number of parts in `parts`, counting inside groups.
pub(crate) fn size(parts: &[Part]) -> usize {
    parts
        .iter()
        .map(|p| {
            1 + match &p.node {
                Node::Alt(branches) => branches.iter().map(|b| size(b)).sum(),
                Node::Opt(seq) => size(seq),
                Node::Define(define) => define.size,
                _ => 0,
            }
        })
        .sum()
}

/// A rule file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct File {
    /// The date as of which examples are resolved ("the Kazakh president" depends on it).
    #[serde(default)]
    pub date: Option<Spanned<String>>,
    /// Named pattern fragments, used as `<name>`.
    #[serde(default)]
    pub define: BTreeMap<String, Spanned<String>>,
    /// Named groups of entity kinds, used in slots as `{subject:actor}` (a string), and relation
    /// kinds this file declares (a table: `[kinds.condemn] event = "ACCUSE"`).
    #[serde(default)]
    pub kinds: BTreeMap<String, Spanned<toml::Value>>,
    /// The rules.
    #[serde(default)]
    pub rule: Vec<Spanned<RuleSpec>>,
}

/// One `[[rule]]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RuleSpec {
    pub id: Spanned<String>,
    pub relation: Spanned<String>,
    pub patterns: Vec<Spanned<String>>,
    #[serde(default)]
    pub examples: Vec<Spanned<String>>,
    #[serde(default)]
    pub counterexamples: Vec<Spanned<String>>,
    /// Arguments every relation of this rule carries (`{ mood = "future" }`).
    #[serde(default)]
    pub args: BTreeMap<String, String>,
    /// Whether a negation ("did not", "refused to") before the trigger cancels the relation
    /// (default `true`).
    #[serde(default)]
    pub negation: Option<bool>,
    /// A CAMEO code more specific than the kind's (its PLOVER type and mode follow from it).
    #[serde(default)]
    pub cameo: Option<Spanned<String>>,
    /// A PLOVER mode more specific than the kind's.
    #[serde(default)]
    pub mode: Option<String>,
    /// Whether this rule replaces an earlier rule with the same id (a default one, say).
    #[serde(default)]
    pub replace: bool,
}

/// The rule file of the crate's own `label` with the text `text`: from its binary form (see
/// `rules/compact.rs`) where there is one, else parsed.
pub(crate) fn read_embedded(label: &str, text: &str) -> Result<File> {
    super::compact::embedded_file(label).map_or_else(|| parse_file(label, text), Ok)
}

/// Parses the TOML of a rule file.
pub(crate) fn parse_file(label: &str, source: &str) -> Result<File> {
    toml::from_str(source).map_err(|e| Error::Rules {
        location: e
            .span()
            .map_or_else(|| Location::new(label, 1, 1), |s| Location::from_offset(label, source, s.start)),
        message: e.message().trim().to_string(),
    })
}

/// Where a string value's content starts, as a byte offset into the file: past its opening quote.
pub(crate) fn content_offset(source: &str, span: std::ops::Range<usize>) -> usize {
    let raw = source.get(span.clone()).unwrap_or("");
    if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
        span.start + 3
    } else if raw.starts_with('"') || raw.starts_with('\'') {
        span.start + 1
    } else {
        span.start
    }
}

/// One part of a pattern.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    /// A normalised word (one token); often the very text of its label, shared.
    Word(Arc<str>),
    /// One word matching this regular expression (source, anchored when compiled).
    Regex(String),
    /// An entity slot.
    Slot {
        /// `subject`, `object`, or an argument name.
        name: String,
        /// The kinds it accepts.
        kinds: Vec<EntityKind>,
        /// A coordinated list.
        list: bool,
    },
    /// At most this many units of anything.
    Gap(usize),
    /// One of these sequences.
    Alt(Vec<Vec<Part>>),
    /// This sequence or nothing.
    Opt(Vec<Part>),
    /// A `<name>`: the define's parts, as one group of one alternative. Shared by every use of
    /// the name, not copied: each use would otherwise copy (and then free) the define's tree.
    Define(Arc<Define>),
}

/// A parsed `[define]` entry.
#[derive(Debug, PartialEq)]
pub(crate) struct Define {
    pub parts: Vec<Part>,
    /// `<name>`: the label of every part inside, wherever it is used (what `--explain` shows);
    /// the outermost define's when defines use each other.
    pub label: Arc<str>,
    /// [`size`] of `parts`.
    pub size: usize,
}

impl Define {
    pub(crate) fn new(name: &str, parts: Vec<Part>) -> Define {
        Define { label: format!("<{name}>").into(), size: size(&parts), parts }
    }
}

/// A part with the text that wrote it (for `--explain`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Part {
    pub node: Node,
    pub label: Arc<str>,
}

/// A pattern parse error: byte offset into the pattern and message.
#[derive(Debug)]
pub(crate) struct PatternError {
    pub offset: usize,
    pub message: String,
}

fn err<T>(offset: usize, message: impl Into<String>) -> std::result::Result<T, PatternError> {
    Err(PatternError { offset, message: message.into() })
}

const SPECIAL: &[char] = &['(', ')', '[', ']', '{', '}', '|', '/', '<', '>', '?', '…'];

/// The names a file defines for its patterns.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scope {
    /// `<name>` fragments, already parsed (shared: every file starts from a copy of the prelude's).
    pub defines: BTreeMap<String, Arc<Define>>,
    /// Kind groups usable in slots (`actor = "person|country|organization"`).
    pub kinds: BTreeMap<String, Vec<EntityKind>>,
}

/// Parses a pattern in `scope`.
pub(crate) fn parse_pattern(pattern: &str, scope: &Scope) -> std::result::Result<Vec<Part>, PatternError> {
    let mut p = Parser { src: pattern, pos: 0, scope, depth: 0 };
    let (seq, n) = p.sequence()?;
    debug_assert_eq!(n, size(&seq));
    if n > MAX_PARTS {
        return err(0, format!("expected at most {MAX_PARTS} parts once `<name>`s are expanded, found {n}"));
    }
    match p.peek() {
        None => Ok(seq),
        Some(c) => err(p.pos, format!("expected a word, `(`, `[`, `{{`, `/`, `<` or `…`, found `{c}`")),
    }
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    scope: &'a Scope,
    depth: usize,
}

fn found(c: Option<char>) -> String {
    c.map_or_else(|| "the end of the pattern".to_string(), |c| format!("`{c}`"))
}

impl Parser<'_> {
    fn rest(&self) -> &str {
        &self.src[self.pos..]
    }

    fn peek(&mut self) -> Option<char> {
        let skip = self.rest().len() - self.rest().trim_start().len();
        self.pos += skip;
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.rest().chars().next()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// The `|`-separated branches of a group opened at `start` (the cursor is on the opening
    /// bracket), up to and including `close`, and their [`size`] together.
    fn alternatives(
        &mut self,
        start: usize,
        close: char,
    ) -> std::result::Result<(Vec<Vec<Part>>, usize), PatternError> {
        let open = self.peek().unwrap_or(' ');
        self.bump();
        let (first, mut n) = self.sequence()?;
        let mut branches = vec![first];
        loop {
            match self.peek() {
                Some('|') => {
                    self.bump();
                    let (branch, size) = self.sequence()?;
                    branches.push(branch);
                    n += size;
                }
                Some(c) if c == close => {
                    self.bump();
                    return Ok((branches, n));
                }
                c => {
                    return err(
                        self.pos,
                        format!(
                            "expected `|` or `{close}` to close the `{open}` at column {}, found {}",
                            start + 1,
                            found(c)
                        ),
                    )
                }
            }
        }
    }

    /// A sequence of parts, and its [`size`].
    fn sequence(&mut self) -> std::result::Result<(Vec<Part>, usize), PatternError> {
        if self.depth >= MAX_DEPTH {
            return err(self.pos, format!("expected groups nested at most {MAX_DEPTH} deep, found deeper"));
        }
        self.depth += 1;
        let seq = self.sequence_inner();
        self.depth -= 1;
        seq
    }

    fn sequence_inner(&mut self) -> std::result::Result<(Vec<Part>, usize), PatternError> {
        let mut seq = Vec::new();
        let mut parts = 0;
        loop {
            if parts > MAX_PARTS {
                return err(
                    self.pos,
                    format!("expected at most {MAX_PARTS} parts once `<name>`s are expanded, found more"),
                );
            }
            let start = match self.peek() {
                None | Some(')') | Some('|') | Some(']') => return Ok((seq, parts)),
                Some(_) => self.pos,
            };
            let first = seq.len();
            parts += self.element(&mut seq)?;
            if self.rest().starts_with('?') {
                self.pos += 1;
                let label = self.src[start..self.pos].into();
                let element = seq.split_off(first);
                seq.push(Part { node: Node::Opt(element), label });
                parts += 1;
            }
        }
    }

    /// One element, onto `seq`, and its [`size`]; a word run may give several parts (`'s`,
    /// hyphens split like the text does).
    fn element(&mut self, seq: &mut Vec<Part>) -> std::result::Result<usize, PatternError> {
        let start = self.pos;
        let c = self.peek().unwrap_or(' ');
        // the size of what is inside the node
        let mut inside = 0;
        let node = match c {
            '(' => {
                let (branches, n) = self.alternatives(start, ')')?;
                inside = n;
                if branches.iter().any(Vec::is_empty) {
                    return err(start, "expected a word in every alternative, found an empty one (use `word?` or `[…]` for optional parts)");
                }
                Node::Alt(branches)
            }
            '[' => {
                let (mut branches, n) = self.alternatives(start, ']')?;
                if branches.iter().any(Vec::is_empty) {
                    return err(start, "expected a part in every alternative inside `[…]`, found an empty one");
                }
                if branches.len() == 1 {
                    inside = n;
                    Node::Opt(branches.swap_remove(0))
                } else {
                    inside = 1 + n;
                    Node::Opt(vec![Part { node: Node::Alt(branches), label: "".into() }])
                }
            }
            '{' => {
                self.bump();
                let Some(end) = self.rest().find('}') else {
                    return err(start, "expected `}` to close the slot, found the end of the pattern");
                };
                let inner = self.rest()[..end].to_string();
                let node = slot(&inner, &self.scope.kinds)
                    .map_err(|(at, m)| PatternError { offset: start + 1 + at, message: m })?;
                self.pos += end + 1;
                node
            }
            '/' => {
                self.bump();
                let Some(end) = self.rest().find('/') else {
                    return err(start, "expected `/` to close the regular expression, found the end of the pattern");
                };
                let re = self.rest()[..end].to_string();
                // (an alternation of plain words is a valid regular expression: it is looked up as
                // a set, and compiling it only to check it cost more than the rest of the file;
                // others are parsed here, which reports what compiling would, and compiled once
                // where the pattern is)
                let plain = super::compile::word_alternation(&re).is_some();
                if let Err(e) = if plain { Ok(()) } else { regex_automata::util::syntax::parse(&re).map(drop) } {
                    return err(start + 1, format!("expected a regular expression, found `{re}`: {e}"));
                }
                self.pos += end + 1;
                Node::Regex(re)
            }
            '<' => {
                self.bump();
                let Some(end) = self.rest().find('>') else {
                    return err(start, "expected `>` to close the `<name>`, found the end of the pattern");
                };
                let src = self.src;
                let name = src[self.pos..self.pos + end].trim();
                self.pos += end + 1;
                match self.scope.defines.get(name) {
                    Some(define) => {
                        // (written as `<name>`, the part's label is the define's own)
                        let written = &src[start..self.pos];
                        let label = if *written == *define.label { define.label.clone() } else { written.into() };
                        seq.push(Part { node: Node::Define(define.clone()), label });
                        return Ok(1 + define.size);
                    }
                    None => return err(start + 1, format!("expected the name of a `[define]` entry, found `{name}`")),
                }
            }
            '…' | '.' if c == '…' || self.rest().starts_with("...") => {
                self.pos += if c == '…' { '…'.len_utf8() } else { 3 };
                let digits: String = self.rest().chars().take_while(char::is_ascii_digit).collect();
                if digits.is_empty() {
                    return err(
                        self.pos,
                        format!(
                            "expected the gap's length after `…` (as in `…3`), found {}",
                            found(self.rest().chars().next())
                        ),
                    );
                }
                self.pos += digits.len();
                let n: usize = digits.parse().unwrap_or(usize::MAX);
                if n == 0 || n > MAX_GAP {
                    return err(start, format!("expected a gap of 1 to {MAX_GAP} units, found {digits}"));
                }
                Node::Gap(n)
            }
            ')' | ']' | '|' | '}' | '>' | '?' => {
                return err(start, format!("expected a word, `(`, `[`, `{{`, `/`, `<` or `…`, found `{c}`"));
            }
            _ => {
                // a word run: up to white space, a special character or a gap
                let mut end = self.pos;
                for (i, ch) in self.rest().char_indices() {
                    if ch.is_whitespace() || SPECIAL.contains(&ch) || self.rest()[i..].starts_with("...") {
                        break;
                    }
                    end = self.pos + i + ch.len_utf8();
                }
                let run = &self.src[self.pos..end];
                if matches!(run, "'s" | "\u{2019}s" | "'") {
                    // a possessive ending, written alone: the text stage splits it off its word
                    self.pos = end;
                    seq.push(Part { node: Node::Word(run.replace('\u{2019}', "'").into()), label: run.into() });
                    return Ok(1);
                }
                if !run.is_empty() && run.bytes().all(|b| b.is_ascii_alphabetic()) {
                    // an ASCII word is one token, lower-cased: no need for the text stage
                    self.pos = end;
                    let label: Arc<str> = run.into();
                    let word = if run.bytes().any(|b| b.is_ascii_uppercase()) {
                        run.to_ascii_lowercase().into()
                    } else {
                        label.clone()
                    };
                    seq.push(Part { node: Node::Word(word), label });
                    return Ok(1);
                }
                let text = Text::new(run);
                let parts: Vec<Part> = (0..text.tokens().len())
                    .map(|i| Part { node: Node::Word(text.token_text(i).into()), label: text.token_original(i).into() })
                    .collect();
                if parts.is_empty() {
                    return err(start, format!("expected a word, found `{run}`"));
                }
                self.pos = end;
                if parts.len() > 1 && self.rest().starts_with('?') {
                    // `co-operation?` makes the whole run optional, not its last token
                    let n = 1 + parts.len();
                    seq.push(Part { node: Node::Alt(vec![parts]), label: run.into() });
                    return Ok(n);
                }
                let n = parts.len();
                seq.extend(parts);
                return Ok(n);
            }
        };
        seq.push(Part { node, label: self.src[start..self.pos].into() });
        Ok(1 + inside)
    }
}

/// Parses the inside of `{name:kind|kind+}`.
fn slot(inner: &str, groups: &BTreeMap<String, Vec<EntityKind>>) -> std::result::Result<Node, (usize, String)> {
    let (name, kinds) = match inner.split_once(':') {
        Some((n, k)) => (n.trim(), k.trim()),
        None => (inner.trim(), ""),
    };
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        return Err((0, format!("expected a slot name such as `subject`, `object` or `amount`, found `{name}`")));
    }
    let (kinds, list) = match kinds.strip_suffix('+') {
        Some(k) => (k.trim(), true),
        None => (kinds, false),
    };
    let kinds = if kinds.is_empty() || kinds == "any" {
        EntityKind::ALL.iter().copied().filter(|k| *k != EntityKind::Money).collect()
    } else {
        let mut out = Vec::new();
        for k in kinds.split('|') {
            match EntityKind::from_name(k.trim()) {
                Some(kind) => out.push(kind),
                None if groups.contains_key(k.trim()) => out.extend(groups[k.trim()].iter().copied()),
                None => {
                    let known: Vec<&str> = EntityKind::ALL.iter().map(|k| k.as_str()).collect();
                    let at = inner.find(k.trim()).unwrap_or(0);
                    let message = format!(
                        "expected an entity kind ({}) or a kind group of `[kinds]`, found `{}`",
                        known.join(", "),
                        k.trim()
                    );
                    return Err((at, message));
                }
            }
        }
        out
    };
    Ok(Node::Slot { name: name.to_string(), kinds, list })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(p: &str) -> std::result::Result<Vec<Part>, PatternError> {
        parse_pattern(p, &Scope::default())
    }

    fn words(parts: &[Part]) -> Vec<&str> {
        parts.iter().filter_map(|p| if let Node::Word(w) = &p.node { Some(&**w) } else { None }).collect()
    }

    #[test]
    fn words_are_split_and_folded_like_text() {
        let parts = parse("China's Co-Operation, {subject} 's").unwrap();
        assert_eq!(words(&parts), ["china", "'s", "co", "-", "operation", ",", "'s"]);
    }

    #[test]
    fn every_construct_parses() {
        let parts =
            parse("{subject:person|country+} (hold|held talks) talks? [with …3] /meet(s|ing)?/ {object} ...2").unwrap();
        assert!(matches!(&parts[0].node, Node::Slot { list: true, kinds, .. } if kinds.len() == 2));
        assert!(matches!(&parts[1].node, Node::Alt(b) if b.len() == 2 && b[1].len() == 2));
        assert!(matches!(&parts[2].node, Node::Opt(_)));
        assert_eq!(&*parts[2].label, "talks?");
        assert!(matches!(&parts[3].node, Node::Opt(s) if s.len() == 2 && s[1].node == Node::Gap(3)));
        assert!(matches!(&parts[4].node, Node::Regex(_)));
        assert!(matches!(&parts[5].node, Node::Slot { kinds, list: false, .. } if kinds.len() == 7));
        assert_eq!(parts[6].node, Node::Gap(2));
    }

    #[test]
    fn errors_say_where_and_what() {
        let e = parse("{subject:person} (met|meets {object:person}").unwrap_err();
        assert_eq!(e.offset, 43);
        assert!(e.message.contains("expected `|` or `)`"), "{}", e.message);
        let e = parse("{subject:persn} met").unwrap_err();
        assert!(e.message.contains("found `persn`"), "{}", e.message);
        assert!(parse("met …").unwrap_err().message.contains("gap's length"));
        assert!(parse("met …99").unwrap_err().message.contains("1 to 12"));
        assert!(parse("met (a|)").unwrap_err().message.contains("empty"));
        assert!(parse("met /(/").unwrap_err().message.contains("regular expression"));
        assert!(parse("met <nope>").unwrap_err().message.contains("`nope`"));
        assert!(parse("met ) x").unwrap_err().message.contains("found `)`"));
        assert!(parse(&format!("{}met{}", "(".repeat(40), ")".repeat(40))).unwrap_err().message.contains("nested"));
        assert!(parse(&"met ".repeat(MAX_PARTS + 1)).unwrap_err().message.contains("at most"));
    }
}
