"""管理: deleting asks first, the bundled sample corpus cannot be deleted from the page, and neither a
failed upload nor a deleted document leaves its copy in ``<data_dir>/uploads/``."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from assistant.ingest.uploads import is_bundled
from tests.conftest import CORPUS, PLAN
from tests.web.conftest import ADMIN_TOKEN, Served

POLICY = """十二师职业院校教师技能津贴办法（试行）

第一条 职业院校专业课教师取得高级技能证书的，每月发放技能津贴三百元。
"""


def test_is_bundled_knows_the_configured_corpus_folders(tmp_path: Path) -> None:
    assert is_bundled(CORPUS / "faq" / "faq.yaml", [CORPUS])
    assert is_bundled(str(CORPUS / "policies" / ".." / "faq" / "faq.yaml"), [Path("corpus").resolve()])
    assert not is_bundled(PLAN, [CORPUS])  # the shared plan was ingested, not shipped
    assert not is_bundled(tmp_path / "uploads" / "faq.yaml", [CORPUS])
    assert not is_bundled("", [])


def _choose(page, doc_id: str) -> None:
    page.locator("#admin-doc-choice input").click()
    page.get_by_role("option", name=doc_id).click()


@pytest.mark.browser
def test_delete_asks_first_refuses_bundled_documents_and_leaves_no_upload_copy(
    page, served: Served, tmp_path: Path
) -> None:
    uploads = served.assistant.settings.data_dir / "uploads"
    good = tmp_path / "div12_teacher_skill_allowance.txt"
    good.write_text(POLICY, encoding="utf-8")
    broken = tmp_path / "broken_programs.yaml"
    broken.write_text("programs: [unclosed", encoding="utf-8")

    page.get_by_role("tab", name="管理").click()
    page.locator("#admin-token input").fill(ADMIN_TOKEN)
    page.locator("#admin-login").click()
    page.locator("#admin-files input[type=file]").set_input_files([str(good), str(broken)])
    expect(page.locator("#admin-files")).to_contain_text("broken_programs")
    page.locator("#admin-upload").click()
    expect(page.locator("#admin-upload-summary")).to_contain_text("失败 1 个", timeout=180_000)
    kept = {p.name for p in uploads.iterdir()}
    assert good.name in kept and broken.name not in kept  # the failed copy is gone

    docs = lambda: {d["doc_id"] for d in served.assistant.stats()["docs"]}  # noqa: E731
    _choose(page, "div12_teacher_skill_allowance")
    page.locator("#admin-delete").click()
    confirm = page.locator("#admin-confirm")
    expect(confirm).to_be_visible()
    expect(confirm).to_contain_text("确定要删除《十二师职业院校教师技能津贴办法（试行）》")
    page.locator("#admin-cancel-delete").click()  # one click never deletes
    expect(page.locator("#admin-delete-status")).to_contain_text("已取消")
    expect(confirm).to_be_hidden()
    assert "div12_teacher_skill_allowance" in docs()

    _choose(page, "faq")  # the bundled sample corpus
    page.locator("#admin-delete").click()
    expect(page.locator("#admin-delete-status")).to_contain_text("示例资料")
    expect(page.locator("#admin-delete-status")).to_contain_text("不能在网页上删除")
    expect(confirm).to_be_hidden()
    assert "faq" in docs()
    expect(page.locator("#admin-docs")).to_contain_text("示例资料（受保护）")

    _choose(page, "div12_teacher_skill_allowance")
    page.locator("#admin-delete").click()
    page.locator("#admin-confirm-delete").click()
    expect(page.locator("#admin-delete-status")).to_contain_text("已删除文档《十二师职业院校教师技能津贴办法（试行）》")
    assert "div12_teacher_skill_allowance" not in docs()
    assert not (uploads / good.name).exists()  # the deleted document's copy went with it
