-- Regex rules skip the blocks that lack a literal every match contains
-- (plugin/core/regex_literals.c). They must find what the pattern finds
-- without that shortcut: a pattern that opens with (*NO_START_OPT), which
-- changes nothing of what it matches, is one the reader gives up on.
local lede = require "lede"

-- blocks (paragraphs) with the cases a wrong literal would miss: K and S
-- as U+212A KELVIN SIGN and U+017F LONG S, other cases, UTF-8 letters
local TEXT = table.concat({
  "Kansas City troops: 1,200 soldiers and service members.",
  "\226\132\170an\197\191as \195\137toile \195\169toile ETOILE TROOPS Troops.",
  "a.b@example.org wrote ab ab ab; x-y X-Y 555-0142.",
  "caf\195\169 CAF\195\137 coffee 42 armored armoured vehicles.",
  "Lone line",
}, "\n\n")

local function hits(pattern, extra, text)
  local rule = { name = "t", type = "HIT", pattern = pattern, override = true, overlap = "keep_all" }
  for k, v in pairs(extra or {}) do rule[k] = v end
  local ok, rules = pcall(lede.rules, { name = "p", types = { "HIT" }, rules = { rule } })
  if not ok then return "error" end
  local out = {}
  for e in lede.parse(text or TEXT, { rules = rules }).entities:each("HIT") do
    out[#out + 1] = e.start .. ":" .. e.text
  end
  return out
end

local PATTERNS = {
  [[(?i)kansas city]], [[kansas]], [[(?i)troops|soldiers]], [[\d[\d,]*\s+(?:troops|soldiers|service\s+members)\b]],
  [[(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+]], [[(?i)\x{e9}toile]], [[(?i)étoile]], [[étoile|ETOILE]],
  [[(?i:caf)é]], [[(?i)café]], [[armou?red\s+vehicles?]], [[(?i)ab(?-i)c|x-y]], [[(?<=Lone )line]],
  [[ab(?= ab)]], [[(ab) \1]], [[\bLone\b]], [[(?i)ſ]], [[(?i)K]], [=[[[:upper:]]roops]=], [=[[]T]roops]=],
  [[\d{3}-\d{4}]], [[(?:ab){2,}]], [[(?:x|y)+-Y]], [[.\n\nLone]], [[(?s)s\.\s+\S+]], [[(?m)^Lone]],
}

-- random patterns and texts from pieces that meet: literals, classes,
-- groups, alternatives, quantifiers, options, lookarounds
local ATOMS = { "a", "b", "ab", "troops", "K", "k", "s", "S", "é", "É", "x", " ", "\\d", "\\w", ".", "[ab]",
  "[^a]", "\\b", "\\s", "\\.", "-", "1" }
local BEHIND = { "a", "b", "K", "x", " ", "\\d", "s" }
local QUANT = { "?", "*", "+", "{2}", "{1,3}", "{0}", "??", "+?", "{2,}" }
local PIECES = { "a", "b", "ab", "troops", "Troops", "TROOPS", "K", "k", "\226\132\170", "s", "S",
  "\197\191", "\195\169", "\195\137", "x", " ", "1", "\n\n", ".", "-" }

local function gen(depth)
  local r = math.random(depth > 2 and 1 or 10)
  if r <= 3 then return ATOMS[math.random(#ATOMS)] end
  if r == 4 then return gen(depth + 1) .. gen(depth + 1) .. gen(depth + 1) end
  if r == 5 then return "(?:" .. gen(depth + 1) .. "|" .. gen(depth + 1) .. ")" end
  if r == 6 then return "(" .. gen(depth + 1) .. ")" .. QUANT[math.random(#QUANT)] end
  if r == 7 then return "(?i:" .. gen(depth + 1) .. ")" .. gen(depth + 1) end
  if r == 8 then return "(?=" .. gen(depth + 1) .. ")" .. gen(depth + 1) end
  if r == 9 then return "(?<!" .. BEHIND[math.random(#BEHIND)] .. ")" .. gen(depth + 1) end
  return (math.random(2) == 1 and "(?i)" or "(?-i)") .. gen(depth + 1) .. gen(depth + 1)
end

local function random_text()
  local t = {}
  for i = 1, math.random(10, 60) do t[i] = PIECES[math.random(#PIECES)] end
  return table.concat(t)
end

describe("regex rules with required literals", function()
  it("find what the pattern finds without them", function()
    for _, extra in ipairs({ {}, { case = "insensitive" }, { ucp = true } }) do
      for _, p in ipairs(PATTERNS) do
        assert.same(hits("(*NO_START_OPT)" .. p, extra), hits(p, extra), p)
      end
    end
  end)

  it("skip no block that can match", function()
    assert.same({ "0:Kansas City", "57:\226\132\170an\197\191as" },
      { hits([[(?i)kansas(?: city)?]])[1], hits([[(?i)kansas(?: city)?]])[2] })
    assert.same({ "20:1,200 soldiers", "39:service members" },
      hits([[(?:\d[\d,]*\s+)?(?:troops|soldiers|service\s+members)\b(?!:)]]))
    assert.same({ "106:a.b@example.org" }, hits([[(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+]]))
  end)

  it("agree with the pattern on random patterns and texts", function()
    math.randomseed(20261201)
    local compared = 0
    for _ = 1, 400 do
      local p, text = gen(0), random_text()
      local extra = math.random(3) == 1 and { case = "insensitive" } or nil
      local want, got = hits("(*NO_START_OPT)" .. p, extra, text), hits(p, extra, text)
      assert.same(want, got, p .. " on " .. string.format("%q", text))
      if type(got) == "table" and #got > 0 then compared = compared + 1 end
    end
    assert.is_true(compared > 50, "too few patterns found anything: " .. compared)
  end)
end)
