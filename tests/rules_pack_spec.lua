-- Rule packs: loading, validation (every mistake named with the file, the
-- rule and the field), the Rules object, instances, reload, built-ins.
local lede = require "lede"
local H = require "helpers"

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

local function count(doc, ty)
  local n = 0
  for _, t in doc.entities:spans() do if t == ty then n = n + 1 end end
  return n
end

local function by_rule(doc, rule)
  local n = 0
  for e in doc.entities:each() do if e.rule == rule then n = n + 1 end end
  return n
end

local function texts(doc, filter)
  local out = {}
  for e in doc.entities:each(filter) do out[#out + 1] = e.text end
  return out
end

local function load_err(src)
  local ok, err = pcall(lede.load_rules, src)
  assert.is_false(ok, "expected an error")
  return err
end

local function pack(rules, extra)
  local p = { name = "t", rules = rules }
  for k, v in pairs(extra or {}) do p[k] = v end
  return p
end

describe("rule packs", function()
  it("load from a file, with the chunk given the rules module", function()
    local path = H.tmpfile([==[
      local rules = ...
      assert(type(rules.number) == "function")
      return { name = "army", rules = {
        { name = "troops", type = "TROOPS", pattern = [[(?<n>\d[\d,]*) (?:soldiers|troops)]],
          value = function(m) return { amount = rules.number(m.groups.n), unit = "troops" } end },
      } }
    ]==])
    local R = lede.load_rules(path)
    os.remove(path)
    assert.is_true(require("lede.rules").is_rules(R))
    local got = ents(lede.parse(story, { rules = R }), "TROOPS")
    assert.equal(2, #got)
    assert.same({ amount = 1200, unit = "troops" }, got[1].value)
    -- provenance: pack/rule
    assert.equal("army/troops", got[1].rule)
  end)

  it("load from a table; the file's base name names a pack without a name", function()
    local path = H.tmpfile([[return { rules = { { name = "r", type = "FORCE", pattern = "army" } } }]])
    local R = lede.load_rules(path)
    os.remove(path)
    local base = path:match("([^/]+)$"):gsub("%.lua$", "")
    assert.equal(base .. "/r", ents(lede.parse(story, { rules = R }), "FORCE")[1].rule)
    local T = lede.load_rules(pack({ { name = "r", type = "FORCE", pattern = "army" } }))
    assert.equal("t/r", ents(lede.parse(story, { rules = T }), "FORCE")[1].rule)
  end)

  it("show provenance in the JSON form", function()
    local R = lede.load_rules(pack({ { name = "army", type = "FORCE", pattern = "army" } }))
    local j = lede.json.decode(lede.parse(story, { rules = R }):json())
    local found
    for _, e in ipairs(j.entities) do if e.type == "FORCE" then found = e end end
    assert.equal("t/army", found.rule)
    assert.equal("army", found.text)
  end)

  describe("report mistakes at load time, naming the file, the rule and the field", function()
    local function rule_err(r, extra)
      return load_err(pack({ r }, extra))
    end
    it("unknown keys", function()
      assert.matches("lede.load_rules: pack 't': rule 'x': unknown field 'patern'",
        rule_err({ name = "x", type = "A", patern = "a" }), 1, true)
      assert.matches("lede.load_rules: pack 't': unknown pack field 'rule'",
        load_err({ name = "t", rule = {} }), 1, true)
    end)
    it("wrong types", function()
      assert.matches("rule 'x': 'priority' must be a number, got string",
        rule_err({ name = "x", type = "A", pattern = "a", priority = "high" }), 1, true)
      assert.matches("rule 'x': 'value' must be a function, got number",
        rule_err({ name = "x", type = "A", pattern = "a", value = 3 }), 1, true)
      assert.matches("'rules' must be a list of rules", load_err({ name = "t", rules = { a = 1 } }), 1, true)
      assert.matches("rule 1 must be a table, got string", load_err(pack({ "x" })), 1, true)
    end)
    it("missing or doubled parts", function()
      assert.matches("rule 'x': needs one of 'pattern', 'tokens', 'dictionary' or 'file'",
        rule_err({ name = "x", type = "A" }), 1, true)
      assert.matches("rule 'x': has both 'pattern' and 'tokens'",
        rule_err({ name = "x", type = "A", pattern = "a", tokens = { "a" } }), 1, true)
      assert.matches("rule 'x': needs a 'type'", rule_err({ name = "x", pattern = "a" }), 1, true)
      assert.matches("rule 1 needs a 'name'", rule_err({ type = "A", pattern = "a" }), 1, true)
      assert.matches("rule 'x': a second rule with that name",
        load_err(pack({ { name = "x", type = "A", pattern = "a" }, { name = "x", type = "A", pattern = "b" } })), 1, true)
    end)
    it("bad values of options", function()
      assert.matches("rule 'x': 'overlap' must be longest, first, priority or keep_all, got 'biggest'",
        rule_err({ name = "x", type = "A", pattern = "a", overlap = "biggest" }), 1, true)
      assert.matches("rule 'x': 'where': unknown field 'footer'",
        rule_err({ name = "x", type = "A", pattern = "a", where = { "body", "footer" } }), 1, true)
      assert.matches("rule 'x': 'within' must be \"sentence\" or \"paragraph\"",
        rule_err({ name = "x", type = "A", pattern = "a", within = "line" }), 1, true)
      assert.matches("rule 'x': 'case' must be", rule_err({ name = "x", type = "A", pattern = "a", case = "upper" }), 1, true)
      assert.matches("rule 'x': 'type' must be UPPER_CASE", rule_err({ name = "x", type = "troops", pattern = "a" }), 1, true)
      assert.matches("rule 'x': 'accents = \"fold\"' is for dictionaries",
        rule_err({ name = "x", type = "A", pattern = "a", accents = "fold" }), 1, true)
    end)
    it("undeclared types when the pack declares its types", function()
      assert.matches("rule 'x': type 'TROPS' is not declared in the pack's 'types'",
        rule_err({ name = "x", type = "TROPS", pattern = "a" }, { types = { "TROOPS" } }), 1, true)
      -- built-in types are always fine
      assert.is_truthy(lede.load_rules(pack({ { name = "x", type = "GPE", pattern = "a" } }, { types = { "TROOPS" } })))
    end)
    it("a bad regex: the rule and the offset of the error", function()
      local err = rule_err({ name = "broken", type = "A", pattern = "(a|b" })
      assert.matches("lede.load_rules: pack 't': rule 'broken': bad pattern at offset 4: ", err, 1, true)
      err = rule_err({ name = "ctx", type = "A", pattern = "a", before = "[z" })
      assert.matches("rule 'ctx': bad 'before' pattern at offset 2", err, 1, true)
      err = load_err({ name = "t", source = "(yonhap", rules = {} })
      assert.matches("lede.load_rules: pack 't': 'source': bad source pattern at offset 7", err, 1, true)
    end)
    it("bad quantifiers and token tests", function()
      assert.matches("rule 'x': token element 1: bad quantifier '1..3'",
        rule_err({ name = "x", type = "A", tokens = { { cap = true, rep = "1..3" } } }), 1, true)
      assert.matches("rule 'x': token element 1: quantifier '+' has no element before it",
        rule_err({ name = "x", type = "A", tokens = { "+" } }), 1, true)
      assert.matches("rule 'x': token element 1: unknown test 'capital'",
        rule_err({ name = "x", type = "A", tokens = { { capital = true } } }), 1, true)
      assert.matches("rule 'x': token element 1: 'cap' must be a boolean, got number",
        rule_err({ name = "x", type = "A", tokens = { { cap = 1 } } }), 1, true)
      assert.matches("rule 'x': token element 2: repetition {0,99}",
        rule_err({ name = "x", type = "A", tokens = { "a", { cap = true, rep = "{0,99}" } } }), 1, true)
      assert.matches("rule 'x': the token pattern can match nothing",
        rule_err({ name = "x", type = "A", tokens = { { cap = true, rep = "*" } } }), 1, true)
      assert.matches("rule 'x': token element 1: no dictionary rule 'titles' in the pack",
        rule_err({ name = "x", type = "A", tokens = { { ["in"] = "titles" } } }), 1, true)
      assert.matches("rule 'x': bad token pattern (element 1) at offset 1",
        rule_err({ name = "x", type = "A", tokens = { { regex = "a)" } } }), 1, true)
    end)
    it("bad dictionaries", function()
      assert.matches("rule 'd': dictionary entry 2 must be a string",
        rule_err({ name = "d", type = "A", dictionary = { "a", 5 } }), 1, true)
      assert.matches("rule 'd': dictionary entry 1 ('  ') holds no word",
        rule_err({ name = "d", type = "A", dictionary = { "  " } }), 1, true)
      assert.matches("rule 'd': cannot read dictionary file",
        rule_err({ name = "d", type = "A", file = "/nonexistent/names.tsv" }), 1, true)
      assert.matches("rule 'd': line 2: bad type 'lower'",
        rule_err({ name = "d", type = "A", dictionary = "a\t1\tA\nb\t2\tlower\n" }), 1, true)
    end)
    it("in the file, with the file's name", function()
      local path = H.tmpfile([[return { rules = { { name = "oops", type = "A", pattern = "(" } } }]])
      local err = load_err(path)
      os.remove(path)
      assert.matches("lede.load_rules: " .. path .. ": rule 'oops': bad pattern at offset 1", err, 1, true)
      path = H.tmpfile("return {")
      err = load_err(path)
      os.remove(path)
      assert.matches("lede.load_rules: " .. path .. ": ", err, 1, true)
      path = H.tmpfile("return 42")
      err = load_err(path)
      os.remove(path)
      assert.matches("a rule pack must be a table, got number", err, 1, true)
      path = H.tmpfile("error('half written')")
      err = load_err(path)
      os.remove(path)
      assert.matches("the pack failed to run: .*half written", err)
      assert.matches("lede.load_rules: /no/such/pack.lua: cannot read the pack", load_err("/no/such/pack.lua"), 1, true)
    end)
    it("wrong argument types", function()
      assert.matches("a rule pack is a file name or a table, got number", load_err(42), 1, true)
      local ok, err = pcall(lede.parse, story, { rules = "military.lua" })
      assert.is_false(ok)
      assert.matches("option 'rules' must be rules from lede.load_rules", err, 1, true)
      ok, err = pcall(lede.parse, story, { rules = { 1, 2 } })
      assert.is_false(ok)
      assert.matches("item 1 is a number", err, 1, true)
      local inst = lede.new()
      ok, err = pcall(inst.load_rules, inst, 7)
      assert.is_false(ok)
      assert.matches("a rule pack is a file name or a table, got number", err, 1, true)
    end)
  end)

  it("combine several packs (lede.rules, or a list in opts.rules)", function()
    local a = lede.load_rules({ name = "a", rules = { { name = "army", type = "FORCE", pattern = "army" } } })
    local b = lede.load_rules({ name = "b", rules = { { name = "min", type = "BODY", pattern = "ministry" } } })
    local doc = lede.parse(story, { rules = { a, b } })
    assert.same({ "army" }, texts(doc, "FORCE"))
    assert.same({ "ministry" }, texts(doc, "BODY"))
    local both = lede.rules(a, b)
    assert.equal(2, #both.packs)
    assert.equal(1, lede.parse(story, { rules = both }).entities:count("BODY"))
    -- the lede command passes what load_rules returns, alone or in a list
    assert.is_truthy(lede.try_parse(story, { rules = { a, b }, source = "x" }))
  end)

  it("load into an instance; clear; list entries with the built-ins", function()
    local inst = lede.new()
    assert.equal("a", inst:load_rules({ name = "a", rules = { { name = "army", type = "FORCE", pattern = "army" } } }))
    assert.equal(1, inst:parse(story).entities:count("FORCE"))
    -- the default instance is untouched
    assert.is_nil(lede.default()._rules)
    local list = inst:rules()
    assert.same({ "numex", "tagger", "gazetteer", "patterns", "a" }, (function()
      local n = {}
      for i, e in ipairs(list) do n[i] = e.name end
      return n
    end)())
    assert.equal("builtin", list[1].kind)
    assert.is_true(list[1].enabled)
    assert.equal("pack", list[5].kind)
    assert.same({ name = "army", qualified = "a/army", kind = "pattern", type = "FORCE", priority = 0, enabled = true },
      list[5].rules[1])
    inst:clear_rules()
    assert.equal(0, count(inst:parse(story), "FORCE"))
    -- instances built with rules
    local i2 = lede.new({ rules = { { name = "b", rules = { { name = "army", type = "FORCE", pattern = "army" } } } } })
    assert.equal(1, i2:parse(story).entities:count("FORCE"))
  end)

  it("a failed load leaves the instance's rules as they were", function()
    local inst = lede.new()
    inst:load_rules({ name = "a", rules = { { name = "army", type = "FORCE", pattern = "army" } } })
    assert.is_false(pcall(inst.load_rules, inst, { name = "b", rules = { { name = "bad", type = "X", pattern = "(" } } }))
    assert.equal(1, #inst:rules() - 4)
    assert.equal(1, inst:parse(story).entities:count("FORCE"))
  end)

  it("replace a pack of the same name", function()
    local inst = lede.new()
    inst:load_rules({ name = "a", rules = { { name = "r", type = "FORCE", pattern = "army" } } })
    inst:load_rules({ name = "a", rules = { { name = "r", type = "FORCE", pattern = "ministry" } } })
    assert.same({ "ministry" }, texts(inst:parse(story), "FORCE"))
  end)

  it("reload from files without restarting, atomically", function()
    local path = H.tmpfile([[return { name = "live", rules = { { name = "r", type = "FORCE", pattern = "army" } } }]])
    local inst = lede.new()
    inst:load_rules(path)
    assert.same({ "army" }, texts(inst:parse(story), "FORCE"))
    assert.same({}, inst:reload_rules())
    local f = assert(io.open(path, "w"))
    f:write([[return { name = "live", rules = { { name = "r", type = "FORCE", pattern = "ministry" } } }]])
    f:close()
    assert.is_true((inst._rules:changed()))
    assert.same({ "live" }, inst:reload_rules())
    assert.same({ "ministry" }, texts(inst:parse(story), "FORCE"))
    -- a broken edit: the error, and the last good rules stay
    f = assert(io.open(path, "w"))
    f:write([[return { name = "live", rules = { { name = "r", type = "FORCE", pattern = "mini(stry" } } }]])
    f:close()
    local ok, err = pcall(inst.reload_rules, inst)
    assert.is_false(ok)
    assert.matches(path .. ": rule 'r': bad pattern at offset", err, 1, true)
    assert.same({ "ministry" }, texts(inst:parse(story), "FORCE"))
    os.remove(path)
  end)

  it("switch built-ins off (skip bits), packs and single rules", function()
    local story = story .. "\nThe army flew them from Germany to Paris.\n"
    local inst = lede.new()
    -- names the tagger and the gazetteer both find are the tagger's
    assert.is_true(by_rule(inst:parse(story), "tagger") > 0)
    inst:disable("tagger")
    assert.equal(0, by_rule(inst:parse(story), "tagger"))
    assert.is_true(by_rule(inst:parse(story), "gazetteer") > 0)
    inst:disable("gazetteer")
    assert.equal(0, by_rule(inst:parse(story), "gazetteer"))
    assert.is_false(inst:rules()[3].enabled)
    inst:enable("gazetteer")
    assert.is_true(by_rule(inst:parse(story), "gazetteer") > 0)
    inst:load_rules({ name = "a", rules = {
      { name = "army", type = "FORCE", pattern = "army" },
      { name = "min", type = "FORCE", pattern = "ministry" },
    } })
    assert.same({ "army", "ministry", "army" }, texts(inst:parse(story), "FORCE"))
    inst:disable("a/min")
    assert.same({ "army", "army" }, texts(inst:parse(story), "FORCE"))
    inst:disable("a")
    assert.equal(0, count(inst:parse(story), "FORCE"))
    inst:enable("a")
    assert.same({ "army", "army" }, texts(inst:parse(story), "FORCE"))
    assert.is_false(pcall(inst.disable, inst, "nothing"))
    -- packs may switch built-ins too (only packs without a source scope)
    local p = lede.load_rules({ name = "quiet", builtins = { gazetteer = false, tagger = false }, rules = {} })
    assert.equal(0, by_rule(lede.parse(story, { rules = p }), "gazetteer"))
    assert.matches("'builtins' cannot be set by a pack with a 'source' scope",
      load_err({ name = "q", source = "x", builtins = { tagger = false } }), 1, true)
    assert.matches("'builtins': unknown built-in 'ner'", load_err({ name = "q", builtins = { ner = false } }), 1, true)
  end)

  it("order packs before the built-ins: their rules take precedence", function()
    -- "Third Armored Division" is longer than the rule's match: the rule
    -- loses under the default order and wins once placed first
    local inst = lede.new()
    inst:load_rules({ name = "short", rules = { { name = "armored", type = "ARMOR", pattern = "Armored" } } })
    local before = inst:parse(story).entities:count("ARMOR")
    inst:order({ "short", "numex", "tagger", "gazetteer", "patterns" })
    assert.equal("short", inst:rules()[1].name)
    assert.equal(1, inst:parse(story).entities:count("ARMOR"))
    assert.is_true(before <= 1)
    assert.is_false(pcall(inst.order, inst, { "nosuch" }))
  end)

  it("leave transformations out on request", function()
    local R = lede.load_rules({ name = "x", rules = {}, transforms = { { "redact", types = { "PERSON" } } } })
    local doc = lede.parse(story, { rules = R })
    assert.is_true(require("lede.transform").is_document(doc))
    local raw = lede.parse(story, { rules = R, transform = false })
    assert.equal("userdata", type(raw))
  end)
end)
