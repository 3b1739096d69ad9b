"""Stage 2 of people: which holders of the Factbook sequences are one person. Each holder gets a key
(country, surname key, given-name representative); holders of one person share it."""

import re
from collections import defaultdict
from datetime import date

from ..common import ascii_fold
from ..curated import GIVEN_NOISE, PARTICLES
from .names import cluster_same, given_fold, given_skeleton, person_key, surname_key


def name_words(p):
    return {w for w in re.findall(r"[a-z']+", ascii_fold(p["name"]).lower().replace("'", ""))
            if len(w) >= 2 and w not in PARTICLES}


def same_start(a, b):
    """Two start dates agree: either missing, one a bare year of the other's, or within two months."""
    if not a or not b:
        return True
    if a[:4] == b[:4] and (a.endswith("-01-01") or b.endswith("-01-01")):
        return True
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= 61


def first_word(p):
    return ascii_fold(p["name"]).lower().split()[0]


def same_holder(prev, p):
    """Whether two holders named in consecutive editions of one office are one person whose name the
    editions write differently (see `Clusters.merge_consecutive`)."""
    wa, wb = name_words(prev), name_words(p)
    subset = ((wa <= wb or wb <= wa) and len(wa & wb) >= 2
              and ((wa == wb and first_word(prev) == first_word(p)) or same_start(prev["since"], p["since"])))
    # or the same day-precise start and a shared name ("Juan Antonio BRICENO" / "John
    # BRICEÑO", "Mohammed Al MENFI" / "Mohammed al-MANFI", both since the same day)
    same_day = (prev["since"] and prev["since"] == p["since"] and not p["since"].endswith("-01-01")
                and (wa & wb - GIVEN_NOISE or surname_key(re.sub(r"^(al|el)[- ]", "", prev["surname"], flags=re.I))
                     == surname_key(re.sub(r"^(al|el)[- ]", "", p["surname"], flags=re.I))))
    return subset or same_day


class Clusters:
    """The person key of every holder of the sequences (`key_of`). A class because a key depends on
    two tables built from all sequences before any key is asked for: the given-name representatives
    of each (country, surname) and the merges of consecutive editions' keys."""

    def __init__(self, seq):
        # (iso3, surname key) -> [(given skeleton, given folded)], one per person
        self.reps = defaultdict(list)
        # key -> the key it was merged into
        self.alias_of = {}
        self.collect_given_names(seq)
        self.merge_consecutive(seq)

    def collect_given_names(self, seq):
        """One person per (country, surname, given name), the given name compared loosely: spellings
        change between editions ("Kazymzhomart" / "Kasym-Zhomart TOKAYEV", "Nursultan A." / "Nursultan
        Abishuly NAZARBAYEV") while brothers differ ("Nawaz" / "Shehbaz SHARIF"). Family-name-first
        names must agree exactly ("KIM Jong Il" / "KIM Jong Un"). Some archive editions lost accented
        letters ("Fran ois BAYROU", "lisabeth BORNE"), leaving no given name: such a holder is the one
        person of that country with the same surname, when there is exactly one."""
        for (iso3, office), items in sorted(seq.items()):
            for ed, p in sorted(items, key=lambda x: x[0]):
                if p.get("vacant"):
                    continue
                k = person_key(iso3, p)
                g = (given_skeleton(p), given_fold(p))
                if g[0] and not any(cluster_same(g, r, p["caps_first"]) for r in self.reps[k[:2]]):
                    self.reps[k[:2]].append(g)

    def merge_consecutive(self, seq):
        """One holder in consecutive editions whose names differ only by the words the Factbook writes
        in capitals or by words dropped ("Victoire Tomegah DOGBE" / "Victoire TOMEGAH Dogbé", "Sailele
        Malielegaoi TUILA'EPA" / "TUILA'EPA Lupesoliai Sailele Malielegaoi"): the words of one name
        are all in the other, at least two are shared, and the start dates (when both are given)
        agree within two months or one is a bare year. Keys of such holders are merged."""
        for (iso3, office), items in sorted(seq.items()):
            prev = None
            for ed, p in sorted(items, key=lambda x: x[0]):
                if p.get("vacant"):
                    prev = None
                    continue
                if prev is not None:
                    ka, kb = self.find(self.raw_key(iso3, prev)), self.find(self.raw_key(iso3, p))
                    if ka != kb and same_holder(prev, p):
                        self.alias_of[kb] = ka
                prev = p

    def raw_key(self, iso3, p):
        if p.get("vacant"):
            return (iso3, "", "vacant")
        k = person_key(iso3, p)
        g = (given_skeleton(p), given_fold(p))
        known = self.reps[k[:2]]
        if not g[0]:
            return k[:2] + ((known[0][0] if len(known) == 1 else ""),)
        return k[:2] + (next(r for r in known if cluster_same(g, r, p["caps_first"]))[0],)

    def find(self, k):
        while k in self.alias_of:
            k = self.alias_of[k]
        return k

    def key_of(self, iso3, p):
        return self.find(self.raw_key(iso3, p))
