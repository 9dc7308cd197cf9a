#!/usr/bin/env lua5.4
-- make eval CORPUS=path.jsonl
--
-- Scores lede against a corpus of JSON lines. What is scored depends on what
-- the lines carry:
--   "gold" with title/byline/dateline/body: the structure fields
--     (title exact, byline exact and invented, dateline location/date/agency,
--     body token F1 per document, averaged);
--   the page is "text" or "html";
--   "entities" (CoNLL-style PER/ORG/LOC/MISC spans): exact-span micro P/R/F1
--     overall and per type, after mapping lede's types to CoNLL's;
--   "entities" with lede's own (OntoNotes) types, such as DATE or MONEY: the
--     same per type, over the types the line's "types" lists (else those its
--     entities have), and for the spans found whose gold has a "value" the
--     share of values lede gives equal (DATE strings, MONEY amount and
--     currency, numbers). A line's "date" is passed as the reference date;
--   "quotes" (start, end, speaker, cue), "roles" (person, role) and
--     "mentions" (start, end, canonical), as tests/fixtures/eval/
--     build_quotes.lua writes them: quotations by exact span (end
--     punctuation aside), and of those found the share whose speaker is
--     right (lede names the gold's entity: its canonical name, a mention's
--     text, or the canonical lede gives that mention) and whose cue is right
--     where the gold has one; roles as (person, role) pairs (case, a leading
--     article and end punctuation aside); links as pairs of mentions that
--     refer to one entity (pairwise P/R/F1), and the share of mentions lede
--     finds at their exact span.
-- usage: lua5.4 tools/eval.lua CORPUS [--limit N] [--show-errors N] [--field F]
local lede = require "lede"
local json = lede.json

local path = arg[1]
if not path then
  io.stderr:write("usage: eval.lua CORPUS.jsonl [--limit N] [--show-errors N] [--field F]\n")
  os.exit(2)
end
local limit, show, field_filter = math.huge, 0, nil
do
  local i = 2
  while arg[i] do
    if arg[i] == "--limit" then limit = tonumber(arg[i + 1]); i = i + 2
    elseif arg[i] == "--show-errors" then show = tonumber(arg[i + 1]); i = i + 2
    elseif arg[i] == "--field" then field_filter = arg[i + 1]; i = i + 2
    else io.stderr:write("eval: unknown argument ", arg[i], "\n"); os.exit(2) end
  end
end

local function isnull(v) return v == nil or v == json.null end

local function norm_space(s)
  if isnull(s) then return nil end
  return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

-- words of a text for the body score: lower-cased runs of letters/digits
-- (UTF-8 sequences count as letters)
local function words(s)
  local t = {}
  for w in s:lower():gmatch("[%w\128-\255]+") do t[w] = (t[w] or 0) + 1 end
  return t
end

local function f1_counts(pred, gold)
  local inter, np, ng = 0, 0, 0
  for w, c in pairs(pred) do
    np = np + c
    local g = gold[w]
    if g then inter = inter + math.min(c, g) end
  end
  for _, c in pairs(gold) do ng = ng + c end
  if np == 0 and ng == 0 then return 1, 1, 1 end
  if np == 0 or ng == 0 then return 0, 0, 0 end
  local p, r = inter / np, inter / ng
  if p + r == 0 then return 0, p, r end
  return 2 * p * r / (p + r), p, r
end

local function lower(s) return s and s:lower() or nil end

-- ---- structure -------------------------------------------------------------

local S = {
  docs = 0,
  title = { n = 0, ok = 0 },
  byline = { n = 0, ok = 0 },
  byline_invented = { n = 0, bad = 0 },
  loc = { n = 0, ok = 0 },
  date = { n = 0, ok = 0 },
  agency = { n = 0, ok = 0 },
  body = { n = 0, f1 = 0, p = 0, r = 0 },
  body_whole = { f1 = 0, n = 0 },
  errors = {},
}

local function note(kind, id, want, got)
  local e = S.errors[kind] or {}
  S.errors[kind] = e
  e[#e + 1] = string.format("  %s: want %s | got %s", id, tostring(want), tostring(got))
end

local function score_structure(rec, doc)
  local g = rec.gold
  S.docs = S.docs + 1
  local id = rec.id or ("#" .. S.docs)
  if not isnull(g.title) then
    S.title.n = S.title.n + 1
    local want, got = norm_space(g.title), norm_space(doc.title)
    if want == got then S.title.ok = S.title.ok + 1 else note("title", id, want, got) end
  end
  if g.byline ~= nil then
    local want = isnull(g.byline) and {} or g.byline
    local got = doc.byline
    if #want == 0 then
      S.byline_invented.n = S.byline_invented.n + 1
      if #got > 0 then
        S.byline_invented.bad = S.byline_invented.bad + 1
        note("byline_invented", id, "none", table.concat(got, "; "))
      end
    else
      S.byline.n = S.byline.n + 1
      local same = #want == #got
      for i = 1, #want do
        if norm_space(want[i]) ~= norm_space(got[i]) then same = false end
      end
      if same then S.byline.ok = S.byline.ok + 1
      else note("byline", id, table.concat(want, "; "), table.concat(got, "; ")) end
    end
  end
  if not isnull(g.dateline) then
    local gd, dl = g.dateline, doc.dateline
    if not isnull(gd.location) then
      S.loc.n = S.loc.n + 1
      local want = lower(norm_space(gd.location))
      local ok = dl and (lower(norm_space(dl.location_text)) == want or
                         lower(norm_space(dl.location)) == want)
      if ok then S.loc.ok = S.loc.ok + 1
      else note("location", id, gd.location, dl and dl.location_text) end
    end
    if not isnull(gd.date) then
      S.date.n = S.date.n + 1
      local ok = dl and norm_space(dl.date_text) == norm_space(gd.date)
      if ok then S.date.ok = S.date.ok + 1 else note("date", id, gd.date, dl and dl.date_text) end
    end
    S.agency.n = S.agency.n + 1
    local want = not isnull(gd.agency) and lower(gd.agency) or nil
    local got = dl and dl.agency and lower(dl.agency) or nil
    -- "Reuter" is how 1987 Reuters copy signs: the agency is Reuters
    if want == "reuter" then want = "reuters" end
    if want == got then S.agency.ok = S.agency.ok + 1 else note("agency", id, want, got) end
  end
  if not isnull(g.body) then
    local f, p, r = f1_counts(words(doc.body), words(g.body))
    S.body.n = S.body.n + 1
    S.body.f1, S.body.p, S.body.r = S.body.f1 + f, S.body.p + p, S.body.r + r
    if f < 0.8 then note("body", id, string.format("F1 %.3f (P %.3f R %.3f)", f, p, r), "") end
    if type(rec.text) == "string" then -- the whole text as the body: a baseline
      local fw = f1_counts(words(rec.text), words(g.body))
      S.body_whole.f1, S.body_whole.n = S.body_whole.f1 + fw, S.body_whole.n + 1
    end
  end
end

-- ---- entities ---------------------------------------------------------------

local conll_of = {
  PERSON = "PER", ORG = "ORG", GPE = "LOC", LOC = "LOC",
  NORP = "MISC", EVENT = "MISC", PRODUCT = "MISC", WORK_OF_ART = "MISC",
  LAW = "MISC", LANGUAGE = "MISC", FAC = "MISC",
}
local E = { tp = {}, fp = {}, fn = {}, docs = 0, errors = {} }
for _, t in ipairs({ "PER", "ORG", "LOC", "MISC" }) do E.tp[t], E.fp[t], E.fn[t] = 0, 0, 0 end

local function score_entities(rec, doc)
  E.docs = E.docs + 1
  local gold = {}
  for _, e in ipairs(rec.entities) do gold[e.start .. ":" .. e["end"]] = e.type end
  local pred = {}
  for i, ty, s, e in doc.entities:spans() do
    local c = conll_of[ty]
    if c then
      local k = s .. ":" .. e
      -- the first (longest) mention at a span wins
      if not pred[k] then pred[k] = c end
    end
  end
  for k, t in pairs(pred) do
    if gold[k] == t then E.tp[t] = E.tp[t] + 1
    else
      E.fp[t] = E.fp[t] + 1
      if #E.errors < show * 4 then
        local s, e = k:match("(%d+):(%d+)")
        E.errors[#E.errors + 1] = string.format("  FP %s %q (gold %s)", t, rec.text:sub(s + 1, e), gold[k] or "-")
      end
    end
  end
  for k, t in pairs(gold) do
    if pred[k] ~= t then
      E.fn[t] = E.fn[t] + 1
      if #E.errors < show * 4 then
        local s, e = k:match("(%d+):(%d+)")
        E.errors[#E.errors + 1] = string.format("  FN %s %q (pred %s)", t, rec.text:sub(s + 1, e), pred[k] or "-")
      end
    end
  end
end

-- ---- entities with lede's own types (OntoNotes) ---------------------------------

local conll_types = { PER = true, ORG = true, LOC = true, MISC = true }
local O = { tp = {}, fp = {}, fn = {}, vok = {}, vn = {}, docs = 0, errors = {}, seen = {} }

local function onto_gold(rec)
  for _, e in ipairs(rec.entities) do
    if not conll_types[e.type] then return true end
  end
  return type(rec.types) == "table"
end

local function same_value(want, got)
  if type(want) == "table" then
    if type(got) ~= "table" then return false end
    for k, v in pairs(want) do
      local g = got[k]
      if type(v) == "number" then
        if type(g) ~= "number" or math.abs(g - v) > 1e-9 * math.max(1, math.abs(v)) then
          return false
        end
      elseif g ~= v then
        return false
      end
    end
    return true
  elseif type(want) == "number" then
    return type(got) == "number" and math.abs(got - want) <= 1e-9 * math.max(1, math.abs(want))
  end
  return want == got
end

local function show_value(v)
  if type(v) == "table" then
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys)
    for i, k in ipairs(keys) do keys[i] = k .. "=" .. tostring(v[k]) end
    return "{" .. table.concat(keys, " ") .. "}"
  end
  return tostring(v)
end

local function score_onto(rec, doc)
  O.docs = O.docs + 1
  local types = {}
  if type(rec.types) == "table" then
    for _, t in ipairs(rec.types) do types[t] = true end
  else
    for _, e in ipairs(rec.entities) do types[e.type] = true end
  end
  for t in pairs(types) do
    if not O.seen[t] then
      O.seen[t] = true
      O.tp[t], O.fp[t], O.fn[t], O.vok[t], O.vn[t] = 0, 0, 0, 0, 0
    end
  end
  local gold = {}
  for _, e in ipairs(rec.entities) do
    if types[e.type] then gold[e.start .. ":" .. e["end"]] = e end
  end
  local pred = {}
  for i = 1, #doc.entities do
    local e = doc.entities[i]
    if types[e.type] then
      local k = e.start .. ":" .. e["end"]
      if not pred[k] then pred[k] = e end
    end
  end
  local function err(kind, k, t, other)
    if #O.errors < show * 4 then
      local s, e = k:match("(%d+):(%d+)")
      O.errors[#O.errors + 1] = string.format("  %s %s %q (%s) [%s]", kind, t,
        rec.text:sub(s + 1, e), other, rec.id or O.docs)
    end
  end
  for k, e in pairs(pred) do
    local g = gold[k]
    if g and g.type == e.type then
      O.tp[e.type] = O.tp[e.type] + 1
      if not isnull(g.value) then
        O.vn[e.type] = O.vn[e.type] + 1
        if same_value(g.value, e.value) then O.vok[e.type] = O.vok[e.type] + 1
        else err("VALUE", k, e.type, "gold " .. show_value(g.value) .. ", lede " .. show_value(e.value)) end
      end
    else
      O.fp[e.type] = O.fp[e.type] + 1
      err("FP", k, e.type, "gold " .. (g and g.type or "-"))
    end
  end
  for k, g in pairs(gold) do
    local e = pred[k]
    if not (e and e.type == g.type) then
      O.fn[g.type] = O.fn[g.type] + 1
      err("FN", k, g.type, "lede " .. (e and e.type or "-"))
    end
  end
end

-- ---- quotations, roles, links ---------------------------------------------------

local Q = { docs = 0, tp = 0, fp = 0, fn = 0, sp_ok = 0, cue_ok = 0, cue_n = 0, attr = 0,
  r_tp = 0, r_fp = 0, r_fn = 0, l_tp = 0, l_fp = 0, l_fn = 0, m_n = 0, m_found = 0,
  errors = {} }

local function norm(v)
  if isnull(v) then return nil end
  return (v:lower():gsub("%s+", " "):gsub("^%s", ""):gsub("%s$", ""))
end

local function norm_role(v)
  v = norm(v)
  if not v then return nil end
  v = v:gsub("^an? ", ""):gsub("^the ", ""):gsub("[%s%.,;:]+$", "")
  return v
end

local function score_quotes(rec, doc)
  Q.docs = Q.docs + 1
  local id = rec.id or Q.docs
  local function err(kind, msg)
    if #Q.errors < show * 4 then Q.errors[#Q.errors + 1] = string.format("  %s %s [%s]", kind, msg, id) end
  end
  local text = rec.text
  local function sub(a, b) return (text:sub(a + 1, b):gsub("\n", " ")) end
  -- lede's entities by span, and the gold mentions
  local ent = {}
  for i = 1, #doc.entities do
    local e = doc.entities[i]
    ent[e.start .. ":" .. e["end"]] = e
  end
  local mentions = type(rec.mentions) == "table" and rec.mentions or {}
  -- the names that stand for a gold canonical: itself, its mentions' text,
  -- and the canonical lede gives those mentions
  local names = {}
  local lede_canon = {} -- gold mention index -> lede's canonical (lower case) or false
  for i, m in ipairs(mentions) do
    local c = norm(m.canonical)
    names[c] = names[c] or {}
    names[c][c] = true
    names[c][norm(sub(m.start, m["end"]))] = true
    local e = ent[m.start .. ":" .. m["end"]]
    lede_canon[i] = e and norm(e.canonical or e.text) or false
    if e then names[c][lede_canon[i]] = true end
  end
  -- quotations, keyed by their span without the punctuation at its end
  -- ("It is time to take it." and "It is time to take it" are one)
  local function qkey(q)
    local e = q["end"]
    while e > q.start and text:sub(e, e):match("[%s%.,;:!?]") do e = e - 1 end
    return q.start .. ":" .. e
  end
  local gold, pred = {}, {}
  for _, q in ipairs(type(rec.quotes) == "table" and rec.quotes or {}) do gold[qkey(q)] = q end
  for _, q in ipairs(doc.quotes or {}) do pred[qkey(q)] = q end
  for k, q in pairs(pred) do
    local g = gold[k]
    if not g then
      Q.fp = Q.fp + 1
      err("FP quote", string.format("%q (lede: %s)", sub(q.start, q["end"]), tostring(q.speaker)))
    else
      Q.tp = Q.tp + 1
      local gs, ls = norm(g.speaker), norm(q.speaker)
      local ok
      if gs == nil then ok = ls == nil else ok = ls ~= nil and names[gs] ~= nil and names[gs][ls] == true end
      if ok then
        Q.sp_ok = Q.sp_ok + 1
        Q.attr = Q.attr + 1
      else
        err("SPEAKER", string.format("%q gold %s, lede %s", sub(q.start, q["end"]), tostring(g.speaker),
          tostring(q.speaker)))
      end
      if not isnull(g.cue) then
        Q.cue_n = Q.cue_n + 1
        if norm(g.cue) == norm(q.cue) then Q.cue_ok = Q.cue_ok + 1
        else
          err("CUE", string.format("%q gold %s, lede %s", sub(q.start, q["end"]), tostring(g.cue),
            tostring(q.cue)))
        end
      end
    end
  end
  for k, g in pairs(gold) do
    if not pred[k] then
      Q.fn = Q.fn + 1
      err("FN quote", string.format("%q (gold: %s)", sub(g.start, g["end"]), tostring(g.speaker)))
    end
  end
  -- roles: lede's persons with a role, named by the gold mention at their span
  local grole, prole = {}, {}
  for _, r in ipairs(type(rec.roles) == "table" and rec.roles or {}) do
    local p = norm(r.person)
    if grole[p] == nil then grole[p] = norm_role(r.role) end
  end
  local by_span = {}
  for _, m in ipairs(mentions) do by_span[m.start .. ":" .. m["end"]] = norm(m.canonical) end
  for i = 1, #doc.entities do
    local e = doc.entities[i]
    if e.type == "PERSON" and not isnull(e.role) then
      local p = by_span[e.start .. ":" .. e["end"]] or norm(e.canonical or e.text)
      if prole[p] == nil then prole[p] = norm_role(e.role) end
    end
  end
  for p, r in pairs(prole) do
    if grole[p] == r then Q.r_tp = Q.r_tp + 1
    else
      Q.r_fp = Q.r_fp + 1
      err("ROLE", string.format("%s: lede %q, gold %s", p, r, grole[p] and ("%q"):format(grole[p]) or "-"))
    end
  end
  for p, r in pairs(grole) do
    if prole[p] ~= r then
      Q.r_fn = Q.r_fn + 1
      if prole[p] == nil then err("ROLE", string.format("%s: lede -, gold %q", p, r)) end
    end
  end
  -- links: pairs of gold mentions, one entity or two
  for i, m in ipairs(mentions) do
    Q.m_n = Q.m_n + 1
    if lede_canon[i] then Q.m_found = Q.m_found + 1 end
  end
  local missed = {}
  for i = 1, #mentions do
    for j = i + 1, #mentions do
      local gs = norm(mentions[i].canonical) == norm(mentions[j].canonical)
      local ps = lede_canon[i] and lede_canon[i] == lede_canon[j]
      if gs and ps then Q.l_tp = Q.l_tp + 1
      elseif ps then
        Q.l_fp = Q.l_fp + 1
        err("LINK+", string.format("%q and %q are one for lede (%s)", sub(mentions[i].start, mentions[i]["end"]),
          sub(mentions[j].start, mentions[j]["end"]), lede_canon[i]))
      elseif gs then
        Q.l_fn = Q.l_fn + 1
        local a, b = sub(mentions[i].start, mentions[i]["end"]), sub(mentions[j].start, mentions[j]["end"])
        local k = a .. "|" .. b
        if not missed[k] then
          missed[k] = true
          err("LINK-", string.format("%q and %q (%s); lede: %s, %s", a, b, mentions[i].canonical,
            tostring(lede_canon[i] or "-"), tostring(lede_canon[j] or "-")))
        end
      end
    end
  end
end

-- ---- main --------------------------------------------------------------------

local f = assert(io.open(path, "rb"))
local n, t0, bytes = 0, os.clock(), 0
for line in f:lines() do
  if n >= limit then break end
  if line:match("%S") then
    n = n + 1
    local rec = json.decode(line)
    -- a page as text, or as HTML (lede.parse reads either)
    local text = type(rec.text) == "string" and rec.text or rec.html
    if type(text) == "string" then
      bytes = bytes + #text
      local opts = type(rec.date) == "string" and { date = rec.date } or nil
      local doc = lede.parse(text, opts)
      if type(rec.gold) == "table" then score_structure(rec, doc) end
      if type(rec.entities) == "table" then
        if onto_gold(rec) then score_onto(rec, doc) else score_entities(rec, doc) end
      end
      if type(rec.quotes) == "table" then score_quotes(rec, doc) end
    end
  end
end
f:close()
local secs = os.clock() - t0

local function pct(a, b) return b > 0 and string.format("%.4f (%d/%d)", a / b, a, b) or "n/a" end
print(string.format("corpus %s: %d documents, %.1f KB, %.2f s", path, n, bytes / 1024, secs))
if S.docs > 0 then
  print("structure")
  if S.title.n > 0 then print("  title exact            " .. pct(S.title.ok, S.title.n)) end
  if S.byline.n > 0 then print("  byline exact           " .. pct(S.byline.ok, S.byline.n)) end
  if S.byline_invented.n > 0 then
    print("  byline invented        " .. pct(S.byline_invented.bad, S.byline_invented.n))
  end
  if S.loc.n > 0 then print("  dateline location      " .. pct(S.loc.ok, S.loc.n)) end
  if S.date.n > 0 then print("  dateline date          " .. pct(S.date.ok, S.date.n)) end
  if S.agency.n > 0 then print("  dateline agency        " .. pct(S.agency.ok, S.agency.n)) end
  if S.body.n > 0 then
    local whole = S.body_whole.n > 0
      and string.format("; whole page text %.4f", S.body_whole.f1 / S.body_whole.n) or ""
    print(string.format("  body token F1          %.4f (P %.4f R %.4f, %d documents%s)",
      S.body.f1 / S.body.n, S.body.p / S.body.n, S.body.r / S.body.n, S.body.n, whole))
  end
  if show > 0 then
    for kind, list in pairs(S.errors) do
      if not field_filter or field_filter == kind then
        print("errors: " .. kind .. " (" .. #list .. ")")
        for i = 1, math.min(show, #list) do print(list[i]) end
      end
    end
  end
end
if E.docs > 0 then
  print("entities (exact span, CoNLL types)")
  local TP, FP, FN = 0, 0, 0
  for _, t in ipairs({ "PER", "ORG", "LOC", "MISC" }) do
    local tp, fp, fn = E.tp[t], E.fp[t], E.fn[t]
    TP, FP, FN = TP + tp, FP + fp, FN + fn
    local p = tp + fp > 0 and tp / (tp + fp) or 0
    local r = tp + fn > 0 and tp / (tp + fn) or 0
    local f1 = p + r > 0 and 2 * p * r / (p + r) or 0
    print(string.format("  %-5s P %.4f R %.4f F1 %.4f  (tp %d fp %d fn %d)", t, p, r, f1, tp, fp, fn))
  end
  local p = TP + FP > 0 and TP / (TP + FP) or 0
  local r = TP + FN > 0 and TP / (TP + FN) or 0
  local f1 = p + r > 0 and 2 * p * r / (p + r) or 0
  print(string.format("  micro P %.4f R %.4f F1 %.4f", p, r, f1))
  for i = 1, #E.errors do print(E.errors[i]) end
end
if O.docs > 0 then
  print("entities (exact span, lede's types)")
  local order = {}
  for t in pairs(O.seen) do order[#order + 1] = t end
  table.sort(order)
  local TP, FP, FN = 0, 0, 0
  for _, t in ipairs(order) do
    local tp, fp, fn = O.tp[t], O.fp[t], O.fn[t]
    TP, FP, FN = TP + tp, FP + fp, FN + fn
    local p = tp + fp > 0 and tp / (tp + fp) or 0
    local r = tp + fn > 0 and tp / (tp + fn) or 0
    local f1 = p + r > 0 and 2 * p * r / (p + r) or 0
    local v = O.vn[t] > 0 and string.format("  values %d/%d", O.vok[t], O.vn[t]) or ""
    print(string.format("  %-11s P %.4f R %.4f F1 %.4f  (tp %d fp %d fn %d)%s", t, p, r, f1,
      tp, fp, fn, v))
  end
  local p = TP + FP > 0 and TP / (TP + FP) or 0
  local r = TP + FN > 0 and TP / (TP + FN) or 0
  local f1 = p + r > 0 and 2 * p * r / (p + r) or 0
  print(string.format("  micro       P %.4f R %.4f F1 %.4f", p, r, f1))
  table.sort(O.errors)
  for i = 1, #O.errors do print(O.errors[i]) end
end
if Q.docs > 0 then
  local function prf(tp, fp, fn)
    local p = tp + fp > 0 and tp / (tp + fp) or 0
    local r = tp + fn > 0 and tp / (tp + fn) or 0
    return p, r, p + r > 0 and 2 * p * r / (p + r) or 0
  end
  print("quotations (exact span)")
  local p, r, f1 = prf(Q.tp, Q.fp, Q.fn)
  print(string.format("  found        P %.4f R %.4f F1 %.4f  (tp %d fp %d fn %d)", p, r, f1, Q.tp, Q.fp, Q.fn))
  print("  speaker      " .. pct(Q.sp_ok, Q.tp) .. " of those found")
  print("  cue          " .. pct(Q.cue_ok, Q.cue_n) .. " of those found whose gold has one")
  p, r, f1 = prf(Q.attr, Q.tp + Q.fp - Q.attr, Q.tp + Q.fn - Q.attr)
  print(string.format("  attributed   P %.4f R %.4f F1 %.4f  (span and speaker right)", p, r, f1))
  p, r, f1 = prf(Q.r_tp, Q.r_fp, Q.r_fn)
  print(string.format("roles          P %.4f R %.4f F1 %.4f  (tp %d fp %d fn %d)", p, r, f1, Q.r_tp, Q.r_fp, Q.r_fn))
  p, r, f1 = prf(Q.l_tp, Q.l_fp, Q.l_fn)
  print(string.format("links          P %.4f R %.4f F1 %.4f  (mention pairs: tp %d fp %d fn %d)", p, r, f1,
    Q.l_tp, Q.l_fp, Q.l_fn))
  print("  mentions found at their span " .. pct(Q.m_found, Q.m_n))
  table.sort(Q.errors)
  for i = 1, #Q.errors do print(Q.errors[i]) end
end
