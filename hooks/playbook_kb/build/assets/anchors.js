/* Old and hand-typed anchors keep working on playbook pages.
 *
 * Contributor ids are prefixed with "user-content-" (so no contributor element can shadow
 * a name the theme or these scripts use). A link written as /playbooks/x/#step-2 then
 * finds no element "step-2"; this scrolls to "user-content-step-2" instead.
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
  }

  window.addEventListener("hashchange", follow);
  if (Object.getOwnPropertyDescriptor(D, "readyState").get.call(document) === "loading") {
    window.addEventListener("DOMContentLoaded", follow);
  } else {
    follow();
  }
})();
