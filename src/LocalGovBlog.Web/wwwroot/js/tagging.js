// Tagging passages in the reading view. The page works without this script (highlights, the tag
// list and a paragraph form are server-rendered); with it:
// - highlights and their cards light each other up, and on wide screens the cards sit in the
//   margin beside their passages;
// - any selection (mouse, touch, or the keyboard's sentence cursor) shows a "Tag selection" button
//   (T is its shortcut), which opens a dialog to pick themes and write a note: beside the words on
//   a desktop, a sheet docked at the bottom on a phone;
// - saving re-reads the page's own HTML, so the server stays the one renderer.
(function () {
    "use strict";

    var body = document.getElementById("article-text");
    if (!body || !window.fetch) {
        return;
    }
    var slug = body.getAttribute("data-article");
    var live = document.getElementById("tag-live");
    var wide = window.matchMedia("(min-width: 75rem)");
    var narrow = window.matchMedia("(max-width: 40rem), (pointer: coarse)");

    function announce(message) {
        if (!live) {
            return;
        }
        // Emptied first so the same words said twice are still announced.
        live.textContent = "";
        window.requestAnimationFrame(function () { live.textContent = message; });
    }

    // ---- Highlights and cards -------------------------------------------------------------

    function idsOf(mark) {
        return (mark.getAttribute("data-annotations") || "").split(" ").filter(Boolean);
    }

    function link(ids, on) {
        ids.forEach(function (id) {
            var card = document.getElementById("tag-" + id);
            if (card) {
                card.classList.toggle("is-linked", on);
            }
            body.querySelectorAll("mark[data-annotations~='" + id + "']").forEach(function (m) { m.classList.toggle("is-linked", on); });
        });
    }

    function linkFromEvent(event, on) {
        var mark = event.target.closest && event.target.closest("#article-text mark.hl");
        if (mark) {
            link(idsOf(mark), on);
            return;
        }
        var card = event.target.closest && event.target.closest("#tags .tag-card[data-annotation]");
        if (card) {
            link([card.getAttribute("data-annotation")], on);
        }
    }

    document.addEventListener("mouseover", function (e) { linkFromEvent(e, true); });
    document.addEventListener("mouseout", function (e) { linkFromEvent(e, false); });
    document.addEventListener("focusin", function (e) { linkFromEvent(e, true); });
    document.addEventListener("focusout", function (e) { linkFromEvent(e, false); });

    function goToCard(mark) {
        var ids = idsOf(mark);
        var card = document.getElementById("tag-" + ids[ids.length - 1]);
        if (!card) {
            return;
        }
        document.querySelectorAll(".tag-card.is-current").forEach(function (c) { c.classList.remove("is-current"); });
        card.classList.add("is-current");
        card.setAttribute("tabindex", "-1");
        card.focus({ preventScroll: true });
        card.scrollIntoView({ block: "nearest" });
    }

    function goToPassage(id) {
        var mark = document.getElementById("passage-" + id) || body.querySelector("mark[data-annotations~='" + id + "']");
        if (mark) {
            mark.scrollIntoView({ block: "center" });
            if (!mark.hasAttribute("tabindex")) {
                mark.setAttribute("tabindex", "-1");
            }
            mark.focus({ preventScroll: true });
        }
        return mark;
    }

    document.addEventListener("click", function (event) {
        var mark = event.target.closest ? event.target.closest("#article-text mark.hl") : null;
        if (mark && !hasSelection()) {
            goToCard(mark);
        }
        var jump = event.target.closest ? event.target.closest(".tag-card__jump") : null;
        if (jump && goToPassage(jump.getAttribute("data-annotation"))) {
            event.preventDefault();
        }
    });

    // ---- Margin notes: each card beside its passage, kept apart when passages are close ----

    var marginSheet = null;
    if ("adoptedStyleSheets" in document && window.CSSStyleSheet) {
        try {
            marginSheet = new CSSStyleSheet();
            document.adoptedStyleSheets = document.adoptedStyleSheets.concat([marginSheet]);
        } catch (e) {
            marginSheet = null;
        }
    }

    function layoutMargin() {
        var panel = document.getElementById("tags");
        if (!panel || !marginSheet) {
            return;
        }
        var list = panel.querySelector(".tag-list:not(.tag-list--orphans)");
        var cards = list ? Array.prototype.slice.call(list.children) : [];
        if (!wide.matches || cards.length === 0) {
            panel.classList.remove("is-margin");
            marginSheet.replaceSync("");
            return;
        }
        panel.classList.add("is-margin");
        marginSheet.replaceSync("");
        var origin = list.getBoundingClientRect().top;
        var rules = [];
        var next = 0;
        var gap = 12;
        cards.forEach(function (card) {
            var mark = goToPassageTarget(card.getAttribute("data-annotation"));
            var wanted = mark ? mark.getBoundingClientRect().top - origin : next;
            var top = Math.max(Math.round(wanted), next);
            rules.push("#" + card.id + " { top: " + top + "px; }");
            next = top + card.offsetHeight + gap;
        });
        rules.push("#tags.is-margin .tag-list:not(.tag-list--orphans) { height: " + next + "px; }");
        marginSheet.replaceSync(rules.join("\n"));
    }

    function goToPassageTarget(id) {
        return document.getElementById("passage-" + id) || body.querySelector("mark[data-annotations~='" + id + "']");
    }

    var layoutQueued = false;
    function queueLayout() {
        if (!layoutQueued) {
            layoutQueued = true;
            window.requestAnimationFrame(function () { layoutQueued = false; layoutMargin(); });
        }
    }
    window.addEventListener("resize", queueLayout);
    if (document.fonts && document.fonts.ready) {
        document.fonts.ready.then(queueLayout);
    }
    layoutMargin();

    // A notice from the server (tag deleted, with Undo; a tag changed by someone else first) is read out by moving focus to it.
    var notice = document.querySelector(".tag-message");
    if (notice && window.location.hash === "#tag-notice") {
        document.getElementById("tag-notice").focus();
    }

    var popover = document.getElementById("tag-popover");
    if (!popover) {
        return; // signed out: reading only
    }

    // ---- Tagging: selection, the "Tag selection" button and the dialog ----------------------

    var adder = document.getElementById("tag-adder");
    var form = document.getElementById("tag-popover-form");
    var filter = document.getElementById("tag-theme-filter");
    var list = document.getElementById("tag-theme-list");
    var fresh = document.getElementById("tag-theme-new");
    var none = document.getElementById("tag-theme-none");
    var suggest = document.getElementById("tag-theme-suggest");
    var suggestions = document.getElementById("tag-theme-suggestions");
    var create = document.getElementById("tag-theme-create");
    var confirmBox = document.getElementById("tag-theme-confirm");
    var confirmText = document.getElementById("tag-theme-confirm-text");
    var created = document.getElementById("tag-theme-created");
    var createdText = document.getElementById("tag-theme-created-text");
    var note = document.getElementById("tag-note");
    var isPublic = document.getElementById("tag-public");
    var error = document.getElementById("tag-popover-error");
    var quote = document.getElementById("tag-popover-quote");
    var pending = null;
    var token = null;
    var lastCreated = null;

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

    // The DOM point of a canonical offset: the text node and index inside the block that holds it.
    function pointAt(offset, preferEnd) {
        var blocks = body.querySelectorAll("[data-start]");
        for (var i = 0; i < blocks.length; i++) {
            var start = parseInt(blocks[i].getAttribute("data-start"), 10);
            var end = parseInt(blocks[i].getAttribute("data-end"), 10);
            if (offset < start || offset > end || (offset === end && !preferEnd && i + 1 < blocks.length && offset === parseInt(blocks[i + 1].getAttribute("data-start"), 10))) {
                continue;
            }
            var walker = document.createTreeWalker(blocks[i], NodeFilter.SHOW_TEXT);
            var left = offset - start;
            var node = walker.nextNode();
            var last = node;
            while (node) {
                var length = node.textContent.length;
                if (left < length || (left === length && preferEnd)) {
                    return { node: node, offset: left };
                }
                left -= length;
                last = node;
                node = walker.nextNode();
            }
            if (last) {
                return { node: last, offset: last.textContent.length };
            }
        }
        return null;
    }

    function readSelection() {
        var selection = window.getSelection();
        if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
            return null;
        }
        var range = selection.getRangeAt(0);
        if (!body.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== body) {
            return null;
        }
        var start = offsetOf(range.startContainer, range.startOffset);
        var end = offsetOf(range.endContainer, range.endOffset);
        if (start === null || end === null || end <= start || selection.toString().trim() === "") {
            return null;
        }
        return { start: start, end: end, text: selection.toString(), range: range.cloneRange() };
    }

    function select(start, end) {
        var from = pointAt(start, false);
        var to = pointAt(end, true);
        if (!from || !to) {
            return null;
        }
        var range = document.createRange();
        range.setStart(from.node, from.offset);
        range.setEnd(to.node, to.offset);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        return range;
    }

    // Keeps the chosen words visibly marked while focus is in the dialog (where the native selection fades).
    function showPending(range) {
        if (window.CSS && CSS.highlights && window.Highlight) {
            if (range) {
                CSS.highlights.set("tag-pending", new Highlight(range));
            } else {
                CSS.highlights.delete("tag-pending");
            }
        }
    }

    function placeAdder() {
        if (!popover.hidden) {
            return;
        }
        var selected = readSelection();
        if (!selected) {
            adder.hidden = true;
            return;
        }
        adder.hidden = false;
        adder.classList.toggle("is-docked", narrow.matches);
        if (narrow.matches) {
            return;
        }
        var rects = selected.range.getClientRects();
        var rect = rects.length ? rects[rects.length - 1] : selected.range.getBoundingClientRect();
        var top = window.scrollY + rect.bottom + 6;
        var left = window.scrollX + Math.min(rect.right, document.documentElement.clientWidth - adder.offsetWidth - 8);
        setPosition(adder, top, Math.max(8, left));
    }

    var positions = null;
    if ("adoptedStyleSheets" in document && window.CSSStyleSheet) {
        positions = new CSSStyleSheet();
        document.adoptedStyleSheets = document.adoptedStyleSheets.concat([positions]);
    }
    var placed = {};
    function setPosition(element, top, left) {
        placed[element.id] = "#" + element.id + " { top: " + Math.round(top) + "px; left: " + Math.round(left) + "px; }";
        if (positions) {
            positions.replaceSync(Object.keys(placed).map(function (k) { return placed[k]; }).join("\n"));
        }
    }

    var selectionQueued = false;
    document.addEventListener("selectionchange", function () {
        if (!selectionQueued) {
            selectionQueued = true;
            window.requestAnimationFrame(function () { selectionQueued = false; placeAdder(); });
        }
    });

    adder.addEventListener("mousedown", function (event) { event.preventDefault(); }); // keep the selection
    adder.addEventListener("click", function () { openFromSelection(); });

    function openFromSelection() {
        var selected = readSelection();
        if (selected) {
            open(selected);
        }
    }

    function open(selected) {
        pending = selected;
        error.textContent = "";
        quote.textContent = "“" + selected.text.trim().replace(/\s+/g, " ").slice(0, 160) + (selected.text.trim().length > 160 ? "…”" : "”");
        adder.hidden = true;
        resetNewTheme();
        filter.value = "";
        applyFilter();
        popover.hidden = false;
        showPending(selected.range);
        var docked = narrow.matches;
        popover.classList.toggle("is-docked", docked);
        if (!docked) {
            placePopover();
            filter.focus({ preventScroll: true });
        } else {
            // On a phone the sheet takes focus itself: the on-screen keyboard stays down until asked for.
            popover.focus({ preventScroll: true });
        }
    }

    // Beside the words: below them when the dialog fits, else above, else as high as the screen
    // allows, so it is always on screen; placed again whenever its content grows or shrinks.
    function placePopover(grown) {
        if (!pending || popover.hidden || popover.classList.contains("is-docked")) {
            return;
        }
        var rect = pending.range.getBoundingClientRect();
        var viewport = document.documentElement.clientHeight;
        var height = popover.offsetHeight;
        if (grown) {
            // Grown or shrunk while open: stay put unless the bottom would leave the screen.
            var now = popover.getBoundingClientRect();
            if (now.top + height <= viewport - 8) {
                return;
            }
            setPosition(popover, window.scrollY + Math.max(8, viewport - height - 8), window.scrollX + now.left);
            return;
        }
        var top = rect.bottom + 8 + height <= viewport ? rect.bottom + 8
            : rect.top - 8 - height >= 0 ? rect.top - 8 - height
            : Math.max(8, viewport - height - 8);
        var left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - popover.offsetWidth - 8));
        setPosition(popover, window.scrollY + top, window.scrollX + left);
    }

    if (window.ResizeObserver) {
        new ResizeObserver(function () { placePopover(true); }).observe(popover);
    }

    function close(restoreSelection) {
        var was = pending;
        popover.hidden = true;
        pending = null;
        showPending(null);
        if (restoreSelection && was) {
            body.focus({ preventScroll: true });
            var selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(was.range);
            placeAdder();
        }
    }

    document.addEventListener("mousedown", function (event) {
        if (!popover.hidden && !popover.contains(event.target)) {
            close(false);
        }
    });
    document.getElementById("tag-popover-cancel").addEventListener("click", function () { close(true); });

    // The dialog keeps focus while open: Tab and Shift+Tab go round inside it; Escape goes back to the words.
    popover.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
            event.preventDefault();
            if (!confirmBox.hidden) {
                cancelCreate();
                return;
            }
            close(true);
            return;
        }
        if (event.key !== "Tab") {
            return;
        }
        var focusable = Array.prototype.filter.call(
            popover.querySelectorAll("input, textarea, button, [href]"),
            function (el) { return !el.disabled && el.offsetParent !== null && !el.closest("[hidden]"); });
        if (focusable.length === 0) {
            return;
        }
        var first = focusable[0];
        var last = focusable[focusable.length - 1];
        if (event.shiftKey && (document.activeElement === first || document.activeElement === popover)) {
            event.preventDefault();
            last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
            event.preventDefault();
            first.focus();
        }
    });

    // ---- Keyboard: a sentence cursor in the focused text, and T to tag ---------------------

    // A sentence ends at . ! ? or … (with any closing quotes or brackets) when the next word starts a
    // new one: a capital, a digit, an opening quote, or the end of the block. So "every day . . . most"
    // and "e.g. councils" stay inside their sentence.
    function sentences() {
        var found = [];
        body.querySelectorAll("[data-start]").forEach(function (block) {
            var start = parseInt(block.getAttribute("data-start"), 10);
            var text = block.textContent;
            var from = 0;
            var ending = /[.!?…]+["”’)\]]*(?=\s+(?:[\p{Lu}\p{N}“‘"'(\[]|$)|$)/gu;
            var match;
            while ((match = ending.exec(text)) !== null) {
                push(found, start, text, from, match.index + match[0].length);
                from = match.index + match[0].length;
            }
            push(found, start, text, from, text.length);
        });
        return found;
    }

    function push(found, start, text, from, to) {
        var piece = text.slice(from, to);
        var lead = piece.length - piece.replace(/^\s+/, "").length;
        var trimmed = piece.replace(/\s+$/, "");
        if (trimmed.length > lead) {
            found.push({ start: start + from + lead, end: start + from + trimmed.length });
        }
    }

    var cursor = null; // { anchor: index, focus: index } into sentences()

    function moveSentence(step, extend) {
        var all = sentences();
        if (all.length === 0) {
            return;
        }
        if (cursor === null || cursor.focus >= all.length) {
            var current = readSelection();
            var at = current ? all.findIndex(function (s) { return s.end > current.start; }) : -1;
            var index = at < 0 ? (step > 0 ? 0 : all.length - 1) : at;
            cursor = { anchor: index, focus: index };
        } else {
            var next = Math.max(0, Math.min(all.length - 1, cursor.focus + step));
            cursor = extend ? { anchor: cursor.anchor, focus: next } : { anchor: next, focus: next };
        }
        var from = all[Math.min(cursor.anchor, cursor.focus)];
        var to = all[Math.max(cursor.anchor, cursor.focus)];
        var range = select(from.start, to.end);
        if (range) {
            var node = range.startContainer.nodeType === Node.ELEMENT_NODE ? range.startContainer : range.startContainer.parentElement;
            node.scrollIntoView({ block: "nearest" });
            var count = Math.abs(cursor.focus - cursor.anchor) + 1;
            announce(count > 1
                ? count + " sentences selected. Press Enter to tag them."
                : "Sentence " + (cursor.focus + 1) + " of " + all.length + ": " + range.toString().slice(0, 200));
        }
    }

    body.addEventListener("keydown", function (event) {
        if (event.altKey || event.ctrlKey || event.metaKey) {
            return;
        }
        var key = event.key;
        if (key === "ArrowDown" || key === "ArrowRight") {
            event.preventDefault();
            moveSentence(1, event.shiftKey);
        } else if (key === "ArrowUp" || key === "ArrowLeft") {
            event.preventDefault();
            moveSentence(-1, event.shiftKey);
        } else if ((key === "Enter" || key === "t" || key === "T") && hasSelection()) {
            event.preventDefault();
            openFromSelection();
        } else if (key === "Enter" && event.target.matches && event.target.matches("mark.hl")) {
            event.preventDefault();
            goToCard(event.target);
        } else if (key === "Escape" && hasSelection()) {
            window.getSelection().removeAllRanges();
            cursor = null;
        }
    });
    body.addEventListener("mousedown", function () { cursor = null; });

    // T anywhere on the page (outside fields) tags the current selection in the text.
    document.addEventListener("keydown", function (event) {
        if ((event.key === "t" || event.key === "T") && !event.altKey && !event.ctrlKey && !event.metaKey && popover.hidden
            && !(event.target.closest && event.target.closest("input, textarea, select, [contenteditable], #article-text")) && readSelection()) {
            event.preventDefault();
            openFromSelection();
        }
    });

    // ---- Themes: filter, near matches, and a deliberate "add to the codebook" -------------

    function items() {
        return Array.prototype.slice.call(list.querySelectorAll("li"));
    }

    function nameOf(item) {
        var name = item.querySelector(".tag-popover__name");
        return (name ? name.textContent : item.textContent).trim();
    }

    function fold(text) {
        return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
    }

    function applyFilter() {
        var words = fold(filter.value);
        var exact = false;
        items().forEach(function (item) {
            var name = fold(nameOf(item));
            item.hidden = words !== "" && name.indexOf(words) < 0;
            exact = exact || name === words;
        });
        var nothing = words !== "" && items().every(function (item) { return item.hidden; });
        resetNewTheme();
        fresh.hidden = words === "" || exact;
        if (!fresh.hidden) {
            none.textContent = nothing ? "No theme is called “" + filter.value.trim() + "”." : "";
            none.hidden = !nothing;
            create.textContent = "Add “" + filter.value.trim() + "” as a new theme…";
        }
    }

    var similarQuestion = null;
    function resetNewTheme() {
        if (similarQuestion) {
            // An answer about the words the box held before would be about the wrong words.
            similarQuestion.abort();
            similarQuestion = null;
        }
        confirmBox.hidden = true;
        create.hidden = false;
        suggest.hidden = true;
        suggestions.textContent = "";
    }

    function tick(slugValue) {
        var box = list.querySelector("input[value='" + slugValue + "']");
        if (box) {
            box.checked = true;
        }
        filter.value = "";
        applyFilter();
        return box;
    }

    // Each letter typed asks again; answers can come back out of order. Only the latest question
    // may fill the suggestions (an earlier, slower answer would otherwise rebuild the buttons under
    // the reader's focus), so a new question cancels the one before it.
    function lookSimilar(name) {
        if (similarQuestion) {
            similarQuestion.abort();
        }
        var question = similarQuestion = new AbortController();
        return fetch("/api/themes/similar?name=" + encodeURIComponent(name), { credentials: "same-origin", signal: question.signal })
            .then(function (r) { return r.ok ? r.json() : []; })
            .then(function (themes) {
                if (question !== similarQuestion) {
                    return null;
                }
                suggestions.textContent = "";
                themes.forEach(function (theme, i) {
                    if (i > 0) {
                        suggestions.appendChild(document.createTextNode(i === themes.length - 1 ? " or " : ", "));
                    }
                    var button = document.createElement("button");
                    button.type = "button";
                    button.className = "button-link tag-popover__suggestion";
                    button.textContent = theme.name;
                    button.addEventListener("click", function () {
                        var box = tick(theme.slug);
                        announce("Ticked " + theme.name + ".");
                        (box || filter).focus();
                    });
                    suggestions.appendChild(button);
                });
                suggest.hidden = themes.length === 0;
                return themes;
            }, function (error) {
                if (error.name === "AbortError") {
                    return null;
                }
                throw error;
            });
    }

    filter.addEventListener("input", function () {
        applyFilter();
        if (!fresh.hidden && fold(filter.value).length >= 3) {
            lookSimilar(filter.value.trim());
        }
    });
    filter.addEventListener("keydown", function (event) {
        if (event.key !== "Enter") {
            return;
        }
        event.preventDefault();
        var visible = items().filter(function (item) { return !item.hidden; });
        if (filter.value.trim() === "") {
            return;
        }
        if (visible.length === 1) {
            var box = visible[0].querySelector("input");
            box.checked = true;
            announce("Ticked " + nameOf(visible[0]) + ".");
            filter.value = "";
            applyFilter();
        } else if (!fresh.hidden) {
            // A typo plus Enter never adds a theme: it offers near matches and asks first.
            lookSimilar(filter.value.trim()).then(function (themes) {
                if (themes === null) {
                    return;
                }
                var first = suggestions.querySelector("button");
                if (first) {
                    announce("No theme is called " + filter.value.trim() + ". Did you mean " + themes.map(function (t) { return t.name; }).join(" or ") + "?");
                    first.focus();
                } else {
                    askToCreate();
                }
            });
        }
    });

    function askToCreate() {
        var name = filter.value.trim();
        if (!name) {
            return;
        }
        confirmText.textContent = "Add “" + name + "” to the codebook? Everyone will see it.";
        confirmBox.hidden = false;
        create.hidden = true;
        document.getElementById("tag-theme-confirm-yes").focus();
    }

    create.addEventListener("click", askToCreate);
    function cancelCreate() {
        confirmBox.hidden = true;
        create.hidden = false;
        filter.focus();
    }

    document.getElementById("tag-theme-confirm-no").addEventListener("click", cancelCreate);
    document.getElementById("tag-theme-confirm-yes").addEventListener("click", function () {
        var name = filter.value.trim();
        send("POST", "/api/themes", { name: name }).then(function (theme) {
            var item = document.createElement("li");
            var label = document.createElement("label");
            label.className = "tag-popover__theme";
            var box = document.createElement("input");
            box.type = "checkbox";
            box.name = "theme";
            box.value = theme.slug;
            box.checked = true;
            var text = document.createElement("span");
            text.className = "tag-popover__name";
            text.textContent = theme.name;
            label.appendChild(box);
            label.appendChild(document.createTextNode(" "));
            label.appendChild(text);
            item.appendChild(label);
            list.insertBefore(item, list.firstChild);
            filter.value = "";
            applyFilter();
            lastCreated = { slug: theme.slug, name: theme.name, item: item };
            createdText.textContent = "Added “" + theme.name + "” to the codebook.";
            created.hidden = false;
            announce("Added " + theme.name + " to the codebook and ticked it. Undo is available for a minute.");
            box.focus();
            window.setTimeout(function () { created.hidden = true; lastCreated = null; }, 60000);
        }).catch(function (e) { error.textContent = e.message; });
    });
    document.getElementById("tag-theme-undo").addEventListener("click", function () {
        if (!lastCreated) {
            return;
        }
        var undone = lastCreated;
        send("DELETE", "/api/themes/" + encodeURIComponent(undone.slug)).then(function () {
            undone.item.remove();
            created.hidden = true;
            lastCreated = null;
            announce("Removed " + undone.name + " from the codebook.");
            filter.focus();
        }).catch(function (e) { error.textContent = e.message; });
    });

    // ---- Saving ------------------------------------------------------------------------------

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
            var init = { method: method, credentials: "same-origin", headers: headers };
            if (payload !== undefined) {
                init.body = JSON.stringify(payload);
            }
            return fetch(url, init);
        }).then(function (response) {
            return response.json().catch(function () { return {}; }).then(function (json) {
                if (!response.ok) {
                    throw new Error(json.detail || json.title || ("The server said " + response.status));
                }
                return json;
            });
        });
    }

    function codePoints(text, utf16) {
        return Array.from(text.slice(0, utf16)).length;
    }

    form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (!pending) {
            return;
        }
        var checked = Array.prototype.slice.call(list.querySelectorAll("input:checked"));
        if (checked.length === 0) {
            error.textContent = "Choose at least one theme.";
            filter.focus();
            return;
        }
        var themes = checked.map(function (box) { return box.value; });
        var names = checked.map(function (box) { return nameOf(box.closest("li")); });
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
                close(false);
                note.value = "";
                list.querySelectorAll("input:checked").forEach(function (box) { box.checked = false; });
                created.hidden = true;
                window.getSelection().removeAllRanges();
                cursor = null;
                return refresh(saved.id.split("/").pop()).then(function (id) {
                    announce("Tagged as " + names.join(" and ") + ".");
                    var mark = goToPassage(id);
                    if (mark) {
                        mark.classList.add("is-current");
                    }
                });
            })
            .catch(function (e) { error.textContent = e.message; });
    });

    // Swap in the server's new rendering of the text, the tag list and the theme chips.
    function refresh(id) {
        return fetch(window.location.href, { credentials: "same-origin" })
            .then(function (r) { return r.text(); })
            .then(function (html) {
                var page = new DOMParser().parseFromString(html, "text/html");
                var fresh = page.getElementById("article-text");
                // The text keeps its element (and its listeners and focus state); only its words are replaced.
                if (fresh) {
                    body.replaceChildren.apply(body, Array.prototype.map.call(fresh.childNodes, function (n) { return document.importNode(n, true); }));
                }
                var panel = page.getElementById("tags");
                var current = document.getElementById("tags");
                if (panel && current) {
                    current.replaceWith(document.importNode(panel, true));
                }
                var chips = page.querySelector(".theme-filter");
                var oldChips = document.querySelector(".theme-filter");
                if (chips && oldChips) {
                    oldChips.replaceWith(document.importNode(chips, true));
                } else if (chips) {
                    document.querySelector(".article-body").before(document.importNode(chips, true));
                }
                var card = document.getElementById("tag-" + id);
                if (card) {
                    card.classList.add("is-current");
                }
                layoutMargin();
                return id;
            });
    }
})();
