/* Quick exit (plugins/quick_exit), after GOV.UK's "Exit this page".
   Without this script the button is a plain link to the neutral site.
   With it:
   - the page is blanked at once (slow connections keep showing the old page
     while the next one loads), then replaced by the neutral site;
   - pressing Shift three times, each press within 5 seconds of the last,
     does the same, with three dots and a spoken countdown;
   - location.replace() takes this page out of the tab's history, so Back on
     the neutral site does not show it again (earlier pages stay: the safety
     page says so);
   - coming back anyway (bfcache) shows the page again, reset. */
(function () {
  "use strict";
  var root = document.querySelector("[data-quick-exit]");
  if (!root) return;
  var button = root.querySelector("[data-quick-exit-button]");
  var indicator = root.querySelector("[data-quick-exit-indicator]");
  var status = root.querySelector("[data-quick-exit-status]");
  var PRESSES = 3;
  var TIMEOUT = 5000;
  var presses = 0;
  var timer = null;
  var lastKeyHadShift = false;
  var overlay = null;

  function say(key) {
    var message = root.querySelector('[data-message="' + key + '"]');
    status.textContent = "";
    if (message) {
      Array.prototype.forEach.call(message.childNodes, function (node) {
        status.appendChild(node.cloneNode(true));
      });
    }
  }

  function showPresses() {
    indicator.hidden = presses === 0;
    Array.prototype.forEach.call(indicator.children, function (dot, i) {
      dot.classList.toggle("is-on", i < presses);
    });
  }

  function reset() {
    presses = 0;
    window.clearTimeout(timer);
    timer = null;
    showPresses();
  }

  function exit(event) {
    if (event) event.preventDefault();
    reset();
    say("exiting");
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.className = "quick-exit-overlay";
      document.body.appendChild(overlay);
    }
    document.documentElement.classList.add("quick-exit-active");
    document.title = "";
    window.location.replace(button.href);
  }

  function onKeyUp(event) {
    if (event.key === "Shift" && !lastKeyHadShift) {
      presses += 1;
      window.clearTimeout(timer);
      if (presses >= PRESSES) {
        exit();
        return;
      }
      showPresses();
      say(presses === 1 ? "press-2" : "press-1");
      timer = window.setTimeout(function () {
        reset();
        say("timed-out");
      }, TIMEOUT);
    } else if (timer !== null) {
      // Another key in between (typing): start again.
      reset();
      status.textContent = "";
    }
    // Shift held while typing a capital letter is not a press.
    lastKeyHadShift = event.shiftKey;
  }

  function onPageShow() {
    reset();
    status.textContent = "";
    document.documentElement.classList.remove("quick-exit-active");
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  button.addEventListener("click", exit);
  document.addEventListener("keyup", onKeyUp, true);
  window.addEventListener("pageshow", onPageShow);
})();
