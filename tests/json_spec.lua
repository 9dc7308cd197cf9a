local json = require("lede").json

describe("lede.json", function()
  local round = {
    { "nested tables", { a = 1, b = { 1, 2, { c = "x" } }, d = true } },
    { "strings with escapes", { s = "quote \" backslash \\ newline \n tab \t nul \0 end" } },
    { "unicode", { s = "Séoul — “quoted” 한국 😀" } },
    { "numbers", { 0, -1, 3.25, 1e300, -2.5e-10, 9007199254740991 } },
    { "an empty table as an array", {} },
  }
  for _, c in ipairs(round) do
    it("round-trips " .. c[1], function()
      assert.same(c[2], json.decode(json.encode(c[2])))
    end)
  end

  it("sorts object keys", function()
    assert.equal('{"a":1,"b":2,"c":3}', json.encode({ c = 3, a = 1, b = 2 }))
  end)

  it("writes null and reads it back as lede.json.null", function()
    assert.equal('[1,null,2]', json.encode({ 1, json.null, 2 }))
    assert.same({ 1, json.null, 2 }, json.decode("[1,null,2]"))
  end)

  it("replaces invalid UTF-8 by U+FFFD", function()
    assert.equal('"a\xef\xbf\xbdb"', json.encode("a\xffb"))
  end)

  it("decodes surrogate pairs and lone surrogates", function()
    assert.equal("😀", json.decode('"\\ud83d\\ude00"'))
    assert.equal("\xef\xbf\xbd", json.decode('"\\ud83d"'))
  end)

  local bad = {
    { "trailing characters", "[1] x", "trailing characters at byte 4" },
    { "an unterminated string", '"abc', "unterminated string" },
    { "a bad number", "[01]", "expected ',' or ']' at byte 2" },
    { "a control character in a string", '"a\nb"', "control character" },
    { "deep nesting", string.rep("[", 100000), "nesting too deep" },
    { "an empty input", "", "unexpected end" },
  }
  for _, c in ipairs(bad) do
    it("rejects " .. c[1] .. " with its position", function()
      local ok, err = pcall(json.decode, c[2])
      assert.is_false(ok)
      assert.matches(c[3], err, 1, true)
    end)
  end

  it("refuses what JSON cannot hold", function()
    assert.has_error(function() json.encode({ f = print }) end, "lede.json: cannot encode a function")
    assert.has_error(function() json.encode(0 / 0) end, "lede.json: cannot encode NaN")
    local cyc = {}
    cyc[1] = cyc
    assert.has_error(function() json.encode(cyc) end, "lede.json: nesting too deep (a cycle?)")
  end)
end)
