/* Prompt sheets: fill in a prompt's {{variables}} and copy the finished prompt (and name the
 * checkboxes of checklists, on every page).
 *
 * Under each prompt block that has variables, a closed <details> form offers one field
 * per variable (with the description and example from the page's variable table, if
 * any). Typing updates the block itself, so Material's own copy button copies the
 * filled prompt too. Without JavaScript the reader simply sees the plain block.
 * Works with Material's instant navigation: it runs again on every new page (document$).
 */
(function () {
  "use strict";
  /* Trust nothing in the DOM: `document.x` can be shadowed by an element named x, so
     every DOM method and property is read from Document.prototype instead. */
  var D = Document.prototype;
  function doc(name) { return Object.getOwnPropertyDescriptor(D, name).get.call(document); }
  function make(tag) { return D.createElement.call(document, tag); }
  function textNode(text) { return D.createTextNode.call(document, text); }
  function find(selector) { return D.querySelector.call(document, selector); }
  function findAll(selector) { return D.querySelectorAll.call(document, selector); }
  var VARIABLE = /\{\{\s*([^{}\n]+?)\s*\}\}/g;
  var TEXT = {
    ja: { open: "変数を入力して使う", items: "項目", copy: "入力済みのプロンプトをコピー",
          copied: "コピーしました", failed: "コピーできませんでした。ブロックを選択してコピーしてください",
          reset: "入力を消す", left: "未入力", example: "例: ", note: ["（", "、", "）"] },
    en: { open: "Fill in the variables", items: "fields", copy: "Copy the filled prompt",
          copied: "Copied", failed: "Could not copy. Select the block and copy it by hand",
          reset: "Clear", left: "Still empty", example: "e.g. ", note: [" (", ", ", ")"] },
  };

  function words() {
    return (doc("documentElement").lang || "ja").indexOf("ja") === 0 ? TEXT.ja : TEXT.en;
  }

  function el(tag, attrs, text) {
    var node = make(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text) node.textContent = text;
    return node;
  }

  function isPromptSheet() {
    var current = find(".kb-parts .kb-current");
    return !!current && /\/prompt-sheet\/?(index\.html)?$/.test(current.pathname);
  }

  function variablesOf(text) {
    var names = [];
    text.replace(VARIABLE, function (_, name) {
      if (names.indexOf(name) < 0) names.push(name);
    });
    return names;
  }

  /* "| `{{name}}` | what to enter | example |" rows of the page's variable tables. */
  function hints(article) {
    var found = {};
    article.querySelectorAll("table tr").forEach(function (row) {
      var cells = row.querySelectorAll("td");
      if (cells.length < 2) return;
      var match = /^\s*\{\{\s*([^{}]+?)\s*\}\}\s*$/.exec(cells[0].textContent);
      if (match) found[match[1]] = { what: cells[1].textContent.trim(),
                                     example: cells[2] ? cells[2].textContent.trim() : "" };
    });
    return found;
  }

  function fill(template, values) {
    return template.replace(VARIABLE, function (whole, name) {
      return values[name] ? values[name] : whole;
    });
  }

  /* Rewrite the block's text, marking each variable so a filled value stands out. */
  function show(code, template, values) {
    code.textContent = "";
    var last = 0;
    template.replace(VARIABLE, function (whole, name, offset) {
      code.appendChild(textNode(template.slice(last, offset)));
      var mark = el("span", { class: values[name] ? "kb-var kb-var-filled" : "kb-var" });
      mark.textContent = values[name] || whole;
      code.appendChild(mark);
      last = offset + whole.length;
      return whole;
    });
    code.appendChild(textNode(template.slice(last)));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {  // http:// intranet hosts: no Clipboard API
      var area = el("textarea", { readonly: "", style: "position:fixed;opacity:0" });
      area.value = text;
      doc("body").appendChild(area);
      area.select();
      var ok = D.execCommand.call(document, "copy");
      area.remove();
      (ok ? resolve : reject)();
    });
  }

  function form(block, index, names, template, state) {
    var t = words();
    var code = block.querySelector("pre > code");
    var details = el("details", { class: "kb-fill", "data-kb-fill": String(index) });
    details.appendChild(el("summary", {}, t.open + "（" + names.length + " " + t.items + "）"));
    var fields = el("div", { class: "kb-fill-fields" });
    names.forEach(function (name, n) {
      var id = "kb-fill-" + index + "-" + n;
      var hint = state.hints[name];
      var row = el("div", { class: "kb-fill-field" });
      row.appendChild(el("label", { for: id }, name));
      var input = el("textarea", { id: id, rows: "1", "data-kb-var": name });
      if (hint) {
        input.setAttribute("aria-describedby", id + "-hint");
        if (hint.example) input.placeholder = t.example + hint.example;
        row.appendChild(el("small", { id: id + "-hint", class: "kb-fill-hint" }, hint.what));
      }
      input.value = state.values[name] || "";
      input.addEventListener("input", function () {
        state.values[name] = input.value;
        input.style.height = "auto";
        input.style.height = input.scrollHeight + 2 + "px";
        state.refresh(input);
      });
      row.insertBefore(input, row.children[1] || null);
      fields.appendChild(row);
    });
    details.appendChild(fields);
    var actions = el("div", { class: "kb-fill-actions" });
    var copyButton = el("button", { type: "button", class: "md-button md-button--primary" }, t.copy);
    var resetButton = el("button", { type: "button", class: "md-button" }, t.reset);
    var status = el("span", { class: "kb-fill-status", role: "status", "aria-live": "polite" });
    copyButton.addEventListener("click", function () {
      var missing = names.filter(function (name) { return !state.values[name]; });
      var note = missing.length ? t.note[0] + t.left + ": " + missing.join(t.note[1]) + t.note[2] : "";
      copy(fill(template, state.values)).then(
        function () { status.textContent = t.copied + note; },
        function () { status.textContent = t.failed; });
    });
    resetButton.addEventListener("click", function () {
      names.forEach(function (name) { state.values[name] = ""; });
      state.refresh(null);
      status.textContent = "";
    });
    actions.appendChild(copyButton);
    actions.appendChild(resetButton);
    actions.appendChild(status);
    details.appendChild(actions);
    block.insertAdjacentElement("afterend", details);
    return { code: code, template: template, names: names };
  }

  /* Checklists (pymdownx.tasklist) render a checkbox with an empty <label>: give each
     box its item's text as its name, or screen readers announce only "checkbox". */
  function labelChecklists() {
    findAll(".task-list-item input[type=checkbox]:not([aria-label])")
      .forEach(function (box) {
        var item = box.closest(".task-list-item");
        box.setAttribute("aria-label", item.textContent.trim().split("\n")[0].slice(0, 120));
      });
  }

  function mount() {
    labelChecklists();
    if (!isPromptSheet()) return;
    var article = find("article.md-content__inner") || doc("body");
    var state = { values: {}, hints: hints(article), blocks: [] };
    state.refresh = function (source) {
      state.blocks.forEach(function (block) { show(block.code, block.template, state.values); });
      article.querySelectorAll("textarea[data-kb-var]").forEach(function (input) {
        if (input !== source) input.value = state.values[input.dataset.kbVar] || "";
      });
    };
    article.querySelectorAll("div.highlight").forEach(function (block, index) {
      var code = block.querySelector("pre > code");
      if (!code || block.nextElementSibling && block.nextElementSibling.matches(".kb-fill")) return;
      var template = code.textContent;
      var names = variablesOf(template);
      if (names.length) state.blocks.push(form(block, index, names, template, state));
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mount);  // Material: every page, also with instant navigation
  } else if (doc("readyState") === "loading") {
    window.addEventListener("DOMContentLoaded", mount);
  } else {
    mount();
  }
})();
