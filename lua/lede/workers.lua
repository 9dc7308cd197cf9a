--- An ordered parallel map over forked worker processes.
--
-- The parent reads items from a source, hands each to an idle worker over a
-- pipe, and delivers the results in the order of the items, whatever order
-- they finish in. At most `window` items are between "read" and "delivered"
-- at any time, so memory stays bounded however long the input. A worker
-- that dies (a crash in C, a kill) is reported through `on_crash` for the
-- item it held, replaced by a new one, and the run goes on.
--
-- Messages are lists of strings framed as "<count> <len>...\n" + bytes.
-- Workers are forks of the parent: they share its loaded code and state at
-- the time of the fork and need no program to exec.
-- @module lede.workers
local proc = require "lede.proc"

local M = {}

--- Frames a list of strings: "<count> <len>...\n" then the strings.
function M.pack(list)
  local head = { tostring(#list) }
  for i = 1, #list do head[i + 1] = tostring(#list[i]) end
  local t = { table.concat(head, " ") .. "\n" }
  for i = 1, #list do t[i + 1] = list[i] end
  return table.concat(t) -- one copy of the strings, not two
end

--- Writes a list of strings framed as pack does, without joining them
-- (a reply can be large); true, or nil and a message.
function M.send(fd, list)
  local head = { tostring(#list) }
  for i = 1, #list do head[i + 1] = tostring(#list[i]) end
  local ok, err = proc.write(fd, table.concat(head, " ") .. "\n")
  for i = 1, #list do
    if not ok then break end
    if #list[i] > 0 then ok, err = proc.write(fd, list[i]) end
  end
  return ok, err
end

--- Unframes a list of strings packed in one string (the inverse of pack).
function M.unpack(s)
  local nl = s:find("\n", 1, true)
  local lens = {}
  for n in s:sub(1, nl - 1):gmatch("%d+") do lens[#lens + 1] = tonumber(n) end
  local list, pos = {}, nl + 1
  for i = 2, #lens do
    list[i - 1] = s:sub(pos, pos + lens[i] - 1)
    pos = pos + lens[i]
  end
  return list
end

-- A buffered reader over a file descriptor: `buf` holds what was read,
-- from `pos` on not yet consumed.
local Reader = {}
Reader.__index = Reader

function M.reader(fd)
  return setmetatable({ fd = fd, buf = "", pos = 1, eof = false }, Reader)
end

-- Reads once from the fd (blocks if nothing is there); false at end of file.
function Reader:fill()
  if self.eof then return false end
  local s, err = proc.read(self.fd, 65536)
  if not s then error("lede: read: " .. tostring(err), 0) end
  if s == "" then
    self.eof = true
    return false
  end
  if self.pos > #self.buf then
    self.buf = s
  else
    self.buf = self.buf:sub(self.pos) .. s
  end
  self.pos = 1
  return true
end

--- True when nothing read is left unconsumed.
function Reader:empty()
  return self.pos > #self.buf
end

-- The next n bytes (reading as needed), or nil if the stream ends first.
-- A long string is read into one buffer of its size (proc.readn).
function Reader:take(n)
  local avail = #self.buf - self.pos + 1
  if avail >= n then
    local s = self.buf:sub(self.pos, self.pos + n - 1)
    self.pos = self.pos + n
    return s
  end
  local head = avail > 0 and self.buf:sub(self.pos) or ""
  self.buf, self.pos = "", 1
  local s = proc.readn(self.fd, n, head)
  if not s then self.eof = true end
  return s
end

--- Reads one framed message (a list of strings), or nil at end of file
-- (or if the stream ends inside a message).
function Reader:message()
  local nl = self.buf:find("\n", self.pos, true)
  while not nl do
    if not self:fill() then return nil end
    nl = self.buf:find("\n", self.pos, true)
  end
  local lens = {}
  for n in self.buf:sub(self.pos, nl - 1):gmatch("%d+") do lens[#lens + 1] = tonumber(n) end
  self.pos = nl + 1
  local count = table.remove(lens, 1)
  if not count or #lens ~= count then error("lede: bad message from a worker", 0) end
  local list = {}
  for i, n in ipairs(lens) do
    local s = self:take(n)
    if not s then return nil end
    list[i] = s
  end
  return list
end

-- The worker's loop: read a request, answer it, until the parent closes the
-- pipe. An error in `work` is a reply of its own: { "!", message }.
local function worker_main(req_fd, res_fd, work)
  local r = M.reader(req_fd)
  while true do
    local ok, msg = pcall(r.message, r)
    if not ok or not msg then proc._exit(0) end
    local ok2, reply = pcall(work, msg)
    if not ok2 then reply = { "!", tostring(reply) } end
    if not M.send(res_fd, reply) then proc._exit(1) end
  end
end

local function death(pid)
  local _, how, code = proc.waitpid(pid)
  if how == "signaled" then return "worker process killed by signal " .. tostring(code) end
  if how == "exited" then return "worker process exited with code " .. tostring(code) end
  return "worker process gone"
end

--- Runs fn(arg) in a forked child and returns its reply (a list of
-- strings), or nil and how the child died. For work that may crash.
function M.isolate(fn, arg)
  local r, w = proc.pipe()
  local pid = proc.fork()
  if not pid then
    proc.close(r); proc.close(w)
    return nil, "cannot fork"
  end
  if pid == 0 then
    proc.close(r)
    local ok, reply = pcall(fn, arg)
    if not ok then reply = { "!", tostring(reply) } end
    proc.write(w, M.pack(reply))
    proc._exit(0)
  end
  proc.close(w)
  local rd = M.reader(r)
  local ok, msg = pcall(rd.message, rd)
  proc.close(r)
  local why = death(pid)
  if ok and msg then return msg end
  return nil, why
end

--- Runs the pool.
-- @tparam table o
--   `n` workers;
--   `source` with `next(block)` returning an item (a list of strings), nil
--   at the end, or false when none is ready without blocking (then
--   `source.fd()` gives the descriptor to wait on, and `source.fill()` reads
--   once from it);
--   `work(item) -> reply` (a list of strings; runs in the workers);
--   `deliver(item, reply)` (in the parent, in input order), `delivered()`
--   after each run of deliveries (to flush the output);
--   `on_crash(item, reason) -> reply` (in the parent) for an item whose
--   worker died;
--   `weight(item)` its size in bytes (default: of its strings);
--   `tick()` called at least every 200 ms (progress);
--   `depth` items queued at most per worker (default 2: a worker finds its
--   next item waiting when it is done with one, even when the parent is
--   slow to get the processor back);
--   `window` undelivered items at most (default 4 * n * depth) and
--   `window_bytes` (default 64 MiB, but always room for one item per worker).
--
-- The parent never blocks writing to a busy worker: an item goes to a
-- worker that has others queued only if all of them fit in its pipe, so a
-- worker stuck writing a reply can never wait on a parent stuck writing a
-- request.
function M.run(o)
  local n = o.n
  local depth = o.depth or 2
  local window = o.window or 4 * n * depth
  local window_bytes = o.window_bytes or 64 * 1048576
  local weight = o.weight or function(item)
    local w = 0
    for _, s in ipairs(item) do w = w + #s end
    return w
  end
  local workers = {}

  local function spawn()
    local req_r, req_w, cap = proc.pipe(1048576)
    local res_r, res_w = proc.pipe(1048576)
    if not req_r or not res_r then error("lede: cannot make a pipe for a worker", 0) end
    local pid, err = proc.fork()
    if not pid then error("lede: " .. tostring(err), 0) end
    if pid == 0 then
      -- the child: keep only its own two ends
      proc.close(req_w)
      proc.close(res_r)
      for _, w in ipairs(workers) do
        if w.alive then proc.close(w.req_w); proc.close(w.res_r) end
      end
      worker_main(req_r, res_w, o.work)
      proc._exit(0)
    end
    proc.close(req_r)
    proc.close(res_w)
    return { pid = pid, req_w = req_w, res_r = res_r, reader = M.reader(res_r), alive = true,
      cap = cap, queue = {}, queued = 0 }
  end

  proc.sigpipe(true)
  for i = 1, n do workers[i] = spawn() end

  local next_seq, next_out = 1, 1
  local pending = {} -- seq -> { item, weight, size, reply }
  local undelivered_bytes = 0
  local eof = false

  local function flush()
    local any = false
    while pending[next_out] and pending[next_out].reply do
      local p = pending[next_out]
      pending[next_out] = nil
      next_out = next_out + 1
      undelivered_bytes = undelivered_bytes - p.weight
      o.deliver(p.item, p.reply)
      any = true
    end
    if any and o.delivered then o.delivered() end
  end

  -- A worker died (or its pipe broke): each item it held gets what
  -- on_crash makes of it, a new worker takes the place.
  local function retire(i)
    local w = workers[i]
    w.alive = false
    proc.close(w.req_w)
    proc.close(w.res_r)
    local why = death(w.pid)
    for _, seq in ipairs(w.queue) do
      local p = pending[seq]
      p.reply = o.on_crash(p.item, why)
    end
    workers[i] = spawn()
  end

  -- the next item from the source, kept here until a worker can take it
  local held
  local want_input = false
  local function peek()
    if held or eof then return held end
    local item = o.source.next(false)
    if item == nil then
      eof = true
    elseif item == false then
      want_input = true
    else
      local packed = M.pack(item)
      held = { item = item, packed = packed, weight = weight(item) }
    end
    return held
  end

  while true do
    -- deliver what is done first: the window counts undelivered items
    flush()
    -- hand items to workers: the idle ones first, then the ones with room
    want_input = false
    for pass = 0, depth - 1 do
      for i = 1, n do
        local w = workers[i]
        if #w.queue == pass and next_seq - next_out < window
          and (undelivered_bytes < window_bytes or next_seq - next_out < n) then
          local h = peek()
          if h and (pass == 0 or w.queued + #h.packed <= w.cap) then
            held = nil
            pending[next_seq] = { item = h.item, weight = h.weight, size = #h.packed }
            undelivered_bytes = undelivered_bytes + h.weight
            w.queue[#w.queue + 1] = next_seq
            w.queued = w.queued + #h.packed
            next_seq = next_seq + 1
            if not proc.write(w.req_w, h.packed) then retire(i) end
          end
        end
      end
    end
    flush()
    local busy = held ~= nil
    for i = 1, n do if #workers[i].queue > 0 then busy = true end end
    if eof and not busy then break end
    -- wait for replies, or for input when there is room for it
    local fds, who = {}, {}
    for i = 1, n do
      if #workers[i].queue > 0 then
        fds[#fds + 1] = workers[i].res_r
        who[#fds] = i
      end
    end
    local src_fd = want_input and not held and o.source.fd and o.source.fd()
    if src_fd then fds[#fds + 1] = src_fd end
    local ready = #fds > 0 and proc.poll(fds, 200) or {}
    if src_fd and ready[#fds] then o.source.fill() end
    for k, i in pairs(who) do
      if ready[k] then
        local w = workers[i]
        -- one read may bring several replies: take every one in the buffer
        -- (poll cannot see them there)
        repeat
          local ok, msg = pcall(w.reader.message, w.reader)
          if ok and msg then
            local seq = table.remove(w.queue, 1)
            w.queued = w.queued - pending[seq].size
            pending[seq].reply = msg
          else
            retire(i)
            break
          end
        until #w.queue == 0 or w.reader:empty()
      end
    end
    if o.tick then o.tick() end
  end
  flush()
  for i = 1, n do
    local w = workers[i]
    if w.alive then
      proc.close(w.req_w)
      proc.close(w.res_r)
      proc.waitpid(w.pid)
      w.alive = false
    end
  end
  proc.sigpipe(false)
end

return M
