"""Arguments of a trigger: actors (subjects, passive agents, possessors, "by"/"between" phrases, names
compounded on a noun event, the noun a relative clause hangs on) and recipients (objects, dative and
prepositional objects, a place visited), still as text spans; resolution to actors happens in the coder.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from detente.coding.lexicon import Sense, load_data
from detente.coding.spans import Arg, expand, make_arg
from detente.coding.speaker import resolve_pronoun
from detente.coding.subjects import clause_subject
from detente.coding.triggers import Trigger, frame_objects
from detente.coding.words import (
    CALENDAR,
    CLAIM_NOUNS,
    CLAIM_VERBS,
    PERSON_NOUNS,
    QUANTITY_NOUNS,
    is_place,
    looks_like_actor,
)
from detente.syntax import (
    agent,
    child,
    condition_clause,
    direct_object,
    is_passive,
    is_pronoun,
    is_relative_pronoun,
    is_verbal,
    lemma,
    passive_subject,
    prep_objects,
    recipients,
    tokens,
)

# Nouns of a noun event whose "of" phrase names the actor ("the visit of the premier") rather than the one
# acted on ("the arrest of the activist").
_AGENTIVE_OF = frozenset({"CONSULT", "PROTEST", "MOBILIZE", "RETREAT", "AGREE", "SUPPORT", "COOPERATE",
                          "REQUEST", "THREATEN", "REJECT", "CONCEDE", "AID"})

_NOMINAL_ACTOR_DEPS = frozenset({"compound", "amod", "nmod", "poss"})

_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})

# Verbs of doing whose participle's "by" agent did the act the noun names ("an offensive launched by X").
_PERFORMERS = frozenset(str(w) for w in load_data("arguments.yaml")["performers"])
# Plural titles that after a bare "the" are the pair a bilateral story is about ("the prime ministers signed").
_PAIRED_TITLES = frozenset(str(w) for w in load_data("arguments.yaml")["paired_titles"])
_PAIRED_PORTFOLIOS = frozenset(str(w) for w in load_data("arguments.yaml")["paired_portfolios"])
# Acts done to people: an object naming people is their recipient, agent word or not ("killed 21 passengers").
_PEOPLE_TARGET_TYPES = frozenset(str(w) for w in load_data("arguments.yaml")["people_target_types"])
_PEOPLE_GROUPS = frozenset(str(w) for w in load_data("arguments.yaml")["people_groups"])
# Acts whose participle on a noun ("a man accused of fraud") makes the noun the recipient.
_PATIENT_PARTICIPLE_TYPES = frozenset(str(w) for w in load_data("arguments.yaml")["patient_participle_types"])
_SCENE_PREPS = frozenset(str(w) for w in load_data("arguments.yaml")["scene_preps"])

_OBJECT_PREPS = ("to", "on", "against", "with", "from", "toward", "towards", "among", "between", "of", "for",
                 "by")

# Prepositions of an adjunct whose noun event is the clause's own act ("during the talks, Blinken told Han"),
# and those where it is only when the noun names a recipient ("commemorated it in a letter to Xi").
_ADJUNCT_PREPS = frozenset({"during", "through", "via"})
_ADJUNCT_PREPS_WITH_RECIPIENT = frozenset({"in", "with"})


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
    by = agent(noun) or performer(noun)
    if by is not None:
        out.sources.extend(expand(by, "by"))
    if poss is not None:
        if is_pronoun(poss):
            ante = resolve_pronoun(poss, noun, None)
            if ante is not None:
                out.sources.extend(expand(ante, "poss"))
        else:
            out.sources.extend(expand(poss, "poss"))
    for run in _name_runs(noun, poss):
        out.sources.append(Arg(token=run[-1], texts=(" ".join(t.text for t in run),), via="compound"))
    if "between" not in sense.targets:
        for _p, obj in prep_objects(noun, ("between", "among")):
            out.sources.extend(expand(obj, "between"))
    for p, obj in prep_objects(noun, ("of", "from")):
        if p == "from" or sense.type in _AGENTIVE_OF:
            if looks_like_actor(obj) and not out.sources:
                out.sources.extend(expand(obj, p))
        elif looks_like_actor(obj) or has_country_mod(obj):
            out.targets.extend(expand(obj, "of"))
    for p, obj in prep_objects(noun, tuple(sense.targets)):
        if looks_like_actor(obj) or has_country_mod(obj) or is_place(obj):
            out.targets.extend(expand(obj, p, place_ok=sense.place_target))
    if sense.objects and not out.targets:
        out.targets.extend(_frame_targets(noun, sense))
    if not out.sources:
        claimer = _claimer(noun)
        if claimer is not None:
            out.sources.extend(expand(claimer, "subj"))
    out.own_sources = bool(out.sources)
    if sense.place_target and (by is not None or poss is not None):
        # "a US visit by He Lifeng": the country compounded on the visit is where it goes
        moved = [a for a in out.sources if a.via == "compound" and a.token.ent_type_ == "GPE"]
        for a in moved:
            out.sources.remove(a)
            a.place = True
            out.targets.append(a)
    return out


def _unresolved_owner(noun: Token) -> bool:
    """A possessive pronoun with no antecedent before it ("At their meeting, Tokyo and Washington ..."): it
    looks ahead, to the subject of the clause the phrase opens."""
    poss = child(noun, "poss")
    return poss is not None and is_pronoun(poss) and resolve_pronoun(poss, noun, None) is None


def _fronted_clause(noun: Token) -> Token | None:
    """The verb of the clause that a prepositional phrase holding ``noun`` opens, before that clause's
    subject ("During Brexit negotiations he emphasized", "In a statement issued at their meeting, Tokyo and
    Washington shared"): the nearest verb above with a subject of its own after the phrase."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in _SCENE_PREPS:
        return None
    for anc in noun.ancestors:
        if not is_verbal(anc):
            continue
        subj = child(anc, "nsubj")
        if subj is None:
            if anc.dep_ in ("acl", "pcomp"):
                continue  # "a statement issued at their meeting": the participle's clause is the noun's
            return None
        phrase_end = max(t.i for t in noun.subtree)
        return anc if noun.i < subj.i and phrase_end < subj.left_edge.i and anc.i > subj.i else None
    return None


def performer(noun: Token) -> Token | None:
    """Who did the act a noun names, from a participle of doing hung on it: "an offensive launched by Somali
    forces", "missiles fired by Houthi rebels" (``performers`` in ``arguments.yaml``); a participle of judging
    ("the attack condemned by the U.N.") names someone else."""
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and lemma(c) in _PERFORMERS:
            by = agent(c)
            if by is not None and looks_like_actor(by):
                return by
    return None


def _frame_targets(noun: Token, sense: Sense) -> list[Arg]:
    """The recipient named inside a noun event's frame: "the pause in aid to Ukraine", "a freeze on sales to
    Turkey", "a halt to Chinese-funded projects" (the thing acted on is someone's)."""
    out: list[Arg] = []
    for obj in frame_objects(noun):
        for p, pobj in prep_objects(obj, tuple(sense.targets)):
            if looks_like_actor(pobj) or has_country_mod(pobj) or is_place(pobj):
                out.extend(expand(pobj, p))
        if not out and has_country_mod(obj):
            out.extend(expand(obj, "of"))
    return out


def _claimer(noun: Token) -> Token | None:
    """Who claimed the act: "Al-Shabab claimed responsibility for the hotel attack" (claim, accept, take, bear,
    admit responsibility or credit for it) makes the claimer its actor."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or lemma(prep.head) not in CLAIM_NOUNS:
        return None
    verb = prep.head.head
    if prep.head.dep_ not in ("dobj", "obj") or not is_verbal(verb) or lemma(verb) not in CLAIM_VERBS:
        return None
    subj = child(verb, "nsubj")
    return subj if subj is not None and looks_like_actor(subj) else None


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



def has_country_mod(tok: Token) -> bool:
    """"Iraqi towns", "Taiwan independence plots", "a Security Council resolution": a thing of someone's."""
    return any(c.ent_type_ in ("GPE", "NORP", "ORG") or (c.pos_ == "PROPN" and c.dep_ == "compound")
               for c in tok.children if c.dep_ in _NOMINAL_ACTOR_DEPS)


def _verb_targets(verb: Token, sense: Sense, event_noun: Token | None = None) -> list[Arg]:
    out: list[Arg] = []
    obj = direct_object(verb)
    if obj is not None and is_relative_pronoun(obj) and verb.dep_ == "relcl":
        obj = verb.head  # "the summit, which was attended by Biden"
    if obj is not None and (lemma(obj) in QUANTITY_NOUNS or obj.pos_ == "NUM"):
        counted = next((o for _p, o in prep_objects(obj, ("of",))), None)
        obj = counted if counted is not None else obj  # "holding thousands of refugees"
    if obj is not None and obj.lower_ in _OBJECT_PRONOUNS:
        obj = _subject_owner(verb, obj) or obj  # "Berisha's opponents accused him": Berisha
    if obj is not None and sense.topic_object and obj.dep_ in ("dobj", "obj"):
        obj = None  # "discussed trade": a topic, not a participant
    if obj is not None and (looks_like_actor(obj) or has_country_mod(obj) or _people_hit(obj, sense) or
                            (sense.place_target and is_place(obj))):
        out.extend(expand(obj, "obj", place_ok=sense.place_target))
    elif obj is not None and obj != event_noun:
        # "cancelled a planned visit to Haiti", "threatened action against Russia", "shelled positions of
        # the security forces", "accepted demands from the rebels": the object's own recipient
        for p, pobj in prep_objects(obj, _OBJECT_PREPS):
            if looks_like_actor(pobj) or has_country_mod(pobj) or (is_place(pobj) and p != "of"):
                out.extend(expand(pobj, p))
                break
        else:
            out.extend(_owner(obj))  # "rejected its offer", "condemned Beijing's crackdown": whose act it is
    for obj2 in recipients(verb):
        if looks_like_actor(obj2) or has_country_mod(obj2):
            out.extend(expand(obj2, "dative"))
    preps = tuple(sense.targets) + (("between",) if sense.reciprocal or sense.type == "CONSULT" else ())
    for p, pobj in prep_objects(verb, preps):
        if looks_like_actor(pobj) or has_country_mod(pobj) or (sense.place_target and is_place(pobj)):
            out.extend(expand(pobj, p, place_ok=sense.place_target))
    if not out and obj is None and not sense.place_target and not sense.reciprocal:
        # a misparsed object ("kidnapped up to 16 Russian advisers" as particle + preposition)
        for c in verb.children:
            if c.dep_ == "prt":
                for g in c.subtree:
                    if g.dep_ == "pobj" and looks_like_actor(g) and has_country_mod(g):
                        out.extend(expand(g, "obj"))
                        break
    return _unique(out)


def _people_hit(obj: Token, sense: Sense) -> bool:
    """An act done to people names its recipient by any noun for people, not only the knowledge base's agent
    words: "militants killed 21 passengers", "four frontier corps personnel were killed" (whose country the
    sentence or the story gives); the recipient of a meeting or a statement stays an agent word's."""
    if sense.type not in _PEOPLE_TARGET_TYPES or obj.pos_ != "NOUN":
        return False
    return lemma(obj) in PERSON_NOUNS or lemma(obj) in _PEOPLE_GROUPS or obj.lower_ in _PEOPLE_GROUPS


def _patient_participle(verb: Token, sense: Sense) -> bool:
    """A past participle hung on a noun, or opening or closing a clause, with no "by" agent and no auxiliary
    ("two soldiers accused of murder", "Arrested in 2019, the businessman ...", "X is dead, killed in a raid"): a
    reduced passive, whose noun (or the clause's subject) was acted on; "having arrested him" is no passive."""
    return sense.type in _PATIENT_PARTICIPLE_TYPES and verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBN" and \
        agent(verb) is None and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)


def _subject_owner(verb: Token, pronoun: Token) -> Token | None:
    """The person an object pronoun stands for when the clause's subject is someone's ("Berisha's opponents
    accused him"): the subject's possessor. An object pronoun is never its own clause's subject, so this is the
    nearest person the sentence offers."""
    subj, _ = clause_subject(verb)
    owner = child(subj, "poss") if subj is not None else None
    if owner is None or is_pronoun(owner) or owner.i > pronoun.i:
        return None
    person = owner.ent_type_ == "PERSON" and owner.tag_ == "NNP"
    return owner if person == (pronoun.lower_ != "them") else None


def _actor_objects(verb: Token, noun: Token) -> list[Arg]:
    """The actor-like direct and dative objects of ``verb`` other than ``noun``: "told Han", "hold Iran"."""
    out: list[Arg] = []
    obj = direct_object(verb)
    for o in ([obj] if obj is not None else []) + recipients(verb):
        if o != noun and looks_like_actor(o) and not is_relative_pronoun(o):
            out.extend(expand(o, "obj"))
    return _unique(out)


def _owner(noun: Token) -> list[Arg]:
    """The actor whose act or thing ``noun`` is (its possessor), when that looks like an actor."""
    owner = child(noun, "poss")
    if owner is not None and (looks_like_actor(owner) or has_country_mod(owner) or is_pronoun(owner)):
        return expand(owner, "poss")
    return []


def _unique(args: list[Arg]) -> list[Arg]:
    out: list[Arg] = []
    for a in args:
        if not any(a.token == b.token for b in out):
            out.append(a)
    return out


def subject_args(verb: Token, speaker: Token | None) -> list[Arg]:
    subj, via = clause_subject(verb)
    if subj is None:
        # "Blinken told Han it was good to maintain contacts": the speaker holds the view
        return expand(speaker, "speaker") if via == "extraposed" and speaker is not None else []
    if is_pronoun(subj):
        ante = resolve_pronoun(subj, verb, speaker)
        if ante is not None:
            args = expand(ante, "pronoun")
            for a in args:
                a.pronoun = False
            return args
        return [make_arg(subj, via)]
    if via == "relcl" and is_relative_pronoun(subj):
        return []
    if not looks_like_actor(subj):
        by = performer(subj)  # "missiles fired by Houthi rebels struck a ship": the rebels struck it
        if by is not None:
            return expand(by, "by")
    return _paired(expand(subj, via))


def subject_args_of(subj: Token, verb: Token, speaker: Token | None) -> list[Arg]:
    if is_pronoun(subj):
        ante = resolve_pronoun(subj, verb, speaker)
        return expand(ante, "pronoun") if ante is not None else [make_arg(subj, "subj")]
    return _paired(expand(subj, "subj"))


def _paired(args: list[Arg]) -> list[Arg]:
    """"The prime ministers signed eight pacts", "the leaders agreed": a bare definite plural of a top title
    (``paired_titles``) refers back to the pair the story is about, as "the two leaders" does."""
    for arg in args:
        tok = arg.token
        if arg.dyad or tok.tag_ != "NNS" or lemma(tok) not in _PAIRED_TITLES:
            continue
        mods = [c for c in tok.children if not c.is_punct]
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in mods) or \
                any(c.dep_ != "det" and c.lower_ not in _PAIRED_PORTFOLIOS for c in mods):
            continue
        arg.dyad = True
    return args


def _colon_list(verb: Token, sources: list[Arg]) -> list[Arg] | None:
    """"Four officials visited Beijing: Blinken, Yellen, Raimondo and Kerry" – the names after the colon."""
    sent = verb.doc
    colon = next((t for t in tokens(sent) if t.text == ":" and t.i > verb.i), None)
    if colon is None or not sources:
        return None
    if any(a.token.ent_type_ == "PERSON" or a.token.pos_ == "PROPN" for a in sources):
        return None
    heads = [t for t in tokens(sent) if t.i > colon.i and t.ent_type_ == "PERSON" and
             (t.head.ent_type_ != "PERSON" or t.head.i < t.i or t.head == t or t.dep_ in ("conj", "appos"))
             and t.dep_ != "compound" and t.dep_ != "poss"]
    if len(heads) < 2:
        return None
    return [make_arg(h, "list") for h in heads]


def governed_args(gov: Trigger, kid: Trigger, gov_args: Args, kid_args: Args) -> Args:
    role = gov.sense.role
    out = Args(sources=list(gov_args.sources))
    if kid_args.own_sources and role == "intent" and kid.nominal:
        out.sources = list(kid_args.sources)  # "to prepare for the Xi-Biden talks": the talks' own actors
    gov_targets = [a for a in gov_args.targets if not any(a.token == s.token for s in out.sources)]
    if role in ("request", "demand", "accuse", "reject"):
        kid_src = [a for a in kid_args.sources if not any(a.token == s.token for s in out.sources)]
        out.targets = gov_targets or kid_src or kid_args.targets
    elif role == "threaten":
        if gov.nominal and kid.nominal and kid_args.own_sources and not out.sources:
            # "threats of Washington sanctions", "the threat of a Russian invasion": who would act threatens
            out.sources = list(kid_args.sources)
            out.targets = gov_targets or kid_args.targets
            return out
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
        if not args.sources and m.token.dep_ == "pobj":
            # a noun event in an adjunct of a plain verb takes that verb's actor: "commemorated the anniversary
            # in a letter to Xi", "During the meeting, Blinken told Han ...", "hold Iran accountable through
            # sanctions"; with no recipient of its own, the verb's objects are those it was held with or aimed at
            prep = m.token.head
            verb = prep.head
            small = None  # "hold Iran accountable through sanctions": the adjective's subject is acted on
            if verb.pos_ == "ADJ" and verb.dep_ in ("ccomp", "oprd", "xcomp") and is_verbal(verb.head):
                small, verb = child(verb, "nsubj"), verb.head
            if is_verbal(verb) and (prep.lower_ in _ADJUNCT_PREPS or
                                    (args.targets and prep.lower_ in _ADJUNCT_PREPS_WITH_RECIPIENT)):
                args.sources = subject_args(verb, speaker)
                if args.sources and not args.targets:
                    args.targets = _actor_objects(verb, m.token)
                    if small is not None and looks_like_actor(small):
                        args.targets.extend(expand(small, "obj"))
        if not args.sources or _unresolved_owner(m.token):
            fronted = _fronted_clause(m.token)
            if fronted is not None:
                # "In a meeting with publishers, the Taliban officials said", "At their meeting, Tokyo and
                # Washington shared": a side phrase before the clause's subject sets the scene of its actor
                args.sources = subject_args(fronted, speaker)
                if args.sources and not args.targets:
                    args.targets = [a for _p, o in prep_objects(m.token, ("with",)) for a in expand(o, "with")]
        return args
    verb = m.anchor
    if sense.pos == "adj" and m.phrase is None:
        # "Israel is opposed to French mediation", "Syria is willing to withdraw": the copula's subject acts
        cop = verb.head if verb.dep_ in ("acomp", "attr", "oprd") else verb
        subj = child(cop, "nsubj", "nsubjpass", "csubj") or child(verb, "nsubj", "nsubjpass")
        sources = []
        if subj is not None:
            if is_pronoun(subj):
                ante = resolve_pronoun(subj, cop, speaker)
                sources = expand(ante, "pronoun") if ante is not None else [make_arg(subj, "subj")]
            else:
                sources = expand(subj, "subj")
        else:
            sources = subject_args(cop, speaker)
        targets = [a for p, o in prep_objects(verb, tuple(sense.targets)) if looks_like_actor(o) or is_place(o)
                   for a in expand(o, p)]
        return Args(sources=sources, targets=targets)
    sources = subject_args(verb, speaker)
    targets = _verb_targets(verb, sense, event_noun=m.token if m.anchor != m.token else None)
    if sense.role in ("intent", "reject") and is_passive(verb) and agent(verb) is None:
        # "Israel is opposed to ...", "China is committed to ...": a state of the subject, not a passive
        subj = passive_subject(verb)
        if subj is not None:
            sources = subject_args_of(subj, verb, speaker)
            targets = [a for a in targets if a.token != subj]
    if m.anchor != m.token and not sources and is_passive(verb) and agent(verb) is None and \
            m.token.dep_ == "pobj":
        subj = passive_subject(verb)  # "Serb forces were engaged in ethnic cleansing"
        if subj is not None:
            sources = subject_args_of(subj, verb, speaker)
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
    if sources and _patient_participle(verb, sense) and all(a.via in ("acl", "inherited") for a in sources):
        # "a man accused of fraud", "a civilian killed in the raid": the noun is whom it was done to
        sources, targets = [], _unique(sources + targets)
    if sense.swap:
        sources, targets = targets, sources
    return Args(sources=sources, targets=targets)


def complement_targets(gov: Trigger) -> list[Arg]:
    """Recipients named in a governing trigger's complement when it governs no trigger: the subject a demand
    is made of ("demanded that Hamas renounce ..."), or a country the promise is to ("promised that pandas
    would make a comeback to the United States")."""
    out: list[Arg] = []
    if gov.sense.role in ("request", "demand", "order", "accuse"):
        for c in gov.token.children:
            if c.dep_ in ("ccomp", "acl") and is_verbal(c):
                subj = child(c, "nsubj", "nsubjpass")
                if subj is not None and looks_like_actor(subj) and not is_pronoun(subj):
                    return expand(subj, "complement")
    for c in gov.token.children:
        if c.dep_ not in ("ccomp", "xcomp"):
            continue
        for t in c.subtree:
            if t.dep_ == "pobj" and t.head.lower_ in ("to", "with", "for", "toward", "towards", "against") and \
                    (t.ent_type_ in ("GPE", "NORP") or looks_like_actor(t)):
                out.extend(expand(t, "complement"))
                return out
    return out


def condition_subject(anchor: Token) -> list[Arg]:
    """"threatened to stop talks if the United States goes ahead": a threat is aimed at whoever must act."""
    for c in anchor.children:
        if condition_clause(c):
            subj = child(c, "nsubj", "nsubjpass")
            if subj is not None and looks_like_actor(subj) and not is_pronoun(subj):
                return expand(subj, "condition")
    return []


def protested_at(anchor: Token) -> list[Arg]:
    """"staged a hunger strike in protest against violations by the security forces": whom a protest is
    against, looked for in its purpose and manner phrases."""
    stop = {t.i for c in anchor.children if c.dep_ in ("relcl", "ccomp", "parataxis") and
            not any(a.lower_ == "to" for a in c.children) for t in c.subtree}
    for tok in anchor.subtree:
        if tok.i in stop or tok.dep_ != "pobj" or tok.head.lower_ not in ("against", "at", "from"):
            continue
        if looks_like_actor(tok) or has_country_mod(tok):
            return expand(tok, "against")
        by = agent(tok) or next((o for _p, o in prep_objects(tok, ("of", "by")) if looks_like_actor(o)), None)
        if by is not None:
            return expand(by, "against")
    return []

