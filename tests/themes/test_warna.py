"""Brand colours: a colour that would make the desa's own site hard to read is refused, with a darker suggestion."""

import pytest
from django.core.exceptions import ValidationError

from sites.tampilan.warna import AA_NORMAL, SURFACE, contrast, normalise, palette, validate_brand_colour


def test_contrast_matches_wcag_reference_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the lightest grey AA allows on white


@pytest.mark.parametrize("typed", ["#1A5C3A", "1a5c3a", " #1a5c3a ", "#1A5C3A"])
def test_colour_codes_are_accepted_the_way_people_type_them(typed):
    assert normalise(typed) == "#1a5c3a"


def test_three_digit_codes_are_expanded():
    assert normalise("#a5c") == "#aa55cc"


@pytest.mark.parametrize("typed", ["hijau", "#12345", "#gggggg", "rgb(0,0,0)"])
def test_something_that_is_no_colour_is_refused_in_indonesian(typed):
    with pytest.raises(ValidationError) as caught:
        normalise(typed)
    assert "bukan kode warna" in caught.value.messages[0]


def test_a_light_colour_is_refused_with_a_darker_suggestion_that_passes():
    with pytest.raises(ValidationError) as caught:
        validate_brand_colour("#7fd17f")  # light green: white text on it is unreadable
    message = caught.value.messages[0]
    assert "terlalu terang" in message and "4,5:1" in message
    suggestion = message.split("misalnya ")[1][:7]
    validate_brand_colour(suggestion)  # the suggestion itself is accepted
    assert contrast(suggestion, SURFACE) >= AA_NORMAL


def test_a_dark_enough_colour_and_an_empty_one_are_accepted():
    validate_brand_colour("#1a5c3a")
    validate_brand_colour("")


@pytest.mark.parametrize("colour", ["#1a5c3a", "#4338ca", "#7a1f1f", "#ffcc00", "#ffffff", "#0000ff"])
def test_every_derived_shade_keeps_text_readable(colour):
    shades = palette(colour)
    assert contrast(shades["--brand"], "#ffffff") >= AA_NORMAL  # white text on brand
    assert contrast(shades["--brand-dark"], "#ffffff") >= AA_NORMAL  # white text on the dark band
    assert contrast(shades["--brand"], shades["--brand-soft"]) >= AA_NORMAL  # brand text on the tint


def test_every_suggested_colour_in_the_admin_passes_the_check():
    from sites.tampilan.models import SARAN_WARNA

    for code, _name in SARAN_WARNA:
        validate_brand_colour(code)
