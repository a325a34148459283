// Batch jobs pages: sending a file to the API with upload progress, and following a job while it runs.
// Vanilla JavaScript, no library. The pages are server-rendered; this script only adds the live parts.
"use strict";

(function () {
  var csrf = document.querySelector('meta[name="csrf-token"]');
  var token = csrf ? csrf.getAttribute("content") : "";

  function count(n) {
    return Number(n).toLocaleString("en-GB");
  }

  // As the server writes durations (PageText.duration), so that the page does not change style when it updates.
  function duration(seconds) {
    if (seconds === null || seconds === undefined) {
      return "—";
    }
    var s = Math.max(0, Math.round(seconds));
    function two(n) { return (n < 10 ? "0" : "") + n; }
    if (s >= 3600) {
      return Math.floor(s / 3600) + " h " + two(Math.floor((s % 3600) / 60)) + " min";
    }
    if (s >= 60) {
      return Math.floor(s / 60) + " min " + two(s % 60) + " s";
    }
    return s + " s";
  }

  function utc(iso) {
    return iso ? iso.substring(0, 16).replace("T", " ") + " UTC" : "—";
  }

  // ---- Upload -------------------------------------------------------------------------------------------------

  // The API takes the file as the raw request body, typed by its format; the type a browser guesses for a file
  // (often empty, or application/vnd.ms-excel for CSV) is not reliable, so it is taken from the file's name.
  function contentType(file) {
    var name = file.name.toLowerCase();
    if (/\.csv$/.test(name)) {
      return "text/csv";
    }
    if (/\.(jsonl|ndjson|json)$/.test(name)) {
      return "application/x-ndjson";
    }
    if (file.type === "text/csv" || file.type === "application/x-ndjson") {
      return file.type;
    }
    return null;
  }

  // A problem from the API (application/problem+json) as one sentence and its field errors.
  function problemText(xhr) {
    try {
      var p = JSON.parse(xhr.responseText);
      var text = p.detail || p.title || ("HTTP " + xhr.status);
      if (p.errors && p.errors.length) {
        text += " — " + p.errors.slice(0, 10).map(function (e) { return e.field + ": " + e.message; }).join("; ");
        if (p.errors.length > 10) {
          text += " (and " + (p.errors.length - 10) + " more)";
        }
      }
      return text;
    } catch (e) {
      return "The service answered HTTP " + xhr.status + ".";
    }
  }

  function setupUpload(form) {
    var input = document.getElementById("batch-file");
    var button = document.getElementById("batch-submit");
    var error = document.getElementById("batch-file-error");
    var box = document.getElementById("batch-upload-progress");
    var bar = document.getElementById("batch-upload-bar");
    var text = document.getElementById("batch-upload-text");
    button.disabled = false;

    function fail(message) {
      error.textContent = message;
      error.hidden = false;
      input.setAttribute("aria-invalid", "true");
      button.disabled = false;
      input.focus();
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      error.hidden = true;
      input.removeAttribute("aria-invalid");
      var file = input.files && input.files[0];
      if (!file) {
        fail("Choose a file to upload.");
        return;
      }
      var type = contentType(file);
      if (!type) {
        fail("The file must be CSV (.csv) or JSON Lines (.jsonl, .ndjson, .json); " + file.name + " is neither.");
        return;
      }
      button.disabled = true;
      box.hidden = false;
      bar.value = 0;
      text.textContent = "Sending " + file.name + "…";
      // XMLHttpRequest rather than fetch: fetch reports no upload progress, and a large file takes a while to send.
      var xhr = new XMLHttpRequest();
      xhr.open("POST", "/api/v1/batches");
      xhr.setRequestHeader("Content-Type", type);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.setRequestHeader("X-CSRF-Token", token);
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) {
          bar.value = Math.round(e.loaded * 100 / e.total);
          text.textContent = "Sent " + count(Math.round(e.loaded / 1024)) + " of " + count(Math.round(e.total / 1024)) + " KiB";
        }
      });
      xhr.addEventListener("load", function () {
        if (xhr.status === 202) {
          bar.value = 100;
          var job = JSON.parse(xhr.responseText);
          text.textContent = "Stored: " + count(job.rowsRead) + " rows. Opening the job…";
          window.location.assign("/batches/" + encodeURIComponent(job.id));
        } else if (xhr.status === 401) {
          fail("Your session has ended: sign in again, then upload the file again.");
        } else {
          box.hidden = true;
          fail("The file was not accepted: " + problemText(xhr));
        }
      });
      xhr.addEventListener("error", function () {
        box.hidden = true;
        fail("The upload broke off (the connection failed). Nothing was started; try again.");
      });
      xhr.send(file);
    });
  }

  // ---- A job's progress ----------------------------------------------------------------------------------------

  var FINISHED = { DONE: true, FAILED: true, CANCELLED: true };

  function setText(id, value) {
    var e = document.getElementById(id);
    if (e) {
      e.textContent = value;
    }
  }

  function show(job) {
    var done = job.assessed + job.rejected;
    var percent = job.rowsRead === 0 ? (FINISHED[job.state] ? 100 : 0) : Math.min(100, Math.floor(done * 100 / job.rowsRead));
    document.getElementById("job-bar").value = percent;
    setText("job-state", job.state);
    document.getElementById("job-state").className = "tag state-" + job.state;
    setText("job-done", count(done));
    setText("job-total", count(job.rowsRead));
    setText("job-percent", String(percent));
    setText("job-rate", job.rowsPerSecond === null ? "—" : job.rowsPerSecond.toLocaleString("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + " rows/s");
    setText("job-left", FINISHED[job.state] ? "—" : duration(job.estimatedSecondsLeft));
    setText("job-assessed", String(job.assessed));
    setText("job-rejected", String(job.rejected));
    setText("job-started", utc(job.startedAt));
    setText("job-finished", utc(job.finishedAt));
    // Why a job does not progress (no list in force) comes and goes while the page is open.
    setText("job-waiting-text", job.waitingFor || "");
    document.getElementById("job-waiting").hidden = !job.waitingFor;
    // The table below was rendered with the page: offer the rows done since rather than say there are none.
    var none = document.getElementById("no-results");
    if (none && done > 0 && !FINISHED[job.state] && !none.getAttribute("data-offered")) {
      none.textContent = "Rows are being assessed. ";
      var link = document.createElement("a");
      link.href = window.location.pathname + window.location.search;
      link.textContent = "Show those done so far";
      none.appendChild(link);
      none.setAttribute("data-offered", "1");
    }
    Object.keys(job.riskLevels || {}).forEach(function (level) {
      var e = document.querySelector('.level-count[data-level="' + level + '"]');
      if (e) {
        e.textContent = count(job.riskLevels[level]);
      }
    });
  }

  function follow(section) {
    var id = section.getAttribute("data-job");
    var failures = 0;
    function poll() {
      fetch("/api/v1/batches/" + encodeURIComponent(id), { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) {
          if (!r.ok) {
            throw new Error("HTTP " + r.status);
          }
          return r.json();
        })
        .then(function (job) {
          failures = 0;
          show(job);
          if (FINISHED[job.state]) {
            // The results table and the downloads are rendered by the server: show them complete.
            document.getElementById("job-reload").hidden = false;
            var cancel = document.getElementById("job-cancel");
            if (cancel) {
              cancel.hidden = true;
            }
            window.location.reload();
            return;
          }
          window.setTimeout(poll, 1000);
        })
        .catch(function () {
          // A restart or a network hiccup: keep trying, less often, and say so after a few misses.
          failures += 1;
          if (failures >= 3) {
            setText("job-left", "— (no answer from the service; still trying)");
          }
          window.setTimeout(poll, Math.min(10000, 1000 * failures));
        });
    }
    window.setTimeout(poll, 1000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("batch-upload");
    if (form) {
      setupUpload(form);
    }
    var job = document.getElementById("job");
    if (job && !FINISHED[job.getAttribute("data-state")]) {
      follow(job);
    }
  });
})();
