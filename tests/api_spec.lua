local lede = require "lede"
local H = require "helpers"

describe("lede.parse arguments", function()
  local cases = {
    { "a number", function() lede.parse(42) end, "text must be a string, got number" },
    { "nil", function() lede.parse() end, "text must be a string, got nil" },
    { "options not a table", function() lede.parse("x", "2020-01-01") end, "options must be a table" },
    { "an unknown option", function() lede.parse("x", { dat = "2020-01-01" }) end, "unknown option 'dat'" },
    { "a date not ISO", function() lede.parse("x", { date = "May 6" }) end, "is not ISO 8601" },
    { "a date of the wrong type", function() lede.parse("x", { date = 20200506 }) end,
      "option 'date' must be an ISO 8601 date string" },
    { "a bad zone", function() lede.parse("x", { tz = "Seoul" }) end, "option 'tz' must be like" },
    { "a bad skip stage", function() lede.parse("x", { skip = { "everything" } }) end, "unknown stage 'everything'" },
    { "source not a string", function() lede.parse("x", { source = {} }) end, "option 'source' must be a string" },
  }
  for _, c in ipairs(cases) do
    it("rejects " .. c[1] .. " with a clear error", function()
      local ok, err = pcall(c[2])
      assert.is_false(ok)
      assert.matches(c[3], err, 1, true)
    end)
  end

  it("try_parse returns nil and the message instead of raising", function()
    local doc, err = lede.try_parse(42)
    assert.is_nil(doc)
    assert.matches("text must be a string", err, 1, true)
  end)

  it("accepts zones as strings or minutes", function()
    local text = "Headline of a story\n\nBody 10:00 Jan 2, 2020\n"
    assert.is_not_nil(lede.parse(text, { tz = "+09:00" }))
    assert.is_not_nil(lede.parse(text, { tz = -300 }))
    assert.is_not_nil(lede.parse(text, { tz = "Z" }))
  end)
end)

describe("a document", function()
  local text = H.fixture("../../examples/article.txt")
  local doc = lede.parse(text)

  it("is read-only", function()
    assert.has_error(function() doc.title = "x" end)
  end)

  it("keeps the text it was parsed from", function()
    assert.equal(text, doc.text)
  end)

  it("has every field of the JSON form, absent ones as nil or empty tables", function()
    local t = doc:to_table()
    for _, k in ipairs(lede.fields) do
      if k ~= "dateline" and k ~= "section" and k ~= "published" and k ~= "title" and k ~= "lead" then
        assert.is_not_nil(t[k], k)
      end
    end
    local empty = lede.parse("")
    assert.is_nil(empty.title)
    assert.same({}, empty.byline)
    assert.same({}, empty.paragraphs)
    assert.equal("", empty.body)
  end)

  it("writes JSON with every key of the contract, never missing", function()
    local j = lede.json.decode(doc:json())
    for _, k in ipairs({ "title", "section", "published", "byline", "dateline", "lead", "body",
                         "paragraphs", "captions", "quotes", "boilerplate", "entities" }) do
      assert.is_not_nil(j[k], k)
    end
    local e = lede.json.decode(lede.parse(""):json())
    assert.equal(lede.json.null, e.title)
    assert.equal(lede.json.null, e.dateline)
    assert.same({}, e.byline)
    assert.same({}, e.entities)
    -- pretty and compact forms hold the same data
    assert.same(lede.json.decode(doc:json(true)), lede.json.decode(doc:json(false)))
  end)

  it("names its reference date", function()
    assert.equal("2021-03-13", doc.ref_date)
    local d = lede.parse("No date here at all.\n", { date = "2019-07-01" })
    assert.equal("2019-07-01", d.ref_date)
  end)

  it("can skip stages", function()
    local d = lede.parse(text, { skip = { "entities", "quotes" } })
    assert.equal(0, #d.entities)
    assert.equal(0, #d.quotes)
    assert.equal(doc.title, d.title)
  end)
end)

describe("instances", function()
  it("are independent: limits set on one do not touch another", function()
    local a, b = lede.new(), lede.new()
    a:set_limits({ max_input = 10 })
    assert.equal(10, a:limits().max_input)
    assert.is_true(b:limits().max_input > 10)
    local ok, err = pcall(a.parse, a, string.rep("x", 11))
    assert.is_false(ok)
    assert.matches("over the limit of 10 bytes", err, 1, true)
    assert.is_not_nil(b:parse(string.rep("x", 11)))
  end)

  it("reject unknown limits and bad values", function()
    local a = lede.new()
    assert.has_error(function() a:set_limits({ max_inputs = 1 }) end, "lede: unknown limit 'max_inputs'")
    assert.has_error(function() a:set_limits({ time_budget = "1s" }) end,
      "lede: limit 'time_budget' must be a number, got string")
    assert.has_error(function() a:set_limits({ max_input = -1 }) end, "lede: limit 'max_input' must be >= 0")
    assert.has_error(function() lede.new(5) end)
  end)

  it("reuse their working memory from one parse to the next without changing any output", function()
    local core = require "lede.core"
    local texts = {
      "Harbor Bridge reopens\n\nBy Lena Ortiz\n\nPORTVILLE, March 3 (Reuters) - The bridge " ..
        "reopened on Tuesday after repairs that cost $12.5 million, Mayor Tom Reed said.\n",
      "",
      string.rep("the cat sat on the mat. ", 30000) .. "Tom Lee of Acme Corp said so.",
      "Farmers marched in Lisbon on Monday against a 3% fuel tax, the union said.",
    }
    local a = lede.new()
    for round = 1, 2 do
      for i, t in ipairs(texts) do
        -- a fresh instance parses with memory of its own, never used before
        assert.equal(lede.new():parse(t):json(), a:parse(t):json(), "text " .. i .. ", round " .. round)
      end
    end
    -- a parse started from a rule's callback during another gets memory of its own
    local rs = core.ruleset()
    rs:regex({ name = "nested", type = rs:type("NESTED"), callback = true }, "repairs")
    local inner
    rs:callback(function()
      inner = a:parse(texts[4]):json()
      return {}
    end)
    local outer = a:parse(texts[1], { rules = rs })
    assert.is_not_nil(inner)
    assert.equal(lede.new():parse(texts[4]):json(), inner)
    assert.equal(1, #outer.entities:list("NESTED"))
    assert.equal(lede.new():parse(texts[1]):json(), a:parse(texts[1]):json())
  end)

  it("enforce a time budget with a clear error", function()
    local a = lede.new({ limits = { time_budget = 1e-9 } })
    local big = string.rep("Word word word. ", 200000)
    local ok, err = pcall(a.parse, a, big)
    assert.is_false(ok)
    assert.matches("time budget", err, 1, true)
  end)
end)
