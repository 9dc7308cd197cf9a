--- `brat`: brat's standoff annotation (.ann) beside the text (.txt).
-- One `T<n>\t<TYPE> <start> <end>\t<text>` line per entity; brat counts
-- offsets in characters of the .txt (code points), not bytes, so they are
-- converted; an entity that runs over a line break is written as fragments
-- (`start end;start end`). The value, canonical form and role go in an
-- `AnnotatorNotes` line (`#<n>\tAnnotatorNotes T<n>\t...`).
-- The .txt is the input text, made valid UTF-8. A .ann and its .txt belong
-- together, so documents are not concatenated: `-o FILE.ann` writes
-- FILE.ann and FILE.txt; several documents need `-o DIR`.
-- @module lede.formats.brat
local util = require "lede.formats.util"

local val = util.val

local M = {
  extension = "ann",
  media_type = "text/plain",
  description = "brat standoff (.ann, with the .txt beside it)",
  single = true,
}

local function clean_field(s)
  return (util.utf8_clean(tostring(s)):gsub("[%c]", " "))
end

function M.render(doc, text, opts)
  local ents = {}
  if type(doc.entities) == "table" then
    for _, e in ipairs(doc.entities) do
      if type(e) == "table" and util.span_ok(e.start, e["end"], #text) then ents[#ents + 1] = e end
    end
  end
  -- fragments (cut at line breaks) and every byte offset to map
  local points, frags = {}, {}
  for i, e in ipairs(ents) do
    local list = {}
    local s = e.start
    local piece = text:sub(e.start + 1, e["end"])
    local p = 1
    while true do
      local a, b = piece:find("[\r\n]+", p)
      if not a then break end
      if a > p then list[#list + 1] = { s + p - 1, s + a - 1 } end
      p = b + 1
    end
    if p <= #piece then list[#list + 1] = { s + p - 1, e["end"] } end
    if #list == 0 then list[1] = { e.start, e["end"] } end
    frags[i] = list
    for _, f in ipairs(list) do points[#points + 1] = f[1]; points[#points + 1] = f[2] end
  end
  table.sort(points)
  local chars, index = {}, util.char_index(text)
  for _, b in ipairs(points) do
    if chars[b] == nil then chars[b] = index(b) end
  end
  local out = {}
  for i, e in ipairs(ents) do
    local spans, texts = {}, {}
    for _, f in ipairs(frags[i]) do
      spans[#spans + 1] = chars[f[1]] .. " " .. chars[f[2]]
      texts[#texts + 1] = text:sub(f[1] + 1, f[2])
    end
    local ty = tostring(val(e.type) or "ENTITY"):gsub("[^%w_%-]", "_")
    out[#out + 1] = "T" .. i .. "\t" .. ty .. " " .. table.concat(spans, ";") .. "\t" ..
      clean_field(table.concat(texts, " ")) .. "\n"
    local notes = {}
    if val(e.canonical) then notes[#notes + 1] = "canonical=" .. clean_field(e.canonical) end
    local v = util.value_string(e.value)
    if v ~= "" then notes[#notes + 1] = "value=" .. clean_field(v) end
    if val(e.role) then notes[#notes + 1] = "role=" .. clean_field(e.role) end
    if #notes > 0 then
      out[#out + 1] = "#" .. i .. "\tAnnotatorNotes T" .. i .. "\t" .. table.concat(notes, "; ") .. "\n"
    end
  end
  return table.concat(out)
end

--- The .txt that goes with the .ann.
function M.companions(doc, text)
  return { txt = util.utf8_clean(text) }
end

return M
