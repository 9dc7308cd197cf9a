-- Accuracy floors on the shared dev corpora (skipped when ../shared is
-- absent). The figures themselves come from `make eval`; these tests only
-- keep the targets of the issues from regressing.
local lede = require "lede"
local H = require "helpers"
local json = lede.json

local function isnull(v) return v == nil or v == json.null end
local function norm(s) return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")) end
local function words(s)
  local t = {}
  for w in s:lower():gmatch("[%w\128-\255]+") do t[w] = (t[w] or 0) + 1 end
  return t
end
local function f1(p, g)
  local i, np, ng = 0, 0, 0
  for w, c in pairs(p) do
    np = np + c
    if g[w] then i = i + math.min(c, g[w]) end
  end
  for _, c in pairs(g) do ng = ng + c end
  if np == 0 or ng == 0 then return (np == ng) and 1 or 0 end
  local P, R = i / np, i / ng
  return P + R > 0 and 2 * P * R / (P + R) or 0
end

describe("reuters21578 dev", function()
  local path = H.shared_file("corpus/reuters21578/dev.jsonl")
  if not path then
    pending("../shared/corpus is absent")
    return
  end
  local n, title, loc, date, byl, byl_n, invented, none = 0, 0, 0, 0, 0, 0, 0, 0
  local dl_n = 0
  for line in io.lines(path) do
    local r = json.decode(line)
    local g, d = r.gold, lede.parse(r.text)
    n = n + 1
    if norm(g.title) == norm(d.title or "") then title = title + 1 end
    if not isnull(g.dateline) then
      dl_n = dl_n + 1
      local dl = d.dateline
      if dl and dl.location_text and dl.location_text:lower() == g.dateline.location:lower() then loc = loc + 1 end
      if dl and dl.date_text and norm(dl.date_text) == norm(g.dateline.date) then date = date + 1 end
    end
    if isnull(g.byline) then
      none = none + 1
      if #d.byline > 0 then invented = invented + 1 end
    else
      byl_n = byl_n + 1
      if table.concat(g.byline, "|") == table.concat(d.byline, "|") then byl = byl + 1 end
    end
  end
  it("titles >= 0.99", function() assert.is_true(title / n >= 0.99, title / n) end)
  it("dateline locations >= 0.98", function() assert.is_true(loc / dl_n >= 0.98, loc / dl_n) end)
  it("dateline dates >= 0.97", function() assert.is_true(date / dl_n >= 0.97, date / dl_n) end)
  it("bylines >= 0.95 exact", function() assert.is_true(byl / byl_n >= 0.95, byl / byl_n) end)
  it("bylines invented on <= 2% of articles without one", function()
    assert.is_true(invented / none <= 0.02, invented / none)
  end)
end)

describe("scrapinghub dev (page text)", function()
  local path = H.shared_file("corpus/scrapinghub/dev_text.jsonl")
  if not path then
    pending("../shared/corpus is absent")
    return
  end
  it("body token F1 >= 0.90", function()
    local sum, n = 0, 0
    for line in io.lines(path) do
      local r = json.decode(line)
      sum = sum + f1(words(lede.parse(r.text).body), words(r.gold.body))
      n = n + 1
    end
    assert.is_true(sum / n >= 0.90, sum / n)
  end)
end)

describe("conll2003 dev", function()
  local path = H.shared_file("corpus/conll2003/dev.jsonl")
  if not path then
    pending("../shared/corpus is absent")
    return
  end
  -- the issue's mapping of lede's types to CoNLL's
  local conll = {
    PERSON = "PER", ORG = "ORG", GPE = "LOC", LOC = "LOC", NORP = "MISC", EVENT = "MISC",
    PRODUCT = "MISC", WORK_OF_ART = "MISC", LAW = "MISC", LANGUAGE = "MISC", FAC = "MISC",
  }
  it("exact-span micro F1 over PER, ORG, LOC, MISC >= 0.80", function()
    local tp, np, ng = 0, 0, 0
    for line in io.lines(path) do
      local r = json.decode(line)
      local gold = {}
      for _, e in ipairs(r.entities) do
        gold[e.start .. ":" .. e["end"]] = e.type
        ng = ng + 1
      end
      for e in lede.parse(r.text).entities:each() do
        local t = conll[e.type]
        if t then
          np = np + 1
          if gold[e.start .. ":" .. e["end"]] == t then tp = tp + 1 end
        end
      end
    end
    local f = 2 * tp / (np + ng)
    assert.is_true(f >= 0.80, f)
  end)
end)
