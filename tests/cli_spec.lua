-- The installed `lede` command (built by luarocks into the project tree).
local lede = require "lede"
local H = require "helpers"

local bin = H.lede_bin()
local example = H.root .. "/examples/article.txt"

describe("lede parse", function()
  it("prints the JSON of a file", function()
    local out, rc = H.run(bin .. " parse " .. example)
    assert.equal(0, rc)
    local d = lede.json.decode(out)
    assert.equal("Coastal cities pledge joint flood defences as storm season nears", d.title)
    assert.equal("Yonhap", d.dateline.agency)
  end)

  it("reads stdin", function()
    local out, rc = H.run(bin .. " parse - < " .. example)
    assert.equal(0, rc)
    assert.equal("National", lede.json.decode(out).section)
  end)

  it("turns JSON lines into JSON lines, keeping ids and reporting bad lines", function()
    local input = H.tmpfile(table.concat({
      lede.json.encode({ id = "a1", text = H.read(example) }),
      lede.json.encode({ id = 7, text = "WASHINGTON (AP) — Short story here.\n" }),
      "{not json",
      lede.json.encode({ id = "no-text" }),
      "",
    }, "\n"))
    local out, rc = H.run(bin .. " parse --jsonl " .. input .. " 2>/dev/null")
    os.remove(input)
    assert.equal(1, rc) -- some lines failed
    local lines = {}
    for l in out:gmatch("[^\n]+") do lines[#lines + 1] = lede.json.decode(l) end
    assert.equal(4, #lines)
    assert.equal("a1", lines[1].id)
    assert.equal("Busan", lines[1].dateline.location)
    assert.equal(7, lines[2].id)
    assert.equal("AP", lines[2].dateline.agency)
    assert.is_string(lines[3].error)
    assert.equal("no-text", lines[4].id)
    assert.is_string(lines[4].error)
  end)

  it("takes a reference date", function()
    local out = H.run(bin .. " parse --date 1987-04-09 " .. H.fixtures .. "/wire_caps_title.txt")
    assert.equal("1987-04-07", lede.json.decode(out).dateline.date)
  end)

  it("exits 2 on usage errors and 0 on --help/--version", function()
    local _, rc = H.run(bin .. " parse --bogus 2>/dev/null")
    assert.equal(2, rc)
    local out, rc2 = H.run(bin .. " --version")
    assert.equal(0, rc2)
    assert.matches("^lede %d+%.%d+%.%d+", out)
    local _, rc3 = H.run(bin .. " --help")
    assert.equal(0, rc3)
  end)

  it("exits 1 on a missing file", function()
    local _, rc = H.run(bin .. " parse /nonexistent/file.txt 2>/dev/null")
    assert.equal(1, rc)
  end)
end)
