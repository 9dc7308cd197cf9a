-- Generates plugin/core/numex_lex.h: the words numex.c reacts to, in an
-- open-addressing table keyed by the tokenizer's hash of the lower-cased
-- token (lx_hash_lower, 32 bits), so a word is classified with one probe;
-- the classes of words that can start an expression, and two bit sets of
-- the hashes' low bits, one for those words and one for all the words of
-- the table, which turn most other words away before the probe.
--   lua5.4 tools/numex/lexicon.lua > plugin/core/numex_lex.h
-- Each entry: word (lower case, as tokenized: "jan." keeps its period),
-- class (NX_W_* in numex.c), value.

local W = {}
local function add(class, value, ...)
  for _, w in ipairs({ ... }) do W[#W + 1] = { w, class, value } end
end

local units = { "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
  "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
  "seventeen", "eighteen", "nineteen" }
for i, w in ipairs(units) do add("NX_W_UNIT", i - 1, w) end
local tens = { "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety" }
for i, w in ipairs(tens) do add("NX_W_TENS", (i + 1) * 10, w) end
add("NX_W_HUNDRED", 100, "hundred")
add("NX_W_SCALE", 1e3, "thousand")
add("NX_W_SCALE", 1e6, "million", "mln", "mln.", "mn", "mio")
add("NX_W_SCALE", 1e9, "billion", "bln", "bln.", "bn")
add("NX_W_SCALE", 1e12, "trillion", "trn", "tln")
add("NX_W_SCALE", 1e7, "crore", "crores")
add("NX_W_SCALE", 1e5, "lakh", "lakhs")
add("NX_W_DOZEN", 12, "dozen")
add("NX_W_PLURAL", 12, "dozens")
add("NX_W_PLURAL", 10, "tens")
add("NX_W_PLURAL", 100, "hundreds")
add("NX_W_PLURAL", 1000, "thousands")
add("NX_W_PLURAL", 1e6, "millions")
add("NX_W_PLURAL", 1e9, "billions")
add("NX_W_PLURAL", 1e12, "trillions")

local ords = { "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
  "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
  "sixteenth", "seventeenth", "eighteenth", "nineteenth" }
for i, w in ipairs(ords) do add("NX_W_ORD", i, w) end
local tord = { "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
  "eightieth", "ninetieth" }
for i, w in ipairs(tord) do add("NX_W_ORD", (i + 1) * 10, w) end
add("NX_W_ORD", 100, "hundredth")
add("NX_W_ORD", 1000, "thousandth")
add("NX_W_ORD", 1e6, "millionth")
add("NX_W_HALF", 2, "half")
-- plural fractions: "two-thirds", "three quarters"
add("NX_W_FRACPL", 2, "halves")
add("NX_W_FRACPL", 3, "thirds")
add("NX_W_FRACPL", 4, "quarters", "fourths", "qtrs")
add("NX_W_FRACPL", 5, "fifths")
add("NX_W_FRACPL", 6, "sixths")
add("NX_W_FRACPL", 8, "eighths")
add("NX_W_FRACPL", 10, "tenths")
add("NX_W_QUARTER", 4, "quarter", "qtr")

local months = { { "january", "jan", "jan." }, { "february", "feb", "feb." },
  { "march", "mar", "mar." }, { "april", "apr", "apr." }, { "may" },
  { "june", "jun", "jun." }, { "july", "jul", "jul." }, { "august", "aug", "aug." },
  { "september", "sep", "sep.", "sept", "sept." }, { "october", "oct", "oct." },
  { "november", "nov", "nov." }, { "december", "dec", "dec." } }
for m, ws in ipairs(months) do add("NX_W_MONTH", m, table.unpack(ws)) end
local wdays = { { "monday", "mon", "mon." }, { "tuesday", "tue", "tue.", "tues", "tues." },
  { "wednesday", "wed", "wed." }, { "thursday", "thu", "thu.", "thur", "thur.", "thurs", "thurs." },
  { "friday", "fri", "fri." }, { "saturday", "sat", "sat." }, { "sunday", "sun", "sun." } }
for d, ws in ipairs(wdays) do add("NX_W_WDAY", d, table.unpack(ws)) end
add("NX_W_WDAYS", 0, "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays")

-- holidays: the first word of a named holiday (numex.c matches the rest
-- against its table of holidays); value unused
add("NX_W_HOLIDAY", 0, "christmas", "xmas", "easter", "thanksgiving", "halloween", "hanukkah",
  "chanukah", "ramadan", "passover", "diwali", "black", "cyber", "new", "memorial", "labor",
  "labour", "independence", "valentine", "valentines", "veterans", "presidents", "president",
  "good", "boxing", "mother", "mothers", "father", "fathers", "st.", "st", "saint", "columbus",
  "remembrance", "armistice", "bastille", "canada", "australia", "eid", "lunar", "chinese",
  "rosh", "yom", "groundhog", "election", "pentecost", "palm", "ash", "juneteenth", "maundy",
  "national", "super", "lantern", "dragon")

-- verbs of the past: a date after them is past, whatever future word came
-- before in the sentence ("will be sold, the minister said on Tuesday")
add("NX_W_PAST", 0, "said", "told", "added", "announced", "reported", "confirmed", "wrote",
  "was", "were", "had", "did", "began")

-- relative words: value = direction (-1 past, 0 this, +1 next, 2 recent)
add("NX_W_REL", -1, "last", "past", "previous", "preceding", "prior", "latest")
add("NX_W_REL", 1, "next", "coming", "following", "upcoming", "ensuing")
add("NX_W_REL", 0, "this", "current", "same")
add("NX_W_RECENT", 0, "recent")
add("NX_W_THAT", 0, "that")
add("NX_W_DAYREL", -1, "yesterday")
add("NX_W_DAYREL", 0, "today")
add("NX_W_DAYREL", 1, "tomorrow")
add("NX_W_TONIGHT", 0, "tonight")
-- time units: value = unit code (numex.c NX_U_*)
add("NX_W_TUNIT", 1, "year", "years", "yr", "yrs")
add("NX_W_TUNIT", 2, "month", "months", "mth", "mths")
add("NX_W_TUNIT", 3, "week", "weeks")
add("NX_W_TUNIT", 4, "day", "days")
add("NX_W_TUNIT", 5, "decade", "decades")
add("NX_W_TUNIT", 6, "century", "centuries")
add("NX_W_TUNIT", 7, "hour", "hours", "hrs")
add("NX_W_TUNIT", 8, "minute", "minutes", "mins")
add("NX_W_TUNIT", 9, "seconds", "secs")
add("NX_W_TUNIT", 10, "weekend", "weekends")
add("NX_W_TUNIT", 11, "fortnight")
add("NX_W_TUNIT", 12, "millennium")

-- parts of the day: value = TIMEX code index
add("NX_W_PART", 1, "morning", "mornings")
add("NX_W_PART", 2, "afternoon", "afternoons")
add("NX_W_PART", 3, "evening", "evenings")
add("NX_W_PART", 4, "night", "nights", "overnight", "nightfall")
add("NX_W_PART", 1, "dawn", "daybreak", "sunrise")
add("NX_W_PART", 3, "dusk", "sunset")
add("NX_W_NOON", 12, "noon", "midday")
add("NX_W_NOON", 0, "midnight")
add("NX_W_SEASON", 1, "spring")
add("NX_W_SEASON", 2, "summer")
add("NX_W_SEASON", 3, "fall", "autumn")
add("NX_W_SEASON", 4, "winter")
-- sets: value = unit code of the period
add("NX_W_SETADV", 1, "annually", "yearly")
add("NX_W_SETADV", 2, "monthly")
add("NX_W_SETADV", 3, "weekly")
add("NX_W_SETADV", 4, "daily", "nightly")
add("NX_W_SETADV", 7, "hourly")
add("NX_W_SETADV", 13, "quarterly")
add("NX_W_EVERY", 0, "every", "each")
-- modifiers kept in the span of numbers (OntoNotes): value = kind
add("NX_W_MOD", 1, "about", "around", "nearly", "almost", "roughly", "approximately",
  "some", "approx.", "approx", "circa", "exactly", "precisely", "just", "barely",
  "over", "under", "below", "above", "estimated")
add("NX_W_MOD", 2, "more", "less", "fewer", "greater", "higher", "lower")
add("NX_W_MOD", 3, "up", "at", "as", "well", "between", "than", "least", "most", "much",
  "to")
add("NX_W_DET", 1, "a", "an")
add("NX_W_DET", 2, "the")
add("NX_W_FEW", 0, "several", "few", "many", "couple")
add("NX_W_AGO", -1, "ago")
add("NX_W_AGO", -2, "earlier", "before")
add("NX_W_AGO", 2, "later", "hence")
add("NX_W_EARLY", 1, "early")
add("NX_W_EARLY", 2, "mid", "middle")
add("NX_W_EARLY", 3, "late")
add("NX_W_FISCAL", 0, "fiscal")
add("NX_W_PCT", 0, "percent", "pct", "pct.", "percentage", "%")
add("NX_W_PER", 0, "per")
add("NX_W_OLD", 0, "old")
add("NX_W_OCLOCK", 0, "o'clock")
add("NX_W_NO", 0, "no.", "nos.", "number")
add("NX_W_OF", 0, "of")
add("NX_W_AND", 0, "and")
add("NX_W_WHILE", 0, "ended", "ending")
add("NX_W_NOW", 0, "now")
-- words that put a sentence in the future (weekdays and months resolve
-- forward): value 1 = by itself, 2 = when "to" follows
add("NX_W_FUTURE", 1, "will", "shall", "won't", "scheduled", "slated", "due", "expected",
  "expects", "plans", "plan", "planned", "planning", "until", "till", "intends", "aims",
  "hopes", "'ll", "payable", "would", "expires",
  -- a scheduled event in the present tense: "the summit starts on Thursday"
  "starts", "begins", "opens", "resumes", "convenes", "can")
-- value 3: the same, near the date only (eight words): events in the present
-- tense ("voters go to the polls on Thursday", "the teams meet again
-- Thursday") and modals ("could come as early as October", "must report by
-- Dec 1"; not "must play their next home game after fans hurled bottles
-- ... on Saturday")
add("NX_W_FUTURE", 3, "go", "goes", "meet", "meets", "return", "returns", "decide",
  "decides", "face", "faces", "host", "hosts", "visit", "visits", "closes", "ends", "runs",
  "again", "could", "might", "must", "should", "play", "plays", "hold", "holds", "seeking",
  "seeks", "starting")
add("NX_W_FUTURE", 2, "set", "going", "likely", "forecast")
add("NX_W_AMPM", 0, "am", "pm", "a.m.", "p.m.")
-- currency abbreviations printed before a number
add("NX_W_CURPRE", 0, "rs", "rs.", "sfr", "ffr")
-- "the end of 2019"
add("NX_W_EDGE", 0, "end", "beginning", "start", "close", "turn")
-- words read only after a word that leads them: "a" before money ("a
-- dollar", "a nickel": numex.c, a_money) and measures ("a mile away":
-- a_unit), "this", "last" before "season" (rel_expr), "the" before "other
-- day" and "holidays" (det_expr)
add("NX_W_LED", 0, "dollar", "buck", "euro", "nickel", "dime", "penny", "mile",
  "kilometre", "kilometer", "yard", "metre", "meter", "gallon", "litre", "liter", "acre",
  "season", "other", "holidays")

-- The tokenizer's hash of a lower-cased ASCII word (lx_hash_lower in
-- plugin/core/utf8.c and internal.h): bytes in 8-byte little-endian words,
-- each mixed in, then the length and a final mix; 0 becomes 1.
local function token_hash(s)
  local function mix(h, w)
    h = (h ~ w) * 0xBF58476D1CE4E5B9
    return h ~ (h >> 31)
  end
  local h, acc, nacc = 0x9E3779B97F4A7C15, 0, 0
  for i = 1, #s do
    acc = acc | (s:byte(i) << (8 * nacc))
    nacc = nacc + 1
    if nacc == 8 then h, acc, nacc = mix(h, acc), 0, 0 end
  end
  if nacc > 0 then h = mix(h, acc) end
  h = (h ~ #s) * 0x94D049BB133111EB
  h = (h ~ (h >> 32)) & 0xffffffff
  return h ~= 0 and h or 1
end

local seen = {}
for _, e in ipairs(W) do
  assert(not seen[e[1]], "duplicate word " .. e[1])
  seen[e[1]] = true
end
local cap = 1
while cap < #W * 4 do cap = cap * 2 end
local slots = {}
for i = 0, cap - 1 do slots[i] = false end
local hashes = {}
for i, e in ipairs(W) do
  local h = token_hash(e[1])
  assert(not hashes[h], "hash collision " .. e[1])
  hashes[h] = true
  local j = h & (cap - 1)
  while slots[j] do j = (j + 1) & (cap - 1) end
  slots[j] = { h, i, e[2] }
end

-- Classes of words that can start an expression: 1 alone ("Tuesday",
-- "two"), 2 only before a number, a symbol or another lexicon word ("the",
-- "about", "last"); no other class does.
local LEAD = {
  { "NX_W_UNIT", 1 }, { "NX_W_TENS", 1 }, { "NX_W_PLURAL", 1 }, { "NX_W_ORD", 1 },
  { "NX_W_HALF", 1 }, { "NX_W_MONTH", 1 }, { "NX_W_WDAY", 1 }, { "NX_W_WDAYS", 1 },
  { "NX_W_REL", 2 }, { "NX_W_RECENT", 2 }, { "NX_W_DAYREL", 1 }, { "NX_W_TONIGHT", 1 },
  { "NX_W_NOON", 1 }, { "NX_W_SEASON", 1 }, { "NX_W_SETADV", 1 }, { "NX_W_EVERY", 2 },
  { "NX_W_MOD", 2 }, { "NX_W_DET", 2 }, { "NX_W_FEW", 2 }, { "NX_W_AGO", 2 },
  { "NX_W_EARLY", 2 }, { "NX_W_FISCAL", 2 }, { "NX_W_CURPRE", 2 }, { "NX_W_TUNIT", 1 },
  { "NX_W_HOLIDAY", 1 }, { "NX_W_PART", 1 }, { "NX_W_THAT", 2 },
}
local leads = {}
for _, c in ipairs(LEAD) do leads[c[1]] = true end

-- The words that may open an expression in numex.c's skipping loop: those
-- of the classes above but the modifiers read only after the word that
-- leads them ("up to", "more than", "at least": numex.c, mod_opens), and
-- "close" (of "close to 500", an NX_W_EDGE). One bit for each value of the
-- hash's low 14 bits (2 KB), set for these words only: the frequent words
-- of the lexicon that open nothing ("said", "of", "to", "million") are
-- turned away with the words out of it (mod_opens counts on it: none of
-- the modifiers left out shares a bit with a word that opens). A second
-- bit set, of every word of the table, turns away before the probe the
-- words out of it after "the" and "a" (most of them).
local never = { ["to"] = true, ["than"] = true, ["least"] = true, ["most"] = true,
  ["much"] = true }
local function opens(e)
  return (leads[e[2]] and not (e[2] == "NX_W_MOD" and never[e[1]])) or e[1] == "close"
end
local nbits = 16384
local bits, wbits = {}, {}
for k = 0, nbits // 64 - 1 do bits[k], wbits[k] = 0, 0 end
for _, e in ipairs(W) do
  local b = token_hash(e[1]) & (nbits - 1)
  if opens(e) then bits[b >> 6] = bits[b >> 6] | (1 << (b & 63)) end
  wbits[b >> 6] = wbits[b >> 6] | (1 << (b & 63))
end
for w in pairs(never) do
  local b = token_hash(w) & (nbits - 1)
  assert((bits[b >> 6] >> (b & 63)) & 1 == 0, w .. " shares a bit with a word that opens")
end

local out = {}
local function p(s) out[#out + 1] = s end
p("/* Generated by tools/numex/lexicon.lua: do not edit. The words numex.c")
p(" * reacts to, keyed by the tokenizer's hash of the lower-cased token. */")
p("#define NX_LEX_CAP " .. cap)
p("static const nx_word nx_words[" .. #W .. "] = {")
for _, e in ipairs(W) do
  p(string.format("    {%q, %d, %s, %.17g},", e[1], #e[1], e[2], e[3]))
end
p("};")
p("static const nx_slot nx_slots[NX_LEX_CAP] = {")
local line = {}
for j = 0, cap - 1 do
  local s = slots[j]
  line[#line + 1] = s and string.format("{%du, %d, %s}", s[1], s[2], s[3]) or "{0, 0, 0}"
  if #line == 2 then
    p("    " .. table.concat(line, ", ") .. ",")
    line = {}
  end
end
if #line > 0 then p("    " .. table.concat(line, ", ") .. ",") end
p("};")
p("/* Classes of words that can start an expression: 1 alone (\"Tuesday\",")
p(" * \"two\"), 2 only before a number, a symbol or another lexicon word")
p(" * (\"the\", \"about\", \"last\"). */")
p("static const uint8_t lead_class[NX_W_COUNT] = {")
for k = 1, #LEAD, 4 do
  local l = {}
  for m = k, math.min(k + 3, #LEAD) do
    l[#l + 1] = string.format("[%s] = %d", LEAD[m][1], LEAD[m][2])
  end
  p("    " .. table.concat(l, ", ") .. ",")
end
p("};")
p("/* A bit for each value of the hash's low bits, set for the words that may")
p(" * open an expression (the classes above but \"to\", \"than\", \"least\",")
p(" * \"most\", \"much\"; and \"close\" of \"close to\"), and in nx_word_bits for")
p(" * every word of the table. */")
p("#define NX_LEAD_BITS " .. nbits)
local function bitset(name, b)
  p("static const uint64_t " .. name .. "[NX_LEAD_BITS / 64] = {")
  for k = 0, nbits // 64 - 1, 3 do
    local l = {}
    for m = k, math.min(k + 2, nbits // 64 - 1) do
      l[#l + 1] = string.format("0x%016xu", b[m])
    end
    p("    " .. table.concat(l, ", ") .. ",")
  end
  p("};")
end
bitset("nx_lead_bits", bits)
bitset("nx_word_bits", wbits)
io.write(table.concat(out, "\n"), "\n")
