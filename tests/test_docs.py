"""The README documents every setting, command and option a user can type."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from dateline.serve.cli import main
from dateline.settings import SETTINGS, Settings, load

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_docs_every_setting_is_in_the_readme_table(setting):
    assert f"`DATELINE_{setting.name.upper()}`" in README
    assert f"| {setting.name} |" in README


def test_docs_settings_table_matches_the_settings_object():
    assert [s.name for s in SETTINGS] == list(Settings.__dataclass_fields__)
    assert all(getattr(Settings(), s.name) == s.default for s in SETTINGS)


@pytest.mark.parametrize("name", sorted(main.commands))
def test_docs_every_command_and_option_is_in_the_readme(name):
    command = main.commands[name]
    assert f"dateline {name}" in README
    for param in command.params:
        if isinstance(param, click.Option):
            assert any(opt in README for opt in param.opts), f"{name} {param.opts} undocumented"


def test_docs_readme_opens_with_make_run_and_make_test():
    assert "make run" in README and "make test" in README


def test_settings_environment_overrides_defaults():
    settings = load({"DATELINE_PROCESSES": "2", "DATELINE_PROGRESS": "no", "DATELINE_DB": "x.db"})
    assert settings.processes == 2 and settings.progress is False
    assert settings.db == "sqlite:///x.db"


def test_settings_invalid_value_is_a_coded_error():
    from dateline.errors import DatelineError

    with pytest.raises(DatelineError, match="E009"):
        load({"DATELINE_PROCESSES": "many"})
