//! Roles without names ("the Kazakh president", "Russia's foreign minister"): the office holder
//! on the document's date.

use super::*;

impl<'a> Run<'a> {
    /// Roles without names: "the Kazakh president", "Russia's foreign minister", "the president of
    /// Kazakhstan", "his Kazakh counterpart".
    pub(super) fn roles(&mut self) {
        // every title of the text, the longest at each start (as `TITLES.starting_at` gives it)
        let titles = TITLES.all_in(self.text);
        let mut next = 0;
        // the first span that ends after a token (spans are sorted and disjoint)
        let mut s = 0;
        while next < titles.len() {
            let (i, end, office) = titles[next];
            next += 1;
            while s < self.spans.len() && self.spans[s].end as usize <= i {
                s += 1;
            }
            let decided = s < self.spans.len() && self.spans[s].start as usize <= i && self.decided(s).is_some();
            if self.taken.contains(i) || decided {
                continue;
            }
            if let Some(p) = self.titled_unknown(i, end).or_else(|| self.role_at(i, end, office)) {
                let phrase = self.pending[p].phrase();
                self.taken.insert_range(phrase);
            } else {
                // a title that names no one known is still someone ("the US envoy", "the Sri
                // Lankan prime minister"): a pronoun nearby may mean that one (see `coref.rs`),
                // unless it is a description coreference will look at, or a word as often used of
                // no one ("in general", "a leader in", "the chair")
                let described = self.descriptions.last().is_some_and(|d| d.starts_at(i));
                let listed = self.unknown_people.last() == Some(&(i as u32));
                let toks = self.text.tokens();
                let title = &self.text.normalized()[toks[i].norm().start..toks[end - 1].norm().end];
                let vague = matches!(title, "general" | "gen." | "chair" | "leader" | "speaker");
                if !described && !listed && !vague {
                    self.unknown_people.push(i as u32);
                }
            }
            // the scan goes on after the title, whether or not it named an office holder
            while titles.get(next).is_some_and(|t| t.0 < end) {
                next += 1;
            }
        }
    }

    pub(super) fn role_at(&mut self, start: usize, end: usize, office: TitleOffice) -> Option<usize> {
        let toks = self.text.tokens();
        let sentence = self.sentence(start);
        // a name we do not know follows: the title is that person's, not the office holder's
        if end < toks.len() && self.word_in(end, sentence) && self.capitalised(end) && !self.title_case(sentence) {
            let w = self.word(end);
            let known = self.span_at(end).is_some_and(|s| self.decided(s).is_some());
            if !known && !is_in(w, list::CALENDAR) && w != "of" {
                // someone the gazetteer does not know: "he" or "the minister" may be this one
                self.unknown_people.push(start as u32);
                return None;
            }
        }
        let mut phrase = start..end;
        let mut owner = None;
        if let Some((owner_start, o)) = self.owner_before(start) {
            owner = Some(o);
            phrase.start = owner_start;
        } else if end + 1 < toks.len() && self.word(end) == "of" {
            let mut at = end + 1;
            if self.word(at) == "the" {
                at += 1;
            }
            if let Some(s) = self.span_at(at) {
                if self.spans[s].start as usize == at && self.sentence(at) == sentence {
                    if let Some(o) = self.owner_at(s) {
                        owner = Some(o);
                        phrase.end = self.spans[s].end as usize;
                    }
                }
            }
        }
        let Some(owner) = owner else {
            // "the president" with no owner: someone named before, if anyone (see `coref.rs`)
            if start > 0 && self.word(start - 1) == "the" && !matches!(office, TitleOffice::Counterpart) {
                self.descriptions.push(coref::Description::new(start..end, start..end, office, None));
            }
            return None;
        };
        if !self.same_pattern(phrase.start, phrase.end - 1) || self.in_pattern(phrase.start).is_some() {
            return None;
        }
        if phrase.start > 0 && is_in(self.word(phrase.start - 1), list::NOT_NOW) {
            return None;
        }
        let (office, same_title) = match office {
            TitleOffice::Office(o) => (o, None),
            TitleOffice::Counterpart => {
                // the office of the person this one is the counterpart of: the last person named
                let k = self.people.partition_point(|p| (p.0 as usize) < start);
                let (at, person) = *self.people[..k].last()?;
                if self.sentence(at as usize) + 1 < sentence {
                    return None;
                }
                let role = self.r.role_on(self.g, person as usize, self.date)?.0;
                (role.office, Some(normalize(&role.title)))
            }
        };
        // the one person holding one of `holders`' roles on the date, if exactly one does
        let sole_holder = |holders: &[(usize, usize)]| {
            let mut current = holders.iter().filter(|(p, k)| self.record(*p).roles[*k].held_on(self.date));
            let (person, _) = *current.next()?;
            (!current.any(|(p, _)| *p != person)).then_some(person)
        };
        // a counterpart holds the same title where the owner has one (a president's counterpart
        // is the other country's president, even where its president heads the government and a
        // supreme leader the state), else the same office
        let by_title =
            same_title.as_ref().and_then(|t| self.r.titled.get(&(owner, t.clone()))).and_then(|h| sole_holder(h));
        let person = match by_title {
            Some(person) => person,
            None if office == Office::Other => {
                let title = &self.text.normalized()[toks[start].norm().start..toks[end - 1].norm().end];
                match self.r.titled.get(&(owner, title.to_string())).and_then(|h| sole_holder(h)) {
                    Some(person) => person,
                    None => {
                        // "the Kazakh leader": a state's leader named before, if anyone
                        if title == "leader" && self.kind(owner) == EntityKind::Country {
                            let d =
                                coref::Description::new(phrase, start..end, TitleOffice::Office(office), Some(owner));
                            self.descriptions.push(d);
                        }
                        return None;
                    }
                }
            }
            None => {
                // the title as written decides among the owner's offices (see `Resolver::holder`)
                let fam = match &same_title {
                    Some(t) => family(t),
                    None => self.family_of(start, end),
                };
                self.r.holder(self.g, owner, office, fam, self.date)?
            }
        };
        let p = self.pending.len();
        let mut pending = Pending::new(Key::Gaz(person as u32), phrase, MentionForm::Role);
        pending.acts_for = owner as u32;
        self.pending.push(pending);
        self.last_seen.insert(person as u32, p as u32);
        Some(p)
    }
}
