/*
 * Outils pour vos sites : the preview and the code follow the form as it changes.
 * The page itself writes the code (sitetools/view.py): this script asks for the page
 * again with the new choice, takes its #site-tools-output and lets the widget load
 * the new preview. Without it, the form's button does the same with a reload.
 */
(function () {
  "use strict";

  var form = document.getElementById("site-tools-form");
  var status = document.getElementById("site-tools-status");
  if (!form) {
    return;
  }
  var asked = 0;
  var typing = null;

  function say(message) {
    status.textContent = "";
    // A new text, even the same one, is read again by screen readers.
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  function showCopyButtons(scope) {
    scope.querySelectorAll("[data-copy]").forEach(function (button) {
      if (navigator.clipboard) {
        button.hidden = false;
      }
    });
  }

  function refresh() {
    var address = form.action + "?" + new URLSearchParams(new FormData(form)).toString();
    var number = ++asked;
    fetch(address, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      })
      .then(function (page) {
        if (number !== asked) {
          return; // a newer choice is on its way
        }
        var fresh = new DOMParser()
          .parseFromString(page, "text/html")
          .getElementById("site-tools-output");
        var current = document.getElementById("site-tools-output");
        if (!fresh || !current) {
          throw new Error("output");
        }
        var output = document.importNode(fresh, true);
        current.replaceWith(output);
        showCopyButtons(output);
        window.history.replaceState(null, "", address);
        // The title left empty is the section's and région's: say which.
        form.elements.title.placeholder = output.dataset.defaultTitle;
        var preview = document.getElementById("site-tools-preview");
        preview.dispatchEvent(new CustomEvent("coordaction:widget", { bubbles: true }));
        say(form.dataset.updated);
      })
      .catch(function () {
        say(form.dataset.failed);
      });
  }

  form.addEventListener("change", refresh);
  form.addEventListener("input", function (event) {
    if (event.target.type === "text") {
      window.clearTimeout(typing);
      typing = window.setTimeout(refresh, 400);
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    refresh();
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) {
      return;
    }
    var source = document.getElementById(button.dataset.copy);
    navigator.clipboard.writeText(source.textContent).then(
      function () {
        say(form.dataset.copied);
      },
      function () {
        say(form.dataset.notCopied);
      }
    );
  });

  showCopyButtons(document);
})();
