#!/usr/bin/env lua5.4
-- Shows how lede cut a document: every paragraph, caption and boilerplate
-- block in text order, with its role. For looking at misses by eye.
-- usage: lua5.4 tools/show.lua FILE | CORPUS.jsonl ID
local lede = require "lede"
local text
if arg[2] then
  for line in io.lines(arg[1]) do
    if line:find(arg[2], 1, true) then
      local rec = lede.json.decode(line)
      if rec.id == arg[2] then text = rec.text; if rec.gold and rec.gold.body then io.stderr:write("GOLD BODY:\n", rec.gold.body, "\n----\n") end break end
    end
  end
else
  text = io.open(arg[1], "rb"):read("a")
end
assert(text, "document not found")
local doc = lede.parse(text)
local items = {}
local function add(role, s, e, extra)
  if s then items[#items + 1] = { s = s, e = e, role = role .. (extra and (":" .. extra) or "") } end
end
local o = doc.offsets
if o.title then add("TITLE", o.title[1], o.title[2]) end
if o.section then add("SECTION", o.section[1], o.section[2]) end
if o.published then add("PUBLISHED", o.published[1], o.published[2], doc.published) end
if o.byline then add("BYLINE", o.byline[1], o.byline[2], table.concat(doc.byline, "; ")) end
if doc.dateline then add("DATELINE", doc.dateline.start, doc.dateline["end"], doc.dateline.location) end
for _, p in ipairs(doc.paragraphs) do add("P", p.start, p["end"]) end
for _, c in ipairs(doc.captions) do add("CAPTION", c.start, c["end"], c.credit) end
for _, b in ipairs(doc.boilerplate) do add("-", b.start, b["end"], b.kind) end
table.sort(items, function(a, b) return a.s < b.s end)
for _, it in ipairs(items) do
  local t = text:sub(it.s + 1, it.e):gsub("\n", " / ")
  if #t > 110 then t = t:sub(1, 107) .. "..." end
  print(string.format("%-22s %s", it.role, t))
end
