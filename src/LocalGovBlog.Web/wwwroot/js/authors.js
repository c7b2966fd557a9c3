// Search-as-you-type for /authors. The form works without this script (a plain GET);
// with it, results are fetched from the page's own "results" fragment after a short pause,
// so the server stays the one place that matches, orders and renders authors.
(function () {
    "use strict";

    var form = document.querySelector("[data-author-search]");
    if (!form || !window.fetch || !window.DOMParser) {
        return;
    }
    var input = form.querySelector("input[name='q']");
    var status = document.getElementById("author-count");
    var delayMs = 200;
    var timer = 0;
    var inFlight = null;
    var shownQuery = input.value.trim();

    function pageUrl(query) {
        var url = new URL(form.action, window.location.href);
        if (query) {
            url.searchParams.set("q", query);
        }
        return url;
    }

    function show(fragment, query) {
        var current = document.getElementById("author-results");
        current.replaceWith(document.importNode(fragment, true));
        // The live region sits outside the swapped fragment, so screen readers hear the new count.
        status.textContent = fragment.getAttribute("data-summary") || "";
        document.title = fragment.getAttribute("data-title") || document.title;
        window.history.replaceState(null, "", pageUrl(query));
    }

    function search(query, fallBackToSubmit) {
        if (inFlight) {
            inFlight.abort();
        }
        var controller = new AbortController();
        inFlight = controller;
        var url = pageUrl(query);
        url.searchParams.set("handler", "results");
        return fetch(url, { signal: controller.signal, headers: { Accept: "text/html" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("Author search answered " + response.status);
                }
                return response.text();
            })
            .then(function (html) {
                var fragment = new DOMParser().parseFromString(html, "text/html").getElementById("author-results");
                if (!fragment) {
                    throw new Error("Author search answered without results");
                }
                shownQuery = query;
                show(fragment, query);
            })
            .catch(function (error) {
                if (error.name === "AbortError") {
                    return;
                }
                // The plain form still works: let the browser load the results page instead.
                if (fallBackToSubmit) {
                    form.submit();
                }
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
            var query = input.value.trim();
            if (query !== shownQuery) {
                search(query, false);
            } else if (inFlight) {
                // Typed back to what is already shown: a slower answer must not replace it.
                inFlight.abort();
            }
        }, delayMs);
    });

    form.addEventListener("submit", function (event) {
        event.preventDefault();
        window.clearTimeout(timer);
        search(input.value.trim(), true);
    });
})();
