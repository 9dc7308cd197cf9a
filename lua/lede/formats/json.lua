--- `json`: the JSON form of the README ("The JSON form"). One document is
-- one object (indented); several documents going to one output are an
-- array of objects, each with its `"id"` first. With `opts.entities_only`
-- (the `lede entities` command) the array holds entity rows instead:
-- `{doc, type, text, start, end, value, canonical, role, rule, id}`.
-- @module lede.formats.json
local lede = require "lede"
local util = require "lede.formats.util"

local encode = lede.json.encode
local null = lede.json.null

local M = {
  extension = "json",
  media_type = "application/json",
  description = "the JSON form (an array of documents for a batch)",
  entity_rows = true,
}

--- The entity rows of a document, each a JSON object with the document's
-- id (or file) as "doc".
function M.rows(doc, opts)
  local rows = {}
  if type(doc.entities) == "table" then
    for i, e in ipairs(doc.entities) do rows[i] = util.entity_json(e, opts.id) end
  end
  return rows
end

function M.header(opts)
  return (opts.batch or opts.entities_only) and "[\n" or ""
end

M.separator = ",\n"

function M.footer(opts)
  return (opts.batch or opts.entities_only) and "\n]\n" or "\n"
end

function M.render(doc, text, opts)
  opts = opts or {}
  if opts.entities_only then return table.concat(M.rows(doc, opts), ",\n") end
  local id
  if opts.batch then id = opts.id == nil and null or opts.id end
  return util.doc_json(doc, opts.pretty ~= false, id)
end

--- The same from a lede document, by the C writer (faster, same content).
function M.render_native(doc, opts)
  local pretty = opts.pretty ~= false
  local s = doc:json(pretty)
  if not opts.batch then return s end
  local id = encode(opts.id == nil and null or opts.id)
  if pretty then return '{\n  "id": ' .. id .. "," .. s:sub(2) end
  return '{"id":' .. id .. "," .. s:sub(2)
end

function M.error_record(id, message)
  return '{"id":' .. encode(id == nil and null or id) .. ',"error":' .. encode(message) .. "}"
end

return M
