"""Rules for every page type the clerks edit: Indonesian help on each field, no raw HTML, no script links."""

import json

import pytest
from django.apps import apps
from django.db.models.base import ModelBase
from django.template import Context, Template
from modelcluster.fields import ParentalKey
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.blocks import RawHTMLBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page


def our_models():
    return [m for m in apps.get_models() if m.__module__.startswith("sites.") and not m._meta.abstract]


def inherited_field_names(model) -> set[str]:
    """Fields that come from Wagtail, Django or taggit base classes: theirs to document, not ours."""
    names = set()
    for base in model.__mro__[1:]:
        if isinstance(base, ModelBase) and hasattr(base, "_meta") and not base.__module__.startswith("sites."):
            names |= {field.name for field in base._meta.get_fields()}
    return names


def editor_fields(model):
    inherited = inherited_field_names(model)
    return [
        field
        for field in model._meta.get_fields()
        if field.concrete
        and field.editable
        and not field.auto_created
        and not isinstance(field, ParentalKey)
        and field.name not in inherited
    ]


def test_every_field_of_our_page_types_has_indonesian_help_text():
    missing = [
        f"{model._meta.label}.{field.name}"
        for model in our_models()
        for field in editor_fields(model)
        if not str(field.help_text or "").strip()
    ]
    assert not missing, "Fields without help_text: " + ", ".join(sorted(missing))


def test_there_are_fields_to_check():
    assert sum(len(editor_fields(model)) for model in our_models()) > 20


def walk_blocks(block, seen=None):
    seen = seen if seen is not None else set()
    if id(block) in seen:
        return
    seen.add(id(block))
    yield block
    for child in getattr(block, "child_blocks", {}).values():
        yield from walk_blocks(child, seen)
    if getattr(block, "child_block", None) is not None:
        yield from walk_blocks(block.child_block, seen)


def test_no_stream_field_offers_raw_html():
    offenders = [
        f"{model._meta.label}.{field.name}"
        for model in our_models()
        for field in model._meta.get_fields()
        if isinstance(field, StreamField)
        for block in walk_blocks(field.stream_block)
        if isinstance(block, RawHTMLBlock)
    ]
    assert not offenders


def link_in_editor(url: str, text: str = "klik di sini") -> str:
    """The Draftail editor's POST value: one paragraph whose text is a link to `url`."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": len(text), "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


def rich_text_field():
    for model in our_models():
        if issubclass(model, Page):
            for field in model._meta.get_fields():
                if isinstance(field, RichTextField):
                    return model, field
    pytest.skip("no page type with rich text yet")


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)"])
def test_a_javascript_link_typed_in_the_editor_is_not_a_link_on_the_site(url):
    _model, field = rich_text_field()
    widget = field.formfield().widget
    assert isinstance(widget, DraftailRichTextArea)
    stored = widget.value_from_datadict({"isi": link_in_editor(url)}, {}, "isi")
    rendered = Template("{% load wagtailcore_tags %}{{ value|richtext }}").render(Context({"value": stored}))
    assert "klik di sini" in rendered
    assert "script:" not in rendered.lower().replace("\t", "")


def test_an_ordinary_link_survives_the_editor():
    _model, field = rich_text_field()
    widget = field.formfield().widget
    stored = widget.value_from_datadict({"isi": link_in_editor("https://tubankab.go.id/")}, {}, "isi")
    assert 'href="https://tubankab.go.id/"' in stored


def test_the_editor_has_no_raw_html_feature():
    _model, field = rich_text_field()
    features = field.formfield().widget.features
    assert not {"html", "raw-html", "code-block"} & set(features)
