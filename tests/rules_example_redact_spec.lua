-- examples/redact.lua: names, phones and addresses pseudonymized consistently.
local lede = require "lede"
local H = require "helpers"

describe("examples/redact.lua", function()
  local R = lede.load_rules(H.root .. "/examples/redact.lua")
  local text = H.read(H.root .. "/examples/tip_line.txt")
  local doc = lede.parse(text, { rules = R })

  it("leaves no real name, number or address in the text or the fields", function()
    for _, s in ipairs({ "Mirela Santori", "Santori", "Elena Vashti", "Vashti", "Tomasz Brell", "Brell",
      "Priya Nandakumar", "Nandakumar", "555-0142", "013-9876", "017 3300", "floods@riverton.example" }) do
      assert.is_nil(doc.text:find(s, 1, true), s)
      assert.is_nil(doc:json():find(s, 1, true), s)
    end
    -- what is not personal stays
    assert.matches("Quay Street", doc.text, 1, true)
    assert.matches("regional water board", doc.text, 1, true)
  end)

  it("gives one person one pseudonym in every mention", function()
    local orig = doc.original
    local by = {}
    for e in orig.entities:each("PERSON") do
      by[e.canonical] = by[e.canonical] or {}
      table.insert(by[e.canonical], e.index)
    end
    local brell = by["Tomasz Brell"]
    assert.is_true(#brell >= 3)
    -- "Brell" alone becomes the family name of "Tomasz Brell"'s pseudonym
    local full
    for e in doc.entities:each("PERSON") do
      if e.canonical and e.text == e.canonical and e.canonical:find(" ") and doc.text:find(e.text .. ", 61", 1, true) then full = e.text end
    end
    assert.is_string(full)
    local family = full:match("(%S+)$")
    local _, n = doc.text:gsub(family .. " said", "")
    assert.equal(2, n)
    -- the same number gets the same fake digits both times
    local phones = {}
    for e in doc.entities:each("PHONE") do phones[#phones + 1] = e.text end
    assert.equal(4, #phones)
    assert.equal(phones[1], phones[3])
    assert.are_not.equal(phones[1], phones[2])
    for _, p in ipairs(phones) do assert.is_truthy(p:match("%d%d%d")) end
  end)

  it("keeps every offset true in the redacted text", function()
    for e in doc.entities:each() do assert.equal(e.text, doc.text:sub(e.start + 1, e["end"])) end
    for _, p in ipairs(doc.paragraphs) do assert.equal(p.text, doc.text:sub(p.start + 1, p["end"])) end
    for _, q in ipairs(doc.quotes) do assert.equal(q.text, doc.text:sub(q.start + 1, q["end"])) end
    local off = doc.offsets
    assert.equal(doc.byline[1], doc.text:sub(off.authors[1][1] + 1, off.authors[1][2]))
  end)

  it("is the same every time (seeded), and the original is kept", function()
    local again = lede.parse(text, { rules = lede.load_rules(H.root .. "/examples/redact.lua") })
    assert.equal(doc.text, again.text)
    assert.equal(text, doc.original.text)
    assert.matches("Tomasz Brell", doc.original.body, 1, true)
  end)
end)
