-- Batches: -j worker processes keep the input order; `lede parse --jsonl` is
-- a line-buffered streaming filter in constant memory (measured over 20 MB
-- and 200 MB of JSON lines), so GNU parallel over split input gives the same
-- lines as one process; the progress bar shows on terminals only.
-- The input is generated here from an invented article, not from a corpus.
local lede = require "lede"
local H = require "helpers"

local json = lede.json
-- (under timeout: a hang fails the test instead of stopping the suite)
local bin = "timeout 300 " .. H.lede_bin()
local dir = H.root .. "/tests/out/batch"

local ARTICLE = H.fixture("ferry_link.txt") -- an invented wire story

local function have(cmd)
  local _, rc = H.run("command -v " .. cmd .. " >/dev/null 2>&1")
  return rc == 0
end

-- Writes n JSON lines of the article (every `big`-th one `factor` times
-- longer, so that workers finish out of order); returns the path and size.
local function gen(name, n, big, factor)
  local path = dir .. "/" .. name
  local f = assert(io.open(path, "wb"))
  local text = json.encode(ARTICLE):sub(2, -2)
  local long = json.encode(string.rep(ARTICLE .. "\n", factor or 1)):sub(2, -2)
  local buf = {}
  for i = 1, n do
    buf[#buf + 1] = '{"id":' .. i .. ',"text":"' .. ((big and i % big == 0) and long or text) .. '"}\n'
    if #buf == 512 then f:write(table.concat(buf)); buf = {} end
  end
  f:write(table.concat(buf))
  local size = f:seek("end")
  f:close()
  return path, size
end

-- Writes bytes until the file reaches `bytes`.
local function gen_size(name, bytes)
  local line_len = #('{"id":1,"text":"' .. json.encode(ARTICLE):sub(2, -2) .. '"}\n') -- the shortest
  return gen(name, math.ceil(bytes / line_len))
end

local function ids_of(out)
  local t = {}
  for l in out:gmatch("[^\n]+") do t[#t + 1] = json.decode(l).id end
  return t
end

describe("lede batches", function()
  setup(function() os.execute("rm -rf '" .. dir .. "' && mkdir -p '" .. dir .. "'") end)

  it("-j 2 keeps the input order over a few hundred records", function()
    local input = gen("order.jsonl", 400, 7, 40)
    local one, rc1 = H.run(bin .. " parse -j 1 " .. input)
    local two, rc2 = H.run(bin .. " parse -j 2 " .. input)
    local dflt, rc3 = H.run(bin .. " parse " .. input) -- one worker per core
    assert.equal(0, rc1)
    assert.equal(0, rc2)
    assert.equal(0, rc3)
    local ids = ids_of(two)
    assert.equal(400, #ids)
    for i = 1, 400 do assert.equal(i, ids[i]) end
    assert.equal(one, two)
    assert.equal(one, dflt)
    -- through a pipe on both sides, and to a slow reader
    local piped = H.run("cat " .. input .. " | " .. bin .. " parse --jsonl -j 2 | (sleep 1; cat)")
    assert.equal(one, piped)
    -- other formats too
    assert.equal((H.run(bin .. " entities -f csv -j 1 " .. input)), (H.run(bin .. " entities -f csv -j 2 " .. input)))
    assert.equal((H.run(bin .. " render -f conll -j 1 " .. input)), (H.run(bin .. " render -f conll -j 3 " .. input)))
  end)

  it("stops reading when the output is gone (| head), as a filter killed by SIGPIPE", function()
    local input = gen("head.jsonl", 3000)
    for _, j in ipairs({ 1, 2 }) do
      local out = H.run("bash -c '" .. bin .. " parse -j " .. j .. " " .. input ..
        " 2>" .. dir .. "/head.err | head -c 10 >/dev/null; echo ${PIPESTATUS[0]}'")
      assert.equal("141", out:match("%d+"), "-j " .. j)
      assert.equal("", H.read(dir .. "/head.err"))
    end
  end)

  for _, j in ipairs({ 1, 2 }) do
    it("-j " .. j .. " writes each line's result before the next line comes (line-buffered)", function()
      if H.skip_instrumented(pending, "a time bound") then return end
      local rec = json.encode({ id = 1, text = ARTICLE })
      -- the first result must come out while the writer still sleeps
      local cmd = "start=$(date +%s%N); { printf '%s\\n' '" .. rec:gsub("'", "'\\''") ..
        "'; sleep 3; printf '%s\\n' '{\"id\":2,\"text\":\"x\"}'; } | " ..
        bin .. " parse --jsonl -q -j " .. j .. " | { IFS= read -r first; " ..
        "echo $(( ($(date +%s%N) - start) / 1000000 )); echo \"$first\" | head -c 8; echo; cat | head -c 8; }"
      local out = H.run(cmd)
      local ms, first, second = out:match("^(%d+)\n(.-)\n(.*)$")
      assert.is_string(ms, out)
      assert.is_true(tonumber(ms) < 2500, "first line after " .. ms .. " ms")
      assert.equal('{"id":1,', first)
      assert.equal('{"id":2,', second)
    end)
  end

  it("streams in constant memory: 20 MB and 200 MB of JSON lines (RSS measured)", function()
    if H.skip_instrumented(pending, "resident memory") then return end
    if not have("/usr/bin/time") then
      pending("/usr/bin/time (Debian package time) is not installed")
      return
    end
    local small, small_size = gen_size("stream20.jsonl", 20e6)
    local big, big_size = gen_size("stream200.jsonl", 200e6)
    local function measure(input, jobs)
      local out = H.run("/usr/bin/time -f 'rss_kb=%M secs=%e' " .. bin .. " parse --jsonl -q -j " .. jobs ..
        " " .. input .. " 2>&1 >/dev/null | tail -1")
      local kb, secs = out:match("rss_kb=(%d+) secs=([%d%.]+)")
      assert.is_string(kb, out)
      return tonumber(kb) / 1024, tonumber(secs)
    end
    local rss20, t20 = measure(small, 1)
    local rss200, t200 = measure(big, 1)
    local rss20j, t20j = measure(small, 2)
    local report = string.format(
      "streaming: %.0f MB in %.1f s -> max RSS %.1f MB; %.0f MB in %.1f s -> max RSS %.1f MB; -j 2 on %.0f MB: %.1f s, max RSS %.1f MB\n",
      small_size / 1e6, t20, rss20, big_size / 1e6, t200, rss200, small_size / 1e6, t20j, rss20j)
    local f = io.open(dir .. "/streaming.txt", "w")
    f:write(report)
    f:close()
    assert.is_true(big_size >= 200e6)
    assert.is_true(rss20 < 100, report)
    assert.is_true(rss200 < 100, report)
    assert.is_true(rss20j < 100, report)
    -- flat: ten times the input, not more memory (a few MB of noise allowed)
    assert.is_true(rss200 < rss20 * 1.25 + 4, report)
    os.remove(big)
  end)

  it("GNU parallel over split input gives the same lines as one process", function()
    if H.skip_instrumented(pending, "GNU parallel (perl)") then return end
    if not have("parallel") then
      pending("GNU parallel (Debian package parallel) is not installed")
      return
    end
    local input = gen_size("split.jsonl", 8e6)
    local one = dir .. "/one.out"
    local many = dir .. "/parallel.out"
    local _, rc1 = H.run(bin .. " parse --jsonl -q -j 1 < " .. input .. " > " .. one)
    local _, rc2 = H.run("parallel --will-cite --pipe --keep-order --block 1M -j 2 " .. bin ..
      " parse --jsonl -q -j 1 < " .. input .. " > " .. many)
    assert.equal(0, rc1)
    assert.equal(0, rc2)
    local a, b = H.read(one), H.read(many)
    assert.is_true(#a > 8e6)
    assert.is_true(a == b, "outputs differ")
    os.remove(one)
    os.remove(many)
  end)

  describe("the progress bar", function()
    local input
    setup(function() input = gen("progress.jsonl", 300) end)

    -- script(1) itself runs without an ASan runtime preloaded by make
    -- check-asan (it is not ours, and it leaks); the command inside gets it back
    local function on_tty(args)
      local preload = os.getenv("LD_PRELOAD")
      local inner = (preload and "LD_PRELOAD='" .. preload .. "' " or "") .. bin .. " " .. args .. " " .. input ..
        " > " .. dir .. "/progress.out"
      return H.run("LEDE_PROGRESS_DELAY=0 env -u LD_PRELOAD script -qfec " .. string.format("%q", inner) .. " /dev/null")
    end

    it("shows documents, MB, MB/s and ETA on a terminal", function()
      if not have("script") then pending("script (bsdutils) is not installed") return end
      local tty, rc = on_tty("parse -j 2")
      assert.equal(0, rc)
      assert.matches("%d+ docs", tty)
      assert.matches("MB/s", tty)
      assert.matches("ETA %d+:%d%d", tty)
      assert.matches("%[#+%-*%]", tty)
      assert.matches("300 docs", tty)
      assert.equal(300, #ids_of(H.read(dir .. "/progress.out")))
    end)

    it("stays off with --quiet, and when stderr is not a terminal", function()
      if not have("script") then pending("script (bsdutils) is not installed") return end
      local tty = on_tty("parse -q")
      assert.is_nil(tty:find("docs", 1, true))
      local out = H.run("LEDE_PROGRESS_DELAY=0 " .. bin .. " parse " .. input .. " 2>&1 >/dev/null")
      assert.equal("", out)
    end)
  end)
end)
