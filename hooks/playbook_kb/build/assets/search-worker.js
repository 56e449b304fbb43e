/* Material's search box, answered by Pagefind (hooks/playbook_kb/build/findability.py).
 *
 * Material starts this file as its search worker (hooks/overrides/main.html swaps the URL)
 * and speaks its protocol: SETUP -> READY, QUERY -> RESULT. Instead of loading the whole
 * site's index, it asks Pagefind, which fetches only the index pieces a query needs.
 *
 * The query is normalised as the build normalised the pages (search-terms.json, read by
 * both): NFKC and lower case (ＰＤＦ -> pdf), request phrases dropped (を作りたい), particles
 * between words cut, and one token per group of variants or synonyms the query mentions.
 * Results are grouped by playbook: one entry per playbook, its best part. A list is sent
 * as soon as its first entries are known and again as more arrive; the last one, with
 * `done`, is complete. Each names its query (Material reads `items` only).
 *
 * Everything shown is escaped here: Material puts title and text into innerHTML.
 */
"use strict"

self.window = self  // pagefind.js reads window.location, which a worker calls self.location

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
const ROOT = new URL("../../", self.location.href)  // this file is assets/playbook-kb/
const GROUPS = 10       // entries shown
const BATCHES = [4, 8, 12]  // page fragments read before the list is shown, then more: 24 at most
const TOKEN = /\bqq[vs][a-z]{3}\b/g
let engine = null
let latest = 0

function escapeHTML(text) {
  return String(text).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
}

function normalise(text) {
  return text.normalize("NFKC").toLowerCase()
}

function compile(data) {
  const ascii = /^[0-9a-z&]+$/
  const groups = []
  const token = (kind, index) => "qq" + kind + [Math.floor(index / 676), Math.floor(index / 26) % 26,
    index % 26].map(n => String.fromCharCode(97 + n)).join("")
  for (const [kind, key] of [["v", "variants"], ["s", "synonyms"]])
    data[key].forEach((members, index) => groups.push({
      token: token(kind, index),
      matchers: members.map(normalise).map(m => ascii.test(m)
        ? new RegExp(`(?<![0-9a-z])${m.replace(/[.*+?^${}()|[\]\\&]/g, "\\$&")}(?![0-9a-z])`)
        : m)
    }))
  const byLength = list => [...list].sort((a, b) => b.length - a.length)
  return { groups, intents: byLength(data.intents), particles: byLength(data.particles) }
}

/* The same rule as concept_tokens() in findability.py */
function conceptTokens(text, terms) {
  return terms.groups
    .filter(g => g.matchers.some(m => typeof m === "string" ? text.includes(m) : m.test(text)))
    .map(g => g.token)
}

function words(query, terms) {
  let text = normalise(query).replace(/[「」『』【】（）()［］\[\]、。，．,!?！？:：;；"'“”‘’\/／]+/g, " ")
  for (let changed = true; changed;) {  // したい, を作りたい, の方法 ... at the end
    changed = false
    text = text.trim()
    for (const end of [...terms.intents, ...terms.particles])
      if (text.endsWith(end) && text.length > end.length) {
        text = text.slice(0, -end.length)
        changed = true
        break
      }
  }
  const particle = terms.particles.map(p => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")
  const between = new RegExp(`(?<=[^\\s\\p{Script=Hiragana}])(?:${particle})(?=\\S)`, "gu")
  return text.replace(between, " ").split(/\s+/).filter(w => w && w !== "・")
}

async function setup() {
  const [pagefind, data] = await Promise.all([
    import(new URL("pagefind/pagefind.js", ROOT).href),
    fetch(new URL("assets/playbook-kb/search-terms.json", ROOT)).then(r => r.json())
  ])
  await pagefind.options({ excerptLength: 20 })
  await pagefind.init()
  engine = { pagefind, terms: compile(data) }
}

async function scored(query, weight, into) {
  const found = await engine.pagefind.search(query)
  for (const result of found ? found.results : []) {
    const entry = into.get(result.id) || { result, score: 0 }
    entry.score += weight * result.score
    into.set(result.id, entry)
  }
  return found ? found.results.length : 0
}

async function search(query, emit) {
  const { terms } = engine
  const list = words(query, terms)
  if (!list.length)
    return emit({ items: [], done: true })
  const pages = new Map()
  const tokens = conceptTokens(normalise(query), terms)
  const searches = [scored(list.join(" "), 2, pages), ...tokens.map(t => scored(t, 1, pages))]
  const [all] = await Promise.all(searches)
  if (!all && list.length > 1)  // no page has every word: rank by the words each page has
    await Promise.all(list.map(w => scored(w, 0.5, pages)))
  const ranked = [...pages.values()].sort((a, b) => b.score - a.score)
  await grouped(ranked, list, emit)
}

/* One entry per playbook, in rank order. Each batch of page fragments is shown as soon
 * as it is read, the first after four (what a phone shows above the fold; a phone with
 * a slow CPU reads them in a tenth of a second): later batches only add playbooks
 * below, so what the reader sees first does not move. */
async function grouped(ranked, list, emit) {
  const groups = new Map()
  const highlight = Object.fromEntries(list.map(w => [w, true]))
  const end = Math.min(ranked.length, BATCHES.reduce((a, b) => a + b))
  let shown = -1
  for (let start = 0, b = 0; start < end && groups.size < GROUPS; start += BATCHES[b++]) {
    const batch = ranked.slice(start, Math.min(start + BATCHES[b], end))
    const data = await Promise.all(batch.map(entry => entry.result.data()))
    batch.forEach((entry, i) => {
      const page = data[i]
      const key = page.meta.playbook || page.url
      if (!groups.has(key) && groups.size < GROUPS)
        groups.set(key, item(page, entry.score, highlight))
    })
    if (groups.size > shown && groups.size < GROUPS && start + BATCHES[b] < end) {
      shown = groups.size
      emit({ items: [...groups.values()].map(entry => [entry]) })
    }
  }
  emit({ items: [...groups.values()].map(entry => [entry]), done: true })
}

function item(page, score, terms) {
  const meta = page.meta
  const excerpt = page.excerpt.replace(TOKEN, "")  // Pagefind escapes; <mark> stays
  const text = [
    meta.part ? `<p class="kb-search-part"><strong>${escapeHTML(meta.part)}</strong>` +
      (meta.summary ? ` — ${escapeHTML(meta.summary)}` : "") + "</p>" : "",
    excerpt.trim() ? `<p class="kb-search-excerpt">${excerpt}</p>` : ""
  ].join("")
  return {
    location: page.url.replace(/^\//, ""),  // relative to the site root: Material adds its base
    title: escapeHTML(meta.title || page.url),
    text, score, terms, tags: []
  }
}

addEventListener("message", async ({ data: message }) => {
  if (message.type === SETUP) {
    await setup()
    postMessage({ type: READY })
  } else if (message.type === QUERY) {
    const ticket = ++latest
    await search(message.data, result => {
      if (ticket === latest)  // a slower answer to an older query is dropped
        postMessage({ type: RESULT, data: { ...result, query: message.data } })
    })
  }
})
