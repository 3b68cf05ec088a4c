/* Keeps the answers chosen on a question page in this tab until the server has them, so a
   dropped connection or a reload does not lose them. Names are never kept; the tab's storage
   is emptied when the tab closes, and the thank-you page removes this survey's drafts.
   The page works the same without it. */
(function () {
  "use strict";
  var store;
  try { store = window.sessionStorage; store.getItem("x"); } catch (e) { return; }
  var sent = document.querySelector("[data-forget-drafts]");
  if (sent) {
    var prefix = "draft:" + sent.getAttribute("data-forget-drafts");
    for (var i = store.length - 1; i >= 0; i--) {
      if (store.key(i).indexOf(prefix) === 0) store.removeItem(store.key(i));
    }
    return;
  }
  var form = document.getElementById("answers");
  if (!form) return;
  var key = "draft:" + form.getAttribute("action");
  function inputs() {
    return Array.prototype.slice.call(form.querySelectorAll(".q input, .q textarea"));
  }
  function answers() {
    var found = {};
    inputs().forEach(function (el) {
      var chosen = el.type === "radio" || el.type === "checkbox" ? el.checked : el.value !== "";
      if (chosen) found[el.name] = (found[el.name] || []).concat([el.value]);
    });
    return JSON.stringify(found);
  }
  function restore(saved) {
    inputs().forEach(function (el) {
      var values = saved[el.name] || [];
      if (el.type === "radio" || el.type === "checkbox") el.checked = values.indexOf(el.value) >= 0;
      else el.value = values[0] || "";
    });
  }
  var kept = store.getItem(key);
  if (kept && kept !== answers()) {
    restore(JSON.parse(kept));
    var note = document.getElementById("kept-note");
    if (note) note.hidden = false;
  } else if (kept) {
    store.removeItem(key);  // the server has these answers already
  }
  function remember() { store.setItem(key, answers()); }
  form.addEventListener("change", remember);
  form.addEventListener("input", remember);
})();
