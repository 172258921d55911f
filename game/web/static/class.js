// A student's device in a class: the state pushed over a WebSocket, one vote per decision.
// Every text goes in with textContent, never as markup. The socket reconnects by itself
// (a phone that slept, a reloaded page), and the server sends where the class is now.
"use strict";
(function () {
  const root = document.getElementById("class");
  const code = root.dataset.code;
  const $ = (id) => document.getElementById(id);
  let socket = null, state = null, retry = 500;

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(scheme + "//" + location.host + "/ws/class/" + encodeURIComponent(code));
    socket.onopen = () => { retry = 500; $("connection").textContent = "Connected."; };
    socket.onmessage = (event) => receive(JSON.parse(event.data));
    socket.onclose = () => {
      $("connection").textContent = "Reconnecting…";
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 8000);
    };
  }
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && socket && socket.readyState > 1) connect();
  });

  function receive(message) {
    if (message.type === "state") { state = message; draw(); }
    else if (message.type === "ack") {
      if (state && state.decision === message.decision) { state.voted = message.option; draw(); }
    }
    else if (message.type === "refused") { $("vote-status").textContent = message.reason; }
  }

  function vote(option) {
    if (!state || state.voted) return;
    socket.send(JSON.stringify({ type: "vote", option: option, decision: state.decision }));
  }

  function draw() {
    $("heading").textContent = state.scene_title || state.plan_title;
    $("where").textContent = [state.place, state.date].filter(Boolean).join(", ");
    const voting = state.phase === "voting" && state.options.length > 0;
    $("vote").hidden = !voting;
    if (voting) {
      $("ask").textContent = state.ask || "What should Hede Massing do? Vote:";
      const list = $("options");
      list.replaceChildren();
      for (const option of state.options) {
        const button = el("button");
        button.type = "button";
        button.append(el("span", String(option.number), "number"), " " + option.text);
        const chosen = state.voted === option.id;
        button.setAttribute("aria-pressed", chosen ? "true" : "false");
        if (!option.available || state.voted || state.paused) button.disabled = true;
        if (option.available) button.addEventListener("click", () => vote(option.id));
        list.append(button);
        if (!option.available) {
          const why = el("p", "Locked: " + option.locked_reason, "why");
          why.id = "why-" + option.id;
          button.setAttribute("aria-describedby", why.id);
          list.append(why);
        }
      }
      $("vote-status").textContent = state.voted ? "Your vote is in. Waiting for the class." :
        state.paused ? "The lesson is paused." : "";
    }
    drawReveal();
    $("waiting").textContent = waitingText();
  }

  function waitingText() {
    if (!state.open) return "This class has ended.";
    if (state.paused) return "The lesson is paused.";
    return {
      introduction: "You are in. The lesson starts soon: watch the projector.",
      reading: "Read the passage on the projector.",
      chosen: "The class has chosen. What really happened comes at the end of the scene.",
      finished: "The lesson is over. Thank you!",
    }[state.phase] || "";
  }

  function drawReveal() {
    const box = $("reveal");
    const shown = state.revealed ? [state.revealed] : state.records;
    const key = JSON.stringify([state.phase, shown.map((r) => r.node_id), state.yours.length]);
    if (box.dataset.key === key) return; // unchanged: do not make a screen reader repeat it
    box.dataset.key = key;
    box.replaceChildren();
    for (const record of shown) {
      box.append(el("h2", "The class chose: " + record.choice_text));
      const verdict = el("p");
      verdict.append("What happened: ", el("strong", record.verdict_label, "verdict verdict-" + record.verdict));
      box.append(verdict, el("p", record.note));
      for (const citation of record.citations) {
        const quote = el("blockquote");
        quote.append(el("p", "“" + citation.quote + "”"), el("footer", "— " + citation.credit));
        box.append(quote);
      }
      const mine = state.yours.find((y) => y.node === record.node_id);
      if (mine && !mine.same_as_class) {
        const own = el("p", "", "yours");
        own.append("You voted: " + mine.text + " — ", el("strong", mine.verdict_label, "verdict verdict-" + mine.verdict),
          mine.note ? ". " + mine.note : "");
        box.append(own);
      } else if (mine) {
        box.append(el("p", "You voted with the class.", "yours"));
      }
    }
    if (state.phase === "scene_ended" && state.epilogue) box.append(el("p", state.epilogue));
  }

  connect();
})();
