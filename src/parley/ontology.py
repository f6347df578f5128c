"""The CAMEO ontology as data: event codes with Goldstein score and quad class, the PLOVER mapping,
actor role and region codes, and the code tables the coder applies (the kind of act a code is, the code each
verbal root gives each kind, the threat of each act of force). Loaded once, validated on load; errors name the
file and line."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from parley.errors import DictionaryError
from parley.model import Plover

PLOVER_TYPES = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
     "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
)
_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)([0-9]{1,2})?$")


def quad_class_of(root: str) -> int:
    """GDELT's quad class: 01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal conflict,
    14-20 material conflict."""
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    root: str
    quad_class: int
    plover_type: str | None
    plover_mode: str | None

    @property
    def parent(self) -> str | None:
        return None if len(self.code) == 2 else self.code[:-1] if len(self.code) == 4 else self.code[:2]


class UnknownCode(KeyError):
    def __str__(self) -> str:
        return f"'{self.args[0]}' is not a CAMEO event code"


def _rows(name: str, columns: int) -> list[tuple[str, list[str]]]:
    path = resources.files("parley") / "data" / "ontology" / name
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != columns:
            raise DictionaryError(f"ontology/{name}:{number}: expected {columns} tab-separated columns, got {len(cells)}")
        rows.append((f"ontology/{name}:{number}", cells))
    return rows


def _header(name: str) -> list[str]:
    """The column names of a table: its last comment line before the first row ("# kind	02	10...")."""
    path = resources.files("parley") / "data" / "ontology" / name
    header: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            header = line.lstrip("# ").split("\t")
        elif line.strip():
            break
    return header


class Ontology:
    def __init__(self) -> None:
        plover: dict[str, tuple[str, str | None]] = {}
        for where, (code, ptype, mode, _context) in _rows("cameo_plover.tsv", 4):
            if ptype not in PLOVER_TYPES:
                raise DictionaryError(f"{where}: '{ptype}' is not a PLOVER event type")
            plover[code] = (ptype, mode or None)
        self._codes: dict[str, CameoCode] = {}
        for where, (code, name, goldstein, root, quad) in _rows("cameo_events.tsv", 5):
            if not _CODE.match(code) or root != code[:2]:
                raise DictionaryError(f"{where}: '{code}' is not a CAMEO event code with root {root}")
            try:
                score = float(goldstein)
            except ValueError:
                raise DictionaryError(f"{where}: Goldstein score '{goldstein}' is not a number") from None
            if not -10 <= score <= 10:
                raise DictionaryError(f"{where}: Goldstein score {score} is outside -10..10")
            if int(quad) != quad_class_of(root):
                raise DictionaryError(f"{where}: quad class {quad} does not match root {root}")
            ptype, mode = plover.get(code, (None, None))
            self._codes[code] = CameoCode(code, name, score, root, int(quad), ptype, mode)
        for code, info in self._codes.items():
            if info.parent is not None and info.parent not in self._codes:
                raise DictionaryError(f"ontology/cameo_events.tsv: code {code} has no parent {info.parent}")
        for code in plover:
            if code not in self._codes:
                raise DictionaryError(f"ontology/cameo_plover.tsv: {code} is not in cameo_events.tsv")
        self._roles = {c: n for _w, (c, n) in _rows("actor_roles.tsv", 2)}
        self._regions = {c: n for _w, (c, n) in _rows("regions.tsv", 2)}
        self._act_kinds: dict[str, str] = {}
        for where, (prefix, kind) in _rows("act_kinds.tsv", 2):
            self._check_code(where, prefix)
            self._act_kinds[prefix] = kind
        self._kind_codes: dict[str, dict[str, str]] = {}
        header = _header("kind_codes.tsv")
        roots = header[1:]
        for where, (kind, *codes) in _rows("kind_codes.tsv", len(header)):
            for root, code in zip(roots, codes, strict=True):
                if code == "-":
                    continue
                self._check_code(where, code)
                if code[:2] != root:
                    raise DictionaryError(f"{where}: {code} is not a code of root {root}")
                self._kind_codes.setdefault(root, {})[kind] = code
        unknown = set(self._act_kinds.values()) - {k for table in self._kind_codes.values() for k in table}
        if unknown:
            raise DictionaryError(f"ontology/act_kinds.tsv: kinds with no codes in kind_codes.tsv: {sorted(unknown)}")
        self._threat_codes: dict[str, str] = {}
        for where, (prefix, threat) in _rows("threat_codes.tsv", 2):
            self._check_code(where, prefix)
            self._check_code(where, threat)
            self._threat_codes[prefix] = threat

    def _check_code(self, where: str, code: str) -> None:
        if code not in self._codes:
            raise DictionaryError(f"{where}: '{code}' is not a CAMEO event code")

    def get(self, code: str) -> CameoCode:
        try:
            return self._codes[code]
        except KeyError:
            raise UnknownCode(code) from None

    def is_code(self, code: str) -> bool:
        return code in self._codes

    def codes(self) -> list[CameoCode]:
        return list(self._codes.values())

    def children(self, code: str) -> list[CameoCode]:
        return [c for c in self._codes.values() if c.parent == code]

    def role_name(self, code: str) -> str | None:
        return self._roles.get(code)

    def region_name(self, code: str) -> str | None:
        return self._regions.get(code)

    def roles(self) -> dict[str, str]:
        return dict(self._roles)

    def regions(self) -> dict[str, str]:
        return dict(self._regions)

    def act_kinds(self) -> dict[str, str]:
        """The kind of act ("release", "military-aid") of each listed code prefix."""
        return dict(self._act_kinds)

    def kind_codes(self) -> dict[str, dict[str, str]]:
        """For each verbal root (02, 03, 10, 12), the code it gives an act of each kind."""
        return {root: dict(table) for root, table in self._kind_codes.items()}

    def threat_codes(self) -> dict[str, str]:
        """The threat (13x) of an act of force or coercion, by the act's code prefix."""
        return dict(self._threat_codes)


@functools.lru_cache(maxsize=1)
def ontology() -> Ontology:
    return Ontology()


def plover_for(code: str) -> Plover | None:
    """The PLOVER type (and mode) of a CAMEO code, from the code itself or its nearest parent."""
    onto = ontology()
    current: str | None = code
    while current is not None and onto.is_code(current):
        info = onto.get(current)
        if info.plover_type is not None:
            return Plover(info.plover_type, info.plover_mode)
        current = info.parent
    return None


#: codes whose act, done by coordinated actors, is a joint act between them ("Peru and Chile met", "signed an
#: accord", "clashed"): the first-named toward each of the others, the reverse optional (ANNOTATION.md)
RECIPROCAL = ("030", "031", "032", "0356", "036", "039", "040", "041", "044", "045", "046", "050", "057", "06", "190")
NOT_RECIPROCAL = frozenset({"042", "043"})


def reciprocal(cameo: str) -> bool:
    """Whether an act of code ``cameo`` done by coordinated actors is a joint act between them (a meeting, an
    agreement, a clash); a visit, an appeal or an attack is one-way."""
    return cameo not in NOT_RECIPROCAL and any(cameo.startswith(p) for p in RECIPROCAL)
