"""The spec's examples: every request body and every JSON response has one, and each is a valid instance
of the model it documents, so Swagger UI and generated clients never show something the API would refuse."""

import importlib
import inspect
import json
import pkgutil
from collections.abc import Iterator
from typing import Any

import pytest
from helpers import bearer, make_admin
from pydantic import BaseModel, ValidationError

import shulchan
from shulchan.identity.schemas import TokenPair

REF_PREFIX = "#/components/schemas/"


@pytest.fixture(scope="module")
def spec(shared_app):
    return shared_app.openapi()


@pytest.fixture(scope="module")
def models() -> dict[str, type[BaseModel]]:
    """The project's pydantic models by class name, which is the name FastAPI gives their components."""
    found: dict[str, set[type[BaseModel]]] = {}
    for module_info in pkgutil.walk_packages(shulchan.__path__, "shulchan."):
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if inspect.isclass(value) and issubclass(value, BaseModel) and value.__module__.startswith("shulchan."):
                found.setdefault(value.__name__, set()).add(value)
    ambiguous = {name: classes for name, classes in found.items() if len(classes) > 1}
    assert not ambiguous, f"two models share a name, so components would be renamed: {ambiguous}"
    return {name: classes.pop() for name, classes in found.items()}


def _operations(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            yield f"{method.upper()} {path}", operation


def _component_name(schema: dict[str, Any]) -> str | None:
    """The component a body or response refers to, directly or as the items of an array."""
    ref = schema.get("$ref") or schema.get("items", {}).get("$ref")
    return ref.removeprefix(REF_PREFIX) if ref else None


def _validate(model: type[BaseModel], example: Any, where: str) -> None:
    """As a client would send it: JSON, with ids, dates and enums as strings."""
    try:
        model.model_validate_json(json.dumps(example))
    except ValidationError as exc:
        pytest.fail(f"{where}: the example is not a valid {model.__name__}:\n{exc}")


def _example_components(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, schema in spec["components"]["schemas"].items():
        if "examples" in schema:
            yield name, schema


def test_there_are_examples_to_check(spec):
    """Guards the tests below against passing vacuously."""
    assert len(list(_example_components(spec))) >= 100


def test_every_model_example_is_a_valid_instance_of_its_model(spec, models):
    for name, schema in _example_components(spec):
        assert name in models, f"component {name} has examples but no model of that name was found"
        assert isinstance(schema["examples"], list) and schema["examples"], name
        for index, example in enumerate(schema["examples"]):
            where = f"{name} example {index}"
            assert isinstance(example, dict), where
            # Read models ignore unknown keys, so a misspelt one would otherwise pass unnoticed.
            unknown = set(example) - set(schema["properties"])
            assert not unknown, f"{where} has keys the schema does not: {sorted(unknown)}"
            _validate(models[name], example, where)


def test_every_model_with_examples_has_a_complete_one(spec):
    """Swagger UI shows the first example whole: a complete one documents every field."""
    for name, schema in _example_components(spec):
        properties = set(schema["properties"])
        complete = [example for example in schema["examples"] if set(example) == properties]
        assert complete, f"{name}: no example sets every field ({sorted(properties)})"
        assert set(schema["examples"][0]) == properties, f"{name}: the first example (the one shown) is partial"


def test_field_examples_are_valid_in_a_whole_instance(spec, models):
    """A field's own examples, put into the model's complete example (or, when the model has none, into
    an instance made of the fields' first examples), still make a valid instance."""
    checked = 0
    for name, schema in spec["components"]["schemas"].items():
        field_examples = {
            field: prop["examples"] for field, prop in schema.get("properties", {}).items() if "examples" in prop
        }
        if not field_examples:
            continue
        assert name in models, f"component {name} has field examples but no model of that name was found"
        properties = set(schema["properties"])
        whole = next((e for e in schema.get("examples", []) if set(e) == properties), None)
        if whole is None:
            missing = set(schema.get("required", [])) - set(field_examples)
            assert not missing, f"{name}: required fields {sorted(missing)} have no example to build an instance"
            whole = {field: values[0] for field, values in field_examples.items()}
        for field, values in field_examples.items():
            for value in values:
                _validate(models[name], {**whole, field: value}, f"{name}.{field} example {value!r}")
                checked += 1
    assert checked >= 10


def test_every_request_body_has_an_example(spec):
    for where, operation in _operations(spec):
        body = operation.get("requestBody")
        if body is None:
            continue
        for media_type, content in body["content"].items():
            name = _component_name(content["schema"])
            assert name, f"{where} {media_type}: the body is not a component"
            component = spec["components"]["schemas"][name]
            if media_type == "application/json":
                assert component.get("examples"), f"{where}: request body {name} has no examples"
                assert component.get("additionalProperties") is False, f"{where}: {name} must refuse unknown fields"
            elif media_type == "multipart/form-data":
                # An upload's only example would be a file: the form is its own documentation.
                properties = component["properties"]
                assert [p.get("format") or p.get("contentMediaType") for p in properties.values()] in (
                    ["binary"],
                    ["application/octet-stream"],
                ), f"{where}: a multipart body other than a single file needs an example"
            else:
                assert content.get("examples") or content.get("example"), f"{where} {media_type}: no example"
                for example in content.get("examples", {}).values():
                    assert set(example["value"]) <= set(component["properties"]), where


def test_every_json_response_has_an_example(spec):
    for where, operation in _operations(spec):
        for status, response in operation["responses"].items():
            content = response.get("content", {}).get("application/json")
            if not status.startswith("2") or content is None:
                continue
            name = _component_name(content["schema"])
            assert name, f"{where} {status}: the response is not a component"
            assert spec["components"]["schemas"][name].get("examples"), f"{where} {status}: {name} has no examples"


async def test_the_sign_in_example_signs_in(client, spec):
    """The form example is the demo world's real sign-in: trying it out in Swagger UI works."""
    content = spec["paths"]["/api/v1/auth/token"]["post"]["requestBody"]["content"]
    (example,) = content["application/x-www-form-urlencoded"]["examples"].values()
    response = await client.post("/api/v1/auth/token", data=example["value"])
    assert response.status_code == 200, response.text
    tokens = TokenPair.model_validate(response.json())
    me = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {tokens.access_token}"})
    assert me.status_code == 200, me.text
    assert me.json()["email"] == example["value"]["username"]


async def test_a_request_body_example_works_and_unknown_fields_are_still_refused(client, db, settings, spec):
    """The examples live in the bodies' config, which still forbids extra fields: the example itself is
    accepted by the API, the example plus one unknown field is a 422 naming that field."""
    example = spec["components"]["schemas"]["SectorCreate"]["examples"][0]
    headers = await bearer(db, settings, await make_admin(db))
    await db.commit()
    refused = await client.post("/api/v1/sectors", json={**example, "sneaky": True}, headers=headers)
    assert refused.status_code == 422, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
    problem = refused.json()
    assert problem["code"] == "validation_error"
    assert [(e["loc"], e["type"]) for e in problem["errors"]] == [(["body", "sneaky"], "extra_forbidden")]

    created = await client.post("/api/v1/sectors", json=example, headers=headers)
    assert created.status_code == 201, created.text
    assert {key: created.json()[key] for key in example} == example
