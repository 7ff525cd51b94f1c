// Parcours TI, before the first paint (index.html).
(function () {
  // The static page shown while the app loads holds Accueil's first lines;
  // on any other page, a class hides them (style/app.css), so only the
  // loading line shows.
  var hash = location.hash;
  if (hash && hash !== "#" && hash !== "#/" && hash.indexOf("#/accueil") !== 0) {
    document.documentElement.classList.add("parcours-shell-other");
  }

  // The header's folded menu (small screens) and the skip links, in plain
  // DOM: they are index.html's static markup, usable before the wasm
  // arrives. Routes live in the URL fragment, so a skip link must not
  // replace the route: it only moves focus (to its data-focus).
  function menu(open, focusAfter) {
    var panel = document.getElementById("menu-principal");
    var button = document.getElementById("bouton-menu");
    if (!panel || !button) return;
    panel.classList.toggle("fr-modal--opened", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
    if (focusAfter) {
      requestAnimationFrame(function () {
        var target = document.querySelector(focusAfter);
        if (target) target.focus();
      });
    }
  }
  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var skip = target.closest(".fr-skiplinks a[data-focus]");
    if (skip) {
      event.preventDefault();
      var destination = document.querySelector(skip.getAttribute("data-focus"));
      if (destination) destination.focus();
    } else if (target.closest("#bouton-menu")) {
      menu(true, "#menu-principal .fr-btn--close");
    } else if (target.closest("#menu-principal .fr-btn--close")) {
      menu(false, "#bouton-menu");
    }
  });
  document.addEventListener("keydown", function (event) {
    // Escape closes the folded menu, as DSFR's own script does.
    var panel = document.getElementById("menu-principal");
    if (event.key === "Escape" && panel && panel.classList.contains("fr-modal--opened")) {
      menu(false, "#bouton-menu");
    }
  });
  // Following a link closes the folded menu.
  window.addEventListener("hashchange", function () { menu(false); });

  // A Rust panic stops the app: the release wasm aborts on the spot (no
  // panic hook runs, see the Makefile), which reaches JavaScript as a
  // WebAssembly.RuntimeError. Say so at the top of the page, in plain DOM,
  // with a way to start again; saved answers are untouched.
  function crashed(error) {
    if (!(error instanceof WebAssembly.RuntimeError)) return;
    if (document.getElementById("erreur-application") || !document.body) return;
    function element(tag, className, text) {
      var e = document.createElement(tag);
      if (className) e.className = className;
      if (text) e.textContent = text;
      return e;
    }
    var banner = element("div", "fr-alert fr-alert--error fr-container fr-my-2w");
    banner.id = "erreur-application";
    banner.setAttribute("role", "alert");
    banner.appendChild(element("h2", "fr-alert__title", "Une erreur inattendue a arrêté l'application"));
    banner.appendChild(element("p", "", "Rechargez la page pour reprendre : les réponses déjà enregistrées dans ce navigateur sont conservées."));
    // A form, not a script: it works once the app has stopped. It opens the
    // page without its route: the route may be what failed.
    var form = element("form");
    form.method = "get";
    form.action = location.pathname;
    var button = element("button", "fr-btn fr-mt-2w", "Recharger la page");
    button.type = "submit";
    form.appendChild(button);
    banner.appendChild(form);
    document.body.insertBefore(banner, document.body.firstChild);
  }
  window.addEventListener("error", function (event) { crashed(event.error); });
  window.addEventListener("unhandledrejection", function (event) { crashed(event.reason); });
})();
