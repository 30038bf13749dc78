/* rasd dashboard: a small SVG map (Web Mercator), a timeline and an event panel, built only from the
   JSON API of the same server. Data from articles is always inserted with textContent (never innerHTML). */
(function () {
  "use strict";
  var SVGNS = "http://www.w3.org/2000/svg";
  var COLORS = {
    "Battles": "#d62828", "Explosions/Remote violence": "#f77f00", "Violence against civilians": "#7b2cbf",
    "Protests": "#2a9d8f", "Riots": "#e9c46a", "Strategic developments": "#457b9d"
  };
  var FIELD_CLASS = { trigger: "trigger", location: "place", place: "place", admin1: "place", admin2: "place",
    date: "date", event_date: "date", actor1: "actor", actor2: "actor", assoc_actor_1: "actor", assoc_actor_2: "actor",
    actor: "actor", fatalities: "deaths", deaths: "deaths" };
  var KEY_LABELS = [["trigger", "trigger"], ["place", "place"], ["date", "date"], ["actor", "actors"], ["deaths", "deaths"]];
  var FRAME = { west: 32, east: 50, south: 11.5, north: 39 };

  var svg = document.getElementById("map");
  var state = { events: [], view: null, config: {}, selected: null, drag: null };
  var layers = {};

  function el(tag, attrs, parent, ns) {
    var node = ns === false ? document.createElement(tag) : document.createElementNS(SVGNS, tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }
  function h(tag, text, parent, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    if (parent) parent.appendChild(node);
    return node;
  }
  function project(lon, lat) {
    var s = Math.sin(Math.max(-85, Math.min(85, lat)) * Math.PI / 180);
    return [(lon + 180) / 360 * 256, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 256];
  }
  function getJSON(url) {
    return fetch(url, { headers: { "Accept": "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      return r.json();
    });
  }
  function query() {
    var form = document.getElementById("filters"), params = new URLSearchParams();
    Array.prototype.forEach.call(form.elements, function (input) {
      if (input.name && input.value) params.set(input.name, input.value);
    });
    return params;
  }

  /* -- map ------------------------------------------------------------------------------------- */
  function setView(x, y, w, hgt) {
    var box = svg.getBoundingClientRect(), ratio = (box.width || 800) / (box.height || 500);
    if (w / hgt < ratio) { var nw = hgt * ratio; x -= (nw - w) / 2; w = nw; } else { var nh = w / ratio; y -= (nh - hgt) / 2; hgt = nh; }
    state.view = [x, y, w, hgt];
    svg.setAttribute("viewBox", state.view.join(" "));
    drawTiles(); sizeMarkers();
  }
  function fit() {
    var a = project(FRAME.west, FRAME.north), b = project(FRAME.east, FRAME.south);
    setView(a[0], a[1], b[0] - a[0], b[1] - a[1]);
  }
  function unitsPerPixel() {
    var box = svg.getBoundingClientRect();
    return state.view[2] / (box.width || 800);
  }
  function zoom(factor, cx, cy) {
    var v = state.view;
    if (cx === undefined) { cx = v[0] + v[2] / 2; cy = v[1] + v[3] / 2; }
    var w = Math.max(0.05, Math.min(256, v[2] * factor)), hh = v[3] * (w / v[2]);
    setView(cx - (cx - v[0]) * (w / v[2]), cy - (cy - v[1]) * (w / v[2]), w, hh);
  }
  function drawBase(outlines) {
    layers.tiles = el("g", { id: "tiles" }, svg);
    var land = el("g", { id: "land" }, svg);
    (outlines.features || []).forEach(function (f) {
      var d = "";
      f.geometry.coordinates.forEach(function (poly) {
        poly.forEach(function (ring) {
          ring.forEach(function (pt, i) { var p = project(pt[0], pt[1]); d += (i ? "L" : "M") + p[0].toFixed(3) + " " + p[1].toFixed(3); });
          d += "Z";
        });
      });
      var path = el("path", { d: d, "class": "country" }, land);
      var t = el("title", null, path); t.textContent = f.properties.name;
    });
    var grat = el("g", { id: "graticule" }, svg), d = "";
    for (var lon = 30; lon <= 55; lon += 5) { var a = project(lon, 5), b = project(lon, 42); d += "M" + a[0] + " " + a[1] + "L" + b[0] + " " + b[1]; }
    for (var lat = 5; lat <= 42; lat += 5) { var c = project(25, lat), e = project(60, lat); d += "M" + c[0] + " " + c[1] + "L" + e[0] + " " + e[1]; }
    el("path", { d: d, "class": "graticule" }, grat);
    layers.labels = el("g", { id: "labels" }, svg);
    [["Iraq", 43.5, 33.2], ["Syria", 38.5, 35.2], ["Yemen", 47.5, 15.8], ["Saudi Arabia", 44, 24], ["Iran", 53, 32],
     ["Turkey", 36, 38.8], ["Jordan", 36.6, 31], ["Egypt", 33, 27]].forEach(function (n) {
      var p = project(n[1], n[2]), t = el("text", { x: p[0], y: p[1], "class": "label", "text-anchor": "middle" }, layers.labels);
      t.textContent = n[0];
    });
    layers.markers = el("g", { id: "markers" }, svg);
  }
  function drawTiles() {
    var g = layers.tiles, url = state.config.tiles;
    if (!g || !url || !state.view) return;
    while (g.firstChild) g.removeChild(g.firstChild);
    var z = Math.max(0, Math.min(18, Math.round(Math.log2(1 / unitsPerPixel())))), n = Math.pow(2, z), size = 256 / n, v = state.view;
    for (var x = Math.floor(v[0] / size); x <= Math.floor((v[0] + v[2]) / size); x++) {
      for (var y = Math.max(0, Math.floor(v[1] / size)); y <= Math.min(n - 1, Math.floor((v[1] + v[3]) / size)); y++) {
        var img = el("image", { x: x * size, y: y * size, width: size, height: size, preserveAspectRatio: "none" }, g);
        img.setAttribute("href", url.replace("{z}", z).replace("{x}", ((x % n) + n) % n).replace("{y}", y));
      }
    }
  }
  function radius(ev) { return 4 + 2.2 * Math.sqrt(ev.fatalities || 0); }
  function sizeMarkers() {
    if (!layers.markers || !state.view) return;
    var k = unitsPerPixel();
    Array.prototype.forEach.call(layers.markers.childNodes, function (c) {
      c.setAttribute("r", (c.__r * k).toFixed(4));
      c.setAttribute("stroke-width", ((c.classList.contains("selected") ? 2.5 : 1.2) * k).toFixed(4));
    });
    Array.prototype.forEach.call(layers.labels.childNodes, function (t) { t.setAttribute("font-size", (11 * k).toFixed(4)); });
  }
  function drawMarkers() {
    var g = layers.markers;
    while (g.firstChild) g.removeChild(g.firstChild);
    state.events.slice().sort(function (a, b) { return (b.fatalities || 0) - (a.fatalities || 0); }).forEach(function (ev) {
      if (ev.latitude === null || ev.longitude === null) return;
      var p = project(ev.longitude, ev.latitude);
      var c = el("circle", { cx: p[0], cy: p[1], "class": "marker", fill: COLORS[ev.event_type] || "#555",
        "data-event-id": ev.event_id, tabindex: "0", role: "button" }, g);
      c.__r = radius(ev);
      var t = el("title", null, c);
      t.textContent = ev.event_date + " " + ev.sub_event_type + ", " + (ev.location || "") + " (" + ev.fatalities + " dead, " + ev.n_reports + " report(s))";
      c.addEventListener("click", function (e) { e.stopPropagation(); select(ev.event_id); });
      c.addEventListener("keydown", function (e) { if (e.key === "Enter") select(ev.event_id); });
    });
    sizeMarkers();
  }
  function legend() {
    var box = document.getElementById("legend");
    Object.keys(COLORS).forEach(function (k) {
      var row = h("div", null, box), i = h("i", null, row); i.style.background = COLORS[k]; h("span", k, row);
    });
    h("div", "size: fatalities", box).style.color = "#6b7280";
  }
  function mapInteractions() {
    svg.addEventListener("wheel", function (e) {
      e.preventDefault();
      var box = svg.getBoundingClientRect(), v = state.view;
      zoom(e.deltaY > 0 ? 1.25 : 0.8, v[0] + (e.clientX - box.left) / box.width * v[2], v[1] + (e.clientY - box.top) / box.height * v[3]);
    }, { passive: false });
    svg.addEventListener("mousedown", function (e) { state.drag = [e.clientX, e.clientY, state.view.slice()]; svg.style.cursor = "grabbing"; });
    window.addEventListener("mousemove", function (e) {
      if (!state.drag) return;
      var k = unitsPerPixel(), d = state.drag;
      state.view = [d[2][0] - (e.clientX - d[0]) * k, d[2][1] - (e.clientY - d[1]) * k, d[2][2], d[2][3]];
      svg.setAttribute("viewBox", state.view.join(" "));
    });
    window.addEventListener("mouseup", function () { if (state.drag) { state.drag = null; svg.style.cursor = ""; drawTiles(); } });
    document.getElementById("zoom").addEventListener("click", function (e) {
      var z = e.target.getAttribute("data-zoom");
      if (z === "in") zoom(0.6); else if (z === "out") zoom(1.6); else if (z === "fit") fit();
    });
    window.addEventListener("resize", function () { var v = state.view; setView(v[0], v[1], v[2], v[3]); });
  }

  /* -- timeline -------------------------------------------------------------------------------- */
  function drawTimeline() {
    var t = document.getElementById("timeline");
    while (t.firstChild) t.removeChild(t.firstChild);
    var box = t.getBoundingClientRect(), W = box.width || 800, H = box.height || 120, pad = 22;
    var days = {}, dates = state.events.map(function (e) { return e.event_date; }).filter(Boolean).sort();
    if (!dates.length) return;
    state.events.forEach(function (e) { if (e.event_date) (days[e.event_date] = days[e.event_date] || []).push(e); });
    var first = new Date(dates[0] + "T00:00:00Z"), last = new Date(dates[dates.length - 1] + "T00:00:00Z");
    var n = Math.round((last - first) / 86400000) + 1, bw = (W - 2 * pad) / n;
    var max = Math.max.apply(null, Object.keys(days).map(function (k) { return days[k].length; }));
    for (var i = 0; i < n; i++) {
      var day = new Date(first.getTime() + i * 86400000).toISOString().slice(0, 10), list = days[day] || [];
      var y = H - pad;
      list.forEach(function (ev) {
        var hgt = (H - 2 * pad) / max;
        var r = el("rect", { x: pad + i * bw + 1, y: y - hgt, width: Math.max(1, bw - 2), height: hgt - 1, "class": "bar",
          fill: COLORS[ev.event_type] || "#555", "data-event-id": ev.event_id }, t);
        var tt = el("title", null, r); tt.textContent = day + ": " + ev.sub_event_type + ", " + (ev.location || "");
        r.addEventListener("click", function () { select(ev.event_id); });
        y -= hgt;
      });
      if (n <= 40 || i % Math.ceil(n / 20) === 0) {
        var lbl = el("text", { x: pad + i * bw + bw / 2, y: H - 6, "text-anchor": "middle" }, t); lbl.textContent = day.slice(5);
      }
    }
  }

  /* -- event panel ----------------------------------------------------------------------------- */
  function highlighted(text, evidence, parent) {
    var spans = evidence.slice().sort(function (a, b) { return a.start - b.start || b.end - a.end; }), pos = 0;
    spans.forEach(function (s) {
      if (s.start < pos || s.end > text.length || s.end <= s.start) return;
      parent.appendChild(document.createTextNode(text.slice(pos, s.start)));
      var m = h("mark", text.slice(s.start, s.end), parent, "ev ev-" + (FIELD_CLASS[s.field] || "actor"));
      m.setAttribute("data-field", s.field); m.title = s.field;
      pos = s.end;
    });
    parent.appendChild(document.createTextNode(text.slice(pos)));
  }
  function select(id) {
    state.selected = id;
    Array.prototype.forEach.call(layers.markers.childNodes, function (c) {
      c.classList.toggle("selected", c.getAttribute("data-event-id") === id);
    });
    sizeMarkers();
    getJSON("/events/" + encodeURIComponent(id)).then(showEvent).catch(function (e) {
      var p = document.getElementById("panel"); p.textContent = ""; h("p", String(e), p, "hint");
    });
  }
  function showEvent(ev) {
    var p = document.getElementById("panel");
    p.textContent = "";
    p.setAttribute("data-event-id", ev.event_id);
    h("h2", ev.sub_event_type + " \u2014 " + (ev.location || ev.admin1 || ""), p);
    var dl = h("dl", null, p);
    [["Date", ev.event_date], ["Type", ev.event_type], ["Place", [ev.location, ev.admin2, ev.admin1, ev.country].filter(Boolean).join(", ")],
     ["Actor 1", ev.actor1], ["Actor 2", ev.actor2], ["Fatalities", ev.fatalities + (ev.n_reports > 1 ? " (lowest across reports)" : "")],
     ["Sources", (ev.sources || []).join(", ")], ["Event id", ev.event_id]].forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === "") return;
      h("dt", row[0], dl); h("dd", row[1], dl);
    });
    var keys = h("div", null, p, "keys");
    KEY_LABELS.forEach(function (k) { h("mark", k[1], keys, "ev ev-" + k[0]); });
    (ev.reports || []).forEach(function (rep) {
      var box = h("div", null, p, "report");
      var a = rep.article || {};
      h("div", [a.source, a.published, a.url].filter(Boolean).join(" \u00b7 "), box, "meta");
      h("div", rep.reason, box, "reason");
      var art = h("div", null, box, "article");
      art.setAttribute("dir", "rtl"); art.setAttribute("lang", "ar");
      if (a.title) h("span", a.title, art, "title");
      var body = h("span", null, art, "text");
      highlighted(a.text || "", rep.evidence || [], body);
    });
  }

  /* -- loading --------------------------------------------------------------------------------- */
  function load() {
    var q = query(); q.set("limit", "1000"); q.set("sort", "event_date");
    return Promise.all([getJSON("/events?" + q.toString()), getJSON("/stats?" + query().toString())]).then(function (r) {
      state.events = r[0].events;
      var s = r[1];
      document.getElementById("totals").textContent = s.events + " events, " + s.fatalities + " fatalities, from " +
        s.reports + " reports in " + s.articles + " articles by " + s.sources + " sources" +
        (r[0].total > r[0].events.length ? " (map shows the first " + r[0].events.length + ")" : "");
      drawMarkers(); drawTimeline();
      document.body.setAttribute("data-loaded", "true");
    });
  }
  function fillSelect(name, values) {
    var s = document.querySelector("select[name=" + name + "]");
    values.forEach(function (v) { if (v) { var o = document.createElement("option"); o.value = v; o.textContent = v; s.appendChild(o); } });
  }
  function init() {
    legend(); mapInteractions();
    var form = document.getElementById("filters");
    form.addEventListener("submit", function (e) { e.preventDefault(); load(); });
    form.addEventListener("reset", function () { setTimeout(load, 0); });
    Promise.all([getJSON("/config.json").catch(function () { return {}; }), getJSON("/static/region.geojson"), getJSON("/stats")]).then(function (r) {
      state.config = r[0] || {};
      if (state.config.tiles_attribution) document.getElementById("attribution").textContent = state.config.tiles_attribution;
      drawBase(r[1]); fit();
      fillSelect("event_type", r[2].by_event_type.map(function (x) { return x.key; }));
      fillSelect("admin1", r[2].by_admin1.map(function (x) { return x.key; }));
      return load();
    }).catch(function (e) { document.getElementById("totals").textContent = "cannot load: " + e; });
  }
  init();
})();
