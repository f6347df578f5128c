"""In-document coreference: pronouns and descriptions back to the last compatible actor."""

from __future__ import annotations

import pytest


def sources(coded):
    return {(e.source.code if e.source else None, e.root) for e in coded.events}


@pytest.mark.parametrize(
    "text, source, root",
    [
        ("The European Union said it imposed sanctions on Belarus.", "EUR", "16"),
        ("Hungary blocked the plan. It also criticised Ukraine.", "HUN", "11"),
    ],
)
def test_it_refers_to_the_last_country_or_organisation(code_text, text, source, root):
    assert (source, root) in sources(code_text(text))


def test_impersonal_it_is_no_actor(code_text):
    coded = code_text("Egypt hosted the talks. It is unclear whether Qatar will attend.")
    assert not any(m.text == "It" for m in coded.mentions)


def test_description_and_pronoun_refer_to_the_person(code_text):
    text = ("Kenyan President William Ruto arrived in Addis Ababa on Monday. "
            "The president praised Ethiopia for its mediation. He later met officials of the African Union.")
    coded = code_text(text)
    refs = [m for m in coded.mentions if m.text in ("president", "He")]
    assert refs and all(m.code == "KENGOV" and m.name == "William Ruto" for m in refs)
    assert len({m.entity for m in coded.mentions if m.name == "William Ruto"}) == 1
    assert ("KENGOV", "05") in sources(coded)
