--- The `lede` command line.
-- @module lede.cli
local lede = require "lede"

local M = {}

local USAGE = [[
usage: lede parse [options] [FILE|-]
       lede parse --jsonl [options] [FILE|-]

Parses a news article (plain text) and prints its structure and entities as
JSON. With --jsonl, reads JSON lines with "id" and "text" and writes one JSON
document per line, with the same "id".

options:
  --jsonl          JSON lines in, JSON lines out
  --pretty         indent the JSON (default for a single document)
  --compact        one line of JSON
  --date DATE      reference date (ISO 8601) for articles that print none
  --tz ZONE        zone of that date and of times printed without one (+09:00)
  --source NAME    source hint (agency or site)
  -h, --help       this help
  --version        the version
]]

local function fail_usage(msg)
  io.stderr:write("lede: ", msg, "\n", USAGE)
  return 2
end

local function read_all(path)
  if path == "-" then return io.stdin:read("a") end
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local s = f:read("a")
  f:close()
  return s
end

local function parse_args(argv)
  local o = { files = {} }
  local i = 1
  while i <= #argv do
    local a = argv[i]
    local function value()
      i = i + 1
      if argv[i] == nil then error({ usage = "option " .. a .. " needs a value" }) end
      return argv[i]
    end
    if a == "--jsonl" then o.jsonl = true
    elseif a == "--pretty" then o.pretty = true
    elseif a == "--compact" then o.pretty = false
    elseif a == "--date" then o.date = value()
    elseif a == "--tz" then o.tz = value()
    elseif a == "--source" then o.source = value()
    elseif a == "-h" or a == "--help" then o.help = true
    elseif a == "--version" then o.version = true
    elseif a == "-" or a:sub(1, 1) ~= "-" then o.files[#o.files + 1] = a
    else error({ usage = "unknown option " .. a }) end
    i = i + 1
  end
  return o
end

local function parse_opts(o)
  return { date = o.date, tz = o.tz, source = o.source }
end

local function run_jsonl(o, input, out)
  local json = lede.json
  local failed = 0
  local n = 0
  for line in input:lines() do
    n = n + 1
    if line:match("%S") then
      local ok, rec = pcall(json.decode, line)
      local id = ok and type(rec) == "table" and rec.id or nil
      if id == json.null then id = nil end
      local doc, err
      if not ok then
        err = rec
      elseif type(rec) ~= "table" or type(rec.text) ~= "string" then
        err = "line " .. n .. ": no \"text\" string"
      else
        doc, err = lede.try_parse(rec.text, parse_opts(o))
      end
      if doc then
        local s = doc:json(false)
        -- the id goes first, as the caller gave it
        out:write('{"id":', json.encode(id), ",", s:sub(2), "\n")
      else
        failed = failed + 1
        io.stderr:write("lede: ", id and ("id " .. tostring(id)) or ("line " .. n), ": ", tostring(err), "\n")
        out:write(json.encode({ id = id, error = tostring(err) }), "\n")
      end
      out:flush()
    end
  end
  return failed > 0 and 1 or 0
end

function M.main(argv)
  local ok, o = pcall(parse_args, argv or {})
  if not ok then
    if type(o) == "table" and o.usage then return fail_usage(o.usage) end
    error(o, 0)
  end
  if o.version then
    io.stdout:write("lede ", lede.version, "\n")
    return 0
  end
  local cmd = table.remove(o.files, 1)
  if o.help or cmd == nil or cmd == "help" then
    io.stdout:write(USAGE)
    return (o.help or cmd == "help") and 0 or 2
  end
  if cmd ~= "parse" then return fail_usage("unknown command " .. cmd) end
  if #o.files == 0 then o.files[1] = "-" end
  if o.jsonl then
    local rc = 0
    for _, path in ipairs(o.files) do
      local input = path == "-" and io.stdin or io.open(path, "rb")
      if not input then
        io.stderr:write("lede: cannot open ", path, "\n")
        rc = 1
      else
        rc = math.max(rc, run_jsonl(o, input, io.stdout))
        if input ~= io.stdin then input:close() end
      end
    end
    return rc
  end
  local rc = 0
  for _, path in ipairs(o.files) do
    local text, err = read_all(path)
    if not text then
      io.stderr:write("lede: ", err, "\n")
      rc = 1
    else
      local doc, perr = lede.try_parse(text, parse_opts(o))
      if doc then
        io.stdout:write(doc:json(o.pretty ~= false), "\n")
      else
        io.stderr:write("lede: ", path, ": ", perr, "\n")
        rc = 1
      end
    end
  end
  return rc
end

return M
