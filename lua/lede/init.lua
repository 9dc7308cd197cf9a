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

local Instance = {}
Instance.__index = Instance

--- Creates an independent instance: its own engine, limits and rules.
-- Several instances can live in one Lua state; nothing is shared.
-- @tparam[opt] table config `{ limits = {...}, jit = true }`; `jit = false`
--   matches patterns with PCRE2's interpreter (the default when the
--   environment sets LEDE_NO_JIT, as `make check-valgrind` does)
-- @treturn lede.Instance
function M.new(config)
  if config ~= nil and type(config) ~= "table" then
    error("lede.new: config must be a table, got " .. type(config), 2)
  end
  local jit = os.getenv("LEDE_NO_JIT") == nil
  if config and config.jit ~= nil then jit = config.jit and true or false end
  local self = setmetatable({ engine = core.engine(jit) }, Instance)
  if config and config.limits then self:set_limits(config.limits) end
  return self
end

--- Parses an article.
-- @tparam string text the article (plain text; any bytes are accepted)
-- @tparam[opt] table opts `date` (ISO 8601 reference date for articles that
--   print none), `tz` ("+09:00" or minutes east of UTC), `source` (agency or
--   site hint), `skip` (list of "entities", "quotes", "linking")
-- @return a document
function Instance:parse(text, opts)
  if type(text) ~= "string" then
    error("lede.parse: text must be a string, got " .. type(text), 2)
  end
  return self.engine:parse(text, opts)
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
  return M.default().engine:parse(text, opts)
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

--- The document as plain tables, in the shape of its JSON form.
function Doc:to_table()
  local t = {}
  for _, k in ipairs(M.fields) do
    if k == "entities" then
      t[k] = self.entities:list()
    else
      t[k] = self[k]
    end
  end
  return t
end

return M
