// Optional enhancement: typing in a search box with data-filter-select hides the options of that
// select which do not match (ignoring diacritics and case). Without JavaScript the search
// submits to the server instead.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d").toLowerCase();
  }
  document.querySelectorAll("input[data-filter-select]").forEach(function (input) {
    var select = document.getElementById(input.dataset.filterSelect);
    if (!select) { return; }
    input.addEventListener("input", function () {
      var wanted = fold(input.value.trim());
      Array.prototype.forEach.call(select.options, function (option) {
        option.hidden = wanted !== "" && fold(option.textContent).indexOf(wanted) === -1;
      });
    });
  });
})();
