/*
 * C tests of numex.c (numbers, money, dates...): a table of sentences and
 * the entities expected in them, each written TYPE[text]=value and joined
 * by " | ". Built with ASan+UBSan by `make test`; tests/numex_c_spec.lua
 * turns each "ok - " line into a busted test.
 *
 *   test_numex                      run the table
 *   test_numex -e 'text' [ref]      print what is found (ref: 2020-05-06)
 *   test_numex --bench file         MB/s of lx_numex alone over texts
 *                                   separated by NUL bytes
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../plugin/core/ner.h"

#include "check.h"

static lede_engine *eng;

static int cand_cmp(const void *a, const void *b) {
  const lx_cand *x = (const lx_cand *)a, *y = (const lx_cand *)b;
  if (x->t0 != y->t0) return x->t0 < y->t0 ? -1 : 1;
  return x->t1 > y->t1 ? -1 : x->t1 < y->t1;
}

/* Runs numex over text (one block) and writes what it found into out. */
static int run(const char *text, const char *ref, char *out, size_t cap) {
  lx_vec toks = {NULL, 0, 0}, cands = {NULL, 0, 0};
  const lede_allocator *al = &lx_default_allocator;
  size_t n = strlen(text);
  out[0] = 0;
  if (!lx_tokenize(al, text, 0, n, &toks)) return 0;
  lx_sentences(text, (lx_token *)toks.p, toks.n);
  lx_ner_in in;
  memset(&in, 0, sizeof in);
  in.text = text;
  in.toks = (const lx_token *)toks.p;
  in.ntoks = toks.n;
  in.gaz = eng->gaz;
  in.alloc = al;
  in.ref.hour = -1;
  if (ref && *ref) {
    lx_parse_iso(ref, strlen(ref), &in.ref);
    in.has_ref = in.ref.year && in.ref.month && in.ref.day;
  }
  int ok = lx_numex(&in, 0, toks.n, &cands);
  lx_cand *k = (lx_cand *)cands.p;
  if (cands.n > 1) qsort(k, cands.n, sizeof *k, cand_cmp);
  size_t len = 0;
  uint32_t covered = 0;
  const lx_token *t = (const lx_token *)toks.p;
  for (size_t i = 0; i < cands.n; i++) {
    if (k[i].t0 < covered) {
      ok = 0; /* numex never proposes overlapping spans */
      continue;
    }
    covered = k[i].t1;
    const char *s = text + t[k[i].t0].start;
    int sl = (int)(t[k[i].t1 - 1].end - t[k[i].t0].start);
    char val[96];
    if (k[i].value_kind == LEDE_V_STRING)
      snprintf(val, sizeof val, "%s", k[i].str);
    else if (k[i].value_kind == LEDE_V_NONE)
      val[0] = 0;
    else if (k[i].value_kind == LEDE_V_AMOUNT)
      snprintf(val, sizeof val, "%.10g %s", k[i].num, k[i].str);
    else
      snprintf(val, sizeof val, "%.10g", k[i].num);
    int w = snprintf(out + len, cap - len, "%s%s[%.*s]=%s", len ? " | " : "",
                     lede_type_name(k[i].type), sl, s, val);
    if (w < 0 || (size_t)w >= cap - len) break;
    len += (size_t)w;
  }
  lx_vec_free(al, &toks);
  lx_vec_free(al, &cands);
  return ok;
}

typedef struct tcase {
  const char *text, *want;
} tcase;

#define REF "2020-05-06" /* a Wednesday */

/* Sentences of a story datelined Wednesday 2020-05-06. */
static const tcase cases[] = {
    /* the seed's expressions */
    {"the State Department said Wednesday.", "DATE[Wednesday]=2020-05-06"},
    {"The league moved the Week 13 rematch to 1 p.m.", "DATE[Week 13]= | TIME[1 p.m.]=T13:00"},
    {"On day 3 of the trial, 2 witnesses spoke.", "DATE[day 3]= | CARDINAL[2]=2"},
    {"It lasted a week 10 years ago.", "DATE[a week]=P1W | DATE[10 years ago]=2010"},
    {"On day 3.5 of the trial it rained.", "CARDINAL[3.5]=3.5"},
    {"Play resumes at 10.30am and the gates shut at 11:45PM.",
     "TIME[10.30am]=T10:30 | TIME[11:45PM]=T23:45"},
    {"The bank decides at 6.15pm London time.", "TIME[6.15pm London time]=T18:15"},
    {"Harwood still leads the series 3-2 and tied it 5-5 on a 2-1 pitch.",
     "CARDINAL[3-2]=3-2 | CARDINAL[5-5]=5-5 | CARDINAL[2-1]=2-1"},
    {"Corbin, who went 14-9 this year, is pitching; Kent, 1-0 up in the series, waits.",
     "CARDINAL[14-9]=14-9 | DATE[this year]=2020 | CARDINAL[1-0]=1-0"},
    {"Prices went 10-12 percent higher.", "PERCENT[10-12 percent]=10"},
    {"The Broncos play at San Diego on Sunday.", "DATE[Sunday]=2020-05-10"},
    {"The captain, 44, survived; the dead were two women, 68 and 72, and a boy.",
     "DATE[44]=P44Y | CARDINAL[two]=2 | DATE[68]=P68Y | DATE[72]=P72Y"},
    {"He left school at 14 to work and moved to Leeds at 16, in 1943.",
     "DATE[14]=P14Y | DATE[16]=P16Y | DATE[1943]=1943"},
    {"The stock began trading at 14 and closed at 15.", "CARDINAL[14]=14 | CARDINAL[15]=15"},
    {"The oldest victim was 101. She won the women's 100, clocking 10.89.",
     "DATE[101]=P101Y | CARDINAL[100]=100 | CARDINAL[10.89]=10.89"},
    {"Crews searched overnight through the rubble; overnight rates rose.",
     "TIME[overnight]=XXXX-XX-XXTNI"},
    {"Cocoa rose to 2,150 pounds a tonne; he weighs 200 pounds.",
     "MONEY[2,150 pounds]=2150 GBP | QUANTITY[200 pounds]=90.718474 kg"},
    {"Wichita Falls hit 113 F at noon, and temperatures of 27 C in Lyon.",
     "QUANTITY[113 F]=113 F | TIME[noon]=T12:00 | QUANTITY[27 C]=27 C"},
    {"Profit fell in the July-September quarter; 12% had type 2 diabetes.",
     "DATE[the July-September quarter]=2019-Q3 | PERCENT[12%]=12"},
    {"Velvet Thunder, a 33-1 outsider, won the tiebreaker 7-5.",
     "CARDINAL[33-1]=33-1 | CARDINAL[7-5]=7-5"},
    {"Thunderstorms suspended play for an hour on Sunday.", "TIME[an hour]=PT1H | DATE[Sunday]=2020-05-03"},
    {"Brent for March settlement fell 39 cents.", "DATE[March]=2021-03 | MONEY[39 cents]=0.39 USD"},
    {"Highs are forecast to reach 48 degrees Thursday.",
     "QUANTITY[48 degrees]=48 deg | DATE[Thursday]=2020-05-07"},
    {"Pompeo and Kang spoke by phone on Tuesday to discuss the two countries' response",
     "DATE[Tuesday]=2020-05-05 | CARDINAL[two]=2"},
    {"meeting in Palo Alto, California, on Jan. 14, 2020.", "DATE[Jan. 14, 2020]=2020-01-14"},
    {"The deal expired at the end of last year.", "DATE[the end of last year]=2019"},
    {"under last year's deal", "DATE[last year]=2019"},
    {"a rise of 13 percent over last year's cost-sharing deal",
     "PERCENT[13 percent]=13 | DATE[last year]=2019"},
    {"Seoul offered to pay US$870 million this year.",
     "MONEY[US$870 million]=870000000 USD | DATE[this year]=2020"},
    {"the talks collapsed last month", "DATE[last month]=2020-04"},
    {"the 28,500 American troops stationed there", "CARDINAL[28,500]=28500"},
    {"WASHINGTON, May 6 (Yonhap) -- Text.", "DATE[May 6]=2020-05-06"},
    /* absolute dates */
    {"It opened on 29 November 2018.", "DATE[29 November 2018]=2018-11-29"},
    {"filed on 2019-11-18 in court", "DATE[2019-11-18]=2019-11-18"},
    {"sales in March 2020 fell", "DATE[March 2020]=2020-03"},
    {"He was born in 1996.", "DATE[1996]=1996"},
    {"prices of the 1990s", "DATE[the 1990s]=199"},
    {"Lee, who left in May, said", "DATE[May]=2020-05"},
    {"She may leave. They will march on.", ""},
    {"May I ask?", ""},
    {"Theresa May said it", ""},
    {"on May 3rd, they met", "DATE[May 3rd]=2020-05-03"},
    {"Sales rose in fiscal 1987.", "DATE[fiscal 1987]=FY1987"},
    {"the 2019/20 season", "DATE[2019/20]=2019/2020"},
    {"from 1990-95 output fell", "DATE[1990-95]=1990/1995"},
    {"in the mid-1990s", "DATE[the mid-1990s]=199"},
    {"in early 2020 the virus spread", "DATE[early 2020]=2020"},
    {"by late March", "DATE[late March]=2020-03"},
    {"Shipments for March shipment at", "DATE[March]=2020-03"},
    /* relative dates */
    {"The minister arrived yesterday and leaves today.",
     "DATE[yesterday]=2020-05-05 | DATE[today]=2020-05-06"},
    {"He will visit Seoul on Tuesday.", "DATE[Tuesday]=2020-05-12"},
    {"The house will be sold, the minister said on Tuesday.", "DATE[Tuesday]=2020-05-05"},
    {"The rate was cut by a quarter of a percentage point.",
     "PERCENT[a quarter of a percentage point]=0.25"},
    {"They met last Tuesday.", "DATE[last Tuesday]=2020-05-05"},
    {"They meet next Friday.", "DATE[next Friday]=2020-05-08"},
    {"Talks resume next year.", "DATE[next year]=2021"},
    {"earlier this year, prices fell", "DATE[earlier this year]=2020"},
    {"this week and last week", "DATE[this week]=2020-W19 | DATE[last week]=2020-W18"},
    {"during the weekend", "DATE[the weekend]=2020-W19-WE"},
    {"in recent years", "DATE[recent years]=PXY"},
    {"over the past two years", "DATE[the past two years]=P2Y"},
    {"over the past year", "DATE[the past year]=P1Y"},
    {"in the third quarter of 2019", "DATE[the third quarter of 2019]=2019-Q3"},
    {"in the first half of 2020", "DATE[the first half of 2020]=2020-H1"},
    {"first-quarter profit rose", "DATE[first-quarter]=2020-Q1"},
    /* periods of the year without an article, and their shorthands */
    {"third quarter profit rose", "DATE[third quarter]=2019-Q3"},
    {"3RD QTR NET", "DATE[3RD QTR]=2019-Q3"},
    {"first half sales fell", "DATE[first half]=2020-H1"},
    {"a second half surge", "ORDINAL[second]=2"},
    {"Nine mths shr 53 cts",
     "DATE[Nine mths]=P9M | MONEY[53 cts]=0.53 USD"},
    {"Q3 revenue rose", "DATE[Q3]=2019-Q3"},
    {"Sales grew in 3Q 2019.", "DATE[3Q 2019]=2019-Q3"},
    {"Q2 of 2018 was weak", "DATE[Q2 of 2018]=2018-Q2"},
    {"He drove an Audi Q3 home.", ""},
    {"for 1986 qtr and six mths", "DATE[1986]=1986 | DATE[six mths]=P6M"},
    {"the crop was 11.2 mln. Exports fell", "CARDINAL[11.2 mln]=11200000"},
    {"this summer", "DATE[this summer]=2020-SU"},
    {"two years ago", "DATE[two years ago]=2018"},
    {"three days ago", "DATE[three days ago]=2020-05-03"},
    {"the 21st century", "DATE[the 21st century]=20"},
    /* durations, ages, sets */
    {"for two weeks", "DATE[two weeks]=P2W"},
    {"about two weeks later", "DATE[about two weeks later]=P2W"},
    {"a decade of growth", "DATE[a decade]=P10Y"},
    {"for three years", "DATE[three years]=P3Y"},
    {"a 20-year-old student", "DATE[20-year-old]=P20Y"},
    {"he is 60 years old", "DATE[60 years old]=P60Y"},
    {"Mr. Smith, 52, was named chairman", "DATE[52]=P52Y"},
    {"said Johan Sletten, 52. He", "DATE[52]=P52Y"},
    {"PARIS, 52, RUE", "CARDINAL[52]=52"},
    {"O'Gorman, 109, took", "CARDINAL[109]=109"},
    {"a five-year plan", "DATE[five-year]=P5Y"},
    {"it will take two to three weeks", "DATE[two to three weeks]=P2W"},
    {"it took 2 to 3 years", "DATE[2 to 3 years]=P2Y"},
    {"a term of between five and seven years", "DATE[between five and seven years]=P5Y"},
    {"two to three decades", "DATE[two to three decades]=P20Y"},
    /* either-or, one end spelled, a time ago, a half after the unit */
    {"three or four days a week", "DATE[three or four days]=P3D"},
    {"a term of between five and 10 years", "DATE[between five and 10 years]=P5Y"},
    {"five or six years ago", "DATE[five or six years ago]=2015"},
    {"growth of 5 or 6 percent", "PERCENT[5 or 6 percent]=5"},
    {"700 or 800 mln dlrs", "MONEY[700 or 800 mln dlrs]=700000000 USD"},
    {"one or two", "CARDINAL[one or two]=1"},
    {"in 1982 or 1985", "DATE[1982]=1982 | DATE[1985]=1985"},
    {"six or five percent", "CARDINAL[six]=6 | PERCENT[five percent]=5"},
    {"it lasted an hour and a half", "TIME[an hour and a half]=PT1.5H"},
    /* a whole and a fraction as wires print them; a change is no range */
    {"notes yielding 5-1/2 pct", "PERCENT[5-1/2 pct]=5.5"},
    {"the bond was at 106-26/32", "CARDINAL[106-26/32]=106.8125"},
    {"it took 1-1/2 years", "DATE[1-1/2 years]=P1.5Y"},
    {"a dividend of 2-1/2 cts", "MONEY[2-1/2 cts]=0.025 USD"},
    {"shares fell 3/8 to 21-5/8 dlrs", "CARDINAL[3/8]=0.375 | MONEY[21-5/8 dlrs]=21.625 USD"},
    {"prices rose 5 to 10 pct", "PERCENT[5 to 10 pct]=5"},
    {"a 2-1 win", "CARDINAL[2-1]=2-1"},
    {"talks began at 0900 local time", "TIME[0900 local time]=T09:00"},
    {"at 10 a.m. local time", "TIME[10 a.m. local time]=T10:00"},
    {"the 1200 local residents", "CARDINAL[1200]=1200"},
    /* a day of a month as an ordinal */
    {"on the 5th of January", "DATE[the 5th of January]=2020-01-05"},
    {"by the 21st of March 2019", "DATE[the 21st of March 2019]=2019-03-21"},
    {"the 3rd of the month", "ORDINAL[3rd]=3"},
    /* "the year", "the quarter" as the story's period, or the period
     * ending on a date */
    {"net income rose in the quarter", "DATE[the quarter]=2020-Q2"},
    {"for the year, sales rose", "DATE[the year]=2020"},
    {"earlier in the day", "DATE[earlier in the day]=2020-05-06"},
    {"for the rest of the week", "DATE[the week]=2020-W19"},
    {"the player of the year", ""},
    {"in the year of the dragon", ""},
    {"for the year ended Dec. 31, 1986", "DATE[the year ended Dec. 31, 1986]=1986"},
    {"in the year ended January 31, 1987", "DATE[the year ended January 31, 1987]=FY1987"},
    {"the quarter ended Sept. 30", "DATE[the quarter ended Sept. 30]=2019-Q3"},
    {"in the week ended Feb. 22", "DATE[the week ended Feb. 22]=2020-W08"},
    {"prices in the year to February rose", "DATE[the year to February]=FY2020"},
    {"through the year 2001", "DATE[the year 2001]=2001"},
    {"in the three months ended Sept. 30", "DATE[the three months ended Sept. 30]=P3M"},
    {"in the current fiscal year", "DATE[the current fiscal year]=FY2020"},
    {"last fiscal year", "DATE[last fiscal year]=FY2019"},
    {"the current year", "DATE[the current year]=2020"},
    {"in the latest quarter", "DATE[the latest quarter]=2020-Q1"},
    {"The year before, it lost money", "DATE[The year before]="},
    {"up from the year earlier", "DATE[the year earlier]="},
    {"the day before the election", ""},
    /* bare time words: a count left unsaid, parts of a day */
    {"he waited for years.", "DATE[years]=PXY"},
    {"it collapsed within hours of the vote", "TIME[hours]=PTXH"},
    {"Minutes later, it fell", "TIME[Minutes later]=PTXM"},
    {"for years to come", "DATE[years]=PXY"},
    {"gains in hours worked", ""},
    {"in after hours trading", ""},
    {"a coupon in years three and four", "CARDINAL[three]=3 | CARDINAL[four]=4"},
    {"stocks fell overnight.", "TIME[overnight]=XXXX-XX-XXTNI"},
    {"after overnight talks", ""},
    {"he left in the morning and came back at night.",
     "TIME[the morning]=XXXX-XX-XXTMO | TIME[night]=XXXX-XX-XXTNI"},
    {"the morning news", ""},
    {"at dawn on Friday", "TIME[dawn]=XXXX-XX-XXTMO | DATE[Friday]=2020-05-01"},
    /* an age in decades */
    {"a man in his 40s", "DATE[his 40s]="},
    {"music of the '80s and the 1990s", "DATE[the '80s]=198 | DATE[the 1990s]=199"},
    /* units in a hyphenated tail */
    {"a 275-horsepower motor", "QUANTITY[275-horsepower]=275 hp"},
    {"a 500-hectare farm", "QUANTITY[500-hectare]=500 ha"},
    {"a 9-millimeter pistol", "QUANTITY[9-millimeter]=0.009 m"},
    /* a part of a spelled large number */
    {"a quarter of a million people", "CARDINAL[a quarter of a million]=250000"},
    {"a third of a billion dollars", "MONEY[a third of a billion dollars]=333333333.3 USD"},
    {"a quarter of the vote", "CARDINAL[a quarter]=0.25"},
    /* pounds paid are money, pounds weighed a weight */
    {"she was fined 200 pounds", "MONEY[200 pounds]=200 GBP"},
    {"he earned 50,000 pounds a year", "MONEY[50,000 pounds]=50000 GBP"},
    {"the baby weighed 8 pounds", "QUANTITY[8 pounds]=3.62873896 kg"},
    {"500 pounds of beef", "QUANTITY[500 pounds]=226.796185 kg"},
    {"two years and a half", "DATE[two years and a half]=P2.5Y"},
    {"meets every Monday", "DATE[every Monday]=XXXX-WXX-1"},
    {"paid annually", "DATE[annually]=P1Y"},
    {"held each year", "DATE[each year]=P1Y"},
    {"one and a half years", "DATE[one and a half years]=P1.5Y"},
    {"several years", "DATE[several years]=PXY"},
    /* times */
    {"at 10:30 a.m. the plane landed", "TIME[10:30 a.m.]=T10:30"},
    {"posted 04:10 May 07, 2020", "TIME[04:10 May 07, 2020]=2020-05-07T04:10"},
    {"at 8:03 am ET", "TIME[8:03 am ET]=T08:03-04:00"},
    {"at midnight", "TIME[midnight]=T00:00"},
    {"trading ended at 1350 GMT", "TIME[1350 GMT]=T13:50+00:00"},
    {"at 11 a.m. EDT (1500 GMT), he spoke",
     "TIME[11 a.m. EDT]=T11:00-04:00 | TIME[1500 GMT]=T15:00+00:00"},
    {"in 2019 NASA said", "DATE[2019]=2019"},
    {"in 1996 US output fell", "DATE[1996]=1996"},
    {"at noon", "TIME[noon]=T12:00"},
    {"this morning", "TIME[this morning]=2020-05-06TMO"},
    {"last night", "TIME[last night]=2020-05-05TNI"},
    {"Tuesday night", "TIME[Tuesday night]=2020-05-05TNI"},
    {"tonight", "TIME[tonight]=2020-05-06TNI"},
    {"at 10 a.m. Tuesday", "TIME[10 a.m. Tuesday]=2020-05-05T10:00"},
    {"for three hours", "TIME[three hours]=PT3H"},
    /* money */
    {"$ 5 each", "MONEY[$ 5]=5 USD"},
    {"profit was 28.3 mln dlrs", "MONEY[28.3 mln dlrs]=28300000 USD"},
    {"a loss of 28.3 mln dlr", "MONEY[28.3 mln dlr]=28300000 USD"},
    {"raised €5bn", "MONEY[€5bn]=5000000000 EUR"},
    {"spent 5 billion won", "MONEY[5 billion won]=5000000000 KRW"},
    {"at 2.5 yen", "MONEY[2.5 yen]=2.5 JPY"},
    {"sales at 1,750 to 1,780 dlrs per tonne", "MONEY[1,750 to 1,780 dlrs]=1750 USD"},
    {"up 40 cents", "MONEY[40 cents]=0.4 USD"},
    {"down two cts", "MONEY[two cts]=0.02 USD"},
    {"more than $5 million", "MONEY[more than $5 million]=5000000 USD"},
    {"15 mln stg", "MONEY[15 mln stg]=15000000 GBP"},
    {"about 10 Canadian dlrs", "MONEY[about 10 Canadian dlrs]=10 CAD"},
    {"HK$ 1.2 billion", "MONEY[HK$ 1.2 billion]=1200000000 HKD"},
    {"millions of dollars", "MONEY[millions of dollars]=1000000 USD"},
    {"a $5m deal", "MONEY[$5m]=5000000 USD"},
    {"The team won 2-1.", "CARDINAL[2-1]=2-1"},
    /* percent */
    {"up 16.057% on", "PERCENT[16.057%]=16.057"},
    {"rose 13 pct in", "PERCENT[13 pct]=13"},
    {"cut by 0.5 percentage points", "PERCENT[0.5 percentage points]=0.5"},
    {"by half a percentage point", "PERCENT[half a percentage point]=0.5"},
    {"about 20 per cent", "PERCENT[about 20 per cent]=20"},
    {"between 5 and 10 percent", "PERCENT[between 5 and 10 percent]=5"},
    /* quantities */
    {"bags of 60 kilos", "QUANTITY[60 kilos]=60 kg"},
    {"155 miles north", "QUANTITY[155 miles]=249.44832 km"},
    {"6.4 mln bags", "CARDINAL[6.4 mln]=6400000"},
    {"200,000 barrels per day", "QUANTITY[200,000 barrels per day]=200000 bpd"},
    {"output of 7 mln barrels", "QUANTITY[7 mln barrels]=7000000 bbl"},
    /* ranges whose both ends carry their sign; changes and tallies are two */
    {"it cost 80% to 90% more", "PERCENT[80% to 90%]=80"},
    {"prices of $5 to $10", "MONEY[$5 to $10]=5 USD"},
    {"between $5 and $10 each", "MONEY[between $5 and $10]=5 USD"},
    {"a $386 - $389 an ounce range", "MONEY[$386 - $389]=386 USD"},
    {"it rose from 5% to 10%", "PERCENT[5%]=5 | PERCENT[10%]=10"},
    {"the rate rose 0.1 pct to 54.2 pct", "PERCENT[0.1 pct]=0.1 | PERCENT[54.2 pct]=54.2"},
    {"a 53 percent to 39 percent lead", "PERCENT[53 percent]=53 | PERCENT[39 percent]=39"},
    {"it cut its rate 0.5 percentage points to 10.5 pct",
     "PERCENT[0.5 percentage points]=0.5 | PERCENT[10.5 pct]=10.5"},
    /* a year before a singular noun */
    {"then a 2018 analysis found", "DATE[2018]=2018"},
    {"the 2019 census", "DATE[2019]=2019"},
    /* a year before a plural after a determiner; a count has none */
    {"the company's 1990 results", "DATE[1990]=1990"},
    {"its 1989 sales rose", "DATE[1989]=1989"},
    {"The 1991 models", "DATE[1991]=1991"},
    {"he sold 1990 shares", "CARDINAL[1990]=1990"},
    /* spelled ranges */
    {"growth of between three and six pct", "PERCENT[between three and six pct]=3"},
    {"six to seven mln barrels", "QUANTITY[six to seven mln barrels]=6000000 bbl"},
    {"between two and three billion dlrs",
     "MONEY[between two and three billion dlrs]=2000000000 USD"},
    {"won the 100m final", "QUANTITY[100m]=100 m"},
    /* ordinals */
    {"the first time", "ORDINAL[first]=1"},
    {"finished 3rd and 21st", "ORDINAL[3rd]=3 | ORDINAL[21st]=21"},
    {"the twenty-first attempt", "ORDINAL[twenty-first]=21"},
    {"a second term", "ORDINAL[second]=2"},
    /* a day (week, minute...) counted in a run: no value */
    {"stocks fell for the third straight day", "DATE[the third straight day]="},
    {"for a second consecutive week", "DATE[a second consecutive week]="},
    {"its fifth successive quarter", "DATE[fifth successive quarter]="},
    {"on the 10th day of the strike", "DATE[the 10th day]="},
    {"scored in the 63rd minute", "TIME[the 63rd minute]="},
    {"in the first 40 minutes", "TIME[the first 40 minutes]=PT40M"},
    {"the third quarter", "DATE[the third quarter]=2019-Q3"},
    {"a loss in the fiscal second quarter ending Dec. 31",
     "DATE[the fiscal second quarter ending Dec. 31]=2019-Q4"},
    {"profit in the first half ended June 30, 2019", "DATE[the first half ended June 30, 2019]=2019-H1"},
    {"for the fiscal year ended June 30", "DATE[the fiscal year ended June 30]=FY2019"},
    {"the Second Day parade", ""},
    {"the third century", "DATE[the third century]=02"},
    {"the First Amendment", ""},
    {"the Sixth test at the Oval", "ORDINAL[Sixth]=6"},
    {"Third place: Alba", "ORDINAL[Third]=3"},
    {"the Fourth of July", "DATE[the Fourth of July]=2019-07-04"},
    {"on the fifth of May", "DATE[the fifth of May]=2020-05-05"},
    /* cardinals */
    {"twenty-five people", "CARDINAL[twenty-five]=25"},
    {"1.5 million people", "CARDINAL[1.5 million]=1500000"},
    {"a dozen eggs", "CARDINAL[a dozen]=12"},
    {"hundreds of people", "CARDINAL[hundreds]=100"},
    {"tens of thousands of people", "CARDINAL[tens of thousands]=10000"},
    {"a third of voters", "CARDINAL[a third]=0.3333333333"},
    {"two-thirds of voters", "CARDINAL[two-thirds]=0.6666666667"},
    {"One of the suspects", "CARDINAL[One]=1"},
    {"no one came; the one I saw", ""},
    {"some 28,500 troops", "CARDINAL[some 28,500]=28500"},
    {"nearly 3,000 people", "CARDINAL[nearly 3,000]=3000"},
    {"one hundred and twenty people", "CARDINAL[one hundred and twenty]=120"},
    {"half of them", "CARDINAL[half]=0.5"},
    {"yields of 8 3/4 % and $16 3/8", "PERCENT[8 3/4 %]=8.75 | MONEY[$16 3/8]=16.375 USD"},
    {"in the first nine months of 1989", "DATE[the first nine months of 1989]=P9M"},
    {"by the end of 1989", "DATE[the end of 1989]=1989"},
    {"at the end of the year", "DATE[the end of the year]=2020"},
    {"from 1982 to 1985", "DATE[1982 to 1985]=1982/1985"},
    {"between 500,000 and 600,000 people", "CARDINAL[between 500,000 and 600,000]=500000"},
    {"Net 681,000\n    Year\n    Shr 89 cts", "CARDINAL[681,000]=681000 | MONEY[89 cts]=0.89 USD"},
    {"several hundred people and a few thousand dollars",
     "CARDINAL[several hundred]=100 | MONEY[a few thousand dollars]=1000 USD"},
    {"for decades", "DATE[decades]=PXDE"},
    {"in the three months ended Sept. 30", "DATE[the three months ended Sept. 30]=P3M"},
    {"the two countries and the 10 days", "CARDINAL[two]=2 | DATE[the 10 days]=P10D"},
    {"he scored 64 Mark said", "CARDINAL[64]=64"},
    {"worth 64 marks", "MONEY[64 marks]=64 DEM"},
    {"64 Bob Smith", "CARDINAL[64]=64"},
    {"scored one try and 40.9 mln sdr", "CARDINAL[one]=1 | MONEY[40.9 mln sdr]=40900000 XDR"},
    {"17.18 billion N.Z. Dlrs and 100 MLN CANADIAN DLR",
     "MONEY[17.18 billion N.Z. Dlrs]=1.718e+10 NZD | MONEY[100 MLN CANADIAN DLR]=100000000 CAD"},
    {"100 mln Special Drawing Rights", "MONEY[100 mln Special Drawing Rights]=100000000 XDR"},
    /* holidays: the day in the year a month would take, or as printed */
    {"Shops were closed for Christmas.", "DATE[Christmas]=2019-12-25"},
    {"He will be home for Christmas.", "DATE[Christmas]=2020-12-25"},
    {"Churches were empty at Easter.", "DATE[Easter]=2020-04-12"},
    {"on New Year's Day and New Year\xe2\x80\x99s Eve",
     "DATE[New Year's Day]=2020-01-01 | DATE[New Year\xe2\x80\x99s Eve]=2019-12-31"},
    {"traffic over the Labor Day weekend", "DATE[the Labor Day weekend]=2019-09-02"},
    {"sales on Black Friday and Cyber Monday",
     "DATE[Black Friday]=2019-11-29 | DATE[Cyber Monday]=2019-12-02"},
    {"It snowed last Christmas.", "DATE[last Christmas]=2019-12-25"},
    {"until next Thanksgiving", "DATE[next Thanksgiving]=2020-11-26"},
    {"closed on Presidents' Day and Memorial Day",
     "DATE[Presidents' Day]=2020-02-17 | DATE[Memorial Day]=2020-05-25"},
    {"at Christmas 2018 and Easter 2024", "DATE[Christmas 2018]=2018-12-25 | DATE[Easter 2024]=2024-03-31"},
    {"Good Friday 2000 and Easter Monday 2025",
     "DATE[Good Friday 2000]=2000-04-21 | DATE[Easter Monday 2025]=2025-04-21"},
    {"during Ramadan and Eid al-Fitr", "DATE[Ramadan]= | DATE[Eid al-Fitr]="},
    {"the Good Friday Agreement", ""},
    {"before Easter April 9", "DATE[Easter]=2020-04-12 | DATE[April 9]=2020-04-09"},
    {"flights to Christmas Island", ""},
    {"the new year, a black friday, good news", ""},
    /* the newswire of 1989 and of Xinhua: periods, rates, ranges, games, zones */
    {"since 1986's fourth quarter, and 1990's first half",
     "DATE[1986's fourth quarter]=1986-Q4 | DATE[1990's first half]=1990-H1"},
    {"launched an $18-a-share bid and may suspend its 50-cent dividend",
     "MONEY[$18-a-share]=18 USD | MONEY[50-cent]=0.5 USD"},
    {"bought at prices ranging from $13.50 to $16.25, up from $5 to $6",
     "MONEY[$13.50 to $16.25]=13.5 USD | MONEY[$5]=5 USD | MONEY[$6]=6 USD"},
    {"between Aug. 14 and Oct. 20, and from October 1 to 7, not moved from Oct. 1 to Oct. 7",
     "DATE[between Aug. 14 and Oct. 20]=2019-08-14/2019-10-20 | DATE[October 1 to"
     " 7]=2019-10-01/2019-10-07 | DATE[Oct. 1]=2019-10-01 | DATE[Oct. 7]=2019-10-07"},
    {"in the Feb. 11-20 period, the January-November period and the 1982-84 base period",
     "DATE[the Feb. 11-20 period]=2020-02-11/2020-02-20 | DATE[the January-November period]="
     " | DATE[the 1982-84 base period]=1982/1984"},
    {"an increase of 4.2 percent in 1998 over the previous year",
     "PERCENT[4.2 percent]=4.2 | DATE[1998]=1998 | DATE[the previous year]=1997"},
    {"He earned $5 million in the third quarter. A year earlier, he earned $3 million.",
     "MONEY[$5 million]=5000000 USD | DATE[the third quarter]=2019-Q3 | DATE[A year"
     " earlier]=2018-Q3 | MONEY[$3 million]=3000000 USD"},
    {"The House approved the bill 272-128 last night.",
     "CARDINAL[272-128]=272-128 | TIME[last night]=2020-05-05TNI"},
    {"She took the final 11-9, 8-11, 11-7 in 52 minutes",
     "CARDINAL[11-9]=11-9 | CARDINAL[8-11]=8-11 | CARDINAL[11-7]=11-7 | TIME[52 minutes]=PT52M"},
    {"winds of up to 33 meters per second and 90 characters per second",
     "QUANTITY[up to 33 meters per second]=33 m/s | CARDINAL[90]=90"},
    {"First Commonwealth Bancorp said it",
     ""},
    {"lifted off at 9:23 a.m. Beijing time.",
     "TIME[9:23 a.m. Beijing time]=T09:23"},
    {"people aged 65 and above were suspended for six months to two years",
     "DATE[65 and above]= | DATE[six months to two years]="},
    {"up from 27% at the end of the third quarter",
     "PERCENT[27%]=27 | DATE[the end of the third quarter]=2019-Q3"},
    {"the holiday will last seven days, due to last year's rush",
     "DATE[seven days]=P7D | DATE[last year]=2019"},
    {"adopted in 1908, 12 years before the 19th Amendment, and a month before the vote",
     "DATE[1908]=1908 | DATE[12 years]=P12Y | ORDINAL[19th]=19 | DATE[a month]=P1M"},
    {"It ended three days before.", "DATE[three days before]=P3D"},
    {"a sentence of 25 years to life", "DATE[25 years to life]="},
    {"in the 1988/89 crop year and the 1995-96 school year",
     "DATE[the 1988/89 crop year]=1988/1989 | DATE[the 1995-96 school year]=1995/1996"},
    {"a man in his 30s", "DATE[his 30s]="},
    {"trading above $1.34 as sales grew just 2.5%, just over 100 people",
     "MONEY[$1.34]=1.34 USD | PERCENT[2.5%]=2.5 | CARDINAL[just over 100]=100"},
    {"one hour for shoppers 60 and older", "TIME[one hour]=PT1H | DATE[60 and older]="},
    {"read following 14 hours of deliberation, in the following two days",
     "TIME[14 hours]=PT14H | DATE[the following two days]=P2D"},
    {"It will begin at 3:13 p.m. EDT and last 3 minutes and 51 seconds.",
     "TIME[3:13 p.m. EDT]=T15:13-04:00 | TIME[3 minutes and 51 seconds]=PT3M51S"},
    {"The previous record of 40.4 C had stood since 1947; he lives at 5 C Street",
     "QUANTITY[40.4 C]=40.4 C | DATE[1947]=1947 | CARDINAL[5]=5"},
    {"water as high as 12 feet, as long as he stays",
     "QUANTITY[as high as 12 feet]=3.6576 m"},
    {"gathered from early afternoon until the vote, in the early afternoon",
     "TIME[early afternoon]=XXXX-XX-XXTAF | TIME[the early afternoon]=XXXX-XX-XXTAF"},
    /* "a year earlier" than the period the sentence names */
    {"first-quarter net fell to 5 mln dlrs from 6 mln dlrs a year earlier.",
     "DATE[first-quarter]=2020-Q1 | MONEY[5 mln dlrs]=5000000 USD | MONEY[6 mln dlrs]=6000000 USD"
     " | DATE[a year earlier]=2019-Q1"},
    {"Retail sales grew 2.5% in August from a year earlier.",
     "PERCENT[2.5%]=2.5 | DATE[August]=2019-08 | DATE[a year earlier]=2018-08"},
    {"Sales rose from a year earlier.", "DATE[a year earlier]=P1Y"},
    {"Net rose in the third quarter, compared with the year-earlier period.",
     "DATE[the third quarter]=2019-Q3 | DATE[the year-earlier period]=2018-Q3"},
    {"Profit fell in 1987 from two years earlier.",
     "DATE[1987]=1987 | DATE[two years earlier]=1985"},
    {"Profit rose in the first quarter. Sales fell from a year earlier.",
     "DATE[the first quarter]=2020-Q1 | DATE[a year earlier]=P1Y"},
    {"From January to June it exported 59 percent, up from the same period last year.",
     "DATE[January to June]=2020-01/2020-06 | PERCENT[59 percent]=59 | "
     "DATE[the same period last year]=2019"},
    {"Net rose in the third quarter, compared with the year-earlier period and the"
     " second period of the game", "DATE[the third quarter]=2019-Q3 | DATE[the year-earlier"
     " period]=2018-Q3 | ORDINAL[second]=2"},
    /* shares, pronouns, area codes, temperatures, spans of about */
    {"Four out of five will go by car", "CARDINAL[Four out of five]=0.8"},
    {"The smaller one, built for an operator, and the number one buyer", "CARDINAL[one]=1"},
    {"911 dispatchers will work", ""},
    {"Temperatures were expected to fall to 5 below zero by Saturday",
     "QUANTITY[5 below zero]=-5 deg | DATE[Saturday]=2020-05-09"},
    {"In 1989, at 60, she became the first woman",
     "DATE[1989]=1989 | DATE[60]=P60Y | ORDINAL[first]=1"},
    {"call the academy at (800) 433-9016.", ""},
    {"he expected it to last a year or two.", "DATE[a year or two]="},
    /* ages said of people before; "more" between a count and its unit */
    {"most of the victims were over 70 and lived alone", "DATE[over 70]=P70Y"},
    {"prices were over 70 and rising", "CARDINAL[over 70]=70"},
    {"forecasters expect two more days of rain", "DATE[two more days]=P2D"},

    /* "up to" as a verb's particle */
    {"we should climb back up to around 35 degrees", "QUANTITY[around 35 degrees]=35 deg"},
    {"it would buy back up to five million of its shares",
     "CARDINAL[up to five million]=5000000"},

    /* the sun's hours after a preposition of time */
    {"the storm that moved in before dawn has dumped snow", "TIME[dawn]=XXXX-XX-XXTMO"},
    {"crews worked from dawn to dusk.", "TIME[dawn to dusk]=XXXX-XX-XXTMO"},
    {"the dawn raid failed", ""},

    /* scores and votes without a word of score right before */
    {"the House passed a similar measure, 248-171, on", "CARDINAL[248-171]=248-171"},
    {"Osaka earned a 2-1 home win over Kobe", "CARDINAL[2-1]=2-1"},
    {"she dispatched Tan Wei Ling 3-0 in the", "CARDINAL[3-0]=3-0"},
    {"the ratio was 2-1 in favour", ""},

    /* newswire of the WSJ and Xinhua kind */
    {"it would rise to $3.85 next Oct. 1,", "MONEY[$3.85]=3.85 USD | DATE[next Oct. 1]=2020-10-01"},
    {"the team left on Oct. 25 last year.", "DATE[Oct. 25 last year]=2019-10-25"},
    {"it opens in early December next year.", "DATE[early December next year]=2021-12"},
    {"sales in the first week of August were flat", "DATE[the first week of August]="},
    {"down 2.4% from the same period of last year",
     "PERCENT[2.4%]=2.4 | DATE[the same period of last year]=2019"},
    {"net income for its fiscal second quarter rose", "DATE[fiscal second quarter]="},
    {"40 more stores by the end of fiscal 1990,", "CARDINAL[40]=40 | DATE[the end of fiscal 1990]=FY1990"},
    {"which it hosts from July 17 to Aug. 7.", "DATE[July 17 to Aug. 7]=2020-07-17/2020-08-07"},
    {"the game was moved from Oct. 1 to Oct. 7.",
     "DATE[Oct. 1]=2019-10-01 | DATE[Oct. 7]=2019-10-07"},
    {"people are sitting on their hands until spring.", "DATE[spring]=2020-SP"},
    {"talks with two or three potential buyers", "CARDINAL[two or three]=2"},
    {"the agency has taken over 412 thrifts", "CARDINAL[412]=412"},
    {"a nobleman who died around 150 B.C. was", "DATE[around 150 B.C.]="},
    {"the dollar was at 1.8790 West German marks", "MONEY[1.8790 West German marks]=1.879 DEM"},
    {"fields yielded 12.1 tons per hectare", "QUANTITY[12.1 tons per hectare]=12.1 t/ha"},
    {"pushing its yield up to 7.98% from 7.91%", "PERCENT[7.98%]=7.98 | PERCENT[7.91%]=7.91"},
    {"priced to yield from 6.10% in 1991 to 7.20% in 2009",
     "PERCENT[6.10%]=6.1 | DATE[1991]=1991 | PERCENT[7.20%]=7.2 | DATE[2009]=2009"},
    {"with December slipping $22 to $1,154 a ton",
     "DATE[December]=2019-12 | MONEY[$22]=22 USD | MONEY[$1,154]=1154 USD"},
    /* the tense near a date: present events and modals ahead, not far */
    {"Voters go to the polls on Thursday", "DATE[Thursday]=2020-05-07"},
    {"The teams meet again Friday", "DATE[Friday]=2020-05-08"},
    {"pairings are announced Sunday", "DATE[Sunday]=2020-05-10"},
    {"when he is sentenced on Aug. 3", "DATE[Aug. 3]=2020-08-03"},
    {"it could come as early as October", "DATE[October]=2020-10"},
    {"must play at home after fans hurled bottles and stones at players during a defeat on "
     "Saturday",
     "DATE[Saturday]=2020-05-02"},
    {"they will have to pay more after the November election", "DATE[November]=2020-11"},
    {"it would have closed in October", "DATE[October]=2019-10"},
    /* scores and records, sizes, spans of time, ages, ranks */
    {"before a 14-2 run put them ahead", "CARDINAL[14-2]=14-2"},
    {"Ohio Valley State, 25-4, expects", "CARDINAL[25-4]=25-4"},
    {"beating No. 2 seed Olga Severina 6-4 3-6 7-6 (7-5) in",
     "ORDINAL[No. 2]=2 | CARDINAL[6-4]=6-4 | CARDINAL[3-6]=3-6 | CARDINAL[7-6]=7-6 | "
     "CARDINAL[7-5]=7-5"},
    {"improved to 31-2 with", "CARDINAL[31-2]=31-2"},
    {"beat estimates of 10-12 percent", "PERCENT[10-12 percent]=10"},
    {"Cascade State (7-1) won, by a vote of 93-8", "CARDINAL[7-1]=7-1 | CARDINAL[93-8]=93-8"},
    {"the 6-foot-6 Ukrainian, who stands 6 feet 10 and weighs",
     "QUANTITY[6-foot-6]=1.9812 m | QUANTITY[6 feet 10]=2.0828 m"},
    {"ending it 2 minutes, 14 seconds into the round", "TIME[2 minutes, 14 seconds]=PT2M14S"},
    {"for 3 hours, 10 people died", "TIME[3 hours]=PT3H | CARDINAL[10]=10"},
    {"at the age of 79. He was 81. Ferrandi, now 19, said",
     "DATE[79]=P79Y | DATE[81]=P81Y | DATE[19]=P19Y"},
    {"Participants aged 12 to 17 and a child under 15", "DATE[12 to 17]= | DATE[under 15]=P15Y"},
    {"stay home from 9 p.m. to 7 a.m. or call between 8 a.m. and 5 p.m.",
     "TIME[9 p.m. to 7 a.m.]= | TIME[between 8 a.m. and 5 p.m.]="},
    {"at about 10 p.m. Thursday", "TIME[about 10 p.m. Thursday]=2020-04-30T22:00"},
    {"to mark the 100th anniversary", "DATE[the 100th anniversary]="},
    {"their first-round series, a second-term senator",
     "ORDINAL[first-round]=1 | ORDINAL[second-term]=2"},
    {"since the mid-1980s, the 1960s and '70s",
     "DATE[the mid-1980s]=198 | DATE[the 1960s]=196 | DATE['70s]=197"},
    {"of magnitude 4.8, or 6.3 on the Richter scale",
     "QUANTITY[magnitude 4.8]=4.8 magnitude | QUANTITY[6.3 on the Richter scale]=6.3 magnitude"},
    {"a 32-gigabyte card", "QUANTITY[32-gigabyte]=3.2e+10 B"},
    {"in afternoon trading, after dawn Wednesday",
     "TIME[afternoon]=XXXX-XX-XXTAF | TIME[dawn Wednesday]=2020-05-06TMO"},
    {"ranked No. 1 in", "ORDINAL[No. 1]=1"},
    /* broadcast words: years, clock times, durations */
    {"a crash in nineteen eighty-six, laid in nineteen oh five, since March of nineteen "
     "ninety-four", "DATE[nineteen eighty-six]=1986 | DATE[nineteen oh five]=1905 | "
     "DATE[March of nineteen ninety-four]=1994-03"},
    {"in four hours the year two thousand arrives; in two thousand cases",
     "TIME[four hours]=PT4H | DATE[the year two thousand]=2000 | CARDINAL[two thousand]=2000"},
    {"it happened at twelve forty-five, until two a.m., at five a.m. Eastern time",
     "TIME[twelve forty-five]=T12:45 | TIME[two a.m.]=T02:00 | "
     "TIME[five a.m. Eastern time]=T05:00"},
    /* every region, not only the seven-letter ones; a year before "when", "there" */
    {"at six p.m. Hawaii time, nine a.m. Mountain Standard Time, two p.m. Alaska time",
     "TIME[six p.m. Hawaii time]=T18:00 | TIME[nine a.m. Mountain Standard Time]=T09:00 | "
     "TIME[two p.m. Alaska time]=T14:00"},
    {"in two thousand when the century turned; by two thousand there were ten",
     "DATE[two thousand]=2000 | DATE[two thousand]=2000 | CARDINAL[ten]=10"},
    {"open until ten tonight; beat Portland five to three this afternoon",
     "TIME[ten tonight]=2020-05-06T22:00 | CARDINAL[five]=5 | CARDINAL[three]=3 | "
     "TIME[this afternoon]=2020-05-06TAF"},
    {"just after four o'clock this afternoon, at 2:20 p.m. yesterday",
     "TIME[four o'clock this afternoon]=2020-05-06T16:00 | "
     "TIME[2:20 p.m. yesterday]=2020-05-05T14:20"},
    {"in two hours, eight minutes and 14 seconds, at about midnight, between noon and 6 p.m.",
     "TIME[two hours, eight minutes and 14 seconds]=PT2H8M14S | TIME[about midnight]=T00:00 | "
     "TIME[between noon and 6 p.m.]="},
    /* someone's plan names no future: the sentence's tense decides */
    {"The firm shelved its plans for a share sale on April 30. The plan calls for a vote on "
     "Friday.",
     "DATE[April 30]=2020-04-30 | DATE[Friday]=2020-05-08"},
    /* scores and tallies in more places */
    {"level at 1-1, a 63-37 edge, their record 5-2, serving at 4-5",
     "CARDINAL[1-1]=1-1 | CARDINAL[63-37]=63-37 | CARDINAL[5-2]=5-2 | CARDINAL[4-5]=4-5"},
    {"Members rejected, 5-4, a plan that failed, 165-261.",
     "CARDINAL[5-4]=5-4 | CARDINAL[165-261]=165-261"},
    {"lost to unseeded Liam Cotter 7-6 (7-4), 4-6",
     "CARDINAL[7-6]=7-6 | CARDINAL[7-4]=7-4 | CARDINAL[4-6]=4-6"},
    {"made 267 for seven in 50 overs. Rahman took three for 74 in the innings. He paid 20 for "
     "five apples",
     "CARDINAL[267 for seven]=267 for seven | CARDINAL[50]=50 | "
     "CARDINAL[three for 74]=three for 74 | CARDINAL[20]=20 | CARDINAL[five]=5"},
    /* ages, counts in compounds, approximators */
    {"The driver, 52, survived. Two men, ages 22 and 31, and others aged between 19 and 44",
     "DATE[52]=P52Y | CARDINAL[Two]=2 | DATE[22]=P22Y | DATE[31]=P31Y | "
     "DATE[between 19 and 44]="},
    {"in age from 13 to 46; sales rose to 45, a record", "DATE[13 to 46]= | CARDINAL[45]=45"},
    {"a nine-page dissent by a three-judge panel, a one-way trip, a six-cent limit",
     "CARDINAL[nine-page]=9 | CARDINAL[three-judge]=3 | MONEY[six-cent]=0.06 USD"},
    {"at close to two million; close to the border. Under one of the deals",
     "CARDINAL[close to two million]=2000000 | CARDINAL[one]=1"},
    /* negatives */
    {"She wore Chanel No. 5 at No. 10 Downing Street", ""},
    {"call 555-1234 now", ""},
    {"a Boeing 737 jet", ""},
    {"ahead of Euro 2020", ""},
    {"the #1 seed", ""},
};

/* s with line breaks written \n (one report line per check). */
static const char *esc(const char *s, char *buf, size_t cap) {
  size_t n = 0;
  for (; *s && n + 3 < cap; s++) {
    if (*s == '\n') {
      buf[n++] = '\\';
      buf[n++] = 'n';
    } else {
      buf[n++] = *s;
    }
  }
  buf[n] = 0;
  return buf;
}

static void test_table(void) {
  char got[1024], e1[512], e2[1024];
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    int ok = run(cases[i].text, REF, got, sizeof got);
    CHECK(ok && strcmp(got, cases[i].want) == 0, "'%s': got '%s' want '%s'",
          esc(cases[i].text, e1, sizeof e1), esc(got, e2, sizeof e2), cases[i].want);
  }
}

/* Without a reference date, what is known is kept. */
static void test_no_ref(void) {
  static const tcase c[] = {
      {"on Tuesday", "DATE[Tuesday]=XXXX-WXX-2"},
      {"on May 6", "DATE[May 6]=--05-06"},
      {"last year", "DATE[last year]=XXXX"},
      {"in 1996", "DATE[1996]=1996"},
      {"on Christmas Eve", "DATE[Christmas Eve]=--12-24"},
      {"at Easter", "DATE[Easter]="},
      {"in the current quarter", "DATE[the current quarter]=XXXX-QX"},
  };
  char got[512];
  for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
    run(c[i].text, NULL, got, sizeof got);
    CHECK(strcmp(got, c[i].want) == 0, "no ref: '%s': got '%s' want '%s'", c[i].text, got,
          c[i].want);
  }
}

/* Pathological inputs: linear time, bounded output, no crash. */
static void test_pathological(void) {
  const lede_allocator *al = &lx_default_allocator;
  size_t n = 200000;
  char *s = (char *)malloc(n + 1);
  char got[64];
  /* one number of 200,000 digits */
  memset(s, '7', n);
  s[n] = 0;
  clock_t c0 = clock();
  run(s, REF, got, sizeof got);
  CHECK(strncmp(got, "CARDINAL[", 9) == 0, "a 200000-digit number is one CARDINAL");
  /* 40,000 number words in a row */
  size_t k = 0;
  while (k + 5 < n) {
    memcpy(s + k, "five ", 5);
    k += 5;
  }
  s[k] = 0;
  run(s, REF, got, sizeof got);
  /* "last last last ...", "the the the", "$ $ $", digits and commas */
  const char *units[] = {"last ", "the past ", "$ ", "1,000,", "May ", "about more than ",
                         "12:30 ", "a a ", "- ", "1-", "one and a ", "hundreds of ", "1 to ",
                         "between 1 and ", "the end of the ", "8 3/4 ", "first nine "};
  for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
    size_t ul = strlen(units[u]);
    k = 0;
    while (k + ul < n) {
      memcpy(s + k, units[u], ul);
      k += ul;
    }
    s[k] = 0;
    run(s, REF, got, sizeof got);
  }
  double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
  CHECK(secs < 20, "pathological inputs in %.2f s (linear)", secs);
  free(s);
  (void)al;
}

/* Allocation failure is reported, never fatal. */
static int fail_after;
static void *fail_malloc(size_t n, void *ud) {
  (void)ud;
  if (fail_after-- <= 0) return NULL;
  return malloc(n);
}
static void *fail_realloc(void *p, size_t n, void *ud) {
  (void)ud;
  if (fail_after-- <= 0) return NULL;
  return realloc(p, n);
}
static void fail_free(void *p, void *ud) {
  (void)ud;
  free(p);
}

static void test_oom(void) {
  const char *text = "On Tuesday 5 people paid $5 for 13 percent of two firms.";
  lx_vec toks = {NULL, 0, 0}, cands = {NULL, 0, 0};
  lx_tokenize(&lx_default_allocator, text, 0, strlen(text), &toks);
  lede_allocator fa = {fail_malloc, fail_realloc, fail_free, NULL};
  lx_ner_in in;
  memset(&in, 0, sizeof in);
  in.text = text;
  in.toks = (const lx_token *)toks.p;
  in.ntoks = toks.n;
  in.gaz = eng->gaz;
  in.alloc = &fa;
  fail_after = 0;
  int r = lx_numex(&in, 0, toks.n, &cands);
  CHECK(r == 0, "allocation failure returns 0");
  lx_vec_free(&fa, &cands);
  lx_vec_free(&lx_default_allocator, &toks);
}

/* CPU time of this thread: other processes on a shared machine do not count. */
static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* MB/s of lx_numex alone over the texts of a file (NUL-separated). */
static int bench(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    return 1;
  }
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = (char *)malloc((size_t)len + 1);
  if (fread(buf, 1, (size_t)len, f) != (size_t)len) return 1;
  fclose(f);
  buf[len] = 0;
  const lede_allocator *al = &lx_default_allocator;
  /* tokenize every text once, outside the timing */
  lx_vec toks = {NULL, 0, 0}, cands = {NULL, 0, 0};
  size_t ndocs = 0;
  lx_vec bounds = {NULL, 0, 0}; /* pairs of token indices */
  size_t pos = 0;
  while (pos < (size_t)len) {
    size_t e = pos;
    while (e < (size_t)len && buf[e]) e++;
    size_t t0 = toks.n;
    lx_tokenize(al, buf, pos, e, &toks);
    lx_sentences(buf, (lx_token *)toks.p + t0, toks.n - t0);
    lx_vec_reserve(al, &bounds, sizeof(size_t), bounds.n + 2);
    ((size_t *)bounds.p)[bounds.n++] = t0;
    ((size_t *)bounds.p)[bounds.n++] = toks.n;
    ndocs++;
    pos = e + 1;
  }
  lx_ner_in in;
  memset(&in, 0, sizeof in);
  in.text = buf;
  in.toks = (const lx_token *)toks.p;
  in.ntoks = toks.n;
  in.gaz = eng->gaz;
  in.alloc = al;
  lx_parse_iso(REF, strlen(REF), &in.ref);
  in.has_ref = 1;
  double best = 1e9;
  size_t found = 0;
  for (int run = 0; run < 7; run++) {
    double t0 = now();
    found = 0;
    for (size_t d = 0; d < bounds.n; d += 2) {
      cands.n = 0;
      lx_numex(&in, ((size_t *)bounds.p)[d], ((size_t *)bounds.p)[d + 1], &cands);
      found += cands.n;
    }
    double t = now() - t0;
    if (t < best) best = t;
  }
  printf("%zu docs, %.1f MB, %zu tokens, %zu expressions; numex best of 7 (thread CPU time): %.2f ms, %.0f MB/s\n",
         ndocs, len / 1e6, toks.n, found, best * 1e3, len / 1e6 / best);
  lx_vec_free(al, &toks);
  lx_vec_free(al, &cands);
  lx_vec_free(al, &bounds);
  free(buf);
  return 0;
}

int main(int argc, char **argv) {
  lede_status st;
  eng = lede_engine_new(NULL, &st);
  if (!eng) {
    fprintf(stderr, "no engine: %s\n", lede_status_string(st));
    return 1;
  }
  if (argc >= 3 && strcmp(argv[1], "-e") == 0) {
    char got[4096];
    run(argv[2], argc >= 4 ? argv[3] : REF, got, sizeof got);
    printf("%s\n", got);
    lede_engine_free(eng);
    return 0;
  }
  if (argc >= 3 && strcmp(argv[1], "--dump") == 0) {
    /* every text of a NUL-separated file, one line of entities each */
    FILE *f = fopen(argv[2], "rb");
    if (!f) return 1;
    static char buf[1 << 16], got[1 << 16];
    int c;
    size_t n = 0;
    while ((c = fgetc(f)) != EOF) {
      if (c == 0 || n + 1 == sizeof buf) {
        buf[n] = 0;
        run(buf, argc >= 4 ? argv[3] : REF, got, sizeof got);
        printf("%s\n", got);
        n = 0;
      } else {
        buf[n++] = (char)c;
      }
    }
    buf[n] = 0;
    run(buf, argc >= 4 ? argv[3] : REF, got, sizeof got);
    printf("%s\n", got);
    fclose(f);
    lede_engine_free(eng);
    return 0;
  }
  if (argc >= 3 && strcmp(argv[1], "--bench") == 0) {
    int rc = bench(argv[2]);
    lede_engine_free(eng);
    return rc;
  }
  test_table();
  test_no_ref();
  test_pathological();
  test_oom();
  lede_engine_free(eng);
  printf("%d passed, %d failed, 0 skipped\n", passed, failed);
  return failed != 0;
}
