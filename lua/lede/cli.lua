--- The `lede` command line: `lede parse`, `lede entities`, `lede render`.
--
-- Every document goes through one function (`process`): read, parse,
-- render to a string. With `-j N` (N > 1) and a batch of documents, N
-- forked workers run it (`lede.workers`) and the parent writes the results
-- in input order; otherwise it runs in this process, one document at a
-- time, flushing after each (`lede parse --jsonl` is a line-buffered
-- streaming filter in constant memory).
-- @module lede.cli
local lede = require "lede"
local formats = require "lede.formats"
local proc = require "lede.proc"
local workers = require "lede.workers"

local json = lede.json
local M = {}

local USAGE = [[
usage: lede parse    [options] [INPUT...]   the structure and entities (JSON)
       lede entities [options] [INPUT...]   only the entities, one row each (CSV)
       lede render   [options] [INPUT...]   a rendering (Markdown; --format html...)
       lede formats                         the output formats

INPUT is a file, a folder (walked recursively) or - for standard input (the
default). Files named *.jsonl or *.ndjson, and standard input with --jsonl,
hold JSON lines {"id": ..., "text": ...} (or "html"); *.html and *.htm files
are HTML; anything else is text.

options:
  -f, --format FMT   json, jsonl, csv, md, html, conll, brat, or a registered
                     format (defaults: parse json, or jsonl for several
                     documents; entities csv; render md)
  -o, --output PATH  write to PATH; a directory (existing, or PATH ending in /)
                     gets one file per document
  --jsonl            standard input is JSON lines (and output JSON lines)
  --in KIND          read every input as text, html or jsonl
  --include GLOB     in folders, take only files matching GLOB (repeatable)
  --exclude GLOB     in folders, skip files and folders matching GLOB
                     (repeatable); a GLOB with no / matches the name, one with
                     / the path below the folder; ** crosses folders
  --rules FILE       a rule pack (repeatable)
  --date DATE        reference date (ISO 8601) for articles that print none
  --tz ZONE          zone of that date and of times printed without one
  --source NAME      source hint (agency or site)
  --pretty           indent JSON (the default for json)
  --compact          JSON on one line
  -j, --jobs N       worker processes (default: one per core, or $LEDE_JOBS)
  -q, --quiet        no progress bar (it only shows on a terminal anyway)
  -h, --help         this help
  --version          the version

Exit codes: 0 all documents done, 1 some failed (each reported on stderr,
the others written), 2 usage errors.
]]

-- ---------------------------------------------------------------------------
-- arguments

local function usage_error(msg)
  error({ usage = msg }, 0)
end

local function parse_args(argv)
  local o = { args = {}, rules = {}, include = {}, exclude = {} }
  local i = 1
  local only_inputs = false
  while i <= #argv do
    local a = argv[i]
    local function value()
      i = i + 1
      if argv[i] == nil then usage_error("option " .. a .. " needs a value") end
      return argv[i]
    end
    -- --opt=value
    local name, inline = a:match("^(%-%-[%w%-]+)=(.*)$")
    if name then
      a = name
      table.insert(argv, i + 1, inline)
    end
    if only_inputs or a == "-" or a:sub(1, 1) ~= "-" then o.args[#o.args + 1] = a
    elseif a == "--" then only_inputs = true
    elseif a == "--jsonl" then o.jsonl = true
    elseif a == "--pretty" then o.pretty = true
    elseif a == "--compact" then o.pretty = false
    elseif a == "-f" or a == "--format" then o.format = value()
    elseif a == "-o" or a == "--output" then o.output = value()
    elseif a == "--in" then
      o.input_kind = value()
      if o.input_kind ~= "text" and o.input_kind ~= "html" and o.input_kind ~= "jsonl" then
        usage_error("--in takes text, html or jsonl, not '" .. o.input_kind .. "'")
      end
    elseif a == "--include" then o.include[#o.include + 1] = value()
    elseif a == "--exclude" then o.exclude[#o.exclude + 1] = value()
    elseif a == "--rules" then o.rules[#o.rules + 1] = value()
    elseif a == "--date" then o.date = value()
    elseif a == "--tz" then o.tz = value()
    elseif a == "--source" then o.source = value()
    elseif a == "-j" or a == "--jobs" then
      local v = value()
      o.jobs = tonumber(v)
      if not o.jobs or o.jobs < 1 or o.jobs ~= math.floor(o.jobs) or o.jobs > 1024 then
        usage_error("-j takes a number of processes (1 to 1024), not '" .. v .. "'")
      end
    elseif a:match("^%-j%d+$") then
      o.jobs = tonumber(a:sub(3))
      if o.jobs < 1 or o.jobs > 1024 then usage_error("-j takes 1 to 1024 processes") end
    elseif a == "-q" or a == "--quiet" then o.quiet = true
    elseif a == "-h" or a == "--help" then o.help = true
    elseif a == "--version" then o.version = true
    else usage_error("unknown option " .. a) end
    i = i + 1
  end
  return o
end

-- ---------------------------------------------------------------------------
-- inputs

--- A Lua pattern for a glob: * (not /), ** (anything), ?, [...].
function M.glob_pattern(glob)
  local out, i = { "^" }, 1
  while i <= #glob do
    local c = glob:sub(i, i)
    if c == "*" then
      if glob:sub(i + 1, i + 1) == "*" then
        i = i + 1
        if glob:sub(i + 1, i + 1) == "/" then
          out[#out + 1] = "(.-/?)"; i = i + 1 -- **/ matches zero or more folders
        else
          out[#out + 1] = ".*"
        end
      else
        out[#out + 1] = "[^/]*"
      end
    elseif c == "?" then
      out[#out + 1] = "[^/]"
    elseif c == "[" and glob:find("]", i + 2, true) then
      local j = glob:find("]", i + 2, true)
      local body = glob:sub(i + 1, j - 1):gsub("^!", "^"):gsub("%%", "%%%%")
      out[#out + 1] = "[" .. body .. "]"
      i = j
    else
      out[#out + 1] = c:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?]", "%%%0")
    end
    i = i + 1
  end
  out[#out + 1] = "$"
  return table.concat(out)
end

--- Does a path (relative to the walked folder) match a glob? A glob
-- without / matches the last component.
function M.glob_match(glob, rel)
  local pat = M.glob_pattern(glob)
  if glob:find("/", 1, true) then
    if rel:find(pat) then return true end
    -- "**/x" also matches "x" at the top
    return false
  end
  local base = rel:match("[^/]*$")
  return base:find(pat) ~= nil
end

local function kind_of(path, forced)
  if forced then return forced end
  local ext = path:match("%.([%w]+)$")
  ext = ext and ext:lower()
  if ext == "jsonl" or ext == "ndjson" then return "jsonl" end
  if ext == "html" or ext == "htm" or ext == "xhtml" then return "html" end
  return "text"
end

-- Files under a folder, sorted, filtered by the globs; hidden names (".x")
-- are skipped, folders reached by a symbolic link are not entered.
local function walk(root, o, out, problems)
  local function visit(dir, rel)
    local names, err = proc.dir(dir)
    if not names then problems[#problems + 1] = { dir, err }; return end
    table.sort(names)
    for _, name in ipairs(names) do
      if name:sub(1, 1) ~= "." then
        local path = dir:sub(-1) == "/" and dir .. name or dir .. "/" .. name
        local r = rel == "" and name or rel .. "/" .. name
        local lkind = proc.stat(path, true)
        local excluded = false
        for _, g in ipairs(o.exclude) do
          if M.glob_match(g, r) then excluded = true; break end
        end
        if not excluded then
          if lkind == "dir" then
            visit(path, r)
          else
            local kind, size = proc.stat(path)
            if kind == "file" then
              local take = #o.include == 0
              for _, g in ipairs(o.include) do
                if M.glob_match(g, r) then take = true; break end
              end
              if take then out[#out + 1] = { path = path, rel = r, size = size } end
            end
          end
        end
      end
    end
  end
  visit(root, "")
end

-- ---------------------------------------------------------------------------
-- sources: items are lists of strings (they cross to workers as they are)
--   { "file", path, kind, name, size }   a file to read
--   { "text", text, kind }               a text already read (standard input)
--   { "lines", block, name, tag }        whole JSON lines (tag: the source)
--   { "fail", path, message }            an input that cannot be read

-- JSON lines from a descriptor, in blocks of whole lines as they are read
-- (256 KiB at a time): the parent never looks at single lines, the workers
-- split them. next(block) returns false when no whole line is there and
-- blocking is not allowed. Memory: a block, and the part of a line read.
local serial = 0
local function jsonl_source(fd, name, on_close)
  serial = serial + 1
  local tag = tostring(serial)
  local held, ready, eof = {}, {}, false
  local s = {}
  function s.fill()
    if eof then return end
    local chunk, err = proc.read(fd, 262144)
    if not chunk then error("lede: " .. name .. ": " .. tostring(err), 0) end
    if chunk == "" then eof = true; return end
    if chunk:find("\n", 1, true) then
      local i = #chunk
      while chunk:byte(i) ~= 10 do i = i - 1 end
      held[#held + 1] = chunk:sub(1, i)
      ready[#ready + 1] = table.concat(held)
      held = { chunk:sub(i + 1) }
    else
      held[#held + 1] = chunk -- a long line: wait for its end
    end
  end
  function s.next(block)
    while true do
      if #ready > 0 then return { "lines", table.remove(ready, 1), name, tag } end
      if eof then
        local rest = table.concat(held)
        held = {}
        if rest ~= "" then return { "lines", rest, name, tag } end
        if on_close then on_close(); on_close = nil end
        return nil
      end
      if not block then return false end
      s.fill()
    end
  end
  function s.fd() return fd end
  return s
end

-- One source over the inputs in order.
local function chain(parts)
  local i, cur = 1, nil
  local s = {}
  function s.next(block)
    while true do
      if not cur then
        local p = parts[i]
        if not p then return nil end
        i = i + 1
        cur = p()
      end
      if cur then
        local item = cur.next(block)
        if item ~= nil then return item end
        cur = nil
      end
    end
  end
  function s.fd() return cur and cur.fd and cur.fd() end
  function s.fill() if cur and cur.fill then cur.fill() end end
  return s
end

local function one(item)
  local done = false
  return { next = function()
    if done then return nil end
    done = true
    return item
  end }
end

-- A JSONL file, opened when its turn comes; a failure to open it is an item
-- that fails (reported in its place).
local function open_jsonl(path)
  local fd, err = proc.open(path)
  if not fd then return one({ "fail", path, tostring(err) }) end
  return jsonl_source(fd, path, function() proc.close(fd) end)
end

-- ---------------------------------------------------------------------------
-- one document

local function read_file(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local s, rerr = f:read(M.read_all)
  f:close()
  if not s then return nil, path .. ": " .. tostring(rerr) end
  return s
end
M.read_all = _VERSION == "Lua 5.1" and "*a" or "a"

-- Parses a text (HTML through lede.parse_html once the binding has it;
-- until then HTML is parsed as text).
local function parse_text(text, kind, popts)
  if kind == "html" and type(lede.parse_html) == "function" then
    local ok, doc = pcall(lede.parse_html, text, popts)
    if ok then return doc end
    return nil, doc
  end
  return lede.try_parse(text, popts)
end

local function clean_message(msg)
  msg = tostring(msg):gsub("^lede%.parse: ", "")
  return msg
end

-- A reply is what became of one document, as a list of strings:
--   { "ok",  output,  id_json, where, bytes, line, ext1, companion1, ... }
--   { "err", message, id_json, where, bytes, line }
-- where: the file (or "-"); line: the JSON line's number within its block
-- ("" for a file); the parent makes "file:N" and "id X (file:N)" of them.
local function strip_prefix(msg, prefix)
  msg = tostring(msg)
  if msg:sub(1, #prefix + 2) == prefix .. ": " then return msg:sub(#prefix + 3) end
  return msg
end

local function doc_reply(text, input_kind, id, where, line, bytes, ctx)
  local id_json = json.encode(id == nil and json.null or id)
  local doc, perr = parse_text(text, input_kind, ctx.parse_opts)
  if not doc then return { "err", clean_message(perr), id_json, where, bytes, line } end
  local ok, out, comps = pcall(M.render, doc, id, ctx)
  if not ok then return { "err", "render: " .. tostring(out), id_json, where, bytes, line } end
  local reply = { "ok", out, id_json, where, bytes, line }
  if comps then
    local exts = {}
    for ext in pairs(comps) do exts[#exts + 1] = ext end
    table.sort(exts)
    for _, ext in ipairs(exts) do
      reply[#reply + 1] = ext
      reply[#reply + 1] = comps[ext]
    end
  end
  return reply
end

--- One JSON line (rel: its number within its block, a string).
function M.process_line(line, where, rel, ctx)
  local bytes = tostring(#line + 1)
  local ok, rec = pcall(json.decode, line)
  if not ok then return { "err", "not a JSON line: " .. clean_message(rec), "null", where, bytes, rel } end
  if type(rec) ~= "table" or rec[1] ~= nil then
    return { "err", "a JSON line must be an object with \"text\" or \"html\"", "null", where, bytes, rel }
  end
  local id = rec.id
  if id == json.null then id = nil end
  if ctx.crash_id and ctx.in_worker and id ~= nil and tostring(id) == ctx.crash_id then
    -- test hook (LEDE_TEST_CRASH=id): the process dies here, as on a crash in C
    proc.kill(proc.getpid(), 9)
  end
  if type(rec.text) == "string" then
    return doc_reply(rec.text, "text", id, where, rel, bytes, ctx)
  elseif type(rec.html) == "string" then
    return doc_reply(rec.html, "html", id, where, rel, bytes, ctx)
  end
  return { "err", "no \"text\" (or \"html\") string", json.encode(id == nil and json.null or id), where, bytes, rel }
end

-- Calls fn(line, rel) for each line of a block; returns the number of lines.
local function each_line(block, fn)
  local pos, rel, n = 1, 0, #block
  while pos <= n do
    local nl = block:find("\n", pos, true) or n + 1
    local line = block:sub(pos, nl - 1)
    pos = nl + 1
    rel = rel + 1
    if line:byte(-1) == 13 then line = line:sub(1, -2) end
    fn(line, rel)
  end
  return rel
end

--- The work on one item, here or in a worker: `{ lines = n, replies = {...} }`
-- (lines: how many lines a block of JSON lines held, blank ones too).
function M.work(item, ctx)
  local kind = item[1]
  if kind == "lines" then
    local replies = {}
    local all_ok = true
    local n = each_line(item[2], function(line, rel)
      if line:find("%S") then
        local r = M.process_line(line, item[3], tostring(rel), ctx)
        replies[#replies + 1] = r
        if r[1] ~= "ok" or r[7] then all_ok = false end
      end
    end)
    if all_ok and not ctx.to_files then
      -- the common case: the block's outputs joined here, so that the
      -- parent has one string to write for the whole block
      local outs, bytes = {}, 0
      for _, r in ipairs(replies) do
        if r[2] ~= "" then outs[#outs + 1] = r[2] end
        bytes = bytes + tonumber(r[5])
      end
      return { lines = n, joined = table.concat(outs, ctx.separator), count = #replies, bytes = bytes }
    end
    return { lines = n, replies = replies }
  elseif kind == "fail" then
    return { replies = { { "err", strip_prefix(item[3], item[2]), json.encode(item[2]), item[2], "0", "" } } }
  elseif kind == "file" then
    local path = item[2]
    local id = item[4] ~= "" and item[4] or path
    local text, err = read_file(path)
    if not text then
      return { replies = { { "err", strip_prefix(clean_message(err), path), json.encode(id), path, "0", "" } } }
    end
    return { replies = { doc_reply(text, item[3], id, path, "", tostring(#text), ctx) } }
  end
  -- a text read from standard input
  return { replies = { doc_reply(item[2], item[3], nil, "-", "", tostring(#item[2]), ctx) } }
end

-- The result of M.work as a list of strings (to cross a pipe), and back.
local function serialize(result)
  local list = { result.lines and tostring(result.lines) or "" }
  if result.joined then
    list[2], list[3], list[4], list[5] = "=", result.joined, tostring(result.count), tostring(result.bytes)
    return list
  end
  for i, r in ipairs(result.replies) do list[i + 1] = workers.pack(r) end
  return list
end

local function deserialize(list)
  if list[1] == "!" then return { error = list[2], replies = {} } end
  if list[2] == "=" then
    return { lines = tonumber(list[1]), joined = list[3], count = tonumber(list[4]), bytes = tonumber(list[5]) }
  end
  local result = { lines = tonumber(list[1]), replies = {} }
  for i = 2, #list do result.replies[i - 1] = workers.unpack(list[i]) end
  return result
end

-- After a worker died on an item: a block of lines is run again line by
-- line, each in a process of its own, so that only the culprit fails.
local function recover(item, reason, ctx)
  if item[1] ~= "lines" then
    local where = item[1] == "text" and "-" or item[2]
    local id_json = "null"
    if item[1] == "file" then id_json = json.encode(item[4] ~= "" and item[4] or item[2]) end
    return serialize({ replies = { { "err", reason, id_json, where, tostring(tonumber(item[5]) or 0), "" } } })
  end
  local replies = {}
  local n = each_line(item[2], function(line, rel)
    if not line:find("%S") then return end
    local msg, why = workers.isolate(function()
      return { workers.pack(M.process_line(line, item[3], tostring(rel), ctx)) }
    end)
    if msg and msg[1] ~= "!" then
      replies[#replies + 1] = workers.unpack(msg[1])
    else
      local id_json = "null"
      local ok, rec = pcall(json.decode, line)
      if ok and type(rec) == "table" and rec.id ~= nil then id_json = json.encode(rec.id) end
      replies[#replies + 1] = { "err", msg and tostring(msg[2]) or why, id_json, item[3], tostring(#line + 1),
        tostring(rel) }
    end
  end)
  return serialize({ lines = n, replies = replies })
end

-- Renders a parsed document with the chosen format.
function M.render(doc, id, ctx)
  local fmt = ctx.format
  local ropts = {}
  for k, v in pairs(ctx.render_opts) do ropts[k] = v end
  ropts.id = id
  local out
  if fmt.render_native and not ropts.entities_only then
    out = fmt.render_native(doc, ropts)
  else
    local t = doc:to_table()
    local text = doc.text
    out = fmt.render(t, text, ropts)
    if ctx.to_files and fmt.companions then return out, fmt.companions(t, text, ropts) end
  end
  if type(out) ~= "string" then error("format '" .. fmt.name .. "' returned " .. type(out) .. ", not a string") end
  return out
end

-- ---------------------------------------------------------------------------
-- progress (stderr, terminals only)

local function fmt_mb(b) return string.format("%.1f", b / 1048576) end

local function fmt_time(s)
  s = math.floor(s + 0.5)
  if s >= 3600 then return string.format("%d:%02d:%02d", math.floor(s / 3600), math.floor(s / 60) % 60, s % 60) end
  return string.format("%d:%02d", math.floor(s / 60), s % 60)
end

local function progress(enabled, total_bytes)
  local p = { docs = 0, bytes = 0, shown = false }
  local start = proc.now()
  local delay = tonumber(os.getenv("LEDE_PROGRESS_DELAY") or "") or 0.5
  local last = 0
  function p.line()
    local el = math.max(proc.now() - start, 1e-6)
    local rate = p.bytes / el
    local parts = {}
    if total_bytes and total_bytes > 0 then
      local frac = math.min(p.bytes / total_bytes, 1)
      local w = 24
      local fill = math.floor(frac * w + 0.5)
      parts[#parts + 1] = "[" .. string.rep("#", fill) .. string.rep("-", w - fill) .. "] " ..
        string.format("%3d%%", math.floor(frac * 100))
    end
    parts[#parts + 1] = p.docs .. " docs"
    parts[#parts + 1] = fmt_mb(p.bytes) .. (total_bytes and ("/" .. fmt_mb(total_bytes)) or "") .. " MB"
    parts[#parts + 1] = string.format("%.1f MB/s", rate / 1048576)
    if total_bytes and rate > 0 and p.bytes > 0 then
      parts[#parts + 1] = "ETA " .. fmt_time(math.max(total_bytes - p.bytes, 0) / rate)
    end
    return table.concat(parts, "  ")
  end
  function p.draw(force)
    if not enabled then return end
    local now = proc.now()
    if not force and (now - start < delay or now - last < 0.1) then return end
    last = now
    io.stderr:write("\r\27[K", p.line())
    io.stderr:flush()
    p.shown = true
  end
  function p.clear()
    if p.shown then io.stderr:write("\r\27[K"); io.stderr:flush(); p.shown = false end
  end
  function p.finish()
    if p.shown then p.draw(true); io.stderr:write("\n"); io.stderr:flush(); p.shown = false end
  end
  return p
end

-- ---------------------------------------------------------------------------
-- the run

local function file_exists_kind(path)
  local kind = proc.stat(path)
  return kind
end

local function ensure_dir(path)
  if proc.stat(path) == "dir" then return true end
  local ok = os.execute("mkdir -p '" .. path:gsub("'", "'\\''") .. "'")
  return (ok == true or ok == 0) and proc.stat(path) == "dir"
end

local function default_jobs()
  local env = tonumber(os.getenv("LEDE_JOBS") or "")
  if env and env >= 1 then return math.floor(env) end
  return proc.ncpu()
end

local function run(cmd, o)
  -- parse options: rules, date, zone, checked once here (first: a rule
  -- pack may register the output format asked for)
  local popts = { date = o.date, tz = o.tz, source = o.source }
  if #o.rules > 0 then
    -- the parse takes one rule set: several packs combine into one
    local unpack = table.unpack or unpack
    local ok, rules, err = pcall(lede.rules, unpack(o.rules))
    if not ok or not rules then
      usage_error("--rules " .. table.concat(o.rules, ", ") .. ": " .. tostring(ok and err or rules))
    end
    popts.rules = rules
  end
  -- the format
  local fname = o.format
  if not fname then
    if cmd == "entities" then fname = "csv"
    elseif cmd == "render" then fname = "md"
    end
  end
  if fname then
    local ok, fmt_or_err, err = pcall(formats.get, fname)
    if not ok then usage_error("format '" .. fname .. "' cannot load: " .. tostring(fmt_or_err)) end
    if not fmt_or_err then usage_error(err) end
  end
  if cmd == "entities" and fname then
    local f = formats.get(fname)
    if not f.entity_rows then
      usage_error("lede entities writes entity rows: --format csv, jsonl or json (use lede render for " .. fname .. ")")
    end
  end

  local ok_opts, perr = lede.try_parse("", popts)
  if not ok_opts then usage_error(clean_message(perr)) end

  -- inputs
  if #o.args == 0 then o.args[1] = "-" end
  if o.jsonl and not o.input_kind then o.input_kind = "jsonl" end
  local parts = {}
  local batch, total_bytes, count_known = false, 0, 0
  local stdin_used = false
  local nfiles = 0
  for _, a in ipairs(o.args) do
    if a == "-" then
      if stdin_used then usage_error("standard input (-) given twice") end
      stdin_used = true
      total_bytes = nil
      local k = o.input_kind or (o.jsonl and "jsonl") or "text"
      if k == "jsonl" then
        batch = true
        parts[#parts + 1] = function() return jsonl_source(0, "-") end
      else
        nfiles = nfiles + 1
        parts[#parts + 1] = function()
          local text = io.stdin:read(M.read_all) or ""
          return one({ "text", text, k })
        end
      end
    else
      local kind, size = proc.stat(a)
      if kind == "dir" then
        batch = true
        local list = {}
        local unreadable = {}
        walk(a, o, list, unreadable)
        for _, p in ipairs(unreadable) do
          parts[#parts + 1] = function() return one({ "fail", p[1], p[2] }) end
        end
        for _, f in ipairs(list) do
          local k = kind_of(f.path, o.input_kind)
          if total_bytes then total_bytes = total_bytes + f.size end
          if k == "jsonl" then
            parts[#parts + 1] = function() return open_jsonl(f.path) end
          else
            nfiles = nfiles + 1
            parts[#parts + 1] = function() return one({ "file", f.path, k, "", tostring(f.size) }) end
          end
        end
      elseif kind then
        local k = kind_of(a, o.input_kind)
        if total_bytes then total_bytes = total_bytes + (size or 0) end
        if k == "jsonl" then
          batch = true
          parts[#parts + 1] = function() return open_jsonl(a) end
        else
          nfiles = nfiles + 1
          parts[#parts + 1] = function() return one({ "file", a, k, "", tostring(size or 0) }) end
        end
      else
        -- a failure in its place (reported, an error record); the rest goes on
        nfiles = nfiles + 1
        parts[#parts + 1] = function() return one({ "fail", a, "no such file or folder" }) end
      end
    end
  end
  if nfiles > 1 then batch = true end
  count_known = nfiles

  -- the format, now that we know whether this is a batch
  if not fname then fname = batch and "jsonl" or "json" end
  if o.jsonl and not o.format and cmd == "parse" then fname = "jsonl" end
  local fmt = formats.get(fname)

  -- the output
  local to_dir = false
  if o.output then
    local k = file_exists_kind(o.output)
    if k == "dir" or o.output:sub(-1) == "/" then
      to_dir = true
      if not ensure_dir(o.output) then usage_error("cannot make the folder " .. o.output) end
    end
  end
  if fmt.single and batch and not to_dir then
    usage_error("format " .. fname .. " writes one document per output: give -o DIR for several documents")
  end
  local out = io.stdout
  if o.output and not to_dir then
    local f, err = io.open(o.output, "wb")
    if not f then usage_error("cannot write " .. tostring(err)) end
    out = f
  end
  -- output goes out in runs of whole documents (see flush_out)
  out:setvbuf("full")

  local ctx = {
    format = fmt,
    parse_opts = popts,
    render_opts = { batch = batch and not to_dir, pretty = o.pretty, entities_only = cmd == "entities" },
    to_files = to_dir or (o.output ~= nil and fmt.companions ~= nil),
    crash_id = os.getenv("LEDE_TEST_CRASH"),
  }
  local ropts = ctx.render_opts
  -- what goes between two documents (workers join blocks with it)
  local sep = fmt.separator
  if type(sep) == "function" then sep = sep(ropts) end
  ctx.separator = sep or ""

  local prog = progress(not o.quiet and proc.isatty(2), total_bytes)
  local failed = 0
  local function report(where, msg)
    prog.clear()
    io.stderr:write("lede: ", where, ": ", msg, "\n")
    io.stderr:flush()
  end

  -- writing
  local wrote_any = false
  local write_failed = false
  local broken_pipe = false
  local function write(s, flush)
    if write_failed then return end
    local ok, err, code = true, nil, nil
    if s ~= nil and s ~= "" then ok, err, code = out:write(s) end
    if ok and flush then ok, err, code = out:flush() end
    if not ok then
      write_failed = true
      -- the reader went away (| head): stop quietly, as a plain filter does
      if code == 32 or tostring(err):find("Broken pipe", 1, true) then broken_pipe = true
      else report("output", tostring(err)) end
    end
  end
  local used_names = {}
  local function file_name(id, item)
    local base
    if item and item[1] == "file" then
      base = item[2]:gsub("^%./", ""):gsub("%.[^./]*$", "")
    elseif type(id) == "string" then
      base = id
    elseif id ~= nil and id ~= json.null then
      base = json.encode(id)
    else
      base = "doc"
    end
    base = base:gsub("[^%w%._%-]", "_"):gsub("^%.+", "_")
    if base == "" then base = "doc" end
    base = base:sub(1, 120)
    local name, k = base, 1
    while used_names[name] do k = k + 1; name = base .. "-" .. k end
    used_names[name] = true
    return name
  end
  local function write_file(path, content)
    local f, err = io.open(path, "wb")
    if not f then return nil, err end
    local ok, werr = f:write(content)
    f:close()
    if not ok then return nil, werr end
    return true
  end
  local function companion_path(main, ext)
    local stem = main:match("^(.*)%.[^./]*$") or main
    return stem .. "." .. ext
  end

  if not to_dir and fmt.header then write(fmt.header(ropts), true) end

  -- delivering results, in input order
  local pieces = {} -- output of the current run of deliveries, written at once
  local function flush_out()
    -- piece by piece (joining them would copy every byte once more), then
    -- flushed: a streaming filter's output goes out as it is made
    for i = 1, #pieces do write(pieces[i]) end
    pieces = {}
    write(nil, true)
  end
  local function emit(s)
    if s == "" then return end
    if wrote_any and sep then pieces[#pieces + 1] = sep end
    pieces[#pieces + 1] = s
    wrote_any = true
  end
  local line_base = {} -- lines of each JSONL source delivered so far
  local function deliver_reply(item, reply, base)
    local status, id = reply[1], nil
    if (status ~= "ok" or to_dir) and reply[3] and reply[3] ~= "" then
      -- the id itself is only needed for file names and error records
      local ok, v = pcall(json.decode, reply[3])
      if ok then id = v end
    end
    local where = reply[4] or "?"
    if reply[6] and reply[6] ~= "" then where = where .. ":" .. (base + tonumber(reply[6])) end
    if id ~= nil and id ~= json.null and item[1] == "lines" then
      where = "id " .. (type(id) == "string" and id or reply[3]) .. " (" .. where .. ")"
    end
    if status == "ok" then
      if to_dir then
        local name = o.output:gsub("/+$", "") .. "/" .. file_name(id, item) .. "." .. (fmt.extension or "out")
        local content = (fmt.header and fmt.header(ropts) or "") .. reply[2] .. (fmt.footer and fmt.footer(ropts) or "")
        local ok, err = write_file(name, content)
        if not ok then failed = failed + 1; report(where, tostring(err)) end
        for k = 7, #reply, 2 do
          local ok2, err2 = write_file(companion_path(name, reply[k]), reply[k + 1])
          if not ok2 then failed = failed + 1; report(where, tostring(err2)) end
        end
      else
        emit(reply[2])
        if o.output then
          for k = 7, #reply, 2 do
            local ok2, err2 = write_file(companion_path(o.output, reply[k]), reply[k + 1])
            if not ok2 then failed = failed + 1; report(where, tostring(err2)) end
          end
        end
      end
    else
      failed = failed + 1
      report(where, reply[2] or "failed")
      if not to_dir and fmt.error_record then emit(fmt.error_record(id, reply[2], ropts)) end
    end
    prog.docs = prog.docs + 1
    prog.bytes = prog.bytes + (tonumber(reply[5]) or 0)
  end
  local function deliver(item, result)
    if result.error then
      -- the work itself raised (a bug in a format, say): the item failed
      local where = item[1] == "text" and "-" or item[2]
      if item[1] == "lines" then where = item[3] end
      result = { replies = { { "err", tostring(result.error), "null", where, "0", "" } } }
    end
    local base = 0
    if item[1] == "lines" then base = line_base[item[4]] or 0 end
    if result.joined then
      emit(result.joined)
      prog.docs = prog.docs + result.count
      prog.bytes = prog.bytes + result.bytes
    end
    for _, reply in ipairs(result.replies or {}) do deliver_reply(item, reply, base) end
    if result.lines then line_base[item[4]] = base + result.lines end
    prog.draw()
  end

  local inputs = chain(parts)
  -- no more input once the output is gone
  local source = {
    next = function(block) if write_failed then return nil end return inputs.next(block) end,
    fd = inputs.fd,
    fill = inputs.fill,
  }
  local jobs = o.jobs or default_jobs()
  if not batch or (count_known > 0 and count_known == #parts and count_known < jobs) then
    -- a known, small number of files: no more workers than files
    jobs = math.min(jobs, math.max(count_known, 1))
  end
  if jobs <= 1 then
    while not write_failed do
      local item = source.next(true)
      if item == nil then break end
      local ok, result = pcall(M.work, item, ctx)
      deliver(item, ok and result or { error = result })
      flush_out()
    end
  else
    ctx.in_worker = true -- seen by the forked workers only
    workers.run({
      n = jobs,
      source = source,
      work = function(item) return serialize(M.work(item, ctx)) end,
      deliver = function(item, list) if not write_failed then deliver(item, deserialize(list)) end end,
      delivered = flush_out,
      weight = function(item)
        if item[1] == "file" then return tonumber(item[5]) or 65536 end
        return #(item[2] or "")
      end,
      on_crash = function(item, reason) return recover(item, reason, ctx) end,
      tick = function() prog.draw() end,
    })
    ctx.in_worker = nil
  end
  flush_out()

  if not to_dir and fmt.footer then write(fmt.footer(ropts), true) end
  if out ~= io.stdout then out:close() elseif not write_failed then out:flush() end
  prog.finish()
  if broken_pipe then
    -- end as a filter killed by SIGPIPE ends (the workers are gone by now)
    proc.sigpipe(false)
    proc.kill(proc.getpid(), 13)
  end
  if write_failed then return 1 end
  return failed > 0 and 1 or 0
end

local function list_formats()
  for _, name in ipairs(formats.names()) do
    local f = formats.get(name)
    io.stdout:write(string.format("%-8s .%-6s %s\n", name, f.extension or "", f.description or ""))
  end
  return 0
end

function M.main(argv)
  local args = {}
  for i, a in ipairs(argv or {}) do args[i] = a end
  local ok, rc = pcall(function()
    local o = parse_args(args)
    if o.version then
      io.stdout:write("lede ", lede.version, "\n")
      return 0
    end
    local cmd = table.remove(o.args, 1)
    if o.help or cmd == "help" then
      io.stdout:write(USAGE)
      return 0
    end
    if cmd == nil then
      io.stderr:write(USAGE)
      return 2
    end
    if cmd == "formats" then return list_formats() end
    if cmd ~= "parse" and cmd ~= "entities" and cmd ~= "render" then
      usage_error("unknown command '" .. cmd .. "' (parse, entities, render, formats)")
    end
    return run(cmd, o)
  end)
  if ok then return rc end
  if type(rc) == "table" and rc.usage then
    io.stderr:write("lede: ", rc.usage, "\n(lede --help for the options)\n")
    return 2
  end
  io.stderr:write("lede: ", tostring(rc), "\n")
  return 1
end

return M
