//! The state of resolving one document ([`Run`]): gathering the matcher's spans and the pattern
//! entities, and the context checks the decisions ask (is this word inside a longer name, is there
//! a title before it, who owns it).

use super::*;

impl<'a> Run<'a> {
    pub(super) fn new(r: &'a Resolver, g: &'a Gazetteer, m: &'a Matcher, text: &'a Text<'a>, date: Date) -> Run<'a> {
        let toks = text.tokens();
        let mut sentences = Vec::with_capacity(text.sentences().len());
        for s in text.sentences() {
            let mut first_word = None;
            // longer words, and how many are capitalised; words of two bytes or more, and how many
            // are in capitals
            let (mut long, mut upper, mut letters, mut caps) = (0usize, 0usize, 0usize, 0usize);
            for i in s.tokens() {
                if toks[i].kind() != TokenKind::Word {
                    continue;
                }
                first_word.get_or_insert(i);
                let w = text.token_original(i);
                if at_least_chars(w, 3) && !title_case_small(w) {
                    long += 1;
                    upper += usize::from(w.chars().next().is_some_and(char::is_uppercase));
                }
                if w.len() >= 2 {
                    letters += 1;
                    caps += usize::from(!has_lowercase(w));
                }
            }
            sentences.push(SentenceInfo {
                first_word: first_word.unwrap_or(s.tokens().start) as u32,
                // a headline in title case: every longer word capitalised
                title_case: long >= 3 && upper == long,
                all_caps: letters >= 3 && caps * 10 >= letters * 8,
            });
        }
        Run {
            r,
            g,
            m,
            text,
            date,
            spans: Vec::new(),
            cands: Vec::new(),
            finds: Vec::new(),
            in_pattern: Vec::new(),
            taken: TokenSet::new(toks.len()),
            sentences,
            pending: Vec::new(),
            last_seen: FxHashMap::default(),
            people: Vec::new(),
            local: FxHashMap::default(),
            people_buf: Vec::new(),
            others_buf: Vec::new(),
            near: Cell::new(0),
            unknown: unknown::Unknown::default(),
            descriptions: Vec::new(),
            unknown_people: Vec::new(),
        }
    }

    pub(super) fn record(&self, gaz: usize) -> &'a EntityRecord {
        &self.g.entities()[gaz]
    }

    pub(super) fn kind(&self, gaz: usize) -> EntityKind {
        self.record(gaz).kind
    }

    pub(super) fn word(&self, i: usize) -> &'a str {
        self.text.token_text(i)
    }

    pub(super) fn capitalised(&self, i: usize) -> bool {
        self.text.token_original(i).chars().next().is_some_and(char::is_uppercase)
    }

    pub(super) fn sentence(&self, i: usize) -> usize {
        self.text.tokens()[i].sentence()
    }

    pub(super) fn title_case(&self, sentence: usize) -> bool {
        self.sentences[sentence].title_case
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        self.text.tokens().get(i).is_some_and(|t| t.kind() == TokenKind::Word)
    }

    /// Token `i` exists, is a word, and is in sentence `sentence`.
    pub(super) fn word_in(&self, i: usize, sentence: usize) -> bool {
        self.is_word(i) && self.sentence(i) == sentence
    }

    /// The span that covers token `t`.
    pub(super) fn span_at(&self, t: usize) -> Option<usize> {
        // most questions are about the tokens next to the span being decided: search the few
        // spans around it when they surround the token, all of them otherwise
        let near = self.near.get() as usize;
        let (lo, hi) = (near.saturating_sub(2), (near + 3).min(self.spans.len()));
        let (lo, hi) = if lo < hi && self.spans[lo].start as usize <= t && t < self.spans[hi - 1].end as usize {
            (lo, hi)
        } else {
            (0, self.spans.len())
        };
        let s = lo + self.spans[lo..hi].partition_point(|s| s.start as usize <= t).checked_sub(1)?;
        (t < self.spans[s].end as usize).then_some(s)
    }

    /// The candidates of span `s`.
    pub(super) fn cands(&self, s: usize) -> &[Cand] {
        let span = &self.spans[s];
        &self.cands[span.cands_start as usize..span.cands_end as usize]
    }

    /// The pending mention span `s` became.
    pub(super) fn decided(&self, s: usize) -> Option<usize> {
        let p = self.spans[s].decided;
        (p != NONE).then_some(p as usize)
    }

    /// The pattern entity (index into `finds`) that covers token `t`.
    pub(super) fn in_pattern(&self, t: usize) -> Option<usize> {
        let k = self.in_pattern.partition_point(|p| p.0 as usize <= t).checked_sub(1)?;
        let (_, end, find) = self.in_pattern[k];
        (t < end as usize).then_some(find as usize)
    }

    /// Groups the raw matches by span, keeping those that cover whole tokens.
    pub(super) fn collect_spans(&mut self, matches: &[RawMatch]) {
        let toks = self.text.tokens();
        let mut i = 0;
        // matches come in text order: each search for a token starts where the last one ended
        let (mut from, mut from_norm) = (0, 0);
        while i < matches.len() {
            let mut j = i + 1;
            while j < matches.len() && matches[j].norm == matches[i].norm {
                j += 1;
            }
            let norm = &matches[i].norm;
            if norm.start < from_norm {
                from = 0;
            }
            let first = gallop(toks, from, |t| t.norm().start < norm.start);
            let last = gallop(toks, first, |t| t.norm().start < norm.end);
            (from, from_norm) = (first, norm.start);
            // a name must start and end on token boundaries: "Xi" is not a name inside "Xi'an"
            let aligned = first < last
                && toks[first].norm().start == norm.start
                && toks[last - 1].norm().end == norm.end
                && toks[first].sentence() == toks[last - 1].sentence();
            if aligned {
                let cands_start = self.cands.len();
                for m in &matches[i..j] {
                    let c = self.m.candidate(m.candidate);
                    // a former name ("Mandatory Palestine", "Rhodesia", "Zaire") is not today's
                    // state: the span stays (no shorter name inside it is taken either), with no
                    // entity, rather than a state the name no longer named
                    if c.form == AliasForm::Former {
                        continue;
                    }
                    let cand = Cand { gaz: c.entity as u32, form: c.form, case: c.case };
                    match self.cands[cands_start..].iter_mut().find(|x| x.gaz == cand.gaz) {
                        Some(x) if form_rank(x.form) < form_rank(cand.form) => *x = cand,
                        Some(_) => {}
                        None => self.cands.push(cand),
                    }
                }
                // the matcher reports names in order and never two over one token
                debug_assert!(self.spans.last().map_or(true, |s| s.end as usize <= first));
                self.spans.push(Span {
                    start: first as u32,
                    end: last as u32,
                    cands_start: cands_start as u32,
                    cands_end: self.cands.len() as u32,
                    decided: NONE,
                });
            }
            i = j;
        }
    }

    /// The tokens of an original byte span, snapped outwards to whole tokens.
    pub(super) fn tokens_of(&self, start: usize, end: usize) -> Range<usize> {
        let toks = self.text.tokens();
        let first = toks.partition_point(|t| t.end() <= start);
        let last = toks.partition_point(|t| t.start() < end);
        first..last.max(first)
    }

    /// Records that pattern entity `find` covers `tokens`, over any earlier one there.
    pub(super) fn paint_pattern(&mut self, tokens: Range<usize>, find: usize) {
        let (start, end) = (tokens.start as u32, tokens.end as u32);
        let list = &mut self.in_pattern;
        // finds come sorted by start: only the last intervals can meet this one
        let mut rest = Vec::new();
        while let Some(&(s, e, k)) = list.last() {
            if s < start {
                break;
            }
            list.pop();
            if e > end {
                rest.push((s.max(end), e, k));
            }
        }
        if let Some(last) = list.last_mut() {
            if last.1 > start {
                let (e, k) = (last.1, last.2);
                last.1 = start;
                if e > end {
                    rest.push((end, e, k));
                }
            }
        }
        if start < end {
            list.push((start, end, find as u32));
        }
        rest.sort_unstable();
        list.extend(rest);
    }

    /// Finds money, documents and events; names inside an amount are dropped, names inside a
    /// document or event stay as nested mentions, and a pattern that cuts a name in two is dropped.
    pub(super) fn collect_patterns(&mut self) {
        for found in patterns::find(self.text.original()) {
            let tokens = self.tokens_of(found.start, found.end);
            if tokens.is_empty() {
                continue;
            }
            if found.kind == EntityKind::Money {
                for t in tokens.clone() {
                    if let Some(s) = self.span_at(t) {
                        self.spans[s].cands_end = self.spans[s].cands_start;
                    }
                }
                self.taken.insert_range(tokens.clone());
            } else {
                let cut = |t: usize| self.span_at(t).map(|s| self.spans[s].tokens());
                // the gazetteer knows this very name (or a longer one): its entry wins
                if cut(tokens.start).is_some_and(|s| s.start <= tokens.start && s.end >= tokens.end) {
                    continue;
                }
                let head_cut = cut(tokens.start).is_some_and(|s| s.start < tokens.start || s.end > tokens.end);
                let tail_cut = cut(tokens.end - 1).is_some_and(|s| s.end > tokens.end || s.start < tokens.start);
                if head_cut || tail_cut {
                    continue;
                }
                self.taken.insert_range(tokens.clone());
            }
            self.paint_pattern(tokens.clone(), self.finds.len());
            self.finds.push((found, tokens));
        }
    }

    /// The word before `i` in its sentence is a capitalised word that is not a name we know, a
    /// title, or a function word: `i` continues someone else's name ("Hunter Biden").
    pub(super) fn continues_a_name(&self, first: usize) -> bool {
        if first == 0 {
            return false;
        }
        let prev = first - 1;
        let sentence = self.sentence(first);
        if !self.word_in(prev, sentence) || !self.capitalised(prev) || self.title_case(sentence) {
            return false;
        }
        if is_in(self.word(prev), list::FUNCTION) {
            return false;
        }
        self.span_at(prev).is_none() && TITLES.ending_at(self.text, first).is_none()
    }

    /// A place that ends a longer name the gazetteer does not list: "Real Madrid", "Bank of
    /// England", "University of Tokyo" (but "Western Europe", "President of France").
    pub(super) fn inside_a_longer_name(&self, first: usize) -> bool {
        if first == 0 {
            return false;
        }
        let prev = first - 1;
        if self.continues_a_name(first) {
            return !is_in(self.word(prev), list::GEO);
        }
        self.word(prev) == "of" && self.sentence(prev) == self.sentence(first) && self.continues_a_name(prev)
    }

    /// The word after the span is a capitalised word that is no name we know: the span is the
    /// start of a longer name ("Putin Street", "Jordan Peterson").
    pub(super) fn followed_by_a_name(&self, last: usize) -> bool {
        let toks = self.text.tokens();
        if last >= toks.len() || last == 0 {
            return false;
        }
        let sentence = self.sentence(last - 1);
        if !self.word_in(last, sentence) || !self.capitalised(last) || self.title_case(sentence) {
            return false;
        }
        let w = self.word(last);
        if self.span_at(last).is_some() || is_in(w, list::CALENDAR) || TITLES.starting_at(self.text, last).is_some() {
            return false;
        }
        true
    }

    /// The next token starts a span that may name a person, in the same sentence, with nothing
    /// between them (headlines in title case aside, where every word is capitalised).
    pub(super) fn followed_by_a_person(&self, last: usize) -> bool {
        if last >= self.text.tokens().len() || last == 0 {
            return false;
        }
        let sentence = self.sentence(last - 1);
        if !self.word_in(last, sentence) || !self.capitalised(last) || self.title_case(sentence) {
            return false;
        }
        self.span_at(last).is_some_and(|s| {
            self.spans[s].start as usize == last
                && self.cands(s).iter().any(|c| self.kind(c.gaz()) == EntityKind::Person)
        })
    }

    /// The next word is a suffix that makes a new name ("Niger Delta", "Putin Street").
    pub(super) fn followed_by_suffix(&self, last: usize) -> bool {
        last < self.text.tokens().len()
            && self.word_in(last, self.sentence(last - 1))
            && self.capitalised(last)
            && is_in(self.word(last), list::SUFFIX)
    }

    /// Whether token `i` opens its sentence (after quotes and brackets).
    pub(super) fn sentence_initial(&self, i: usize) -> bool {
        self.sentences.get(self.sentence(i)).is_some_and(|s| s.first_word as usize == i)
    }

    /// The entity a mention decided at span `s` names, when it can own an office (a country or an
    /// organisation).
    pub(super) fn owner_at(&self, s: usize) -> Option<usize> {
        let p = self.decided(s)?;
        let Key::Gaz(gaz) = self.pending[p].key else { return None };
        let gaz = gaz as usize;
        matches!(self.kind(gaz), EntityKind::Country | EntityKind::Organization).then_some(gaz)
    }

    /// A decided span that ends just before token `end` (or before a possessive that does).
    pub(super) fn owner_before(&self, end: usize) -> Option<(usize, usize)> {
        if end == 0 {
            return None;
        }
        let toks = self.text.tokens();
        let mut at = end;
        if toks[at - 1].kind() == TokenKind::Possessive {
            at -= 1;
        }
        if at == 0 {
            return None;
        }
        let s = self.span_at(at - 1)?;
        if self.spans[s].end as usize != at || self.sentence(at - 1) != self.sentence(end - 1) {
            return None;
        }
        Some((self.spans[s].start as usize, self.owner_at(s)?))
    }

    pub(super) fn title_before(&self, first: usize) -> Option<TitleContext> {
        let (mut title_start, office) = TITLES.ending_at(self.text, first)?;
        let family = self.family_of(title_start, first);
        // stacked titles ("Supreme Leader Ayatollah …"): the phrase takes them all, the office is
        // the one next to the name
        for _ in 0..3 {
            match TITLES.ending_at(self.text, title_start) {
                Some((start, _)) => title_start = start,
                None => break,
            }
        }
        let (start, owner) = match self.owner_before(title_start) {
            Some((start, owner)) => (start, Some(owner)),
            None => (title_start, None),
        };
        let former = start > 0 && is_in(self.word(start - 1), list::NOT_NOW);
        Some(TitleContext { start, office, family, owner, former })
    }

    /// The family of the title that tokens `start..end` spell.
    pub(super) fn family_of(&self, start: usize, end: usize) -> Option<Family> {
        let toks = self.text.tokens();
        family(&self.text.normalized()[toks[start].norm().start..toks[end - 1].norm().end])
    }

    /// How well a person fits a title: 3 holds that office of that owner on the date, 2 held it
    /// once, 1 belongs to the owner, 0 nothing known.
    pub(super) fn fits(&self, person: usize, title: &TitleContext) -> u8 {
        let record = self.record(person);
        let owners = &self.r.role_owner[person];
        let office_ok = |k: usize| match title.office {
            TitleOffice::Office(Office::Other) | TitleOffice::Counterpart => true,
            TitleOffice::Office(o) => self.r.role_fits(self.g, person, k, o, title.family),
        };
        let owner_ok = |k: usize| title.owner.is_none() || owners.get(k).copied().flatten() == title.owner;
        let mut best = 0;
        for (k, role) in record.roles.iter().enumerate() {
            if owner_ok(k) && office_ok(k) {
                let now = role.held_on(self.date);
                let started = role.start.map_or(true, |start| start <= self.date);
                // the holder on the date; after "former", one whose term is over
                let apt = if title.former { started && !now } else { now };
                best = best.max(if apt { 3 } else { 2 });
            } else if owner_ok(k) && title.owner.is_some() {
                best = best.max(1);
            }
        }
        if title.owner.is_some() && self.r.person_country[person] == title.owner {
            best = best.max(1);
        }
        best
    }

    /// Whether `person` holds an office on the document's date (a role coded `ELI`, an elite out
    /// of office, is none).
    pub(super) fn holds_office_on_date(&self, person: usize) -> bool {
        self.record(person)
            .roles
            .iter()
            .any(|r| r.held_on(self.date) && !r.actor.as_deref().is_some_and(|a| a.ends_with("ELI")))
    }

    pub(super) fn last_seen(&self, person: usize) -> Option<u32> {
        self.last_seen.get(&(person as u32)).copied()
    }
}
