/* The preview's live script: added by `publish.py serve` to the pages it sends, never part of the built site.

   It listens to /__relais__/events while the page is visible.  When a build has replaced the site since this
   page was sent, it reloads the page.  When the last build failed, it shows the build's messages in a panel
   at the bottom (built with DOM methods and textContent only, announced once, never taking the focus), and
   the panel goes when a later build succeeds.  The page's Content-Security-Policy holds: this file and its
   style come from the same host, and nothing here runs code from text. */
(function () {
  "use strict";

  var script = document.currentScript;
  var version = script && script.getAttribute("data-version");
  if (!version || !window.EventSource || !document.body) {
    return;
  }

  var WORDS = {
    en: {
      label: "Preview",
      title: "The last change could not be built",
      intro: "The preview still shows the last good version of the site. Fix these problems, then save again:",
      hide: "Hide these messages"
    },
    fr: {
      label: "Aperçu",
      title: "La dernière modification n’a pas pu être construite",
      intro: "L’aperçu montre encore la dernière version correcte du site. Corrigez ces problèmes, puis enregistrez de nouveau :",
      hide: "Masquer ces messages"
    }
  };
  var lang = (document.documentElement.getAttribute("lang") || "en").slice(0, 2).toLowerCase();
  var words = WORDS[lang] || WORDS.en;
  var source = null;
  var panel = null;
  var shownAttempt = null;
  var hiddenAttempt = null;

  function listen() {
    if (source || document.visibilityState === "hidden") {
      return;
    }
    source = new EventSource("/__relais__/events");
    source.onmessage = function (event) {
      var state;
      try {
        state = JSON.parse(event.data);
      } catch (error) {
        return;
      }
      if (state.version !== version) {
        stop();
        window.location.reload();
      } else if ((state.problems && state.problems.length) || state.count) {
        show(state.attempt, state.problems || [], state.count);
      } else {
        hide();
      }
    };
  }

  // A hidden tab lets go of its connection: browsers allow only a few per host.
  function stop() {
    if (source) {
      source.close();
      source = null;
    }
  }

  function loadStyle() {
    if (!document.getElementById("relais-live--style")) {
      var link = document.createElement("link");
      link.id = "relais-live--style";
      link.rel = "stylesheet";
      link.href = "/__relais__/live.css";
      document.head.appendChild(link);
    }
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function show(attempt, problems, count) {
    if (attempt === shownAttempt || attempt === hiddenAttempt) {
      return;
    }
    hide();
    loadStyle();
    panel = element("aside", "relais-live--panel");
    panel.id = "relais-live--panel";
    panel.setAttribute("aria-label", words.label);
    panel.setAttribute("lang", WORDS[lang] ? lang : "en");
    var alert = element("div", "relais-live--alert");
    alert.setAttribute("role", "alert");
    alert.appendChild(element("h2", "relais-live--title", words.title));
    alert.appendChild(element("p", "relais-live--intro", words.intro));
    var list = element("ul", "relais-live--problems");
    list.setAttribute("lang", "en");
    problems.forEach(function (line) {
      var item = element("li");
      item.appendChild(element("code", "", String(line)));
      list.appendChild(item);
    });
    alert.appendChild(list);
    if (count) {
      alert.appendChild(element("p", "relais-live--count", String(count))).setAttribute("lang", "en");
    }
    panel.appendChild(alert);
    var button = element("button", "relais-live--hide", words.hide);
    button.type = "button";
    button.addEventListener("click", function () {
      hiddenAttempt = attempt;
      hide();
    });
    panel.appendChild(button);
    document.body.appendChild(panel);
    document.documentElement.classList.add("relais-live--shown");
    shownAttempt = attempt;
  }

  function hide() {
    if (panel) {
      panel.remove();
      panel = null;
    }
    shownAttempt = null;
    document.documentElement.classList.remove("relais-live--shown");
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      stop();
    } else {
      listen();
    }
  });
  window.addEventListener("pagehide", stop);
  window.addEventListener("pageshow", listen);
  listen();
})();
