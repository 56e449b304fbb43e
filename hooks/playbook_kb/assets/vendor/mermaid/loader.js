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
