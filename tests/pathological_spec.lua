-- Pathological inputs: each must parse in time linear in its size. For
-- each case the parse of n units and of 2n units is timed: doubling the
-- input should cost about 2.2 times the time at most (a quadratic step
-- costs 4). Linear cases measure 1.9 to 2.2 on a shared virtual machine
-- (caches and TLBs favour the smaller input); the test fails past 2.4, which
-- still catches a quadratic part worth a fifth of the time at n.
-- The time per byte is also held against a linear baseline, plain news
-- prose, so that a linear but very slow path is caught too. Timings go to
-- tests/out/pathological.tsv.
--
-- Each case is timed in a process of its own (CPU time, the median of 5),
-- where glibc is told to keep the pages it frees: by default it reuses them
-- for blocks under its mmap threshold (32 MiB) but maps and faults fresh
-- ones above it, so that n and 2n would be timed in different regimes
-- (page faults cost more than the parse itself on some virtual machines).
-- A case whose parse takes less than MIN_TIME is grown (x4, up to 16x)
-- until it takes longer, so that ratios are not timer noise.
--
-- Under valgrind (LEDE_VALGRIND) the cases run in the suite's process, ten
-- times smaller, once each (valgrind checks memory; the timing is ~50x).
local lede = require "lede"
local H = require "helpers"

local valgrind = os.getenv("LEDE_VALGRIND") ~= nil
local RATIO = 2.4     -- time(2n) / time(n), the failing bound
local PER_BYTE = 25   -- time per byte / the baseline's
local MIN_TIME = 0.05 -- seconds

-- The cases: a name, n, and the source of a function of n that returns the
-- text and the options (it runs in the timing process: plain Lua, `core`
-- and `rep` in scope).
local cases = {
  { "100k dateline-like lines", 100000, [[return rep("WASHINGTON, May 6 (Yonhap) -- x\n", n)]] },
  { "100k dateline paragraphs", 100000, [[return rep("SEOUL, Jan. 9 (Yonhap) -- The ministry said.\n\n", n)]] },
  { "1 MB without white space", 1000000, [[return rep("abc.DEF,ghi-jk'l\"(m)", n / 20)]] },
  { "1 MB of one letter", 1000000, [[return rep("x", n)]] },
  { "1 MB of capitalized words on one line", 1000000,
    [[return rep("Alpha Beta Gamma Delta Mr. Kim Seoul Washington Reuters ", n / 56)]] },
  { "1 MB of capitalized words in paragraphs", 1000000,
    [[return rep(rep("Kim Jong Park met Lee Soo Han of Acme Corp in Seoul. ", 20) .. "\n\n", n / 1080)]] },
  { "1 MB of ALL CAPS words", 1000000,
    [[return rep(rep("BREAKING NEWS FROM NEW YORK CITY HALL ", 25) .. "\n\n", n / 952)]] },
  { "100k unbalanced quotation marks", 100000,
    [[return rep("\"Word ", n / 4) .. rep("\u{201C}Word ", n / 4) .. rep("\u{2018}Word ", n / 4) .. rep("\u{00AB}Word ", n / 4)]] },
  { "100k unbalanced quotation marks in paragraphs", 100000,
    [[return rep(rep("He said \u{201C}yes and ", 10) .. "she said.\n\n", n / 10)]] },
  { "100k bare quotation marks", 100000, [[return rep("\"", n)]] },
  { "100k partial quotes in one sentence", 100000,
    [[return "Kim Ayers of Veltro Corp said " .. rep("\u{201C}yes\u{201D} and ", n / 4)]] },
  { "100k quotes with said", 100000, [[return rep("\u{201C}Yes,\u{201D} Kim said. \"No, ", n / 2)]] },
  { "nested parentheses 100k deep", 100000, [[return rep("(", n) .. "x" .. rep(")", n)]] },
  { "nested brackets 100k deep", 100000, [[return rep("[", n) .. "x" .. rep("]", n)]] },
  { "nested quotes 100k deep", 100000, [[return rep("\u{201C}", n) .. "x" .. rep("\u{201D}", n)]] },
  { "nested list items, 100k lines", 100000, [[
    local t = {}
    for i = 1, 64 do t[i] = string.rep(" ", i - 1) .. "* item " .. i .. "\n" end
    return rep(table.concat(t), n / 64)]] },
  { "numbers of 10k digits", 100,
    [[return rep("The figure was " .. string.rep("7", 10000) .. " dollars, up 3.5%.\n\n", n)]] },
  { "10k-digit decimals and grouped numbers", 100,
    [[return rep("It cost $" .. string.rep("123,", 2500) .. "456." .. string.rep("9", 5000) .. " on May 6.\n\n", n)]] },
  { "100k one-letter lines", 100000, [[return rep("A\n", n)]] },
  { "100k blank lines", 100000, [[return rep("\n\n", n) .. "End."]] },
  { "100k boilerplate cue lines", 100000, [[return rep("Share this\nRelated\nAdvertisement\n", n / 3)]] },
  { "100k bylines", 100000, [[return rep("By Ann Lee and Bo Kim\n\n", n)]] },
  { "100k timestamps", 100000, [[return rep("Updated: March 14, 2021 09:32 AM\n\n", n)]] },
  { "100k caption lines", 100000, [[return rep("This photo shows a street. (Yonhap)\n\n", n)]] },
  { "1 MB of invalid UTF-8", 1000000, [[return rep("\xff\xc3(\xe2\x82", n / 5)]] },
  -- users' patterns that backtrack catastrophically: each runs into a PCRE2
  -- limit (an error that names it) or is cheap; either way, linear
  { "user pattern (a|aa)+$ on a's", 2000, [[
    local rs = core.ruleset()
    rs:regex({ name = "r", type = rs:type("ORG") }, "(a|aa)+$")
    return rep(rep("a", 60) .. "!\n\n", n), { rules = rs }]] },
  { "user pattern (\\w+\\s?)*$ on words", 2000, [[
    local rs = core.ruleset()
    rs:regex({ name = "r", type = rs:type("ORG") }, "(\\w+\\s?)*$")
    return rep(rep("word ", 12) .. "!\n\n", n), { rules = rs }]] },
  { "user pattern (x+x+)+y on x's", 2000, [[
    local rs = core.ruleset()
    rs:regex({ name = "r", type = rs:type("ORG") }, "(x+x+)+y")
    return rep(rep("x", 40) .. " z\n\n", n), { rules = rs }]] },
  { "user pattern with a catastrophic 'before'", 2000, [[
    local rs = core.ruleset()
    rs:regex({ name = "r", type = rs:type("ORG"), before = "(a|aa)+b" }, "\\bz")
    return rep(rep("a", 60) .. " z\n\n", n), { rules = rs }]] },
  { "user pattern with 'before' context in one long paragraph", 10000, [[
    local rs = core.ruleset()
    rs:regex({ name = "r", type = rs:type("ORG"), before = "and $" }, "\\bAcme\\b")
    rs:regex({ name = "p", type = rs:type("ORG"), before = "(?:said|and) $", after = "^ said",
      within = 1 }, "\\bAcme\\b")
    return rep("Acme and Acme said, ", n) .. "\n\n", { rules = rs }]] },
  { "user token pattern of long repetitions", 100000, [[
    local rs = core.ruleset()
    rs:tokens({ name = "t", type = rs:type("ORG") },
      { { cap = 1, min = 1, max = -1 }, { cap = 1, min = 1, max = -1 }, { lower = "x", min = 1, max = 1 } })
    return rep("Alpha Beta Gamma Delta Epsilon ", n / 5) .. "\n\n"]] },
  { "user dictionary of 10k phrases", 100000, [[
    local rs = core.ruleset()
    local id = rs:dict({ name = "d", type = rs:type("ORG") })
    local t = {}
    for i = 1, 10000 do t[i] = "Acme " .. i .. " Holdings Group" end
    rs:dict_load(id, table.concat(t, "\n"))
    return rep("Acme 7 Holdings Group and Acme 12 Holdings said. ", n / 9) .. "\n\n", { rules = rs }]] },
}

-- The timing process, one per case: the engine made, then the parses of n
-- and 2n timed in turn, five times, the least time of each kept. A case
-- whose parse of n takes less than MIN_TIME grows (x4, up to 16x) first.
local runner = [[
local lede = require "lede"
local core = require "lede.core"
local function rep(s, k) return string.rep(s, math.max(1, math.floor(k))) end
local inst = lede.new()
local n0, min_time = tonumber(arg[1]), tonumber(arg[2])
local gen = assert(load("local n, core, rep = ...\n" .. io.read("a")))
local how = "ok"
local function time(n)
  local text, opts = gen(n, core, rep)
  collectgarbage()
  collectgarbage()
  local t0 = os.clock()
  local ok, err = pcall(inst.parse, inst, text, opts)
  local t = os.clock() - t0
  if not ok then
    if not tostring(err):find("ran into the", 1, true) then
      io.stderr:write(tostring(err), "\n")
      os.exit(3)
    end
    how = "limit"
  end
  return t, #text
end
local n = n0
local t1, bytes = time(n)
while t1 < min_time and n < n0 * 16 do
  n = n * 4
  t1, bytes = time(n)
end
-- five pairs timed back to back; each size's fastest run is kept (what
-- slows a run down, the machine's other load, the collector, a page
-- fault, only adds: the least time is the parse's own)
local a, b = math.huge, math.huge
for _ = 1, 5 do
  a = math.min(a, time(n))
  b = math.min(b, time(2 * n))
end
io.write(string.format("%d %d %.6f %.6f %s\n", n, bytes, a, b, how))
]]

local lua_bin = arg and arg[-1] or "lua5.4"
local runner_path
-- glibc keeps freed pages instead of unmapping them, whatever their size:
-- the parses of n and 2n then both run on warm memory
local tunables = "GLIBC_TUNABLES=glibc.malloc.mmap_threshold=4294967295:glibc.malloc.trim_threshold=4294967295"

-- Times a case in its own process: n (grown), bytes, t(n), t(2n), how.
local function measure(gen, n)
  local gp = H.tmpfile(gen)
  local out, rc = H.run(tunables .. " " .. lua_bin .. " " .. runner_path .. " " .. math.floor(n) .. " "
    .. MIN_TIME .. " < " .. gp .. " 2>&1")
  os.remove(gp)
  assert(rc == 0, "timing process failed: " .. out)
  local n2, bytes, t1, t2, how = out:match("(%d+) (%d+) ([%d.]+) ([%d.]+) (%a+)")
  assert(n2, "timing process said: " .. out)
  return tonumber(n2), tonumber(bytes), tonumber(t1), tonumber(t2), how
end

-- In the suite's process (valgrind): one parse.
local function warm(gen, n)
  local core = require "lede.core"
  local function rep(s, k) return string.rep(s, math.max(1, math.floor(k))) end
  local f = assert(load("local n, core, rep = ...\n" .. gen))
  local text, opts = f(n, core, rep)
  local inst = lede.new()
  local t0 = os.clock()
  local ok, err = pcall(inst.parse, inst, text, opts)
  if not ok and not tostring(err):find("ran into the", 1, true) then error(err, 0) end
  return os.clock() - t0, #text, ok and "ok" or "limit"
end

local baseline_gen = [[return rep("The committee said on Tuesday that it had approved the plan, which will ]]
  .. [[cost 4.5 billion dollars over ten years, and that work would start in the spring.\n\n", n / 157)]]

describe("pathological inputs", function()
  local results, baseline = {}, nil

  setup(function()
    runner_path = H.tmpfile(runner)
    if valgrind then
      local t, bytes = warm(baseline_gen, 100000)
      baseline = t / bytes
    else
      local _, bytes, t = measure(baseline_gen, 1000000)
      baseline = t / bytes
    end
  end)

  teardown(function()
    os.remove(runner_path)
    local f = io.open(H.root .. "/tests/out/pathological.tsv", "w")
    if not f then return end
    f:write(string.format("# baseline: %.1f ns per byte of prose%s\n", (baseline or 0) * 1e9,
      valgrind and " (under valgrind)" or ""))
    f:write("case\tn\tbytes\tseconds(n)\tseconds(2n)\tratio\tper-byte/baseline\tresult\n")
    for _, r in ipairs(results) do f:write(r, "\n") end
    f:close()
  end)

  for _, c in ipairs(cases) do
    local name, n0, gen = c[1], c[2], c[3]
    if valgrind then
      it(name .. " parses under valgrind", function()
        local t, _, how = warm(gen, n0 / 10)
        results[#results + 1] = string.format("%s\t%d\t\t%.4f\t\t\t\t%s", name, n0 / 10, t, how)
      end)
    else
      it(name .. " stays linear", function()
        local n, bytes, t1, t2, how = measure(gen, n0)
        local ratio = t2 / t1
        for _ = 1, 2 do
          -- measured again before failing: a busy machine slows runs down
          if ratio <= RATIO then break end
          local m, b2, u1, u2, h2 = measure(gen, n0)
          if u2 / u1 < ratio then n, bytes, t1, t2, how, ratio = m, b2, u1, u2, h2, u2 / u1 end
        end
        local per_byte = t1 / bytes / baseline
        results[#results + 1] = string.format("%s\t%d\t%d\t%.4f\t%.4f\t%.2f\t%.1f\t%s", name, n, bytes,
          t1, t2, ratio, per_byte, how)
        assert.is_true(ratio <= RATIO, string.format("%s: %.3f s for n = %d, %.3f s for 2n: ratio %.2f > %.1f",
          name, t1, n, t2, ratio, RATIO))
        assert.is_true(per_byte <= PER_BYTE, string.format(
          "%s: %.0f ns per byte, %.1f times the prose baseline", name, t1 / bytes * 1e9, per_byte))
      end)
    end
  end

  it("catastrophic users' patterns fail with an error naming the rule and the limit", function()
    local core = require "lede.core"
    local rs = core.ruleset()
    rs:regex({ name = "backtracker", type = rs:type("ORG") }, "(\\w+\\s?)*$")
    local text = string.rep(string.rep("word ", 12) .. "!\n\n", 10)
    local ok, err = pcall(lede.parse, text, { rules = rs })
    assert.is_false(ok)
    assert.matches("rule 'backtracker': pattern ran into the match limit at byte %d+", err)
    -- with a higher limit a short one finishes
    local inst = lede.new({ limits = { match_limit = 100000000 } })
    assert.is_not_nil(inst:parse("word word !\n", { rules = rs }))
  end)

  it("a time budget stops a long parse with a clear error, soon", function()
    local b = lede.new({ limits = { time_budget = 0.05 } })
    local para = "The committee said on Tuesday that it had approved the plan, which will cost "
      .. "4.5 billion dollars over ten years, and that work would start in the spring.\n\n"
    local text = string.rep(para, math.floor((valgrind and 2e6 or 20e6) / #para))
    local t0 = os.clock()
    local ok, err = pcall(b.parse, b, text)
    local t = os.clock() - t0
    assert.is_false(ok)
    assert.matches("time budget of 0.050 s exceeded", err, 1, true)
    -- the budget is checked often: stopping takes little past it
    assert.is_true(t < (valgrind and 5 or 0.5), "stopped after " .. t .. " s")
  end)
end)
