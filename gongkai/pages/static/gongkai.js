// The site's own script, loaded as a file after the theme's (the Content-Security-Policy allows no inline
// script). Everything it does has a way without it: the menu button stands in for a link to the site map, the
// menu's sections are open, the language link goes to the top of the other language's page.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("gk-js");

  // The side menu below 1220 px: a button in the header opens and closes it (the theme's checkbox #__drawer
  // holds whether it is open, for the theme's stylesheet and script). Opening moves focus to the menu's first
  // link; Escape, the close button, or focus leaving the menu closes it.
  var drawer = document.getElementById("__drawer");
  var menu = document.getElementById("gk-menu");
  var button = document.querySelector(".gk-menu-button");
  var close = document.querySelector(".gk-menu-close");
  var stand_in = document.querySelector(".gk-menu-link");

  function sync() {
    if (button) button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
  }

  function first_link() {
    return menu.querySelector(".md-nav__list a[href], .md-nav__list button:not([hidden])");
  }

  function set_open(open, focus_after) {
    drawer.checked = open;
    sync();
    if (open && focus_after) {
      var target = first_link();
      if (target) target.focus({preventScroll: true});
    } else if (!open && focus_after && button) {
      button.focus();
    }
  }

  if (drawer && menu && button) {
    button.hidden = false;
    if (close) close.hidden = false;
    if (stand_in) stand_in.hidden = true;
    button.addEventListener("click", function () { set_open(!drawer.checked, true); });
    if (close) close.addEventListener("click", function () { set_open(false, true); });
    // The theme's overlay (a label of the checkbox) closes the menu too, and the theme closes it itself when
    // the address's fragment changes.
    drawer.addEventListener("change", sync);
    menu.addEventListener("transitionend", sync);
    window.addEventListener("hashchange", function () { window.setTimeout(sync, 300); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        set_open(false, menu.contains(document.activeElement) || document.activeElement === button);
      }
    });
    menu.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (drawer.checked && next && !menu.contains(next) && next !== button) set_open(false, false);
    });
    sync();
  }

  // The menu's toggles: a section, or the headings of the page being read.
  Array.prototype.forEach.call(document.querySelectorAll(".gk-nav-toggle"), function (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  });

  // The link to the other language keeps the part of the page being read (#a1-2).
  var language_links = document.querySelectorAll("a.gk-language__link");
  function keep_fragment() {
    Array.prototype.forEach.call(language_links, function (link) {
      link.href = link.href.split("#")[0] + window.location.hash;
    });
  }
  keep_fragment();
  window.addEventListener("hashchange", keep_fragment);
})();
