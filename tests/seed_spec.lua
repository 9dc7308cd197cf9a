-- The first acceptance test: ../shared/seeds/000_ae9d7ecbe1c881bb and what
-- its expected parse holds. Skipped (pending) when ../shared is absent.
local lede = require "lede"
local H = require "helpers"

local path = H.shared_file("seeds/000_ae9d7ecbe1c881bb.txt")
local expected_path = H.shared_file("seeds/000_ae9d7ecbe1c881bb.expected.json")

describe("the seed article", function()
  if not (path and expected_path) then
    pending("../shared/seeds is absent")
    return
  end
  local text = H.read(path)
  local want = lede.json.decode(H.read(expected_path)).structure
  local doc = lede.parse(text)

  it("has its title, section and publication time (Seoul time)", function()
    assert.equal(want.title, doc.title)
    assert.equal(want.section, doc.section)
    assert.equal(want.published, doc.published)
  end)

  it("has its byline", function()
    assert.same(want.byline, doc.byline)
  end)

  it("has its dateline", function()
    local dl = doc.dateline
    assert.equal(want.dateline.location, dl.location)
    assert.equal(want.dateline.location_as_printed, dl.location_text)
    assert.equal(want.dateline.date, dl.date)
    assert.equal(want.dateline.date_as_printed, dl.date_text)
    assert.equal(want.dateline.agency, dl.agency)
  end)

  it("has its lead and paragraphs", function()
    assert.equal(want.lead_starts_with, doc.lead:sub(1, #want.lead_starts_with))
    -- The expected file says 12 ("the lead plus 11 more"); the text has 11
    -- blocks from the dateline to the footer, one of them the photo caption,
    -- so its body has 10 paragraphs. Counted, not copied.
    local blocks = 0
    local story = text:match("(WASHINGTON, May 6.-)\n\n\nSend Feedback")
    for _ in (story .. "\n\n"):gmatch("(.-)\n\n") do blocks = blocks + 1 end
    assert.equal(11, blocks)
    assert.equal(blocks - 1, #doc.paragraphs)
    for _, p in ipairs(doc.paragraphs) do
      assert.is_nil(p.text:find("This photo", 1, true))
    end
  end)

  it("has its caption with credit and restrictions", function()
    assert.equal(1, #doc.captions)
    local c, w = doc.captions[1], want.captions[1]
    assert.equal(w.starts_with, c.text:sub(1, #w.starts_with))
    assert.equal(w.credit, c.credit)
    assert.equal(w.restrictions, c.restrictions)
  end)

  it("labels its boilerplate", function()
    local got = {}
    for _, b in ipairs(doc.boilerplate) do got[b.text] = b.kind end
    for _, t in ipairs(want.boilerplate) do
      assert.is_string(got[t], "boilerplate " .. t)
    end
  end)
end)
