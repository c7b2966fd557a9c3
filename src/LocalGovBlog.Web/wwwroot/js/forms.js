// Forms in the GOV.UK pattern: after a refused submit the error summary takes focus, so a screen
// reader announces it and a keyboard user starts from the list of problems.
(function () {
    "use strict";
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
        summary.focus();
    }
})();
