"""Cleaning of the EurIA model's answer into a description of at most max_chars (pure)."""

from __future__ import annotations

import html
import re
import unicodedata

from tasks.normalize import until_stable
from tasks.prompt import ELLIPSIS, check_max_chars

_THINK_BLOCK = re.compile(r"<(think|thinking|reasoning)\b[^>]*>.*?</\1\s*>", re.I | re.S)
# Chat templates often put the opening <think> in the prompt, so only the closing tag comes back.
_THINK_UNOPENED = re.compile(r"^.*</(?:think|thinking|reasoning)\s*>", re.I | re.S)
# An opening tag with no end: max_tokens ran out while the model was still thinking.
_THINK_UNCLOSED = re.compile(r"<(?:think|thinking|reasoning)\b[^>]*>.*", re.I | re.S)
_SPECIAL_TOKEN = re.compile(r"<\|[^<>|]{0,40}\|>")
_DROP_BLOCK = re.compile(r"<(script|style|head|template)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_DROP_UNCLOSED = re.compile(r"<(?:script|style)\b[^>]*>.*", re.I | re.S)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]*)\b[^<>]*>|<[!?][^<>]*>")
_INLINE_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "del", "dfn", "em", "font", "i", "ins", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "u", "var", "wbr",
})

_FENCE = re.compile(r"^(?:`{3,}|~{3,})")
_RULE = re.compile(r"^(?:[-*_=]\s*){3,}$")
_HEADING = re.compile(r"^#{1,6}(?:\s+(.*?))?\s*#*$")
_BULLET = re.compile(r"^(?:>\s*)*(?:(?:[-*+•‣▪◦]|\d{1,2}[.)])\s+)?")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
# Spans are bounded so that a stray "*" costs a short scan, not one to the end of the text.
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1")
_ITALIC_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.{1,300}?)(?<=[^\s*])\*(?![\w*])")
_ITALIC_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(.{1,300}?)(?<=[^\s_])_(?![\w_])")
_MARKDOWN_LEFTOVERS = re.compile(r"`+|~~|\*{2,}")

_INTERJECTION = (
    r"sure(?:\s+thing)?|certainly|of\s+course|absolutely|okay|ok|alright|all\s+right|great"
    r"|gladly|no\s+problem|happy\s+to\s+help|here\s+you\s+go|bien\s+s[uû]r|certainement"
    r"|absolument|d['’]accord|avec\s+plaisir|volontiers|voil[aà]|gerne|nat[uü]rlich|certo"
    r"|claro|por\s+supuesto"
)
_INTRO = (
    r"here(?:['’]s|\s+is|\s+are)|voici|voil[aà]|hier\s+(?:ist|sind)|ecco"
    r"|aqu[ií]\s+(?:tienes|est[aá])"
)
_LEADING_CHATTER = re.compile(
    rf"^[¡¿]?(?:(?:{_INTERJECTION})\s*[!.,:;]+"
    rf"|(?:{_INTRO})\b[^:\n]{{0,160}}[:\n]"
    r"|(?:(?:short|brief|album|courte)\s+)?(?:description|summary|r[ée]sum[ée])\b[^:\n]{0,40}:)\s*",
    re.I,
)
_TRAILING_CHATTER = re.compile(
    r"(?:^|(?<=[.!?…]))\s*(?:i\s+hope\s+(?:this|that|it)\s+helps|let\s+me\s+know|feel\s+free"
    r"|would\s+you\s+like|if\s+you(?:['’]d|\s+would)\s+like|j['’]esp[èe]re\s+que"
    r"|n['’]h[ée]sitez\s+pas|dites-moi|souhaitez-vous|voulez-vous)\b[^.!?…]*[.!?…]*\s*$"
    r"|\s*\(\s*(?:~|about|approx\.?|environ)?\s*\d+\s*(?:characters|chars|caract[èe]res|words"
    r"|mots)\s*\)\s*$"
    r"|\s*(?:word|character)\s+count\s*:\s*\d+\s*$",
    re.I,
)
_QUOTES = {'"': '"', "'": "'", "“": "”", "”": "”", "‘": "’", "«": "»", "»": "«", "„": "“",
           "‚": "‘", "「": "」", "『": "』"}
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")

_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?= )|[。！？]+[」』”’)）]*")
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "feat", "ft", "vol", "vols", "no",
    "nos", "nr", "op", "pt", "cf", "ca", "approx", "orig", "prod", "arr", "ed", "eds", "mt", "mme",
    "mlle", "mgr", "dept",
})
_DANGLING = " ,;:–—-(/[{&\"'“‘«„"


class EmptyDescription(ValueError):
    """Nothing usable is left of the model's answer."""


def clean_description(text: str | None, max_chars: int) -> str:
    """Return the model's answer as plain prose of at most max_chars, or raise EmptyDescription.

    Over-long text is cut after the last sentence end that keeps at least a third of max_chars;
    failing that, after the last whole word, with "…" appended (counted within max_chars).
    A text whose first word alone does not fit is EmptyDescription: we never cut mid-word.
    """
    check_max_chars(max_chars)
    if text is None:
        raise EmptyDescription("the model returned no text")
    cleaned = _strip_fixpoint(str(text))
    while True:
        if not any(ch.isalnum() for ch in cleaned):
            raise EmptyDescription("nothing usable is left of the model's answer")
        if len(cleaned) <= max_chars:
            return cleaned
        # Cutting can expose new surrounding quotes or trailing chatter; strip again so the
        # result is a fixed point (clean_description is idempotent on its own output).
        cleaned = _strip_fixpoint(_cut(cleaned, max_chars))


def _strip_fixpoint(text: str) -> str:
    # Each pass that changes normalized text makes it shorter, so this ends; the cap is a guard.
    return until_stable(_strip_once, text, passes=100)


def _strip_once(text: str) -> str:
    text = _unescape(text)
    text = _THINK_BLOCK.sub(" ", text)
    text = _THINK_UNOPENED.sub(" ", text)
    text = _THINK_UNCLOSED.sub(" ", text)
    text = _SPECIAL_TOKEN.sub(" ", text)
    text = _COMMENT.sub(" ", text)
    text = _DROP_BLOCK.sub(" ", text)
    text = _DROP_UNCLOSED.sub(" ", text)
    text = _TAG.sub(lambda m: "" if (m.group(1) or "").lower() in _INLINE_TAGS else " ", text)
    text = _strip_markdown(text)
    text = _strip_chatter(text)
    text = _INVISIBLE.sub("", text)
    text = "".join(ch for ch in text if ch.isspace() or unicodedata.category(ch) != "Cc")
    text = " ".join(text.split())
    return _strip_quotes(text)


def _unescape(text: str) -> str:
    # "&amp;lt;b&amp;gt;" is doubly escaped HTML: unescape until nothing changes.
    while (unescaped := html.unescape(text)) != text:
        text = unescaped
    return text


def _strip_markdown(text: str) -> str:
    lines: list[tuple[str, str]] = []  # (kind, text), kind heading | item | prose
    for raw in text.splitlines():
        line = raw.strip()
        if _FENCE.match(line) or _RULE.match(line):
            continue
        if heading := _HEADING.match(line):
            lines.append(("heading", heading.group(1) or ""))
        elif (item := _BULLET.sub("", line, count=1)) != line:
            lines.append(("item", item))
        else:
            lines.append(("prose", line))
    # A heading above prose is a title, not description; a lone heading is all we have.
    has_prose = any(line for kind, line in lines if kind != "heading")
    lines = [(kind, line) for kind, line in lines if line and not (kind == "heading" and has_prose)]
    if len(lines) > 1:
        # List items become sentences rather than one run-on line once whitespace collapses.
        lines = [
            (kind, line + "." if kind == "item" and line[-1] not in ".!?…:;," else line)
            for kind, line in lines
        ]
    text = "\n".join(line for _kind, line in lines)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _BOLD.sub(r"\2", text)
    text = _ITALIC_STAR.sub(r"\1", text)
    text = _ITALIC_UNDERSCORE.sub(r"\1", text)
    return _MARKDOWN_LEFTOVERS.sub("", text)


def _strip_chatter(text: str) -> str:
    for pattern in (_LEADING_CHATTER, _TRAILING_CHATTER):
        text = text.strip()
        while (stripped := pattern.sub("", text, count=1).strip()) != text:
            text = stripped
    return text


def _strip_quotes(text: str) -> str:
    if len(text) >= 2 and _QUOTES.get(text[0]) == text[-1]:
        inner = text[1:-1]
        if text[0] not in inner and text[-1] not in inner:
            return inner.strip()
    return text


def _cut(text: str, max_chars: int) -> str:
    best = 0
    for match in _SENTENCE_END.finditer(text, 0, max_chars + 1):
        end = match.end()
        if end > max_chars:
            break
        too_short = end < max_chars // 3
        if too_short or _is_abbreviation(text, match) or text[end + 1 : end + 2].islower():
            continue
        best = end
    if best:
        return text[:best]
    cut = text.rfind(" ", 0, max_chars - len(ELLIPSIS) + 1)
    while cut > 0:
        head = text[:cut].rstrip(_DANGLING)
        if any(ch.isalnum() for ch in head):
            return head if head[-1] in ".!?…" else head + ELLIPSIS
        cut = text.rfind(" ", 0, cut)
    raise EmptyDescription(f"the first word is longer than {max_chars} characters")


def _is_abbreviation(text: str, match: re.Match[str]) -> bool:
    # "No. 5", "Dr. Dre", "J. S. Bach", "M. Dupont" are not sentence ends.
    if not match.group().startswith(".") or match.group().startswith(".."):
        return False
    word = re.search(r"(\w+)$", text[: match.start()])
    if not word:
        return False
    token = word.group(1)
    return token.casefold() in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())
