/* Serve Mermaid from this site, never from unpkg.com: an intranet has no internet.
 *
 * Material for MkDocs fetches https://unpkg.com/mermaid@11 unless a global `mermaid`
 * exists when the page's diagrams are mounted (on DOMContentLoaded, after this script).
 * This stand-in is that global. It loads the vendored mermaid.min.js (3.5 MB) only when
 * a page really renders a diagram, then hands every call to the real library.
 */
(function () {
  "use strict";
  /* Trust nothing in the DOM: `document.currentScript` or `window.mermaid` can be shadowed
     by an element with that name, so DOM properties are read from Document.prototype and
     a global `mermaid` counts only if it really is the library. */
  var D = Document.prototype;
  function doc(name) { return Object.getOwnPropertyDescriptor(D, name).get.call(document); }
  var existing = window.mermaid;
  if (existing && typeof existing.render === "function" && !(existing instanceof Node)) return;
  var self = doc("currentScript");
  var src = self instanceof HTMLScriptElement ? new URL("mermaid.min.js", self.src).href : "";
  var config = {};
  var ready = null;

  function load() {
    ready = ready || new Promise(function (resolve, reject) {
      if (!src) { reject(new Error("mermaid.min.js: unknown location")); return; }
      var stub = window.mermaid;
      var script = D.createElement.call(document, "script");
      script.src = src;
      script.onload = function () {
        var real = window.mermaid;
        window.mermaid = stub;  // keep the stand-in: it is what Material calls
        real.initialize(config);
        resolve(real);
      };
      script.onerror = function () { reject(new Error("cannot load " + src)); };
      doc("head").appendChild(script);
    });
    return ready;
  }

  /* On paper a tall flowchart would be cut across pages (an SVG never breaks), and
     Chromium then leaves whole pages blank: shrink each diagram to one A4 page. */
  var PAGE_HEIGHT = 900;  // CSS px of an A4 page's printable height, with a margin
  function fitForPrint() {
    D.querySelectorAll.call(document, "div.mermaid").forEach(function (host) {
      host.style.width = "fit-content";  // as wide as the diagram itself
      var height = host.offsetHeight;
      if (height > PAGE_HEIGHT) {
        host.style.width = Math.floor(host.offsetWidth * PAGE_HEIGHT / height) + "px";
      }
    });
  }
  function unfit() {
    D.querySelectorAll.call(document, "div.mermaid").forEach(function (host) { host.style.width = ""; });
  }
  window.addEventListener("beforeprint", fitForPrint);
  window.addEventListener("afterprint", unfit);

  window.mermaid = {
    initialize: function (options) {
      config = Object.assign({}, options, { securityLevel: "strict" });  // labels stay text
      if (ready) ready.then(function (real) { real.initialize(config); });
    },
    render: function (id, text) {
      return load().then(function (real) { return real.render(id, text); });
    },
  };
})();
