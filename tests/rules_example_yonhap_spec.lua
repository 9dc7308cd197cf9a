-- examples/yonhap.lua: a wire service's page layout, scoped to its source.
local lede = require "lede"
local H = require "helpers"

describe("examples/yonhap.lua", function()
  local R = lede.load_rules(H.root .. "/examples/yonhap.lua")
  local page = H.read(H.root .. "/examples/yonhap_lead.txt")
  local url = "https://en.yna.co.kr/view/AEN20220602000351315"
  local doc = lede.parse(page, { rules = R, source = url })

  it("takes the update tag out of the title", function()
    assert.equal("Port cities to link storm-surge warnings from July", doc.title)
    assert.equal("LEAD", doc.update)
    assert.equal(doc.title, doc.text:sub(doc.offsets.title[1] + 1, doc.offsets.title[2]))
  end)

  it("labels the reporter's address and the end mark, not paragraphs", function()
    assert.equal("hjw@yna.co.kr", doc.reporter)
    assert.equal(4, #doc.paragraphs)
    assert.is_nil(doc.body:find("(END)", 1, true))
    local kinds = {}
    for _, b in ipairs(doc.boilerplate) do kinds[#kinds + 1] = b.kind .. ":" .. b.text end
    assert.same({ "credit:hjw@yna.co.kr", "credit:(END)" }, kinds)
  end)

  it("reads the caption's restriction and drops the page's widgets", function()
    assert.equal("PHOTO NOT FOR SALE", doc.captions[1].restrictions)
    assert.is_nil(doc.text:find("Send Feedback", 1, true))
    assert.is_nil(doc.text:find("Skip to main content", 1, true))
  end)

  it("finds Korean names, ministries and won amounts", function()
    local got = {}
    for e in doc.entities:each() do
      if e.rule and e.rule:find("^yonhap/") then
        local v = e.value
        if type(v) == "table" then v = v.amount .. " " .. v.currency end
        got[#got + 1] = { e.type, e.text, v }
      end
    end
    assert.same({
      { "ORG", "Ministry of the Interior and Safety" },
      { "MONEY", "12.4 billion won", "12400000000 KRW" },
      { "PERSON", "Choi Hyun-seok" },
      { "ORG", "Ministry of the Interior and Safety" },
      { "MONEY", "800 million won", "800000000 KRW" },
    }, got)
    for e in doc.entities:each() do assert.equal(e.text, doc.text:sub(e.start + 1, e["end"])) end
  end)

  it("applies only to Yonhap: by name, by site, not to other sources", function()
    assert.equal("LEAD", lede.parse(page, { rules = R, source = "Yonhap" }).update)
    local other = lede.parse(page, { rules = R, source = "Reuters" })
    assert.equal("(LEAD) Port cities to link storm-surge warnings from July", other.title)
    assert.is_nil(other.update)
    assert.equal(6, #other.paragraphs)
    local none = lede.parse(page, { rules = R })
    assert.equal(6, #none.paragraphs)
  end)

  it("works on the bundled article too", function()
    local a = lede.parse(H.read(H.root .. "/examples/article.txt"), { rules = R, source = "Yonhap" })
    local won
    for e in a.entities:each("MONEY") do if e.rule == "yonhap/won" then won = e end end
    assert.same({ amount = 48500000000, currency = "KRW" }, won.value)
    assert.is_nil(a.update)
  end)
end)
