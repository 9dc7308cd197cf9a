--- `csv`: the entities, one a row, RFC 4180: CRLF line ends, a header row,
-- fields holding a comma, a double quote, CR or LF are quoted with double
-- quotes doubled inside. Columns: `doc` (the JSONL id or the file name),
-- `type`, `text`, `start`, `end` (byte offsets), `value` (JSON when it is an
-- object such as `{"amount":..,"currency":..}`), `canonical`, `role`,
-- `rule` (what found it) and `id` (a user dictionary's entry id).
-- Text is written as UTF-8 (invalid bytes become U+FFFD).
-- @module lede.formats.csv
local lede = require "lede"
local util = require "lede.formats.util"

local M = {
  extension = "csv",
  media_type = "text/csv",
  description = "entities, one a row (RFC 4180, CRLF)",
  entity_rows = true,
}

M.columns = { "doc", "type", "text", "start", "end", "value", "canonical", "role", "rule", "id" }

--- One field, quoted when RFC 4180 asks for it.
function M.field(v)
  local s
  if util.is_null(v) then
    s = ""
  elseif type(v) == "string" then
    s = util.utf8_clean(v)
  else
    s = lede.json.encode(v) -- numbers as JSON writes them; tables as JSON
  end
  if s:find('[,"\r\n]') then s = '"' .. s:gsub('"', '""') .. '"' end
  return s
end

local function row(fields)
  for i = 1, #M.columns do fields[i] = M.field(fields[i]) end
  return table.concat(fields, ",", 1, #M.columns) .. "\r\n"
end

function M.header()
  return table.concat(M.columns, ",") .. "\r\n"
end

function M.render(doc, text, opts)
  opts = opts or {}
  local out = {}
  if type(doc.entities) ~= "table" then return "" end
  local id = opts.id
  if type(id) ~= "string" and not util.is_null(id) then id = util.id_string(id) end
  for i, e in ipairs(doc.entities) do
    out[i] = row({ id, e.type, e.text, e.start, e["end"], e.value, e.canonical, e.role, e.rule, e.id })
  end
  return table.concat(out)
end

return M
