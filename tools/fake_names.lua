--- Invented person names for tests and the benchmark: a seeded generator
-- (syllables, no list of real names), so no large file is committed.
--
--     local names = dofile("tools/fake_names.lua")
--     local tsv, list = names.tsv(100000, 42)   -- "Phrase\tid\tPERSON" lines, and the phrases
local M = {}

local ONSETS = { "b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
  "br", "dr", "kl", "tr", "st", "th", "sh", "gr", "vr", "zh" }
local VOWELS = { "a", "e", "i", "o", "u", "ai", "ei", "ou", "ia", "ea" }
local CODAS = { "", "", "", "n", "r", "l", "s", "th", "m", "nd", "rk", "x" }

local function rng(seed)
  local x = seed % 2147483648
  return function(n)
    x = (x * 1103515245 + 12345) % 2147483648
    return math.floor(x / 65536) % n + 1
  end
end

local function word(r, syllables)
  local s = {}
  for i = 1, syllables do
    s[#s + 1] = ONSETS[r(#ONSETS)] .. VOWELS[r(#VOWELS)] .. (i == syllables and CODAS[r(#CODAS)] or "")
  end
  local w = table.concat(s)
  return w:sub(1, 1):upper() .. w:sub(2)
end

--- n distinct invented "Given Family" names (given: 2 syllables, family:
-- 2 or 3), the same for the same seed.
function M.list(n, seed)
  local r = rng(seed or 42)
  local out, seen = {}, {}
  while #out < n do
    local name = word(r, 2) .. " " .. word(r, 2 + r(2) - 1)
    if not seen[name] then
      seen[name] = true
      out[#out + 1] = name
    end
  end
  return out
end

--- The same as a dictionary TSV ("phrase<TAB>id<TAB>PERSON" lines), and the list.
function M.tsv(n, seed)
  local list = M.list(n, seed)
  local lines = {}
  for i, name in ipairs(list) do lines[i] = name .. "\tp" .. i .. "\tPERSON" end
  return table.concat(lines, "\n") .. "\n", list
end

return M
