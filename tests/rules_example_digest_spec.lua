-- examples/digest.lua: custom outputs (a Markdown digest, an RSS item).
local lede = require "lede"
local H = require "helpers"

describe("examples/digest.lua", function()
  lede.load_rules(H.root .. "/examples/digest.lua")
  local doc = lede.parse(H.read(H.root .. "/examples/article.txt"))

  it("renders a Markdown digest", function()
    local md = lede.render("digest", doc)
    assert.matches("^## Coastal cities pledge joint flood defences as storm season nears\n", md)
    assert.matches("*National · 2021-03-14 · Busan · by Park Min-ji and Daniel Ortega*", md, 1, true)
    assert.matches("- **People:** Park Min-ji (author); Daniel Ortega (author); Kim Seong-ho (Busan Mayor, 3 mentions)", md, 1, true)
    assert.matches("- **Places:** Busan (4 mentions)", md, 1, true)
    assert.matches("> No single city can hold back the sea", md, 1, true)
  end)

  it("renders an RSS item, escaped", function()
    local xml = lede.render("rss", doc, { link = "https://example.org/a?x=1&y=2" })
    assert.matches("^<item>\n  <title>Coastal cities pledge", xml)
    assert.matches("<link>https://example.org/a?x=1&amp;y=2</link>", xml, 1, true)
    assert.matches("<pubDate>Sun, 14 Mar 2021 09:32:00 +0900</pubDate>", xml, 1, true)
    assert.matches('<category domain="person">Kim Seong-ho</category>', xml, 1, true)
    assert.matches('<guid isPermaLink="false">lede%-%x+</guid>', xml)
    assert.is_nil(xml:find("<link>", 1, true) and nil)
    local no_link = lede.render("rss", doc)
    assert.is_nil(no_link:find("<link>", 1, true))
  end)

  it("renders what other packs changed (a redacted document)", function()
    local red = lede.parse(H.read(H.root .. "/examples/article.txt"),
      { rules = lede.load_rules(H.root .. "/examples/redact.lua") })
    local md = lede.render("digest", red)
    assert.is_nil(md:find("Kim Seong", 1, true))
    assert.matches("%- %*%*People:%*%* ", md)
  end)

  it("registers with the formats registry when lede has one", function()
    local ok, formats = pcall(require, "lede.formats")
    if not ok then
      pending("lede.formats is not in this build")
      return
    end
    assert.is_table(formats.get("digest"))
    assert.equal("md", formats.get("digest").extension)
    assert.equal(lede.render("digest", doc), formats.render("digest", doc))
  end)
end)

describe("templates", function()
  local rules = require "lede.rules"
  it("render variables, sections, inverted sections, raw values", function()
    local t = rules.template("{{title}}|{{#xs}}[{{.}}]{{/xs}}|{{^none}}empty{{/none}}|{{{raw}}}|{{a.b}}|{{! note}}")
    assert.equal("A &amp; B|[1][2]|empty|<b>|deep|", t({ title = "A & B", xs = { 1, 2 }, raw = "<b>", a = { b = "deep" } }))
    assert.equal("x", rules.template("{{#flag}}x{{/flag}}")({ flag = true }))
    assert.equal("", rules.template("{{#flag}}x{{/flag}}")({ flag = lede.json.null }))
    assert.equal("a\\*b", rules.template("{{s}}", { escape = "md" })({ s = "a*b" }))
    assert.has_error(function() rules.template("{{#a}}") end)
    assert.has_error(function() rules.template("{{/a}}") end)
    assert.has_error(function() rules.template("x", { escape = "rot13" }) end)
  end)
  it("are checked in packs' outputs", function()
    local ok, err = pcall(lede.load_rules, { name = "o", outputs = { bad = { template = "x", render = print } } })
    assert.is_false(ok)
    assert.matches("output 'bad': needs a 'render' function or a 'template' string (one of them)", err, 1, true)
    ok, err = pcall(lede.load_rules, { name = "o", outputs = { bad = { template = "{{#x}}" } } })
    assert.is_false(ok)
    assert.matches("output 'bad': template: {{#x}} is not closed", err, 1, true)
    ok, err = pcall(lede.load_rules, { name = "o", outputs = { bad = { render = print, colour = 1 } } })
    assert.matches("unknown field 'colour'", err, 1, true)
  end)
end)
