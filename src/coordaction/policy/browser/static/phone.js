/*
 * Les pages à facettes sur un téléphone (eea.facetednavigation) : les résultats
 * d'abord, les filtres repliés derrière un bouton « Filtrer (n) », n étant le
 * nombre de filtres choisis. Le bouton est un vrai <button> (aria-expanded,
 * aria-controls) ; à l'ouverture le focus va dans les filtres, « Voir les
 * résultats » ou Échap les referment et le rendent au bouton. L'état ouvert est
 * gardé dans l'adresse (?filtres=ouverts : eea ne lit que le fragment #…), si bien
 * qu'un rechargement ou un retour arrière le retrouve.
 *
 * Au-delà de 992 px (où eea met les filtres à côté des résultats), phone.css
 * cache le bouton et montre toujours les filtres : rien ne change sur un
 * ordinateur. Sans JavaScript, les filtres restent visibles.
 *
 * Ses textes suivent la langue de la page (<html lang>), comme project-map.js.
 * Aucun HTML écrit en chaîne : tout est construit par le DOM.
 */
(function () {
  "use strict";

  var MESSAGES = {
    fr: { filter: "Filtrer", close: "Voir les résultats" },
    en: { filter: "Filter", close: "Show the results" },
  };

  // The page's address says the filters are open with ?filtres=ouverts.
  var PARAMETER = "filtres";
  var OPEN = "ouverts";

  function messages() {
    var lang = (document.documentElement.lang || "").toLowerCase().split("-")[0];
    return MESSAGES.hasOwnProperty(lang) ? MESSAGES[lang] : MESSAGES.fr;
  }

  function openInAddress() {
    return new URLSearchParams(window.location.search).get(PARAMETER) === OPEN;
  }

  function keepInAddress(open) {
    var url = new URL(window.location.href);
    if (open) {
      url.searchParams.set(PARAMETER, OPEN);
    } else {
      url.searchParams.delete(PARAMETER);
    }
    // Replace, not push: opening the filters is not a page of its own.
    window.history.replaceState(window.history.state, "", url.href);
  }

  // The criteria of the filters' column: eea names each widget "<criterion>_widget";
  // a filter of the page outside eea's widgets (the map's "Autour de…") names its
  // criterion with data-faceted-criterion.
  function criteriaOf(area) {
    var widgets = Array.prototype.map.call(
      area.querySelectorAll(".faceted-widget[id$='_widget']"),
      function (widget) {
        return widget.id.slice(0, -"_widget".length);
      }
    );
    var others = Array.prototype.map.call(
      document.querySelectorAll("[data-faceted-criterion]"),
      function (element) {
        return element.getAttribute("data-faceted-criterion");
      }
    );
    return widgets.concat(others);
  }

  // The number of filters chosen: each ticked value, a range once.
  function activeFilters(criteria) {
    var query = (window.Faceted && window.Faceted.Query) || {};
    return criteria.reduce(function (total, criterion) {
      var values = [].concat(query[criterion] || []).filter(function (value) {
        return value !== "" && value !== null && value !== undefined && value !== "all";
      });
      if (!values.length) {
        return total;
      }
      var range = document.querySelector("#" + criterion + "_widget.faceted-range-widget");
      return total + (range ? 1 : values.length);
    }, 0);
  }

  function firstFocusable(area) {
    return area.querySelector(
      "input:not([type=hidden]):not([disabled]), select:not([disabled]), " +
        "button:not([disabled]), a[href], [tabindex]:not([tabindex='-1'])"
    );
  }

  function start() {
    var form = document.getElementById("faceted-form");
    var area = document.getElementById("left-area");
    // Sorting and "Votre recherche", above the results: folded with the filters.
    var above = document.getElementById("center-top-area");
    var panels = [area];
    if (above && above.querySelector(".faceted-widget")) {
      panels.push(above);
    }
    if (!form || !area || !area.querySelector(".faceted-widget")) {
      return;
    }
    var words = messages();
    var criteria = criteriaOf(area);

    var bar = document.createElement("div");
    bar.className = "coordaction-filters-bar col-12";
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.id = "coordaction-filters-toggle";
    toggle.className = "btn btn-outline-primary coordaction-filters-toggle";
    toggle.setAttribute(
      "aria-controls",
      panels
        .map(function (panel) {
          return panel.id;
        })
        .join(" ")
    );
    var label = document.createElement("span");
    label.className = "coordaction-filters-label";
    label.textContent = words.filter;
    var count = document.createElement("span");
    count.className = "coordaction-filters-count";
    toggle.appendChild(label);
    toggle.appendChild(document.createTextNode(" "));
    toggle.appendChild(count);
    bar.appendChild(toggle);
    area.parentNode.insertBefore(bar, area);

    // At the end of the filters (and of the sorting): back to the results.
    var close = document.createElement("button");
    close.type = "button";
    close.className = "btn btn-primary coordaction-filters-close";
    close.textContent = words.close;
    panels[panels.length - 1].appendChild(close);

    function showCount() {
      count.textContent = "(" + activeFilters(criteria) + ")";
    }

    function setOpen(open, focus) {
      form.classList.toggle("coordaction-filters-open", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      if (focus && open) {
        var target = firstFocusable(area);
        if (target) {
          target.focus();
        }
      } else if (focus) {
        toggle.focus();
      }
    }

    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      setOpen(open, open);
      keepInAddress(open);
    });
    close.addEventListener("click", function () {
      setOpen(false, true);
      keepInAddress(false);
    });
    panels.forEach(function (panel) {
      panel.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
          event.preventDefault();
          setOpen(false, true);
          keepInAddress(false);
        }
      });
    });
    window.addEventListener("popstate", function () {
      setOpen(openInAddress(), false);
    });

    form.classList.add("coordaction-filters-collapsible");
    setOpen(openInAddress(), false);
    showCount();
    if (window.jQuery && window.Faceted) {
      jQuery(Faceted.Events).on(Faceted.Events.QUERY_CHANGED, showCount);
      jQuery(Faceted.Events).on(Faceted.Events.AJAX_QUERY_SUCCESS, showCount);
    }
  }

  // Plone's toolbar of someone who has only a personal menu here: phone.css makes
  // it a strip at the top of the page, and the menu opens below its name
  // (Bootstrap's "dropdown", aligned right) instead of beside it.
  function personalMenuBelow() {
    var wrapper = document.querySelector("#edit-zone .personaltools-wrapper");
    if (!wrapper || document.querySelector("#edit-zone .plone-toolbar-main > li")) {
      return;
    }
    var menu = wrapper.querySelector(".dropdown-menu");
    wrapper.classList.remove("dropend");
    wrapper.classList.add("dropdown");
    if (menu) {
      menu.classList.add("dropdown-menu-end");
    }
  }

  // "Votre recherche" lists the filters chosen: not the order of the results nor
  // their number per page (eea listed "Trier par Date de publication" and
  // "Résultats par page 20" before anything was chosen), and "Tout supprimer"
  // removes the filters but keeps the page's default order (eea emptied it: the
  // results came in no order).
  function keepOrderOutOfFilters() {
    if (!window.jQuery || !window.Faceted || !Faceted.Events) {
      return;
    }
    // eea starts its widgets on jQuery's "ready", which may come before or after
    // this script: after them, either way.
    if (Faceted.Widgets && Object.keys(Faceted.Widgets).length) {
      orderOutOfFilters();
      jQuery(Faceted.Events).trigger(Faceted.Events.DO_UPDATE);
    } else {
      jQuery(Faceted.Events).on(Faceted.Events.INITIALIZE, orderOutOfFilters);
    }
  }

  function orderOutOfFilters() {
    jQuery.each(Faceted.Widgets, function (criterion, widget) {
      var element = document.getElementById(criterion + "_widget");
      if (!element) {
        return;
      }
      var sorting = element.classList.contains("faceted-sorting-widget");
      if (!sorting && !element.classList.contains("faceted-resultsperpage-widget")) {
        return;
      }
      widget.criteria = function () {
        return [];
      };
      if (!sorting || !widget.select) {
        return;
      }
      var order = widget.select.val();
      var reversed = widget.reverse.prop("checked");
      if (!order) {
        return;
      }
      // eea's reset empties the query and unticks every box, after the widgets
      // have reset themselves: the default order comes back after it.
      var reset = Faceted.Form.reset;
      Faceted.Form.reset = function () {
        reset.apply(this, arguments);
        widget.select.val(order);
        widget.reverse.prop("checked", reversed);
        widget.selected = widget.widget.find("option:selected");
        Faceted.Query[criterion] = [order];
        if (reversed) {
          Faceted.Query.reversed = "on";
        }
      };
    });
  }

  function startAll() {
    start();
    keepOrderOutOfFilters();
    personalMenuBelow();
  }

  // Deferred like eea's scripts: start once they have all run.
  if (document.readyState === "complete") {
    startAll();
  } else {
    document.addEventListener("DOMContentLoaded", startAll);
  }
})();
