#!/usr/bin/env python3
"""Fill a migrated, empty WeMi database with a large generated catalogue (for scripts/bench.sh).

    python3 scripts/bench/generate.py --sqlite PATH       [--services N] [--providers N] [--seed S]
    python3 scripts/bench/generate.py --postgres URL      [--services N] [--providers N] [--seed S]

The schema must already exist: start the server once on the database with WEMI_DEMO_DATA=off
(it applies the migrations, reference data included), stop it, then run this. Categories,
target groups and municipi are looked up by slug, never created here.

What is written: providers (about 75% social cooperatives, 25% associations, valid-looking
unique partite IVA), 1-3 sites each, their categories, and validated services made by varying
the 143 demo services of server/demo/services.json: the same texts, categories, target groups
and attribute vocabularies, names varied with a Milan neighbourhood and a qualifier, prices
scaled, municipi reshuffled. The search index (service_search, search_typos) is NOT written:
the server builds it at start when it is empty and validated services exist, which is part of
what the benchmark measures.

Deterministic: the same seed and sizes give the same rows. Standard library only: SQLite via
the sqlite3 module, PostgreSQL through `psql` (COPY FROM STDIN), so no driver is needed.
"""

import argparse
import datetime as dt
import importlib.util
import json
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "server" / "demo"


def load_demo_generator():
    """The demo generator, for its vocabularies (Milan streets, neighbourhoods, the partita IVA
    check digit, slugify), so the two data sets look alike without copying them here."""
    spec = importlib.util.spec_from_file_location("demo_generate", DEMO / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # only definitions: its main() runs under __main__ only
    return module


demo = load_demo_generator()

# Provider names: "<noun> <adjective>", "<noun> di <neighbourhood>" or both, shuffled, so 2,000
# distinct names come out without numbering. The adjectives end in -e: the same for either
# gender of the noun.
NOUNS = [
    "Sole", "Trama", "Cortile", "Lanterna", "Passo", "Filo", "Ponte", "Bussola", "Cascina",
    "Orizzonte", "Nido", "Stagione", "Casa", "Giardino", "Voce", "Stella", "Ciliegio", "Borgo",
    "Vela", "Cerchio", "Aquilone", "Ginestra", "Tavolo", "Pentola", "Primula", "Meridiana",
    "Quercia", "Rondine", "Mosaico", "Sentiero", "Approdo", "Faro", "Radice", "Seme", "Albero",
    "Fontana", "Piazza", "Chiostro", "Officina", "Bottega", "Corte", "Ringhiera", "Cammino",
    "Ancora", "Arcobaleno",
]
ADJECTIVES = ["Comune", "Solidale", "Gentile", "Verde", "Celeste", "Felice", "Aperta", "Ribelle",
              "Sociale", "Fedele", "Leale", "Grande"]
ASSOC_SUFFIXES = ["APS", "ODV"]

# Service name qualifiers (Italian, English), combined with a neighbourhood: 143 demo services
# x 36 neighbourhoods x 20 qualifiers = 102,960 distinct names.
QUALIFIERS = [
    ("", ""), ("su misura", "tailored"), ("flessibile", "flexible"), ("intensivo", "intensive"),
    ("essenziale", "essential"), ("plus", "plus"), ("formula breve", "short format"),
    ("formula estesa", "extended format"), ("percorso completo", "full programme"),
    ("primo accesso", "first access"), ("continuativo", "ongoing"), ("di prossimità", "local"),
    ("rinforzato", "reinforced"), ("in rete", "networked"), ("di base", "basic"),
    ("avanzato", "advanced"), ("in convenzione", "under agreement"), ("integrato", "integrated"),
    ("con referente", "with a coordinator"), ("a chiamata", "on call"),
]

DELIVERY = ["home", "online", "provider", "space"]
TIMES = ["morning", "afternoon", "evening", "night"]
LANGUAGES = ["it", "en", "es", "fr", "ar", "zh", "uk", "ro", "tl"]

# Column lists, in the order the row tuples below are built (identical on both engines).
COLUMNS = {
    "providers": ["id", "slug", "name", "legal_form", "vat_number", "fiscal_code", "email",
                  "phone", "website", "description_it", "description_en", "accredited_from",
                  "accredited_until", "created_at"],
    "provider_categories": ["provider_id", "category_id"],
    "provider_sites": ["id", "provider_id", "name", "address", "municipio_id"],
    "services": ["id", "slug", "provider_id", "category_id", "status", "name_it", "name_en",
                 "summary_it", "summary_en", "description_it", "description_en", "addressed_it",
                 "addressed_en", "how_to_it", "how_to_en", "needed_it", "needed_en",
                 "achieved_it", "achieved_en", "timing_it", "timing_en", "qualifications_it",
                 "qualifications_en", "terms_it", "terms_en", "tags_it", "tags_en", "pricing",
                 "funded_by", "mode", "capacity", "unit", "quote_required", "accepts_vouchers",
                 "price_from_cents", "created_at", "updated_at"],
    "price_tiers": ["id", "service_id", "min_people", "max_people", "min_quantity",
                    "max_quantity", "unit_price_cents"],
    "service_municipi": ["service_id", "municipio_id"],
    "service_targets": ["service_id", "target_group_id"],
    "service_attributes": ["service_id", "kind", "value"],
}
# Tables with an identity column on PostgreSQL: their sequences move past the ids written here.
IDENTITY_TABLES = ["providers", "provider_sites", "services", "price_tiers"]
SERVICE_TEXTS = ["summary", "description", "addressed", "how_to", "needed", "achieved", "timing",
                 "qualifications", "terms"]


def timestamp(moment):
    """ISO 8601 UTC, what sqlx writes for an OffsetDateTime on SQLite (RFC 3339) and what a
    PostgreSQL TIMESTAMPTZ column accepts as input."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def cents(price):
    """'17.50' -> 1750, without going through floats."""
    euros, _, rest = price.partition(".")
    return int(euros) * 100 + int((rest + "00")[:2])


def build(n_services, n_providers, seed, category_ids, target_ids):
    """All rows, per table, as tuples in COLUMNS order. Python values: None, bool, int, str."""
    rng = random.Random(seed)
    base_services = json.loads((DEMO / "services.json").read_text(encoding="utf-8"))
    rows = {table: [] for table in COLUMNS}
    epoch = dt.datetime(2024, 3, 1, 8, 0, tzinfo=dt.timezone.utc)
    span = int((dt.datetime(2026, 10, 31, tzinfo=dt.timezone.utc) - epoch).total_seconds())

    # --- providers ---------------------------------------------------------------------
    neighbourhoods = [(m, q) for m, names in sorted(demo.NEIGHBOURHOODS.items()) for q in names]
    names = [f"{n} {a}" for n in NOUNS for a in ADJECTIVES]
    names += [f"{n} di {q}" for n in NOUNS for _, q in neighbourhoods]
    names += [f"{n} {a} di {q}" for n in NOUNS for a in ADJECTIVES for _, q in neighbourhoods]
    rng.shuffle(names)
    n_coops = round(n_providers * 0.75)
    kinds = ["coop"] * n_coops + ["assoc"] * (n_providers - n_coops)
    rng.shuffle(kinds)
    # Unique 7-digit bodies; "015" is Milan's provincial office code, "096" the one for newer
    # registrations, as in the demo data; the last digit is the real partita IVA check digit.
    bodies = rng.sample(range(1_000_000, 10_000_000), n_providers)
    phones = rng.sample(range(20_000_000, 100_000_000), n_providers)
    # Categories offered, weighted like the demo catalogue (educational services most often).
    cat_slugs = list(demo.CATEGORY_COUNTS)
    cat_weights = [demo.CATEGORY_COUNTS[c] for c in cat_slugs]
    providers_by_cat = {c: [] for c in cat_slugs}
    provider_home = {}
    used_slugs = set()
    site_id = 0
    for i in range(n_providers):
        pid = i + 1
        kind = kinds[i]
        short = names[i % len(names)] + ("" if i < len(names) else f" {i // len(names) + 1}")
        if kind == "coop":
            full, slug = f"Cooperativa Sociale {short}", "coop-" + demo.slugify(short)
        else:
            full = f"Associazione {short} {rng.choice(ASSOC_SUFFIXES)}"
            slug = "assoc-" + demo.slugify(short)
        assert slug not in used_slugs, slug
        used_slugs.add(slug)
        body = f"{bodies[i]:07d}" + rng.choice(["015", "096"])
        vat = body + demo.piva_check_digit(body)
        # The first providers cover every category once, so no category is left without one.
        cats = {cat_slugs[i]} if i < len(cat_slugs) else set()
        n_cats = rng.choice([1, 2, 2, 3])
        while len(cats) < n_cats:
            cats.add(rng.choices(cat_slugs, cat_weights)[0])
        for c in sorted(cats):
            providers_by_cat[c].append(pid)
            rows["provider_categories"].append((pid, category_ids[c]))
        home = rng.randint(1, 9)
        provider_home[pid] = home
        quarter = rng.choice(demo.NEIGHBOURHOODS[home])
        munis = [home] + rng.sample([m for m in range(1, 10) if m != home], rng.choice([0, 0, 1, 2]))
        for k, m in enumerate(munis):
            street, cap = rng.choice(demo.STREETS[m])
            label = "Sede operativa" if k == 0 else f"Sede operativa {rng.choice(demo.NEIGHBOURHOODS[m])}"
            site_id += 1
            rows["provider_sites"].append(
                (site_id, pid, label, f"{street}, {rng.randint(1, 140)}, {cap} Milano", m))
        focus_it = " e ".join(demo.FOCUS[c][0] for c in sorted(cats))
        focus_en = " and ".join(demo.FOCUS[c][1] for c in sorted(cats))
        what_it, what_en = (("una cooperativa sociale", "a social cooperative") if kind == "coop"
                            else ("un'associazione di volontariato", "a voluntary association"))
        start = dt.date(2024, 2, 15) + dt.timedelta(days=rng.randint(0, 866))  # up to 2026-06-30
        start = start.replace(day=min(start.day, 28))
        created = epoch + dt.timedelta(seconds=rng.randint(0, span // 4))
        rows["providers"].append((
            pid, slug, full, "cooperativa_sociale" if kind == "coop" else "associazione",
            vat, vat, f"info@{slug}.bench.wemi.example", f"+39 02 {phones[i]}",
            f"https://{slug}.bench.wemi.example",
            f"{short} è {what_it} del quartiere {quarter}, nel Municipio {home}. Si occupa di {focus_it}.",
            f"{short} is {what_en} in the {quarter} neighbourhood, Municipio {home}. It works in {focus_en}.",
            start.isoformat(), start.replace(year=start.year + 3).isoformat(), timestamp(created),
        ))

    # --- services ----------------------------------------------------------------------
    tier_id = 0
    offered = {pid: set() for pid in provider_home}
    for i in range(n_services):
        sid = i + 1
        base = base_services[i % len(base_services)]
        k = i // len(base_services)
        district_muni, district = neighbourhoods[k % len(neighbourhoods)]
        qual_it, qual_en = QUALIFIERS[(k // len(neighbourhoods)) % len(QUALIFIERS)]
        name_it = f"{base['name_it']} – {district}" + (f" ({qual_it})" if qual_it else "")
        name_en = f"{base['name_en']} – {district}" + (f" ({qual_en})" if qual_en else "")
        slug = demo.slugify(name_it)
        if slug in used_slugs:  # only past 102,960 services, when names start to repeat
            slug = f"{slug}-{sid}"
        used_slugs.add(slug)
        category = base["category"]
        pid = rng.choice(providers_by_cat[category])
        offered[pid].add(category)

        # Prices: the demo price list scaled by -15%..+25%, rounded to 50 cents. Free and
        # funded services have no price list, like in the demo data.
        tiers = []
        if base["tiers"]:
            factor = rng.uniform(0.85, 1.25)
            for t in base["tiers"]:
                tier_id += 1
                price = max(50, round(cents(t["unit_price"]) * factor / 50) * 50)
                tiers.append((tier_id, sid, t["min_people"], t["max_people"], t["min_quantity"],
                              t["max_quantity"], price))
        rows["price_tiers"].extend(tiers)
        price_from = min(t[-1] for t in tiers) if tiers else None

        # Where: the neighbourhood of the name, the provider's home and a few more municipi.
        n_munis = max(1, min(9, len(base["municipi"]) + rng.randint(-1, 1)))
        munis = {district_muni, provider_home[pid]}
        while len(munis) < n_munis:
            munis.add(rng.randint(1, 9))
        rows["service_municipi"].extend((sid, m) for m in sorted(munis))
        rows["service_targets"].extend((sid, target_ids[t]) for t in base["targets"])

        # Attributes: the demo service's, now and then one more value of the same vocabulary.
        attrs = {("delivery_mode", v) for v in base["delivery_modes"]}
        attrs |= {("time_of_day", v) for v in base["time_of_day"]}
        attrs |= {("language", v) for v in base["languages"]}
        roll = rng.random()
        if roll < 0.10:
            attrs.add(("delivery_mode", rng.choice(DELIVERY)))
        elif roll < 0.20:
            attrs.add(("time_of_day", rng.choice(TIMES[:3])))
        elif roll < 0.30:
            attrs.add(("language", rng.choice(LANGUAGES)))
        rows["service_attributes"].extend((sid, kind, v) for kind, v in sorted(attrs))

        vouchers = base["vouchers"] if rng.random() < 0.85 else not base["vouchers"]
        created = epoch + dt.timedelta(seconds=rng.randint(0, span))
        updated = created + dt.timedelta(seconds=rng.randint(0, 90 * 86400))
        texts = []
        for field in SERVICE_TEXTS:
            texts += [base[f"{field}_it"], base[f"{field}_en"]]
        tags = [", ".join(t) if isinstance(t, list) else t for t in (base["tags_it"], base["tags_en"])]
        rows["services"].append((
            sid, slug, pid, category_ids[category], "validated", name_it, name_en, *texts, *tags,
            base["pricing"], base["funded_by"], base["mode"], base["capacity"], base["unit"],
            base["quote_required"], vouchers, price_from, timestamp(created),
            timestamp(min(updated, epoch + dt.timedelta(seconds=span))),
        ))

    # A provider lists the categories it declared plus those of its services (always a subset
    # here, kept as a guard should the assignment above change).
    declared = set(rows["provider_categories"])
    for pid, cats in offered.items():
        for c in sorted(cats):
            if (pid, category_ids[c]) not in declared:
                rows["provider_categories"].append((pid, category_ids[c]))
    return rows


# --- SQLite ------------------------------------------------------------------------------
def load_sqlite(path, args):
    if not Path(path).exists():
        sys.exit(f"generate: {path} does not exist; start the server once on it to create the schema")
    db = sqlite3.connect(path)
    try:
        ids = {table: dict(db.execute(f"SELECT slug, id FROM {table}"))
               for table in ("categories", "target_groups")}
    except sqlite3.OperationalError as err:
        sys.exit(f"generate: {path} has no WeMi schema ({err}); start the server once on it")
    check_empty(db.execute("SELECT COUNT(*) FROM providers").fetchone()[0],
                db.execute("SELECT COUNT(*) FROM services").fetchone()[0])
    started = time.monotonic()
    rows = build(args.services, args.providers, args.seed, ids["categories"], ids["target_groups"])
    built = time.monotonic()
    # A throwaway benchmark file: no fsync while loading. WAL stays (the server set it).
    db.execute("PRAGMA synchronous = OFF")
    with db:  # one transaction
        for table, columns in COLUMNS.items():
            marks = ", ".join("?" * len(columns))
            db.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows[table])
    problems = db.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        sys.exit(f"generate: foreign key violations, e.g. {problems[:5]}")
    # Fold the WAL into the file, so the server starts on a plain database file.
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return rows, built - started, time.monotonic() - built


# --- PostgreSQL --------------------------------------------------------------------------
def psql(url, *extra, **kwargs):
    return subprocess.run(["psql", url, "-X", "-q", "-v", "ON_ERROR_STOP=1", *extra],
                          check=True, text=True, **kwargs)


def copy_value(v):
    """One field in COPY's text format."""
    if v is None:
        return r"\N"
    if v is True or v is False:
        return "t" if v else "f"
    if isinstance(v, int):
        return str(v)
    if "\\" in v or "\t" in v or "\n" in v or "\r" in v:
        v = v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return v


def load_postgres(url, args):
    if not shutil.which("psql"):
        sys.exit("generate: psql not found (Debian: apt-get install postgresql-client)")

    def query(sql):
        out = psql(url, "-At", "-F", "\t", "-c", sql, capture_output=True).stdout
        return [line.split("\t") for line in out.splitlines() if line]

    try:
        ids = {table: {slug: int(i) for slug, i in query(f"SELECT slug, id FROM {table}")}
               for table in ("categories", "target_groups")}
        (counts,) = query("SELECT (SELECT COUNT(*) FROM providers), (SELECT COUNT(*) FROM services)")
    except subprocess.CalledProcessError:
        sys.exit(f"generate: cannot read the WeMi schema at {url}; start the server once on it")
    check_empty(int(counts[0]), int(counts[1]))
    started = time.monotonic()
    rows = build(args.services, args.providers, args.seed, ids["categories"], ids["target_groups"])
    built = time.monotonic()
    # One psql, one transaction: COPY FROM STDIN takes its data inline from the same script.
    proc = subprocess.Popen(["psql", url, "-X", "-q", "-v", "ON_ERROR_STOP=1",
                             "--single-transaction", "-f", "-"],
                            stdin=subprocess.PIPE, text=True, encoding="utf-8")
    out = proc.stdin
    for table, columns in COLUMNS.items():
        out.write(f"COPY {table} ({', '.join(columns)}) FROM STDIN;\n")
        out.writelines("\t".join(map(copy_value, row)) + "\n" for row in rows[table])
        out.write("\\.\n")
    # Explicit ids were written: move the identity sequences past them for later inserts
    # (quietly: \o drops the setval results).
    out.write("\\o /dev/null\n")
    for table in IDENTITY_TABLES:
        out.write(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                  f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false);\n")
    out.close()
    if proc.wait() != 0:
        sys.exit("generate: psql failed")
    # Planner statistics, as autovacuum would gather them within a minute on a real server.
    psql(url, "-c", "ANALYZE", stdout=subprocess.DEVNULL)
    return rows, built - started, time.monotonic() - built


def check_empty(providers, services):
    if providers or services:
        sys.exit(f"generate: the database already holds {providers} providers and {services} "
                 "services; start from an empty one (WEMI_DEMO_DATA=off)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--sqlite", metavar="PATH", help="SQLite database file")
    target.add_argument("--postgres", metavar="URL", help="postgres://user@host:port/db")
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--providers", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=20260624)
    args = parser.parse_args()
    if args.providers < len(demo.CATEGORY_COUNTS) or args.services < 1:
        parser.error(f"need at least {len(demo.CATEGORY_COUNTS)} providers and 1 service")

    if args.sqlite:
        rows, t_build, t_load = load_sqlite(args.sqlite, args)
    else:
        rows, t_build, t_load = load_postgres(args.postgres, args)
    sizes = ", ".join(f"{len(rows[t]):,} {t}" for t in COLUMNS)
    print(f"generate: {sizes}; built in {t_build:.1f} s, loaded in {t_load:.1f} s")


if __name__ == "__main__":
    main()
