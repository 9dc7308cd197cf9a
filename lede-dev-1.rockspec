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
  -- mk/rock.mk: the C modules into build/rock/, lede.core profile-guided
  -- with GCC (a plain build otherwise); the install table below copies them
  -- and the Lua modules
  type = "make",
  build_target = "rock",
  build_variables = {
    CC = "$(CC)",
    CFLAGS = "$(CFLAGS)",
    LIBFLAG = "$(LIBFLAG)",
    LUA = "$(LUA)",
    LUA_INCDIR = "$(LUA_INCDIR)",
    PCRE2_INCDIR = "$(PCRE2_INCDIR)",
    PCRE2_LIBDIR = "$(PCRE2_LIBDIR)",
  },
  install_pass = false,
  install = {
    lua = {
      ["lede"] = "lua/lede/init.lua",
      ["lede.cli"] = "lua/lede/cli.lua",
      ["lede.rules"] = "lua/lede/rules.lua",
      ["lede.transform"] = "lua/lede/transform.lua",
      ["lede.workers"] = "lua/lede/workers.lua",
      ["lede.formats"] = "lua/lede/formats/init.lua",
      ["lede.formats.util"] = "lua/lede/formats/util.lua",
      ["lede.formats.json"] = "lua/lede/formats/json.lua",
      ["lede.formats.jsonl"] = "lua/lede/formats/jsonl.lua",
      ["lede.formats.csv"] = "lua/lede/formats/csv.lua",
      ["lede.formats.md"] = "lua/lede/formats/md.lua",
      ["lede.formats.html"] = "lua/lede/formats/html.lua",
      ["lede.formats.conll"] = "lua/lede/formats/conll.lua",
      ["lede.formats.brat"] = "lua/lede/formats/brat.lua",
    },
    lib = {
      ["lede.core"] = "build/rock/lede/core.so",
      ["lede.proc"] = "build/rock/lede/proc.so",
    },
    bin = { lede = "bin/lede" },
  },
}
test = {
  type = "command",
  command = "make test",
}
