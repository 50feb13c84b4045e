"""Every command the README shows is run here, as a newcomer would run it, so the
README cannot go stale: a fresh home directory, `cscs demo`, then each `cscs …` line of
its shell blocks (in order, from a scratch folder that has the repository's `queries/`
and `ontology/`), its Python block, and the explanation it prints, compared line by line
with what the command really prints.

The two setup lines (venv + pip) are what CI itself runs; `cscs serve` is started on a
free port and asked for its home page, then stopped.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

ROOT = Path(__file__).resolve().parents[1]
REALDATA = ROOT.parent / "shared" / "realdata"
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)


def blocks(language: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(README) if lang == language]


def shell_commands() -> list[str]:
    """The `cscs …` lines of the README's sh blocks (comments after `#` dropped)."""
    lines = [line.split("  #")[0].strip() for body in blocks("sh") for line in body.splitlines()]
    return [line for line in lines if line.startswith("cscs ")]


def shown_explanation() -> tuple[str, list[str]]:
    """The README's example explanation: the command after `$ ` and the lines shown."""
    for body in blocks(""):
        if body.startswith("$ cscs explain"):
            first, *rest = body.splitlines()
            return first[2:], rest
    raise AssertionError("the README shows no `$ cscs explain` output")


@pytest.fixture(scope="module")
def newcomer(tmp_path_factory) -> dict:
    """A fresh home with the demo run in it, and a scratch folder to run commands from."""
    home = tmp_path_factory.mktemp("home")
    work = tmp_path_factory.mktemp("work")
    for name in ("queries", "ontology"):
        (work / name).symlink_to(ROOT / name)
    if REALDATA.is_dir():
        (work.parent / "shared").mkdir(exist_ok=True)
        shared = work.parent / "shared" / "realdata"
        if not shared.exists():
            shared.symlink_to(REALDATA)
    env = {k: v for k, v in os.environ.items() if k not in {"XDG_DATA_HOME", "CSCS_STORE"}}
    env["HOME"] = str(home)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    demo = subprocess.run(["cscs", "demo"], cwd=work, env=env, capture_output=True, text=True, timeout=600)
    assert demo.returncode == 0, demo.stdout[-2000:] + demo.stderr[-2000:]
    return {"home": home, "work": work, "env": env, "demo": demo.stdout}


def run(newcomer: dict, command: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", command], cwd=newcomer["work"], env=newcomer["env"],
                          capture_output=True, text=True, timeout=timeout)


def test_the_readme_shows_the_two_commands_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    setup = blocks("sh")[:2]
    assert setup[0].strip().endswith("cscs demo")
    assert setup[1].strip() in ci


def test_the_demo_says_where_its_corpus_is(newcomer) -> None:
    corpus = newcomer["home"] / ".local/share/cscs/demo-corpus-200-7"
    assert str(corpus) in newcomer["demo"] and corpus.is_dir()


def test_every_cscs_command_of_the_readme_runs(newcomer) -> None:
    commands = shell_commands()
    assert len(commands) >= 10
    for command in commands:
        if command in {"cscs demo"} or command.startswith("cscs serve"):
            continue  # the fixture ran the demo; serving is the next test
        if "../shared/" in command and not REALDATA.is_dir():
            continue
        done = run(newcomer, command)
        assert done.returncode == 0, f"{command}\n{done.stdout[-1500:]}\n{done.stderr[-1500:]}"
        assert "Traceback" not in done.stderr, command
    assert (newcomer["work"] / "scores.csv").read_text(encoding="utf-8").startswith("firm,name,identifier,total")
    restored = run(newcomer, "cscs ingest ~/.local/share/cscs/demo-corpus-200-7")  # the README ends with a retraction
    assert restored.returncode == 0 and "added" in restored.stdout, restored.stdout[-500:]


def test_the_explanation_shown_is_the_one_printed(newcomer) -> None:
    command, shown = shown_explanation()
    printed = run(newcomer, command).stdout.splitlines()
    at = 0
    for line in shown:
        if line == "...":
            continue
        while at < len(printed) and printed[at].rstrip() != line.rstrip():
            at += 1
        assert at < len(printed), f"the README shows a line `{command}` does not print (in order): {line!r}"
        at += 1


def test_the_python_example_runs(newcomer) -> None:
    (code,) = blocks("python")
    done = subprocess.run([sys.executable, "-c", code], cwd=newcomer["work"], env=newcomer["env"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "91330183287500474A 585 poor" in done.stdout
    assert done.stdout.splitlines()[-1] == "585"


def test_cscs_serve_answers(newcomer) -> None:
    from cscs.sample.loopback import free_port, stop, wait_until_answering

    (serve,) = [c for c in shell_commands() if c.startswith("cscs serve")]
    port = free_port()
    server = subprocess.Popen(["bash", "-c", f"exec {serve} --port {port}"], cwd=newcomer["work"],
                              env=newcomer["env"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert wait_until_answering(f"http://127.0.0.1:{port}/", server, 120), server.stderr
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/search?q=" + quote("杭州合明")) as reply:
            assert "91330183287500474A" in reply.read().decode("utf-8")
    finally:
        stop(server)


def test_the_readme_links_only_to_files_that_exist() -> None:
    for target in re.findall(r"\]\(([^)#]+)\)", README):
        if not target.startswith("http"):
            assert (ROOT / target).exists(), target
