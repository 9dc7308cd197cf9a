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

--- Frames a list of strings.
function M.pack(list)
  local head = { tostring(#list) }
  for i = 1, #list do head[i + 1] = tostring(#list[i]) end
  return table.concat(head, " ") .. "\n" .. table.concat(list)
end

-- A buffered reader over a file descriptor.
local Reader = {}
Reader.__index = Reader

function M.reader(fd)
  return setmetatable({ fd = fd, buf = "", eof = false }, Reader)
end

-- Reads once from the fd into the buffer (blocks if nothing is there);
-- false at end of file.
function Reader:fill()
  if self.eof then return false end
  local s, err = proc.read(self.fd, 65536)
  if not s then error("lede: read: " .. tostring(err), 0) end
  if s == "" then
    self.eof = true
    return false
  end
  self.buf = self.buf == "" and s or self.buf .. s
  return true
end

--- Reads one framed message (a list of strings), or nil at end of file
-- (or if the stream ends inside a message).
function Reader:message()
  local nl = self.buf:find("\n", 1, true)
  while not nl do
    if not self:fill() then return nil end
    nl = self.buf:find("\n", 1, true)
  end
  local head = self.buf:sub(1, nl - 1)
  local lens = {}
  for n in head:gmatch("%d+") do lens[#lens + 1] = tonumber(n) end
  local count = table.remove(lens, 1)
  if not count or #lens ~= count then error("lede: bad message from a worker", 0) end
  local total = 0
  for _, n in ipairs(lens) do total = total + n end
  local have = #self.buf - nl
  if have < total then
    -- gather the rest in chunks (a table, not repeated concatenation)
    local parts, got = { self.buf:sub(nl + 1) }, have
    self.buf = ""
    while got < total do
      local s = proc.read(self.fd, math.min(total - got, 1048576))
      if not s or s == "" then self.eof = true; return nil end
      parts[#parts + 1] = s
      got = got + #s
    end
    self.buf = table.concat(parts)
    nl = 0
  end
  local list, pos = {}, nl + 1
  for i, n in ipairs(lens) do
    list[i] = self.buf:sub(pos, pos + n - 1)
    pos = pos + n
  end
  self.buf = self.buf:sub(pos)
  return list
end

--- Unframes a list of strings from a string (the inverse of pack).
function M.unpack(s)
  local nl = s:find("\n", 1, true)
  local lens = {}
  for n in s:sub(1, nl - 1):gmatch("%d+") do lens[#lens + 1] = tonumber(n) end
  table.remove(lens, 1)
  local list, pos = {}, nl + 1
  for i, n in ipairs(lens) do
    list[i] = s:sub(pos, pos + n - 1)
    pos = pos + n
  end
  return list
end

-- The worker's loop: read a request (a chunk of packed items), answer it
-- (a chunk of packed replies), until the parent closes the pipe.
local function worker_main(req_fd, res_fd, work)
  local r = M.reader(req_fd)
  while true do
    local ok, msg = pcall(r.message, r)
    if not ok or not msg then proc._exit(0) end
    local replies = {}
    for i, packed in ipairs(msg) do
      local ok2, reply = pcall(work, M.unpack(packed))
      if not ok2 then reply = { "!", tostring(reply) } end
      replies[i] = M.pack(reply)
    end
    if not proc.write(res_fd, M.pack(replies)) then proc._exit(1) end
  end
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
--   `chunk` items at most in one request (default 64; small items go to a
--   worker together, so that the pipes cost little per item), `chunk_bytes`
--   (default 256 KiB), `window` undelivered items at most (default
--   4 * n * chunk) and `window_bytes` (default 64 MiB, but always room for
--   one chunk per worker).
function M.run(o)
  local n = o.n
  local chunk_max = o.chunk or 64
  local chunk_bytes = o.chunk_bytes or 262144
  local window = o.window or math.max(4 * n * chunk_max, 16)
  local window_bytes = o.window_bytes or 64 * 1048576
  local weight = o.weight or function(item)
    local w = 0
    for _, s in ipairs(item) do w = w + #s end
    return w
  end
  local workers = {}

  local function spawn()
    local req_r, req_w = proc.pipe()
    local res_r, res_w = proc.pipe()
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
    return { pid = pid, req_w = req_w, res_r = res_r, reader = M.reader(res_r), alive = true }
  end

  proc.sigpipe(true)
  for i = 1, n do workers[i] = spawn() end

  local next_seq, next_out = 1, 1
  local pending = {} -- seq -> { item, weight, reply }
  local undelivered_bytes = 0
  local retry = {}   -- seqs of a crashed chunk, to run again one by one
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

  local function send(i, seqs)
    local w = workers[i]
    local packed = {}
    for k, seq in ipairs(seqs) do packed[k] = M.pack(pending[seq].item) end
    w.seqs = seqs
    return proc.write(w.req_w, M.pack(packed))
  end

  -- A worker died (or its pipe broke) holding w.seqs: one item alone is
  -- the culprit and fails; the items of a larger chunk run again alone.
  local function retire(i)
    local w = workers[i]
    w.alive = false
    proc.close(w.req_w)
    proc.close(w.res_r)
    local _, how, code = proc.waitpid(w.pid)
    local why = "worker process gone"
    if how == "signaled" then why = "worker process killed by signal " .. tostring(code)
    elseif how == "exited" then why = "worker process exited with code " .. tostring(code) end
    local seqs = w.seqs or {}
    w.seqs = nil
    if #seqs == 1 then
      local p = pending[seqs[1]]
      p.reply = o.on_crash(p.item, why)
    else
      for k = #seqs, 1, -1 do table.insert(retry, 1, seqs[k]) end
    end
    workers[i] = spawn()
  end

  while true do
    -- deliver what is done first: the window counts undelivered items
    flush()
    -- hand work to idle workers: an item to run again alone, or a chunk of
    -- the items ready now (never waiting for more)
    local want_input = false
    for i = 1, n do
      local w = workers[i]
      if not w.seqs then
        local seqs
        if #retry > 0 then
          seqs = { table.remove(retry, 1) }
        elseif not eof then
          seqs = {}
          local bytes = 0
          while #seqs < chunk_max and bytes < chunk_bytes and next_seq - next_out < window
            and (undelivered_bytes < window_bytes or #seqs == 0 and next_seq - next_out < n) do
            local item = o.source.next(false)
            if item == nil then eof = true; break end
            if item == false then want_input = true; break end
            local wt = weight(item)
            pending[next_seq] = { item = item, weight = wt }
            undelivered_bytes = undelivered_bytes + wt
            seqs[#seqs + 1] = next_seq
            next_seq = next_seq + 1
            bytes = bytes + wt
          end
        end
        if seqs and #seqs > 0 then
          if not send(i, seqs) then retire(i) end
        end
        if want_input or eof then break end
      end
    end
    flush()
    local busy = #retry > 0
    for i = 1, n do if workers[i].seqs then busy = true end end
    if eof and not busy then break end
    -- wait for replies, or for input when a worker is idle
    local fds, who = {}, {}
    for i = 1, n do
      if workers[i].seqs then
        fds[#fds + 1] = workers[i].res_r
        who[#fds] = i
      end
    end
    local src_fd = want_input and o.source.fd and o.source.fd()
    if src_fd then fds[#fds + 1] = src_fd end
    local ready = #fds > 0 and proc.poll(fds, 200) or {}
    if src_fd and ready[#fds] then o.source.fill() end
    for k, i in pairs(who) do
      if ready[k] then
        local w = workers[i]
        local ok, msg = pcall(w.reader.message, w.reader)
        if ok and msg and #msg == #w.seqs then
          for j, seq in ipairs(w.seqs) do pending[seq].reply = M.unpack(msg[j]) end
          w.seqs = nil
        else
          retire(i)
        end
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
