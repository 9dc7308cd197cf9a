#!/usr/bin/env lua5.4
-- Sanity check for lede's gazetteer (data/gazetteer.tsv).
-- Usage: lua5.4 tools/gazetteer/check.lua [data/gazetteer.tsv]
-- Verifies: UTF-8, LF line endings, 4 tab-separated columns, known kinds and attribute keys, attribute
-- value formats, no leading/trailing/double spaces, no duplicate (kind, phrase), demonym country= values
-- that are country canonicals, sorted order. Prints counts per kind and the file size.
-- Exits 1 on any error (warnings do not fail).

local path = arg[1] or "data/gazetteer.tsv"

local KINDS = {
  agency = true, city = true, country = true, currency = true, demonym = true, event = true, fac = true,
  given = true, honorific = true, language = true, norp = true, org = true, product = true, region = true,
  state = true, surname = true, title = true, titlemod = true, tz = true, unit = true,
}
local TYPES = {
  PERSON = true, NORP = true, FAC = true, ORG = true, GPE = true, LOC = true, PRODUCT = true, EVENT = true,
  WORK_OF_ART = true, LAW = true, LANGUAGE = true, DATE = true, TIME = true, PERCENT = true, MONEY = true,
  QUANTITY = true, ORDINAL = true, CARDINAL = true, TITLE = true,
}
-- kinds whose short forms differ by case ('MB' megabyte vs 'mb' millibar): case variants are expected
local CASE_SIGNIFICANT = { unit = true, currency = true, tz = true }
local ATTR = {
  cc = "^%u%u$",
  type = "type",
  tz = "^[+-]%d%d:%d%d$",
  dst = "^[a-z][a-z]$", -- a daylight-time rule of lx_dst_rule: us, eu, au, nz
  iso = "^%u%u%u$",
  unit = "^.+$",
  factor = "^%d+%.?%d*$",
  pop = "^%d+$",
  amb = "^1$",
  g = "^[mfu]$",
  country = "^.+$",
}

local errors, warnings = 0, 0
local function err(ln, msg)
  errors = errors + 1
  if errors <= 50 then io.stderr:write(string.format("%s:%d: error: %s\n", path, ln, msg)) end
end
local function warn(ln, msg)
  warnings = warnings + 1
  if warnings <= 20 then io.stderr:write(string.format("%s:%d: warning: %s\n", path, ln, msg)) end
end

local fh, oerr = io.open(path, "rb")
if not fh then
  io.stderr:write("cannot open " .. tostring(oerr) .. "\n")
  os.exit(2)
end
local data = fh:read("a")
fh:close()

if not utf8.len(data) then
  local _, pos = utf8.len(data)
  err(0, "invalid UTF-8 at byte " .. tostring(pos))
end
if data:find("\r", 1, true) then err(0, "CR characters found (LF line endings required)") end
if #data > 0 and data:sub(-1) ~= "\n" then err(0, "file does not end with a newline") end
if data:sub(1, 1) ~= "#" then warn(1, "no header comment") end

local counts, seen, lower_seen = {}, {}, {}
local country_canon, demonyms = {}, {}
local prev_key
local ln, total = 0, 0

for line in data:gmatch("([^\n]*)\n") do
  ln = ln + 1
  if line:sub(1, 1) == "#" then goto continue end
  if line == "" then
    err(ln, "empty line")
    goto continue
  end
  do
    local f = {}
    for field in (line .. "\t"):gmatch("([^\t]*)\t") do f[#f + 1] = field end
    if #f ~= 4 then
      err(ln, "expected 4 tab-separated columns, got " .. #f)
      goto continue
    end
    local kind, phrase, canonical, attrs = f[1], f[2], f[3], f[4]
    if not KINDS[kind] then err(ln, "unknown kind '" .. kind .. "'") end
    if phrase == "" then err(ln, "empty phrase") end
    for i = 2, 4 do
      local v = f[i]
      if v:match("^%s") or v:match("%s$") then err(ln, "leading/trailing space in column " .. i) end
      if v:find("  ", 1, true) then err(ln, "double space in column " .. i) end
      if v:find("[%c]") then err(ln, "control character in column " .. i) end
    end
    if canonical == phrase then warn(ln, "canonical equals phrase (should be empty)") end
    -- attributes
    if attrs ~= "" then
      local keys = {}
      for kv in (attrs .. ";"):gmatch("([^;]*);") do
        local k, v = kv:match("^([%w_]+)=(.+)$")
        if not k then
          err(ln, "malformed attribute '" .. kv .. "'")
        elseif not ATTR[k] then
          err(ln, "unknown attribute key '" .. k .. "'")
        elseif keys[k] then
          err(ln, "repeated attribute key '" .. k .. "'")
        else
          keys[k] = v
          if k == "type" then
            if not TYPES[v] then err(ln, "unknown type '" .. v .. "'") end
          elseif not v:match(ATTR[k]) then
            err(ln, "bad value for " .. k .. ": '" .. v .. "'")
          end
        end
      end
      if kind == "demonym" and keys.country then demonyms[#demonyms + 1] = { ln, keys.country } end
      if kind == "given" and not keys.g then err(ln, "given name without g=") end
      if kind == "currency" and not keys.iso then err(ln, "currency without iso=") end
      if kind == "unit" and not keys.unit then err(ln, "unit without unit=") end
      if (kind == "country" or kind == "state") and not keys.cc then err(ln, kind .. " without cc=") end
    elseif kind == "given" or kind == "currency" or kind == "unit" or kind == "country" or kind == "state" then
      err(ln, kind .. " entry without its required attribute")
    end
    if kind == "demonym" and not attrs:find("country=", 1, true) then err(ln, "demonym without country=") end
    if kind == "country" then country_canon[canonical ~= "" and canonical or phrase] = true end
    -- duplicates and order
    local key = kind .. "\t" .. phrase
    if seen[key] then
      err(ln, "duplicate (kind, phrase) '" .. kind .. "', '" .. phrase .. "' (first at line " .. seen[key] .. ")")
    else
      seen[key] = ln
    end
    local lkey = kind .. "\t" .. phrase:lower()
    if lower_seen[lkey] and lower_seen[lkey] ~= phrase and not CASE_SIGNIFICANT[kind] then
      -- e.g. US vs us would be legitimate; only reported for information
      warn(ln, "case variant of an existing phrase: '" .. phrase .. "' / '" .. lower_seen[lkey] .. "'")
    end
    lower_seen[lkey] = lower_seen[lkey] or phrase
    if prev_key and key < prev_key then err(ln, "lines not sorted by (kind, phrase)") end
    prev_key = key
    counts[kind] = (counts[kind] or 0) + 1
    total = total + 1
  end
  ::continue::
end

for _, d in ipairs(demonyms) do
  if not country_canon[d[2]] then err(d[1], "demonym country '" .. d[2] .. "' is not a country canonical") end
end
for k in pairs(KINDS) do
  if not counts[k] then err(0, "no entries of kind '" .. k .. "'") end
end

local names = {}
for k in pairs(counts) do names[#names + 1] = k end
table.sort(names)
print(string.format("%-10s %8s", "kind", "entries"))
for _, k in ipairs(names) do print(string.format("%-10s %8d", k, counts[k])) end
print(string.format("%-10s %8d", "total", total))
print(string.format("file size: %d bytes (%.2f MB), %d lines", #data, #data / 1048576, ln))
print(string.format("%d error(s), %d warning(s)", errors, warnings))
if errors > 0 then os.exit(1) end
