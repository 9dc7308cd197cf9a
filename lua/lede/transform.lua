--- Transformations of parsed documents: redact or pseudonymize entities,
-- drop or rewrite blocks, add fields, merge or split entities.
--
-- Transformations work on the plain-table form of a document (`doc:to_table()`,
-- the JSON shape) and its text, and return a new table and a new text with
-- every offset remapped: for every span of the result,
-- `text:sub(start + 1, end)` is its text again.
--
--     local T = require "lede.transform"
--     local t, text = T.redact(doc, { types = { "PERSON", "PHONE" }, style = "pseudonym", seed = 7 })
--     local d = T.document(t, text)      -- a document again (doc.entities:each(), doc:json() ...)
--
-- Each transformation takes `(doc, opts)` with a lede document, or
-- `(t, text, opts)` with the table form and its text, and returns `t, text`
-- (redact also returns the table of replacements it made). Rule packs list
-- them in `transforms = { { "redact", types = {...} }, function(t, text, ctx) ... end }`.
-- @module lede.transform
local lede = require "lede"

local T = {}

local null = lede.json.null
T.null = null

-- ---------------------------------------------------------------------------
-- helpers

local function deep_copy(v)
  if type(v) ~= "table" then return v end
  local c = {}
  for k, x in pairs(v) do
    if type(x) == "table" then c[k] = deep_copy(x) else c[k] = x end
  end
  return c
end
T.copy = deep_copy

local Document -- the metatable of transformed documents (below)

-- (doc, opts) or (t, text, opts) -> t (a copy), text, opts
local owned = false -- set while a pack's pipeline runs on its own table

local function args(name, a, b, c)
  if type(a) == "userdata" or (type(a) == "table" and getmetatable(a) == Document) then
    if b ~= nil and type(b) ~= "table" then
      error("lede.transform." .. name .. ": options must be a table, got " .. type(b), 3)
    end
    -- (to_table makes a copy of its own, for both kinds of document)
    return a:to_table(), a.text, b or {}
  end
  if type(a) ~= "table" or type(b) ~= "string" then
    error("lede.transform." .. name .. ": needs a document, or a table and its text", 3)
  end
  if c ~= nil and type(c) ~= "table" then
    error("lede.transform." .. name .. ": options must be a table, got " .. type(c), 3)
  end
  if owned then return a, b, c or {} end
  return deep_copy(a), b, c or {}
end

local function set_of(list, name, what)
  if list == nil then return nil end
  if type(list) == "string" then list = { list } end
  if type(list) ~= "table" then error(name .. ": '" .. what .. "' must be a list of names", 0) end
  local s = {}
  for k, v in pairs(list) do
    if type(k) == "number" then s[v] = true else s[k] = v and true or nil end
  end
  return s
end

local function val(v)
  if v == null then return nil end
  return v
end

local function is_word_byte(b)
  return b and (b >= 128 or (b >= 48 and b <= 57) or (b >= 65 and b <= 90) or (b >= 97 and b <= 122))
end

-- ---------------------------------------------------------------------------
-- the edit engine

--- Applies replacements to the text and remaps the table.
-- `edits`: list of `{ start, end, text [, refind = true] }` (0-based, end
-- exclusive); overlapping edits after the first are ignored. A span that
-- starts or ends inside a replaced region is stretched to the replacement;
-- a span left empty is dropped. With `refind`, spans lying wholly inside the
-- region (entities of a rewritten paragraph) are found again by their text
-- in the replacement, in order, or dropped.
-- `subst`: a table old string -> new string applied to the strings that
-- have no offsets (canonical names, speakers, credits, byline names).
-- @return t, text
function T.edit(t, text, edits, subst)
  table.sort(edits, function(a, b)
    if a[1] ~= b[1] then return a[1] < b[1] end
    return a[2] < b[2]
  end)
  local E, last = {}, -1
  for _, e in ipairs(edits) do
    local s, en = e[1], e[2]
    if type(s) ~= "number" or type(en) ~= "number" or s < 0 or en < s or en > #text then
      error("lede.transform.edit: bad edit [" .. tostring(s) .. ", " .. tostring(en) .. ")", 2)
    end
    if s >= last then
      E[#E + 1] = e
      last = en
    end
  end
  if #E == 0 and not (subst and next(subst)) then return t, text end
  -- new text and the new positions of each edit
  local parts, pos, delta = {}, 0, 0
  local NS, NE, CUM = {}, {}, {}
  for i, e in ipairs(E) do
    parts[#parts + 1] = text:sub(pos + 1, e[1])
    NS[i] = e[1] + delta
    local rep = e[3] or ""
    parts[#parts + 1] = rep
    NE[i] = NS[i] + #rep
    delta = delta + #rep - (e[2] - e[1])
    CUM[i] = delta
    pos = e[2]
  end
  parts[#parts + 1] = text:sub(pos + 1)
  local new = table.concat(parts)
  local n = #E
  -- largest k with E[k].end <= p (strict: < p), 0 if none
  local ENDS = {}
  for i = 1, n do ENDS[i] = E[i][2] end
  local function last_end(p, strict)
    local lo, hi, k = 1, n, 0
    while lo <= hi do
      local mid = lo + hi
      mid = (mid - mid % 2) / 2 -- (no // in Lua 5.1)
      local e = ENDS[mid]
      if e < p or (not strict and e == p) then
        k = mid
        lo = mid + 1
      else
        hi = mid - 1
      end
    end
    return k
  end
  -- p moved by the edits that end at or before it (k of them)
  local function shift(p, k)
    return p + (k > 0 and CUM[k] or 0)
  end
  -- a span starting inside a replaced region starts with the replacement
  local function map_start(p)
    local k = last_end(p, false)
    local j = k + 1
    local nx = E[j]
    if nx and nx[1] <= p and p < nx[2] then return NS[j], j end
    return shift(p, k), nil
  end
  -- a span ending inside a replaced region ends with the replacement
  local function map_end(p)
    local j = last_end(p, true) + 1
    local nx = E[j]
    if nx and nx[1] < p and p <= nx[2] then return NE[j], j end
    -- the edits that end at p move it too (an insertion at p)
    local k = j - 1
    while k < n and ENDS[k + 1] == p do k = k + 1 end
    return shift(p, k), nil
  end
  local cursors = {}
  -- maps {start, end} -> new start, end or nil when gone
  local function map_span(s, e, item_text)
    if s == nil or e == nil then return nil end
    -- most spans lie between two edits: both ends move by the same amount
    local k = last_end(s, false)
    local nx = E[k + 1]
    if not nx or e < nx[1] then
      if e <= s then return nil end
      local d = k > 0 and CUM[k] or 0
      return s + d, e + d
    end
    local ns, ks = map_start(s)
    local ne, ke = map_end(e)
    if ks and ke and ks == ke and E[ks].refind and not (s == E[ks][1] and e == E[ks][2]) then
      -- wholly inside a rewritten region: find the text again
      if not item_text or item_text == "" then return nil end
      local from = cursors[ks] or NS[ks]
      local a, b = new:find(item_text, from + 1, true)
      if not a or b > NE[ks] then return nil end
      cursors[ks] = b
      return a - 1, b
    end
    if ne <= ns then return nil end
    return ns, ne
  end
  local function sub(s) return new:sub(s[1] + 1, s[2]) end
  -- strings without offsets
  local keys
  if subst and next(subst) then
    keys = {}
    for k in pairs(subst) do if type(k) == "string" and k ~= "" then keys[#keys + 1] = k end end
    table.sort(keys, function(a, b) return #a > #b end)
  end
  local function replace_strings_of(s)
    local hits = {}
    for _, k in ipairs(keys) do
      local from = 1
      while true do
        local a, b = s:find(k, from, true)
        if not a then break end
        if not is_word_byte(s:byte(a - 1)) and not is_word_byte(s:byte(b + 1)) then
          local free = true
          for _, h in ipairs(hits) do
            if a <= h[2] and b >= h[1] then free = false break end
          end
          if free then hits[#hits + 1] = { a, b, subst[k] } end
        end
        from = b + 1
      end
    end
    if #hits == 0 then return s end
    table.sort(hits, function(x, y) return x[1] < y[1] end)
    local out, pos = {}, 1
    for _, h in ipairs(hits) do
      out[#out + 1] = s:sub(pos, h[1] - 1)
      out[#out + 1] = h[3]
      pos = h[2] + 1
    end
    out[#out + 1] = s:sub(pos)
    return table.concat(out)
  end
  local memo = {} -- the same names come back in every mention
  local function replace_strings(s)
    if type(s) ~= "string" or not keys then return s end
    local m = memo[s]
    if m then return m end
    m = replace_strings_of(s)
    memo[s] = m
    return m
  end

  local function remap_list(list, strfields)
    if type(list) ~= "table" then return list end
    local out = {}
    for _, item in ipairs(list) do
      local ns, ne = map_span(item.start, item["end"], item.text)
      if ns then
        local c = item
        c.start, c["end"] = ns, ne
        if c.text ~= nil then c.text = new:sub(ns + 1, ne) end
        if strfields then
          for _, f in ipairs(strfields) do
            if c[f] ~= nil then c[f] = replace_strings(val(c[f])) end
          end
        end
        out[#out + 1] = c
      end
    end
    return out
  end

  local old_text = text
  local off = t.offsets
  if type(off) == "table" then
    for _, k in ipairs({ "title", "section", "published", "byline", "lead" }) do
      local pr = val(off[k])
      if type(pr) == "table" and pr[1] then
        local old_s = old_text:sub(pr[1] + 1, pr[2])
        local ns, ne = map_span(pr[1], pr[2], old_s)
        if ns then
          off[k] = { ns, ne }
          if (k == "title" or k == "section" or k == "lead") and val(t[k]) == old_s then
            t[k] = sub(off[k])
          elseif k == "title" or k == "section" or k == "lead" then
            t[k] = replace_strings(val(t[k]))
          end
        else
          off[k] = nil
          if k == "title" or k == "section" or k == "lead" then t[k] = nil end
        end
      end
    end
    if type(off.authors) == "table" then
      local authors, byline = {}, {}
      local old_byline = type(t.byline) == "table" and t.byline or {}
      for i, pr in ipairs(off.authors) do
        local old_s = old_text:sub(pr[1] + 1, pr[2])
        local ns, ne = map_span(pr[1], pr[2], old_s)
        if ns then
          authors[#authors + 1] = { ns, ne }
          local name = old_byline[i]
          if name == old_s then name = new:sub(ns + 1, ne) else name = replace_strings(name) end
          byline[#byline + 1] = name
        end
      end
      for i = #off.authors + 1, #old_byline do byline[#byline + 1] = replace_strings(old_byline[i]) end
      off.authors = authors
      t.byline = byline
    elseif type(t.byline) == "table" then
      for i, name in ipairs(t.byline) do t.byline[i] = replace_strings(name) end
    end
  end
  local dl = val(t.dateline)
  if type(dl) == "table" then
    local ns, ne = map_span(dl.start, dl["end"], dl.text)
    if ns then
      dl.start, dl["end"], dl.text = ns, ne, new:sub(ns + 1, ne)
      for _, f in ipairs({ "location", "location_text", "agency" }) do dl[f] = replace_strings(val(dl[f])) end
    else
      t.dateline = nil
    end
  end
  t.paragraphs = remap_list(t.paragraphs)
  t.captions = remap_list(t.captions, { "credit", "restrictions" })
  t.quotes = remap_list(t.quotes, { "speaker" })
  t.boilerplate = remap_list(t.boilerplate)
  t.entities = remap_list(t.entities, { "canonical", "role" })
  if type(t.entities) == "table" then
    for i, e in ipairs(t.entities) do e.index = i end
  end
  if type(t.paragraphs) == "table" then
    local texts = {}
    for i, p in ipairs(t.paragraphs) do texts[i] = p.text end
    t.body = table.concat(texts, "\n\n")
  end
  return t, new
end

-- ---------------------------------------------------------------------------
-- pseudonyms

-- A deterministic hash of a string (portable: no bit operations).
local function hash(s)
  local h = 5381
  for i = 1, #s do h = (h * 33 + s:byte(i)) % 4294967296 end
  return h
end

local function rng(seed_string)
  local x = hash(seed_string) % 2147483648
  return function(n)
    x = (x * 1103515245 + 12345) % 2147483648
    return math.floor(x / 65536) % n + 1
  end
end
T.rng = rng

-- Invented name parts (no real list): pseudonyms are built from them.
T.given_names = {
  "Ardo", "Belin", "Caro", "Dessa", "Elvan", "Fira", "Garen", "Hollis", "Ines", "Joran",
  "Kasimo", "Lenna", "Marit", "Noval", "Orla", "Perrin", "Quill", "Rosan", "Sefa", "Tamsin",
  "Ulla", "Varo", "Wenna", "Yorrin", "Zelie", "Anvel", "Brisa", "Corin", "Delmar", "Eska",
  "Fenwick", "Gisla", "Harlan", "Ilse", "Jessamy", "Kellan", "Liora", "Maddox", "Nerys", "Oskan",
}
T.family_names = {
  "Abernath", "Brightwell", "Castellane", "Dunmore", "Ellingham", "Farrowby", "Greaves",
  "Halloran", "Ivesdale", "Jarrow", "Kestrel", "Lindqvall", "Morrow", "Northcote", "Oakhurst",
  "Pellham", "Quarrington", "Rooksby", "Stellan", "Thornbury", "Underhill", "Valcourt",
  "Whitlock", "Yarrowby", "Zellner", "Ashgrove", "Blackwood", "Colbrook", "Drummond", "Everly",
}
T.place_names = {
  "Arnholt", "Brenmoor", "Calvasse", "Dunmere", "Estravel", "Fallowmere", "Glenhaven",
  "Harrowgate", "Ilvermoor", "Juniper Bay", "Kesterton", "Lowmarsh", "Marrowby", "Northwick",
}

local function digits_of(s) return (s:gsub("%D", "")) end

-- `words` words: given names, then a family name; none twice, none that
-- `avoid` holds (the words of the document's own names)
local function person_pseudonym(words, rand, avoid)
  local out, have = {}, {}
  for i = 1, words do
    local pool = i < words and T.given_names or T.family_names
    local w
    for _ = 1, 50 do
      w = pool[rand(#pool)]
      if not have[w] and not avoid[w] then break end
    end
    out[i] = w
    have[w] = true
  end
  return out
end

local function split_words(s)
  local w = {}
  for x in s:gmatch("%S+") do w[#w + 1] = x end
  return w
end

-- ---------------------------------------------------------------------------
-- redact

local styles = { pseudonym = true, mask = true, type = true }

local function check_redact(o, name)
  name = name or "redact"
  for k in pairs(o) do
    if k ~= 1 and not ({ types = 1, style = 1, seed = 1, mask = 1, generators = 1, all_occurrences = 1, label = 1 })[k] then
      error(name .. ": unknown option '" .. tostring(k) .. "' (types, style, seed, mask, generators, all_occurrences, label)", 0)
    end
  end
  if o.style ~= nil and not styles[o.style] then
    error(name .. ": 'style' must be pseudonym, mask or type, got '" .. tostring(o.style) .. "'", 0)
  end
  set_of(o.types, name, "types")
  if o.seed ~= nil and type(o.seed) ~= "number" and type(o.seed) ~= "string" then
    error(name .. ": 'seed' must be a number or a string", 0)
  end
  if o.mask ~= nil and (type(o.mask) ~= "string" or o.mask == "") then error(name .. ": 'mask' must be a non-empty string", 0) end
  if o.generators ~= nil and type(o.generators) ~= "table" then error(name .. ": 'generators' must be a table of functions by type", 0) end
  if o.label ~= nil and type(o.label) ~= "string" then error(name .. ": 'label' must be a format string like \"[%s-%d]\"", 0) end
end

--- Redacts the entities of some types, consistently per canonical entity.
-- Options: `types` (default PERSON), `style` ("pseudonym" default: invented
-- names for PERSON, the same digits scrambled for numbers such as phones,
-- "TYPE-n" otherwise; "mask": letters and digits become `mask`, default
-- "█"; "type": "[PERSON-1]"), `seed` (pseudonyms are a function of the seed
-- and the entity: the same person gets the same pseudonym in every
-- document), `generators` (`{ TYPE = function(canonical, n, rand) -> string }`),
-- `all_occurrences` (default true: the names found are replaced wherever
-- else they are printed, outside entities too), `label` (format of the
-- "type" style, default "[%s-%d]").
-- Returns `t, text, replacements` (canonical -> replacement).
function T.redact(a, b, c)
  local t, text, o = args("redact", a, b, c)
  check_redact(o, "lede.transform.redact")
  local types = set_of(o.types, "redact", "types") or { PERSON = true }
  local style = o.style or "pseudonym"
  local seed = tostring(o.seed or 0)
  local mask = o.mask or "\226\150\136"
  local gens = o.generators or {}
  local label = o.label or "[%s-%d]"
  local by_key, keys_n, used = {}, {}, {}
  -- words a pseudonym must not use: those of the document's own names
  local avoid = {}
  for _, e in ipairs(t.entities or {}) do
    local canonical = val(e.canonical)
    if canonical and canonical ~= e.text then
      for w in tostring(canonical):gmatch("[^%s]+") do avoid[w] = true end
    end
    for w in e.text:gmatch("[^%s]+") do avoid[w] = true end
  end
  for _, n in ipairs(type(t.byline) == "table" and t.byline or {}) do
    for w in n:gmatch("[^%s]+") do avoid[w] = true end
  end
  local subst = {}
  local edits = {}
  local function key_of(e)
    local k = val(e.canonical) or e.text
    if e.type ~= "PERSON" and k:find("%d") and not k:find("%a") then k = digits_of(k) end
    return e.type .. "\0" .. k
  end
  local function replacement_for(e)
    local key = key_of(e)
    local r = by_key[key]
    if not r then
      keys_n[e.type] = (keys_n[e.type] or 0) + 1
      local n = keys_n[e.type]
      local canonical = val(e.canonical) or e.text
      r = { type = e.type, canonical = canonical, n = n }
      if style == "pseudonym" then
        local rand = rng(seed .. "\0" .. key)
        local g = gens[e.type]
        if g then
          r.full = g(canonical, n, rand)
          if type(r.full) ~= "string" then error("redact: generator for " .. e.type .. " returned a " .. type(r.full), 0) end
        elseif e.type == "PERSON" then
          local cw = split_words(canonical)
          local pw
          for _ = 1, 20 do
            pw = person_pseudonym(math.max(#cw, 1), rand, avoid)
            if not used[table.concat(pw, " ")] then break end
          end
          r.words, r.cwords = pw, cw
          r.full = table.concat(pw, " ")
        elseif canonical:find("%d") then
          r.digits = {}
          for i = 1, 64 do r.digits[i] = tostring(rand(10) - 1) end
          local i = 0
          r.full = canonical:gsub("%d", function() i = i + 1; return r.digits[(i - 1) % 64 + 1] end)
        elseif canonical:find("@") then
          r.full = "user" .. n .. "@example.org"
        elseif e.type == "GPE" or e.type == "LOC" then
          r.full = T.place_names[rand(#T.place_names)]
        else
          r.full = e.type .. "-" .. n
        end
        used[r.full] = true
      elseif style == "type" then
        r.full = string.format(label, e.type, n)
      end
      by_key[key] = r
    end
    return r
  end
  local function mention_text(r, s)
    if style == "mask" then
      return (s:gsub("[%w\192-\255][\128-\191]*", mask))
    end
    if style == "type" then return r.full end
    if r.words then
      -- a mention made of words of the canonical name: the same words of the pseudonym
      if s == r.canonical then return r.full end
      local out = {}
      for _, w in ipairs(split_words(s)) do
        local found
        for i, cw in ipairs(r.cwords) do
          if cw == w then found = r.words[i] break end
        end
        if not found then return r.full end
        out[#out + 1] = found
      end
      return table.concat(out, " ")
    end
    if r.digits then
      local i = 0
      return (s:gsub("%d", function() i = i + 1; return r.digits[(i - 1) % 64 + 1] end))
    end
    return r.full
  end
  local mentions = {}
  for _, e in ipairs(t.entities or {}) do
    if types[e.type] then
      local r = replacement_for(e)
      local rep = mention_text(r, e.text)
      edits[#edits + 1] = { e.start, e["end"], rep }
      mentions[e.text] = rep
      if r.canonical then subst[r.canonical] = subst[r.canonical] or mention_text(r, r.canonical) end
    end
  end
  for k, v in pairs(mentions) do subst[k] = subst[k] or v end
  if o.all_occurrences ~= false then
    -- the same names printed where no entity was found (a missed mention
    -- would leak the name)
    local covered = {}
    for _, e in ipairs(edits) do covered[#covered + 1] = e end
    local function free(s, e)
      for _, x in ipairs(covered) do
        if s < x[2] and e > x[1] then return false end
      end
      return true
    end
    local names = {}
    for k in pairs(subst) do if #k >= 3 then names[#names + 1] = k end end
    table.sort(names, function(x, y) return #x > #y end)
    for _, name in ipairs(names) do
      local from = 1
      while true do
        local s, e = text:find(name, from, true)
        if not s then break end
        if not is_word_byte(text:byte(s - 1)) and not is_word_byte(text:byte(e + 1)) and free(s - 1, e) then
          local ed = { s - 1, e, subst[name] }
          edits[#edits + 1] = ed
          covered[#covered + 1] = ed
        end
        from = e + 1
      end
    end
  end
  local report = {}
  for _, r in pairs(by_key) do
    report[r.canonical] = style == "mask" and mention_text(r, r.canonical) or r.full
  end
  local nt, ntext = T.edit(t, text, edits, subst)
  return nt, ntext, report
end

local function sort_entities(list)
  table.sort(list, function(x, y)
    if x.start ~= y.start then return x.start < y.start end
    return x["end"] > y["end"]
  end)
  for i, e in ipairs(list) do e.index = i end
end

local function next_cluster(list)
  local m = -1
  for _, e in ipairs(list) do
    if type(e.cluster) == "number" and e.cluster > m then m = e.cluster end
  end
  return m + 1
end

-- ---------------------------------------------------------------------------
-- blocks

local block_lists = { paragraphs = "paragraph", captions = "caption", boilerplate = "boilerplate" }

local function each_block(t, fn)
  for list, field in pairs(block_lists) do
    for _, b in ipairs(t[list] or {}) do fn(b, field) end
  end
end

local function check_drop(o, name)
  name = name or "drop_blocks"
  for k in pairs(o) do
    if k ~= 1 and k ~= "kinds" and k ~= "captions" and k ~= "match" then
      error(name .. ": unknown option '" .. tostring(k) .. "' (kinds, captions, match)", 0)
    end
  end
  set_of(o.kinds, name, "kinds")
  if o.match ~= nil and type(o.match) ~= "function" then error(name .. ": 'match' must be a function(block, field)", 0) end
  if o.captions ~= nil and type(o.captions) ~= "boolean" then error(name .. ": 'captions' must be true or false", 0) end
end

--- Drops blocks from the text and the table: `kinds` (boilerplate kinds:
-- "share", "ad", ...), `captions = true`, or `match = function(block,
-- field) -> true to drop` (field: "paragraph", "caption", "boilerplate").
-- The blank lines after a dropped block go with it.
function T.drop_blocks(a, b, c)
  if type(b) == "function" then b = { match = b } end
  local t, text, o = args("drop_blocks", a, b, c)
  check_drop(o, "lede.transform.drop_blocks")
  local kinds = set_of(o.kinds, "drop_blocks", "kinds") or {}
  local edits = {}
  each_block(t, function(blk, field)
    local drop = (field == "boilerplate" and kinds[blk.kind]) or (field == "caption" and o.captions)
    if not drop and o.match then drop = o.match(blk, field) end
    if drop then
      local e = blk["end"]
      while e < #text and text:sub(e + 1, e + 1):match("%s") do e = e + 1 end
      edits[#edits + 1] = { blk.start, e, "" }
    end
  end)
  return T.edit(t, text, edits)
end

--- Rewrites blocks: `fn(block, field)` returns a new text, nil to keep the
-- block, or false to drop it. Entities inside a rewritten block keep their
-- place when their text is still there.
function T.rewrite_blocks(a, b, c)
  local t, text, o
  if type(b) == "function" then
    t, text, o = args("rewrite_blocks", a, { fn = b })
  elseif type(c) == "function" then
    t, text, o = args("rewrite_blocks", a, b, { fn = c })
  else
    t, text, o = args("rewrite_blocks", a, b, c)
  end
  if type(o.fn) ~= "function" then error("lede.transform.rewrite_blocks: needs a function(block, field)", 2) end
  local edits = {}
  each_block(t, function(blk, field)
    local r = o.fn(blk, field)
    if r == false then
      local e = blk["end"]
      while e < #text and text:sub(e + 1, e + 1):match("%s") do e = e + 1 end
      edits[#edits + 1] = { blk.start, e, "" }
    elseif type(r) == "string" then
      if r ~= blk.text then edits[#edits + 1] = { blk.start, blk["end"], r, refind = true } end
    elseif r ~= nil then
      error("lede.transform.rewrite_blocks: the function returned a " .. type(r) .. " (a string, nil or false)", 0)
    end
  end)
  return T.edit(t, text, edits)
end

--- Relabels blocks as boilerplate: `match(block, field)` returns a kind
-- ("credit", "metadata", "other"...) for a paragraph or caption that is not
-- part of the story, or nil to leave it. The text does not change; the
-- block moves to `boilerplate` with that kind (nothing is dropped) and the
-- body and lead follow.
function T.relabel_blocks(a, b, c)
  if type(b) == "function" then b = { match = b } end
  local t, text, o = args("relabel_blocks", a, b, c)
  if type(o.match) ~= "function" then error("lede.transform.relabel_blocks: needs match = function(block, field)", 2) end
  local moved = {}
  for _, list in ipairs({ "paragraphs", "captions" }) do
    local keep = {}
    for _, blk in ipairs(t[list] or {}) do
      local kind = o.match(blk, list == "paragraphs" and "paragraph" or "caption")
      if kind then
        if type(kind) ~= "string" then kind = "other" end
        moved[#moved + 1] = { text = blk.text, kind = kind, start = blk.start, ["end"] = blk["end"] }
      else
        keep[#keep + 1] = blk
      end
    end
    t[list] = keep
  end
  if #moved == 0 then return t, text end
  t.boilerplate = t.boilerplate or {}
  for _, m in ipairs(moved) do t.boilerplate[#t.boilerplate + 1] = m end
  table.sort(t.boilerplate, function(x, y) return x.start < y.start end)
  -- entities of moved blocks go with them
  local out = {}
  for _, e in ipairs(t.entities or {}) do
    local inside = false
    for _, m in ipairs(moved) do
      if e.start >= m.start and e["end"] <= m["end"] then inside = true end
    end
    if not inside then out[#out + 1] = e end
  end
  t.entities = out
  sort_entities(out)
  local texts = {}
  for i, p in ipairs(t.paragraphs or {}) do texts[i] = p.text end
  t.body = table.concat(texts, "\n\n")
  local lead = t.paragraphs and t.paragraphs[1]
  if type(t.lead) == "string" and lead == nil then
    t.lead = nil
    if type(t.offsets) == "table" then t.offsets.lead = nil end
  end
  return t, text
end

--- Adds a field: `t[name] = fn(t, text)`.
function T.add_field(a, b, c, d)
  local t, text, name, fn
  if type(a) == "table" and getmetatable(a) == nil and type(b) == "string" and type(c) ~= "function" then
    t, text = deep_copy(a), b
    if type(c) == "table" then name, fn = c.name, c.fn else name, fn = c, d end
  else
    t, text = args("add_field", a, {})
    if type(b) == "table" then name, fn = b.name, b.fn else name, fn = b, c end
  end
  if type(name) ~= "string" or type(fn) ~= "function" then
    error("lede.transform.add_field: needs a name and a function(t, text)", 2)
  end
  t[name] = fn(t, text)
  return t, text
end

-- ---------------------------------------------------------------------------
-- entities

--- Merges neighbouring entities: `types` (of both, default any), `gap`
-- (a Lua pattern the text between must match, default "^%s*$"),
-- `into` (the type of the result, default the first's), `when`
-- (function(a, b, between) -> bool), `rule` (provenance, default "merge").
-- The merged entity keeps the first one's value and takes the whole text
-- as its canonical name.
function T.merge_entities(a, b, c)
  local t, text, o = args("merge_entities", a, b, c)
  local types = set_of(o.types, "merge_entities", "types")
  local gap = o.gap or "^%s*$"
  local out = {}
  local cl = next_cluster(t.entities or {})
  for _, e in ipairs(t.entities or {}) do
    local prev = out[#out]
    local ok = prev and e.start >= prev["end"] and (not types or (types[prev.type] and types[e.type]))
    local between = ok and text:sub(prev["end"] + 1, e.start) or nil
    if ok and between:match(gap) and (not o.when or o.when(prev, e, between)) then
      prev["end"] = e["end"]
      prev.text = text:sub(prev.start + 1, prev["end"])
      prev.type = o.into or prev.type
      prev.canonical = prev.text
      prev.rule = o.rule or "merge"
      prev.id = nil
      if not prev.merged then
        prev.merged = true
        prev.cluster = cl
        cl = cl + 1
      end
    else
      out[#out + 1] = e
    end
  end
  for _, e in ipairs(out) do e.merged = nil end
  t.entities = out
  sort_entities(out)
  return t, text
end

--- Splits entities: `types`, and `by` (a plain separator such as " and "),
-- `pattern` (a Lua pattern of separators) or `fn(e, text)` returning a
-- list of `{start, end}` spans (absolute offsets) or of substrings of the
-- entity's text. The parts keep the entity's type unless `into` is given.
function T.split_entity(a, b, c)
  local t, text, o = args("split_entity", a, b, c)
  local types = set_of(o.types, "split_entity", "types")
  local out = {}
  local cl = next_cluster(t.entities or {})
  for _, e in ipairs(t.entities or {}) do
    if types and not types[e.type] then
      out[#out + 1] = e
    else
      local spans = {}
      if o.fn then
        local parts = o.fn(e, text) or {}
        local from = e.start
        for _, p in ipairs(parts) do
          if type(p) == "string" then
            local s, en = text:find(p, from + 1, true)
            if s and en <= e["end"] then
              spans[#spans + 1] = { s - 1, en }
              from = en
            end
          elseif type(p) == "table" then
            spans[#spans + 1] = { p[1], p[2] }
          end
        end
      else
        local sep = o.pattern or o.by
        if not sep then error("lede.transform.split_entity: needs 'by', 'pattern' or 'fn'", 2) end
        local plain = o.pattern == nil
        local s = e.text
        local pos = 1
        while true do
          local a2, b2 = s:find(sep, pos, plain)
          if not a2 or b2 < a2 then break end
          spans[#spans + 1] = { e.start + pos - 1, e.start + a2 - 1 }
          pos = b2 + 1
        end
        spans[#spans + 1] = { e.start + pos - 1, e["end"] }
      end
      local made = 0
      for _, sp in ipairs(spans) do
        -- trim white space
        local s2, e2 = sp[1], sp[2]
        while s2 < e2 and text:sub(s2 + 1, s2 + 1):match("%s") do s2 = s2 + 1 end
        while e2 > s2 and text:sub(e2, e2):match("%s") do e2 = e2 - 1 end
        if e2 > s2 and s2 >= e.start and e2 <= e["end"] then
          local p = deep_copy(e)
          p.start, p["end"] = s2, e2
          p.text = text:sub(s2 + 1, e2)
          p.type = o.into or e.type
          p.canonical = p.text
          p.rule = o.rule or "split"
          if #spans > 1 then
            p.cluster = cl
            cl = cl + 1
          end
          out[#out + 1] = p
          made = made + 1
        end
      end
      if made == 0 then out[#out + 1] = e end
    end
  end
  t.entities = out
  sort_entities(out)
  return t, text
end

--- Keeps the entities for which `when(e, t, text)` is true (of `types`, if
-- given; the others stay).
function T.filter_entities(a, b, c)
  if type(b) == "function" then b = { when = b } end
  local t, text, o = args("filter_entities", a, b, c)
  local types = set_of(o.types, "filter_entities", "types")
  if type(o.when) ~= "function" then error("lede.transform.filter_entities: needs a function 'when'", 2) end
  local out = {}
  for _, e in ipairs(t.entities or {}) do
    if (types and not types[e.type]) or o.when(e, t, text) then out[#out + 1] = e end
  end
  t.entities = out
  sort_entities(out)
  return t, text
end

-- ---------------------------------------------------------------------------
-- transforms in rule packs

local registry = {
  redact = { fn = T.redact, check = function(o) check_redact(o) end },
  drop_blocks = { fn = T.drop_blocks, check = function(o) check_drop(o) end },
  rewrite_blocks = {
    fn = T.rewrite_blocks,
    check = function(o)
      if type(o.fn) ~= "function" then error("rewrite_blocks: needs fn = function(block, field)", 0) end
    end,
  },
  add_field = {
    fn = function(t, text, o) return T.add_field(t, text, o.name, o.fn) end,
    check = function(o)
      if type(o.name) ~= "string" or type(o.fn) ~= "function" then
        error("add_field: needs name = \"...\" and fn = function(t, text)", 0)
      end
    end,
  },
  merge_entities = { fn = T.merge_entities, check = function(o)
    if o.gap ~= nil and type(o.gap) ~= "string" then error("merge_entities: 'gap' must be a Lua pattern", 0) end
    if o.when ~= nil and type(o.when) ~= "function" then error("merge_entities: 'when' must be a function", 0) end
    set_of(o.types, "merge_entities", "types")
  end },
  split_entity = { fn = T.split_entity, check = function(o)
    if o.by == nil and o.pattern == nil and o.fn == nil then error("split_entity: needs 'by', 'pattern' or 'fn'", 0) end
    set_of(o.types, "split_entity", "types")
  end },
  relabel_blocks = { fn = T.relabel_blocks, check = function(o)
    if type(o.match) ~= "function" then error("relabel_blocks: needs match = function(block, field)", 0) end
  end },
  filter_entities = { fn = T.filter_entities, check = function(o)
    if type(o.when) ~= "function" then error("filter_entities: needs when = function(e, t, text)", 0) end
  end },
}
T.registry = registry

--- Checks a transform of a rule pack: `{ "name", options... }` or a
-- function(t, text, ctx) -> t, text.
function T.check(spec)
  if type(spec) == "function" then return true end
  if type(spec) ~= "table" then error("a transform is { \"name\", options... } or a function, got " .. type(spec), 0) end
  local name = spec[1]
  local r = registry[name]
  if not r then
    local names = {}
    for k in pairs(registry) do names[#names + 1] = k end
    table.sort(names)
    error("unknown transform '" .. tostring(name) .. "' (" .. table.concat(names, ", ") .. ")", 0)
  end
  r.check(spec)
  return true
end

--- Whether a transform of a pack has nothing to do on a document (a
-- cheap test on the C document: no entity of the types it works on).
function T.idle(spec, doc)
  if type(spec) ~= "table" or type(doc) ~= "userdata" then return false end
  local name = spec[1]
  local types = spec.types
  if name == "redact" then types = types or { "PERSON" } end
  if types == nil then return false end
  if type(types) == "string" then types = { types } end
  local ok, n = pcall(doc.entities.count, doc.entities, types)
  if not ok then return false end -- a type the document does not know: none
  if name == "merge_entities" then return n < 2 end
  if name == "redact" or name == "split_entity" or name == "filter_entities" then return n == 0 end
  return false
end

--- Applies a list of transforms (as in a pack) to `t, text`; the table is
-- changed in place (pass a copy to keep it).
function T.apply(list, t, text, ctx)
  for i, spec in ipairs(list) do
    local nt, ntext
    if type(spec) == "function" then
      nt, ntext = spec(t, text, ctx or {})
      if nt == nil then nt, ntext = t, text end
    else
      local o = {}
      for k, v in pairs(spec) do if k ~= 1 then o[k] = v end end
      local prev = owned
      owned = true
      local ok, a, b = pcall(registry[spec[1]].fn, t, text, o)
      owned = prev
      if not ok then error(a, 0) end
      nt, ntext = a, b
    end
    if type(nt) ~= "table" or type(ntext) ~= "string" then
      error("lede: transform " .. i .. (ctx and ctx.pack and (" of pack '" .. ctx.pack .. "'") or "") ..
        " must return a table and a text", 0)
    end
    t, text = nt, ntext
  end
  return t, text
end

-- ---------------------------------------------------------------------------
-- transformed documents: the interface of a lede document over a table

Document = {}
T.Document = Document

local contract = {
  "title", "section", "published", "byline", "dateline", "lead", "body", "paragraphs",
  "captions", "quotes", "boilerplate", "entities", "offsets", "warnings",
}
local entity_keys = { "type", "text", "start", "end", "value", "canonical", "role", "rule", "id" }
local offset_keys = { "title", "section", "published", "byline", "authors", "lead" }

local function type_filter(filter)
  if filter == nil then return nil end
  if type(filter) == "string" then return { [filter] = true } end
  if type(filter) ~= "table" then error("lede: entity filter must be a type name or a table of them", 3) end
  local s = {}
  for k, v in pairs(filter) do
    if type(k) == "number" then s[v] = true else s[k] = v and true or nil end
  end
  return s
end

local Entities = {}
Entities.__index = function(self, k)
  if type(k) == "number" then
    local e = rawget(self, "_list")[k]
    return e and deep_copy(e) or nil
  end
  return Entities[k]
end
Entities.__len = function(self) return #rawget(self, "_list") end
function Entities:count(filter)
  local f = type_filter(filter)
  if not f then return #self._list end
  local n = 0
  for _, e in ipairs(self._list) do if f[e.type] then n = n + 1 end end
  return n
end
function Entities:each(filter)
  local f, i, list = type_filter(filter), 0, self._list
  return function()
    repeat i = i + 1 until not list[i] or not f or f[list[i].type]
    return list[i] and deep_copy(list[i]) or nil
  end
end
function Entities:spans(filter)
  local f, i, list = type_filter(filter), 0, self._list
  return function()
    repeat i = i + 1 until not list[i] or not f or f[list[i].type]
    local e = list[i]
    if e then return i, e.type, e.start, e["end"] end
  end
end
function Entities:list(filter)
  local out = {}
  for e in self:each(filter) do out[#out + 1] = e end
  return out
end
Entities.__tostring = function(self) return "lede.entities (" .. #self._list .. ")" end

local methods = {}

Document.__index = function(self, k)
  local m = methods[k]
  if m ~= nil then return m end
  if k == "text" then return rawget(self, "_text") end
  if k == "entities" then return rawget(self, "_entities") end
  if k == "original" then return rawget(self, "_original") end
  local v = rawget(self, "_t")[k]
  if type(v) == "table" then return deep_copy(v) end
  return v
end
Document.__newindex = function()
  error("lede: a document is read-only (use doc:to_table() for a mutable copy)", 2)
end
Document.__tostring = function(self)
  local t = rawget(self, "_t")
  return string.format("lede.doc (transformed, %d bytes, %d paragraphs, %d entities)", #rawget(self, "_text"),
    #(t.paragraphs or {}), #(t.entities or {}))
end

--- The document as plain tables (a copy).
function methods:to_table() return deep_copy(rawget(self, "_t")) end

--- Linked entities (see lede.Doc.clusters).
function methods:clusters(filter) return lede.Doc.clusters(self, filter) end

-- the contract shape with nulls for absent values
local function json_shape(t)
  local out = {}
  for k, v in pairs(t) do out[k] = v end
  for _, k in ipairs(contract) do
    if out[k] == nil then out[k] = null end
  end
  for _, k in ipairs({ "byline", "paragraphs", "captions", "quotes", "boilerplate", "entities", "warnings" }) do
    if out[k] == null then out[k] = {} end
  end
  local ents = {}
  for i, e in ipairs(t.entities or {}) do
    local x = {}
    for _, k in ipairs(entity_keys) do
      local v = e[k]
      if v == nil then v = null end
      x[k] = v
    end
    for k, v in pairs(e) do
      if x[k] == nil and k ~= "cluster" and k ~= "index" then x[k] = v end
    end
    ents[i] = x
  end
  out.entities = ents
  local off = {}
  for _, k in ipairs(offset_keys) do
    local v = type(t.offsets) == "table" and t.offsets[k] or nil
    if v == nil then v = k == "authors" and {} or null end
    off[k] = v
  end
  out.offsets = off
  for _, k in ipairs({ "paragraphs", "captions", "quotes", "boilerplate" }) do
    local list = {}
    for i, item in ipairs(out[k]) do
      local x = {}
      for kk, v in pairs(item) do x[kk] = v end
      if k == "captions" then
        if x.credit == nil then x.credit = null end
        if x.restrictions == nil then x.restrictions = null end
      elseif k == "quotes" then
        if x.speaker == nil then x.speaker = null end
        if x.cue == nil then x.cue = null end
      end
      list[i] = x
    end
    out[k] = list
  end
  return out
end
T.json_shape = json_shape

-- indents compact JSON (strings are left alone)
local function indent(s)
  local out, depth, i, n = {}, 0, 1, #s
  local function nl() out[#out + 1] = "\n" .. string.rep("  ", depth) end
  while i <= n do
    local ch = s:sub(i, i)
    if ch == '"' then
      local j = i + 1
      while j <= n do
        local cj = s:sub(j, j)
        if cj == "\\" then j = j + 2
        elseif cj == '"' then break
        else j = j + 1 end
      end
      out[#out + 1] = s:sub(i, j)
      i = j + 1
    elseif ch == "{" or ch == "[" then
      local close = ch == "{" and "}" or "]"
      if s:sub(i + 1, i + 1) == close then
        out[#out + 1] = ch .. close
        i = i + 2
      else
        out[#out + 1] = ch
        depth = depth + 1
        nl()
        i = i + 1
      end
    elseif ch == "}" or ch == "]" then
      depth = depth - 1
      nl()
      out[#out + 1] = ch
      i = i + 1
    elseif ch == "," then
      out[#out + 1] = ","
      nl()
      i = i + 1
    elseif ch == ":" then
      out[#out + 1] = ": "
      i = i + 1
    else
      out[#out + 1] = ch
      i = i + 1
    end
  end
  return table.concat(out)
end

--- The JSON form (the README's contract, keys sorted).
function methods:json(pretty)
  local s = lede.json.encode(json_shape(rawget(self, "_t")))
  if pretty then return indent(s) end
  return s
end

--- A document over a table and its text, with the interface of a lede
-- document: fields, `doc.entities` (count, each, spans, list, #, [i]),
-- `to_table`, `json`, `clusters`, `doc.text`, `doc.original` (the document
-- it came from, if given).
function T.document(t, text, original)
  if type(t) ~= "table" or type(text) ~= "string" then
    error("lede.transform.document: needs a table and its text", 2)
  end
  local ents = setmetatable({ _list = t.entities or {} }, Entities)
  return setmetatable({ _t = t, _text = text, _entities = ents, _original = original }, Document)
end

--- Whether v is a transformed document.
function T.is_document(v) return getmetatable(v) == Document end

return T
