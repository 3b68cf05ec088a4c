/* "Read this to me": speaks a question and its answers with the browser's own voice.
   Only added where the browser can speak; the page is complete without it. */
(function () {
  "use strict";
  var synth = window.speechSynthesis, form = document.getElementById("answers");
  if (!synth || !window.SpeechSynthesisUtterance || !form) return;
  function langOf(el) {
    var own = el.querySelector("[lang]") || el.closest("[lang]");
    return own ? own.lang : "";
  }
  function say(parts) {
    synth.cancel();
    parts.forEach(function (el) {
      var u = new SpeechSynthesisUtterance(el.textContent.trim());
      u.lang = langOf(el);
      synth.speak(u);
    });
  }
  form.querySelectorAll(".q").forEach(function (q) {
    var title = q.querySelector(".qt"), button = document.createElement("button");
    button.type = "button";
    button.className = "read";
    button.textContent = form.getAttribute("data-read-label");
    button.addEventListener("click", function () {
      say([title].concat(Array.prototype.slice.call(q.querySelectorAll(".w"))));
    });
    title.insertAdjacentElement("afterend", button);
  });
})();
