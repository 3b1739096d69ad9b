//! The mentions found so far ([`Mentions`]): what each pass adds to, and the one state passes
//! share. A pass that adds mentions takes `&mut Mentions` in its signature; the output pass
//! numbers the entities of what is left.

use std::ops::Range;

use crate::gazetteer::EntityKind;
use crate::text::TokenKind;

use super::context::Context;
use super::index::{FindIdx, GazIdx, PendingIdx, Tokens, UnknownIdx};
use super::{MentionForm, TokenSet};

/// What a mention refers to before entities are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Key {
    Gaz(GazIdx),
    Pattern(FindIdx),
    /// A person no gazetteer lists, named after a title (see `unknown.rs`).
    Unknown(UnknownIdx),
    /// A mention a later pass took back (its words were part of a longer name): it never makes an
    /// entity.
    Dropped,
}

/// A mention before entities are numbered.
#[derive(Debug, Clone)]
pub(super) struct Pending {
    pub(super) key: Key,
    /// The entity it acts for.
    pub(super) acts_for: Option<GazIdx>,
    /// The name's tokens (start/end of the mention).
    pub(super) name: Tokens,
    /// The phrase's tokens (the unit rules see).
    pub(super) phrase: Tokens,
    pub(super) form: MentionForm,
    /// Kept only if its entity has another, sure mention.
    pub(super) tentative: bool,
    /// Its place among the mentions kept, which breaks ties when they are sorted.
    pub(super) order: u32,
}

impl Pending {
    #[inline]
    pub(super) fn new(key: Key, tokens: Range<usize>, form: MentionForm) -> Pending {
        let tokens = Tokens::new(tokens);
        Pending { key, acts_for: None, name: tokens, phrase: tokens, form, tentative: false, order: 0 }
    }

    #[inline]
    pub(super) fn phrase(&self) -> Range<usize> {
        self.phrase.range()
    }
}

/// The mentions of one document found so far, and the tokens they take.
#[derive(Debug)]
pub(super) struct Mentions {
    pub(super) list: Vec<Pending>,
    /// Tokens inside a person's phrase, a money amount or a pattern entity.
    pub(super) taken: TokenSet,
    /// Per span of the candidates pass: the mention it became, if the decide pass made one.
    decided: Vec<Option<PendingIdx>>,
}

impl Mentions {
    /// No mentions yet, `taken` tokens taken, for `spans` spans.
    #[inline]
    pub(super) fn new(taken: TokenSet, spans: usize) -> Mentions {
        Mentions { list: Vec::new(), taken, decided: vec![None; spans] }
    }

    /// The mentions, without the rest.
    pub(super) fn into_list(self) -> Vec<Pending> {
        self.list
    }

    /// The index the next mention pushed will have.
    #[inline]
    pub(super) fn next_index(&self) -> PendingIdx {
        PendingIdx::new(self.list.len())
    }

    #[inline]
    pub(super) fn push(&mut self, pending: Pending) -> PendingIdx {
        let p = self.next_index();
        self.list.push(pending);
        p
    }

    #[inline]
    pub(super) fn get(&self, p: PendingIdx) -> &Pending {
        &self.list[p.get()]
    }

    /// Records that span `s` became mention `p`.
    #[inline]
    pub(super) fn set_decided(&mut self, s: usize, p: PendingIdx) {
        self.decided[s] = Some(p);
    }

    /// The mention span `s` became.
    #[inline]
    pub(super) fn decided(&self, s: usize) -> Option<PendingIdx> {
        self.decided[s]
    }

    /// The gazetteer entity the mention span `s` became names.
    #[inline]
    pub(super) fn decided_entity(&self, s: usize) -> Option<usize> {
        match self.get(self.decided(s)?).key {
            Key::Gaz(g) => Some(g.get()),
            _ => None,
        }
    }

    /// Takes back mention `p`: it is dropped when entities are numbered.
    pub(super) fn drop(&mut self, p: PendingIdx) {
        let pending = &mut self.list[p.get()];
        pending.key = Key::Dropped;
        pending.tentative = true;
    }

    /// The entity a mention decided at span `s` names, when it can own an office (a country or an
    /// organisation).
    pub(super) fn owner_at(&self, cx: &Context<'_>, s: usize) -> Option<usize> {
        let gaz = self.decided_entity(s)?;
        matches!(cx.kind(gaz), EntityKind::Country | EntityKind::Organization).then_some(gaz)
    }

    /// A decided span that ends just before token `end` (or before a possessive that does): its
    /// first token and its owner.
    pub(super) fn owner_before(&self, cx: &Context<'_>, end: usize) -> Option<(usize, usize)> {
        if end == 0 {
            return None;
        }
        let toks = cx.text.tokens();
        let mut at = end;
        if toks[at - 1].kind() == TokenKind::Possessive {
            at -= 1;
        }
        if at == 0 {
            return None;
        }
        let s = cx.spans.at(at - 1)?;
        if cx.spans.get(s).end() != at || cx.sentence(at - 1) != cx.sentence(end - 1) {
            return None;
        }
        Some((cx.spans.get(s).start(), self.owner_at(cx, s)?))
    }
}
