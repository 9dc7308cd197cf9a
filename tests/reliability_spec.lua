-- Regressions of what the fuzzers found on the Lua side (fuzz/fuzz_lua_json.c
-- and others); the core's are in tests/c/test_regressions.c.
local lede = require "lede"

describe("lede.json regressions", function()
  it("keeps NUL bytes in object keys (they were cut, making duplicate keys)", function()
    local v = lede.json.decode('{"a\\u0000b":1,"a\\u0000c":2}')
    local s = lede.json.encode(v)
    assert.equal('{"a\\u0000b":1,"a\\u0000c":2}', s)
    assert.same(v, lede.json.decode(s))
  end)

  it("refuses a table whose number key and string key would print alike", function()
    assert.has_error(function() lede.json.encode({ [1.5] = true, ["1.5"] = false }) end,
      "lede.json: key '1.5' is both a number and a string")
  end)

  it("decodes -0 as negative zero, so that encoding is stable (it gave -0, then 0)", function()
    local v = lede.json.decode("-0")
    assert.equal("-0", lede.json.encode(v))
    assert.equal(math.huge, 1 / -v)
    assert.equal('[-0,0]', lede.json.encode(lede.json.decode(lede.json.encode({ -0.0, 0 }))))
  end)
end)

describe("limits", function()
  local core = require "lede.core"
  local para = "The council of the town voted on Tuesday to rebuild the sea wall, which storms "
    .. "breached twice last winter, officials in Seoul and Washington said. "
  local text = "Harbour town votes to rebuild its sea wall\n\n" .. string.rep(para, 3)
    .. string.rep("ab", 300) .. "c and more words, so that the paragraph reads as prose.\n"
  local function backtracker()
    local rs = core.ruleset()
    rs:regex({ name = "deep", type = rs:type("ORG") }, "(?:(a)|b)*c")
    return rs
  end

  it("max_entities keeps the first entities and warns", function()
    local inst = lede.new({ limits = { max_entities = 2 } })
    local doc = inst:parse(text)
    assert.equal(2, #doc.entities)
    assert.same({ "entity_limit" }, doc.warnings)
    assert.equal(0, #lede.parse(text).warnings)
  end)

  it("max_input refuses a longer text, naming both sizes", function()
    local inst = lede.new({ limits = { max_input = 100 } })
    local ok, err = pcall(inst.parse, inst, string.rep("x", 101))
    assert.is_false(ok)
    assert.matches("input of 101 bytes is over the limit of 100 bytes", err, 1, true)
  end)

  it("match_limit stops a user's pattern, naming the rule, the limit and the byte", function()
    local inst = lede.new({ limits = { match_limit = 1 } })
    local ok, err = pcall(inst.parse, inst, text, { rules = backtracker() })
    assert.is_false(ok)
    assert.matches("rule 'deep': pattern ran into the match limit at byte %d+", err)
  end)

  -- PCRE2's JIT knows no depth or heap limit (its own stack bounds it): the
  -- two apply to an instance without JIT, which runs users' patterns with
  -- the interpreter too (before, the interpreter never ran them)
  it("depth_limit and heap_limit_kib stop a user's pattern without JIT", function()
    for _, c in ipairs({ { "depth_limit", "the depth limit" }, { "heap_limit_kib", "the heap limit" } }) do
      local inst = lede.new({ jit = false, limits = { [c[1]] = 1 } })
      local ok, err = pcall(inst.parse, inst, text, { rules = backtracker() })
      assert.is_false(ok, c[1])
      assert.matches("rule 'deep': pattern ran into " .. c[2] .. " at byte %d+", err)
      -- (not under valgrind: JIT code reads past the subject by design)
      if not os.getenv("LEDE_NO_JIT") then
        local with_jit = lede.new({ jit = true, limits = { [c[1]] = 1 } })
        assert.is_not_nil(with_jit:parse(text, { rules = backtracker() }))
      end
    end
  end)

  it("time_budget stops a parse with its own error", function()
    local inst = lede.new({ limits = { time_budget = 1e-6 } })
    local ok, err = pcall(inst.parse, inst, string.rep(para, 20000))
    assert.is_false(ok)
    assert.matches("time budget of 0.000 s exceeded", err, 1, true)
  end)

  it("JSON nesting is bounded both ways", function()
    local ok, err = pcall(lede.json.decode, string.rep("[", 600))
    assert.is_false(ok)
    assert.matches("nesting too deep at byte 512", err, 1, true)
    local t = {}
    local cur = t
    for _ = 1, 600 do cur[1] = {}; cur = cur[1] end
    assert.has_error(function() lede.json.encode(t) end)
  end)
end)
