"""Writer "esg": held-out questions for the solar-PV assistant.

Persona: ESG analyst at a pension fund screening solar exposure (countries, manufacturers).
Every expected figure is computed here from the data files; nothing numeric is typed by hand.
Run:  python3 compute.py   -> writes questions.jsonl next to this file and prints counts.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "esg"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FINANCIALS = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
AGGREGATES = {
    "World", "RoW", "Europe", "Africa", "America", "Oceania", "Asia", "South Europe",
    "North Africa", "South America", "Central Europe", "South Asia", "East Europe",
    "North America", "East Asia", "North Europe", "Central America", "Southeast Asia",
    "Middle East", "Central Asia", "Eurasia", "Southern Africa", "EU", "ASEAN",
}
SCEN = {None: None, "high": "Forecast - High", "low": "Forecast - Low",
        "mp": "Forecast - Most probable", "hist": "Historical Primary"}


# --------------------------------------------------------------------------- loading
def load_market(path):
    m = pd.read_csv(path)
    # exact duplicates (and RoW rows duplicated with blank AC/DC columns) are counted once
    m = m.drop_duplicates(KEY + ["Capacity(MW)"])
    assert not m.duplicated(KEY).any(), "conflicting duplicate market rows"
    return m


MK = {"real": load_market(REAL_MARKET), "sample": load_market(SAMPLE_MARKET)}
LAST_HIST = {db: m[m.Scenario == "Historical Primary"].groupby("Territory").Year.max().to_dict()
             for db, m in MK.items()}

PR = {"real": pd.read_parquet(REAL_PRICES), "sample": pd.read_csv(SAMPLE_PRICES)}
for _db in PR:
    PR[_db]["date"] = pd.to_datetime(PR[_db]["date"])

FIN = pd.read_csv(FINANCIALS)
assert not FIN.duplicated(["company", "period", "metric"]).any()


def scen_for(db, terr, year, scen):
    if scen is not None:
        return SCEN[scen]
    return "Historical Primary" if year <= LAST_HIST[db][terr] else "Forecast - Most probable"


def mv(db, terr, year, typ="Annual", conn="Total", scen=None):
    """One market figure in MW under the brief's conventions."""
    m = MK[db]
    s = scen_for(db, terr, year, scen)
    r = m[(m.Territory == terr) & (m.Year == year) & (m.Type == typ)
          & (m.Connection == conn) & (m.Scenario == s)]
    assert len(r) == 1, (db, terr, year, typ, conn, s, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def series(db, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: mv(db, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def hist_series(db, terr, typ="Annual", conn="Total", y0=None, y1=None):
    m = MK[db]
    r = m[(m.Territory == terr) & (m.Type == typ) & (m.Connection == conn)
          & (m.Scenario == "Historical Primary")]
    if y0 is not None:
        r = r[r.Year >= y0]
    if y1 is not None:
        r = r[r.Year <= y1]
    return r.set_index("Year")["Capacity(MW)"].sort_index()


def countries_year(db, year, typ="Annual", conn="Total", scen=None, exclude=()):
    m = MK[db]
    s = SCEN[scen] if scen else ("Historical Primary" if year <= 2024 else "Forecast - Most probable")
    r = m[(m.Year == year) & (m.Type == typ) & (m.Connection == conn) & (m.Scenario == s)
          & (~m.Territory.isin(AGGREGATES)) & (~m.Territory.isin(exclude))]
    r = r.sort_values("Capacity(MW)", ascending=False)
    assert not r.Territory.duplicated().any()
    return list(zip(r.Territory, r["Capacity(MW)"].astype(float)))


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


# prices
def pseries(db, item, desc, region, unit=None):
    p = PR[db]
    r = p[(p.item == item) & (p.description == desc) & (p.region == region)]
    if unit is not None:
        r = r[r.unit == unit]
    assert r.unit.nunique() == 1, (item, desc, region, r.unit.unique())
    r = r.drop_duplicates(["date", "base_price"]).sort_values("date")
    assert not r.date.duplicated().any(), ("conflicting prices on a date", item, desc, region)
    assert len(r) > 0
    return r[["date", "base_price", "unit"]].reset_index(drop=True)


def p_latest(s):
    row = s.iloc[-1]
    return float(row.base_price), row.date, row.unit


def p_first(s):
    row = s.iloc[0]
    return float(row.base_price), row.date, row.unit


def p_month(s, ym):
    r = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(r) == 1, (ym, len(r))
    return float(r.base_price.iloc[0])


def p_between(s, d0, d1):
    return s[(s.date >= pd.Timestamp(d0)) & (s.date <= pd.Timestamp(d1))]


def unique_extreme(s, fn):
    v = s.base_price.min() if fn == "min" else s.base_price.max()
    dates = s[s.base_price == v].date
    return float(v), (dates.iloc[0] if len(dates) == 1 else None)


def fin(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"
COMPANIES = [HEL, SUN, AUR, NOR]

# --------------------------------------------------------------------------- question builder
ITEMS = []


def Q(data, agent, turns, kind, expect=(), names=(), how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    item = {
        "id": f"{WRITER}-{len(ITEMS) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": list(turns),
        "answerable": answerable,
        "kind": kind,
        "expect": [{"value": float(v), "unit": u} for v, u in expect],
        "names": list(names),
        "how": how,
    }
    if not answerable:
        item["why"] = why
        assert not item["expect"]
    ITEMS.append(item)


def U(data, agent, turns, why, how="not in the data"):
    Q(data, agent, turns, "unanswerable", (), (), how, answerable=False, why=why)


MW = "MW"
PCT = "%"

# =========================================================================== REAL: market
# ---- lookups
Q("real", "market",
  "Screening Italy ahead of the Q2 ESG committee. Italy's new PV capacity in FY2024?",
  "lookup", [(mv("real", "Italy", 2024), MW)],
  how="real CSV: Italy, 2024, Historical Primary, Total, Annual")

Q("real", "market",
  "Pakistan keeps popping up in our EM screen. How many MW did Pakistan install in 2024?",
  "lookup", [(mv("real", "Pakistan", 2024), MW)],
  how="real CSV: Pakistan, 2024, Historical Primary, Total, Annual")

Q("real", "market",
  "Türkiye is on the watchlist after the lira moves. Installed base at end-2024, MW pls",
  "lookup", [(mv("real", "Türkiye", 2024, "Cumulative"), MW)],
  how="real CSV: Türkiye, 2024, Historical Primary, Total, Cumulative")

Q("real", "market",
  "Checking rooftop exposure down under. Australian distributed PV added in 2024?",
  "lookup", [(mv("real", "Australia", 2024, conn="Distributed"), MW)],
  how="real CSV: Australia, 2024, Historical Primary, Distributed, Annual")

Q("real", "market",
  "Bear case for France: annual additions in 2028 under the low scenario?",
  "lookup", [(mv("real", "France", 2028, scen="low"), MW)],
  how="real CSV: France, 2028, Forecast - Low, Total, Annual")

# ---- rankings (countries only)
top5 = countries_year("real", 2024)[:5]
Q("real", "market",
  "Top 5 countries by new PV capacity in 2024, with MW for each.",
  "rank", [(v, MW) for _, v in top5], [t for t, _ in top5],
  how="real CSV: 2024 Annual Total Historical Primary, countries only (aggregates/RoW excluded), top 5")

big = [(t, v) for t, v in countries_year("real", 2024) if v > 10000]
Q("real", "market",
  "Which countries added more than 10,000 MW each in 2024? Want the list of the >10 GW club.",
  "rank", [(v, MW) for _, v in big], [t for t, _ in big],
  how="real CSV: 2024 Annual Total Historical Primary, countries only, Capacity > 10000 MW")

top3c = countries_year("real", 2024, "Cumulative")[:3]
Q("real", "market",
  "Concentration of the installed base: which 3 countries had the largest cumulative PV fleet at end-2024?",
  "rank", [(v, MW) for _, v in top3c], [t for t, _ in top3c],
  how="real CSV: 2024 Cumulative Total Historical Primary, countries only, top 3")

top3x = countries_year("real", 2023, exclude=("China",))[:3]
Q("real", "market",
  "Ex-China view: who were the three biggest markets by annual installs in 2023?",
  "rank", [(v, MW) for _, v in top3x], [t for t, _ in top3x],
  how="real CSV: 2023 Annual Total Historical Primary, countries only excluding China, top 3")

top3f = countries_year("real", 2030, scen="mp")[:3]
Q("real", "market",
  "Looking at the outlook, which 3 countries have the highest most-probable annual additions in 2030?",
  "rank", [(v, MW) for _, v in top3f], [t for t, _ in top3f],
  how="real CSV: 2030 Annual Total Forecast - Most probable, countries only, top 3")

EU27 = ["Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic", "Denmark",
        "Estonia", "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy",
        "Latvia", "Lithuania", "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal",
        "Romania", "Slovakia", "Slovenia", "Spain", "Sweden"]
eu_rank = [(t, v) for t, v in countries_year("real", 2024) if t in EU27][:3]
Q("real", "market",
  "Within the EU member states, rank the top 3 by PV added in 2024.",
  "rank", [(v, MW) for _, v in eu_rank], [t for t, _ in eu_rank],
  how="real CSV: 2024 Annual Total Historical Primary, EU-27 member states present in the data, top 3")

# ---- shares
w24 = mv("real", "World", 2024)
cn24 = mv("real", "China", 2024)
Q("real", "market",
  "Concentration risk memo: what % of global PV additions in 2024 came from China?",
  "share", [(cn24 / w24 * 100, PCT)], ["China"],
  how="real CSV: China 2024 Annual Total / World 2024 Annual Total (Historical Primary) x100")

conc = sum(v for _, v in top5[:3])
Q("real", "market",
  "Combined share of world 2024 installs held by the top 3 countries? Need the CR3 for the memo.",
  "share", [(conc / w24 * 100, PCT)], [t for t, _ in top5[:3]],
  how="real CSV: sum of top-3 countries' 2024 Annual Total / World 2024 Annual Total x100")

Q("real", "market",
  "Germany: distributed share of 2024 additons, in %?",
  "share", [(mv("real", "Germany", 2024, conn="Distributed") / mv("real", "Germany", 2024) * 100, PCT)],
  how="real CSV: Germany 2024 Annual Distributed / Germany 2024 Annual Total x100")

Q("real", "market",
  "How utility-heavy is the US market? Centralised as a share of US adds in 2024.",
  "share", [(mv("real", "USA", 2024, conn="Centralised") / mv("real", "USA", 2024) * 100, PCT)],
  how="real CSV: USA 2024 Annual Centralised / USA 2024 Annual Total x100")

Q("real", "market",
  "EM weight check for the index. India's share of the global installed base at end-2024?",
  "share", [(mv("real", "India", 2024, "Cumulative") / mv("real", "World", 2024, "Cumulative") * 100, PCT)],
  how="real CSV: India 2024 Cumulative Total / World 2024 Cumulative Total x100")

# ---- change
w23 = mv("real", "World", 2023)
Q("real", "market",
  "Global PV additions 2024 vs 2023 - YoY growth in %?",
  "change", [(pct(w23, w24), PCT)],
  how="real CSV: World Annual Total 2023 -> 2024, (2024-2023)/2023 x100")

cn23 = mv("real", "China", 2023)
Q("real", "market",
  "Strip out China. What was world ex-China installs growth YoY in 2024, %?",
  "change", [(pct(w23 - cn23, w24 - cn24), PCT)],
  how="real CSV: (World - China) Annual Total 2023 -> 2024, % change")

Q("real", "market",
  "India is our biggest EM overweight. Annual installs CAGR 2019-2024?",
  "change", [(cagr(mv("real", "India", 2019), mv("real", "India", 2024), 5), PCT)],
  how="real CSV: India Annual Total 2019 and 2024, CAGR over 5 years")

Q("real", "market",
  "Japan looks ex-growth. By how much % have its annual additions fallen from 2015 to 2024?",
  "change", [(pct(mv("real", "Japan", 2015), mv("real", "Japan", 2024)), PCT)],
  how="real CSV: Japan Annual Total 2015 -> 2024, % change (negative)")

Q("real", "market",
  "Brazil's cumulative capacity, CAGR 2019-24?",
  "change", [(cagr(mv("real", "Brazil", 2019, "Cumulative"), mv("real", "Brazil", 2024, "Cumulative"), 5), PCT)],
  how="real CSV: Brazil Cumulative Total 2019 and 2024, CAGR over 5 years")

# ---- comparisons
Q("real", "market",
  "DM vs EM: USA vs India new capacity in 2024 - figures for both?",
  "compare", [(mv("real", "USA", 2024), MW), (mv("real", "India", 2024), MW)], ["USA", "India"],
  how="real CSV: USA and India 2024 Annual Total Historical Primary")

latam = ["Brazil", "Mexico", "Chile"]
Q("real", "market",
  "LatAm sleeve. Compare Brazilian, Mexican and Chilean PV additions in 2024.",
  "compare", [(mv("real", t, 2024), MW) for t in latam], latam,
  how="real CSV: Brazil, Mexico, Chile 2024 Annual Total Historical Primary")

Q("real", "market",
  "Japan vs India installed base end-2024 - which is bigger, and by how many MW?",
  "compare",
  [(mv("real", "India", 2024, "Cumulative") - mv("real", "Japan", 2024, "Cumulative"), MW),
   (mv("real", "India", 2024, "Cumulative"), MW), (mv("real", "Japan", 2024, "Cumulative"), MW)],
  ["India"],
  how="real CSV: India and Japan 2024 Cumulative Total; difference India - Japan")

Q("real", "market",
  "Upside case: Spain vs Italy annual additions in 2030, high scenario.",
  "compare", [(mv("real", "Spain", 2030, scen="high"), MW), (mv("real", "Italy", 2030, scen="high"), MW)],
  ["Spain", "Italy"],
  how="real CSV: Spain and Italy 2030 Annual Total Forecast - High")

# ---- extremes
def peak(db, terr, y0=None, y1=None, fn="max", typ="Annual", conn="Total"):
    s = hist_series(db, terr, typ, conn, y0, y1)
    v = s.max() if fn == "max" else s.min()
    yrs = s[s == v].index.tolist()
    assert len(yrs) == 1, (terr, yrs)
    return int(yrs[0]), float(v)


y, v = peak("real", "Italy")
Q("real", "market", "Italy went boom-bust under Conto Energia. Record year for annual PV installs, and the MW?",
  "extreme", [(v, MW)], [str(y)], how="real CSV: Italy Annual Total Historical Primary, max over all years")

y, v = peak("real", "Japan")
Q("real", "market", "Japan thesis review. When did Japan peak on annual additions, and at what level?",
  "extreme", [(v, MW)], [str(y)], how="real CSV: Japan Annual Total Historical Primary, max over all years")

y, v = peak("real", "Spain", 2010, 2024, "min")
Q("real", "market",
  "Spain boom-bust check: weakest year for annual installs between 2010 and 2024?",
  "extreme", [(v, MW)], [str(y)], how="real CSV: Spain Annual Total Historical Primary 2010-2024, min")

y, v = peak("real", "Vietnam")
Q("real", "market", "Vietnam had a FiT-driven spike. Which was its peak install year, and how big?",
  "extreme", [(v, MW)], [str(y)], how="real CSV: Vietnam Annual Total Historical Primary, max over all years")

# ---- averages
s = series("real", "World", 2020, 2024)
Q("real", "market", "Sizing the global market for the stewardship report. Avg annual global PV additions over 2020-2024?",
  "average", [(sum(s.values()) / len(s), MW)], how="real CSV: World Annual Total 2020..2024, mean of 5 values")

s = series("real", "Germany", 2015, 2024)
Q("real", "market",
  "Need a through-cycle number for Germany. Average yearly additions 2015-2024, MW?",
  "average", [(sum(s.values()) / len(s), MW)], how="real CSV: Germany Annual Total 2015..2024, mean of 10 values")

# ---- sums
nordics = ["Denmark", "Finland", "Norway", "Sweden"]
Q("real", "market",
  "Nordics bucket (Denmark, Finland, Norway, Sweden): combined new PV in 2024?",
  "sum", [(sum(mv("real", t, 2024) for t in nordics), MW)], nordics,
  how="real CSV: sum of 2024 Annual Total for Denmark, Finland, Norway, Sweden")

s = series("real", "World", 2020, 2024)
Q("real", "market", "Total GW the world added over 2020-24, cumulative sum of annual adds?",
  "sum", [(sum(s.values()), MW)], how="real CSV: sum of World Annual Total 2020..2024")

s = series("real", "Germany", 2025, 2030, scen="mp")
Q("real", "market",
  "German pipeline: sum of most-probable annual additions 2025-2030?",
  "sum", [(sum(s.values()), MW)], how="real CSV: sum of Germany Annual Total Forecast - Most probable 2025..2030")

# ---- first / latest
def first_above(db, terr, thr, typ="Annual"):
    s = hist_series(db, terr, typ)
    yrs = s[s > thr].index
    return int(yrs.min()), float(s[yrs.min()])


y, v = first_above("real", "Poland", 1000)
Q("real", "market", "Poland coal-to-solar story. First year it installed more than 1 GW in a single year?",
  "first_latest", [(v, MW)], [str(y)], how="real CSV: Poland Annual Total Historical Primary, first year > 1000 MW")

y, v = first_above("real", "World", 100000)
Q("real", "market", "Framing slide for the IC. When did global annual additions first cross 100 GW?",
  "first_latest", [(v, MW)], [str(y)], how="real CSV: World Annual Total Historical Primary, first year > 100000 MW")

# =========================================================================== REAL: prices
s = pseries("real", "Module", "n-type TOPCon", "EU")
v, d, u = p_latest(s)
Q("real", "price", "Prepping a supply-chain engagement call. Latest n-type TOPCon module price in the EU?",
  "price", [(v, u)], how=f"real parquet: Module / n-type TOPCon / EU, latest date {d:%Y-%m-%d}")

s = pseries("real", "Polysilicon", "Very high purity - 11N/11N+", "China")
mn, _ = unique_extreme(s, "min")
mx, _ = unique_extreme(s, "max")
Q("real", "price",
  "Volatility screen on poly: min and max of the 11N/11N+ polysilicon price in China over the whole series?",
  "price", [(mn, "US$/kg"), (mx, "US$/kg")],
  how="real parquet: Polysilicon / Very high purity - 11N/11N+ / China, min and max over all dates")

s = pseries("real", "Module", "n-type TOPCon", "China")
v0, d0, u = p_first(s)
v1, d1, _ = p_latest(s)
Q("real", "price",
  "How far have Chinese TOPCon module prices fallen since the series began? % change first to latest.",
  "price", [(pct(v0, v1), PCT)],
  how=f"real parquet: Module / n-type TOPCon / China, {d0:%Y-%m-%d} -> {d1:%Y-%m-%d}, % change")

regs = ["China", "EU", "US"]
lat = {r: p_latest(pseries("real", "Module", "n-type TOPCon", r)) for r in regs}
cheap = min(regs, key=lambda r: lat[r][0])
assert [lat[r][0] for r in regs].count(lat[cheap][0]) == 1
Q("real", "price",
  "TOPCon modules, latest price: China vs EU vs US. Which is cheapest?",
  "price", [(lat[r][0], "US$/Wp") for r in regs], [cheap],
  how="real parquet: Module / n-type TOPCon, latest observation of each of China, EU, US; min")

t = p_latest(pseries("real", "Module", "n-type TOPCon", "China"))
h = p_latest(pseries("real", "Module", "n-type HJT", "China"))
assert t[1] == h[1]
Q("real", "price",
  "HJT premium: latest HJT vs TOPCon module price in China, and the gap in US$/Wp?",
  "price", [(h[0], "US$/Wp"), (t[0], "US$/Wp"), (h[0] - t[0], "US$/Wp")],
  how="real parquet: Module n-type HJT and n-type TOPCon, China, latest (same date); HJT - TOPCon")

s = pseries("real", "Wafer", "p-type mono-Si M10", "China")
mx, dmx = unique_extreme(s, "max")
Q("real", "price", "Wafer cost cycle: highest price ever recorded for p-type M10 wafers in China?",
  "price", [(mx, "US$/pce")], [str(dmx.year)] if dmx is not None else [],
  how="real parquet: Wafer / p-type mono-Si M10 / China, max over series (unique date)")

s = pseries("real", "Silver", "Silver", "Overseas", unit="K US$/t")
Q("real", "price", "Silver paste is a big cell cost driver - what was silver in June 2024?",
  "price", [(p_month(s, "2024-06"), "K US$/t")], how="real parquet: Silver / Overseas, K US$/t, observation dated 2024-06")

s = pseries("real", "Copper", "Copper", "Overseas")
r = p_between(s, "2024-01-01", "2024-12-31")
assert len(r) == 12
Q("real", "price", "Copper feeds into BOS costs. Average copper price over calendar 2024?",
  "average", [(r.base_price.mean(), "US$/t")], how="real parquet: Copper / Overseas, mean of the 12 monthly values dated 2024")

s = pseries("real", "EVA", "EVA", "Overseas")
v, d, u = p_latest(s)
Q("real", "price", "Most recent EVA price you hold, and which month is it from?",
  "first_latest", [(v, u)], [str(d.year)], how=f"real parquet: EVA / Overseas, latest date {d:%Y-%m-%d}")

# =========================================================================== REAL: follow-ups
cn20 = mv("real", "China", 2020)
w20 = mv("real", "World", 2020)
Q("real", "market",
  ["China's share of world PV installs in 2024?", "and in 2020?"],
  "follow_up", [(cn20 / w20 * 100, PCT)], ["China"],
  how="real CSV: China 2020 Annual Total / World 2020 Annual Total x100")

Q("real", "market",
  ["Germany adds in 2024?", "ok and for 2030 in the high case?", "low case?"],
  "follow_up", [(mv("real", "Germany", 2030, scen="low"), MW)],
  how="real CSV: Germany 2030 Annual Total Forecast - Low")

Q("real", "market",
  ["Top 5 countries by new PV capacity in 2024?", "Chart that pls"],
  "follow_up", [(v, MW) for _, v in top5], [t for t, _ in top5],
  how="real CSV: same top-5 ranking (2024 Annual Total, countries only) shown as a chart")

Q("real", "market",
  ["Spain's distributed share of 2024 additions?", "and Italy's?"],
  "follow_up", [(mv("real", "Italy", 2024, conn="Distributed") / mv("real", "Italy", 2024) * 100, PCT)],
  how="real CSV: Italy 2024 Annual Distributed / Italy 2024 Annual Total x100")

Q("real", "price",
  ["Latest TOPCon module price in China?", "What about the US?"],
  "follow_up", [(lat["US"][0], "US$/Wp")],
  how="real parquet: Module / n-type TOPCon / US, latest")

Q("real", "market",
  ["India annual installs CAGR 2019-2024?", "same for Brazil"],
  "follow_up", [(cagr(mv("real", "Brazil", 2019), mv("real", "Brazil", 2024), 5), PCT)],
  how="real CSV: Brazil Annual Total 2019 and 2024, CAGR over 5 years")

Q("real", "market",
  ["US installed base at end-2024?", "what about end-2015?"],
  "follow_up", [(mv("real", "USA", 2015, "Cumulative"), MW)],
  how="real CSV: USA 2015 Cumulative Total Historical Primary")

s_cu = pseries("real", "Copper", "Copper", "Overseas")
s_al = pseries("real", "Aluminium", "Aluminium", "Overseas")
Q("real", "price",
  ["Copper price, January 2025?", "and aluminium, same month?"],
  "follow_up", [(p_month(s_al, "2025-01"), "US$/t")],
  how="real parquet: Aluminium / Overseas, observation dated 2025-01")

# =========================================================================== REAL: unanswerable
U("real", "market", "How much wind capacity did Germany add in 2024? Want to compare with solar.",
  "Only PV capacity is held; no wind data.")
U("real", "market", "Thinking about co-located assets. US battery storage deployments 2024, in GWh?",
  "Storage is not in the data; only PV capacity in MW.")
U("real", "market",
  "For the impact report: what's the LCOE of utility-scale solar in India?",
  "LCOE is not a measure held; the data holds capacity and component prices only.")
U("real", "price", "Average cell efficiency of TOPCon modules currently on the market?",
  "Efficiency is not in the price data; only prices by item/technology/region.")
U("real", "market", "Nigeria PV additions 2024? Looking at SSA exposure.",
  "Nigeria is not a territory in the market data.")
U("real", "market", "Long-history chart for the deck. Germany annual installs back in 1985?",
  "The data starts in 1992; 1985 is outside the range.")
U("real", "market", "Spain annual additions in 2035, most probable?",
  "Forecasts run to 2030 only.")
U("real", "market",
  "Spain's total installed base by 2030 under the most probable scenario?",
  "Forecast cumulative figures in the real CSV exclude the installed base, so the 2030 fleet cannot be read off.",
  how="forecast Cumulative in real CSV = running sum of forecast additions from 2025 only")
U("real", "market", "Italy fleet at end-2027, high case - total MW installed?",
  "Forecast cumulative figures in the real CSV exclude the installed base.",
  how="forecast Cumulative in real CSV = running sum of forecast additions from 2025 only")
U("real", "market", "India's most-probable annual additions for 2027?",
  "The real data has forecasts only for European countries (and aggregates); no India forecast.")
U("real", "price", "BOS cost screen - string inverter prices, latest, US$/W?",
  "Inverters are not among the price items.")
U("real", "price", "Latest TOPCon module price delivered to India?",
  "No n-type TOPCon module series for India; India only appears for older p-type module series.")
U("real", "price", "What share of the module price is polysilicon right now?",
  "A cost share of a price cannot be derived; items have different units (US$/kg vs US$/Wp) and no bill-of-materials data.")
U("real", "market", "Spain's CSP / solar thermal capacity end-2024?",
  "Solar thermal / CSP is not in the data; PV only.")
U("real", "market", "What % of US distributed capacity added in 2024 was residential?",
  "Distributed is not split into residential vs commercial.")
U("real", "price", "Xinjiang exposure: what share of polysilicon supply came from Xinjiang in 2024?",
  "Supply origin / forced-labour exposure is not in the data.")
Q("real", "market",
  ["Germany new PV in 2024?", "and how much onshore wind did it add the same year?"],
  "unanswerable", (), (), "not in the data", answerable=False,
  why="Wind capacity is not held; PV only.")
U("real", "manufacturer_financial", "LONGi FY2024 revenue and gross margin?",
  "LONGi is not in the financials; only the four sample companies.")

# =========================================================================== SAMPLE: market
Q("sample", "market", "Poland is a key CEE overweight. Installed base at end-2024?",
  "lookup", [(mv("sample", "Poland", 2024, "Cumulative"), MW)],
  how="sample market: Poland 2024 Cumulative Total Historical Primary")

Q("sample", "market", "Spanish off-grid adds in 2024, MW?",
  "lookup", [(mv("sample", "Spain", 2024, conn="Off-grid"), MW)],
  how="sample market: Spain 2024 Annual Off-grid Historical Primary")

Q("sample", "market",
  "Dutch market looks soft. Netherlands annual additions in 2027, high scenario?",
  "lookup", [(mv("sample", "Netherlands", 2027, scen="high"), MW)],
  how="sample market: Netherlands 2027 Annual Total Forecast - High")

SIX = ["Italy", "Germany", "Spain", "France", "Netherlands", "Poland"]
rk = countries_year("sample", 2024)[:3]
Q("sample", "market", "Rank the top 3 countries by PV added in 2024.",
  "rank", [(v, MW) for _, v in rk], [t for t, _ in rk],
  how="sample market: 2024 Annual Total Historical Primary, countries only (World excluded), top 3")

rk = countries_year("sample", 2030, scen="low")
Q("sample", "market",
  "Downside screen: which country has the smallest annual market in 2030 under the low scenario?",
  "rank", [(rk[-1][1], MW)], [rk[-1][0]],
  how="sample market: 2030 Annual Total Forecast - Low, countries only, min")

Q("sample", "market", "Germany's share of global new PV in 2024?",
  "share", [(mv("sample", "Germany", 2024) / mv("sample", "World", 2024) * 100, PCT)], ["Germany"],
  how="sample market: Germany 2024 Annual Total / World 2024 Annual Total x100")

Q("sample", "market", "Netherlands - distributed as % of total adds, 2024?",
  "share", [(mv("sample", "Netherlands", 2024, conn="Distributed") / mv("sample", "Netherlands", 2024) * 100, PCT)],
  how="sample market: Netherlands 2024 Annual Distributed / Total x100")

Q("sample", "market", "Spain's share of the world installed base, end-2024?",
  "share", [(mv("sample", "Spain", 2024, "Cumulative") / mv("sample", "World", 2024, "Cumulative") * 100, PCT)],
  how="sample market: Spain 2024 Cumulative Total / World 2024 Cumulative Total x100")

Q("sample", "market",
  "Growth outlook for Germany: CAGR of annual additions from 2024 to 2030, most probable case?",
  "change", [(cagr(mv("sample", "Germany", 2024), mv("sample", "Germany", 2030, scen="mp"), 6), PCT)],
  how="sample market: Germany Annual Total 2024 (Historical) and 2030 (Most probable), CAGR over 6 years")

Q("sample", "market", "Polish instals FY24 YoY?",
  "change", [(pct(mv("sample", "Poland", 2023), mv("sample", "Poland", 2024)), PCT)],
  how="sample market: Poland Annual Total 2023 -> 2024, % change")

Q("sample", "market", "France vs Netherlands, annual installs in 2024?",
  "compare", [(mv("sample", "France", 2024), MW), (mv("sample", "Netherlands", 2024), MW)],
  ["France", "Netherlands"], how="sample market: France and Netherlands 2024 Annual Total")

three = ["Spain", "Italy", "Germany"]
Q("sample", "market",
  "Rooftop angle - compare distributed additions in Spain, Italy and Germany for 2024.",
  "compare", [(mv("sample", t, 2024, conn="Distributed"), MW) for t in three], three,
  how="sample market: 2024 Annual Distributed for Spain, Italy, Germany")

Q("sample", "market", "Italy vs Spain installed base end-2024 - gap in MW?",
  "compare",
  [(mv("sample", "Spain", 2024, "Cumulative") - mv("sample", "Italy", 2024, "Cumulative"), MW),
   (mv("sample", "Spain", 2024, "Cumulative"), MW), (mv("sample", "Italy", 2024, "Cumulative"), MW)],
  ["Spain"], how="sample market: Spain and Italy 2024 Cumulative Total; Spain - Italy")

y, v = peak("sample", "Netherlands")
Q("sample", "market", "Netherlands - best year for annual installs in the historical data?",
  "extreme", [(v, MW)], [str(y)], how="sample market: Netherlands Annual Total Historical Primary, max")

sp = series("sample", "Spain", 2025, 2030, scen="mp")
ymin = min(sp, key=sp.get)
assert list(sp.values()).count(sp[ymin]) == 1
Q("sample", "market",
  "In the most probable outlook 2025-2030, which year is the low point for Spain's annual additions?",
  "extreme", [(sp[ymin], MW)], [str(ymin)],
  how="sample market: Spain Annual Total Forecast - Most probable 2025..2030, min")

s = series("sample", "Poland", 2019, 2024)
Q("sample", "market", "Need a smoothed number for the CEE note. Poland avg annual additions 2019-2024?",
  "average", [(sum(s.values()) / len(s), MW)], how="sample market: Poland Annual Total 2019..2024, mean of 6 values")

s = series("sample", "Spain", 2025, 2030, scen="mp")
Q("sample", "market", "Cumulative Spanish additions 2025-2030 (sum of annual, most probable)?",
  "sum", [(sum(s.values()), MW)], how="sample market: sum of Spain Annual Total Forecast - Most probable 2025..2030")

Q("sample", "market", "All six countries combined - how much PV did they add in 2024?",
  "sum", [(sum(mv("sample", t, 2024) for t in SIX), MW)], SIX,
  how="sample market: sum of 2024 Annual Total for Italy, Germany, Spain, France, Netherlands, Poland")

y, v = first_above("sample", "Germany", 10000)
Q("sample", "market", "Checking the Osterpaket effect. First year German annual additions topped 10 GW?",
  "first_latest", [(v, MW)], [str(y)], how="sample market: Germany Annual Total Historical Primary, first year > 10000 MW")

# =========================================================================== SAMPLE: prices
s = pseries("sample", "Polysilicon", "High purity - 9N/9N+", "China")
v, d, u = p_latest(s)
Q("sample", "price", "Latest print for 9N polysilicon in China?",
  "first_latest", [(v, u)], how=f"sample prices: Polysilicon / High purity - 9N/9N+ / China, latest {d:%Y-%m-%d}")

s = pseries("sample", "Module", "p-type mono-Si PERC M10", "EU")
Q("sample", "price", "Benchmarking EU procurement costs. PERC M10 module price in the EU, December 2024?",
  "price", [(p_month(s, "2024-12"), "US$/Wp")], how="sample prices: Module / p-type mono-Si PERC M10 / EU, 2024-12")

regs4 = ["China", "EU", "India", "US"]
dec = {r: p_month(pseries("sample", "Module", "n-type TOPCon", r), "2024-12") for r in regs4}
cheap = min(regs4, key=dec.get)
assert list(dec.values()).count(dec[cheap]) == 1
Q("sample", "price", "Which region had the cheapest TOPCon modules in Dec 2024, and at what price?",
  "price", [(dec[cheap], "US$/Wp")], [cheap],
  how="sample prices: Module / n-type TOPCon, 2024-12 across China, EU, India, US; min")

s = pseries("sample", "Polysilicon", "High purity - 9N/9N+", "China")
Q("sample", "price", "Poly price range in China over 2023-24 - low and high (9N)?",
  "price", [(s.base_price.min(), "US$/kg"), (s.base_price.max(), "US$/kg")],
  how="sample prices: Polysilicon / High purity - 9N/9N+ / China, min and max over 2023-01..2024-12")

hu = p_latest(pseries("sample", "Module", "n-type HJT", "US"))
hc = p_latest(pseries("sample", "Module", "n-type HJT", "China"))
Q("sample", "price", "HJT module latest price: US vs China? Need the spread too.",
  "price", [(hu[0], "US$/Wp"), (hc[0], "US$/Wp"), (hu[0] - hc[0], "US$/Wp")], ["US", "China"],
  how="sample prices: Module / n-type HJT, latest for US and China; US - China")

s = pseries("sample", "Wafer", "n-type mono-Si M10", "China")
Q("sample", "price", "n-type M10 wafers China: % move Jan 2023 to Dec 2024?",
  "price", [(pct(p_month(s, "2023-01"), p_month(s, "2024-12")), PCT)],
  how="sample prices: Wafer / n-type mono-Si M10 / China, 2023-01 -> 2024-12, % change")

s = pseries("sample", "Module", "n-type TOPCon", "China")
r = p_between(s, "2024-01-01", "2024-12-31")
assert len(r) == 12
Q("sample", "price", "Average Chinese TOPCon module price across 2024?",
  "average", [(r.base_price.mean(), "US$/Wp")], how="sample prices: Module / n-type TOPCon / China, mean of 12 monthly values in 2024")

# =========================================================================== SAMPLE: follow-ups
Q("sample", "market",
  ["Italy annual additions 2030, most probable?", "high scenario?"],
  "follow_up", [(mv("sample", "Italy", 2030, scen="high"), MW)],
  how="sample market: Italy 2030 Annual Total Forecast - High")

Q("sample", "market",
  ["Poland cumulative capacity end-2024?", "and the Netherlands?"],
  "follow_up", [(mv("sample", "Netherlands", 2024, "Cumulative"), MW)],
  how="sample market: Netherlands 2024 Cumulative Total Historical Primary")

Q("sample", "price",
  ["PERC M10 module price in the EU in December 2024?", "Same in India"],
  "follow_up", [(p_month(pseries("sample", "Module", "p-type mono-Si PERC M10", "India"), "2024-12"), "US$/Wp")],
  how="sample prices: Module / p-type mono-Si PERC M10 / India, 2024-12")

Q("sample", "market",
  ["World PV additions in 2024?", "Germany's share of that?"],
  "follow_up", [(mv("sample", "Germany", 2024) / mv("sample", "World", 2024) * 100, PCT)],
  how="sample market: Germany 2024 Annual Total / World 2024 Annual Total x100")

s1 = pseries("sample", "Polysilicon", "High purity - 9N/9N+", "China")
Q("sample", "price",
  ["TOPCon module price in China, % change Jan to Dec 2024?", "and 9N poly in China over the same months?"],
  "follow_up", [(pct(p_month(s1, "2024-01"), p_month(s1, "2024-12")), PCT)],
  how="sample prices: Polysilicon / High purity - 9N/9N+ / China, 2024-01 -> 2024-12, % change")

Q("sample", "market",
  ["Spain annual adds 2030, most probable?", "what would that generate per year in GWh?"],
  "unanswerable", (), (), "not in the data", answerable=False,
  why="Generation in GWh is not held; only capacity in MW.")

# =========================================================================== SAMPLE: unanswerable
U("sample", "market", "How many solar jobs does Germany have? Needed for the S in ESG.",
  "Employment is not in the data.")
U("sample", "market", "Typical German residential system size these days, in kW?",
  "System sizes are not held; the data gives national capacity totals by segment only.")
U("sample", "market", "Current French feed-in tariff for rooftop PV?",
  "Tariffs / support levels are not held.")
U("sample", "market", "Italian PV market value in EUR for 2024?",
  "Market value in EUR is not held; only capacity in MW.")
U("sample", "market", "Our US sleeve is the largest. USA annual installs 2024?",
  "The sample market data covers only Italy, Germany, Spain, France, Netherlands, Poland and World.")
U("sample", "market", "Benelux screen. Belgium installed base end-2024?",
  "Belgium is not in the sample market data.")
U("sample", "market", "Italy's annual additions in 2012?",
  "The sample data starts in 2015.")
U("sample", "price", "Silver price trend over 2024? Cell metallisation cost is our concern.",
  "Silver is not among the sample price items.")
U("sample", "price", "TOPCon module price in Japan, latest?",
  "Japan is not a price region in the sample data (China, EU, India, US only).")

# =========================================================================== FINANCIALS (sample file, both instances)
r24, u = fin(HEL, "FY2024", "Revenue")
r23, _ = fin(HEL, "FY2023", "Revenue")
Q("sample", "manufacturer_financial", "Helios FY24 revenue, and YoY change?",
  "financial", [(r24, u), (pct(r23, r24), PCT)],
  how="financials: Helios Revenue FY2024; % change vs FY2023")

g24, _ = fin(SUN, "FY2024", "Gross margin")
g23, _ = fin(SUN, "FY2023", "Gross margin")
Q("sample", "manufacturer_financial",
  "Margin compression at SunForge: gross margin FY23 vs FY24 and the change in points?",
  "financial", [(g23, PCT), (g24, PCT), (g24 - g23, PCT)],
  how="financials: SunForge Gross margin FY2023 and FY2024; difference in percentage points")

ni = {c: fin(c, "FY2024", "Net income")[0] for c in COMPANIES}
best = max(ni, key=ni.get)
Q("real", "manufacturer_financial",
  "Profitability screen across the manufacturers you cover: who had the highest FY2024 net income?",
  "financial", [(ni[best], "USD million")], [best.split()[0]],
  how="financials: Net income FY2024 across the four companies, max")

Q("real", "manufacturer_financial", "Nordlicht is on the watchlist for a going-concern flag. FY2024 net income?",
  "financial", [(fin(NOR, "FY2024", "Net income")[0], "USD million")],
  how="financials: Nordlicht Net income FY2024")

s24, u = fin(AUR, "FY2024", "Module shipments")
s23, _ = fin(AUR, "FY2023", "Module shipments")
Q("sample", "manufacturer_financial", "Aurora PV module shipments, FY24 growth %?",
  "financial", [(pct(s23, s24), PCT)], how="financials: Aurora Module shipments FY2023 -> FY2024, % change")

rev = {c: fin(c, "FY2024", "Revenue")[0] for c in COMPANIES}
Q("sample", "manufacturer_financial",
  "Concentration within our manufacturer universe: Helios' share of the four companies' combined FY2024 revenue?",
  "financial", [(rev[HEL] / sum(rev.values()) * 100, PCT)],
  how="financials: Helios FY2024 Revenue / sum of FY2024 Revenue of the four companies x100")

qs = [p for p in FIN.period.unique() if "-Q" in p]
gm = {p: fin(NOR, p, "Gross margin")[0] for p in qs}
worst = min(gm, key=gm.get)
assert list(gm.values()).count(gm[worst]) == 1
Q("real", "manufacturer_financial", "Nordlicht: worst quarterly gross margin on record, which quarter?",
  "financial", [(gm[worst], PCT)], [worst.split("-")[1], worst.split("-")[0]], how="financials: Nordlicht Gross margin over quarters, min")

Q("sample", "manufacturer_financial", "SunForge quarterly net income through 2024, Q1 to Q4?",
  "financial", [(fin(SUN, f"2024-Q{i}", "Net income")[0], "USD million") for i in range(1, 5)],
  how="financials: SunForge Net income 2024-Q1..2024-Q4")

Q("sample", "manufacturer_financial",
  ["Helios gross margin FY2024?", "and SunForge?"],
  "follow_up", [(fin(SUN, "FY2024", "Gross margin")[0], PCT)],
  how="financials: SunForge Gross margin FY2024")

U("sample", "manufacturer_financial", "Helios FY2024 EBITDA and capex?",
  "EBITDA and capex are not among the metrics (revenue, gross margin, net income, shipments, capacity).")
U("sample", "manufacturer_financial", "Scope 1+2 emissions for Helios Modules, FY24?",
  "Emissions are not in the financials.")
U("sample", "manufacturer_financial", "Aurora PV revenue in FY2022?",
  "Financials cover 2023 and 2024 only.")
U("real", "manufacturer_financial", "Comparing against a US thin-film name. First Solar's module shipments in 2024?",
  "First Solar is not in the financials.")

# =========================================================================== write + self-check
out = os.path.join(HERE, "questions.jsonl")
with open(out, "w", encoding="utf-8") as fh:
    for it in ITEMS:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(not it["answerable"] for it in ITEMS)
assert n_un >= 28, n_un
chains = sum(len(it["turns"]) >= 2 for it in ITEMS)
assert chains >= 12, chains
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert it["why"]
fin_n = sum(it["agent"] == "manufacturer_financial" for it in ITEMS)

print(f"items: {len(ITEMS)}  unanswerable: {n_un}  follow-up chains: {chains}  financial: {fin_n}")
print("by kind:", dict(sorted(Counter(it["kind"] for it in ITEMS).items())))
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("with context sentence (>1 sentence in last turn):",
      sum(any(ch in it["turns"][-1][:-1] for ch in ".:") for it in ITEMS))
