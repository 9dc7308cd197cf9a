--- `md`: a readable Markdown digest of a document: the title, the fields
-- (section, published, byline, dateline), the entities grouped by type with
-- their mentions counted, the quotes, the article's paragraphs, the
-- captions and what was left out as boilerplate. Documents of a batch are
-- separated by a rule (`---`).
-- @module lede.formats.md
local util = require "lede.formats.util"

local val = util.val

local M = {
  extension = "md",
  media_type = "text/markdown",
  description = "a readable Markdown digest",
}

--- Text for Markdown: valid UTF-8, white space runs folded, the characters
-- Markdown would read as markup escaped, HTML made inert.
function M.text(s)
  s = util.utf8_clean(tostring(s)):gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")
  s = s:gsub("([\\`*_%[%]|#])", "\\%1"):gsub("<", "&lt;"):gsub(">", "&gt;")
  return s
end
local md = M.text

--- The same for text that starts a line: a leading "1." or "-" or "+"
-- would start a list.
function M.block(s)
  s = md(s)
  s = s:gsub("^(%d+)%.", "%1\\."):gsub("^([%-+])", "\\%1")
  return s
end
local block = M.block

local function join(list, sep)
  local out = {}
  for _, v in ipairs(list) do out[#out + 1] = md(v) end
  return table.concat(out, sep)
end

function M.render(doc, text, opts)
  opts = opts or {}
  local o = {}
  local function add(s) o[#o + 1] = s end
  local title = val(doc.title)
  add("# " .. (title and md(title) or "(no title)") .. "\n\n")
  local facts = {}
  if opts.id ~= nil then facts[#facts + 1] = "- **Id:** " .. md(util.id_string(opts.id)) end
  if val(doc.section) then facts[#facts + 1] = "- **Section:** " .. md(doc.section) end
  if val(doc.published) then facts[#facts + 1] = "- **Published:** " .. md(doc.published) end
  if type(doc.byline) == "table" and #doc.byline > 0 then
    facts[#facts + 1] = "- **By:** " .. join(doc.byline, ", ")
  end
  local dl = val(doc.dateline)
  if type(dl) == "table" then
    local parts = {}
    if val(dl.location) then parts[#parts + 1] = md(dl.location) end
    if val(dl.date) then parts[#parts + 1] = md(dl.date) end
    local s = table.concat(parts, ", ")
    if val(dl.agency) then s = s .. (s ~= "" and " " or "") .. "(" .. md(dl.agency) .. ")" end
    facts[#facts + 1] = "- **Dateline:** " .. s
  end
  if #facts > 0 then add(table.concat(facts, "\n") .. "\n\n") end
  if val(doc.lead) then add("> " .. block(doc.lead) .. "\n\n") end

  -- entities, grouped by type in order of first mention, then by canonical
  local ents = type(doc.entities) == "table" and doc.entities or {}
  add("## Entities (" .. #ents .. ")\n\n")
  if #ents == 0 then
    add("None found.\n\n")
  else
    local types, by_type = {}, {}
    for _, e in ipairs(ents) do
      local t = tostring(val(e.type) or "?")
      if not by_type[t] then by_type[t] = { order = {}, groups = {} }; types[#types + 1] = t end
      local key = tostring(val(e.canonical) or val(e.text) or "")
      local g = by_type[t].groups[key]
      if not g then
        g = { e = e, n = 0 }
        by_type[t].groups[key] = g
        by_type[t].order[#by_type[t].order + 1] = key
      end
      g.n = g.n + 1
    end
    add("| Type | Text | Value | Canonical | Role | Mentions |\n|---|---|---|---|---|---:|\n")
    for _, t in ipairs(types) do
      for _, key in ipairs(by_type[t].order) do
        local g = by_type[t].groups[key]
        local e = g.e
        add("| " .. md(t) .. " | " .. md(val(e.text) or "") .. " | " .. md(util.value_string(e.value)) ..
          " | " .. md(val(e.canonical) or "") .. " | " .. md(val(e.role) or "") .. " | " .. g.n .. " |\n")
      end
    end
    add("\n")
  end

  if type(doc.quotes) == "table" and #doc.quotes > 0 then
    add("## Quotes\n\n")
    for _, q in ipairs(doc.quotes) do
      add("> " .. block(val(q.text) or "") .. "\n")
      if val(q.speaker) then add(">\n> — " .. md(q.speaker) .. "\n") end
      add("\n")
    end
  end

  add("## Article\n\n")
  local paras = type(doc.paragraphs) == "table" and doc.paragraphs or {}
  if #paras == 0 then add("(no paragraphs)\n\n") end
  for _, p in ipairs(paras) do add(block(val(p.text) or "") .. "\n\n") end

  if type(doc.captions) == "table" and #doc.captions > 0 then
    add("## Captions\n\n")
    for _, c in ipairs(doc.captions) do
      local s = "- *" .. md(val(c.text) or "") .. "*"
      if val(c.credit) then s = s .. " (credit: " .. md(c.credit) .. ")" end
      add(s .. "\n")
    end
    add("\n")
  end

  if type(doc.boilerplate) == "table" and #doc.boilerplate > 0 then
    local kinds, order = {}, {}
    for _, b in ipairs(doc.boilerplate) do
      local k = tostring(val(b.kind) or "other")
      if not kinds[k] then kinds[k] = 0; order[#order + 1] = k end
      kinds[k] = kinds[k] + 1
    end
    local parts = {}
    for _, k in ipairs(order) do parts[#parts + 1] = md(k) .. " (" .. kinds[k] .. ")" end
    add("## Left out\n\n" .. #doc.boilerplate .. " boilerplate blocks: " .. table.concat(parts, ", ") .. ".\n\n")
  end
  if type(doc.warnings) == "table" and #doc.warnings > 0 then
    add("**Warnings:** " .. join(doc.warnings, ", ") .. "\n\n")
  end
  return table.concat(o)
end

M.separator = "---\n\n"

function M.error_record(id, message)
  return "# " .. md(util.id_string(id)) .. "\n\n**Failed:** " .. md(message) .. "\n\n"
end

return M
