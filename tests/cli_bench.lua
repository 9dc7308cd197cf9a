-- Throughput of `lede parse --jsonl` and `lede render -f html` with -j 1
-- and -j 2 (make cli-bench): JSON lines of an invented article, the median
-- of 3 runs, with the CPU time of the parent and of its workers (on a
-- shared machine the wall time says more about the neighbours than about
-- lede; the CPU split says what -j costs). Not a test: a measure.
local lede = require "lede"

local mb = tonumber(arg[1]) or 50
local path = arg[2] or "tests/out/cli-bench.jsonl"

local ARTICLE = assert(io.open("tests/fixtures/ferry_link.txt")):read("a") -- an invented wire story

local f = assert(io.open(path, "wb"))
local body = lede.json.encode(ARTICLE)
local size, i = 0, 0
while size < mb * 1e6 do
  i = i + 1
  local line = '{"id":' .. i .. ',"text":' .. body .. "}\n"
  f:write(line)
  size = size + #line
end
f:close()

-- One run in a child Lua: wall time, and the CPU time of the parent and of
-- its workers (from /proc/self/stat at the end of the run).
local probe = [[
local t0 = require("lede.proc").now()
local rc = require("lede.cli").main(arg)
local wall = require("lede.proc").now() - t0
local f = {}
for x in io.open("/proc/self/stat"):read("a"):gsub("^.-%) ", ""):gmatch("%S+") do f[#f + 1] = x end
local hz = 100
io.stderr:write(string.format("PROBE %.3f %.2f %.2f\n", wall, (f[12] + f[13]) / hz, (f[14] + f[15]) / hz))
]]
local lua = arg[-1] or "lua5.4"
local function run(args)
  local times = {}
  for r = 1, 3 do
    local p = io.popen(lua .. " -e '" .. probe .. "' /dev/null " .. args .. " 2>&1 >/dev/null | grep PROBE")
    local w, parent, children = p:read("a"):match("PROBE ([%d.]+) ([%d.]+) ([%d.]+)")
    p:close()
    times[r] = { tonumber(w), tonumber(parent), tonumber(children) }
  end
  table.sort(times, function(a, b) return a[1] < b[1] end)
  return times[2]
end
print(string.format("%d documents, %.1f MB (%d cores; load %s)", i, size / 1e6,
  tonumber(io.popen("nproc"):read("a")) or 0, (io.open("/proc/loadavg"):read("a"):match("^(%S+)"))))
for _, what in ipairs({ "parse --jsonl", "render -f html" }) do
  for _, j in ipairs({ 1, 2 }) do
    local t = run(what .. " -q -j " .. j .. " " .. path)
    print(string.format("lede %-15s -j %d: %6.2f s  %5.1f MB/s  %6.0f docs/s  CPU parent %.2f s, workers %.2f s",
      what, j, t[1], size / 1e6 / t[1], i / t[1], t[2], t[3]))
  end
end
os.remove(path)
