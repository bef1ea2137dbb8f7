"use strict";
// Collection page. The data is untrusted: every value may be missing or of another type, and
// strings may hold markup. The DOM is built with createElement and textContent only.
(() => {
  performance.mark("app:start");
  const PAGE_SIZE = 60;
  const SVG_NS = "http://www.w3.org/2000/svg";
  const byId = (id) => document.getElementById(id);
  const nf = new Intl.NumberFormat("en");
  const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
  const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

  // ---- values from the data ----
  const text = (v) =>
    typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : "";
  const list = (v) =>
    (Array.isArray(v) ? v : v == null ? [] : [v]).map(text).filter((s) => s.trim() !== "");
  const int = (v) => {
    const n = typeof v === "number" ? v : typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? +v : NaN;
    return Number.isInteger(n) ? n : null;
  };
  const safeUrl = (v) => {
    if (typeof v !== "string" || /[\s\u0000-\u001f\u007f]/.test(v)) return null;
    try {
      const url = new URL(v);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (e) {
      return null;
    }
  };
  const fold = (s) => s.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();

  function formatTokens(a) {
    const out = new Set();
    const media = text(a.media).trim();
    if (media) out.add(media);
    for (const f of list(a.formats)) {
      for (const part of f.split(",")) {
        const token = part.trim().replace(/^\d+\s*x\s*/i, "").replace(/^"(.+)"$/, "$1").trim();
        if (token) out.add(token);
      }
    }
    return out;
  }

  function toItem(a, index) {
    const artist = text(a.artist).trim();
    const title = text(a.title).trim();
    const year = int(a.year);
    const rating = int(a.rating);
    const added = Date.parse(text(a.date_added));
    const hay = [artist, ...list(a.artists), title, ...list(a.labels), ...list(a.catnos)];
    const item = {
      a, index, artist, title,
      id: int(a.release_id),
      year: year && year > 0 ? year : null,
      rating: rating && rating >= 1 && rating <= 5 ? rating : null,
      added: Number.isFinite(added) ? added : null,
      genres: list(a.genres),
      styles: list(a.styles),
      formats: formatTokens(a),
      media: text(a.media).trim(),
      spotify: safeUrl(a.spotify_url),
      desc: text(a.ai_description).trim(),
      hay: fold(hay.join("\n")),
    };
    item.decade = item.year ? Math.floor(item.year / 10) * 10 : null;
    item.key = item.id != null ? "release-" + item.id : "item-" + index;
    return item;
  }

  let raw = {};
  try {
    raw = JSON.parse(byId("collection-data").textContent) || {};
  } catch (e) {
    raw = {};
  }
  const albums = Array.isArray(raw.albums) ? raw.albums : [];
  const items = albums.filter((a) => a && typeof a === "object" && !Array.isArray(a)).map(toItem);
  const byKey = new Map();
  for (const it of items) if (!byKey.has(it.key)) byKey.set(it.key, it);

  // ---- sorting: each order is computed once, filtering keeps it ----
  const byText = (k) => (x, y) => (!x[k]) - (!y[k]) || collator.compare(x[k], y[k]);
  const byNumber = (k, dir) => (x, y) =>
    (x[k] == null) - (y[k] == null) || (x[k] == null ? 0 : dir * (x[k] - y[k]));
  const chain = (...fs) => (x, y) => {
    for (const f of fs) {
      const r = f(x, y);
      if (r) return r;
    }
    return x.index - y.index;
  };
  const SORTS = {
    artist: ["Artist (A–Z)", chain(byText("artist"), byNumber("year", 1), byText("title"))],
    title: ["Title (A–Z)", chain(byText("title"), byText("artist"))],
    "year-desc": ["Year (newest first)", chain(byNumber("year", -1), byText("artist"), byText("title"))],
    "year-asc": ["Year (oldest first)", chain(byNumber("year", 1), byText("artist"), byText("title"))],
    added: ["Date added (newest first)", chain(byNumber("added", -1), byText("artist"), byText("title"))],
    rating: ["Rating (highest first)", chain(byNumber("rating", -1), byText("artist"), byText("title"))],
  };
  const sorted = {};
  const inOrder = (sort) => sorted[sort] || (sorted[sort] = items.slice().sort(SORTS[sort][1]));

  // ---- state, kept in the URL hash: #q=...&genre=...&sort=...; #release-ID opens an album ----
  const DEFAULTS = { q: "", genre: "", style: "", decade: "", format: "", spotify: false, desc: false, sort: "artist" };
  const FILTER_KEYS = ["genre", "style", "decade", "format"];
  const FLAG_KEYS = ["spotify", "desc"];
  let state = { ...DEFAULTS };
  let results = [];
  let shown = 0;

  const controls = {
    q: byId("q"), genre: byId("f-genre"), style: byId("f-style"), decade: byId("f-decade"),
    format: byId("f-format"), sort: byId("sort"), spotify: byId("f-spotify"), desc: byId("f-desc"),
  };
  const grid = byId("grid");
  const more = byId("more");
  const count = byId("count");
  const empty = byId("empty");
  const reset = byId("reset");
  const notice = byId("notice");

  function el(tag, cls, content) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (content != null) node.textContent = content;
    return node;
  }

  function countBy(getter) {
    const counts = new Map();
    for (const it of items) for (const v of getter(it)) counts.set(v, (counts.get(v) || 0) + 1);
    return counts;
  }

  function fillSelect(select, allLabel, groups) {
    select.replaceChildren(new Option(allLabel, ""));
    for (const [label, entries] of groups) {
      if (!entries.length) continue;
      const parent = label ? select.appendChild(document.createElement("optgroup")) : select;
      if (label) parent.label = label;
      for (const [value, name, n] of entries) {
        parent.appendChild(new Option(n == null ? name : name + " (" + nf.format(n) + ")", value));
      }
    }
  }

  const byName = (counts) =>
    [...counts].sort((x, y) => collator.compare(x[0], y[0])).map(([v, n]) => [v, v, n]);
  const decadeName = (d) => (d === "unknown" ? "Unknown year" : d + "s");

  function buildControls() {
    fillSelect(controls.genre, "All genres", [["", byName(countBy((it) => it.genres))]]);
    fillSelect(controls.style, "All styles", [["", byName(countBy((it) => it.styles))]]);
    const decades = countBy((it) => [it.decade == null ? "unknown" : String(it.decade)]);
    const decadeEntries = [...decades]
      .sort((x, y) => (x[0] === "unknown") - (y[0] === "unknown") || +x[0] - +y[0])
      .map(([v, n]) => [v, decadeName(v), n]);
    fillSelect(controls.decade, "All decades", [["", decadeEntries]]);
    const media = countBy((it) => (it.media ? [it.media] : []));
    const details = countBy((it) => [...it.formats].filter((f) => !media.has(f)));
    const byCount = (counts) =>
      [...counts].sort((x, y) => y[1] - x[1] || collator.compare(x[0], y[0])).map(([v, n]) => [v, v, n]);
    fillSelect(controls.format, "All formats", [["Media", byCount(media)], ["Details", byCount(details)]]);
    controls.sort.replaceChildren(...Object.entries(SORTS).map(([v, [name]]) => new Option(name, v)));
  }

  function hasOption(select, value) {
    for (const option of select.options) if (option.value === value) return true;
    return false;
  }

  function parseState(hash) {
    const params = new URLSearchParams(hash);
    const next = { ...DEFAULTS, q: params.get("q") || "" };
    for (const k of FILTER_KEYS) {
      const v = params.get(k) || "";
      next[k] = v && hasOption(controls[k], v) ? v : "";
    }
    for (const k of FLAG_KEYS) next[k] = params.get(k) === "1";
    const sort = params.get("sort");
    next.sort = sort && Object.hasOwn(SORTS, sort) ? sort : DEFAULTS.sort;
    return next;
  }

  function stateHash(s) {
    const params = new URLSearchParams();
    if (s.q) params.set("q", s.q);
    for (const k of FILTER_KEYS) if (s[k]) params.set(k, s[k]);
    for (const k of FLAG_KEYS) if (s[k]) params.set(k, "1");
    if (s.sort !== DEFAULTS.sort) params.set("sort", s.sort);
    const h = params.toString();
    return h ? "#" + h : "";
  }

  function setUrlHash(hash) {
    const base = location.href.split("#")[0];
    if (location.href !== base + hash) history.replaceState(null, "", base + hash);
  }

  function syncControls() {
    controls.q.value = state.q;
    for (const k of FILTER_KEYS) controls[k].value = state[k];
    for (const k of FLAG_KEYS) controls[k].checked = state[k];
    controls.sort.value = state.sort;
  }

  function isFiltered(s) {
    return !!(s.q.trim() || FILTER_KEYS.some((k) => s[k]) || FLAG_KEYS.some((k) => s[k]));
  }

  function matcher(s) {
    const terms = fold(s.q).split(/\s+/).filter(Boolean);
    const decade = s.decade === "unknown" ? null : s.decade ? +s.decade : undefined;
    return (it) =>
      (!s.genre || it.genres.includes(s.genre)) &&
      (!s.style || it.styles.includes(s.style)) &&
      (decade === undefined || it.decade === decade) &&
      (!s.format || it.formats.has(s.format)) &&
      (!s.spotify || !!it.spotify) &&
      (!s.desc || !!it.desc) &&
      terms.every((t) => it.hay.includes(t));
  }

  function apply(writeUrl) {
    results = inOrder(state.sort).filter(matcher(state));
    shown = 0;
    grid.replaceChildren();
    renderMore();
    const total = nf.format(items.length);
    const n = results.length;
    count.textContent = isFiltered(state)
      ? nf.format(n) + " of " + total + " albums"
      : total + (items.length === 1 ? " album" : " albums");
    empty.hidden = n > 0;
    empty.textContent = items.length
      ? "No albums match this search. Try fewer words or clear the filters."
      : "No albums in this collection yet.";
    reset.hidden = !isFiltered(state);
    notice.hidden = true;
    for (const link of document.querySelectorAll(".chart a")) {
      const [k, v] = (link.getAttribute("href") || "").slice(1).split("=");
      link.classList.toggle("active", !!k && state[k] === decodeURIComponent(v || ""));
    }
    if (writeUrl) setUrlHash(stateHash(state));
  }

  // ---- cards ----
  function hue(it) {
    let h = 0;
    for (const ch of it.artist + "|" + it.title) h = (h * 31 + ch.codePointAt(0)) >>> 0;
    return h % 12;
  }

  function initials(it) {
    const source = it.artist && !/^various$/i.test(it.artist) ? it.artist : it.title || it.artist;
    const letters = source
      .split(/[\s&,+\/-]+/)
      .map((w) => Array.from(w).find((ch) => /[\p{L}\p{N}]/u.test(ch)))
      .filter(Boolean);
    return (letters.slice(0, 2).join("") || "?").toUpperCase();
  }

  function spotifyIcon(fill) {
    const svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    const paths = [
      "M6.5 9.2c3.8-1.1 8-.8 11.3 1",
      "M7.2 12.4c3.1-.8 6.4-.5 9 .9",
      "M7.8 15.4c2.4-.6 4.9-.4 6.9.7",
    ];
    if (fill) {
      const circle = document.createElementNS(SVG_NS, "circle");
      circle.setAttribute("cx", "12");
      circle.setAttribute("cy", "12");
      circle.setAttribute("r", "11");
      circle.setAttribute("fill", "#000");
      svg.appendChild(circle);
    }
    for (const d of paths) {
      const path = document.createElementNS(SVG_NS, "path");
      path.setAttribute("d", d);
      path.setAttribute("fill", "none");
      path.setAttribute("stroke", fill ? "#1db954" : "#000");
      path.setAttribute("stroke-width", "2");
      path.setAttribute("stroke-linecap", "round");
      svg.appendChild(path);
    }
    return svg;
  }

  function coverImage(it, large) {
    const cover = large ? byId("album-cover") : el("div", "cover");
    cover.className = "cover hue-" + hue(it) + (large ? " cover-large" : "");
    const ph = el("span", "initials", initials(it));
    ph.setAttribute("aria-hidden", "true");
    cover.replaceChildren(ph);
    // Discogs' cover first; Spotify's image stands in where Discogs has none (CSV exports).
    const big = safeUrl(it.a.cover_image);
    const small = safeUrl(it.a.thumb);
    const src = big || small || safeUrl(it.a.spotify_image);
    if (src) {
      const img = document.createElement("img");
      img.loading = "lazy";
      img.decoding = "async";
      img.alt = large ? "Cover of " + (it.title || "untitled") + " by " + (it.artist || "unknown artist") : "";
      img.referrerPolicy = "no-referrer";
      if (!large && big && small && big !== small && !/,/.test(big + small)) {
        img.srcset = small + " 150w, " + big + " 600w";
        img.sizes = "(max-width: 520px) 46vw, 220px";
      }
      img.addEventListener("error", () => img.remove(), { once: true });
      img.src = src;
      cover.appendChild(img);
    }
    return cover;
  }

  function card(it) {
    const li = el("li", "card");
    const link = el("a", "card-link");
    link.href = "#" + it.key;
    link.dataset.key = it.key;
    const cover = coverImage(it, false);
    const meta = el("span", "meta");
    const title = el("span", "t", it.title || "Untitled");
    const artist = el("span", "ar", it.artist || "Unknown artist");
    title.dir = artist.dir = "auto";
    meta.append(title, artist, el("span", "y", [it.year, it.media].filter(Boolean).join(" · ")));
    if (it.spotify) {
      const badge = el("span", "badge-spotify");
      badge.title = "On Spotify";
      badge.setAttribute("aria-hidden", "true");
      badge.appendChild(spotifyIcon(false));
      cover.appendChild(badge);
      meta.appendChild(el("span", "visually-hidden", ", on Spotify"));
    }
    link.append(cover, meta);
    li.appendChild(link);
    return li;
  }

  function renderMore() {
    const end = Math.min(shown + PAGE_SIZE, results.length);
    const fragment = document.createDocumentFragment();
    // Cards are kept per album: typing reuses them, so covers already shown do not reload.
    for (let i = shown; i < end; i++) {
      const it = results[i];
      fragment.appendChild(it.card || (it.card = card(it)));
    }
    grid.appendChild(fragment);
    shown = end;
    const left = results.length - shown;
    more.hidden = left <= 0;
    more.textContent = "Show " + nf.format(Math.min(PAGE_SIZE, left)) + " more (" + nf.format(left) + " left)";
  }

  // ---- album dialog ----
  const dialog = byId("album");
  let current = null;
  let returnFocus = null;

  function navList() {
    return current && results.includes(current) ? results : inOrder(state.sort);
  }

  function fact(dl, label, value) {
    if (value == null || value === "" || (Array.isArray(value) && !value.length)) return;
    const dd = el("dd");
    if (Array.isArray(value)) {
      const ul = el("ul");
      for (const v of value) {
        const li = el("li", null, v);
        li.dir = "auto";
        ul.appendChild(li);
      }
      dd.appendChild(ul);
    } else if (value instanceof Node) {
      dd.appendChild(value);
    } else {
      dd.textContent = value;
      dd.dir = "auto";
    }
    dl.append(el("dt", null, label), dd);
  }

  function stars(n) {
    const span = el("span", "stars", "★".repeat(n) + "☆".repeat(5 - n));
    span.setAttribute("role", "img");
    span.setAttribute("aria-label", n + " out of 5");
    return span;
  }

  function linkButton(href, label, cls, icon) {
    const a = el("a", "btn " + cls);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    if (icon) a.appendChild(icon);
    a.appendChild(el("span", null, label));
    return a;
  }

  // An uncertain match's best candidate, when the sync kept one: offered, never as the link.
  function candidateUrl(a, it) {
    return !it.spotify && text(a.spotify_status) === "uncertain" ? safeUrl(a.spotify_candidate_url) : null;
  }

  function possibleMatch(a, url) {
    const box = el("div", "maybe");
    box.setAttribute("role", "note");
    box.appendChild(el("p", "maybe-head", "Possible match on Spotify (not confirmed)"));
    const name = text(a.spotify_name).trim() || "The best candidate";
    const artists = list(a.spotify_artists).join(", ");
    const link = el("a", "maybe-link", artists ? name + " — " + artists : name);
    link.href = url;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    link.dir = "auto";
    box.appendChild(link);
    const score = typeof a.spotify_match_score === "number" ? a.spotify_match_score : null;
    const how = el("p", "maybe-how");
    how.append(
      (score != null ? "Match " + Math.round(score <= 1 ? score * 100 : score) + "%, too weak to link. " : "") +
        "To confirm or reject it, run ",
      el("code", null, "discogs-sync review"),
      "."
    );
    box.appendChild(how);
    return box;
  }

  function spotifyFacts(a, it) {
    if (candidateUrl(a, it)) return "Not linked: the match is not confirmed";
    const lines = [];
    const name = text(a.spotify_name).trim();
    const artists = list(a.spotify_artists).join(", ");
    if (name) lines.push(artists ? name + " — " + artists : name);
    const released = text(a.spotify_release_date).trim();
    const tracks = int(a.spotify_total_tracks);
    const details = [];
    if (released) details.push("released " + released);
    if (tracks != null) details.push(tracks + (tracks === 1 ? " track" : " tracks"));
    const score = typeof a.spotify_match_score === "number" ? a.spotify_match_score : null;
    if (score != null) details.push("match " + Math.round(score <= 1 ? score * 100 : score) + "%");
    if (details.length) lines.push(details.join(" · "));
    if (!it.spotify) {
      const status = text(a.spotify_status).trim().replace(/_/g, " ");
      lines.push(status ? "Not linked (" + status + ")" : "Not linked yet");
    }
    return lines;
  }

  function fill(it) {
    const a = it.a;
    coverImage(it, true);
    byId("album-title").textContent = it.title || "Untitled";
    byId("album-artist").textContent = it.artist || "Unknown artist";
    byId("album-sub").textContent = [it.year, it.media].filter(Boolean).join(" · ");

    const actions = byId("album-actions");
    actions.replaceChildren();
    const discogs = safeUrl(a.discogs_url);
    if (discogs) actions.appendChild(linkButton(discogs, "View on Discogs", "btn-discogs", null));
    if (it.spotify) actions.appendChild(linkButton(it.spotify, "Listen on Spotify", "btn-spotify", spotifyIcon(true)));
    const maybe = candidateUrl(a, it);
    if (maybe) actions.appendChild(possibleMatch(a, maybe));

    const dl = byId("album-facts");
    dl.replaceChildren();
    const labels = list(a.labels);
    const catnos = list(a.catnos);
    const labelLines = [];
    for (let i = 0; i < Math.max(labels.length, catnos.length); i++) {
      labelLines.push([labels[i], catnos[i]].filter(Boolean).join(" — "));
    }
    fact(dl, "Year", it.year ? String(it.year) : "Unknown");
    fact(dl, labels.length > 1 ? "Labels" : "Label", labelLines);
    fact(dl, "Format", list(a.formats));
    fact(dl, "Genre", it.genres.join(", "));
    fact(dl, "Style", it.styles.join(", "));
    if (it.rating) fact(dl, "Rating", stars(it.rating));
    fact(dl, "Media condition", text(a.media_condition).trim());
    fact(dl, "Sleeve condition", text(a.sleeve_condition).trim());
    const notes = text(a.notes).trim();
    if (notes) fact(dl, "Notes", Object.assign(el("span", "pre", notes), { dir: "auto" }));
    const custom = a.custom_fields && typeof a.custom_fields === "object" && !Array.isArray(a.custom_fields)
      ? a.custom_fields : {};
    for (const [k, v] of Object.entries(custom)) fact(dl, text(k), text(v).trim());
    const copies = int(a.copies);
    if (copies && copies > 1) fact(dl, "Copies", String(copies));
    if (it.added != null) fact(dl, "Added", dateFormat.format(it.added));
    fact(dl, "Spotify", spotifyFacts(a, it));

    const desc = byId("album-desc");
    desc.replaceChildren();
    if (it.desc) {
      const p = el("p", "ai-text", it.desc);
      p.dir = "auto";
      desc.appendChild(p);
      const by = [text(a.ai_model).trim(), text(a.ai_language).trim()].filter(Boolean);
      if (by.length) desc.appendChild(el("p", "ai-meta", "Written by " + by.join(" · ")));
    } else {
      desc.appendChild(el("p", "ai-none", "No description yet"));
    }

    const nav = navList();
    const pos = nav.indexOf(it);
    byId("album-pos").textContent =
      pos >= 0 ? nf.format(pos + 1) + " of " + nf.format(nav.length) : "";
    dialog.querySelector(".dlg-body").scrollTop = 0;
  }

  function openAlbum(it) {
    if (!dialog.open) returnFocus = document.activeElement;
    current = it;
    fill(it);
    setUrlHash("#" + it.key);
    if (!dialog.open) {
      dialog.showModal();
      byId("close").focus();
    } else if (!dialog.contains(document.activeElement)) {
      byId("close").focus();
    }
  }

  function step(delta) {
    if (!current) return;
    const nav = navList();
    if (!nav.length) return;
    const pos = nav.indexOf(current);
    const next = nav[(pos + delta + nav.length) % nav.length];
    openAlbum(next);
  }

  function focusables() {
    return [...dialog.querySelectorAll("a[href], button:not([disabled]), [tabindex]:not([tabindex='-1'])")]
      .filter((n) => n.getClientRects().length > 0);
  }

  // Cleanup runs at once (the dialog's close event comes a task later) and only once.
  function closeAlbum() {
    const it = current;
    if (dialog.open) dialog.close();
    if (!it) return;
    current = null;
    setUrlHash(stateHash(state));
    const cardLink = grid.querySelector('a[data-key="' + it.key + '"]');
    const target = cardLink || (returnFocus && returnFocus.isConnected && returnFocus !== document.body
      ? returnFocus : controls.q);
    returnFocus = null;
    target.focus();
  }

  dialog.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.preventDefault();
      closeAlbum();
    } else if ((e.key === "ArrowLeft" || e.key === "ArrowRight") && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      step(e.key === "ArrowLeft" ? -1 : 1);
    } else if (e.key === "Tab") {
      const f = focusables();
      if (!f.length) return;
      const first = f[0];
      const last = f[f.length - 1];
      const active = document.activeElement;
      if (e.shiftKey && (active === first || !dialog.contains(active))) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (active === last || !dialog.contains(active))) {
        e.preventDefault();
        first.focus();
      }
    }
  });
  dialog.addEventListener("click", (e) => {
    if (e.target === dialog) closeAlbum();
  });
  dialog.addEventListener("close", closeAlbum);
  byId("close").addEventListener("click", closeAlbum);
  byId("prev").addEventListener("click", () => step(-1));
  byId("next").addEventListener("click", () => step(1));

  // ---- wiring ----
  grid.addEventListener("click", (e) => {
    const link = e.target.closest("a.card-link");
    if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const it = byKey.get(link.dataset.key);
    if (!it) return;
    e.preventDefault();
    openAlbum(it);
  });
  controls.q.addEventListener("input", () => {
    state.q = controls.q.value;
    apply(true);
  });
  for (const k of [...FILTER_KEYS, "sort"]) {
    controls[k].addEventListener("change", () => {
      state[k] = controls[k].value;
      apply(true);
    });
  }
  for (const k of FLAG_KEYS) {
    controls[k].addEventListener("change", () => {
      state[k] = controls[k].checked;
      apply(true);
    });
  }
  reset.addEventListener("click", () => {
    state = { ...DEFAULTS, sort: state.sort };
    syncControls();
    apply(true);
    controls.q.focus();
  });
  more.addEventListener("click", renderMore);
  if ("IntersectionObserver" in window) {
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting) || more.hidden) return;
      renderMore();
      // Re-observe so a button still in view after this page fires again.
      observer.unobserve(more);
      observer.observe(more);
    }, { rootMargin: "600px 0px" });
    observer.observe(more);
  }
  byId("skip").addEventListener("click", (e) => {
    e.preventDefault();
    byId("results").focus();
  });
  for (const link of document.querySelectorAll(".chart a")) {
    link.addEventListener("click", (e) => {
      e.preventDefault();
      const [k, v] = (link.getAttribute("href") || "").slice(1).split("=");
      if (!FILTER_KEYS.includes(k)) return;
      const value = decodeURIComponent(v || "");
      state[k] = state[k] === value || !hasOption(controls[k], value) ? "" : value;
      syncControls();
      apply(true);
      byId("results").scrollIntoView({ block: "start" });
    });
  }

  function showNotice(message) {
    notice.textContent = message;
    notice.hidden = false;
  }

  function route() {
    const hash = location.hash.slice(1);
    const album = /^(release|item)-\d+$/.test(hash) ? hash : null;
    if (album) {
      const it = byKey.get(album);
      if (it) {
        openAlbum(it);
      } else {
        setUrlHash(stateHash(state));
        showNotice("Album " + album.replace(/^\D+/, "") + " is not in this collection.");
      }
      return;
    }
    if (hash && !hash.includes("=")) return; // an in-page anchor, not a view
    state = parseState(hash);
    syncControls();
    apply(false);
    closeAlbum();
  }
  window.addEventListener("hashchange", route);

  buildControls();
  const startHash = location.hash.slice(1);
  state = startHash.includes("=") ? parseState(startHash) : { ...DEFAULTS };
  syncControls();
  apply(false);
  if (!startHash.includes("=") && startHash) route();
  performance.mark("app:rendered");
  document.documentElement.dataset.ready = "true";
})();
