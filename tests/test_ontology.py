"""The ontology tables are complete and consistent."""

from __future__ import annotations

import pytest

from parley.ontology import PLOVER_TYPES, UnknownCode, ontology, plover_for, quad_class_of


def test_every_root_and_about_three_hundred_codes():
    codes = ontology().codes()
    assert {c.code for c in codes if len(c.code) == 2} == {f"{i:02d}" for i in range(1, 21)}
    assert 290 <= len(codes) <= 320


def test_every_code_has_its_parent_and_consistent_fields():
    onto = ontology()
    for c in onto.codes():
        assert -10 <= c.goldstein <= 10
        assert c.root == c.code[:2]
        assert c.quad_class == quad_class_of(c.root)
        if c.parent is not None:
            assert onto.is_code(c.parent), c.code


@pytest.mark.parametrize("code", ["0211", "0214", "1041", "1044", "1821", "1823", "0871", "0874", "2041", "2042"])
def test_four_digit_codes_present(code):
    assert ontology().is_code(code)


@pytest.mark.parametrize("root, quad", [("01", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("13", 3), ("14", 4), ("20", 4)])
def test_quad_classes_follow_gdelt(root, quad):
    assert ontology().get(root).quad_class == quad


@pytest.mark.parametrize("code, value", [("016", -2.0), ("022", 3.2), ("164", -7.0), ("165", -6.5), ("190", -10.0), ("057", 8.0)])
def test_goldstein_values_are_gdelts(code, value):
    assert ontology().get(code).goldstein == value


def test_plover_mapping():
    assert plover_for("010") is None and plover_for("0211") is None  # PLOVER drops CAMEO 01 and 02
    assert plover_for("036").type == "AGREE"
    assert plover_for("190").type == "ASSAULT"
    assert plover_for("1831").mode == "suicide-attack"
    types = {c.plover_type for c in ontology().codes() if c.plover_type}
    assert types <= PLOVER_TYPES and len(types) == 16


def test_unknown_code_is_a_clear_error():
    with pytest.raises(UnknownCode, match="'999' is not a CAMEO event code"):
        ontology().get("999")


def test_roles_and_regions():
    assert ontology().role_name("GOV") == "Government"
    assert ontology().region_name("WST") == "The West"


def test_the_code_tables_the_coder_applies() -> None:
    onto = ontology()
    assert onto.act_kinds()["0841"] == "release"
    codes = onto.kind_codes()
    assert (codes["02"]["release"], codes["03"]["release"], codes["10"]["release"], codes["12"]["release"]) == (
        "0253", "0353", "1053", "1243")
    assert "intelligence" not in codes["12"]  # CAMEO has no rejection of intelligence cooperation
    assert onto.threat_codes()["163"] == "1312"  # an announced embargo is a threat of sanctions
    for table in (onto.act_kinds(), onto.threat_codes()):
        assert all(onto.is_code(c) for c in table)
