// factlint report: a popup with the findings of a highlighted span, on hover,
// click, Enter or a `#focus=ID` URL fragment; links jump between articles.
(function () {
  "use strict";
  var popup = document.getElementById("popup");
  var active = null;
  var pinned = false;

  function details(mark) {
    return (mark.getAttribute("data-ids") || "").split(" ").filter(Boolean)
      .map(function (id) { return document.getElementById("detail-" + id); })
      .filter(Boolean);
  }

  function clearPeers() {
    Array.prototype.forEach.call(document.querySelectorAll("mark.peer"), function (m) {
      m.classList.remove("peer");
    });
  }

  function show(mark, pin) {
    popup.textContent = "";
    var found = details(mark);
    found.forEach(function (d) {
      var copy = d.cloneNode(true);
      copy.removeAttribute("id");
      popup.appendChild(copy);
    });
    if (!found.length) { return; }
    if (active) { active.classList.remove("active"); }
    clearPeers();
    active = mark;
    pinned = !!pin;
    mark.classList.add("active");
    // The other spans of the same findings (related mentions) are outlined too.
    found.forEach(function (d) {
      var id = d.getAttribute("data-id");
      Array.prototype.forEach.call(document.querySelectorAll("mark[data-ids~='" + id + "']"), function (m) {
        if (m !== mark) { m.classList.add("peer"); }
      });
    });
    popup.hidden = false;
    var r = mark.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(r.left, width - popup.offsetWidth - 8));
    popup.style.left = (window.scrollX + left) + "px";
    popup.style.top = (window.scrollY + r.bottom + 6) + "px";
  }

  function hide() {
    popup.hidden = true;
    pinned = false;
    if (active) { active.classList.remove("active"); active = null; }
    clearPeers();
  }

  function markAt(id) {
    var el = document.getElementById(id);
    while (el && el.tagName !== "MARK") {
      el = el.nextElementSibling;
    }
    return el;
  }

  function focusHash() {
    var hash = decodeURIComponent(location.hash.slice(1));
    var id = hash.indexOf("focus=") === 0 ? hash.slice(6) : hash;
    if (!/^f\d+(-r\d+)?$/.test(id)) { return; }
    var mark = markAt(id);
    if (!mark) { return; }
    mark.scrollIntoView({ block: "center" });
    mark.classList.remove("flash");
    void mark.offsetWidth;
    mark.classList.add("flash");
    mark.focus({ preventScroll: true });
    show(mark, true);
  }

  document.addEventListener("click", function (e) {
    var mark = e.target.closest("mark[data-ids]");
    if (mark) { show(mark, true); return; }
    if (!e.target.closest("#popup") && !e.target.closest("a")) { hide(); }
  });
  document.addEventListener("mouseover", function (e) {
    var mark = e.target.closest("mark[data-ids]");
    if (mark && !pinned && mark !== active) { show(mark, false); }
  });
  document.addEventListener("mouseout", function (e) {
    var mark = e.target.closest("mark[data-ids]");
    if (mark && !pinned && !(e.relatedTarget && e.relatedTarget.closest && e.relatedTarget.closest("#popup"))) { hide(); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hide(); return; }
    var mark = document.activeElement;
    if ((e.key === "Enter" || e.key === " ") && mark && mark.tagName === "MARK") {
      e.preventDefault();
      show(mark, true);
    }
  });
  window.addEventListener("hashchange", focusHash);
  focusHash();
})();
