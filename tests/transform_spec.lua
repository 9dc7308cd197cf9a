-- Transformations: offsets stay true after every change, redaction is
-- consistent and deterministic, blocks and entities change as asked.
local lede = require "lede"
local T = require "lede.transform"
local H = require "helpers"

local article = H.read(H.root .. "/examples/article.txt")

-- every span of the table points at its text in the new text
local function check_offsets(t, text)
  local function span(item, what)
    assert.equal(item.text, text:sub(item.start + 1, item["end"]), what)
  end
  for _, k in ipairs({ "paragraphs", "captions", "quotes", "boilerplate", "entities" }) do
    for i, item in ipairs(t[k] or {}) do span(item, k .. " " .. i) end
  end
  if t.dateline then span(t.dateline, "dateline") end
  local off = t.offsets or {}
  for _, k in ipairs({ "title", "section", "lead" }) do
    if off[k] then assert.equal(t[k], text:sub(off[k][1] + 1, off[k][2]), k) end
  end
  for i, pr in ipairs(off.authors or {}) do assert.equal(t.byline[i], text:sub(pr[1] + 1, pr[2]), "author " .. i) end
  local bodies = {}
  for i, p in ipairs(t.paragraphs or {}) do bodies[i] = p.text end
  assert.equal(table.concat(bodies, "\n\n"), t.body)
end

describe("the edit engine", function()
  it("remaps every offset after replacements of other lengths", function()
    local doc = lede.parse(article)
    local t0 = doc:to_table()
    check_offsets(t0, article)
    local edits = {}
    for e in doc.entities:each("GPE") do edits[#edits + 1] = { e.start, e["end"], "<" .. e.text:upper() .. " CITY>" } end
    local t, text = T.edit(doc:to_table(), article, edits)
    check_offsets(t, text)
    assert.equal(#t0.entities, #t.entities)
    assert.matches("<INCHEON CITY>", t.body, 1, true)
  end)

  it("drops spans left empty and stretches spans cut by a replacement", function()
    local t, text = T.edit({ entities = {
      { type = "A", text = "bc", start = 1, ["end"] = 3 },
      { type = "B", text = "cdef", start = 2, ["end"] = 6 },
      { type = "C", text = "g", start = 6, ["end"] = 7 },
    } }, "abcdefgh", { { 1, 3, "" }, { 4, 5, "XYZ" } })
    assert.equal("adXYZfgh", text)
    assert.equal(2, #t.entities)
    assert.same({ "dXYZf", 1, 6 }, { t.entities[1].text, t.entities[1].start, t.entities[1]["end"] })
    assert.same({ "g", 6, 7 }, { t.entities[2].text, t.entities[2].start, t.entities[2]["end"] })
  end)
end)

describe("redact", function()
  it("pseudonymizes people consistently per entity, in every field", function()
    local doc = lede.parse(article)
    local t, text, map = T.redact(doc, { types = { "PERSON" }, seed = 1 })
    check_offsets(t, text)
    for _, name in ipairs({ "Kim Seong-ho", "Lee Jae-won", "Park Min-ji", "Daniel Ortega" }) do
      assert.is_nil(text:find(name, 1, true), name)
      assert.is_string(map[name])
    end
    -- "Kim" alone is the same person: the first word of the same pseudonym
    local kim = map["Kim Seong-ho"]
    local first_word = kim:match("^(%S+)")
    assert.is_truthy(text:find(kim, 1, true))
    assert.is_nil(text:find("Kim told", 1, true))
    assert.is_truthy(text:find(first_word .. " told", 1, true))
    -- the byline, the quote's speaker, canonical names follow
    assert.equal(map["Park Min-ji"], t.byline[1])
    assert.equal(kim, t.quotes[1].speaker)
    for _, e in ipairs(t.entities) do
      if e.type == "PERSON" then assert.is_nil(e.canonical:find("Kim Seong", 1, true)) end
    end
    -- no pseudonym is a name of the article, two people never share one
    local seen = {}
    for real, fake in pairs(map) do
      assert.is_nil(article:find(fake, 1, true), fake)
      assert.is_nil(seen[fake])
      seen[fake] = real
    end
  end)

  it("is deterministic for a seed, and changes with it", function()
    local doc = lede.parse(article)
    local _, a = T.redact(doc, { seed = 9 })
    local _, b = T.redact(doc, { seed = 9 })
    local _, c = T.redact(doc, { seed = 10 })
    assert.equal(a, b)
    assert.are_not.equal(a, c)
  end)

  it("masks or labels by type", function()
    local doc = lede.parse(article)
    local t, text = T.redact(doc, { style = "type" })
    check_offsets(t, text)
    assert.matches("[PERSON-3] told reporters", text, 1, true)
    assert.equal("[PERSON-1]", t.byline[1])
    t, text = T.redact(doc, { style = "mask", mask = "#" })
    check_offsets(t, text)
    assert.matches("Busan Mayor ### #####-## and", text, 1, true)
  end)

  it("takes generators for other types, and rejects bad options", function()
    local doc = lede.parse(article)
    local t, text = T.redact(doc, { types = { "GPE" }, generators = { GPE = function(name, n) return "Town" .. n end } })
    check_offsets(t, text)
    assert.is_nil(text:find("Incheon", 1, true))
    assert.matches("Town%d", text)
    assert.is_false(pcall(T.redact, doc, { style = "blur" }))
    assert.is_false(pcall(T.redact, doc, { colour = "x" }))
    assert.is_false(pcall(T.redact, "text"))
  end)
end)

describe("blocks", function()
  it("drop boilerplate kinds and captions, with their text", function()
    local doc = lede.parse(article)
    local t, text = T.drop_blocks(doc, { kinds = { "share", "navigation" }, captions = true })
    check_offsets(t, text)
    assert.equal(0, #t.boilerplate)
    assert.equal(0, #t.captions)
    assert.is_nil(text:find("Send Feedback", 1, true))
    assert.is_nil(text:find("This photo", 1, true))
    assert.equal(doc.body, t.body)
  end)

  it("rewrite blocks; entities inside stay when their text stays", function()
    local doc = lede.parse(article)
    local t, text = T.rewrite_blocks(doc, function(b, field)
      if field == "paragraph" and b.text:find("^Interior Minister") then
        return "Update: " .. b.text:gsub("last week", "on Tuesday")
      end
      if field == "paragraph" and b.text:find("^A ministry official") then return false end
    end)
    check_offsets(t, text)
    assert.matches("Update: Interior Minister Lee Jae-won said on Tuesday", t.body, 1, true)
    assert.is_nil(t.body:find("A ministry official", 1, true))
    local lee
    for _, e in ipairs(t.entities) do if e.text == "Lee Jae-won" then lee = e end end
    assert.is_table(lee)
    assert.equal(6, #t.paragraphs)
  end)

  it("relabel paragraphs as boilerplate, keeping the text", function()
    local doc = lede.parse(article)
    local t, text = T.relabel_blocks(doc, function(b) if b.text:find("^The Korea Meteorological") then return "other" end end)
    check_offsets(t, text)
    assert.equal(article, text)
    assert.equal(6, #t.paragraphs)
    assert.equal("other", t.boilerplate[#t.boilerplate - 3].kind)
  end)

  it("add fields", function()
    local t = T.add_field(lede.parse(article), "words", function(tt) local n = 0 for _ in tt.body:gmatch("%S+") do n = n + 1 end return n end)
    assert.is_true(t.words > 100)
  end)
end)

describe("entities", function()
  local text = "Board picks\n\nLONDON (Reuters) - The board named Ann Ferris and Tor Brandt to lead the 3rd Battalion, 7th Marines on Monday.\n"
  it("merge neighbours", function()
    local R = lede.load_rules({ name = "u", rules = { { name = "unit", type = "UNIT",
      tokens = { { regex = [[\d+(?:st|nd|rd|th)]] }, { cap = true } }, override = true } } })
    local doc = lede.parse(text, { rules = R, transform = false })
    local t, out = T.merge_entities(doc, { types = { "UNIT" }, gap = "^,%s*$" })
    check_offsets(t, out)
    local units = {}
    for _, e in ipairs(t.entities) do if e.type == "UNIT" then units[#units + 1] = e.text end end
    assert.same({ "3rd Battalion, 7th Marines" }, units)
  end)

  it("split one entity into several", function()
    local R = lede.load_rules({ name = "p", rules = { { name = "pair", type = "PAIR", pattern = "Ann Ferris and Tor Brandt", override = true } } })
    local doc = lede.parse(text, { rules = R, transform = false })
    local t, out = T.split_entity(doc, { types = { "PAIR" }, by = " and ", into = "PERSON" })
    check_offsets(t, out)
    local p = {}
    for _, e in ipairs(t.entities) do if e.type == "PERSON" then p[#p + 1] = e.text end end
    assert.same({ "Ann Ferris", "Tor Brandt" }, p)
  end)

  it("filter entities", function()
    local doc = lede.parse(article)
    local t = T.filter_entities(doc, { types = { "GPE" }, when = function(e) return e.text ~= "Busan" end })
    for _, e in ipairs(t.entities) do assert.are_not.equal("Busan", e.text) end
    assert.is_true(#t.entities > 0)
  end)
end)

describe("transformed documents", function()
  it("have the interface of documents", function()
    local doc = lede.parse(article)
    local t, text = T.redact(doc, { style = "type" })
    local d = T.document(t, text, doc)
    assert.is_true(T.is_document(d))
    assert.equal(text, d.text)
    assert.equal(doc, d.original)
    assert.equal(t.title, d.title)
    assert.equal(#t.entities, #d.entities)
    assert.equal(doc.entities:count("GPE"), d.entities:count("GPE"))
    assert.equal(d.entities[1].text, t.entities[1].text)
    local n = 0
    for e in d.entities:each("PERSON") do n = n + 1; assert.equal("PERSON", e.type) end
    assert.equal(d.entities:count("PERSON"), n)
    for i, ty, s, e in d.entities:spans() do assert.equal(t.entities[i].type, ty); assert.equal(t.entities[i].start, s) end
    assert.is_table(d:clusters("PERSON")[1].mentions)
    assert.has_error(function() d.title = "x" end)
    -- JSON in the contract's shape: every key, null for absent values
    local j = lede.json.decode(d:json())
    local c = lede.json.decode(doc:json())
    for k in pairs(c) do assert.is_not_nil(j[k], k) end
    for k, v in pairs(c.entities[1]) do assert.is_not_nil(j.entities[1][k], k); assert.equal(type(v), type(j.entities[1][k])) end
    assert.same(j, lede.json.decode(d:json(true)))
    assert.matches("\n  \"body\": ", d:json(true), 1, true)
    local copy = d:to_table()
    copy.title = "changed"
    assert.equal(t.title, d.title)
  end)
end)
