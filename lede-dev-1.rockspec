rockspec_format = "3.0"
package = "lede"
version = "dev-1"
source = {
  url = "git+file://.",
}
description = {
  summary = "Structure and entities of news articles, fast: a C core with a Lua API",
  detailed = [[
lede turns a raw news article (a page dump, wire copy) into structured data:
title, section, published time, byline, dateline, lead, paragraphs, captions,
quotes and labelled boilerplate, and the entities in it (OntoNotes types plus
TITLE) with normalized values and linked mentions. Users script their own
extractors, transformations and outputs in Lua.
]],
  license = "MIT",
  labels = { "nlp", "news", "ner", "text" },
}
dependencies = {
  "lua >= 5.1",
}
external_dependencies = {
  PCRE2 = { header = "pcre2.h", library = "pcre2-8" },
}
build = {
  type = "builtin",
  modules = {
    ["lede"] = "lua/lede/init.lua",
    ["lede.cli"] = "lua/lede/cli.lua",
    ["lede.rules"] = "lua/lede/rules.lua",
    ["lede.transform"] = "lua/lede/transform.lua",
    ["lede.formats"] = "lua/lede/formats/init.lua",
    ["lede.formats.util"] = "lua/lede/formats/util.lua",
    ["lede.formats.json"] = "lua/lede/formats/json.lua",
    ["lede.formats.jsonl"] = "lua/lede/formats/jsonl.lua",
    ["lede.formats.csv"] = "lua/lede/formats/csv.lua",
    ["lede.formats.md"] = "lua/lede/formats/md.lua",
    ["lede.formats.html"] = "lua/lede/formats/html.lua",
    ["lede.formats.conll"] = "lua/lede/formats/conll.lua",
    ["lede.formats.brat"] = "lua/lede/formats/brat.lua",
    ["lede.proc"] = {
      sources = { "plugin/lua/proc.c" },
    },
    ["lede.core"] = {
      sources = {
        "plugin/lua/lede_lua.c",
        "plugin/lua/lua_json.c",
        "plugin/lua/rules_lua.c",
        "plugin/lua/keeper.c",
        "plugin/core/dates.c",
        "plugin/core/dict.c",
        "plugin/core/engine.c",
        "plugin/core/entities.c",
        "plugin/core/gazetteer_data.c",
        "plugin/core/json.c",
        "plugin/core/memory.c",
        "plugin/core/numex.c",
        "plugin/core/patterns.c",
        "plugin/core/rules.c",
        "plugin/core/stopwords.c",
        "plugin/core/structure.c",
        "plugin/core/tagger.c",
        "plugin/core/tagger_feat.c",
        "plugin/core/tagger_model.c",
        "plugin/core/tokenize.c",
        "plugin/core/utf8.c",
      },
      defines = { "PCRE2_CODE_UNIT_WIDTH=8" },
      incdirs = { "$(PCRE2_INCDIR)" },
      libdirs = { "$(PCRE2_LIBDIR)" },
      libraries = { "pcre2-8", "m" },
    },
  },
  install = {
    bin = { lede = "bin/lede" },
  },
}
test = {
  type = "command",
  command = "make test",
}
