"""Public pages never show absolute server paths, and the app's icons are bundled (issue 17)."""

from __future__ import annotations

import shutil
from pathlib import Path

from debate_explorer.escape import ZERO_WIDTH_SPACE
from debate_explorer.views.library import public_name
from tests.conftest import SAMPLE, OpenApp, shown_texts


def plain(texts: list[str]) -> str:
    """Shown Markdown as a reader sees it: escapes and invisible break opportunities removed."""
    return "\n".join(texts).replace("\\", "").replace(ZERO_WIDTH_SPACE, "")


def test_error_cards_name_files_relative_to_the_content_folder(tmp_path: Path, open_app: OpenApp) -> None:
    folder = tmp_path / "server-secret-location" / "content"
    (folder / "nested").mkdir(parents=True)
    shutil.copy(SAMPLE, folder)
    (folder / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    (folder / "twin.yaml").write_text(
        SAMPLE.read_text(encoding="utf-8").replace("id: sample-topic", "id: twin")
    )
    shutil.copy(folder / "twin.yaml", folder / "twin.yml")  # the same id twice: the message names the first
    at = open_app("topics", content=folder)
    shown = plain(shown_texts(at))
    assert "Could not load** broken.yaml" in shown
    assert "already used by twin.y" in shown
    assert "server-secret-location" not in shown and str(tmp_path) not in shown


def test_empty_and_missing_folders_do_not_show_server_paths(tmp_path: Path, open_app: OpenApp) -> None:
    empty = tmp_path / "hidden-place" / "topics"
    empty.mkdir(parents=True)
    shown = plain(shown_texts(open_app("topics", content=empty)))
    assert "No topic files in the content folder topics yet." in shown
    assert "hidden-place" not in shown
    missing = plain(shown_texts(open_app("topics", content=tmp_path / "hidden-place" / "gone")))
    assert "cannot read the content folder" in missing and "hidden-place" not in missing
    compare = plain(shown_texts(open_app("compare", content=empty)))
    assert "No topics to show" in compare and "hidden-place" not in compare


def test_public_name() -> None:
    folder = Path("/srv/app/content")
    assert public_name("/srv/app/content/a.yaml", folder) == "a.yaml"
    assert public_name("/srv/app/content/sub/b.yml", folder) == "sub/b.yml"
    assert public_name("/elsewhere/c.yaml", folder) == "c.yaml"


def test_the_tab_icon_is_not_fetched_from_a_font_host() -> None:
    """A `:material/` page icon makes every page load fetch the favicon from an outside font host; an emoji
    is drawn inline. (tests/e2e/test_abusive_browser.py checks every request of a page load.)"""
    from debate_explorer.views.app import PAGE_ICON

    assert not PAGE_ICON.startswith((":", "http", "/"))
