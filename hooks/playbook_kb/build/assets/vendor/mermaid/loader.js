/* Serve Mermaid from this site, never from unpkg.com: an intranet has no internet.
 *
 * Material for MkDocs fetches https://unpkg.com/mermaid@11 unless a global `mermaid`
 * exists when the page's diagrams are mounted (on DOMContentLoaded, after this script).
 * This stand-in is that global. It loads the vendored mermaid.min.js (3.5 MB) only when
 * a page really renders a diagram, then hands every call to the real library.
 */
(function () {
  "use strict";
  if (typeof window.mermaid !== "undefined" && !(window.mermaid instanceof Element)) return;
  var src = new URL("mermaid.min.js", document.currentScript.src).href;
  var config = {};
  var ready = null;

  function load() {
    ready = ready || new Promise(function (resolve, reject) {
      var stub = window.mermaid;
      var script = document.createElement("script");
      script.src = src;
      script.onload = function () {
        var real = window.mermaid;
        window.mermaid = stub;  // keep the stand-in: it is what Material calls
        real.initialize(config);
        resolve(real);
      };
      script.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(script);
    });
    return ready;
  }

  /* On paper a tall flowchart would be cut across pages (an SVG never breaks), and
     Chromium then leaves whole pages blank: shrink each diagram to one A4 page. */
  var PAGE_HEIGHT = 900;  // CSS px of an A4 page's printable height, with a margin
  function fitForPrint() {
    document.querySelectorAll("div.mermaid").forEach(function (host) {
      host.style.width = "fit-content";  // as wide as the diagram itself
      var height = host.offsetHeight;
      if (height > PAGE_HEIGHT) {
        host.style.width = Math.floor(host.offsetWidth * PAGE_HEIGHT / height) + "px";
      }
    });
  }
  function unfit() {
    document.querySelectorAll("div.mermaid").forEach(function (host) { host.style.width = ""; });
  }
  window.addEventListener("beforeprint", fitForPrint);
  window.addEventListener("afterprint", unfit);

  window.mermaid = {
    initialize: function (options) {
      config = options || {};
      if (ready) ready.then(function (real) { real.initialize(config); });
    },
    render: function (id, text) {
      return load().then(function (real) { return real.render(id, text); });
    },
  };
})();
