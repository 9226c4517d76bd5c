/*
 * Accessibilité de ce que le thème et les modules montrent, sans toucher à
 * leurs gabarits. Vérifié par axe-core dans tests/accessibility.
 *
 * 1. Pages à facettes (eea.facetednavigation) : les listes
 * « Trier par » et « Résultats par page » d'eea sont dans un <fieldset> dont la
 * légende porte le titre, mais la liste elle-même n'a pas d'étiquette ; un
 * lecteur d'écran annonce « liste déroulante » sans dire laquelle. On lui donne
 * la légende pour nom (aria-labelledby).
 *
 * 2. Barre d'outils de Plone (plone.app.layout, toolbar.pt) : « Épingler » et
 * « Détacher » sont des <a> sans adresse, donc ni des liens ni des boutons :
 * leur nom (aria-label) n'est pas lu et le clavier ne les atteint pas. Ce sont
 * des boutons : rôle, tabulation, Entrée et Espace.
 *
 * 3. Le bouton qui ferme le menu sur téléphone (plonetheme.barceloneta,
 * theme/index.html) s'appelle « Close » : le thème l'écrit en anglais, sans
 * traduction possible. Il s'appelle « Fermer le menu ».
 *
 * 4. « Votre recherche » des pages à facettes : eea.facetednavigation
 * (widgets/checkbox/view.js et ses voisins) écrit en anglais, dans son JavaScript, le lien qui retire
 * un filtre (« remove », « Remove Thèmes filters ») ; il est refait à chaque
 * recherche. Il dit « retirer » et « Retirer le filtre Thèmes ».
 *
 * 5. La rubrique où l'on est, dans la navigation principale : son lien porte
 * aria-current (« page » sur la page même, « true » plus bas dans la rubrique),
 * que les lecteurs d'écran annoncent, et les classes « current » et « inPath »
 * que Plone met avec son motif navigationmarker, absent des pages de lecture
 * d'un visiteur (coordaction.policy.site.page_scripts).
 */
(function () {
  "use strict";

  function labelFacetedSelects() {
    document
      .querySelectorAll(".faceted-widget fieldset select")
      .forEach(function (select) {
        if (select.labels.length || select.hasAttribute("aria-labelledby")) {
          return;
        }
        var legend = select.closest("fieldset").querySelector("legend");
        if (!legend || !legend.textContent.trim()) {
          return;
        }
        if (!legend.id) {
          legend.id = (select.id || "faceted-select") + "-legend";
        }
        select.setAttribute("aria-labelledby", legend.id);
      });
  }

  function toolbarButtons() {
    document
      .querySelectorAll("#edit-zone .toolbar-header a:not([href])")
      .forEach(function (link) {
        link.setAttribute("role", "button");
        link.setAttribute("tabindex", "0");
        link.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            link.click();
          }
        });
      });
  }

  function frenchCloseButton() {
    document
      .querySelectorAll('#offcanvasNavbar .btn-close[aria-label="Close"]')
      .forEach(function (button) {
        button.setAttribute("aria-label", "Fermer le menu");
      });
  }

  var EEA_REMOVE_TITLE = /^Remove (.*) filters?$/;

  function frenchFacetedRemoveLinks(root) {
    root.querySelectorAll("a.faceted-remove").forEach(function (link) {
      if (link.textContent.trim() === "remove") {
        link.textContent = "retirer";
      }
      var title = EEA_REMOVE_TITLE.exec(link.getAttribute("title") || "");
      if (title) {
        link.setAttribute("title", "Retirer le filtre " + title[1]);
      }
    });
  }

  function watchFacetedRemoveLinks() {
    var form = document.querySelector("#faceted-form");
    if (!form) {
      return;
    }
    frenchFacetedRemoveLinks(form);
    new MutationObserver(function () {
      frenchFacetedRemoveLinks(form);
    }).observe(form, { childList: true, subtree: true });
  }

  function withoutEnd(url) {
    return url.split(/[?#]/)[0].replace(/\/(view|@@[\w.-]+)?$/, "").replace(/\/$/, "");
  }

  function markCurrentSection() {
    var here = withoutEnd(window.location.href);
    var portal = withoutEnd(document.body.dataset.portalUrl || "");
    document.querySelectorAll("#portal-globalnav a.nav-link").forEach(function (link) {
      var target = withoutEnd(link.href);
      var item = link.closest("li");
      if (target === here) {
        link.setAttribute("aria-current", "page");
        item.classList.add("current");
      } else if (target !== portal && here.indexOf(target + "/") === 0) {
        link.setAttribute("aria-current", "true");
        item.classList.add("inPath");
      }
    });
  }

  function start() {
    markCurrentSection();
    labelFacetedSelects();
    toolbarButtons();
    frenchCloseButton();
    watchFacetedRemoveLinks();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
