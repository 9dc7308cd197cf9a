-- Bad input never crashes, hangs or leaks: each case returns a document (or
-- a clear error) quickly. Leaks are checked by running this same suite under
-- ASan (make check-asan) and valgrind (make check-valgrind).
local lede = require "lede"

local function timed(f)
  local t = os.clock()
  local r = f()
  return r, os.clock() - t
end

-- Generous bounds: these guard against hangs and quadratic blow-ups, not
-- speed (that is `make bench`). Under valgrind everything is ~50x slower.
local slow = os.getenv("LEDE_VALGRIND") and 60 or 1

describe("bad input", function()
  local cases = {
    { "the empty string", "" },
    { "only white space", " \t\n\r\n   \n\n\t " },
    { "invalid UTF-8", "Title\n\nSEOUL, May 1 (Yonhap) -- \xff\xfe bad \xc3\x28 bytes \xe2\x82 here.\n" },
    { "NUL bytes", "Head\0line\n\nWASHINGTON (AP) \0 -- Text\0with\0nuls.\n\0" },
    { "a lone continuation byte run", string.rep("\x80", 1000) },
    { "overlong encodings", "\xc0\xaf\xe0\x80\xaf\xf0\x80\x80\xaf" },
    { "surrogates encoded in UTF-8", "\xed\xa0\x80\xed\xbf\xbf" },
    { "CR line ends", "Title\r\rBody line one.\rBody line two.\r" },
    { "control characters", "\1\2\3\4\5\6\7\8\11\12\14\15\16\17\18" },
  }
  for _, c in ipairs(cases) do
    it("parses " .. c[1], function()
      local doc = lede.parse(c[2])
      assert.is_not_nil(doc)
      -- everything reachable; JSON stays valid
      local j = lede.json.decode(doc:json())
      assert.is_table(j)
      assert.is_string(doc.body)
    end)
  end

  it("flags invalid UTF-8 and NUL bytes, and keeps offsets to the original bytes", function()
    local text = "A title line\n\nSome \xff body text here that runs long enough to be prose, with words.\n"
    local doc = lede.parse(text)
    assert.same({ "invalid_utf8" }, doc.warnings)
    local d2 = lede.parse("x\0y")
    assert.same({ "nul_bytes" }, d2.warnings)
    -- JSON replaces the bad byte by U+FFFD, the offsets still address it
    local j = doc:json()
    assert.truthy(j:find("\xef\xbf\xbd", 1, true))
  end)

  -- (5 MB under valgrind: 50 MB would take it most of an hour)
  local mb = os.getenv("LEDE_VALGRIND") and 5 or 50
  it("parses " .. mb .. " MB quickly", function()
    local para = "The committee said on Tuesday that it had approved the plan, which will cost 4.5 billion dollars over ten years.\n\n"
    local text = string.rep(para, math.floor(mb * 1024 * 1024 / #para))
    local doc, secs = timed(function() return lede.parse(text) end)
    assert.is_true(#doc.paragraphs > 1000)
    assert.is_true(secs < 30 * slow, "took " .. secs .. " s")
  end)

  it("parses a line of 1 MB without a newline", function()
    local text = string.rep("word ", 200 * 1024)
    local doc, secs = timed(function() return lede.parse(text) end)
    assert.is_not_nil(doc)
    assert.is_true(secs < 5 * slow, "took " .. secs .. " s")
    local glued = string.rep("x", 1024 * 1024)
    local d2, s2 = timed(function() return lede.parse(glued) end)
    assert.is_not_nil(d2)
    assert.is_true(s2 < 5 * slow, "took " .. s2 .. " s")
  end)

  it("parses 100k dateline-like lines in linear time", function()
    local text = string.rep("WASHINGTON, May 6 (Yonhap) -- x\n", 100000)
    local doc, secs = timed(function() return lede.parse(text) end)
    assert.is_not_nil(doc)
    assert.is_true(secs < 10 * slow, "took " .. secs .. " s")
  end)

  it("refuses input over the limit with a clear error, and parses at the limit", function()
    local a = lede.new({ limits = { max_input = 1000 } })
    assert.is_not_nil(a:parse(string.rep("a", 1000)))
    local ok, err = pcall(a.parse, a, string.rep("a", 1001))
    assert.is_false(ok)
    assert.equal("lede.parse: input of 1001 bytes is over the limit of 1000 bytes", err:match("lede%.parse:.*"))
  end)
end)
