--- `jsonl`: JSON lines, one document a line with its `"id"` first (the
-- JSONL input's id, or the file name). With `opts.entities_only` (the
-- `lede entities` command), one entity a line:
-- `{"doc", type, text, start, end, value, canonical, role, rule, id}`.
-- @module lede.formats.jsonl
local lede = require "lede"
local util = require "lede.formats.util"

local encode = lede.json.encode
local null = lede.json.null

local M = {
  extension = "jsonl",
  media_type = "application/jsonl",
  description = "one JSON document (or entity, for lede entities) a line",
  entity_rows = true,
}

function M.render(doc, text, opts)
  opts = opts or {}
  if opts.entities_only then
    local rows = {}
    if type(doc.entities) == "table" then
      for i, e in ipairs(doc.entities) do rows[i] = util.entity_json(e, opts.id) .. "\n" end
    end
    return table.concat(rows)
  end
  return util.doc_json(doc, false, opts.id == nil and null or opts.id) .. "\n"
end

--- The same from a lede document, by the C writer (faster, same content).
function M.render_native(doc, opts)
  return '{"id":' .. encode(opts.id == nil and null or opts.id) .. "," .. doc:json(false):sub(2) .. "\n"
end

function M.error_record(id, message)
  return '{"id":' .. encode(id == nil and null or id) .. ',"error":' .. encode(message) .. "}\n"
end

return M
