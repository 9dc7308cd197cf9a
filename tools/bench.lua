#!/usr/bin/env lua5.4
-- make bench CORPUS=path.jsonl [RUNS=7]
--
-- MB/s of lede.parse over the texts of a JSON-lines corpus (the full
-- pipeline, called from Lua, with results reached from Lua), and in the same
-- run MB/s of a bare pass of the core over the same bytes (tokenizing only),
-- so the ratio can be read. CPU time of this process (os.clock), one core.
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
