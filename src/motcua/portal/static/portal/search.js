// Search as you type: refresh the results without leaving the page. Without JavaScript the
// search form is submitted as usual.
(function () {
  "use strict";
  var input = document.querySelector("[data-live-search]");
  if (!input || !window.fetch) { return; }
  var form = input.form;
  var target = document.querySelector(input.getAttribute("data-live-search"));
  var timer = null;
  var latest = 0;
  function refresh() {
    var params = new URLSearchParams(new FormData(form));
    params.set("fragment", "1");
    var ticket = ++latest;
    fetch(form.action + "?" + params.toString(), { headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html !== null && ticket === latest) {
          target.innerHTML = html;
          params.delete("fragment");
          history.replaceState(null, "", "?" + params.toString());
        }
      })
      .catch(function () {});
  }
  function schedule() { clearTimeout(timer); timer = setTimeout(refresh, 250); }
  input.addEventListener("input", schedule);
  Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
    select.addEventListener("change", schedule);
  });
})();
