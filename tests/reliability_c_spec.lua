-- The C reliability tests (built with ASan+UBSan by `make test`, see
-- mk/fuzz.mk): regressions of what the fuzzers found, the failing
-- allocator, and threads. Each of their checks is one test here.
local H = require "helpers"

local function c_tests(name, what)
  describe(what .. " (tests/c/" .. name .. ".c)", function()
    local bin = H.root .. "/tests/out/" .. name
    local f = io.open(bin, "rb")
    if not f then
      pending("tests/out/" .. name .. " is not built (make test builds it)")
      return
    end
    f:close()
    -- ASan's runtime must not come from a preloaded interpreter library
    local out, rc = H.run("cd " .. H.root .. " && env -u LD_PRELOAD " .. bin .. " 2>&1")
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

c_tests("test_regressions", "regressions of fuzzer findings")
c_tests("test_alloc", "allocation failures")
c_tests("test_threads", "threads")

describe("no global mutable state", function()
  -- the objects of the module, built as the rock builds them (mk/fuzz.mk)
  local objs = H.run("ls " .. H.root .. "/tests/out/pic/*.o 2>/dev/null")
  if objs == "" then
    pending("tests/out/pic is not built (make test builds it)")
    return
  end
  it("the module's objects define no writable global (.data, .bss)", function()
    -- read-only after relocation (.data.rel.ro) is fine: tables of strings
    local out = H.run("objdump -t " .. H.root .. "/tests/out/pic/*.o")
    local writable, file = {}, "?"
    for line in out:gmatch("[^\n]+") do
      file = line:match("^(%S+%.o):") or file
      local section, name = line:match("%sO%s+(%S+)%s+%x+%s+.-(%S+)$")
      if section and not section:match("^%.rodata") and not section:match("^%.data%.rel%.ro") then
        -- the JSON null sentinel: only its address is used, it is never written
        if name ~= "null_key" then
          writable[#writable + 1] = file:match("[^/]*$") .. ": " .. name .. " in " .. section
        end
      end
    end
    assert.same({}, writable)
  end)
end)
