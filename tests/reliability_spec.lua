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
