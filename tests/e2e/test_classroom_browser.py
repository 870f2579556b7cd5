"""A whole class debate in Chromium: one teacher and three students, each in their own browser context."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, TOPICS

pytestmark = pytest.mark.e2e
DOCS_SHOT = ROOT / "docs" / "classroom-dashboard.png"
STUDENTS = 3
TO_TOP = """() => {
  for (const el of [document.scrollingElement, document.querySelector("[data-testid='stMain']")]) {
    if (el) el.scrollTo(0, 0);
  }
}"""
JOIN_FIELD = "Joining a class debate? Type the code from your teacher"


def wait_idle(page: object) -> None:
    page.wait_for_selector(  # type: ignore[attr-defined]
        "[data-testid='stApp'][data-test-connection-state='CONNECTED'][data-test-script-state='notRunning']"
    )


def metric(page: object, label: str) -> str:
    box = page.locator("[data-testid='stMetric']").filter(has_text=label)  # type: ignore[attr-defined]
    return box.locator("[data-testid='stMetricValue']").inner_text().strip()


def wait_metric(page: object, label: str, value: str) -> None:
    """The dashboard refreshes itself; wait until the count shows ``value``."""
    page.locator("[data-testid='stMetric']").filter(has_text=label).locator(  # type: ignore[attr-defined]
        "[data-testid='stMetricValue']", has_text=re.compile(rf"^{value}$")
    ).wait_for()


def click(page: object, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).click()  # type: ignore[attr-defined]
    wait_idle(page)


def vote(page: object, choice: str) -> None:
    page.get_by_role("radio", name=re.compile(rf"^{choice}")).check(force=True)  # type: ignore[attr-defined]
    wait_idle(page)
    click(page, "Save my vote")
    page.get_by_text("Vote saved").wait_for()  # type: ignore[attr-defined]


def download(page: object, label: str, tmp_path: Path) -> str:
    with page.expect_download() as info:  # type: ignore[attr-defined]
        page.get_by_role("button", name=label).click()  # type: ignore[attr-defined]
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target.read_text(encoding="utf-8")


def test_a_teacher_and_three_students_run_a_class(
    app_server,
    browser,
    tmp_path: Path,
    output_dir: Path,  # type: ignore[no-untyped-def]
) -> None:
    base = app_server(TOPICS)
    contexts = [browser.new_context(viewport={"width": 1280, "height": 1000}) for _ in range(STUDENTS + 1)]
    try:
        teacher, *students = (context.new_page() for context in contexts)
        for page in (teacher, *students):
            page.set_default_timeout(30_000)

        teacher.goto(f"{base}/classroom")
        wait_idle(teacher)
        click(teacher, "Start the class debate")
        teacher.get_by_text("Save your private teacher link now").wait_for()
        teacher.get_by_text(re.compile(r"Join code: [A-Z0-9]{6}")).wait_for()  # drawn after the notice
        code = re.search(r"Join code: ([A-Z0-9]{6})", teacher.locator("[data-testid='stMain']").inner_text())
        assert code, "no join code on the dashboard"
        assert "teacher=" in teacher.url  # the private link is the page's own address

        for student in students:
            student.goto(f"{base}/")
            wait_idle(student)
            student.get_by_label("Joining a class debate? Type the code from your teacher").fill(
                code[1].lower()
            )
            click(student, "Go to the class")
            click(student, "Join")
            student.get_by_text("You are").first.wait_for()
            assert "seat=" in student.url
        for student, choice in zip(students, ["For", "Against", "Undecided"], strict=True):
            vote(student, choice)
        wait_metric(teacher, "Joined", "3")
        wait_metric(teacher, "Voted before", "3")

        click(teacher, "Read and debate")
        for n, student in enumerate(students):
            student.get_by_text(
                "Read, then write a rebuttal"
            ).wait_for()  # the page follows the phase by itself
            student.get_by_label("Your rebuttal").fill(
                f"They say the claim. But rebuttal {n}, because <b>x</b>."
            )
            click(student, "Hand in to your teacher")
            student.get_by_text("Handed in").wait_for()

        click(teacher, "Vote after")
        for student in students:
            student.get_by_text("Vote after the debate").wait_for()
            vote(student, "For")
        wait_metric(teacher, "Voted after", "3")
        click(teacher, "Results")
        teacher.get_by_text("wins").first.wait_for()
        assert "For" in teacher.get_by_text("wins").first.inner_text()
        students[1].get_by_text("wins").first.wait_for()  # students see the result too

        votes = list(csv.DictReader(io.StringIO(download(teacher, "Votes (CSV)", tmp_path))))
        rebuttals = list(csv.DictReader(io.StringIO(download(teacher, "Rebuttals (CSV)", tmp_path))))
        assert len(votes) == 2 * STUDENTS
        assert sorted(v["choice"] for v in votes if v["poll"] == "before") == ["against", "for", "undecided"]
        assert [v["choice"] for v in votes if v["poll"] == "after"] == ["for"] * STUDENTS
        assert len(rebuttals) == STUDENTS and all("<b>x</b>" in r["rebuttal"] for r in rebuttals)
        assert (
            metric(teacher, "Joined"),
            metric(teacher, "Voted before"),
            metric(teacher, "Voted after"),
        ) == (
            "3",
            "3",
            "3",
        )
        assert teacher.locator("[data-testid='stMain'] b").count() == 0  # student text stayed text

        teacher.evaluate(TO_TOP)
        teacher.get_by_text("Class debate: teacher's dashboard").wait_for()
        shot = output_dir / "classroom-dashboard.png"
        teacher.screenshot(path=str(shot), full_page=False)
        if os.environ.get("DEBATE_EXPLORER_UPDATE_DOCS"):
            shutil.copyfile(shot, DOCS_SHOT)
    finally:
        for context in contexts:
            context.close()
