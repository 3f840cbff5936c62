"""Optional LLM answerer: rewrites a grounded extractive answer from numbered sources, then verifies it.

The LLM (any OpenAI-compatible endpoint, through llama-index's `OpenAILike`) only ever sees
sources the extractive answerer already found; every sentence it writes must cite them with
`[n]` and be lexically supported by the cited quotes, or it is dropped. Whenever the endpoint
fails or nothing survives verification, the extractive answer is returned with a
`fallback_reason`, so the LLM can make an answer read better but never make the API fail.
llama-index and openai types stay inside this module.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from assistant.answering.asking import strip_asking
from assistant.answering.figures import number_word, unquoted_figure
from assistant.domain.models import Answer, Citation, Passage
from assistant.language import calendar
from assistant.language.glossary import french_for
from assistant.language.text import content_terms, tokens
from assistant.settings import Settings

log = logging.getLogger(__name__)

# Share of a sentence's salient terms that must occur in its cited quotes.
MIN_TERM_SUPPORT = 0.6
UNSUPPORTED = "llm answer unsupported by sources"
# Why a generated sentence is dropped: no valid [n]; a figure, a day or month, a name not in its
# cited quotes; too few of its content words there.
DROP_REASONS = ("citation", "figure", "calendar", "name", "terms")
# Time kept for retrieval and composition inside the API's request timeout.
RETRIEVAL_BUDGET_S = 5.0

_MARKS = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
_SPLIT = re.compile(r"(?<=[.!?…])\s+|\n+")
_SPACED_MARKS = re.compile(r"\s*\[\d+(?:\s*,\s*\d+)*\]")
_LEADING_MARKS = re.compile(r"^((?:\s*\[\d+(?:\s*,\s*\d+)*\])+)\s*")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# French calendar words are written in lower case, so the capitalised-name check misses them;
# a wrong day or month is exactly the kind of error that must not slip through. Compared by value,
# so an English answer's "Thursday 6 March" is supported by the French "jeudi 6 mars".
_CALENDAR = {
    word: (kind, value)
    for kind, table in (("weekday", calendar.weekday_words()), ("month", calendar.month_words()))
    for word, value in table.items()
    if len(word) > 3
}

_PROMPTS = {
    "fr": (
        "Tu réponds à des questions sur des programmes d'événements, uniquement à partir des sources "
        "numérotées fournies. Réponds en français, en deux à quatre phrases courtes. Termine chaque "
        "phrase par un ou plusieurs renvois [n] vers les sources qui la justifient. N'écris rien qui "
        "ne figure pas dans les sources : pas de salle, d'horaire, de nom ou de numéro inventé."
    ),
    "en": (
        "You answer questions about event programmes using only the numbered sources provided. "
        "Answer in English, in two to four short sentences. End every sentence with one or more "
        "[n] markers pointing at the sources that support it. Say nothing that is not in the "
        "sources: no invented room, time, name or number."
    ),
}


# One worked exchange before the real question: a small model (Qwen2.5 0.5B) ignores the system
# prompt's [n] and answers "Salle 3." or a bare "[1]"; shown one answer in the format, it follows it.
# Invented programme, nothing of any corpus.
_EXAMPLES = {
    "fr": (
        "Sources:\n\n[1] (Programme)\nMardi 3 juin, 10h00 - 11h00, salle B : conférence « Les communs "
        "numériques ».\n\n[2] (Programme)\nLa conférence est animée par une association de quartier."
        "\n\nQuestion: Quand a lieu la conférence sur les communs numériques ?",
        "La conférence « Les communs numériques » a lieu le mardi 3 juin de 10h00 à 11h00, en salle B "
        "[1]. Elle est animée par une association de quartier [2].",
    ),
    "en": (
        "Sources:\n\n[1] (Programme)\nMardi 3 juin, 10h00 - 11h00, salle B : conférence « Les communs "
        "numériques ».\n\n[2] (Programme)\nLa conférence est animée par une association de quartier."
        "\n\nQuestion: When is the talk on digital commons?",
        "The talk on digital commons takes place on Tuesday 3 June from 10:00 to 11:00, in room B [1]. "
        "It is led by a neighbourhood association [2].",
    ),
}


def llm_timeout(settings: Settings) -> float:
    """The LLM's timeout, capped so a slow endpoint falls back before the API request times out (503)."""
    return min(settings.llm_timeout_s, max(1.0, settings.request_timeout_s - RETRIEVAL_BUDGET_S))


class LLMUnavailable(RuntimeError):
    """The endpoint could not produce a completion (timeout, connection or HTTP error)."""


@dataclass(frozen=True)
class Claim:
    text: str  # the sentence without its markers
    cited: tuple[int, ...]  # source numbers, in the order written


class LLMAnswerer:
    def __init__(self, settings: Settings):
        from llama_index.llms.openai_like import OpenAILike

        # max_retries=0: a slow or failing endpoint must cost one timeout, not several.
        self._llm = OpenAILike(
            api_base=settings.llm_base_url,
            model=settings.llm_model or "default",
            api_key=settings.llm_api_key or "not-needed",
            is_chat_model=True,
            timeout=llm_timeout(settings),
            max_retries=0,
            temperature=0.0,
            context_window=8192,
            max_tokens=400,
        )

    def improve(
        self, *, question: str, language: str, extractive: Answer, hits: list[Passage]
    ) -> Answer:
        if not extractive.answered:
            return extractive  # never let the LLM answer what the corpus does not support
        sources = number_sources(extractive.citations, hits)
        try:
            text = self._complete(build_messages(question, language, sources))
        except LLMUnavailable as exc:
            log.warning("LLM fallback: %s", exc)
            return extractive.model_copy(update={"fallback_reason": f"llm unavailable: {exc}"})
        verified = verify(text, sources)
        if verified is None:
            log.info("LLM answer dropped: no sentence supported by its sources")
            return extractive.model_copy(update={"fallback_reason": UNSUPPORTED})
        answer, citations = verified
        return extractive.model_copy(
            update={
                "answer": answer,
                "citations": citations,
                "backend": "llm",
                "fallback_reason": None,
            }
        )

    def _complete(self, messages: list[tuple[str, str]]) -> str:
        import openai
        from llama_index.core.llms import ChatMessage

        try:
            response = self._llm.chat(
                [ChatMessage(role=role, content=content) for role, content in messages]
            )
        except openai.APITimeoutError as exc:  # subclass of APIConnectionError: test it first
            raise LLMUnavailable("timeout") from exc
        except openai.APIConnectionError as exc:
            raise LLMUnavailable("connection error") from exc
        except openai.APIStatusError as exc:
            raise LLMUnavailable(f"HTTP {exc.status_code}") from exc
        except (
            Exception
        ) as exc:  # a malformed reply or a client bug must not fail the request either
            raise LLMUnavailable(type(exc).__name__) from exc
        return response.message.content or ""


def number_sources(citations: list[Citation], hits: list[Passage]) -> list[Citation]:
    """Sources 1..N: the extractive citations first, then passages not already cited (stable order)."""
    out: list[Citation] = []
    seen: set[tuple[str, int, int]] = set()
    candidates = list(citations) + [
        Citation(
            n=0,
            doc_id=p.doc_id,
            title=p.title,
            quote=p.text,
            start=p.start,
            end=p.end,
            score=p.score,
        )
        for p in hits
        if p.text.strip()
    ]
    for c in candidates:
        key = (c.doc_id, c.start, c.end)
        if key not in seen:
            seen.add(key)
            out.append(c.model_copy(update={"n": len(out) + 1}))
    return out


def build_messages(question: str, language: str, sources: list[Citation]) -> list[tuple[str, str]]:
    lang = language if language in _PROMPTS else "fr"
    listing = "\n\n".join(f"[{c.n}] ({c.title})\n{c.quote.strip()}" for c in sources)
    user = f"Sources:\n\n{listing}\n\nQuestion: {question}"  # the same words in both languages
    example, reply = _EXAMPLES[lang]
    return [("system", _PROMPTS[lang]), ("user", example), ("assistant", reply), ("user", user)]


def split_claims(text: str) -> list[Claim]:
    """Sentences with their [n] markers; markers a model puts after the full stop stay with their
    sentence, unless the reply opens with a marker: that model writes them before ("[1] Salle 3.")."""
    pieces: list[str] = []
    raws = [_BULLET.sub("", raw).strip() for raw in _SPLIT.split(text.strip())]
    marks_lead = bool(raws and _LEADING_MARKS.match(raws[0]))
    for piece in raws:
        lead = _LEADING_MARKS.match(piece)
        if lead and pieces and not marks_lead:
            pieces[-1] += " " + lead.group(1).strip()
            piece = piece[lead.end() :]
        if piece:
            pieces.append(piece)
    claims = []
    for piece in pieces:
        cited = tuple(
            int(n) for group in _MARKS.findall(piece) for n in re.split(r"\s*,\s*", group)
        )
        # Markers go with the space before them, so "2 [1]." becomes "2." and the rest is untouched.
        body = re.sub(r"\s+", " ", _SPACED_MARKS.sub("", piece)).strip()
        if body:
            claims.append(Claim(text=body, cited=cited))
    return claims


def _alternatives(word: str) -> set[str]:
    """Stems a word may appear as in the (French) sources: itself and its glossary translations."""
    alts = set(content_terms(word))
    for fr in french_for(word):
        alts.update(content_terms(fr))
    return alts


def unsupported(sentence: str, quotes: list[str]) -> str | None:
    """Why a sentence is not supported by its cited quotes (one of DROP_REASONS), None when it is."""
    evidence = " ".join(quotes)
    stems = set(content_terms(evidence))
    words = set(tokens(evidence))
    # Figures (times, dates, room and phone numbers, counts, sums) must be quoted: a time as a time
    # (09h00 == 9h), a count with what it counts ("30 personnes" is not the "30" of "15h30").
    if unquoted_figure(sentence, evidence) is not None:
        return "figure"
    days = {_CALENDAR[w] for w in words if w in _CALENDAR}
    if any(_CALENDAR[w] not in days for w in tokens(sentence) if w in _CALENDAR):
        return "calendar"
    # Capitalised words after the first are names (people, rooms, places, days in English).
    for i, match in enumerate(_WORD.finditer(sentence)):
        if i and match.group()[0].isupper():
            for part in tokens(match.group()):
                alts = _alternatives(part)
                if (len(part) > 1 and not alts) or part in _CALENDAR:
                    continue  # a capitalised stopword ("De", "The") names nothing; days: above
                if part not in words and not (alts & stems):
                    return "name"
    total = supported = 0
    # How a sentence is phrased ("a lieu", "takes place") is not a claim: asking words are set aside.
    for word in tokens(strip_asking(sentence)):
        alts = _alternatives(word)
        if not alts or any(ch.isdigit() for ch in word) or number_word(word) is not None:
            continue  # stopwords, single letters, and figures (checked by value above)
        if alts & stems or word in _CALENDAR:  # days and months: checked by value above
            supported += 1
        total += 1
    return None if total > 0 and supported / total >= MIN_TERM_SUPPORT else "terms"


def verify(text: str, sources: list[Citation]) -> tuple[str, list[Citation]] | None:
    """Keep supported sentences, renumber their citations 1..m by first use; None when nothing is kept."""
    by_number = {c.n: c for c in sources}
    renumber: dict[int, int] = {}
    kept: list[str] = []
    for claim in split_claims(text):
        cited = [n for n in dict.fromkeys(claim.cited) if n in by_number]
        reason = unsupported(claim.text, [by_number[n].quote for n in cited]) if cited else "citation"
        if reason is not None:
            log.info("LLM sentence dropped (%s): %r cites %s", reason, claim.text, list(claim.cited))
            continue
        for n in cited:
            renumber.setdefault(n, len(renumber) + 1)
        body = claim.text
        stop = body[-1] if body[-1] in ".!?…" else ""
        body = body[: len(body) - len(stop)].rstrip()
        kept.append(f"{body} {''.join(f'[{renumber[n]}]' for n in cited)}{stop or '.'}")
    if not kept:
        return None
    citations = [by_number[old].model_copy(update={"n": new}) for old, new in renumber.items()]
    return " ".join(kept), sorted(citations, key=lambda c: c.n)
