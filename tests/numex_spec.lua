-- numex end to end: lede.parse over invented sentences in a story dated
-- Wednesday 2020-05-06, reading doc.entities (type, text, start, end, value).
local lede = require "lede"

local function ents(text, opts)
  local doc = lede.parse(text, opts or { date = "2020-05-06" })
  local out = {}
  for i = 1, #doc.entities do
    local e = doc.entities[i]
    assert.equal(e.text, text:sub(e.start + 1, e["end"]))
    out[#out + 1] = e
  end
  return out
end

-- the first entity of a type whose text is `text`
local function find(list, type, text)
  for _, e in ipairs(list) do
    if e.type == type and e.text == text then return e end
  end
  return nil
end

local story = [[
Pompeo and Kang spoke by phone on Tuesday to discuss the two countries' response, the State Department said Wednesday.

The two met in Palo Alto, California, on Jan. 14, 2020. Trump said last month that he had rejected the offer.

Seoul offered to raise its contribution by 13 percent from the US$870 million it agreed to pay under last year's cost-sharing deal for 28,500 American troops.
]]

describe("numex through lede.parse", function()
  local list = ents(story)

  local cases = {
    { "DATE", "Tuesday", "2020-05-05" },
    { "DATE", "Wednesday", "2020-05-06" },
    { "DATE", "Jan. 14, 2020", "2020-01-14" },
    { "DATE", "last month", "2020-04" },
    { "DATE", "last year", "2019" },
    { "PERCENT", "13 percent", 13 },
    { "CARDINAL", "two", 2 },
  }
  for _, c in ipairs(cases) do
    it(("finds %s %q = %s"):format(c[1], c[2], tostring(c[3])), function()
      local e = find(list, c[1], c[2])
      assert.is_table(e, c[2])
      assert.equal(c[3], e.value)
    end)
  end

  it("values US$870 million in dollars", function()
    local e = find(list, "MONEY", "US$870 million")
    assert.is_table(e)
    assert.same({ amount = 870000000, currency = "USD" }, e.value)
  end)

  it("counts 28,500 troops", function()
    local e = find(list, "CARDINAL", "28,500") or find(list, "QUANTITY", "28,500 American troops")
    assert.is_table(e)
    local v = type(e.value) == "table" and e.value.amount or e.value
    assert.equal(28500, v)
  end)

  it("keeps the offsets of the text", function()
    for _, e in ipairs(list) do
      assert.equal(e.text, story:sub(e.start + 1, e["end"]))
    end
  end)

  it("reads Reuters money and quantities", function()
    local l = ents("Net profit was 28.3 mln dlrs, against 40 cts a share, the company said in a"
      .. " statement on its results for the year.\n\n"
      .. "Arrivals were 155,221 bags of 60 kilos, with sales at 1,750 to 1,780 dlrs per tonne"
      .. " to ports, traders said.\n")
    assert.same({ amount = 28300000, currency = "USD" }, find(l, "MONEY", "28.3 mln dlrs").value)
    assert.same({ amount = 0.4, currency = "USD" }, find(l, "MONEY", "40 cts").value)
    assert.same({ amount = 60, unit = "kg" }, find(l, "QUANTITY", "60 kilos").value)
    assert.equal(155221, find(l, "CARDINAL", "155,221").value)
    assert.same({ amount = 1750, currency = "USD" }, find(l, "MONEY", "1,750 to 1,780 dlrs").value)
  end)

  it("reads a glued lower-case g as grams, and 5G as no quantity", function()
    local l = ents("Each bar has 5g of sugar and 200mg of salt, and the phone runs on 5G and 4G"
      .. " networks.\n")
    assert.same({ amount = 0.005, unit = "kg" }, find(l, "QUANTITY", "5g").value)
    assert.truthy(find(l, "QUANTITY", "200mg"))
    assert.is_nil(find(l, "QUANTITY", "5G"))
    assert.is_nil(find(l, "QUANTITY", "4G"))
  end)

  it("gives values as printed, not as binary floating point computes them", function()
    local l = ents("Reserves rose 4.1 billion marks to 16.74 billion after a trip of 300 miles;"
      .. " the debt is 123,456,789,012,345 dollars.\n")
    -- exact: 4.1 * 1e9 is 4099999999.9999995 in doubles, 300 * 1.609344 is 482.80320000000006
    assert.equal(4100000000, find(l, "MONEY", "4.1 billion marks").value.amount)
    assert.equal(16740000000, find(l, "CARDINAL", "16.74 billion").value)
    assert.equal(482.8032, find(l, "QUANTITY", "300 miles").value.amount)
    assert.equal(123456789012345, find(l, "MONEY", "123,456,789,012,345 dollars").value.amount)
    local j = lede.json.encode(find(l, "MONEY", "4.1 billion marks").value)
    assert.truthy(j:find('"amount":4100000000', 1, true), j)
  end)

  it("reads times, durations and ordinals", function()
    local l = ents("The first flight left at 10:30 a.m. and the talks that followed it lasted two"
      .. " weeks, the officials said.\n\n"
      .. "He will fly to Tokyo next Tuesday, his third trip there in the past two years, the"
      .. " ministry said in a statement.\n")
    assert.equal("T10:30", find(l, "TIME", "10:30 a.m.").value)
    assert.equal("P2W", find(l, "DATE", "two weeks").value)
    assert.equal(1, find(l, "ORDINAL", "first").value)
    assert.equal(3, find(l, "ORDINAL", "third").value)
    assert.equal("2020-05-12", find(l, "DATE", "next Tuesday").value)
    assert.equal("P2Y", find(l, "DATE", "the past two years").value)
  end)

  it("leaves verbs and names alone, and reads a score whole", function()
    local l = ents("Officials said they may march on Saturday if the talks fail to produce a deal.\n\n"
      .. "A Boeing 737 landed at the airport as fans cheered; Japan won 2-1 and stayed ranked No. 1"
      .. " in the group, the federation said.\n")
    local numex = { DATE = 1, TIME = 1, MONEY = 1, PERCENT = 1, QUANTITY = 1, ORDINAL = 1, CARDINAL = 1 }
    for _, e in ipairs(l) do
      -- names (the product "Boeing 737", "Japan") belong to other recognizers
      if numex[e.type] then
        assert.is_true(e.text == "Saturday" or e.text == "2-1" or e.text == "No. 1",
          e.type .. " " .. e.text)
      end
    end
  end)

  it("reads a fiscal year of four digits, and nothing else after FY", function()
    local l = ents("Profit rose in FY2019 and fell in FY2020, the company said.\n\n"
      .. "The codes fy0teo and FY12ab are not years.\n")
    assert.equal("FY2019", find(l, "DATE", "FY2019").value)
    assert.equal("FY2020", find(l, "DATE", "FY2020").value)
    for _, e in ipairs(l) do assert.is_false(e.text:lower():find("^fy%d%d?%a") ~= nil, e.text) end
  end)

  it("reads a span of years, and no date from a phone number or an endless one", function()
    local l = ents("Prices rose in 1990-95 and in 1990-1995, the board said. Call 555-1234 or 1234-5678.\n\n"
      .. "Output was 1996-" .. string.rep("9", 80) .. " tonnes, the board said.\n")
    assert.equal("1990/1995", find(l, "DATE", "1990-95").value)
    assert.equal("1990/1995", find(l, "DATE", "1990-1995").value)
    for _, e in ipairs(l) do
      assert.is_nil(e.text:find("1996", 1, true), e.text)
      assert.is_nil(e.text:find("1234", 1, true), e.text)
    end
  end)

  it("reads a span of days of one month as one date", function()
    local l = ents("Economists polled between May 4-8 expected cuts. Talks on May 5-6, 2019 failed.\n\n"
      .. "No such days as Feb 28-30 were held, and the score on May 2-1 stands.\n")
    assert.equal("2020-05-04/2020-05-08", find(l, "DATE", "May 4-8").value)
    assert.equal("2019-05-05/2019-05-06", find(l, "DATE", "May 5-6, 2019").value)
    for _, e in ipairs(l) do
      assert.is_nil(e.text:find("28-30", 1, true), e.text)
      assert.is_nil(e.text:find("2-1", 1, true), e.text)
    end
  end)

  it("puts a month without a year in the past unless the sentence is in the future", function()
    local l = ents("Prices have risen since March, officials said. Output fell in November, they said.\n\n"
      .. "A new plant opens in June. Talks will resume in March, the ministry said. "
      .. "The fee rose on Jan. 4 and will fall on Feb. 3, it said.\n")
    local v = {}
    for _, e in ipairs(l) do if e.type == "DATE" then v[#v + 1] = e.text .. "=" .. e.value end end
    assert.equal("March=2020-03; November=2019-11; June=2020-06; March=2021-03; Jan. 4=2020-01-04; "
      .. "Feb. 3=2021-02-03", table.concat(v, "; "))
  end)

  it("reads a payment date as coming, a period that ended and a past perfect as past", function()
    local l = ents("The company raised its dividend to 22 cents, payable Dec. 15 to holders of record"
      .. " Nov. 30, it said.\n\nAnalysts had expected earnings of $1.05 a share for the quarter"
      .. " ended Sept. 30, and sales to slow in December.\n", { date = "1989-10-19" })
    assert.equal("1989-12-15", find(l, "DATE", "Dec. 15").value)
    assert.equal("1989-11-30", find(l, "DATE", "Nov. 30").value)
    assert.equal("1989-Q3", find(l, "DATE", "the quarter ended Sept. 30").value)
    assert.equal("1988-12", find(l, "DATE", "December").value)
  end)

  it("reads 'would' and a commodity's delivery month as coming, 'would have' as past", function()
    local l = ents("Gold for December delivery fell. The carmaker said it would idle two plants"
      .. " beginning Dec. 4.\n\nThe plant would have closed in June.\n", { date = "1989-10-25" })
    assert.equal("1989-12", find(l, "DATE", "December").value)
    assert.equal("1989-12-04", find(l, "DATE", "Dec. 4").value)
    assert.equal("1989-06", find(l, "DATE", "June").value)
  end)

  it("reads a fraction before a preposition, the week that ended on a weekday, a law taking effect", function()
    local l = ents("Shares have fallen by nearly a third since March. Claims fell in the week ended"
      .. " Saturday. The rule takes effect on Jan. 1 and expires on Dec. 31. It was a third"
      .. " attempt.\n", { date = "2011-11-16" })
    assert.near(1 / 3, find(l, "CARDINAL", "nearly a third").value, 1e-9)
    assert.equal("2011-W45", find(l, "DATE", "the week ended Saturday").value)
    assert.equal("2012-01-01", find(l, "DATE", "Jan. 1").value)
    assert.equal("2011-12-31", find(l, "DATE", "Dec. 31").value)
    assert.equal(3, find(l, "ORDINAL", "third").value)
  end)

  it("finds the rank in a hyphenated superlative, its bytes only", function()
    local text = "Japan's second-largest carmaker beat the fourth-seeded team and the"
      .. " third-most-watched show. A first-class seat costs more in the second-hand market.\n"
    local got = {}
    for _, e in ipairs(ents(text)) do
      if e.type == "ORDINAL" then
        got[#got + 1] = e.text .. "=" .. e.value
        assert.equal(e.text, text:sub(e.start + 1, e["end"]))
      end
    end
    assert.equal("second=2; fourth=4; third=3", table.concat(got, "; "))
  end)

  it("keeps a period whole up to the date that ends it or the year that holds it", function()
    local l = ents("Profit rose in the three months to September and in the 12 months through"
      .. " June 2019. Sales fell in the first nine months of the year and in the second half"
      .. " of the year ending Oct. 31, 1988. Exports dropped for three straight quarters and"
      .. " two consecutive months. He extended the loan by three months to June. It will spend"
      .. " more over the next three fiscal years.\n",
      { date = "2020-11-09" })
    local got = {}
    for _, e in ipairs(l) do if e.type == "DATE" then got[#got + 1] = e.text end end
    assert.are.same({ "the three months to September", "the 12 months through June 2019",
      "the first nine months of the year", "the second half of the year ending Oct. 31, 1988",
      "three straight quarters", "two consecutive months", "three months", "June",
      "the next three fiscal years" }, got)
    assert.equal("2020-H1", find(ents("Sales rose in the first half of the year.\n",
      { date = "2020-11-09" }), "DATE", "the first half of the year").value)
  end)

  it("reads a rate's unit as no date, a set with its count, and a speed whole", function()
    local l = ents("The minimum wage rises to $5.10 an hour, mills produce 40,000 tonnes a year and"
      .. " prices rise 3% a year. Profit was 9 mln dlrs a year earlier. The board meets twice a"
      .. " month. Winds reached 90 miles an hour. A week later it met again.\n",
      { date = "2020-11-09" })
    local got = {}
    for _, e in ipairs(l) do got[#got + 1] = e.type .. " " .. e.text end
    assert.are.same({ "MONEY $5.10", "QUANTITY 40,000 tonnes", "PERCENT 3%",
      "MONEY 9 mln dlrs", "DATE a year earlier", "DATE twice a month",
      "QUANTITY 90 miles an hour", "DATE A week later" }, got)
    assert.equal("km/h", find(l, "QUANTITY", "90 miles an hour").value.unit)
  end)

  it("reads a score or a tally as one cardinal with its text as value", function()
    local l = ents("Norland beat Vesta 3-1 (halftime 2-0) on Friday. The council voted 21-18 for"
      .. " the plan, a 4-2 lead became a 6-5 defeat, and she won 3-6 6-3 6-4. Pages 10-12"
      .. " are missing.\n", { date = "2020-11-09" })
    local got = {}
    for _, e in ipairs(l) do
      if e.type == "CARDINAL" then got[#got + 1] = e.text .. "=" .. tostring(e.value) end
    end
    assert.equal("3-1=3-1 2-0=2-0 21-18=21-18 4-2=4-2 6-5=6-5 3-6=3-6 6-3=6-3 6-4=6-4",
      table.concat(got, " "))
  end)

  it("reads a tally after a verb of deciding, and the sets of a match after commas", function()
    local l = ents("The assembly passed the levy 68-31 late Wednesday and the board approved it"
      .. " 7-2 on Friday; the court ruled 5-4 that it stands. The board approved a 10-12 percent"
      .. " rise. Dorn defeated Aaltonen 7-6 (6), 6-3, 6-4.\n", { date = "2020-11-09" })
    local got = {}
    for _, e in ipairs(l) do
      if e.type == "CARDINAL" or e.type == "PERCENT" then got[#got + 1] = e.type .. " " .. e.text end
    end
    assert.are.same({ "CARDINAL 68-31", "CARDINAL 7-2", "CARDINAL 5-4", "PERCENT 10-12 percent",
      "CARDINAL 7-6", "CARDINAL 6", "CARDINAL 6-3", "CARDINAL 6-4" }, got)
  end)

  it("reads a hyphenated century as a date, a ranked ordinal, and a measure with its smaller unit",
    function()
    local l = ents("The 21st-century economy replaced the 19th-century mills. The 11th-seeded Orla"
      .. " lost; 1st-quarter sales fell. He stands 6 feet 2 inches tall.\n", { date = "2020-11-09" })
    assert.equal("20", find(l, "DATE", "21st-century").value)
    assert.equal("18", find(l, "DATE", "19th-century").value)
    assert.equal(11, find(l, "ORDINAL", "11th").value)
    assert.equal("2020-Q1", find(l, "DATE", "1st-quarter").value)
    local q = find(l, "QUANTITY", "6 feet 2 inches").value
    assert.equal("m", q.unit)
    assert.is_true(math.abs(q.amount - 1.8796) < 1e-9)
    -- a capitalized tail is a name's part: no date inside "20th-Century Vox"
    assert.is_nil(find(ents("The 20th-Century Vox deal closed.\n"), "DATE", "20th-Century"))
  end)

  it("reads US zones spelled out, the half of the day after a clock time, a day named alone",
    function()
    local l = ents("The window opens at 11:15 a.m. Eastern time (1515 GMT) and closes at 9 p.m."
      .. " Pacific Standard Time. The talks ended about 4:30 in the afternoon; the bell rang at 8:15"
      .. " in the morning and at 9:40 at night. The summit opens on the 15th. He holed out on the"
      .. " 15th and 17th holes.\n", { date = "2020-05-06" })
    assert.equal("T11:15-04:00", find(l, "TIME", "11:15 a.m. Eastern time").value)
    assert.equal("T21:00-08:00", find(l, "TIME", "9 p.m. Pacific Standard Time").value)
    assert.equal("T16:30", find(l, "TIME", "about 4:30 in the afternoon").value)
    assert.equal("T08:15", find(l, "TIME", "8:15 in the morning").value)
    assert.equal("T21:40", find(l, "TIME", "9:40 at night").value)
    assert.equal("2020-05-15", find(l, "DATE", "the 15th").value)
    assert.equal(17, find(l, "ORDINAL", "17th").value)
    -- the nearest month's: the 28th in a May 6 story is in April
    assert.equal("2020-04-28", find(ents("He died on the 28th.\n", { date = "2020-05-06" }),
      "DATE", "the 28th").value)
  end)

  it("reads the early hours of a day and an hour before a weekday as one time", function()
    local l = ents("In the early hours of Monday a fire broke out; crews worked into the early"
      .. " hours. The strike began at midnight Sunday. The early hours of the talks were calm.\n",
      { date = "2020-05-06" })
    assert.equal("2020-05-04TMO", find(l, "TIME", "the early hours of Monday").value)
    assert.equal("XXXX-XX-XXTMO", find(l, "TIME", "the early hours").value)
    assert.equal("2020-05-03T00:00", find(l, "TIME", "midnight Sunday").value)
    assert.is_nil(find(l, "TIME", "The early hours"))
  end)

  it("reads cents named by their dollar, and 'over' a duration as 'during' it", function()
    local l = ents("The plan costs $1.5 trillion over 10 years. Net profit was 45 Canadian cents a"
      .. " share, against 37 U.S. cts. He has worked there for over 10 years.\n")
    local got = {}
    for _, e in ipairs(l) do got[#got + 1] = e.type .. " " .. e.text end
    assert.are.same({ "MONEY $1.5 trillion", "DATE 10 years", "MONEY 45 Canadian cents",
      "MONEY 37 U.S. cts", "DATE over 10 years" }, got)
    assert.equal("CAD", find(l, "MONEY", "45 Canadian cents").value.currency)
    assert.equal(0.45, find(l, "MONEY", "45 Canadian cents").value.amount)
  end)

  it("keeps what is known without a reference date", function()
    local l = ents("The two ministers met on Tuesday, May 5, and they will meet again on May 12, the"
      .. " ministry said in a statement.\n\nThe talks are expected to focus on trade and on the"
      .. " cost of stationing troops, officials said.\n", {})
    assert.equal("--05-12", find(l, "DATE", "May 12").value)
  end)

  it("dates named holidays in the year the story means, over the tagger's names", function()
    local l = ents("Retailers said Black Friday sales rose, and Cyber Monday may set a record.\n\n"
      .. "Stores will close on Christmas Day. They closed on Good Friday and over the"
      .. " Memorial Day weekend. Muslims marked the end of Ramadan.\n", { date = "2019-12-02" })
    assert.equal("2019-11-29", find(l, "DATE", "Black Friday").value)
    assert.equal("2019-12-02", find(l, "DATE", "Cyber Monday").value)
    assert.equal("2019-12-25", find(l, "DATE", "Christmas Day").value)
    assert.equal("2019-04-19", find(l, "DATE", "Good Friday").value)
    assert.equal("2019-05-27", find(l, "DATE", "the Memorial Day weekend").value)
    local r = find(l, "DATE", "Ramadan")
    assert.is_not_nil(r)
    assert.is_nil(r.value)
  end)
  it("reads a sign as part of the amount, and a signed number after another as no range", function()
    local l = ents("Growth was minus 2 percent. Crude fell to minus $37.63 a barrel. It was -20C"
      .. " at night, and the rate is \226\136\1460.75 per cent (-4.2 percent in March).\n\n"
      .. "Sales rose 20-25 percent, or 3 - 4 percent.\n")
    assert.equal(-2, find(l, "PERCENT", "minus 2 percent").value)
    assert.equal(-37.63, find(l, "MONEY", "minus $37.63").value.amount)
    assert.equal(-20, find(l, "QUANTITY", "-20C").value.amount)
    assert.equal(-0.75, find(l, "PERCENT", "\226\136\1460.75 per cent").value)
    assert.equal(-4.2, find(l, "PERCENT", "-4.2 percent").value)
    local m = ents("At the venue it was around minus 14 degrees Celsius.\n")
    assert.equal(-14, find(m, "QUANTITY", "around minus 14 degrees Celsius").value.amount)
    local t = ents("ACME   225.86  -12.99  -5.44%\n")
    assert.equal(-12.99, find(t, "CARDINAL", "-12.99").value)
    assert.equal(-5.44, find(t, "PERCENT", "-5.44%").value)
    assert.equal(20, find(l, "PERCENT", "20-25 percent").value)
    assert.equal(3, find(l, "PERCENT", "3 - 4 percent").value)
  end)
  it("reads a scale after a hyphen: a cardinal, or money with its currency", function()
    local l = ents("The 1.5-billion-dollar plan won a $2-billion loan and a 3.5-million guilder"
      .. " grant; a 5-billion-yen bond and a 2-million population.\n")
    assert.same({ amount = 1.5e9, currency = "USD" }, find(l, "MONEY", "1.5-billion-dollar").value)
    assert.same({ amount = 2e9, currency = "USD" }, find(l, "MONEY", "$2-billion").value)
    assert.equal("NLG", find(l, "MONEY", "3.5-million guilder").value.currency)
    assert.equal("JPY", find(l, "MONEY", "5-billion-yen").value.currency)
    assert.equal(2e6, find(l, "CARDINAL", "2-million").value)
  end)
  it("counts 'only one' before a noun, not 'the only one'", function()
    local l = ents("Only one in five voters came, and only one bid was made. He was the only one"
      .. " there.\n")
    local n = 0
    for _, e in ipairs(l) do if e.type == "CARDINAL" and e.text:lower() == "one" then n = n + 1 end end
    assert.equal(1, n) -- the bid's; the voters' is a share
    assert.equal(0.2, find(l, "CARDINAL", "one in five").value)
  end)
  it("reads a share (one in seven), a count's range, a share by half or a quarter", function()
    local l = ents("It will cut 1,300 jobs, or about one in seven roles, and expects 98 million to"
      .. " 102 million passengers. Sales fell by half since June and by almost a quarter in China."
      .. " NATO saw the estimated 150,000 soldiers. The stock was off 3/8 to 3-1/2. The B.1.617"
      .. " variant spread.\n")
    assert.is_true(math.abs(find(l, "CARDINAL", "about one in seven").value - 1 / 7) < 1e-9)
    assert.equal(98e6, find(l, "CARDINAL", "98 million to 102 million").value)
    assert.equal(0.5, find(l, "CARDINAL", "half").value)
    assert.equal(0.25, find(l, "CARDINAL", "almost a quarter").value)
    assert.equal(150000, find(l, "CARDINAL", "150,000").value)
    assert.is_truthy(find(l, "CARDINAL", "3/8"))
    assert.is_nil(find(l, "CARDINAL", "1.617"))
  end)
  it("reads a period of a fiscal year whole, a year before 'fiscal year', an hour of the day", function()
    local l = ents("Profit fell in the fourth quarter of fiscal 2019 and in the first half of the"
      .. " 2018 fiscal year, and rose in the third quarter of the fiscal year ended Sept. 30."
      .. " Sales in the 2017 fiscal year were flat. They met at 3 o'clock in the afternoon"
      .. " and at 10 o'clock at night.\n")
    assert.equal("FY2019-Q4", find(l, "DATE", "the fourth quarter of fiscal 2019").value)
    assert.equal("FY2018-H1", find(l, "DATE", "the first half of the 2018 fiscal year").value)
    assert.equal("FY2019-Q3",
      find(l, "DATE", "the third quarter of the fiscal year ended Sept. 30").value)
    assert.equal("FY2017", find(l, "DATE", "the 2017 fiscal year").value)
    assert.equal("T15:00", find(l, "TIME", "3 o'clock in the afternoon").value)
    assert.equal("T22:00", find(l, "TIME", "10 o'clock at night").value)
  end)
  it("reads a hyphenated part of the day as a time", function()
    local l = ents("By mid-afternoon the index had recovered; the late-night session ended.\n")
    assert.equal("XXXX-XX-XXTAF", find(l, "TIME", "mid-afternoon").value)
    assert.equal("XXXX-XX-XXTNI", find(l, "TIME", "late-night").value)
  end)
  it("reads a duration in two units as one", function()
    local l = ents("The talks lasted three hours and 20 minutes. He served two years and three"
      .. " months, and waited 20 minutes and three hours.\n")
    assert.equal("PT3H20M", find(l, "TIME", "three hours and 20 minutes").value)
    assert.equal("P2Y3M", find(l, "DATE", "two years and three months").value)
    assert.equal("PT20M", find(l, "TIME", "20 minutes").value)
  end)
  it("reads a race time or a term in three units as one duration", function()
    local l = ents("Ruiz won in 4 hours 48 mins 2 seconds; Osei ran 1 minute 50.574 seconds."
      .. " The bond has a life of 12 years 259 days.\n")
    assert.equal("PT4H48M2S", find(l, "TIME", "4 hours 48 mins 2 seconds").value)
    assert.equal("PT1M50.574S", find(l, "TIME", "1 minute 50.574 seconds").value)
    assert.equal("P12Y259D", find(l, "DATE", "12 years 259 days").value)
  end)
  it("reads a lone C or F after a number as a temperature only where it closes", function()
    local l = ents("Lows fell to 4.0 C (39.2 F) in Brandon and 5 Celsius (41 F) in Dauphin."
      .. " Class 3 C shares rose.\n")
    assert.same({ amount = 4, unit = "C" }, find(l, "QUANTITY", "4.0 C").value)
    assert.same({ amount = 39.2, unit = "F" }, find(l, "QUANTITY", "39.2 F").value)
    assert.same({ amount = 41, unit = "F" }, find(l, "QUANTITY", "41 F").value)
    assert.is_nil(find(l, "QUANTITY", "3 C"))
  end)
  it("reads a year printed right after a quarter or a half, and after a range of months", function()
    local l = ents("Second quarter 2019 results were weak; output for first half 2018 was set."
      .. " Tin was lent between April and June 2019. The November to February 2020 rains.\n")
    assert.equal("2019-Q2", find(l, "DATE", "Second quarter 2019").value)
    assert.equal("2018-H1", find(l, "DATE", "first half 2018").value)
    assert.equal("2019-04", find(l, "DATE", "April").value)
    assert.equal("2019-11", find(l, "DATE", "November").value)
  end)
  it("reads a British clock time and leaves a sign-off's telephone number out", function()
    local l = ents("The shelling began at 4.50 a.m. and stopped at 2.00 p.m., up 10.30 percent."
      .. "\n-- Tallinn Newsroom +372 631 1223\n-- Mara Pohl 204 555 0142\n")
    assert.equal("T04:50", find(l, "TIME", "4.50 a.m.").value)
    assert.equal("T14:00", find(l, "TIME", "2.00 p.m.").value)
    assert.equal(10.3, find(l, "PERCENT", "10.30 percent").value)
    for _, e in ipairs(l) do assert.is_not.equal("CARDINAL", e.type, e.text) end
  end)
  it("reads an expression that opens a paragraph whole", function()
    local l = ents("Fires spread\n\nCrews were called in, officials said.\n\nMore than 14,000"
      .. " firefighters are at work.\n\nTwo weeks ago the first fire broke out near the town.\n\n"
      .. "Up to 5,000 homes are at risk, the governor said on Tuesday.\n")
    assert.equal(14000, find(l, "CARDINAL", "More than 14,000").value)
    assert.equal("2020-04-22", find(l, "DATE", "Two weeks ago").value)
    assert.equal(5000, find(l, "CARDINAL", "Up to 5,000").value)
  end)
  it("reads ages said so, and an estimated amount with its article", function()
    local l = ents("At 78, Biden is the oldest. At 78, the index held. Vaccines go to people over 70"
      .. " and to those aged 65. An estimated 300 people died and an estimated $8 billion was lost.\n")
    assert.equal("P70Y", find(l, "DATE", "over 70").value)
    assert.equal("P65Y", find(l, "DATE", "65").value)
    assert.equal("P78Y", find(l, "DATE", "78").value)
    assert.equal(78, find(l, "CARDINAL", "78").value) -- "the index": no person
    assert.equal(300, find(l, "CARDINAL", "An estimated 300").value)
    assert.equal(8e9, find(l, "MONEY", "an estimated $8 billion").value.amount)
  end)
  it("reads a fraction before a preposition, a holiday's period with its article, a decade as TIMEX3 has it", function()
    local l = ents("The drug cut deaths by about a third among patients over the Labor Day weekend"
      .. " and the Christmas holidays, as in the 1990s.\n")
    assert.is_true(math.abs(find(l, "CARDINAL", "about a third").value - 1 / 3) < 1e-9)
    assert.is_truthy(find(l, "DATE", "the Labor Day weekend"))
    assert.is_truthy(find(l, "DATE", "the Christmas holidays"))
    assert.equal("199", find(l, "DATE", "the 1990s").value)
  end)
  it("reads a currency many countries name by the dateline's country, not the wire's dlrs", function()
    local l = ents("BUENOS AIRES, May 6 (Reuters) - The peso fell to 115.4 pesos. Exports were 200 mln"
      .. " dlrs.\n")
    assert.equal("ARS", find(l, "MONEY", "115.4 pesos").value.currency)
    assert.equal("USD", find(l, "MONEY", "200 mln dlrs").value.currency)
    l = ents("SYDNEY, May 6 (Reuters) - Qantas lost 200 million dollars.\n")
    assert.equal("AUD", find(l, "MONEY", "200 million dollars").value.currency)
  end)
  it("reads a weekday ahead where the sentence schedules it", function()
    local l = ents("The summit, which starts at 5 p.m. on Thursday, is likely to end on Friday.\n")
    assert.equal("2020-05-07", find(l, "DATE", "Thursday").value)
    assert.equal("2020-05-08", find(l, "DATE", "Friday").value)
  end)
  it("reads a score after the beaten side, takes no designator's number, and pounds as the story's money", function()
    local l = ents("WIMBLEDON, England (Reuters) - The Braves beat the Houston Astros 6-2 on Tuesday and"
      .. " Ruiz won, beating the third seed 6-4 3-6 7-5. Ruiz gets 375,000 pounds. She lost 10 pounds."
      .. " Game 2 is on Wednesday.\n")
    assert.equal("6-2", find(l, "CARDINAL", "6-2").value)
    assert.equal("7-5", find(l, "CARDINAL", "7-5").value)
    assert.equal("GBP", find(l, "MONEY", "375,000 pounds").value.currency)
    assert.equal("kg", find(l, "QUANTITY", "10 pounds").value.unit)
    assert.is_nil(find(l, "CARDINAL", "2"))
  end)
  it("reads the tense of a long sentence, a far 'next' as no future, a market's close as past", function()
    local l = ents("The carrier said it would cut about 2,000 jobs, or roughly a third of its office"
      .. " staff, by September. Holders will get a premium of 41% to Tuesday's close. Rotor must"
      .. " play its next home game in an empty stadium after fans hurled bottles at players"
      .. " on Saturday.\n")
    assert.equal("2020-09", find(l, "DATE", "September").value)
    assert.equal("2020-05-05", find(l, "DATE", "Tuesday").value)
    assert.equal("2020-05-02", find(l, "DATE", "Saturday").value)
  end)
  it("reads a date with what frames it: earlier in the week, the same period last year, every few days, a day at its hour", function()
    local l = ents("Schools shut earlier in the week. Sales rose from the same period last year and"
      .. " from the year-earlier period. Cases double every two to three days. The summit opens"
      .. " on Thursday at 9 a.m. Turnout in the May 9 vote was high, as early as March.\n")
    assert.equal("2020-W19", find(l, "DATE", "earlier in the week").value)
    assert.equal("2019", find(l, "DATE", "the same period last year").value)
    assert.is_truthy(find(l, "DATE", "the year-earlier period"))
    assert.is_truthy(find(l, "DATE", "every two to three days"))
    assert.equal("2020-05-07T09:00", find(l, "TIME", "Thursday at 9 a.m.").value)
    assert.equal("2020-05-09", find(l, "DATE", "May 9").value)
    assert.is_truthy(find(l, "DATE", "March"))
    for _, e in ipairs(l) do assert.is_not.equal("PERSON", e.type, e.text) end
  end)
  it("reads a game's half or quarter as its ordinal, a company's as a period", function()
    local l = ents("Both goals came early in the second half. The Heat went six minutes without"
      .. " scoring in the third quarter. Profit fell in the third quarter, the company said.\n")
    assert.equal(2, find(l, "ORDINAL", "second").value)
    assert.equal(3, find(l, "ORDINAL", "third").value)
    assert.equal("2019-Q3", find(l, "DATE", "the third quarter").value)
  end)
  it("reads a time the story named before, with no value: that afternoon, later that evening", function()
    local l = ents("He signed 17 orders that afternoon. Later that evening he left, and that year"
      .. " prices fell. Analysts noted that spring crops yield less.\n")
    local e = find(l, "TIME", "that afternoon")
    assert.is_truthy(e)
    assert.is_nil(e.value)
    assert.is_truthy(find(l, "TIME", "Later that evening"))
    assert.is_truthy(find(l, "DATE", "that year"))
    assert.is_nil(find(l, "DATE", "that spring"))
  end)
  it("reads the rupee's and the Swiss franc's abbreviations and India's lakh crore", function()
    local l = ents("Onions cost Rs. 40 a kg, the plan Rs 1.6 lakh crore, the bond SFr 5 million.\n")
    assert.same({ amount = 40, currency = "INR" }, find(l, "MONEY", "Rs. 40").value)
    assert.equal(1.6e12, find(l, "MONEY", "Rs 1.6 lakh crore").value.amount)
    assert.same({ amount = 5e6, currency = "CHF" }, find(l, "MONEY", "SFr 5 million").value)
  end)
  it("reads early or late in a day as a TIME valued as the day", function()
    local l = ents("Results are due by early Thursday; he died late Tuesday, and prices rose in"
      .. " early May.\n")
    assert.equal("2020-05-07", find(l, "TIME", "early Thursday").value)
    assert.equal("2020-05-05", find(l, "TIME", "late Tuesday").value)
    assert.equal("2020-05", find(l, "DATE", "early May").value)
  end)
  it("reads the inch mark glued to a number as inches, not a quotation's end", function()
    local l = ents('The monitor has a 34" panel; the box is 22" long. He cited the "trade act of 1987"'
      .. ' and said "5" twice.\n')
    local q = find(l, "QUANTITY", '34"').value
    assert.equal("m", q.unit)
    assert.is_true(math.abs(q.amount - 0.8636) < 1e-9)
    assert.is_truthy(find(l, "QUANTITY", '22"'))
    assert.is_truthy(find(l, "DATE", "1987"))
    assert.is_truthy(find(l, "CARDINAL", "5"))
  end)
  it("reads a tally in words as one CARDINAL, its text its value, and a change as two", function()
    local l = ents("The council voted 1,901 to 1,456 for the plan, a vote of 220 to 211 in May."
      .. " Staff fell from 500 to 300.\n")
    assert.equal("1,901 to 1,456", find(l, "CARDINAL", "1,901 to 1,456").value)
    assert.equal("220 to 211", find(l, "CARDINAL", "220 to 211").value)
    assert.equal(500, find(l, "CARDINAL", "500").value)
    assert.equal(300, find(l, "CARDINAL", "300").value)
  end)
  it("takes the emergency number one dials for no count", function()
    local l = ents("Residents should call 911 or dial 911 at once after the first 911 call; the"
      .. " dealer sold 911 cars.\n")
    local n = 0
    for _, e in ipairs(l) do if e.text == "911" then n = n + 1 end end
    assert.equal(1, n)
  end)
  it("does not read the daily or weekly that names a paper as a set", function()
    local text = "The opposition daily La Gazette said so, the weekly Der Beobachter on Monday"
      .. " too. The weekly U.S. crush rate rose; prices rise daily.\n"
    local sets = {}
    for _, e in ipairs(ents(text)) do
      if e.type == "DATE" and (e.text == "daily" or e.text == "weekly") then
        sets[#sets + 1] = e.start
      end
    end
    -- the crush rate's weekly and the last daily; not the two papers
    assert.same({ text:find("weekly U.S.", 1, true) - 1, text:find("daily.", 1, true) - 1 }, sets)
  end)
  it("reads a year before a company's accounts, and a large number after a name as a count", function()
    local l = ents("The company expects 2021 sales to rise. Shr 1.12 dlrs vs 98 cts; Net 5,400,000"
      .. " vs 4,200,000; Revs 112.5 mln vs 98.7 mln. It sold 2021 cars and a Boeing 737.\n")
    assert.equal("2021", find(l, "DATE", "2021").value)
    assert.equal(5400000, find(l, "CARDINAL", "5,400,000").value)
    assert.equal(112500000, find(l, "CARDINAL", "112.5 mln").value)
    assert.equal(2021, find(l, "CARDINAL", "2021").value)
    assert.is_nil(find(l, "CARDINAL", "737"))
  end)
  it("reads a count of days before or after a date as that date, and a century with 'the late'", function()
    local l = ents("The ruling came two days before Christmas. He left a week after July 4, and"
      .. " the house was built in the late 19th century.\n")
    assert.equal("2019-12-23", find(l, "DATE", "two days before Christmas").value)
    assert.equal("2019-07-11", find(l, "DATE", "a week after July 4").value)
    assert.equal("18", find(l, "DATE", "the late 19th century").value)
  end)
  it("reads a glued m before what is counted as millions, and the low 40s as a level", function()
    local l = ents("The party won 2.1m votes; output rose to 1.5m barrels a day; he won the 100m"
      .. " final. Support fell to the low 40s.\n")
    assert.equal(2100000, find(l, "CARDINAL", "2.1m").value)
    assert.equal(1500000, find(l, "QUANTITY", "1.5m barrels a day").value.amount)
    assert.equal("m", find(l, "QUANTITY", "100m").value.unit)
    assert.equal(40, find(l, "CARDINAL", "40s").value)
  end)
  it("reads a glued p as pence, and a change then a level as two amounts", function()
    local l = ents("Shares firmed 30p to 342p after it paid 4.5p a share; the video was in 720p.\n")
    assert.same({ amount = 0.3, currency = "GBP" }, find(l, "MONEY", "30p").value)
    assert.same({ amount = 3.42, currency = "GBP" }, find(l, "MONEY", "342p").value)
    assert.equal(0.045, find(l, "MONEY", "4.5p").value.amount)
    assert.is_nil(find(l, "MONEY", "720p"))
  end)
  it("reads the number before a hyphen and a noun: a count, a unit, money, a percent, a model year", function()
    local l = ents("The 5,000-seat hall and a 12-member panel saw a 20-ton press, a 4.8-pct rise, a"
      .. " 1,750,000-dlr loan and 455 2019-model cars in a 10-km convoy.\n")
    local c = find(l, "CARDINAL", "5,000")
    assert.equal(5000, c.value)
    assert.equal(12, find(l, "CARDINAL", "12").value)
    assert.equal("ton", find(l, "QUANTITY", "20-ton").value.unit)
    assert.equal(4.8, find(l, "PERCENT", "4.8-pct").value)
    assert.equal("USD", find(l, "MONEY", "1,750,000-dlr").value.currency)
    assert.equal("2019", find(l, "DATE", "2019").value)
    assert.equal(10, find(l, "QUANTITY", "10-km").value.amount)
  end)
  it("reads quarters counted as periods unless a fraction of something, and a first-ever", function()
    local l = ents("Profit rose in the past two quarters and in the first three quarters of 2019;"
      .. " three quarters of the votes went to him, his first-ever win.\n")
    assert.equal("P6M", find(l, "DATE", "the past two quarters").value)
    assert.equal("P9M", find(l, "DATE", "the first three quarters of 2019").value)
    assert.equal(0.75, find(l, "CARDINAL", "three quarters").value)
    assert.equal(1, find(l, "ORDINAL", "first").value)
  end)
  it("reads 3m before what is counted as millions, and 3M as the company, not metres", function()
    local l = ents("The app has 3m users, 3M said on Monday; he ran the 100m.\n")
    assert.equal(3000000, find(l, "CARDINAL", "3m").value)
    assert.is_not_nil(find(l, "ORG", "3M"))
    assert.is_nil(find(l, "QUANTITY", "3M"))
    assert.equal("m", find(l, "QUANTITY", "100m").value.unit)
  end)
  it("reads a sum and its cents as one amount", function()
    local l = ents("A ticket costs 10 dollars and 50 cents; a meal cost 5 pounds and 20 pence.\n")
    assert.same({ amount = 10.5, currency = "USD" },
      find(l, "MONEY", "10 dollars and 50 cents").value)
    assert.same({ amount = 5.2, currency = "GBP" }, find(l, "MONEY", "5 pounds and 20 pence").value)
  end)
  it("reads the nth day of a month as that day", function()
    local l = ents("The law takes effect on the first day of next month, and talks began on the"
      .. " third day of the strike.\n")
    assert.equal("2020-06-01", find(l, "DATE", "the first day of next month").value)
    assert.is_not_nil(find(l, "DATE", "the third day"))
  end)
  it("counts a number word that opens a sentence or a speaker's line, apart from a name after it", function()
    local l = ents("The storm moved on. Eight Gulf Coast refineries remain shut.\n\n"
      .. "HOST: Eleven banks have failed since January.\n")
    assert.equal(8, find(l, "CARDINAL", "Eight").value)
    assert.is_not_nil(find(l, "LOC", "Gulf Coast"))
    assert.equal(11, find(l, "CARDINAL", "Eleven").value)
  end)
  it("reads an age said with a verb as a date, and no count of points nor the pronoun", function()
    local l = ents("Harlowe, who is 58, sold trees. CALLER: I'm 67, and I have savings. Vera"
      .. " Lund is 81. She turned 100 on Friday. At 61 he wrote a book. I was nineteen.\n"
      .. "She was 21 points behind. The index is 44, up from 40. He is one, too.\n")
    for _, age in ipairs({ "58", "67", "81", "100", "61", "nineteen" }) do
      assert.is_not_nil(find(l, "DATE", age), age)
    end
    assert.is_not_nil(find(l, "CARDINAL", "21"))
    assert.is_not_nil(find(l, "CARDINAL", "44"))
    assert.is_nil(find(l, "DATE", "one"))
  end)
  it("reads a clock time with the part of a day said after it, and a zone said alone", function()
    local l = ents("Demand peaked at 5:30 yesterday afternoon; the line formed at 9 o'clock last"
      .. " night. Snow should end around 11 tonight. They open at five in the morning, and at"
      .. " 8:30 tomorrow morning. The race starts at 12:19 p.m. Eastern.\n")
    assert.equal("2020-05-05T17:30", find(l, "TIME", "5:30 yesterday afternoon").value)
    assert.equal("2020-05-05T21:00", find(l, "TIME", "9 o'clock last night").value)
    assert.equal("2020-05-06T23:00", find(l, "TIME", "around 11 tonight").value)
    assert.equal("T05:00", find(l, "TIME", "five in the morning").value)
    assert.equal("2020-05-07T08:30", find(l, "TIME", "8:30 tomorrow morning").value)
    assert.equal("T12:19-04:00", find(l, "TIME", "12:19 p.m. Eastern").value)
  end)
  it("reads prices as said: a dollar and its cents, coins, a scale's dollars in one word", function()
    local l = ents("Oil sold for a dollar fifty-nine a gallon; a ride costs a dollar, my mother"
      .. " paid a nickel, and the billion-dollar crop and a multibillion-dollar deal are at"
      .. " risk. The dollar rose.\n")
    assert.same({ amount = 1.59, currency = "USD" }, find(l, "MONEY", "a dollar fifty-nine").value)
    assert.same({ amount = 1, currency = "USD" }, find(l, "MONEY", "a dollar").value)
    assert.same({ amount = 0.05, currency = "USD" }, find(l, "MONEY", "a nickel").value)
    assert.same({ amount = 1e9, currency = "USD" }, find(l, "MONEY", "billion-dollar").value)
    assert.is_nil(find(l, "MONEY", "multibillion-dollar").value)
    assert.is_nil(find(l, "MONEY", "The dollar"))
  end)
  it("reads years cut to two digits, sets of months, seasons and parts of days, and spoken odds", function()
    local l = ents("He went through this in '56; in June of '63 and the summer of '67 it rained,"
      .. " as in the late '80s. She comes every November and each spring, and practises every"
      .. " afternoon and all night. The odds are one in 80 million; your 401(k) is down. Under"
      .. " as many as 11 coats of paint, the talks ran until almost midnight.\n")
    assert.equal("1956", find(l, "DATE", "'56").value)
    assert.equal("1963-06", find(l, "DATE", "June of '63").value)
    assert.equal("1967-SU", find(l, "DATE", "the summer of '67").value)
    assert.equal("198", find(l, "DATE", "the late '80s").value)
    assert.equal("XXXX-11", find(l, "DATE", "every November").value)
    assert.equal("XXXX-SP", find(l, "DATE", "each spring").value)
    assert.equal("XXXX-XX-XXTAF", find(l, "TIME", "every afternoon").value)
    assert.is_not_nil(find(l, "TIME", "all night"))
    assert.is_not_nil(find(l, "CARDINAL", "one in 80 million"))
    assert.is_nil(find(l, "CARDINAL", "401"))
    assert.is_not_nil(find(l, "CARDINAL", "as many as 11"))
    assert.equal("T00:00", find(l, "TIME", "almost midnight").value)
  end)
  it("reads shares, parts of a point or a unit, clock quarters and titled ages", function()
    local l = ents("A survey found that one in four families travel; roughly three of every 10"
      .. " cars were imports, and about a third expect a cut. The odds of a quarter-point cut"
      .. " rose; residents within a half-mile left. It burst at about a quarter past four. Its"
      .. " founder, 31, was arrested; participants over 65 did well. The chip runs 27 million"
      .. " instructions a second. The team plans a second, larger trial.\n")
    assert.equal(0.25, find(l, "CARDINAL", "one in four").value)
    assert.equal(0.3, find(l, "CARDINAL", "roughly three of every 10").value)
    assert.is_not_nil(find(l, "CARDINAL", "about a third"))
    assert.equal(0.25, find(l, "PERCENT", "quarter-point").value)
    assert.equal("km", find(l, "QUANTITY", "half-mile").value.unit)
    assert.equal("T04:15", find(l, "TIME", "about a quarter past four").value)
    assert.is_not_nil(find(l, "DATE", "31"))
    assert.is_not_nil(find(l, "DATE", "over 65"))
    assert.equal(1, #(function() local o = {} for _, e in ipairs(l) do
      if e.type == "ORDINAL" then o[#o + 1] = e end end return o end)())
  end)
  it("reads hours from one to another with the second's half of the day as one time", function()
    local l = ents("Hours are typically 5 to 8 p.m.; snow fell between 7 and 10 this morning, and"
      .. " from 2 to 4 in the afternoon. Scores rose 5 to 8 points.\n")
    assert.is_not_nil(find(l, "TIME", "5 to 8 p.m."))
    assert.is_not_nil(find(l, "TIME", "between 7 and 10 this morning"))
    assert.is_not_nil(find(l, "TIME", "2 to 4 in the afternoon"))
    assert.is_nil(find(l, "TIME", "5 to 8"))
  end)
  it("reads a measure said with a, half or a quarter, but not a rate's unit", function()
    local l = ents("Lines stretched half a mile long; the funnel ran a quarter mile, and he lives"
      .. " a mile away. A fir grows about a foot; it takes about a gallon. Gas costs 3 dollars a"
      .. " gallon, oil a dollar fifty-nine a gallon; they pay $3.09 for a gallon. He set foot on"
      .. " land.\n")
    assert.equal("km", find(l, "QUANTITY", "half a mile").value.unit)
    assert.is_not_nil(find(l, "QUANTITY", "a quarter mile"))
    assert.is_not_nil(find(l, "QUANTITY", "a mile"))
    assert.is_not_nil(find(l, "QUANTITY", "about a foot"))
    assert.is_not_nil(find(l, "QUANTITY", "about a gallon"))
    assert.is_nil(find(l, "QUANTITY", "a gallon"))
  end)
  it("reads a month to a later one, and a year through another, as one date", function()
    local l = ents("Rain falls between June and September; the season runs from November to"
      .. " February, and trucks of the 2015 through 2018 model years were recalled.\n")
    assert.equal("2020-06/2020-09", find(l, "DATE", "between June and September").value)
    assert.equal("2020-11/2021-02", find(l, "DATE", "November to February").value)
    assert.equal("2015/2018", find(l, "DATE", "2015 through 2018").value)
  end)
  it("reads a side's record with ties, a record reached, and a score at a moment of the game", function()
    local l = ents("Carver State, the top seed, is 24-0 and unbeaten. Harlow (15-6-3) moved up;"
      .. " Boston falls to 1-1. At 2-0 down they rallied, and she served at 5-4 in the third"
      .. " set. Rates were 5-6 percent.\n")
    for _, sc in ipairs({ "24-0", "15-6-3", "1-1", "2-0", "5-4" }) do
      assert.equal(sc, find(l, "CARDINAL", sc).value)
    end
    assert.is_not_nil(find(l, "PERCENT", "5-6 percent"))
  end)
  it("reads a temperature said without its unit in a weather report as degrees", function()
    local l = ents("Tomorrow brings a high of 31, a wind chill of minus 25, and highs in the"
      .. " mid-80s by Friday; the Channel is a balmy 62. The index of 30 stocks fell.\n")
    assert.same({ amount = 31, unit = "deg" }, find(l, "QUANTITY", "31").value)
    assert.same({ amount = -25, unit = "deg" }, find(l, "QUANTITY", "minus 25").value)
    assert.is_not_nil(find(l, "QUANTITY", "mid-80s"))
    assert.is_not_nil(find(l, "QUANTITY", "62"))
    assert.is_not_nil(find(l, "CARDINAL", "30"))
  end)
  it("reads a contract's month, holidays' seasons and lengths of one unit as dates", function()
    local l = ents("December cocoa rose and the May position fell; in January bonds slipped. It"
      .. " capped a weak Christmas season before Super Tuesday and the National Day holiday,"
      .. " a week-long break. It cut its full-year target.\n")
    assert.equal("2020-12", find(l, "DATE", "December").value)
    assert.equal("2020-05", find(l, "DATE", "May").value)
    assert.equal("2020-01", find(l, "DATE", "January").value)
    assert.is_not_nil(find(l, "DATE", "Christmas season"))
    assert.is_not_nil(find(l, "DATE", "Super Tuesday"))
    assert.is_not_nil(find(l, "DATE", "the National Day holiday"))
    assert.equal("P1W", find(l, "DATE", "week-long").value)
    assert.is_not_nil(find(l, "DATE", "full-year"))
  end)
  it("reads a grain price's fraction of a cent, and a second of time as no rank", function()
    local l = ents("Soybeans closed at $3.65 3/4 a bushel. He won by six hundredths of a second"
      .. " despite the wind; she won a second term.\n")
    assert.same({ amount = 3.6575, currency = "USD" }, find(l, "MONEY", "$3.65 3/4").value)
    local o = 0
    for _, e in ipairs(l) do if e.type == "ORDINAL" then o = o + 1 end end
    assert.equal(1, o)
  end)
  it("reads no count in an index named by its number of stocks", function()
    local l = ents("The Standard & Poor's 500-stock index rose 4.02, and a 12-member panel met.\n")
    assert.is_nil(find(l, "CARDINAL", "500"))
    assert.equal(12, find(l, "CARDINAL", "12").value)
  end)
  it("reads the unit of a rate after a count in words as no date, and times a week as a set", function()
    local l = ents("It will make two tonnes a month mainly for export; he visits three times a week.\n")
    assert.is_nil(find(l, "DATE", "a month"))
    assert.is_not_nil(find(l, "DATE", "a week"))
  end)
  it("reads a season said with this, last or the previous, the other day, and after the holidays", function()
    local l = ents("It was his third win this season; last season he scored 20, more than the"
      .. " previous season. A reader called me the other day. He will decide after the"
      .. " holidays. On the other hand, they went home for the holidays.\n")
    for _, d in ipairs({ "this season", "last season", "the previous season", "the other day",
      "the holidays" }) do
      assert.is_not_nil(find(l, "DATE", d), d)
    end
    local n = 0
    for _, e in ipairs(l) do if e.type == "DATE" and e.text == "the holidays" then n = n + 1 end end
    assert.equal(1, n)
  end)
  it("reads a holiday of several capitalized words with its article", function()
    local l = ents("Millions head home for the Lunar New Year; the Christmas tree was lit.\n")
    assert.is_not_nil(find(l, "DATE", "the Lunar New Year"))
    assert.is_not_nil(find(l, "DATE", "Christmas"))
  end)
end)
