/* Old and hand-typed anchors keep working on playbook pages and curriculum tiers.
 *
 * Contributor ids are prefixed with "user-content-" (so no contributor element can shadow
 * a name the theme or these scripts use). A link written as /playbooks/x/#step-2 then
 * finds no element "step-2"; this scrolls to "user-content-step-2" instead.
 *
 * A long tier is listed on several pages (modules_per_page). A link to a module's anchor
 * on the wrong page of its tier (/curriculum/basic/#m when m is on page 2) goes to the
 * page that lists it: the build writes where each module of the other pages is into
 * <script id="kb_tier_anchors"> (an id no module can have: slugs have no "_"; module ids
 * and same-site relative links only, an entry that is not one is ignored).
 *
 * It trusts nothing in the DOM: every DOM method is taken from the prototypes, never
 * from `document`, whose properties a named element could shadow.
 */
(function () {
  "use strict";
  var PREFIX = "user-content-";
  var D = Document.prototype;
  var byId = D.getElementById;

  function follow() {
    var hash = window.location.hash;
    if (!hash || hash.length < 2) return;
    var id;
    try { id = decodeURIComponent(hash.slice(1)); } catch (e) { return; }
    if (id.indexOf(PREFIX) === 0 || byId.call(document, id)) return;
    var target = byId.call(document, PREFIX + id);
    if (target) Element.prototype.scrollIntoView.call(target);
    else elsewhere(id);
  }

  function elsewhere(id) {
    var data = byId.call(document, "kb_tier_anchors");
    id = id.toLowerCase();  // ids are lower case; a hand-typed link may not be
    if (!data || !/^[a-z0-9][a-z0-9-]*$/.test(id)) return;
    if (Object.getOwnPropertyDescriptor(Element.prototype, "tagName").get.call(data) !== "SCRIPT")
      return;
    var map;
    try { map = JSON.parse(Object.getOwnPropertyDescriptor(Node.prototype, "textContent").get.call(data)); }
    catch (e) { return; }
    var page = map && Object.prototype.hasOwnProperty.call(map, id) ? map[id] : null;
    if (typeof page !== "string" || !page || !/^(\.\.\/)*([a-z0-9-]+\/)*$/.test(page)) return;
    var url = new URL(page, window.location.href);
    if (url.origin !== window.location.origin) return;
    url.hash = id;
    window.location.replace(url.href);
  }

  window.addEventListener("hashchange", follow);
  if (Object.getOwnPropertyDescriptor(D, "readyState").get.call(document) === "loading") {
    window.addEventListener("DOMContentLoaded", follow);
  } else {
    follow();
  }
})();
