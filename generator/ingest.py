"""Read a source file into an `Article`: decoded text, metadata, body paragraphs with offsets.

Extraction sees `Article.text` only: paragraphs joined by a blank line. Every offset in a
briefing points into that string, and `Article.sha256` identifies it.

Reading is conservative on purpose: the reader decides the format from the content as well as
the name, decodes without ever guessing into mojibake, cuts only page furniture that general
rules recognise (and records each cut in `Article.trimmed`), and refuses a bad file with one
line naming it and the problem rather than extracting from garbage.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from .errors import BriefingsError, Problem
from .safety import check_yaml

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_BYTES = 10 * 1024 * 1024
MAX_TITLE = 250
"""A first line longer than this is prose, not a title: it stays in the body."""


@dataclass(frozen=True)
class Article:
    path: str
    """The source path as given on the command line."""
    title: str
    text: str
    paragraphs: tuple[tuple[int, int], ...]
    name: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None
    trimmed: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, compare=False)
    format: str = "txt"
    """How the file was read: txt, md or html (decided from content as well as the name)."""
    encoding: str = "utf-8"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def published_date(self) -> date | None:
        if not self.published:
            return None
        try:
            return date.fromisoformat(self.published[:10])
        except ValueError:
            return None

    def paragraph_of(self, offset: int) -> int:
        """1-based number of the paragraph holding `offset`."""
        starts = [s for s, _ in self.paragraphs]
        return max(1, bisect_right(starts, offset))


def from_paragraphs(path: str, title: str, paragraphs: list[str], **meta: Any) -> Article:
    """Join paragraphs with blank lines and record where each one lies."""
    spans: list[tuple[int, int]] = []
    parts: list[str] = []
    pos = 0
    for para in paragraphs:
        para = para.strip()
        if not para:
            continue
        if parts:
            pos += 2
        spans.append((pos, pos + len(para)))
        parts.append(para)
        pos += len(para)
    return Article(path=path, title=title, text="\n\n".join(parts), paragraphs=tuple(spans), **meta)


def _fail(path: str, message: str, line: int | None = None, fld: str | None = None) -> BriefingsError:
    return BriefingsError(Problem(path, line, fld, message))


# --- bytes -> text -------------------------------------------------------------------------------

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


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Text and the encoding it was read in; a clear error instead of guessing into mojibake."""
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise _fail(path, f"binary file ({what}), not an article")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise _fail(path, f"unreadable bytes: marked UTF-8 but invalid at byte {exc.start + 3}") from None
    # UTF-32 first: its little-endian mark starts with UTF-16's.
    for bom, enc, label in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc), enc
            except UnicodeDecodeError as exc:
                raise _fail(
                    path, f"unreadable bytes: marked {label} but invalid at byte {exc.start + len(bom)}"
                ) from None
    enc16 = _utf16_without_bom(data)
    if enc16:
        try:
            return data.decode(enc16), enc16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise _fail(path, "binary file (contains zero bytes), not an article")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    high = sum(1 for b in data if b >= 0x80)
    multibyte = sum(len(m) for m in UTF8_MULTIBYTE.findall(data))
    if multibyte > high - multibyte:
        # Mostly UTF-8 with a few stray single-byte characters pasted in (a cp1252 quote, say):
        # read each stray byte as cp1252 rather than rejecting or garbling the whole file.
        import codecs

        codecs.register_error("briefings-cp1252", _cp1252_fallback)
        return data.decode("utf-8", errors="briefings-cp1252"), "utf-8+cp1252"
    text = data.decode("cp1252", errors="replace")
    letters = [c for c in text if c.isalpha()]
    ascii_letters = sum(1 for c in letters if c.isascii())
    if "\ufffd" in text or not letters or ascii_letters < 0.6 * len(letters):
        raise _fail(
            path,
            f"unreadable bytes: not UTF-8 (invalid at byte {first_bad}), UTF-16 or Western (cp1252) text",
        )
    return text, "cp1252"


SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2028": "\n", "\u2029": "\n\n"})


def normalise(text: str) -> str:
    """One kind of line break, no control or invisible characters; quotes stay as they are."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").replace("\v", "\n")
    text = text.translate(SPACES)
    text = re.sub("[\u200b\u00ad\ufeff]", "", text)
    text = CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


# --- format ----------------------------------------------------------------------------------------

FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n(.*?)\n?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
HTML_TAG = re.compile(
    r"</?(?:p|div|br|h[1-6]|article|section|span|a|meta|title|li|ul|script|table)\b[^>]*>", re.I
)


def sniff(text: str, suffix: str) -> str:
    """txt, md or html, from what the file holds; the name only breaks ties."""
    if HTML_START.match(text):
        return "html"
    if suffix not in (".md", ".markdown") and len(HTML_TAG.findall(text[:20000])) >= 5:
        return "html"
    if suffix in (".md", ".markdown"):
        return "md"
    front = FRONT_MATTER.match(text)
    if front:
        try:
            check_yaml(front.group(1), "")
        except BriefingsError:
            return "md"  # front matter, but unsafe: reading it as such reports why
        try:
            meta = yaml.safe_load(front.group(1))
        except yaml.YAMLError:
            meta = None
        if isinstance(meta, dict) and meta:
            return "md"
    return "txt"


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str]:
    m = FRONT_MATTER.match(text)
    if not m:
        if re.match(r"\A\s*---[ \t]*\n", text):
            raise _fail(
                path, "front matter starts with --- but never ends (no closing ---)", 1, "front matter"
            )
        return {}, text
    offset = text[: m.start(1)].count("\n") + 1
    try:  # the same limits as for briefings: no aliases, no object tags, no deep nesting
        check_yaml(m.group(1), path)
    except BriefingsError as exc:
        problem = exc.problems[0]
        line = (problem.line or 1) + offset - 1
        message = re.sub(r"^invalid YAML: (.*)", r"not valid YAML (\1)", problem.message)
        raise _fail(path, message, line, "front matter") from None
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + offset if mark is not None else offset
        why = getattr(exc, "problem", None) or "invalid syntax"
        raise _fail(path, f"not valid YAML ({why})", line, "front matter") from None
    if not isinstance(meta, dict):
        raise _fail(path, "must be a mapping of keys to values", offset, "front matter")
    meta = {str(k): v for k, v in meta.items()}
    meta["_lines"] = {k: _key_line(m.group(1), k) + offset for k in meta}
    return meta, text[m.end() :]


def _key_line(block: str, key: str) -> int:
    for i, line in enumerate(block.split("\n")):
        if re.match(rf"\s*['\"]?{re.escape(key)}['\"]?\s*:", line):
            return i
    return 0


# --- paragraphs -----------------------------------------------------------------------------------

TERMINAL = re.compile(r"[.!?…:;](?:\s*[\"”’'»)\]])*$|[\"”»]$")


def unwrap(block: str) -> list[str]:
    """Paragraphs in a block of lines: fold hard-wrapped lines, keep one-per-line units apart.

    Wire and corpus text often has one sentence (or headline, or dateline) per line; a headline
    glued to the first sentence would become one long bogus sentence. A line break is kept when
    the line is short enough that a wrapping editor would have fitted the next word on it, or
    when most lines of the block end a sentence (one break alone is too little to tell, unless
    the lines are longer than anyone wraps text).
    """
    lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
    if len(lines) < 2 or is_code(block):
        return [" ".join(lines)] if lines else []
    ends = [bool(TERMINAL.search(ln)) for ln in lines[:-1]]
    width = max(len(ln) for ln in lines)
    per_line = sum(ends) >= 0.5 * len(ends) and (len(ends) >= 2 or width > 100)
    out: list[list[str]] = [[lines[0]]]
    for i, (prev, nxt) in enumerate(zip(lines, lines[1:], strict=False)):
        starts_unit = bool(re.match(r"[\W\d]*[A-Z0-9]|[“\"'‘(\-–—•*]", nxt))
        short = width >= 30 and len(prev) + 1 + len(nxt.split()[0]) < 0.8 * width
        if starts_unit and ((per_line and ends[i]) or short):
            out.append([nxt])
        else:
            out[-1].append(nxt)
    return [" ".join(part) for part in out]


def blocks(text: str) -> list[str]:
    """Paragraphs: blank-line separated blocks, each unwrapped into its own units."""
    return [p for b in re.split(r"\n[ \t]*\n", text) if b.strip() for p in unwrap(b)]


def split_title(paras: list[str]) -> tuple[str, list[str]]:
    """Title from the first line; a first line too long to be a title stays in the body."""
    if not paras:
        return "", []
    first = paras[0]
    if len(first) <= MAX_TITLE:
        return first, paras[1:]
    words = first.split()
    return " ".join(words[:12]) + " …", paras


def read_text(text: str) -> tuple[str, list[str]]:
    """Plain text: title on the first non-empty line, body below it."""
    lines = text.lstrip().split("\n", 1)
    title = lines[0].strip()
    body = lines[1] if len(lines) > 1 else ""
    if len(title) > MAX_TITLE:
        return split_title(blocks(text))
    return title, blocks(body)


# --- Markdown -------------------------------------------------------------------------------------

HTML_INLINE = re.compile(
    r"</?(?:a|abbr|b|br|cite|code|del|div|em|font|hr|i|img|ins|kbd|mark|p|q|s|small|span|strong|sub|sup"
    r"|time|u|wbr)\b[^<>]*>",
    re.I,
)
"""HTML elements that Markdown writers use inline; other angle-bracket text is left as text."""
MD_INLINE = (
    (re.compile(r"!\[[^\]]*\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)"), ""),
    (re.compile(r"!\[[^\]]*\]\[[^\]]*\]"), ""),
    (re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (HTML_INLINE, ""),
    (re.compile(r"(`+)(.+?)\1"), r"\2"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
)
MD_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
MD_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
MD_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
MD_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(?=\S)")
MD_QUOTE = re.compile(r"^\s*(?:>\s?)+")
MD_LINKDEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+.*$")
MD_FENCE = re.compile(r"^ {0,3}(```|~~~)")


MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")


def md_inline(text: str) -> str:
    """Plain text of one Markdown line: the words stay, emphasis, links, code marks and tags go."""
    text = MD_ESCAPE.sub(lambda m: chr(0xE000 + ord(m.group(1))), text)
    for pattern, repl in MD_INLINE:
        text = pattern.sub(repl, text)
    return re.sub("[\ue000-\ue07f]", lambda m: chr(ord(m.group()) - 0xE000), text)


def read_markdown(body: str) -> list[tuple[str, str]]:
    """Markdown body -> (kind, text) blocks; kind is 'heading' or 'text'. Syntax goes, words stay."""
    out: list[tuple[str, str]] = []
    cur: list[str] = []
    in_list = False
    fenced = False

    def flush() -> None:
        if cur:
            out.append(("text", "\n".join(cur)))
            cur.clear()

    lines = body.split("\n")
    for i, raw in enumerate(lines):
        if MD_FENCE.match(raw):
            fenced = not fenced
            flush()
            continue
        if fenced:
            cur.append(raw)
            continue
        line = MD_QUOTE.sub("", raw)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not line.strip():
            flush()
            in_list = False
            continue
        if MD_SETEXT.match(line) and not cur:
            continue
        if MD_SETEXT.match(nxt) and line.strip() and not MD_RULE.match(line) and not cur:
            out.append(("heading", md_inline(line.strip())))
            continue
        if MD_RULE.match(line) or MD_LINKDEF.match(line):
            flush()
            continue
        heading = MD_HEADING.match(line)
        if heading:
            flush()
            if heading.group(1):
                out.append(("heading", md_inline(heading.group(1))))
            continue
        bullet = MD_BULLET.match(line)
        ordered = bullet is not None and line.lstrip()[0].isdigit()
        if bullet and (not ordered or not cur or in_list):
            flush()
            in_list = True
            cur.append(md_inline(line[bullet.end() :]))
            continue
        cur.append(md_inline(line))
    flush()
    return out


# --- HTML -----------------------------------------------------------------------------------------


def read_html(text: str, path: str) -> tuple[dict[str, Any], list[str]]:
    """Main text and metadata of a saved web page, via trafilatura (navigation, ads, boxes go)."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            deduplicate=False,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as exc:  # trafilatura raises assorted errors on broken markup
        raise _fail(path, f"cannot read the HTML page ({type(exc).__name__})") from None
    if doc is None:
        raise _fail(path, "no article text found in the HTML page")
    info = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    paras = _html_paragraphs(info.get("body"))
    if not paras:
        paras = [ln for ln in (info.get("text") or "").split("\n") if ln.strip()]
    title = (info.get("title") or "").strip()
    if paras and title and _same(paras[0], title):
        paras = paras[1:]
    meta = {
        "title": title or None,
        "author": info.get("author"),
        "published": info.get("date"),
        "source": info.get("sitename") or info.get("hostname"),
        "url": info.get("url"),
    }
    return meta, paras


def _html_paragraphs(body: Any) -> list[str]:
    """One paragraph per block element of trafilatura's cleaned tree (lists: one per item)."""
    if body is None:
        return []
    paras: list[str] = []
    for el in body:
        items = [li for li in el if li.tag == "item"] if el.tag == "list" else [el]
        for item in items:
            for br in item.iter("lb"):
                br.tail = " " + (br.tail or "")
            text = re.sub(r"\s+", " ", "".join(item.itertext())).strip()
            if text:
                paras.append(text)
    return paras


def _same(a: str, b: str) -> bool:
    def key(s: str) -> str:
        return re.sub(r"\W+", " ", s).strip().casefold()

    return key(a) == key(b)


# --- boilerplate ----------------------------------------------------------------------------------

SECTION_MARKER = re.compile(
    r"(?:must[- ]reads?|related(?: (?:stories|articles|content|coverage|news|links|posts|reading|topics))?"
    r"|read more|read next|more to read|recommended(?: (?:for you|stories|articles|reading))?"
    r"|you (?:may|might) (?:also )?(?:like|enjoy)|(?:most|more) (?:read|popular|viewed|shared)"
    r"|trending(?: now| stories)?|editors?['’]?s? picks|further reading|see also|also read"
    r"|more (?:stories|news|from [\w .'’&-]{1,40})|popular (?:now|stories|posts)|what to read next"
    r"|more on this(?: story| topic)?|don['’]?t miss)\s*[:.]?",
    re.I,
)
INLINE_TEASER = re.compile(
    r"(?:read more|related|read next|also read|see also|must read|recommended|more|watch|listen"
    r"|don['’]?t miss|click here)\s*[:|–—-]\s+\S",
    re.I,
)
FURNITURE = re.compile(
    r"(?:advertisement|advertising|sponsored(?: content)?|ad|story continues below(?: advertisement)?)\W*$"
    r"|follow (?:us\W*$|us (?:on|at|for|@)|@\w+"
    r"|[\w .]{1,40} on (?:twitter|facebook|instagram|x|threads|linkedin)\b)"
    r"|(?:share|tweet) (?:this|on|via)\b"
    r"|(?:copyright\s*(?:©|\(c\)|\d{4})|©)"
    r"|(?:click|tap) here\b",
    re.I,
)
NEWSLETTER = re.compile(r"\bnewsletters?\b", re.I)
SIGN_UP = re.compile(r"\b(?:sign(?:ing)? up|subscribe|register|inbox|delivered)\b", re.I)
RIGHTS = re.compile(r"\ball rights reserved\b", re.I)
BYLINE = re.compile(
    r"By\s+((?:[A-Z][\w.'’-]*\s*){2,4}(?:(?:and|&)\s+(?:[A-Z][\w.'’-]*\s*){2,4})?)(?:[,|–—-].{0,60})?$"
)


def _words(text: str) -> int:
    return len(text.split())


def is_furniture(para: str) -> bool:
    """A single line of page furniture: ads, share/follow prompts, newsletter and copyright lines."""
    n = _words(para)
    if n <= 25 and FURNITURE.match(para):
        return True
    if n <= 25 and NEWSLETTER.search(para) and SIGN_UP.search(para) and not re.search(r"[<“”\"]", para):
        return True
    return n <= 30 and bool(RIGHTS.search(para))


def is_code(para: str) -> bool:
    """Stylesheet or script text that leaked into a page copy: braces and semicolons, no prose."""
    if "{" not in para and "}" not in para:
        return False
    marks = sum(para.count(c) for c in "{};:")
    return marks >= 3 and marks >= 0.04 * len(para) and not re.search(r"[“”\"]\w", para)


def is_teaser(para: str) -> bool:
    """A headline or a cut-off summary of another story, the things a related box lists."""
    return (not TERMINAL.search(para) and _words(para) <= 20) or para.rstrip().endswith(("…", "..."))


def _gist(paras: Iterable[str], words: int = 12) -> str:
    """The first words of a cut, paragraphs separated by " / ", for an editor to recognise it."""
    out: list[str] = []
    count = 0
    for para in paras:
        toks = para.split()
        if out and toks:
            out.append("/")
        for tok in toks:
            if count == words:
                return " ".join(out) + " …"
            out.append(tok)
            count += 1
    return " ".join(out)


def trim(paras: list[str]) -> tuple[list[str], list[str]]:
    """Body paragraphs without page furniture, and a short note of each cut.

    The rules look only at whole paragraphs that carry no article prose: section markers such as
    "Must Read" or "Related" with a headline or nothing after them (followed by prose, such a line
    is the article's own subheading), one-line prompts, code. A marker late in the text takes
    everything after it when that tail is small; otherwise only the teasers that follow it go.
    """
    keep: list[str] = []
    cuts: list[str] = []
    total = sum(len(p) for p in paras) or 1
    i = 0
    while i < len(paras):
        para = paras[i]
        tail = paras[i + 1 :]
        if SECTION_MARKER.fullmatch(para.strip()) and (
            not tail or is_teaser(tail[0]) or is_furniture(tail[0])
        ):
            before = sum(len(p) for p in keep)
            if before >= 0.5 * total and sum(len(p) for p in tail) <= 0.35 * total and len(tail) <= 8:
                cuts.append(_gist(paras[i:]))
                break
            j = i + 1
            while j < len(paras) and is_teaser(paras[j]):
                j += 1
            cuts.append(_gist(paras[i:j]))
            i = j
            continue
        if (INLINE_TEASER.match(para) and _words(para) <= 30) or is_furniture(para) or is_code(para):
            j = i + 1
            while j < len(paras) and is_code(para) and is_code(paras[j]):
                j += 1
            cuts.append(_gist(paras[i:j]))
            i = j
            continue
        keep.append(para)
        i += 1
    return keep, cuts


def byline(paras: list[str]) -> tuple[str | None, int | None]:
    """An author line ("By Jane Doe") among the first paragraphs, and where it is."""
    for i, para in enumerate(paras[:3]):
        m = BYLINE.match(para)
        if m and _words(para) <= 14:
            return re.sub(r"\s+", " ", m.group(1)).strip(), i
    return None, None


# --- dates ----------------------------------------------------------------------------------------

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH = r"(?P<mon>[A-Za-z]{3,9})\.?"
DATE_FORMS = (
    re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    re.compile(rf"{_MONTH}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b"),
    re.compile(rf"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<y>(?:19|20)\d\d)\b"),
)
DATELINE_PLACE = re.compile(
    r"(?:[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,3})\s*,?\s*(?:\([^)]{1,30}\)\s*)?[-–—,]{0,2}\s*"
)
DATE_REST = re.compile(
    r"[\s,.|at]*(?:T?\d{1,2}[:.]\d\d(?::\d\d)?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[A-Z]{2,4}|[+-]\d\d:?\d\d)?)?\s*",
    re.I,
)
DATE_LABEL = re.compile(
    r"(?:(?:first\s+)?published|posted|date|dated)?\s*:?\s*(?:on\s+)?(?:[A-Z][a-z]+day,?\s+)?", re.I
)


def _parse_date(text: str, alone: bool = False) -> str | None:
    """The date `text` starts with; with `alone`, only if nothing but a time follows it."""
    for form in DATE_FORMS:
        m = form.match(text)
        if not m:
            continue
        if alone and not DATE_REST.fullmatch(text[m.end() :]):
            continue
        mon = m.groupdict().get("mon")
        month = MONTHS.get(mon.lower()) if mon else int(m.group("m"))
        if not month:
            continue
        try:
            return date(int(m.group("y")), month, int(m.group("d"))).isoformat()
        except ValueError:
            continue
    return None


def dateline(paras: list[str]) -> str | None:
    """The date of a wire dateline ("LONDON 1996-08-30") or a date line near the top."""
    for para in paras[:3]:
        for m in re.finditer(r"[\s,(—–-]\s*(?=\w)", para[:80]):
            if DATELINE_PLACE.fullmatch(para[: m.end()]):
                found = _parse_date(para[m.end() :])
                if found:
                    return found
        label = DATE_LABEL.match(para)
        if label is not None and _words(para) <= 12:
            found = _parse_date(para[label.end() :], alone=True)
            if found:
                return found
    return None


def iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def iso_date(value: Any, path: str, line: int | None) -> str | None:
    """A front matter date as YYYY-MM-DD; anything else is an editor's mistake worth a message."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        found = _parse_date(text)
        if found:
            return found
    raise _fail(path, f"{text!r} is not a date like 2023-11-03", line, "published")


def _text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return iso(value)


# --- read -----------------------------------------------------------------------------------------


def read(path: str | Path, published: str | None = None) -> Article:
    """Read one source file. Raises BriefingsError with the file and the problem."""
    name = str(path)
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise _fail(name, f"unknown format {p.suffix or '(no extension)'!r}: expected .txt, .md or .html")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise _fail(name, f"file too large ({size / 2**20:.1f} MB; the limit is {MAX_BYTES // 2**20} MB)")
        data = p.read_bytes()
    except OSError as exc:
        raise _fail(name, f"cannot read: {exc.strerror or exc}") from None
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise _fail(name, "empty file")
    raw, encoding = decode(data, name)
    text = normalise(raw)
    if not text.strip():
        raise _fail(name, "empty file (no text after decoding)")
    if len(CONTROL.findall(raw)) > 0.05 * len(raw):
        raise _fail(name, "binary file (mostly control characters), not an article")

    kind = sniff(text, suffix)
    meta: dict[str, Any] = {}
    if kind == "html":
        meta, paras = read_html(text, name)
        title = meta.get("title") or ""
        if not title and paras:
            # A page without a title: take a headline-like first block, never a prose paragraph.
            if is_teaser(paras[0]) and not paras[0].endswith(("…", "...")):
                title, paras = paras[0], paras[1:]
            else:
                title = " ".join(paras[0].split()[:12]) + " …"
    elif kind == "md":
        meta, body = split_front_matter(text, name)
        md_blocks = read_markdown(body)
        title = _text(meta.get("title")) or ""
        if md_blocks and md_blocks[0][0] == "heading" and (not title or _same(title, md_blocks[0][1])):
            title, md_blocks = title or md_blocks[0][1], md_blocks[1:]
        paras = [q for k, t in md_blocks for q in ([t.strip()] if k == "heading" else unwrap(t))]
        if not title:
            title, paras = split_title(paras)
    else:
        title, paras = read_text(text)
    if not paras:
        raise _fail(name, "no article text (only a title)" if title else "empty article: no body text")

    paras, trimmed = trim(paras)
    author = _text(meta.get("author"))
    found_author, at = byline(paras)
    if at is not None:
        trimmed.insert(0, _gist([paras[at]]))
        paras = paras[:at] + paras[at + 1 :]
        author = author or found_author
    if not paras:
        raise _fail(name, "no article text left after removing page furniture")

    lines = meta.pop("_lines", {})
    date_key = "published" if meta.get("published") not in (None, "") else "date"
    when = (
        iso_date(meta.get(date_key), name, lines.get(date_key))
        if kind != "html"
        else (iso(meta.get("published")) or None)
    )
    return from_paragraphs(
        name,
        re.sub(r"\s+", " ", title).strip(),
        paras,
        name=_text(meta.get("source") or meta.get("publisher") or meta.get("sitename")),
        url=_text(meta.get("url")),
        author=author,
        published=when or published or dateline(paras),
        trimmed=tuple(trimmed),
        meta={k: v for k, v in meta.items() if v is not None},
        format=kind,
        encoding=encoding,
    )
