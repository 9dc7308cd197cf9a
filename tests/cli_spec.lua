-- The installed `lede` command (built by luarocks into the project tree):
-- commands, inputs (files, folders, stdin, JSON lines), every format, and
-- every error path. The checks hold whether the entity stages find
-- entities in the example or not (shapes and structure fields).
local lede = require "lede"
local H = require "helpers"

local json = lede.json
-- (under timeout: a hang fails the test instead of stopping the suite)
local bin = "timeout 300 " .. H.lede_bin()
local example = H.root .. "/examples/article.txt"
local out_dir = H.root .. "/tests/out/cli"

local function sh_quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

-- Runs a command line; returns stdout, exit code, stderr.
local function run(cmd)
  local errf = os.tmpname()
  local out, rc = H.run(cmd .. " 2>" .. errf)
  local err = H.read(errf) or ""
  os.remove(errf)
  return out, rc, err
end

local function lines(s)
  local t = {}
  for l in s:gmatch("[^\n]+") do t[#t + 1] = l end
  return t
end

local function write(path, s)
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
  return path
end

local function fresh_dir(name)
  local d = out_dir .. "/" .. name
  os.execute("rm -rf " .. sh_quote(d) .. " && mkdir -p " .. sh_quote(d))
  return d
end

local example_doc = lede.parse(H.read(example))
local n_entities = #example_doc.entities

describe("lede command", function()
  setup(function() os.execute("mkdir -p " .. sh_quote(out_dir)) end)

  describe("parse", function()
    it("prints the JSON of a file (indented, no id)", function()
      local out, rc = run(bin .. " parse " .. example)
      assert.equal(0, rc)
      assert.matches('^{\n  "title": ', out)
      local d = json.decode(out)
      assert.equal("Coastal cities pledge joint flood defences as storm season nears", d.title)
      assert.equal("Yonhap", d.dateline.agency)
      assert.is_nil(d.id)
      assert.same(json.decode(example_doc:json(false)), d)
    end)

    it("reads stdin, by default and as -", function()
      for _, cmd in ipairs({ bin .. " parse - < " .. example, bin .. " parse < " .. example,
        "cat " .. example .. " | " .. bin .. " parse" }) do
        local out, rc = run(cmd)
        assert.equal(0, rc, cmd)
        assert.equal("National", json.decode(out).section)
      end
    end)

    it("takes a reference date and zone, and --compact", function()
      local out = run(bin .. " parse --date 1987-04-09 " .. H.fixtures .. "/wire_caps_title.txt")
      assert.equal("1987-04-07", json.decode(out).dateline.date)
      local out2 = run(bin .. " parse --compact --date=1987-04-09 --tz -05:00 " .. H.fixtures .. "/wire_caps_title.txt")
      assert.equal(1, #lines(out2))
      assert.equal("1987-04-07", json.decode(out2).dateline.date)
    end)

    it("turns JSON lines into JSON lines, keeping ids, reporting bad lines, losing none", function()
      local input = write(out_dir .. "/mixed.jsonl", table.concat({
        json.encode({ id = "a1", text = H.read(example) }),
        json.encode({ id = 7, text = "WASHINGTON (AP) — Short story here.\n" }),
        "{not json",
        json.encode({ id = "no-text" }),
        "   ",
        json.encode({ id = "h1", html = "<p>LONDON (Reuters) - Text in HTML.</p>" }),
        "[1, 2]",
        json.encode({ text = "An article without an id." }),
        "",
      }, "\n"))
      local out, rc, err = run(bin .. " parse --jsonl -j 1 " .. input)
      assert.equal(1, rc) -- some lines failed
      local recs = {}
      for _, l in ipairs(lines(out)) do recs[#recs + 1] = json.decode(l) end
      assert.equal(7, #recs)
      assert.equal("a1", recs[1].id)
      assert.equal("Busan", recs[1].dateline.location)
      assert.equal(7, recs[2].id)
      assert.equal("AP", recs[2].dateline.agency)
      assert.equal(json.null, recs[3].id)
      assert.matches("not a JSON line", recs[3].error)
      assert.equal("no-text", recs[4].id)
      assert.matches('no "text"', recs[4].error)
      assert.equal("h1", recs[5].id)
      assert.is_nil(recs[5].error)
      assert.is_string(recs[6].error)
      assert.equal(json.null, recs[7].id)
      assert.is_nil(recs[7].error)
      -- each failure on stderr, with its file and line or its id
      assert.matches("mixed%.jsonl:3: not a JSON line", err)
      assert.matches("id no%-text %(.-mixed%.jsonl:4%): no \"text\"", err)
      assert.matches("mixed%.jsonl:7: ", err)
      assert.equal(3, #lines(err))
    end)

    it("reads JSON lines from stdin with --jsonl, and from .jsonl files by name", function()
      local recs = json.encode({ id = "s1", text = "LONDON (Reuters) - Stdin story." }) .. "\n" ..
        json.encode({ id = "s2", text = "PARIS (AFP) - Another one." }) .. "\n"
      local input = write(out_dir .. "/two.jsonl", recs)
      local a = run("cat " .. input .. " | " .. bin .. " parse --jsonl")
      local b = run(bin .. " parse " .. input)
      local c = run(bin .. " parse --in jsonl - < " .. input)
      assert.equal(a, b)
      assert.equal(a, c)
      local l = lines(a)
      assert.equal(2, #l)
      assert.equal("s1", json.decode(l[1]).id)
      assert.equal("Reuters", json.decode(l[1]).dateline.agency)
    end)

    it("walks folders recursively, in order, with --include and --exclude", function()
      local d = fresh_dir("tree")
      os.execute("mkdir -p " .. d .. "/a/b " .. d .. "/c " .. d .. "/.hidden " .. d .. "/drafts")
      write(d .. "/a/one.txt", H.read(example))
      write(d .. "/a/b/two.txt", H.fixture("wire_ap.txt"))
      write(d .. "/c/page.html", "<p>TOKYO (Kyodo) -- A page.</p>")
      write(d .. "/c/notes.md", "Some notes.")
      write(d .. "/c/recs.jsonl", json.encode({ id = "r1", text = "A record." }) .. "\n")
      write(d .. "/drafts/x.txt", "A draft.")
      write(d .. "/.hidden/y.txt", "Hidden.")
      local function ids(extra)
        local out, rc = run(bin .. " parse " .. (extra or "") .. " " .. d)
        assert.equal(0, rc)
        local t = {}
        for _, l in ipairs(lines(out)) do t[#t + 1] = json.decode(l).id end
        return t
      end
      local pre = d .. "/"
      assert.same({ pre .. "a/b/two.txt", pre .. "a/one.txt", pre .. "c/notes.md", pre .. "c/page.html", "r1",
        pre .. "drafts/x.txt" }, ids())
      assert.same({ pre .. "a/b/two.txt", pre .. "a/one.txt", pre .. "drafts/x.txt" }, ids("--include '*.txt'"))
      assert.same({ pre .. "a/b/two.txt", pre .. "a/one.txt" }, ids("--include '*.txt' --exclude drafts"))
      assert.same({ pre .. "c/notes.md", pre .. "c/page.html", "r1" }, ids("--exclude 'a/**' --exclude '*.txt'"))
      assert.same({ pre .. "a/b/two.txt" }, ids("--include 'a/b/*'"))
      -- -j 2 gives the same, in the same order
      local one = run(bin .. " parse -j 1 " .. d)
      local two = run(bin .. " parse -j 2 " .. d)
      assert.equal(one, two)
    end)

    it("writes -o FILE, and -o DIR/ one file per document", function()
      local f = out_dir .. "/one.json"
      local _, rc = run(bin .. " parse -o " .. f .. " " .. example)
      assert.equal(0, rc)
      assert.equal("Busan", json.decode(H.read(f)).dateline.location)
      local d = fresh_dir("per-doc")
      local _, rc2 = run(bin .. " render -f md -o " .. d .. "/ " .. example .. " " .. H.fixtures .. "/wire_ap.txt")
      assert.equal(0, rc2)
      local md = H.read(d .. "/" .. (H.root .. "/examples/article"):gsub("[^%w%._%-]", "_") .. ".md")
      assert.is_string(md)
      assert.matches("^# Coastal cities", md)
    end)
  end)

  describe("formats on the example", function()
    it("json, jsonl", function()
      local out = run(bin .. " parse -f jsonl " .. example)
      local l = lines(out)
      assert.equal(1, #l)
      local rec = json.decode(l[1])
      assert.equal(example, rec.id)
      assert.equal("National", rec.section)
      local arr = run(bin .. " parse -f json " .. example .. " " .. H.fixtures .. "/wire_ap.txt")
      local a = json.decode(arr)
      assert.equal(2, #a)
      assert.equal(example, a[1].id)
      assert.equal("AP", a[2].dateline.agency)
    end)

    it("csv (lede entities' default): a header and one row per entity, CRLF", function()
      local out, rc = run(bin .. " entities " .. example)
      assert.equal(0, rc)
      assert.equal("doc,type,text,start,end,value,canonical,role,rule,id\r\n", out:sub(1, 54))
      local rows = 0
      for _ in out:gmatch("\r\n") do rows = rows + 1 end
      assert.equal(n_entities + 1, rows)
      assert.equal(out, (run(bin .. " parse -f csv " .. example)))
    end)

    it("entity rows as JSON lines and JSON", function()
      local out = run(bin .. " entities -f jsonl " .. example)
      assert.equal(n_entities, #lines(out))
      for _, l in ipairs(lines(out)) do
        local r = json.decode(l)
        assert.equal(example, r.doc)
        assert.is_string(r.type)
        assert.is_number(r.start)
      end
      local arr = json.decode((run(bin .. " entities -f json " .. example)))
      assert.equal(n_entities, #arr)
    end)

    it("md", function()
      local out, rc = run(bin .. " render " .. example)
      assert.equal(0, rc)
      assert.matches("^# Coastal cities pledge joint flood defences as storm season nears\n", out)
      assert.matches("%*%*Dateline:%*%* Busan, 2021%-03%-13 %(Yonhap%)", out)
      assert.matches("## Entities %(" .. n_entities .. "%)", out)
      assert.matches("## Article\n", out)
    end)

    it("html", function()
      local out, rc = run(bin .. " render -f html " .. example)
      assert.equal(0, rc)
      assert.matches("^<!DOCTYPE html>", out)
      assert.matches('<nav class="legend"', out)
      assert.matches('<h1 class="region title">Coastal cities', out)
      local marks = 0
      for _ in out:gmatch('<mark class="ent ') do marks = marks + 1 end
      assert.is_true(marks >= math.min(n_entities, 1) and marks <= n_entities)
    end)

    it("conll", function()
      local out, rc = run(bin .. " render -f conll " .. example)
      assert.equal(0, rc)
      assert.matches("^%-DOCSTART%-\t%-\t%-\tO\n\n", out)
      local text = H.read(example)
      local toks = 0
      for l in out:gmatch("[^\n]+") do
        local tok, a, b, tag = l:match("^([^\t]+)\t(%d+)\t(%d+)\t([BIO][^\t]*)$")
        if tok then
          toks = toks + 1
          assert.equal(text:sub(tonumber(a) + 1, tonumber(b)), tok)
          assert.is_true(tag == "O" or tag:match("^[BI]%-%u") ~= nil, tag)
        end
      end
      assert.is_true(toks > 250)
      assert.matches("\nCoastal\t39\t46\t", out)
    end)

    it("brat: the .ann, and with -o the .txt beside it", function()
      local out, rc = run(bin .. " render -f brat " .. example)
      assert.equal(0, rc)
      local t_lines = 0
      for l in out:gmatch("[^\n]+") do
        if l:match("^T%d+\t") then
          t_lines = t_lines + 1
          assert.matches("^T%d+\t[%w_%-]+ %d+ %d+[%d ;]*\t", l)
        else
          assert.matches("^#%d+\tAnnotatorNotes T%d+\t", l)
        end
      end
      assert.equal(n_entities, t_lines)
      local d = fresh_dir("brat")
      local _, rc2 = run(bin .. " render -f brat -o " .. d .. "/example.ann " .. example)
      assert.equal(0, rc2)
      assert.equal(out, H.read(d .. "/example.ann"))
      assert.equal(H.read(example), H.read(d .. "/example.txt"))
      -- several documents go to a folder, a pair each
      local _, rc3 = run(bin .. " render -f brat -o " .. d .. "/all/ " .. example .. " " .. H.fixtures .. "/wire_ap.txt")
      assert.equal(0, rc3)
      assert.equal(H.read(H.fixtures .. "/wire_ap.txt"), H.read(d .. "/all/" .. (H.fixtures .. "/wire_ap"):gsub("[^%w%._%-]", "_") .. ".txt"))
    end)

    it("lists the formats; a user format installed as a module works", function()
      local out, rc = run(bin .. " formats")
      assert.equal(0, rc)
      for _, n in ipairs({ "json", "jsonl", "csv", "md", "html", "conll", "brat" }) do
        assert.matches("\n?" .. n .. " ", out)
      end
      local d = fresh_dir("userfmt")
      os.execute("mkdir -p " .. d .. "/lede/formats")
      write(d .. "/lede/formats/titles.lua", [[
return { extension = "txt", render = function(doc, text, opts)
  return tostring(opts.id) .. "\t" .. tostring(doc.title) .. "\n"
end }
]])
      local out2, rc2 = run("LUA_PATH_5_4=" .. sh_quote(d .. "/?.lua;;") .. " " .. bin .. " render -f titles " ..
        example .. " " .. H.fixtures .. "/wire_ap.txt")
      assert.equal(0, rc2)
      assert.equal(example .. "\tCoastal cities pledge joint flood defences as storm season nears\n",
        lines(out2)[1] .. "\n")
      assert.equal(2, #lines(out2))
    end)
  end)

  describe("errors", function()
    local usage = {
      { "an unknown option", " parse --bogus " .. example, "unknown option %-%-bogus" },
      { "an unknown command", " parsley " .. example, "unknown command 'parsley'" },
      { "an unknown format", " render -f docx " .. example, "unknown format 'docx'" },
      { "an option without its value", " parse " .. example .. " --date", "needs a value" },
      { "a bad -j", " parse -j 0 " .. example, "%-j takes" },
      { "a bad --in", " parse --in pdf " .. example, "%-%-in takes" },
      { "a bad zone", " parse --tz Mars " .. example, "tz" },
      { "a bad date", " parse --date yesterday " .. example, "date" },
      { "a row format for a rendering", " entities -f html " .. example, "lede entities writes entity rows" },
      { "brat for several documents on one output", " render -f brat " .. example .. " " .. example, "%-o DIR" },
      { "an output that cannot be written", " parse -o /nonexistent/dir/x.json " .. example, "cannot write" },
    }
    for _, case in ipairs(usage) do
      it("exits 2 on " .. case[1], function()
        local out, rc, err = run(bin .. case[2])
        assert.equal(2, rc)
        assert.equal("", out)
        assert.matches(case[3], err)
      end)
    end

    it("runs rule packs given with --rules, and their outputs as formats", function()
      local root = H.root .. "/examples/"
      local out, rc = run(bin .. " entities -f jsonl --rules " .. root .. "military.lua " .. root .. "troops.txt")
      assert.equal(0, rc)
      assert.matches('"type":"TROOPS"', out, 1, true)
      assert.matches('"rule":"military/', out, 1, true)
      -- two packs combine; a pack's output is a format of the command
      local md, rc2 = run(bin .. " render --rules " .. root .. "military.lua --rules " .. root
        .. "digest.lua -f digest " .. example)
      assert.equal(0, rc2)
      assert.matches("^## ", md)
    end)

    it("exits 2 on a rule pack that does not load, naming it", function()
      local bad = write(out_dir .. "/bad_pack.lua", "return { name = 'bad', rules = { { name = 'r', type = 'X', pattern = '(' } } }\n")
      local out, rc, err = run(bin .. " parse --rules " .. bad .. " " .. example)
      assert.equal(2, rc)
      assert.equal("", out)
      assert.matches("bad_pack.lua", err, 1, true)
      assert.matches("rule 'r'", err, 1, true)
    end)

    it("exits 0 on --help and --version, 2 with no command", function()
      local out, rc = run(bin .. " --version")
      assert.equal(0, rc)
      assert.matches("^lede %d+%.%d+%.%d+", out)
      local help, rc2 = run(bin .. " --help")
      assert.equal(0, rc2)
      assert.matches("lede parse", help)
      assert.matches("%-j, %-%-jobs N", help)
      local _, rc3, err3 = run(bin)
      assert.equal(2, rc3)
      assert.matches("usage", err3)
    end)

    it("exits 1 on a missing file, and still does the others", function()
      local out, rc, err = run(bin .. " parse /nonexistent/file.txt " .. example)
      assert.equal(1, rc)
      assert.matches("/nonexistent/file%.txt: no such file", err)
      local l = lines(out)
      assert.equal(2, #l)
      assert.same({ id = "/nonexistent/file.txt", error = "no such file or folder" }, json.decode(l[1]))
      assert.equal("Busan", json.decode(l[2]).dateline.location)
    end)

    it("exits 1 on an unreadable file and a missing JSONL file, writing error records", function()
      local d = fresh_dir("unreadable")
      write(d .. "/ok.txt", "LONDON (Reuters) - Fine.")
      os.execute("mkdir -p " .. d .. "/sub.txt") -- a folder named like a file: walked, empty
      local out, rc, err = run(bin .. " parse -f jsonl " .. d .. " /nonexistent/x.jsonl")
      assert.equal(1, rc)
      assert.matches("/nonexistent/x%.jsonl: no such file", err)
      local l = lines(out)
      assert.equal(2, #l)
      assert.equal(d .. "/ok.txt", json.decode(l[1]).id)
      assert.equal("/nonexistent/x.jsonl", json.decode(l[2]).id)
      assert.is_string(json.decode(l[2]).error)
    end)

    it("exits 1 when a worker process dies, reports the document and goes on", function()
      local recs = {}
      for i = 1, 40 do recs[i] = json.encode({ id = "r" .. i, text = "LONDON (Reuters) - Story " .. i .. "." }) end
      local input = write(out_dir .. "/crash.jsonl", table.concat(recs, "\n") .. "\n")
      local out, rc, err = run("LEDE_TEST_CRASH=r17 " .. bin .. " parse -j 2 " .. input)
      assert.equal(1, rc)
      assert.matches("id r17 %(.-crash%.jsonl:17%): worker process killed by signal 9", err)
      local l = lines(out)
      assert.equal(40, #l)
      for i, line in ipairs(l) do
        local r = json.decode(line)
        assert.equal("r" .. i, r.id)
        if i == 17 then assert.matches("worker process", r.error) else assert.is_nil(r.error) end
      end
    end)
  end)
end)
