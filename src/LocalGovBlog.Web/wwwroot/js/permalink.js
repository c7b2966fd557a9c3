// Passage permalinks: /articles/{slug}#tag-{id} opens the article with that passage scrolled into view
// and marked. Without script the browser goes to the tag's card, which quotes the passage.
(function () {
    "use strict";

    var body = document.getElementById("article-text");
    if (!body) {
        return;
    }

    function openPassage() {
        var match = /^#tag-(\d+)$/.exec(window.location.hash);
        if (!match) {
            return;
        }
        var id = match[1];
        var marks = body.querySelectorAll("mark[data-annotations~='" + id + "']");
        if (marks.length === 0) {
            return; // an orphan, or a tag this reader may not see: the card (if any) is where the browser went
        }
        body.querySelectorAll("mark.is-target").forEach(function (m) { m.classList.remove("is-target"); });
        marks.forEach(function (m) { m.classList.add("is-target"); });
        var first = document.getElementById("passage-" + id) || marks[0];
        if (!first.hasAttribute("tabindex")) {
            first.setAttribute("tabindex", "-1");
        }
        first.scrollIntoView({ block: "center" });
        first.focus({ preventScroll: true });
    }

    window.addEventListener("hashchange", openPassage);
    // After load, so the browser's own jump to the card (and the margin layout) has happened first.
    if (document.readyState === "complete") {
        openPassage();
    } else {
        window.addEventListener("load", function () { window.requestAnimationFrame(openPassage); });
    }
})();
