// Lists page (administrators): sends a list file to the API's upload and says what came of it.
// Vanilla JavaScript. The upload goes as multipart/form-data with one part per file of the source (OFAC's
// sdn/alt/add, "file" for the others), which the API reads as it arrives; the page then reloads to show the
// versions as they now are, with the outcome kept for it in sessionStorage.
"use strict";

(function () {
  var FLASH = "assessor.lists.flash";
  var csrf = document.querySelector('meta[name="csrf-token"]');
  var token = csrf ? csrf.getAttribute("content") : "";

  // What an upload did, in a sentence: a new version in force, the same content again, or a version held.
  function outcome(source, status, body) {
    var v = body.version || {};
    var skipped = body.skipped ? body.skipped.length : 0;
    var rows = skipped ? ", " + skipped + (skipped === 1000 ? " or more" : "") + " malformed rows skipped" : "";
    if (status === 202) {
      return source + ": the new version " + v.id + " (" + v.entryCount + " entries) is held for confirmation, not in force: "
        + (v.heldReason || "") + rows + ".";
    }
    if (status === 201) {
      return source + ": the new version " + v.id + " is in force, " + v.entryCount + " entries" + rows + ".";
    }
    return source + ": the same content as version " + v.id + ", which is " + (v.status === "IN_FORCE" ? "in force" : v.status)
      + "; no new version was made.";
  }

  function problemText(xhr) {
    try {
      var p = JSON.parse(xhr.responseText);
      var text = p.detail || p.title || ("HTTP " + xhr.status);
      return text;
    } catch (e) {
      return "The service answered HTTP " + xhr.status + ".";
    }
  }

  function setup(form) {
    var source = form.getAttribute("data-source");
    var button = form.querySelector("button[type=submit]");
    var error = document.getElementById("upload-" + source + "-error");
    var bar = document.getElementById("upload-" + source + "-bar");
    button.disabled = false;

    function fail(message, input) {
      error.textContent = message;
      error.hidden = false;
      bar.hidden = true;
      button.disabled = false;
      if (input) {
        input.setAttribute("aria-invalid", "true");
        input.focus();
      }
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      error.hidden = true;
      var data = new FormData();
      var inputs = form.querySelectorAll("input[type=file]");
      for (var i = 0; i < inputs.length; i++) {
        var input = inputs[i];
        input.removeAttribute("aria-invalid");
        if (input.files && input.files[0]) {
          data.append(input.name, input.files[0], input.files[0].name);
        } else if (input.required) {
          fail("Choose the file to upload.", input);
          return;
        }
      }
      button.disabled = true;
      bar.hidden = false;
      bar.value = 0;
      // XMLHttpRequest rather than fetch for the upload's progress: list files run to tens of megabytes.
      var xhr = new XMLHttpRequest();
      xhr.open("POST", "/api/v1/lists/" + encodeURIComponent(source));
      xhr.setRequestHeader("Accept", "application/json");
      xhr.setRequestHeader("X-CSRF-Token", token);
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) {
          bar.value = Math.round(e.loaded * 100 / e.total);
        }
      });
      xhr.addEventListener("load", function () {
        if (xhr.status === 200 || xhr.status === 201 || xhr.status === 202) {
          var text = outcome(source, xhr.status, JSON.parse(xhr.responseText));
          try {
            window.sessionStorage.setItem(FLASH, JSON.stringify({ text: text, held: xhr.status === 202 }));
            window.location.reload();
          } catch (e) {
            // No sessionStorage (a private window may refuse it): say it here; a reload shows the new state.
            fail(text);
          }
        } else if (xhr.status === 401) {
          fail("Your session has ended: sign in again, then upload the file again.");
        } else {
          fail("Not imported, the version in force is unchanged: " + problemText(xhr));
        }
      });
      xhr.addEventListener("error", function () {
        fail("The upload broke off (the connection failed); nothing was imported.");
      });
      xhr.send(data);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var forms = document.querySelectorAll("form.list-upload");
    for (var i = 0; i < forms.length; i++) {
      setup(forms[i]);
    }
    var flash = null;
    try {
      flash = window.sessionStorage.getItem(FLASH);
      window.sessionStorage.removeItem(FLASH);
    } catch (e) {
      flash = null;
    }
    if (flash) {
      var f = JSON.parse(flash);
      var box = document.getElementById("lists-flash");
      box.textContent = f.text;
      box.className = "alert " + (f.held ? "warn" : "ok");
      box.hidden = false;
    }
  });
})();
