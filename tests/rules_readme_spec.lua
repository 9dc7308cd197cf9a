-- The README's complete example pack runs as printed.
local lede = require "lede"
local H = require "helpers"

describe("the README's rule pack example", function()
  it("loads and finds what it says", function()
    local readme = H.read(H.root .. "/README.md")
    local sec = readme:sub((readme:find("## Rules: your own", 1, true)))
    local pack_src = sec:match("```lua\n(.-)```")
    local path = H.tmpfile(pack_src)
    local military = lede.load_rules(path)
    os.remove(path)
    local doc = lede.parse(H.read(H.root .. "/examples/troops.txt"), { rules = military })
    local got = {}
    for e in doc.entities:each("TROOPS") do got[#got + 1] = { e.text, e.value.amount, e.rule } end
    assert.same({ "28,500 troops", 28500, "military/troops" }, got[1])
    assert.equal(3, #got)
    local units = {}
    for e in doc.entities:each("UNIT") do units[#units + 1] = e.text end
    assert.same("2nd Infantry Division", units[1])
    local fac
    for e in doc.entities:each("FAC") do if e.id == "fac-1" then fac = e end end
    assert.equal("Camp Redfern", fac.text)
  end)
end)
