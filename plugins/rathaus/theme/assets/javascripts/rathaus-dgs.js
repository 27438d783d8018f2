/*
 * Rathaus: two-click players for sign-language videos at external providers.
 * The page holds only a local poster, a text and a button; the provider's player (an iframe
 * on its privacy-enhanced host) is created here after the visitor's click, so no request
 * reaches the provider before that. Without JavaScript the button stays hidden and the
 * link to the provider and the download remain. No third-party code.
 */
(function () {
  "use strict";

  var boxes = document.querySelectorAll("[data-rathaus-dgs-player]");
  Array.prototype.forEach.call(boxes, function (box) {
    var button = box.querySelector(".rathaus-dgs__laden");
    var source = box.getAttribute("data-rathaus-dgs-player") || "";
    if (!button || source.indexOf("https://") !== 0) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.className = "rathaus-dgs__player";
      frame.src = source;
      frame.title = box.getAttribute("data-rathaus-dgs-title") || "Video";
      frame.width = "640";
      frame.height = "360";
      frame.setAttribute("allow", "fullscreen; picture-in-picture; encrypted-media");
      frame.setAttribute("allowfullscreen", "");
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      box.classList.add("rathaus-dgs__einwilligung--geladen");
      box.replaceChildren(frame);
      // Keyboard users continue in the player they just asked for.
      frame.focus();
    });
  });
})();
