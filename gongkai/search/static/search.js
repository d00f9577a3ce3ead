// Site search (gongkai/search). The index is sharded: a query fetches index.json once, the shards of its terms,
// and one chunk of text per result shown. The text rules repeat gongkai/search/text.py: change both together.
(function () {
  "use strict";

  // ---- Text rules (gongkai/search/text.py) ----
  var CJK = "\u1100-\u11ff\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3038-\u303b\u3040-\u30ff\u3130-\u318f" +
    "\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\u{20000}-\u{3134f}";
  var IS_CJK = new RegExp("[" + CJK + "]", "u");
  var RUNS = new RegExp("[" + CJK + "]+|[^" + CJK + "]+", "gu");
  var FORMAT = /\p{Cf}/u;
  var SPACE = /\s/u;
  var WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
  var VARIANTS = { "臺": "台" };

  function foldChar(ch) {
    var out = "";
    for (var c of ch.normalize("NFKC").toLowerCase()) {
      if (FORMAT.test(c)) continue;
      out += SPACE.test(c) ? " " : (VARIANTS[c] || c);
    }
    return out;
  }

  // The folded text, with where each of its UTF-16 units came from in the original.
  function foldMapped(text) {
    var folded = "", starts = [], ends = [], i = 0;
    for (var ch of text) {
      var f = foldChar(ch);
      for (var j = 0; j < f.length; j++) { starts.push(i); ends.push(i + ch.length); }
      folded += f;
      i += ch.length;
    }
    return { text: folded, starts: starts, ends: ends };
  }

  function fold(text) { return foldMapped(text).text; }

  // Runs of letters, digits and marks, with their place in the folded text: [start, end, run].
  function segments(folded) {
    var out = [], start = -1, i = 0;
    for (var c of folded) {
      if (WORD_CHAR.test(c)) { if (start < 0) start = i; }
      else if (start >= 0) { out.push([start, i, folded.slice(start, i)]); start = -1; }
      i += c.length;
    }
    if (start >= 0) out.push([start, i, folded.slice(start)]);
    return out;
  }

  // Enough of a term's longest n-grams to cover it: every n characters, and the last n. A page holding the
  // term holds them all in one part; the text check (`verify`) sees that they make the term there.
  function queryGrams(term, n) {
    var chars = Array.from(term);
    if (chars.length <= n) return [term];
    var out = [];
    for (var i = 0; i + n < chars.length; i += n) out.push(chars.slice(i, i + n).join(""));
    var last = chars.slice(chars.length - n).join("");
    if (out.indexOf(last) < 0) out.push(last);
    return out;
  }

  function word(token) {
    var n = Array.from(token).length;
    if (n > 4 && token.endsWith("ies")) return token.slice(0, -3) + "y";
    if (n > 3 && /(ches|shes|sses|xes)$/.test(token)) return token.slice(0, -2);
    if (n > 3 && token.endsWith("s") && !/(ss|us|is)$/.test(token)) return token.slice(0, -1);
    return token;
  }

  function fnv1a(term) {
    var h = 0x811c9dc5;
    for (var ch of term) h = Math.imul(h ^ ch.codePointAt(0), 0x01000193) >>> 0;
    return h;
  }

  // Words of a folded text with their places (English mode): [start, end, word].
  function wordsOf(folded) {
    var out = [];
    segments(folded).forEach(function (seg) {
      var m, re = new RegExp(RUNS.source, "gu");
      while ((m = re.exec(seg[2])) !== null) {
        if (!IS_CJK.test(m[0])) out.push([seg[0] + m.index, seg[0] + m.index + m[0].length, word(m[0])]);
      }
    });
    return out;
  }

  // ---- The query ----
  function parse(query, mode, gram) {
    var terms = [], pairs = [], seen = {}, previous = null;
    function add(text, isWord) {
      if (seen[text]) return;
      seen[text] = true;
      terms.push({ text: text, word: isWord, grams: isWord ? [text] : queryGrams(text, gram) });
    }
    segments(fold(query)).forEach(function (seg) {
      if (mode === "zh") { add(seg[2], false); return; }
      var m, re = new RegExp(RUNS.source, "gu");
      while ((m = re.exec(seg[2])) !== null) {
        if (IS_CJK.test(m[0])) { add(m[0], false); previous = null; continue; }
        var w = word(m[0]);
        add(w, true);
        if (previous !== null && pairs.indexOf(previous + " " + w) < 0) pairs.push(previous + " " + w);
        previous = w;
      }
    });
    var phrase = null;
    if (mode === "en" && pairs.length) phrase = pairs;
    else if (mode === "zh" && terms.length > 1) phrase = queryGrams(terms.map(function (t) { return t.text; }).join(""), gram);
    return { terms: terms, phrase: phrase, phraseText: mode === "zh" && phrase ? terms.map(function (t) { return t.text; }).join("") : null };
  }

  function bits(mask) {
    var out = [];
    for (var k = 1; k < 31; k++) if (mask & (1 << k)) out.push(k);
    return out;
  }

  function popcount(mask) { return bits(mask).length; }

  // ---- The index ----
  function Engine(indexUrl) {
    this.indexUrl = indexUrl;
    this.root = new URL("../", indexUrl);
    this.meta = null;
    this.shards = new Map();
    this.postings = new Map();
    this.chunks = new Map();
  }

  Engine.prototype.json = function (url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + url);
      return response.json();
    });
  };

  Engine.prototype.ready = function () {
    var self = this;
    if (!this.meta) this.meta = this.json(this.indexUrl).then(function (meta) {
      if (meta.format !== 2) throw new Error("index format " + meta.format);
      return meta;
    }).catch(function (error) { self.meta = null; throw error; });  // tried again with the next query
    return this.meta;
  };

  Engine.prototype.file = function (cache, path, meta) {
    if (!cache.has(path)) {
      var promise = this.json(new URL(path + "?v=" + meta.id, this.indexUrl));
      promise.catch(function () { cache.delete(path); });
      cache.set(path, promise);
    }
    return cache.get(path);
  };

  // A term's postings (gongkai/search/postings.py): page number → mask.
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  function decodePostings(text) {
    var at = 0, map = new Map();
    var number = function () {
      var value = 0, scale = 1, digit;
      do {
        digit = DIGITS.indexOf(text.charAt(at++));
        if (digit < 0) throw new Error("postings cut short");
        value += (digit & 31) * scale;  // a mask takes up to 31 bits: no bit operations on the sum
        scale *= 32;
      } while (digit >= 32);
      return value;
    };
    var masks = [], runs = [], last = -1, i, n;
    for (n = number(), i = 0; i < n; i++) masks.push(number());
    for (n = number(), i = 0; i < n; i++) runs.push(number(), number());
    for (i = 0; i < runs.length; i += 2) {
      var first = last + runs[i] + 1;
      last = first + runs[i + 1];
      for (var page = first; page <= last; page++) map.set(page, masks.length > 1 ? masks[number()] : masks[0]);
    }
    return map;
  }

  Engine.prototype.lookup = function (term, meta) {
    if (!this.postings.has(term)) {
      this.postings.set(term, this.file(this.shards, "t/" + (fnv1a(term) % meta.shards) + ".json", meta).then(function (shard) {
        // Own members only: a word such as "constructor" is not in every shard.
        return Object.prototype.hasOwnProperty.call(shard, term) ? decodePostings(shard[term]) : new Map();
      }));
    }
    return this.postings.get(term);
  };

  // Pages holding every n-gram of the list within one part (title or chunk): page → mask of those parts.
  Engine.prototype.all = function (grams, meta) {
    var self = this;
    return Promise.all(grams.map(function (g) { return self.lookup(g, meta); })).then(function (maps) {
      maps.sort(function (a, b) { return a.size - b.size; });
      var out = new Map();
      maps[0].forEach(function (mask, page) {
        for (var i = 1; i < maps.length && mask; i++) mask &= maps[i].get(page) || 0;
        if (mask) out.set(page, mask);
      });
      return out;
    });
  };

  Engine.prototype.chunk = function (page, k, meta) {
    return this.file(this.chunks, "d/" + page + "/" + k + ".json", meta);
  };

  // Every page that may hold the query, best first: the whole phrase, then the terms in the title, then the
  // number of chunks that hold the terms. A page is only a candidate until `verify` has found the text in it.
  Engine.prototype.candidates = function (query) {
    var self = this;
    return this.ready().then(function (meta) {
      var q = parse(query, meta.mode, meta.gram);
      if (!q.terms.length) return { q: q, meta: meta, pages: [] };
      var lists = q.terms.map(function (t) { return self.all(t.grams, meta); });
      if (q.phrase) lists.push(self.all(q.phrase, meta));
      return Promise.all(lists).then(function (maps) {
        var phrase = q.phrase ? maps.pop() : new Map();
        q.maps = maps;
        q.phraseMap = phrase;
        var smallest = maps.slice().sort(function (a, b) { return a.size - b.size; })[0];
        var pages = [];
        smallest.forEach(function (_, page) {
          var masks = maps.map(function (m) { return m.get(page) || 0; });
          if (masks.some(function (m) { return !m; })) return;
          var inTitle = masks.every(function (m) { return m & 1; });
          var count = Math.min.apply(null, masks.map(popcount));
          pages.push({ page: page, key: [phrase.has(page) ? 0 : 1, inTitle ? 0 : 1, -count, page] });
        });
        pages.sort(function (a, b) {
          for (var i = 0; i < 4; i++) if (a.key[i] !== b.key[i]) return a.key[i] - b.key[i];
          return 0;
        });
        return { q: q, meta: meta, pages: pages.map(function (p) { return p.page; }) };
      });
    });
  };

  function find(folded, term) {
    var out = [];
    if (term.word) {
      wordsOf(folded).forEach(function (w) { if (w[2] === term.text) out.push([w[0], w[1]]); });
      return out;
    }
    for (var i = folded.indexOf(term.text); i >= 0; i = folded.indexOf(term.text, i + 1)) out.push([i, i + term.text.length]);
    return out;
  }

  function blocksOf(data) {
    var out = [];
    data.b.forEach(function (run) { run[1].forEach(function (text) { out.push({ anchor: run[0], text: text }); }); });
    return out;
  }

  // The result for a candidate page, with the block to show, or null when its text does not hold the query.
  Engine.prototype.verify = function (page, found) {
    var self = this, q = found.q, meta = found.meta;
    var masks = q.maps.map(function (m) { return m.get(page); });
    var common = masks.reduce(function (a, m) { return a & m; }, -1) & ~1;
    var phraseMask = (q.phraseMap.get(page) || 0) & ~1;
    var order = [];
    bits(phraseMask).concat(bits(common), bits(masks.reduce(function (a, m) { return a | m; }, 0)), [1])
      .forEach(function (k) { if (order.indexOf(k) < 0) order.push(k); });
    var left = q.terms.map(function () { return true; });
    var result = null;
    var step = function (i) {
      if (i >= order.length || !left.some(Boolean)) return Promise.resolve(left.some(Boolean) ? null : result);
      var k = order[i];
      var needed = q.terms.some(function (t, n) { return left[n] && (masks[n] & (1 << k)); });
      if (!needed && (result || k !== 1)) return step(i + 1);
      return self.chunk(page, k, meta).then(function (data) {
        if (!result) {
          var title = foldMapped(data.t);
          result = { page: page, data: data, title: title, titleMatches: [], block: null, matches: [] };
          q.terms.forEach(function (t, n) {
            var at = find(title.text, t);
            if (at.length) { left[n] = false; result.titleMatches = result.titleMatches.concat(at); }
          });
        }
        var best = null;
        blocksOf(data).forEach(function (block) {
          var folded = null, matches = [], score = 0;
          q.terms.forEach(function (t, n) {
            if (!(masks[n] & (1 << k))) return;
            folded = folded || foldMapped(block.text);
            var at = find(folded.text, t);
            if (at.length) { left[n] = false; matches = matches.concat(at); score += 1; }
          });
          if (q.phraseText && folded && folded.text.indexOf(q.phraseText) >= 0) score += 100;
          if (score && (!best || score > best.score)) best = { block: block, folded: folded, matches: matches, score: score };
        });
        if (best && (!result.block || best.score > result.score)) {
          result.block = best.block; result.folded = best.folded; result.matches = best.matches; result.score = best.score;
          result.data = data;
        }
        return step(i + 1);
      });
    };
    return step(0).then(function (r) {
      // Found in the title only: the page's first text stands for it.
      if (r && !r.block) {
        var first = blocksOf(r.data)[0];
        if (first) { r.block = first; r.folded = foldMapped(first.text); r.matches = []; }
      }
      return r;
    });
  };

  // Up to `limit` verified results from the candidates, starting at `from`; returns them and where to go on.
  Engine.prototype.results = function (found, from, limit) {
    var self = this, out = [], rejected = 0;
    var next = function (i) {
      if (i >= found.pages.length || out.length >= limit) return Promise.resolve({ results: out, next: i, rejected: rejected });
      var batch = found.pages.slice(i, i + Math.min(limit - out.length, 10));
      return Promise.all(batch.map(function (page) { return self.verify(page, found); })).then(function (done) {
        done.forEach(function (r) { if (r) out.push(r); else rejected += 1; });
        return next(i + batch.length);
      });
    };
    return next(from);
  };

  // For tests and the recall measure: the candidates and the verified results of a query.
  Engine.prototype.search = function (query, limit) {
    var self = this;
    return this.candidates(query).then(function (found) {
      return self.results(found, 0, limit === undefined ? Infinity : limit).then(function (r) {
        return {
          candidates: found.pages.length,
          results: r.results.map(function (x) {
            return { url: new URL(x.data.u, self.root).href, title: x.data.t, kind: x.data.k, agency: x.data.a,
                     year: x.data.y, anchor: x.block ? x.block.anchor : "", snippet: snippetText(x, found.meta.mode) };
          })
        };
      });
    });
  };

  // ---- Snippets ----
  var BREAKS = "，。；：！？、,.;:!? ";

  function window_(x, mode) {
    var f = x.folded, len = f.text.length;
    var matches = x.matches.slice().sort(function (a, b) { return a[0] - b[0]; });
    var focus = matches.length ? matches[0] : [0, 0];
    var before = mode === "en" ? 60 : 24, after = mode === "en" ? 140 : 60;
    var start = Math.max(0, focus[0] - before), end = Math.min(len, focus[1] + after);
    if (start > 0) {
      var cut = -1;
      for (var i = start; i < focus[0]; i++) if (BREAKS.indexOf(f.text[i]) >= 0) { cut = i + 1; break; }
      if (cut >= 0) start = cut;
      else if (mode === "en") { while (start < focus[0] && f.text[start - 1] !== " ") start++; }
    }
    if (end < len) {
      var stop = -1;
      for (var j = end; j > focus[1]; j--) if (BREAKS.indexOf(f.text[j - 1]) >= 0) { stop = j; break; }
      if (stop >= 0) end = stop;
      else if (mode === "en") { while (end > focus[1] && f.text[end] !== " ") end--; }
    }
    while (start < end && f.text[start] === " ") start++;
    while (end > start && f.text[end - 1] === " ") end--;
    return { start: start, end: end, matches: matches.filter(function (m) { return m[0] >= start && m[1] <= end; }) };
  }

  // The snippet as pieces of original text: [text, highlighted].
  function pieces(text, mapped, start, end, matches) {
    var out = [], at = start;
    var o = function (i) { return i >= mapped.starts.length ? text.length : mapped.starts[i]; };
    var oe = function (i) { return i <= 0 ? 0 : mapped.ends[i - 1]; };
    matches.forEach(function (m) {
      if (m[0] < at) return;
      if (m[0] > at) out.push([text.slice(o(at), o(m[0])), false]);
      out.push([text.slice(o(m[0]), oe(m[1])), true]);
      at = m[1];
    });
    if (at < end) out.push([text.slice(o(at), oe(end)), false]);
    return out;
  }

  function snippetPieces(x, mode) {
    if (!x.block) return [];
    var w = window_(x, mode);
    var out = pieces(x.block.text, x.folded, w.start, w.end, w.matches);
    if (w.start > 0) out.unshift(["…", false]);
    if (w.end < x.folded.text.length) out.push(["…", false]);
    return out;
  }

  function snippetText(x, mode) {
    return snippetPieces(x, mode).map(function (p) { return p[0]; }).join("");
  }

  // ---- The search box ----
  var box = document.querySelector("[data-gk-search]");
  if (!box) return;
  var hide = function () {
    box.hidden = true;
    document.querySelectorAll('label[for="__search"]').forEach(function (label) { label.hidden = true; });
  };
  // Opened from disk, a page may not fetch the index: the search box is not shown.
  if (location.protocol === "file:") { hide(); return; }

  var form = box.querySelector("form");
  var input = box.querySelector("input");
  var output = box.querySelector(".md-search__output");
  var status = box.querySelector("[data-gk-search-status]");
  var list = box.querySelector("[data-gk-search-list]");
  var more = box.querySelector("[data-gk-search-more]");
  var toggle = document.getElementById("__search");
  var strings = JSON.parse(box.getAttribute("data-gk-search-strings"));
  var engine = new Engine(new URL(box.getAttribute("data-gk-search"), location.href));
  // For the tests and the recall measure (gongkai/devtools/search_recall.py): the engine and its text rules.
  engine.text = { fold: fold, segments: segments, queryGrams: queryGrams, word: word, fnv1a: fnv1a };
  window.gongkaiSearch = engine;
  var current = 0, found = null, shown = 0, position = 0, rejected = 0, timer = 0;

  function say(text) { status.textContent = text; }

  function open() {
    if (toggle && !toggle.checked) toggle.checked = true;
    output.hidden = false;
  }

  function close() {
    if (toggle && toggle.checked) toggle.checked = false;
    output.hidden = true;
  }

  function appendPieces(element, parts) {
    parts.forEach(function (p) {
      if (p[1]) {
        var mark = document.createElement("mark");
        mark.textContent = p[0];
        element.appendChild(mark);
      } else {
        element.appendChild(document.createTextNode(p[0]));
      }
    });
  }

  function render(x) {
    var item = document.createElement("li");
    item.className = "md-search-result__item gk-search__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link gk-search__title";
    var url = new URL(x.data.u, engine.root);
    if (url.origin !== engine.root.origin) return null;  // every result is a page of this site
    if (x.block && x.block.anchor) url.hash = encodeURIComponent(x.block.anchor);
    link.href = url.href;
    link.textContent = x.data.t;
    item.appendChild(link);
    var facts = [found.meta.kinds[x.data.k] || "", x.data.a, x.data.y].filter(Boolean);
    if (facts.length) {
      var line = document.createElement("p");
      line.className = "gk-search__meta";
      line.textContent = facts.join(strings.separator);
      item.appendChild(line);
    }
    if (x.block) {
      var snippet = document.createElement("p");
      snippet.className = "gk-search__snippet";
      var m = x.matches.slice().sort(function (a, b) { return a[0] - b[0]; });
      var nonOverlapping = [], end = -1;
      m.forEach(function (r) { if (r[0] >= end) { nonOverlapping.push(r); end = r[1]; } });
      appendPieces(snippet, snippetPieces({ block: x.block, folded: x.folded, matches: nonOverlapping }, found.meta.mode));
      item.appendChild(snippet);
    }
    return item;
  }

  function count() {
    var total = found.pages.length - rejected;
    return total === 1 ? strings.one : strings.many.replace("{count}", total);
  }

  function page(seq) {
    more.hidden = true;
    return engine.results(found, position, 10).then(function (r) {
      if (seq !== current) return;
      position = r.next;
      rejected += r.rejected;
      r.results.forEach(function (x) {
        var item = render(x);
        if (item) { list.appendChild(item); shown += 1; }
      });
      if (box.contains(document.activeElement)) open();
      if (!shown) say(strings.none.replace("{query}", input.value.trim()));
      else say(count());
      more.hidden = position >= found.pages.length;
    });
  }

  function run() {
    clearTimeout(timer);
    var seq = ++current, query = input.value;
    list.textContent = "";
    shown = 0; position = 0; rejected = 0; more.hidden = true;
    if (!query.trim()) { found = null; say(strings.hint); return Promise.resolve(); }
    say(strings.busy);
    return engine.candidates(query).then(function (f) {
      if (seq !== current) return;
      found = f;
      if (!f.q.terms.length) { say(strings.hint); return; }
      return page(seq);
    }).catch(function () {
      if (seq === current) say(strings.failed);
    });
  }

  function soon() {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")).concat(more.hidden ? [] : [more]); }

  box.hidden = false;
  say(strings.hint);
  output.hidden = true;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    open();
    run().then(function () { var first = links()[0]; if (first) first.focus(); });
  });
  form.addEventListener("reset", function () { setTimeout(function () { run(); input.focus(); }, 0); });
  // Every change of the text is searched, whether typed, pasted or dropped; not while an input method composes.
  input.addEventListener("input", function (event) { open(); if (!event.isComposing) soon(); });
  input.addEventListener("compositionend", function () { soon(); });
  input.addEventListener("focus", open);
  more.addEventListener("click", function () {
    var from = list.children.length;
    page(current).then(function () {
      var added = list.children[from];
      if (added) added.querySelector("a").focus();
    });
  });
  box.addEventListener("keydown", function (event) {
    var items = links(), at = items.indexOf(document.activeElement);
    if (event.key === "Escape") {
      if (document.activeElement === input) close();
      else input.focus();
      event.preventDefault();
    } else if (event.key === "ArrowDown" && (document.activeElement === input || at >= 0)) {
      open();
      if (at + 1 < items.length) items[at + 1].focus();
      event.preventDefault();
    } else if (event.key === "ArrowUp" && at >= 0) {
      (at > 0 ? items[at - 1] : input).focus();
      event.preventDefault();
    }
  });
  // Leaving the search by Tab or a click elsewhere closes its results, so they never cover the focused element.
  box.addEventListener("focusout", function (event) {
    if (!event.relatedTarget || !box.contains(event.relatedTarget)) {
      setTimeout(function () { if (!box.contains(document.activeElement)) close(); }, 0);
    }
  });
  if (toggle) toggle.addEventListener("change", function () {
    if (toggle.checked) { output.hidden = false; input.focus(); } else output.hidden = true;
  });
  // The theme closes its search box 125 ms after the address's #part changes; the S access key's marker
  // (#gk-search-input) changes it, so the box opens again after that.
  window.addEventListener("hashchange", function () {
    if (location.hash === "#" + input.id) setTimeout(function () { if (document.activeElement === input) open(); }, 200);
  });
  if (input.value) soon();
})();
