--- Rule packs: extractors, transformations and outputs written in Lua, run
-- by the C engine.
--
-- A rule pack is a plain Lua file (or table) that returns
--
--     return {
--       name = "military",                 -- default: the file's base name
--       source = [[yonhap|yna\.co\.kr]],    -- optional scope: PCRE2 on opts.source
--       types = { "TROOPS", "UNIT" },       -- custom entity types (optional list)
--       rules = {
--         { name = "troops", type = "TROOPS",
--           pattern = [[(?<n>\d[\d,]*)\s+(?:soldiers|troops)]],
--           value = function(m) return { amount = rules.number(m.groups.n), unit = "troops" } end },
--         { name = "officer", type = "PERSON",
--           tokens = { { title = true }, { cap = true, rep = "1-3" }, { lower = "said" } } },
--         { name = "bases", type = "FAC", dictionary = { "Camp Humphreys", "Osan Air Base" } },
--       },
--       transforms = { { "redact", types = { "PERSON" }, style = "pseudonym" } },
--       outputs = { digest = { template = "# {{title}}\n", extension = "md" } },
--     }
--
-- `lede.load_rules(path_or_table)` (or `lede.rules(...)` for several packs)
-- validates the pack, compiles every pattern and dictionary once into a C
-- ruleset, and returns a `Rules` object to pass as `opts.rules` to
-- `lede.parse`, or loads it into an instance with `inst:load_rules`. Every
-- mistake is reported at load time as
-- `lede.load_rules: <file>: rule '<name>': <what>`.
--
-- Matching runs in C over the whole document; the Lua functions of a rule
-- (`value`, `when`, `canonical`) run only on its matches, protected: an
-- error in one fails the parse with the rule's name and the byte where the
-- match starts, and leaves the ruleset usable.
-- @module lede.rules
local core = require "lede.core"

local M = {}

local unpack = table.unpack or unpack ---@diagnostic disable-line: deprecated

-- ---------------------------------------------------------------------------
-- errors

local function fail(where, rule, msg)
  local s = "lede.load_rules: " .. where .. ": "
  if rule then s = s .. "rule '" .. tostring(rule) .. "': " end
  error(s .. msg, 0)
end

local function keys_of(t)
  local out = {}
  for k in pairs(t) do out[#out + 1] = tostring(k) end
  table.sort(out)
  return table.concat(out, ", ")
end

local function is_list(t)
  if type(t) ~= "table" then return false end
  local n = #t
  for k in pairs(t) do
    if type(k) ~= "number" or k < 1 or k > n or k % 1 ~= 0 then return false end
  end
  return true
end

local function check_keys(t, allowed, where, rule, what)
  for k in pairs(t) do
    if type(k) ~= "string" or not allowed[k] then
      fail(where, rule, "unknown " .. what .. " '" .. tostring(k) .. "' (known: " .. keys_of(allowed) .. ")")
    end
  end
end

local function check_type(v, want, where, rule, field)
  if v ~= nil and type(v) ~= want then
    fail(where, rule, "'" .. field .. "' must be a " .. want .. ", got " .. type(v))
  end
end

-- C messages start with "lede: " and "rule 'x': "; ours say both already.
local function c_message(msg)
  msg = tostring(msg):gsub("^lede: ", "")
  msg = msg:gsub("^rule '[^']*': ", "")
  return msg
end

-- ---------------------------------------------------------------------------
-- normalizers (Duckling-style helpers for value functions)

local small = {
  zero = 0, one = 1, two = 2, three = 3, four = 4, five = 5, six = 6, seven = 7,
  eight = 8, nine = 9, ten = 10, eleven = 11, twelve = 12, thirteen = 13,
  fourteen = 14, fifteen = 15, sixteen = 16, seventeen = 17, eighteen = 18,
  nineteen = 19, twenty = 20, thirty = 30, forty = 40, fifty = 50, sixty = 60,
  seventy = 70, eighty = 80, ninety = 90, a = 1, an = 1,
}
local scales = {
  dozen = 12, hundred = 100, thousand = 1e3, million = 1e6, billion = 1e9, trillion = 1e12,
  k = 1e3, m = 1e6, mn = 1e6, bn = 1e9, b = 1e9, tn = 1e12,
}
local ordinals = {
  first = 1, second = 2, third = 3, fourth = 4, fifth = 5, sixth = 6, seventh = 7,
  eighth = 8, ninth = 9, tenth = 10, eleventh = 11, twelfth = 12, thirteenth = 13,
  fourteenth = 14, fifteenth = 15, sixteenth = 16, seventeenth = 17, eighteenth = 18,
  nineteenth = 19, twentieth = 20, thirtieth = 30, fortieth = 40, fiftieth = 50,
  hundredth = 100,
}

local function as_integer(x)
  if x == math.floor(x) and math.abs(x) < 2 ^ 53 and math.tointeger then return math.tointeger(x) end
  return x
end

--- A number written in digits or words: "28,500" → 28500, "1.5 million" →
-- 1500000, "twenty-five" → 25, "three hundred" → 300, "a dozen" → 12,
-- "2,000-strong" → 2000. Returns nil when the text is not a number.
-- @tparam string s
-- @treturn number|nil
function M.number(s)
  if type(s) ~= "string" then return nil end
  s = s:lower():gsub("%-strong", ""):gsub("[%s%-]+", " "):gsub("^ ", ""):gsub(" $", "")
  if s == "" then return nil end
  -- digits, with thousands separators and a decimal part, then scale words
  local digits, rest = s:match("^([%d][%d,]*%.?%d*)%s*(.*)$")
  if digits then
    if digits:find(",") then
      -- thousands separators: 1-3 digits, then groups of three
      local int = digits:match("^([%d,]+)")
      if not int:match("^%d%d?%d?,") or int:gsub("^%d%d?%d?", ""):gsub(",%d%d%d", "") ~= "" then return nil end
    end
    local n = tonumber((digits:gsub(",", "")))
    if not n then return nil end
    for w in rest:gmatch("%S+") do
      local f = scales[w]
      if not f then return nil end
      n = n * f
    end
    return as_integer(n)
  end
  local total, current, any = 0, 0, false
  for w in s:gmatch("%S+") do
    if w ~= "and" then
      local v = small[w]
      if v then
        current = current + v
        any = true
      elseif scales[w] and #w > 2 then
        if current == 0 then current = 1 end
        if scales[w] < 1000 then
          current = current * scales[w]
        else
          total = total + current * scales[w]
          current = 0
        end
        any = true
      else
        return nil
      end
    end
  end
  if not any then return nil end
  return as_integer(total + current)
end

--- An ordinal: "3rd" → 3, "Third" → 3, "21st" → 21, "twenty-first" → 21.
function M.ordinal(s)
  if type(s) ~= "string" then return nil end
  s = s:lower()
  local d = s:match("^(%d+)[snrt][tdh]$") or s:match("^(%d+)%.$")
  if d then return as_integer(tonumber(d)) end
  local tens, unit = s:match("^(%a+)[%s%-](%a+)$")
  if tens and small[tens] and ordinals[unit] then return small[tens] + ordinals[unit] end
  return ordinals[s]
end

-- ---------------------------------------------------------------------------
-- token patterns: the friendly syntax, compiled to the C element tables

local TITLE_WORDS = [[
president vice-president president-elect premier chancellor monarch king queen prince
princess emperor empress sultan emir sheikh shah duke duchess leader minister secretary
secretary-general undersecretary adviser advisor aide envoy ambassador consul diplomat
commissioner negotiator representative delegate spokesman spokeswoman spokesperson
official administrator regulator inspector ombudsman senator congressman congresswoman
lawmaker legislator parliamentarian mp mep deputy speaker governor mayor councillor
councilman councilwoman sheriff prefect chairman chairwoman chairperson chair candidate
commander judge justice magistrate prosecutor attorney lawyer investigator detective
general brigadier colonel major captain lieutenant sergeant corporal private admiral
commodore marshal officer ceo cfo coo cto founder director director-general executive
manager head professor dean rector doctor editor correspondent reporter pope cardinal
archbishop bishop priest pastor reverend rabbi imam cleric coach pres. gov. sen. rep.
amb. gen. brig. col. maj. capt. lt. sgt. cpl. pvt. adm. cmdr. cdr. insp. det. prof.
dr. mr. mrs. ms. mr mrs ms dr sir dame lord lady]]

local QUANT = {
  ["?"] = { 0, 1 }, ["*"] = { 0, -1 }, ["+"] = { 1, -1 }, ["!"] = { 0, 0 },
}

-- "?", "*", "+", "{2}", "{1,3}", "{2,}", "1-3", 2 -> min, max (max -1: open)
local function parse_rep(v)
  if type(v) == "number" then
    if v >= 1 and v % 1 == 0 then return v, v end
    return nil
  end
  if type(v) ~= "string" then return nil end
  local q = QUANT[v]
  if q and v ~= "!" then return q[1], q[2] end
  local a, b = v:match("^{(%d+),(%d*)}$")
  if not a then a, b = v:match("^(%d+)%-(%d*)$") end
  if a then return tonumber(a), b == "" and -1 or tonumber(b) end
  a = v:match("^{(%d+)}$") or v:match("^(%d+)$")
  if a then return tonumber(a), tonumber(a) end
  return nil
end
M.parse_quantifier = parse_rep

local token_keys = {
  text = "string", lower = "string", shape = "string", regex = "string", cap = "boolean",
  allcap = "boolean", num = "boolean", title = "boolean", entity = "string",
  ent_type = "string", ["in"] = true, negate = "boolean", ["not"] = "boolean", rep = true,
  op = true, min = "number", max = "number",
}

-- Normalizes one token pattern into elements { test fields..., min, max };
-- inline word lists become lookup dictionaries (`words` on the element).
local function normalize_tokens(list, where, rname)
  if type(list) ~= "table" or not is_list(list) or #list == 0 then
    fail(where, rname, "'tokens' must be a non-empty list of token tests")
  end
  local out = {}
  for i, el in ipairs(list) do
    local what = "token element " .. i
    if type(el) == "string" and (QUANT[el] or parse_rep(el)) and el:match("^[%?%*%+{%d]") then
      -- a quantifier on the previous element
      local prev = out[#out]
      if not prev then fail(where, rname, what .. ": quantifier '" .. el .. "' has no element before it") end
      if prev.quantified then fail(where, rname, what .. ": a second quantifier on one element") end
      local lo, hi = parse_rep(el)
      prev.min, prev.max, prev.quantified = lo, hi, true
    elseif type(el) == "string" then
      out[#out + 1] = { lower = el:lower(), min = 1, max = 1 }
    elseif type(el) == "table" then
      for k, v in pairs(el) do
        local want = token_keys[k]
        if not want then
          fail(where, rname, what .. ": unknown test '" .. tostring(k) .. "' (known: " .. keys_of(token_keys) .. ")")
        end
        if want ~= true and type(v) ~= want then
          fail(where, rname, what .. ": '" .. k .. "' must be a " .. want .. ", got " .. type(v))
        end
      end
      local e = { min = 1, max = 1 }
      e.text, e.shape, e.regex = el.text, el.shape, el.regex
      if el.lower then e.lower = el.lower:lower() end
      if el.cap ~= nil then e.cap = el.cap and 1 or -1 end
      if el.allcap ~= nil then e.allcap = el.allcap and 1 or -1 end
      if el.num ~= nil then e.num = el.num and 1 or -1 end
      e.negate = el.negate or el["not"] or nil
      e.entity = el.entity or el.ent_type
      if e.entity and not e.entity:match("^[A-Z][A-Z0-9_]*$") then
        fail(where, rname, what .. ": 'entity' must be a type name like GPE, got '" .. e.entity .. "'")
      end
      local inl = el["in"]
      local n_dict = 0
      if el.title then e.words, e.words_name = TITLE_WORDS, "lede/titles"; n_dict = n_dict + 1 end
      if inl ~= nil then
        n_dict = n_dict + 1
        if type(inl) == "string" then
          e.dict_name = inl
        elseif is_list(inl) and #inl > 0 then
          for j, w in ipairs(inl) do
            if type(w) ~= "string" or not w:find("%S") then
              fail(where, rname, what .. ": word " .. j .. " of 'in' must be a non-empty string")
            end
            if w:find("%s") and w:find("%S%s+%S") then
              fail(where, rname, what .. ": 'in' holds single tokens ('" .. w .. "' is several)")
            end
          end
          e.words = inl
        else
          fail(where, rname, what .. ": 'in' must be a dictionary rule's name or a list of words")
        end
      end
      if n_dict > 1 then fail(where, rname, what .. ": 'title' and 'in' cannot be combined") end
      local rep = el.rep or el.op
      if rep ~= nil and (el.min or el.max) then
        fail(where, rname, what .. ": give 'rep' or 'min'/'max', not both")
      end
      if rep ~= nil then
        local lo, hi = parse_rep(rep)
        if not lo then
          fail(where, rname, what .. ": bad quantifier '" .. tostring(rep) .. "' (?, *, +, {n}, {n,m}, {n,}, n-m)")
        end
        e.min, e.max, e.quantified = lo, hi, true
      elseif el.min or el.max then
        e.min = el.min or 1
        e.max = el.max or (el.min and math.max(el.min, 1)) or 1
        e.quantified = true
      end
      local tests = 0
      for _, k in ipairs({ "text", "lower", "shape", "regex", "cap", "allcap", "num", "entity", "words", "dict_name" }) do
        if e[k] ~= nil then tests = tests + 1 end
      end
      if tests == 0 and not e.negate then
        -- {} is "any token", which is fine
        e.any = true
      end
      out[#out + 1] = e
    else
      fail(where, rname, what .. " must be a table, a word or a quantifier, got " .. type(el))
    end
  end
  for i, e in ipairs(out) do
    if e.min < 0 or (e.max ~= -1 and (e.max < e.min or e.max < 1)) or e.max > 63 or e.min > 63 then
      fail(where, rname, "token element " .. i .. ": repetition {" .. e.min .. "," .. (e.max == -1 and "" or e.max) ..
        "} must have 0 <= min <= max <= 63 and max >= 1")
    end
  end
  if #out > 32 then fail(where, rname, "a token pattern has at most 32 elements, got " .. #out) end
  return out
end

-- ---------------------------------------------------------------------------
-- validation of packs

local rule_keys = {
  name = "string", type = "string", description = "string", pattern = "string",
  tokens = "table", dictionary = true, file = "string", value = "function",
  when = "function", canonical = true, before = "string", after = "string",
  within = "string", where = true, priority = "number", overlap = "string",
  override = "boolean", case = "string", accents = "string", ucp = "boolean",
  source = "string", enabled = "boolean", emit = "boolean",
}

local pack_keys = {
  name = "string", description = "string", version = true, source = "string",
  types = "table", rules = "table", transforms = "table", outputs = "table",
  builtins = "table", priority = "number", override = "boolean",
}

local OVERLAP = { longest = 0, first = 1, priority = 2, keep_all = 3 }
local WHERE = { title = 1, body = 2, caption = 4 }
local WITHIN = { sentence = 0, paragraph = 1 }

M.builtins = {
  { name = "numex", description = "numbers, dates, times, money, percentages, quantities" },
  { name = "tagger", description = "the statistical name tagger (PERSON, ORG, GPE/LOC, MISC)" },
  { name = "gazetteer", description = "places, organizations, agencies and names of the embedded gazetteer" },
  { name = "patterns", description = "hand rules: titles, names after titles, \"X's ministry\"" },
}
local BUILTIN = {}
for _, b in ipairs(M.builtins) do BUILTIN[b.name] = b end

local function validate_rule(r, i, where, pack, seen, declared)
  if type(r) ~= "table" then fail(where, nil, "rule " .. i .. " must be a table, got " .. type(r)) end
  local rname = r.name
  if type(rname) ~= "string" or not rname:match("^[%w_%-%.]+$") then
    fail(where, nil, "rule " .. i .. " needs a 'name' (letters, digits, _ - .), got " ..
      (rname == nil and "none" or ("'" .. tostring(rname) .. "'")))
  end
  if seen[rname] then fail(where, rname, "a second rule with that name in the pack") end
  seen[rname] = true
  for k, v in pairs(r) do
    local want = rule_keys[k]
    if not want or type(k) ~= "string" then
      fail(where, rname, "unknown field '" .. tostring(k) .. "' (known: " .. keys_of(rule_keys) .. ")")
    end
    if want ~= true then check_type(v, want, where, rname, k) end
  end
  local kinds = {}
  if r.pattern ~= nil then kinds[#kinds + 1] = "pattern" end
  if r.tokens ~= nil then kinds[#kinds + 1] = "tokens" end
  if r.dictionary ~= nil then kinds[#kinds + 1] = "dictionary" end
  if r.file ~= nil then kinds[#kinds + 1] = "file" end
  if #kinds == 0 then fail(where, rname, "needs one of 'pattern', 'tokens', 'dictionary' or 'file'") end
  if #kinds > 1 then fail(where, rname, "has both '" .. kinds[1] .. "' and '" .. kinds[2] .. "': give one") end
  local kind = (kinds[1] == "file" or kinds[1] == "dictionary") and "dictionary" or kinds[1]
  local n = {
    name = rname, kind = kind, description = r.description, value = r.value, when = r.when,
    enabled = r.enabled ~= false, pack = pack,
  }
  -- type
  if r.type == nil then fail(where, rname, "needs a 'type' (an entity type such as PERSON or TROOPS)") end
  if not r.type:match("^[A-Z][A-Z0-9_]*$") then
    fail(where, rname, "'type' must be UPPER_CASE letters, digits and _, got '" .. r.type .. "'")
  end
  if declared and not declared[r.type] and not M.is_builtin_type(r.type) then
    fail(where, rname, "type '" .. r.type .. "' is not declared in the pack's 'types' nor a built-in type")
  end
  n.type = r.type
  if kind == "pattern" then
    if r.pattern == "" then fail(where, rname, "'pattern' is empty") end
    n.pattern = r.pattern
  elseif kind == "tokens" then
    n.tokens = normalize_tokens(r.tokens, where, rname)
  else
    if r.file ~= nil then
      if r.file == "" then fail(where, rname, "'file' is empty") end
      n.file = r.file
    elseif type(r.dictionary) == "string" then
      n.tsv = r.dictionary
    elseif type(r.dictionary) == "table" then
      if not is_list(r.dictionary) then fail(where, rname, "'dictionary' must be a list of phrases or a TSV string") end
      for j, e in ipairs(r.dictionary) do
        if type(e) == "table" then
          if type(e[1]) ~= "string" then fail(where, rname, "dictionary entry " .. j .. ": the phrase must be its first item") end
          for k in pairs(e) do
            if k ~= 1 and k ~= "id" and k ~= "type" then
              fail(where, rname, "dictionary entry " .. j .. ": unknown field '" .. tostring(k) .. "' (id, type)")
            end
          end
          check_type(e.id, "string", where, rname, "dictionary entry " .. j .. " id")
          if e.type ~= nil and (type(e.type) ~= "string" or not e.type:match("^[A-Z][A-Z0-9_]*$")) then
            fail(where, rname, "dictionary entry " .. j .. ": 'type' must be a type name")
          end
        elseif type(e) ~= "string" then
          fail(where, rname, "dictionary entry " .. j .. " must be a string or {phrase, id=, type=}, got " .. type(e))
        end
        local ph = type(e) == "table" and e[1] or e
        if not ph:find("[%w\128-\255]") then
          fail(where, rname, "dictionary entry " .. j .. " ('" .. ph .. "') holds no word")
        end
      end
      n.list = r.dictionary
    else
      fail(where, rname, "'dictionary' must be a list of phrases or a TSV string, got " .. type(r.dictionary))
    end
    n.emit = r.emit ~= false
  end
  if r.emit ~= nil and kind ~= "dictionary" then fail(where, rname, "'emit' is for dictionaries") end
  -- case and accents
  if r.case ~= nil and r.case ~= "sensitive" and r.case ~= "insensitive" then
    fail(where, rname, "'case' must be \"sensitive\" or \"insensitive\", got '" .. r.case .. "'")
  end
  if kind == "dictionary" then
    n.case_sensitive = r.case == "sensitive"
  else
    n.caseless = r.case == "insensitive"
  end
  if r.accents ~= nil then
    if r.accents ~= "fold" and r.accents ~= "keep" then
      fail(where, rname, "'accents' must be \"fold\" or \"keep\", got '" .. r.accents .. "'")
    end
    if kind ~= "dictionary" and r.accents == "fold" then
      fail(where, rname, "'accents = \"fold\"' is for dictionaries (patterns can spell both)")
    end
    n.fold_accents = r.accents == "fold"
  end
  n.ucp = r.ucp
  -- context
  n.before, n.after = r.before, r.after
  if r.within ~= nil then
    if WITHIN[r.within] == nil then
      fail(where, rname, "'within' must be \"sentence\" or \"paragraph\", got '" .. r.within .. "'")
    end
    n.within = WITHIN[r.within]
  end
  if r.where ~= nil then
    local list = type(r.where) == "string" and { r.where } or r.where
    if type(list) ~= "table" or not is_list(list) or #list == 0 then
      fail(where, rname, "'where' must be a field name or a list of them (title, body, caption)")
    end
    local bits = 0
    for _, w in ipairs(list) do
      local b = WHERE[w]
      if not b then fail(where, rname, "'where': unknown field '" .. tostring(w) .. "' (title, body, caption)") end
      if bits % (2 * b) < b then bits = bits + b end
    end
    n.where = bits
  end
  -- priorities and overlaps
  if r.overlap ~= nil then
    if OVERLAP[r.overlap] == nil then
      fail(where, rname, "'overlap' must be longest, first, priority or keep_all, got '" .. r.overlap .. "'")
    end
    n.overlap = OVERLAP[r.overlap]
  end
  if r.priority ~= nil and (r.priority % 1 ~= 0 or math.abs(r.priority) > 1e6) then
    fail(where, rname, "'priority' must be an integer")
  end
  n.priority = r.priority
  if n.overlap == nil and n.priority ~= nil then n.overlap = OVERLAP.priority end
  n.override = r.override
  -- canonical
  if r.canonical ~= nil and type(r.canonical) ~= "string" and type(r.canonical) ~= "function" then
    fail(where, rname, "'canonical' must be a string or a function, got " .. type(r.canonical))
  end
  n.canonical = r.canonical
  n.source = r.source
  return n
end

local builtin_types = {}
for _, t in ipairs(core.type_names()) do builtin_types[t] = true end
function M.is_builtin_type(name) return builtin_types[name] == true end

local transform_mod -- lede.transform, loaded on first use (it requires lede)
local function transforms()
  transform_mod = transform_mod or require "lede.transform"
  return transform_mod
end

local function validate_pack(p, where, dir)
  if type(p) ~= "table" then fail(where, nil, "a rule pack must be a table, got " .. type(p)) end
  check_keys(p, pack_keys, where, nil, "pack field")
  for k, want in pairs(pack_keys) do
    if want ~= true then check_type(p[k], want, where, nil, k) end
  end
  local pack = {
    name = p.name, description = p.description, source = p.source, where = where, dir = dir,
    rules = {}, transforms = {}, outputs = {}, builtins = nil, enabled = true,
  }
  if pack.name and not pack.name:match("^[%w_%-%.]+$") then
    fail(where, nil, "pack 'name' must be letters, digits, _ - . , got '" .. pack.name .. "'")
  end
  if pack.source == "" then fail(where, nil, "'source' is empty (leave it out for every source)") end
  local declared
  if p.types ~= nil then
    declared = {}
    local list = {}
    if is_list(p.types) then
      list = p.types
    else
      for k in pairs(p.types) do list[#list + 1] = k end
      table.sort(list)
    end
    for _, t in ipairs(list) do
      if type(t) ~= "string" or not t:match("^[A-Z][A-Z0-9_]*$") then
        fail(where, nil, "'types': '" .. tostring(t) .. "' is not a type name (UPPER_CASE letters, digits, _)")
      end
      declared[t] = true
    end
    pack.types = list
  end
  if p.rules ~= nil and not is_list(p.rules) then fail(where, nil, "'rules' must be a list of rules") end
  local seen = {}
  for i, r in ipairs(p.rules or {}) do
    local n = validate_rule(r, i, where, pack, seen, declared)
    if n.priority == nil and p.priority ~= nil then
      n.priority = p.priority
      if n.overlap == nil then n.overlap = OVERLAP.priority end
    end
    if n.override == nil then n.override = p.override end
    pack.rules[#pack.rules + 1] = n
  end
  -- token elements that name dictionaries of the pack
  local dicts = {}
  for _, r in ipairs(pack.rules) do
    if r.kind == "dictionary" then dicts[r.name] = r end
  end
  for _, r in ipairs(pack.rules) do
    for i, e in ipairs(r.tokens or {}) do
      if e.dict_name and not e.dict_name:find("/") then
        local d = dicts[e.dict_name]
        if not d then
          fail(where, r.name, "token element " .. i .. ": no dictionary rule '" .. e.dict_name .. "' in the pack")
        end
        if d.fold_accents then
          fail(where, r.name, "token element " .. i .. ": dictionary '" .. e.dict_name ..
            "' folds accents; token tests look words up without folding")
        end
      end
    end
  end
  if p.builtins ~= nil then
    if pack.source then
      fail(where, nil, "'builtins' cannot be set by a pack with a 'source' scope (they apply to every parse)")
    end
    pack.builtins = {}
    for k, v in pairs(p.builtins) do
      if not BUILTIN[k] then fail(where, nil, "'builtins': unknown built-in '" .. tostring(k) .. "' (numex, tagger, gazetteer, patterns)") end
      if type(v) ~= "boolean" then fail(where, nil, "'builtins': " .. k .. " must be true or false") end
      pack.builtins[k] = v
    end
  end
  if p.transforms ~= nil then
    if not is_list(p.transforms) then fail(where, nil, "'transforms' must be a list") end
    for i, tr in ipairs(p.transforms) do
      local ok, err = pcall(transforms().check, tr)
      if not ok then fail(where, nil, "transform " .. i .. ": " .. tostring(err):gsub("^[^:]*: ", "", 0)) end
      pack.transforms[#pack.transforms + 1] = tr
    end
  end
  if p.outputs ~= nil then
    for name, spec in pairs(p.outputs) do
      if type(name) ~= "string" or not name:match("^[%w_%-%.]+$") then
        fail(where, nil, "'outputs': name '" .. tostring(name) .. "' must be a word")
      end
      local ok, res = pcall(M.output_spec, name, spec)
      if not ok then fail(where, nil, "output '" .. name .. "': " .. tostring(res)) end
      pack.outputs[name] = res
    end
  end
  return pack
end

local function basename(path)
  return (path:match("([^/\\]+)$") or path):gsub("%.lua$", "")
end

local function dirname(path)
  return path:match("^(.*)[/\\][^/\\]*$") or "."
end

local function read_file(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local s = f:read(_VERSION == "Lua 5.1" and "*a" or "a")
  f:close()
  return s
end

-- Loads a pack from a path or a table: the validated pack record.
local function load_pack(src)
  if type(src) == "string" then
    local text, err = read_file(src)
    if not text then fail(src, nil, "cannot read the pack: " .. tostring(err)) end
    local chunk, lerr = (loadstring or load)(text, "@" .. src) ---@diagnostic disable-line: deprecated
    if not chunk then fail(src, nil, tostring(lerr)) end
    local ok, p = pcall(chunk, M, src)
    if not ok then fail(src, nil, "the pack failed to run: " .. tostring(p)) end
    local pack = validate_pack(p, src, dirname(src))
    pack.file, pack.text = src, text
    pack.name = pack.name or basename(src)
    return pack
  elseif type(src) == "table" then
    local where = type(src.name) == "string" and ("pack '" .. src.name .. "'") or "(table)"
    local pack = validate_pack(src, where, ".")
    pack.name = pack.name or "rules"
    pack.table = src
    return pack
  end
  error("lede.load_rules: a rule pack is a file name or a table, got " .. type(src), 3)
end

-- ---------------------------------------------------------------------------
-- outputs

local output_keys = {
  render = "function", template = "string", data = "function", escape = true,
  extension = "string", media_type = "string", description = "string",
  header = "function", footer = "function", separator = true,
}

--- Checks an output's spec and returns the spec for the formats registry
-- (a template becomes a render function).
function M.output_spec(name, spec)
  if type(spec) == "function" then spec = { render = spec } end
  if type(spec) ~= "table" then error("an output is a table or a render function, got " .. type(spec), 0) end
  for k, v in pairs(spec) do
    local want = output_keys[k]
    if not want then error("unknown field '" .. tostring(k) .. "' (known: " .. keys_of(output_keys) .. ")", 0) end
    if want ~= true and type(v) ~= want then error("'" .. k .. "' must be a " .. want .. ", got " .. type(v), 0) end
  end
  if (spec.render == nil) == (spec.template == nil) then
    error("needs a 'render' function or a 'template' string (one of them)", 0)
  end
  local out = {}
  for k, v in pairs(spec) do out[k] = v end
  if spec.template then
    local tpl = M.template(spec.template, { escape = spec.escape })
    local data = spec.data
    out.render = function(doc, text, opts)
      local view = doc
      if data then view = data(doc, text, opts or {}) end
      return tpl(view, { text = text, opts = opts or {}, doc = doc })
    end
  elseif spec.escape ~= nil then
    error("'escape' is for templates", 0)
  end
  out.template, out.data, out.escape = nil, nil, nil
  out.description = out.description or ("rule pack output " .. name)
  return out
end

local local_outputs = {}

local function formats_module()
  local ok, f = pcall(require, "lede.formats")
  if ok and type(f) == "table" and type(f.register) == "function" then return f end
  return nil
end

--- Registers an output: with the formats registry (`lede.formats`) when
-- the installed lede has it, so `lede render --format NAME` and
-- `formats.render` use it like the built-in formats; always also here for
-- `lede.rules.render`.
function M.register_output(name, spec)
  local s = M.output_spec(name, spec)
  local f = formats_module()
  if f then f.register(name, s) end
  local_outputs[name] = s
  return s
end

--- Renders a document (a lede document, a transformed document, or a table
-- with its text) with a registered output or format.
function M.render(name, doc, text, opts)
  local s = local_outputs[name]
  if not s then
    local f = formats_module()
    if f then return f.render(name, doc, text, opts) end
    error("lede.render: unknown output '" .. tostring(name) .. "'", 2)
  end
  if type(doc) ~= "table" or getmetatable(doc) then
    if type(text) == "table" and opts == nil then opts = text end
    text = doc.text
    doc = doc:to_table()
  end
  if type(text) ~= "string" then error("lede.render: needs a document, or a table and its text", 2) end
  opts = opts or {}
  local out = {}
  if s.header then out[#out + 1] = s.header(opts) end
  out[#out + 1] = s.render(doc, text, opts)
  if s.footer then out[#out + 1] = s.footer(opts) end
  return table.concat(out)
end

-- ---------------------------------------------------------------------------
-- templates (a small Mustache: {{x}}, {{a.b}}, {{{raw}}}, {{#list}}..{{/list}},
-- {{^empty}}..{{/empty}}, {{.}}, {{! comment}})

local escapes = {
  none = function(s) return s end,
  html = function(s)
    return (s:gsub("[&<>\"']", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&#39;" }))
  end,
  md = function(s)
    return (s:gsub("%s+", " "):gsub("([\\`*_%[%]|#<>])", "\\%1"))
  end,
}
escapes.xml = escapes.html

--- Compiles a template into a function(view[, extra]) -> string.
-- `opts.escape`: "html" (default), "xml", "md", "none", or a function.
function M.template(src, opts)
  opts = opts or {}
  local esc = opts.escape or "html"
  if type(esc) == "string" then
    local e = escapes[esc]
    if not e then error("unknown escape '" .. esc .. "' (html, xml, md, none, or a function)", 0) end
    esc = e
  elseif type(esc) ~= "function" then
    error("'escape' must be a name or a function", 0)
  end
  -- parse into a tree
  local pos, root = 1, { kind = "root", children = {} }
  local stack = { root }
  while true do
    local s, e, triple, tag = src:find("{{({?)%s*(.-)%s*}?}}", pos)
    if not s then break end
    if s > pos then table.insert(stack[#stack].children, src:sub(pos, s - 1)) end
    local sigil, name = tag:match("^([#%^/!&]?)%s*(.-)$")
    if triple == "{" then sigil = "&" end
    if sigil == "#" or sigil == "^" then
      local node = { kind = sigil, name = name, children = {} }
      table.insert(stack[#stack].children, node)
      stack[#stack + 1] = node
    elseif sigil == "/" then
      local top = stack[#stack]
      if top.kind == "root" or top.name ~= name then
        error("template: {{/" .. name .. "}} closes " .. (top.name and ("{{#" .. top.name .. "}}") or "nothing"), 0)
      end
      stack[#stack] = nil
    elseif sigil ~= "!" then
      table.insert(stack[#stack].children, { kind = sigil == "&" and "raw" or "var", name = name })
    end
    pos = e + 1
  end
  if #stack > 1 then error("template: {{#" .. stack[#stack].name .. "}} is not closed", 0) end
  if pos <= #src then table.insert(root.children, src:sub(pos)) end

  local function lookup(ctxs, name)
    if name == "." then return ctxs[#ctxs] end
    local first, rest = name:match("^([^%.]+)%.?(.*)$")
    for i = #ctxs, 1, -1 do
      local c = ctxs[i]
      if type(c) == "table" then
        local v = c[first]
        if v ~= nil then
          for part in rest:gmatch("[^%.]+") do
            if type(v) ~= "table" then return nil end
            v = v[tonumber(part) or part]
          end
          return v
        end
      end
    end
    return nil
  end
  local function str(v)
    if v == nil or v == false then return "" end
    if type(v) == "number" and v == math.floor(v) and math.abs(v) < 2 ^ 53 then return string.format("%d", v) end
    if type(v) == "table" or type(v) == "userdata" then
      return "" -- JSON null and tables print nothing
    end
    return tostring(v)
  end
  local function truthy(v)
    if v == nil or v == false or v == "" then return false end
    if type(v) == "table" and next(v) == nil then return false end
    if type(v) == "userdata" then return false end -- JSON null
    return true
  end
  local function render(node, ctxs, out)
    for _, ch in ipairs(node.children) do
      if type(ch) == "string" then
        out[#out + 1] = ch
      elseif ch.kind == "var" then
        out[#out + 1] = esc(str(lookup(ctxs, ch.name)))
      elseif ch.kind == "raw" then
        out[#out + 1] = str(lookup(ctxs, ch.name))
      elseif ch.kind == "#" then
        local v = lookup(ctxs, ch.name)
        if truthy(v) then
          if type(v) == "table" and is_list(v) then
            for _, item in ipairs(v) do
              ctxs[#ctxs + 1] = item
              render(ch, ctxs, out)
              ctxs[#ctxs] = nil
            end
          else
            ctxs[#ctxs + 1] = v
            render(ch, ctxs, out)
            ctxs[#ctxs] = nil
          end
        end
      elseif ch.kind == "^" then
        if not truthy(lookup(ctxs, ch.name)) then render(ch, ctxs, out) end
      end
    end
  end
  return function(view, extra)
    local out = {}
    render(root, { extra or {}, view }, out)
    return table.concat(out)
  end
end

-- ---------------------------------------------------------------------------
-- compiling a set of packs into one C ruleset

local Compiled = {}
Compiled.__index = Compiled

local function qualified(pack, rule) return pack.name .. "/" .. rule.name end

local function value_result(h, v)
  local tv = type(v)
  if tv == "number" or tv == "string" then return { value = v } end
  if tv ~= "table" then
    error("value function of rule '" .. h.qname .. "' returned a " .. tv ..
      " (number, string, {amount=, unit=|currency=} or {value=, type=, canonical=, keep=})", 0)
  end
  if v.amount ~= nil then
    if type(v.amount) ~= "number" then error("'amount' must be a number, got " .. type(v.amount), 0) end
    return { value = v }
  end
  local r = {}
  for k, x in pairs(v) do
    if k == "value" then
      if x ~= nil and type(x) ~= "number" and type(x) ~= "string" and type(x) ~= "table" then
        error("'value' must be a number, a string or {amount=, unit=}, got " .. type(x), 0)
      end
      r.value = x
    elseif k == "canonical" then
      if type(x) ~= "string" then error("'canonical' must be a string, got " .. type(x), 0) end
      r.canonical = x
    elseif k == "keep" then
      r.keep = x and true or false
    elseif k == "type" then
      local id = h.compiled.type_ids[x]
      if not id then
        error("unknown type '" .. tostring(x) .. "' (declare it in the pack's types or use it in a rule)", 0)
      end
      r.type = id
    else
      error("unknown result field '" .. tostring(k) .. "' (value, type, canonical, keep)", 0)
    end
  end
  return r
end

local Ctx = {}
Ctx.__index = Ctx
--- Up to n bytes of the text before a match.
function Ctx:before(m, n)
  n = n or 80
  return self.text:sub(math.max(1, m.start - n + 1), m.start)
end
--- Up to n bytes of the text after a match.
function Ctx:after(m, n)
  n = n or 80
  return self.text:sub(m["end"] + 1, m["end"] + n)
end

local function dispatch(self, id, m)
  local h = self.handlers[id]
  if not h then return true end
  local ctx = self.ctx
  m.rule, m.type, m.pack = h.qname, h.type, h.pack
  if h.when and not h.when(m, ctx) then return false end
  local r
  if h.value then
    local v = h.value(m, ctx)
    if v == false then return false end
    if v ~= nil then r = value_result(h, v) end
  end
  if h.canonical ~= nil then
    local c = h.canonical
    if type(c) == "function" then c = c(m, ctx) end
    if c ~= nil then
      if type(c) ~= "string" then error("canonical function returned a " .. type(c) .. ", not a string", 0) end
      r = r or {}
      if r.canonical == nil then r.canonical = c end
    end
  end
  if r == nil then return true end
  return r
end

local function add_words(rs, state, pack_index, key, words)
  local id = state.lookups[key]
  if id then return id end
  if not state.lookup_pack then
    state.lookup_pack = rs:pack("lede/lookup", "(*FAIL)") -- never active: lookups emit nothing
  end
  id = rs:dict({ name = "lede/lookup/" .. (state.nlookups + 1), type = 1, pack = state.lookup_pack })
  state.nlookups = state.nlookups + 1
  if type(words) == "string" then
    for w in words:gmatch("%S+") do rs:dict_add(id, w) end
  else
    for _, w in ipairs(words) do rs:dict_add(id, w) end
  end
  state.lookups[key] = id
  return id
  -- (pack_index is unused: lookups live in their own pack)
end

-- Loads the phrases of a dictionary rule.
local function load_dict(rs, id, r, type_id, where)
  if r.file then
    local path = r.file
    if not path:match("^/") and r.pack.dir then path = r.pack.dir .. "/" .. path end
    local text, err = read_file(path)
    if not text then fail(where, r.name, "cannot read dictionary file: " .. tostring(err)) end
    local ok, e = pcall(rs.dict_load, rs, id, text)
    if not ok then fail(where, r.name, c_message(e)) end
    return
  end
  if r.tsv then
    local ok, e = pcall(rs.dict_load, rs, id, r.tsv)
    if not ok then fail(where, r.name, c_message(e)) end
    return
  end
  for j, e in ipairs(r.list) do
    local ok, err
    if type(e) == "string" then
      ok, err = pcall(rs.dict_add, rs, id, e)
    else
      ok, err = pcall(rs.dict_add, rs, id, e[1], e.id, e.type and type_id(e.type) or nil)
    end
    if not ok then fail(where, r.name, "dictionary entry " .. j .. ": " .. c_message(err)) end
  end
end

local function combined_source(a, b)
  if not a then return b end
  if not b then return a end
  return "^(?=[\\s\\S]*?(?:" .. a .. "))(?=[\\s\\S]*?(?:" .. b .. "))"
end

--- Compiles packs (in order) into a C ruleset. Raises load errors.
local function compile(packs, order_override)
  local rs = core.ruleset()
  local self = setmetatable({
    rs = rs, handlers = {}, type_ids = {}, packs = {}, transforms = {}, skip = {},
  }, Compiled)
  local state = { lookups = {}, nlookups = 0 }
  local function type_id(name)
    local id = self.type_ids[name]
    if not id then
      id = rs:type(name)
      self.type_ids[name] = id
    end
    return id
  end
  for _, t in ipairs(core.type_names()) do type_id(t) end
  local qnames = {}
  for _, pack in ipairs(packs) do
    if pack.enabled then
      local where = pack.where
      local ok, pidx = pcall(rs.pack, rs, pack.name, pack.source)
      if not ok then fail(where, nil, "'source': " .. c_message(pidx)) end
      self.packs[#self.packs + 1] = { pack = pack, index = pidx }
      for _, t in ipairs(pack.types or {}) do type_id(t) end
      if #pack.transforms > 0 then
        self.transforms[#self.transforms + 1] = { pack = pack, index = pidx, list = pack.transforms }
      end
      local rule_ids = {}
      -- dictionaries first: token patterns may look words up in them
      local ordered = {}
      for _, r in ipairs(pack.rules) do if r.kind == "dictionary" then ordered[#ordered + 1] = r end end
      for _, r in ipairs(pack.rules) do if r.kind ~= "dictionary" then ordered[#ordered + 1] = r end end
      for _, r in ipairs(ordered) do
        local qname = qualified(pack, r)
        if qnames[qname] then fail(where, r.name, "a rule '" .. qname .. "' is loaded already (two packs named '" .. pack.name .. "'?)") end
        qnames[qname] = true
        if r.enabled then
          local rpack = pidx
          if r.source then
            local ok2, sub = pcall(rs.pack, rs, qname, combined_source(pack.source, r.source))
            if not ok2 then fail(where, r.name, "'source': " .. c_message(sub)) end
            rpack = sub
          end
          if r.kind == "dictionary" and not r.emit then
            if not state.lookup_pack then state.lookup_pack = rs:pack("lede/lookup", "(*FAIL)") end
            rpack = state.lookup_pack
          end
          local override = r.override
          if override == nil and order_override and order_override[pack] then override = true end
          local needs_cb = r.value ~= nil or r.when ~= nil or r.canonical ~= nil
          local opts = {
            name = qname, type = type_id(r.type), pack = rpack, priority = r.priority or 0,
            overlap = r.overlap or 0, override = override or false, where = r.where or 0,
            before = r.before, after = r.after, within = r.within or 0, callback = needs_cb,
            case_sensitive = r.case_sensitive, fold_accents = r.fold_accents,
            caseless = r.caseless, ucp = r.ucp,
          }
          local ok3, id
          if r.kind == "pattern" then
            ok3, id = pcall(rs.regex, rs, opts, r.pattern)
          elseif r.kind == "tokens" then
            local elems = {}
            for i, e in ipairs(r.tokens) do
              local c = {
                text = e.text, lower = e.lower, shape = e.shape, regex = e.regex, cap = e.cap,
                allcap = e.allcap, num = e.num, negate = e.negate, min = e.min, max = e.max,
              }
              if e.entity then
                if not builtin_types[e.entity] then
                  fail(where, r.name, "token element " .. i .. ": 'entity' tests the built-ins' types (PERSON, GPE...); '" ..
                    e.entity .. "' is not one")
                end
                c.ent_type = type_id(e.entity)
              end
              if e.words then
                c.dict = add_words(rs, state, pidx, e.words_name or table.concat(e.words, "\0"), e.words)
              elseif e.dict_name then
                local dq = e.dict_name:find("/") and e.dict_name or (pack.name .. "/" .. e.dict_name)
                c.dict = rule_ids[dq]
                if not c.dict then
                  fail(where, r.name, "token element " .. i .. ": no dictionary '" .. dq .. "' loaded before this rule")
                end
              end
              elems[i] = c
            end
            ok3, id = pcall(rs.tokens, rs, opts, elems)
          else
            ok3, id = pcall(rs.dict, rs, opts)
            if ok3 then load_dict(rs, id, r, type_id, where) end
          end
          if not ok3 then fail(where, r.name, c_message(id)) end
          rule_ids[qname] = id
          self.dict_ids = self.dict_ids or {}
          if r.kind == "dictionary" then self.dict_ids[qname] = id end
          if needs_cb then
            self.handlers[id] = {
              qname = qname, type = r.type, pack = pack.name, value = r.value, when = r.when,
              canonical = r.canonical, compiled = self,
            }
          end
        end
      end
      -- dictionaries of earlier packs are visible to later ones as "pack/name"
      for k, v in pairs(rule_ids) do state.lookups["rule:" .. k] = v end
      self.rule_ids = self.rule_ids or {}
      for k, v in pairs(rule_ids) do self.rule_ids[k] = v end
    end
  end
  rs:callback(function(id, m) return dispatch(self, id, m) end)
  return self
end

--- Runs a parse with this compiled set: the callbacks see `ctx`.
function Compiled:begin(text, opts)
  local prev = self.ctx
  self.ctx = setmetatable({ text = text, source = opts and opts.source, date = opts and (opts.date or opts.ref_date) }, Ctx)
  return prev
end

function Compiled:finish(prev)
  self.ctx = prev
end

-- ---------------------------------------------------------------------------
-- Rules: a set of packs, compiled into one ruleset

local Rules = {}
Rules.__index = Rules
M.Rules = Rules

local uid = 0

local function new_rules()
  uid = uid + 1
  return setmetatable({
    packs = {}, builtin_state = {}, order_list = nil, version = 0, uid = uid,
  }, Rules)
end

--- Whether v is a Rules object.
function M.is_rules(v) return getmetatable(v) == Rules end

-- builds and swaps in the compiled form; on error nothing changes
function Rules:_build()
  local front
  if self.order_list then
    -- packs placed before every built-in take precedence over the built-ins
    front = {}
    for _, name in ipairs(self.order_list) do
      if BUILTIN[name] then break end
      for _, p in ipairs(self.packs) do if p.name == name then front[p] = true end end
    end
  end
  local c = compile(self.packs, front)
  -- outputs register once the packs compiled
  for _, p in ipairs(self.packs) do
    if p.enabled then
      for name, spec in pairs(p.outputs) do M.register_output(name, spec) end
    end
  end
  self.compiled = c
  self.version = self.version + 1
  return c
end

-- the order of packs in self.packs follows order_list when there is one
local function apply_order(self)
  if not self.order_list then return end
  local rank = {}
  for i, n in ipairs(self.order_list) do rank[n] = i end
  local idx = {}
  for i, p in ipairs(self.packs) do idx[p] = i end
  table.sort(self.packs, function(a, b)
    local ra, rb = rank[a.name] or math.huge, rank[b.name] or math.huge
    if ra ~= rb then return ra < rb end
    return idx[a] < idx[b]
  end)
end

--- Adds a pack (a file name, a pack table, or every pack of another Rules
-- object) and recompiles. A pack of the same name (or file) replaces the
-- old one. On any error the set is left as it was.
-- @return the pack's name
function Rules:add(src)
  local new = {}
  if M.is_rules(src) then
    for _, p in ipairs(src.packs) do new[#new + 1] = p end
  else
    new[1] = load_pack(src)
  end
  local old = self.packs
  local packs = {}
  for _, p in ipairs(old) do packs[#packs + 1] = p end
  for _, p in ipairs(new) do
    local replaced = false
    for i, q in ipairs(packs) do
      if q.name == p.name or (p.file and q.file == p.file) then
        packs[i] = p
        replaced = true
      end
    end
    if not replaced then packs[#packs + 1] = p end
  end
  self.packs = packs
  apply_order(self)
  local ok, err = pcall(self._build, self)
  if not ok then
    self.packs = old
    error(err, 0)
  end
  return new[#new] and new[#new].name
end

--- Removes a pack by name.
function Rules:remove(name)
  local old, packs, found = self.packs, {}, false
  for _, p in ipairs(old) do
    if p.name == name then found = true else packs[#packs + 1] = p end
  end
  if not found then error("lede.rules: no pack named '" .. tostring(name) .. "'", 2) end
  self.packs = packs
  local ok, err = pcall(self._build, self)
  if not ok then
    self.packs = old
    error(err, 0)
  end
end

--- Reads the packs loaded from files again and recompiles, without
-- restarting the host: the next parse uses the new rules. Atomic: if a
-- file now fails to load, the old rules stay and the error is raised.
-- @treturn table the names of the packs whose file changed
function Rules:reload()
  local old, packs, changed = self.packs, {}, {}
  for _, p in ipairs(old) do
    if p.file then
      local np = load_pack(p.file)
      np.enabled = p.enabled
      for i, r in ipairs(np.rules) do
        for _, orr in ipairs(p.rules) do
          if orr.name == r.name and orr.enabled == false and orr.disabled_by_user then
            np.rules[i].enabled = false
            np.rules[i].disabled_by_user = true
          end
        end
      end
      if np.text ~= p.text then changed[#changed + 1] = np.name end
      packs[#packs + 1] = np
    else
      packs[#packs + 1] = p
    end
  end
  self.packs = packs
  local ok, err = pcall(self._build, self)
  if not ok then
    self.packs = old
    error(err, 0)
  end
  return changed
end

--- Whether a pack's file changed on disk since it was loaded.
function Rules:changed()
  local out = {}
  for _, p in ipairs(self.packs) do
    if p.file then
      local text = read_file(p.file)
      if text ~= p.text then out[#out + 1] = p.name end
    end
  end
  return #out > 0, out
end

--- Switches a built-in recognizer ("numex", "tagger", "gazetteer",
-- "patterns"), a pack ("military") or one rule ("military/troops") on or
-- off.
function Rules:enable(name, on)
  if on == nil then on = true end
  if type(name) ~= "string" then error("lede.rules: enable needs a name", 2) end
  if BUILTIN[name] then
    self.builtin_state[name] = on and true or false
    return self
  end
  local pname, rname = name:match("^(.-)/(.+)$")
  pname = pname or name
  for _, p in ipairs(self.packs) do
    if p.name == pname then
      if not rname then
        p.enabled = on and true or false
      else
        local found
        for _, r in ipairs(p.rules) do
          if r.name == rname then
            r.enabled = on and true or false
            r.disabled_by_user = not on
            found = true
          end
        end
        if not found then error("lede.rules: no rule '" .. name .. "'", 2) end
      end
      self:_build()
      return self
    end
  end
  error("lede.rules: no built-in, pack or rule named '" .. name .. "'", 2)
end

function Rules:disable(name) return self:enable(name, false) end

--- Orders the entries: pack names and built-in names. Packs placed before
-- every built-in take precedence over the built-ins' entities (their rules
-- get `override = true` unless they say otherwise); the order of packs
-- decides ties between user rules of equal priority and length (earlier
-- wins). Names not listed keep their order after the listed ones. The
-- built-ins among themselves keep the core's order.
function Rules:order(list)
  if type(list) ~= "table" then error("lede.rules: order needs a list of names", 2) end
  for _, n in ipairs(list) do
    local known = BUILTIN[n] ~= nil
    for _, p in ipairs(self.packs) do if p.name == n then known = true end end
    if not known then error("lede.rules: order: no built-in or pack named '" .. tostring(n) .. "'", 2) end
  end
  local old_order, old_packs = self.order_list, self.packs
  self.order_list = list
  self.packs = {}
  for i, p in ipairs(old_packs) do self.packs[i] = p end
  apply_order(self)
  local ok, err = pcall(self._build, self)
  if not ok then
    self.order_list, self.packs = old_order, old_packs
    error(err, 0)
  end
  return self
end

--- The skip names of the disabled built-ins (for lede.parse's `skip`).
function Rules:skips()
  local state = {}
  for _, p in ipairs(self.packs) do
    if p.enabled and p.builtins then
      for k, v in pairs(p.builtins) do state[k] = v end
    end
  end
  for k, v in pairs(self.builtin_state) do state[k] = v end
  local out = {}
  for _, b in ipairs(M.builtins) do
    if state[b.name] == false then out[#out + 1] = b.name end
  end
  return out
end

--- The entries: built-ins, then packs with their rules, in order.
-- Each is `{ kind = "builtin"|"pack", name, enabled, description, ... }`;
-- packs have `file`, `source`, `rules` (`{ name, qualified, kind, type,
-- priority, enabled }`), `transforms` (count) and `outputs` (names).
function Rules:list()
  local out = {}
  local skipped = {}
  for _, s in ipairs(self:skips()) do skipped[s] = true end
  local builtins = {}
  for _, b in ipairs(M.builtins) do
    builtins[#builtins + 1] = { kind = "builtin", name = b.name, description = b.description, enabled = not skipped[b.name] }
  end
  local packs = {}
  for _, p in ipairs(self.packs) do
    local e = {
      kind = "pack", name = p.name, description = p.description, file = p.file, source = p.source,
      enabled = p.enabled, rules = {}, transforms = #p.transforms, outputs = {},
    }
    for _, r in ipairs(p.rules) do
      e.rules[#e.rules + 1] = {
        name = r.name, qualified = qualified(p, r), kind = r.kind, type = r.type,
        priority = r.priority or 0, enabled = r.enabled, description = r.description,
      }
    end
    for n in pairs(p.outputs) do e.outputs[#e.outputs + 1] = n end
    table.sort(e.outputs)
    packs[#packs + 1] = e
  end
  if self.order_list then
    local seen = {}
    for _, n in ipairs(self.order_list) do
      for _, b in ipairs(builtins) do if b.name == n then out[#out + 1] = b; seen[b] = true end end
      for _, p in ipairs(packs) do if p.name == n then out[#out + 1] = p; seen[p] = true end end
    end
    for _, b in ipairs(builtins) do if not seen[b] then out[#out + 1] = b end end
    for _, p in ipairs(packs) do if not seen[p] then out[#out + 1] = p end end
  else
    for _, b in ipairs(builtins) do out[#out + 1] = b end
    for _, p in ipairs(packs) do out[#out + 1] = p end
  end
  return out
end

--- Number of compiled rules (the C count, lookups included).
function Rules:count() return self.compiled and self.compiled.rs:count() or 0 end

--- The compiled form (built on first use).
function Rules:compiled_form()
  return self.compiled or self:_build()
end

--- Applies the transformations of the packs that apply to `source` to a
-- document; returns a transformed document (same interface as a lede
-- document), or the document itself when no transformation applies.
function Rules:transform(doc, source)
  local c = self:compiled_form()
  local T = transforms()
  local t, text
  local ctx = { source = source, rules = self }
  for _, tr in ipairs(c.transforms) do
    if c.rs:pack_applies(tr.index, source) then
      -- the transforms with something to do on this document
      local list = tr.list
      if not t then
        list = {}
        for _, spec in ipairs(tr.list) do
          if list[1] or not T.idle(spec, doc) then list[#list + 1] = spec end
        end
      end
      if #list > 0 then
        -- (to_table makes a copy of its own, to change)
        if not t then t, text = doc:to_table(), doc.text end
        ctx.pack = tr.pack.name
        t, text = T.apply(list, t, text, ctx)
      end
    end
  end
  if not t then return doc end
  return T.document(t, text, doc)
end

function Rules:__tostring()
  local names = {}
  for _, p in ipairs(self.packs) do names[#names + 1] = p.name end
  return "lede.rules (" .. table.concat(names, ", ") .. ")"
end

--- A set of rule packs: `lede.rules("a.lua", "b.lua", {...})`.
function M.new(...)
  local self = new_rules()
  local n = select("#", ...)
  local all = {}
  for i = 1, n do
    local src = select(i, ...)
    if M.is_rules(src) then
      for _, p in ipairs(src.packs) do all[#all + 1] = p end
    else
      all[#all + 1] = load_pack(src)
    end
  end
  local packs = {}
  for _, p in ipairs(all) do
    local replaced = false
    for i, q in ipairs(packs) do
      if q.name == p.name then packs[i] = p; replaced = true end
    end
    if not replaced then packs[#packs + 1] = p end
  end
  self.packs = packs
  self:_build()
  return self
end

--- Loads one pack: `lede.load_rules("my_rules.lua")`.
function M.load(src)
  if type(src) ~= "string" and (type(src) ~= "table" or M.is_rules(src)) then
    error("lede.load_rules: a rule pack is a file name or a table, got " .. type(src), 2)
  end
  return M.new(src)
end

-- ---------------------------------------------------------------------------
-- parsing with rules (lede.parse and Instance:parse go through here)

local lua_only = { transform = true }

-- A Rules object standing for several (a cached combination).
local combos = setmetatable({}, { __mode = "k" })

local function combine(list)
  if #list == 1 then return list[1] end
  local key = {}
  for i, r in ipairs(list) do key[i] = r.uid .. ":" .. r.version end
  key = table.concat(key, ",")
  local cached = combos[list[1]]
  if cached and cached.key == key then return cached.rules end
  local r = new_rules()
  for _, x in ipairs(list) do
    for _, p in ipairs(x.packs) do r.packs[#r.packs + 1] = p end
    for k, v in pairs(x.builtin_state) do r.builtin_state[k] = v end
  end
  r:_build()
  combos[list[1]] = { key = key, rules = r }
  return r
end

--- Parses `text` with engine `engine`, the instance's rules `base` (a
-- Rules or nil) and `opts.rules` (a Rules, a list of them, or a ruleset of
-- lede.core). Transformations of the packs apply unless `opts.transform`
-- is false.
function M.parse(engine, text, opts, base)
  local extra = opts and opts.rules
  local list = {}
  if base and (#base.packs > 0 or next(base.builtin_state)) then list[1] = base end
  local raw
  if extra ~= nil then
    if M.is_rules(extra) then
      list[#list + 1] = extra
    elseif type(extra) == "table" and is_list(extra) then
      for i, x in ipairs(extra) do
        if not M.is_rules(x) then
          error("lede.parse: option 'rules' must be rules from lede.load_rules (or a list of them); item " ..
            i .. " is a " .. type(x), 3)
        end
        list[#list + 1] = x
      end
    elseif type(extra) == "userdata" then
      raw = extra
    else
      error("lede.parse: option 'rules' must be rules from lede.load_rules (or a list of them), got " .. type(extra), 3)
    end
  end
  if #list == 0 then
    if not opts then return engine:parse(text) end
    local copts = {}
    for k, v in pairs(opts) do if not lua_only[k] then copts[k] = v end end
    return engine:parse(text, copts)
  end
  if raw then error("lede.parse: a ruleset of lede.core cannot be combined with loaded rule packs", 3) end
  local rules = combine(list)
  local c = rules:compiled_form()
  local copts = {}
  if opts then for k, v in pairs(opts) do if not lua_only[k] then copts[k] = v end end end
  copts.rules = c.rs
  local skips = rules:skips()
  if #skips > 0 then
    local s = {}
    if type(copts.skip) == "table" then for i, v in ipairs(copts.skip) do s[i] = v end end
    for _, v in ipairs(skips) do s[#s + 1] = v end
    copts.skip = s
  end
  local prev = c:begin(text, opts)
  local ok, doc = pcall(engine.parse, engine, text, copts)
  c:finish(prev)
  if not ok then error(doc, 0) end
  if opts and opts.transform == false or #c.transforms == 0 then return doc end
  return rules:transform(doc, opts and opts.source)
end

return M
