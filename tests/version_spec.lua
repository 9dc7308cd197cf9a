local lede = require "lede"

describe("the suite's interpreter", function()
  it("is Lua 5.4 (busted from Debian starts under 5.1 unless told)", function()
    assert.equal("Lua 5.4", _VERSION)
  end)

  it("loads the installed rock, C core included", function()
    assert.is_string(lede.version)
    assert.matches("^%d+%.%d+%.%d+$", lede.version)
    assert.equal("lede " .. lede.version, lede._VERSION)
    assert.is_table(lede.types)
    assert.equal("PERSON", lede.types[1])
    assert.equal("TITLE", lede.types[#lede.types])
  end)
end)
