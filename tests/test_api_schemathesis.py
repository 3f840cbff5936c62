"""Schemathesis against the running service's /openapi.json: no server errors, no off-schema responses.

Bounded and deterministic: a fixed number of examples per operation and generation mode, Hypothesis
derandomised, no example database. POST /admin/reindex is skipped (each call spawns an ingest).
The server is a dedicated `assistant serve` whose output is drained continuously: a few hundred
access-log lines would fill an unread pipe and block the process.
"""

from __future__ import annotations

import contextlib
import shutil
import time
from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tests.conftest import make_settings, start_api
from tests.test_api_contract import Drained

EXAMPLES = 30  # per operation and generation mode
SKIP = {("POST", "/admin/reindex")}
CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]


@pytest.fixture(scope="module")
def fuzz_server(ingested, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(ingested.corpus_dir, tmp / "corpus")
    shutil.copytree(ingested.data_dir, tmp / "data")
    proc, url = start_api(make_settings(tmp))
    server = Drained(proc, url)
    yield server
    server.stop()


def fuzz(op, mode, *, url: str, cases: Counter, statuses: Counter, failures: dict) -> None:
    label = f"{op.label} [{mode.value}]"

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=op.as_strategy(generation_mode=mode))
    def run(case):
        cases[label] += 1
        response = case.call(base_url=url, timeout=30)
        statuses[response.status_code] += 1
        try:
            case.validate_response(response, checks=CHECKS)
        except (
            Exception,
            BaseExceptionGroup,
        ) as exc:  # failures come as groups; collect every finding instead of stopping at the first
            failures.setdefault(
                f"{label} {type(exc).__name__}",
                f"{str(exc)[:1500]}\n{case.as_curl_command()[:500]}",
            )

    # Unsatisfiable: nothing to make invalid (a negative case for an operation without inputs).
    with contextlib.suppress(Unsatisfiable):
        run()


def test_schemathesis_finds_no_server_errors_or_schema_violations(fuzz_server):
    url = fuzz_server.url
    schema = schemathesis.openapi.from_url(f"{url}/openapi.json", timeout=30)
    operations = [result.ok() for result in schema.get_all_operations()]
    operations = [op for op in operations if (op.method.upper(), op.path) not in SKIP]
    assert len(operations) >= 12, [op.label for op in operations]

    cases: Counter[str] = Counter()
    statuses: Counter[int] = Counter()
    failures: dict[str, str] = {}
    started = time.monotonic()
    for op in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            fuzz(op, mode, url=url, cases=cases, statuses=statuses, failures=failures)
    took = time.monotonic() - started
    total = sum(cases.values())
    print(
        f"\nschemathesis: {total} cases over {len(operations)} operations in {took:.1f}s; "
        f"statuses {dict(sorted(statuses.items()))}"
    )
    for label, n in sorted(cases.items()):
        print(f"  {n:3d}  {label}")
    assert statuses, "no request was sent"
    assert not [s for s in statuses if s >= 500], failures
    assert not failures, "\n\n".join(f"{k}\n{v}" for k, v in failures.items())
    assert fuzz_server.proc.poll() is None
