"""Bytes -> text: refuse binary files, find the encoding without guessing into mojibake, and
normalise line breaks, spaces and invisible characters."""

from __future__ import annotations

import codecs
import re
import unicodedata

from .article import fail

MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (Word/OpenDocument files are ZIP archives)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program"),
)
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a byte order mark shows as ASCII letters alternating with zero bytes."""
    sample = data[:4000]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad = err.object[err.start : err.end]
    return bad.decode("cp1252", errors="strict") if bad[0] not in b"\x81\x8d\x8f\x90\x9d" else "", err.end


BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)


DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{2,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9._:-]{2,40})""",
    re.I,
)
"""A charset the page declares: <meta charset>, <meta http-equiv="Content-Type" content="...;
charset=...">, or an XML declaration."""
WHATWG = {
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
    "ascii": "cp1252", "iso8859-1": "cp1252", "gb2312": "gb18030", "gbk": "gb18030",
    "x-gbk": "gb18030", "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932",
    "x-sjis": "cp932", "ms_kanji": "cp932", "windows-31j": "cp932", "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949", "big5": "big5hkscs", "tis-620": "cp874", "iso-8859-11": "cp874",
    "iso-8859-9": "cp1254", "x-mac-cyrillic": "mac-cyrillic",
}  # fmt: skip
"""Labels that browsers read as a superset (the WHATWG Encoding Standard), as Python codecs."""


def declared_charset(data: bytes) -> str | None:
    """The Python codec for the charset a page declares in its first bytes, if any it knows."""
    m = DECLARED.search(data[:8192])
    if not m:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii").strip().lower()
    label = WHATWG.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _declared(data: bytes, path: str, charset: str) -> tuple[str, str]:
    """Text in the declared charset; a few bad bytes become U+FFFD, many are an error."""
    text = data.decode(charset, errors="replace")
    if text.count("\ufffd") > max(3, len(text) // 1000):
        raise fail(path, f"unreadable bytes: the page declares {charset} but is not written in it")
    return text, charset


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Text and the encoding it was read in; a clear error instead of guessing into mojibake."""
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise fail(path, f"binary file ({what}), not an article")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise fail(path, f"unreadable bytes: marked UTF-8 but invalid at byte {exc.start + 3}") from None
    # UTF-32 first: its little-endian mark starts with UTF-16's.
    for bom, enc, label in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc), enc
            except UnicodeDecodeError as exc:
                raise fail(
                    path, f"unreadable bytes: marked {label} but invalid at byte {exc.start + len(bom)}"
                ) from None
    enc16 = _utf16_without_bom(data)
    if enc16:
        try:
            return data.decode(enc16), enc16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise fail(path, "binary file (contains zero bytes), not an article")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    charset = declared_charset(data)
    if charset and charset != "utf-8":
        return _declared(data, path, charset)
    high = sum(1 for b in data if b >= 0x80)
    multibyte = sum(len(m) for m in UTF8_MULTIBYTE.findall(data))
    if multibyte > high - multibyte:
        # Mostly UTF-8 with a few stray single-byte characters pasted in (a cp1252 quote, say):
        # read each stray byte as cp1252 rather than rejecting or garbling the whole file.
        codecs.register_error("briefings-cp1252", _cp1252_fallback)
        return data.decode("utf-8", errors="briefings-cp1252"), "utf-8+cp1252"
    text = data.decode("cp1252", errors="replace")
    letters = [c for c in text if c.isalpha()]
    ascii_letters = sum(1 for c in letters if c.isascii())
    if "\ufffd" in text or not letters or ascii_letters < 0.6 * len(letters):
        raise fail(
            path,
            f"unreadable bytes: not UTF-8 (invalid at byte {first_bad}), UTF-16 or Western (cp1252) text",
        )
    return text, "cp1252"


SPACES = (("\u00a0", " "), ("\u2007", " "), ("\u202f", " "), ("\u2028", "\n"), ("\u2029", "\n\n"))


def normalise(text: str) -> str:
    """One kind of line break, no control or invisible characters; quotes stay as they are."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").replace("\v", "\n")
    for old, new in SPACES:  # str.replace runs at C speed; str.translate with a dict does not
        if old in text:
            text = text.replace(old, new)
    text = re.sub("[\u200b\u00ad\ufeff]", "", text)
    text = CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)
