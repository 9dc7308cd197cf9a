--- A military pack: troop numbers with their numeric values, named units,
-- counted equipment. Load it with
--
--     local lede = require "lede"
--     local military = lede.load_rules("examples/military.lua")
--     local doc = lede.parse(io.open("examples/troops.txt"):read("a"), { rules = military })
--     for e in doc.entities:each("TROOPS") do print(e.text, e.value.amount) end
--     --> about 28,500 American troops   28500
--
-- The chunk receives the `lede.rules` module as its first argument (its
-- normalizers: rules.number, rules.ordinal).
local rules = ...

-- "28,500", "1.2 million", "twenty-five hundred", "two thousand"
local NUMBER = [[(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:million|thousand))?]] ..
  [[|(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty)(?:-[a-z]+)?\s+)+]] ..
  [[(?:hundred|thousand)(?:\s+(?:hundred|thousand))?]]

local PERSONNEL = [[troops|soldiers|service\s+members|marines|sailors|airmen|reservists|personnel]]

-- "about" and its kin say the number is approximate
local APPROX = [[(?<approx>about|some|around|roughly|nearly|almost|more\s+than|over|up\s+to|at\s+least)\s+]]

local ECHELONS = { "division", "brigade", "battalion", "regiment", "fleet", "squadron", "corps",
  "wing", "company", "marines", "army", "group" }

-- smaller to larger: "3rd Battalion, 7th Marines" is one unit (a battalion
-- of a regiment), "2nd Division, 3rd Brigade" two
local SIZE = { company = 1, squadron = 2, battalion = 2, regiment = 3, marines = 3, brigade = 3,
  group = 3, wing = 3, division = 4, fleet = 4, corps = 5, army = 6 }

return {
  name = "military",
  description = "troop numbers, units and counted equipment in defence news",
  types = { "TROOPS", "UNIT", "EQUIPMENT" },
  rules = {
    {
      name = "troops",
      type = "TROOPS",
      description = "a number of people under arms: 'about 28,500 American troops' -> 28500",
      pattern = "(?i:" .. APPROX .. ")?(?<n>" .. NUMBER .. [[)\s+(?:(?<who>[A-Z][a-z]+)\s+)?(?<kind>]] ..
        PERSONNEL .. [[)\b]],
      value = function(m)
        local n = rules.number(m.groups.n)
        if not n then return false end -- not a number after all: no entity
        return { amount = n, unit = (m.groups.kind:lower():gsub("%s+", " ")) }
      end,
      priority = 10,
    },
    {
      name = "unit",
      type = "UNIT",
      description = "a named unit: an ordinal, up to three capitalized words, an echelon",
      tokens = {
        { regex = [[\d+(?:st|nd|rd|th)]] },
        { cap = true, rep = "{0,3}" },
        { ["in"] = ECHELONS, cap = true },
      },
      value = function(m)
        local echelon = m.text:match("(%a+)$"):lower()
        return { value = echelon, canonical = m.text:gsub("%s+", " ") }
      end,
      override = true, -- a unit's name beats what the built-ins make of it
    },
    {
      name = "equipment",
      type = "EQUIPMENT",
      description = "counted equipment: '12 attack helicopters' -> 12 attack helicopters",
      pattern = [[(?<n>\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|twelve|dozens of)\s+]] ..
        [[(?<what>(?:attack\s+|transport\s+)?helicopters|warships|fighter\s+jets|tanks|drones|armou?red\s+vehicles|supply\s+ships?)\b]],
      value = function(m)
        return { amount = rules.number(m.groups.n) or 1, unit = (m.groups.what:gsub("%s+", " ")) }
      end,
    },
  },
  transforms = {
    -- a unit followed by the larger unit it belongs to is one unit
    { "merge_entities", types = { "UNIT" }, gap = "^,%s*$", rule = "military/unit",
      when = function(a, b) return (SIZE[a.value] or 9) < (SIZE[b.value] or 0) end },
  },
}
