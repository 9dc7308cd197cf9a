-- Token patterns with a regex element: the tokens that cannot start a match
-- skip the call to PCRE2 (rules.c, elem_prefilter). They must find what the
-- regex finds without that shortcut: (*NO_START_OPT) turns off PCRE2's own
-- knowledge of the first bytes and the shortest match, which it rests on.
local lede = require "lede"

local TEXT = "Kilo kilo KILO \226\132\170ilo milo Skilo 3rd 33rd 3 x3rd 21st \195\132rger \195\164rger " ..
  "\239\188\147rd ss \197\191s Strasse STRASSE stra\195\159e e\204\129t\195\169 7-8 (9) \255\254 a\0b"

local function hits(regex, extra)
  local rule = { name = "t", type = "HIT", tokens = { { regex = regex } }, override = true, overlap = "keep_all" }
  for k, v in pairs(extra or {}) do rule[k] = v end
  local rules = lede.rules({ name = "p", types = { "HIT" }, rules = { rule } })
  local out = {}
  for e in lede.parse(TEXT, { rules = rules }).entities:each("HIT") do out[#out + 1] = e.text end
  return out
end

local REGEXES = {
  [[k\w+]], [[\d+(?:st|nd|rd|th)]], [[[a-z]\w*]], [[\w\w+]], [[s+]], [[stra(?:ss|ß)e]], [[[äÄ]rger]],
  [[(?=\d)\w+]], [[(?i)k\w+]], [[\(\d\)|\d-\d]], [[e\x{301}t\x{e9}]], [[\x{212a}\w+]], [[.+]], [[a\x00b]],
}

describe("token patterns with a regex element", function()
  it("find what the regex finds without PCRE2's start-up knowledge", function()
    for _, extra in ipairs({ {}, { case = "insensitive" }, { ucp = true }, { case = "insensitive", ucp = true } }) do
      for _, re in ipairs(REGEXES) do
        assert.same(hits("(*NO_START_OPT)" .. re, extra), hits(re, extra), re)
      end
    end
  end)

  it("skip no token that can match", function()
    assert.same({ "3rd", "33rd", "21st" }, hits([[\d+(?:st|nd|rd|th)]]))
    assert.same({ "kilo" }, hits([[k\w+]]))
    local caseless = hits([[k\w+]], { case = "insensitive" })
    assert.same({ "Kilo", "kilo", "KILO" }, { caseless[1], caseless[2], caseless[3] })
  end)

  it("hold for a negated element", function()
    local rules = lede.rules({ name = "p", types = { "HIT" }, rules = {
      { name = "n", type = "HIT", tokens = { { lower = "milo" }, { regex = [[\d+(?:st|nd|rd|th)]], negate = true } },
        override = true } } })
    local out = {}
    for e in lede.parse(TEXT, { rules = rules }).entities:each("HIT") do out[#out + 1] = e.text end
    assert.same({ "milo Skilo" }, out)
  end)
end)
