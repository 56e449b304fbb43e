"""Issue 12: /playbooks/, every playbook with filters, counts, sorting and the URL state."""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect

from tests.conftest import add_kb_setting

from .conftest import PHONE, REPO, build, serve

pytestmark = pytest.mark.browser

VISIBLE = "#kb-catalog-list > li:not([hidden])"


@pytest.fixture(scope="module")
def long_site(tmp_path_factory: pytest.TempPathFactory):
    """The real repository with `list_limit: 5`: the page lists the newest five, the
    script adds the other playbooks from /playbooks/catalog.json."""
    root = tmp_path_factory.mktemp("long") / "repo"
    for name in ("hooks", "docs", "playbooks"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    add_kb_setting(root, "list_limit: 5")
    return serve(build(root, root / "site"))


def test_a_long_catalog_reaches_every_playbook_a_page_at_a_time(long_site, page, browser):
    """Without JavaScript: the newest `list_limit`. With it: every playbook is filtered
    and counted, and the list holds one page of matches (`list_limit`) at a time, a
    button adding the next page (2,000 entries in the document took seconds on a phone)."""
    total = len(list((long_site.site / "playbooks").glob("*/index.html")))
    assert total > 10
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(long_site("playbooks/"))
    assert plain.locator("#kb-catalog-list > li").count() == 5
    assert plain.locator("#kb-catalog-partial").is_visible()  # says where the rest are
    assert not plain.locator("#kb-catalog-more").is_visible()  # no button that does nothing
    context.close()

    page.goto(long_site("playbooks/"))
    page.locator("#kb-catalog-form").wait_for()
    more = page.locator("#kb-catalog-more")
    expect(more).to_be_visible()
    assert not page.locator("#kb-catalog-partial").is_visible()
    assert f"{total} 件" in page.locator("#kb-catalog-status").inner_text()
    expect(page.locator("#kb-catalog-list > li")).to_have_count(5)
    assert f"残り {total - 5} 件" in more.inner_text()
    more.click()
    expect(page.locator("#kb-catalog-list > li")).to_have_count(10)
    focused = page.evaluate("document.activeElement.closest('li') && "
                            "[...document.activeElement.closest('ol').children]"
                            ".indexOf(document.activeElement.closest('li'))")
    assert focused == 5  # the keyboard continues at the first new entry
    while more.is_visible():
        more.click()
    expect(page.locator("#kb-catalog-list > li")).to_have_count(total)
    titles = page.locator("#kb-catalog-list h2").all_inner_texts()
    assert len(set(titles)) == total  # every playbook once

    page.goto(long_site("playbooks/?department=hr"))
    page.locator("#kb-catalog-form").wait_for()
    shown = page.locator(VISIBLE)
    expect(shown.first).to_be_visible()
    assert shown.count() <= 5 and all("人事部" in t for t in shown.all_inner_texts())
    href = shown.locator("h2 a").last.evaluate("a => a.href")  # maybe built by the script
    assert href.startswith(long_site.url + "playbooks/")
    page.goto(href)
    assert page.locator("h1").count() == 1


def visible_titles(page) -> list[str]:
    return page.locator(f"{VISIBLE} h2").all_inner_texts()


def test_without_javascript_it_is_a_plain_list_of_every_playbook(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site("playbooks/"))
    count = len([p for p in (site.site / "playbooks").iterdir() if (p / "index.html").is_file()
                 and p.name != "index.html"])
    assert page.locator("#kb-catalog-list > li").count() == count
    assert not page.locator("#kb-catalog-form").is_visible()  # no controls that do nothing
    context.close()


def test_filters_come_from_the_url_and_go_back_into_it(site, page):
    page.goto(site("playbooks/?department=sales&phase=rollout"))
    page.locator("#kb-catalog-form").wait_for()
    assert page.locator("#kb-facet-department").input_value() == "sales"
    titles = visible_titles(page)
    assert titles
    for item in page.locator(VISIBLE).all():
        facts = item.locator("dl").inner_text()
        assert "営業部" in facts and "横展開" in facts
    assert re.search(r"\d+ 件中 \d+ 件を表示", page.locator("#kb-catalog-status").inner_text())

    page.select_option("#kb-facet-phase", "")
    page.select_option("#kb-facet-tools", "claude")  # the tool's key in playbooks/tools.yml
    expect(page).to_have_url(re.compile(r"department=sales.*tools=claude|tools=claude.*department=sales"))
    assert "phase=" not in page.url
    for item in page.locator(VISIBLE).all():
        assert "Claude" in item.inner_text()


def test_each_option_counts_the_playbooks_it_would_show(site, page):
    page.goto(site("playbooks/"))
    page.locator("#kb-catalog-form").wait_for()
    option = page.locator("#kb-facet-department option[value=sales]")
    expected = int(re.search(r"\((\d+)\)", option.inner_text()).group(1))
    page.select_option("#kb-facet-department", "sales")
    assert len(visible_titles(page)) == expected


def test_sort_by_hours_saved_and_text_filter(site, page):
    page.goto(site("playbooks/?sort=hours"))
    page.locator("#kb-catalog-form").wait_for()
    hours = [float(h.replace(",", "").split()[0]) for h in page.locator(
        f"{VISIBLE} dl > div:last-child dd").all_inner_texts() if h[0].isdigit()]
    assert hours == sorted(hours, reverse=True) and len(hours) > 3
    page.fill("#kb-catalog-q", "議事録")
    # replaceState reaches Playwright's page.url a moment later: wait for it, do not race it
    expect(page).to_have_url(re.compile(r"[?&]q=%E8%AD%B0"))
    assert all("議事録" in item.inner_text() for item in page.locator(VISIBLE).all())


def test_unknown_values_in_the_url_are_ignored(site, page):
    page.goto(site("playbooks/?department=%3Cimg%20src%3Dx%3E&sort=evil"))
    page.locator("#kb-catalog-form").wait_for()
    assert page.locator("#kb-facet-department").input_value() == ""
    assert page.locator("#kb-catalog-sort").input_value() == "newest"
    assert page.locator("#kb-catalog-list > li:not([hidden])").count() > 0


def test_keyboard_reaches_every_filter_and_each_has_a_label(site, page):
    page.goto(site("playbooks/"))
    page.locator("#kb-catalog-form").wait_for()
    for select in page.locator("#kb-catalog-form select").all():
        label = page.locator(f"label[for={select.get_attribute('id')}]")
        assert label.inner_text().strip()
    page.focus("#kb-facet-phase")
    page.keyboard.press("ArrowDown")  # a closed select changes value with the arrow keys
    assert page.locator("#kb-facet-phase").input_value() != ""
    assert "phase=" in page.url


def test_catalog_is_first_in_the_nav_and_on_the_home_page(site, page):
    page.goto(site(""))
    links = [t.strip() for t in page.locator(".md-nav--primary .md-nav__link").all_inner_texts()]
    assert links.index("プレイブック一覧") < links.index("目的とスケジュール")  # right after home
    assert page.locator("article a[href$='playbooks/']").first.is_visible()


def test_phone_layout_has_no_horizontal_scroll(site, browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site("playbooks/"))
    page.locator("#kb-catalog-form").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()
