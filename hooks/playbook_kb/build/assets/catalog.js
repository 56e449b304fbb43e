/* /playbooks/: filters, counts, sorting and the URL state of the catalog page.
 *
 * Without this script the page is a plain list of the newest playbooks (all of them in
 * a small company). Labels come from the JSON the build writes into the page
 * (#kb-catalog-json); every playbook's facets and text from the file it names
 * (/playbooks/catalog.json, items[i]). Entries the page already has are <li data-i="i">;
 * the others are built here, their text set as text, never as HTML, their link kept only
 * when it stays on this site. Nothing is read from contributor ids or HTML.
 */
"use strict";

(function () {
  function start() {
    var source = document.getElementById("kb-catalog-json")
    var form = document.getElementById("kb-catalog-form")
    var list = document.getElementById("kb-catalog-list")
    if (!source || !form || !list || form.dataset.kbReady) return
    form.dataset.kbReady = "1"
    var data = JSON.parse(source.textContent)
    fetch(new URL(data.source, location.href)).then(function (response) {
      if (!response.ok) throw new Error(response.status)
      return response.json()
    }).then(function (full) { run(data, full.items, form, list) }).catch(function () {})
  }

  function element(tag, className, text) {
    var el = document.createElement(tag)
    if (className) el.className = className
    if (text !== undefined) el.textContent = text
    return el
  }

  function entry(data, item, i) {  // the same markup as the build's, from data only
    var li = element("li", "kb-catalog-item")
    li.setAttribute("data-i", String(i))
    var heading = li.appendChild(element("h2", "kb-catalog-title"))
    var href = new URL(String(item.url), location.href)
    if (href.origin === location.origin) {
      var a = heading.appendChild(element("a", "", item.title))
      a.href = href.pathname
    } else heading.textContent = item.title
    if (item.summary) li.appendChild(element("p", "kb-catalog-summary", item.summary))
    var facts = li.appendChild(element("dl", "kb-catalog-facts"))
    function fact(name, value) {
      var div = facts.appendChild(element("div"))
      div.appendChild(element("dt", "", data.fields[name]))
      div.appendChild(element("dd", "", value || "\u2014"))
    }
    function labelOf(facet, value) {
      return Object.prototype.hasOwnProperty.call(data.labels[facet], value)
        ? data.labels[facet][value] : String(value)
    }
    function label(facet) { return item[facet] ? labelOf(facet, item[facet]) : "" }
    fact("department", label("department"))
    fact("output", label("output"))
    fact("phase", label("phase"))
    fact("tier", label("tier"))
    fact("data", label("data"))
    if (item.tools && item.tools.length)
      fact("tools", item.tools.map(function (t) { return labelOf("tools", t) }).join(", "))
    fact("catalog_facet_hours", item.hours_text)
    return li
  }

  function run(data, items, form, list) {
    var present = {}
    Array.prototype.forEach.call(list.children, function (li) { present[li.getAttribute("data-i")] = li })
    var facets = Object.keys(data.labels)
    var entries = items.map(function (item, i) {
      var li = present[String(i)] || list.appendChild(entry(data, item, i))
      return { li: li, facets: item, text: normalise(li.textContent), index: i }
    })
    var partial = document.getElementById("kb-catalog-partial")
    if (partial) partial.hidden = true
    var status = document.getElementById("kb-catalog-status")
    var text = form.elements.namedItem("q")
    var sort = form.elements.namedItem("sort")

    function normalise(value) { return value.normalize("NFKC").toLowerCase() }
    function valuesOf(entry, facet) {
      var value = entry.facets[facet]
      return Array.isArray(value) ? value : value ? [value] : []
    }
    function state() {
      var chosen = {}
      facets.forEach(function (f) { chosen[f] = form.elements.namedItem(f).value })
      return chosen
    }
    function matches(entry, chosen, skip) {
      for (var f of facets)
        if (f !== skip && chosen[f] && valuesOf(entry, f).indexOf(chosen[f]) < 0) return false
      var words = normalise(text.value).split(/\s+/).filter(Boolean)
      return words.every(function (w) { return entry.text.indexOf(w) >= 0 })
    }
    function fillOptions(chosen) {  // counts per value, given the other filters
      facets.forEach(function (f) {
        var select = form.elements.namedItem(f)
        var counts = Object.create(null)
        entries.forEach(function (e) {
          if (matches(e, chosen, f)) valuesOf(e, f).forEach(function (v) { counts[v] = (counts[v] || 0) + 1 })
        })
        var keep = select.value
        while (select.options.length > 1) select.remove(1)
        Object.keys(data.labels[f]).forEach(function (value) {
          var n = counts[value] || 0
          if (!n && value !== keep) return
          select.add(new Option(data.labels[f][value] + " (" + n + ")", value))
        })
        select.value = keep
      })
    }
    function order() {
      var by = sort.value
      var sorted = entries.slice().sort(function (a, b) {
        if (by === "hours") return (b.facets.saved || -1) - (a.facets.saved || -1) || a.index - b.index
        if (by === "newest") return b.facets.newest.localeCompare(a.facets.newest) || a.index - b.index
        return a.index - b.index
      })
      sorted.forEach(function (e) { list.appendChild(e.li) })
    }
    function apply(push) {
      var chosen = state()
      var shown = 0
      entries.forEach(function (e) {
        var show = matches(e, chosen, null)
        e.li.hidden = !show
        if (show) shown++
      })
      fillOptions(chosen)
      order()
      status.textContent = shown === 0 ? data.words.none
        : shown === entries.length ? data.words.count.replace("{n}", String(shown))
        : data.words.shown.replace("{total}", entries.length).replace("{shown}", shown)
      if (push) {
        var params = new URLSearchParams()
        facets.forEach(function (f) { if (chosen[f]) params.set(f, chosen[f]) })
        if (text.value.trim()) params.set("q", text.value.trim())
        if (sort.value !== "newest") params.set("sort", sort.value)
        var query = params.toString()
        history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash)
      }
    }
    function load() {  // the URL's filters; values the catalog does not have are ignored
      var params = new URLSearchParams(location.search)
      facets.forEach(function (f) {
        var value = params.get(f)
        var select = form.elements.namedItem(f)
        select.value = ""
        if (value && Object.prototype.hasOwnProperty.call(data.labels[f], value)) {
          select.add(new Option(data.labels[f][value], value))
          select.value = value
        }
      })
      text.value = params.get("q") || ""
      sort.value = ["newest", "hours", "title"].indexOf(params.get("sort")) >= 0 ? params.get("sort") : "newest"
    }

    form.hidden = false
    form.addEventListener("change", function () { apply(true) })
    form.addEventListener("input", function (event) { if (event.target === text) apply(true) })
    form.addEventListener("submit", function (event) { event.preventDefault() })
    form.addEventListener("reset", function () { setTimeout(function () { apply(true) }, 0) })
    load()
    apply(false)
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start)
  else start()
})()
