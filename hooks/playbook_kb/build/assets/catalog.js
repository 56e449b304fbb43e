/* /playbooks/: filters, counts, sorting and the URL state of the catalog page.
 *
 * Without this script the page is a plain list of the newest playbooks (all of them in
 * a small company). Labels come from the JSON the build writes into the page
 * (#kb-catalog-json); every playbook's facets and text from the file it names
 * (/playbooks/catalog.json, items[i]). Entries the page already has are <li data-i="i">;
 * the others are built here when they are first shown, their text set as text, never as
 * HTML, their link kept only when it stays on this site. Nothing is read from
 * contributor ids or HTML. The list holds one page of matches at a time (the site's
 * list_limit) and a button adds the next page.
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

  function labelOf(data, facet, value) {  // a value's label; an unknown value as itself
    return Object.prototype.hasOwnProperty.call(data.labels[facet], value)
      ? data.labels[facet][value] : String(value)
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
    function label(facet) { return item[facet] ? labelOf(data, facet, item[facet]) : "" }
    fact("department", label("department"))
    fact("output", label("output"))
    fact("phase", label("phase"))
    fact("tier", label("tier"))
    fact("data", label("data"))
    if (item.tools && item.tools.length)
      fact("tools", item.tools.map(function (t) { return labelOf(data, "tools", t) }).join(", "))
    fact("catalog_facet_hours", item.hours_text)
    return li
  }

  function run(data, items, form, list) {
    // Only a page of entries is in the document at a time (`data.page`, the site's
    // list_limit): building and laying out 2,000 entries took seconds on a phone.
    var present = {}
    Array.prototype.forEach.call(list.children, function (li) { present[li.getAttribute("data-i")] = li })
    var facets = Object.keys(data.labels)
    var page = Math.max(1, data.page | 0)
    var limit = page
    function searchText(item) {  // what an entry shows, as the text filter reads it
      var parts = [item.title, item.summary, item.hours_text]
      ;["department", "output", "phase", "tier", "data"].forEach(function (f) {
        if (item[f]) parts.push(labelOf(data, f, item[f]))
      })
      ;(item.tools || []).forEach(function (t) { parts.push(labelOf(data, "tools", t)) })
      return normalise(parts.filter(Boolean).join(" "))
    }
    var entries = items.map(function (item, i) {
      return { item: item, facets: item, text: searchText(item), index: i, li: present[String(i)] || null }
    })
    var partial = document.getElementById("kb-catalog-partial")
    if (partial) partial.hidden = true
    var status = document.getElementById("kb-catalog-status")
    var more = document.getElementById("kb-catalog-more")
    var text = form.elements.namedItem("q")
    var sort = form.elements.namedItem("sort")

    function normalise(value) { return String(value).normalize("NFKC").toLowerCase() }
    function valuesOf(entry, facet) {
      var value = entry.facets[facet]
      return Array.isArray(value) ? value : value ? [value] : []
    }
    function state() {
      var chosen = {}
      facets.forEach(function (f) { chosen[f] = form.elements.namedItem(f).value })
      return chosen
    }
    function matches(entry, chosen, skip, words) {
      for (var f of facets)
        if (f !== skip && chosen[f] && valuesOf(entry, f).indexOf(chosen[f]) < 0) return false
      return words.every(function (w) { return entry.text.indexOf(w) >= 0 })
    }
    function fillOptions(chosen, words) {  // counts per value, given the other filters
      facets.forEach(function (f) {
        var select = form.elements.namedItem(f)
        var counts = Object.create(null)
        entries.forEach(function (e) {
          if (matches(e, chosen, f, words)) valuesOf(e, f).forEach(function (v) { counts[v] = (counts[v] || 0) + 1 })
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
    function ordered(found) {
      var by = sort.value
      return found.sort(function (a, b) {
        if (by === "hours") return (b.facets.saved || -1) - (a.facets.saved || -1) || a.index - b.index
        if (by === "newest") return String(b.facets.newest).localeCompare(String(a.facets.newest)) || a.index - b.index
        return a.index - b.index
      })
    }
    function show(found, from) {  // the first `limit` entries; `from`: keep those before it
      var fragment = document.createDocumentFragment()
      found.slice(from, limit).forEach(function (e) {
        if (!e.li) e.li = entry(data, e.item, e.index)
        e.li.hidden = false
        fragment.appendChild(e.li)
      })
      if (from) list.appendChild(fragment)
      else list.replaceChildren(fragment)
      var rest = found.length - limit
      if (more) {
        more.hidden = rest <= 0
        more.textContent = data.words.more.replace("{n}", String(Math.min(page, rest)))
          .replace("{rest}", String(rest))
      }
      return found[from]
    }
    var found = []
    function apply(push) {
      var chosen = state()
      var words = normalise(text.value).split(/\s+/).filter(Boolean)
      found = ordered(entries.filter(function (e) { return matches(e, chosen, null, words) }))
      limit = page
      show(found, 0)
      fillOptions(chosen, words)
      var shown = found.length
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
    if (more) more.addEventListener("click", function () {
      var from = limit
      limit += page
      var first = show(found, from)
      var link = first && first.li.querySelector("a")
      if (link) link.focus()  // keyboard users continue where the new entries start
    })
    load()
    apply(false)
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start)
  else start()
})()
