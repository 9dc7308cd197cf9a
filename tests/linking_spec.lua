-- Mentions of one entity share its canonical form: surnames, acronyms and
-- definite descriptions ("the department") link back to the name before
-- them, at the start of a sentence as well as inside one.
local lede = require "lede"

local text = table.concat({
  "WASHINGTON (AP) -- The State Department said on Tuesday that U.S. Secretary of State "
    .. "Mike Pompeo would visit the Republic of Korea (ROK) next week.",
  "",
  "The department added that Pompeo later met officials of the World Health Organization. "
    .. "A spokesman for the department said WHO had asked for the talks.",
}, "\n")

local doc = lede.parse(text)

local function mentions(pred)
  local got = {}
  for e in doc.entities:each() do
    if pred(e) then got[#got + 1] = e.text .. "=" .. tostring(e.canonical) end
  end
  return table.concat(got, "; ")
end

-- what of each entity of text t `pick` returns (nil: the entity is skipped)
-- the roles of a document's persons, keyed by their canonical name (or by
-- another field: "text")
local function roles_of(d, key)
  local roles = {}
  for e in d.entities:each("PERSON") do
    if e.role then roles[e[key or "canonical"]] = e.role end
  end
  return roles
end

local function picked(t, pick)
  local got = {}
  for e in lede.parse(t).entities:each() do got[#got + 1] = pick(e) end
  return got
end

describe("linked mentions", function()
  it("links a surname to the full name, and keeps the lower-case word after it out", function()
    assert.equal("Mike Pompeo=Mike Pompeo; Pompeo=Mike Pompeo",
      mentions(function(e) return e.type == "PERSON" end))
  end)

  it("gives a person her surname where a town has the same name, not after 'in'", function()
    local t = "Star's return\n\nThe singer Jessie Buckley opened the show. Buckley grew up near"
      .. " Glasgow and was born in Buckley, a town in Wales.\n"
    local got = picked(t, function(e)
      if e.text == "Buckley" then return e.type .. "=" .. tostring(e.canonical) end
    end)
    assert.same({ "PERSON=Jessie Buckley", "GPE=Buckley" }, got)
  end)
  it("keeps a city after a preposition of place where its other mentions are a team", function()
    local t = "BASEBALL - RESULTS.\n\nNEW YORK 1996-08-29\n\nResults of games on Wednesday:\n"
      .. "Chicago 5 Toronto 3\nCleveland 4 Chicago 2\nChicago 7 Detroit 1\n\nFRIDAY'S SCHEDULE\n"
      .. "TORONTO AT CHICAGO\nDETROIT AT CLEVELAND\n\nIn Chicago, Frank Tomas homered twice.\n"
    local got = picked(t, function(e) if e.text:upper() == "CHICAGO" then return e.type end end)
    assert.same({ "ORG", "ORG", "ORG", "GPE", "GPE" }, got)
  end)
  it("reads a city that wins, loses or has a striker in a game's report as its team", function()
    local t = "SOCCER - NEWCASTLE WIN.\n\nLONDON 1996-08-30\n\nNewcastle beat Sunderland 2-1 on"
      .. " Saturday. The striker, who joined Newcastle in May, scored twice. Norwich striker Ken"
      .. " Dale was injured. France beat Mexico 2-0.\n"
    local got = picked(t, function(e)
      if e.type == "ORG" or e.type == "GPE" then return e.type .. " " .. e.text end
    end)
    assert.same({ "ORG NEWCASTLE", "GPE LONDON", "ORG Newcastle", "ORG Sunderland", "ORG Newcastle",
      "ORG Norwich", "GPE France", "GPE Mexico" }, got)
  end)
  it("links 'the department' to the State Department, capitalized or not", function()
    local got = mentions(function(e) return e.type == "ORG" and e.text:lower():find("department", 1, true) end)
    assert.equal("State Department=State Department; The department=State Department; "
      .. "the department=State Department", got)
  end)

  it("links an organization said short to its full name, not a name two share", function()
    local d = lede.parse("NEW YORK (Reuters) - Carolina Skyways Inc. cut 400 jobs on Tuesday and"
      .. " Caldera Energy Corp. said it would buy Corvane Therapeutics.\n\nCarolina Skyways"
      .. " shares fell. Caldera said the deal was done, and Corvane agreed. Pinewood Savings and"
      .. " Pinewood Capital Partners talked, but Pinewood declined to comment.\n")
    local canon = {}
    for e in d.entities:each("ORG") do canon[e.text] = e.canonical end
    assert.equal("Carolina Skyways Inc.", canon["Carolina Skyways"])
    assert.equal("Caldera Energy Corp.", canon["Caldera"])
    assert.equal("Corvane Therapeutics", canon["Corvane"])
    assert.equal("Pinewood", canon["Pinewood"] or "Pinewood")
  end)

  it("gives a surname to the first person named with it, and links a headline's capitals",
    function()
      local d = lede.parse("ARLO PETTIGREW KEEPS THE FORGE HOT\n\nHARLAN FALLS, Vt. (AP) -- Arlo"
        .. " Pettigrew has shod horses for 50 years.\n\nHis wife, June Pettigrew, keeps the books."
        .. "\n\n\"Somebody ought to know how to do this,\" Pettigrew says. Pieter van Aalst, his"
        .. " apprentice, agreed. Van Aalst said so.\n")
      local canon = {}
      for e in d.entities:each("PERSON") do canon[e.text] = e.canonical end
      assert.equal("Arlo Pettigrew", canon["Pettigrew"])
      assert.equal("Arlo Pettigrew", canon["ARLO PETTIGREW"])
      assert.equal("Pieter van Aalst", canon["Van Aalst"])
    end)

  it("gives a firm with its legal form the gazetteer's name, which its acronym has", function()
    local d = lede.parse("DETROIT (Reuters) - General Motors Corp. said on Monday that GM would"
      .. " cut 2,000 jobs.\n")
    local canon = {}
    for e in d.entities:each("ORG") do canon[e.text] = e.canonical end
    assert.equal("General Motors", canon["General Motors Corp."])
    assert.equal("General Motors", canon["GM"])
  end)

  it("links a surname with particles or a hyphened particle said alone", function()
    local d = lede.parse("CAIRO (Reuters) - Hala el-Sayyid, an economist, said prices would rise."
      .. " El-Sayyid said a cut was unlikely. Khalid al-Masry, a trader, agreed. Masry said so."
      .. "\n\nAMSTERDAM (Reuters) - Astronomers found a new object. Annelies van der Meeren, who"
      .. " led the team, said it was small. Van der Meeren said the data was clear.\n")
    local canon = {}
    for e in d.entities:each("PERSON") do canon[e.text] = e.canonical end
    assert.equal("Hala el-Sayyid", canon["El-Sayyid"])
    assert.equal("Khalid al-Masry", canon["Masry"])
    assert.equal("Annelies van der Meeren", canon["Van der Meeren"])
  end)

  it("links an acronym to the name it abbreviates", function()
    local got = mentions(function(e) return e.type == "ORG" and (e.text == "WHO" or e.text:find("World")) end)
    assert.equal("World Health Organization=World Health Organization; WHO=World Health Organization", got)
  end)

  it("links a country's other names to one canonical", function()
    local got = mentions(function(e) return e.type == "GPE" and (e.text == "ROK" or e.text:find("Korea")) end)
    assert.equal("Republic of Korea=South Korea; ROK=South Korea", got)
  end)

  it("gives the person the role the text gives", function()
    for e in doc.entities:each() do
      if e.text == "Mike Pompeo" then assert.equal("U.S. Secretary of State", e.role) return end
    end
    error("no Mike Pompeo")
  end)

  it("reads a trade in common words after a name's comma, to its clause, place or next role",
    function()
      local d = lede.parse("BOSTON (AP) -- A new drug cut heart attacks by a third, researchers"
        .. " said on Monday.\n\n\"It works,\" said Dr. Helen Achterberg, a cardiologist at"
        .. " Massachusetts General Hospital who led the trial.\n\nDennis Koh, an analyst at"
        .. " Marlin Ridge Capital in New York, called it a breakthrough. Devin Kolb, co-founder"
        .. " and chief executive of Loomwork, agreed. Lucille Tarrant, chairwoman of the"
        .. " Senate Health Committee and the bill's chief sponsor, said she would act. Blue"
        .. " Horizon, an environmental group, said nothing.\n")
      local roles = roles_of(d)
      assert.equal("a cardiologist at Massachusetts General Hospital", roles["Helen Achterberg"])
      assert.equal("an analyst at Marlin Ridge Capital", roles["Dennis Koh"])
      assert.equal("co-founder and chief executive of Loomwork", roles["Devin Kolb"])
      assert.equal("chairwoman of the Senate Health Committee", roles["Lucille Tarrant"])
      assert.is_nil(roles["Blue Horizon"])
    end)

  it("reads a role before a name and its commas, and one cut short by a clause", function()
    local d = lede.parse("MAPUTO (Reuters) - Floods cut the main road on Monday.\n\nA spokeswoman"
      .. " for the National Disaster Management Institute, Helena Mutemba, said 1,200 people were"
      .. " rescued. \"It is safe,\" said Kevin Marsh, an analyst at Drummond Lyle & Co. in Boston"
      .. " who rates the shares \"hold.\"\n\nThe aircraft carrier Carl Vinson, were already in"
      .. " the Gulf.\n")
    local roles = roles_of(d)
    assert.equal("A spokeswoman for the National Disaster Management Institute",
      roles["Helena Mutemba"])
    assert.equal("an analyst at Drummond Lyle & Co.", roles["Kevin Marsh"])
    assert.is_nil(roles["Carl Vinson"])
  end)

  it("reads a role without the possessive of a body said before it, not of a name", function()
    local d = lede.parse("OSLO (Reuters) - The club lost.\n\nThe club's captain, Ana Rios, said it"
      .. " was over. Walter Hagen, the hospital's president, agreed. Norway's Prime Minister Eirik"
      .. " Lund spoke.\n")
    local roles = roles_of(d)
    assert.equal("captain", roles["Ana Rios"])
    assert.equal("president", roles["Walter Hagen"])
    assert.equal("Norway's Prime Minister", roles["Eirik Lund"])
  end)

  it("ends a role at a participle's clause, a time, a body's acronym, and reads it on one line", function()
    local d = lede.parse("SEOUL (Reuters) - A film opened.\n\nThe film stars Han Ji-woo, a stage"
      .. " actress making her first screen appearance, as a spy. Agus Wirawan, a spokesman for the"
      .. " National Flood Agency (NFA), said so. Saul Reiner, the temple's president for the past"
      .. " 31 years, agreed.\n")
    local roles = roles_of(d)
    assert.equal("a stage actress", roles["Han Ji-woo"])
    assert.equal("a spokesman for the National Flood Agency", roles["Agus Wirawan"])
    assert.equal("president", roles["Saul Reiner"])
    d = lede.parse("SEOUL, March 3 (Reuters) - A film opened in the city on\nTuesday. Mark Dunne, a"
      .. " spokesman for the World\nFood Programme, said it was fine. Others agreed\nwith him.\n")
    for e in d.entities:each("PERSON") do
      assert.equal("a spokesman for the World Food Programme", e.role)
    end
  end)

  it("reads a player's position, an agent's rank and a judge of a contest before a name", function()
    local d = lede.parse("DENVER (AP) -- The Hornets trailed before senior guard Keisha Broad took"
      .. " over. Special Agent Carl Jensen of the FBI said so. For Mumbai, left-arm spinner Raj"
      .. " Parmar took four wickets. Adjudicator Gwen Morgan praised the choir.\n")
    local roles = roles_of(d)
    assert.equal("senior guard", roles["Keisha Broad"])
    assert.equal("Special Agent", roles["Carl Jensen"])
    assert.equal("left-arm spinner", roles["Raj Parmar"])
    assert.equal("Adjudicator", roles["Gwen Morgan"])
  end)

  it("reads a trade before a full name whose given name no list has", function()
    local d = lede.parse("THE HAGUE (Reuters) - Farmers marched.\n\n\"It hurts,\" said dairy farmer"
      .. " Pieter van der Linden, 61.\n")
    local roles = roles_of(d)
    assert.equal("dairy farmer", roles["Pieter van der Linden"])
  end)

  it("takes no verb after a name's comma for a role", function()
    local d = lede.parse("BALTIMORE (AP) -- A temple closed.\n\nSol Reiner's daughter, Ruth Reiner"
      .. " Kaplan, drove up from Baltimore with her sons. Cornel Avery, began taking names.\n")
    for e in d.entities:each("PERSON") do assert.is_nil(e.role, e.text) end
  end)

  it("reads a role before a name and its commas after a body's possessive or a verb of saying", function()
    local d = lede.parse("MONZA (Reuters) - The race ended.\n\nHalcyon Racing's race engineer, Sophia"
      .. " Marchetti, said the team waited. \"I held on,\" said the driver, Dolores Quintero, 52.\n")
    local roles = roles_of(d)
    assert.equal("race engineer", roles["Sophia Marchetti"])
    assert.equal("the driver", roles["Dolores Quintero"])
  end)

  it("ends a role before a time, reads past an age, and knows clerks, trustees and chefs", function()
    local d = lede.parse("LISBON (AFP) - A race was run.\n\nInez Carvalho, a 34-year-old former"
      .. " schoolteacher, won it. Alfie Dunne, a docker for 41 years, said so. Mark Delacort, head"
      .. " chef at the time, agreed. Trustee Denise Gosselin voted no, as did town clerk Dora"
      .. " Kimura.\n")
    local roles = roles_of(d)
    assert.equal("former schoolteacher", roles["Inez Carvalho"])
    assert.equal("a docker", roles["Alfie Dunne"])
    assert.equal("head chef", roles["Mark Delacort"])
    assert.equal("Trustee", roles["Denise Gosselin"])
    assert.equal("town clerk", roles["Dora Kimura"])
  end)

  it("reads a body's possessive with a curly apostrophe, keeps a place's, and ends safely", function()
    local d = lede.parse("OSLO (Reuters) - Talks ended.\n\nThe Herons\226\128\153 manager, Earl"
      .. " Dawson, said so. Norway's Prime Minister, Erna Solberg, agreed. Des Walker said no.\n")
    local roles = roles_of(d)
    assert.equal("Norway's Prime Minister", roles["Erna Solberg"])
    local persons = {}
    for e in d.entities:each("PERSON") do persons[#persons + 1] = e.text end
    assert.truthy(table.concat(persons, "; "):find("Des Walker", 1, true), table.concat(persons, "; "))
    -- texts that end inside a role or a quotation's cue
    for _, t in ipairs({ "Ann Lee, a chef at the", "Ann Lee, a spokesman for the", "Ann Lee, a",
      "Ann Lee, head of the (", "\"Thank You,\" a spokeswoman for the" }) do
      assert.truthy(lede.parse(t))
    end
  end)

  it("keeps a title-cased quotation whose verb of saying follows it", function()
    local d = lede.parse("LONDON (Reuters) - A prize was given.\n\nShe stood and then \"Thank You So"
      .. " Much,\" she said.\n")
    assert.equal(1, #d.quotes)
  end)

  it("gives no role of 'one of' a group", function()
    local d = lede.parse("DUBLIN (Reuters) - A festival opened.\n\nJohn Smeaton, one of the"
      .. " founders, said it rained. One of the organisers, Jane Doyle, agreed. Mark Leary, head of"
      .. " the group, left.\n")
    local roles = roles_of(d)
    assert.is_nil(roles["John Smeaton"])
    assert.is_nil(roles["Jane Doyle"])
    assert.equal("head of the group", roles["Mark Leary"])
  end)

  it("takes into a role the words that qualify its title, not a verb or preposition", function()
    local d = lede.parse("LONDON (Reuters) - The strike went on.\n\nCouncil President Teresa Vane"
      .. " spoke first, then veteran actor Yuri Balan and Police spokesman Henrik Dahl. The team"
      .. " played without key midfielder Mauro Silva.\n")
    local roles = roles_of(d)
    assert.equal("Council President", roles["Teresa Vane"])
    assert.equal("veteran actor", roles["Yuri Balan"])
    assert.equal("Police spokesman", roles["Henrik Dahl"])
    assert.equal("key midfielder", roles["Mauro Silva"])
  end)

  it("reads a body's name before a trade, an age before a role, a role after a comma", function()
    local d = lede.parse("LONDON (Reuters) - The club sacked its manager on Monday.\n\nAlan Merrick,"
      .. " the Castlebridge chairman, said it was hard. Amy Cho, a Red Cross volunteer who"
      .. " manages the shelter, agreed. Daniel Pryor, 34, a software engineer from Cardiff, was"
      .. " found. At the inquest in Brecon, the Powys coroner, John Hartley-Evans, said the"
      .. " delay was unacceptable. State epidemiologist Dr. Harold Quint spoke, and Ivan Petrov,"
      .. " 41, won the polls in 1994. Dennis Hollis, secretary of the Castlebridge United"
      .. " Supporters\226\128\153 Trust, said: \226\128\152We are divided.\226\128\153\n")
    local roles = roles_of(d)
    assert.equal("the Castlebridge chairman", roles["Alan Merrick"])
    assert.equal("a Red Cross volunteer", roles["Amy Cho"])
    assert.equal("a software engineer", roles["Daniel Pryor"])
    assert.equal("the Powys coroner", roles["John Hartley-Evans"])
    assert.equal("State epidemiologist", roles["Harold Quint"])
    assert.is_nil(roles["Ivan Petrov"])
    assert.equal("secretary of the Castlebridge United Supporters\226\128\153 Trust",
      roles["Dennis Hollis"])
  end)

  it("reads a role of common words with its body, after an article or a possessive", function()
    local d = lede.parse("LEEDS (Reuters) - The mill closed on Friday.\n\nOrla Vance, head of the"
      .. " works council at the plant, said it was over. \"It is done,\" said Piet Aalders,"
      .. " senior freight forecasting officer at the port. Nell Ibbotson, a retired mill worker,"
      .. " wept. His lawyer, Conrad Mayhew, said he would appeal. Her husband, Tobias Vance, was"
      .. " there. The leader of the opposition group, Rhys Pell, spoke. Dr. Ana Ruiz, a CDC"
      .. " epidemiologist, agreed. Colin Dray, 58, of Harrogate, a former financial adviser, was"
      .. " jailed. Glenn Oates, a former Marlow County treasurer, was not. Tom Birt, speaking"
      .. " for the board, said nothing.\n")
    local roles = roles_of(d, "text")
    assert.equal("head of the works council at the plant", roles["Orla Vance"])
    assert.equal("senior freight forecasting officer at the port", roles["Piet Aalders"])
    assert.equal("a retired mill worker", roles["Nell Ibbotson"])
    assert.equal("lawyer", roles["Conrad Mayhew"])
    assert.is_nil(roles["Tobias Vance"]) -- a husband is kin, not a role
    assert.equal("The leader of the opposition group", roles["Rhys Pell"])
    assert.equal("a CDC epidemiologist", roles["Ana Ruiz"])
    assert.equal("a former financial adviser", roles["Colin Dray"])
    assert.equal("a former Marlow County treasurer", roles["Glenn Oates"])
    assert.is_nil(roles["Tom Birt"])
  end)

  it("reads a trade in common words right before a full name, with the words that qualify it",
    function()
    local d = lede.parse("LEEDS (AP) -- The Comets traded leading scorer Andre Bissett on"
      .. " Monday. The saxophonist Dexter Cole played, and opponents led by local Green"
      .. " politician Elise Fabre spoke. Sales rose.\n\nBrightwater partner Ellen Ashcroft"
      .. " agreed, as did former Tucson City Council member Craig Dunmore. \"It was a long"
      .. " night,\" the prefect of Guadeloupe, Claire Vautier, told reporters. Under Tom Hale"
      .. " the club grew, and in a letter Anna Berg wrote she said so.\n")
    local roles = roles_of(d, "text")
    assert.equal("leading scorer", roles["Andre Bissett"])
    assert.equal("saxophonist", roles["Dexter Cole"])
    assert.equal("local Green politician", roles["Elise Fabre"])
    assert.equal("Brightwater partner", roles["Ellen Ashcroft"])
    assert.equal("former Tucson City Council member", roles["Craig Dunmore"])
    assert.equal("the prefect of Guadeloupe", roles["Claire Vautier"])
    assert.is_nil(roles["Tom Hale"])
  end)

  it("ends a role at a place or a second place after its body, and reads a trade in -ing or -s",
    function()
    local d = lede.parse("TOLEDO, Ohio (AP) -- The plant closed.\n\n\"It was bad,\" said Rajiv"
      .. " Mehta, mining analyst at Lakeshore Securities. Sylvie Arnoux, a history teacher from"
      .. " Creteil, agreed, and so did Chinedu Oke, a tailor in Surulere. Rick Salas, bargaining"
      .. " chairman for the United Auto Workers at the plant, was angry. Gwen Morley, Brecon branch"
      .. " chairman of the Farmers' Union of Wales, said members were angry. Tom Birt, speaking"
      .. " for the board, said nothing, and Dan Kerr, looked strong.\n")
    local roles = roles_of(d, "text")
    assert.equal("mining analyst at Lakeshore Securities", roles["Rajiv Mehta"])
    assert.equal("a history teacher", roles["Sylvie Arnoux"])
    assert.equal("a tailor", roles["Chinedu Oke"])
    assert.equal("bargaining chairman for the United Auto Workers", roles["Rick Salas"])
    assert.equal("Brecon branch chairman of the Farmers' Union of Wales", roles["Gwen Morley"])
    assert.is_nil(roles["Tom Birt"])
    assert.is_nil(roles["Dan Kerr"])
  end)

  it("reads roles after a preposition, an honorific, 'One', 'named', and a body before them",
    function()
    local d = lede.parse("NEUQUEN, Argentina (Reuters) - The fossil was found by a goat herder,"
      .. " Aurelio Painal, near the town of Villa El Sol. The chair of the judges, Sir Malcolm"
      .. " Pryde, called it great. One board member, Alfred Kincard, who voted no, asked why. In"
      .. " 1971 a trumpeter named Wendell Pryce sat in. \"This is a clear case,\" EU trade"
      .. " spokesman Anders Lindqvist said. \"It was fair,\" said Victor Ngara, a banking"
      .. " analyst at D.A. Whitley & Co. \"They paid a fair price.\"\n")
    local roles = roles_of(d, "text")
    assert.equal("a goat herder", roles["Aurelio Painal"])
    assert.equal("The chair of the judges", roles["Malcolm Pryde"])
    assert.equal("board member", roles["Alfred Kincard"])
    assert.equal("trumpeter", roles["Wendell Pryce"])
    assert.equal("EU trade spokesman", roles["Anders Lindqvist"])
    assert.equal("a banking analyst at D.A. Whitley & Co.", roles["Victor Ngara"])
  end)

  it("cuts a capitalized title from a place's or a firm's name before a person", function()
    local d = lede.parse("SEOUL (Reuters) - Daesan Group shares fell.\n\n\"We are cut off,\""
      .. " Daesan Chairman Park Sung-jin said. Utarra is flooded. \"The bridges are gone,\""
      .. " Utarra Mayor Ernesto Irizal said by satellite phone.\n")
    local roles, orgs = {}, {}
    for e in d.entities:each() do
      if e.type == "PERSON" and e.role then roles[e.text] = e.role end
      if e.type == "ORG" then orgs[#orgs + 1] = e.text end
    end
    assert.equal("Daesan Chairman", roles["Park Sung-jin"])
    assert.equal("Utarra Mayor", roles["Ernesto Irizal"])
    for _, o in ipairs(orgs) do assert.is_nil(o:find("Chairman", 1, true), o) end
  end)

  it("takes into a title the title and the word that make it another office", function()
    local d = lede.parse("YORK (Reuters) - A fraud trial ended.\n\nOutside court, Detective Sergeant"
      .. " Karen Holt said it was over. \"It was fine,\" Acting U.S. Attorney Dana Whit said."
      .. " Bookmakers made the former Kingsmoor manager Mick Orr favourite, and presiding judge"
      .. " Anne Roux read the verdict.\n")
    local roles = roles_of(d, "text")
    assert.equal("Detective Sergeant", roles["Karen Holt"])
    assert.equal("Acting U.S. Attorney", roles["Dana Whit"])
    assert.equal("former Kingsmoor manager", roles["Mick Orr"])
    assert.equal("presiding judge", roles["Anne Roux"])
  end)

  it("reads a title that begins with a modifier word: chief executive, chief of staff", function()
    local t = "Stocks fell.\n\nShares of Dorvale Foods rose after Chief Executive Harlan Gray spoke, and"
      .. " chief financial officer Mina Toller said sales grew. Chief of Staff Ron Pell agreed,"
      .. " as did Deputy Chief Executive Ann Kiley. General Electric Co. was not named.\n"
    local roles, titles = {}, {}
    for e in lede.parse(t).entities:each() do
      if e.type == "PERSON" then roles[#roles + 1] = e.text .. "=" .. tostring(e.role) end
      if e.type == "TITLE" then titles[#titles + 1] = e.text end
    end
    assert.same({ "Harlan Gray=Chief Executive", "Mina Toller=chief financial officer",
      "Ron Pell=Chief of Staff", "Ann Kiley=Deputy Chief Executive" }, roles)
    assert.same({ "Chief Executive", "chief financial officer", "Chief of Staff",
      "Deputy Chief Executive" }, titles)
  end)

  it("takes a gazetteer canonical of another type only for a name, not an abbreviation", function()
    local d = lede.parse("Volkswagen unveiled its ID electric car line on Monday, the company said"
      .. " in a statement.\n\nThe ID cars go on sale next year.\n", {})
    local n = 0
    for e in d.entities:each("ORG") do
      if e.text == "ID" then n = n + 1; assert.equal("ID", e.canonical) end -- not Idaho
    end
    assert.is_true(n > 0)
  end)

  it("ends an agency's name before a lower-case generic word, and keeps a facility's", function()
    local d = lede.parse("Floods killed 12 people, the Xinhua news agency said on Friday. Flights"
      .. " left Stansted airport late, and the SEC.\n", {})
    local got = {}
    for e in d.entities:each() do got[#got + 1] = e.type .. " " .. e.text end
    got = table.concat(got, "; ")
    assert.truthy(got:find("ORG Xinhua;", 1, true), got)
    assert.truthy(got:find("FAC Stansted airport", 1, true), got)
    assert.truthy(got:find("ORG SEC$"), got)
  end)

  it("gives a quotation to the speaker, not to the source it came through", function()
    local d = lede.parse("Grant says his team will be back\n\nBy Ann Lee\n\nThe coach spoke about"
      .. " the game on Monday, a day after the loss.\n\nPaul Grant, via the Daily Herald, said that"
      .. " the team \"played hard and lost anyway.\"\n\nGrant, via Twitter, said \"thanks for the"
      .. " support.\"\n")
    assert.equal(2, #d.quotes)
    for _, q in ipairs(d.quotes) do assert.equal("Paul Grant", q.speaker) end
  end)

  it("gives a quotation to who told it, not to whom it was told", function()
    local d = lede.parse("Port reopens after strike\n\nBy Ann Lee\n\nDockworkers returned on Monday"
      .. " after a week-long strike.\n\nUnion spokesman Peter Hale told Harbor Radio that the"
      .. " deal \"gives us what we asked for.\"\n\nHe told the Daily Herald: \"We will be back"
      .. " at work tonight.\"\n")
    assert.equal(2, #d.quotes)
    for _, q in ipairs(d.quotes) do assert.equal("Peter Hale", q.speaker, q.text) end
  end)

  it("takes a name in quotation marks without a reporting verb for a title, not a quotation", function()
    local d = lede.parse("Studio sets its winter films\n\nBy Ann Lee\n\nThe studio will show films from its"
      .. " library, including \"Ice Harbor\" and \"The Long Night,\" this winter.\n\n\"We expect"
      .. " a strong season,\" said Mary Tan, the studio's chief.\n")
    assert.equal(1, #d.quotes)
    assert.equal("We expect a strong season", d.quotes[1].text)
    assert.equal("Mary Tan", d.quotes[1].speaker)
  end)
end)

describe("who speaks a quotation", function()
  -- the speakers of text's quotations, in order ("-" for none)
  local function speakers(text)
    local got = {}
    for _, q in ipairs(lede.parse(text).quotes) do got[#got + 1] = q.speaker or "-" end
    return table.concat(got, "; ")
  end

  it("is the name before an apposition, not the firm or the body inside it", function()
    assert.equal("John Smith; Edward Markey; Rei Shiratori; Ken Ito", speakers(
      "Bond prices fell on Monday in heavy trading.\n\n\"We expect further losses,\" John"
      .. " Smith, an analyst with Merrill Lynch, said.\n\n\"Greed has won,\" Rep. Edward Markey,"
      .. " D-Mass., chairman of the House Energy and Commerce subcommittee, said.\n\n\"This is"
      .. " a good deal,\" Rei Shiratori, professor of politics at Dokkyo University, told"
      .. " Reuters.\n\n\"They link unrelated issues,\" Ken Ito of the Foreign Ministry's trade"
      .. " division told reporters.\n"))
  end)

  it("is the last name after the verb, not one the speaker talks about", function()
    assert.equal("Paul Laxton; Joseph Perl; Ann Vance", speakers(
      "The nominee faces a hard vote.\n\n\"He has the smell of scandal on him,\" said former"
      .. " Nevada Sen. and party elder Paul Laxton.\n\n\"It was the trigger,\" said analyst"
      .. " Joseph Perl of Merrill Lynch, who follows the company.\n\nAnn Vance, who leads"
      .. " the panel, said on Monday that Perl \"got it wrong.\"\n\nThe vote is set for"
      .. " next week, and both parties expect a close count in the full chamber.\n"))
  end)

  it("reads past a number inside a hyphenated word after the verb", function()
    assert.equal("Jeff Tarango", speakers("Tennis results from Monday night.\n\n\"I'm an emotional"
      .. " player,\" said the 104th-ranked Jeff Tarango. He won the match in three sets.\n"))
  end)

  it("is no one for an unnamed source, and he who speaks next is that one", function()
    assert.equal("Anna Berg; -; -; -", speakers(
      "Copper rose on Tuesday, said Anna Berg, a trader at Norsk Metals.\n\n\"Stocks are"
      .. " tight,\" Berg said.\n\n\"The market is weak,\" one Chicago Board of Trade dealer"
      .. " said. \"But it could turn,\" he added.\n\n\"Growth is slow,\" the report said.\n"))
  end)

  it("gives the 'he' or 'she' after a sentence of someone not named to that one", function()
    assert.equal("-; Iowa Grain Growers Association; Dana Pruitt", speakers(
      "Farmers wait for rain\n\nDean Ostrow farms 900 acres near Sioux Falls. Outside, one"
      .. " farmer, a man who gave only his first name, shook his head. \"It is the"
      .. " worst I have seen,\" he said.\n\nA spokesman for the Iowa Grain Growers Association"
      .. " said the group would ask for help. \"Nobody wants a handout,\" he said.\n\nA"
      .. " spokeswoman, Dana Pruitt, would not comment. \"It is too early,\" she said.\n"))
  end)

  it("gives 'he' or 'she' to the subject of the sentence before, not its object", function()
    assert.equal("Saul Reiner; Darla Whitman", speakers("BALTIMORE (AP) -- A temple closed.\n\n"
      .. "Saul Reiner locked the door and handed the key to Dennis Carrow. \"Take good care of"
      .. " it,\" he said.\n\nDarla Whitman hugged Mary Donlan after the game. \"She is a"
      .. " friend,\" she said.\n"))
  end)

  it("reads a person's name over a particle in lower case", function()
    assert.equal("Ramon dela Cruz", speakers("MANILA (Reuters) - A ferry sank.\n\nIts captain,"
      .. " Ramon dela Cruz, said the crew was safe. \"We saw the helicopter,\" dela Cruz said.\n"))
  end)

  it("reads a name of three words after an honorific as a person's", function()
    assert.equal("Kemi Adeyemi Balogun", speakers("LAGOS (Reuters) - Few voted.\n\nAt the"
      .. " market, Alhaja Kemi Adeyemi Balogun, who sells peppers, said she had not voted."
      .. " \"The road still floods,\" she said.\n"))
  end)

  it("reads 'the analyst' as the person the text gave that role", function()
    assert.equal("John Smith; -", speakers(
      "John Smith, an analyst with Merrill Lynch, expects losses.\n\n\"We expect further"
      .. " losses,\" the analyst said.\n\n\"It is late,\" the dealer said.\n"))
  end)

  it("gives a spokesman's words to the firm he speaks for, not to one quoted or an agency",
    function()
      assert.equal("Ford; Delta Steel Corp; Delta Steel Corp", speakers(
        "\"Demand is firm,\" a Ford spokesman said.\n\nDelta Steel Corp will close its plant,"
        .. " the company told Reuters.\n\n\"We regret the loss of Acme Corp as a client,\" a"
        .. " spokesman said.\n\n\"It is a sad day,\" the statement said.\n"))
    end)

  it("reads short quotations at a story's end, one over several paragraphs, 'according to'",
    function()
      local d = lede.parse("The ministry issued new rules on Monday after a long review of the"
        .. " sector.\n\n\"The rules take effect at once,\" according to Anna Berg, the ministry"
        .. " spokeswoman.\n\nMayor Tom Reed said in a statement that the city would comply.\n\n"
        .. "\"Why now?\" asked Reed.\n\n\"This is the first paragraph of a long quote.\n\n\"And"
        .. " this is the second,\" Reed said.\n")
      assert.equal(6, #d.paragraphs)
      local got = {}
      for _, q in ipairs(d.quotes) do
        got[#got + 1] = q.text .. "=" .. tostring(q.speaker) .. "/" .. tostring(q.cue)
      end
      assert.same({ "The rules take effect at once=Anna Berg/according to",
        "Why now?=Tom Reed/asked", "This is the first paragraph of a long quote=Tom Reed/said",
        "And this is the second=Tom Reed/said" }, got)
    end)

  it("gives 'she' to a woman and 'he' to a man, by given name or title", function()
    assert.equal("Anna Berg; Tom Reed; Park", speakers("The ministry issued new rules on"
      .. " Monday after a long review, said Anna Berg, the ministry spokeswoman.\n\nMayor Tom"
      .. " Reed said in a statement that the city would comply.\n\n\"We will comply,\" she told"
      .. " reporters.\n\n\"It is fine,\" he said.\n\nMrs. Park later met the mayor.\n\n\"We"
      .. " agree,\" she said.\n"))
  end)

  it("reads 'it' and 'the company' as the firm of the story, never the agency of its dateline",
    function()
      assert.equal("Northline Rail; Northline Rail; -; Foreign Ministry", speakers(
        "WASHINGTON (AP) -- Northline Rail said on Tuesday it would cut 200 jobs.\n\nThe"
        .. " company said it was \"committed to the process.\" It added: \"We expect a decision"
        .. " soon.\"\n\n\"We will not accept it,\" the ministry said.\n\nThe Foreign Ministry in"
        .. " Tokyo called the talks \"useful,\" the ministry said.\n"))
    end)

  it("does not take 'continued to' for a cue", function()
    assert.equal("Kevin Dorsey", speakers("LONDON (Reuters) - Kevin Dorsey, chairman of"
      .. " Harlow Media, spoke on Tuesday.\n\nThe teams found the fault, Dorsey said, and"
      .. " \"patched\" the software as the company continued to sign up subscribers.\n"))
  end)

  it("closes a quotation with a mark of its kind, past a plural's apostrophe", function()
    local d = lede.parse("The mayor called the plan \"a blank check written on the taxpayers'"
      .. " account,\" Harold Brenning said.\n\n\226\128\152We will not pay for the councillors"
      .. "\226\128\153 mistakes,\226\128\153 said Jane Roe.\n\n\226\128\156It was \226\128\152"
      .. "simply gone,\226\128\153 he said,\226\128\157 Roe added.\n")
    local got = {}
    for _, q in ipairs(d.quotes) do got[#got + 1] = q.text .. "=" .. tostring(q.speaker) end
    assert.same({ "a blank check written on the taxpayers' account=Harold Brenning",
      "We will not pay for the councillors\226\128\153 mistakes=Jane Roe",
      "It was \226\128\152simply gone,\226\128\153 he said=Jane Roe" }, got)
  end)

  it("carries a speaker into the next paragraph of his quotation, and reads 'quoted as saying'",
    function()
      assert.equal("Ray Pike; Ray Pike; Ray Pike; -; Lee Iacocca; Ann Webb; Tom Reed", speakers(
        "DENVER (AP) -- Ray Pike, who leads the school board, met the union on Monday.\n\n"
        .. "\"We have offered raises,\" Pike said. \"We cannot"
        .. " promise more.\n\n\"I want our kids back in class.\"\n\nA corporal was paid. \"I did"
        .. " not know,\" the news agency quoted the unnamed corporal as saying. The statement"
        .. " quoted Chrysler Chairman Lee Iacocca as saying, \"We welcome them.\"\n\nAnn Webb was"
        .. " quoted by the daily Al Watan as saying \"no meeting is planned.\"\n\n\"We are the"
        .. " Mineworkers' union,\" Tom Reed, head of the Mineworkers' Solidarity Union, told a"
        .. " rally.\n"))
    end)

  it("is the person an organization's title names, and the person of an organization", function()
    assert.equal("Jens Halvorsen; Karen Whitlow; Lena Ortiz", speakers(
      "MAPUTO (Reuters) - Floods cut the main road on Monday.\n\n\"Roads are gone,\" said WFP"
      .. " country director Jens Halvorsen.\n\nOutside court, Detective Sergeant Karen Whitlow"
      .. " of North Yorkshire Police, who led the investigation, said: \"This was a betrayal.\""
      .. "\n\n\"We will rebuild,\" said Lena Ortiz, chief executive of Harbor Freight Lines.\n"))
  end)

  it("is a person an honorific names, and the person after a title inside a name", function()
    assert.equal("Rachel Oduya; Walter Braxton; Wayne Gorski; Karen Whitlow", speakers(
      "LONDON (Reuters) - Rachel Oduya leads the study of the fires.\n\n\"It is not normal,\""
      .. " Dr Oduya said.\n\n\"We like pretzels,\" said Braxton Chairman Walter Braxton.\n\n"
      .. "\"It burned,\" said Millerton Fire Chief Wayne Gorski.\n\n\"He lied,\" said Det Sgt"
      .. " Karen Whitlow.\n"))
  end)

  it("takes a few words in marks that nobody says for no quotation, a sentence for one",
    function()
      local d = lede.parse("PARIS (AFP) - The heirs sued on Monday over what the papers call"
        .. " \"the widow's share\" of the estate.\n\n\"My husband built this house in 1952. He put"
        .. " every nail in it himself.\"\n\nThe case resumes in May.\n")
      local got = {}
      for _, q in ipairs(d.quotes) do got[#got + 1] = q.text end
      assert.same({ "My husband built this house in 1952. He put every nail in it himself" }, got)
    end)

  it("gives 'he said' to the one who spoke in the sentence before, not the one spoken of",
    function()
      assert.equal("Martin Kessler; Tim Cook", speakers("CHICAGO (AP) -- A jury convicted Glenn"
        .. " Haverty on Friday. His lawyer is Martin Kessler.\n\nAfter the verdict, Kessler said"
        .. " Haverty would appeal.\n\n\"We respect the jury,\" he said.\n\nTim Cook spoke on"
        .. " Tuesday. Customers wanted more, Cook told Benioff.\n\n\"We took that to heart,\" he"
        .. " said.\n"))
    end)

  it("is the person of the sentence before a quotation with no verb of saying", function()
    assert.equal("Raymond Tice; Stavros Kalogeropoulos", speakers("CHICAGO (AP) -- Shares of the"
      .. " airline fell on Monday.\n\nAsked whether federal aid would be enough, Raymond Tice"
      .. " paused. \"It helps. It does not fix anything.\"\n\nStavros Kalogeropoulos owns the"
      .. " diner. Asked about the future, he managed a smile: \"If I rebuild, the Hubcap comes"
      .. " back.\"\n"))
  end)

  it("is the name before an apposition that holds a plural's apostrophe", function()
    assert.equal("Dennis Hollis", speakers("LONDON (Reuters) - The club sacked its manager.\n\n"
      .. "Dennis Hollis, secretary of the Castlebridge United Supporters' Trust, said: \"A lot of"
      .. " fans will be sad today.\"\n"))
  end)

  it("reads a partial quote's source in a sentence that opens 'According to'", function()
    local d = lede.parse("FRANKFURT (Reuters) - The bank was saved on Sunday.\n\nAccording to"
      .. " Marcus Leland, the company is \"sold out through September\" of its chip. According"
      .. " to a person familiar with the talks, the fund \"has no interest in running it\".\n")
    local got = {}
    for _, q in ipairs(d.quotes) do got[#got + 1] = tostring(q.speaker) .. "/" .. tostring(q.cue) end
    assert.same({ "Marcus Leland/According to", "nil/According to" }, got)
  end)

  it("is the one who spoke before an apposition, or who calls a thing so", function()
    assert.equal("John Hartley-Evans; Stan Kowalski", speakers("BRECON, Wales (Reuters) - An"
      .. " inquest ended on Monday.\n\nAt the inquest, the Powys coroner, John Hartley-Evans, said"
      .. " the delay meant Mr Pryor died.\n\n\"Had the call been passed on, Mr Pryor would have"
      .. " had a better chance,\" he said.\n\nThe Comets traded Andre Boisvert, a deal coach Stan"
      .. " Kowalski called \"painful but necessary.\"\n"))
  end)

  it("takes a nickname inside a name for no quotation", function()
    local d = lede.parse("LONDON (Reuters) - The club sacked its manager.\n\nThe striker Lee"
      .. " 'Tank' Barnard wrote in his column that the players had \"stopped believing\" in the"
      .. " coach.\n")
    local got = {}
    for _, q in ipairs(d.quotes) do got[#got + 1] = q.text end
    assert.same({ "stopped believing" }, got)
  end)

  it("is who opens a quotation that goes on in the next paragraph, before his age and clause",
    function()
    local d = lede.parse("LONDON (Reuters) - The ward was full.\n\nDermot Hale, 61, whose"
      .. " mother waited 11 hours on a trolley, said: \226\128\152She is 92. Nobody could find"
      .. " her a bed.\n\n\226\128\152I am not blaming the staff.\226\128\153\n\nNina Varga,"
      .. " a nurse in Leeds, said the report matched what she had seen on her own ward: \"We"
      .. " had beds in the corridors.\"\n")
    local got = {}
    for _, q in ipairs(d.quotes) do
      got[#got + 1] = q.text .. "=" .. tostring(q.speaker) .. "/" .. tostring(q.cue)
    end
    assert.same({ "She is 92. Nobody could find her a bed=Dermot Hale/said",
      "I am not blaming the staff=Dermot Hale/nil",
      "We had beds in the corridors=Nina Varga/said" }, got)
  end)

  it("is the subject before the verb, a person of a body, or who said the words it reports",
    function()
    assert.equal("Chukwu Okafo; Ravi Chandran; Feyi Balogo; Joost de Graff", speakers(
      "ABUJA (Reuters) - Talks ended.\n\nChukwu Okafo, the party chairman, spoke first."
      .. " Okafo said the ANR would take part \"under protest.\" Ravi Chandran of the Centre for"
      .. " River Studies said embankments had \"made every flood worse.\" Feyi Balogo of"
      .. " Lagos-based Sentinel Research called the fine \"a warning shot to the whole sector.\""
      .. " Joost de Graff, a co-author at the University of Amsterdam, said the find suggested"
      .. " \"there could be many more of these objects.\"\n"))
  end)

  it("closes a single quotation at an apostrophe after -s before a function word", function()
    local d = lede.parse("WESTBURY, England (Reuters) - Terry Madden said last night he had"
      .. " \226\128\152no regrets\226\128\153 after he was sacked as manager. The fans'"
      .. " trust said \226\128\152it was time\226\128\153.\n")
    local got = {}
    for _, q in ipairs(d.quotes) do got[#got + 1] = q.text end
    assert.same({ "no regrets", "it was time" }, got)
  end)

  it("is who a clause of whose follows, not the one it names", function()
    assert.equal("María Elena Quispo; María Elena Quispo; Derek Lowry", speakers(
      "LIMA (Reuters) - Rescuers dug on.\n\nRelatives have camped outside the gates since Sunday."
      .. " María Elena Quispo, whose husband, Víctor Quispo, is among the missing, said she had"
      .. " not slept. \"They tell us to be patient,\" she said. \"I have been patient for two"
      .. " days.\"\n\nOutside court, Derek Lowry, whose mother, Edith Lowry, lost 19,000 pounds,"
      .. " said: \"Four years is not enough.\"\n"))
  end)

  it("gives a partial quote in a sentence that names nobody to the subject of its verb", function()
    assert.equal("Anne Kirkham; Anne Kirkham", speakers("CARLISLE, England (Reuters) - A school"
      .. " will close.\n\nAnne Kirkham, the county's head of education, said the decision was"
      .. " final. She said pupils would be offered places at larger schools \"no more than 20"
      .. " minutes away by bus\". But she called the closure \"a sad day for Hesket\".\n"))
  end)

  it("takes a name given in quotation marks for no quotation", function()
    local d = lede.parse("AUSTIN, Texas (Reuters) - Quillon Robotics Inc. (\"Quillon\") opened a"
      .. " plant.\n\nBartek Wisniak, a climber nicknamed \"the Goat\", won. Her restaurant, whose"
      .. " name means \"home kitchen\", is full. The play is called a \"rediscovery\". \"It was"
      .. " hidden,\" he said.\n")
    local got = {}
    for _, q in ipairs(d.quotes) do got[#got + 1] = q.text end
    assert.same({ "It was hidden" }, got)
    -- the name defined in brackets is the firm's
    for e in d.entities:each() do
      if e.text == "Quillon" then assert.equal("Quillon Robotics Inc.", e.canonical) end
    end
  end)

  it("takes a title of a work a verb of saying is not next to for no quotation", function()
    local d = lede.parse("LONDON (Reuters) - A prize was given.\n\nTom Alder, whose novel \"Winter"
      .. " Quarters\" was the favourite, said he was \"delighted, and only slightly drunk.\""
      .. " \"Thank You,\" she said.\n")
    local got = {}
    for _, q in ipairs(d.quotes) do got[#got + 1] = q.text end
    assert.same({ "delighted, and only slightly drunk", "Thank You" }, got)
  end)

  it("takes a title-cased quotation that opens its sentence for a quotation, and one inside a clause for none", function()
    local d = lede.parse("WELLINGTON (Reuters) - The team came home.\n\n\"Welcome Home Everyone,\""
      .. " Prime Minister Jacinda Ardern said. \"Enough Is Enough,\" the union's general"
      .. " secretary, Mick Lynch, said.\n\nThe firm made a summary of \"Lotus Made Simple,\" a"
      .. " textbook, it said.\n")
    local got = {}
    for _, q in ipairs(d.quotes) do got[#got + 1] = q.text .. "=" .. tostring(q.speaker) end
    assert.same({ "Welcome Home Everyone=Jacinda Ardern", "Enough Is Enough=Mick Lynch" }, got)
  end)

  it("does not take a passive verb for a cue", function()
    assert.equal("-", speakers("The court met on Monday.\n\n\"It is final and it cannot be"
      .. " appealed,\" Judge Ann Cole was told by the clerk.\n"))
  end)
end)

describe("a firm's or a club's first word alone", function()
  it("is the organization, not a person, unless a person of the document bears it", function()
    local d = lede.parse("Morgan Stanley raised its forecast on Monday. Morgan said sales would"
      .. " grow.\n\n"
      .. "Hanna Lysgaard of Lysgaard Partners said so. Lysgaard added more.\n")
    local got = {}
    for e in d.entities:each() do
      if e.type == "ORG" or e.type == "PERSON" then got[#got + 1] = e.type .. " " .. e.text end
    end
    got = table.concat(got, "; ")
    assert.truthy(got:find("ORG Morgan;", 1, true), got)
    assert.truthy(got:find("PERSON Lysgaard$"), got)
  end)

  it("is no firm's at a sentence's start before a noun the words qualify", function()
    local d = lede.parse("Markets\n\nGlobal Oil prices rose on Monday. Later Chinese Steel exports"
      .. " fell. Tarvik Steel said profit rose.\n")
    local got = {}
    for e in d.entities:each("ORG") do got[#got + 1] = e.text end
    got = table.concat(got, "; ")
    assert.falsy(got:find("Global Oil", 1, true), got)
    assert.falsy(got:find("Later", 1, true), got)
    assert.truthy(got:find("Tarvik Steel", 1, true), got)
  end)
end)

describe("people and firms said again", function()
  it("reads an age or a role in lower case as a person's, and links a family name said first",
    function()
    local d = lede.parse("BEIJING, May 6 (Reuters) - Police detained the veteran activist Zhou"
      .. " Renbo on Monday. Zhou, 52, was taken to a police station in Harbin. Lin said Zhou's"
      .. " wife had not been told.\n")
    local got = {}
    for e in d.entities:each() do
      if e.type == "PERSON" then got[#got + 1] = e.text .. "=" .. e.canonical end
    end
    assert.equal("Zhou Renbo=Zhou Renbo; Zhou=Zhou Renbo; Lin=Lin; Zhou=Zhou Renbo",
      table.concat(got, "; "))
  end)

  it("reads a firm's first word said alone as the firm, and the first firm said with it",
    function()
    local d = lede.parse("ROTTERDAM (Reuters) - Veldhaam Chemie said on Monday it would shut a"
      .. " plant. Pilots of Skyfarer Airlines and the Skyfarer Pilots Union met.\n\nVeldhaam"
      .. " said the plant had lost money. Skyfarer said talks would go on.\n")
    local got = {}
    for e in d.entities:each() do
      if e.text == "Veldhaam" or e.text == "Skyfarer" then
        got[#got + 1] = e.type .. " " .. e.text .. "=" .. e.canonical
      end
    end
    assert.equal("ORG Veldhaam=Veldhaam Chemie; ORG Skyfarer=Skyfarer Airlines",
      table.concat(got, "; "))
  end)

  it("links a firm's first word to it when a legal form says it is a firm", function()
    local d = lede.parse("DETROIT (Reuters) - Sterling Axle Corp. said on Monday it would close a"
      .. " plant, and Nordvik Foods ASA agreed to buy Pixelton Corp. for $1.8 billion.\n\n"
      .. "The union said Sterling had refused to talk. Nordvik, Norway's biggest seafood group, said"
      .. " the deal would add to earnings. Pixelton shares rose.\n")
    local canon = {}
    for e in d.entities:each("ORG") do canon[e.text] = e.canonical end
    assert.equal("Sterling Axle Corp.", canon["Sterling"])
    assert.equal("Nordvik Foods ASA", canon["Nordvik"])
    assert.equal("Pixelton Corp.", canon["Pixelton"])
  end)

  it("links a firm said short before its full name, and an acronym given in brackets", function()
    local d = lede.parse("Tarsi Labs fined\n\nSINGAPORE (Reuters) - Tarsi Labs Pte Ltd was fined on"
      .. " Monday. Tarsi Labs said it would pay. The National Flood Relief Agency (BNPR) said"
      .. " rivers were rising, and BNPR told residents to leave.\n")
    local canon = {}
    for e in d.entities:each("ORG") do canon[e.text] = e.canonical end
    assert.equal("Tarsi Labs Pte Ltd", canon["Tarsi Labs"])
    assert.equal("National Flood Relief Agency", canon["BNPR"])
  end)

  it("reads names joined by an ampersand as one firm", function()
    local d = lede.parse("DUBBO, Australia (Reuters) - Yards were full.\n\nRhys Maddern, who has run"
      .. " the sales for Carrington Stock & Station for 17 years, said prices fell.\n")
    local got = {}
    for e in d.entities:each() do
      if e.type == "ORG" or e.type == "PERSON" then got[#got + 1] = e.type .. " " .. e.text end
    end
    assert.truthy(table.concat(got, "; "):find("ORG Carrington Stock & Station", 1, true),
      table.concat(got, "; "))
  end)

  it("keeps the possessive a firm's name holds when it is said short", function()
    local d = lede.parse("Shares of Tidewater's Holdings Inc. fell 3 percent on Tuesday."
      .. " Analysts said Tidewater's outlook was weak, and Ardell's shares rose.\n")
    local got = {}
    for e in d.entities:each() do
      if e.type == "ORG" then got[#got + 1] = e.text end
    end
    assert.equal("Tidewater's Holdings Inc.; Tidewater's; Ardell", table.concat(got, "; "))
  end)
end)

describe("a surname inside a longer name", function()
  it("links the father's surname of two, and a family name first", function()
    local d = lede.parse("LIMA (Reuters) - Miners marched.\n\nBeatriz Elena Huamán Ccori, a union"
      .. " leader, spoke first. Huamán said the mine was unsafe. Tran Thi Mai Lan, a clerk, agreed."
      .. " Tran said wages were late. Gregory Ong Kah Wee, the firm's founder, said nothing; Ong left.\n")
    local canon = {}
    for e in d.entities:each("PERSON") do canon[e.text] = e.canonical end
    assert.equal("Beatriz Elena Huamán Ccori", canon["Huamán"])
    assert.equal("Tran Thi Mai Lan", canon["Tran"])
    assert.equal("Gregory Ong Kah Wee", canon["Ong"])
  end)
end)

describe("a given name alone", function()
  local function canon(t)
    return picked(t, function(e)
      if e.type == "PERSON" then return e.text .. "=" .. tostring(e.canonical) end
    end)
  end

  it("links to the one person of the story who has it", function()
    local got = canon("Acme hires strategist\n\nAcme named Ivan Braiker its chief strategy officer"
      .. " on Monday. Ivan served as the chief executive of Hopline for six years, and Ivan will"
      .. " report to the board.\n")
    assert.same({ "Ivan Braiker=Ivan Braiker", "Ivan=Ivan Braiker", "Ivan=Ivan Braiker" }, got)
  end)

  it("links to no one when two persons share it", function()
    local got = canon("Board changes\n\nJohn Smith and John Doe left the board on Monday. John said"
      .. " the company would name their successors soon.\n")
    assert.same({ "John Smith=John Smith", "John Doe=John Doe", "John=John" }, got)
  end)
end)
