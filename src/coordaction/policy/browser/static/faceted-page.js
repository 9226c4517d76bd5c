/*
 * Ce que le JavaScript d'eea.facetednavigation attend sur une page à facettes,
 * avant lui :
 *
 * 1. Les résultats paraissent dès qu'ils arrivent. eea les efface puis les fait
 * revenir en fondu (fadeOut, fadeIn : près d'une demi-seconde à chaque
 * recherche) ; les animations de jQuery sont coupées sur ces pages.
 *
 * 2. La recherche est gardée dans le fragment de l'adresse
 * (#theme=foncier&regions=53) : ce qu'eea demande à jQuery BBQ, et rien d'autre.
 *
 * eea charge BBQ dans son paquet « faceted.jquery » (environ 470 ko, avec jQuery
 * UI, select2, jsTree pour ses listes, dates et arbres). Les widgets de nos pages
 * (cases à cocher, oui/non, intervalle, texte, tri, résultats par page, « Votre
 * recherche ») n'utilisent que deux fonctions de BBQ (browser/javascript/view.js
 * d'eea, Faceted.URLHandler) :
 *
 * - jQuery.bbq.getState() : les paramètres du fragment, une valeur ou une liste de
 *   valeurs par clé ;
 * - jQuery.bbq.pushState(paramètres, 2) : remplace le fragment (l'historique du
 *   navigateur garde la recherche précédente, le bouton Retour y revient).
 *
 * Une page qui a un autre widget reçoit le paquet d'eea en entier, dont le BBQ
 * remplace celui-ci (coordaction.policy.resourcecentre.faceted.bundles).
 *
 * 3. Les compteurs d'une recherche partent en une requête. Chaque facette comptée
 * demande les siens à @@faceted_counter (jQuery.getJSON, cinq à huit requêtes par
 * recherche) ; les demandes faites au même moment pour la même recherche n'en
 * font qu'une, « cids » nommant les facettes, dont la réponse ({facette :
 * compteurs}) est rendue à chacune (resourcecentre/faceted/counter.py).
 */
(function ($) {
  "use strict";

  if (!$) {
    return;
  }

  $.fx.off = true;

  var getJSON = $.getJSON;
  var COUNTER = /@@faceted_counter$/;
  var waiting = {}; // search → {url, query, cids, callbacks}: this moment's

  // A counter's query without its facet: the same for the facets of a search.
  function searchOf(url, query) {
    var search = $.extend({}, query);
    delete search.cid;
    delete search[query.cid + "-operator"];
    return url + "?" + $.param(search);
  }

  function send(batch) {
    var cids = batch.cids
      .map(function (cid) {
        return "cids=" + encodeURIComponent(cid);
      })
      .join("&");
    getJSON(batch.url, $.param(batch.query) + "&" + cids, function (answer) {
      batch.cids.forEach(function (cid) {
        batch.callbacks[cid].forEach(function (callback) {
          callback(answer[cid] || {});
        });
      });
    });
  }

  $.getJSON = function (url, query, callback) {
    if (
      typeof url !== "string" ||
      !COUNTER.test(url) ||
      !$.isPlainObject(query) ||
      !query.cid ||
      typeof callback !== "function"
    ) {
      return getJSON.apply(this, arguments);
    }
    var search = searchOf(url, query);
    var batch = waiting[search];
    if (!batch) {
      batch = waiting[search] = { url: url, query: {}, cids: [], callbacks: {} };
      setTimeout(function () {
        delete waiting[search];
        send(batch);
      }, 0);
    }
    var own = $.extend({}, query);
    delete own.cid;
    $.extend(batch.query, own); // with each facet's operator
    if (!batch.callbacks[query.cid]) {
      batch.callbacks[query.cid] = [];
      batch.cids.push(query.cid);
    }
    batch.callbacks[query.cid].push(callback);
  };

  if ($.bbq) {
    return;
  }

  function decode(text) {
    try {
      return decodeURIComponent(text.replace(/\+/g, " "));
    } catch (error) {
      return text; // a malformed %-sequence is kept as typed
    }
  }

  function currentFragment() {
    var href = window.location.href;
    var at = href.indexOf("#");
    return at < 0 ? "" : href.slice(at + 1);
  }

  // "a=1&a=2&b=x" (or "a[]=1") → {a: ["1", "2"], b: "x"}
  function deparam(fragment) {
    var state = {};
    fragment.split("&").forEach(function (pair) {
      if (!pair) {
        return;
      }
      var equals = pair.indexOf("=");
      var key = decode(equals < 0 ? pair : pair.slice(0, equals)).replace(/\[\]$/, "");
      var value = equals < 0 ? "" : decode(pair.slice(equals + 1));
      if (Object.prototype.hasOwnProperty.call(state, key)) {
        state[key] = [].concat(state[key], value);
      } else {
        state[key] = value;
      }
    });
    return state;
  }

  $.bbq = {
    getState: function (key) {
      var state = deparam(currentFragment());
      return key === undefined ? state : state[key];
    },

    // mergeMode 2 (eea's): the parameters replace the fragment; otherwise they
    // are merged with it (0: theirs win, 1: the fragment's win).
    pushState: function (params, mergeMode) {
      var state =
        typeof params === "string" ? deparam(params.replace(/^[^#]*#/, "")) : params || {};
      if (mergeMode !== 2) {
        var current = deparam(currentFragment());
        state = mergeMode === 1 ? $.extend({}, state, current) : $.extend({}, current, state);
      }
      window.location.hash = $.param(state, true);
    },
  };
})(window.jQuery);
