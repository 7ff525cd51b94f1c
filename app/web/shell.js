// Parcours TI, before the first paint (index.html): the static page shown
// while the app loads holds Accueil's first lines; on any other page, a
// class hides them (style/app.css), so only the loading line shows.
(function () {
  var hash = location.hash;
  if (hash && hash !== "#" && hash !== "#/" && hash.indexOf("#/accueil") !== 0) {
    document.documentElement.classList.add("parcours-shell-other");
  }
})();
