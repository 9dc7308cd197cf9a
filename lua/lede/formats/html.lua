--- `html`: one self-contained page (inline CSS and script, no network: a
-- Content-Security-Policy forbids any fetch) showing the article as lede cut
-- it, in its original order: title, meta lines, dateline, paragraphs,
-- captions, boilerplate greyed with its kind, and any stretch no field
-- claimed. Entities are wrapped in
-- `<mark class="ent ent-TYPE" data-type data-value data-canonical data-role title>`
-- with the type as a label; a legend lists the types present with their
-- colours and counts (click one to switch its highlighting off); hovering or
-- focusing an entity shows a tooltip with its type, value, canonical form
-- and role. Every piece of the text is escaped: it is untrusted.
-- Several documents in one output are several `<article>`s of one page.
-- @module lede.formats.html
local util = require "lede.formats.util"

local esc = util.html_escape
local val = util.val

local M = {
  extension = "html",
  media_type = "text/html",
  description = "a self-contained page with entities highlighted (displaCy-like)",
}

--- Colours of the built-in types; other types get one derived from the name.
M.colors = {
  PERSON = "#aa9cfc", NORP = "#c887fb", FAC = "#9cc9cc", ORG = "#7aecec",
  GPE = "#feca74", LOC = "#ff9561", PRODUCT = "#bfeeb7", EVENT = "#ffeb80",
  WORK_OF_ART = "#f0d0ff", LAW = "#ff8197", LANGUAGE = "#e4e7d2",
  DATE = "#bfe1d9", TIME = "#a6d9e8", PERCENT = "#e0e6a6", MONEY = "#d4e8a0",
  QUANTITY = "#e8d7b0", ORDINAL = "#ddd4f2", CARDINAL = "#e4e7d2",
  TITLE = "#f6c6a8",
}

local function class_name(t)
  return (tostring(t):gsub("[^%w_%-]", "_"))
end

-- a stable light colour for a type that has none of its own
local function derived_color(t)
  local h = 0
  for i = 1, #t do h = (h * 31 + t:byte(i)) % 360 end
  return string.format("hsl(%d, 70%%, 82%%)", h)
end

local function color_style(t)
  if M.colors[t] then return "" end
  return ' style="--c: ' .. derived_color(t) .. '"'
end

local CSS = [==[
:root { color-scheme: light; }
body { font: 16px/1.6 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #222;
  background: #fafafa; margin: 0; padding: 24px; }
article.lede-doc { max-width: 860px; margin: 0 auto 40px; background: #fff; padding: 24px 32px;
  border: 1px solid #e2e2e2; border-radius: 6px; }
article.lede-doc.failed { border-color: #d33; }
.lede-doc h1.title { font-size: 1.7em; line-height: 1.3; margin: 0.2em 0 0.6em; }
.lede-id { font: 12px/1.4 monospace; color: #777; margin-bottom: 8px; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; font-size: 0.88em;
  background: #f4f6f8; border-radius: 4px; padding: 10px 14px; margin: 18px 0 0; }
dl.fields dt { color: #667; font-weight: bold; }
dl.fields dd { margin: 0; }
nav.legend { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 0 0 18px;
  font-size: 0.8em; position: sticky; top: 0; z-index: 5; background: #fff; padding: 6px 0; }
nav.legend .legend-title { font-weight: bold; color: #667; margin-right: 4px; }
nav.legend .legend-item { display: inline-flex; align-items: center; gap: 5px; border: 1px solid #ddd;
  border-radius: 12px; padding: 1px 9px 1px 4px; background: #fff; cursor: pointer; font: inherit; }
nav.legend .legend-item.off { opacity: 0.45; text-decoration: line-through; }
nav.legend .swatch { width: 14px; height: 14px; border-radius: 7px; background: var(--c, #ddd); }
nav.legend .count { color: #888; }
nav.legend .none { color: #888; font-style: italic; }
.text .region { white-space: pre-line; margin: 0 0 0.9em; }
.text p.paragraph, .text h1.title, .text figure.caption { white-space: normal; }
.text .meta { font-size: 0.85em; color: #556; margin: 0 0 0.3em; }
.text .meta::before { content: attr(data-field) ": "; font-variant: small-caps; color: #99a; }
.text .dateline { font-weight: bold; text-transform: none; }
.text figure.caption { margin: 0 0 1em; padding: 8px 12px; border-left: 4px solid #ccd;
  background: #f7f7fb; font-size: 0.9em; font-style: italic; }
.text .boilerplate { color: #aaa; font-size: 0.8em; border-left: 3px dotted #ddd; padding-left: 8px; }
.text .boilerplate::before { content: attr(data-kind) " · "; font-variant: small-caps; }
.text .other { color: #666; font-size: 0.9em; }
mark.ent { background: var(--c, #ddd); padding: 0.1em 0.3em; border-radius: 0.35em;
  line-height: 1; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
mark.ent::after { content: attr(data-type); font-size: 0.55em; font-weight: bold; line-height: 1;
  vertical-align: middle; margin-left: 0.4em; text-transform: uppercase; opacity: 0.75; }
mark.ent mark.ent { padding: 0 0.15em; }
mark.ent.off { background: transparent; padding: 0; }
mark.ent.off::after { content: none; }
mark.ent:focus { outline: 2px solid #333; }
.lede-tip { position: absolute; z-index: 10; max-width: 360px; background: #222; color: #fff;
  font-size: 12px; line-height: 1.4; padding: 6px 9px; border-radius: 4px; pointer-events: none;
  box-shadow: 0 2px 8px rgba(0,0,0,.25); }
.lede-tip[hidden] { display: none; }
.lede-tip b { color: #bbb; font-weight: normal; }
.failure { color: #b00; }
]==]

local function css()
  local rules = {}
  local names = {}
  for t in pairs(M.colors) do names[#names + 1] = t end
  table.sort(names)
  for _, t in ipairs(names) do
    rules[#rules + 1] = ".ent-" .. t .. " { --c: " .. M.colors[t] .. "; }"
  end
  return CSS .. table.concat(rules, "\n") .. "\n"
end

local SCRIPT = [==[
(function () {
  "use strict";
  var tip = document.createElement("div");
  tip.className = "lede-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.appendChild(tip);
  function closest(el, sel) {
    while (el && el.nodeType === 1) { if (el.matches(sel)) return el; el = el.parentNode; }
    return null;
  }
  function show(m) {
    tip.textContent = "";
    [["type", m.dataset.type], ["value", m.dataset.value], ["canonical", m.dataset.canonical],
     ["role", m.dataset.role], ["found by", m.dataset.rule]].forEach(function (row) {
      if (!row[1]) return;
      var line = document.createElement("div"), b = document.createElement("b");
      b.textContent = row[0] + ": ";
      line.appendChild(b);
      line.appendChild(document.createTextNode(row[1]));
      tip.appendChild(line);
    });
    var r = m.getBoundingClientRect();
    tip.style.left = (r.left + window.scrollX) + "px";
    tip.style.top = (r.bottom + window.scrollY + 6) + "px";
    tip.hidden = false;
  }
  function hover(ev) {
    var m = closest(ev.target, "mark.ent");
    if (m) show(m); else tip.hidden = true;
  }
  document.addEventListener("mouseover", hover);
  document.addEventListener("focusin", hover);
  document.addEventListener("click", function (ev) {
    var item = closest(ev.target, ".legend-item");
    if (!item) return;
    var art = closest(item, "article"), type = item.getAttribute("data-type");
    var off = item.classList.toggle("off");
    item.setAttribute("aria-pressed", off ? "false" : "true");
    Array.prototype.forEach.call(art.querySelectorAll("mark.ent"), function (m) {
      if (m.getAttribute("data-type") === type) m.classList.toggle("off", off);
    });
  });
  var h = document.querySelector("article h1.title");
  if (h) document.title = h.textContent + " \u2014 lede";
  document.documentElement.setAttribute("data-lede-ready", "1");
})();
]==]

function M.header(opts)
  opts = opts or {}
  return table.concat({
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ",
    "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n",
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
    "<meta name=\"generator\" content=\"lede\">\n",
    "<title>", esc(opts.page_title or "lede"), "</title>\n<style>\n", css(), "</style>\n</head>\n<body>\n",
  })
end

function M.footer()
  return "<script>\n" .. SCRIPT .. "</script>\n</body>\n</html>\n"
end

M.separator = "\n"

-- the attributes and opening tag of an entity
local function open_mark(e)
  local t = tostring(val(e.type) or "ENTITY")
  local value = util.value_string(e.value)
  local canonical = val(e.canonical)
  local role = val(e.role)
  local rule = type(val(e.rule)) == "string" and e.rule or nil -- provenance
  local tip = { t }
  if canonical then tip[#tip + 1] = "canonical: " .. tostring(canonical) end
  if value ~= "" then tip[#tip + 1] = "value: " .. value end
  if role then tip[#tip + 1] = "role: " .. tostring(role) end
  if rule then tip[#tip + 1] = "found by: " .. rule end
  local a = { '<mark class="ent ent-', class_name(t), '" data-type="', esc(t), '"' }
  if value ~= "" then a[#a + 1] = ' data-value="' .. esc(value) .. '"' end
  if canonical then a[#a + 1] = ' data-canonical="' .. esc(canonical) .. '"' end
  if role then a[#a + 1] = ' data-role="' .. esc(role) .. '"' end
  if rule then a[#a + 1] = ' data-rule="' .. esc(rule) .. '"' end
  a[#a + 1] = ' title="' .. esc(table.concat(tip, " \226\128\148 ")) .. '" tabindex="0"' .. color_style(t) .. ">"
  return table.concat(a)
end

-- The text from rs to re (byte offsets), escaped, with the entities that
-- meet it wrapped in marks: nested ones nest, one that crosses the end of an
-- enclosing one is cut there (its tooltip still tells all of it).
local function marked(text, rs, re, ents)
  local segs = {}
  for _, x in ipairs(ents) do
    if x.start >= re then break end
    if x.stop > rs then
      local s, t = math.max(x.start, rs), math.min(x.stop, re)
      if t > s then segs[#segs + 1] = { s = s, t = t, e = x.e, order = #segs } end
    end
  end
  local out, pos, stack = {}, rs, {}
  local function upto(p)
    if p > pos then
      out[#out + 1] = esc(text:sub(pos + 1, p))
      pos = p
    end
  end
  for _, g in ipairs(segs) do
    while #stack > 0 and stack[#stack].t <= g.s do
      upto(stack[#stack].t)
      out[#out + 1] = "</mark>"
      stack[#stack] = nil
    end
    if #stack > 0 and g.t > stack[#stack].t then g.t = stack[#stack].t end
    if g.t > g.s then
      upto(g.s)
      out[#out + 1] = open_mark(g.e)
      stack[#stack + 1] = g
    end
  end
  while #stack > 0 do
    upto(stack[#stack].t)
    out[#out + 1] = "</mark>"
    stack[#stack] = nil
  end
  upto(re)
  return table.concat(out)
end

local function fields_block(doc, opts)
  local rows = {}
  local function row(k, v)
    if v and v ~= "" then rows[#rows + 1] = "<dt>" .. esc(k) .. "</dt><dd>" .. esc(v) .. "</dd>" end
  end
  row("Section", val(doc.section))
  row("Published", val(doc.published))
  if type(doc.byline) == "table" and #doc.byline > 0 then
    local names = {}
    for i, n in ipairs(doc.byline) do names[i] = tostring(n) end
    row("By", table.concat(names, ", "))
  end
  local dl = val(doc.dateline)
  if type(dl) == "table" then
    local parts = {}
    for _, k in ipairs({ "location", "date", "agency" }) do
      if val(dl[k]) then parts[#parts + 1] = tostring(dl[k]) end
    end
    row("Dateline", table.concat(parts, " \194\183 "))
  end
  local counts = {}
  for _, k in ipairs({ "paragraphs", "captions", "quotes", "boilerplate" }) do
    local n = type(doc[k]) == "table" and #doc[k] or 0
    counts[#counts + 1] = n .. " " .. k
  end
  row("Blocks", table.concat(counts, ", "))
  if type(doc.warnings) == "table" and #doc.warnings > 0 then
    local w = {}
    for i, x in ipairs(doc.warnings) do w[i] = tostring(x) end
    row("Warnings", table.concat(w, ", "))
  end
  return '<dl class="fields">' .. table.concat(rows) .. "</dl>\n"
end

local function legend(ents)
  local order, count = {}, {}
  for _, x in ipairs(ents) do
    local t = tostring(val(x.e.type) or "ENTITY")
    if not count[t] then count[t] = 0; order[#order + 1] = t end
    count[t] = count[t] + 1
  end
  local o = { '<nav class="legend" aria-label="Entity types"><span class="legend-title">Entities</span>' }
  if #order == 0 then o[#o + 1] = '<span class="none">none found</span>' end
  for _, t in ipairs(order) do
    o[#o + 1] = '<button type="button" class="legend-item ent-' .. class_name(t) .. '" data-type="' .. esc(t) ..
      '" aria-pressed="true"' .. color_style(t) .. '><span class="swatch"></span>' .. esc(t) ..
      ' <span class="count">' .. count[t] .. "</span></button>"
  end
  o[#o + 1] = "</nav>\n"
  return table.concat(o)
end

local meta_label = { section = "section", published = "published", byline = "byline" }

function M.render(doc, text, opts)
  opts = opts or {}
  local ents = util.entities(doc, text)
  local regions = util.regions(doc, text)
  local o = { '<article class="lede-doc"' }
  if opts.id ~= nil then o[#o + 1] = ' data-id="' .. esc(util.id_string(opts.id)) .. '"' end
  o[#o + 1] = ">\n"
  if opts.id ~= nil then o[#o + 1] = '<div class="lede-id">' .. esc(util.id_string(opts.id)) .. "</div>\n" end
  local has_title = false
  for _, r in ipairs(regions) do if r.kind == "title" then has_title = true end end
  if not has_title then o[#o + 1] = '<h1 class="title untitled">(no title)</h1>\n' end
  local body = {}
  local i = 1
  while i <= #regions do
    local r = regions[i]
    local k = r.kind
    if k == "title" then
      body[#body + 1] = '<h1 class="region title">' .. marked(text, r.start, r.stop, ents) .. "</h1>"
    elseif meta_label[k] then
      body[#body + 1] = '<p class="region meta meta-' .. k .. '" data-field="' .. meta_label[k] .. '">' ..
        marked(text, r.start, r.stop, ents) .. "</p>"
    elseif k == "dateline" then
      local nxt = regions[i + 1]
      local dl = '<span class="dateline">' .. marked(text, r.start, r.stop, ents) .. "</span>"
      if nxt and nxt.kind == "paragraph" then
        -- the dateline opens the first paragraph, as printed
        body[#body + 1] = '<p class="region paragraph">' .. dl .. " " ..
          marked(text, nxt.start, nxt.stop, ents) .. "</p>"
        i = i + 1
      else
        body[#body + 1] = '<p class="region paragraph">' .. dl .. "</p>"
      end
    elseif k == "paragraph" then
      body[#body + 1] = '<p class="region paragraph">' .. marked(text, r.start, r.stop, ents) .. "</p>"
    elseif k == "caption" then
      body[#body + 1] = '<figure class="region caption"><figcaption>' ..
        marked(text, r.start, r.stop, ents) .. "</figcaption></figure>"
    elseif k == "boilerplate" then
      local kind = tostring(val(r.item and r.item.kind) or "other")
      body[#body + 1] = '<div class="region boilerplate kind-' .. class_name(kind) .. '" data-kind="' ..
        esc(kind) .. '" title="boilerplate: ' .. esc(kind) .. '">' .. marked(text, r.start, r.stop, ents) .. "</div>"
    else
      body[#body + 1] = '<div class="region other">' .. marked(text, r.start, r.stop, ents) .. "</div>"
    end
    i = i + 1
  end
  o[#o + 1] = legend(ents)
  o[#o + 1] = '<div class="text">\n' .. table.concat(body, "\n") .. "\n</div>\n"
  o[#o + 1] = fields_block(doc, opts)
  o[#o + 1] = "</article>\n"
  return table.concat(o)
end

function M.error_record(id, message)
  return '<article class="lede-doc failed"><div class="lede-id">' .. esc(util.id_string(id)) ..
    '</div><p class="failure">Failed: ' .. esc(message) .. "</p></article>\n"
end

return M
