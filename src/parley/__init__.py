"""parley: political news in, coded events, quotations and actors out."""

from parley.model import (
    ActorRef,
    CodedDocument,
    Document,
    Event,
    Location,
    Mention,
    Plover,
    Quote,
    Span,
)

__version__ = "0.1.0"

__all__ = [
    "ActorRef",
    "CodedDocument",
    "Document",
    "Event",
    "Location",
    "Mention",
    "Plover",
    "Quote",
    "Span",
    "__version__",
    "code",
    "pipeline",
]


def code(text: str, published=None, **options):  # type: ignore[no-untyped-def]
    """Code one article; see :func:`parley.pipeline.code`."""
    from parley.pipeline import code as _code

    return _code(text, published=published, **options)


def pipeline(documents, **options):  # type: ignore[no-untyped-def]
    """Code an iterable of documents; see :func:`parley.pipeline.pipeline`."""
    from parley.pipeline import pipeline as _pipeline

    return _pipeline(documents, **options)
