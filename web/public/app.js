/* Mounts the rasa-webchat widget, makes its controls keyboard and screen-reader friendly, and
 * wires the "start a new conversation" button. */
(async function () {
  "use strict";
  // rasa-webchat keeps the conversation's session id and messages under this key. Session
  // storage: a reload or a restart of the assistant continues the conversation, closing the tab
  // forgets it (careers-office and school computers are shared).
  const SESSION_KEY = "chat_session";
  // Sent as the first message of a new session so the assistant greets the user first.
  const GREETING = "/greet";
  const chat = document.getElementById("chat");

  document.getElementById("new-conversation").addEventListener("click", () => {
    sessionStorage.removeItem(SESSION_KEY);
    location.reload();
  });

  const config = await (await fetch("config.json")).json();
  ReactDOM.render(
    React.createElement(WebChat.default, {
      // the Rasa server's own port, or (behind nginx) the page's own address
      socketUrl: config.rasaPort ? `${location.protocol}//${location.hostname}:${config.rasaPort}` : location.origin,
      socketPath: "/socket.io/",
      embedded: true,
      title: "Careers chat",
      initPayload: GREETING,
      inputTextFieldHint: "Type a question, e.g. how much do plumbers earn in Wales",
      params: { storage: "session" },
      // the widget holds each reply back up to 3 s to look like typing; answers with a chart
      // come in two messages, so show them almost at once
      customMessageDelay: () => 250,
      customComponent: CareersCharts.ChartMessage,
    }),
    chat,
  );

  /* The widget draws quick replies as plain <div>s and leaves its message list, text box and
   * send button unnamed; these attributes make them reachable and announced. Re-applied as the
   * widget renders, because React creates new elements for new messages. */
  function enhance() {
    const log = chat.querySelector(".rw-messages-container");
    if (log && !log.hasAttribute("role")) {
      log.setAttribute("role", "log");
      log.setAttribute("aria-label", "Conversation");
      log.tabIndex = 0; // a scrollable region must be reachable to scroll by keyboard
    }
    const input = chat.querySelector(".rw-new-message");
    if (input && !input.hasAttribute("aria-label")) {
      input.setAttribute("aria-label", "Your question");
    }
    const send = chat.querySelector(".rw-send");
    if (send && !send.hasAttribute("aria-label")) send.setAttribute("aria-label", "Send");
    chat.querySelectorAll(".rw-reply:not([role])").forEach((reply) => {
      reply.setAttribute("role", "button");
      reply.tabIndex = 0;
    });
  }
  new MutationObserver(enhance).observe(chat, { childList: true, subtree: true });
  enhance();

  chat.addEventListener("keydown", (event) => {
    const activates = event.key === "Enter" || event.key === " ";
    if (activates && event.target.matches(".rw-reply[role=button]")) {
      event.preventDefault();
      event.target.click();
    }
  });
})();
