#!/usr/bin/env lua5.4
-- make bench CORPUS=path.jsonl [RUNS=7]
--
-- MB/s of lede.parse over the texts of a JSON-lines corpus (the full
-- pipeline, called from Lua, with results reached from Lua), and in the same
-- run MB/s of a bare pass of the core over the same bytes (tokenizing only),
-- so the ratio can be read; then what each stage of the pipeline costs (the
-- time a pass saves when the stage is skipped). CPU time of this process
-- (os.clock), one core.
-- A benchmark, not a test: it prints figures and never fails on them.
local lede = require "lede"
local json = lede.json

local path = arg[1]
local runs = tonumber(arg[2] or "") or 7
if not path then
  io.stderr:write("usage: bench.lua CORPUS.jsonl [RUNS]\n")
  os.exit(2)
end

local texts, bytes = {}, 0
for line in io.lines(path) do
  if line:match("%S") then
    local r = json.decode(line)
    if type(r.text) == "string" then
      texts[#texts + 1] = r.text
      bytes = bytes + #r.text
    end
  end
end
if #texts == 0 then
  io.stderr:write("bench: no \"text\" in ", path, "\n")
  os.exit(2)
end

local function median(t)
  local s = {}
  for i, v in ipairs(t) do s[i] = v end
  table.sort(s)
  local n = #s
  return n % 2 == 1 and s[(n + 1) / 2] or (s[n / 2] + s[n / 2 + 1]) / 2
end

local function measure(label, fn)
  fn() -- warm up
  local rates = {}
  for r = 1, runs do
    local t0 = os.clock()
    fn()
    local secs = os.clock() - t0
    rates[r] = bytes / (1024 * 1024) / secs
  end
  table.sort(rates)
  local m = median(rates)
  print(string.format("  %-34s %8.2f MB/s  (min %.2f, max %.2f, spread %.1f%%)", label, m,
    rates[1], rates[#rates], 100 * (rates[#rates] - rates[1]) / m))
  return m
end

local cpu = "unknown CPU"
do
  local f = io.open("/proc/cpuinfo")
  if f then
    cpu = f:read("a"):match("model name%s*:%s*([^\n]+)") or cpu
    f:close()
  end
end
print(string.format("bench %s: %d documents, %.2f MB, %d runs, %s, %s, lede %s", path, #texts,
  bytes / (1024 * 1024), runs, _VERSION, cpu, lede.version))

local entities = 0
local parse = lede.parse
local full = measure("lede.parse (full pipeline)", function()
  entities = 0
  for i = 1, #texts do
    local doc = parse(texts[i])
    -- reach the results from Lua, as a user would
    entities = entities + #doc.entities
    local _ = doc.title
  end
end)

local struct_only = measure("lede.parse (structure only)", function()
  for i = 1, #texts do
    local doc = parse(texts[i], { skip = { "entities", "quotes" } })
    local _ = doc.title
  end
end)

local count = lede.count_tokens
local tokens = 0
local bare = measure("bare pass (tokenizing only)", function()
  tokens = 0
  for i = 1, #texts do tokens = tokens + count(texts[i]) end
end)

print(string.format("  %d tokens, %d entities per pass", tokens, entities))
print(string.format("  ratio bare/full %.2fx (structure only %.2fx)", bare / full, bare / struct_only))

-- where the time goes: each stage's share is what the pass saves without it
-- (its work and what later stages do with its results), the runs alternated
-- with the full pipeline's so that both see the same machine; best run each
local stages = { "tagger", "numex", "patterns", "linking", "gazetteer", "quotes" }
-- a pass of lede.parse with options o, the results reached; its entities
local function pass(o)
  local n = 0
  for i = 1, #texts do
    local doc = parse(texts[i], o)
    n = n + #doc.entities
    local _ = doc.title
  end
  return n
end
local function pass_time(o)
  local t0 = os.clock()
  pass(o)
  return os.clock() - t0
end
local best_full, best_without = math.huge, {}
for r = 1, runs do
  best_full = math.min(best_full, pass_time(nil))
  for k, s in ipairs(stages) do
    best_without[k] = math.min(best_without[k] or math.huge, pass_time({ skip = { s } }))
  end
end
print(string.format("  where the time goes (a pass of %.1f ms; what skipping the stage saves):",
  1000 * best_full))
for k, s in ipairs(stages) do
  local saved = best_full - best_without[k]
  print(string.format("    %-10s %6.1f ms  %5.1f%%", s, 1000 * saved, 100 * saved / best_full))
end

-- user rules: a dictionary of 100,000 invented names (tools/fake_names.lua,
-- seeded), its load time (compiling the pack: validation, C dictionary),
-- and the pipeline's MB/s with it, against the full pipeline above
local here = arg[0]:match("^(.*)/[^/]*$") or "."
local names = dofile(here .. "/fake_names.lua")
local tsv = names.tsv(100000, 42)
local loads = {}
local dict_rules
for r = 1, 3 do
  collectgarbage()
  local t0 = os.clock()
  dict_rules = lede.rules({
    name = "people",
    rules = { { name = "names", type = "PERSON", dictionary = tsv } },
  })
  loads[r] = os.clock() - t0
end
print(string.format("  100,000-name dictionary: load %.3f s (median of 3; %.1f MB of TSV)", median(loads),
  #tsv / (1024 * 1024)))
-- without and with the dictionary, runs alternated so that both see the
-- same machine (other processes, frequency)
local dict_opts = { rules = dict_rules }
pass(nil); pass(dict_opts)
local without, with, found = {}, {}, 0
for r = 1, runs do
  collectgarbage()
  local t0 = os.clock()
  pass(nil)
  without[r] = bytes / (1024 * 1024) / (os.clock() - t0)
  collectgarbage()
  t0 = os.clock()
  found = pass(dict_opts)
  with[r] = bytes / (1024 * 1024) / (os.clock() - t0)
end
local m0, m1 = median(without), median(with)
local ratios = {}
for r = 1, runs do ratios[r] = with[r] / without[r] end
print(string.format("  %-34s %8.2f MB/s", "lede.parse (alternated runs)", m0))
print(string.format("  %-34s %8.2f MB/s", "lede.parse + 100k-name dictionary", m1))
print(string.format("  with the dictionary: slowdown %.1f%% (median of the runs' ratios %.3f), %d entities per pass",
  100 * (1 - median(ratios)), median(ratios), found))

-- the example packs together (regex, token patterns, Lua value functions)
local root = here .. "/.."
local ok, packs = pcall(lede.rules, root .. "/examples/military.lua", root .. "/examples/redact.lua")
if ok then
  local with_packs = measure("lede.parse + military and redact packs", function()
    local o = { rules = packs }
    for i = 1, #texts do
      local doc = parse(texts[i], o)
      local _ = doc.title
    end
  end)
  print(string.format("  with the example packs (redaction included): %.1f%% of the full pipeline's MB/s",
    100 * with_packs / m0))
end
