--- Custom outputs: a Markdown digest of an article and an RSS <item>.
-- Outputs get the document as plain tables (the JSON shape) and its text,
-- the same as the built-in formats, so they also render documents changed
-- by other packs (a redacted article renders redacted).
--
--     local lede = require "lede"
--     local digest = lede.load_rules("examples/digest.lua")
--     local doc = lede.parse(io.open("examples/article.txt"):read("a"))
--     print(lede.render("digest", doc))
--     print(lede.render("rss", doc, { link = "https://example.org/a/1" }))
--
-- With the `lede` command: lede render --rules examples/digest.lua --format digest FILE
local rules = ...

local function md(s)
  s = tostring(s or ""):gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")
  return (s:gsub("([\\`*_%[%]|#<>])", "\\%1"))
end

local function present(v) return v ~= nil and type(v) ~= "userdata" end

-- people, organizations and places: one line per entity, mentions counted
local function grouped(t, types)
  local out, by = {}, {}
  for _, e in ipairs(t.entities or {}) do
    if types[e.type] then
      local key = e.type .. "\0" .. (present(e.canonical) and e.canonical or e.text)
      local g = by[key]
      if not g then
        g = { name = present(e.canonical) and e.canonical or e.text, n = 0 }
        by[key] = g
        out[#out + 1] = g
      end
      g.n = g.n + 1
      if present(e.role) and not g.role then g.role = e.role end
    end
  end
  local parts = {}
  for _, g in ipairs(out) do
    local extra = {}
    if g.role then extra[#extra + 1] = md(g.role) end
    if g.n > 1 then extra[#extra + 1] = g.n .. " mentions" end
    parts[#parts + 1] = md(g.name) .. (#extra > 0 and (" (" .. table.concat(extra, ", ") .. ")") or "")
  end
  return table.concat(parts, "; ")
end

local function value_text(v)
  if type(v) == "table" and v.amount then
    local n = v.amount
    local s = (n == math.floor(n) and math.abs(n) < 2 ^ 53) and string.format("%d", n) or tostring(n)
    return s .. " " .. (v.unit or v.currency or "")
  end
  return tostring(v)
end

local function render_digest(t, text, opts)
  local out = {}
  local function add(s) out[#out + 1] = s end
  add("## " .. md(present(t.title) and t.title or "(untitled)"))
  local meta = {}
  if present(t.section) then meta[#meta + 1] = md(t.section) end
  if present(t.published) then meta[#meta + 1] = t.published:sub(1, 10) end
  if present(t.dateline) and present(t.dateline.location) then meta[#meta + 1] = md(t.dateline.location) end
  if t.byline and #t.byline > 0 then
    local names = {}
    for i, n in ipairs(t.byline) do names[i] = md(n) end
    meta[#meta + 1] = "by " .. table.concat(names, " and ")
  end
  if #meta > 0 then add("*" .. table.concat(meta, " · ") .. "*") end
  add("")
  if present(t.lead) then add(md(t.lead)); add("") end
  local lines = {
    { "People", { PERSON = true } },
    { "Organizations", { ORG = true } },
    { "Places", { GPE = true, LOC = true, FAC = true } },
  }
  for _, l in ipairs(lines) do
    local s = grouped(t, l[2])
    if s ~= "" then add("- **" .. l[1] .. ":** " .. s) end
  end
  -- figures: entities with a value (amounts, counts, custom types' values)
  local figs = {}
  for _, e in ipairs(t.entities or {}) do
    if type(e.value) == "table" and e.value.amount then
      figs[#figs + 1] = md(e.text) .. " = " .. md(value_text(e.value)) .. " (" .. e.type .. ")"
    end
  end
  if #figs > 0 then add("- **Figures:** " .. table.concat(figs, "; ")) end
  for _, q in ipairs(t.quotes or {}) do
    add("")
    add("> " .. md(q.text) .. (present(q.speaker) and (" — " .. md(q.speaker)) or ""))
  end
  add("")
  return table.concat(out, "\n")
end

-- RFC 822 dates for RSS, from the ISO 8601 of `published`
local DAYS = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" }
local MONTHS = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" }
local function rfc822(iso)
  if type(iso) ~= "string" then return nil end
  local y, mo, d = iso:match("^(%d%d%d%d)-(%d%d)-(%d%d)")
  if not y then return nil end
  y, mo, d = tonumber(y), tonumber(mo), tonumber(d)
  local h, mi, s = iso:match("T(%d%d):(%d%d):?(%d*)")
  local zone = iso:match("([+-]%d%d):?(%d%d)$") and iso:match("([+-]%d%d):?%d%d$") .. iso:match("(%d%d)$")
  if iso:match("Z$") then zone = "+0000" end
  -- Sakamoto's day of the week
  local tt = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 }
  local yy = mo < 3 and y - 1 or y
  local dow = (yy + math.floor(yy / 4) - math.floor(yy / 100) + math.floor(yy / 400) + tt[mo] + d) % 7
  return string.format("%s, %02d %s %04d %s:%s:%s %s", DAYS[dow + 1], d, MONTHS[mo], y,
    h or "00", mi or "00", (s and s ~= "") and s or "00", zone or "+0000")
end

local function guid(t, text)
  local h = 5381
  for i = 1, #text do h = (h * 33 + text:byte(i)) % 4294967296 end
  return string.format("lede-%08x", h)
end

return {
  name = "digest",
  description = "a Markdown digest and an RSS item",
  outputs = {
    digest = {
      extension = "md",
      media_type = "text/markdown",
      description = "a short Markdown digest: who, where, figures, quotes",
      render = render_digest,
      separator = "\n---\n\n",
    },
    rss = {
      extension = "xml",
      media_type = "application/rss+xml",
      description = "an RSS 2.0 <item> per document",
      escape = "xml",
      template = [[
<item>
  <title>{{title}}</title>
{{#link}}  <link>{{link}}</link>
{{/link}}  <guid isPermaLink="false">{{guid}}</guid>
{{#pub_date}}  <pubDate>{{pub_date}}</pubDate>
{{/pub_date}}{{#authors}}  <author>{{.}}</author>
{{/authors}}  <description>{{lead}}</description>
{{#categories}}  <category domain="{{domain}}">{{name}}</category>
{{/categories}}</item>
]],
      data = function(t, text, opts)
        local cats, seen = {}, {}
        for _, e in ipairs(t.entities or {}) do
          local domain = ({ PERSON = "person", ORG = "organization", GPE = "place", LOC = "place" })[e.type]
          local name = type(e.canonical) == "string" and e.canonical or e.text
          if domain and not seen[domain .. name] then
            seen[domain .. name] = true
            cats[#cats + 1] = { domain = domain, name = name }
          end
        end
        return {
          title = t.title, lead = t.lead, link = opts.link, guid = guid(t, text),
          pub_date = rfc822(t.published), authors = t.byline, categories = cats,
        }
      end,
    },
  },
}
