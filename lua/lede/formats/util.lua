--- Helpers shared by the renderers: they work on the plain-table form of a
-- document (`doc:to_table()`, the JSON shape) and the original text, never
-- on the C document, so that documents changed in Lua render the same way.
-- Offsets are 0-based UTF-8 byte offsets, end exclusive.
-- @module lede.formats.util
local json = require("lede").json

local M = {}

local null = json.null

local function is_null(v) return v == nil or v == null end
M.is_null = is_null

--- The value, or nil when it is nil or JSON null.
function M.val(v)
  if v == null then return nil end
  return v
end

-- ---------------------------------------------------------------------------
-- UTF-8

--- Replaces every byte that is not part of valid UTF-8 with U+FFFD (the
-- renderers write text, and the input may hold any bytes).
function M.utf8_clean(s)
  if not s:find("[\128-\255]") then return s end
  local out, n, i, len = {}, 0, 1, #s
  local last = 1
  local byte = string.byte
  while i <= len do
    local c = byte(s, i)
    local size = 0
    if c < 0x80 then
      size = 1
    elseif c >= 0xC2 and c <= 0xDF then
      local c2 = byte(s, i + 1)
      if c2 and c2 >= 0x80 and c2 <= 0xBF then size = 2 end
    elseif c >= 0xE0 and c <= 0xEF then
      local c2, c3 = byte(s, i + 1, i + 2)
      local lo, hi = 0x80, 0xBF
      if c == 0xE0 then lo = 0xA0 elseif c == 0xED then hi = 0x9F end
      if c2 and c3 and c2 >= lo and c2 <= hi and c3 >= 0x80 and c3 <= 0xBF then size = 3 end
    elseif c >= 0xF0 and c <= 0xF4 then
      local c2, c3, c4 = byte(s, i + 1, i + 3)
      local lo, hi = 0x80, 0xBF
      if c == 0xF0 then lo = 0x90 elseif c == 0xF4 then hi = 0x8F end
      if c2 and c3 and c4 and c2 >= lo and c2 <= hi and c3 >= 0x80 and c3 <= 0xBF
        and c4 >= 0x80 and c4 <= 0xBF then size = 4 end
    end
    if size == 0 then
      n = n + 1; out[n] = s:sub(last, i - 1)
      n = n + 1; out[n] = "\239\191\189"
      i = i + 1
      last = i
    else
      i = i + size
    end
  end
  n = n + 1; out[n] = s:sub(last)
  return table.concat(out)
end

local function chars_in(s)
  s = M.utf8_clean(s)
  local _, cont = s:gsub("[\128-\191]", "")
  return #s - cont
end

--- A function mapping byte offsets of `text` to character offsets (code
-- points of the text made valid UTF-8: an invalid byte counts as one
-- character, as its U+FFFD does). Fast for increasing offsets. Used where
-- a format counts characters (brat).
function M.char_index(text)
  local last_b, last_c = 0, 0
  return function(b)
    if b < last_b then last_b, last_c = 0, 0 end
    last_c = last_c + chars_in(text:sub(last_b + 1, b))
    last_b = b
    return last_c
  end
end

-- ---------------------------------------------------------------------------
-- escaping

-- Lua 5.1 cannot hold a NUL in a pattern (it has %z); 5.2+ can
local controls = _VERSION == "Lua 5.1" and "[%z\1-\8\11\12\14-\31\127]" or "[\0-\8\11\12\14-\31\127]"
local html_map = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&#39;" }

--- HTML-escapes a string (text and attribute values alike), after making it
-- valid UTF-8. Control characters other than tab and newlines are dropped.
function M.html_escape(s)
  s = M.utf8_clean(tostring(s))
  s = s:gsub(controls, "")
  return (s:gsub("[&<>\"']", html_map))
end

--- A value for display: strings as they are, tables as JSON, nil as "".
function M.value_string(v)
  if is_null(v) then return "" end
  if type(v) == "table" then return json.encode(v) end
  return tostring(v)
end

--- An id for display (a JSON id, a file path): strings as they are.
function M.id_string(id)
  if is_null(id) then return "" end
  if type(id) == "string" then return id end
  return json.encode(id)
end

-- ---------------------------------------------------------------------------
-- the JSON form, in the contract's key order

--- Keys of the contract, in order; nested objects by field name.
M.fields = {
  "title", "section", "published", "byline", "dateline", "lead", "body",
  "paragraphs", "captions", "quotes", "boilerplate", "entities", "offsets",
  "warnings",
}
M.schema = {
  dateline = { "location", "location_text", "date", "date_text", "agency", "text", "start", "end" },
  paragraphs = { "text", "start", "end" },
  captions = { "text", "credit", "restrictions", "start", "end" },
  quotes = { "text", "speaker", "cue", "start", "end" },
  boilerplate = { "text", "kind", "start", "end" },
  -- rule (provenance) and id (a user dictionary's entry) as the C writer
  -- writes them after the contract's keys
  entities = { "type", "text", "start", "end", "value", "canonical", "role", "rule", "id" },
  offsets = { "title", "section", "published", "byline", "authors", "lead" },
}
-- keys the Lua tables of entities carry that the JSON form does not
local internal_entity_keys = { cluster = true, index = true }
local list_fields = { byline = true, paragraphs = true, captions = true, quotes = true,
  boilerplate = true, entities = true, warnings = true }

local encode = json.encode

local function encode_object(t, keys, skip, pretty, ind)
  local parts, seen = {}, {}
  local colon = pretty and ": " or ":"
  for _, k in ipairs(keys) do
    seen[k] = true
    local v = t[k]
    if v == nil then v = null end
    parts[#parts + 1] = encode(k) .. colon .. encode(v)
  end
  local extra = {}
  for k in pairs(t) do
    if type(k) == "string" and not seen[k] and not (skip and skip[k]) then extra[#extra + 1] = k end
  end
  table.sort(extra)
  for _, k in ipairs(extra) do parts[#parts + 1] = encode(k) .. colon .. encode(t[k]) end
  if pretty then
    local pad = "\n" .. string.rep("  ", ind + 1)
    return "{" .. pad .. table.concat(parts, "," .. pad) .. "\n" .. string.rep("  ", ind) .. "}"
  end
  return "{" .. table.concat(parts, ",") .. "}"
end

local function encode_field(k, v, pretty)
  if v == nil or v == null then
    return list_fields[k] and "[]" or "null"
  end
  local keys = M.schema[k]
  if keys and type(v) == "table" then
    if list_fields[k] then
      if #v == 0 then return "[]" end
      local skip = k == "entities" and internal_entity_keys or nil
      local items = {}
      for i, item in ipairs(v) do
        items[i] = type(item) == "table" and encode_object(item, keys, skip, pretty, 2) or encode(item)
      end
      if pretty then return "[\n    " .. table.concat(items, ",\n    ") .. "\n  ]" end
      return "[" .. table.concat(items, ",") .. "]"
    end
    if k == "offsets" then
      -- pairs stay on one line, as in the C writer
      local parts = {}
      for _, key in ipairs(keys) do
        local p = v[key]
        parts[#parts + 1] = encode(key) .. (pretty and ": " or ":") .. encode(p == nil and null or p)
      end
      if pretty then return "{\n    " .. table.concat(parts, ",\n    ") .. "\n  }" end
      return "{" .. table.concat(parts, ",") .. "}"
    end
    return encode_object(v, keys, nil, pretty, 1)
  end
  if pretty and type(v) == "table" and #v > 0 then
    local items = {}
    for i, item in ipairs(v) do items[i] = encode(item) end
    return "[\n    " .. table.concat(items, ",\n    ") .. "\n  ]"
  end
  return encode(v)
end

--- The JSON text of a document table: every contract key present (null or
-- [] when absent), in the contract's order, then any extra keys a
-- transformation added, sorted. `id` (optional) goes first.
function M.doc_json(doc, pretty, id)
  local parts = {}
  if id ~= nil then parts[1] = '"id":' .. (pretty and " " or "") .. encode(id) end
  local seen = {}
  for _, k in ipairs(M.fields) do
    seen[k] = true
    parts[#parts + 1] = encode(k) .. (pretty and ": " or ":") .. encode_field(k, doc[k], pretty)
  end
  local extra = {}
  for k in pairs(doc) do
    if type(k) == "string" and not seen[k] and k ~= "id" then extra[#extra + 1] = k end
  end
  table.sort(extra)
  for _, k in ipairs(extra) do
    parts[#parts + 1] = encode(k) .. (pretty and ": " or ":") .. encode(doc[k])
  end
  if pretty then return "{\n  " .. table.concat(parts, ",\n  ") .. "\n}" end
  return "{" .. table.concat(parts, ",") .. "}"
end

--- One entity as a compact JSON row: `{"doc", type, text, start, end, value,
-- canonical, role, rule, id}` (doc: the document's id or file; id: the
-- entity's own, from a user dictionary) then any extra keys (sorted),
-- without the Lua-only `cluster` and `index`.
function M.entity_json(e, doc_id)
  local prefix = '{"doc":' .. encode(doc_id == nil and null or doc_id) .. ","
  local body = encode_object(e, M.schema.entities, internal_entity_keys, false, 0)
  return prefix .. body:sub(2)
end

-- ---------------------------------------------------------------------------
-- entities and regions

local function span_ok(s, e, len)
  return type(s) == "number" and type(e) == "number" and s >= 0 and e > s and e <= len
end
M.span_ok = span_ok

--- The document's entities with usable offsets, sorted by start, then
-- longest first (an enclosing entity before the ones inside it).
function M.entities(doc, text)
  local list = {}
  local ents = doc.entities
  if type(ents) ~= "table" then return list end
  local len = #text
  for i, e in ipairs(ents) do
    if type(e) == "table" and span_ok(e.start, e["end"], len) then
      list[#list + 1] = { e = e, start = e.start, stop = e["end"], order = i }
    end
  end
  table.sort(list, function(a, b)
    if a.start ~= b.start then return a.start < b.start end
    if a.stop ~= b.stop then return a.stop > b.stop end
    return a.order < b.order
  end)
  return list
end

--- The structure of the text as an ordered list of non-overlapping regions
-- `{kind, start, stop, item}`: kinds `title`, `section`, `published`,
-- `byline`, `dateline`, `paragraph`, `caption`, `boilerplate`, and `other`
-- for stretches no field claims (so that nothing of the text is lost).
function M.regions(doc, text)
  local len = #text
  local cands = {}
  local function add(kind, s, e, item, rank)
    if span_ok(s, e, len) then
      cands[#cands + 1] = { kind = kind, start = s, stop = e, item = item, rank = rank }
    end
  end
  local off = type(doc.offsets) == "table" and doc.offsets or {}
  local function pair(name, rank)
    local p = off[name]
    if type(p) == "table" then add(name, p[1], p[2], nil, rank) end
  end
  pair("title", 1)
  pair("section", 2)
  pair("published", 3)
  pair("byline", 4)
  local dl = M.val(doc.dateline)
  if type(dl) == "table" then add("dateline", dl.start, dl["end"], dl, 5) end
  local function list(field, kind, rank)
    if type(doc[field]) ~= "table" then return end
    for _, it in ipairs(doc[field]) do
      if type(it) == "table" then add(kind, it.start, it["end"], it, rank) end
    end
  end
  list("paragraphs", "paragraph", 6)
  list("captions", "caption", 7)
  list("boilerplate", "boilerplate", 8)
  table.sort(cands, function(a, b)
    if a.start ~= b.start then return a.start < b.start end
    if a.stop ~= b.stop then return a.stop > b.stop end
    return a.rank < b.rank
  end)
  local out, pos = {}, 0
  local function gap(s, e)
    if e > s and text:sub(s + 1, e):find("%S") then
      -- trim white space at both ends of the stretch
      local a = text:find("%S", s + 1)
      local b = e
      while b > a and text:sub(b, b):find("%s") do b = b - 1 end
      out[#out + 1] = { kind = "other", start = a - 1, stop = b }
    end
  end
  for _, c in ipairs(cands) do
    if c.start >= pos then
      gap(pos, c.start)
      out[#out + 1] = c
      pos = c.stop
    end -- else: it overlaps a region already placed; the first one wins
  end
  gap(pos, len)
  return out
end

return M
