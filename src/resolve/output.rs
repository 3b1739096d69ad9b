//! The output of a run: entities and mentions in order, nested mentions inside phrases, and who
//! acts for whom.

use super::*;

impl<'a> Run<'a> {
    /// Numbers the entities, drops unconfirmed mentions, marks nesting.
    pub(super) fn finish(mut self) -> Resolution {
        let toks = self.text.tokens();
        // what decided the mentions is no longer needed: free it before the output grows
        self.spans = Vec::new();
        self.cands = Vec::new();
        self.in_pattern = Vec::new();
        self.local = FxHashMap::default();
        self.taken = TokenSet::default();
        self.sentences = Vec::new();
        self.people = Vec::new();
        self.last_seen = FxHashMap::default();
        for (k, (found, tokens)) in self.finds.iter().enumerate() {
            let known = match found.kind {
                EntityKind::Money => None,
                _ => self.r.named.get(&slug(&found.name)).copied(),
            };
            let key = known.map_or(Key::Pattern(k as u32), |g| Key::Gaz(g as u32));
            self.pending.push(Pending::new(key, tokens.clone(), MentionForm::Pattern));
        }
        let mut sure: FxHashMap<Key, bool> = FxHashMap::default();
        for p in &self.pending {
            *sure.entry(p.key).or_insert(false) |= !p.tentative;
        }
        let mut pending = std::mem::take(&mut self.pending);
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
        let mut max_end = 0;
        for p in pending {
            let nested = p.phrase.end <= max_end;
            let mut phrase = p.phrase.clone();
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
            let acts_for =
                (p.acts_for != NONE).then(|| self.entity(&mut out, &mut index, &mut ids, Key::Gaz(p.acts_for)));
            max_end = max_end.max(phrase.end);
            let (name_start, name_last) = (p.name.start as usize, p.name.end as usize - 1);
            out.mentions.push(ResolvedMention {
                entity,
                acts_for,
                start: toks[name_start].start(),
                end: toks[name_last].end(),
                tokens: phrase.start as usize..phrase.end as usize,
                sentence: toks[name_start].sentence(),
                form: p.form,
                nested,
            });
        }
        // a trimmed phrase can now start after mentions nested in the unit before it
        sort_nearly_sorted(&mut out.mentions, |m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
        out
    }

    pub(super) fn entity(
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
                let g = g as usize;
                let record = self.record(g);
                let mut attrs = record.attrs.clone();
                if record.kind == EntityKind::Person {
                    if let Some((role, owner)) = self.r.role_on(self.g, g, self.date) {
                        // a role of the person's own (a PETRARCH code of no known owner) is its title
                        let role = if owner == g {
                            role.title.clone()
                        } else {
                            format!("{} of {}", role.title, self.record(owner).name)
                        };
                        attrs.insert("role".into(), role);
                    }
                    if let Some(country) = self.r.person_country[g] {
                        let c = self.record(country);
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
            Key::Unknown(k) => self.unknown_entity(k as usize),
            Key::Pattern(k) => {
                let found = &self.finds[k as usize].0;
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
        // two pattern finds with one id are one entity
        if let Some(&i) = ids.get(&entity.id) {
            index.insert(key, i);
            return i;
        }
        ids.insert(entity.id.clone(), out.entities.len());
        out.entities.push(entity);
        index.insert(key, out.entities.len() - 1);
        out.entities.len() - 1
    }
}
