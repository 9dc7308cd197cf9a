-- examples/military.lua: troop numbers with values, units, equipment.
local lede = require "lede"
local H = require "helpers"

describe("examples/military.lua", function()
  local R = lede.load_rules(H.root .. "/examples/military.lua")
  local text = H.read(H.root .. "/examples/troops.txt")
  local doc = lede.parse(text, { rules = R })
  local function of(ty)
    local out = {}
    for e in doc.entities:each(ty) do out[#out + 1] = e end
    return out
  end

  it("finds troop numbers with their numeric values", function()
    local got = {}
    for _, e in ipairs(of("TROOPS")) do got[#got + 1] = { e.text, e.value.amount, e.value.unit, e.rule } end
    assert.same({
      { "28,500 troops", 28500, "troops", "military/troops" },
      { "about 28,500 American troops", 28500, "troops", "military/troops" },
      { "some 4,500 soldiers", 4500, "soldiers", "military/troops" },
      { "roughly 1.2 million reservists", 1200000, "reservists", "military/troops" },
      { "more than 6,000 marines", 6000, "marines", "military/troops" },
      { "Some twenty-five hundred troops", 2500, "troops", "military/troops" },
      { "two thousand sailors", 2000, "sailors", "military/troops" },
    }, got)
  end)

  it("finds named units, a battalion of its regiment as one", function()
    local got = {}
    for _, e in ipairs(of("UNIT")) do got[#got + 1] = { e.text, e.value } end
    assert.same({
      { "2nd Infantry Division", "division" },
      { "35th Air Defense Artillery Brigade", "brigade" },
      { "3rd Battalion, 7th Marines", "battalion" },
      { "7th Fleet", "fleet" },
    }, got)
  end)

  it("counts equipment", function()
    local got = {}
    for _, e in ipairs(of("EQUIPMENT")) do got[#got + 1] = { e.text, e.value.amount, e.value.unit } end
    assert.same({ { "three warships", 3, "warships" }, { "12 attack helicopters", 12, "attack helicopters" } }, got)
  end)

  it("keeps the built-ins' people and places, and true offsets", function()
    local names = {}
    for _, e in ipairs(of("PERSON")) do names[#names + 1] = e.text end
    assert.same({ "Marcus Hale", "Dana Whitlock" }, names)
    for e in doc.entities:each() do assert.equal(e.text, doc.text:sub(e.start + 1, e["end"])) end
    assert.equal(text, doc.text)
  end)

  it("writes provenance and values into the JSON form", function()
    local j = lede.json.decode(doc:json())
    local troops
    for _, e in ipairs(j.entities) do if e.type == "TROOPS" then troops = troops or e end end
    assert.equal("military/troops", troops.rule)
    assert.same({ amount = 28500, unit = "troops" }, troops.value)
  end)
end)
