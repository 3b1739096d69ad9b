//! Organisations named after a country or a city: "British Airways", "Singapore Airlines", "The
//! Beijing News", "UK Independence Party". A country, capital or demonym followed by capitalised
//! words that end in an organisation's head word (`lexicon/org-heads.tsv`) is part of that name,
//! not the country: the pass replaces its mention with one of an organisation the gazetteers do
//! not list, coded by the country and the head word's sector (`GBRBUS`, `CHNJRN`, `GBRPTY`).
//!
//! Precision first: the words between must all be capitalised and free (no other mention), at
//! most three, in one sentence, and the head word must be written as listed ("Party", not "party").

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::words::Words;
use super::{sort_nearly_sorted, MentionForm, Resolution, ResolvedEntity, ResolvedMention};
use crate::gazetteer::{slug, EntityKind};
use crate::lexicon::{Lexicon, ListId};
use crate::text::{Text, TokenKind};

/// Head word (as written) → sector, from `lexicon/org-heads.tsv`.
pub(super) fn heads(lexicon: &Lexicon) -> FxHashMap<Box<str>, Box<str>> {
    lexicon[ListId::OrgHeads].pairs().map(|(h, s)| (h.into(), s.into())).collect()
}

/// The most words between the country word and the head word.
const MAX_BETWEEN: usize = 3;

/// Finds the organisations named after a country and puts them in place of its mention.
pub(crate) fn find_named_orgs(text: &Text<'_>, lists: &Words, resolution: &mut Resolution) {
    let tokens = text.tokens();
    if tokens.is_empty() || resolution.mentions.is_empty() {
        return;
    }
    let mut taken = vec![false; tokens.len()];
    for m in &resolution.mentions {
        for t in m.tokens.clone() {
            if let Some(slot) = taken.get_mut(t) {
                *slot = true;
            }
        }
    }
    // (mention to replace, the name's last token, sector, country code)
    let mut found: Vec<(usize, usize, &str, String)> = Vec::new();
    for (k, m) in resolution.mentions.iter().enumerate() {
        let entity = &resolution.entities[m.entity];
        if m.nested
            || m.tokens.is_empty()
            || !matches!(m.form, MentionForm::Name | MentionForm::Adjective | MentionForm::Metonym)
        {
            continue;
        }
        if !matches!(entity.kind, EntityKind::Country | EntityKind::Place) {
            continue;
        }
        let Some(country) = super::groups::entity_country(entity) else { continue };
        let sentence = tokens[m.tokens.start].sentence();
        let mut t = m.tokens.end;
        let mut words = 0;
        while t < tokens.len() && words <= MAX_BETWEEN {
            let token = &tokens[t];
            if token.sentence() != sentence || token.kind() != TokenKind::Word || taken[t] {
                break;
            }
            let written = text.token_original(t);
            if !written.starts_with(char::is_uppercase) {
                break;
            }
            if let Some(sector) = lists.org_head(written) {
                found.push((k, t, sector, country.clone()));
                break;
            }
            words += 1;
            t += 1;
        }
    }
    if found.is_empty() {
        return;
    }
    let mut by_id: FxHashMap<String, usize> = FxHashMap::default();
    let mut drop = vec![false; resolution.mentions.len()];
    let mut added = Vec::new();
    for (k, last, sector, country) in found {
        let m = &resolution.mentions[k];
        let first = m.tokens.start;
        let (start, end) = (tokens[first].start(), tokens[last].end());
        let name = text.original()[start..end].to_string();
        let id = format!("organization:{}", slug(&name));
        let entity = *by_id.entry(id.clone()).or_insert_with(|| {
            let mut attrs = BTreeMap::new();
            attrs.insert("country".to_string(), country.clone());
            attrs.insert("sector".to_string(), sector.to_string());
            attrs.insert("actor".to_string(), format!("{country}{sector}"));
            resolution.entities.push(ResolvedEntity {
                id,
                kind: EntityKind::Organization,
                name: name.clone(),
                aliases: Vec::new(),
                attrs,
                gazetteer: None,
            });
            resolution.entities.len() - 1
        });
        drop[k] = true;
        added.push(ResolvedMention {
            entity,
            acts_for: None,
            start,
            end,
            tokens: first..last + 1,
            sentence: m.sentence,
            form: MentionForm::Name,
            nested: false,
        });
    }
    let mut k = 0;
    resolution.mentions.retain(|_| {
        let keep = !drop[k];
        k += 1;
        keep
    });
    resolution.mentions.extend(added);
    sort_nearly_sorted(&mut resolution.mentions, |m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
}
