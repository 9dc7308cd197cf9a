-- lede.workers, the ordered pool behind `lede -j`, on its own: items that
-- take uneven times come back in order; a source that is sometimes not
-- ready; replies that arrive together; a worker that dies with items queued.
local workers = require "lede.workers"
local proc = require "lede.proc"

-- busy work of a length that depends on the item, so workers finish out of order
local function spin(n)
  local x = 0
  for i = 1, n * 20000 do x = x + i % 7 end
  return x
end

-- A hung pool fails its test (within 120 s) rather than stalling the suite:
-- the parent returns to Lua at least every 200 ms, where this hook looks.
local function with_deadline(seconds, fn)
  local deadline = proc.now() + seconds
  debug.sethook(function()
    if proc.now() > deadline then
      debug.sethook()
      error("the pool hung for " .. seconds .. " s")
    end
  end, "", 1000)
  local ok, err = pcall(fn)
  debug.sethook()
  if not ok then error(err, 0) end
end

local function run_pool(o)
  local delivered = {}
  local i = 0
  local src = o.source or {
    next = function()
      i = i + 1
      if i > o.count then return nil end
      return { tostring(i), string.rep("x", (i * 37) % 300) }
    end,
  }
  with_deadline(120, function() workers.run({
    n = o.n or 3,
    depth = o.depth,
    window = o.window,
    source = src,
    work = o.work or function(item)
      local k = tonumber(item[1])
      spin((k * 7919) % 13)
      return { item[1], tostring(#item[2]), tostring(proc.getpid()) }
    end,
    deliver = function(item, reply) delivered[#delivered + 1] = { item = item, reply = reply } end,
    on_crash = o.on_crash or function(item, why) return { item[1], "crash", why } end,
  }) end)
  return delivered
end

describe("lede.workers", function()
  it("packs and unpacks lists of strings", function()
    local list = { "", "a\nb", string.rep("z", 70000), "12 34\n" }
    assert.same(list, workers.unpack(workers.pack(list)))
  end)

  it("delivers in input order whatever order the workers finish in", function()
    for _, depth in ipairs({ 1, 2, 3 }) do
      local got = run_pool({ count = 300, n = 3, depth = depth, window = 7 })
      assert.equal(300, #got)
      local pids = {}
      for k, d in ipairs(got) do
        assert.equal(tostring(k), d.reply[1])
        assert.equal(d.item[2]:len(), tonumber(d.reply[2]))
        pids[d.reply[3]] = true
      end
      local n = 0
      for pid in pairs(pids) do
        n = n + 1
        assert.are_not.equal(tostring(proc.getpid()), pid)
      end
      assert.is_true(n >= 2, "work spread over the workers")
    end
  end)

  it("waits for a source that is not ready, without losing items", function()
    local i, calls = 0, 0
    local src = { next = function()
      calls = calls + 1
      if calls % 3 == 0 then return false end -- nothing ready just now
      i = i + 1
      if i > 50 then return nil end
      return { tostring(i), "" }
    end }
    local got = run_pool({ source = src, n = 2 })
    assert.equal(50, #got)
    for k, d in ipairs(got) do assert.equal(tostring(k), d.reply[1]) end
  end)

  it("takes several replies that arrive in one read", function()
    -- tiny items, two queued per worker: replies often land together
    local got = run_pool({ count = 2000, n = 2, depth = 2,
      work = function(item) return { item[1] } end })
    assert.equal(2000, #got)
    for k, d in ipairs(got) do assert.equal(tostring(k), d.reply[1]) end
  end)

  it("survives a worker that dies: its items go to on_crash, the rest goes on", function()
    local crashed = {}
    local got = run_pool({ count = 60, n = 2, depth = 2,
      work = function(item)
        if item[1] == "17" then proc.kill(proc.getpid(), 9) end
        return { item[1], "ok" }
      end,
      on_crash = function(item, why)
        crashed[#crashed + 1] = item[1]
        -- as lede does: run it again alone; only the culprit fails again
        local reply, why2 = workers.isolate(function()
          if item[1] == "17" then proc.kill(proc.getpid(), 9) end
          return { item[1], "ok" }
        end)
        return reply or { item[1], "crash", why2 }
      end })
    assert.equal(60, #got)
    for k, d in ipairs(got) do
      assert.equal(tostring(k), d.reply[1])
      if k == 17 then
        assert.equal("crash", d.reply[2])
        assert.matches("signal 9", d.reply[3])
      else
        assert.equal("ok", d.reply[2])
      end
    end
    assert.is_true(#crashed >= 1)
  end)

  it("isolate returns a reply, or how the child died", function()
    assert.same({ "a", "b" }, workers.isolate(function() return { "a", "b" } end))
    local r, why = workers.isolate(function() proc._exit(3) end)
    assert.is_nil(r)
    assert.matches("exited with code 3", why)
    local r2 = workers.isolate(function() error("boom") end)
    assert.equal("!", r2[1])
    assert.matches("boom", r2[2])
  end)
end)
