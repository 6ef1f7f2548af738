/* coopgraph network page: draws the JSON in #cg-data with vis-network.
 * Every text from documents is put on the page with textContent (never innerHTML);
 * vis-network shows string tooltips as plain text. */
(function () {
  "use strict";

  var CATEGORY = {
    government: ["Government", "#1f77b4"], international: ["International", "#17becf"],
    donor: ["Donor", "#2ca02c"], social_partner: ["Social partner", "#ff7f0e"],
    education: ["Education", "#9467bd"], research: ["Research", "#8c564b"],
    ngo: ["NGO", "#e377c2"], private: ["Private", "#bcbd22"], other: ["Other", "#7f7f7f"],
    project: ["Project", "#d62728"]
  };
  var PLACE = { aimag: "#3b8f6e", soum: "#76b99a", city: "#2f6f8f", region: "#8fb3c4",
                country: "#4d6b7a", place: "#a0a8ad" };
  var PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
                 "#ff9da7", "#9c755f", "#bab0ac", "#86bcb6", "#d37295", "#a0cbe8", "#ffbe7d"];
  var DIM = "rgba(190,190,190,0.35)";

  var data = JSON.parse(document.getElementById("cg-data").textContent);
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var edgeById = {};
  data.edges.forEach(function (e) { edgeById[e.id] = e; });
  var state = { colourBy: "group", sizeBy: "events", focus: null, types: {}, statuses: {},
                categories: {}, yearFrom: null, yearTo: null };

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function byText(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function hashColour(key) {
    var h = 0;
    for (var i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
    return PALETTE[h % PALETTE.length];
  }
  function groupLabel(n) {
    if (n.kind === "actor") return (CATEGORY[n.group] || CATEGORY.other)[0];
    return n.group.replace(/_/g, " ");
  }
  function groupColour(n) {
    if (n.kind === "actor") return (CATEGORY[n.group] || CATEGORY.other)[1];
    if (n.kind === "place") return PLACE[n.group] || PLACE.place;
    return hashColour(n.group);
  }
  function baseColour(n) {
    if (state.colourBy === "community") {
      return n.community < 0 ? "#c8c8c8" : PALETTE[n.community % PALETTE.length];
    }
    return groupColour(n);
  }
  function nodeSize(n) {
    if (n.kind !== "actor") return 8 + 2 * Math.sqrt(n.degree);
    if (state.sizeBy === "centrality") return 8 + 40 * n.centrality;
    return 8 + 5 * Math.sqrt(n.events.length);
  }
  function tooltip(n) {
    var lines = [n.name, groupLabel(n)];
    if (n.kind === "event") lines.push(n.status);
    else lines.push(n.events.length + " event(s)");
    return lines.join("\n");
  }
  function edgeTooltip(e) {
    var text = byId[e.from].name + " — " + byId[e.to].name;
    if (e.roles.length) return text + "\n" + e.roles.join(", ");
    text += "\n" + e.events.length + " shared event(s)";
    if (e.years) text += " (" + e.years + ")";
    return text;
  }

  /* ---------- vis-network ---------- */
  function visNode(n) {
    var colour = baseColour(n);
    var lit = state.focus === null || state.focus[n.id];
    return {
      id: n.id, label: n.label, title: tooltip(n), x: n.x, y: n.y, size: nodeSize(n),
      shape: n.kind === "event" ? "square" : n.kind === "place" ? "triangle"
        : n.group === "project" ? "diamond" : "dot",
      shapeProperties: { borderDashes: n.status === "planned" ? [4, 3] : false },
      borderWidth: n.status === "planned" ? 2 : 1,
      color: lit ? { background: colour, border: n.status === "planned" ? "#333" : colour,
                     highlight: { background: colour, border: "#000" } }
                 : { background: DIM, border: DIM },
      font: { color: lit ? "#222" : "#bbb", size: 14, strokeWidth: 3, strokeColor: "#ffffff" },
      hidden: !visible.nodes[n.id]
    };
  }
  function visEdge(e) {
    var lit = state.focus === null || (state.focus[e.from] && state.focus[e.to]);
    return { id: e.id, from: e.from, to: e.to, title: edgeTooltip(e),
             width: 1 + 1.5 * Math.log2(1 + e.weight),
             color: { color: lit ? "rgba(110,130,155,0.55)" : "rgba(200,200,200,0.25)", highlight: "#333" },
             hidden: !visible.edges[e.id] };
  }

  /* ---------- filters ---------- */
  var visible = { nodes: {}, edges: {} };
  var years = Object.keys(data.events).map(function (k) { return data.events[k].year; })
    .filter(function (y) { return y !== null && y !== undefined; });
  var minYear = years.length ? Math.min.apply(null, years) : null;
  var maxYear = years.length ? Math.max.apply(null, years) : null;

  function allOn(map) {
    return Object.keys(map).every(function (k) { return map[k]; });
  }
  function filtersDefault() {
    return allOn(state.types) && allOn(state.statuses) &&
      (minYear === null || (state.yearFrom <= minYear && state.yearTo >= maxYear));
  }
  function eventOk(key) {
    var ev = data.events[key];
    if (!ev || !state.types[ev.type] || !state.statuses[ev.status]) return false;
    if (minYear === null || (state.yearFrom <= minYear && state.yearTo >= maxYear)) return true;
    return ev.year !== null && ev.year >= state.yearFrom && ev.year <= state.yearTo;
  }
  function computeVisible() {
    var plain = filtersDefault();
    var ok = {};
    Object.keys(data.events).forEach(function (k) { ok[k] = eventOk(k); });
    function nodeOk(n) {
      if (n.kind === "event") return ok[n.events[0][0]];
      if (n.kind === "place") return true;
      if (!state.categories[n.group]) return false;
      return n.events.length === 0 ? plain : n.events.some(function (e) { return ok[e[0]]; });
    }
    var nodeOkMap = {}, hasEdge = {};
    data.nodes.forEach(function (n) { nodeOkMap[n.id] = nodeOk(n); });
    visible.edges = {};
    data.edges.forEach(function (e) {
      var show = nodeOkMap[e.from] && nodeOkMap[e.to] &&
        (e.events.length === 0 ? plain : e.events.some(function (k) { return ok[k]; }));
      visible.edges[e.id] = show;
      if (show) { hasEdge[e.from] = true; hasEdge[e.to] = true; }
    });
    visible.nodes = {};
    data.nodes.forEach(function (n) {
      visible.nodes[n.id] = nodeOkMap[n.id] && (n.kind === "actor" || !!hasEdge[n.id]);
    });
  }

  /* ---------- drawing ---------- */
  var nodes, edges, network;
  function redraw() {
    computeVisible();
    nodes.update(data.nodes.map(visNode));
    edges.update(data.edges.map(visEdge));
    var shownNodes = data.nodes.filter(function (n) { return visible.nodes[n.id]; }).length;
    var shownEdges = data.edges.filter(function (e) { return visible.edges[e.id]; }).length;
    document.getElementById("cg-visible").textContent = "Showing " + shownNodes + " of " +
      data.nodes.length + " nodes and " + shownEdges + " of " + data.edges.length + " links.";
    drawLegend();
    fillNames();
  }
  function start() {
    computeVisible();
    nodes = new vis.DataSet(data.nodes.map(visNode));
    edges = new vis.DataSet(data.edges.map(visEdge));
    var big = data.nodes.length > 800;
    network = new vis.Network(document.getElementById("cg-network"),
      { nodes: nodes, edges: edges },
      { physics: false, layout: { improvedLayout: false },
        edges: { smooth: false }, nodes: { borderWidth: 1 },
        interaction: { hover: !big, tooltipDelay: 150, hideEdgesOnDrag: big,
                       hideEdgesOnZoom: big } });
    network.on("click", function (p) {
      if (p.nodes.length) selectNode(p.nodes[0]);
      else if (p.edges.length) selectEdge(p.edges[0]);
      else { setFocus(null); showHint(); }
    });
    network.once("afterDrawing", function () { document.body.setAttribute("data-ready", "1"); });
    window.coopgraph = { network: network, nodes: nodes, edges: edges, data: data,
                         visible: visible, find: findActor, findAll: findAll, select: selectNode,
                         selectEdge: selectEdge };
  }

  /* ---------- highlight and side panel ---------- */
  function setFocus(id) {
    if (id === null) state.focus = null;
    else {
      state.focus = {};
      state.focus[id] = true;
      network.getConnectedNodes(id).forEach(function (n) { state.focus[n] = true; });
    }
    nodes.update(data.nodes.map(visNode));
    edges.update(data.edges.map(visEdge));
  }
  function showHint() {
    var panel = document.getElementById("cg-panel");
    clear(panel);
    panel.appendChild(el("p", "Click an actor or a link to see its events and evidence.", "cg-note"));
  }
  function selectNode(id) {
    var n = byId[id];
    if (!n) return;
    network.selectNodes([id]);
    setFocus(id);
    var panel = document.getElementById("cg-panel");
    clear(panel);
    panel.appendChild(el("h2", n.name));
    panel.appendChild(el("p", groupLabel(n) + (n.status ? " · " + n.status : ""), "cg-meta"));
    var dl = el("dl");
    n.details.forEach(function (row) { dl.appendChild(el("dt", row[0])); dl.appendChild(el("dd", row[1])); });
    panel.appendChild(dl);
    var keys = n.events.map(function (e) { return e; });
    panel.appendChild(el("h3", (n.kind === "event" ? "Event" : "Events") + " (" + keys.length + ")"));
    panel.appendChild(eventList(keys, null));
  }
  function selectEdge(id) {
    var e = edgeById[id];
    if (!e) return;
    setFocus(null);
    var panel = document.getElementById("cg-panel");
    clear(panel);
    panel.appendChild(el("h2", byId[e.from].name + " — " + byId[e.to].name));
    var meta = e.roles.length ? "role: " + e.roles.join(", ")
      : e.events.length + " shared event(s)" + (e.years ? ", " + e.years : "");
    panel.appendChild(el("p", meta, "cg-meta"));
    if (e.relations.length) panel.appendChild(el("p", "Stated relation: " + e.relations.join(", "), "cg-meta"));
    panel.appendChild(el("h3", "Events (" + e.events.length + ")"));
    panel.appendChild(eventList(e.events.map(function (k) { return [k, ""]; }), [e.from, e.to]));
    if (e.evidence.length) {
      panel.appendChild(el("h3", "Evidence"));
      e.evidence.forEach(function (q) { panel.appendChild(quote(q)); });
    }
  }
  function quote(ref) {
    var q = typeof ref === "number" ? (data.quotes[ref] || ["", ""]) : ref;  // a quote-table index
    var block = el("blockquote", "“" + q[0] + "”");
    if (q[1]) block.appendChild(el("cite", q[1]));
    return block;
  }
  function eventList(items, pair) {
    var ul = el("ul");
    items.forEach(function (item) {
      var ev = data.events[item[0]];
      if (!ev) return;
      var li = el("li");
      li.appendChild(el("strong", ev.title));
      var meta = [ev.date || "date unknown", ev.type.replace(/_/g, " "), ev.status];
      if (item[1] && item[1] !== "event" && item[1] !== "place") meta.push("role: " + item[1]);
      li.appendChild(el("div", meta.join(" · "), "cg-meta"));
      var roles = ev.roles.filter(function (r) { return !pair || pair.indexOf(r[2]) >= 0; });
      if (roles.length) {
        li.appendChild(el("div", roles.map(function (r) { return r[0] + ": " + r[1]; }).join("; "), "cg-meta"));
      }
      if (ev.places.length) {
        li.appendChild(el("div", "Where: " + ev.places.map(function (p) { return p[0]; }).join(", "), "cg-meta"));
      }
      ev.evidence.forEach(function (q) { li.appendChild(quote(q)); });
      ul.appendChild(li);
    });
    return ul;
  }

  /* ---------- search ---------- */
  /* Every actor or place whose name, acronym or alias equals the query; when none does, every
   * one where the query is part of one of them. Ids in drawing order. */
  function findAll(query) {
    var q = String(query).trim().toLowerCase();
    if (!q) return [];
    var forms = function (n) {
      return (n.search || [n.name]).concat([n.label]).map(function (v) { return String(v).toLowerCase(); });
    };
    var candidates = data.nodes.filter(function (n) { return n.kind !== "event"; });
    var exact = candidates.filter(function (n) { return forms(n).indexOf(q) >= 0; });
    var hits = exact.length ? exact : candidates.filter(function (n) {
      return forms(n).some(function (v) { return v.indexOf(q) >= 0; });
    });
    return hits.map(function (n) { return n.id; });
  }
  function findActor(query) {
    var hits = findAll(query);
    return hits.length ? hits[0] : null;
  }
  function showNode(id) {
    if (!visible.nodes[id]) { resetFilters(); }
    selectNode(id);
    network.focus(id, { scale: 1.3, animation: false });
  }
  var lastQuery = null;
  function clearHits() { clear(document.getElementById("cg-search-hits")); }
  function runSearch(ev) {
    if (ev) ev.preventDefault();
    var query = document.getElementById("cg-search").value;
    var status = document.getElementById("cg-search-status");
    var hits = findAll(query);
    lastQuery = query;
    clearHits();
    if (!String(query).trim()) { status.textContent = ""; return; }
    if (!hits.length) { status.textContent = "No actor matches “" + query + "”."; return; }
    if (hits.length === 1) {
      showNode(hits[0]);
      status.textContent = "Found " + byId[hits[0]].name + ".";
      return;
    }
    status.textContent = hits.length + " match “" + query + "”: pick one.";
    var list = document.getElementById("cg-search-hits");
    hits.forEach(function (id) {
      var n = byId[id];
      var li = el("li");
      var button = el("button", n.label === n.name ? n.name : n.label + " — " + n.name);
      button.type = "button";
      button.setAttribute("data-node", id);
      button.addEventListener("click", function () {
        showNode(id);
        status.textContent = "Showing " + n.name + " (" + hits.length + " matches).";
      });
      li.appendChild(button);
      list.appendChild(li);
    });
  }
  function fillNames() {
    var list = document.getElementById("cg-names");
    clear(list);
    var seen = {};
    data.nodes.forEach(function (n) {
      if (n.kind === "event" || !visible.nodes[n.id]) return;
      [n.name, n.label].concat(n.search || []).forEach(function (v) { seen[v] = true; });
    });
    Object.keys(seen).sort(byText).forEach(function (v) {
      var opt = document.createElement("option");
      opt.value = v;
      list.appendChild(opt);
    });
  }

  /* ---------- controls ---------- */
  function checkboxes(fieldsetId, values, map, label) {
    var box = document.getElementById(fieldsetId);
    if (!values.length) { box.hidden = true; return; }
    values.forEach(function (v) {
      map[v] = true;
      var lab = el("label");
      var input = document.createElement("input");
      input.type = "checkbox";
      input.checked = true;
      input.value = v;
      input.addEventListener("change", function () { map[v] = input.checked; redraw(); });
      lab.appendChild(input);
      lab.appendChild(document.createTextNode(" " + label(v)));
      box.appendChild(lab);
    });
  }
  function distinct(list) {
    var seen = {};
    list.forEach(function (v) { seen[v] = true; });
    return Object.keys(seen).sort(byText);
  }
  function resetFilters() {
    document.querySelectorAll("#cg-filters input[type=checkbox]").forEach(function (i) { i.checked = true; });
    [state.categories, state.types, state.statuses].forEach(function (m) {
      Object.keys(m).forEach(function (k) { m[k] = true; });
    });
    state.yearFrom = minYear; state.yearTo = maxYear;
    document.getElementById("cg-year-from").value = minYear === null ? "" : minYear;
    document.getElementById("cg-year-to").value = maxYear === null ? "" : maxYear;
    redraw();
  }
  /* "Show everything": filters, highlight, selection, search and the view back to the start. */
  function resetAll() {
    state.focus = null;
    network.unselectAll();
    document.getElementById("cg-search").value = "";
    lastQuery = "";
    document.getElementById("cg-search-status").textContent = "";
    clearHits();
    showHint();
    resetFilters();
    network.fit({ animation: false });
  }
  function setupControls() {
    var evs = Object.keys(data.events).map(function (k) { return data.events[k]; });
    var actorGroups = distinct(data.nodes.filter(function (n) { return n.kind === "actor"; })
      .map(function (n) { return n.group; }));
    checkboxes("cg-filter-category", actorGroups, state.categories,
               function (v) { return (CATEGORY[v] || CATEGORY.other)[0]; });
    checkboxes("cg-filter-type", distinct(evs.map(function (e) { return e.type; })), state.types,
               function (v) { return v.replace(/_/g, " "); });
    checkboxes("cg-filter-status", distinct(evs.map(function (e) { return e.status; })),
               state.statuses, function (v) { return v; });
    var from = document.getElementById("cg-year-from"), to = document.getElementById("cg-year-to");
    if (minYear === null) document.getElementById("cg-filter-years").hidden = true;
    state.yearFrom = minYear; state.yearTo = maxYear;
    [from, to].forEach(function (input) {
      input.min = minYear; input.max = maxYear;
      input.addEventListener("change", function () {
        state.yearFrom = from.value === "" ? minYear : Number(from.value);
        state.yearTo = to.value === "" ? maxYear : Number(to.value);
        redraw();
      });
    });
    from.value = minYear === null ? "" : minYear;
    to.value = maxYear === null ? "" : maxYear;
    document.getElementById("cg-reset").addEventListener("click", resetAll);
    document.getElementById("cg-search-form").addEventListener("submit", runSearch);
    document.getElementById("cg-search").addEventListener("change", function (ev) {
      // a name picked from the list; not a second run after Enter (it would rebuild the hits)
      if (ev.target.value !== lastQuery) runSearch(ev);
    });
    document.getElementById("cg-colour-by").addEventListener("change", function (ev) {
      state.colourBy = ev.target.value; redraw();
    });
    document.getElementById("cg-size-by").addEventListener("change", function (ev) {
      state.sizeBy = ev.target.value; redraw();
    });
  }
  function drawLegend() {
    var box = document.getElementById("cg-legend");
    clear(box);
    var entries = {};
    data.nodes.forEach(function (n) {
      if (!visible.nodes[n.id]) return;
      var key = state.colourBy === "community"
        ? (n.community < 0 ? "no community" : "community " + (n.community + 1))
        : groupLabel(n);
      entries[key] = baseColour(n);
    });
    Object.keys(entries).sort(byText).forEach(function (key) {
      var item = el("span", null, "cg-legend-item");
      var swatch = el("span", null, "cg-swatch");
      swatch.style.background = entries[key];
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(key));
      box.appendChild(item);
    });
  }

  setupControls();
  start();
  redraw();
})();
