"""The layout the redesign asks for: modules of one concept, none over 600 lines, a coder that only orchestrates."""

from __future__ import annotations

import re
from pathlib import Path

import parley

SRC = Path(parley.__file__).parent


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_over_600_lines() -> None:
    too_long = {p.relative_to(SRC).as_posix(): _lines(p) for p in SRC.rglob("*.py") if _lines(p) > 600}
    assert not too_long, too_long


def test_the_coder_only_orchestrates() -> None:
    assert _lines(SRC / "events" / "coder.py") <= 200


def test_syntax_helpers_are_shared_not_borrowed_from_the_coder() -> None:
    """Quotations and the coder's stages read the parse through parley.syntax, not through the coder."""
    for rel in ("quotes.py", "coref.py", "events/arguments.py", "events/recode.py", "events/match.py",
                "events/guards.py", "events/patterns.py", "events/kinds.py", "events/linked.py"):
        assert "parley.events.coder" not in (SRC / rel).read_text(encoding="utf-8"), rel


def test_coreference_reads_subjects_through_syntax() -> None:
    """Who is the subject of a clause is parley.syntax's question (is_subject, grammatical_subject)."""
    text = (SRC / "coref.py").read_text(encoding="utf-8")
    assert "from parley.syntax import" in text and '"nsubj", "nsubjpass"' not in text


def _parley_imports(rel: str) -> set[str]:
    import ast

    tree = ast.parse((SRC / rel).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("parley"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("parley"))
    return found


def test_the_ontology_is_on_the_ground_floor() -> None:
    """CAMEO, roles and regions import only the records and the error catalogue: anything may read them."""
    assert _parley_imports("ontology.py") <= {"parley.errors", "parley.model"}


def test_actors_do_not_import_events() -> None:
    for path in sorted((SRC / "actors").glob("*.py")):
        assert not {m for m in _parley_imports(f"actors/{path.name}") if m.startswith("parley.events")}, path.name


def test_the_coder_doc_lists_every_module_of_events() -> None:
    doc = (SRC.parents[1] / "docs" / "coder.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`((?:events/|parley/)[a-z_]+\.py)`", doc))
    modules = {f"events/{p.name}" for p in (SRC / "events").glob("*.py") if p.name != "__init__.py"}
    assert modules <= listed, modules - listed
    for name in listed:
        assert (SRC / name.removeprefix("parley/")).is_file(), name


def test_doc_state_is_read_through_registered_attributes() -> None:
    """doc._.dateline and doc._.source_text (parley.nlp), not doc.user_data keys spelled out in every stage."""
    readers = [p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py")
               if "user_data" in p.read_text(encoding="utf-8")]
    assert set(readers) == {"nlp.py"}, readers


def test_constants_are_defined_before_the_code_that_uses_them() -> None:
    import ast

    late = []
    for path in [*sorted((SRC / "events").glob("*.py")), SRC / "syntax.py", SRC / "lexicon.py", SRC / "ontology.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defined = {}
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
                node, ast.AnnAssign) else []
            for t in targets:
                if isinstance(t, ast.Name) and t.id.lstrip("_").isupper():
                    defined[t.id] = node.lineno
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                for name in {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}:
                    if defined.get(name, 0) > node.lineno:
                        late.append(f"{path.name}:{node.lineno} {node.name} uses {name}")
    assert not late, late


def test_the_coder_imports_its_dependencies_openly() -> None:
    """No import of a parley module hidden inside a function of events/: the dependencies run one way (events may
    read actors, places and the ontology; nothing below imports events back) and can be seen at the top."""
    import ast

    hidden = []
    for path in sorted((SRC / "events").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                hidden += [f"{path.name}:{n.lineno}" for n in ast.walk(node)
                           if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("parley")]
    assert not hidden, hidden


def test_actor_codes_are_read_by_their_parts_not_sliced() -> None:
    """ActorCode (model.py) says what code[:3] meant: the country; actors/ and events/ use it."""
    sliced = [f"{p.relative_to(SRC)}:{n}" for folder in ("actors", "events") for p in sorted((SRC / folder).glob("*.py"))
              for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
              if re.search(r"\.code\[[-0-9]*:[-0-9]*\]", line)]
    assert not sliced, sliced


def test_tests_mirror_the_package_tree() -> None:
    """Each folder of tests/ is named after a package of src/parley (data/ holds their files), and test file
    names are unique, since the folders have no __init__.py."""
    tests = Path(__file__).resolve().parent
    folders = {p.name for p in tests.iterdir() if p.is_dir() and p.name not in ("data", "__pycache__")}
    assert not {f for f in folders if not (SRC / f).is_dir()}, folders
    names = [p.name for p in tests.rglob("test_*.py")]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
