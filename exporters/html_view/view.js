// policykg network view. Reads the graph from the JSON block
// #policykg-data (Cytoscape.js elements plus the colours and shapes of each
// type), draws it with Cytoscape.js, and wires the legend filters, the search
// box and the entity card. Everything the page needs is in the page: no
// request leaves it. Data reaches the DOM only through textContent.
(function () {
  'use strict';

  var FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
  var MAX_RELATIONS_ON_CARD = 40;
  var MAX_SENTENCES_PER_RELATION = 3;

  var payload = JSON.parse(document.getElementById('policykg-data').textContent);
  var meta = payload.policykg;
  var elements = payload.elements;

  var typeStyles = {};
  meta.types.forEach(function (t) { typeStyles[t.type] = t; });
  var relationStyles = {};
  meta.relations.forEach(function (r) { relationStyles[r.type] = r; });

  // Bigger nodes for better-connected entities.
  elements.nodes.forEach(function (n) {
    var d = Math.sqrt(n.data.degree || 0);
    n.data.size = Math.round(14 + 6 * d);
    n.data.fontSize = Math.round(11 + 3 * d);  // hubs stay legible when zoomed out
  });

  function cyStyle() {
    var style = [
      { selector: 'node', style: {
        'background-color': '#bab0ac', 'label': 'data(label)', 'font-family': FONT,
        'font-size': 'data(fontSize)', 'text-valign': 'bottom', 'text-margin-y': 3,
        'width': 'data(size)', 'height': 'data(size)', 'border-width': 1, 'border-color': '#555',
        'text-wrap': 'ellipsis', 'text-max-width': 160, 'min-zoomed-font-size': 6,
        'text-background-color': '#ffffff', 'text-background-opacity': 0.6
      } },
      { selector: 'edge', style: {
        'width': 1.2, 'line-color': '#cccccc', 'curve-style': 'bezier', 'opacity': 0.8,
        'target-arrow-shape': 'triangle', 'target-arrow-color': '#cccccc', 'arrow-scale': 0.7
      } }
    ];
    meta.types.forEach(function (t) {
      style.push({ selector: 'node[type = "' + t.type + '"]',
                   style: { 'background-color': t.colour, 'shape': t.shape } });
    });
    meta.relations.forEach(function (r) {
      style.push({ selector: 'edge[type = "' + r.type + '"]', style: {
        'line-color': r.colour, 'target-arrow-color': r.colour, 'line-style': r.style,
        'target-arrow-shape': r.undirected ? 'none' : 'triangle'
      } });
    });
    style.push({ selector: 'node:selected', style: {
      'border-width': 4, 'border-color': '#111111', 'font-weight': 'bold', 'z-index': 10
    } });
    style.push({ selector: '.type-hidden', style: { 'display': 'none' } });
    return style;
  }

  function layoutOptions(n) {
    return {
      name: 'cose', animate: false, randomize: true, fit: true, padding: 20,
      nodeDimensionsIncludeLabels: true, nodeOverlap: 10,
      nodeRepulsion: function () { return 120000; },
      idealEdgeLength: function () { return 50; },
      edgeElasticity: function () { return 100; },
      gravity: 50, componentSpacing: 30, numIter: n > 600 ? 500 : 1000
    };
  }

  // cose for the connected part; entities without any edge go in a grid
  // below it, grouped by type. (cose's cost grows with the square of the node
  // count, and loose nodes would only be pushed to the rim anyway.)
  var GRID_CELL_W = 130, GRID_CELL_H = 44;
  function runLayout() {
    var connected = cy.nodes().filter(function (n) { return n.degree() > 0; });
    var loose = cy.nodes().filter(function (n) { return n.degree() === 0; });
    if (connected.length) {
      // With their edges: cose only pulls along the edges in its collection.
      connected.union(connected.connectedEdges())
        .layout(Object.assign(layoutOptions(connected.length), { fit: false })).run();
    }
    if (loose.length) {
      var bb = connected.length ? connected.boundingBox() : { x1: 0, y2: 0, w: 0 };
      var cols = Math.max(4, Math.floor(Math.max(bb.w, 900) / GRID_CELL_W));
      var rows = Math.ceil(loose.length / cols);
      loose.layout({
        name: 'grid', fit: false, avoidOverlap: true, cols: cols, rows: rows,
        boundingBox: { x1: bb.x1, y1: bb.y2 + 80, w: cols * GRID_CELL_W, h: rows * GRID_CELL_H },
        sort: function (a, b) {
          return a.data('type') < b.data('type') ? -1 : a.data('type') > b.data('type') ? 1 : 0;
        }
      }).run();
    }
    cy.fit(undefined, 20);
  }

  var cy = cytoscape({
    container: document.getElementById('cy'),
    elements: elements,
    style: cyStyle(),
    layout: { name: 'grid' },  // cheap stand-in; runLayout lays it out once the page is shown
    minZoom: 0.05,
    maxZoom: 6,
    selectionType: 'single'
  });

  // ---- small DOM helpers (text only, never HTML from data) ----
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function list(items, render) {
    var ul = el('ul');
    items.forEach(function (it) { ul.appendChild(render(it)); });
    return ul;
  }

  // ---- legend and type filters ----
  function countByType() {
    var counts = {};
    cy.nodes().forEach(function (n) {
      var t = n.data('type');
      counts[t] = (counts[t] || 0) + 1;
    });
    return counts;
  }

  function setTypeVisible(type, visible) {
    var nodes = cy.nodes().filter(function (n) { return n.data('type') === type; });
    if (visible) nodes.removeClass('type-hidden'); else nodes.addClass('type-hidden');
    if (!visible) nodes.unselect();
    updateCounts();
  }

  function buildLegend() {
    var counts = countByType();
    var filters = document.getElementById('type-filters');
    meta.types.forEach(function (t) {
      if (!counts[t.type]) return;
      var li = el('li');
      var label = el('label');
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = true;
      box.className = 'type-filter';
      box.setAttribute('data-type', t.type);
      box.addEventListener('change', function () { setTypeVisible(t.type, box.checked); });
      var swatch = el('span', null, 'swatch');
      swatch.style.background = t.colour;
      label.appendChild(box);
      label.appendChild(swatch);
      label.appendChild(el('span', t.type));
      label.appendChild(el('span', counts[t.type], 'count'));
      li.appendChild(label);
      filters.appendChild(li);
    });
    var present = {};
    cy.edges().forEach(function (e) { present[e.data('type')] = true; });
    var relations = document.getElementById('relation-legend');
    meta.relations.forEach(function (r) {
      if (!present[r.type]) return;
      var li = el('li');
      var line = el('span', null, 'line');
      line.style.borderTopStyle = r.style;
      line.style.borderTopColor = r.colour;
      li.appendChild(line);
      li.appendChild(el('span', r.type + (r.undirected ? '' : ' →')));
      relations.appendChild(li);
    });
  }

  function updateCounts() {
    var shown = cy.nodes().filter(function (n) { return !n.hasClass('type-hidden'); }).length;
    document.getElementById('counts').textContent =
      shown + ' / ' + cy.nodes().length + ' 节点 nodes, ' + cy.edges().length + ' 边 edges';
  }

  // ---- entity card ----
  function nameOf(node) { return node.data('name') || node.data('label'); }

  function showCard(node) {
    var d = node.data();
    var body = document.getElementById('card-body');
    body.replaceChildren();
    var badge = el('span', d.type, 'badge');
    badge.style.background = (typeStyles[d.type] || {}).colour || '#888';
    body.appendChild(badge);
    body.appendChild(el('h2', nameOf(node)));
    if (d.aliases && d.aliases.length) {
      body.appendChild(el('div', '别名 aliases: ' + d.aliases.join('、'), 'aliases'));
    }
    var facts = [];
    if (d.region_code) facts.push('区划代码 code ' + d.region_code);
    if (d.region_level) facts.push('level ' + d.region_level);
    if (d.jurisdiction) facts.push('所属 ' + d.jurisdiction);
    if (d.mentions) facts.push(d.mentions + ' 次提及 mentions');
    if (d.kind === 'source') {
      ['doc', 'number', 'issuer', 'date'].forEach(function (k) { if (d[k]) facts.push(d[k]); });
    }
    if (facts.length) body.appendChild(el('div', facts.join(' · '), 'doc'));

    var docs = d.documents || (d.doc ? [d.doc] : []);
    if (docs.length) {
      body.appendChild(el('h3', '文件 Documents (' + docs.length + ')'));
      body.appendChild(list(docs, function (doc) { return el('li', doc); }));
    }
    var evidence = d.evidence || [];
    if (evidence.length) {
      body.appendChild(el('h3', '原文 Evidence'));
      body.appendChild(list(evidence, function (ev) {
        var li = el('li');
        li.appendChild(el('span', ev.sentence, 'sentence'));
        li.appendChild(el('span', ' — ' + ev.doc, 'doc'));
        return li;
      }));
    }
    var edges = node.connectedEdges().filter(function (e) { return e.visible(); });
    if (edges.length) {
      body.appendChild(el('h3', '关系 Relations (' + edges.length + ')'));
      // Stated relations first, co-mentions after.
      var ordered = edges.toArray().sort(function (a, b) {
        return (a.data('kind') === 'co_mention') - (b.data('kind') === 'co_mention');
      });
      body.appendChild(list(ordered.slice(0, MAX_RELATIONS_ON_CARD), function (e) {
        var outgoing = e.source().id() === node.id();
        var other = outgoing ? e.target() : e.source();
        var li = el('li');
        var text = e.data('undirected') ? e.data('type') + ' — '
                 : outgoing ? e.data('type') + ' → ' : '← ' + e.data('type') + ' ';
        var rel = el('span', text, 'rel');
        rel.style.color = (relationStyles[e.data('type')] || {}).colour || '#555';
        li.appendChild(rel);
        var link = el('a', nameOf(other), 'jump');
        link.addEventListener('click', function () { focusNode(other); });
        li.appendChild(link);
        (e.data('evidence') || []).slice(0, MAX_SENTENCES_PER_RELATION).forEach(function (ev) {
          var p = el('div');
          p.appendChild(el('span', ev.sentence, 'sentence'));
          p.appendChild(el('span', ' — ' + ev.doc, 'doc'));
          li.appendChild(p);
        });
        return li;
      }));
    }
    document.getElementById('card').hidden = false;
    cy.resize();
  }

  function hideCard() {
    document.getElementById('card').hidden = true;
    cy.resize();
  }

  // ---- search ----
  function findNode(query) {
    var q = query.trim().toLowerCase();
    if (!q) return null;
    var exact = null, partial = null, partialLength = Infinity;
    cy.nodes().forEach(function (n) {
      var names = [n.data('name') || n.data('label')].concat(n.data('aliases') || []);
      names.forEach(function (name) {
        var s = String(name).toLowerCase();
        if (s === q) {
          if (!exact || n.degree() > exact.degree()) exact = n;
        } else if (s.indexOf(q) >= 0 && s.length < partialLength) {
          partial = n;
          partialLength = s.length;
        }
      });
    });
    return exact || partial;
  }

  function focusNode(node) {
    if (node.hasClass('type-hidden')) {
      var box = document.querySelector('input.type-filter[data-type="' + node.data('type') + '"]');
      if (box) box.checked = true;
      setTypeVisible(node.data('type'), true);
    }
    cy.elements().unselect();
    node.select();
    showCard(node);  // first: opening the card narrows the drawing area
    var zoom = Math.max(cy.zoom(), 0.9), p = node.position();
    // Centre the node itself (cy.center would centre it with its label).
    cy.viewport({ zoom: zoom, pan: { x: cy.width() / 2 - p.x * zoom, y: cy.height() / 2 - p.y * zoom } });
  }

  function search(query) {
    var status = document.getElementById('search-status');
    var node = findNode(query);
    if (!node) {
      status.textContent = '未找到 not found: ' + query;
      status.className = 'miss';
      return null;
    }
    status.textContent = '';
    status.className = '';
    focusNode(node);
    return node.id();
  }

  function fillNames() {
    var names = document.getElementById('names');
    var seen = {};
    cy.nodes().forEach(function (n) {
      [n.data('name') || n.data('label')].concat(n.data('aliases') || []).forEach(function (s) {
        if (seen[s] || Object.keys(seen).length >= 5000) return;
        seen[s] = true;
        var option = document.createElement('option');
        option.value = s;
        names.appendChild(option);
      });
    });
  }

  // ---- wiring ----
  document.getElementById('search-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    search(document.getElementById('search').value);
  });
  document.getElementById('fit').addEventListener('click', function () {
    cy.fit(cy.nodes(':visible'), 30);
  });
  document.getElementById('card-close').addEventListener('click', function () {
    cy.elements().unselect();
    hideCard();
  });
  cy.on('tap', 'node', function (ev) {
    cy.elements().unselect();
    ev.target.select();
    showCard(ev.target);
  });
  cy.on('tap', function (ev) {
    if (ev.target === cy) { cy.elements().unselect(); hideCard(); }
  });

  document.getElementById('search-status').textContent = '布局中 laying out…';

  // For tests and for anyone scripting the page from the console.
  window.cy = cy;
  window.policykgView = { search: search, findNode: findNode, ready: false };
  // After the first paint, so the page shows while the layout runs.
  requestAnimationFrame(function () { setTimeout(layOutAndWire, 0); });
  function layOutAndWire() {
    runLayout();
    buildLegend();
    fillNames();
    updateCounts();
    document.getElementById('search-status').textContent = '';
    window.policykgView.ready = true;
  }
})();
