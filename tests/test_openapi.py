"""The committed spec is the app's spec, and every operation documents itself fully."""

import json
from pathlib import Path

import pytest

SPEC_PATH = Path(__file__).resolve().parents[1] / "openapi" / "openapi.json"


@pytest.fixture(scope="module")
def spec(shared_app):
    return shared_app.openapi()


def _operations(spec):
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def test_committed_spec_is_current(spec):
    committed = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    assert committed == spec, "openapi/openapi.json is stale: run `make openapi` and commit it"


def test_every_operation_has_id_tag_and_documented_errors(spec):
    seen_ids = set()
    for path, method, operation in _operations(spec):
        where = f"{method.upper()} {path}"
        assert operation.get("operationId"), where
        assert operation["operationId"] not in seen_ids, f"duplicate operationId at {where}"
        seen_ids.add(operation["operationId"])
        assert operation.get("tags"), where
        errors = {status for status in operation["responses"] if status.startswith(("4", "5"))}
        assert "500" in errors, where
        for status in errors:
            content = operation["responses"][status]["content"]
            assert list(content) == ["application/problem+json"], f"{where} {status}"
        if operation.get("parameters") or operation.get("requestBody"):
            assert "422" in errors, f"{where} takes input but does not document 422"
        if any(p["name"].endswith("_id") and p["in"] == "path" for p in operation.get("parameters", [])):
            assert "404" in errors, f"{where} addresses an object but does not document 404"


def test_protected_operations_declare_the_bearer_scheme(spec):
    schemes = spec["components"]["securitySchemes"]
    assert any(s["type"] == "oauth2" for s in schemes.values())
    assert spec["paths"]["/api/v1/me"]["get"].get("security")


def test_problem_schema_has_code(spec):
    problem = spec["components"]["schemas"]["Problem"]
    assert {"type", "title", "status", "code"} <= set(problem["required"])
    assert "HTTPValidationError" not in spec["components"]["schemas"]
