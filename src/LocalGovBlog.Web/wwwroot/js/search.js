// Author suggestions for /search. Without this script the author box is a plain form field
// (any part of a name narrows the results on submit); with it, authors whose names match appear
// under the box as you type, each a link to the results filtered to that author.
(function () {
    "use strict";

    var form = document.querySelector("[data-article-search]");
    if (!form || !window.fetch || !window.DOMParser) {
        return;
    }
    var input = form.querySelector("input[name='author']");
    var words = form.querySelector("input[name='q']");
    var delayMs = 200;
    var timer = 0;
    var inFlight = null;

    function current() {
        return document.getElementById("author-suggestions");
    }

    // The suggestions are links, not a listbox, so the box stays a plain text field (no combobox
    // state); how many authors match is said in a status line instead.
    function say(message) {
        var status = document.getElementById("author-suggestions-status");
        if (status) {
            status.textContent = message;
        }
    }

    function hide() {
        current().hidden = true;
        say("");
    }

    function suggest(typed) {
        if (inFlight) {
            inFlight.abort();
        }
        if (!typed) {
            hide();
            return;
        }
        var controller = new AbortController();
        inFlight = controller;
        var url = new URL(form.action, window.location.href);
        url.searchParams.set("handler", "authors");
        url.searchParams.set("author", typed);
        if (words.value.trim()) {
            url.searchParams.set("q", words.value.trim());
        }
        fetch(url, { signal: controller.signal, headers: { Accept: "text/html" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("Author suggestions answered " + response.status);
                }
                return response.text();
            })
            .then(function (html) {
                var fragment = new DOMParser().parseFromString(html, "text/html").getElementById("author-suggestions");
                if (!fragment || input.value.trim() !== typed) {
                    return;
                }
                var shown = document.importNode(fragment, true);
                current().replaceWith(shown);
                shown.hidden = false;
                var count = shown.querySelectorAll("a").length;
                say(count === 0 ? "No author matches." : count === 1 ? "1 author matches: press the down arrow to reach it." : count + " authors match: press the down arrow to reach them.");
            })
            .catch(function () {
                // Suggestions are a convenience: the form still submits what was typed.
            })
            .finally(function () {
                if (inFlight === controller) {
                    inFlight = null;
                }
            });
    }

    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
            suggest(input.value.trim());
        }, delayMs);
    });
    input.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
            hide();
        } else if (event.key === "ArrowDown") {
            var first = current().querySelector("a");
            if (first && !current().hidden) {
                event.preventDefault();
                first.focus();
            }
        }
    });
    document.addEventListener("click", function (event) {
        if (!form.contains(event.target)) {
            hide();
        }
    });
})();
