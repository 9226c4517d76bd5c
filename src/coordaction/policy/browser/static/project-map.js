/*
 * La carte des projets de la page « Projets » : elle suit les facettes.
 * À chaque nouvelle recherche d'eea.facetednavigation, elle relit
 * @projects-geojson avec les mêmes filtres et replace les marqueurs, groupés
 * (Leaflet.markercluster). Elle s'ouvre sur la France métropolitaine ; des
 * boutons mènent aux départements d'outre-mer. « Autour de… » : une commune
 * (nom ou code postal, @communes) et un rayon ajoutent near et radius_km à la
 * recherche : la carte et la liste des résultats s'y tiennent, et l'adresse de
 * la page les garde. Les textes viennent de la page (traduits), les valeurs
 * des projets ne passent que par textContent, les liens que s'ils sont http(s).
 */
(function () {
  "use strict";

  // [[south, west], [north, east]] of each place a button leads to.
  var PLACES = {
    metropole: [
      [41.3, -5.2],
      [51.1, 9.6],
    ],
    guadeloupe: [
      [15.8, -61.85],
      [16.55, -61.0],
    ],
    martinique: [
      [14.38, -61.25],
      [14.9, -60.8],
    ],
    guyane: [
      [2.1, -54.6],
      [5.8, -51.6],
    ],
    reunion: [
      [-21.4, 55.2],
      [-20.85, 55.85],
    ],
    mayotte: [
      [-13.0, 45.0],
      [-12.6, 45.3],
    ],
  };

  // Only web addresses become links or images: never a javascript: or data: one.
  function webAddress(value) {
    if (!value) {
      return null;
    }
    try {
      var url = new URL(value, document.baseURI);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  // Text for Leaflet's attribution, which is HTML: escaped.
  function escaped(text) {
    var span = document.createElement("span");
    span.textContent = text || "";
    return span.innerHTML;
  }

  // A message of the page with its {names} filled in.
  function message(template, values) {
    return (template || "").replace(/\{(\w+)\}/g, function (all, name) {
      return values.hasOwnProperty(name) ? String(values[name]) : all;
    });
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

  function popupContent(properties, labels) {
    var popup = document.createElement("div");
    popup.className = "coordaction-project-popup";
    var photo = webAddress(properties.photo_url);
    if (photo) {
      var image = document.createElement("img");
      image.setAttribute("src", photo);
      image.setAttribute("alt", "");
      image.setAttribute("loading", "lazy");
      image.className = "coordaction-project-popup-photo";
      popup.appendChild(image);
      if (properties.photo_credit) {
        var credit = document.createElement("small");
        credit.className = "coordaction-project-popup-credit";
        credit.textContent = properties.photo_credit;
        popup.appendChild(credit);
      }
    }
    var title = document.createElement("strong");
    title.appendChild(projectLink(properties));
    popup.appendChild(title);
    var commune = document.createElement("div");
    commune.textContent = properties.commune || "";
    popup.appendChild(commune);
    if (properties.stage_title) {
      var stage = document.createElement("div");
      stage.className = "coordaction-project-popup-stage";
      stage.textContent = message(labels.stage, { stage: properties.stage_title });
      popup.appendChild(stage);
    }
    return popup;
  }

  function facetedQuery() {
    return (window.Faceted && window.Faceted.Query) || null;
  }

  function first(value) {
    var values = [].concat(value || []);
    return values.length ? String(values[0]) : "";
  }

  function start() {
    var element = document.getElementById("coordaction-project-map");
    if (!element || !window.L) {
      return;
    }
    var data = element.dataset;
    var mapping = JSON.parse(data.criteria || "{}");
    var labels = {
      stage: data.labelStage,
      found: data.labelFound,
      none: data.labelNone,
      unknown: data.labelUnknown,
    };
    // Without eea's script, "Autour de…" keeps its own query.
    var ownQuery = {};

    function query() {
      return facetedQuery() || ownQuery;
    }

    var map = L.map(element, { scrollWheelZoom: false });
    // Leaflet's own credit has an English title; the tile server's attribution stays.
    map.attributionControl.setPrefix(false);
    // What the map shows, on the element (for the tests and a curious reader).
    map.on("moveend", function () {
        element.dataset.zoom = String(map.getZoom());
        element.dataset.bounds = map.getBounds().toBBoxString();
    });
    map.fitBounds(PLACES.metropole);
    element.dataset.view = "metropole";

    // The background: tiles from the configured server; a notice when they fail.
    var notice = document.getElementById("coordaction-map-tiles-failed");
    if (data.tiles) {
      var loaded = 0;
      var failed = 0;
      var tiles = L.tileLayer(data.tiles, {
        maxZoom: parseInt(data.tilesMaxZoom, 10) || 19,
        attribution: escaped(data.tilesAttribution),
      });
      tiles.on("loading", function () {
        loaded = 0;
        failed = 0;
      });
      tiles.on("tileload", function () {
        loaded += 1;
        if (notice) {
          notice.hidden = true;
        }
      });
      tiles.on("tileerror", function () {
        failed += 1;
        if (notice && !loaded) {
          notice.hidden = false;
        }
      });
      tiles.addTo(map);
    }

    var markers = L.markerClusterGroup
      ? L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50 })
      : L.featureGroup();
    markers.addTo(map);
    var circleLayer = null;
    var list = document.getElementById("coordaction-project-list");
    var status = document.getElementById("coordaction-around-status");
    var form = document.getElementById("coordaction-around");
    var input = document.getElementById("coordaction-around-commune");
    var radiusSelect = document.getElementById("coordaction-around-radius");
    var clearButton = document.getElementById("coordaction-around-clear");
    var options = document.getElementById("coordaction-around-communes");
    var communesUrl = data.communes;
    var commune = null; // the commune of "Autour de…", as @communes gives it
    var sequence = 0;

    function say(text) {
      if (status) {
        status.textContent = text || "";
      }
    }

    function paramsFor() {
      var params = new URLSearchParams();
      var current = query();
      Object.keys(mapping).forEach(function (criterion) {
        [].concat(current[criterion] || []).forEach(function (value) {
          if (value !== "" && value !== null && value !== undefined) {
            params.append(mapping[criterion], value);
          }
        });
      });
      return params;
    }

    function drawCircle() {
      if (circleLayer) {
        map.removeLayer(circleLayer);
        circleLayer = null;
      }
      var near = first(query().near);
      if (!commune || !near || commune.insee !== near) {
        return;
      }
      var radius = parseFloat(first(query().radius_km)) || parseFloat(data.defaultRadius);
      circleLayer = L.circle([commune.latitude, commune.longitude], {
        radius: radius * 1000,
        className: "coordaction-around-circle",
        interactive: false,
      }).addTo(map);
      map.fitBounds(circleLayer.getBounds());
      element.dataset.view = "around";
    }

    function show(answer) {
      markers.clearLayers();
      if (list) {
        list.textContent = "";
      }
      answer.features.forEach(function (feature) {
        var coordinates = feature.geometry.coordinates;
        var properties = feature.properties;
        L.marker([coordinates[1], coordinates[0]], {
          title: properties.title || "",
          alt: properties.title || "",
          icon: L.divIcon({
            className: "coordaction-project-marker",
            iconSize: [16, 16],
          }),
        })
          .bindPopup(popupContent(properties, labels))
          .addTo(markers);
        if (list) {
          var item = document.createElement("li");
          item.appendChild(projectLink(properties));
          item.appendChild(document.createTextNode(" (" + (properties.commune || "") + ")"));
          list.appendChild(item);
        }
      });
      element.dataset.count = String(answer.features.length);
      var near = first(query().near);
      if (near && commune && commune.insee === near) {
        var radius = first(query().radius_km) || data.defaultRadius;
        say(
          message(answer.features.length ? labels.found : labels.none, {
            count: answer.features.length,
            radius: radius,
            commune: commune.title,
          })
        );
      }
      drawCircle();
    }

    // The search whose markers are shown or on their way: eea's first results
    // arrive with the search the page started with, asked only once.
    var shownSearch = null;

    function refresh() {
      var search = paramsFor().toString();
      if (search === shownSearch) {
        return;
      }
      shownSearch = search;
      var mine = ++sequence;
      fetch(data.geojson + "?" + search, {
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.json().then(function (body) {
            return { ok: response.ok, body: body };
          });
        })
        .then(function (result) {
          if (mine !== sequence) {
            return;
          }
          if (!result.ok) {
            // A wrong commune or radius in the page's address: say it.
            shownSearch = null;
            markers.clearLayers();
            element.dataset.count = "0";
            say((result.body.error && result.body.error.message) || result.body.message);
            return;
          }
          show(result.body);
        });
    }

    function lookup(params) {
      return fetch(communesUrl + "?" + new URLSearchParams(params).toString(), {
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : { items: [] };
        })
        .then(function (answer) {
          return answer.items || [];
        });
    }

    // The communes a visitor is typing, offered in the input's list.
    var offered = [];
    var typing = null;
    if (input && options) {
      input.addEventListener("input", function () {
        window.clearTimeout(typing);
        var text = input.value.trim();
        if (text.length < 2) {
          return;
        }
        typing = window.setTimeout(function () {
          lookup({ q: text }).then(function (items) {
            offered = items;
            options.textContent = "";
            items.forEach(function (item) {
              var option = document.createElement("option");
              option.value = item.title;
              options.appendChild(option);
            });
          });
        }, 200);
      });
    }

    function apply(found) {
      commune = found;
      var radius = radiusSelect ? radiusSelect.value : data.defaultRadius;
      if (clearButton) {
        clearButton.hidden = false;
      }
      if (window.Faceted && window.Faceted.Form) {
        Faceted.Query.radius_km = [radius];
        Faceted.Form.do_query("near", [found.insee]);
      } else {
        ownQuery.near = [found.insee];
        ownQuery.radius_km = [radius];
        refresh();
      }
    }

    if (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var text = input.value.trim();
        if (!text) {
          return;
        }
        var chosen = offered.filter(function (item) {
          return item.title === text;
        })[0];
        if (chosen) {
          apply(chosen);
          return;
        }
        lookup({ q: text, limit: 1 }).then(function (items) {
          if (items.length) {
            input.value = items[0].title;
            apply(items[0]);
          } else {
            say(message(labels.unknown, { text: text }));
          }
        });
      });
    }

    // No commune any more: the field, the button, the sentence and the radius
    // as a new visitor finds them.
    function forget() {
      commune = null;
      input.value = "";
      if (clearButton) {
        clearButton.hidden = true;
      }
      if (radiusSelect && data.defaultRadius) {
        radiusSelect.value = data.defaultRadius;
      }
      say("");
    }

    if (clearButton) {
      clearButton.addEventListener("click", function () {
        forget();
        if (window.Faceted && window.Faceted.Form) {
          delete Faceted.Query.radius_km;
          Faceted.Form.do_query("near", []);
        } else {
          ownQuery = {};
          refresh();
        }
        map.fitBounds(PLACES.metropole);
        element.dataset.view = "metropole";
      });
    }

    // The buttons to mainland France and to each overseas département.
    Array.prototype.forEach.call(
      document.querySelectorAll("[data-coordaction-map-place]"),
      function (button) {
        button.addEventListener("click", function () {
          var place = button.getAttribute("data-coordaction-map-place");
          if (PLACES[place]) {
            map.fitBounds(PLACES[place]);
            element.dataset.view = place;
          }
        });
      }
    );

    // The page's address names a commune (a shared link): show it.
    function restore() {
      var near = first(query().near);
      var radius = first(query().radius_km);
      // eea's "Tout supprimer" emptied the query: the circle goes too.
      if (!near && commune) {
        forget();
      }
      if (radiusSelect && radius) {
        radiusSelect.value = radius;
      }
      if (near && (!commune || commune.insee !== near)) {
        lookup({ insee: near }).then(function (items) {
          if (items.length) {
            commune = items[0];
            input.value = commune.title;
            if (clearButton) {
              clearButton.hidden = false;
            }
            refresh();
          }
        });
      }
    }

    // The land opportunities: ads about land, at their commune's centre, as a
    // layer of their own that the visitor shows or hides.
    var landToggle = document.getElementById("coordaction-map-land");
    var landList = document.getElementById("coordaction-land-list");
    var landLayer = L.layerGroup();
    var landLoaded = false;
    // Above the projects' markers and clusters: an ad in a commune that has
    // projects stays visible and clickable.
    map.createPane("coordaction-land");
    map.getPane("coordaction-land").style.zIndex = 650;

    function landPopup(properties) {
      var popup = document.createElement("div");
      popup.className = "coordaction-land-popup";
      var title = document.createElement("strong");
      title.appendChild(projectLink(properties));
      popup.appendChild(title);
      var kind = document.createElement("div");
      kind.textContent = properties.ad_kind_title || "";
      popup.appendChild(kind);
      var commune = document.createElement("div");
      commune.textContent = message(data.labelLandPlace, { commune: properties.commune || "" });
      popup.appendChild(commune);
      return popup;
    }

    function showLand(answer) {
      landLayer.clearLayers();
      if (landList) {
        landList.textContent = "";
      }
      answer.features.forEach(function (feature) {
        var coordinates = feature.geometry.coordinates;
        var properties = feature.properties;
        L.marker([coordinates[1], coordinates[0]], {
          pane: "coordaction-land",
          title: properties.title || "",
          alt: properties.title || "",
          icon: L.divIcon({
            className: "coordaction-land-marker coordaction-land-" + properties.ad_kind,
            iconSize: [18, 18],
          }),
        })
          .bindPopup(landPopup(properties))
          .addTo(landLayer);
        if (landList) {
          var item = document.createElement("li");
          item.appendChild(projectLink(properties));
          item.appendChild(
            document.createTextNode(
              " (" + (properties.ad_kind_title || "") + ", " + (properties.commune || "") + ")"
            )
          );
          landList.appendChild(item);
        }
      });
      element.dataset.landCount = String(answer.features.length);
    }

    function toggleLand() {
      if (!landToggle.checked) {
        map.removeLayer(landLayer);
        return;
      }
      landLayer.addTo(map);
      if (landLoaded) {
        return;
      }
      landLoaded = true;
      fetch(data.land, { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { features: [] };
        })
        .then(showLand);
    }

    if (landToggle && data.land) {
      landToggle.addEventListener("change", toggleLand);
      toggleLand();
    }

    if (window.jQuery && window.Faceted) {
      jQuery(Faceted.Events).on(Faceted.Events.AJAX_QUERY_SUCCESS, function () {
        restore();
        refresh();
      });
    }
    restore();
    refresh();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
