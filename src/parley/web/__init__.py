"""The web explorer of the store (``parley serve``): server-rendered pages and a JSON API over a read-only
store, with no JavaScript. Modules: :mod:`~parley.web.app` (the application and its safeguards),
:mod:`~parley.web.pages` and :mod:`~parley.web.api` (the routes), :mod:`~parley.web.params` (reading the
filters), :mod:`~parley.web.db` (pooled read-only connections with a time limit), :mod:`~parley.web.highlight`
(a document's evidence marks), :mod:`~parley.web.chart` (the dyad chart), :mod:`~parley.web.respond` (CSV and
JSON downloads). The SQL is in :mod:`parley.store.browse`.
"""

from parley.web.app import create_app

__all__ = ["create_app"]
