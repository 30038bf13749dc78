/* rasd dashboard: a small SVG map (Web Mercator), a timeline, a weekly chart and an event panel, built only
   from the JSON API of the same server (each view's JSON is linked from the page). The filters, the
   background toggle and the open event live in the URL, so a view can be shared. Background events
   (mentioned as past context) are hidden unless asked for; totals, circle sizes and the time axis are
   computed on what is shown. Data from articles is always inserted with textContent (never innerHTML). */
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
  var state = { events: [], stats: {}, filters: {}, scale: { cap: 10 }, view: null, config: {}, selected: null, drag: null };
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
  /* -- circle sizes: on what is shown, with a robust cap ------------------------------------------ */
  // The cap is the 90th percentile of the non-zero tolls shown (at least 10): one stray toll of 354,514
  // cannot make every other circle a dot. A circle at the cap with a larger toll gets a dark ring.
  function sizeScale(events) {
    var tolls = events.map(function (e) { return e.fatalities || 0; }).filter(function (f) { return f > 0; })
      .sort(function (a, b) { return a - b; });
    var q = tolls.length ? tolls[Math.floor(0.9 * (tolls.length - 1))] : 0;
    return { cap: Math.max(10, q) };
  }
  function radius(ev) {
    var cap = state.scale.cap, f = Math.max(0, ev.fatalities || 0);
    return 4 + 14 * Math.sqrt(Math.min(f, cap) / cap);
  }
  function sizeMarkers() {
    if (!layers.markers || !state.view) return;
    var k = unitsPerPixel();
    Array.prototype.forEach.call(layers.markers.childNodes, function (c) {
      c.setAttribute("r", (c.__r * k).toFixed(4));
      var w = c.classList.contains("selected") ? 2.5 : (c.classList.contains("capped") ? 2.5 : 1.2);
      c.setAttribute("stroke-width", (w * k).toFixed(4));
    });
    Array.prototype.forEach.call(layers.labels.childNodes, function (t) { t.setAttribute("font-size", (11 * k).toFixed(4)); });
  }
  function drawMarkers() {
    var g = layers.markers;
    while (g.firstChild) g.removeChild(g.firstChild);
    state.scale = sizeScale(state.events);
    state.events.slice().sort(function (a, b) { return (b.fatalities || 0) - (a.fatalities || 0); }).forEach(function (ev) {
      if (ev.latitude === null || ev.longitude === null || ev.latitude === undefined) return;
      var p = project(ev.longitude, ev.latitude), capped = (ev.fatalities || 0) > state.scale.cap;
      var c = el("circle", { cx: p[0], cy: p[1], "class": "marker" + (capped ? " capped" : "") + (ev.background ? " background" : ""),
        fill: COLORS[ev.event_type] || "#555", "data-event-id": ev.event_id, "data-fatalities": ev.fatalities || 0,
        tabindex: "0", role: "button" }, g);
      c.__r = radius(ev);
      c.setAttribute("data-radius", c.__r.toFixed(2));
      if (ev.event_id === state.selected) c.classList.add("selected");
      var t = el("title", null, c);
      t.textContent = ev.event_date + " " + ev.sub_event_type + ", " + (ev.location || ev.admin1 || "") + " (" +
        fmt(ev.fatalities || 0) + " dead, " + ev.n_reports + " report(s)" + (capped ? "; circle drawn at the cap" : "") +
        (ev.background ? "; past context" : "") + ")";
      c.addEventListener("click", function (e) { e.stopPropagation(); select(ev.event_id, true); });
      c.addEventListener("keydown", function (e) { if (e.key === "Enter") select(ev.event_id, true); });
    });
    sizeMarkers();
    var size = document.getElementById("legend-size");
    if (size) size.textContent = "circle area: fatalities up to " + fmt(state.scale.cap) + "; larger tolls at that size, dark ring";
  }
  function legend() {
    var box = document.getElementById("legend");
    Object.keys(COLORS).forEach(function (k) {
      var row = h("div", null, box), i = h("i", null, row); i.style.background = COLORS[k]; h("span", k, row);
    });
    var size = h("div", "circle area: fatalities", box); size.id = "legend-size"; size.style.color = "#6b7280";
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

  /* -- dates ----------------------------------------------------------------------------------- */
  var DAY = 86400000;
  function isDay(s) { return typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s); }
  function toDate(s) { return new Date(s + "T00:00:00Z"); }
  function iso(d) { return d.toISOString().slice(0, 10); }
  function addDays(s, n) { return iso(new Date(toDate(s).getTime() + n * DAY)); }
  function isoWeek(s) {  // "2024-W20", as the store's week column
    var d = toDate(s), day = (d.getUTCDay() + 6) % 7;
    d = new Date(d.getTime() + (3 - day) * DAY);  // the Thursday of its week
    var jan4 = new Date(Date.UTC(d.getUTCFullYear(), 0, 4)), d4 = (jan4.getUTCDay() + 6) % 7;
    var week = 1 + Math.round((d.getTime() - (jan4.getTime() - d4 * DAY + 3 * DAY)) / (7 * DAY));
    return d.getUTCFullYear() + "-W" + (week < 10 ? "0" : "") + week;
  }
  function fmt(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }

  // The time axis: the days of the events shown that fall in the news window (the articles' publication
  // dates, a month before the first to a day after the last); events outside it (background mentions of
  // past years, a misdated report) are counted at the edges, not allowed to stretch the axis. A date range
  // asked for in the filters is honoured as it is.
  function timeDomain() {
    var dates = state.events.map(function (e) { return e.event_date; }).filter(isDay).sort();
    if (!dates.length) return null;
    var w = state.stats.window || {}, f = state.filters, inside = dates;
    if (!f.date_from && !f.date_to && isDay(w.first) && isDay(w.last)) {
      var lo = addDays(w.first, -31), hi = addDays(w.last, 1);
      inside = dates.filter(function (d) { return d >= lo && d <= hi; });
      if (!inside.length) inside = dates;
    }
    var first = inside[0], last = inside[inside.length - 1];
    var span = Math.round((toDate(last) - toDate(first)) / DAY) + 1;
    if (span < 7) { first = addDays(first, -Math.floor((7 - span) / 2)); last = addDays(first, 6); }
    return { first: first, last: last,
      earlier: dates.filter(function (d) { return d < first; }), later: dates.filter(function (d) { return d > last; }) };
  }

  /* -- timeline: events per day ------------------------------------------------------------------ */
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function edgeNote(t, x, anchor, list, word) {
    if (!list.length) return;
    var lbl = el("text", { x: x, y: 12, "text-anchor": anchor, "class": "edge edge-" + word }, t);
    lbl.textContent = (word === "earlier" ? "\u25c0 " : "") + list.length + " " + word + " (" +
      (word === "earlier" ? list[0] : list[list.length - 1]) + ")" + (word === "later" ? " \u25b6" : "");
    var tt = el("title", null, lbl);
    tt.textContent = list.length + " event(s) dated outside the news window: " + list.join(", ");
  }
  function drawTimeline(dom) {
    var t = document.getElementById("timeline");
    clear(t);
    ["data-from", "data-to", "data-earlier", "data-later"].forEach(function (a) { t.removeAttribute(a); });
    if (!dom) return;
    t.setAttribute("data-from", dom.first); t.setAttribute("data-to", dom.last);
    t.setAttribute("data-earlier", dom.earlier.length); t.setAttribute("data-later", dom.later.length);
    var box = t.getBoundingClientRect(), W = box.width || 800, H = box.height || 120, pad = 24, top = 18;
    var days = {};
    state.events.forEach(function (e) {
      if (isDay(e.event_date) && e.event_date >= dom.first && e.event_date <= dom.last) (days[e.event_date] = days[e.event_date] || []).push(e);
    });
    var n = Math.round((toDate(dom.last) - toDate(dom.first)) / DAY) + 1, bw = (W - 2 * pad) / n;
    var max = Math.max.apply(null, [1].concat(Object.keys(days).map(function (k) { return days[k].length; })));
    for (var i = 0; i < n; i++) {
      var day = addDays(dom.first, i), list = days[day] || [], y = H - pad, hgt = (H - pad - top) / max;
      list.forEach(function (ev) {
        var r = el("rect", { x: pad + i * bw + 1, y: y - hgt, width: Math.max(1, bw - 2), height: Math.max(1, hgt - 1), "class": "bar",
          fill: COLORS[ev.event_type] || "#555", "data-event-id": ev.event_id, "data-day": day }, t);
        var tt = el("title", null, r); tt.textContent = day + ": " + ev.sub_event_type + ", " + (ev.location || ev.admin1 || "");
        r.addEventListener("click", function () { select(ev.event_id, true); });
        y -= hgt;
      });
      if (i % Math.max(1, Math.ceil((n > 370 ? 56 : 40) / bw)) === 0) {
        var lbl = el("text", { x: pad + i * bw + bw / 2, y: H - 8, "text-anchor": "middle", "class": "tick" }, t);
        lbl.textContent = n > 370 ? day.slice(0, 7) : day.slice(5);
      }
    }
    var cap = el("text", { x: W / 2, y: 12, "text-anchor": "middle", "class": "caption" }, t);
    cap.textContent = "events per day, " + dom.first + " to " + dom.last;
    edgeNote(t, pad, "start", dom.earlier, "earlier");
    edgeNote(t, W - pad, "end", dom.later, "later");
  }

  /* -- weekly chart: events by type per week, for the filters in view ------------------------------ */
  function drawWeekly(dom) {
    var t = document.getElementById("weekly");
    clear(t);
    if (!dom) return;
    var weeks = [], seen = {};
    for (var d = dom.first; d <= dom.last; d = addDays(d, 1)) { var w = isoWeek(d); if (!seen[w]) { seen[w] = 1; weeks.push(w); } }
    var cells = {}, outside = 0;
    (state.stats.by_week_type || []).forEach(function (r) {
      if (!seen[r.week]) { outside += r.events; return; }
      (cells[r.week] = cells[r.week] || []).push(r);
    });
    t.setAttribute("data-weeks", weeks.join(" ")); t.setAttribute("data-outside", outside);
    var box = t.getBoundingClientRect(), W = box.width || 500, H = box.height || 120, pad = 24, top = 18;
    var totals = weeks.map(function (w) { return (cells[w] || []).reduce(function (a, r) { return a + r.events; }, 0); });
    var max = Math.max.apply(null, [1].concat(totals)), bw = (W - 2 * pad) / weeks.length, types = Object.keys(COLORS);
    weeks.forEach(function (w, i) {
      var y = H - pad, rows = (cells[w] || []).slice().sort(function (a, b) { return types.indexOf(a.event_type) - types.indexOf(b.event_type); });
      rows.forEach(function (r) {
        var hgt = (H - pad - top) * r.events / max;
        var rect = el("rect", { x: pad + i * bw + 2, y: y - hgt, width: Math.max(1, bw - 4), height: Math.max(1, hgt), "class": "week-bar",
          fill: COLORS[r.event_type] || "#555", "data-week": w, "data-event-type": r.event_type, "data-events": r.events }, t);
        var tt = el("title", null, rect); tt.textContent = w + ": " + r.events + " " + r.event_type + " (" + fmt(r.fatalities) + " dead); click to see this week";
        rect.addEventListener("click", function () { showWeek(w); });
        y -= hgt;
      });
      if (i % Math.max(1, Math.ceil((weeks.length > 26 ? 60 : 34) / bw)) === 0) {
        var lbl = el("text", { x: pad + i * bw + bw / 2, y: H - 8, "text-anchor": "middle", "class": "tick" }, t);
        lbl.textContent = weeks.length > 26 ? w : w.slice(5);
      }
    });
    var cap = el("text", { x: W / 2, y: 12, "text-anchor": "middle", "class": "caption" }, t);
    cap.textContent = "events per week by type (most in a week: " + max + ")" + (outside ? "; " + outside + " in weeks outside the axis" : "");
  }

  function weekDays(week) {  // "2024-W20" -> its Monday and Sunday
    var year = +week.slice(0, 4), n = +week.slice(6), jan4 = new Date(Date.UTC(year, 0, 4)), d4 = (jan4.getUTCDay() + 6) % 7;
    var monday = iso(new Date(jan4.getTime() - d4 * DAY + (n - 1) * 7 * DAY));
    return [monday, addDays(monday, 6)];
  }
  function showWeek(week) {  // a click on a week: the same view, narrowed to that week
    var days = weekDays(week), elements = form().elements;
    elements.date_from.value = days[0]; elements.date_to.value = days[1];
    state.selected = null; pushURL(false); load();
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
  function select(id, remember) {
    state.selected = id;
    if (remember) pushURL(false);
    Array.prototype.forEach.call(layers.markers.childNodes, function (c) {
      c.classList.toggle("selected", c.getAttribute("data-event-id") === id);
    });
    sizeMarkers();
    if (!id) { showHint(); return; }
    getJSON("/events/" + encodeURIComponent(id)).then(showEvent).catch(function (e) {
      var p = document.getElementById("panel"); p.textContent = ""; p.removeAttribute("data-event-id"); h("p", String(e), p, "hint");
    });
  }
  function showHint() {
    var p = document.getElementById("panel");
    p.textContent = ""; p.removeAttribute("data-event-id");
    h("p", "Click an event on the map or in the timeline to see what happened in English, the Arabic evidence, its sources and why reports were merged.", p, "hint");
  }
  var PRECISION = { 1: "the day", 2: "the week", 3: "the month" };
  function showEvent(ev) {
    var p = document.getElementById("panel");
    p.textContent = "";
    p.setAttribute("data-event-id", ev.event_id);
    h("h2", ev.sub_event_type + " \u2014 " + (ev.location || ev.admin1 || ""), p);
    var note = h("p", ev.notes_en || "", p, "note-en");
    note.setAttribute("lang", "en");
    if (ev.background) h("p", "Mentioned as past context, not as news.", p, "flag");
    var dl = h("dl", null, p);
    [["Date", ev.event_date ? ev.event_date + " (" + (PRECISION[ev.time_precision] || "?") + " known)" : "unknown"],
     ["Type", ev.event_type], ["Place", [ev.location, ev.admin2, ev.admin1, ev.country].filter(Boolean).join(", ")],
     ["Actor 1", ev.actor1], ["Actor 2", ev.actor2], ["Fatalities", fmt(ev.fatalities) + (ev.n_reports > 1 ? " (lowest across reports)" : "")],
     ["Sources", (ev.sources || []).join(", ")], ["Event id", ev.event_id]].forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === "") return;
      h("dt", row[0], dl); h("dd", row[1], dl);
    });
    var reps = ev.reports || [];
    h("h3", reps.length > 1 ? "Why these " + reps.length + " reports are one event" : "The report", p);
    var why = h("ol", null, p, "reasons");
    reps.forEach(function (rep) {
      var a = rep.article || {}, li = h("li", null, why);
      h("b", (a.source || "?") + (a.published ? " (" + a.published + ")" : "") + ": ", li);
      h("span", rep.reason || "", li, "reason");
    });
    var keys = h("div", null, p, "keys");
    KEY_LABELS.forEach(function (k) { h("mark", k[1], keys, "ev ev-" + k[0]); });
    reps.forEach(function (rep) {
      var box = h("div", null, p, "report");
      var a = rep.article || {};
      box.setAttribute("data-report-id", rep.report_id);
      var meta = h("div", [a.source, a.published].filter(Boolean).join(" \u00b7 "), box, "meta");
      if (a.url && /^https?:\/\//i.test(a.url)) {  // a web address only: never a javascript: or data: link
        meta.appendChild(document.createTextNode(" \u00b7 "));
        var link = h("a", a.url, meta); link.href = a.url; link.rel = "noopener noreferrer"; link.target = "_blank";
      } else if (a.url) meta.appendChild(document.createTextNode(" \u00b7 " + a.url));
      if (rep.record && rep.record.notes_en && rep.record.notes_en !== ev.notes_en) h("div", rep.record.notes_en, box, "report-note");
      var art = h("div", null, box, "article");
      art.setAttribute("dir", "rtl"); art.setAttribute("lang", "ar");
      if (a.title) h("span", a.title, art, "title");
      var body = h("span", null, art, "text");
      highlighted(a.text || "", rep.evidence || [], body);
    });
    var links = h("p", null, p, "json");
    var link = h("a", "this event as JSON", links); link.href = "/events/" + encodeURIComponent(ev.event_id);
  }

  /* -- filters <-> URL ------------------------------------------------------------------------------ */
  var FILTERS = ["date_from", "date_to", "event_type", "admin1", "actor", "source"];
  function form() { return document.getElementById("filters"); }
  function formFilters() {
    var f = {}, elements = form().elements;
    FILTERS.forEach(function (name) { var v = elements[name] && elements[name].value; if (v) f[name] = v; });
    f.background = elements.background.checked;
    return f;
  }
  function setSelect(select, value) {
    if (value && !Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
      var o = document.createElement("option"); o.value = value; o.textContent = value; select.appendChild(o);
    }
    select.value = value || "";
  }
  function fromURL() {
    var q = new URLSearchParams(location.search), elements = form().elements;
    FILTERS.forEach(function (name) {
      var input = elements[name], v = q.get(name) || "";
      if (input.tagName === "SELECT") setSelect(input, v); else input.value = v;
    });
    elements.background.checked = q.get("background") === "true";
    state.selected = q.get("event") || null;
  }
  function viewQuery() {  // the page's own URL: the filters, the background toggle, the event open
    var q = new URLSearchParams(), f = formFilters();
    FILTERS.forEach(function (name) { if (f[name]) q.set(name, f[name]); });
    if (f.background) q.set("background", "true");
    if (state.selected) q.set("event", state.selected);
    return q;
  }
  function apiQuery(f) {  // the same filters for the JSON API (its background default is to include them)
    var q = new URLSearchParams();
    FILTERS.forEach(function (name) { if (f[name]) q.set(name, f[name]); });
    q.set("background", f.background ? "true" : "false");
    return q;
  }
  function pushURL(replace) {
    var q = viewQuery().toString(), url = location.pathname + (q ? "?" + q : "");
    if (url !== location.pathname + location.search) history[replace ? "replaceState" : "pushState"](null, "", url);
  }
  function jsonLinks(api) {
    var a = document.getElementById("json-events"), s = document.getElementById("json-stats"), c = document.getElementById("csv-export");
    a.href = "/events?" + api + "&limit=1000"; s.href = "/stats?" + api; c.href = "/export?" + api + "&format=acled-csv&notes_en=true";
  }

  /* -- loading --------------------------------------------------------------------------------- */
  var MAX_EVENTS = 5000;  // what the map and the timeline draw at most (the latest); the totals count all
  function allEvents(api) {
    var out = [];
    function page(offset) {
      return getJSON("/events?" + api + "&limit=1000&sort=-event_date&offset=" + offset).then(function (r) {
        out = out.concat(r.events);
        if (r.next_offset !== null && out.length < MAX_EVENTS) return page(r.next_offset);
        return { total: r.total, events: out };
      });
    }
    return page(0);
  }
  function load() {
    var f = formFilters(), api = apiQuery(f).toString(), loads = [];
    state.filters = f;
    jsonLinks(api);
    loads.push(allEvents(api), getJSON("/stats?" + api));
    if (!f.background) { var all = apiQuery(f); all.set("background", "true"); all.set("limit", "0"); loads.push(getJSON("/events?" + all.toString())); }
    return Promise.all(loads).then(function (r) {
      state.events = r[0].events;
      state.stats = r[1];
      var s = r[1], hidden = r[2] ? Math.max(0, r[2].total - s.events) : 0, parts = [];
      parts.push(fmt(s.events) + " events, " + fmt(s.fatalities) + " fatalities");
      var big = s.largest;
      if (big && s.events > 1 && big.fatalities * 2 >= s.fatalities) {
        parts.push(fmt(big.fatalities) + " of them in one event (" + (big.location || big.admin1 || "?") + ", " + big.event_date + ")");
      }
      parts.push("from " + fmt(s.reports) + " reports in " + fmt(s.articles) + " articles by " + s.sources + " sources");
      if (hidden) parts.push(hidden + " background event" + (hidden === 1 ? "" : "s") + " hidden");
      if (r[0].total > r[0].events.length) parts.push("map and timeline show the latest " + fmt(r[0].events.length));
      var totals = document.getElementById("totals");
      totals.textContent = parts.join(" \u00b7 ");
      totals.setAttribute("data-events", s.events); totals.setAttribute("data-fatalities", s.fatalities);
      totals.setAttribute("data-hidden", hidden);
      drawMarkers();
      var dom = timeDomain();
      drawTimeline(dom); drawWeekly(dom);
      if (state.selected) select(state.selected, false); else showHint();
      document.body.setAttribute("data-loaded", "true");
      document.body.setAttribute("data-view", apiQuery(f).toString());
    });
  }
  function fillSelect(name, values) {
    var s = document.querySelector("select[name=" + name + "]");
    values.forEach(function (v) {
      if (!v || Array.prototype.some.call(s.options, function (o) { return o.value === v; })) return;
      var o = document.createElement("option"); o.value = v; o.textContent = v; s.appendChild(o);
    });
  }
  function init() {
    legend(); mapInteractions();
    var f = form();
    f.addEventListener("submit", function (e) { e.preventDefault(); state.selected = null; pushURL(false); load(); });
    f.addEventListener("reset", function () { setTimeout(function () { state.selected = null; pushURL(false); load(); }, 0); });
    f.elements.background.addEventListener("change", function () { pushURL(false); load(); });
    window.addEventListener("popstate", function () { fromURL(); load(); });
    Promise.all([getJSON("/config.json").catch(function () { return {}; }), getJSON("/static/region.geojson"), getJSON("/stats")]).then(function (r) {
      state.config = r[0] || {};
      if (state.config.tiles_attribution) document.getElementById("attribution").textContent = state.config.tiles_attribution;
      drawBase(r[1]); fit();
      fillSelect("event_type", r[2].by_event_type.map(function (x) { return x.key; }));
      fillSelect("admin1", r[2].by_admin1.map(function (x) { return x.key; }));
      fromURL();
      return load();
    }).catch(function (e) { document.getElementById("totals").textContent = "cannot load: " + e; });
  }
  init();
})();
