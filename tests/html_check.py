"""html-validate (the W3C rules, `.htmlvalidate.cjs`) over many pages at once, in one Node
process: used by the link crawl (tests/crawl/) and by every browser journey (tests/e2e/), so
every page either reaches is checked."""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HTML_VALIDATE = ROOT / "node_modules" / ".bin" / "html-validate"


def html_problems(documents: list[tuple[str, str]]) -> list[str]:
    """`documents` are (label, html) pairs; the answer is one line per problem, labelled."""
    if not documents:
        return []
    if shutil.which("node") is None or not HTML_VALIDATE.exists():
        pytest.fail("html-validate is not installed: run `npm ci`")
    # A directory of our own: pytest's shared tmp_path "current" links race between runs.
    directory = Path(tempfile.mkdtemp(prefix="pahub-html-"))
    try:
        return validate_directory(documents, directory)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def validate_directory(documents: list[tuple[str, str]], directory: Path) -> list[str]:
    names = {}
    for number, (label, html) in enumerate(documents):
        name = f"page-{number:03}.html"
        (directory / name).write_text(html)
        names[name] = label
    report = directory / "report.json"
    run = subprocess.run(
        [
            str(HTML_VALIDATE),
            # Named, since it is otherwise looked for beside each file.
            "--config",
            str(ROOT / ".htmlvalidate.cjs"),
            "--formatter",
            f"json={report}",
            *sorted(str(directory / name) for name in names),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if run.returncode == 0:
        return []
    if not report.exists():
        return [run.stderr or run.stdout]
    problems = []
    for result in json.loads(report.read_text()):
        label = names.get(Path(result["filePath"]).name, result["filePath"])
        for message in result["messages"]:
            problems.append(f"{label}:{message['line']}: {message['ruleId']}: {message['message']}")
    return problems
