-- The rules engine of the core through its thin binding (lede.core.ruleset);
-- rule packs (lede.load_rules) build on it.
local lede = require "lede"
local core = require "lede.core"

local story = table.concat({
  "Troops return home",
  "",
  "LONDON (Reuters) - The army said 1,200 soldiers of the Third Armored Division would return by May.",
  "",
  "Colonel Ann Ferris told reporters the move freed 300 troops for other duties, the ministry said.",
  "",
}, "\n")

local function ents(doc, filter)
  local out = {}
  for e in doc.entities:each(filter) do out[#out + 1] = e end
  return out
end

describe("rulesets", function()
  it("run regex rules with named groups and a value callback", function()
    local rs = core.ruleset()
    local TROOPS = rs:type("TROOPS")
    local id = rs:regex({ name = "troops", type = TROOPS, callback = true },
      [[(?<n>\d[\d,]*)\s+(?:soldiers|troops)]])
    rs:callback(function(rule, m)
      assert.equal(id, rule)
      return { value = { amount = tonumber((m.groups.n:gsub(",", ""))), unit = "troops" } }
    end)
    local got = ents(lede.parse(story, { rules = rs }), "TROOPS")
    assert.equal(2, #got)
    assert.equal("1,200 soldiers", got[1].text)
    assert.same({ amount = 1200, unit = "troops" }, got[1].value)
    assert.equal("troops", got[1].rule)
    assert.equal(300, got[2].value.amount)
  end)

  it("run token patterns with repetitions", function()
    local rs = core.ruleset()
    rs:tokens({ name = "divisions", type = rs:type("UNIT") },
      { { lower = "the", min = 0, max = 1 }, { cap = 1, min = 1, max = 3 }, { lower = "division" } })
    local got = ents(lede.parse(story, { rules = rs }), "UNIT")
    assert.equal(1, #got)
    assert.equal("the Third Armored Division", got[1].text)
  end)

  it("run dictionaries, with ids, case and accents", function()
    local rs = core.ruleset()
    local d = rs:dict({ name = "people", type = 1, fold_accents = true })
    rs:dict_add(d, "Ann Férris", "person-17")
    local cs = rs:dict({ name = "army", type = rs:type("FORCE"), case_sensitive = true })
    rs:dict_load(cs, "army\tf1\nARMY\tf2\n")
    local doc = lede.parse(story, { rules = rs })
    local p = ents(doc, "PERSON")
    local found
    for _, e in ipairs(p) do if e.id == "person-17" then found = e end end
    assert.is_table(found)
    assert.equal("Ann Ferris", found.text)
    assert.equal("people", found.rule)
    local f = ents(doc, "FORCE")
    assert.equal(1, #f)
    assert.equal("f1", f[1].id)
  end)

  it("respect context: text before and after", function()
    local rs = core.ruleset()
    rs:regex({ name = "counted", type = rs:type("COUNT"), after = [[\s+troops]] }, [[\d[\d,]*]])
    local got = ents(lede.parse(story, { rules = rs }), "COUNT")
    assert.equal(1, #got)
    assert.equal("300", got[1].text)
  end)

  it("resolve overlaps by policy: longest, priority, keep all", function()
    local function run(opts)
      local rs = core.ruleset()
      opts.name, opts.type = "short", rs:type("SHORT")
      rs:regex(opts, [[Armored]])
      return ents(lede.parse(story, { rules = rs }))
    end
    local function has(list, ty) for _, e in ipairs(list) do if e.type == ty then return true end end end
    -- a built-in ORDINAL/name over "Third Armored Division" is longer: the rule loses
    local plain = run({})
    local kept = run({ overlap = 3 })
    assert.is_true(has(kept, "SHORT"))
    local over = run({ override = true })
    assert.is_true(has(over, "SHORT"))
    assert.is_table(plain)
  end)

  it("report bad patterns with the rule name and offset", function()
    local rs = core.ruleset()
    local ok, err = pcall(rs.regex, rs, { name = "broken", type = 1 }, "(a|b")
    assert.is_false(ok)
    assert.matches("rule 'broken': bad pattern at offset 4", err, 1, true)
    ok, err = pcall(rs.tokens, rs, { name = "empty", type = 1 }, { { min = 0, max = 2 } })
    assert.is_false(ok)
    assert.matches("rule 'empty': the token pattern can match nothing", err, 1, true)
  end)

  it("stop a runaway pattern with a clear error, in bounded time", function()
    local rs = core.ruleset()
    rs:regex({ name = "runaway", type = 1 }, [[(\w+\s?)+$]])
    local text = "Title here\n\nLONDON (Reuters) - " .. string.rep("word ", 40) .. "and a dot!\n"
    local inst = lede.new({ limits = { match_limit = 100000 } })
    local t = os.clock()
    local ok, err = pcall(inst.parse, inst, text, { rules = rs })
    assert.is_false(ok)
    assert.matches("rule 'runaway': pattern ran into the match limit at byte", err, 1, true)
    assert.is_true(os.clock() - t < 5)
  end)

  it("report a failing callback with the rule and the position, and go on working", function()
    local rs = core.ruleset()
    rs:regex({ name = "boom", type = 1, callback = true }, "Ferris")
    rs:callback(function() error("kaboom") end)
    local ok, err = pcall(lede.parse, story, { rules = rs })
    assert.is_false(ok)
    assert.matches("rule 'boom': callback failed at byte %d+: .*kaboom", err)
    -- the same ruleset and instance parse again
    rs:callback(function() return false end)
    assert.is_not_nil(lede.parse(story, { rules = rs }))
  end)

  it("apply packs only to their sources", function()
    local rs = core.ruleset()
    local p = rs:pack("wire", "reuters|yonhap")
    rs:regex({ name = "army", type = rs:type("FORCE"), pack = p }, "army")
    assert.equal(1, lede.parse(story, { rules = rs, source = "Reuters" }).entities:count("FORCE"))
    assert.equal(0, lede.parse(story, { rules = rs, source = "Example Times" }).entities:count("FORCE"))
    assert.equal(0, lede.parse(story, { rules = rs }).entities:count("FORCE"))
  end)

  it("tell whether a pack applies to a source, as the parse does", function()
    local rs = core.ruleset()
    local always = rs:pack("always")
    local wire = rs:pack("wire", "reuters|yna\\.co\\.kr")
    assert.is_true(rs:pack_applies(always))
    assert.is_true(rs:pack_applies(always, "anything"))
    assert.is_true(rs:pack_applies(wire, "Reuters"))
    assert.is_true(rs:pack_applies(wire, "https://en.yna.co.kr/view/AEN1"))
    assert.is_false(rs:pack_applies(wire, "Example Times"))
    assert.is_false(rs:pack_applies(wire))
    assert.is_nil(rs:pack_applies(99, "Reuters"))
  end)
end)
