// Tagging passages in the reading view. The page works without this script (highlights and the
// tag list are server-rendered); with it, selecting words opens a small popover to pick themes and
// write a note, and saving re-reads the page's own HTML so the server stays the one renderer.
(function () {
    "use strict";

    var body = document.getElementById("article-text");
    if (!body || !window.fetch) {
        return;
    }
    var slug = body.getAttribute("data-article");

    // Choosing a highlight shows its tag in the list; the list's "Show passage" links come back.
    document.addEventListener("click", function (event) {
        var mark = event.target.closest ? event.target.closest("mark.hl") : null;
        if (mark && !hasSelection()) {
            var ids = (mark.getAttribute("data-annotations") || "").split(" ");
            var card = document.getElementById("tag-" + ids[ids.length - 1]);
            if (card) {
                focusCard(card);
            }
        }
        var jump = event.target.closest ? event.target.closest(".tag-card__jump") : null;
        if (jump) {
            var id = jump.getAttribute("data-annotation");
            var mark2 = document.getElementById("passage-" + id) ? null : body.querySelector("mark[data-annotations~='" + id + "']");
            if (mark2) {
                event.preventDefault();
                mark2.scrollIntoView({ block: "center" });
            }
        }
    });

    function focusCard(card) {
        document.querySelectorAll(".tag-card.is-current").forEach(function (c) { c.classList.remove("is-current"); });
        card.classList.add("is-current");
        card.scrollIntoView({ block: "center" });
    }

    var popover = document.getElementById("tag-popover");
    if (!popover) {
        return; // signed out: reading only
    }
    var form = document.getElementById("tag-popover-form");
    var filter = document.getElementById("tag-theme-filter");
    var list = document.getElementById("tag-theme-list");
    var create = document.getElementById("tag-theme-create");
    var createName = document.getElementById("tag-theme-create-name");
    var note = document.getElementById("tag-note");
    var isPublic = document.getElementById("tag-public");
    var error = document.getElementById("tag-popover-error");
    var quote = document.getElementById("tag-popover-quote");
    var pending = null;
    var token = null;

    function hasSelection() {
        var selection = window.getSelection();
        return selection && !selection.isCollapsed && selection.toString().trim() !== "";
    }

    // The canonical offset of a point in the page: its block's data-start plus the characters before it.
    function offsetOf(node, offset) {
        var element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
        var block = element && element.closest("[data-start]");
        if (!block || !body.contains(block)) {
            return null;
        }
        var range = document.createRange();
        range.setStart(block, 0);
        range.setEnd(node, offset);
        return parseInt(block.getAttribute("data-start"), 10) + range.toString().length;
    }

    function readSelection() {
        var selection = window.getSelection();
        if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
            return null;
        }
        var range = selection.getRangeAt(0);
        if (!body.contains(range.commonAncestorContainer)) {
            return null;
        }
        var start = offsetOf(range.startContainer, range.startOffset);
        var end = offsetOf(range.endContainer, range.endOffset);
        if (start === null || end === null || end <= start) {
            return null;
        }
        return { start: start, end: end, text: selection.toString(), rect: range.getBoundingClientRect() };
    }

    function open(selected) {
        pending = selected;
        error.textContent = "";
        quote.textContent = "“" + selected.text.trim().slice(0, 160) + "”";
        popover.hidden = false;
        var top = window.scrollY + selected.rect.bottom + 8;
        var left = Math.max(8, Math.min(window.scrollX + selected.rect.left, window.scrollX + document.documentElement.clientWidth - popover.offsetWidth - 8));
        popover.style.top = top + "px";
        popover.style.left = left + "px";
        filter.value = "";
        applyFilter();
        filter.focus({ preventScroll: true });
    }

    function close() {
        popover.hidden = true;
        pending = null;
    }

    function maybeOpen() {
        window.setTimeout(function () {
            if (popover.contains(document.activeElement) && !popover.hidden) {
                return;
            }
            var selected = readSelection();
            if (selected) {
                open(selected);
            }
        }, 0);
    }

    function onKeyUp(event) {
        if (event.shiftKey || event.key === "Enter") {
            maybeOpen();
        }
    }

    function listen() {
        body.addEventListener("mouseup", maybeOpen);
        body.addEventListener("keyup", onKeyUp);
    }
    listen();
    document.addEventListener("mousedown", function (event) {
        if (!popover.hidden && !popover.contains(event.target)) {
            close();
        }
    });
    popover.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
            close();
        }
    });
    document.getElementById("tag-popover-cancel").addEventListener("click", close);

    function applyFilter() {
        var words = filter.value.trim().toLowerCase();
        var exact = false;
        list.querySelectorAll("li").forEach(function (item) {
            var name = item.textContent.trim().toLowerCase();
            item.hidden = words !== "" && name.indexOf(words) < 0;
            exact = exact || name === words;
        });
        create.hidden = words === "" || exact;
        createName.textContent = filter.value.trim();
    }

    filter.addEventListener("input", applyFilter);
    filter.addEventListener("keydown", function (event) {
        if (event.key !== "Enter") {
            return;
        }
        event.preventDefault();
        var visible = Array.prototype.filter.call(list.querySelectorAll("li"), function (item) { return !item.hidden; });
        if (visible.length === 1) {
            visible[0].querySelector("input").checked = true;
            filter.value = "";
            applyFilter();
        } else if (!create.hidden) {
            createTheme();
        }
    });
    create.addEventListener("click", createTheme);

    function csrf() {
        if (token) {
            return Promise.resolve(token);
        }
        return fetch("/api/antiforgery", { credentials: "same-origin" })
            .then(function (r) { return r.json(); })
            .then(function (t) { token = t; return t; });
    }

    function send(method, url, payload) {
        return csrf().then(function (t) {
            var headers = { "Content-Type": "application/json" };
            headers[t.headerName] = t.token;
            return fetch(url, { method: method, credentials: "same-origin", headers: headers, body: JSON.stringify(payload) });
        }).then(function (response) {
            return response.json().catch(function () { return {}; }).then(function (json) {
                if (!response.ok) {
                    throw new Error(json.detail || json.title || ("The server said " + response.status));
                }
                return json;
            });
        });
    }

    function createTheme() {
        var name = filter.value.trim();
        if (!name) {
            return;
        }
        send("POST", "/api/themes", { name: name }).then(function (theme) {
            var item = document.createElement("li");
            var label = document.createElement("label");
            label.className = "tag-popover__theme";
            var box = document.createElement("input");
            box.type = "checkbox";
            box.name = "theme";
            box.value = theme.slug;
            box.checked = true;
            label.appendChild(box);
            label.appendChild(document.createTextNode(" " + theme.name));
            item.appendChild(label);
            list.insertBefore(item, list.firstChild);
            filter.value = "";
            applyFilter();
        }).catch(function (e) { error.textContent = e.message; });
    }

    function codePoints(text, utf16) {
        return Array.from(text.slice(0, utf16)).length;
    }

    form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (!pending) {
            return;
        }
        var themes = Array.prototype.map.call(list.querySelectorAll("input:checked"), function (box) { return box.value; });
        if (themes.length === 0) {
            error.textContent = "Choose at least one theme.";
            filter.focus();
            return;
        }
        var selected = pending;
        fetch("/api/articles/" + encodeURIComponent(slug), { credentials: "same-origin" })
            .then(function (r) { return r.json(); })
            .then(function (article) {
                var text = article.text;
                var bodies = themes.map(function (t) { return { type: "TextualBody", purpose: "tagging", value: t }; });
                if (note.value.trim()) {
                    bodies.push({ type: "TextualBody", purpose: "commenting", value: note.value, format: "text/markdown" });
                }
                return send("POST", "/api/articles/" + encodeURIComponent(slug) + "/annotations", {
                    "@context": "http://www.w3.org/ns/anno.jsonld",
                    type: "Annotation",
                    motivation: "tagging",
                    body: bodies,
                    target: {
                        source: window.location.origin + "/articles/" + slug,
                        selector: [
                            { type: "TextQuoteSelector", exact: text.slice(selected.start, selected.end) },
                            { type: "TextPositionSelector", start: codePoints(text, selected.start), end: codePoints(text, selected.end) }
                        ]
                    },
                    "public": isPublic.checked
                });
            })
            .then(function (saved) {
                close();
                note.value = "";
                list.querySelectorAll("input:checked").forEach(function (box) { box.checked = false; });
                window.getSelection().removeAllRanges();
                return refresh(saved.id.split("/").pop());
            })
            .catch(function (e) { error.textContent = e.message; });
    });

    // Swap in the server's new rendering of the text, the tag list and the theme chips.
    function refresh(id) {
        return fetch(window.location.href, { credentials: "same-origin" })
            .then(function (r) { return r.text(); })
            .then(function (html) {
                var page = new DOMParser().parseFromString(html, "text/html");
                ["article-text", "tags"].forEach(function (part) {
                    var fresh = page.getElementById(part);
                    var current = document.getElementById(part);
                    if (fresh && current) {
                        current.replaceWith(document.importNode(fresh, true));
                    }
                });
                var chips = page.querySelector(".theme-filter");
                var oldChips = document.querySelector(".theme-filter");
                if (chips && oldChips) {
                    oldChips.replaceWith(document.importNode(chips, true));
                } else if (chips) {
                    document.getElementById("article-text").before(document.importNode(chips, true));
                }
                body = document.getElementById("article-text");
                listen();
                var card = document.getElementById("tag-" + id);
                if (card) {
                    card.classList.add("is-current");
                }
            });
    }
})();
