"""BERT's uncased WordPiece over words already split by spaCy (the vocabulary of the packaged MiniLM)."""

from __future__ import annotations

import functools
import unicodedata

MAX_CHARS = 100  # a longer word is [UNK], as in BERT


def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B81F or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def basic_split(word: str) -> list[str]:
    """BertNormalizer + BertPreTokenizer on one word: control characters dropped, lower case,
    accents stripped, punctuation and CJK characters split off."""
    out, cur = [], []
    for ch in unicodedata.normalize("NFD", word.lower()):
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or unicodedata.category(ch) in ("Cc", "Cf") or unicodedata.category(ch) == "Mn":
            continue
        if ch.isspace():
            if cur:
                out.append("".join(cur))
                cur = []
        elif _is_punct(ch) or _is_cjk(cp):
            if cur:
                out.append("".join(cur))
                cur = []
            out.append(ch)
        else:
            cur.append(ch)
    if cur:
        out.append("".join(cur))
    return out


class WordPiece:
    """Greedy longest-match-first WordPiece with '##' continuations."""

    def __init__(self, vocab: dict[str, int]):
        self.vocab = vocab
        self.unk = vocab["[UNK]"]
        self.cls, self.sep, self.pad = vocab["[CLS]"], vocab["[SEP]"], vocab["[PAD]"]
        self.pieces = functools.lru_cache(maxsize=200_000)(self._pieces)

    def _piece(self, part: str) -> list[int]:
        if len(part) > MAX_CHARS:
            return [self.unk]
        ids, start = [], 0
        while start < len(part):
            end = len(part)
            while end > start:
                sub = part[start:end] if start == 0 else "##" + part[start:end]
                if sub in self.vocab:
                    ids.append(self.vocab[sub])
                    break
                end -= 1
            else:
                return [self.unk]
            start = end
        return ids

    def _pieces(self, word: str) -> tuple[int, ...]:
        """Vocabulary ids of one word (empty for a word that is all whitespace/control characters)."""
        return tuple(i for part in basic_split(word) for i in self._piece(part))
