/* Copy buttons of the announcements page.
   Without this script the read-only text boxes still work: select the text
   and copy it. With it, each box gets a button that copies its whole text
   and says so in a status message (read out by screen readers). */
(function () {
  "use strict";

  function copyText(box) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(box.value);
    }
    // Older browsers, and pages served without HTTPS.
    box.focus();
    box.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function setUp(button) {
    var box = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector(".copy-status");
    if (!box || !status) {
      return;
    }
    button.addEventListener("click", function () {
      copyText(box).then(
        function () { status.textContent = button.getAttribute("data-copied"); },
        function () {
          box.focus();
          box.select();
          status.textContent = button.getAttribute("data-failed");
        }
      );
    });
    button.hidden = false;
  }

  Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), setUp);
})();
