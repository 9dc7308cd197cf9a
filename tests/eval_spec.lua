-- make eval with gold in lede's own (OntoNotes) types: the scoring of
-- tools/eval.lua, and a floor on the bundled numeric corpus
-- (tests/fixtures/eval/ontonotes_numeric.jsonl: invented stories annotated
-- by hand for the seven numeric and temporal types).
local H = require "helpers"

-- Runs tools/eval.lua in this process; returns its printed lines.
local function eval(args)
  local lines, saved_print, saved_arg = {}, _G.print, _G.arg
  _G.print = function(...)
    local parts = {}
    for i = 1, select("#", ...) do parts[#parts + 1] = tostring(select(i, ...)) end
    lines[#lines + 1] = table.concat(parts, "\t")
  end
  _G.arg = args -- the script reads its command line from the global arg
  local ok, err = pcall(dofile, H.root .. "/tools/eval.lua")
  _G.print, _G.arg = saved_print, saved_arg
  assert(ok, err)
  return lines
end

local function line_of(lines, pat)
  for _, l in ipairs(lines) do if l:find(pat) then return l end end
end

describe("make eval with OntoNotes types", function()
  it("scores spans per type, values of the spans found, and lists the errors", function()
    local text = "SEOUL, May 6 (Yonhap) -- Exports rose 13 percent on Tuesday to US$870 million,"
      .. " the third gain in a row.\n"
    local function at(s) local a, b = text:find(s, 1, true); return a - 1, b end
    local ents = {}
    local function add(s, ty, value)
      local a, b = at(s)
      ents[#ents + 1] = string.format('{"start":%d,"end":%d,"type":"%s"%s}', a, b, ty,
        value and (',"value":' .. value) or "")
    end
    add("May 6", "DATE", '"2020-05-06"')
    add("13 percent", "PERCENT", "13")
    add("Tuesday", "DATE", '"2020-05-04"') -- wrong on purpose: lede says 2020-05-05
    add("US$870 million,", "MONEY") -- a span lede does not give
    local rec = string.format('{"id":"t1","date":"2020-05-06","text":%s,"types":["DATE",'
      .. '"MONEY","PERCENT","ORDINAL"],"entities":[%s]}', require("lede").json.encode(text),
      table.concat(ents, ","))
    local path = H.tmpfile(rec .. "\n")
    local out = eval({ [0] = "eval.lua", path, "--show-errors", "10" })
    os.remove(path)
    assert.truthy(line_of(out, "^  DATE +P 1%.0000 R 1%.0000 F1 1%.0000 +%(tp 2 fp 0 fn 0%)  values 1/2$"))
    assert.truthy(line_of(out, "^  PERCENT +P 1%.0000 .*values 1/1$"))
    assert.truthy(line_of(out, "^  MONEY +P 0%.0000 R 0%.0000 F1 0%.0000  %(tp 0 fp 1 fn 1%)$"))
    assert.truthy(line_of(out, "^  ORDINAL +P 0%.0000 R 0%.0000 F1 0%.0000  %(tp 0 fp 1 fn 0%)$"))
    assert.truthy(line_of(out, '^  VALUE DATE "Tuesday" %(gold 2020%-05%-04, lede 2020%-05%-05%) %[t1%]$'))
    assert.truthy(line_of(out, '^  FN MONEY "US%$870 million," %(lede %-%) %[t1%]$'))
  end)

  -- the held-out corpora and the later development sets: micro F1 floors
  for _, c in ipairs({ { "heldout", 0.89 }, { "heldout2", 0.92 }, { "heldout3", 0.92 },
    { "dev2", 0.93 }, { "dev3", 0.95 }, { "dev4", 0.95 }, { "dev5", 0.96 }, { "dev6", 0.91 },
    { "dev7", 0.95 }, { "dev8", 0.96 }, { "dev9", 0.95 } }) do
    local name, floor = c[1], c[2]
    it("keeps the numeric corpus '" .. name .. "' at its measured level", function()
      local out = eval({ [0] = "eval.lua",
        H.root .. "/tests/fixtures/eval/ontonotes_numeric_" .. name .. ".jsonl" })
      local micro = line_of(out, "^  micro ")
      assert.is_true(tonumber(micro:match("F1 ([%d.]+)")) >= floor, micro)
    end)
  end

  it("keeps the names of modern news (CoNLL types) at their measured level", function()
    local out = eval({ [0] = "eval.lua", H.root .. "/tests/fixtures/eval/conll_modern.jsonl" })
    local micro = line_of(out, "^  micro ")
    assert.is_true(tonumber(micro:match("F1 ([%d.]+)")) >= 0.82, micro)
  end)

  it("keeps the held-out names (CoNLL types) at their measured level", function()
    local out = eval({ [0] = "eval.lua", H.root .. "/tests/fixtures/eval/conll_heldout.jsonl" })
    local micro = line_of(out, "^  micro ")
    assert.is_true(tonumber(micro:match("F1 ([%d.]+)")) >= 0.88, micro)
  end)

  it("scores quotations, their speakers and cues, roles and links", function()
    local text = "Omar Linde, chief executive of Northline Rail, spoke on Tuesday.\n\n"
      .. "\"We will keep every option open,\" Linde said. \"Nothing is decided.\"\n"
    local function at(s) local a, b = text:find(s, 1, true); return a - 1, b end
    local q1s, q1e = at("We will keep every option open")
    local q2s, q2e = at("Nothing is decided.")
    local m1s, m1e = at("Omar Linde")
    local m2s, m2e = at("Linde said")
    local rec = string.format('{"id":"q1","date":"2021-03-09","text":%s,"quotes":['
      .. '{"start":%d,"end":%d,"speaker":"Omar Linde","cue":"said"},'
      .. '{"start":%d,"end":%d,"speaker":"Omar Linde","cue":null}],'
      .. '"roles":[{"person":"Omar Linde","role":"chief executive of Northline Rail"}],'
      .. '"mentions":[{"start":%d,"end":%d,"canonical":"Omar Linde"},'
      .. '{"start":%d,"end":%d,"canonical":"Omar Linde"}]}', require("lede").json.encode(text),
      q1s, q1e, q2s, q2e, m1s, m1e, m2s, m2s + 5)
    local path = H.tmpfile(rec .. "\n")
    local out = eval({ [0] = "eval.lua", path, "--show-errors", "10" })
    os.remove(path)
    -- both quotations (the second without its period), both to Omar Linde
    assert.truthy(line_of(out, "^  found +P 1%.0000 R 1%.0000 F1 1%.0000  %(tp 2 fp 0 fn 0%)$"))
    assert.truthy(line_of(out, "^  speaker +1%.0000 %(2/2%)"))
    assert.truthy(line_of(out, "^  cue +1%.0000 %(1/1%)"))
    assert.truthy(line_of(out, "^roles +P 1%.0000 R 1%.0000"))
    assert.truthy(line_of(out,
      "^links +P 1%.0000 R 1%.0000 F1 1%.0000  %(mention pairs: tp 1 fp 0 fn 0%)$"))
  end)

  -- quotations, roles and links: floors on attribution (span and speaker),
  -- roles and links (F1)
  for _, c in ipairs({ { "dev1", 0.89, 0.90, 0.86 }, { "dev2", 0.89, 0.85, 0.93 },
    { "dev3", 0.87, 0.88, 0.95 }, { "heldout", 0.82, 0.64, 0.92 },
    { "dev4", 0.86, 0.81, 0.88 }, { "dev5", 0.86, 0.83, 0.82 },
    { "dev6", 0.86, 0.69, 0.85 } }) do
    it("keeps the quotations corpus '" .. c[1] .. "' at its measured level", function()
      local out = eval({ [0] = "eval.lua",
        H.root .. "/tests/fixtures/eval/quotes_" .. c[1] .. ".jsonl" })
      local floors = { { "^  attributed ", c[2] }, { "^roles ", c[3] }, { "^links ", c[4] } }
      for _, fl in ipairs(floors) do
        local l = line_of(out, fl[1])
        assert.is_true(tonumber(l:match("F1 ([%d.]+)")) >= fl[2], l)
      end
    end)
  end

  it("keeps the bundled numeric corpus at its measured level", function()
    local out = eval({ [0] = "eval.lua", H.root .. "/tests/fixtures/eval/ontonotes_numeric.jsonl" })
    local micro = line_of(out, "^  micro ")
    assert.truthy(micro)
    local f1 = tonumber(micro:match("F1 ([%d.]+)"))
    assert.is_true(f1 >= 0.92, micro)
    for _, ty in ipairs({ "DATE", "MONEY", "PERCENT", "CARDINAL" }) do
      local l = line_of(out, "^  " .. ty .. " ")
      assert.is_true(tonumber(l:match("F1 ([%d.]+)")) >= 0.89, l)
    end
  end)
end)
