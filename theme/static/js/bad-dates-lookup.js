/* The bad date lookup (plugins/bad_dates): searches this language's reports.json
   in the reader's browser.  Nothing typed is sent anywhere nor put in the
   address bar; the only request is for reports.json, on this site.  Numbers
   are compared by their digits and plates by their letters and digits, as
   plugins/bad_dates/identifiers.py writes them in the index.  Without this
   script the page lists every report. */
(function () {
  "use strict";
  var form = document.querySelector("[data-lookup]");
  if (!form) return;
  var input = form.querySelector("input[type=search]");
  var status = document.querySelector("[data-lookup-status]");
  var list = document.querySelector("[data-lookup-results]");
  var reports = null;
  var waiting = [];
  var timer = null;

  function fold(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function phoneDigits(text) {
    var digits = fold(text).replace(/[^0-9]/g, "");
    if (digits.length === 11 && digits.charAt(0) === "1") digits = digits.slice(1);
    return digits;
  }

  function plateKey(text) {
    return fold(text).toUpperCase().replace(/[^0-9A-Z]/g, "");
  }

  function load(done) {
    if (reports) return done(reports);
    waiting.push(done);
    if (waiting.length > 1) return;
    var request = new XMLHttpRequest();
    request.open("GET", form.getAttribute("data-index"));
    request.onload = function () {
      var parsed = null;
      try {
        parsed = request.status === 200 ? JSON.parse(request.responseText).reports : null;
      } catch (error) {
        parsed = null;
      }
      reports = parsed;
      var callbacks = waiting;
      waiting = [];
      callbacks.forEach(function (callback) { callback(parsed); });
      if (!parsed) reports = null;
    };
    request.onerror = function () {
      var callbacks = waiting;
      waiting = [];
      callbacks.forEach(function (callback) { callback(null); });
    };
    request.send();
  }

  /* Why a report matches what was typed: "phone", "plate", "words", or "" for no match. */
  function matches(report, query) {
    var digits = phoneDigits(query);
    var letters = /[a-z\u00c0-\u024f]/i.test(query);
    if (digits.length >= 4 && !letters) {
      for (var i = 0; i < report.phones.length; i++) {
        if (report.phones[i].indexOf(digits) !== -1) return "phone";
      }
    }
    var plate = plateKey(query);
    if (plate.length >= 2 && query.trim().split(/\s+/).length <= 3) {
      for (var j = 0; j < report.plates.length; j++) {
        var known = report.plates[j];
        if (known.indexOf(plate) !== -1 || (known.length >= 3 && plate.indexOf(known) !== -1)) return "plate";
      }
    }
    if (letters || digits.length < 4) {
      var words = fold(query).split(/\s+/).filter(Boolean);
      if (words.length && words.every(function (word) { return report.words.indexOf(word) !== -1; })) return "words";
    }
    return "";
  }

  function countText(count) {
    if (count === 0) return form.getAttribute("data-none");
    if (count === 1) return form.getAttribute("data-one");
    return form.getAttribute("data-many").replace("{count}", String(count));
  }

  function paragraph(text, className) {
    var element = document.createElement("p");
    element.textContent = text;
    if (className) element.className = className;
    return element;
  }

  function show(found) {
    list.textContent = "";
    found.forEach(function (result) {
      var report = result.report;
      var item = document.createElement("li");
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      link.href = form.getAttribute("data-base-url") + report.url;
      link.textContent = report.when + " · " + report.where;
      heading.appendChild(link);
      item.appendChild(heading);
      if (result.why === "phone") item.appendChild(paragraph(form.getAttribute("data-phone"), "bad-dates-match"));
      if (result.why === "plate") item.appendChild(paragraph(form.getAttribute("data-plate"), "bad-dates-match"));
      item.appendChild(paragraph(report.kinds.join(", ") + ". " + report.person));
      var marks = report.contacts.slice();
      if (report.vehicle) marks.push(report.vehicle);
      if (marks.length) item.appendChild(paragraph(marks.join(" · ")));
      var more = document.createElement("a");
      more.href = link.href;
      more.textContent = form.getAttribute("data-read") + " (" + report.month + ")";
      var last = document.createElement("p");
      last.appendChild(more);
      item.appendChild(last);
      list.appendChild(item);
    });
    list.hidden = found.length === 0;
  }

  function search() {
    var query = input.value.trim();
    if (!query) {
      list.hidden = true;
      list.textContent = "";
      status.textContent = "";
      return;
    }
    load(function (all) {
      if (query !== input.value.trim()) return; /* the reader typed on: a newer search follows */
      if (!all) {
        list.hidden = true;
        status.textContent = form.getAttribute("data-failed");
        return;
      }
      var found = [];
      all.forEach(function (report) {
        var why = matches(report, query);
        if (why) found.push({ report: report, why: why });
      });
      show(found);
      status.textContent = countText(found.length);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    search();
  });
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, 250);
  });
})();
