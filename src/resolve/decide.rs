//! Deciding each span: which candidate a name refers to (or none), from its context, its form,
//! the document's date and the people named before; compounds and names inside names.

use super::*;

impl<'a> Run<'a> {
    /// Decides span `i`: which entity, which form, which phrase.
    pub(super) fn decide(&mut self, i: usize) {
        self.near.set(i as u32);
        let span = self.spans[i];
        if span.cands_start == span.cands_end {
            return;
        }
        let tokens = span.tokens();
        let (first, last) = (tokens.start, tokens.end);
        let sentence = self.sentence(first);
        let single = tokens.len() == 1;
        let common = single && is_in(self.word(first), list::COMMON);
        let initial = self.sentence_initial(first);
        let written_capitalised = self.capitalised(first);
        let mut people = std::mem::take(&mut self.people_buf);
        let mut others = std::mem::take(&mut self.others_buf);
        people.clear();
        others.clear();
        let any_person = self.cands(i).iter().any(|c| self.kind(c.gaz()) == EntityKind::Person);
        // what the context says, worked out once, when first asked
        let (continues, follows, suffix, longer) = (OnceCell::new(), OnceCell::new(), OnceCell::new(), OnceCell::new());
        let continues = || *continues.get_or_init(|| self.continues_a_name(first));
        let follows = || *follows.get_or_init(|| self.followed_by_a_name(last));
        let suffix = || *suffix.get_or_init(|| self.followed_by_suffix(last));
        let longer = || *longer.get_or_init(|| self.inside_a_longer_name(first));
        let mut title = if any_person { self.title_before(first) } else { None };
        // "President Joe Biden" where the gazetteer knows only "Joseph Biden": a title that fits
        // the surname's person vouches for the unknown first name between them
        let mut given_name = false;
        if any_person && title.is_none() && continues() && self.same_pattern(first - 1, first) {
            title = self.title_before(first - 1);
            given_name = title.is_some();
        }

        // drop candidates that the context rules out
        for &c in self.cands(i) {
            if c.case == CasePolicy::Exact && self.sentences[sentence].all_caps && single {
                // an acronym in a line of capitals is just a word ("LET US TALK")
                continue;
            }
            if self.kind(c.gaz()) == EntityKind::Person {
                let partial = matches!(c.form, AliasForm::Surname | AliasForm::Short);
                if suffix() {
                    continue;
                }
                if partial {
                    if !written_capitalised {
                        continue;
                    }
                    let seen = self.last_seen(c.gaz()).is_some();
                    let vouched = given_name && title.as_ref().is_some_and(|t| self.fits(c.gaz(), t) >= 2);
                    // "Mahamat Deby": a surname of one person that runs into another's name is
                    // the given name of the other
                    if (continues() && !vouched) || follows() || self.followed_by_a_person(last) {
                        continue;
                    }
                    // "his Iranian counterpart Abbas …": a surname alone must belong to the owner
                    if title.as_ref().is_some_and(|t| t.owner.is_some() && self.fits(c.gaz(), t) == 0) {
                        continue;
                    }
                    if c.form == AliasForm::Surname && common && title.is_none() && !seen {
                        continue;
                    }
                }
                let fit = title.as_ref().map_or(0, |t| self.fits(c.gaz(), t));
                people.push((c, fit));
            } else {
                if c.form != AliasForm::Abbreviation && c.case != CasePolicy::Exact && suffix() {
                    continue;
                }
                if common && (continues() || follows()) {
                    continue;
                }
                if matches!(self.kind(c.gaz()), EntityKind::Country | EntityKind::Place)
                    && c.form != AliasForm::Adjective
                    && longer()
                {
                    continue;
                }
                others.push(c);
            }
        }

        // narrow the people down to one, or none
        if people.len() > 1 {
            let best_fit = people.iter().map(|p| p.1).max().unwrap_or(0);
            if best_fit > 0 {
                people.retain(|p| p.1 == best_fit);
            }
        }
        if people.len() > 1 {
            let latest = people.iter().filter_map(|p| self.last_seen(p.0.gaz())).max();
            if let Some(latest) = latest {
                people.retain(|p| self.last_seen(p.0.gaz()) == Some(latest));
            }
        }
        if people.len() > 1 && people.iter().any(|p| self.holds_office_on_date(p.0.gaz())) {
            people.retain(|p| self.holds_office_on_date(p.0.gaz()));
        }
        if people.len() > 1 {
            let all_full = people.iter().all(|p| p.0.form == AliasForm::Name);
            let top = people.iter().map(|p| self.record(p.0.gaz()).priority).max().unwrap_or(0);
            let at_top = people.iter().filter(|p| self.record(p.0.gaz()).priority == top).count();
            if all_full && at_top == 1 {
                people.retain(|p| self.record(p.0.gaz()).priority == top);
            } else {
                // several people share the name and nothing tells them apart: leave it unresolved
                people.clear();
            }
        }

        // rank the survivors: context first, then priority, form and kind; the first of equals wins
        let person = people.first().copied();
        let person_context = person.is_some_and(|(c, fit)| fit > 0 || self.last_seen(c.gaz()).is_some());
        let within = self.place_before_comma(first);
        let rank = |context: u8, c: Cand, kind: EntityKind| {
            (context, self.record(c.gaz()).priority, form_rank(c.form), kind_rank(kind))
        };
        let mut best: Option<((u8, i32, u8, u8), Cand)> = None;
        let mut consider = |key: (u8, i32, u8, u8), c: Cand| {
            // `max_by_key` keeps the last of equal maxima
            if best.as_ref().map_or(true, |b| key >= b.0) {
                best = Some((key, c));
            }
        };
        for &c in &others {
            let context = u8::from(within.is_some() && self.country_code(c.gaz()) == within);
            consider(rank(context, c, self.kind(c.gaz())), c);
        }
        if let Some((c, fit)) = person {
            let context = u8::from(person_context) + u8::from(fit > 0 || title.is_some());
            consider(rank(context, c, EntityKind::Person), c);
        }
        self.people_buf = people;
        self.others_buf = others;
        let Some((_, chosen)) = best else { return };

        let kind = self.kind(chosen.gaz());
        let mut pending = Pending::new(Key::Gaz(chosen.gaz), tokens.clone(), MentionForm::Name);
        // "Turkey prices …" opens a sentence; "Turkey's …" does not leave the doubt
        pending.tentative = match kind {
            EntityKind::Person => {
                // a lone surname opening a sentence (or in a title-case line) may be a common
                // word ("Tax revenues rose"): it needs another mention or a verb after it
                chosen.form == AliasForm::Surname
                    && (initial || self.title_case(sentence))
                    && !person_context
                    && title.is_none()
                    && !self.acts_next(last)
            }
            _ => common && initial && !self.acts_next(last),
        };
        match kind {
            EntityKind::Person => {
                if given_name {
                    pending.name.start = (first - 1) as u32;
                }
                self.decide_person(&mut pending, chosen, title.as_ref());
            }
            EntityKind::Place
                if !self.record(chosen.gaz()).members.is_empty()
                    && self.is_group(last)
                    && self.same_pattern(first, last) =>
            {
                pending.phrase.end = (last + 1) as u32;
                pending.name.end = (last + 1) as u32;
                pending.form = MentionForm::Group;
            }
            EntityKind::Place => {
                if let Some(country) = self.r.capital_of[chosen.gaz()] {
                    if !self.is_location(first, last) {
                        pending.form = MentionForm::Metonym;
                        pending.acts_for = country as u32;
                    }
                }
                if chosen.form == AliasForm::Adjective {
                    pending.form = MentionForm::Adjective;
                }
            }
            _ => {
                if chosen.form == AliasForm::Adjective {
                    pending.form = MentionForm::Adjective;
                }
            }
        }
        self.spans[i].decided = self.pending.len() as u32;
        self.pending.push(pending);
        if matches!(kind, EntityKind::Organization | EntityKind::Event | EntityKind::Document) {
            self.compound_parts(&tokens);
        }
    }

    /// The countries and regions of a hyphenated compound inside a longer name ("China-Central
    /// Asia Summit"), as nested mentions: the automaton reports only the longest name.
    pub(super) fn compound_parts(&mut self, tokens: &Range<usize>) {
        let toks = self.text.tokens();
        let is_hyphen = |t: usize| toks[t].kind() == TokenKind::Punct && self.text.token_text(t) == "-";
        if !tokens.clone().any(is_hyphen) {
            return;
        }
        // each part between hyphens on its own: the whole would only match the whole name again
        let mut part_start = tokens.start;
        for t in tokens.clone().chain(std::iter::once(tokens.end)) {
            if t < tokens.end && !is_hyphen(t) {
                continue;
            }
            if part_start < t {
                self.names_within(part_start..t, tokens);
            }
            part_start = t + 1;
        }
    }

    /// Adds the countries and regions named within `part` as mentions nested in `outer`.
    pub(super) fn names_within(&mut self, part: Range<usize>, outer: &Range<usize>) {
        let toks = self.text.tokens();
        let base = toks[part.start].start();
        let inner = Text::new(&self.text.original()[base..toks[part.end - 1].end()]);
        let found = self.m.find_all(&inner);
        let mut k = 0;
        while k < found.len() {
            let mut j = k + 1;
            while j < found.len() && found[j].norm == found[k].norm {
                j += 1;
            }
            let entity = found[k..j]
                .iter()
                .map(|f| self.m.candidate(f.candidate).entity)
                .filter(|&g| match self.kind(g) {
                    EntityKind::Country => true,
                    EntityKind::Place => !self.record(g).members.is_empty(),
                    _ => false,
                })
                .max_by_key(|&g| self.record(g).priority);
            let range = self.tokens_of(base + found[k].start, base + found[k].end);
            if let Some(g) = entity {
                if !range.is_empty() && range.start >= outer.start && range.end <= outer.end && range != *outer {
                    self.pending.push(Pending::new(Key::Gaz(g as u32), range, MentionForm::Name));
                }
            }
            k = j;
        }
    }

    /// Tokens `a` and `b` lie in the same pattern entity, or both outside any.
    pub(super) fn same_pattern(&self, a: usize, b: usize) -> bool {
        self.in_pattern(a) == self.in_pattern(b)
    }

    /// What follows a name at the start of a sentence shows it is one: a possessive ("Chad's"), a
    /// verb of news ("Chad said"), or a list of countries ("Chad and Niger").
    pub(super) fn acts_next(&self, last: usize) -> bool {
        let toks = self.text.tokens();
        let Some(next) = toks.get(last) else { return false };
        if next.kind() == TokenKind::Possessive {
            return true;
        }
        if next.sentence() != toks[last - 1].sentence() {
            return false;
        }
        let w = self.word(last);
        if is_in(w, list::VERB) {
            return true;
        }
        if matches!(w, "and" | "or" | "," | "-") {
            if let Some(s) = self.span_at(last + 1) {
                return self.spans[s].start as usize == last + 1
                    && self.cands(s).iter().any(|c| self.kind(c.gaz()) == EntityKind::Country);
            }
        }
        false
    }

    /// The country code of the place named just before ", " ("Atlanta, Georgia": Atlanta's).
    pub(super) fn place_before_comma(&self, first: usize) -> Option<&'a str> {
        if first < 2 || self.word(first - 1) != "," || self.sentence(first - 2) != self.sentence(first) {
            return None;
        }
        let s = self.span_at(first - 2)?;
        let Key::Gaz(g) = self.pending[self.decided(s)?].key else { return None };
        let g = g as usize;
        (self.kind(g) == EntityKind::Place).then(|| self.country_code(g)).flatten()
    }

    /// The ISO3 code of a country, or of the country a place lies in.
    pub(super) fn country_code(&self, gaz: usize) -> Option<&'a str> {
        let record = self.record(gaz);
        match record.kind {
            EntityKind::Country => record.attrs.get("iso3").map(String::as_str).or(record.id.strip_prefix("country:")),
            EntityKind::Place => record.attrs.get("country").map(String::as_str),
            _ => None,
        }
    }

    pub(super) fn is_group(&self, last: usize) -> bool {
        last < self.text.tokens().len()
            && self.word_in(last, self.sentence(last - 1))
            && is_in(self.word(last), list::GROUP)
    }

    /// A capital written as a place, not as an actor: after a locative word ("in Beijing"), before a
    /// comma and a country ("Astana, Kazakhstan"), or listed after such a place ("in Beijing and
    /// Moscow").
    pub(super) fn is_location(&self, first: usize, last: usize) -> bool {
        let toks = self.text.tokens();
        let sentence = self.sentence(first);
        if toks.get(last).is_some_and(|t| t.kind() == TokenKind::Possessive) {
            // "part of Beijing's strategy": a possessor acts, wherever it stands
            return false;
        }
        // a dateline ("BEIJING, June 17 -") is where the story was filed
        let written = &self.text.original()[toks[first].start()..toks[last - 1].end()];
        if self.sentence_initial(first) && written.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
            return true;
        }
        // "Moscow-based", "Beijing-backed": part of an adjective
        if last + 1 < toks.len() && self.word(last) == "-" && self.is_word(last + 1) && !self.capitalised(last + 1) {
            return true;
        }
        if first > 0 && self.sentence(first - 1) == sentence {
            let prev = self.word(first - 1);
            if is_in(prev, list::LOCATIVE) {
                return true;
            }
            if (prev == "and" || prev == "or" || prev == ",") && first >= 2 {
                if let Some(p) = self.span_at(first - 2).and_then(|s| self.decided(s)) {
                    let q = &self.pending[p];
                    if let Key::Gaz(g) = q.key {
                        if self.r.capital_of[g as usize].is_some() && q.form == MentionForm::Name {
                            return true;
                        }
                    }
                }
            }
        }
        if last + 1 < toks.len() && self.word(last) == "," && self.sentence(last + 1) == sentence {
            if let Some(s) = self.span_at(last + 1) {
                if self.cands(s).iter().any(|c| self.kind(c.gaz()) == EntityKind::Country) {
                    return true;
                }
            }
        }
        false
    }

    /// A capitalised word that no gazetteer name covers, but that is part of a full name given
    /// earlier in the document: "Kim" after "Kim Jong Un", "Wang" after "Wang Yi".
    pub(super) fn local_name(&mut self, i: usize) {
        if self.local.is_empty() || !self.is_word(i) || !self.capitalised(i) {
            return;
        }
        let Some(&person) = self.local.get(self.word(i)) else { return };
        let person = person as usize;
        if self.continues_a_name(i) || self.followed_by_a_name(i + 1) {
            return;
        }
        let title = self.title_before(i);
        if title.as_ref().is_some_and(|t| t.owner.is_some() && self.fits(person, t) == 0) {
            return;
        }
        let mut pending = Pending::new(Key::Gaz(person as u32), i..i + 1, MentionForm::Short);
        let cand = Cand { gaz: person as u32, form: AliasForm::Short, case: CasePolicy::Capitalized };
        self.decide_person(&mut pending, cand, title.as_ref());
        self.pending.push(pending);
    }

    /// Registers the first and last words of a full name for [`Run::local_name`].
    pub(super) fn register_name(&mut self, name: Range<usize>, person: usize) {
        const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "v"];
        let is_name_word = |t: usize| self.is_word(t) && self.capitalised(t) && !SUFFIXES.contains(&self.word(t));
        let Some(first) = name.clone().find(|&t| is_name_word(t)) else { return };
        let Some(last) = name.rev().find(|&t| is_name_word(t)) else { return };
        if first == last {
            return;
        }
        for (t, min_len) in [(first, 2), (last, 3)] {
            let w = self.word(t);
            let usable =
                at_least_chars(w, min_len) && !is_in(w, list::FUNCTION | list::CALENDAR) && TITLES.get(w).is_none();
            if usable {
                self.local.insert(w, person as u32);
            }
        }
    }

    pub(super) fn decide_person(&mut self, pending: &mut Pending, chosen: Cand, title: Option<&TitleContext>) {
        let person = chosen.gaz();
        let first = pending.name.start as usize;
        if !matches!(chosen.form, AliasForm::Surname | AliasForm::Short) {
            self.register_name(pending.name.start as usize..pending.name.end as usize, person);
        }
        if matches!(chosen.form, AliasForm::Surname | AliasForm::Short) {
            pending.form = MentionForm::Short;
        }
        let role = self.r.role_on(self.g, person, self.date);
        pending.acts_for = role.map_or(NONE, |(_, owner)| owner as u32);
        if let Some(t) = title {
            if self.same_pattern(t.start, first) {
                pending.phrase.start = t.start as u32;
            }
        } else if let Some((start, owner)) = self.owner_before(first) {
            // "China's Xi": the possessor is the person's own country
            let possessive = first > 0 && self.text.tokens()[first - 1].kind() == TokenKind::Possessive;
            let own = Some(owner) == self.r.person_country[person] || owner as u32 == pending.acts_for;
            if possessive && own && self.same_pattern(start, first) {
                pending.phrase.start = start as u32;
            }
        }
        self.taken.insert_range(pending.phrase());
        let order = self.pending.len() as u32;
        self.last_seen.insert(person as u32, order);
        self.people.push((first as u32, person as u32));
    }
}
