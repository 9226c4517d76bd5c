/*
 * La carte des projets de la page « Projets » : elle suit les facettes.
 * À chaque nouvelle recherche d'eea.facetednavigation, elle relit
 * @projects-geojson avec les mêmes filtres et replace les marqueurs.
 * Ses textes suivent la langue de la page (<html lang>) : anglais ou français.
 */
(function () {
  "use strict";

  // The map's own words, per language of the page.
  var MESSAGES = {
    fr: { attribution: "&copy; contributeurs d'OpenStreetMap" },
    en: { attribution: "&copy; OpenStreetMap contributors" },
  };

  function messages() {
    var lang = (document.documentElement.lang || "").toLowerCase().split("-")[0];
    return MESSAGES.hasOwnProperty(lang) ? MESSAGES[lang] : MESSAGES.fr;
  }

  function paramsFor(mapping) {
    var params = new URLSearchParams();
    var query = (window.Faceted && window.Faceted.Query) || {};
    Object.keys(mapping).forEach(function (criterion) {
      [].concat(query[criterion] || []).forEach(function (value) {
        if (value !== "" && value !== null && value !== undefined) {
          params.append(mapping[criterion], value);
        }
      });
    });
    return params;
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

  // The project's title, linked to its sheet: text only, never markup.
  function projectLink(properties) {
    var href = webAddress(properties.url);
    var link = document.createElement(href ? "a" : "span");
    if (href) {
      link.setAttribute("href", href);
    }
    link.textContent = properties.title || "";
    return link;
  }

  function popupContent(properties) {
    var popup = document.createElement("div");
    popup.appendChild(projectLink(properties));
    popup.appendChild(document.createElement("br"));
    popup.appendChild(
      document.createTextNode((properties.commune || "") + " — " + (properties.stage_title || ""))
    );
    return popup;
  }

  function start() {
    var element = document.getElementById("coordaction-project-map");
    if (!element || !window.L) {
      return;
    }
    var mapping = JSON.parse(element.dataset.criteria || "{}");
    var map = L.map(element, { scrollWheelZoom: false }).setView([46.6, 2.4], 5);
    if (element.dataset.tiles) {
      L.tileLayer(element.dataset.tiles, {
        maxZoom: 18,
        attribution: messages().attribution,
      }).addTo(map);
    }
    var markers = L.featureGroup().addTo(map);
    var list = document.getElementById("coordaction-project-list");

    function show(data) {
      markers.clearLayers();
      if (list) {
        list.textContent = "";
      }
      data.features.forEach(function (feature) {
        var coordinates = feature.geometry.coordinates;
        var properties = feature.properties;
        L.circleMarker([coordinates[1], coordinates[0]], {
          radius: 7,
          className: "coordaction-project-marker",
        })
          .bindPopup(popupContent(properties))
          .addTo(markers);
        if (list) {
          var item = document.createElement("li");
          item.appendChild(projectLink(properties));
          item.appendChild(document.createTextNode(" (" + (properties.commune || "") + ")"));
          list.appendChild(item);
        }
      });
      element.dataset.count = String(data.features.length);
      if (data.features.length) {
        map.fitBounds(markers.getBounds(), { maxZoom: 10, padding: [20, 20] });
      }
    }

    function refresh() {
      fetch(element.dataset.geojson + "?" + paramsFor(mapping).toString(), {
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.json();
        })
        .then(show);
    }

    if (window.jQuery && window.Faceted) {
      jQuery(Faceted.Events).on(Faceted.Events.AJAX_QUERY_SUCCESS, refresh);
    }
    refresh();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
