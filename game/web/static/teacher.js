// The teacher's page: the live feed (counts, who has not voted) and the lesson's controls.
// The secret comes from this page's own address and goes with every action as a header.
"use strict";
(function () {
  const root = document.getElementById("teacher");
  const code = root.dataset.code;
  const secret = new URLSearchParams(location.search).get("secret") || "";
  const $ = (id) => document.getElementById(id);
  const list = (id, items) => $(id).replaceChildren(...items.map((t) => { const li = document.createElement("li"); li.textContent = t; return li; }));
  for (const link of ["report", "csv", "matrix", "matrix-semicolon"]) $(link).href += "?secret=" + encodeURIComponent(secret);
  $("matrix-semicolon").href += "&sep=semicolon";

  function draw(feed) {
    $("phase").textContent = feed.phase + (feed.paused ? " (paused)" : "");
    $("scene").textContent = feed.scene_title;
    $("ask").textContent = feed.ask;
    list("counts", feed.options.map((o) => o.number + ". " + o.text + ": " + o.votes + (o.available ? "" : " (locked)")));
    $("voted").textContent = feed.voted;
    $("joined").textContent = feed.joined;
    $("warning").textContent = feed.over_class_size ? "More votes than students in the class: count again." : "";
    list("waiting-list", feed.anonymous ? [] : feed.waiting);
    list("names", feed.names);
    if (feed.message) $("message").textContent = feed.message;
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const socket = new WebSocket(scheme + "//" + location.host + "/ws/teacher/" + code + "?secret=" + encodeURIComponent(secret));
    socket.onmessage = (event) => draw(JSON.parse(event.data));
    socket.onclose = () => setTimeout(connect, 1000);
  }

  for (const button of document.querySelectorAll("[data-action]")) {
    button.addEventListener("click", async () => {
      const action = button.dataset.action;
      const argument = action === "override" ? $("override").value : "";
      const response = await fetch("/api/teacher/" + code, {
        method: "POST", headers: { "content-type": "application/json", "x-teacher-secret": secret },
        body: JSON.stringify({ action: action, argument: argument }),
      });
      const answer = await response.json();
      $("message").textContent = answer.refused || (answer.done ? "" : answer.feed.message || "Nothing to do here.");
      if (answer.feed) draw(answer.feed);
    });
  }
  connect();
})();
