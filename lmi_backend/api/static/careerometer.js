// Careerometer: type a job, pick it from the suggestions, and compare up to three jobs' pay,
// hours and future employment side by side. Everything comes from the LMI for All API v1 on the
// server that served this file; no libraries. The suggestion list is an ARIA combobox: arrow
// keys move through it, Enter picks, Escape closes.
(function () {
  "use strict";
  var API = "/api/v1";
  var MAX_JOBS = 3;
  var input = document.getElementById("cm-input");
  var list = document.getElementById("cm-options");
  var status = document.getElementById("cm-status");
  var jobsList = document.getElementById("cm-jobs");
  var empty = document.getElementById("cm-empty");
  var options = [];
  var active = -1;
  var jobs = [];
  var searchTimer = null;
  var searchSeq = 0;

  function get(path) {
    return fetch(API + path).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    });
  }

  function announce(message) {
    status.textContent = message;
    resize();
  }

  function resize() {
    if (window.parent !== window) {
      window.parent.postMessage({ careerometerHeight: document.documentElement.scrollHeight }, "*");
    }
  }

  // -- the suggestion list --------------------------------------------------------------

  function closeList() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
    resize();
  }

  function showOptions(found) {
    options = found.slice(0, 8);
    list.textContent = "";
    active = -1;
    options.forEach(function (job, i) {
      var li = document.createElement("li");
      li.id = "cm-option-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.textContent = job.title;
      li.addEventListener("mousedown", function (event) { event.preventDefault(); });
      li.addEventListener("click", function () { choose(i); });
      list.appendChild(li);
    });
    if (options.length) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      announce(options.length + (options.length === 1 ? " job matches" : " jobs match") + ": use the arrow keys to choose.");
    } else {
      closeList();
      announce("No job matches that. Try other words.");
    }
    resize();
  }

  function highlight(i) {
    if (!options.length) return;
    active = (i + options.length) % options.length;
    Array.prototype.forEach.call(list.children, function (li, n) {
      li.setAttribute("aria-selected", n === active ? "true" : "false");
    });
    var li = list.children[active];
    input.setAttribute("aria-activedescendant", li.id);
    li.scrollIntoView({ block: "nearest" });
  }

  function search() {
    var words = input.value.trim();
    var seq = ++searchSeq;
    if (words.length < 2) { closeList(); return; }
    get("/soc/search?q=" + encodeURIComponent(words)).then(function (found) {
      if (seq === searchSeq) showOptions(found);
    }).catch(function () {
      if (seq === searchSeq) announce("The job search is not answering. Please try again.");
    });
  }

  input.addEventListener("input", function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(search, 200);
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (list.hidden && options.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
      highlight(active + 1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      highlight(active - 1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (!list.hidden && options.length) choose(active >= 0 ? active : 0);
    } else if (event.key === "Escape") {
      closeList();
    }
  });

  input.addEventListener("blur", function () { setTimeout(closeList, 150); });

  // -- the jobs compared ----------------------------------------------------------------

  function choose(i) {
    var job = options[i];
    closeList();
    input.value = "";
    if (jobs.some(function (j) { return j.soc === job.soc; })) {
      announce(job.title + " is already in your list.");
      return;
    }
    if (jobs.length >= MAX_JOBS) {
      announce("You can compare three jobs. Remove one to add " + job.title + ".");
      return;
    }
    var entry = { soc: job.soc, title: job.title, element: card(job) };
    jobs.push(entry);
    jobsList.appendChild(entry.element);
    empty.hidden = true;
    announce("Added " + job.title + ". Comparing " + jobs.length + (jobs.length === 1 ? " job." : " jobs."));
    load(entry);
  }

  function remove(entry) {
    jobs = jobs.filter(function (j) { return j !== entry; });
    entry.element.remove();
    empty.hidden = jobs.length > 0;
    input.focus();
    announce("Removed " + entry.title + ". Comparing " + jobs.length + (jobs.length === 1 ? " job." : " jobs."));
  }

  function card(job) {
    var li = document.createElement("li");
    li.className = "cm-job";
    var heading = document.createElement("h3");
    heading.textContent = job.title;
    heading.id = "cm-job-" + job.soc;
    li.setAttribute("aria-labelledby", heading.id);
    li.appendChild(heading);
    var dl = document.createElement("dl");
    ["Pay", "Hours", "Jobs in the UK"].forEach(function (name) {
      var dt = document.createElement("dt");
      dt.textContent = name;
      var dd = document.createElement("dd");
      dd.textContent = "Loading…";
      dd.setAttribute("data-figure", name);
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    li.appendChild(dl);
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = "Remove";
    button.setAttribute("aria-label", "Remove " + job.title);
    li.appendChild(button);
    return li;
  }

  function show(entry, name, figure, note) {
    var dd = entry.element.querySelector('[data-figure="' + name + '"]');
    dd.textContent = "";
    var strong = document.createElement("span");
    strong.className = "cm-figure";
    strong.textContent = figure;
    dd.appendChild(strong);
    if (note) {
      var small = document.createElement("span");
      small.className = "cm-note";
      small.textContent = note;
      dd.appendChild(small);
    }
    resize();
  }

  function money(pounds) {
    return "£" + Math.round(pounds).toLocaleString("en-GB");
  }

  function wider(answer, entry) {
    // with coarse=true a small job's figure may be its wider SOC group's, named by "soc"
    if (answer.soc === entry.soc) return Promise.resolve("");
    return get("/soc/code/" + answer.soc).then(function (group) {
      return "For the wider group: " + group.title + ".";
    }).catch(function () { return "For a wider group of jobs."; });
  }

  function latest(series, key) {
    for (var i = series.length - 1; i >= 0; i--) if (series[i][key] !== null) return series[i];
    return null;
  }

  function load(entry) {
    var soc = entry.soc;
    get("/ashe/estimatePay?coarse=true&soc=" + soc).then(function (pay) {
      var row = latest(pay.series, "estpay");
      if (!row) return show(entry, "Pay", "No reliable figure");
      return wider(pay, entry).then(function (note) {
        show(entry, "Pay", money(row.estpay) + " a week", "Median, " + row.year + ". " + note);
      });
    }).catch(function () { show(entry, "Pay", "Not available"); });

    get("/ashe/estimateHours?coarse=true&soc=" + soc).then(function (hours) {
      var row = latest(hours.series, "hours");
      if (!row) return show(entry, "Hours", "No reliable figure");
      return wider(hours, entry).then(function (note) {
        show(entry, "Hours", row.hours + " hours a week", "Median paid hours, " + row.year + ". " + note);
      });
    }).catch(function () { show(entry, "Hours", "Not available"); });

    // from 2017, the base year of the projections (Working Futures 2017-2027): earlier years are history
    get("/wf/predict?minYear=2017&soc=" + soc).then(function (outlook) {
      var years = outlook.predictedEmployment;
      var first = years[0], last = years[years.length - 1];
      if (years.length < 2 || !first.employment || last.employment === null) {
        return show(entry, "Jobs in the UK", "No projection");
      }
      var change = 100 * (last.employment / first.employment - 1);
      var sign = change >= 0.05 ? "+" : change <= -0.05 ? "\u2212" : "";
      return wider(outlook, entry).then(function (note) {
        show(entry, "Jobs in the UK", sign + Math.abs(change).toFixed(1) + "% by " + last.year,
          first.employment.toLocaleString("en-GB") + " in " + first.year + ", " +
          last.employment.toLocaleString("en-GB") + " projected in " + last.year + ". " + note);
      });
    }).catch(function () { show(entry, "Jobs in the UK", "Not available"); });

    entry.element.querySelector("button").addEventListener("click", function () { remove(entry); });
  }

  window.addEventListener("load", resize);
  window.addEventListener("resize", resize);
})();
