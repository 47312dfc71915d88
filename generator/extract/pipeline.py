"""Article -> Briefing: actors first, then quotes, dates and questions that refer to them."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .. import names
from ..ingest import Article
from ..model import Briefing, Source
from . import summary, tags
from .actors import extract_actors
from .dates import build_timeline, extract_dates
from .questions import extract_questions
from .quotes import extract_quotes

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..registry import Registry


def briefing_id(article: Article) -> str:
    return names.briefing_id(article.title, article.published)


def extract(article: Article, nlp: Language) -> Briefing:
    return from_doc(article, nlp(article.text), nlp=nlp)


def from_doc(
    article: Article, doc: Doc, nlp: Language | None = None, registry: Registry | None = None
) -> Briefing:
    """`nlp` (the pipeline that made `doc`) lets actors re-read ALL-CAPS headlines; `registry`
    links actors to curated identities (briefings/actors.yaml)."""
    cast = extract_actors(doc, nlp=nlp, registry=registry)
    found_quotes = [replace(q, paragraph=_para(article, q.span)) for q in extract_quotes(doc, cast)]
    exprs = list(extract_dates(doc, article.published_date))
    timeline = [replace(t, paragraph=_para(article, t.span)) for t in build_timeline(doc, exprs, cast)]
    qs = list(extract_questions(doc, cast, article.published_date, timeline))
    text_summary, key_points = summary.summarize(doc, cast, article.title)
    return Briefing(
        id=briefing_id(article),
        title=article.title,
        source=Source(
            file=article.path,
            name=article.name,
            url=article.url,
            author=article.author,
            published=article.published,
            sha256=article.sha256,
            trimmed=article.trimmed,
        ),
        summary=text_summary,
        key_points=key_points,
        tags=tags.extract_tags(doc, cast),
        actors=cast.actors,
        quotes=tuple(found_quotes),
        timeline=tuple(timeline),
        questions=tuple(qs),
    )


def _para(article: Article, span: tuple[int, int] | None) -> int | None:
    return article.paragraph_of(span[0]) if span else None
