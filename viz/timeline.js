/* coopgraph network page: the events of the selected actor, project, place or link on a time
 * axis (SVG), one mark per event coloured by its type, each a link to its evidence in the panel.
 *
 * Why a drawing of our own: vis-timeline is not in the vis-network build pyvis ships, and a
 * few dozen marks on one axis need no library. Dates are xsd:date, gYearMonth or gYear: a mark
 * spans the period the date names (a whole year for "2017"), so vague dates look vague.
 * Text goes in with textContent only. Exposes window.cgTimeline.draw(box, spec). */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var ROW = 16, BAR = 12, AXIS = 20, PAD = 10, MIN_MARK = 8;
  var QUARTERS = ["", "Apr", "Jul", "Oct"];

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  /* [from, to) in fractional years of an ISO date, year-month or year; null when unreadable. */
  function period(text) {
    var m = /^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(text || ""));
    if (!m) return null;
    var year = Number(m[1]);
    if (!m[2]) return [year, year + 1];
    var month = Number(m[2]) - 1;
    if (!m[3]) return [year + month / 12, year + (month + 1) / 12];
    var start = Date.UTC(year, month, Number(m[3]));
    var first = Date.UTC(year, 0, 1), next = Date.UTC(year + 1, 0, 1);
    var at = year + (start - first) / (next - first);
    return [at, at + 86400000 / (next - first)];
  }
  function span(item) {
    var from = period(item.start);
    if (!from) return null;
    var to = item.end ? period(item.end) : null;
    return [from[0], Math.max(from[1], to ? to[1] : from[1])];
  }

  /* Greedy lanes: each mark goes in the first row where it overlaps nothing. */
  function lanes(marks) {
    var ends = [];
    marks.forEach(function (m) {
      var row = 0;
      while (row < ends.length && ends[row] > m.x0 - 2) row++;
      ends[row] = m.x0 + m.w;
      m.row = row;
    });
    return ends.length;
  }

  /* Year ticks (every few years on a long axis); on an axis of two years or less, quarters. */
  function ticks(lo, hi) {
    var out = [], step = Math.max(1, Math.ceil((hi - lo) / 12));
    for (var year = lo; year <= hi; year += step) {
      out.push({ at: year, year: true, text: String(year) });
      for (var q = 1; hi - lo <= 2 && q < 4 && year < hi; q++) {
        out.push({ at: year + q / 4, year: false, text: QUARTERS[q] });
      }
    }
    return out;
  }

  /* spec: {heading, items: [{id, title, type, typeLabel, status, date, start, end}],
   *        colour(type), onPick(id)} */
  function draw(box, spec) {
    while (box.firstChild) box.removeChild(box.firstChild);
    var dated = [], undated = [];
    spec.items.forEach(function (it) {
      var s = span(it);
      if (s) dated.push({ item: it, from: s[0], to: s[1] }); else undated.push(it);
    });
    box.appendChild(el("h2", spec.heading));
    if (!spec.items.length) { box.appendChild(el("p", "No events.", "cg-note")); return; }
    if (dated.length) box.appendChild(axis(box, dated, spec));
    if (undated.length) {
      var p = el("p", "Undated: ", "cg-tl-undated");
      undated.forEach(function (it, i) {
        if (i) p.appendChild(document.createTextNode(" · "));
        p.appendChild(link(it, spec, el("span", it.title), false));
      });
      box.appendChild(p);
    }
    box.appendChild(legend(spec));
  }

  function axis(box, dated, spec) {
    var lo = Math.floor(Math.min.apply(null, dated.map(function (d) { return d.from; })));
    var hi = Math.ceil(Math.max.apply(null, dated.map(function (d) { return d.to; })));
    if (hi <= lo) hi = lo + 1;
    var style = getComputedStyle(box);
    var width = Math.max(300, box.clientWidth - parseFloat(style.paddingLeft) -
                              parseFloat(style.paddingRight));
    var x = function (t) { return PAD + (t - lo) / (hi - lo) * (width - 2 * PAD); };
    dated.sort(function (a, b) { return a.from - b.from || (a.item.id < b.item.id ? -1 : 1); });
    var marks = dated.map(function (d) {
      var x0 = x(d.from);
      return { item: d.item, x0: x0, w: Math.max(MIN_MARK, x(d.to) - x0) };
    });
    var height = AXIS + lanes(marks) * ROW + 4;
    var root = svg("svg", { width: width, height: height, role: "img",
                            "aria-label": "events on a time axis", "class": "cg-tl-axis" });
    ticks(lo, hi).forEach(function (tick) {
      root.appendChild(svg("line", { x1: x(tick.at), x2: x(tick.at), y1: 14, y2: height,
                                     "class": tick.year ? "cg-tl-tick" : "cg-tl-tick cg-tl-minor" }));
      if (x(tick.at) + 30 <= width) {
        var label = svg("text", { x: x(tick.at) + 2, y: 11, "class": "cg-tl-year" });
        label.textContent = tick.text;
        root.appendChild(label);
      }
    });
    marks.forEach(function (m) {
      var it = m.item;
      var rect = svg("rect", { x: m.x0, y: AXIS + m.row * ROW, width: m.w, height: BAR, rx: 2,
                               fill: spec.colour(it.type),
                               "class": "cg-tl-mark" + (it.status === "planned" ? " cg-tl-planned" : "") });
      var a = link(it, spec, rect, true);
      a.setAttribute("data-type", it.type);
      var tip = svg("title");
      tip.textContent = it.title + "\n" + (it.date || "date unknown") + " · " + it.typeLabel +
        " · " + it.status;
      a.appendChild(tip);
      root.appendChild(a);
    });
    return root;
  }

  /* A link to the event's entry (its evidence) in the side panel. */
  function link(it, spec, inner, inSvg) {
    var a = inSvg ? svg("a") : el("a");
    a.setAttribute("href", "#cg-ev-" + it.id);
    a.setAttribute("data-event", it.id);
    a.setAttribute("class", "cg-tl-item");
    a.appendChild(inner);
    a.addEventListener("click", function (ev) { ev.preventDefault(); spec.onPick(it.id); });
    return a;
  }

  function legend(spec) {
    var types = {};
    spec.items.forEach(function (it) { types[it.type] = it.typeLabel; });
    var row = el("div", null, "cg-tl-legend");
    Object.keys(types).sort().forEach(function (t) {
      var item = el("span", null, "cg-legend-item");
      var swatch = el("span", null, "cg-swatch cg-square");
      swatch.style.background = spec.colour(t);
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(types[t]));
      row.appendChild(item);
    });
    return row;
  }

  window.cgTimeline = { draw: draw, period: period };
})();
