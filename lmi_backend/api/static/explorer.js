// The API explorer: builds a form for each endpoint from /api/v1/openapi.json and shows what the
// API answers. Runs on this server only (same origin), no libraries.
(function () {
  "use strict";
  var select = document.getElementById("endpoint");
  var summary = document.getElementById("endpoint-summary");
  var fieldset = document.getElementById("params");
  var form = document.getElementById("explorer");
  var requestUrl = document.getElementById("request-url");
  var status = document.getElementById("answer-status");
  var answer = document.getElementById("answer");
  var operations = [];
  var base = "/api/v1";

  function text(tag, content, attrs) {
    var el = document.createElement(tag);
    if (content) el.textContent = content;
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    return el;
  }

  function showParams() {
    var op = operations[select.selectedIndex];
    summary.textContent = op.summary + ". " + op.description;
    while (fieldset.children.length > 1) fieldset.removeChild(fieldset.lastChild);
    op.parameters.forEach(function (p, i) {
      var id = "param-" + i;
      fieldset.appendChild(text("label", p.name + (p.required ? " (required)" : ""), { for: id }));
      var input = text("input", "", { id: id, name: p.name, type: "text", "aria-describedby": id + "-hint", "data-in": p.in });
      input.value = exampleValue(op, p);
      fieldset.appendChild(input);
      fieldset.appendChild(text("p", p.description, { id: id + "-hint", class: "hint" }));
    });
  }

  function exampleValue(op, p) {
    // the endpoint's own example request, else the parameter's example
    var example = new URL(op["x-example"], location.origin);
    if (p.in === "query") return example.searchParams.get(p.name) || "";
    var names = op.path.split("/");
    var parts = example.pathname.slice(base.length).split("/");
    var at = names.indexOf("{" + p.name + "}");
    return at >= 0 && parts[at] ? decodeURIComponent(parts[at]) : (p.example || "");
  }

  function buildUrl() {
    var op = operations[select.selectedIndex];
    var path = op.path;
    var query = new URLSearchParams();
    fieldset.querySelectorAll("input").forEach(function (input) {
      if (input.dataset.in === "path") path = path.replace("{" + input.name + "}", encodeURIComponent(input.value));
      else if (input.value !== "") query.append(input.name, input.value);
    });
    var q = query.toString();
    return base + path + (q ? "?" + q : "");
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var url = buildUrl();
    requestUrl.textContent = url;
    status.textContent = "Sending…";
    fetch(url).then(function (response) {
      return response.text().then(function (body) {
        var shown = body;
        try { shown = JSON.stringify(JSON.parse(body), null, 2); } catch (e) { /* JSONP or text */ }
        answer.textContent = shown;
        status.textContent = "HTTP " + response.status + " " + (response.headers.get("Content-Type") || "");
      });
    }).catch(function (error) {
      status.textContent = "The request failed: " + error.message;
    });
  });

  fetch(base + "/openapi.json").then(function (r) { return r.json(); }).then(function (doc) {
    Object.keys(doc.paths).forEach(function (path) {
      var op = doc.paths[path].get;
      op.path = path;
      operations.push(op);
      select.appendChild(text("option", path + " (" + op.tags[0] + ")", { value: path }));
    });
    select.addEventListener("change", showParams);
    showParams();
  });
})();
