"""Import PETRARCH/TABARI dictionaries into parley's own formats (``parley dict import``).

This is a reader for the public *format* of those files; it ships no dictionary content.

Actor dictionaries (``.actors``, PETRARCH ``*.actors.txt``) and agent dictionaries become parley actor TSV
(``code  kind  names  start  end  note``, see docs/actors.md)::

    BARACK_OBAMA_                 ->  USAELI  person  Barack Obama|President Obama          2009-01-19
    +PRESIDENT_OBAMA_                 USAGOV  person  Barack Obama|President Obama  2009-01-20  2017-01-20
        [USAELI]                      USAELI  person  Barack Obama|President Obama  2017-01-21
        [USAGOV 090120-170120]
    KREMLIN_  [RUSGOV]            ->  RUSGOV  institution  Kremlin
    FOREIGN_MINISTER [~GOV]       ->  GOV     role  foreign minister

Verb dictionaries (TABARI ``.verbs``, PETRARCH ``--- NAME [CODE] ---`` blocks) become parley pattern lines
(``CAMEO  ID  PATTERN``, see docs/patterns.md) where a TABARI pattern has a parley equivalent: the verb
alone with its object as target, verb + preposition/particle + target, verb + object noun (or synonym set)
with an optional preposition and target. Everything else is counted and reported with ``file:line``.

Library functions raise :class:`parley.errors.DictionaryError` for files that cannot be read at all
(missing, a folder, binary); every other problem becomes a warning ``file:line: message`` in the
:class:`ImportResult`, and the line or entry concerned is skipped.
"""

from parley.formats.petrarch.actors import (
    ACTOR_KINDS,
    AGENT_KINDS,
    import_actors,
    parse_date,
    parse_restriction,
    proper_names,
)
from parley.formats.petrarch.common import ImportResult, write, write_actors, write_verbs
from parley.formats.petrarch.verbs import import_verbs

__all__ = [
    "ACTOR_KINDS",
    "AGENT_KINDS",
    "ImportResult",
    "import_actors",
    "import_verbs",
    "parse_date",
    "parse_restriction",
    "proper_names",
    "write",
    "write_actors",
    "write_verbs",
]
