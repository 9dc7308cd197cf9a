-- The C reliability tests (built with ASan+UBSan by `make test`, see
-- mk/fuzz.mk): regressions of what the fuzzers found, the failing
-- allocator, and threads. Each of their checks is one test here.
local H = require "helpers"

local function c_tests(name, what)
  H.c_tests(name, what, { describe = describe, it = it, pending = pending, assert = assert })
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
