--- lede: structure and entities of news articles.
--
-- The Lua face of the C core. `lede.parse(text [, opts])` returns a
-- document; its fields are computed in C on first access. Entities are a
-- view over the C array (`doc.entities`): index it, count it, iterate it by
-- type; tables are only made for the entities you touch.
--
--     local lede = require "lede"
--     local doc = lede.parse(io.read("a"), { date = "2020-05-06" })
--     print(doc.title, doc.dateline and doc.dateline.location)
--     for e in doc.entities:each("PERSON") do print(e.text, e.canonical) end
--
-- @module lede
local core = require "lede.core"

local M = {
  version = core.version,
  _VERSION = "lede " .. core.version,
}

-- lede.formats (the output formats' registry) and lede.transform load on
-- first use (they need this module)
local lazy = { formats = "lede.formats", transform = "lede.transform" }
setmetatable(M, { __index = function(t, k)
  local name = lazy[k]
  if name then
    local v = require(name)
    rawset(t, k, v)
    return v
  end
end })

--- Methods of documents (shared by every document; C provides `json`).
local Doc = core.doc_methods
M.Doc = Doc

--- The field names of a document, in the order of the JSON form.
M.fields = {
  "title", "section", "published", "byline", "dateline", "lead", "body",
  "paragraphs", "captions", "quotes", "boilerplate", "entities", "offsets",
  "warnings",
}

--- Entity type names (OntoNotes plus TITLE).
M.types = core.type_names()

--- JSON of Lua values: `decode` (strict RFC 8259; `lede.json.null` stands
-- for null) and `encode` (object keys sorted; an empty table is `[]`).
M.json = {
  encode = core.json_encode,
  decode = core.json_decode,
  null = core.null,
}

local rules_mod -- lede.rules, loaded on first use
local function R()
  rules_mod = rules_mod or require "lede.rules"
  return rules_mod
end

local Instance = {}
Instance.__index = Instance
M.Instance = Instance

--- Creates an independent instance: its own engine, limits and rules.
-- Several instances can live in one Lua state; nothing is shared.
-- @tparam[opt] table config `{ limits = {...}, jit = true, rules = {...} }`;
--   `jit = false` matches patterns with PCRE2's interpreter (the default
--   when the environment sets LEDE_NO_JIT, as `make check-valgrind` does);
--   `rules`: rule packs to load (file names or tables), as `inst:load_rules`
-- @treturn lede.Instance
function M.new(config)
  if config ~= nil and type(config) ~= "table" then
    error("lede.new: config must be a table, got " .. type(config), 2)
  end
  for k in pairs(config or {}) do
    if k ~= "limits" and k ~= "jit" and k ~= "rules" then
      error("lede.new: unknown config key '" .. tostring(k) .. "' (limits, jit, rules)", 2)
    end
  end
  local jit = os.getenv("LEDE_NO_JIT") == nil
  if config and config.jit ~= nil then jit = config.jit and true or false end
  local self = setmetatable({ engine = core.engine(jit) }, Instance)
  if config and config.limits then self:set_limits(config.limits) end
  if config and config.rules ~= nil then
    if type(config.rules) ~= "table" then error("lede.new: 'rules' must be a list of rule packs", 2) end
    local list = config.rules
    if R().is_rules(list) or list.rules ~= nil then list = { list } end
    for _, src in ipairs(list) do self:load_rules(src) end
  end
  return self
end

--- Parses an article.
-- @tparam string text the article (plain text; any bytes are accepted)
-- @tparam[opt] table opts `date` (ISO 8601 reference date for articles that
--   print none), `tz` ("+09:00" or minutes east of UTC), `source` (agency or
--   site hint), `skip` (list of "entities", "quotes", "linking", "numex",
--   "tagger", "gazetteer", "patterns"), `rules` (rules from
--   `lede.load_rules`, or a list of them, used with the instance's own),
--   `transform = false` (leave the packs' transformations out)
-- @return a document; a transformed document (same interface) when rule
--   packs with transformations apply
function Instance:parse(text, opts)
  if type(text) ~= "string" then
    error("lede.parse: text must be a string, got " .. type(text), 2)
  end
  local rules = self._rules
  if rules == nil and (opts == nil or (opts.rules == nil and opts.transform == nil)) then
    return self.engine:parse(text, opts)
  end
  return R().parse(self.engine, text, opts, rules)
end

--- Loads a rule pack (a file name or a table; see `lede.rules`) into the
-- instance: its next parses use it. A pack of the same name replaces the
-- old one. Errors (`lede.load_rules: FILE: rule 'NAME': ...`) leave the
-- instance's rules as they were.
-- @return the pack's name
function Instance:load_rules(src)
  if type(src) ~= "string" and type(src) ~= "table" then
    error("lede.load_rules: a rule pack is a file name or a table, got " .. type(src), 2)
  end
  local rules = self._rules or R().new()
  local name = rules:add(src)
  self._rules = rules
  return name
end

--- Reads the instance's rule packs from their files again (no restart):
-- returns the names of the packs that changed. On an error the old rules
-- stay.
function Instance:reload_rules()
  if not self._rules then return {} end
  return self._rules:reload()
end

--- Drops every rule pack of the instance (and the built-ins' settings).
function Instance:clear_rules()
  self._rules = nil
end

--- The instance's entries: the built-in recognizers, then the packs with
-- their rules, in order (see `Rules:list`).
function Instance:rules()
  return (self._rules or R().new()):list()
end

--- Switches a built-in ("numex", "tagger", "gazetteer", "patterns"), a
-- pack or one rule ("pack/rule") on or off.
function Instance:enable(name, on)
  self._rules = self._rules or R().new()
  self._rules:enable(name, on)
  return self
end

function Instance:disable(name)
  return self:enable(name, false)
end

--- Orders the built-ins and packs (see `Rules:order`).
function Instance:order(list)
  self._rules = self._rules or R().new()
  self._rules:order(list)
  return self
end

--- Sets limits: `max_input` (bytes), `max_entities`, `time_budget`
-- (seconds per document), `match_limit`, `depth_limit`, `heap_limit_kib`
-- (PCRE2 limits for user patterns).
function Instance:set_limits(limits)
  self.engine:set_limits(limits)
end

--- The current limits.
function Instance:limits()
  return self.engine:limits()
end

local default

--- The instance behind `lede.parse`, created on first use.
function M.default()
  default = default or M.new()
  return default
end

--- Parses with the default instance. See `Instance:parse`.
function M.parse(text, opts)
  if type(text) ~= "string" then
    error("lede.parse: text must be a string, got " .. type(text), 2)
  end
  local inst = default or M.default()
  if inst._rules == nil and (opts == nil or (opts.rules == nil and opts.transform == nil)) then
    return inst.engine:parse(text, opts)
  end
  return R().parse(inst.engine, text, opts, inst._rules)
end

--- Loads a rule pack: a Lua file returning a table, or the table itself.
-- Returns a `Rules` object to pass as `opts.rules` (it does not change the
-- default instance; `inst:load_rules` does). See `lede.rules` for packs.
-- @usage local military = lede.load_rules("examples/military.lua")
-- @usage local doc = lede.parse(text, { rules = military })
function M.load_rules(src)
  return R().load(src)
end

--- Several rule packs as one `Rules` object: `lede.rules("a.lua", "b.lua")`.
function M.rules(...)
  return R().new(...)
end

--- Renders a document with a format or a rule pack's output.
function M.render(name, doc, text, opts)
  return R().render(name, doc, text, opts)
end

--- Like `lede.parse` but returns nil and a message instead of raising.
function M.try_parse(text, opts)
  local ok, doc = pcall(M.parse, text, opts)
  if ok then return doc end
  return nil, doc
end

--- Sets the limits of the default instance.
function M.set_limits(limits)
  M.default():set_limits(limits)
end

--- A bare pass of the core over the text (tokenizing only): the floor the
-- benchmark compares a parse with.
M.count_tokens = core.count_tokens

--- The entities of the document as the text's people, places and things:
-- one table per linked entity (mentions sharing a cluster), in order of
-- first mention: `{ type, canonical, role, mentions = { {text, start,
-- ["end"]}, ... } }`. Values (DATE, MONEY...) are not clustered: each is
-- its own entry, with its `value`.
-- @tparam[opt] string|table filter entity types to keep
function Doc:clusters(filter)
  local out, by = {}, {}
  for e in self.entities:each(filter) do
    local c = by[e.cluster]
    if not c then
      c = { type = e.type, canonical = e.canonical or e.text, role = e.role, value = e.value,
            mentions = {} }
      by[e.cluster] = c
      out[#out + 1] = c
    end
    if not c.role and e.role then c.role = e.role end
    c.mentions[#c.mentions + 1] = { text = e.text, start = e.start, ["end"] = e["end"] }
  end
  return out
end

--- The document as plain tables, in the shape of its JSON form: a copy,
-- built anew (the document's cached fields are not shared), that the
-- caller may change.
function Doc:to_table()
  local t = {}
  for _, k in ipairs(M.fields) do
    if k == "entities" then
      t[k] = self.entities:list()
    else
      t[k] = core.doc_field(self, k)
    end
  end
  return t
end

return M
