-- The C tests of numex.c (tests/c/test_numex.c, built with
-- ASan+UBSan by `make test`): each of its checks is one test here.
local H = require "helpers"

local bin = H.root .. "/tests/out/test_numex"

describe("numex in C (tests/c/test_numex.c)", function()
  local f = io.open(bin, "rb")
  if not f then
    pending("tests/out/test_numex is not built (make test builds it)")
    return
  end
  f:close()
  -- ASan's runtime must not come from a preloaded interpreter library
  local out, rc = H.run("env -u LD_PRELOAD " .. bin .. " 2>&1")
  local n = 0
  for line in out:gmatch("[^\n]+") do
    local status, desc = line:match("^(n?o?t? ?ok) %- (.*)$")
    if status then
      n = n + 1
      it(desc, function()
        assert(status == "ok", desc)
      end)
    end
  end
  it("ran to its end", function()
    assert.is_true(n > 0, out)
    assert.equal(0, rc, out:sub(-2000))
  end)
end)
