-- Shared by the specs: paths, fixtures, the shared data (optional).
local M = {}

local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "tests"
M.root = here .. "/.."
M.fixtures = here .. "/fixtures"
M.shared = os.getenv("LEDE_SHARED") or (M.root .. "/../shared")

function M.read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

function M.fixture(name)
  local s = M.read(M.fixtures .. "/" .. name)
  assert(s, "missing fixture " .. name)
  return s
end

--- The shared seed/corpus file, or nil when ../shared is absent (the specs
-- that need it are then marked pending, i.e. skipped).
function M.shared_file(rel)
  return M.read(M.shared .. "/" .. rel) and (M.shared .. "/" .. rel) or nil
end

--- The `lede` command installed by the rock.
function M.lede_bin()
  local tree = os.getenv("LEDE_TREE") or (M.root .. "/.rocks")
  return tree .. "/bin/lede"
end

--- Runs a shell command; returns its stdout, and its exit code.
function M.run(cmd)
  local p = io.popen(cmd .. "; echo \"__rc=$?\"", "r")
  local out = p:read("a")
  p:close()
  local rc = tonumber(out:match("__rc=(%d+)%s*$"))
  return out:gsub("__rc=%d+%s*$", ""), rc
end

--- Writes s to a fresh temporary file and returns its path.
function M.tmpfile(s)
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
  return path
end

return M
