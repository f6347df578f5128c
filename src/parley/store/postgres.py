"""A shared store on a PostgreSQL server, chosen by a ``postgresql://`` URL. Messages never show the password."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from parley import errors
from parley.store.base import Store


class PostgresStore(Store):
    param = "%s"

    def __init__(self, url: str, *, create: bool = True, read_only: bool = False) -> None:
        """Connect to ``url``; without ``create`` a database (schema) without parley's tables is a StoreError
        and nothing is created in it. ``read_only`` makes every transaction of the session read-only."""
        super().__init__()
        import psycopg

        self.url = redact(url)
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise errors.StoreError(f"{self.url}: cannot connect to PostgreSQL ({exc})") from None
        self.read_only = read_only
        if read_only:
            self._execute("SET default_transaction_read_only = on")
        self._open(create)

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql, _text_values(params) if params else None)

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(sql, [_text_values(r) for r in rows])

    def _begin(self) -> None:
        self._execute("BEGIN")


def _text_values(values: Sequence[Any]) -> list[Any]:
    """The values with every NUL character of a string replaced by U+FFFD: PostgreSQL's text cannot hold NUL
    (a title or an evidence sentence read from a JSON ``\\u0000``), and one such value failed the whole batch.
    One character for one, so offsets stay right; DuckDB stores NUL as it is."""
    return [v.replace("\x00", "\ufffd") if isinstance(v, str) and "\x00" in v else v for v in values]


def redact(url: str) -> str:
    """The URL with its password replaced by ``***``."""
    if "@" in url and ":" in url.split("@")[0].split("//")[-1]:
        scheme, rest = url.split("//", 1)
        creds, host = rest.split("@", 1)
        return f"{scheme}//{creds.split(':')[0]}:***@{host}"
    return url


__all__ = ["PostgresStore", "redact"]
