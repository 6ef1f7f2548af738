/* coopgraph network page: which node labels to draw, so that no two drawn labels overlap.
 *
 * Why our own rule: vis-network draws every label, and in a dense centre they pile up into an
 * unreadable blot. Labels keep one size on screen whatever the zoom; the largest (or highlighted)
 * nodes are labelled first, and a label is drawn only where it overlaps no drawn label and no
 * other node. Zooming in spreads the nodes apart, so more labels fit; the rest show on hover.
 * Exposes window.cgLabels.choose(...); no document text is put into markup here. */
(function () {
  "use strict";

  var FONT_PX = 13;      // label height on screen, at any zoom
  var BELOW = 1.3, BELOW_PX = 5;  // where vis-network draws a label under its node
  var CELL = 64;         // grid cell (screen px) for the overlap search
  var widthCache = {};
  var measure = null;

  function textWidth(text) {
    if (widthCache[text] === undefined) {
      if (!measure) {
        measure = document.createElement("canvas").getContext("2d");
        measure.font = FONT_PX + "px arial";
      }
      widthCache[text] = measure.measureText(text).width;
    }
    return widthCache[text];
  }

  /* Screen box of the label of a node drawn at (x, y) screen px with radius r px, below the
   * node or (side "above") over it. Below, vis-network puts the label's top at y + 1.3 r + 5
   * (measured at scales 0.3 to 2); the box runs from the node's edge to the label's foot, so
   * no other label slips into the gap. */
  function labelBox(text, x, y, r, side) {
    var w = textWidth(text) + 4;
    if (side === "above") {
      return { left: x - w / 2, right: x + w / 2, top: y - r - FONT_PX - 4, bottom: y - r };
    }
    return { left: x - w / 2, right: x + w / 2, top: y + r,
             bottom: y + BELOW * r + BELOW_PX + FONT_PX + 2 };
  }

  function Grid() { this.cells = {}; }
  Grid.prototype.keys = function (b) {
    var out = [];
    for (var i = Math.floor(b.left / CELL); i <= Math.floor(b.right / CELL); i++) {
      for (var j = Math.floor(b.top / CELL); j <= Math.floor(b.bottom / CELL); j++) out.push(i + ":" + j);
    }
    return out;
  };
  Grid.prototype.hits = function (b, owner) {
    var ks = this.keys(b);
    for (var k = 0; k < ks.length; k++) {
      var list = this.cells[ks[k]] || [];
      for (var m = 0; m < list.length; m++) {
        var o = list[m];
        if (o.owner !== owner && o.left < b.right && b.left < o.right && o.top < b.bottom &&
            b.top < o.bottom) return true;
      }
    }
    return false;
  };
  Grid.prototype.add = function (b) {
    var ks = this.keys(b);
    for (var k = 0; k < ks.length; k++) (this.cells[ks[k]] = this.cells[ks[k]] || []).push(b);
  };

  /* items: [{id, text, x, y, r, priority, force}] in screen px (higher priority first; ties in
   * the order given). A forced label (a large or highlighted node) may cover small nodes but
   * never another label. Each label goes below its node or, where that is taken, above it.
   * view: {width, height} of the drawing area. Returns {id: "below" or "above"} for the labels
   * to draw. */
  function choose(items, view) {
    var grid = new Grid(), labels = new Grid();  // labels: drawn labels only
    var inView = items.filter(function (it) {
      return it.x + it.r >= 0 && it.x - it.r <= view.width && it.y + it.r >= 0 &&
        it.y - it.r <= view.height;
    });
    inView.forEach(function (it) {
      grid.add({ owner: it.id, left: it.x - it.r, right: it.x + it.r, top: it.y - it.r,
                 bottom: it.y + it.r });
    });
    var order = inView.slice().sort(function (a, b) { return b.priority - a.priority; });
    var shown = {};
    function fits(box, id, strict) {
      if (box.left < 0 || box.right > view.width || box.top < 0 || box.bottom > view.height) {
        return false;
      }
      return !(strict ? grid : labels).hits(box, id);
    }
    order.forEach(function (it) {
      if (!it.text) return;
      var tries = [["below", true], ["above", true]];
      if (it.force) tries.push(["below", false], ["above", false]);
      for (var t = 0; t < tries.length; t++) {
        var box = labelBox(it.text, it.x, it.y, it.r, tries[t][0]);
        box.owner = it.id;
        if (fits(box, it.id, tries[t][1])) {
          grid.add(box);
          labels.add(box);
          shown[it.id] = tries[t][0];
          return;
        }
      }
    });
    return shown;
  }

  window.cgLabels = { choose: choose, labelBox: labelBox, FONT_PX: FONT_PX, BELOW: BELOW,
                      BELOW_PX: BELOW_PX };
})();
