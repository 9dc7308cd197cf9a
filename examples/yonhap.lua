--- A per-site pack for Yonhap's English pages (a wire service's layout).
-- It applies only when the caller names the source: an agency or site
-- name, or the page's URL:
--
--     local lede = require "lede"
--     local yonhap = lede.load_rules("examples/yonhap.lua")
--     local doc = lede.parse(page, { rules = yonhap, source = "https://en.yna.co.kr/view/AEN20220602000351315" })
--     print(doc.title, doc.update, doc.reporter)
--     --> Port cities to link storm-surge warnings from July   LEAD   hjw@yna.co.kr
--
-- What the generic parser cannot know about these pages:
--  * headlines carry an update tag: "(LEAD)", "(2nd LD)", "(URGENT)",
--    "(News Focus)": it moves to `doc.update` and leaves the title;
--  * the story ends with the reporter's address and "(END)": they are
--    labelled boilerplate (kind "credit"), not paragraphs, and the address
--    becomes `doc.reporter`;
--  * photo captions end with restrictions such as "(PHOTO NOT FOR SALE)";
--  * Korean names ("Choi Hyun-seok": family name first, hyphenated given
--    name), ministries ("the Ministry of the Interior and Safety") and
--    amounts in won ("12.4 billion won" -> 12400000000 KRW).
local rules = ...
local T = require "lede.transform"

-- the commonest family names (romanized as Yonhap prints them)
local FAMILY = {
  "Kim", "Lee", "Park", "Choi", "Jung", "Jeong", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han",
  "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Jeon", "Hong", "Moon", "Yang", "Ko",
  "Baek", "Nam", "Yoo", "Noh", "Ha", "Kwak", "Sung", "Cha", "Joo", "Woo", "Min", "Ryu", "Na",
}

local TAG = [[(?m)^\((?<tag>LEAD|URGENT|News Focus|Yonhap Feature|Yonhap Interview|AMENDED|\d+(?:st|nd|rd|th) LD)(?:[^)]*)\)\s*]]

return {
  name = "yonhap",
  description = "Yonhap's page layout: update tags, reporter lines, captions, Korean names, won",
  source = [[yonhap|yna\.co\.kr]],
  types = { "UPDATE" },
  rules = {
    {
      name = "update_tag",
      type = "UPDATE",
      where = "title",
      pattern = TAG,
      value = function(m) return m.groups.tag end,
      override = true,
    },
    {
      name = "korean_name",
      type = "PERSON",
      tokens = {
        { ["in"] = FAMILY, cap = true },
        { regex = [[\p{Lu}\p{Ll}+-\p{Ll}+]] },
      },
      ucp = true,
      -- Korean order already: the canonical name is the name as printed
      canonical = function(m) return m.text end,
      override = true,
    },
    {
      name = "ministry",
      type = "ORG",
      pattern = [[Ministry of (?:the )?[A-Z][a-z]+(?:,? (?:and )?[A-Z][a-z]+)*]],
      override = true,
    },
    {
      name = "won",
      type = "MONEY",
      pattern = [[(?<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?<scale>million|billion|trillion))?\s+won\b]],
      value = function(m)
        local n = rules.number(m.groups.n .. (m.groups.scale and (" " .. m.groups.scale) or ""))
        return { amount = n, currency = "KRW" }
      end,
      priority = 5,
    },
  },
  transforms = {
    -- the update tag: a field of its own, out of the title
    function(t, text)
      for _, e in ipairs(t.entities) do
        if e.type == "UPDATE" then
          t.update = e.value
          local s, stop = e.start, e["end"]
          return T.edit(t, text, { { s, stop, "" } })
        end
      end
      return t, text
    end,
    -- the reporter's address and the end mark are not story
    { "add_field", name = "reporter", fn = function(t)
        for _, p in ipairs(t.paragraphs) do
          local a = p.text:match("^%s*([%w._-]+@yna%.co%.kr)%s*$")
          if a then return a end
        end
      end },
    { "relabel_blocks", match = function(b)
        if b.text:match("^%s*[%w._-]+@yna%.co%.kr%s*$") or b.text:match("^%s*%(END%)%s*$") then
          return "credit"
        end
      end },
    -- captions: the restriction in capitals
    function(t, text)
      for _, c in ipairs(t.captions) do
        local r = c.text:match("%((PHOTO NOT FOR SALE)%)") or c.text:match("%((NO ARCHIVING)%)")
        if r and (c.restrictions == nil or c.restrictions == T.null) then c.restrictions = r end
      end
      return t, text
    end,
    -- the page's feedback widget and navigation
    { "drop_blocks", kinds = { "share", "navigation" } },
  },
}
