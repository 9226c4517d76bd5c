// What passes the right edge of a phone's screen (``width`` CSS pixels), read by
// test_phone.py: the page's own width, and each element a person would see beyond
// the edge, or whose content spills out of its box onto its neighbours (a word
// wider than its table cell). Only the outermost offender of a branch is named.
(width) => {
  const problems = [];
  const page = document.documentElement.scrollWidth;
  if (page > width || page > window.innerWidth) {
    problems.push(`the page is ${page} px wide`);
  }

  function describe(element) {
    let name = element.tagName.toLowerCase();
    if (element.id) {
      name += `#${element.id}`;
    }
    const classes = (element.getAttribute("class") || "").trim().split(/\s+/);
    name += classes.filter(Boolean).map((value) => `.${value}`).join("");
    const text = (element.innerText || element.value || "").trim().replace(/\s+/g, " ");
    return text ? `${name} "${text.slice(0, 50)}"` : name;
  }

  // Not seen: inside a box that clips what passes its edge (a scrolling table's
  // frame), or in a fixed panel moved off the screen (the closed phone menu).
  function unseen(element, clipped = true) {
    for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
      const style = getComputedStyle(box);
      const right = box.getBoundingClientRect().right;
      if (clipped && style.overflowX !== "visible" && right <= width + 0.5) {
        return true;
      }
      if (style.position === "fixed" && box.getBoundingClientRect().left >= width) {
        return true;
      }
    }
    return false;
  }

  // ``clipped``: what a scrolling frame hides does not count (it scrolls into
  // view); text that spills out of its cell overlaps its neighbour all the same.
  function seen(element, clipped = true) {
    if (!element.checkVisibility({ visibilityProperty: true })) {
      return false;
    }
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && !unseen(element, clipped);
  }

  const offenders = [];
  function report(element, why) {
    offenders.push(element);
    problems.push(`${describe(element)}: ${why}`);
  }
  for (const element of document.body.querySelectorAll("*")) {
    const right = element.getBoundingClientRect().right;
    if (right > width + 0.5 && !offenders.some((o) => o.contains(element)) && seen(element)) {
      report(element, `its right edge is at ${Math.round(right)} px`);
    }
  }

  // Hidden by a box that clips it before ``right`` (a text only for screen
  // readers, a scrolling frame that ends before it).
  function clippedBefore(element, right) {
    for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
      if (getComputedStyle(box).overflowX !== "visible" && box.getBoundingClientRect().right < right) {
        return true;
      }
    }
    return false;
  }

  // Text that spills out of its box onto its neighbours: a word wider than its
  // table cell, read line by line against the block that holds it.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (!text.data.trim()) {
      continue;
    }
    let block = text.parentElement;
    while (block && getComputedStyle(block).display === "inline") {
      block = block.parentElement;
    }
    if (
      !block ||
      ["SCRIPT", "STYLE", "NOSCRIPT", "TEXTAREA", "OPTION", "SELECT"].includes(block.tagName) ||
      getComputedStyle(block).overflowX !== "visible" ||
      offenders.some((o) => o.contains(block) || block.contains(o))
    ) {
      continue;
    }
    range.selectNodeContents(text);
    const right = Math.max(...Array.from(range.getClientRects(), (line) => line.right));
    const edge = block.getBoundingClientRect().right;
    if (right > edge + 1 && seen(block, false) && !clippedBefore(block, right)) {
      report(block, `its text runs ${Math.round(right - edge)} px beyond its right edge`);
    }
  }
  return problems;
};
