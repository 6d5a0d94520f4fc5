"""Test configuration: Hypothesis profiles chosen by NEWSDOC_HYPOTHESIS_PROFILE.

- ``dev`` (default): quick, for local runs.
- ``ci``: thorough, with many more examples; CI selects it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci",
    max_examples=600,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("NEWSDOC_HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_5034f051d719ed27.txt"


@pytest.fixture
def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()
