-- The output formats, on documents built here as plain tables (the JSON
-- shape) with entities invented over invented text: they do not depend on
-- what the entity stages find.
local lede = require "lede"
local formats = require "lede.formats"
local util = require "lede.formats.util"
local H = require "helpers"

local json = lede.json

-- An invented article; entities are placed by searching their text.
local TEXT = table.concat({
  "Orchard Mills names Dana Kessler chief",
  "",
  "By Lee Ann Porter",
  "",
  "FAIRPORT, Oct 3 (Reuters) - Orchard Mills Inc said on Tuesday that Dana Kessler, 52, will",
  "run the company from Nov. 1, after a 12.5% rise in sales to $4.2 million.",
  "",
  "\"We grow, or we fold,\" Kessler said. The board voted <script>alert('x')</script> 7-2.",
  "",
  "Photo: Kessler in Zürich, 2019. (Handout)",
  "",
  "Share this article",
  "",
}, "\n")

local function find(s, from)
  local a, b = TEXT:find(s, from or 1, true)
  assert(a, "not in the text: " .. s)
  return a - 1, b
end

local function ent(ty, s, extra, from)
  local a, b = find(s, from)
  local e = { type = ty, text = s, start = a, ["end"] = b }
  for k, v in pairs(extra or {}) do e[k] = v end
  return e
end

local function make_doc()
  local doc = lede.parse(TEXT):to_table()
  local p2 = select(2, find("Reuters) - "))
  doc.entities = {
    ent("ORG", "Orchard Mills", { canonical = "Orchard Mills Inc.", rule = "my_companies", id = "Q-77" }),
    ent("PERSON", "Dana Kessler", { canonical = "Dana Kessler", role = "chief executive" }),
    ent("GPE", "FAIRPORT", { canonical = "Fairport" }),
    ent("ORG", "Orchard Mills Inc", { canonical = "Orchard Mills Inc." }, p2),
    ent("DATE", "Tuesday", { value = "2023-10-03" }),
    ent("PERSON", "Dana Kessler", { canonical = "Dana Kessler" }, p2),
    ent("PERCENT", "12.5%", { value = 12.5 }),
    ent("MONEY", "$4.2 million", { value = { amount = 4200000, currency = "USD" } }),
    ent("PERSON", "Kessler", { canonical = "Dana Kessler" }, select(2, find("fold,\""))),
    ent("CUSTOM_EVIL", "<script>alert('x')</script>", { value = 'a,"b"\r\nc', canonical = "<b>bold</b>" }),
    ent("GPE", "Zürich", { canonical = "Zürich" }),
  }
  return doc
end

describe("lede.formats registry", function()
  it("lists and loads the built-ins", function()
    local names = formats.names()
    for _, n in ipairs({ "json", "jsonl", "csv", "md", "html", "conll", "brat" }) do
      local f = formats.get(n)
      assert.is_table(f, n)
      assert.is_function(f.render)
      assert.is_string(f.extension)
      local found = false
      for _, x in ipairs(names) do if x == n then found = true end end
      assert.is_true(found, n)
    end
    assert.equal(formats, lede.formats)
  end)

  it("registers a user format, validates specs, reports unknown names", function()
    formats.register("titles_test", {
      render = function(doc, text, opts) return (doc.title or "") .. "|" .. #text .. "|" .. tostring(opts.id) .. "\n" end,
      extension = "txt",
    })
    local doc = lede.parse(TEXT)
    assert.equal("Orchard Mills names Dana Kessler chief|" .. #TEXT .. "|x\n",
      formats.render("titles_test", doc, { id = "x" }))
    assert.has_error(function() formats.register("bad name!", { render = print }) end)
    assert.has_error(function() formats.register("norender", {}) end)
    assert.has_error(function() formats.register("badext", { render = print, extension = 3 }) end)
    local f, err = formats.get("no_such_format")
    assert.is_nil(f)
    assert.matches("unknown format 'no_such_format'", err)
  end)

  it("renders a lede document and its table form alike", function()
    local doc = lede.parse(TEXT)
    for _, n in ipairs({ "md", "html", "conll", "csv", "jsonl" }) do
      assert.equal(formats.render(n, doc:to_table(), TEXT, { id = "d" }), formats.render(n, doc, { id = "d" }), n)
    end
  end)
end)

describe("json and jsonl formats", function()
  local texts = { TEXT, H.read(H.root .. "/examples/article.txt") }
  for _, name in ipairs({ "wire_ap.txt", "web_page.txt", "conll_style.txt", "not_article.txt" }) do
    texts[#texts + 1] = H.fixture(name)
  end

  it("write from tables what the C writer writes (same JSON value)", function()
    for i, text in ipairs(texts) do
      local doc = lede.parse(text)
      local from_c = json.decode(doc:json(false))
      local from_lua = json.decode(formats.get("json").render(doc:to_table(), text, { pretty = true }))
      assert.same(from_c, from_lua, "text " .. i)
      local line = formats.get("jsonl").render(doc:to_table(), text, { id = "k" .. i })
      assert.equal("\n", line:sub(-1))
      assert.is_nil(line:sub(1, -2):find("\n"))
      local rec = json.decode(line)
      assert.equal("k" .. i, rec.id)
      rec.id = nil
      assert.same(from_c, rec)
      -- and the native path is byte for byte what the C writer gives
      assert.equal('{"id":"k' .. i .. '",' .. doc:json(false):sub(2) .. "\n",
        formats.get("jsonl").render_native(doc, { id = "k" .. i }))
    end
  end)

  it("keep every contract key (null when absent), entities in contract order, extra keys kept", function()
    local doc = make_doc()
    doc.section, doc.dateline = nil, nil
    doc.entities[1].sentiment = "positive"
    doc.entities[1].cluster = 4 -- Lua-side bookkeeping, not in the JSON form
    local s = formats.get("jsonl").render(doc, TEXT, {})
    local rec = json.decode(s)
    assert.equal(json.null, rec.id)
    assert.equal(json.null, rec.section)
    assert.equal(json.null, rec.dateline)
    assert.equal("positive", rec.entities[1].sentiment)
    assert.is_nil(rec.entities[1].cluster)
    assert.equal(json.null, rec.entities[1].value)
    assert.matches('^{"type":"ORG","text":"Orchard Mills","start":0,"end":13,"value":null,' ..
      '"canonical":"Orchard Mills Inc%.","role":null,"rule":"my_companies","id":"Q%-77","sentiment":"positive"}',
      s:match('"entities":%[(.-)%]'))
    assert.same({ amount = 4200000, currency = "USD" }, rec.entities[8].value)
  end)

  it("entity rows for lede entities", function()
    local doc = make_doc()
    local rows = formats.get("jsonl").render(doc, TEXT, { id = 9, entities_only = true })
    local n = 0
    for line in rows:gmatch("[^\n]+") do
      n = n + 1
      local r = json.decode(line)
      assert.equal(9, r.doc)
      assert.equal(doc.entities[n].type, r.type)
      assert.equal(doc.entities[n].start, r.start)
    end
    assert.equal(#doc.entities, n)
    local f = formats.get("json")
    local arr = json.decode(f.header({ entities_only = true }) ..
      f.render(doc, TEXT, { id = "a", entities_only = true }) .. f.footer({ entities_only = true }))
    assert.equal(#doc.entities, #arr)
    assert.equal("a", arr[1].doc)
    assert.equal("Q-77", arr[1].id) -- the entity's own id (user dictionaries)
    assert.equal(json.null, arr[2].id)
  end)
end)

-- RFC 4180 reader, for checking what the writer wrote
local function read_csv(s)
  local rows, row, field, i, n = {}, {}, {}, 1, #s
  local quoted = false
  while i <= n do
    local c = s:sub(i, i)
    if quoted then
      if c == '"' then
        if s:sub(i + 1, i + 1) == '"' then field[#field + 1] = '"'; i = i + 1
        else quoted = false end
      else
        field[#field + 1] = c
      end
    elseif c == '"' then
      assert(#field == 0, "quote inside an unquoted field at " .. i)
      quoted = true
    elseif c == "," then
      row[#row + 1] = table.concat(field); field = {}
    elseif c == "\r" then
      assert(s:sub(i + 1, i + 1) == "\n", "CR without LF at " .. i)
      row[#row + 1] = table.concat(field); field = {}
      rows[#rows + 1] = row; row = {}
      i = i + 1
    elseif c == "\n" then
      error("bare LF outside quotes at " .. i)
    else
      field[#field + 1] = c
    end
    i = i + 1
  end
  assert(not quoted, "unterminated quote")
  assert(#row == 0 and #field == 0, "last row without CRLF")
  return rows
end

describe("csv format", function()
  it("writes RFC 4180 rows with CRLF, quoting what needs it", function()
    local doc = make_doc()
    local f = formats.get("csv")
    local s = f.header({}) .. f.render(doc, TEXT, { id = "doc,1" })
    local rows = read_csv(s)
    assert.same({ "doc", "type", "text", "start", "end", "value", "canonical", "role", "rule", "id" }, rows[1])
    assert.equal(#doc.entities + 1, #rows)
    for i, e in ipairs(doc.entities) do
      local r = rows[i + 1]
      assert.equal(10, #r)
      assert.equal("doc,1", r[1])
      assert.equal(e.type, r[2])
      assert.equal(e.text, r[3])
      assert.equal(tostring(e.start), r[4])
      assert.equal(tostring(e["end"]), r[5])
      assert.equal(e.canonical or "", r[7])
      assert.equal(e.role or "", r[8])
      assert.equal(e.rule or "", r[9])
      assert.equal(e.id or "", r[10])
    end
    assert.equal("12.5", rows[8][6])
    assert.same({ amount = 4200000, currency = "USD" }, json.decode(rows[9][6]))
    assert.equal('a,"b"\r\nc', rows[11][6])
    assert.equal("chief executive", rows[3][8])
    assert.equal("my_companies", rows[2][9])
    assert.equal("Q-77", rows[2][10])
  end)

  it("writes only the header for a document without entities", function()
    local f = formats.get("csv")
    assert.equal("doc,type,text,start,end,value,canonical,role,rule,id\r\n",
      formats.render("csv", { entities = {} }, "", {}))
    assert.equal("", f.render({ entities = {} }, "", {}))
  end)
end)

describe("html format", function()
  local doc = make_doc()
  local page = formats.render("html", doc, TEXT, { id = "<id&>" })

  it("is one self-contained page", function()
    assert.matches("^<!DOCTYPE html>", page)
    assert.matches("</html>\n$", page)
    assert.is_nil(page:find("https?://"), "no network address")
    assert.is_nil(page:find("<link", 1, true))
    assert.is_nil(page:find("src=", 1, true))
    assert.matches("Content%-Security%-Policy", page)
  end)

  it("wraps every entity in a mark with its attributes", function()
    local n = 0
    for _ in page:gmatch('<mark class="ent ent%-') do n = n + 1 end
    assert.equal(#doc.entities, n)
    assert.matches('<mark class="ent ent%-PERSON" data%-type="PERSON" data%-canonical="Dana Kessler" ' ..
      'data%-role="chief executive" title="PERSON', page)
    assert.matches('data%-value="{&quot;amount&quot;:4200000,&quot;currency&quot;:&quot;USD&quot;}"', page)
    assert.matches('<mark class="ent ent%-ORG" data%-type="ORG" data%-canonical="Orchard Mills Inc%." ' ..
      'data%-rule="my_companies" title="ORG [^"]*found by: my_companies"', page)
    assert.matches('<mark class="ent ent%-GPE"[^>]*>Zürich</mark>', page)
    -- an entity inside the dateline and one in the title
    assert.matches('<span class="dateline"><mark class="ent ent%-GPE"[^>]*>FAIRPORT</mark>', page)
    assert.matches('<h1 class="region title"><mark class="ent ent%-ORG"', page)
  end)

  it("has a legend of the types present, with counts", function()
    local legend = page:match('<nav class="legend".-</nav>')
    assert.is_string(legend)
    for _, t in ipairs({ "ORG", "PERSON", "GPE", "DATE", "PERCENT", "MONEY", "CUSTOM_EVIL" }) do
      assert.matches('data%-type="' .. t .. '"', legend)
    end
    assert.matches('PERSON <span class="count">3</span>', legend)
    -- a type with no colour of its own gets one
    assert.matches('legend%-item ent%-CUSTOM_EVIL" data%-type="CUSTOM_EVIL" aria%-pressed="true" style="%-%-c: hsl', legend)
  end)

  it("escapes the text, the entity attributes and the id", function()
    local scripts = 0
    for _ in page:gmatch("<script") do scripts = scripts + 1 end
    assert.equal(1, scripts, "only the page's own script")
    assert.matches("&lt;script&gt;alert%(&#39;x&#39;%)&lt;/script&gt;", page)
    assert.matches('data%-canonical="&lt;b&gt;bold&lt;/b&gt;"', page)
    assert.matches('data%-id="&lt;id&amp;&gt;"', page)
    assert.is_nil(page:find("<b>bold", 1, true))
  end)

  it("shows the structure: title, dateline, paragraphs, caption, boilerplate greyed", function()
    assert.matches('<p class="region meta meta%-byline" data%-field="byline">By Lee Ann Porter</p>', page)
    assert.matches('<figure class="region caption">', page)
    assert.matches('<div class="region boilerplate kind%-%w+" data%-kind="%w+"', page)
    assert.matches('<dl class="fields">', page)
  end)

  it("nests entities inside entities and cuts crossing ones", function()
    local text = "New York City Council met."
    local d = { entities = {
      { type = "ORG", text = "New York City Council", start = 0, ["end"] = 21 },
      { type = "GPE", text = "New York City", start = 0, ["end"] = 13 },
      { type = "X", text = "Council met", start = 14, ["end"] = 25 },
    }, paragraphs = { { text = text, start = 0, ["end"] = #text } } }
    local s = formats.get("html").render(d, text, {})
    assert.matches('<mark class="ent ent%-ORG"[^>]*><mark class="ent ent%-GPE"[^>]*>New York City</mark> ' ..
      '<mark class="ent ent%-X"[^>]*>Council</mark></mark> met%.', s)
  end)

  it("turns bytes that are not UTF-8 into U+FFFD", function()
    local text = "Caf\233 au lait\255 here"
    local s = formats.get("html").render({ paragraphs = { { start = 0, ["end"] = #text } } }, text, {})
    assert.matches("Caf\239\191\189 au lait\239\191\189 here", s)
  end)
end)

describe("md format", function()
  it("is a digest: title, facts, entities grouped with counts, article", function()
    local doc = make_doc()
    local s = formats.render("md", doc, TEXT, { id = "d1" })
    assert.matches("^# Orchard Mills names Dana Kessler chief\n", s)
    assert.matches("%- %*%*Id:%*%* d1\n", s)
    assert.matches("%- %*%*Dateline:%*%* Fairport", s)
    assert.matches("## Entities %(11%)", s)
    assert.matches("| PERSON | Dana Kessler |  | Dana Kessler | chief executive | 3 |", s, 1, true)
    assert.matches("&lt;script&gt;", s)
    assert.is_nil(s:find("<script", 1, true))
    assert.matches("## Article\n", s)
  end)
end)

describe("conll format", function()
  local doc = make_doc()
  local s = formats.render("conll", doc, TEXT, {})

  it("writes a -DOCSTART- line, then token, start, end, tag", function()
    assert.matches("^%-DOCSTART%-\t%-\t%-\tO\n\n", s)
    for line in s:gmatch("[^\n]+") do
      local tok, a, b, tag = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)$")
      assert.is_string(tok, line)
      if tok ~= "-DOCSTART-" then
        assert.equal(TEXT:sub(tonumber(a) + 1, tonumber(b)), tok)
        assert.matches("^[BIO]", tag)
      end
    end
  end)

  it("agrees with the entity offsets (B- at the start, I- inside, O outside)", function()
    local tags = {}
    for line in s:gmatch("[^\n]+") do
      local _, a, b, tag = line:match("^([^\t]+)\t(%d+)\t(%d+)\t([^\t]+)$")
      if a then tags[#tags + 1] = { s = tonumber(a), e = tonumber(b), tag = tag } end
    end
    for _, e in ipairs(doc.entities) do
      local inside = {}
      for _, t in ipairs(tags) do
        if t.s >= e.start and t.e <= e["end"] then inside[#inside + 1] = t end
        assert.is_false(t.s < e.start and t.e > e.start, "a token crosses the start of " .. e.text)
        assert.is_false(t.s < e["end"] and t.e > e["end"], "a token crosses the end of " .. e.text)
      end
      assert.is_true(#inside > 0, e.text)
      assert.equal("B-" .. e.type, inside[1].tag)
      for k = 2, #inside do assert.equal("I-" .. e.type, inside[k].tag) end
    end
    -- $4.2 million: $ 4.2 million, numbers keep their point
    assert.matches("\n%$\t%d+\t%d+\tB%-MONEY\n4%.2\t%d+\t%d+\tI%-MONEY\nmillion\t", s)
    assert.matches("\nZürich\t%d+\t%d+\tB%-GPE\n", s)
  end)

  it("leaves a blank line between sentences and blocks", function()
    assert.matches("fold\t%d+\t%d+\tO\n,\t%d+\t%d+\tO\n\"\t%d+\t%d+\tO\nKessler\t%d+\t%d+\tB%-PERSON\n", s)
    assert.matches("said\t%d+\t%d+\tO\n%.\t%d+\t%d+\tO\n\nThe\t", s)
    -- no sentence ends at the point of an abbreviation
    assert.matches("\nNov\t%d+\t%d+\tO\n%.\t%d+\t%d+\tO\n1\t", s)
  end)
end)

describe("brat format", function()
  it("writes T lines with character offsets and notes, and the .txt", function()
    local doc = make_doc()
    local f = formats.get("brat")
    local ann = f.render(doc, TEXT, {})
    local txt = f.companions(doc, TEXT, {}).txt
    assert.equal(TEXT, txt)
    -- brat counts characters: check each span against the text by characters
    local chars = {}
    for ch in txt:gmatch("[%z\1-\127\194-\244][\128-\191]*") do chars[#chars + 1] = ch end
    local n = 0
    for id, ty, a, b, t in ann:gmatch("(T%d+)\t(%S+) (%d+) (%d+)\t([^\n]*)\n") do
      n = n + 1
      assert.equal(doc.entities[n].type, ty)
      assert.equal(t, table.concat(chars, "", tonumber(a) + 1, tonumber(b)), id)
    end
    assert.equal(#doc.entities, n)
    assert.matches("#2\tAnnotatorNotes T2\tcanonical=Dana Kessler; role=chief executive\n", ann)
    assert.matches("#8\tAnnotatorNotes T8\tvalue={\"amount\":4200000,\"currency\":\"USD\"}\n", ann)
    -- only ASCII comes before Zürich: the same start; 6 characters in 7 bytes
    local zb = find("Zürich")
    assert.is_true(ann:find("\tGPE " .. zb .. " " .. (zb + 6) .. "\tZürich\n", 1, true) ~= nil)
  end)

  it("cuts an entity over a line break into fragments", function()
    local text = "Héllo Big\nApple here"
    local d = { entities = { { type = "LOC", text = "Big\nApple", start = 7, ["end"] = 16 } } }
    local ann = formats.get("brat").render(d, text, {})
    assert.equal("T1\tLOC 6 9;10 15\tBig Apple\n", ann)
  end)
end)

describe("format helpers", function()
  it("cleans UTF-8 and counts characters", function()
    assert.equal("a\239\191\189b", util.utf8_clean("a\192b"))
    assert.equal("é\239\191\189", util.utf8_clean("é\237\160\128"):sub(1, 5))
    assert.equal("ok", util.utf8_clean("ok"))
    local idx = util.char_index("aé€b")
    assert.equal(1, idx(1))
    assert.equal(2, idx(3))
    assert.equal(3, idx(6))
    assert.equal(4, idx(7))
  end)

  it("cuts the text into regions without losing any", function()
    local doc = make_doc()
    local regions = util.regions(doc, TEXT)
    local last = 0
    for _, r in ipairs(regions) do
      assert.is_true(r.start >= last)
      assert.is_nil(TEXT:sub(last + 1, r.start):find("%S"), "text between regions")
      last = r.stop
    end
    assert.is_nil(TEXT:sub(last + 1):find("%S"))
  end)
end)
