//! The output pass: numbers the entities of the mentions found, drops the unconfirmed ones, puts
//! the mentions in order with nested mentions inside phrases, and says who acts for whom.

use std::collections::BTreeMap;
use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::date::Date;
use crate::gazetteer::{slug, EntityKind, Gazetteer};
use crate::text::Text;

use super::index::{FindIdx, GazIdx, TokenIdx};
use super::mentions::{Key, Mentions, Pending};
use super::patterns::Found;
use super::unknown::Unknown;
use super::{sort_nearly_sorted, MentionForm, Resolution, ResolvedEntity, ResolvedMention, Resolver};

/// The output pass.
pub(super) struct Output<'o> {
    pub(super) resolver: &'o Resolver,
    pub(super) gazetteer: &'o Gazetteer,
    pub(super) date: Date,
    /// The pattern entities and their tokens, from the candidates pass.
    pub(super) finds: &'o [(Found, Range<usize>)],
    /// The people no gazetteer lists, from their pass.
    pub(super) unknown: &'o Unknown,
}

impl Output<'_> {
    /// Numbers the entities, drops unconfirmed mentions, marks nesting.
    pub(super) fn finish(&self, text: &Text<'_>, mentions: Mentions) -> Resolution {
        let toks = text.tokens();
        // the tokens taken are no longer needed: free them before the output grows
        let mut pending = mentions.into_list();
        for (k, (found, tokens)) in self.finds.iter().enumerate() {
            let known = match found.kind {
                EntityKind::Money => None,
                _ => self.resolver.named.get(&slug(&found.name)).copied(),
            };
            let key = known.map_or(Key::Pattern(FindIdx::new(k)), |g| Key::Gaz(GazIdx::new(g)));
            pending.push(Pending::new(key, tokens.clone(), MentionForm::Pattern));
        }
        let mut sure: FxHashMap<Key, bool> = FxHashMap::default();
        for p in &pending {
            *sure.entry(p.key).or_insert(false) |= !p.tentative;
        }
        pending.retain(|p| sure.get(&p.key) == Some(&true));
        drop(sure);
        // in place: a stable sort would take a buffer half as long
        for (k, p) in pending.iter_mut().enumerate() {
            p.order = k as u32;
        }
        pending.sort_unstable_by_key(|p| (p.phrase.start, std::cmp::Reverse(p.phrase.end), p.order));

        let mut out = Resolution::default();
        out.mentions.reserve_exact(pending.len());
        let mut index: FxHashMap<Key, usize> = FxHashMap::default();
        let mut ids: FxHashMap<String, usize> = FxHashMap::default();
        let mut max_end = TokenIdx::new(0);
        for p in pending {
            let nested = p.phrase.end <= max_end;
            let mut phrase = p.phrase;
            if !nested && phrase.start < max_end {
                // a phrase that straddles the end of the unit before it ("President of Kazakhstan
                // President Tokayev"): units for rules own their tokens, so it keeps only the
                // tokens after that unit, or goes when its name lies inside that unit
                if p.name.start < max_end {
                    continue;
                }
                phrase.start = max_end;
            }
            let entity = self.entity(&mut out, &mut index, &mut ids, p.key);
            let acts_for = p.acts_for.map(|g| self.entity(&mut out, &mut index, &mut ids, Key::Gaz(g)));
            max_end = max_end.max(phrase.end);
            let (name_start, name_last) = (p.name.start.get(), p.name.end.get() - 1);
            out.mentions.push(ResolvedMention {
                entity,
                acts_for,
                start: toks[name_start].start(),
                end: toks[name_last].end(),
                tokens: phrase.range(),
                sentence: toks[name_start].sentence(),
                form: p.form,
                nested,
            });
        }
        // a trimmed phrase can now start after mentions nested in the unit before it
        sort_nearly_sorted(&mut out.mentions, |m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
        out
    }

    fn entity(
        &self,
        out: &mut Resolution,
        index: &mut FxHashMap<Key, usize>,
        ids: &mut FxHashMap<String, usize>,
        key: Key,
    ) -> usize {
        if let Some(&i) = index.get(&key) {
            return i;
        }
        let entity = match key {
            Key::Gaz(g) => {
                let g = g.get();
                let record = &self.gazetteer.entities()[g];
                let mut attrs = record.attrs.clone();
                if record.kind == EntityKind::Person {
                    if let Some((role, owner)) = self.resolver.role_on(self.gazetteer, g, self.date) {
                        // a role of the person's own (a PETRARCH code of no known owner) is its title
                        let role = if owner == g {
                            role.title.clone()
                        } else {
                            format!("{} of {}", role.title, self.gazetteer.entities()[owner].name)
                        };
                        attrs.insert("role".into(), role);
                    }
                    if let Some(country) = self.resolver.person_country[g] {
                        let c = &self.gazetteer.entities()[country];
                        let iso3 = c.attrs.get("iso3").cloned();
                        attrs.insert(
                            "country".into(),
                            iso3.unwrap_or_else(|| c.id.trim_start_matches("country:").into()),
                        );
                    }
                }
                ResolvedEntity {
                    id: record.id.clone(),
                    kind: record.kind,
                    name: record.name.clone(),
                    aliases: Vec::new(),
                    attrs,
                    gazetteer: Some(g),
                }
            }
            Key::Unknown(k) => self.unknown.entity(k),
            // (never asked: a dropped mention is never sure, so never numbered)
            Key::Dropped => ResolvedEntity {
                id: String::new(),
                kind: EntityKind::Person,
                name: String::new(),
                aliases: Vec::new(),
                attrs: BTreeMap::new(),
                gazetteer: None,
            },
            Key::Pattern(k) => {
                let found = &self.finds[k.get()].0;
                ResolvedEntity {
                    id: found.id(),
                    kind: found.kind,
                    name: found.name.clone(),
                    aliases: Vec::new(),
                    attrs: BTreeMap::new(),
                    gazetteer: None,
                }
            }
        };
        // entities of two keys with one id are one (two pattern finds, a find that is a gazetteer
        // entry): `ids` holds the ids of the entities not from the gazetteer, whose own ids are
        // unique and found by its index, so that a gazetteer entity's id is not copied for it
        let earlier = match key {
            Key::Gaz(_) => ids.get(entity.id.as_str()).copied(),
            _ => ids.get(entity.id.as_str()).copied().or_else(|| {
                let g = self.gazetteer.index_of(&entity.id)?;
                index.get(&Key::Gaz(GazIdx::new(g))).copied()
            }),
        };
        if let Some(i) = earlier {
            index.insert(key, i);
            return i;
        }
        if !matches!(key, Key::Gaz(_)) {
            ids.insert(entity.id.clone(), out.entities.len());
        }
        out.entities.push(entity);
        index.insert(key, out.entities.len() - 1);
        out.entities.len() - 1
    }
}
