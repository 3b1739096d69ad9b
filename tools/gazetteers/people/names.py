"""Stage 1b of people: name forms and keys. Spelling-tolerant skeletons of names and their words,
surname and given-name keys, Arabic name chains (nasab), and whether two given names of one surname
name the same person."""

import difflib
import re

from ..common import ascii_fold
from ..curated import DISTINCT_GIVEN, DYNASTIES, GIVEN_NOISE, NAME_SUFFIXES


def skeleton(text):
    """A spelling-tolerant key: Berdimuhamedow/Berdymukhamedov, Tokayev/Tokaev, Japarov/Zhaparov agree."""
    t = re.sub(r"[^a-z]", "", ascii_fold(text).lower())
    for a, b in (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("w", "v"), ("q", "k"), ("ph", "f")):
        t = t.replace(a, b)
    if not t:
        return t
    t = t[0] + re.sub(r"[aeiouy]", "", t[1:])
    return re.sub(r"(.)\1+", r"\1", t)


def nasab(n):
    """The skeletons of an Arabic name's words without "al", "bin", "ibn": the given name, the
    father's, ..., the family's. "Abd al-Aziz" / "Abdulaziz" and "Abd al-Rahman" / "Abdulrahman" are
    one word each."""
    words = [w for w in re.split(r"[-\s,]+", ascii_fold(n).lower()) if w and w not in ("al", "el", "bin", "ibn", "bint")]
    merged = []
    for w in words:
        if merged and merged[-1] in ("abd", "abdul", "abdel"):
            merged[-1] = "abd" + w
        else:
            merged.append(re.sub(r"^abd(ul|al|el|ur|ar|us|as)", "abd", w))
    return [skeleton(w) for w in merged if skeleton(w)]


def dynasty_name(name):
    """Whether `name` ends with a ruling family's name ("... Al-Sabah", "... Al Thani")."""
    last = re.split(r"[-\s]+", ascii_fold(name).lower().strip())[-1]
    return last in DYNASTIES


def name_parts(name):
    """A name's words without a trailing generational suffix or honorific: its last word is the surname."""
    parts = name.replace(",", " ").split()
    while len(parts) > 2 and parts[-1] in NAME_SUFFIXES:
        parts.pop()
    return parts


def surname_key(text):
    """The skeleton, or for one-consonant surnames the folded spelling: "BA" and "BOYE" share the skeleton "b"."""
    sk = skeleton(text)
    return sk if len(sk) >= 2 else re.sub(r"[^a-z]", "", ascii_fold(text).lower())


def person_key(iso3, p):
    sur = surname_key(p["surname"])
    if p["caps_first"]:
        given = re.sub(r"[^a-z]", "", ascii_fold("".join(p["trailing"])).lower())
    else:
        g = [t for t in p["given"] if not re.fullmatch(r"[A-Z]\.?", t)]
        given = skeleton(g[0] if g else "")[:1]
    return (iso3, sur, given)


def given_words(p):
    """Given names without initials and honorific or devotional words ("Mian", "Sheikh", "Muhammad")."""
    return [t for t in p["given"] if not re.fullmatch(r"[A-Z]\.?", t) and ascii_fold(t).lower().strip(".") not in GIVEN_NOISE]


def given_skeleton(p):
    if p["caps_first"] and dynasty_name(p["name"]) and len(nasab(p["name"])) >= 3:
        return nasab(p["name"])[1]  # "ABDALLAH bin Khalifa" / "ABDALLAH bin Nasir bin Khalifa Al Thani": the father's name
    if p["caps_first"]:  # romanised Chinese/Korean given names are stable and short: compare them whole
        return re.sub(r"[^a-z]", "", ascii_fold("".join(p["trailing"])).lower())
    g = given_words(p)
    return skeleton("".join(g))


def given_fold(p):
    """The given names folded but with their vowels, to tell apart names whose skeletons are close."""
    if p["caps_first"] and dynasty_name(p["name"]) and len(nasab(p["name"])) >= 3:
        return nasab(p["name"])[1]
    if p["caps_first"]:
        return re.sub(r"[^a-z]", "", ascii_fold("".join(p["trailing"])).lower())
    g = given_words(p)
    return re.sub(r"[^a-z]", "", ascii_fold("".join(g)).lower())


def cluster_same(a, b, caps_first):
    """Two given names (skeleton, folded) of one surname name the same person: equal, one a prefix of
    the other (an edition that dropped a given name), or a close respelling ("Kazymzhomart" /
    "Kasym-Zhomart", "Reuven" / "Reuben"). Family-name-first names compare whole given names ("LI
    Qiang" / "LI Keqiang", "KIM Jong Il" / "KIM Jong Un"). Names close only in their consonants are
    different ("Modibo" / "Mande" SIDIBE)."""
    (sa, fa), (sb, fb) = a, b
    if caps_first:
        # long patronymic-style given names respelled ("ISAIAS Afworki" / "ISSAIAS Afeworke") agree
        return fa == fb or (min(len(fa), len(fb)) >= 7 and fa[:1] == fb[:1]
                            and difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.8)
    if (fa, fb) in DISTINCT_GIVEN or (fb, fa) in DISTINCT_GIVEN:
        return False
    if sa == sb or sa.startswith(sb) or sb.startswith(sa) or sorted(fa) == sorted(fb):  # or reordered
        return True
    # close respellings start alike: "Georgios Andreas" (George Papandreou) is not his father "Andreas"
    return (sa[:1] == sb[:1] and difflib.SequenceMatcher(None, sa, sb).ratio() >= 0.6
            and difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.6)
