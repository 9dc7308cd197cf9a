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

--- "asan" or "valgrind" when the suite runs instrumented (make check-asan,
-- make check-valgrind): specs of timing, memory use and other processes'
-- plumbing are measured by `make test` and skipped there (instrumentation
-- changes time and memory, and tools such as GNU parallel or Chromium do
-- not run with the ASan runtime preloaded).
M.instrumented = os.getenv("LEDE_SANITIZER")

--- How much slower the suite runs instrumented: time bounds that guard
-- against hangs are multiplied by it (valgrind ~50x, ASan ~3x).
M.slowdown = ({ valgrind = 60, asan = 5 })[M.instrumented or ""] or 1

--- Marks the current test pending when the suite runs instrumented; true
-- if it did.
function M.skip_instrumented(pending, what)
  if M.instrumented then
    pending(what .. ": measured by make test, not under " .. M.instrumented)
    return true
  end
  return false
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

--- Declares the checks of a C test binary (tests/out/NAME, built by `make
-- test`) as busted tests: each line "ok - ..." / "not ok - ..." it prints is
-- one test, and one more says it ran to its end. Pending when not built.
-- `env` carries busted's functions of the calling spec (describe, it,
-- pending, assert), which are not globals here.
function M.c_tests(name, what, env)
  local describe, it, pending, assert = env.describe, env.it, env.pending, env.assert
  describe(what .. " (tests/c/" .. name .. ".c)", function()
    local bin = M.root .. "/tests/out/" .. name
    local f = io.open(bin, "rb")
    if not f then
      pending("tests/out/" .. name .. " is not built (make test builds it)")
      return
    end
    f:close()
    -- ASan's runtime must not come from a preloaded interpreter library
    local out, rc = M.run("cd " .. M.root .. " && env -u LD_PRELOAD " .. bin .. " 2>&1")
    local n = 0
    for line in out:gmatch("[^\n]+") do
      local status, desc = line:match("^(n?o?t? ?ok) %- (.*)$")
      if status then
        n = n + 1
        it(desc, function()
          assert(status == "ok", desc .. "\n" .. out:sub(-3000))
        end)
      end
    end
    it("ran to its end", function()
      assert.is_true(n > 0, out)
      assert.equal(0, rc, out:sub(-3000))
    end)
  end)
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
