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

  function start() {
    labelFacetedSelects();
    toolbarButtons();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
