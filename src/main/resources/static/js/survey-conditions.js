// Hides a conditional survey question until the option it depends on is chosen. Without this script every
// question shows with a note naming its condition; the server decides either way (an answer to a question
// whose condition is not met is discarded).
(function () {
  "use strict";
  var form = document.querySelector(".survey-form");
  if (!form) {
    return;
  }
  var conditional = Array.prototype.slice.call(form.querySelectorAll(".survey-conditional[data-condition]"));
  function update() {
    conditional.forEach(function (question) {
      var option = form.querySelector('input[data-option="' + question.getAttribute("data-condition") + '"]');
      var source = option ? option.closest(".survey-question") : null;
      var shown = !!option && option.checked && !(source && source.hidden);
      question.hidden = !shown;
    });
  }
  form.addEventListener("change", update);
  update();
})();
