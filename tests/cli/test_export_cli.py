"""`cio-desk export`: success and error paths, one line on failure."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from cio_desk.cli import main
from cio_desk.services.stakeholders import StakeholderData
from cio_desk.workspace import Workspace


def test_export_writes_a_pdf_and_saves_a_version(
    ws: Workspace, workspace_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws.stakeholders.add(StakeholderData(name="Li Wei"))
    ws.close()
    out = tmp_path / "plan.pdf"
    code = main(
        ["export", "--workspace", str(workspace_path), "--out", str(out), "--profile", "coach",
         "--label", "For the coach"]
    )  # fmt: skip
    assert code == 0
    assert "saved as Version 1 (For the coach)" in capsys.readouterr().out
    assert "Coach review version" in PdfReader(out).pages[0].extract_text()
    with Workspace.open(workspace_path) as reopened:
        assert [v.title for v in reopened.versions.list()] == ["Version 1 (For the coach)"]


def test_no_version_and_an_empty_plan_are_fine(
    blank_ws: Workspace, workspace_path: Path, tmp_path: Path
) -> None:
    blank_ws.close()
    out = tmp_path / "empty.pdf"
    code = main(["export", "--workspace", str(workspace_path), "--out", str(out), "--no-version"])
    assert code == 0 and out.stat().st_size > 0
    with Workspace.open(workspace_path) as reopened:
        assert reopened.versions.list() == []


def test_no_version_exports_while_the_app_has_the_workspace_open(
    ws: Workspace, workspace_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws.stakeholders.add(StakeholderData(name="王伟"))  # `ws` stays open, as in the app
    out = tmp_path / "plan.pdf"

    code = main(["export", "--workspace", str(workspace_path), "--out", str(out), "--no-version"])

    assert code == 0 and "Exported" in capsys.readouterr().out
    assert ws.versions.list() == []
    frozen = main(["export", "--workspace", str(workspace_path), "--out", str(out)])
    assert frozen == 1 and "open in another" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("out_name", "message"),
    [
        ("missing-folder/plan.pdf", "Cannot write"),
        ("plan.docx", "the file name must end in .pdf"),
    ],
)
def test_bad_output_is_one_line_and_a_non_zero_exit(
    ws: Workspace,
    workspace_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    out_name: str,
    message: str,
) -> None:
    ws.close()
    code = main(["export", "--workspace", str(workspace_path), "--out", str(tmp_path / out_name)])
    err = capsys.readouterr().err
    assert code == 1
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_missing_workspace_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["export", "--workspace", str(tmp_path / "nope.ciodesk"), "--out", str(tmp_path / "p.pdf")]
    )
    assert code == 1
    assert "There is no workspace" in capsys.readouterr().err
    assert not (tmp_path / "p.pdf").exists()
