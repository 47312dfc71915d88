"""Which language an article is written in.

py3langid (a maintained fork of langid.py, BSD; its model ships inside the wheel, so nothing is
downloaded) scores the body against 97 languages. The reader records the language; extraction
refuses what its English model cannot read rather than turning it into garbage actors.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

SAMPLE = 600
"""Characters of the body the detector reads: plenty for a confident answer, cheap on long pages."""
CONFIDENT = 0.5
"""Below this probability the language is left unknown (None) rather than guessed (close
relatives share the mass: Chinese text scores about 0.75 for zh, 0.25 for Wu)."""

NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan",
    "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English",
    "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "ga": "Irish", "gl": "Galician", "he": "Hebrew", "hi": "Hindi",
    "hr": "Croatian", "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian", "is": "Icelandic",
    "it": "Italian", "ja": "Japanese", "ka": "Georgian", "kk": "Kazakh", "ko": "Korean",
    "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "ms": "Malay", "nb": "Norwegian",
    "nl": "Dutch", "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian",
    "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian", "sr": "Serbian",
    "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "th": "Thai", "tl": "Tagalog",
    "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese", "zh": "Chinese",
    "wuu": "Wu Chinese", "yue": "Cantonese",
}  # fmt: skip


def name(code: str | None) -> str:
    """English name of a language code ("ru" -> "Russian"), the code itself when unknown."""
    return NAMES.get(code or "", code or "unknown")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str | None:
    """ISO 639-1 code of the language `text` is written in, or None when not confident."""
    sample = text[:SAMPLE]
    if sum(c.isalpha() for c in sample) < 20:
        return None
    code, prob = _identifier().classify(sample)
    return str(code) if prob >= CONFIDENT else None
