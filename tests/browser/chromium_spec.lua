-- The HTML rendering in a real browser: Debian's Chromium, headless, loads
-- the page of the bundled example and one with entities (invented, over an
-- invented text that tries to inject markup); the DOM after scripts must hold
-- the highlighted spans, the legend and the tooltip the script adds, and no
-- trace of the injection. Screenshots go to tests/out/ (example.png).
local lede = require "lede"
local formats = require "lede.formats"
local H = require "helpers"

-- (under timeout: a hang fails the test instead of stopping the suite)
local bin = "timeout 300 " .. H.lede_bin()
local out = H.root .. "/tests/out"
local dir = out .. "/browser"

local function chromium()
  for _, name in ipairs({ "chromium", "chromium-browser" }) do
    local p = H.run("command -v " .. name .. " 2>/dev/null"):gsub("%s+$", "")
    if p ~= "" then return p end
  end
end

local browser = chromium()

-- Runs headless Chromium (as root it needs --no-sandbox; the network flags
-- keep it from calling out) with a fresh profile.
local function headless(args)
  local profile = H.run("mktemp -d"):gsub("%s+$", "")
  local cmd = "timeout 120 " .. browser .. " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run" ..
    " --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage" ..
    " --user-data-dir=" .. profile .. " " .. args .. " 2>/dev/null"
  local o, rc = H.run(cmd)
  os.execute("rm -rf '" .. profile .. "'")
  return o, rc
end

local function dump_dom(page)
  return headless("--virtual-time-budget=3000 --dump-dom file://" .. page)
end

local function screenshot(page, png)
  os.remove(png)
  headless("--hide-scrollbars --window-size=1200,1600 --screenshot=" .. png .. " file://" .. page)
  return H.read(png)
end

local function count(s, pat)
  local n = 0
  for _ in s:gmatch(pat) do n = n + 1 end
  return n
end

-- width and height from a PNG's IHDR
local function png_size(png)
  local function u32(i) local a, b, c, d = png:byte(i, i + 3); return ((a * 256 + b) * 256 + c) * 256 + d end
  return u32(17), u32(21)
end

describe("the html format in Chromium", function()
  setup(function() os.execute("mkdir -p '" .. dir .. "'") end)

  it("shows the bundled example: legend, highlighted entities, tooltip; a screenshot", function()
    if not browser then pending("chromium is not installed (Debian package chromium)") return end
    local example = H.root .. "/examples/article.txt"
    local page = dir .. "/example.html"
    local _, rc = H.run(bin .. " render -f html -o " .. page .. " " .. example)
    assert.equal(0, rc)
    local n_entities = #lede.parse(H.read(example)).entities
    local dom, drc = dump_dom(page)
    assert.equal(0, drc)
    assert.matches('data%-lede%-ready="1"', dom) -- the page's script ran
    assert.matches('<nav class="legend" aria%-label="Entity types">', dom)
    assert.equal(n_entities, count(dom, '<mark class="ent ent%-'))
    assert.matches('<div class="lede%-tip" role="tooltip" hidden="">', dom)
    assert.matches("<title>Coastal cities pledge joint flood defences as storm season nears", dom)
    assert.matches('<h1 class="region title">', dom)
    assert.matches('<span class="dateline">', dom)
    assert.matches('<figure class="region caption">', dom)
    assert.matches('class="region boilerplate kind%-navigation"', dom)
    local png = screenshot(page, out .. "/example.png")
    assert.is_string(png, "no screenshot")
    assert.equal("\137PNG\r\n\26\n", png:sub(1, 8))
    assert.is_true(#png > 20000, "screenshot of " .. #png .. " bytes")
    local w, h = png_size(png)
    assert.equal(1200, w)
    assert.equal(1600, h)
  end)

  it("highlights entities by type with a legend, and nothing in the text runs", function()
    if not browser then pending("chromium is not installed (Debian package chromium)") return end
    local text = table.concat({
      "Quarry town <script>document.title='PWNED'</script> elects Mara Voss",
      "",
      "HOLLOWAY, May 9 (AP) - Mara Voss, 44, won the mayoral race in Holloway on Sunday with 61.5% of the vote,",
      "the county board said. <img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">",
      "",
      "Voss promised a $2 million fund for the old granite works.",
      "",
    }, "\n")
    local doc = lede.parse(text):to_table()
    local function add(ty, s, extra, from)
      local a, b = text:find(s, from or 1, true)
      local e = { type = ty, text = s, start = a - 1, ["end"] = b }
      for k, v in pairs(extra or {}) do e[k] = v end
      doc.entities[#doc.entities + 1] = e
    end
    doc.entities = {}
    add("PERSON", "Mara Voss", { canonical = "Mara Voss", role = "mayor-elect" })
    add("GPE", "HOLLOWAY", { canonical = "Holloway" })
    add("DATE", "May 9", { value = "--05-09" })
    add("PERSON", "Mara Voss", { canonical = "Mara Voss" }, 80)
    add("GPE", "Holloway", { canonical = "Holloway" }, 120)
    add("DATE", "Sunday")
    add("PERCENT", "61.5%", { value = 61.5 })
    add("MONEY", "$2 million", { value = { amount = 2000000, currency = "USD" } })
    add("FAC", "the old granite works", { canonical = "<script>alert(1)</script>" })
    local page = dir .. "/entities.html"
    local f = assert(io.open(page, "wb"))
    f:write(formats.render("html", doc, text, { id = "invented-1" }))
    f:close()
    local dom, rc = dump_dom(page)
    assert.equal(0, rc)
    assert.matches('data%-lede%-ready="1"', dom)
    assert.equal(9, count(dom, '<mark class="ent ent%-'))
    for _, t in ipairs({ "PERSON", "GPE", "DATE", "PERCENT", "MONEY", "FAC" }) do
      assert.matches('<button type="button" class="legend%-item ent%-' .. t .. '" data%-type="' .. t .. '"', dom)
    end
    assert.matches('PERSON <span class="count">2</span>', dom)
    assert.matches('<mark class="ent ent%-PERSON" data%-type="PERSON" data%-canonical="Mara Voss" ' ..
      'data%-role="mayor%-elect" title="PERSON', dom)
    -- the injected markup stayed text
    assert.is_nil(dom:find("PWNED</title>", 1, true))
    assert.is_nil(dom:match("<body[^>]*data%-pwned"))
    assert.is_nil(dom:find("<img", 1, true))
    assert.equal(1, count(dom, "<script>")) -- the page's own
    assert.matches("&lt;script&gt;document%.title=", dom)
    assert.matches('data%-canonical="&lt;script&gt;alert%(1%)&lt;/script&gt;"', dom)
    local png = screenshot(page, out .. "/entities.png")
    assert.is_string(png)
    assert.is_true(#png > 20000)
  end)
end)
