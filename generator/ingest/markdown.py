"""Markdown sources: YAML front matter (metadata, with line numbers for errors), and the body's
words without the Markdown syntax, as headings and text blocks."""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..errors import BriefingsError
from ..safety import check_yaml
from .article import fail
from .metadata import text_value
from .paragraphs import same_words, split_title, unwrap

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""`yaml.safe_load` with libyaml's parser, which `check_yaml` has already run over the text."""
FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n(.*?)\n?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str]:
    m = FRONT_MATTER.match(text)
    if not m:
        if re.match(r"\A\s*---[ \t]*\n", text):
            raise fail(
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
        raise fail(path, message, line, "front matter") from None
    try:
        meta = yaml.load(m.group(1), Loader=_SAFE_LOADER) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + offset if mark is not None else offset
        why = getattr(exc, "problem", None) or "invalid syntax"
        raise fail(path, f"not valid YAML ({why})", line, "front matter") from None
    if not isinstance(meta, dict):
        raise fail(path, "must be a mapping of keys to values", offset, "front matter")
    meta = {str(k): v for k, v in meta.items()}
    meta["_lines"] = {k: _key_line(m.group(1), k) + offset for k in meta}
    return meta, text[m.end() :]


def _key_line(block: str, key: str) -> int:
    for i, line in enumerate(block.split("\n")):
        if re.match(rf"\s*['\"]?{re.escape(key)}['\"]?\s*:", line):
            return i
    return 0


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


def read_md(text: str, path: str) -> tuple[dict[str, Any], str, list[str]]:
    """Metadata, title and paragraphs of a Markdown file; the title is the front matter's or the
    first heading (dropped from the body when it repeats the front matter's)."""
    meta, body = split_front_matter(text, path)
    md_blocks = read_markdown(body)
    title = text_value(meta.get("title")) or ""
    if md_blocks and md_blocks[0][0] == "heading" and (not title or same_words(title, md_blocks[0][1])):
        title, md_blocks = title or md_blocks[0][1], md_blocks[1:]
    paras = [q for k, t in md_blocks for q in ([t.strip()] if k == "heading" else unwrap(t))]
    if not title:
        title, paras = split_title(paras)
    return meta, title, paras
