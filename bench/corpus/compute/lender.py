#!/usr/bin/env python3
"""Writer `lender`: project-finance credit analyst at a European bank.

Computes every expected figure from the data files and writes questions.jsonl.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]

# ---------------------------------------------------------------- loading
rm = pd.read_csv(REAL_MARKET).drop_duplicates()
# RoW rows appear twice with AC/DC etc. blank in one copy: same key, same value.
rm = rm.drop_duplicates(KEY + ["Capacity(MW)"])
assert not rm.duplicated(KEY).any()
sm = pd.read_csv(S_MARKET)
assert not sm.duplicated(KEY).any()

rp = pd.read_parquet(REAL_PRICES)
rp["date"] = pd.to_datetime(rp["date"])
sp = pd.read_csv(S_PRICES)
sp["date"] = pd.to_datetime(sp["date"])
fin = pd.read_csv(S_FIN)

MARKETS = {"real": rm, "sample": sm}
PRICES = {"real": rp, "sample": sp}

# aggregates in the real CSV (never counted as countries)
AGGREGATES = {
    "World", "Asia", "East Asia", "Europe", "America", "EU", "South Asia",
    "North America", "Central Europe", "South Europe", "RoW", "South America",
    "East Europe", "ASEAN", "Southeast Asia", "North Europe", "Middle East",
    "Oceania", "Africa", "North Africa", "Southern Africa", "Central America",
    "Eurasia", "Central Asia",
}
EU27 = [
    "Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic",
    "Denmark", "Estonia", "Finland", "France", "Germany", "Greece", "Hungary",
    "Ireland", "Italy", "Latvia", "Lithuania", "Luxembourg", "Malta",
    "Netherlands", "Poland", "Portugal", "Romania", "Slovakia", "Slovenia",
    "Spain", "Sweden",
]
for _c in EU27:
    assert _c in set(rm.Territory), _c

HP = "Historical Primary"
MP = "Forecast - Most probable"
HIGH = "Forecast - High"
LOW = "Forecast - Low"


def last_hist(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == HP)].Year.max())


def scen_for(df, terr, year, scen=None):
    if scen is not None:
        return scen
    return HP if year <= last_hist(df, terr) else MP


def mv(data, terr, year, typ="Annual", conn="Total", scen=None):
    df = MARKETS[data]
    if typ == "Cumulative" and data == "real":
        s = scen_for(df, terr, year, scen)
        assert s == HP, "no forecast cumulative from the real CSV"
    s = scen_for(df, terr, year, scen)
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (data, terr, year, typ, conn, s, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def series(data, terr, years, typ="Annual", conn="Total", scen=None):
    return {y: mv(data, terr, y, typ, conn, scen) for y in years}


def countries(data):
    df = MARKETS[data]
    return sorted(t for t in df.Territory.unique() if t not in AGGREGATES)


def rank(data, terrs, year, typ="Annual", conn="Total", scen=None, n=3, asc=False):
    vals = {}
    df = MARKETS[data]
    for t in terrs:
        s = scen_for(df, t, year, scen)
        r = df[(df.Territory == t) & (df.Year == year) & (df.Scenario == s)
               & (df.Connection == conn) & (df.Type == typ)]
        if len(r) == 1:
            vals[t] = float(r["Capacity(MW)"].iloc[0])
    items = sorted(vals.items(), key=lambda kv: kv[1], reverse=not asc)
    # guard against ties at the cut
    assert items[n - 1][1] != items[n][1]
    return items[:n]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def first_year_above(data, terr, thr, typ="Cumulative"):
    df = MARKETS[data]
    r = df[(df.Territory == terr) & (df.Scenario == HP) & (df.Connection == "Total")
           & (df.Type == typ)].sort_values("Year")
    r = r[r["Capacity(MW)"] > thr]
    return int(r.Year.iloc[0]), float(r["Capacity(MW)"].iloc[0])


def extreme(data, terr, years, typ="Annual", conn="Total", scen=None, fn=max):
    s = series(data, terr, years, typ, conn, scen)
    v = fn(s.values())
    ys = [y for y, x in s.items() if x == v]
    assert len(ys) == 1
    return ys[0], v


# prices -------------------------------------------------------------------
def pser(data, item, desc, region, unit=None):
    df = PRICES[data]
    r = df[(df.item == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        r = r[r.unit == unit]
    assert r.unit.nunique() == 1, (item, desc, region, r.unit.unique())
    assert len(r) > 0
    return r.sort_values("date")


def plast(data, item, desc, region, unit=None):
    r = pser(data, item, desc, region, unit)
    d = r.date.max()
    x = r[r.date == d]
    assert len(x) == 1, (item, desc, region, "several obs on latest date")
    return float(x.base_price.iloc[0]), d, x.unit.iloc[0]


def pfirst(data, item, desc, region, unit=None):
    r = pser(data, item, desc, region, unit)
    d = r.date.min()
    x = r[r.date == d]
    assert len(x) == 1
    return float(x.base_price.iloc[0]), d, x.unit.iloc[0]


def pmonth(data, item, desc, region, ym, unit=None):
    r = pser(data, item, desc, region, unit)
    x = r[r.date.dt.strftime("%Y-%m") == ym]
    assert len(x) == 1, (item, desc, region, ym, len(x))
    return float(x.base_price.iloc[0]), x.unit.iloc[0]


def pext(data, item, desc, region, fn="max", unit=None, start=None, end=None):
    r = pser(data, item, desc, region, unit)
    if start:
        r = r[r.date >= pd.Timestamp(start)]
    if end:
        r = r[r.date <= pd.Timestamp(end)]
    v = r.base_price.max() if fn == "max" else r.base_price.min()
    dates = sorted(r[r.base_price == v].date.unique())
    return float(v), [pd.Timestamp(d) for d in dates], r.unit.iloc[0]


def pavg(data, item, desc, region, start, end, unit=None):
    r = pser(data, item, desc, region, unit)
    r = r[(r.date >= pd.Timestamp(start)) & (r.date <= pd.Timestamp(end))]
    return float(r.base_price.mean()), len(r), r.unit.iloc[0]


# financials ----------------------------------------------------------------
def fv(company, period, metric):
    r = fin[(fin.company == company) & (fin.period == period) & (fin.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"
COMPANIES = [HEL, SUN, AUR, NOR]

# ---------------------------------------------------------------- items
Q = []


def add(data, agent, turns, kind, expect=(), names=(), how="", answerable=True, why=None):
    item = {
        "id": None, "writer": "lender", "data": data, "agent": agent,
        "turns": list(turns), "answerable": answerable, "kind": kind,
        "expect": [dict(value=float(v), unit=u) for v, u in expect],
        "names": [str(n) for n in names], "how": how,
    }
    if not answerable:
        item["why"] = why
        assert not item["expect"]
    Q.append(item)


def U(data, agent, turns, why, how="not in data"):
    add(data, agent, turns, "unanswerable", (), (), how, answerable=False, why=why)


MW = "MW"
R = "real"
S = "sample"
mkt = "market"
prc = "price"
fnc = "manufacturer_financial"

# ======================================================= REAL: market
v = mv(R, "Spain", 2024)
add(R, mkt, ["Credit committee next wk on a 150 MWp PV park in Andalusia. How much PV did Spain install in 2024?"],
    "lookup", [(v, MW)], [], "real CSV: Spain 2024 HP Total Annual")

v = mv(R, "Romania", 2024, "Cumulative")
add(R, mkt, ["Romania's installed PV base at end of 2024?"],
    "lookup", [(v, MW)], [], "real CSV: Romania 2024 HP Total Cumulative")

v = mv(R, "Poland", 2023, "Annual", "Centralised")
add(R, mkt, ["For the Polish utility-scale book: how much centralised PV got added in Poland in 2023?"],
    "lookup", [(v, MW)], [], "real CSV: Poland 2023 HP Centralised Annual")

v = mv(R, "Italy", 2027, scen=MP)
add(R, mkt, ["Italy annual PV additions in 2027, most probable forecast?"],
    "lookup", [(v, MW)], [], "real CSV: Italy 2027 Forecast - Most probable Total Annual")

v = mv(R, "Germany", 2026, scen=LOW)
add(R, mkt, ["Running the downside case for an IC memo. What does the low scenario give for German new PV installs in 2026?"],
    "lookup", [(v, MW)], [], "real CSV: Germany 2026 Forecast - Low Total Annual")

top = rank(R, countries(R), 2024, n=5)
add(R, mkt, ["Top 5 countries worldwide by PV capacity added in 2024? countries only, no regions"],
    "rank", [(x, MW) for _, x in top], [t for t, _ in top],
    "real CSV: 2024 HP Total Annual, non-aggregate territories, top 5")

top = rank(R, EU27, 2023, n=3)
add(R, mkt, ["Which 3 EU member states added the most PV in 2023?"],
    "rank", [(x, MW) for _, x in top], [t for t, _ in top],
    "real CSV: 2023 HP Total Annual, EU27 countries, top 3")

top = rank(R, countries(R), 2024, "Cumulative", n=3)
add(R, mkt, ["biggest 3 countries by cumulative installed PV at end-2024 pls"],
    "rank", [(x, MW) for _, x in top], [t for t, _ in top],
    "real CSV: 2024 HP Total Cumulative, non-aggregate territories, top 3")

top = rank(R, EU27, 2025, scen=MP, n=5)
add(R, mkt, ["Pipeline screening for 2025 origination. Which five EU countries are forecast to be the largest PV markets in 2025 (most probable)?"],
    "rank", [(x, MW) for _, x in top], [t for t, _ in top],
    "real CSV: 2025 Forecast - Most probable Total Annual, EU27 countries, top 5")

a, w = mv(R, "India", 2024), mv(R, "World", 2024)
add(R, mkt, ["What share of global PV additions in 2024 came from India?"],
    "share", [(a / w * 100, "%")], [], "real CSV: India / World, 2024 HP Total Annual")

a, t = mv(R, "Germany", 2024, conn="Distributed"), mv(R, "Germany", 2024)
add(R, mkt, ["We mostly lend to ground-mount in Germany, so want to know how big rooftop is. Distributed share of Germany's 2024 additions, in %?"],
    "share", [(a / t * 100, "%")], [], "real CSV: Germany 2024 HP Annual Distributed / Total")

a, t = mv(R, "Spain", 2024, "Cumulative", "Centralised"), mv(R, "Spain", 2024, "Cumulative")
add(R, mkt, ["What % of Spain's installed base (end 2024) is centralised / utility-scale?"],
    "share", [(a / t * 100, "%")], [], "real CSV: Spain 2024 HP Cumulative Centralised / Total")

a, b = mv(R, "Italy", 2023), mv(R, "Italy", 2024)
add(R, mkt, ["Italian market growth 2023 to 2024 in %, annual installs?"],
    "change", [(pct(a, b), "%")], [], "real CSV: Italy HP Total Annual, (2024-2023)/2023")

a, b = mv(R, "Poland", 2019, "Cumulative"), mv(R, "Poland", 2024, "Cumulative")
add(R, mkt, ["CAGR of Poland's cumulative PV capacity 2019-2024?"],
    "change", [(cagr(a, b, 5), "%")], [], "real CSV: Poland HP Total Cumulative, CAGR 2019->2024 over 5 yrs")

a, b = mv(R, "Netherlands", 2023), mv(R, "Netherlands", 2024)
add(R, mkt, ["Dutch market seems to be cooling. By how many MW did Netherlands annual installations change from 2023 to 2024?"],
    "change", [(b - a, MW)], [], "real CSV: Netherlands HP Total Annual 2024 minus 2023")

a, b = mv(R, "Spain", 2025, scen=MP), mv(R, "Spain", 2030, scen=MP)
add(R, mkt, ["What CAGR does the most probable scenario imply for Spain's annual PV market from 2025 to 2030?"],
    "change", [(cagr(a, b, 5), "%")], [], "real CSV: Spain Forecast - Most probable Total Annual, CAGR 2025->2030")

hi, lo = mv(R, "Germany", 2030, scen=HIGH), mv(R, "Germany", 2030, scen=LOW)
add(R, mkt, ["Scenario spread for sizing the DSCR sensitivities: Germany 2030 annual additions, high vs low scenario - both figures and the gap in MW"],
    "compare", [(hi, MW), (lo, MW), (hi - lo, MW)], [], "real CSV: Germany 2030 Annual Total, Forecast - High vs Forecast - Low, difference")

vals = {c: mv(R, c, 2024) for c in ["Greece", "Portugal", "Romania"]}
big = max(vals, key=vals.get)
add(R, mkt, ["Compare 2024 PV additions in Greece, Portugal and Romania - which was biggest?"],
    "compare", [(x, MW) for x in vals.values()], [big],
    "real CSV: 2024 HP Total Annual for the three; largest named")

fr, it = mv(R, "France", 2024, "Cumulative"), mv(R, "Italy", 2024, "Cumulative")
add(R, mkt, ["France vs Italy: which has the larger PV fleet at end 2024, and by how much?"],
    "compare", [(fr, MW), (it, MW), (abs(it - fr), MW)], ["Italy" if it > fr else "France"],
    "real CSV: 2024 HP Total Cumulative France vs Italy, difference")

y, x = extreme(R, "Spain", range(2001, 2025))
add(R, mkt, ["Spain: which was the record year for annual PV installs so far (historical data only) and how much?"],
    "extreme", [(x, MW)], [y], "real CSV: Spain HP Total Annual 2001-2024, max")

y, x = extreme(R, "Italy", range(1992, 2025))
add(R, mkt, ["In which year did Italy install the most PV? actuals only"],
    "extreme", [(x, MW)], [y], "real CSV: Italy HP Total Annual 1992-2024, max")

y, x = extreme(R, "Germany", range(2010, 2025), fn=min)
add(R, mkt, ["Weakest year for the German PV market since 2010 (inclusive)? need it for a through-the-cycle view"],
    "extreme", [(x, MW)], [y], "real CSV: Germany HP Total Annual 2010-2024, min")

y, x = extreme(R, "Romania", range(2025, 2031), scen=MP)
add(R, mkt, ["Romania: in the most probable forecast, which year between 2025 and 2030 has the highest annual additions?"],
    "extreme", [(x, MW)], [y], "real CSV: Romania Forecast - Most probable Total Annual 2025-2030, max")

s = series(R, "Poland", range(2020, 2025))
add(R, mkt, ["Avg annual PV additions in Poland over 2020-2024?"],
    "average", [(sum(s.values()) / len(s), MW)], [], "real CSV: Poland HP Total Annual mean of 2020..2024")

s = series(R, "Greece", range(2025, 2031), scen=MP)
add(R, mkt, ["Greek pipeline looks crowded. What's the average yearly market in Greece over 2025–2030 under the most probable scenario?"],
    "average", [(sum(s.values()) / len(s), MW)], [], "real CSV: Greece Forecast - Most probable Total Annual mean 2025..2030")

s = series(R, "Italy", range(2020, 2025))
add(R, mkt, ["Total PV added in Italy 2020-2024 inclusive?"],
    "sum", [(sum(s.values()), MW)], [], "real CSV: Italy HP Total Annual sum 2020..2024")

s = series(R, "Germany", range(2025, 2031), scen=HIGH)
add(R, mkt, ["Under the high scenario how much new PV in total would Germany add across 2025-2030?"],
    "sum", [(sum(s.values()), MW)], [], "real CSV: Germany Forecast - High Total Annual sum 2025..2030")

y, x = first_year_above(R, "Poland", 10000)
add(R, mkt, ["When did Poland's cumulative PV capacity first go above 10 GW?"],
    "first_latest", [(x, MW)], [y], "real CSV: Poland HP Total Cumulative, first year > 10000 MW")

df = rm[(rm.Territory == "Chile") & (rm.Scenario == HP) & (rm.Connection == "Total") & (rm.Type == "Annual")]
y0 = int(df.Year.min())
add(R, mkt, ["Looking at a Chilean PMGD portfolio. What's the first year the data has PV installations for Chile, and how much?"],
    "first_latest", [(mv(R, "Chile", y0), MW)], [y0], "real CSV: Chile HP Total Annual, earliest year")

yl = last_hist(rm, "Brazil")
add(R, mkt, ["Latest year of actual (historical) data for Brazil and the MW installed that year?"],
    "first_latest", [(mv(R, "Brazil", yl), MW)], [yl], "real CSV: Brazil last HP year, Total Annual")

v = mv(R, "Germany", 2024)
add(R, mkt, ["Sponsor's model says German additions topped 17,000 MW in 2024. Correct? exact figure pls"],
    "lookup", [(v, MW)], [], "real CSV: Germany 2024 HP Total Annual")

s = {c: mv(R, c, 2024) for c in ["Spain", "Italy", "Greece"]}
add(R, mkt, ["Our southern Europe book is Spain, Italy and Greece. Combined PV installs across the three in 2024?"],
    "sum", [(sum(s.values()), MW)], [], "real CSV: Spain + Italy + Greece 2024 HP Total Annual")

s = series(R, "Brazil", range(2020, 2025))
add(R, mkt, ["Brazilian DG has been booming - average annual PV additions in Brazil 2020-2024?"],
    "average", [(sum(s.values()) / len(s), MW)], [], "real CSV: Brazil HP Total Annual mean 2020..2024")

# --- real follow-up chains
v = mv(R, "Bulgaria", 2024)
add(R, mkt, ["How much PV did Greece add in 2024?", "and Bulgaria?"],
    "follow_up", [(v, MW)], [], "real CSV: Bulgaria 2024 HP Total Annual")

v = mv(R, "Italy", 2026, scen=LOW)
add(R, mkt, ["Italy 2026 annual installations, most probable forecast?", "same for the low scenario"],
    "follow_up", [(v, MW)], [], "real CSV: Italy 2026 Forecast - Low Total Annual")

top = rank(R, EU27, 2022, n=3)
add(R, mkt, ["Top 3 EU countries by PV added in 2024?", "what about 2022?"],
    "follow_up", [(x, MW) for _, x in top], [t for t, _ in top],
    "real CSV: 2022 HP Total Annual, EU27, top 3")

a, t = mv(R, "France", 2024, conn="Distributed"), mv(R, "France", 2024)
add(R, mkt, ["What share of Spain's 2024 PV additions was distributed?", "and France?"],
    "follow_up", [(a / t * 100, "%")], [], "real CSV: France 2024 HP Annual Distributed / Total")

a, w = mv(R, "India", 2023), mv(R, "World", 2023)
add(R, mkt, ["India's share of world PV installs in 2024?", "and in 2023?"],
    "follow_up", [(a / w * 100, "%")], [], "real CSV: India / World 2023 HP Total Annual")

a, b = mv(R, "Hungary", 2019, "Cumulative"), mv(R, "Hungary", 2024, "Cumulative")
add(R, mkt, ["Poland cumulative PV, CAGR 2019 to 2024?", "same for Hungary"],
    "follow_up", [(cagr(a, b, 5), "%")], [], "real CSV: Hungary HP Total Cumulative CAGR 2019->2024")

s = series(R, "Germany", range(2020, 2025))
add(R, mkt, ["Germany annual PV additions 2020-2024?", "as a chart pls"],
    "follow_up", [(x, MW) for x in s.values()], [], "real CSV: Germany HP Total Annual 2020..2024")

a, b = mv(R, "Brazil", 2023), mv(R, "Brazil", 2024)
add(R, mkt, ["Chile's PV installs in 2024?", "and Brazil?", "how much did Brazil grow vs 2023, in %?"],
    "follow_up", [(pct(a, b), "%")], [], "real CSV: Brazil HP Total Annual (2024-2023)/2023")

# ======================================================= REAL: prices
v, d, u = plast(R, "Module", "n-type TOPCon", "EU")
add(R, prc, ["Construction budget check for a German PV park. Latest n-type TOPCon module price in the EU?"],
    "price", [(v, u)], [], f"real parquet: Module n-type TOPCon EU, latest date {d.date()}")

vals = {reg: plast(R, "Module", "n-type TOPCon", reg) for reg in ["US", "EU", "China"]}
add(R, prc, ["TOPCon module prices latest - US vs EU vs China?"],
    "price", [(x[0], x[2]) for x in vals.values()], ["US"],
    "real parquet: Module n-type TOPCon latest per region (US, EU, China); US most expensive")

v, ds, u = pext(R, "Module", "n-type TOPCon", "EU", "min")
add(R, prc, ["whats the lowest EU TOPCon module price on record in the data?"],
    "price", [(v, u)], [], f"real parquet: Module n-type TOPCon EU min over series (dates {[str(x.date()) for x in ds]})")

a, d0, u = pfirst(R, "Module", "n-type TOPCon", "China")
b, d1, _ = plast(R, "Module", "n-type TOPCon", "China")
add(R, prc, ["Chinese n-type TOPCon module price: % change from the first observation in the data to the latest?"],
    "price", [(pct(a, b), "%"), (a, u), (b, u)], [],
    f"real parquet: Module n-type TOPCon China first {d0.date()} vs latest {d1.date()}")

v, u = pmonth(R, "Copper", "Copper", "Overseas", "2024-03")
add(R, prc, ["copper price in March 2024? cabling is a big chunk of our BoS budget"],
    "price", [(v, u)], [], "real parquet: Copper Overseas monthly, 2024-03")

v, u = pmonth(R, "Silver", "Silver", "Overseas", "2025-01", unit="K US$/t")
add(R, prc, ["Silver price Jan 2025? cell makers in our book keep flagging paste costs"],
    "price", [(v, u)], [], "real parquet: Silver Overseas monthly 2025-01 (unit K US$/t)")

v, ds, u = pext(R, "Polysilicon", "High purity - 9N/9N+", "Overseas", "max")
add(R, prc, ["Peak price for high purity (9N/9N+) polysilicon outside China (Overseas) - how high and when?"],
    "price", [(v, u)], [str(ds[0].year)] if len({x.year for x in ds}) == 1 else [],
    f"real parquet: Polysilicon High purity - 9N/9N+ Overseas max ({[str(x.date()) for x in ds]})")

v, n, u = pavg(R, "EVA", "EVA", "Overseas", "2024-01-01", "2024-12-31")
add(R, prc, ["Average EVA price over calendar 2024?"],
    "price", [(v, u)], [], f"real parquet: EVA Overseas monthly mean of {n} obs in 2024")

a, u = pmonth(R, "Aluminium", "Aluminium", "Overseas", "2024-01")
b, _ = pmonth(R, "Aluminium", "Aluminium", "Overseas", "2025-01")
add(R, prc, ["Mounting structures are mostly alu. % change in the aluminium price Jan 2024 -> Jan 2025?"],
    "price", [(pct(a, b), "%")], [], "real parquet: Aluminium Overseas monthly 2024-01 vs 2025-01")

h = plast(R, "Module", "n-type HJT", "US")
t = plast(R, "Module", "n-type TOPCon", "US")
add(R, prc, ["US module prices: HJT vs TOPCon, latest quotes for each?"],
    "price", [(h[0], h[2]), (t[0], t[2])], [],
    f"real parquet: Module US n-type HJT latest {h[1].date()} vs n-type TOPCon latest {t[1].date()}")

v, d, u = plast(R, "PV glass", "Glass 3,2mm", "China")
add(R, prc, ["latest price of 3.2mm PV glass in China?"],
    "price", [(v, u)], [], f"real parquet: PV glass Glass 3,2mm China latest {d.date()}")

regs = ["China", "EU", "US", "Overseas", "Australia"]
vals = {reg: plast(R, "Module", "p-type mono-Si PERC M10", reg) for reg in regs}
cheap = min(vals, key=lambda k: vals[k][0])
add(R, prc, ["Which region has the cheapest p-type PERC M10 modules on the latest quote, and at what price?"],
    "price", [(vals[cheap][0], vals[cheap][2])], [cheap],
    "real parquet: Module p-type mono-Si PERC M10 latest per region; min")

# ======================================================= REAL: unanswerable
U(R, mkt, ["We co-finance hybrid parks in Spain. How much wind capacity was added in Spain in 2024?"],
  "wind capacity is not in the data (PV only)")
U(R, mkt, ["Battery storage installed alongside PV in Germany in 2024, in MWh?"],
  "storage capacity is not in the data")
U(R, mkt, ["Need a merchant tail check: Italian PV generation in 2024 in GWh?"],
  "generation (GWh) is not held, only capacity in MW")
U(R, mkt, ["What's the LCOE of utility-scale PV in Spain right now?"],
  "LCOE is not in the data")
U(R, mkt, ["Average PPA price for solar in Spain 2024 (EUR/MWh)?"],
  "PPA prices / tariffs are not in the data")
U(R, mkt, ["How many people work in the Polish PV sector?"],
  "jobs are not in the data")
U(R, mkt, ["Size of the Romanian PV market in 2024 in EUR (investment value)?"],
  "market value in EUR is not in the data")
U(R, mkt, ["Serbia is opening up, first auctions done. What's the forecast for Serbian PV installs in 2027?"],
  "no forecast rows exist for Serbia (historical data only)")
U(R, mkt, ["Greece: what will the cumulative installed base be at end of 2028, most probable case?"],
  "forecast cumulative values in the real CSV exclude the installed base; cannot be answered reliably")
U(R, mkt, ["germany total installed PV fleet in 2030 under the high scenario?"],
  "forecast cumulative values in the real CSV exclude the installed base; cannot be answered reliably")
U(R, mkt, ["How much PV capacity is installed in Andalusia?"],
  "sub-national (regional) data is not in the data")
U(R, mkt, ["Uzbekistan PV additions in 2024? lots of IFI-backed deals there"],
  "Uzbekistan is not in the data")
U(R, mkt, ["Spain annual PV additions in 2035, most probable?"],
  "forecasts end in 2030")
U(R, prc, ["Latest central inverter price per Wac?"],
  "inverters are not among the price items")
U(R, prc, ["Tracker / structural steel prices latest? ground-mount capex check"],
  "steel and trackers are not among the price items")
U(R, prc, ["TOPCon module price in Japan, latest?"],
  "Japan is not a price region in the data")
U(R, prc, ["What share of total PV plant capex is the module in 2024?"],
  "capex breakdown / share of a price is not in the data")
U(R, prc, ["What will EU TOPCon module prices be in 2026?"],
  "price forecasts are not in the data")

# ======================================================= REAL: financials (sample file, real instance)
v, u = fv(HEL, "FY2024", "Net income")
add(R, fnc, ["Helios Modules is one of our module-maker credits. FY2024 net income?"],
    "financial", [(v, u)], [], "financials.csv: Helios FY2024 Net income")

v, u = fv(SUN, "2024-Q4", "Net income")
add(R, fnc, ["Helios net income in Q4 2024?", "and SunForge?"],
    "follow_up", [(v, u)], [], "financials.csv: SunForge 2024-Q4 Net income")

U(R, fnc, ["LONGi's net income in Q3 2024?"],
  "LONGi is not in the financials")
U(R, fnc, ["Net debt / EBITDA for Helios Modules at FY2024? covenant test"],
  "net debt and EBITDA are not among the metrics")

# ======================================================= SAMPLE: market
v = mv(S, "Spain", 2024)
add(S, mkt, ["spain PV additions 2024?"],
    "lookup", [(v, MW)], [], "sample market: Spain 2024 HP Total Annual")

v = mv(S, "Italy", 2030, "Cumulative", scen=MP)
add(S, mkt, ["Tenor on this Italian deal runs to 2040, so - Italy's installed base at end 2030, most probable forecast?"],
    "lookup", [(v, MW)], [], "sample market: Italy 2030 Forecast - Most probable Total Cumulative")

top = rank(S, countries(S), 2024, n=3)
add(S, mkt, ["Rank the countries by 2024 PV installs, top 3"],
    "rank", [(x, MW) for _, x in top], [t for t, _ in top], "sample market: 2024 HP Total Annual, countries, top 3")

top = rank(S, countries(S), 2030, scen=MP, n=3)
add(S, mkt, ["Which 3 countries are forecast to install the most PV in 2030 (most probable)?"],
    "rank", [(x, MW) for _, x in top], [t for t, _ in top], "sample market: 2030 Forecast - Most probable Total Annual, top 3")

a, w = mv(S, "Italy", 2024), mv(S, "World", 2024)
add(S, mkt, ["Italy's share of the global PV market in 2024?"],
    "share", [(a / w * 100, "%")], [], "sample market: Italy / World 2024 HP Total Annual")

a, t = mv(S, "Poland", 2024, conn="Distributed"), mv(S, "Poland", 2024)
add(S, mkt, ["Poland - how much of 2024's new PV was distributed, as a % of the total?"],
    "share", [(a / t * 100, "%")], [], "sample market: Poland 2024 HP Annual Distributed / Total")

a, b = mv(S, "Netherlands", 2015, "Cumulative"), mv(S, "Netherlands", 2024, "Cumulative")
add(S, mkt, ["CAGR of the Dutch installed base 2015-2024?"],
    "change", [(cagr(a, b, 9), "%")], [], "sample market: Netherlands HP Total Cumulative CAGR 2015->2024 (9 yrs)")

a, b = mv(S, "World", 2023), mv(S, "World", 2024)
add(S, mkt, ["How much did global PV installations grow y/y in 2024, %?"],
    "change", [(pct(a, b), "%")], [], "sample market: World HP Total Annual (2024-2023)/2023")

a, b = mv(S, "Spain", 2024), mv(S, "Spain", 2025, scen=LOW)
add(S, mkt, ["Stress case: if Spain follows the low scenario, how many MW lower would 2025 additions be vs 2024 actuals?"],
    "change", [(b - a, MW)], [], "sample market: Spain 2025 Forecast - Low Annual minus 2024 HP Annual")

fr, nl = mv(S, "France", 2024, "Cumulative"), mv(S, "Netherlands", 2024, "Cumulative")
add(S, mkt, ["France vs Netherlands installed base end-2024, which is bigger?"],
    "compare", [(fr, MW), (nl, MW)], ["Netherlands" if nl > fr else "France"],
    "sample market: 2024 HP Total Cumulative France vs Netherlands")

hi, lo = mv(S, "World", 2030, scen=HIGH), mv(S, "World", 2030, scen=LOW)
add(S, mkt, ["Global 2030 PV market: high vs low scenario, and the ratio between them?"],
    "compare", [(hi, MW), (lo, MW), (hi / lo, "x")], [], "sample market: World 2030 Annual High vs Low, ratio high/low")

y, x = extreme(S, "Netherlands", range(2015, 2025))
add(S, mkt, ["When did the Netherlands have its peak year for PV installs (actuals)?"],
    "extreme", [(x, MW)], [y], "sample market: Netherlands HP Total Annual 2015-2024 max")

y, x = extreme(S, "Spain", range(2015, 2025), fn=min)
add(S, mkt, ["Spanish market's weakest year in the historical data?"],
    "extreme", [(x, MW)], [y], "sample market: Spain HP Total Annual 2015-2024 min")

s = series(S, "Spain", range(2025, 2031), scen=MP)
add(S, mkt, ["Average annual PV additions Spain 2025-2030, base (most probable) case?"],
    "average", [(sum(s.values()) / len(s), MW)], [], "sample market: Spain Forecast - Most probable Annual mean 2025..2030")

s = series(S, "Germany", range(2025, 2031), scen=LOW)
add(S, mkt, ["Downside: total German PV additions over 2025-2030 in the low scenario?"],
    "sum", [(sum(s.values()), MW)], [], "sample market: Germany Forecast - Low Annual sum 2025..2030")

y, x = first_year_above(S, "Poland", 10000)
add(S, mkt, ["First year Poland's cumulative PV passed 10 GW?"],
    "first_latest", [(x, MW)], [y], "sample market: Poland HP Total Cumulative first year > 10000 MW")

yl = last_hist(sm, "Germany")
add(S, mkt, ["Most recent actual figure for German annual instals - which year and how much?"],
    "first_latest", [(mv(S, "Germany", yl), MW)], [yl], "sample market: Germany last HP year Total Annual")

s = series(S, "France", range(2015, 2025))
add(S, mkt, ["Total french PV installed over 2015-2024, sum of annual additions?"],
    "sum", [(sum(s.values()), MW)], [], "sample market: France HP Total Annual sum 2015..2024")

s = series(S, "Italy", range(2021, 2025))
add(S, mkt, ["Italian market average per year 2021-2024?"],
    "average", [(sum(s.values()) / len(s), MW)], [], "sample market: Italy HP Total Annual mean 2021..2024")

# sample follow-ups
v = mv(S, "Germany", 2024)
add(S, mkt, ["France PV instalations 2024?", "and Germany?"],
    "follow_up", [(v, MW)], [], "sample market: Germany 2024 HP Total Annual")

v = mv(S, "Spain", 2028, scen=HIGH)
add(S, mkt, ["Spain 2028 annual PV market, most probable?", "same for the high scenario"],
    "follow_up", [(v, MW)], [], "sample market: Spain 2028 Forecast - High Total Annual")

a, w = mv(S, "Italy", 2019), mv(S, "World", 2019)
add(S, mkt, ["Italy as % of world installs in 2024?", "what about 2019?"],
    "follow_up", [(a / w * 100, "%")], [], "sample market: Italy / World 2019 HP Total Annual")

a, b = mv(S, "Poland", 2015), mv(S, "Poland", 2024)
add(S, mkt, ["Germany: CAGR of annual installs 2015-2024?", "same for Poland"],
    "follow_up", [(cagr(a, b, 9), "%")], [], "sample market: Poland HP Total Annual CAGR 2015->2024 (9 yrs)")

# ======================================================= SAMPLE: prices
v, u = pmonth(S, "Polysilicon", "High purity - 9N/9N+", "China", "2024-06")
add(S, prc, ["Chinese polysilicon (9N/9N+) price in June 2024?"],
    "price", [(v, u)], [], "sample prices: Polysilicon High purity China 2024-06")

a, u = pmonth(S, "Module", "n-type TOPCon", "EU", "2024-06")
b, _ = pmonth(S, "Module", "n-type TOPCon", "China", "2024-06")
add(S, prc, ["EPC wants to source from China for a Spanish project. TOPCon module price EU vs China in June 2024, and the premium in %?"],
    "price", [(a, u), (b, u), (pct(b, a), "%")], [], "sample prices: Module n-type TOPCon EU vs China 2024-06; EU premium over China")

v, ds, u = pext(S, "Module", "n-type HJT", "India", "min")
add(S, prc, ["lowest HJT module price in India in the data?"],
    "price", [(v, u)], [], f"sample prices: Module n-type HJT India min ({[str(x.date()) for x in ds]})")

a, u = pmonth(S, "Module", "p-type mono-Si PERC M10", "US", "2023-01")
b, _ = pmonth(S, "Module", "p-type mono-Si PERC M10", "US", "2024-12")
add(S, prc, ["US PERC M10 module price, % change Jan 2023 to Dec 2024?"],
    "price", [(pct(a, b), "%")], [], "sample prices: Module p-type mono-Si PERC M10 US 2023-01 vs 2024-12")

v, n, u = pavg(S, "PV glass", "Glass 3,2mm", "EU", "2024-01-01", "2024-12-31")
add(S, prc, ["Average 3.2 mm solar glass price in the EU during 2024?"],
    "price", [(v, u)], [], f"sample prices: PV glass 3,2mm EU mean of {n} monthly obs 2024")

vals = {reg: pmonth(S, "Module", "n-type TOPCon", reg, "2024-12") for reg in ["China", "EU", "India", "US"]}
cheap = min(vals, key=lambda k: vals[k][0])
add(S, prc, ["Cheapest region for TOPCon modules in December 2024?"],
    "price", [(vals[cheap][0], vals[cheap][1])], [cheap], "sample prices: Module n-type TOPCon 2024-12 per region, min")

v, ds, u = pext(S, "Wafer", "n-type mono-Si M10", "China", "max")
assert len(ds) == 1
add(S, prc, ["max price of n-type M10 wafers in China and in which month?"],
    "price", [(v, u)], [ds[0].strftime("%Y")], f"sample prices: Wafer n-type mono-Si M10 China max {ds[0].date()}")

v, d, u = plast(S, "Polysilicon", "High purity - 9N/9N+", "China")
add(S, prc, ["Latest EU polysilicon price (high purity)?", "and China?"],
    "follow_up", [(v, u)], [], f"sample prices: Polysilicon High purity China latest {d.date()}")

# ======================================================= SAMPLE: financials
v, u = fv(AUR, "2024-Q3", "Module shipments")
add(S, fnc, ["Aurora PV module shipments in Q3 2024?"],
    "financial", [(v, u)], [], "financials.csv: Aurora 2024-Q3 Module shipments")

vals = {c: fv(c, "FY2024", "Net income")[0] for c in COMPANIES}
best = max(vals, key=vals.get)
add(S, fnc, ["Of the module makers in the data, who had the highest FY2024 net income?"],
    "financial", [(vals[best], "USD million")], [best.replace(" (sample)", "")],
    "financials.csv: FY2024 Net income max across companies")

a, u = fv(HEL, "2024-Q1", "Gross margin")
b, _ = fv(HEL, "2024-Q4", "Gross margin")
add(S, fnc, ["Helios gross margin Q1 2024 vs Q4 2024? seeing compression?"],
    "financial", [(a, u), (b, u)], [], "financials.csv: Helios Gross margin 2024-Q1 and 2024-Q4")

a, u = fv(SUN, "FY2024", "Production capacity")
b, _ = fv(AUR, "FY2024", "Production capacity")
add(S, fnc, ["Production capacity at FY2024: SunForge vs Aurora?"],
    "financial", [(a, u), (b, u)], [], "financials.csv: FY2024 Production capacity SunForge, Aurora")

qs = ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
gm = {q: fv(AUR, q, "Gross margin")[0] for q in qs}
worst = min(gm, key=gm.get)
assert list(gm.values()).count(gm[worst]) == 1
add(S, fnc, ["Aurora PV: lowest quarterly gross margin 2023-2024 and which quarter?"],
    "financial", [(gm[worst], "%")], [worst.split("-")[1], worst.split("-")[0]], "financials.csv: Aurora quarterly Gross margin min")

a, u = fv(SUN, "FY2023", "Revenue")
b, _ = fv(SUN, "FY2024", "Revenue")
add(S, fnc, ["SunForge's revenue FY2024 and the % change vs FY2023?"],
    "financial", [(b, u), (pct(a, b), "%")], [], "financials.csv: SunForge Revenue FY2024, (FY2024-FY2023)/FY2023")

v, u = fv(NOR, "FY2024", "Gross margin")
add(S, fnc, ["Nordlicht Solar gross margin FY2023?", "and FY2024?"],
    "follow_up", [(v, u)], [], "financials.csv: Nordlicht FY2024 Gross margin")

U(S, fnc, ["Helios Modules revenue for FY2022?"],
  "financials only cover 2023 and 2024")
U(S, fnc, ["What's the order backlog / contracted volume at SunForge end 2024?"],
  "order backlog is not among the metrics")

# ======================================================= SAMPLE: unanswerable
U(S, mkt, ["Portugal PV installations 2024?"],
  "Portugal is not in the sample market data")
U(S, mkt, ["Greece forecast for 2026, most probable?"],
  "Greece is not in the sample market data")
U(S, mkt, ["German PV additions in 2014?"],
  "sample market starts in 2015")
U(S, mkt, ["Onshore wind additions in Poland 2024? thinking about a hybrid"],
  "wind is not in the data")
U(S, mkt, ["What's the average capacity factor for Spanish PV?"],
  "capacity factor / yield is not in the data")
U(S, prc, ["Silver price latest?"],
  "silver is not among the sample price items")
U(S, prc, ["Polysilicon price in China back in mid-2022?"],
  "sample prices start in January 2023")

# premises of the unanswerable items hold
assert "Uzbekistan" not in set(rm.Territory)
assert rm[(rm.Territory == "Serbia") & rm.Scenario.str.startswith("Forecast")].empty
assert rm.Year.max() == 2030 and rm.Year.min() == 1992
assert "Japan" not in set(rp.region)
assert not rp.item.str.contains("nverter|teel|racker|ithium", regex=True).any()
assert not {"Portugal", "Greece"} & set(sm.Territory)
assert sm.Year.min() == 2015
assert "Silver" not in set(sp.item)
assert sp.date.min() >= pd.Timestamp("2023-01-01")
assert "LONGi" not in " ".join(fin.company.unique())
assert set(fin.metric) == {"Revenue", "Gross margin", "Net income", "Module shipments", "Production capacity"}
assert not fin.period.str.contains("2022").any()

# ---------------------------------------------------------------- write
for i, q in enumerate(Q, 1):
    q["id"] = f"lender-{i:03d}"


def clean(o):
    if isinstance(o, float):
        return round(o, 10)
    if isinstance(o, dict):
        return {k: clean(v) for k, v in o.items()}
    if isinstance(o, list):
        return [clean(v) for v in o]
    return o


with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
    for q in Q:
        f.write(json.dumps(clean(q), ensure_ascii=False) + "\n")

# ---------------------------------------------------------------- self-check
ids = [q["id"] for q in Q]
assert len(ids) == len(set(ids)), "duplicate ids"
n_un = sum(not q["answerable"] for q in Q)
chains = sum(len(q["turns"]) >= 2 for q in Q)
assert len(Q) >= 110, len(Q)
assert n_un >= 28, n_un
assert chains >= 12, chains
for q in Q:
    if q["answerable"]:
        assert q["expect"] or q["names"], q["id"]
        for e in q["expect"]:
            assert e["value"] == e["value"], q["id"]  # not NaN
    else:
        assert q["why"], q["id"]
    assert q["kind"] in {"lookup", "rank", "share", "change", "compare", "extreme", "average",
                         "sum", "first_latest", "price", "financial", "follow_up", "unanswerable"}
n_fin = sum(q["agent"] == fnc for q in Q)
print(f"items: {len(Q)}  unanswerable: {n_un}  chains: {chains}  financial items: {n_fin}")
print("per data:", dict(Counter(q["data"] for q in Q)))
print("per agent:", dict(Counter(q["agent"] for q in Q)))
print("per kind:", dict(sorted(Counter(q["kind"] for q in Q).items())))
print("kind x data:")
for (k, d), n in sorted(Counter((q["kind"], q["data"]) for q in Q).items()):
    print(f"  {k:13s} {d:6s} {n}")
