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
  /* One colour per event type of the vocabulary (ontology/schemes.ttl), none shared with a
   * category or a place kind: the bipartite view and the timeline show them side by side. The
   * 27 colours were picked greedily for distance (CIE76 ΔE of every pair ≥ 20, checked by
   * tests/test_viz_browser.py on the legends). */
  var EVENT_TYPE = {
    training: "#aec7e8", meeting: "#e7cb94", workshop: "#000075", seminar: "#ff9896",
    conference: "#aaffc3", forum: "#8ca252", field_visit: "#393b79", study_visit: "#800000",
    expo: "#8c6d31", steering_committee: "#f7b6d2", working_group: "#e7ba52",
    survey: "#7b4173", launch: "#ffe119", publication: "#9c9ede", other: "#74c476"
  };
  var EVENT_OTHER = "#bdbdbd";  // a type outside the vocabulary
  var PLACE = { aimag: "#2e7d4f", capital: "#004d66", soum: "#76b99a", city: "#2f6f8f",
                region: "#8fb3c4", country: "#4d6b7a", place: "#a0a8ad" };
  /* Communities: the twelve largest get a colour each, smaller ones and lone nodes one grey. */
  var COMMUNITY = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                   "#e377c2", "#bcbd22", "#17becf", "#000075", "#aaffc3", "#800000"];
  var COMMUNITY_REST = "#c8c8c8";
  var DIM = "rgba(190,190,190,0.35)";
  var LABELLED = 8;  // the largest nodes always labelled (unless a label is already there)

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
  function categoryColours() {
    var out = {};
    Object.keys(CATEGORY).forEach(function (k) { out[k] = CATEGORY[k][1]; });
    return out;
  }
  function typeColour(type) { return EVENT_TYPE[type] || EVENT_OTHER; }
  function typeLabel(type) { return String(type).replace(/_/g, " "); }
  function groupLabel(n) {
    if (n.kind === "actor") return (CATEGORY[n.group] || CATEGORY.other)[0];
    return n.group.replace(/_/g, " ");
  }
  function groupColour(n) {
    if (n.kind === "actor") return (CATEGORY[n.group] || CATEGORY.other)[1];
    if (n.kind === "place") return PLACE[n.group] || PLACE.place;
    return typeColour(n.group);
  }
  function communityKey(n) {
    return n.community < 0 || n.community >= COMMUNITY.length ? null : n.community;
  }
  function baseColour(n) {
    if (state.colourBy === "community") {
      var c = communityKey(n);
      return c === null ? COMMUNITY_REST : COMMUNITY[c];
    }
    return groupColour(n);
  }
  function shapeOf(n) {
    return n.kind === "event" ? "square" : n.kind === "place" ? "triangle"
      : n.group === "project" ? "diamond" : "dot";
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
      id: n.id, label: labels.shown[n.id] || labels.hover === n.id ? n.label : "",
      title: tooltip(n), x: n.x, y: n.y, size: nodeSize(n), shape: shapeOf(n),
      shapeProperties: { borderDashes: n.status === "planned" ? [4, 3] : false },
      borderWidth: n.status === "planned" ? 2 : 1,
      color: lit ? { background: colour, border: n.status === "planned" ? "#333" : colour,
                     highlight: { background: colour, border: "#000" } }
                 : { background: DIM, border: DIM },
      font: { color: lit ? "#222" : "#bbb", strokeWidth: 3, strokeColor: "#ffffff",
              vadjust: labels.shown[n.id] === "above" ? labelLift(n) : 0 },
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

  /* ---------- labels: large or highlighted nodes first, none overlapping (labels.js) ---------- */
  var labels = { shown: {}, hover: null, timer: null, scale: 1 };
  /* vis-network draws labels under the node; "above" moves one up past the node (labels.js
   * says where vis puts it), to end 2 px over the node's top. */
  function labelLift(n) {
    var L = window.cgLabels;
    return -((1 + L.BELOW) * nodeSize(n) + (L.BELOW_PX + L.FONT_PX + 2) / labels.scale);
  }
  var bySize = null;
  function relabel() {
    if (!network) return;
    var scale = network.getScale();
    var box = document.getElementById("cg-network");
    if (bySize === null) {
      bySize = {};
      data.nodes.slice().sort(function (a, b) { return nodeSize(b) - nodeSize(a); })
        .slice(0, LABELLED).forEach(function (n) { bySize[n.id] = true; });
    }
    var items = [];
    data.nodes.forEach(function (n) {
      if (!visible.nodes[n.id]) return;
      var at = network.canvasToDOM({ x: n.x, y: n.y });
      var lit = state.focus !== null && state.focus[n.id];
      var anchor = n.kind === "place";  // the places of the places view are its landmarks
      items.push({ id: n.id, text: n.label, x: at.x, y: at.y, r: nodeSize(n) * scale,
                   priority: (lit ? 2e6 : 0) + (anchor ? 1e6 : 0) + nodeSize(n),
                   force: !!(lit || anchor || bySize[n.id]) });
    });
    var shown = window.cgLabels.choose(items, { width: box.clientWidth, height: box.clientHeight });
    var changed = data.nodes.filter(function (n) {
      return shown[n.id] !== labels.shown[n.id] || shown[n.id] === "above";
    });
    labels.shown = shown;
    labels.scale = scale;
    network.setOptions({ nodes: { font: { size: window.cgLabels.FONT_PX / scale } } });
    if (changed.length) nodes.update(changed.map(visNode));
  }
  function relabelSoon() {
    clearTimeout(labels.timer);
    labels.timer = setTimeout(relabel, 80);
  }

  /* ---------- the first view: every node and its label inside the drawing area ---------- */
  function fitAll() {
    var box = document.getElementById("cg-network");
    var shown = data.nodes.filter(function (n) { return visible.nodes[n.id]; });
    if (!shown.length || !box.clientWidth || !box.clientHeight) return;
    var margin = 12, labelRoom = window.cgLabels.FONT_PX + window.cgLabels.BELOW_PX + 4;
    var xs = [], ys = [];
    shown.forEach(function (n) {
      var r = nodeSize(n);
      xs.push(n.x - r, n.x + r); ys.push(n.y - r, n.y + r);
    });
    var left = Math.min.apply(null, xs), right = Math.max.apply(null, xs);
    var top = Math.min.apply(null, ys), bottom = Math.max.apply(null, ys);
    // room in screen px for the widest label at the left and right edges, and one line below
    var widest = 0;
    shown.forEach(function (n) {
      widest = Math.max(widest, window.cgLabels.labelBox(n.label, 0, 0, 0).right);
    });
    var w = box.clientWidth - 2 * margin - 2 * widest, h = box.clientHeight - 2 * margin - labelRoom;
    var scale = Math.min(1.5, Math.max(w, box.clientWidth / 3) / Math.max(right - left, 1),
                         h / Math.max(bottom - top, 1));
    network.moveTo({ position: { x: (left + right) / 2,
                                 y: (top + bottom) / 2 + labelRoom / 2 / scale },
                     scale: scale, animation: false });
    relabel();
  }

  /* ---------- drawing ---------- */
  var nodes, edges, network;
  function redraw() {
    computeVisible();
    nodes.update(data.nodes.map(visNode));
    edges.update(data.edges.map(visEdge));
    relabel();
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
    network.on("zoom", relabelSoon);
    network.on("dragEnd", relabelSoon);
    network.on("hoverNode", function (p) {  // the label of a node without one, while hovered
      labels.hover = p.node;
      if (!labels.shown[p.node]) nodes.update([visNode(byId[p.node])]);
    });
    network.on("blurNode", function (p) {
      labels.hover = null;
      if (!labels.shown[p.node] && byId[p.node]) nodes.update([visNode(byId[p.node])]);
    });
    window.addEventListener("resize", function () { setTimeout(fitAll, 50); });
    fitAll();
    network.once("afterDrawing", function () { document.body.setAttribute("data-ready", "1"); });
    window.coopgraph = { network: network, nodes: nodes, edges: edges, data: data,
                         visible: visible, find: findActor, findAll: findAll, select: selectNode,
                         selectEdge: selectEdge, labels: labels, fit: fitAll, relabel: relabel,
                         colours: { type: EVENT_TYPE, place: PLACE, community: COMMUNITY,
                                    category: categoryColours() } };
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
    relabel();  // the highlighted nodes' labels first
  }
  var TIMELINE_HINT = "Select an actor, project, place or link to see its events on a time axis.";
  function showHint() {
    var panel = document.getElementById("cg-panel");
    clear(panel);
    panel.appendChild(el("p", "Click an actor or a link to see its events and evidence.", "cg-note"));
    var timeline = document.getElementById("cg-timeline");
    clear(timeline);
    timeline.appendChild(el("p", TIMELINE_HINT, "cg-note"));
  }
  /* The timeline of ``keys`` (event ids), each mark a link to the event's entry in the panel. */
  function drawTimeline(name, keys) {
    var seen = {}, items = [];
    keys.forEach(function (k) {
      var ev = data.events[k];
      if (!ev || seen[k]) return;
      seen[k] = true;
      items.push({ id: k, title: ev.title, type: ev.type, typeLabel: typeLabel(ev.type),
                   status: ev.status, date: ev.date, start: ev.start, end: ev.end });
    });
    var years = items.map(function (it) { return data.events[it.id].year; })
      .filter(function (y) { return y !== null && y !== undefined; });
    var range = years.length ? ", " + Math.min.apply(null, years) +
      (Math.max.apply(null, years) > Math.min.apply(null, years) ? "–" + Math.max.apply(null, years) : "") : "";
    window.cgTimeline.draw(document.getElementById("cg-timeline"), {
      heading: "Timeline of " + name + ": " + items.length + " event" +
        (items.length === 1 ? "" : "s") + range,
      items: items, colour: typeColour, onPick: pickEvent });
  }
  /* Bring an event's entry (with its quoted evidence) into view in the side panel. */
  function pickEvent(key) {
    var item = document.getElementById("cg-ev-" + key);
    if (!item) return;
    document.querySelectorAll("#cg-panel .cg-picked").forEach(function (li) {
      li.classList.remove("cg-picked");
    });
    item.classList.add("cg-picked");
    item.scrollIntoView({ block: "nearest" });
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
    drawTimeline(n.label === n.name ? n.name : n.label + " (" + n.name + ")",
                 keys.map(function (k) { return k[0]; }));
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
    drawTimeline(byId[e.from].label + " — " + byId[e.to].label, e.events);
  }
  function quote(ref) {
    var q = typeof ref === "number" ? (data.quotes[ref] || ["", ""]) : ref;  // a quote-table index
    var block = el("blockquote", "“" + q[0] + "”");
    if (q[1]) block.appendChild(el("cite", q[1]));
    return block;
  }
  function eventList(items, pair) {
    var ul = el("ul");
    var listed = {};
    items.forEach(function (item) {
      var ev = data.events[item[0]];
      if (!ev) return;
      var li = el("li");
      if (!listed[item[0]]) { li.id = "cg-ev-" + item[0]; listed[item[0]] = true; }
      li.appendChild(el("strong", ev.title));
      var meta = [ev.date || "date unknown", typeLabel(ev.type), ev.status];
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
  /* The legend: one row per kind of node drawn (actors, events, places), each entry with the
   * node's colour and shape, so that a colour never has two meanings on one page. */
  var KIND_HEAD = { actor: "Actors", event: "Events", place: "Places" };
  function drawLegend() {
    var box = document.getElementById("cg-legend");
    clear(box);
    var rows = {};
    data.nodes.forEach(function (n) {
      if (!visible.nodes[n.id]) return;
      var row = state.colourBy === "community" ? "community" : n.kind;
      var key = row === "community"
        ? (communityKey(n) === null ? "smaller community or alone" : "community " + (n.community + 1))
        : groupLabel(n);
      rows[row] = rows[row] || {};
      rows[row][key] = { colour: baseColour(n), shape: row === "community" ? "dot" : shapeOf(n),
                         group: n.group };
    });
    ["actor", "event", "place", "community"].forEach(function (row) {
      if (!rows[row]) return;
      var line = el("div", null, "cg-legend-row");
      line.setAttribute("data-kind", row);
      line.appendChild(el("span", row === "community" ? "Communities" : KIND_HEAD[row], "cg-legend-head"));
      Object.keys(rows[row]).sort(function (a, b) {
        return row === "community" ? communityOrder(a) - communityOrder(b) : byText(a, b);
      }).forEach(function (key) {
        var entry = rows[row][key];
        var item = el("span", null, "cg-legend-item");
        var swatch = el("span", null, "cg-swatch cg-" + entry.shape);
        swatch.style.background = entry.colour;
        item.appendChild(swatch);
        item.appendChild(document.createTextNode(key));
        line.appendChild(item);
      });
      box.appendChild(line);
    });
  }
  function communityOrder(key) {
    var m = /(\d+)$/.exec(key);
    return m ? Number(m[1]) : 1e9;
  }

  setupControls();
  start();
  redraw();
})();
