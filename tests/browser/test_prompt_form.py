"""Prompt sheets: the reader fills in a prompt's {{variables}} and copies the result."""

from __future__ import annotations

import re

import pytest

from .conftest import DESKTOP

pytestmark = pytest.mark.browser

SHEET = "playbooks/sales-proposal-email/prompt-sheet/"


@pytest.fixture
def sheet(site, browser):
    if not (site.site / SHEET).is_dir():
        pytest.fail(f"/{SHEET} is gone: point the prompt form tests at another prompt sheet")
    context = browser.new_context(viewport=DESKTOP, locale="ja-JP",
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site(SHEET))
    yield page
    context.close()


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def test_each_prompt_with_variables_gets_a_form(sheet):
    blocks = sheet.locator("div.highlight").filter(has_text=re.compile(r"\{\{.+\}\}"))
    forms = sheet.locator("details.kb-fill")
    assert forms.count() == blocks.count() >= 1
    first = forms.first
    first.locator("summary").click()
    labels = first.locator("label").all_inner_texts()
    assert "顧客企業名" in labels and "商談メモ" in labels
    hint = first.locator("textarea[data-kb-var='顧客企業名']").get_attribute("placeholder")
    assert hint.startswith("例: ")  # from the page's variable table


def test_filled_prompt_is_copied_and_shown(sheet):
    form = sheet.locator("details.kb-fill").first
    form.locator("summary").click()
    form.locator("textarea[data-kb-var='顧客企業名']").fill("株式会社サンプル商事")
    form.locator("textarea[data-kb-var='商談メモ']").fill("・在庫管理の手間を減らしたい\n・来月に決裁")
    form.get_by_role("button", name="入力済みのプロンプトをコピー").click()
    sheet.wait_for_function(
        "() => document.querySelector('.kb-fill-status').textContent.includes('コピーしました')")

    copied = clipboard(sheet)
    assert "株式会社サンプル商事の" in copied and "{{顧客企業名}}" not in copied
    assert "・在庫管理の手間を減らしたい\n・来月に決裁" in copied
    assert "{{自社名}}" in copied  # what the reader left empty stays visible
    block = sheet.locator("div.highlight").first.locator("code")
    assert block.inner_text() == copied  # Material's own copy button copies the same text
    assert "未入力" in form.locator(".kb-fill-status").inner_text()


def sheet_with_a_shared_variable(site_dir) -> tuple[str, str]:
    """A prompt sheet where one variable appears in two prompt blocks, and that variable."""
    for html_file in sorted(site_dir.glob("playbooks/*/prompt-sheet/index.html")):
        blocks = re.findall(r"<pre.*?</pre>", html_file.read_text(encoding="utf-8"), re.S)
        names = [set(re.findall(r"\{\{\s*([^{}<\n]+?)\s*\}\}", b)) for b in blocks]
        for i, first in enumerate(names):
            for other in names[i + 1:]:
                if first & other:
                    path = html_file.parent.relative_to(site_dir).as_posix() + "/"
                    return path, sorted(first & other)[0]
    pytest.fail("no prompt sheet in playbooks/ uses one variable in two prompts")


def test_same_variable_in_two_blocks_is_typed_once(site, sheet):
    path, name = sheet_with_a_shared_variable(site.site)
    sheet.goto(site(path))
    form = sheet.locator("details.kb-fill").filter(has=sheet.locator(f"[data-kb-var='{name}']"))
    form.first.locator("summary").click()
    form.first.locator(f"textarea[data-kb-var='{name}']").fill("共通の値")
    assert form.last.locator(f"textarea[data-kb-var='{name}']").input_value() == "共通の値"
    filled = sheet.locator("div.highlight").filter(has_text="共通の値")
    assert filled.count() >= 2


def test_clear_restores_the_variables(sheet):
    form = sheet.locator("details.kb-fill").first
    form.locator("summary").click()
    form.locator("textarea").first.fill("何か")
    form.get_by_role("button", name="入力を消す").click()
    assert "何か" not in sheet.locator("div.highlight").first.inner_text()


def test_without_javascript_the_plain_prompt_is_there(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site(SHEET))
    assert page.locator("details.kb-fill").count() == 0
    assert "{{顧客企業名}}" in page.locator("div.highlight").first.inner_text()
    context.close()


def test_the_form_comes_back_after_instant_navigation(site, browser):
    """With Material's navigation.instant the page is swapped, not loaded: document$."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site(SHEET.replace("prompt-sheet/", "")))
    page.evaluate("document$.next(document)")  # what instant navigation emits
    page.goto(site(SHEET))
    page.evaluate("document$.next(document)")  # a second emission must not add a second form
    blocks = page.locator("div.highlight").filter(has_text=re.compile(r"\{\{.+\}\}"))
    assert page.locator("details.kb-fill").count() == blocks.count()
    context.close()
