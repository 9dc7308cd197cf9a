/*
 * libFuzzer harness: the text parse with default options. Any bytes parse
 * (LEDE_OK); the document passes fz_check_doc (spans in bounds, nothing
 * dropped...) and its JSON is valid UTF-8 JSON (compact; pretty too for
 * one input in eight, and then the two alike).
 * Leaks are ASan's (libFuzzer checks each input).
 */
#include "common.h"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  lede_doc *doc = NULL;
  char err[256];
  lede_status st = lede_parse(fz_default_engine(), (const char *)data, size, NULL, &doc, err, sizeof err);
  FZ_ASSERT(st == LEDE_OK && doc, "parse: %s (%s)", lede_status_string(st), err);
  fz_check_doc(doc, (const char *)data, size);
  FZ_ASSERT(fz_check_json(doc, fz_one_in_eight(data, size)) == LEDE_OK, "json");
  lede_doc_free(doc);
  return 0;
}
