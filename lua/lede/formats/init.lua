--- Output formats: a registry of renderers.
--
-- A format renders one document, given as plain tables in the shape of the
-- JSON form (`doc:to_table()`) plus the original text, to a string:
--
--     local formats = require "lede.formats"   -- also lede.formats
--     formats.register("titles", {
--       render = function(doc, text, opts) return (doc.title or "") .. "\n" end,
--       extension = "txt", media_type = "text/plain",
--     })
--     io.write(formats.render("titles", lede.parse(article)))
--
-- A format table has:
--
-- * `render(doc, text, opts) -> string` (required). `opts.id` is the
--   document's id (a file name or the JSONL "id", nil for a lone document),
--   `opts.index` its 1-based position in the batch, `opts.batch` true when
--   several documents go to one output, `opts.pretty` for formats that care.
-- * `extension`, `media_type`, `description` (strings).
-- * `header(opts)`, `footer(opts)` (optional): written once before the first
--   and after the last document of an output; `separator` (a string, or a
--   function of opts) between documents.
-- * `error_record(id, message, opts)` (optional): what to write in place of
--   a document that failed (JSON formats write `{"id", "error"}`).
-- * `companions(doc, text, opts) -> { [extension] = string }` (optional):
--   files written beside the main one (brat writes its `.txt`).
-- * `single = true`: documents cannot be concatenated in one output (brat);
--   several documents then need an output directory.
--
-- The built-ins (json, jsonl, csv, md, html, conll, brat) load on first use;
-- so does any module named `lede.formats.NAME` on the Lua path, which makes
-- `lede render --format NAME` work for a format installed as a module.
-- @module lede.formats
local M = {}

local registry = {}

M.builtins = { "json", "jsonl", "csv", "md", "html", "conll", "brat" }

local spec_types = {
  render = "function", header = "function", footer = "function",
  error_record = "function", companions = "function", extension = "string",
  media_type = "string", description = "string", single = "boolean",
  render_native = "function", entity_rows = "boolean",
}

--- Registers (or replaces) a format.
-- @tparam string name letters, digits, `_`, `-`, `.`
-- @tparam table spec see the module description
-- @treturn table the spec
function M.register(name, spec)
  if type(name) ~= "string" or not name:match("^[%w_%.%-]+$") then
    error("lede.formats.register: name must be a word (letters, digits, _ - .), got " .. tostring(name), 2)
  end
  if type(spec) ~= "table" or type(spec.render) ~= "function" then
    error("lede.formats.register: format '" .. name .. "' needs a render function", 2)
  end
  for k, t in pairs(spec_types) do
    if spec[k] ~= nil and type(spec[k]) ~= t then
      error("lede.formats.register: '" .. k .. "' of format '" .. name .. "' must be a " .. t, 2)
    end
  end
  if spec.separator ~= nil and type(spec.separator) ~= "string" and type(spec.separator) ~= "function" then
    error("lede.formats.register: 'separator' of format '" .. name .. "' must be a string or a function", 2)
  end
  spec.name = name
  registry[name] = spec
  return spec
end

--- The format of that name, or nil and a message.
function M.get(name)
  if type(name) ~= "string" then return nil, "format name must be a string" end
  local f = registry[name]
  if f then return f end
  if name:match("^[%w_]+$") and name ~= "util" and name ~= "init" then
    local modname = "lede.formats." .. name
    local ok, mod = pcall(require, modname)
    if ok then
      if type(mod) == "table" and type(mod.render) == "function" then
        return registry[name] or M.register(name, mod)
      end
    elseif not tostring(mod):find("module '" .. modname .. "' not found", 1, true) then
      error(mod, 0) -- the module exists but is broken: say so
    end
  end
  return nil, "unknown format '" .. name .. "' (formats: " .. table.concat(M.names(), ", ") .. ")"
end

--- Names of the built-in and registered formats, sorted.
function M.names()
  local seen, list = {}, {}
  for _, n in ipairs(M.builtins) do seen[n] = true; list[#list + 1] = n end
  for n in pairs(registry) do
    if not seen[n] then list[#list + 1] = n end
  end
  table.sort(list)
  return list
end

--- Renders a document with a format. `doc` is a lede document or a table
-- in the JSON shape; with a table, pass the original text too.
-- @usage formats.render("md", lede.parse(text))
-- @usage formats.render("csv", doc_table, text, { id = "a1" })
function M.render(name, doc, text, opts)
  local f, err = M.get(name)
  if not f then error("lede.formats.render: " .. err, 2) end
  if type(doc) == "userdata" then
    if type(text) == "table" and opts == nil then opts = text end
    text = doc.text
    doc = doc:to_table()
  end
  if type(doc) ~= "table" or type(text) ~= "string" then
    error("lede.formats.render: needs a document, or a table and its text", 2)
  end
  opts = opts or {}
  local out = {}
  if f.header then out[#out + 1] = f.header(opts) end
  out[#out + 1] = f.render(doc, text, opts)
  if f.footer then out[#out + 1] = f.footer(opts) end
  return table.concat(out)
end

return M
