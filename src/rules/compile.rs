//! From a pattern's syntax tree to a small backtracking program, and the words that trigger it.

use regex::Regex;

use super::syntax::{Node, Part};
use crate::gazetteer::EntityKind;

/// A set of entity kinds, one bit each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Kinds(u8);

impl Kinds {
    pub fn of(kinds: &[EntityKind]) -> Kinds {
        Kinds(kinds.iter().fold(0, |acc, k| acc | Kinds::bit(*k)))
    }

    fn bit(kind: EntityKind) -> u8 {
        1 << EntityKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
    }

    pub fn contains(self, kind: EntityKind) -> bool {
        self.0 & Kinds::bit(kind) != 0
    }
}

/// One instruction. Instructions that consume units carry the index of their label.
#[derive(Debug, Clone)]
pub(crate) enum Inst {
    /// One word unit with this normalised text.
    Word(Box<str>),
    /// One word unit whose text matches (index into [`Program::regexes`]).
    Regex(usize),
    /// One entity unit (or a coordinated list of them) of these kinds, captured in `slot`.
    Slot { slot: usize, kinds: Kinds, list: bool },
    /// Zero to `n` units of anything, fewest first.
    Gap(usize),
    /// Try `.0`, then `.1`.
    Split(usize, usize),
    /// Go on at `.0`.
    Jmp(usize),
    /// Done.
    Match,
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub(crate) struct Program {
    pub insts: Vec<Inst>,
    /// Per instruction: the pattern text it came from (empty for control instructions).
    pub labels: Vec<String>,
    pub regexes: Vec<Regex>,
    /// Slot names; `subject` and `object` are always 0 and 1.
    pub slots: Vec<String>,
    /// Words one of which every match contains, if the pattern has such words.
    pub anchors: Option<Vec<String>>,
}

/// Compiles a pattern; the error says what is wrong with its slots.
pub(crate) fn compile(parts: &[Part]) -> Result<Program, String> {
    let mut c = Compiler {
        program: Program {
            insts: Vec::new(),
            labels: Vec::new(),
            regexes: Vec::new(),
            slots: vec!["subject".into(), "object".into()],
            anchors: anchors(parts),
        },
        seen: [false, false],
    };
    c.sequence(parts)?;
    c.push(Inst::Match, "");
    match c.seen {
        [true, true] => Ok(c.program),
        [false, _] => Err("expected a `{subject:…}` slot in the pattern, found none".into()),
        [_, false] => Err("expected an `{object:…}` slot in the pattern, found none".into()),
    }
}

struct Compiler {
    program: Program,
    seen: [bool; 2],
}

impl Compiler {
    fn push(&mut self, inst: Inst, label: &str) -> usize {
        self.program.insts.push(inst);
        self.program.labels.push(label.to_string());
        self.program.insts.len() - 1
    }

    fn sequence(&mut self, parts: &[Part]) -> Result<(), String> {
        for part in parts {
            self.part(part)?;
        }
        Ok(())
    }

    fn part(&mut self, part: &Part) -> Result<(), String> {
        match &part.node {
            Node::Word(w) => {
                self.push(Inst::Word(w.as_str().into()), &part.label);
            }
            Node::Regex(re) => {
                let compiled =
                    Regex::new(&format!("^(?i:{re})$")).map_err(|e| format!("bad regular expression: {e}"))?;
                self.program.regexes.push(compiled);
                let i = self.program.regexes.len() - 1;
                self.push(Inst::Regex(i), &part.label);
            }
            Node::Slot { name, kinds, list } => {
                let slot = match self.program.slots.iter().position(|s| s == name) {
                    Some(i) if i < 2 && !self.seen[i] => {
                        self.seen[i] = true;
                        i
                    }
                    Some(_) => return Err(format!("expected each slot once in a pattern, found `{name}` twice")),
                    None => {
                        self.program.slots.push(name.clone());
                        self.program.slots.len() - 1
                    }
                };
                self.push(Inst::Slot { slot, kinds: Kinds::of(kinds), list: *list }, &part.label);
            }
            Node::Gap(n) => {
                self.push(Inst::Gap(*n), &part.label);
            }
            Node::Opt(seq) => {
                let split = self.push(Inst::Split(0, 0), "");
                self.sequence(seq)?;
                let end = self.program.insts.len();
                self.program.insts[split] = Inst::Split(split + 1, end);
            }
            Node::Alt(branches) => {
                let mut jumps = Vec::new();
                for (i, branch) in branches.iter().enumerate() {
                    if i + 1 < branches.len() {
                        let split = self.push(Inst::Split(0, 0), "");
                        self.sequence(branch)?;
                        jumps.push(self.push(Inst::Jmp(0), ""));
                        let next = self.program.insts.len();
                        self.program.insts[split] = Inst::Split(split + 1, next);
                    } else {
                        self.sequence(branch)?;
                    }
                }
                let end = self.program.insts.len();
                for j in jumps {
                    self.program.insts[j] = Inst::Jmp(end);
                }
            }
        }
        Ok(())
    }
}

/// Words too common to be a good trigger: any other required word is preferred.
const COMMON: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "and", "or", "as", "his", "her", "their",
    "its", "is", "was", "are", "were", "be", "has", "have", "had", "will", "would", "that", "from", "s", "'s",
];

/// The words one of which every match of `parts` contains: the required part with the fewest,
/// least common and longest (so rarest) words.
fn anchors(parts: &[Part]) -> Option<Vec<String>> {
    parts.iter().filter_map(|p| node_anchors(&p.node)).min_by_key(|words| {
        let shortest = words.iter().map(String::len).min().unwrap_or(0);
        let common = words.iter().filter(|w| COMMON.contains(&w.as_str())).count();
        (common, words.len(), usize::MAX - shortest)
    })
}

fn node_anchors(node: &Node) -> Option<Vec<String>> {
    match node {
        Node::Word(w) if w.chars().any(char::is_alphanumeric) => Some(vec![w.clone()]),
        Node::Alt(branches) => {
            let mut all = Vec::new();
            for b in branches {
                all.extend(anchors(b)?);
            }
            all.sort();
            all.dedup();
            Some(all)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::syntax::parse_pattern;
    use super::*;

    fn program(p: &str) -> Result<Program, String> {
        compile(&parse_pattern(p, &Default::default()).map_err(|e| e.message)?)
    }

    #[test]
    fn anchors_are_the_rarest_required_words() {
        let p = program("{subject:person} (held|holds) talks with {object:person}").unwrap();
        assert_eq!(p.anchors, Some(vec!["talks".to_string()]));
        let p = program("{subject:person} [visited] {object:place}").unwrap();
        assert_eq!(p.anchors, None);
        let p = program("{subject} (met|meets|met with) {object}").unwrap();
        assert_eq!(p.anchors, Some(vec!["meets".to_string(), "met".to_string()]));
    }

    #[test]
    fn slots_are_checked() {
        assert!(program("{subject} met").unwrap_err().contains("`{object:…}`"));
        assert!(program("met {object}").unwrap_err().contains("`{subject:…}`"));
        assert!(program("{subject} met {object} and {object}").unwrap_err().contains("twice"));
        let p = program("{subject} gave {amount:money} to {object}").unwrap();
        assert_eq!(p.slots, ["subject", "object", "amount"]);
    }
}
