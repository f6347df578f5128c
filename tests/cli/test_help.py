"""Help and messages on the command line: every command and option explained, command lists that do not cut
a sentence, flags without a type, --version, and options out of range refused as usage errors."""

from __future__ import annotations

import click
import pytest
import typer
from typer.testing import CliRunner

import parley
from parley.cli import app

runner = CliRunner()


def _commands(group: click.Group, path: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))


COMMANDS = list(_commands(typer.main.get_command(app)))


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"parley {parley.__version__}"


@pytest.mark.parametrize("path, command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_and_option_is_explained(path, command):
    assert command.help and command.short_help, path
    for param in command.params:
        if param.name != "help":
            assert getattr(param, "help", None), f"{' '.join(path)}: {param.name} has no help"
    result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "<bool>" not in result.output and "<list[Path]>" not in result.output.split("Options:")[1]
    assert all(len(line) <= 80 for line in result.output.splitlines())


@pytest.mark.parametrize("path", [(), ("dict",), ("query",), ("corpus",)])
def test_command_lists_do_not_cut_sentences(path):
    result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "80"})
    listing = result.output.split("Commands:")[1]
    assert "..." not in listing, listing


@pytest.mark.parametrize("args, option", [
    (["code", "x.txt", "--processes", "0"], "--processes"),
    (["code", "x.txt", "--max-bytes", "-1"], "--max-bytes"),
    (["code", "x.txt", "--max-chars", "0"], "--max-chars"),
    (["code", "x.txt", "--retries", "-1"], "--retries"),
    (["code", "x.txt", "--timeout", "0"], "--timeout"),
    (["ingest", "x.txt", "--batch-size", "0"], "--batch-size"),
    (["serve", "--workers", "0"], "--workers"),
    (["ingest", "x.txt", "--max-bytes", "-1"], "--max-bytes"),
    (["query", "top-actors", "-n", "0"], "-n"),
    (["bench", "-n", "0"], "--articles"),
    (["bench", "--processes", "0"], "--processes"),
    (["bench", "--batch-size", "0"], "--batch-size"),
])
def test_options_out_of_range_are_usage_errors(args, option):
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "Invalid value" in result.output and option in result.output
