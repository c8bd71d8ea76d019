// Careerometer, in one script tag on any site:
//   <script src="https://THIS-SERVER/careerometer/embed.js" data-height="620"></script>
// puts the widget in a frame just after the tag; the widget tells the frame how tall it is.
(function () {
  "use strict";
  var script = document.currentScript;
  var origin = new URL(script.src).origin;
  var frame = document.createElement("iframe");
  frame.src = origin + "/careerometer";
  frame.title = "Careerometer: compare jobs";
  frame.style.width = "100%";
  frame.style.border = "0";
  frame.style.height = (parseInt(script.getAttribute("data-height"), 10) || 620) + "px";
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener("message", function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    var height = event.data && event.data.careerometerHeight;
    if (typeof height === "number" && height > 200 && height < 6000) frame.style.height = Math.ceil(height) + "px";
  });
})();
