--- A redaction pack: people's names, phone numbers and e-mail addresses are
-- replaced by pseudonyms, consistently (the same person gets the same
-- invented name in every mention, "Brell" as well as "Tomasz Brell"; the
-- same number the same fake digits), and deterministically for a seed, so
-- that a corpus redacted twice comes out the same.
--
--     local lede = require "lede"
--     local doc = lede.parse(io.open("examples/tip_line.txt"):read("a"),
--                            { rules = lede.load_rules("examples/redact.lua") })
--     print(doc.body)            -- no real name, number or address left
--     print(doc:json())          -- offsets point into the redacted text (doc.text)
--
-- `doc.original` is the document before redaction.
return {
  name = "redact",
  description = "pseudonymize people, phone numbers and e-mail addresses",
  types = { "PHONE", "EMAIL" },
  rules = {
    {
      name = "phone",
      type = "PHONE",
      -- 555-0142, (555) 013-9876, +1 555 017 3300, 02-398-3114
      pattern = [[(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?|\d{2,4}[ .-])?\d{3,4}[ .-]\d{4}(?![\w-])]],
      -- years and scores are not phone numbers: at least seven digits
      when = function(m) return #m.text:gsub("%D", "") >= 7 end,
      override = true,
    },
    {
      name = "email",
      type = "EMAIL",
      pattern = [[(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+]],
      override = true,
    },
  },
  transforms = {
    { "redact", types = { "PERSON", "PHONE", "EMAIL" }, style = "pseudonym", seed = 2024 },
  },
}
