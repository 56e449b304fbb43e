"""sensitive-data: every way of hiding a value from a pattern, and the masked finding.

Each row writes one file into the minimal fixture and expects one finding: the file,
the line, and the value as the finding shows it (masked). The full value must appear in
no finding. Office files and PDFs are built here, byte by byte (no committed binaries).
"""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from playbook_kb import check
from playbook_kb.check.detectors import find
from playbook_kb.check.normalize import for_scan
from playbook_kb.i18n import text as i18n_text
from playbook_kb.tools.cli import main
from tests.security import documents

from .conftest import build_site, make_repo

PB = "playbooks/sales-email"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def write(root: Path, name: str, data: str | bytes) -> None:
    path = root / PB / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def office(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name, xml in members.items():
            archive.writestr(name, xml)
    return buffer.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_runs(*runs: str, member: str = "word/document.xml") -> bytes:
    body = "".join(f"<w:r><w:rPr><w:b/></w:rPr><w:t>{r}</w:t></w:r><w:proofErr/>" for r in runs)
    return office({member: f"<w:document {W}><w:body><w:p>{body}</w:p></w:body></w:document>"})


def pdf(text: str) -> bytes:
    """A one-page PDF whose page shows `text` (ASCII) in Helvetica."""
    return documents.pdf(text)


Case = tuple[str, Callable[[Path], None], str, int, str]

# (what, write it, file, line, the masked value the finding shows)
CASES: list[Case] = [
    ("entities", lambda r: write(r, "samples/a.md", "# 例\n\n携帯 &#48;90&#45;1234&#x2d;5678\n"),
     "samples/a.md", 3, "090-****-5678"),
    ("named entity in an address", lambda r: write(r, "samples/a.md", "taro&commat;corp.co.jp\n"),
     "samples/a.md", 1, "t***@corp.co.jp"),
    ("percent-encoding", lambda r: write(r, "samples/a.md", "[mail](mailto:taro%40corp.co.jp)\n"),
     "samples/a.md", 1, "t***@corp.co.jp"),
    ("markup inside the value", lambda r: write(r, "samples/a.md", "x\n090-<b>1234</b>-5678\n"),
     "samples/a.md", 2, "090-****-5678"),
    ("Markdown emphasis inside", lambda r: write(r, "samples/a.md", "090-**1234**-5678\n"),
     "samples/a.md", 1, "090-****-5678"),
    ("zero-width inside a number", lambda r: write(r, "samples/a.md", "0\u200b90-12\u200d34-5678\n"),
     "samples/a.md", 1, "090-****-5678"),
    ("zero-width inside a key", lambda r: write(r, "prompt-sheet.md", "\nsk-proj-Q8\u200bxZ3kLmN0pQ7rS2tU5vW8yWa2\n"),
     "prompt-sheet.md", 2, "sk-proj-Q8…Wa2"),
    ("soft hyphen in an address", lambda r: write(r, "samples/a.md", "ta\u00adro@corp.co.jp\n"),
     "samples/a.md", 1, "t***@corp.co.jp"),
    ("spaces in a number", lambda r: write(r, "samples/a.md", "090 1234 5678\n"),
     "samples/a.md", 1, "090 **** 5678"),
    ("dots in a number", lambda r: write(r, "samples/a.md", "03.1234.5678\n"),
     "samples/a.md", 1, "03.****.5678"),
    ("parentheses in a number", lambda r: write(r, "samples/a.md", "(03) 1234-5678\n"),
     "samples/a.md", 1, "(03) ****-5678"),
    ("full-width parentheses", lambda r: write(r, "samples/a.md", "０３（１２３４）５６７８\n"),
     "samples/a.md", 1, "03(****)5678"),
    ("katakana long mark as dash", lambda r: write(r, "samples/a.md", "090ー1234ー5678\n"),
     "samples/a.md", 1, "090ー****ー5678"),
    ("minus sign as dash", lambda r: write(r, "samples/a.md", "090−1234−5678\n"),
     "samples/a.md", 1, "090−****−5678"),
    ("en dash as dash", lambda r: write(r, "samples/a.md", "090–1234–5678\n"),
     "samples/a.md", 1, "090–****–5678"),
    ("one digit at a time", lambda r: write(r, "samples/a.md", "0 9 0 1 2 3 4 5 6 7 8\n"),
     "samples/a.md", 1, "0 9 0 * * * * 5 6 7 8"),
    ("full-width digits", lambda r: write(r, "samples/a.md", "携帯 ０９０－１２３４－５６７８\n"),
     "samples/a.md", 1, "090-****-5678"),
    ("mathematical digits", lambda r: write(r, "samples/a.md", "𝟎𝟗𝟎-𝟏𝟐𝟑𝟒-𝟓𝟔𝟕𝟖\n"),
     "samples/a.md", 1, "090-****-5678"),
    ("ideographic spaces", lambda r: write(r, "samples/a.md", "０９０　１２３４　５６７８\n"),
     "samples/a.md", 1, "090 **** 5678"),
    ("international", lambda r: write(r, "samples/a.md", "Tel: +81 3-1234-5678\n"),
     "samples/a.md", 1, "+81 3-****-5678"),
    ("My Number", lambda r: write(r, "samples/a.md", "個人番号 1234 5678 9018\n"),
     "samples/a.md", 1, "**** **** **18"),
    ("My Number with dots", lambda r: write(r, "samples/a.md", "個人番号 1234.5678.9018\n"),
     "samples/a.md", 1, "****.****.**18"),
    ("card number", lambda r: write(r, "samples/a.md", "カード 4539-1488-0343-6467\n"),
     "samples/a.md", 1, "****-****-****-6467"),
    ("card number, full-width", lambda r: write(r, "samples/a.md", "カード ４５３９　１４８８　０３４３　６４６７\n"),
     "samples/a.md", 1, "**** **** **** 6467"),
    ("OpenAI key", lambda r: write(r, "prompt-sheet.md", "OPENAI_API_KEY=sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t\n"),
     "prompt-sheet.md", 1, "sk-proj-Ab…s8t"),
    ("Anthropic key", lambda r: write(r, "prompt-sheet.md", "sk-ant-api03-Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk1\n"),
     "prompt-sheet.md", 1, "sk-ant-api03-Zx…Lk1"),
    ("AWS access key", lambda r: write(r, "prompt-sheet.md", "aws_access_key_id = AKIA2E0A8F3B244C9986\n"),
     "prompt-sheet.md", 1, "AKIA2E…986"),
    ("AWS secret key", lambda r: write(r, "prompt-sheet.md", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzKEYabc12\n"),
     "prompt-sheet.md", 1, "wJ…c12"),
    ("GitHub token", lambda r: write(r, "prompt-sheet.md", "token: ghp_R2d2C3p0R2d2C3p0R2d2C3p0R2d2C3p0R2d2\n"),
     "prompt-sheet.md", 1, "ghp_R2…2d2"),
    ("Slack token", lambda r: write(r, "prompt-sheet.md", "xoxb-2048-4096-AbCdEfGhIjKl\n"),
     "prompt-sheet.md", 1, "xoxb-20…jKl"),
    ("Slack webhook", lambda r: write(r, "prompt-sheet.md", "https://hooks.slack.com/services/T024BE7LD/B01ABCDEF9/Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk1\n"),
     "prompt-sheet.md", 1, "hooks.slack.com/services/T0…Lk1"),
    ("Google key", lambda r: write(r, "prompt-sheet.md", "key=AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q\n"),
     "prompt-sheet.md", 1, "AIzaSy…p6Q"),
    ("SSH private key", lambda r: write(r, "samples/a.txt", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"),
     "samples/a.txt", 1, "-----BEGIN OPENSSH PRIVATE KEY-----"),
    ("PGP private key", lambda r: write(r, "samples/a.txt", "x\n-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGVxyz1234567890abcdefghijklmnopqrstuvwxyzABCDEFG\n"),
     "samples/a.txt", 2, "-----BEGIN PGP PRIVATE KEY BLOCK-----"),
    ("high-entropy assignment", lambda r: write(r, "prompt-sheet.md", "db_password = \"Xk9mQ2vL7pR4wZ8b\"\n"),
     "prompt-sheet.md", 1, "password=Xk…Z8b"),
    ("Japanese key word", lambda r: write(r, "prompt-sheet.md", "パスワード：Xk9mQ2vL7pR4wZ8b3N\n"),
     "prompt-sheet.md", 1, "パスワード=Xk…b3N"),
    ("CSV cells", lambda r: write(r, "samples/list.csv", "名前,電話\n佐藤,090-1234-5678\n"),
     "samples/list.csv", 2, "090-****-5678"),
    ("front matter", lambda r: write(r, "samples/a.md", "---\nauthor: taro@corp.co.jp\n---\n# 例\n"),
     "samples/a.md", 2, "t***@corp.co.jp"),
    ("a file name", lambda r: write(r, "samples/顧客_090-1234-5678.txt", "本文\n"),
     "samples/顧客_090-****-5678.txt", 0, "ファイル名に電話番号「090-****-5678」"),
    ("Word runs", lambda r: write(r, "samples/r.docx", docx_runs("090-12", "34-", "5678")),
     "samples/r.docx", 0, "本文に電話番号「090-****-5678」"),
    ("Word comment", lambda r: write(r, "samples/r.docx", docx_runs("taro@", "corp.co.jp", member="word/comments.xml")),
     "samples/r.docx", 0, "コメントに"),
    ("Word header", lambda r: write(r, "samples/r.docx", docx_runs("03-1234-5678", member="word/header1.xml")),
     "samples/r.docx", 0, "ヘッダー・フッターに"),
    ("core properties", lambda r: write(r, "samples/r.docx", office({"docProps/core.xml":
        '<cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:creator>taro@corp.co.jp</dc:creator></cp:coreProperties>'})),
     "samples/r.docx", 0, "文書のプロパティにメールアドレス「t***@corp.co.jp」"),
    ("custom properties", lambda r: write(r, "samples/r.docx", office({"docProps/custom.xml":
        '<Properties xmlns:vt="v"><property name="tel"><vt:lpwstr>090-1234-5678</vt:lpwstr></property></Properties>'})),
     "samples/r.docx", 0, "文書のプロパティに電話番号「090-****-5678」"),
    ("Excel cells", lambda r: write(r, "samples/r.xlsx", office({"xl/sharedStrings.xml":
        "<sst><si><r><t>4539-1488-</t></r><r><t>0343-6467</t></r></si></sst>"})),
     "samples/r.xlsx", 0, "セルにクレジットカード番号「****-****-****-6467」"),
    ("Excel comment", lambda r: write(r, "samples/r.xlsx", office({"xl/comments1.xml":
        "<comments><commentList><comment><text><t>taro@corp.co.jp</t></text></comment></commentList></comments>"})),
     "samples/r.xlsx", 0, "コメントにメールアドレス"),
    ("Excel sheet name", lambda r: write(r, "samples/r.xlsx", office({"xl/workbook.xml":
        '<workbook><sheets><sheet name="090-1234-5678" sheetId="1"/></sheets></workbook>'})),
     "samples/r.xlsx", 0, "シート名に電話番号「090-****-5678」"),
    ("PowerPoint slide", lambda r: write(r, "samples/r.pptx", office({"ppt/slides/slide2.xml":
        "<p:sld><a:p><a:r><a:t>sk-proj-Ab3dEf6h</a:t></a:r><a:r><a:t>Ij9kLm2nOp5qRs8t</a:t></a:r></a:p></p:sld>"})),
     "samples/r.pptx", 0, "スライド 2にOpenAI API キー「sk-proj-Ab…s8t」"),
    ("PowerPoint notes", lambda r: write(r, "samples/r.pptx", office({"ppt/notesSlides/notesSlide1.xml":
        "<p:notes><a:p><a:r><a:t>090-1234-5678</a:t></a:r></a:p></p:notes>"})),
     "samples/r.pptx", 0, "ノート 1に電話番号"),
    ("PDF text", lambda r: write(r, "samples/r.pdf", pdf("Tel 090-1234-5678")),
     "samples/r.pdf", 0, "1 ページに電話番号「090-****-5678」"),
]


@pytest.mark.parametrize(("what", "mutate", "file", "line", "shown"), CASES,
                         ids=[case[0] for case in CASES])
def test_sensitive_value_is_found_and_masked(root: Path, what, mutate, file, line, shown) -> None:
    mutate(root)
    _, findings = check(root)
    found = [f for f in findings if f.rule == "sensitive-data"]
    assert [(f.path, f.line) for f in found] == [(f"{PB}/{file}", line)], [str(f) for f in found]
    assert found[0].severity == "error"
    assert shown in found[0].message
    for full in ("1234-5678", "12345678", "1234 5678", "1234.5678", "taro@", "Ab3dEf6hIj9k",
                 "Zx8Yw7Vu6Ts5", "R2d2C3p0R2d2", "Xk9mQ2vL7pR4", "1488-0343", "5678 9018",
                 "2E0A8F3B244", "wJalrXUtnFEMI", "AbCdEfGh", "b3BlbnNzaC1rZXkt", "lQOYBGVxyz"):
        assert full not in str(found[0]), str(found[0])


PLACEHOLDERS = [
    "user@example.com info@example.co.jp sales@example.jp a@b.example hr@corp.test x@y.invalid",
    "03-0000-0000 / 000-0000-0000 / 090-0000-0000 / 0120-000-000 / 03-1234-0000",
    "sk-xxxxxxxxxxxxxxxxxxxxxxxx sk-proj-EXAMPLEEXAMPLEEXAMPLE sk-ant-dummy-dummy-dummy-dummy",
    "AKIAIOSFODNN7EXAMPLE aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "テストカード 4111 1111 1111 1111 / 4242-4242-4242-4242 / 5555555555554444 / 378282246310005",
    "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
    "-----BEGIN PRIVATE KEY-----\n...（省略）\n-----END PRIVATE KEY-----",
    "api_key = {{API_KEY}} / password = your-password-here / token: <あなたのトークン>",
    "日付 2026-11-25、2026.10.01、金額 1,200,000 円、注文番号 123456789012、版 1.2.3.4.5.6",
    "評価 0 1 2 3 4 5 6 7 8 9 10 / 0.5 1.0 2.0 3.5 4.0 5.0 / 0123456789",
    "ＡＩ（生成ＡＩ）で確認。キーワード: 提案書、パスワード: 社内規程を参照",
]


@pytest.mark.parametrize("text", PLACEHOLDERS)
def test_documented_placeholders_pass(root: Path, text: str) -> None:
    write(root, "samples/a.md", f"# 例\n\n{text}\n")
    _, findings = check(root)
    assert [str(f) for f in findings] == []


def test_values_never_reach_the_site_or_the_cli(tmp_path: Path, capsys) -> None:
    """A loose build leaves the file out, the gallery says why; no output has the value."""
    root = make_repo(tmp_path, "minimal")
    write(root, "samples/leak.md", "# 例\n\n担当 佐藤 090-1357-2468 taro.sato@corp.co.jp\n")
    write(root, "samples/顧客_080-9753-1864.txt", "本文\n")
    write(root, "samples/r.docx", docx_runs("sk-proj-Ab3dEf6h", "Ij9kLm2nOp5qRs8t"))
    secrets = ("1357-2468", "taro.sato", "9753-1864", "Ab3dEf6hIj9k")
    for fmt in ("text", "json", "github", "summary"):
        assert main(["check", "--root", str(root), "--format", fmt]) == 1
        out = capsys.readouterr().out
        assert "090-****-2468" in out or fmt == "summary"
        for value in secrets:
            assert value not in out, (fmt, value)
    data = json.loads(_json_output(root, capsys))
    assert {f["rule"] for f in data["findings"]} == {"sensitive-data"}
    build = build_site(root)
    assert build.returncode == 0, build.output
    for value in secrets:
        assert value not in build.output
        for path in build.site.rglob("*"):
            if path.is_file():
                assert value.encode() not in path.read_bytes(), (value, path)
            assert value not in path.name
    fragments = list((build.site / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert fragments  # Pagefind's index is gzip: read what a search would return
    indexed = "".join(gzip.decompress(f.read_bytes()).decode("utf-8", "replace")
                      for f in fragments)
    assert "提案メール" in indexed  # the pages that were published are there
    for value in secrets:
        assert value not in indexed, value
    assert not (build.site / PB / "samples" / "leak").exists()
    assert not (build.site / PB / "samples" / "r.docx").exists()
    gallery = build.html(f"{PB}/samples/")
    assert "公開していないファイル" in gallery and "leak.md" in gallery
    assert "顧客_080-****-1864.txt" in gallery
    assert "個人情報や秘密らしき値" in gallery
    assert "090-****-2468" in build.html("health/")
    assert "090-****-2468" in build.html(f"{PB}/")  # the banner, masked


def _json_output(root: Path, capsys) -> str:
    main(["check", "--root", str(root), "--format", "json"])
    return capsys.readouterr().out


def test_a_value_in_index_md_keeps_the_whole_playbook_off_the_site(tmp_path: Path) -> None:
    root = make_repo(tmp_path, "minimal")
    index = root / PB / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "champion: ", "champion: 090-1357-2468 "), encoding="utf-8")
    build = build_site(root)
    assert build.returncode == 0, build.output
    assert not (build.site / PB / "index.html").exists()
    for path in build.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json"):
            assert b"1357-2468" not in path.read_bytes(), path


def test_office_text_split_across_runs_is_joined(tmp_path: Path) -> None:
    from playbook_kb.load.doctext import office_parts

    path = tmp_path / "r.docx"
    path.write_bytes(docx_runs("090-12", "34-", "5678"))
    assert [(p.where, p.text) for p in office_parts(path)] == [
        ("sensitive.where.body", "090-1234-5678\n")]


def test_normalisation_keeps_line_numbers() -> None:
    text = "a&#10;b\n%0A\n<b\n>x</b>\n０９０\n"
    assert for_scan(text).count("\n") == text.count("\n")


@pytest.mark.parametrize(("text", "kinds"), [
    ("03-1234-5678 03-9876-5432", ["電話番号", "電話番号"]),
    ("4539 1488 0343 6467", ["クレジットカード番号"]),
    ("4111 1111 1111 1111", []),
])
def test_numbers_in_a_row(text: str, kinds: list[str]) -> None:
    assert [i18n_text("ja", h.kind) for h in find(for_scan(text))] == kinds
