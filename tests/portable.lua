-- The binding and the Lua modules under every Lua lede supports: 5.1, 5.2,
-- 5.3, 5.4 and LuaJIT (Neovim and OpenResty embed LuaJIT). A plain script
-- (busted's own dependencies differ between versions), in the Lua common to
-- all of them: no goto, no integer division, no \x or \u escapes.
--
--   make check-lua-versions     builds the rock for each and runs this
--   LUA_PATH=... lua5.1 tests/portable.lua [root]
--
-- Prints "N passed, N failed" and exits non-zero on a failure.
local root = arg and arg[1] or "."
local lede = require "lede"

local passed, failed = 0, 0
local function test(name, fn)
  local ok, err = pcall(fn)
  if ok then
    passed = passed + 1
  else
    failed = failed + 1
    io.stderr:write("FAIL ", name, ": ", tostring(err), "\n")
  end
end
local function check(cond, msg)
  if not cond then error(msg or "check failed", 2) end
end
local function eq(want, got, what)
  if want ~= got then
    error((what or "value") .. ": want " .. tostring(want) .. ", got " .. tostring(got), 2)
  end
end
local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

local version = _VERSION .. (jit and (" / " .. jit.version) or "")
local article = read(root .. "/examples/article.txt")
local doc = lede.parse(article)

test("structure of the bundled article", function()
  eq("Coastal cities pledge joint flood defences as storm season nears", doc.title, "title")
  eq("National", doc.section, "section")
  eq("2021-03-14T09:32:00+09:00", doc.published, "published")
  eq(2, #doc.byline, "authors")
  eq("Park Min-ji", doc.byline[1], "author")
  eq("Busan", doc.dateline.location, "dateline")
  eq("Yonhap", doc.dateline.agency, "agency")
  check(#doc.paragraphs >= 5, "paragraphs")
  eq(doc.paragraphs[1].text, doc.lead, "lead")
  eq(1, #doc.captions, "captions")
  check(#doc.boilerplate >= 1, "boilerplate")
  -- offsets are 0-based byte offsets, end exclusive
  local p = doc.paragraphs[1]
  eq(p.text, article:sub(p.start + 1, p["end"]), "paragraph offsets")
end)

test("entities: a view over the C array", function()
  local n = #doc.entities
  check(n > 20, "entities found: " .. n)
  local persons, money = 0, nil
  for e in doc.entities:each("PERSON") do
    persons = persons + 1
    eq(e.text, article:sub(e.start + 1, e["end"]), "entity offsets")
  end
  check(persons >= 4, "persons")
  for e in doc.entities:each() do
    if e.type == "MONEY" then money = e end
  end
  check(money, "a MONEY entity")
  eq("table", type(money.value), "money value")
  eq("USD", money.value.currency, "currency")
  local first = doc.entities[1]
  eq("PERSON", first.type, "first entity")
  eq("Park Min-ji", first.canonical, "canonical")
  eq("author", first.role, "role")
  local k = 0
  for _, ty, s, e in doc.entities:spans() do
    check(type(ty) == "string" and e > s, "spans")
    k = k + 1
  end
  eq(n, k, "spans count")
  -- "Mayor Kim" and "Kim Seong-ho" are one person
  local kim
  for e in doc.entities:each("PERSON") do
    if e.canonical == "Kim Seong-ho" then
      kim = kim or e.cluster
      eq(kim, e.cluster, "cluster")
    end
  end
  check(kim ~= nil, "Kim Seong-ho")
end)

test("dates resolved against the article's date", function()
  local d = lede.parse("Talks end\n\nSEOUL, May 6 (Yonhap) -- The two ministers spoke on Tuesday, "
    .. "officials said, and will meet again next month to sign a 13 percent rise.\n", { date = "2020-05-06" })
  local got = {}
  for e in d.entities:each() do got[e.type .. " " .. e.text] = e.value end
  eq("2020-05-05", got["DATE Tuesday"], "Tuesday")
  eq("2020-06", got["DATE next month"], "next month")
  eq(13, got["PERCENT 13 percent"], "percent")
end)

test("JSON form", function()
  local t = lede.json.decode(doc:json())
  eq(doc.title, t.title, "title")
  eq(#doc.entities, #t.entities, "entities")
  eq(lede.json.null, t.quotes[1] and lede.json.null or lede.json.null)
  local s = lede.json.encode({ a = { 1, 2, 3 }, b = "x\0y", c = true })
  eq('{"a":[1,2,3],"b":"x\\u0000y","c":true}', s, "encode")
  local back = lede.json.decode(s)
  eq("x\0y", back.b, "NUL kept")
  check(not pcall(lede.json.decode, "{"), "bad JSON raises")
end)

test("bad input", function()
  eq(nil, lede.parse("").title, "empty")
  local d = lede.parse("Title\n\nA \255\254 B and \0 C were in Paris on Monday.\n")
  check(d, "invalid UTF-8 and NUL")
  local ok, err = pcall(lede.parse, nil)
  check(not ok and tostring(err):find("string", 1, true), "nil text: " .. tostring(err))
  ok, err = pcall(lede.parse, "x", { date = "yesterday" })
  check(not ok and tostring(err):find("date", 1, true), "bad date: " .. tostring(err))
end)

test("rules: regex with a Lua value, dictionary, tokens, callback errors", function()
  local rules = lede.load_rules({
    name = "p",
    rules = {
      { name = "troops", type = "TROOPS", pattern = [[(?<n>\d[\d,]*) (?:soldiers|troops)]],
        value = function(m) return tonumber((m.groups.n:gsub(",", ""))) end },
      { name = "gauges", type = "DEVICE", dictionary = { "tide gauges", "control center" } },
      { name = "said", type = "SPEAKER", tokens = { { title = true }, { cap = true, rep = "1-3" }, { lower = "said" } } },
    },
  })
  local d = lede.parse("Troops\n\nSome 1,200 troops and 120 tide gauges reached the control center, "
    .. "Colonel Ann Ferris said.\n", { rules = rules })
  local got = {}
  for e in d.entities:each() do got[e.type] = e end
  eq(1200, got.TROOPS and got.TROOPS.value, "TROOPS value")
  eq("p/troops", got.TROOPS.rule, "provenance")
  check(got.DEVICE, "dictionary match")
  check(got.SPEAKER, "token pattern")
  local bad = lede.load_rules({ name = "bad", rules = {
    { name = "boom", type = "X", pattern = "troops", value = function() error("boom") end } } })
  local ok, err = pcall(lede.parse, "Some troops arrived in the city on Monday, officials said.\n", { rules = bad })
  check(not ok and tostring(err):find("boom", 1, true), "callback error: " .. tostring(err))
  ok, err = pcall(lede.load_rules, { name = "b", rules = { { name = "r", type = "X", pattern = "(" } } })
  check(not ok and tostring(err):find("rule 'r'", 1, true), "bad pattern: " .. tostring(err))
end)

test("transform and formats", function()
  local t, text = lede.transform.redact(doc, { types = { "PERSON" }, seed = 1 })
  check(not text:find("Kim Seong-ho", 1, true), "redacted")
  check(t.title, "table")
  for _, name in ipairs({ "json", "jsonl", "csv", "md", "html", "conll", "brat" }) do
    local out = lede.formats.render(name, doc)
    check(type(out) == "string" and #out > 0, name)
  end
  check(lede.formats.render("html", doc):find("<mark", 1, true), "html marks")
end)

test("instances, limits, many documents collected", function()
  local inst = lede.new()
  inst:set_limits({ max_input = 1000 })
  local ok, err = pcall(function() return inst:parse(string.rep("a ", 1000)) end)
  check(not ok and tostring(err):find("limit", 1, true) or tostring(err):find("large", 1, true), tostring(err))
  collectgarbage()
  local before = collectgarbage("count")
  for _ = 1, 300 do
    local d = lede.parse(article)
    local _ = d.entities[3] and d.entities[3].text
  end
  collectgarbage()
  collectgarbage()
  check(collectgarbage("count") < before + 2048, "Lua memory grew by "
    .. math.floor(collectgarbage("count") - before) .. " KiB")
end)

print(version .. ": " .. passed .. " passed, " .. failed .. " failed")
os.exit(failed == 0 and 0 or 1)
