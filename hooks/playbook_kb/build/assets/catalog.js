/* /playbooks/: filters, counts, sorting and the URL state of the catalog page.
 *
 * Without this script the page is a plain list of every playbook. The facets of entry i
 * come from the JSON the build writes (#kb-catalog-json, items[i]); entries are <li
 * data-i="i"> written by the build in the same order. Nothing is read from contributor
 * ids or HTML, and every label is set as text, never as HTML.
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
    var facets = Object.keys(data.labels)
    var entries = Array.prototype.map.call(list.children, function (li) {
      var i = Number(li.getAttribute("data-i"))
      return { li: li, facets: data.items[i], text: normalise(li.textContent), index: i }
    })
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
        var counts = {}
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
