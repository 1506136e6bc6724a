/* Search (plugins/search): queries this language's Pagefind index in the
   reader's browser.  Loaded by the search page only; without it the page is a
   list of every post.  What is typed is never sent anywhere nor put in the
   address bar. */
(function () {
  "use strict";
  var form = document.querySelector("[data-search]");
  if (!form) return;
  var input = form.querySelector("input[type=search]");
  var status = document.querySelector("[data-search-status]");
  var list = document.querySelector("[data-search-results]");
  var pagefind = null;
  var pending = null;
  var latest = 0;

  function load() {
    if (!pagefind) {
      pagefind = import(form.dataset.index + "pagefind.js").then(function (module) {
        return module.options({ baseUrl: form.dataset.baseUrl }).then(function () {
          return module;
        });
      });
    }
    return pagefind;
  }

  /* What was found: results of every kind (posts, services, events…), not
     only posts; numbers written as the page's language writes them. */
  var SHOWN = 20;

  function number(count) {
    return count.toLocaleString(document.documentElement.lang || undefined);
  }

  function countText(count) {
    if (count === 0) return form.dataset.none;
    if (count === 1) return form.dataset.one;
    var text = count > SHOWN ? form.dataset.more : form.dataset.many;
    return text.replace("{count}", number(count)).replace("{shown}", number(SHOWN));
  }

  /* Pagefind's excerpts mark the matched words with <mark>; keep only those. */
  function excerpt(html) {
    var paragraph = document.createElement("p");
    var parsed = new DOMParser().parseFromString(html, "text/html").body;
    Array.prototype.forEach.call(parsed.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function show(results) {
    list.textContent = "";
    results.forEach(function (data) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = data.url;
      link.textContent = (data.meta && data.meta.title) || data.url;
      var heading = document.createElement("h2");
      heading.appendChild(link);
      item.appendChild(heading);
      item.appendChild(excerpt(data.excerpt || ""));
      list.appendChild(item);
    });
    list.hidden = results.length === 0;
  }

  function search() {
    var words = input.value.trim();
    var ticket = ++latest;
    if (!words) {
      list.hidden = true;
      list.textContent = "";
      status.textContent = "";
      return;
    }
    load()
      .then(function (module) {
        return module.search(words);
      })
      .then(function (found) {
        return Promise.all(
          found.results.slice(0, SHOWN).map(function (result) {
            return result.data();
          })
        ).then(function (results) {
          if (ticket !== latest) return;
          show(results);
          status.textContent = countText(found.results.length);
        });
      })
      .catch(function () {
        if (ticket !== latest) return;
        list.hidden = true;
        status.textContent = form.dataset.failed;
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search();
  });
  input.addEventListener("input", function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(search, 300);
  });
})();
