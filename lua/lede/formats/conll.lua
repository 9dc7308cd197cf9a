--- `conll`: one token a line with its BIO tag, CoNLL-2003 style: four
-- tab-separated columns `TOKEN START END TAG` (byte offsets of the token in
-- the input; the tag is the last column, as conlleval reads it), a blank
-- line between sentences and between the blocks lede found (title,
-- paragraphs, captions, boilerplate...), and a `-DOCSTART-` line at the
-- start of every document.
--
-- Tokens are made here, in Lua: runs of letters and digits (with inner
-- hyphens and apostrophes, and the points and commas of numbers), each
-- other visible character alone; a token is cut wherever an entity starts
-- or ends, so tags always agree with the entity offsets. Nested entities
-- are tagged by the outermost.
-- @module lede.formats.conll
local util = require "lede.formats.util"

local val = util.val

local M = {
  extension = "conll",
  media_type = "text/plain",
  description = "BIO tags per token (CoNLL-2003 style, with offsets)",
}

M.docstart = "-DOCSTART-\t-\t-\tO\n\n"

local byte = string.byte

-- The class of the character at i (1-based) and its length in bytes:
-- "w" part of a word, "p" a punctuation mark, "s" space or control.
-- UTF-8 spaces and punctuation (NBSP, the General Punctuation block with its
-- dashes and curly quotes, « », CJK punctuation) are not word characters.
local function class_at(text, i)
  local c = byte(text, i)
  if c < 0x80 then
    if c <= 32 or c == 127 then return "s", 1 end
    if (c >= 48 and c <= 57) or (c >= 65 and c <= 90) or (c >= 97 and c <= 122) then return "w", 1 end
    return "p", 1
  end
  local c2, c3 = byte(text, i + 1, i + 2)
  if c >= 0xC2 and c <= 0xDF and c2 and c2 >= 0x80 and c2 <= 0xBF then
    if c == 0xC2 and c2 == 0xA0 then return "s", 2 end
    if c == 0xC2 and c2 >= 0xA1 and c2 <= 0xBF then return "p", 2 end
    if c == 0xC3 and (c2 == 0x97 or c2 == 0xB7) then return "p", 2 end -- multiplication, division
    return "w", 2
  end
  if c >= 0xE0 and c <= 0xEF and c2 and c3 and c2 >= 0x80 and c2 <= 0xBF and c3 >= 0x80 and c3 <= 0xBF then
    if c == 0xE2 and c2 == 0x80 then
      if c3 <= 0x8A or c3 == 0xAF or (c3 >= 0xA8 and c3 <= 0xA9) then return "s", 3 end
      return "p", 3
    end
    if c == 0xE2 and c2 == 0x81 then return c3 == 0x9F and "s" or "p", 3 end
    if c == 0xE3 and c2 == 0x80 then return c3 == 0x80 and "s" or "p", 3 end
    return "w", 3
  end
  if c >= 0xF0 and c <= 0xF4 then
    local c4 = byte(text, i + 3)
    if c2 and c3 and c4 and c2 >= 0x80 and c2 <= 0xBF and c3 >= 0x80 and c3 <= 0xBF
      and c4 >= 0x80 and c4 <= 0xBF then return "w", 4 end
  end
  return "p", 1 -- a byte that is not UTF-8 stands alone
end
M.class_at = class_at

local function is_digit(text, i)
  local c = byte(text, i)
  return c and c >= 48 and c <= 57
end

--- The tokens of text[rs, re) as a list of {s, e} (0-based, end exclusive).
function M.tokenize(text, rs, re)
  local toks = {}
  local p = rs + 1 -- 1-based position
  while p <= re do
    local k, n = class_at(text, p)
    if n > re - p + 1 then n = re - p + 1 end
    if k == "s" then
      p = p + n
    elseif k == "p" then
      toks[#toks + 1] = { s = p - 1, e = p - 1 + n }
      p = p + n
    else
      local s = p
      local q = p + n -- first byte after the word so far
      while q <= re do
        local k2, n2 = class_at(text, q)
        if k2 == "w" then
          q = q + n2
        else
          -- a joiner between two word characters: - ' ’ (and . , between digits)
          local ch = text:sub(q, q + n2 - 1)
          local after = q + n2
          local joins = false
          if after <= re and class_at(text, after) == "w" then
            if ch == "-" or ch == "'" or ch == "\226\128\153" then
              joins = true
            elseif (ch == "." or ch == ",") and is_digit(text, q - 1) and is_digit(text, after) then
              joins = true
            end
          end
          if not joins then break end
          q = after
        end
      end
      if q > re + 1 then q = re + 1 end
      toks[#toks + 1] = { s = s - 1, e = q - 1 }
      p = q
    end
  end
  return toks
end

local abbrev = {}
for w in ([[Mr Mrs Ms Dr St Gen Sen Rep Gov Lt Col Sgt Capt Prof Jr Sr No Inc Co Corp Ltd vs
  Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec Mt Ft Rev Adm Maj Cmdr]]):gmatch("%S+") do abbrev[w] = true end

local closers = { ['"'] = true, ["'"] = true, [")"] = true, ["\226\128\157"] = true, ["\226\128\153"] = true }

function M.render(doc, text, opts)
  local ents = util.entities(doc, text)
  -- the outermost entities, in order
  local top, last = {}, -1
  for _, x in ipairs(ents) do
    if x.start >= last then top[#top + 1] = x; last = x.stop end
  end
  -- every entity boundary cuts tokens
  local cuts = {}
  for _, x in ipairs(ents) do cuts[x.start] = true; cuts[x.stop] = true end
  local out = { M.docstart }
  local ti = 1 -- next top-level entity
  for _, r in ipairs(util.regions(doc, text)) do
    local raw = M.tokenize(text, r.start, r.stop)
    local toks = {}
    for _, t in ipairs(raw) do
      local s = t.s
      for q = t.s + 1, t.e - 1 do
        if cuts[q] then toks[#toks + 1] = { s = s, e = q }; s = q end
      end
      toks[#toks + 1] = { s = s, e = t.e }
    end
    local lines = {}
    local current -- the entity the previous token was in
    for k, t in ipairs(toks) do
      while top[ti] and top[ti].stop <= t.s do ti = ti + 1 end
      local x = top[ti]
      local tag = "O"
      if x and t.s >= x.start and t.e <= x.stop then
        local ty = tostring(val(x.e.type) or "ENTITY"):gsub("[%s%c]", "_")
        tag = (current == x and "I-" or "B-") .. ty
        current = x
      else
        current = nil
      end
      local word = util.utf8_clean(text:sub(t.s + 1, t.e))
      lines[#lines + 1] = word .. "\t" .. t.s .. "\t" .. t.e .. "\t" .. tag .. "\n"
      -- a sentence ends after . ! ? (and a closing quote), before a capital,
      -- a quote or a digit, unless the point ends an abbreviation or initial
      if (word == "." or word == "!" or word == "?") and tag == "O" then
        local nxt = toks[k + 1]
        local nword = nxt and text:sub(nxt.s + 1, nxt.e)
        local prev = toks[k - 1] and text:sub(toks[k - 1].s + 1, toks[k - 1].e) or ""
        if nword and not closers[nword] and nword:find("^[%u\"\226%(%d]")
          and not (word == "." and (abbrev[prev] or prev:find("^%u$"))) then
          lines[#lines + 1] = "\n"
        end
      elseif closers[word] and k > 1 then
        local pw = text:sub(toks[k - 1].s + 1, toks[k - 1].e)
        local nxt = toks[k + 1]
        if (pw == "." or pw == "!" or pw == "?") and nxt and text:sub(nxt.s + 1, nxt.e):find("^[%u\"\226%(]") then
          lines[#lines + 1] = "\n"
        end
      end
    end
    if #lines > 0 then
      if lines[#lines] ~= "\n" then lines[#lines + 1] = "\n" end
      out[#out + 1] = table.concat(lines)
    end
  end
  return table.concat(out)
end

return M
