-- Article structure from plain text, on fixtures written for these tests in
-- the shapes real articles come in (page dumps, wire copy, CoNLL lines).
local lede = require "lede"
local H = require "helpers"

-- Each case: a fixture and what its parse must hold. A field absent from a
-- case is not checked; `false` means "must be nil/empty".
local cases = {
  {
    file = "../../examples/article.txt",
    title = "Coastal cities pledge joint flood defences as storm season nears",
    section = "National",
    published = "2021-03-14T09:32:00+09:00", -- Yonhap: Seoul time
    byline = { "Park Min-ji", "Daniel Ortega" },
    dateline = { location = "Busan", location_text = "BUSAN", date = "2021-03-13",
                 date_text = "March 13", agency = "Yonhap" },
    lead_starts = "The mayors of five South Korean port cities agreed Saturday",
    paragraphs = 7,
    captions = { { starts = "This photo, provided by the Busan city government", credit = "Yonhap",
                   restrictions = "No resales. No archiving" } },
    boilerplate = { { "Skip to main content Go to Navigation", "navigation" },
                    { "Send Feedback", "share" }, { "How can we improve?", "share" },
                    { "Thanks for your feedback!", "share" } },
  },
  {
    file = "wire_caps_title.txt",
    title = "GRAIN EXPORTERS SEE LOWER WHEAT SHIPMENTS",
    section = false,
    byline = { "Martha Hollis" }, -- without ", Reuters"
    dateline = { location = "Kansas City, Mo.", location_text = "KANSAS CITY, Mo.",
                 date = "--04-07", date_text = "April 7", agency = false },
    lead_starts = "Wheat shipments from the port",
    paragraphs = 4,
  },
  {
    file = "wire_caps_title.txt",
    opts = { date = "1987-04-08" },
    dateline = { date = "1987-04-07" }, -- the year from the reference date
  },
  {
    file = "wire_ap.txt",
    title = "Storm knocks out power to thousands along Gulf Coast",
    byline = {},
    dateline = { location = "New Orleans", location_text = "NEW ORLEANS", agency = "AP", date = false },
    lead_starts = "A fast-moving storm",
    paragraphs = 3,
  },
  {
    file = "agency_only.txt",
    title = "Scientists map deep-sea vents off Portugal",
    dateline = { location = false, agency = "CNN", text = "(CNN) --" },
    lead_starts = "A team of marine scientists",
    paragraphs = 2,
  },
  {
    file = "conll_style.txt",
    title = "SOCCER - VALENCIA HOLD MADRID TO GOALLESS DRAW.",
    dateline = { location = "Madrid", date = "1996-09-01", date_text = "1996-09-01" },
    lead_starts = "Valencia held Real Madrid",
    paragraphs = 3, -- one sentence a line, each its own paragraph
  },
  {
    file = "web_page.txt",
    title = "Startup unveils battery that charges scooters in five minutes",
    section = "Technology",
    published = "2019-11-19T08:03:00-05:00", -- "ET" in November is EST
    byline = { "Lena Fischer" },
    dateline = false,
    lead_starts = "A Berlin startup said on Tuesday",
    paragraphs = 5,
    captions = { { starts = "Engineers work in the company's laboratory", credit = "Voltwerk GmbH" } },
    boilerplate = { { "Most Popular", "related" }, { "Top Comments", "comments" },
                    { "Great news if it actually works at scale.", "comments" },
                    { "© 2019 Example Media Group. All Rights Reserved.", "copyright" },
                    { "We use cookies", "cookie" } },
  },
  {
    -- a byline with no "By": the author's name and handle under the headline
    file = "handle_byline.txt",
    title = "Harbor regulators reportedly probing scooter startup ParkBee",
    byline = { "Dana Brill" },
    lead_starts = "ParkBee is reportedly being investigated",
    paragraphs = 3,
  },
  {
    -- a page dump whose timestamp ran into its time ("20208:15") over a
    -- byline and its handle, and "Key Points" between them and the story
    file = "stamp_glued.txt",
    title = "Harbor Freight Lines orders 12 new cargo ships, will expand routes by 2026",
    byline = { "Lena Ortiz" },
    lead_starts = "Harbor Freight Lines has ordered 12 new cargo ships",
  },
  {
    -- a picture's caption with its credit under the headline is no title
    file = "caption_title.txt",
    title = "Reyes keeps Portugal alive in Cup finals",
    lead_starts = "Paulo Reyes won both of his matches",
  },
  {
    -- a name alone over the timestamp is the byline
    file = "name_over_story.txt",
    title = "Tidewater to raise up to $2.1bn in harbour listing",
    byline = { "Dana Kessel" },
    published = "2019-11-20T09:22:00",
    lead_starts = "Tidewater Holdings is set to raise",
  },
  {
    file = "not_article.txt",
    title = false, section = false, published = false, byline = {}, dateline = false,
    paragraphs = 0,
  },
}

local function check_offsets(text, value, s, e)
  assert.is_number(s)
  assert.is_number(e)
  assert.equal(value, text:sub(s + 1, e))
end

describe("structure", function()
  for _, case in ipairs(cases) do
    local name = case.file .. (case.opts and " with options" or "")
    describe(name, function()
      local text = H.fixture(case.file)
      local doc = lede.parse(text, case.opts)

      if case.title ~= nil then
        it("has its title", function()
          assert.equal(case.title or nil, doc.title)
          if case.title then check_offsets(text, case.title, doc.offsets.title[1], doc.offsets.title[2]) end
        end)
      end
      if case.section ~= nil then
        it("has its section", function() assert.equal(case.section or nil, doc.section) end)
      end
      if case.published ~= nil then
        it("has its publication time", function() assert.equal(case.published or nil, doc.published) end)
      end
      if case.byline ~= nil then
        it("has its authors", function()
          assert.same(case.byline, doc.byline)
          for i, name in ipairs(doc.byline) do
            local o = doc.offsets.authors[i]
            check_offsets(text, name, o[1], o[2])
          end
        end)
      end
      if case.dateline ~= nil then
        it("has its dateline", function()
          if not case.dateline then
            assert.is_nil(doc.dateline)
            return
          end
          local dl = doc.dateline
          assert.is_table(dl)
          for k, v in pairs(case.dateline) do
            assert.equal(v or nil, dl[k], "dateline." .. k)
          end
          check_offsets(text, dl.text, dl.start, dl["end"])
        end)
      end
      if case.lead_starts then
        it("has its lead", function()
          assert.is_string(doc.lead)
          assert.equal(case.lead_starts, doc.lead:sub(1, #case.lead_starts))
          assert.equal(doc.lead, doc.paragraphs[1].text)
        end)
      end
      if case.paragraphs then
        it("has its paragraphs, with offsets, joined in the body", function()
          assert.equal(case.paragraphs, #doc.paragraphs)
          local texts = {}
          for i, p in ipairs(doc.paragraphs) do
            check_offsets(text, p.text, p.start, p["end"])
            texts[i] = p.text
          end
          assert.equal(table.concat(texts, "\n\n"), doc.body)
        end)
      end
      if case.captions then
        it("has its captions with their credit", function()
          assert.equal(#case.captions, #doc.captions)
          for i, want in ipairs(case.captions) do
            local got = doc.captions[i]
            assert.equal(want.starts, got.text:sub(1, #want.starts))
            assert.equal(want.credit, got.credit)
            if want.restrictions then assert.equal(want.restrictions, got.restrictions) end
            check_offsets(text, got.text, got.start, got["end"])
          end
        end)
      end
      if case.boilerplate then
        it("labels its boilerplate", function()
          for _, want in ipairs(case.boilerplate) do
            local found
            for _, b in ipairs(doc.boilerplate) do
              if b.text:sub(1, #want[1]) == want[1] then found = b end
            end
            assert.is_table(found, "no boilerplate block " .. want[1])
            assert.equal(want[2], found.kind, want[1])
            check_offsets(text, found.text, found.start, found["end"])
          end
        end)
      end
    end)
  end
end)

describe("dates that do not exist", function()
  -- found by fuzz_parse: "Feb 29, 2018" came out as published 2018-02-29
  local function parse(text, date) return lede.parse(text, { date = date }) end

  it("a year without February 29 makes 'Feb 29, YEAR' no date", function()
    assert.is_nil(parse("Board meets\n\nFeb 29, 2018 10:15 AM\n\nThe board met.").published)
    assert.is_nil(parse("Board meets\n\n29 February 2019\n\nThe board met.").published)
    assert.equal("2020-02-29T10:15:00", parse("Board meets\n\nFeb 29, 2020 10:15 AM\n\nThe board met.").published)
  end)

  it("a dateline's Feb 29 takes a year only where that year has the day", function()
    local text = "WESTMERE, Feb 29 (Reuters) - The harbor board met on Thursday."
    assert.equal("--02-29", parse(text, "2019-03-01").dateline.date)
    assert.equal("2020-02-29", parse(text, "2020-03-01").dateline.date)
    assert.is_nil(parse(text:gsub("29", "30"), "2020-03-01").dateline.date)
  end)

  it("an entity's Feb 29 takes the story's year only where that year has the day", function()
    local doc = parse("Board meets\n\nWESTMERE, March 2 (Reuters) - The board met on Feb 29 and on Feb 29, 2020.", "2019-03-05")
    local values = {}
    for e in doc.entities:each("DATE") do values[e.text] = e.value end
    assert.equal("--02-29", values["Feb 29"])
    assert.equal("2020-02-29", values["Feb 29, 2020"])
  end)
end)

describe("published times", function()
  local function published(stamp, agency)
    return lede.parse("Harbor plan wins vote\n\n" .. stamp .. "\n\nPORTLAND, Ore. (" .. agency
      .. ") -- The council voted on Tuesday.\n").published
  end

  it("take the agency's home zone in daylight time where its rule says so", function()
    assert.equal("2020-05-07T04:10:00-04:00", published("May 07, 2020 04:10", "AP"))
    assert.equal("2020-01-07T04:10:00-05:00", published("Jan 07, 2020 04:10", "AP"))
    assert.equal("2020-05-07T04:10:00+01:00", published("May 07, 2020 04:10", "Reuters"))
    assert.equal("2020-01-07T04:10:00+00:00", published("Jan 07, 2020 04:10", "Reuters"))
    assert.equal("2020-01-07T04:10:00+11:00", published("Jan 07, 2020 04:10", "AAP"))
    assert.equal("2020-05-07T04:10:00+09:00", published("May 07, 2020 04:10", "Yonhap"))
  end)

  it("take the zone of the source the caller names when no dateline names one", function()
    local text = "Harbor plan wins vote\n\nMay 07, 2020 04:10\n\nThe council voted on Tuesday to approve it.\n"
    assert.equal("2020-05-07T04:10:00-04:00", lede.parse(text, { source = "AP" }).published)
    assert.equal("2020-05-07T04:10:00+09:00", lede.parse(text, { source = "Yonhap" }).published)
  end)

  it("read a zone printed between the time and the date", function()
    assert.equal("2020-10-07T10:42:00-04:00", published("Published: 10:42 a.m. ET, Wednesday, Oct. 7, 2020", "AP"))
    assert.equal("2020-01-09T21:05:00-05:00", published("Updated 9:05 PM EST, Thu January 9, 2020", "AP"))
  end)

  it("read a zone's offset only within -14:00 to +14:00", function()
    assert.equal("2020-11-20T08:03:00+08:00", published("Nov. 20, 2020 8:03 GMT+8", "AP"))
    assert.equal("2020-11-20T08:03:00+05:30", published("Nov. 20, 2020 8:03 UTC+05:30", "AP"))
    -- a fuzz finding: '+81:18' was written as the offset; now the line is no stamp
    assert.is_nil(published("Nov. 20, 2020 8:03 GMT+81:18", "AP"))
    assert.is_nil(published("Nov. 20, 2020 8:03 Z+81:18", "AP"))
  end)
end)

describe("bylines", function()
  local function byline(line)
    local doc = lede.parse("Harbor plan wins vote\n\n" .. line
      .. "\n\nPORTLAND, Ore. (AP) -- The council voted on Tuesday.\n")
    return table.concat(doc.byline, "; ")
  end

  it("end a name where the agency or the role begins", function()
    assert.equal("TOM REYES", byline("By TOM REYES Associated Press"))
    assert.equal("JOHN DOE", byline("By JOHN DOE AP Business Writer"))
    assert.equal("Jane Roe", byline("By Jane Roe Staff Writer"))
    assert.equal("John Smith; Mary Jones", byline("By John Smith and Mary Jones Associated Press"))
  end)

  it("give the agency its authors write for as an organization of the byline", function()
    local doc = lede.parse("Harbor plan wins vote\n\nBy Tom Reyes and Ada Lind, Associated Press"
      .. "\n\nPORTLAND, Ore. -- The council voted on Tuesday.\n")
    local got = {}
    for e in doc.entities:each("ORG") do got[#got + 1] = e.text .. "|" .. e.canonical .. "|" .. e.rule end
    assert.same({ "Associated Press|AP|structure" }, got)
    assert.same({ "Tom Reyes", "Ada Lind" }, doc.byline)
  end)

  it("give the places of a byline as places, not authors", function()
    local doc = lede.parse("Harbor plan wins vote\n\nBy Hannah Oduya, BBC News, Norwich\n\n"
      .. "The council voted on Tuesday to close the harbor.\n")
    assert.same({ "Hannah Oduya" }, doc.byline)
    local got = {}
    for e in doc.entities:each() do got[#got + 1] = e.type .. " " .. e.text end
    got = table.concat(got, "; ")
    assert.truthy(got:find("ORG BBC News; GPE Norwich", 1, true), got)
    doc = lede.parse("Fire day looms\n\nBy Ellie Marchant in Sydney\n\nThousands of people left on Saturday.\n")
    got = {}
    for e in doc.entities:each() do got[#got + 1] = e.type .. " " .. e.text end
    assert.truthy(table.concat(got, "; "):find("PERSON Ellie Marchant; GPE Sydney", 1, true), table.concat(got, "; "))
  end)

  it("give the outlet after a comma as an organization, not an author", function()
    local function ents(line)
      local doc = lede.parse("Harbor plan wins vote\n\n" .. line .. "\n\nThe council voted on Tuesday.\n")
      local got = {}
      for e in doc.entities:each() do got[#got + 1] = e.type .. " " .. e.text end
      return doc.byline, table.concat(got, "; ")
    end
    local names, got = ents("By Jess Harlow, Riverton Gazette")
    assert.same({ "Jess Harlow" }, names)
    assert.truthy(got:find("ORG Riverton Gazette", 1, true), got)
    names, got = ents("By Chloe Nakamura, TechDesk")
    assert.same({ "Chloe Nakamura" }, names)
    assert.truthy(got:find("ORG TechDesk", 1, true), got)
    names = ents("By Jane Roe, John Doe")
    assert.same({ "Jane Roe", "John Doe" }, names)
  end)

  it("name no one when only an agency or a desk signs", function()
    assert.equal("", byline("By Reuters Staff"))
    assert.equal("", byline("By The Associated Press"))
  end)

  it("are no sentence that opens on By and a name", function()
    local doc = lede.parse("Cicadas return to the valley\n\nThe insects emerged this week.\n\n"
      .. "By July the adults will be dead, and their young will wait until 2021.\n",
      { date = "2004-05-04" })
    assert.same({}, doc.byline)
    assert.equal(2, #doc.paragraphs)
    local v = {}
    for e in doc.entities:each("DATE") do v[e.text] = e.value end
    assert.equal("2004-07", v["July"])
    assert.equal("2021", v["2021"])
    assert.equal("Moritz Bachmann", byline("Von Moritz Bachmann publiziert am 25. September 2019"))
  end)

  it("take a name alone between a headline ending with a period and the dateline", function()
    for _, name in ipairs({ "Audrius Kelmelis", "Brad Holloway" }) do
      local doc = lede.parse("Lithuanian farmers block border road.\n" .. name
        .. "\nVILNIUS 1996-08-31\nHundreds of farmers blocked the main road to Poland on Saturday.\n")
      assert.equal("Lithuanian farmers block border road.", doc.title)
      assert.same({ name }, doc.byline)
      local found = {}
      for e in doc.entities:each() do found[#found + 1] = e.type .. " " .. e.text end
      assert.truthy(table.concat(found, "; "):find("NORP Lithuanian", 1, true), table.concat(found, "; "))
    end
  end)
end)

describe("found by the fuzzers", function()
  it("keeps the short line after a dateline printed over two lines, as the lead", function()
    local doc = lede.parse("Valencia win at home\nMADRID\n    1998-09-01\nxx 01\nValencia beat the visitors 6-0 on Sunday.\n")
    assert.equal("xx 01", doc.lead)
    assert.equal("Valencia beat the visitors 6-0 on Sunday.", doc.paragraphs[2].text)
  end)

  it("reads an upper-case wire date within its tokens, and no day from a run of digits", function()
    assert.equal("--03-04", lede.parse("NEW YORK, MARCH 4 - Shares rose, traders said.\n").dateline.date)
    assert.equal("1987-03-04", lede.parse("NEW YORK, MARCH 4, 1987 - Shares rose, traders said.\n").dateline.date)
    local doc = lede.parse("NEW YORK, MARCH " .. string.rep("9", 12) .. " - Shares rose, traders said.\n")
    assert.is_nil(doc.dateline and doc.dateline.date)
  end)

  it("writes a duration of more days than a 64-bit integer holds (no overflow)", function()
    local doc = lede.parse("Board meets\n\nLONDON (Reuters) - The plan will take " .. string.rep("3", 60) .. " days, the board said.")
    local v
    for e in doc.entities:each("DATE") do v = e.value end
    assert.equal("P3.33333e+59D", v)
  end)
end)

describe("nothing is dropped", function()
  -- every non-blank byte is in a field, a paragraph, a caption or a block
  for _, file in ipairs({ "../../examples/article.txt", "web_page.txt", "wire_ap.txt",
                          "not_article.txt", "conll_style.txt" }) do
    it("in " .. file, function()
      local text = H.fixture(file)
      local doc = lede.parse(text)
      local covered = {}
      local function mark(s, e)
        if s then for i = s + 1, e do covered[i] = true end end
      end
      local o = doc.offsets
      for _, k in ipairs({ "title", "section", "published", "byline" }) do
        if o[k] then mark(o[k][1], o[k][2]) end
      end
      if doc.dateline then mark(doc.dateline.start, doc.dateline["end"]) end
      for _, list in ipairs({ doc.paragraphs, doc.captions, doc.boilerplate }) do
        for _, x in ipairs(list) do mark(x.start, x["end"]) end
      end
      for i = 1, #text do
        local ch = text:sub(i, i)
        if not ch:match("%s") and not covered[i] then
          error(string.format("byte %d (%q) of %s is in no field: ...%s...", i, ch, file,
            text:sub(math.max(1, i - 20), i + 20)))
        end
      end
    end)
  end
end)

describe("a snippet", function()
  -- a sentence or a few short lines with no story around them: the text is
  -- the body (paragraphs), never boilerplate, so its entities are found
  local cases = {
    { "Sales rose 5% in March.", { "PERCENT", "DATE" } },
    { "It will be paid Dec. 15.", { "DATE" } },
    { "He paid $5 million.", { "MONEY" } },
    { "Tokyo", { "GPE" } },
    { "Apple Inc.", { "ORG" } },
    { "Prices fell.\nMarch 3 was worse.", { "DATE" } },
  }
  for _, c in ipairs(cases) do
    it("is its own body: " .. c[1]:gsub("\n", " / "), function()
      local doc = lede.parse(c[1], { date = "2020-05-06" })
      assert.are.equal(0, #doc.boilerplate)
      assert.is_true(#doc.paragraphs >= 1)
      local got = {}
      for e in doc.entities:each() do got[#got + 1] = e.type end
      assert.are.same(c[2], got)
    end)
  end

  it("that is a headline stays the title", function()
    local doc = lede.parse("Barack Obama visited Paris")
    assert.are.equal("Barack Obama visited Paris", doc.title)
    assert.are.equal(2, #doc.entities)
  end)

  it("of menu words stays boilerplate", function()
    local doc = lede.parse("Home\nSign in\nSubscribe")
    assert.are.equal(0, #doc.paragraphs)
  end)
end)

describe("a story's lead", function()
  it("keeps a one-sentence lead with few function words in the story", function()
    local t = "Major retailers reported sluggish December sales yesterday, capping a"
      .. " disappointing holiday season.\n\nHollins Stores Inc., the nation's fourth-largest"
      .. " department-store chain, said sales at stores open at least a year fell 1.4% in the"
      .. " five weeks ended Dec. 30. Total sales rose 3.7% to $2.21 billion.\n\nAnalysts blamed"
      .. " heavy discounting in the final week before Christmas.\n"
    local doc = lede.parse(t, { date = "1990-01-10" })
    assert.equal(0, doc.paragraphs[1].start)
    assert.equal(0, #doc.boilerplate)
    local dates = {}
    for e in doc.entities:each("DATE") do dates[#dates + 1] = e.text end
    assert.equal("December", dates[1])
  end)
end)

describe("timestamps of web pages", function()
  -- a page: headline, the stamp line(s), a story without a dateline
  local function page(...)
    return lede.parse("Harbor plan wins council vote\n\n" .. table.concat({ ... }, "\n\n")
      .. "\n\nThe city council voted on Tuesday to approve the harbor plan after a debate"
      .. " that ran well into the evening, members said.\n")
  end
  local function tuesday(doc)
    for e in doc.entities:each() do if e.text == "Tuesday" then return e.value end end
  end

  it("end at a separator, whatever the rest of the line says", function()
    local doc = page("PUBLISHED: March 3, 2021 at 6:12 pm | UPDATED: March 3, 2021 at 9:40 pm")
    assert.equal("2021-03-03T18:12:00", doc.published)
    assert.equal("2021-03-02", tuesday(doc)) -- the story's own date resolves "Tuesday"
    assert.equal("2021-03-03T18:12:00", page("March 3, 2021 / 6:12 PM / Updated 2 hours ago").published)
    assert.equal("2021-03-03T18:12:00", page("Posted :[ 2021-03-03 18:12 ]").published)
  end)

  it("close a byline's line, or open one", function()
    local doc = page("By Lena Ortiz March 3, 2021, 06:12 PM EST")
    assert.equal("2021-03-03T18:12:00-05:00", doc.published)
    assert.same({ "Lena Ortiz" }, doc.byline)
    doc = page("Wednesday March 3, 2021 6:12 pm PST by Lena Ortiz")
    assert.equal("2021-03-03T18:12:00-08:00", doc.published)
    assert.same({ "Lena Ortiz" }, doc.byline)
    doc = page("By Lena Ortiz - Harbor Desk Contributor 2021-03-03T18:12:40Z Local")
    assert.equal("2021-03-03T18:12:40+00:00", doc.published)
  end)

  it("prefer the one that says published to an update printed first", function()
    local doc = page("Updated on: March 3, 2021 / 9:40 PM / Harbor Daily",
      "First published on March 3, 2021 / 6:12 PM")
    assert.equal("2021-03-03T18:12:00", doc.published)
  end)
end)

describe("a web page's title", function()
  it("is the headline over the byline and timestamp, not what lies between them and the story", function()
    local doc = lede.parse(table.concat({
      "Skip to content", "Metro", "Harbor board approves ferry fare freeze for another year",
      "By Lena Ortiz", "March 3, 2021 / 6:12 PM",
      "Commuters board the morning ferry at Pier 4.", "(Sam Hale / Harbor Daily)",
      "Share this story on social media", "Sign up for our daily newsletter today",
      "The harbor board voted on Tuesday to keep ferry fares at their current level for another"
        .. " year, citing a slow recovery in ridership since the pier renovations began.",
      "Board members said the freeze would cost the agency about $2 million, which it plans to"
        .. " cover from reserves set aside last spring.",
    }, "\n\n") .. "\n")
    assert.equal("Harbor board approves ferry fare freeze for another year", doc.title)
    assert.same({ "Lena Ortiz" }, doc.byline)
    assert.equal("2021-03-03T18:12:00", doc.published)
  end)
end)
