"""From one parsed sentence to event candidates: trigger, type, modality and argument spans (unresolved).

The steps, each a small function:

1. find trigger mentions (``triggers.find_triggers``);
2. let governing triggers absorb the act in their complement ("agreed to withdraw", "urged X to release",
   "refused to meet"), using the composition tables;
3. read the modality of each event's clause, turning unrealised acts into intentions or threats and refused
   ones into rejections; deontic clauses ("the US must not cross red lines") become demands of the speaker;
4. read the arguments: actors (subjects, passive agents, possessors, "by"/"between" phrases, names compounded
   on a noun event, the noun a relative clause hangs on), recipients (objects, dative and prepositional
   objects, a place visited) and the speaker of reported speech.

Resolution of the spans to actors happens later, in ``coder``; nothing here knows about the knowledge base.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from detente.coding.compose import Coded, Composer
from detente.coding.lexicon import Lexicon, Sense
from detente.coding.modality import Cues, Flags, clause_flags
from detente.coding.syntax import (
    CALENDAR,
    DYAD_PHRASES,
    OBJECT_CONTROL,
    PASSIVE_SUBJECT_DEPS,
    PLACE_ENTS,
    QUANTITY_NOUNS,
    RELATIVE_PRONOUNS,
    agent,
    child,
    children,
    coordinated,
    direct_object,
    is_nominal,
    is_passive,
    is_pronoun,
    is_verbal,
    lemma,
    looks_like_actor,
    prep_objects,
)
from detente.coding.triggers import Trigger, find_triggers
from detente.records import Modality

# Nouns of a noun event whose "of" phrase names the actor ("the visit of the premier") rather than the one
# acted on ("the arrest of the activist").
_AGENTIVE_OF = frozenset({"CONSULT", "PROTEST", "MOBILIZE", "RETREAT", "AGREE", "SUPPORT", "COOPERATE",
                          "REQUEST", "THREATEN", "REJECT", "CONCEDE", "AID"})
_LEFT_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "quantmod", "case", "punct", "det",
                        "npadvmod", "advmod"})
_NOMINAL_ACTOR_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


@dataclass(slots=True)
class Arg:
    """An argument span as found in the parse: its head token and the texts to try resolving, best first."""

    token: Token
    texts: tuple[str, ...]
    via: str
    place: bool = False
    pronoun: bool = False
    dyad: bool = False


@dataclass(slots=True)
class Candidate:
    """One event read from a sentence, its arguments still text."""

    mention: Trigger
    coded: Coded
    modality: Modality
    flags: Flags
    sources: list[Arg] = field(default_factory=list)
    targets: list[Arg] = field(default_factory=list)
    speaker: Arg | None = None
    addressee: Arg | None = None
    child: Trigger | None = None
    weight: float = 0.9
    needs_speaker_source: bool = False  # a demand in the author's or speaker's voice
    prominence: float = 1.0
    notes: list[str] = field(default_factory=list)

    @property
    def token(self) -> Token:
        return self.mention.token

    @property
    def trigger_text(self) -> str:
        if self.child is not None and self.child.token != self.mention.token:
            return f"{self.mention.text} … {self.child.text}"
        return self.mention.text


# ----------------------------------------------------------------------------------------------- spans


def _include_left(tok: Token, out: set[int]) -> None:
    out.add(tok.i)
    for c in tok.children:
        if c.i < tok.i and c.dep_ in _LEFT_DEPS:
            for t in c.subtree:
                out.add(t.i)


def _trim(tokens: list[Token]) -> str:
    while tokens and (tokens[0].dep_ in ("det", "punct", "cc", "preconj") or tokens[0].lower_ in (
            "his", "her", "their", "its", "our", "both", "either", "also")):
        tokens = tokens[1:]
    # a trailing possessive marker ("the Peking University Table Tennis Team's visit") is not part of the name
    while tokens and (tokens[-1].is_punct or tokens[-1].pos_ in ("ADP", "CCONJ", "DET") or tokens[-1].tag_ == "POS"):
        tokens = tokens[:-1]
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text


_NP_PREPS = frozenset({"of", "in", "from", "for"})
_OBJECT_PREPS = ("to", "on", "against", "with", "from", "toward", "towards", "among", "between", "of", "for",
                 "by")


def span_texts(tok: Token) -> tuple[str, ...]:
    """Texts naming the participant headed by ``tok``, most informative first.

    The noun phrase with its "of/in/from/for" phrases ("Albanians of southern Serbia", "the president of
    Armenia", "opposition groups in Zimbabwe"), the head with its left modifiers ("Treasury Secretary Janet
    Yellen"), an apposition ("Sun Weidong, China's foreign vice-minister"), the named entity around the head.
    """
    doc = tok.doc
    left: set[int] = set()
    _include_left(tok, left)
    core = [doc[i] for i in sorted(left)]
    full = set(left)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _NP_PREPS and c.i > tok.i:
            pobj = child(c, "pobj")
            if c.lower_ == "from" and (pobj is None or pobj.pos_ != "PROPN"):
                continue  # "advisers from a town bazaar": where, not whose
            full.update(t.i for t in c.subtree if t.dep_ not in ("relcl", "acl"))
            for t in c.subtree:
                if t.dep_ in ("relcl", "acl", "appos"):
                    full.difference_update(x.i for x in t.subtree)
    texts: list[str] = []
    appos = [a for a in tok.children if a.dep_ == "appos"]
    named_appos = [a for a in appos if a.pos_ == "PROPN" or a.ent_type_ == "PERSON"]
    if tok.pos_ != "PROPN" and named_appos:
        texts.append(_trim([doc[i] for i in sorted(_left_set(named_appos[0]))]))
    if full != left:
        texts.append(_trim([doc[i] for i in sorted(full)]))
    texts.append(_trim(core))
    for a in appos:
        ids = _left_set(a)
        for c in a.children:
            if c.dep_ == "prep" and c.i > a.i:
                ids.update(t.i for t in c.subtree)
        texts.append(_trim([doc[i] for i in sorted(ids)]))
    if tok.ent_type_:
        for ent in doc.ents:
            if ent.start <= tok.i < ent.end:
                texts.append(_trim(list(ent)))
    texts.append(tok.text)
    # last resorts, for a country at least: a name compounded on the head ("UN peacekeepers"), the whole
    # phrase ("workers affiliated with the Serbian Workers' Union")
    names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
    if names:
        texts.append(" ".join(t.text for t in names))
    cut = {t.i for c in tok.children if c.dep_ in ("relcl", "appos", "conj", "cc") for t in c.subtree}
    whole = [t for t in tok.subtree if t.i not in cut]
    if len(whole) <= 20:
        texts.append(_trim(whole))
    seen: list[str] = []
    for t in texts:
        if t and t not in seen:
            seen.append(t)
    return tuple(seen)


def _left_set(tok: Token) -> set[int]:
    out: set[int] = set()
    _include_left(tok, out)
    return out


def make_arg(tok: Token, via: str, place: bool = False) -> Arg:
    texts = span_texts(tok)
    low = " ".join(texts).lower()
    dyad = any(w in low for w in DYAD_PHRASES)
    pronoun = is_pronoun(tok)
    return Arg(token=tok, texts=texts, via=via, place=place, pronoun=pronoun, dyad=dyad)


def is_place(tok: Token) -> bool:
    return tok.ent_type_ in PLACE_ENTS


def _members(tok: Token) -> list[Token]:
    """What a group noun stands for: "the number of countries, including China, the US and the EU" gives
    China, the US and the EU; "a group of officials" the officials."""
    chain = [tok]
    cur = tok
    for _ in range(2):
        if lemma(cur) in QUANTITY_NOUNS:
            of = next((g for p in cur.children if p.dep_ == "prep" and p.lower_ == "of"
                       for g in p.children if g.dep_ == "pobj"), None)
            if of is not None:
                cur = of
                chain.append(cur)
                continue
        break
    for node in reversed(chain):
        if node.pos_ == "PROPN":
            continue  # "Greece, like other members, ...": a comparison, not a list of members
        for p in node.children:
            if p.dep_ == "prep" and p.lower_ in ("including", "like", "notably", "especially"):
                listed = [g for g in p.children if g.dep_ == "pobj"]
                if listed:
                    return coordinated(listed[0])
    return coordinated(cur)


def _expand(tok: Token, via: str, place_ok: bool = False) -> list[Arg]:
    """``tok`` and its coordinated partners (or the members of a group noun) as arguments."""
    out = []
    for t in _members(tok):
        out.append(make_arg(t, via, place=place_ok and is_place(t)))
    return out


# ------------------------------------------------------------------------------------------- subjects


def clause_subject(verb: Token) -> tuple[Token | None, str]:
    """The actor of ``verb``'s clause: subject, passive agent, or the subject it inherits.

    Relative clauses take the noun they modify ("Wang Wentao, who visited"), infinitives of object-control
    verbs the object ("urged Israel to withdraw"), other infinitives and coordinated verbs the subject of the
    verb they depend on.
    """
    if is_passive(verb):
        a = agent(verb)
        return (a, "agent") if a is not None else (None, "passive")
    s = child(verb, "nsubj", "csubj")
    if s is not None:
        if s.lower_ in RELATIVE_PRONOUNS and verb.dep_ in ("relcl", "acl", "advcl"):
            return verb.head, "relcl"
        if s.dep_ == "expl" or s.lower_ in ("there",):
            return None, "expl"
        return s, "subj"
    dep = verb.dep_
    head = verb.head
    if head == verb:
        return None, ""
    if dep in ("relcl", "acl") and is_nominal(head):
        same = _copula_identity(head)
        if same is not None:
            return same, "relcl"
        if dep == "relcl" or looks_like_actor(head):
            return head, "relcl" if dep == "relcl" else "acl"
        # "the right of Russian troops to fire": whose right it is
        owner = child(head, "poss") or next((o for _p, o in prep_objects(head, ("of",)) if looks_like_actor(o)), None)
        if owner is not None and dep == "acl" and not is_pronoun(owner):
            return owner, "acl"
    if dep == "xcomp" and is_passive(head):
        s = child(head, *PASSIVE_SUBJECT_DEPS)
        if s is not None:
            return s, "control"  # "was invited to deliver a speech": the invitee speaks
    if dep == "xcomp":
        obj = child(head, "dobj", "obj")
        if obj is not None and lemma(head) in OBJECT_CONTROL and looks_like_actor(obj):
            return obj, "control"
        for _p, o in prep_objects(head, ("on", "upon")):
            if lemma(head) in OBJECT_CONTROL:
                return o, "control"
    for anc in verb.ancestors:
        if is_verbal(anc) or anc.pos_ == "ADJ":
            if is_passive(anc):
                a = agent(anc)
                if a is not None:
                    return a, "inherited"
                continue
            s = child(anc, "nsubj", "csubj")
            if s is not None and s.lower_ == "it" and lemma(anc) == "be" and child(anc, "acomp", "attr"):
                return None, "extraposed"  # "it was good to maintain ...": nobody is "it"
            if s is not None and s.dep_ != "expl":
                if s.lower_ in RELATIVE_PRONOUNS and anc.dep_ == "relcl":
                    return anc.head, "relcl"
                return s, "inherited"
        if anc.dep_ in ("ROOT",):
            break
    return None, ""


def _copula_identity(noun: Token) -> Token | None:
    """"The last official to travel there was Wang Wentao": the subject of a copula is its attribute."""
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and lemma(verb) == "be":
        attr = child(verb, "attr")
        if attr is not None and looks_like_actor(attr):
            return attr
    return None


def _resolve_pronoun(tok: Token, start: Token, speaker: Token | None) -> Token | None:
    """A non-pronoun antecedent for the pronoun ``tok``: "I"/"we" is the speaker; others the subject of a
    clause higher in the sentence ("X said it would", "Xi and Biden have not met since they held talks"),
    else the speaker."""
    if tok.lower_ in ("i", "we", "our", "us") and speaker is not None:
        return speaker
    for anc in start.ancestors:
        if is_verbal(anc) or anc.pos_ == "ADJ":
            s, _ = clause_subject(anc)
            if s is not None and s != tok and not is_pronoun(s) and s.lower_ not in RELATIVE_PRONOUNS \
                    and s.i < tok.i and _agrees(tok, s):
                return s
    if speaker is not None and not is_pronoun(speaker) and _agrees(tok, speaker):
        return speaker
    return None


_SINGULAR_PERSON = frozenset({"he", "she", "him", "her", "his", "hers"})
_PLURAL = frozenset({"they", "them", "their"})


def _agrees(pronoun: Token, ante: Token) -> bool:
    """Rough number agreement: "he" is not "activists", "they" can be "Beijing and Washington" or a
    country (collective), "it" is not a person."""
    low = pronoun.lower_
    plural = ante.tag_ in ("NNS", "NNPS") or bool(ante.conjuncts)
    if low in _SINGULAR_PERSON:
        return not plural and ante.ent_type_ not in ("GPE", "ORG", "NORP")
    if low in ("it", "its"):
        return not plural and ante.ent_type_ != "PERSON"
    return True


# --------------------------------------------------------------------------------------------- speaker


def speaker_of(anchor: Token, lexicon: Lexicon) -> tuple[Token | None, Token | None, Token | None]:
    """(speaker, addressee, speech verb) when ``anchor`` reports what someone said ("X said Y will ...").

    Also "according to X". The speech verb must govern the clause through a complement or a parenthetical,
    so "X, who said ..., visited" does not make X a speaker of the visit.
    """
    cur = anchor
    while cur.head != cur:
        head = cur.head
        if is_verbal(head) and lemma(head) in lexicon.speech_verbs and cur.dep_ in (
                "ccomp", "parataxis") and cur != head:
            s, _ = clause_subject(head)
            addressee = child(head, "dative", "iobj") or (
                child(head, "dobj") if lemma(head) == "tell" else None)
            return s, addressee, head
        if cur.dep_ in ("relcl", "acl") or (cur.dep_ == "conj" and is_verbal(cur) and child(cur, "nsubj")):
            break
        cur = head
    doc = anchor.doc
    # "X will visit, the ministry said": the speech verb is the root and the event a parataxis/ccomp of it
    for root in (t for t in doc if t.dep_ == "ROOT"):
        if root != anchor and is_verbal(root) and lemma(root) in lexicon.speech_verbs:
            path = _path(anchor, root)
            if anchor in root.subtree and path and path[-1].dep_ in ("ccomp", "parataxis") and \
                    not any(a.dep_ in ("relcl", "acl") for a in path):
                s, _ = clause_subject(root)
                if s is not None and s not in anchor.subtree:
                    return s, None, root
    for tok in doc:
        if tok.lower_ == "according" and tok.head != tok:
            for p in tok.children:
                if p.lower_ == "to":
                    obj = child(p, "pobj")
                    if obj is not None and looks_like_actor(obj):
                        return obj, None, tok
    return None, None, None


def _path(tok: Token, top: Token) -> list[Token]:
    out = []
    cur = tok
    while cur != top and cur.head != cur:
        out.append(cur)
        cur = cur.head
    return out


# ------------------------------------------------------------------------------------------ arguments


@dataclass(slots=True)
class Args:
    sources: list[Arg] = field(default_factory=list)
    targets: list[Arg] = field(default_factory=list)
    own_sources: bool = False  # sources found inside a noun event itself (compounds, possessor, "by")


def _noun_args(noun: Token, sense: Sense) -> Args:
    """Participants named inside a noun event: "Blinken's visit", "the Xi-Biden talks", "a visit by He",
    "talks between X and Y", "US sanctions on Russia", "Palestinian riots against ..."."""
    out = Args()
    poss = child(noun, "poss")
    by = agent(noun)
    if by is not None:
        out.sources.extend(_expand(by, "by"))
    if poss is not None:
        if is_pronoun(poss):
            ante = _resolve_pronoun(poss, noun, None)
            if ante is not None:
                out.sources.extend(_expand(ante, "poss"))
        else:
            out.sources.extend(_expand(poss, "poss"))
    for run in _name_runs(noun, poss):
        out.sources.append(Arg(token=run[-1], texts=(" ".join(t.text for t in run),), via="compound"))
    if "between" not in sense.targets:
        for _p, obj in prep_objects(noun, ("between", "among")):
            out.sources.extend(_expand(obj, "between"))
    for p, obj in prep_objects(noun, ("of", "from")):
        if p == "from" or sense.type in _AGENTIVE_OF:
            if looks_like_actor(obj) and not out.sources:
                out.sources.extend(_expand(obj, p))
        elif looks_like_actor(obj) or _has_country_mod(obj):
            out.targets.extend(_expand(obj, "of"))
    for p, obj in prep_objects(noun, tuple(sense.targets)):
        if looks_like_actor(obj) or _has_country_mod(obj) or is_place(obj):
            out.targets.extend(_expand(obj, p, place_ok=sense.place_target))
    out.own_sources = bool(out.sources)
    if sense.place_target and (by is not None or poss is not None):
        # "a US visit by He Lifeng": the country compounded on the visit is where it goes
        moved = [a for a in out.sources if a.via == "compound" and a.token.ent_type_ == "GPE"]
        for a in moved:
            out.sources.remove(a)
            a.place = True
            out.targets.append(a)
    return out


def _name_runs(noun: Token, poss: Token | None) -> list[list[Token]]:
    """Names compounded on a noun event, split at hyphens and slashes: "China-US Defense Policy Coordination
    Talks" gives [China], [US, Defense, Policy, Coordination]; "the Xi-Biden talks" [Xi], [Biden];
    "Palestinian riots" [Palestinian]."""
    toks = sorted((t for c in noun.children if c.dep_ in _NOMINAL_ACTOR_DEPS and c.i < noun.i and c != poss
                   for t in c.subtree), key=lambda t: t.i)
    runs: list[list[Token]] = []
    cur: list[Token] = []
    for t in toks:
        name = not t.is_punct and (t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP", "PERSON", "ORG")) and \
            t.ent_type_ not in ("DATE", "TIME", "ORDINAL", "CARDINAL") and t.dep_ != "poss" and \
            t.lower_ not in CALENDAR
        if name and (not cur or t.i == cur[-1].i + 1):
            cur.append(t)
        else:
            if cur:
                runs.append(cur)
            cur = [t] if name else []
    if cur:
        runs.append(cur)
    return runs


def _ent_texts(tok: Token) -> tuple[str, ...]:
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            # a hyphenated "China-US" entity is two names: keep only the part around the token
            parts = [t for t in ent if not (t.dep_ == "punct" or t.tag_ == "HYPH")]
            chunk: list[Token] = []
            for t in parts:
                if t.i <= tok.i and (not chunk or t.i == chunk[-1].i + 1):
                    chunk.append(t)
                elif t.i <= tok.i:
                    chunk = [t]
            if chunk and chunk[-1] == tok:
                return (" ".join(t.text for t in chunk), tok.text)
    return (tok.text,)


def _has_country_mod(tok: Token) -> bool:
    """"Iraqi towns", "Taiwan independence plots", "a Security Council resolution": a thing of someone's."""
    return any(c.ent_type_ in ("GPE", "NORP", "ORG") or (c.pos_ == "PROPN" and c.dep_ == "compound")
               for c in tok.children if c.dep_ in _NOMINAL_ACTOR_DEPS)


def _verb_targets(verb: Token, sense: Sense, event_noun: Token | None = None) -> list[Arg]:
    out: list[Arg] = []
    obj = direct_object(verb)
    if obj is not None and obj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        obj = verb.head  # "the summit, which was attended by Biden"
    if obj is not None and (lemma(obj) in QUANTITY_NOUNS or obj.pos_ == "NUM"):
        counted = next((o for _p, o in prep_objects(obj, ("of",))), None)
        obj = counted if counted is not None else obj  # "holding thousands of refugees"
    if obj is not None and sense.topic_object and obj.dep_ in ("dobj", "obj"):
        obj = None  # "discussed trade": a topic, not a participant
    if obj is not None and (looks_like_actor(obj) or _has_country_mod(obj) or
                            (sense.place_target and is_place(obj))):
        out.extend(_expand(obj, "obj", place_ok=sense.place_target))
    elif obj is not None and obj != event_noun:
        # "cancelled a planned visit to Haiti", "threatened action against Russia", "shelled positions of
        # the security forces", "accepted demands from the rebels": the object's own recipient
        for p, pobj in prep_objects(obj, _OBJECT_PREPS):
            if looks_like_actor(pobj) or _has_country_mod(pobj) or (is_place(pobj) and p != "of"):
                out.extend(_expand(pobj, p))
                break
    for d in children(verb, "dative", "iobj"):
        obj2 = child(d, "pobj") if d.pos_ == "ADP" else d
        if obj2 is not None and (looks_like_actor(obj2) or _has_country_mod(obj2)):
            out.extend(_expand(obj2, "dative"))
    preps = tuple(sense.targets) + (("between",) if sense.reciprocal or sense.type == "CONSULT" else ())
    for p, pobj in prep_objects(verb, preps):
        if looks_like_actor(pobj) or _has_country_mod(pobj) or (sense.place_target and is_place(pobj)):
            out.extend(_expand(pobj, p, place_ok=sense.place_target))
    if not out and obj is None and not sense.place_target and not sense.reciprocal:
        # a misparsed object ("kidnapped up to 16 Russian advisers" as particle + preposition)
        for c in verb.children:
            if c.dep_ == "prt":
                for g in c.subtree:
                    if g.dep_ == "pobj" and looks_like_actor(g) and _has_country_mod(g):
                        out.extend(_expand(g, "obj"))
                        break
    return _unique(out)


def _unique(args: list[Arg]) -> list[Arg]:
    out: list[Arg] = []
    for a in args:
        if not any(a.token == b.token for b in out):
            out.append(a)
    return out


def _subject_args(verb: Token, speaker: Token | None) -> list[Arg]:
    subj, via = clause_subject(verb)
    if subj is None:
        # "Blinken told Han it was good to maintain contacts": the speaker holds the view
        return _expand(speaker, "speaker") if via == "extraposed" and speaker is not None else []
    if is_pronoun(subj):
        ante = _resolve_pronoun(subj, verb, speaker)
        if ante is not None:
            args = _expand(ante, "pronoun")
            for a in args:
                a.pronoun = False
            return args
        return [make_arg(subj, via)]
    if via == "relcl" and subj.lower_ in RELATIVE_PRONOUNS:
        return []
    return _expand(subj, via)


def _subject_args_of(subj: Token, verb: Token, speaker: Token | None) -> list[Arg]:
    if is_pronoun(subj):
        ante = _resolve_pronoun(subj, verb, speaker)
        return _expand(ante, "pronoun") if ante is not None else [make_arg(subj, "subj")]
    return _expand(subj, "subj")


def _colon_list(verb: Token, sources: list[Arg]) -> list[Arg] | None:
    """"Four officials visited Beijing: Blinken, Yellen, Raimondo and Kerry" – the names after the colon."""
    sent = verb.doc
    colon = next((t for t in sent if t.text == ":" and t.i > verb.i), None)
    if colon is None or not sources:
        return None
    if any(a.token.ent_type_ == "PERSON" or a.token.pos_ == "PROPN" for a in sources):
        return None
    heads = [t for t in sent if t.i > colon.i and t.ent_type_ == "PERSON" and
             (t.head.ent_type_ != "PERSON" or t.head.i < t.i or t.head == t or t.dep_ in ("conj", "appos"))
             and t.dep_ != "compound" and t.dep_ != "poss"]
    if len(heads) < 2:
        return None
    return [make_arg(h, "list") for h in heads]


# ---------------------------------------------------------------------------------------- composition


def _complement_children(gov: Trigger) -> list[Token]:
    """Tokens in the complement of a governing trigger, where the governed act may be found."""
    tok = gov.token
    heads = [tok]
    if gov.phrase is not None:
        heads = list(gov.phrase)
    out: list[Token] = []
    if (tok.dep_ in ("acomp", "attr") or gov.phrase is not None) and tok.head != tok:
        cop = tok.head
        heads.append(cop)  # "is ready to ...": the infinitive may hang on the copula
        # "removing the sanctions is out of the question": the clause subject is what is rejected
        out.extend(c for c in cop.children if c.dep_ in ("csubj", "nsubj") and
                   (c.dep_ == "csubj" or c.tag_ == "VBG" or any(g.dep_ in ("dobj",) for g in c.children)))
    if is_nominal(tok) and tok.dep_ in ("dobj", "obj") and is_verbal(tok.head):
        # "reiterated its demand that Israel ease ...": the content clause may hang on the verb
        out.extend(c for c in tok.head.children if c.dep_ in ("ccomp",) and c.i > tok.i)
    for h in heads:
        for c in h.children:
            if c.dep_ in ("xcomp", "ccomp", "dobj", "obj", "oprd", "acl", "nsubjpass", "advcl", "relcl"):
                if c.dep_ == "advcl" and not any(a.lower_ in ("to", "for", "that") for a in c.children):
                    continue
                if c.dep_ in ("nsubjpass", "dobj", "obj", "relcl", "acl") and h != tok:
                    continue
                out.append(c)
            elif c.dep_ in ("prep", "prt") and c.lower_ in ("for", "to", "on", "of", "about", "against", "upon",
                                                               "from", "with", "in"):
                for g in c.children:
                    if g.dep_ in ("pobj", "pcomp"):
                        out.append(g)
                        # "called on Israel to withdraw": the infinitive hangs on the object
                        out.extend(x for x in g.children if x.dep_ in ("acl", "relcl") and x.tag_ == "VB")
                    # "called on Israel to withdraw" with the infinitive on the preposition
                    if g.dep_ in ("xcomp", "acl"):
                        out.append(g)
    return out


def find_child(gov: Trigger, mentions: list[Trigger], used: set[int]) -> Trigger | None:
    """The act a governing trigger governs: a mention anchored in its complement, nearest first."""
    found = _find_child(gov, mentions, used)
    if found is None and gov.sense.role == "reject":
        # "refused to respond to a demand from the US": what is refused may sit deeper
        inside = {t.i for t in gov.token.subtree}
        deeper = [m for m in mentions if m is not gov and id(m) not in used and m.nominal and
                  m.token.i in inside and m.sense.type in ("REQUEST", "AGREE")]
        if deeper:
            found = min(deeper, key=lambda m: abs(m.token.i - gov.token.i))
    return found


def _find_child(gov: Trigger, mentions: list[Trigger], used: set[int]) -> Trigger | None:
    comp = _complement_children(gov)
    best: Trigger | None = None
    best_d = 10_000
    for m in mentions:
        if m is gov or id(m) in used:
            continue
        if m.owner is not None and m.owner == gov.token:
            d = abs(m.token.i - gov.token.i)
        else:
            d = 10_000
            for c in comp:
                for node in (m.anchor, m.token):
                    if node == c or (node.head == c and node.dep_ in ("dobj", "pobj", "xcomp")):
                        d = min(d, abs(node.i - gov.token.i))
                    elif node.dep_ == "conj" and node.head == c:
                        d = min(d, abs(node.i - gov.token.i) + 50)
        if d < best_d:
            best, best_d = m, d
    return best


def _depth(tok: Token) -> int:
    return sum(1 for _ in tok.ancestors)


# ------------------------------------------------------------------------------------------- building


def _governed_args(gov: Trigger, kid: Trigger, gov_args: Args, kid_args: Args) -> Args:
    role = gov.sense.role
    out = Args(sources=list(gov_args.sources))
    if kid_args.own_sources and role == "intent" and kid.nominal:
        out.sources = list(kid_args.sources)  # "to prepare for the Xi-Biden talks": the talks' own actors
    gov_targets = [a for a in gov_args.targets if not any(a.token == s.token for s in out.sources)]
    if role in ("request", "demand", "accuse", "reject"):
        kid_src = [a for a in kid_args.sources if not any(a.token == s.token for s in out.sources)]
        out.targets = gov_targets or kid_src or kid_args.targets
    elif role == "threaten":
        kid_src = [a for a in kid_args.sources if not any(a.token == s.token for s in out.sources)]
        out.targets = gov_targets or kid_src or kid_args.targets
    else:
        out.targets = kid_args.targets or gov_targets
    return out


def mention_args(m: Trigger, speaker: Token | None) -> Args:
    """Sources and targets of one mention from its clause (verb), light verb or noun phrase."""
    sense = m.sense
    if m.nominal:
        args = _noun_args(m.token, sense)
        if not args.sources and args.targets and m.token.dep_ == "pobj":
            # a noun event in an adjunct of a plain verb takes that verb's actor:
            # "commemorated the anniversary in a letter to Xi"
            prep = m.token.head
            verb = prep.head
            if prep.lower_ in ("in", "with", "through", "via") and is_verbal(verb):
                args.sources = _subject_args(verb, speaker)
        return args
    verb = m.anchor
    if sense.pos == "adj" and m.phrase is None:
        # "Israel is opposed to French mediation", "Syria is willing to withdraw": the copula's subject acts
        cop = verb.head if verb.dep_ in ("acomp", "attr", "oprd") else verb
        subj = child(cop, "nsubj", "nsubjpass", "csubj") or child(verb, "nsubj", "nsubjpass")
        sources = []
        if subj is not None:
            if is_pronoun(subj):
                ante = _resolve_pronoun(subj, cop, speaker)
                sources = _expand(ante, "pronoun") if ante is not None else [make_arg(subj, "subj")]
            else:
                sources = _expand(subj, "subj")
        else:
            sources = _subject_args(cop, speaker)
        targets = [a for p, o in prep_objects(verb, tuple(sense.targets)) if looks_like_actor(o) or is_place(o)
                   for a in _expand(o, p)]
        return Args(sources=sources, targets=targets)
    sources = _subject_args(verb, speaker)
    targets = _verb_targets(verb, sense, event_noun=m.token if m.anchor != m.token else None)
    if sense.role in ("intent", "reject") and is_passive(verb) and agent(verb) is None:
        # "Israel is opposed to ...", "China is committed to ...": a state of the subject, not a passive
        subj = child(verb, *PASSIVE_SUBJECT_DEPS)
        if subj is not None:
            sources = _subject_args_of(subj, verb, speaker)
            targets = [a for a in targets if a.token != subj]
    if m.anchor != m.token and not sources and is_passive(verb) and agent(verb) is None and \
            m.token.dep_ == "pobj":
        subj = child(verb, *PASSIVE_SUBJECT_DEPS)  # "Serb forces were engaged in ethnic cleansing"
        if subj is not None:
            sources = _subject_args_of(subj, verb, speaker)
            targets = [a for a in targets if a.token != subj]
    if m.anchor != m.token:  # light verb + noun event: the noun's own phrases count too
        targets = [a for a in targets if a.token != m.token]
        inner = _noun_args(m.token, sense)
        if not sources:
            sources = inner.sources
        targets.extend(a for a in inner.targets if not any(a.token == t.token for t in targets))
    listed = _colon_list(verb, sources)
    if listed:
        sources = listed
    if sense.swap:
        sources, targets = targets, sources
    return Args(sources=sources, targets=targets)


def _complement_targets(gov: Trigger) -> list[Arg]:
    """Recipients named in a governing trigger's complement when it governs no trigger: the subject a demand
    is made of ("demanded that Hamas renounce ..."), or a country the promise is to ("promised that pandas
    would make a comeback to the United States")."""
    out: list[Arg] = []
    if gov.sense.role in ("request", "demand", "order", "accuse"):
        for c in gov.token.children:
            if c.dep_ in ("ccomp", "acl") and is_verbal(c):
                subj = child(c, "nsubj", "nsubjpass")
                if subj is not None and looks_like_actor(subj) and not is_pronoun(subj):
                    return _expand(subj, "complement")
    for c in gov.token.children:
        if c.dep_ not in ("ccomp", "xcomp"):
            continue
        for t in c.subtree:
            if t.dep_ == "pobj" and t.head.lower_ in ("to", "with", "for", "toward", "towards", "against") and \
                    (t.ent_type_ in ("GPE", "NORP") or looks_like_actor(t)):
                out.extend(_expand(t, "complement"))
                return out
    return out


def _deontic_candidates(sent: Span, anchored: set[int], cues: Cues) -> list[Token]:
    """Verbs under must/should/need to with an actor subject and no trigger of their own."""
    out = []
    for tok in sent:
        if not is_verbal(tok) or tok.i in anchored or tok.pos_ == "AUX":
            continue
        flags = clause_flags(tok, cues)
        if not flags.deontic:
            continue
        subj, via = clause_subject(tok)
        if subj is None or not looks_like_actor(subj) or via not in ("subj", "inherited", "relcl"):
            continue
        if subj.pos_ == "PRON" and subj.lower_ in ("we", "i", "us"):
            continue  # "we need to keep in mind": a speaker's resolve, not a demand on others
        out.append(tok)
    return out


def _inside_same_type(m: Trigger, others: list[Trigger]) -> bool:
    """A noun event inside another mention's clause with the same type is that event again ("held talks on
    the sidelines of the G20 meetings")."""
    for o in others:
        if o is m or o.nominal or o.sense.type != m.sense.type:
            continue
        if any(a == o.anchor for a in m.token.ancestors):
            return True
    return False


def _passive_without_agent(m: Trigger) -> bool:
    tok = m.token
    return not m.nominal and is_passive(tok) and agent(tok) is None


def extract(sent: Span, lexicon: Lexicon, composer: Composer, cues: Cues) -> list[Candidate]:
    """Event candidates of one sentence, in trigger order, before actor resolution and merging."""
    mentions = find_triggers(sent, lexicon)
    used: set[int] = set()
    composed: dict[int, Trigger] = {}
    siblings: dict[int, list[Trigger]] = {}
    governors = sorted((m for m in mentions if m.sense.role), key=lambda m: -_depth(m.token))
    for gov in governors:
        if id(gov) in used:
            continue
        if gov.sense.role == "intent" and _passive_without_agent(gov) and lemma(gov.token) in OBJECT_CONTROL:
            used.add(id(gov))  # "was invited to speak": the inviter is unknown, the speech is the event
            continue
        kid = find_child(gov, mentions, used)
        if kid is not None:
            used.add(id(kid))
            composed[id(gov)] = kid
            # coordinated acts go with it: "not to compromise or concede"
            for other in mentions:
                if other is not kid and id(other) not in used and other.anchor.dep_ == "conj" and \
                        other.anchor.head == kid.anchor:
                    used.add(id(other))
                    siblings.setdefault(id(kid), []).append(other)
    out: list[Candidate] = []
    for m in mentions:
        if id(m) in used:
            continue
        kid = composed.get(id(m))
        if m.owner is not None:
            continue  # an object its verb has read ("lifted sanctions", "would not meet demands")
        if kid is None:
            if not m.sense.alone:
                continue
            if m.nominal and not m.sense.standalone and not m.adjunct:
                continue
            if m.nominal and _inside_same_type(m, mentions):
                continue
        cand = _candidate(m, kid, composed, lexicon, composer, cues, siblings.get(id(kid), []) if kid else [])
        if cand is not None:
            out.append(cand)
    anchored = {m.anchor.i for m in mentions} | {m.token.i for m in mentions}
    for verb in _deontic_candidates(sent, anchored, cues):
        out.append(_deontic_only(verb, lexicon, composer, cues))
    out.sort(key=lambda c: c.token.i)
    return out


def _coded(sense: Sense) -> Coded:
    return Coded(sense.type, sense.mode, sense.cameo)


def _candidate(m: Trigger, kid: Trigger | None, composed: dict[int, Trigger], lexicon: Lexicon,
               composer: Composer, cues: Cues, kid_siblings: list[Trigger]) -> Candidate | None:
    speaker, addressee, _ = speaker_of(m.anchor, lexicon)
    anchor = m.anchor
    if m.sense.pos == "adj" and anchor.dep_ in ("acomp", "attr", "oprd") and is_verbal(anchor.head):
        anchor = anchor.head  # "must be ready to mediate": the copula carries the modals
    elif m.phrase is not None and is_verbal(anchor.head) and not is_verbal(anchor):
        anchor = anchor.head
    flags = clause_flags(anchor, cues) if not m.nominal else clause_flags(m.token, cues)
    if not m.nominal and m.anchor != m.token:
        flags.merge(clause_flags(m.token, cues))  # "no talks were held", "will hold the planned talks"
    args = mention_args(m, speaker)
    coded = _coded(m.sense)
    weight = m.sense.weight
    notes: list[str] = []
    modality: Modality
    if kid is not None:
        # the governed act may itself govern one ("refused to agree to talks"): use its composition
        kid_coded = _coded(kid.sense)
        grandkid = composed.get(id(kid))
        if grandkid is not None and kid.sense.role == "intent":
            kid_coded = _coded(grandkid.sense)  # "rejected an offer of talks" rejects the talks
        elif grandkid is not None and kid.sense.role:
            kid_coded = composer.apply(kid.sense.role, kid_coded, _coded(grandkid.sense))
        kid_flags = clause_flags(kid.anchor if not kid.nominal else kid.token, cues)
        role = m.sense.role or "intent"
        if role == "intent" and kid_flags.negated:
            coded = composer.refused(kid_coded)
            notes.append("intent-not")
        else:
            coded = composer.apply(role, coded, kid_coded)
        kid_args = mention_args(kid, speaker)
        for sib in kid_siblings:
            sib_args = mention_args(sib, speaker)
            kid_args.targets.extend(a for a in sib_args.targets
                                    if not any(a.token == t.token for t in kid_args.targets))
        args = _governed_args(m, kid, args, kid_args)
        if not m.sense.alone:
            weight = kid.sense.weight
        notes.append(f"composed:{role}")
        modality = "planned" if role == "intent" and coded.type not in ("REJECT",) else "asserted"
        if flags.negated:
            modality = "negated"
        elif flags.conditional or flags.possible or (flags.would and not speaker):
            modality = "hypothetical"
        elif flags.future:
            modality = "planned"
    else:
        modality = flags.modality(reported=speaker is not None)
        if m.sense.role == "intent" and modality == "asserted" and \
                any(c.dep_ in ("ccomp", "xcomp") for c in m.token.children):
            modality = "planned"  # "promised that pandas would return": the promised act is to come
        if m.sense.role and not args.targets:
            args.targets = _complement_targets(m)
        if flags.deontic:
            modality = "asserted"
        elif modality == "negated" and (flags.future or flags.would) and \
                composer.family(coded.type) == "cooperative":
            coded = composer.refused(coded)  # "will not accept", "would not meet demands"
            modality = "asserted"
            notes.append("refused")
        elif modality in ("planned", "hypothetical") and coded.type in composer.cooperative:
            if modality == "planned" or speaker is not None:
                coded = composer.intended(coded)
                modality = "planned"
                notes.append("intended")
        elif modality in ("planned", "hypothetical") and coded.type in composer.material_conflict:
            if speaker is not None or _self_announced(m) or (modality == "planned" and _first_person(args)):
                coded = composer.intended(coded)
                notes.append("threat")
    if not args.targets and coded.type == "THREATEN":
        args.targets = _condition_subject(kid.anchor if kid is not None else m.anchor) or \
            _condition_subject(m.anchor)
    if not args.targets and coded.type == "PROTEST":
        args.targets = _protested_at(m.anchor)
    cand = Candidate(mention=m, coded=coded, modality=modality, flags=flags, sources=args.sources,
                     targets=args.targets, child=kid, weight=weight, notes=notes,
                     prominence=prominence(m.anchor if not m.nominal else m.token))
    if speaker is not None:
        cand.speaker = make_arg(speaker, "speaker")
    if addressee is not None:
        cand.addressee = make_arg(addressee, "addressee")
    if flags.deontic and (not notes or (kid is not None and m.sense.role == "intent")) and \
            not any(a.token.pos_ == "PRON" and a.token.lower_ in ("we", "i") for a in cand.sources):
        _make_demand(cand, composer, demanded=_coded(kid.sense) if kid is not None else None)
    return cand


_SUBORDINATE = frozenset({"advcl", "relcl", "acl", "pcomp", "csubj", "amod", "npadvmod"})


def prominence(tok: Token) -> float:
    """How central the event's clause is: 1.0 in the main clause (or in what a speaker said), 0.85 for each
    subordinate clause or prepositional phrase it sits in ("following the invasion", "suspected of blowing
    up", "in which 20 people were killed"). Ranks the sentence's main event above background."""
    k = 0
    cur = tok
    while cur.head != cur:
        if cur.dep_ in _SUBORDINATE or cur.dep_ == "pobj":
            k += 1
        cur = cur.head
    return 0.85 ** k


def _condition_subject(anchor: Token) -> list[Arg]:
    """"threatened to stop talks if the United States goes ahead": a threat is aimed at whoever must act."""
    for c in anchor.children:
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children):
            subj = child(c, "nsubj", "nsubjpass")
            if subj is not None and looks_like_actor(subj) and not is_pronoun(subj):
                return _expand(subj, "condition")
    return []


def _protested_at(anchor: Token) -> list[Arg]:
    """"staged a hunger strike in protest against violations by the security forces": whom a protest is
    against, looked for in its purpose and manner phrases."""
    stop = {t.i for c in anchor.children if c.dep_ in ("relcl", "ccomp", "parataxis") and
            not any(a.lower_ == "to" for a in c.children) for t in c.subtree}
    for tok in anchor.subtree:
        if tok.i in stop or tok.dep_ != "pobj" or tok.head.lower_ not in ("against", "at", "from"):
            continue
        if looks_like_actor(tok) or _has_country_mod(tok):
            return _expand(tok, "against")
        by = agent(tok) or next((o for _p, o in prep_objects(tok, ("of", "by")) if looks_like_actor(o)), None)
        if by is not None:
            return _expand(by, "against")
    return []


def _self_announced(m: Trigger) -> bool:
    """"X warned it would smash ...": an unrealised act whose subject is a pronoun for an actor higher up."""
    subj, _ = clause_subject(m.anchor)
    return subj is not None and subj.pos_ == "PRON" and subj.lower_ in ("it", "they", "we", "he", "she")


def _first_person(args: Args) -> bool:
    return any(a.token.lower_ in ("we", "i") for a in args.sources)


def _make_demand(cand: Candidate, composer: Composer, demanded: Coded | None = None) -> None:
    """A deontic clause ("the US must not cross red lines") is the speaker's demand on its subject."""
    demanded = demanded or cand.coded
    cand.coded = composer.apply("demand", Coded("REQUEST", None, "100"), demanded)
    cand.targets = cand.sources
    cand.sources = []
    cand.needs_speaker_source = True
    cand.modality = "asserted"
    cand.notes.append("deontic")


def _deontic_only(verb: Token, lexicon: Lexicon, composer: Composer, cues: Cues) -> Candidate:
    speaker, _, _ = speaker_of(verb, lexicon)
    sense = Sense(lemmas=(lemma(verb),), pos="verb", type="REQUEST", cameo="100", mode="change", weight=0.55)
    m = Trigger(token=verb, sense=sense, anchor=verb)
    flags = clause_flags(verb, cues)
    cand = Candidate(mention=m, coded=Coded("REQUEST", "change", "1042"), modality="asserted", flags=flags,
                     sources=[], targets=_subject_args(verb, speaker), weight=0.55, notes=["deontic"],
                     needs_speaker_source=True)
    if speaker is not None:
        cand.speaker = make_arg(speaker, "speaker")
    return cand
