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
 * Le formulaire d'abonnement à la lettre d'information, au même script :
 *
 *   <div data-coordaction-letter data-topics="agenda,projets" data-region="53"></div>
 *
 * data-topics : thèmes (rubriques) séparés par des virgules, tous si absent ;
 * data-region : code de la région. Il envoie l'adresse à @letter-subscription
 * (double confirmation par courriel) et affiche la réponse du portail.
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

  // The letter's sign-up form: <div data-coordaction-letter data-topics="agenda,projets"
  // data-region="53"></div>. Its answer comes from the portal, in the page's
  // language; the address goes nowhere else.
  var LETTER = {
    fr: {
      title: "La lettre d'information de la Coordin'action",
      email: "Votre adresse électronique",
      consent: "J'accepte que mon adresse soit conservée pour m'envoyer la lettre.",
      send: "S'abonner",
      privacy: "Comment la Coordin'action traite vos données personnelles",
    },
    en: {
      title: "The Coordin'action's newsletter",
      email: "Your e-mail address",
      consent: "I accept that my address is kept to send me the newsletter.",
      send: "Subscribe",
      privacy: "How the Coordin'action handles your personal data",
    },
  };

  var letterForms = 0;

  function field(form, label, input) {
    letterForms += 1;
    input.id = "coordaction-letter-" + letterForms;
    var wrapper = document.createElement("p");
    var caption = text("label", label);
    caption.htmlFor = input.id;
    wrapper.appendChild(caption);
    wrapper.appendChild(input);
    form.appendChild(wrapper);
    return input;
  }

  function letterForm(element) {
    var words = LETTER[language];
    var base = element.dataset.portal || portal;
    var form = document.createElement("form");
    form.className = "coordaction-letter";
    form.appendChild(text("h3", element.dataset.title || words.title));
    var email = document.createElement("input");
    email.type = "email";
    email.required = true;
    email.autocomplete = "email";
    email.maxLength = 254;
    field(form, words.email, email);
    var consent = document.createElement("input");
    consent.type = "checkbox";
    consent.required = true;
    var consentLine = document.createElement("p");
    consentLine.appendChild(consent);
    letterForms += 1;
    consent.id = "coordaction-letter-" + letterForms;
    var consentLabel = text("label", " " + words.consent);
    consentLabel.htmlFor = consent.id;
    consentLine.appendChild(consentLabel);
    form.appendChild(consentLine);
    form.appendChild(link(words.privacy, base + "/donnees-personnelles"));
    var button = text("button", words.send);
    button.type = "submit";
    form.appendChild(button);
    var answer = text("p", "", "coordaction-letter-answer");
    answer.setAttribute("role", "status");
    form.appendChild(answer);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = { email: email.value, consent: consent.checked };
      var topics = (element.dataset.topics || "").split(",").filter(Boolean);
      if (topics.length) {
        body.topics = topics.map(function (topic) {
          return topic.trim();
        });
      }
      if (element.dataset.region) {
        body.region = element.dataset.region;
      }
      button.disabled = true;
      fetch(base + "/@letter-subscription", {
        method: "POST",
        headers: {
          Accept: "application/json",
          "Accept-Language": language,
          "Content-Type": "application/json",
        },
        credentials: "omit",
        body: JSON.stringify(body),
      })
        .then(function (response) {
          return response.json().then(function (data) {
            answer.textContent = data.message || messages.unavailable;
            if (response.ok) {
              email.value = "";
              consent.checked = false;
            }
          });
        })
        .catch(function () {
          answer.textContent = messages.unavailable;
        })
        .finally(function () {
          button.disabled = false;
        });
    });
    element.replaceChildren(form);
  }

  function start() {
    document.querySelectorAll("[data-coordaction-widget]").forEach(load);
    document.querySelectorAll("[data-coordaction-letter]").forEach(letterForm);
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
