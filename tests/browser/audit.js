// Layout audit of the page as it is laid out now (tests/browser/test_layout_audit.py).
// Returns a list of problems, each "kind: where — detail". Pure DOM reads, no changes.
() => {
  const problems = [];
  const main = document.querySelector(".md-main") || document.body;
  const vw = window.innerWidth;

  const visible = (el) => {
    if (el.closest(".kb-sr, .md-visually-hidden, [hidden], [aria-hidden='true']")) return false;
    if (!el.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true})) return false;
    const style = getComputedStyle(el);
    if (style.visibility !== "visible" || style.display === "none") return false;
    if (parseFloat(style.opacity) === 0 && !el.matches("a, button, summary")) return false;
    const r = el.getBoundingClientRect();
    return r.width > 2 && r.height > 2;
  };
  const name = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += "#" + el.id;
    const cls = [...el.classList].slice(0, 2).join(".");
    if (cls) s += "." + cls;
    const text = (el.innerText || el.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ");
    return text ? `${s} "${text.slice(0, 40)}"` : s;
  };
  const ownText = (el) => [...el.childNodes].some(
    (n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());

  // 1. The page itself never scrolls sideways.
  const overflow = document.documentElement.scrollWidth - vw;
  if (overflow > 0) {
    const wide = [...main.querySelectorAll("*")].filter(
      (el) => visible(el) && el.getBoundingClientRect().right > vw + 1);
    const culprit = wide.find((el) => ![...el.children].some((c) => wide.includes(c)));
    problems.push(`overflow: page is ${overflow}px wider than the screen` +
      (culprit ? ` — ${name(culprit)}` : ""));
  }

  // 2. Text clipped by its own box: a text block or code whose content is wider (or, when
  //    it hides overflow, taller) than the box. Deliberate scroll regions are focusable
  //    (tabindex) and labelled, which axe checks; prompts (code) must wrap instead.
  for (const el of main.querySelectorAll("*")) {
    if (!visible(el)) continue;
    const style = getComputedStyle(el);
    const isCode = el.matches("pre > code");
    if (!isCode && !ownText(el)) continue;
    if (style.display.startsWith("inline") && style.display !== "inline-block") continue;
    if (style.display === "table-row-group" || style.display === "table-row") continue;
    const scrollRegion = el.matches("[tabindex]:not(pre > code)") && el.getAttribute("role") === "region";
    if (scrollRegion) continue;
    const wider = el.scrollWidth - el.clientWidth;
    const hides = style.overflowX !== "visible" || style.overflowY !== "visible";
    const taller = hides ? el.scrollHeight - el.clientHeight : 0;
    if (wider > 1 || taller > 1 || (hides && style.textOverflow === "ellipsis" &&
                                    el.scrollWidth > el.clientWidth)) {
      problems.push(`clipped: ${name(el)} — ${el.scrollWidth}×${el.scrollHeight} content ` +
        `in a ${el.clientWidth}×${el.clientHeight} box`);
    }
  }

  // 2b. A box that hides part of its content sideways (a table in a scroll wrapper, a
  //     cut-off column) unless it is a deliberate scroll region: labelled and focusable.
  for (const el of main.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    if (style.overflowX === "visible" || el.scrollWidth - el.clientWidth <= 1) continue;
    if (!visible(el) || el.matches("pre > code") || ownText(el)) continue;  // reported above
    if (el.getAttribute("role") === "region" && el.hasAttribute("tabindex")) continue;
    if (el.closest(".md-sidebar")) continue;  // Material's navigation scrolls on its own
    problems.push(`clipped: ${name(el)} hides ${el.scrollWidth - el.clientWidth}px ` +
      `of its content sideways`);
  }

  // 3. Nothing covers text: probe each line of text at its ends and middle; the element
  //    found there must be the text's own element, inside it, or around it.
  const header = document.querySelector(".md-header");
  const top = header ? header.getBoundingClientRect().bottom : 0;
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  const covered = new Set();
  const range = document.createRange();
  const lines = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const owner = node.parentElement;
    if (!owner || !visible(owner) || owner.closest(".md-sidebar, .md-top, svg")) continue;
    // Glyphs stay inside the content box of their block; spaces may hang into the padding
    // (pre-wrap), so probes are kept inside it.
    const block = owner.closest("pre > code, p, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, div") || owner;
    const box = block.getBoundingClientRect();
    const bs = getComputedStyle(block);
    let minX = box.left + parseFloat(bs.paddingLeft) + parseFloat(bs.borderLeftWidth);
    let maxX = box.right - parseFloat(bs.paddingRight) - parseFloat(bs.borderRightWidth);
    let minY = -Infinity;
    let maxY = Infinity;
    // Text scrolled out of a scroll region's view is hidden, not covered.
    for (let a = owner.parentElement; a && a !== main; a = a.parentElement) {
      if (getComputedStyle(a).overflowX === "visible" && getComputedStyle(a).overflowY === "visible") continue;
      const clip = a.getBoundingClientRect();
      minX = Math.max(minX, clip.left); maxX = Math.min(maxX, clip.right);
      minY = Math.max(minY, clip.top); maxY = Math.min(maxY, clip.bottom);
    }
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      const left = Math.max(r.left, minX);
      const right = Math.min(r.right, maxX);
      if (r.top < minY || r.bottom > maxY) continue;
      if (right - left > 4 && r.height > 4) {
        lines.push([owner, left + scrollX, r.top + scrollY, right - left, r.height]);
      }
    }
  }
  const height = document.documentElement.scrollHeight;
  const saved = scrollY;
  for (let y = 0; y < height; y += Math.max(100, innerHeight - top - 20)) {
    window.scrollTo(0, y);
    for (const [owner, left, pageTop, width, h] of lines) {
      const t = pageTop - scrollY;
      if (t < top || t + h > innerHeight || covered.has(owner)) continue;
      const midY = t + h / 2;
      for (const x of [left + 2, left + width / 2, left + width - 2]) {
        if (x < 0 || x > vw) continue;
        const hit = document.elementFromPoint(x, midY);
        if (!hit || hit === owner || owner.contains(hit) || hit.contains(owner)) continue;
        if (hit.closest(".md-header, .md-tabs, .md-top, .md-dialog")) continue;
        covered.add(owner);
        problems.push(`overlap: ${name(hit)} covers the text of ${name(owner)}`);
        break;
      }
    }
  }
  window.scrollTo(0, saved);

  // 4. A badge is no taller than the line it sits in, and stays on one line.
  for (const el of main.querySelectorAll(
      "[class*='-badge'], [class~='kb-badge'], .kb-phase, .kb-status")) {
    if (!visible(el)) continue;
    const parent = getComputedStyle(el.parentElement);
    const font = parseFloat(parent.fontSize);
    const line = parent.lineHeight === "normal" ? font * 1.3 : parseFloat(parent.lineHeight);
    const r = el.getBoundingClientRect();
    if (r.height > Math.max(line, font * 1.6) + 2 || el.getClientRects().length > 1) {
      problems.push(`badge: ${name(el)} is ${Math.round(r.height)}px high on a ` +
        `${Math.round(line)}px line`);
    }
  }

  // 5. Targets at least 24×24 px (WCAG 2.2, 2.5.8), with its exceptions: inline in a
  //    sentence, or spaced so a 24 px circle around it touches no other target.
  const targets = [...document.querySelectorAll(
    "a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], " +
    "[role=button], [tabindex]:not([tabindex='-1'])")].filter((el) => {
    if (!visible(el) || getComputedStyle(el).pointerEvents === "none") return false;
    const r = el.getBoundingClientRect();
    return r.right > 0 && r.left < vw && !el.closest(".md-skip");
  });
  const rects = targets.map((el) => el.getBoundingClientRect());
  const inline = (el) => {
    if (!getComputedStyle(el).display.startsWith("inline")) return false;
    const block = el.parentElement.closest("p, li, dd, td, th, h1, h2, h3, h4, h5, h6, figcaption, span, div");
    if (!block) return false;
    const own = el.textContent.trim().length;
    return block.textContent.trim().length > own + 1;
  };
  const small = targets.map((el, i) => (rects[i].width < 23.5 || rects[i].height < 23.5)
                                        && !inline(el));
  const distance = (x, y, r) => Math.hypot(Math.max(r.left - x, 0, x - r.right),
                                           Math.max(r.top - y, 0, y - r.bottom));
  targets.forEach((el, i) => {
    if (!small[i]) return;
    const r = rects[i];
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    const clash = targets.find((other, j) => {
      if (j === i || other.contains(el) || el.contains(other)) return false;
      if (small[j]) {
        const o = rects[j];
        return Math.hypot(o.left + o.width / 2 - cx, o.top + o.height / 2 - cy) < 24;
      }
      return distance(cx, cy, rects[j]) < 12;
    });
    if (clash) {
      problems.push(`target: ${name(el)} is ${Math.round(r.width)}×${Math.round(r.height)}px ` +
        `and too close to ${name(clash)}`);
    }
  });
  return problems;
}
