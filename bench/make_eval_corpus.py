#!/usr/bin/env python3
"""Makes mtclean's labelled evaluation corpus (tests/eval/dev, tests/eval/test).

Two kinds of documents, both written for the project:

- generated (ids `gen-NNN-...`): a story from bench/eval_corpus_text.py,
  clean, with artifacts injected at known places by a seeded generator, and
  some with legitimate text that looks like an artifact;
- hand-written (ids `hand-...`): whole documents written by hand in
  bench/eval_hand/NAME.txt (a header `lang: XX`, `half: dev|test`, a blank
  line, then the text), artifacts marked inline as
  ⟦type|action|replacement⟧text⟦/⟧ (action: delete, replace or flag;
  the replacement only for replace), converted to the same format.

The format (fixed, see cleaner/eval/corpus.h): DIR/docs/ID.txt, the input;
DIR/gold/ID.json, {"id", "lang", "artifacts": [{"type", "start", "end",
"action", "replacement", "note"}]} with UTF-8 byte offsets, end exclusive;
DIR/gold/ID.clean.txt, the input with every delete/replace artifact applied.

Usage:
  bench/make_eval_corpus.py [--out tests/eval]   write the corpus
  bench/make_eval_corpus.py --check tests/eval   exit 1 unless the files on
                                                 disk are exactly what this
                                                 script makes
Python 3 standard library only; the output depends only on SEED and the
text files, never on the machine.
"""

import argparse
import json
import os
import random
import re
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval_corpus_text as T  # noqa: E402

SEED = 20261128
# The stories of each half: no sentence of a test document was seen while
# tuning on dev.
DEV_STORIES = {"port-strike", "wells", "tram", "wine", "library", "quake",
               "es-obras", "fr-tram", "it-museo"}
GENERATED_DOCS = 220  # of which CLEAN_DOCS are made without artifacts (a few
                      # more end up clean when no paragraph fits an injection)
CLEAN_DOCS = 52


class Doc:
    """A document as a list of segments, each plain text or an artifact."""

    def __init__(self, doc_id, lang):
        self.id = doc_id
        self.lang = lang
        self.segs = []  # (text, label or None)

    def add(self, text, label=None):
        self.segs.append((text, label))

    def extend(self, segs):
        self.segs.extend(segs)

    def build(self):
        text = ""
        clean = ""
        artifacts = []
        offset = 0
        for seg, label in self.segs:
            data = seg.encode("utf-8")
            if label is not None:
                artifacts.append({
                    "type": label["type"],
                    "start": offset,
                    "end": offset + len(data),
                    "action": label["action"],
                    "replacement": label.get("replacement"),
                    "note": label.get("note", ""),
                })
                if label["action"] == "replace":
                    clean += label["replacement"]
                elif label["action"] == "flag":
                    clean += seg
            else:
                clean += seg
            text += seg
            offset += len(data)
        # What a careful editor leaves: no trailing blank lines, one final
        # line break when the input had one.
        clean = clean.rstrip(" \t\r\n") + ("\n" if text.endswith("\n") else "")
        return text, clean, artifacts


def label(type_, action, replacement=None, note=""):
    return {"type": type_, "action": action, "replacement": replacement, "note": note}


# ---------------------------------------------------------------------------
# Paragraph-level injection: a paragraph is a list of segments.

WORD_RE = re.compile(r"\b(the|to|of|and|in|for|on|was|is|a)\b ")


def plain_matches(par, regex):
    """(segment index, match) of `regex` in the plain segments of `par`."""
    found = []
    for i, (text, lab) in enumerate(par):
        if lab is None:
            for m in regex.finditer(text):
                found.append((i, m))
    return found


def splice(par, i, start, end, new_segs):
    """Replaces par[i].text[start:end] with new_segs."""
    text, _ = par[i]
    out = par[:i]
    if start > 0:
        out.append((text[:start], None))
    out.extend(new_segs)
    if end < len(text):
        out.append((text[end:], None))
    out.extend(par[i + 1:])
    return out


def inject_doubled_word(rng, par):
    found = plain_matches(par, WORD_RE)
    if not found:
        return None
    i, m = rng.choice(found)
    word = m.group(1)
    variant = rng.randrange(3)
    if variant == 0:  # "the the "
        segs = [(word + " ", None), (word + " ", label("doubled_word", "delete", note="word printed twice"))]
    elif variant == 1:  # across a line break
        segs = [(word + "\n", None), (word + " ", label("doubled_word", "delete", note="word printed twice across a line break"))]
    else:  # the first copy capitalised, at the start of a sentence
        starts = plain_matches(par, re.compile(r"(?:^|(?<=\. ))(The|It|In|A) "))
        if not starts:
            segs = [(word + " ", None), (word + " ", label("doubled_word", "delete", note="word printed twice"))]
        else:
            i, m = rng.choice(starts)
            word = m.group(1)
            segs = [(word + " ", None), (word.lower() + " ", label("doubled_word", "delete", note="word printed twice, first capitalised"))]
    return splice(par, i, m.start(), m.end(), segs)


MOJIBAKE = {
    "’": "â€™", "‘": "â€˜", "“": "â€œ", "”": "â€\u009d", "é": "Ã©", "á": "Ã¡",
    "ó": "Ã³", "ú": "Ãº", "ñ": "Ã±", "í": "Ã\u00ad", "ç": "Ã§", "ã": "Ã£",
    "€": "â‚¬", "ß": "ÃŸ", "ü": "Ã¼", "ö": "Ã¶", "ä": "Ã¤", "è": "Ã¨", "à": "Ã ",
}


def double_encode(c):
    """`c` encoded as UTF-8, read as Windows-1252, and that done twice."""
    once = MOJIBAKE[c]
    out = ""
    for ch in once:
        try:
            data = ch.encode("utf-8")
            out += data.decode("cp1252")
        except UnicodeDecodeError:
            return once
    return out


def inject_mojibake(rng, par):
    """Every non-ASCII character of the paragraph read as Windows-1252 (now
    and then twice)."""
    if not any(lab is None and any(c in MOJIBAKE for c in t) for t, lab in par):
        return None
    twice = rng.random() < 0.25
    out = []
    for text, lab in par:
        if lab is not None:
            out.append((text, lab))
            continue
        buf = ""
        for c in text:
            if c in MOJIBAKE:
                if buf:
                    out.append((buf, None))
                    buf = ""
                if twice:
                    out.append((double_encode(c), label("mojibake", "replace", c, "UTF-8 read as Windows-1252 twice")))
                else:
                    out.append((MOJIBAKE[c], label("mojibake", "replace", c, "UTF-8 read as Windows-1252")))
            else:
                buf += c
        if buf:
            out.append((buf, None))
    return out


ENTITY_FOR = {"’": ["&#8217;", "&rsquo;"], "“": ["&#8220;", "&ldquo;"], "”": ["&#8221;", "&rdquo;"],
              "é": ["&eacute;", "&#233;"], "á": ["&aacute;"], "ñ": ["&ntilde;"]}


def inject_html_entity(rng, par):
    variant = rng.randrange(6)
    if variant == 4:  # paragraph tags left around the text
        if par[0][1] is None and par[-1][1] is None:
            return [("<p>", label("html_entity", "delete", note="paragraph tag"))] + par + [
                ("</p>", label("html_entity", "delete", note="paragraph tag"))]
        variant = 0
    if variant == 5:  # quotation marks and apostrophes as &quot; and &#39;
        found = plain_matches(par, re.compile("[“”’]"))
        if found:
            i, _ = rng.choice(found)
            segs, buf = [], ""
            for c in par[i][0]:
                if c in "“”’":
                    if buf:
                        segs.append((buf, None))
                        buf = ""
                    entity, plain = ("&#39;", "'") if c == "’" else ("&quot;", '"')
                    segs.append((entity, label("html_entity", "replace", plain, "quotation mark as a character reference")))
                else:
                    buf += c
            if buf:
                segs.append((buf, None))
            return par[:i] + segs + par[i + 1:]
        variant = 0
    if variant == 0:  # entities for the typographic characters
        found = plain_matches(par, re.compile("[’“”éáñ]"))
        if found:
            out = par
            # Replace every such character of the chosen segment.
            i, _ = rng.choice(found)
            text = out[i][0]
            segs, buf = [], ""
            for c in text:
                if c in ENTITY_FOR:
                    if buf:
                        segs.append((buf, None))
                        buf = ""
                    segs.append((rng.choice(ENTITY_FOR[c]), label("html_entity", "replace", c, "character reference left in the text")))
                else:
                    buf += c
            if buf:
                segs.append((buf, None))
            return out[:i] + segs + out[i + 1:]
        variant = 1
    if variant == 1:  # a <br> between two sentences
        found = plain_matches(par, re.compile(r"\. (?=[A-Z])"))
        if found:
            i, m = rng.choice(found)
            return splice(par, i, m.start(), m.end(), [(".", None), ("<br>", label("html_entity", "replace", " ", "line-break tag"))])
        variant = 2
    if variant == 2:  # a word in <strong>
        found = plain_matches(par, re.compile(r"\b[a-z]{6,}\b"))
        if not found:
            return None
        i, m = rng.choice(found)
        return splice(par, i, m.start(), m.end(), [
            ("<strong>", label("html_entity", "delete", note="inline tag")), (m.group(0), None),
            ("</strong>", label("html_entity", "delete", note="inline tag"))])
    # &nbsp; for the space before a number
    found = plain_matches(par, re.compile(r"(?<=[a-z]) (?=\d)"))
    if not found:
        return None
    i, m = rng.choice(found)
    return splice(par, i, m.start(), m.end(), [("&nbsp;", label("html_entity", "replace", "\u00a0", "no-break space as an entity"))])


def inject_hyphenation(rng, par):
    found = plain_matches(par, re.compile(r"\b[a-z]{9,}\b"))
    if not found:
        return None
    i, m = rng.choice(found)
    word = m.group(0)
    cut = len(word) // 2
    # Cut after a vowel-consonant pair where there is one, as a typesetter would.
    for k in range(cut, len(word) - 3):
        if word[k - 1] in "aeiou" and word[k] not in "aeiou":
            cut = k
            break
    sep = rng.choice(["- ", "- ", "-\n"])
    return splice(par, i, m.start(), m.end(), [
        (word[:cut], None), (sep, label("hyphenation_split", "delete", note="line-end hyphen left inside a word")),
        (word[cut:], None)])


def inject_untranslated(rng, par):
    lang = rng.choice(sorted(T.UNTRANSLATED))
    sentence = rng.choice(T.UNTRANSLATED[lang])
    return par + [(" ", None), (sentence, label("untranslated", "flag", note="sentence left in " + lang))]


def inject_unbalanced_quote(rng, par):
    for i, (text, lab) in enumerate(par):
        if lab is None and "“" in text and "”" in text[text.index("“"):]:
            open_at = text.index("“")
            close_at = text.index("”", open_at)
            segs = [(text[:open_at], None), ("“", label("unbalanced_quote", "flag", note="closing quote lost")),
                    (text[open_at + 1:close_at] + text[close_at + 1:], None)]
            return par[:i] + [s for s in segs if s[0]] + par[i + 1:]
    if rng.random() < 0.3:
        return par + [(" The plan ", None), ("(", label("unbalanced_quote", "flag", note="closing bracket lost")),
                      ("approved by the board in May was dropped without a vote.", None)]
    spoken = rng.choice([
        "Nobody told us anything about the plan until last week, a resident said.",
        "We will keep going until the end of the month, said a spokesman for the organisers.",
        "This is the worst season we can remember, one of the owners said.",
    ])
    return par + [(" ", None), ("“", label("unbalanced_quote", "flag", note="closing quote lost")), (spoken, None)]


def stray_fragment_sentence(rng):
    """(clean sentence, doc segments) of an attribution with a split name."""
    quote = rng.choice(["‘", "’", "'", "“"])
    if rng.random() < 0.75:
        first, rest = rng.choice(T.SPLIT_PUBLICATIONS)
        template = rng.choice(T.PUB_SENTENCES)
        head = template.split("{pub}")[0] + first
        segs = [(head, None), (" newspaper. " + rest + " " + quote + ".",
                               label("stray_fragment", "replace", " " + rest + " newspaper.",
                                     "name split by the translation, rejoined"))]
        return segs
    first, rest = rng.choice(T.UNKNOWN_SPLIT)
    segs = [("A source close to the talks described the plan to the " + first + " daily.", None),
            (" " + rest + " " + quote + ".", label("stray_fragment", "delete", note="orphan tail of an unknown name"))]
    return segs


def inject_stray_fragment(rng, par):
    return par + [(" ", None)] + stray_fragment_sentence(rng)


def inject_spacing(rng, par):
    variant = rng.randrange(3)
    if variant == 0:
        found = plain_matches(par, re.compile(r"(?<=[a-z]), "))
        if found:
            i, m = rng.choice(found)
            return splice(par, i, m.start(), m.start(), [(" ", label("other", "delete", note="space before a comma"))])
    if variant <= 1:
        found = plain_matches(par, re.compile(r"(?<=[a-z])\. (?=[A-Z])"))
        if found:
            i, m = rng.choice(found)
            return splice(par, i, m.start(), m.end(), [(".", None), ("", label("other", "replace", " ", "missing space after a full stop"))])
    found = plain_matches(par, re.compile(r"(?<=[a-z]) (?=[a-z])"))
    if not found:
        return None
    i, m = rng.choice(found)
    return splice(par, i, m.start(), m.end(), [(" ", None), (" ", label("other", "delete", note="double space"))])


def inject_invisible(rng, par):
    found = plain_matches(par, re.compile(r"\b[a-z]{8,}\b"))
    if not found:
        return None
    i, m = rng.choice(found)
    word = m.group(0)
    char = rng.choice(["\u200b", "\u00ad", "\u200b"])
    cut = len(word) // 2
    return splice(par, i, m.start(), m.end(), [
        (word[:cut], None), (char, label("other", "delete", note="invisible character inside a word")), (word[cut:], None)])


def inject_agency_name(rng, par):
    wrong, right = rng.choice([("Europe Press", "Europa Press"), ("Agency EFE", "EFE"),
                               ("French Press Agency", "Agence France-Presse")])
    return par + [(" The figures were confirmed to ", None),
                  (wrong, label("other", "replace", right, "agency name translated word for word")),
                  (" by the regional government.", None)]


def inject_markup_debris(rng, par):
    found = plain_matches(par, re.compile(r"(?<=[a-z])’(?=s\b)"))
    if not found:
        return None
    i, m = rng.choice(found)
    return splice(par, i, m.start(), m.start(), [("\\", label("other", "delete", note="backslash before an apostrophe"))])


def inject_calque(rng, par):
    text, lab = par[0]
    if lab is not None or not text[:1].isupper():
        return None
    opener = rng.choice(["In this sense,", "In this regard,", "For its part,"])
    rest = text[0].lower() + text[1:]
    return [(opener, label("other", "flag", note="calque opening a paragraph")), (" " + rest, None)] + par[1:]


INLINE = {
    "doubled_word": inject_doubled_word,
    "mojibake": inject_mojibake,
    "html_entity": inject_html_entity,
    "hyphenation_split": inject_hyphenation,
    "untranslated": inject_untranslated,
    "unbalanced_quote": inject_unbalanced_quote,
    "stray_fragment": inject_stray_fragment,
    "other:spacing": inject_spacing,
    "other:invisible": inject_invisible,
    "other:agency": inject_agency_name,
    "other:debris": inject_markup_debris,
    "other:calque": inject_calque,
}

# ---------------------------------------------------------------------------
# Blocks before and after the story.

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def dateline(rng, city):
    """('line' or 'prefix', text) of an agency dateline."""
    day = rng.randint(1, 28)
    month = rng.choice(MONTHS)
    forms = [
        ("line", f"{city}, {day} (Europe Press)"),
        ("line", f"{city.upper()}, {day} (EUROPA PRESS)"),
        ("line", f"{city}, {day} (EFE)"),
        ("line", f"{city.upper()}, {month} {day}. /TASS/."),
        ("line", f"{city}, {day} (Agency EFE)"),
        ("line", f"{city}, {month} {day} (Xinhua)"),
        ("prefix", f"{city.upper()} (Reuters) - "),
        ("prefix", f"{city}, {month[:3]}. {day} (EFE).- "),
        ("prefix", f"{city.upper()}, {month} {day} (AP) — "),
        ("prefix", f"{city.upper()} (AFP) - "),
        ("prefix", f"{city}, {day} (dpa) - "),
        ("prefix", f"{city}, {day} (ANSA) - "),
        ("prefix", f"{city.upper()}, {month} {day} (Kyodo) -- "),
        ("prefix", f"{city}, {month} {day} (Yonhap) -- "),
        ("line", f"{city}, {day} (Anadolu Agency)"),
        ("prefix", f"{city.upper()}, {day} (EUROPA PRESS) - "),
        ("prefix", f"{city.upper()}, {month} {day} (Reuters) - "),
        ("prefix", f"{city.upper()}, {month} {day} (Xinhua) -- "),
        ("line", f"{city}, {day} (Press Europe)"),
        ("prefix", f"{city.upper()} (AA) - "),
        ("line", f"{city.upper()}, {day} (EFE)"),
    ]
    return rng.choice(forms)


COMMENT_FOOTERS = {
    "en": [["Leave a Reply", "Your email address will not be published. Required fields are marked *"],
           ["Leave a Reply Cancel reply", "Your email address will not be published. Required fields are marked *",
            "Save my name, email, and website in this browser for the next time I comment.", "Post Comment"],
           ["Leave a comment", "You must be logged in to post a comment."],
           ["Comments are closed."],
           ["Leave a Reply", "Comment *", "Name *", "Email *", "Website", "Post Comment"],
           ["Be the first to comment", "Leave a comment Cancel reply"]],
    "es": [["Deja una respuesta", "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *"],
           ["Deja un comentario", "Cancelar respuesta"]],
    "fr": [["Laisser un commentaire", "Annuler la réponse"],
           ["Laisser une réponse", "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *"]],
    "de": [["Schreibe einen Kommentar", "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert"]],
    "it": [["Lascia un commento", "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *"]],
    "pt": [["Deixe um comentário", "O seu endereço de email não será publicado. Os campos obrigatórios estão marcados com *"]],
}

TAIL_BOILERPLATE = [
    ("share", ["Share this:", "Click to share on Twitter (Opens in new window)", "Click to share on Facebook (Opens in new window)"]),
    ("share", ["Share this:", "Twitter", "Facebook", "", "Like this:", "Like Loading..."]),
    ("share", ["Compartir esto:", "Twitter", "Facebook", "", "Me gusta esto:", "Me gusta Cargando..."]),
    ("share", ["Partager :", "Twitter", "Facebook", "", "J’aime ceci :", "J’aime chargement…"]),
    ("share", ["Teilen mit:", "Twitter", "Facebook", "", "Gefällt mir:", "Gefällt mir Wird geladen …"]),
    ("share", ["Condividi:", "Twitter", "Facebook", "", "Mi piace:", "Mi piace Caricamento..."]),
    ("share", ["Partilhe isto:", "Twitter", "Facebook", "", "Curtir isso:", "Curtir Carregando..."]),
    ("related", ["Related posts", "Council delays the vote on the new bus lanes", "Harbour museum opens a room on the history of fishing"]),
    ("related", ["Relacionado"]),
    ("related", ["Artículos relacionados", "El puerto recupera el tráfico de cruceros", "La ciudad estrena un carril bici en el centro"]),
    ("tags", ["Tags: economy, transport, local news"]),
    ("tags", ["Etiquetas: economía, transporte"]),
    ("nav", ["Previous article", "Next article"]),
    ("nav", ["Artículo anterior", "Siguiente artículo"]),
    ("copyright", ["© 2025 The Coastal Courier. All rights reserved."]),
    ("copyright", ["Todos los derechos reservados."]),
    ("social", ["Follow us on Twitter and Facebook"]),
    ("social", ["Síguenos en Twitter e Instagram"]),
    ("newsletter", ["Sign up for our newsletter", "Get the latest news in your inbox every morning.", "Subscribe"]),
    ("paywall", ["Subscribe to continue reading", "Already a subscriber? Log in"]),
    ("author", ["About the author", "Clara Weiss covers transport and city politics for the paper. She joined the newsroom in 2016."]),
    ("share", ["Share this:", "WhatsApp", "Telegram", "Email", "Print"]),
    ("share", ["Share on Facebook", "Share on Twitter", "Share via Email"]),
    ("related", ["You may also like", "Harbour museum opens a room on the history of fishing", "Council delays the vote on the new bus lanes"]),
    ("most-read", ["Most read", "1. Council delays the vote on the new bus lanes", "2. Harbour museum opens a room on the history of fishing"]),
    ("copyright", ["Copyright © 2025 Coastal Media Group. All rights reserved. Reproduction prohibited."]),
    ("social", ["Follow us on Facebook, Instagram and X"]),
]

MIDDLE_BOILERPLATE = [
    ("advertisement", ["Advertisement"]),
    ("advertisement", ["Publicidad"]),
    ("advertisement", ["Story continues below advertisement"]),
    ("read-also", ["Read also: Council delays the vote on the new bus lanes"]),
    ("read-also", ["Lee también: El puerto recupera el tráfico de cruceros"]),
    ("read-also", ["Lire aussi : Le port retrouve ses croisiéristes"]),
    ("newsletter", ["Sign up for our newsletter", "Subscribe"]),
    ("advertisement", ["ADVERTISEMENT"]),
    ("advertisement", ["Continue reading below"]),
    ("photo-credit", ["Photo: EFE"]),
    ("photo-credit", ["(Photo: Reuters)"]),
]

HEAD_BOILERPLATE = [
    ("cookie", ["We use cookies to give you the best experience on our website.", "Accept all cookies", "Cookie settings"]),
    ("cookie", ["Utilizamos cookies propias y de terceros.", "Aceptar", "Configuración de cookies"]),
    ("breadcrumb", ["Home » News » Local"]),
]


def block(lines):
    return "\n".join(lines) + "\n\n"


# ---------------------------------------------------------------------------
# Legitimate text that looks like an artifact (never labelled).

LEGIT = [
    ("had-had", "Residents said they had had enough of the delays and the noise."),
    ("that-that", "The minister insisted that that decision would not be reviewed before the summer."),
    ("comment-quote", "On the paper’s website, readers were invited to “leave a reply” under the story, and more than three hundred did."),
    ("dateline-quote", "The first cable of the day, headed “{city}, 26 (Europa Press)”, reached the newsroom before dawn."),
    ("share-sentence", "Organisers asked visitors to share this message with their neighbours before the weekend."),
    ("advertising", "Advertising revenue at the local papers fell 4 % in the quarter, the industry association said."),
    ("follow-us", "“Follow us,” the guide told the group as she opened the door to the storerooms."),
    ("pre-post", "Both pre- and post-war records were lost in the fire of 1987."),
    ("ampersand", "Profits at AT&T rose, while R&D spending at the smaller firms fell."),
    ("short-sentences", "He agreed. Twice."),
    ("related-word", "Related costs, such as insurance and security, rose by a fifth."),
    ("newsletter-word", "The association’s newsletter first reported the figures last month."),
    ("subscribe-word", "Fewer households now subscribe to a printed paper than a decade ago."),
    ("photo-word", "Photographs from the archive show the square as it looked in 1920."),
    ("accents", "The café on the corner, run by José Núñez since 1998, stayed open."),
    ("spanish-quote", "“Nunca más,” read a banner hung from a balcony on the main street."),
    ("headline-phrase", None),  # the headline repeated inside a sentence of the body
    ("chant", "“Water for all! Water for all!” the crowd chanted outside the building."),
    ("heads-of-state", "The ceremony took place in Lisbon. Heads of State arrived by noon."),
    ("what-it-is", "What it is is a delay, not a cancellation, the spokeswoman said."),
    ("french-name", "The delegation was received at the Hôtel de Ville by the mayor’s deputy."),
    ("times-name", "The report was first published by the Financial Times on Monday."),
]


def legit_sentence(rng, story, headline, kind=None):
    kinds = [k for k, _ in LEGIT]
    kind = kind or rng.choice(kinds)
    text = dict(LEGIT)[kind]
    if kind == "headline-phrase":
        text = f"“{headline},” read the banner that residents hung from the town hall."
    return kind, text.replace("{city}", story["city"])


# ---------------------------------------------------------------------------

ARTIFACT_KINDS = [
    "duplicate_headline", "dateline", "stray_fragment", "comment_footer", "site_boilerplate",
    "caption_duplicate", "mojibake", "html_entity", "doubled_word", "hyphenation_split",
    "untranslated", "unbalanced_quote", "other",
]
OTHER_KINDS = ["other:spacing", "other:invisible", "other:agency", "other:debris", "other:calque"]


def make_generated(index, rng, clean):
    english = rng.random() < 0.88
    story = rng.choice(T.STORIES_EN if english else T.STORIES_OTHER)
    lang = "en" if english else story["lang"]
    headline = rng.choice(story["headlines"])
    paras = story["paragraphs"]
    count = rng.randint(min(3, len(paras)), len(paras))
    chosen = [paras[0]] + sorted(rng.sample(paras[1:], count - 1), key=paras.index)
    pars = [[(p, None)] for p in chosen]

    kinds = []
    if not clean:
        primary = ARTIFACT_KINDS[index % len(ARTIFACT_KINDS)]
        kinds = [primary] + rng.sample(ARTIFACT_KINDS, rng.choice([0, 0, 1, 1, 2]))
        kinds = list(dict.fromkeys(kinds))
        if lang != "en":
            # Inline English-text injections are kept to English stories.
            kinds = [k for k in kinds if k not in ("untranslated", "stray_fragment", "unbalanced_quote", "other")] or ["comment_footer"]
    legit = []
    # Half the clean documents, and a quarter of the others, get a sentence
    # that looks like an artifact.
    if (clean and index % 2 == 0) or rng.random() < 0.25:
        if lang == "en":
            legit.append(legit_sentence(rng, story, headline))

    head, tail, middle_after = [], [], {}
    body_prefix = None
    caption = None
    names = []
    for kind in kinds:
        if kind == "other":
            kind = rng.choice(OTHER_KINDS)
        names.append(kind.replace("other:", "").replace("_", "-"))
        if kind in INLINE:
            order = list(range(1 if kind == "other:calque" else 0, len(pars)))
            rng.shuffle(order)
            for target in order:
                result = INLINE[kind](rng, pars[target])
                if result is not None:
                    pars[target] = result
                    break
            else:
                names.pop()
        elif kind == "duplicate_headline":
            variant = rng.choice(["exact", "upper", "spaced"])
            copy = {"exact": headline, "upper": headline.upper(), "spaced": "  ".join(headline.split(" ", 1))}[variant]
            head.append([(copy + "\n\n", label("duplicate_headline", "delete", note=f"headline repeated ({variant})"))])
        elif kind == "dateline":
            shape, text = dateline(rng, story["city"])
            if shape == "line":
                head.append([(text + "\n\n", label("dateline", "delete", note="agency dateline line"))])
            else:
                body_prefix = (text, label("dateline", "delete", note="agency dateline opening the story"))
        elif kind == "comment_footer":
            lang_of_site = lang if rng.random() < 0.5 else rng.choice(sorted(COMMENT_FOOTERS))
            lines = rng.choice(COMMENT_FOOTERS[lang_of_site])
            sep = rng.choice(["\n", "\n\n"])
            tail.append([(sep.join(lines) + "\n\n", label("comment_footer", "delete", note=f"comment form ({lang_of_site})"))])
        elif kind == "site_boilerplate":
            where = rng.choice(["tail", "tail", "middle", "head"])
            if where == "tail":
                name, lines = rng.choice(TAIL_BOILERPLATE)
                tail.insert(0, [(block(lines), label("site_boilerplate", "delete", note=name))])
            elif where == "middle" and len(pars) > 2:
                name, lines = rng.choice(MIDDLE_BOILERPLATE)
                middle_after[rng.randrange(1, len(pars) - 1)] = [(block(lines), label("site_boilerplate", "delete", note=name))]
            else:
                name, lines = rng.choice(HEAD_BOILERPLATE)
                head.insert(0, [(block(lines), label("site_boilerplate", "delete", note=name))])
        elif kind == "caption_duplicate":
            variant = rng.choice(["caption-line", "caption-upper", "caption-block", "paragraph"])
            if lang != "en":
                variant = "paragraph"  # the captions are English
            if variant == "paragraph" and len(pars) > 2:
                k = rng.randrange(1, len(pars) - 1)
                text = "".join(t for t, _ in pars[k])
                if any(lab is not None for _, lab in pars[k]):
                    text = None
                if text:
                    middle_after[k] = [(text + "\n\n", label("caption_duplicate", "delete", note="paragraph printed twice"))]
                    continue
            if lang != "en":
                names.pop()
                continue
            cap = rng.choice(T.CAPTIONS)
            if variant == "caption-upper":
                caption = [(cap + "\n", None), (cap.upper() + "\n", label("caption_duplicate", "delete", note="caption repeated in capitals")), ("\n", None)]
            elif variant == "caption-block":
                caption = [(cap + "\n\n", None), (cap + "\n\n", label("caption_duplicate", "delete", note="caption repeated as a block"))]
            else:
                caption = [(cap + "\n", None), (cap + "\n", label("caption_duplicate", "delete", note="caption repeated on the next line")), ("\n", None)]

    suffix = ("-" + "-".join(names)) if names else "-clean"
    if legit:
        suffix += "-legit-" + legit[0][0]
    doc = Doc(f"gen-{index:03d}-{story['key']}{suffix}", lang)
    doc.half = "dev" if story["key"] in DEV_STORIES else "test"
    for segs in head:
        if segs[0][1] is not None and segs[0][1]["type"] == "site_boilerplate":
            doc.extend(segs)
    doc.add(headline + "\n\n")
    for segs in head:
        if segs[0][1] is None or segs[0][1]["type"] != "site_boilerplate":
            doc.extend(segs)
    if caption:
        doc.extend(caption)
    for k, par in enumerate(pars):
        if k == 0 and body_prefix:
            doc.add(*body_prefix)
        doc.extend(par)
        if k == len(pars) - 1 and legit:
            doc.add(" " + legit[0][1])
        doc.add("\n\n" if (k < len(pars) - 1 or tail) else "\n")
        if k in middle_after:
            doc.extend(middle_after[k])
    for segs in tail:
        doc.extend(segs)
    if tail:
        # The last tail block ends the file with one line break.
        text, lab = doc.segs[-1]
        doc.segs[-1] = (text[:-1], lab)
    return doc


# ---------------------------------------------------------------------------
# Hand-written documents.

MARK_RE = re.compile(r"⟦([a-z_]+)\|(delete|replace|flag)(?:\|([^⟧]*))?⟧(.*?)⟦/⟧", re.S)


def parse_hand(name, source):
    """The document of bench/eval_hand/NAME.txt and the half it belongs to."""
    lines = source.split("\n", 3)
    if (len(lines) < 4 or not lines[0].startswith("lang: ") or
            lines[1] not in ("half: dev", "half: test") or lines[2] != ""):
        raise SystemExit(f"bench/eval_hand/{name}.txt:1: expected `lang: XX`, `half: dev|test` and a blank line")
    doc = Doc("hand-" + name, lines[0][len("lang: "):].strip())
    doc.half = lines[1][len("half: "):]
    body = lines[3]
    pos = 0
    for m in MARK_RE.finditer(body):
        if m.start() > pos:
            doc.add(body[pos:m.start()])
        type_, action, replacement, text = m.groups()
        replacement = replacement.replace("\\n", "\n") if replacement is not None else None
        if action == "replace" and replacement is None:
            raise SystemExit(f"bench/eval_hand/{name}.txt: replace without a replacement")
        doc.add(text, label(type_, action, replacement if action == "replace" else None, "hand-labelled"))
        pos = m.end()
    doc.add(body[pos:])
    if "⟦" in "".join(t for t, _ in doc.segs):
        raise SystemExit(f"bench/eval_hand/{name}.txt: malformed mark")
    return doc


def corpus():
    """{relative path: bytes} of the whole corpus."""
    rng = random.Random(SEED)
    files = {}
    # Which generated documents are clean is fixed by their index, spread out.
    clean_every = GENERATED_DOCS / CLEAN_DOCS
    clean_indexes = {int(i * clean_every) for i in range(CLEAN_DOCS)}
    docs = []
    for index in range(GENERATED_DOCS):
        docs.append(make_generated(index, rng, index in clean_indexes))
    hand_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "eval_hand")
    for k, name in enumerate(sorted(f[:-4] for f in os.listdir(hand_dir) if f.endswith(".txt"))):
        with open(os.path.join(hand_dir, name + ".txt"), encoding="utf-8") as f:
            docs.append(parse_hand(name, f.read()))
    seen = set()
    for doc in docs:
        if doc.id in seen:
            raise SystemExit(f"duplicate id {doc.id}")
        seen.add(doc.id)
        half = doc.half
        text, clean, artifacts = doc.build()
        gold = {"id": doc.id, "lang": doc.lang, "artifacts": artifacts}
        files[f"{half}/docs/{doc.id}.txt"] = text.encode("utf-8")
        files[f"{half}/gold/{doc.id}.json"] = (json.dumps(gold, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        files[f"{half}/gold/{doc.id}.clean.txt"] = clean.encode("utf-8")
    return files


def existing(out):
    found = {}
    for half in ("dev", "test"):
        for sub in ("docs", "gold"):
            folder = os.path.join(out, half, sub)
            if not os.path.isdir(folder):
                continue
            for name in os.listdir(folder):
                with open(os.path.join(folder, name), "rb") as f:
                    found[f"{half}/{sub}/{name}"] = f.read()
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "eval"))
    parser.add_argument("--check", metavar="DIR", help="compare DIR with the corpus instead of writing it")
    args = parser.parse_args()
    files = corpus()
    if args.check:
        on_disk = existing(args.check)
        problems = [f"missing: {p}" for p in sorted(set(files) - set(on_disk))]
        problems += [f"not made by the script: {p}" for p in sorted(set(on_disk) - set(files))]
        problems += [f"differs: {p}" for p in sorted(set(files) & set(on_disk)) if files[p] != on_disk[p]]
        for p in problems:
            print(p, file=sys.stderr)
        print(f"{len(files)} files, {len(problems)} problems")
        return 1 if problems else 0
    for path in existing(args.out):
        if path not in files:
            os.remove(os.path.join(args.out, path))
    for path, data in sorted(files.items()):
        full = os.path.join(args.out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data)
    print(f"wrote {len(files) // 3} documents to {os.path.normpath(args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
