-- The training run of the rock's profile-guided build (mk/rock.mk):
--   lua tools/profile_train.lua BUILD_DIR FILE...
-- loads the instrumented lede.core from BUILD_DIR and the Lua modules from
-- lua/, and parses every article of the FILEs (a .jsonl file: the "text" of
-- each line; any other file: the whole file) the way users do: the
-- document, its entities and quotes, its JSON form. The counters the
-- instrumented code keeps are written when the interpreter exits. Runs under
-- Lua 5.1-5.4 and LuaJIT; any error exits non-zero, and the build then goes
-- on without a profile.
local dir = assert(arg[1], "usage: profile_train.lua BUILD_DIR FILE...")
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = dir .. "/?.so;" .. package.cpath

local lede = require "lede"

local docs, bytes = 0, 0
local function parse(text)
  local doc = lede.parse(text)
  for e in doc.entities:each() do local _ = e.text end
  local _ = doc.quotes, doc.title, doc:json()
  docs, bytes = docs + 1, bytes + #text
end

for i = 2, #arg do
  local path = arg[i]
  if path:match("%.jsonl$") then
    for line in io.lines(path) do
      if line:match("%S") then
        local rec = lede.json.decode(line)
        if type(rec.text) == "string" then parse(rec.text) end
      end
    end
  else
    local f = assert(io.open(path, "rb"))
    parse(f:read("*a"))
    f:close()
  end
end
assert(docs > 0, "profile_train.lua: no article read")
print(string.format("lede.core: training run parsed %d articles, %.1f MB", docs, bytes / 1e6))
