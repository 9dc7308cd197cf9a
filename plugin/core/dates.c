/*
 * Calendar arithmetic and the grammar of absolute dates and times as news
 * prints them: "May 6", "Jan. 14, 2020", "29 November 2018", "2019-11-18",
 * "18.11.2019", "04:10 May 07, 2020", "Nov. 19, 2019 8:03 am ET",
 * "Fri 6:45 PM, Feb 16, 2018". Relative expressions ("Tuesday", "last
 * month") are resolved in entities.c against the article's own date.
 */
#include <stdio.h>

#include "internal.h"

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int lx_days_in_month(int y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

/* Howard Hinnant's algorithms: exact over the proleptic Gregorian calendar. */
int64_t lx_days_from_civil(int y, int m, int d) {
  int64_t yy = (int64_t)y - (m <= 2);
  int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
  int64_t yoe = yy - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void lx_civil_from_days(int64_t z, int *y, int *m, int *d) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t yy = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yy + (*m <= 2));
}

int lx_weekday(int y, int m, int d) {
  int64_t z = lx_days_from_civil(y, m, d);
  /* 1970-01-01 was a Thursday (3 with Monday = 0) */
  int64_t w = (z + 3) % 7;
  return (int)(w < 0 ? w + 7 : w);
}

static int digits(const char *s, size_t n, int *v) {
  int x = 0;
  if (n == 0 || n > 9) return 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return 0;
    x = x * 10 + (s[i] - '0');
  }
  *v = x;
  return 1;
}

static void date_init(lx_date *d) {
  d->year = d->month = d->day = 0;
  d->hour = -1;
  d->minute = d->second = 0;
  d->tz = 0;
  d->has_tz = 0;
}

static int valid_ymd(int y, int m, int d) {
  if (m < 1 || m > 12) return 0;
  if (d == 0) return 1;
  return d >= 1 && d <= (y ? lx_days_in_month(y, m) : (m == 2 ? 29 : lx_days_in_month(2001, m)));
}

int lx_date_valid(int year, int month, int day) { return valid_ymd(year, month, day); }

int lx_parse_iso(const char *s, size_t n, lx_date *o) {
  date_init(o);
  int y, m, d;
  if (n < 4 || !digits(s, 4, &y)) return 0;
  o->year = y;
  if (n == 4) return 1;
  if (s[4] != '-' || n < 7 || !digits(s + 5, 2, &m) || m < 1 || m > 12) return 0;
  o->month = m;
  if (n == 7) return 1;
  if (s[7] != '-' || n < 10 || !digits(s + 8, 2, &d) || !valid_ymd(y, m, d) || d == 0)
    return 0;
  o->day = d;
  if (n == 10) return 1;
  if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return 0;
  size_t i = 11;
  int hh, mm, ss = 0;
  if (n < i + 5 || !digits(s + i, 2, &hh) || s[i + 2] != ':' ||
      !digits(s + i + 3, 2, &mm) || hh > 24 || mm > 59)
    return 0;
  i += 5;
  if (i + 3 <= n && s[i] == ':' && digits(s + i + 1, 2, &ss)) {
    i += 3;
    if (i < n && (s[i] == '.' || s[i] == ',')) {
      i++;
      while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    }
  }
  o->hour = hh;
  o->minute = mm;
  o->second = ss > 60 ? 60 : ss;
  if (i == n) return 1;
  if (s[i] == 'Z' || s[i] == 'z') {
    o->has_tz = 1;
    return i + 1 == n;
  }
  if (s[i] == '+' || s[i] == '-') {
    int sign = s[i] == '-' ? -1 : 1, th, tm = 0;
    i++;
    if (i + 2 > n || !digits(s + i, 2, &th)) return 0;
    i += 2;
    if (i < n && s[i] == ':') i++;
    if (i + 2 <= n && digits(s + i, 2, &tm)) i += 2;
    if (i != n || tm > 59 || th * 60 + tm > LX_TZ_MAX) return 0;
    o->tz = sign * (th * 60 + tm);
    o->has_tz = 1;
    return 1;
  }
  return 0;
}

/* Two decimal digits of v (0 to 99). */
static char *put_2d(char *p, int v) {
  p[0] = (char)('0' + v / 10);
  p[1] = (char)('0' + v % 10);
  return p + 2;
}

size_t lx_format_iso(const lx_date *d, char *out, size_t cap) {
  int k;
  if (d->month && !valid_ymd(d->year, d->month, d->day)) return 0; /* never an impossible day */
  /* the usual values, written by hand (snprintf costs a thousand
   * instructions a call): the same bytes as the formats below, which take
   * the rest (a year past 9999 or before 0, an hour past 99...). 26 bytes
   * at most: 2020-05-06T10:30:00+05:30 */
  if (cap >= 32 && d->year >= 0 && d->year <= 9999 &&
      (d->hour < 0 || (d->hour <= 99 && d->minute >= 0 && d->minute <= 99 && d->second >= 0 &&
                       d->second <= 99 && (!d->has_tz || (d->tz > -6000 && d->tz < 6000))))) {
    char *p = out;
    if (d->year) {
      p = put_2d(put_2d(p, d->year / 100), d->year % 100);
      if (d->month) {
        *p++ = '-';
        p = put_2d(p, d->month);
        if (d->day) {
          *p++ = '-';
          p = put_2d(p, d->day);
        }
      }
    } else if (d->month) {
      *p++ = '-';
      *p++ = '-';
      p = put_2d(p, d->month);
      if (d->day) {
        *p++ = '-';
        p = put_2d(p, d->day);
      }
    }
    if (d->hour >= 0) {
      int date = p > out;
      *p++ = 'T';
      p = put_2d(p, d->hour);
      *p++ = ':';
      p = put_2d(p, d->minute);
      if (date) {
        *p++ = ':';
        p = put_2d(p, d->second);
      }
      if (d->has_tz) {
        int a = d->tz < 0 ? -d->tz : d->tz;
        *p++ = d->tz < 0 ? '-' : '+';
        p = put_2d(p, a / 60);
        *p++ = ':';
        p = put_2d(p, a % 60);
      }
    }
    *p = 0;
    return (size_t)(p - out);
  }
  if (d->year && d->month && d->day)
    k = snprintf(out, cap, "%04d-%02d-%02d", d->year, d->month, d->day);
  else if (d->year && d->month)
    k = snprintf(out, cap, "%04d-%02d", d->year, d->month);
  else if (d->year)
    k = snprintf(out, cap, "%04d", d->year);
  else if (d->month && d->day)
    k = snprintf(out, cap, "--%02d-%02d", d->month, d->day);
  else if (d->month)
    k = snprintf(out, cap, "--%02d", d->month);
  else
    k = 0;
  if (k < 0 || (size_t)k >= cap) return 0;
  if (d->hour >= 0) {
    int m;
    if (k == 0)
      m = snprintf(out, cap, "T%02d:%02d", d->hour, d->minute);
    else
      m = snprintf(out + k, cap - (size_t)k, "T%02d:%02d:%02d", d->hour, d->minute,
                   d->second);
    if (m < 0 || (size_t)(k + m) >= cap) return 0;
    k += m;
    if (d->has_tz) {
      if (d->tz == 0 && k + 1 < (int)cap) {
        /* keep the offset form: it says what was printed or known */
        m = snprintf(out + k, cap - (size_t)k, "+00:00");
      } else {
        int a = d->tz < 0 ? -d->tz : d->tz;
        m = snprintf(out + k, cap - (size_t)k, "%c%02d:%02d", d->tz < 0 ? '-' : '+',
                     a / 60, a % 60);
      }
      if (m < 0 || (size_t)(k + m) >= cap) return 0;
      k += m;
    }
  }
  return (size_t)k;
}

static int lower_eq(const char *s, size_t n, const char *w) {
  size_t i = 0;
  for (; i < n; i++) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c += 32;
    if (!w[i] || c != w[i]) return 0;
  }
  return w[i] == 0;
}

/* The first three bytes of s (n >= 3) with the case bit set, as one
 * number: three letters give the key of their lower case, and only
 * letters give a letter with that bit set (a switch on the keys of letters
 * needs no other check). */
static unsigned key3(const char *s) {
  return (unsigned)((unsigned char)s[0] | 0x20) << 16 |
         (unsigned)((unsigned char)s[1] | 0x20) << 8 | ((unsigned char)s[2] | 0x20);
}
#define K3(a, b, c) ((unsigned)(a) << 16 | (unsigned)(b) << 8 | (unsigned)(c))

int lx_month_from_word(const char *s, size_t n) {
  /* a quick no: month names are 3 to 9 letters (with a period: "Sept.")
   * and open with one of a, d, f, j, m, n, o, s */
  if (n < 3 || n > 10) return 0;
  switch (s[0] | 32) {
    case 'a': case 'd': case 'f': case 'j': case 'm': case 'n': case 'o': case 's': break;
    default: return 0;
  }
  static const char *const full[] = {"january", "february", "march",     "april",
                                     "may",     "june",     "july",      "august",
                                     "september", "october", "november", "december"};
  if (n && s[n - 1] == '.') n--;
  if (n < 3 || n > 9) return 0;
  unsigned k = key3(s);
  /* (a switch: a few compares, where a scan of the twelve keys made one
   * each, and most capitalized words are no month) */
  int m;
  switch (k) {
    case K3('j', 'a', 'n'): m = 0; break;
    case K3('f', 'e', 'b'): m = 1; break;
    case K3('m', 'a', 'r'): m = 2; break;
    case K3('a', 'p', 'r'): m = 3; break;
    case K3('m', 'a', 'y'): m = 4; break;
    case K3('j', 'u', 'n'): m = 5; break;
    case K3('j', 'u', 'l'): m = 6; break;
    case K3('a', 'u', 'g'): m = 7; break;
    case K3('s', 'e', 'p'): m = 8; break;
    case K3('o', 'c', 't'): m = 9; break;
    case K3('n', 'o', 'v'): m = 10; break;
    case K3('d', 'e', 'c'): m = 11; break;
    default: return 0;
  }
  /* the abbreviation, the full name, or Sept (the first three letters are
   * the key's: the rest is compared) */
  if (n == 3 || lower_eq(s + 3, n - 3, full[m] + 3) || (m == 8 && lower_eq(s + 3, n - 3, "t")))
    return m + 1;
  return 0;
}

int lx_weekday_from_word(const char *s, size_t n) {
  if (n < 3 || n > 10) return 0;
  switch (s[0] | 32) {
    case 'f': case 'm': case 's': case 't': case 'w': break;
    default: return 0;
  }
  static const char *const full[] = {"monday", "tuesday", "wednesday", "thursday",
                                     "friday", "saturday", "sunday"};
  if (n && s[n - 1] == '.') n--;
  if (n < 3 || n > 9) return 0;
  unsigned k = key3(s);
  int w; /* (a switch, as for the months) */
  switch (k) {
    case K3('m', 'o', 'n'): w = 0; break;
    case K3('t', 'u', 'e'): w = 1; break;
    case K3('w', 'e', 'd'): w = 2; break;
    case K3('t', 'h', 'u'): w = 3; break;
    case K3('f', 'r', 'i'): w = 4; break;
    case K3('s', 'a', 't'): w = 5; break;
    case K3('s', 'u', 'n'): w = 6; break;
    default: return 0;
  }
  /* (past the key's three letters: "tues" "s", "thur" "r", "thurs" "rs") */
  if (n == 3 || lower_eq(s + 3, n - 3, full[w] + 3) || (w == 1 && lower_eq(s + 3, n - 3, "s")) ||
      (w == 3 && (lower_eq(s + 3, n - 3, "r") || lower_eq(s + 3, n - 3, "rs"))))
    return w + 1;
  return 0;
}

/* ---- zones ---------------------------------------------------------------- */

/* The US Eastern/Central/Mountain/Pacific zones are printed without saying
 * whether daylight time applies ("8:03 am ET"): it is computed. */
enum { Z_FIXED = 0, Z_US };
typedef struct zone {
  const char *name;
  int minutes; /* standard offset */
  int rule;
} zone;

static const zone zones[] = {
    {"ET", -300, Z_US},  {"CT", -360, Z_US},  {"MT", -420, Z_US},
    {"PT", -480, Z_US},  {"EST", -300, 0},    {"EDT", -240, 0},
    {"CST", -360, 0},    {"CDT", -300, 0},    {"MST", -420, 0},
    {"MDT", -360, 0},    {"PST", -480, 0},    {"PDT", -420, 0},
    {"GMT", 0, 0},       {"UTC", 0, 0},       {"UT", 0, 0},
    {"Z", 0, 0},         {"BST", 60, 0},      {"CET", 60, 0},
    {"CEST", 120, 0},    {"EET", 120, 0},     {"EEST", 180, 0},
    {"WET", 0, 0},       {"MSK", 180, 0},     {"IST", 330, 0},
    {"KST", 540, 0},     {"JST", 540, 0},     {"HKT", 480, 0},
    {"SGT", 480, 0},     {"AEST", 600, 0},    {"AEDT", 660, 0},
    {"AWST", 480, 0},    {"NZST", 720, 0},    {"NZDT", 780, 0},
    {"WIB", 420, 0},     {"PHT", 480, 0},     {"AST", -240, 0},
    {"HST", -600, 0},    {"AKST", -540, 0},   {"ICT", 420, 0},
    {"GST", 240, 0},     {"SAST", 120, 0},    {"WAT", 60, 0},
    {"EAT", 180, 0}};

static int nth_sunday(int y, int m, int nth) {
  int w = lx_weekday(y, m, 1); /* 0 = Monday */
  int first = 1 + (6 - w + 7) % 7;
  return first + 7 * (nth - 1);
}
static int last_sunday(int y, int m) {
  int d = lx_days_in_month(y, m);
  int w = lx_weekday(y, m, d);
  return d - (w + 1) % 7;
}

/* Whether US daylight time is in effect on a local date (noon-ish). */
static int us_dst(int y, int m, int d) {
  int sm, sd, em, ed;
  if (y >= 2007) {
    sm = 3; sd = nth_sunday(y, 3, 2);
    em = 11; ed = nth_sunday(y, 11, 1);
  } else if (y >= 1987) {
    sm = 4; sd = nth_sunday(y, 4, 1);
    em = 10; ed = last_sunday(y, 10);
  } else {
    sm = 4; sd = last_sunday(y, 4);
    em = 10; ed = last_sunday(y, 10);
  }
  int v = m * 100 + d;
  return v >= sm * 100 + sd && v < em * 100 + ed;
}

int lx_dst_rule(const char *s, size_t n) {
  static const char *const names[] = {"us", "eu", "au", "nz"};
  for (size_t i = 0; s && i < LX_COUNTOF(names); i++)
    if (n == 2 && memcmp(s, names[i], 2) == 0) return (int)i + 1;
  return LX_DST_NONE;
}

int lx_dst_on(int rule, int y, int m, int d) {
  if (y < 1 || m < 1 || m > 12 || d < 1) return 0;
  int v = m * 100 + d;
  switch (rule) {
    case LX_DST_US: return us_dst(y, m, d);
    case LX_DST_EU: /* last Sunday of March to last Sunday of October (1996 on) */
      if (y < 1996) return 0;
      return v >= 300 + last_sunday(y, 3) && v < 1000 + last_sunday(y, 10);
    case LX_DST_AU:
      /* New South Wales: first Sunday of October to first Sunday of April (2008 on) */
      if (y < 2008) return 0;
      return v >= 1000 + nth_sunday(y, 10, 1) || v < 400 + nth_sunday(y, 4, 1);
    case LX_DST_NZ: /* last Sunday of September to first Sunday of April (2008 on) */
      if (y < 2008) return 0;
      return v >= 900 + last_sunday(y, 9) || v < 400 + nth_sunday(y, 4, 1);
    default: return 0;
  }
}

/* Offset of a zone abbreviation; 1 when known. */
static int zone_offset(const char *s, size_t n, const lx_date *when, int *tz) {
  for (size_t i = 0; i < LX_COUNTOF(zones); i++) {
    size_t zn = strlen(zones[i].name);
    if (zn == n && memcmp(zones[i].name, s, n) == 0) {
      int off = zones[i].minutes;
      if (zones[i].rule == Z_US && when->year && when->month && when->day &&
          us_dst(when->year, when->month, when->day))
        off += 60;
      *tz = off;
      return 1;
    }
  }
  return 0;
}

/* ---- the grammar over tokens ----------------------------------------------- */

typedef struct g {
  const char *text;
  const lx_token *t;
  size_t n;
} g;

static inline const char *ts(const g *G, size_t i) { return G->text + G->t[i].start; }
static inline size_t tl(const g *G, size_t i) { return G->t[i].end - G->t[i].start; }
static inline int tis(const g *G, size_t i, const char *s) {
  return i < G->n && lx_tok_is(G->text, &G->t[i], s);
}

/* A plain integer token. */
static int tnum(const g *G, size_t i, int *v, size_t *nd) {
  if (i >= G->n || G->t[i].kind != LX_TK_NUM) return 0;
  size_t n = tl(G, i);
  if (!digits(ts(G, i), n, v)) return 0;
  if (nd) *nd = n;
  return 1;
}

/* A day of month, possibly with an ordinal suffix: 6, 07, 1st, 22nd. */
static int tday(const g *G, size_t i, int *v) {
  if (i >= G->n || G->t[i].kind != LX_TK_NUM) return 0;
  const char *s = ts(G, i);
  size_t n = tl(G, i), k = 0;
  while (k < n && s[k] >= '0' && s[k] <= '9') k++;
  if (k == 0 || k > 2) return 0;
  if (k < n) {
    if (n - k != 2) return 0;
    if (!(lower_eq(s + k, 2, "st") || lower_eq(s + k, 2, "nd") ||
          lower_eq(s + k, 2, "rd") || lower_eq(s + k, 2, "th")))
      return 0;
  }
  digits(s, k, v);
  return *v >= 1 && *v <= 31;
}

static int tyear(const g *G, size_t i, int *v) {
  size_t nd;
  if (!tnum(G, i, v, &nd) || nd != 4) return 0;
  return *v >= 1000 && *v <= 2999;
}

static int tmonth(const g *G, size_t i) {
  if (i >= G->n || G->t[i].kind != LX_TK_WORD) return 0;
  /* "may" and "march" in lower case are verbs */
  if (!(G->t[i].flags & LX_TF_CAP)) return 0;
  return lx_month_from_word(ts(G, i), tl(G, i));
}

static int tweekday(const g *G, size_t i) {
  if (i >= G->n || G->t[i].kind != LX_TK_WORD || !(G->t[i].flags & LX_TF_CAP)) return 0;
  return lx_weekday_from_word(ts(G, i), tl(G, i));
}

static size_t skip_comma(const g *G, size_t i) { return tis(G, i, ",") ? i + 1 : i; }

/* am/pm: am a.m. AM pm p.m. PM */
static int tampm(const g *G, size_t i) {
  if (i >= G->n) return 0;
  const char *s = ts(G, i);
  size_t n = tl(G, i);
  if (lower_eq(s, n, "am") || lower_eq(s, n, "a.m.")) return 1;
  if (lower_eq(s, n, "pm") || lower_eq(s, n, "p.m.")) return 2;
  return 0;
}

/* A zone after a time: ET, GMT, (KST), +09:00, UTC+9. */
static size_t tzone(const g *G, size_t i, const lx_date *when, int *tz) {
  size_t j = i, paren = 0;
  if (tis(G, j, "(")) {
    paren = 1;
    j++;
  }
  if (j < G->n && G->t[j].kind == LX_TK_WORD && (G->t[j].flags & LX_TF_ALLCAP || tl(G, j) == 1)) {
    int off;
    if (zone_offset(ts(G, j), tl(G, j), when, &off)) {
      j++;
      /* GMT+8 / UTC+09:00 */
      if (j + 1 < G->n && (tis(G, j, "+") || tis(G, j, "-")) &&
          !(G->t[j].flags & LX_TF_SPACE) && G->t[j + 1].kind == LX_TK_NUM) {
        int h = 0, m = 0;
        const char *s = ts(G, j + 1);
        size_t n = tl(G, j + 1);
        /* an offset out of range stays unread: "Z+81:18" is Z */
        if (((n <= 2 && digits(s, n, &h)) ||
             (n == 5 && s[2] == ':' && digits(s, 2, &h) && digits(s + 3, 2, &m))) &&
            h <= 14 && m <= 59) {
          off = (tis(G, j, "-") ? -1 : 1) * (h * 60 + m);
          j += 2;
        }
      }
      if (paren) {
        if (!tis(G, j, ")")) return 0;
        j++;
      }
      *tz = off;
      return j - i;
    }
    return 0;
  }
  /* the US zones spelled out: "Eastern time", "Pacific Standard Time",
   * "Central Daylight Time", or the region alone where the clause ends
   * ("at 3:30 p.m. Eastern.") */
  if (j < G->n && G->t[j].kind == LX_TK_WORD && (G->t[j].flags & LX_TF_CAP)) {
    /* the zone's abbreviations: daylight time computed, standard, daylight */
    static const char *const us[][4] = {{"Eastern", "ET", "EST", "EDT"},
                                        {"Central", "CT", "CST", "CDT"},
                                        {"Mountain", "MT", "MST", "MDT"},
                                        {"Pacific", "PT", "PST", "PDT"}};
    for (size_t z = 0; z < LX_COUNTOF(us); z++) {
      if (!tis(G, j, us[z][0])) continue;
      size_t k = j + 1;
      int as = 1; /* as printed */
      if (tis(G, k, "Standard") || tis(G, k, "standard")) as = 2, k++;
      else if (tis(G, k, "Daylight") || tis(G, k, "daylight")) as = 3, k++;
      int off;
      if (tis(G, k, "time") || tis(G, k, "Time")) {
        k++;
      } else if (as != 1 || paren || (k < G->n && G->t[k].kind != LX_TK_PUNCT)) {
        return 0;
      }
      if (!zone_offset(us[z][as], strlen(us[z][as]), when, &off)) return 0;
      if (paren) {
        if (!tis(G, k, ")")) return 0;
        k++;
      }
      *tz = off;
      return k - i;
    }
  }
  if (j + 1 < G->n && (tis(G, j, "+") || tis(G, j, "-")) && G->t[j + 1].kind == LX_TK_NUM &&
      !(G->t[j + 1].flags & LX_TF_SPACE)) {
    const char *s = ts(G, j + 1);
    size_t n = tl(G, j + 1);
    int h, m;
    if ((n == 5 && s[2] == ':' && digits(s, 2, &h) && digits(s + 3, 2, &m)) ||
        (n == 4 && digits(s, 2, &h) && digits(s + 2, 2, &m))) {
      if (h > 14 || m > 59) return 0;
      *tz = (tis(G, j, "-") ? -1 : 1) * (h * 60 + m);
      j += 2;
      if (paren) {
        if (!tis(G, j, ")")) return 0;
        j++;
      }
      return j - i;
    }
  }
  return 0;
}

/* Whether "local time", or a place's time ("Beijing time", "Moscow
 * time"), is at i (after a clock time, in place of a zone). */
static int local_time(const g *G, size_t i) {
  return i + 1 < G->n && tis(G, i + 1, "time") &&
         (tis(G, i, "local") ||
          (G->t[i].kind == LX_TK_WORD && (G->t[i].flags & LX_TF_CAP) &&
           !(G->t[i].flags & LX_TF_ALLCAP) && (G->t[i + 1].flags & LX_TF_LOWER)));
}

/* "am" or "pm" glued to a clock time (1, 2), else 0. */
static int glued_ampm(const char *s) {
  if ((s[1] | 32) != 'm') return 0;
  return (s[0] | 32) == 'a' ? 1 : (s[0] | 32) == 'p' ? 2 : 0;
}

/* A clock time: 04:10, 8:03 am, 11:03 PM, 9 a.m., 10am, 10:30am, 6.15pm,
 * 10.30 a.m., 20:13:05, and the
 * wire's 1350 GMT, 0900 local time (four digits only before a zone or
 * "local time"). */
static size_t ttime(const g *G, size_t i, lx_date *d) {
  if (i >= G->n || G->t[i].kind != LX_TK_NUM) return 0;
  const char *s = ts(G, i);
  size_t n = tl(G, i);
  int h, m = 0, sec = 0, ampm = 0;
  size_t j = i + 1;
  if (n == 4 && digits(s, 2, &h) && digits(s + 2, 2, &m)) {
    int tz;
    if (h > 23 || m > 59 || !(tzone(G, j, d, &tz) || local_time(G, j))) return 0;
  } else if (n >= 4 && n <= 8 && (s[1] == ':' || s[2] == ':')) {
    size_t c = s[1] == ':' ? 1 : 2;
    if (!digits(s, c, &h) || c + 3 > n || !digits(s + c + 1, 2, &m)) return 0;
    if (n == c + 5 && (ampm = glued_ampm(s + c + 3)) != 0) {
      /* 10:30am */
    } else if (c + 3 < n) {
      if (n != c + 6 || s[c + 3] != ':' || !digits(s + c + 4, 2, &sec)) return 0;
    }
    if (!ampm) ampm = tampm(G, j);
    if (ampm && n != c + 5) j++;
  } else if ((n == 6 || n == 7) && s[n - 5] == '.' && glued_ampm(s + n - 2)) {
    /* the British 10.30am, 6.15pm */
    if (!digits(s, n - 5, &h) || !digits(s + n - 4, 2, &m)) return 0;
    ampm = glued_ampm(s + n - 2);
  } else if ((n == 4 || n == 5) && s[n - 3] == '.') {
    /* the British 10.30 a.m., 2.00 p.m.: only with its am or pm */
    if (!digits(s, n - 3, &h) || !digits(s + n - 2, 2, &m)) return 0;
    ampm = tampm(G, j);
    if (!ampm) return 0;
    j++;
  } else {
    /* 9 a.m. / 10am: an hour needs its am/pm */
    size_t k = 0;
    while (k < n && s[k] >= '0' && s[k] <= '9') k++;
    if (k == 0 || k > 2 || !digits(s, k, &h)) return 0;
    if (k < n) {
      if (lower_eq(s + k, n - k, "am")) ampm = 1;
      else if (lower_eq(s + k, n - k, "pm")) ampm = 2;
      else return 0;
    } else {
      ampm = tampm(G, j);
      if (!ampm) return 0;
      j++;
    }
  }
  if (ampm) {
    if (h < 1 || h > 12) return 0;
    if (ampm == 1 && h == 12) h = 0;
    if (ampm == 2 && h != 12) h += 12;
  }
  if (h > 24 || m > 59 || sec > 60) return 0;
  d->hour = h == 24 ? 0 : h;
  d->minute = m;
  d->second = sec;
  return j - i;
}

/* A calendar date without time. */
static size_t tdate(const g *G, size_t i, lx_date *d) {
  if (i >= G->n) return 0;
  const lx_token *t = &G->t[i];
  int v;
  if (t->kind == LX_TK_NUM) {
    const char *s = ts(G, i);
    size_t n = tl(G, i);
    /* ISO 2019-11-18, possibly with a time glued on */
    if (n >= 10 && s[4] == '-' && s[7] == '-') {
      lx_date x;
      if (lx_parse_iso(s, n, &x) && x.day) {
        *d = x;
        return 1;
      }
      /* 2019-11-19T12:48:14Z: the time's colons split it into tokens, the
       * bytes run on without a space */
      if (n > 10 && (s[10] == 'T' || s[10] == 't')) {
        const char *end = G->text + G->t[G->n - 1].end;
        size_t r = n;
        while (s + r < end && r < 40 && s[r] != ' ' && s[r] != '\n' && s[r] != '\t' &&
               s[r] != '\r')
          r++;
        size_t k = i + 1;
        while (k < G->n && G->text + G->t[k].end <= s + r) k++;
        if (G->text + G->t[k - 1].end == s + r && lx_parse_iso(s, r, &x) && x.day) {
          *d = x;
          return k - i;
        }
      }
      if (n > 10 && lx_parse_iso(s, 10, &x) && x.day) {
        d->year = x.year; d->month = x.month; d->day = x.day;
        return 1;
      }
    }
    /* 18.11.2019 (day first) and 11/18/2019 (month first) */
    if (n >= 6 && n <= 10) {
      char sep = 0;
      size_t p1 = 0, p2 = 0;
      for (size_t k = 0; k < n; k++) {
        if (s[k] == '.' || s[k] == '/') {
          if (!sep) { sep = s[k]; p1 = k; }
          else if (s[k] == sep && !p2) p2 = k;
          else return 0;
        } else if (s[k] < '0' || s[k] > '9') return 0;
      }
      int a, b, y;
      if (sep && p2 && digits(s, p1, &a) && digits(s + p1 + 1, p2 - p1 - 1, &b) &&
          digits(s + p2 + 1, n - p2 - 1, &y) && (n - p2 - 1 == 4 || n - p2 - 1 == 2)) {
        if (n - p2 - 1 == 2) y += y < 50 ? 2000 : 1900;
        int day = sep == '.' ? a : b, mon = sep == '.' ? b : a;
        if (mon > 12 && day <= 12) { int tmp = day; day = mon; mon = tmp; }
        if (valid_ymd(y, mon, day) && day) {
          d->year = y; d->month = mon; d->day = day;
          return 1;
        }
      }
    }
    /* 29 November 2018, 6th May, the 5th of January */
    if (tday(G, i, &v)) {
      size_t j = i + 1;
      int of = tis(G, j, "of") && n > 2 && !(s[n - 1] >= '0' && s[n - 1] <= '9');
      if (tis(G, j, "de") || of) j++; /* 22 de outubro: not English, no */
      int m = tmonth(G, j);
      if (m && (j == i + 1 || of) && valid_ymd(0, m, v)) {
        d->month = m;
        d->day = v;
        j++;
        size_t k = skip_comma(G, j);
        int y;
        if (tyear(G, k, &y) && !tis(G, k + 1, ":")) {
          if (!valid_ymd(y, m, v)) return 0; /* 29 February 2018: no such day */
          d->year = y;
          j = k + 1;
        }
        return j - i;
      }
    }
    return 0;
  }
  int m = tmonth(G, i);
  if (!m) return 0;
  size_t j = i + 1;
  if (tday(G, j, &v) && valid_ymd(0, m, v)) {
    /* "May 6", "Jan. 14, 2020"; but not "May 6:30" */
    const char *s = ts(G, j);
    if (memchr(s, ':', tl(G, j))) return 0;
    d->month = m;
    d->day = v;
    j++;
    size_t k = skip_comma(G, j);
    int y;
    if (tyear(G, k, &y)) {
      if (!valid_ymd(y, m, v)) return 0; /* Feb. 29, 2018: no such day */
      d->year = y;
      j = k + 1;
    }
    return j - i;
  }
  /* May 2020, November, 2019 */
  size_t k = skip_comma(G, j);
  int y;
  if (tyear(G, k, &y)) {
    d->month = m;
    d->year = y;
    return k + 1 - i;
  }
  return 0;
}

size_t lx_match_date(const char *text, const lx_token *t, size_t n, size_t i,
                     lx_date *out) {
  return lx_match_date_ref(text, t, n, i, NULL, out);
}

size_t lx_match_date_ref(const char *text, const lx_token *t, size_t n, size_t i,
                         const lx_date *ref, lx_date *out) {
  g G;
  G.text = text;
  G.t = t;
  G.n = n;
  date_init(out);
  /* every reading opens on a number, a weekday or a month (capitalized) */
  if (i >= n || !(t[i].kind == LX_TK_NUM || (t[i].kind == LX_TK_WORD && (t[i].flags & LX_TF_CAP))))
    return 0;
  size_t j = i, k;
  /* time first: 04:10 May 07, 2020 / 21:17 18.11.2019 */
  if ((k = ttime(&G, j, out)) != 0) {
    size_t tj = j + k;
    /* "10:42 a.m. ET, Wednesday, Oct. 7, 2020": a zone after the time (its
     * daylight time is read again once the date is known) */
    lx_date probe = *out;
    int tz0;
    size_t zk0 = tzone(&G, tj, &probe, &tz0);
    size_t z = skip_comma(&G, tj + zk0);
    size_t w = tweekday(&G, z) ? skip_comma(&G, z + 1) : z;
    size_t dk = tdate(&G, w, out);
    if (dk) {
      j = w + dk;
      int tz;
      if (zk0 && tzone(&G, tj, out, &tz) == zk0) {
        out->tz = tz;
        out->has_tz = 1;
        return j - i;
      }
      size_t zk = tzone(&G, j, out, &tz);
      if (zk) {
        out->tz = tz;
        out->has_tz = 1;
        j += zk;
      }
      return j - i;
    }
    /* a time alone, possibly with its zone (daylight time as on ref) */
    int tz;
    j = tj;
    lx_date when = *out;
    if (ref && ref->year && ref->month && ref->day) {
      when.year = ref->year;
      when.month = ref->month;
      when.day = ref->day;
    }
    size_t zk = tzone(&G, j, &when, &tz);
    if (zk) {
      out->tz = tz;
      out->has_tz = 1;
      j += zk;
    } else if (local_time(&G, j)) {
      j += 2; /* "0900 local time", "9:23 a.m. Beijing time": a zone not known here */
    }
    /* "4:30 in the afternoon", "9:15 at night": the half of the day a
     * clock time without am or pm is in */
    if (k == 1 && memchr(ts(&G, i), ':', tl(&G, i)) && out->hour >= 1 && out->hour <= 11) {
      size_t p = j;
      if (tis(&G, p, "in") && tis(&G, p + 1, "the") &&
          (tis(&G, p + 2, "morning") || tis(&G, p + 2, "afternoon") || tis(&G, p + 2, "evening"))) {
        if (!tis(&G, p + 2, "morning")) out->hour += 12;
        j = p + 3;
      } else if (tis(&G, p, "at") && tis(&G, p + 1, "night") && out->hour >= 6) {
        out->hour += 12;
        j = p + 2;
      }
    }
    return j - i;
  }
  /* optional weekday: Tuesday, May 5, 2020 / Fri 6:45 PM, Feb 16, 2018 */
  size_t w = j;
  if (tweekday(&G, j)) {
    w = j + 1;
    if (tis(&G, w, ".")) w++;
    w = skip_comma(&G, w);
    lx_date tmp = *out;
    size_t tk = ttime(&G, w, &tmp);
    if (tk) {
      size_t z = skip_comma(&G, w + tk);
      size_t dk = tdate(&G, z, &tmp);
      if (dk) {
        *out = tmp;
        return z + dk - i;
      }
    }
  }
  size_t dk = tdate(&G, w, out);
  if (!dk) return 0;
  j = w + dk;
  /* a time after the date: "8:03 am ET", "at 9:24 pm ET", "| 20:13" */
  size_t a = j;
  if (tis(&G, a, ",") || tis(&G, a, "at") || tis(&G, a, "-") || tis(&G, a, "|") ||
      tis(&G, a, "/") || tis(&G, a, "às") || tis(&G, a, "•"))
    a++;
  lx_date tmp = *out;
  size_t tk = ttime(&G, a, &tmp);
  if (tk && out->day) {
    *out = tmp;
    j = a + tk;
    int tz;
    size_t zk = tzone(&G, j, out, &tz);
    if (zk) {
      out->tz = tz;
      out->has_tz = 1;
      j += zk;
    }
  }
  return j - i;
}
