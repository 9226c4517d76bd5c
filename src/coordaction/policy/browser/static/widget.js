/*
 * Widget de la Coordin'action : les dernières ressources, annonces ou événements
 * d'une région, à coller dans le site d'une association.
 *
 *   <div data-coordaction-widget data-collection="ressources" data-regions="53"
 *        data-limit="5" data-title="Ressources en Bretagne"></div>
 *   <script async src="https://PORTAIL/coordaction/++resource++coordaction/widget.js"></script>
 *
 * data-collection : ressources, annonces ou agenda ; data-regions, data-themes :
 * codes séparés par des virgules ; data-limit : nombre d'éléments (20 au plus).
 * Il lit l'API REST publique du portail (@facets) : le site doit figurer parmi
 * les origines autorisées (CORS) du portail.
 *
 * Ses textes suivent la langue de la page qui l'accueille
 * (<html lang="en"> : en anglais ; sinon en français), comme les réponses du
 * portail qu'il demande dans cette langue (en-tête Accept-Language).
 */
(function () {
  "use strict";

  // The widget's own words, per language of the page that shows it.
  var MESSAGES = {
    fr: {
      empty: "Rien de nouveau pour le moment.",
      more: "Voir tout sur le portail de la Coordin'action",
      unavailable: "Les contenus de la Coordin'action sont momentanément indisponibles.",
      locale: "fr-FR",
    },
    en: {
      empty: "Nothing new for the moment.",
      more: "See everything on the Coordin'action portal",
      unavailable: "The Coordin'action's content is unavailable for the moment.",
      locale: "en-GB",
    },
  };

  // "en", "en-GB"... read English; any other language (or none) reads French.
  function pageLanguage() {
    var lang = (document.documentElement.lang || "").toLowerCase().split("-")[0];
    return MESSAGES.hasOwnProperty(lang) ? lang : "fr";
  }

  var language = pageLanguage();
  var messages = MESSAGES[language];

  var script = document.currentScript;
  var portal = script
    ? script.src.replace(/\/\+\+resource\+\+coordaction\/widget\.js.*$/, "")
    : "";

  function text(tag, value, className) {
    var element = document.createElement(tag);
    element.textContent = value;
    if (className) {
      element.className = className;
    }
    return element;
  }

  // Only web addresses become links: never a javascript: or data: one.
  function webAddress(value) {
    try {
      var url = new URL(value, document.baseURI);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function link(value, href, className) {
    var safe = webAddress(href);
    var element = text(safe ? "a" : "span", value, className);
    if (safe) {
      element.setAttribute("href", safe);
    }
    return element;
  }

  function localDate(value) {
    if (!value) {
      return "";
    }
    var date = new Date(value);
    return isNaN(date)
      ? ""
      : date.toLocaleDateString(messages.locale, {
          day: "numeric",
          month: "long",
          year: "numeric",
        });
  }

  function queryFor(element) {
    var params = new URLSearchParams();
    params.set("collection", element.dataset.collection || "ressources");
    params.set("b_size", String(Math.min(parseInt(element.dataset.limit || "5", 10) || 5, 20)));
    ["regions", "themes"].forEach(function (name) {
      (element.dataset[name] || "").split(",").forEach(function (value) {
        if (value.trim()) {
          params.append(name, value.trim());
        }
      });
    });
    return params;
  }

  function render(element, data) {
    element.textContent = "";
    element.classList.add("coordaction-widget");
    if (element.dataset.title) {
      element.appendChild(text("h3", element.dataset.title));
    }
    if (!data.items || data.items.length === 0) {
      element.appendChild(text("p", messages.empty, "coordaction-widget-empty"));
      return;
    }
    var list = document.createElement("ul");
    data.items.forEach(function (item) {
      var entry = document.createElement("li");
      var title = link(item.title, item["@id"]);
      title.rel = "noopener";
      entry.appendChild(title);
      var when = localDate(item.start || item.effective);
      if (when) {
        entry.appendChild(text("span", " — " + when, "coordaction-widget-date"));
      }
      if (item.license && item.license.url) {
        var license = link(item.license.title, item.license.url, "coordaction-widget-license");
        license.rel = "license noopener";
        entry.appendChild(document.createTextNode(" "));
        entry.appendChild(license);
      }
      list.appendChild(entry);
    });
    element.appendChild(list);
    element.appendChild(
      link(messages.more, portal, "coordaction-widget-more")
    );
  }

  function load(element) {
    var url = (element.dataset.portal || portal) + "/@facets?" + queryFor(element).toString();
    element.setAttribute("aria-busy", "true");
    fetch(url, {
      headers: { Accept: "application/json", "Accept-Language": language },
      credentials: "omit",
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (data) {
        render(element, data);
      })
      .catch(function () {
        element.textContent = messages.unavailable;
      })
      .finally(function () {
        element.removeAttribute("aria-busy");
      });
  }

  function start() {
    document.querySelectorAll("[data-coordaction-widget]").forEach(load);
  }

  // A page that adds or changes a widget element asks for it to be loaded again:
  // element.dispatchEvent(new CustomEvent("coordaction:widget", {bubbles: true})).
  document.addEventListener("coordaction:widget", function (event) {
    if (event.target.matches && event.target.matches("[data-coordaction-widget]")) {
      load(event.target);
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
