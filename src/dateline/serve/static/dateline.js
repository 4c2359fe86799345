// Highlight toggles on the article page: a box switched off adds "off-KIND" to the text.
document.addEventListener("DOMContentLoaded", function () {
  var text = document.getElementById("text");
  if (!text) return;
  document.querySelectorAll("#toggles input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      text.classList.toggle("off-" + box.dataset.kind, !box.checked);
    });
  });
});
