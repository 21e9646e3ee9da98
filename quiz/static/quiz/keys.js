// Keyboard shortcuts for quizzes and flashcard reviews, and focus and error handling around htmx swaps.
// Every page works without this file: it only maps keys onto the controls that are already there
// (radios, buttons, links and <details>).
(function () {
  "use strict";

  var OPTION_KEYS = { "1": 0, "2": 1, "3": 2, "4": 3, a: 0, b: 1, c: 2, d: 3 };
  var RATING_KEYS = { "1": 1, "2": 2, "3": 3, "4": 4 };

  function typing(target) {
    return target.closest("input[type=text], input[type=password], textarea, select, [contenteditable]");
  }

  function onQuestion(event, form) {
    var index = OPTION_KEYS[event.key.toLowerCase()];
    var radios = form.querySelectorAll("input[type=radio]");
    if (index !== undefined && radios[index]) {
      radios[index].checked = true;
      radios[index].focus();
      event.preventDefault();
    } else if (event.key === "Enter" && !event.target.closest("button, a")) {
      form.requestSubmit();
      event.preventDefault();
    }
  }

  function onCard(event, card) {
    var answer = card.querySelector("details");
    if (answer && !answer.open) {
      if (event.key === " " || event.key === "Enter") {
        if (!event.target.closest("summary")) {  // a focused summary toggles itself
          answer.open = true;
          event.preventDefault();
        }
      }
      return;
    }
    var rating = RATING_KEYS[event.key];
    var button = rating && card.querySelector("[data-rating='" + rating + "']");
    if (button) {
      button.click();
      event.preventDefault();
    }
  }

  function onFeedback(event, next) {
    if (event.key === "Enter" && event.target !== next && !event.target.closest("button, a")) {
      next.click();
      event.preventDefault();
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) {
      return;
    }
    var form = document.querySelector("form[data-keys=options]");
    var card = document.querySelector("[data-keys=card]");
    var next = document.querySelector("[data-keys=next]");
    if (form) {
      onQuestion(event, form);
    } else if (card) {
      onCard(event, card);
    } else if (next) {
      onFeedback(event, next);
    }
  });

  // htmx swaps in new content: move focus to where the keyboard user continues.
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail.target.querySelector("[autofocus]");
    if (target) {
      target.focus();
    }
  });

  // A request htmx could not complete (an expired session, a lost connection): say so where the
  // student is looking, instead of doing nothing.
  function reportFailure(event) {
    var stage = document.getElementById("stage");
    if (!stage) { return; }
    var alert = document.createElement("p");
    alert.setAttribute("role", "alert");
    alert.className = "error-summary";
    alert.textContent = "That did not go through. Reload the page and try again.";
    stage.prepend(alert);
  }
  document.addEventListener("htmx:responseError", reportFailure);
  document.addEventListener("htmx:sendError", reportFailure);
})();
