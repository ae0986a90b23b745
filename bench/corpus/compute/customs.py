"""Writer `customs`: computes every expected figure from the data files and writes questions.jsonl."""
import json
from collections import Counter
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
W = "customs"

# ---------------------------------------------------------------- data
REAL_M = pd.read_csv("/work/shared/datasets/market-database-fy.csv").drop_duplicates()
REAL_P = pd.read_parquet("/work/shared/datasets/component-prices.parquet")
SAMP_M = pd.read_csv("/work/main/data/sample/market.csv")
SAMP_P = pd.read_csv("/work/main/data/sample/prices.csv", parse_dates=["date"])
FIN = pd.read_csv("/work/main/data/sample/financials.csv")
REAL_P["date"] = pd.to_datetime(REAL_P["date"])

MKT = {"real": REAL_M, "sample": SAMP_M}
PRC = {"real": REAL_P, "sample": SAMP_P}

AGGREGATES = {"ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia",
              "Central Europe", "EU", "East Asia", "East Europe", "Eurasia", "Europe",
              "Middle East", "North Africa", "North America", "North Europe", "Oceania", "RoW",
              "South America", "South Asia", "South Europe", "Southeast Asia",
              "Southern Africa", "World"}
EU27 = ["Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic", "Denmark",
        "Estonia", "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy",
        "Latvia", "Lithuania", "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal",
        "Romania", "Slovakia", "Slovenia", "Spain", "Sweden"]
SCEN = {None: None, "high": "Forecast - High", "low": "Forecast - Low",
        "mp": "Forecast - Most probable"}


def last_hist(data, terr):
    df = MKT[data]
    return int(df[(df.Territory == terr) & (df.Scenario == "Historical Primary")].Year.max())


def scen_for(data, terr, year, scen=None):
    if scen is not None:
        return SCEN[scen]
    return "Historical Primary" if year <= last_hist(data, terr) else "Forecast - Most probable"


def mv(data, terr, year, typ="Annual", conn="Total", scen=None):
    """One market value under the brief's conventions."""
    df = MKT[data]
    if data == "real" and typ == "Cumulative":
        assert year <= last_hist(data, terr), "no forecast cumulative on real data"
    s = scen_for(data, terr, year, scen)
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (data, terr, year, typ, conn, s, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def mseries(data, terr, years, typ="Annual", conn="Total", scen=None):
    return {y: mv(data, terr, y, typ, conn, scen) for y in years}


def hseries(data, terr, typ="Annual", conn="Total"):
    """All Historical Primary years held for a territory (gaps allowed)."""
    df = MKT[data]
    r = df[(df.Territory == terr) & (df.Scenario == "Historical Primary") & (df.Connection == conn) & (df.Type == typ)]
    assert not r.Year.duplicated().any()
    return r.set_index("Year")["Capacity(MW)"].sort_index().astype(float)


def countries(data):
    return sorted(set(MKT[data].Territory) - AGGREGATES)


def rank(data, year, typ="Annual", conn="Total", n=3, pool=None, ascending=False):
    pool = pool or countries(data)
    vals = {}
    for c in pool:
        try:
            vals[c] = mv(data, c, year, typ, conn)
        except AssertionError:
            pass
    s = pd.Series(vals).sort_values(ascending=ascending)
    return s.head(n)


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def pseries(data, item, desc, region, unit=None):
    df = PRC[data]
    s = df[(df["item"] == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        s = s[s.unit == unit]
    assert len(s) > 0, (item, desc, region)
    assert s.unit.nunique() == 1, (item, desc, region, s.unit.unique())
    return s.sort_values("date")


def p_at(s, date):
    r = s[s.date == pd.Timestamp(date)]
    assert len(r) == 1, (date, len(r))
    return float(r.base_price.iloc[0])


def p_month(s, y, m):
    r = s[(s.date.dt.year == y) & (s.date.dt.month == m)]
    assert len(r) == 1, (y, m, len(r))
    return float(r.base_price.iloc[0])


def p_latest(s):
    d = s.date.max()
    r = s[s.date == d]
    assert len(r) == 1, ("latest not unique", len(r))
    return float(r.base_price.iloc[0]), d


def fin(company, period, metric):
    r = FIN[(FIN.company.str.startswith(company)) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0])


# ---------------------------------------------------------------- items
ITEMS = []


def add(data, agent, turns, kind, expect=(), names=(), how="", why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {"id": f"{W}-{len(ITEMS) + 1:03d}", "writer": W, "data": data, "agent": agent,
          "turns": list(turns), "answerable": why is None, "kind": kind,
          "expect": [{"value": float(v), "unit": u} for v, u in expect],
          "names": [str(n) for n in names], "how": how}
    if why is not None:
        it["why"] = why
        it["kind"] = "unanswerable"
        it["expect"] = []
        it["names"] = []
    ITEMS.append(it)


def nope(data, agent, turns, why):
    add(data, agent, turns, "unanswerable", why=why, how="not in data")


R, S = "real", "sample"
MW, USWP = "MW", "US$/Wp"

# ================================================================ REAL: market
# --- lookups
add(R, "market", "Ref. import monitoring file, Annex II. Cumulative PV capacty installed in Poland at end 2024, in MW?",
    "lookup", [(mv(R, "Poland", 2024, "Cumulative"), MW)],
    how="real CSV: Poland 2024 Historical Primary Total Cumulative")
add(R, "market", "For the MS comparison table: Spain's distributed segment, new installations in 2024.",
    "lookup", [(mv(R, "Spain", 2024, conn="Distributed"), MW)],
    how="real CSV: Spain 2024 Historical Primary Distributed Annual")
add(R, "market", "Case note: module shipments CN->PK surged last year. How many MW did Pakistan actually install in 2024?",
    "lookup", [(mv(R, "Pakistan", 2024), MW)],
    how="real CSV: Pakistan 2024 Historical Primary Total Annual")
add(R, "market", "Input for the safeguard needs assessment. EU-level annual PV market 2027, most probable forecast — figure in MW pls.",
    "lookup", [(mv(R, "EU", 2027, scen="mp"), MW)],
    how="real CSV: EU 2027 Forecast - Most probable Total Annual")

# --- rankings (countries only)
top = rank(R, 2024, n=5)
add(R, "market", "Expiry review file, section on global demand context. Top 5 countries by new PV capacity in 2024, with MW.",
    "rank", [(v, MW) for v in top.values], list(top.index),
    how="real CSV: 2024 Historical Primary Total Annual, countries only (aggregates excluded), top 5")
top = rank(R, 2023, "Cumulative", n=3, pool=EU27)
add(R, "market", "Comparing MS import volumes against installed base. Which three EU member states had the largest installed PV base at end of 2023?",
    "rank", [(v, MW) for v in top.values], list(top.index),
    how="real CSV: EU27 members, 2023 Historical Primary Total Cumulative, top 3")
top = rank(R, 2023, n=3)
add(R, "market", "Ranking of national markets 2023 by annual additions — who was no. 3?",
    "rank", [(top.values[2], MW)], [top.index[2]],
    how="real CSV: 2023 Historical Primary Total Annual, countries only, 3rd place")
top = rank(R, 2024, conn="Distributed", n=3)
add(R, "market", "Rooftop kits are declared under a different heading at import. Distributed (rooftop) segment only: top 3 countries by additions in 2024?",
    "rank", [(v, MW) for v in top.values], list(top.index),
    how="real CSV: 2024 Historical Primary Distributed Annual, countries only, top 3")

# --- shares
add(R, "market", "Re: overcapacity memo. China's share of global PV additions in 2024, %?",
    "share", [(mv(R, "China", 2024) / mv(R, "World", 2024) * 100, "%")],
    how="real CSV: China / World, 2024 Historical Primary Total Annual")
add(R, "market", "Share of distributed in Germany's 2024 installations?",
    "share", [(mv(R, "Germany", 2024, conn="Distributed") / mv(R, "Germany", 2024) * 100, "%")],
    how="real CSV: Germany 2024 Annual, Distributed / Total")
add(R, "market", "Background for DG TRADE briefing. What share of the world's cumulative PV capacity sat in the EU at end-2024?",
    "share", [(mv(R, "EU", 2024, "Cumulative") / mv(R, "World", 2024, "Cumulative") * 100, "%")],
    how="real CSV: EU / World, 2024 Historical Primary Total Cumulative")

# --- change
a, b = mv(R, "USA", 2023), mv(R, "USA", 2024)
add(R, "market", "Statistical bulletin, third-country markets. y/y change in US PV additions, 2024 vs 2023, in %.",
    "change", [(pct(a, b), "%")], how="real CSV: USA Annual Total 2023->2024 % change")
a, b = mv(R, "Brazil", 2019, "Cumulative"), mv(R, "Brazil", 2024, "Cumulative")
add(R, "market", "Ref. market-growth indicator. CAGR of Brazil's installed base 2019-2024?",
    "change", [(cagr(a, b, 5), "%")], how="real CSV: Brazil Cumulative Total 2019 and 2024, CAGR over 5 years")
a, b = mv(R, "Pakistan", 2023), mv(R, "Pakistan", 2024)
add(R, "market", "Follow-up to the Pakistan note. Absolute increase in Pakistan's annual instalations from 2023 to 2024, MW",
    "change", [(b - a, MW)], how="real CSV: Pakistan Annual Total 2024 minus 2023")
a, b = mv(R, "China", 2020), mv(R, "China", 2024)
add(R, "market", "Chinese domestic demand absorbs part of the module overcapacity. Growth rate (CAGR) of China's annual additions 2020 to 2024?",
    "change", [(cagr(a, b, 4), "%")], how="real CSV: China Annual Total 2020 and 2024, CAGR over 4 years")

# --- comparisons
a, b = mv(R, "Spain", 2024), mv(R, "Italy", 2024)
add(R, "market", "Two MS with high module import volumes last year. Spain vs Italy, new PV 2024 — which is bigger and by how many MW?",
    "compare", [(a, MW), (b, MW), (a - b, MW)], ["Spain"],
    how="real CSV: Spain and Italy 2024 Annual Total; difference Spain - Italy")
vals = {c: mv(R, c, 2024, "Cumulative") for c in ["Germany", "France", "Netherlands"]}
add(R, "market", "DE / FR / NL — cumulative PV capacity end 2024, side by side.",
    "compare", [(v, MW) for v in vals.values()], list(vals),
    how="real CSV: 2024 Historical Primary Total Cumulative for Germany, France, Netherlands")
a, b = mv(R, "India", 2024), mv(R, "USA", 2024)
add(R, "market", "How many times larger was the US market than India's in 2024 (annual additions)?",
    "compare", [(b / a, "x")], how="real CSV: USA / India 2024 Annual Total")

# --- extremes
s = hseries(R, "Italy")
add(R, "market", "Record year for Italian PV additions in the historical series?",
    "extreme", [(s.max(), MW)], [int(s.idxmax())],
    how="real CSV: Italy Annual Total Historical Primary 1992-2024, max")
s = pd.Series(mseries(R, "Germany", range(2010, 2025)))
add(R, "market", "Checking the dip after the 2013 AD/AS measures on CN modules. Lowest year for German annual installations since 2010 (2010-2024)?",
    "extreme", [(s.min(), MW)], [int(s.idxmin())],
    how="real CSV: Germany Annual Total 2010-2024, min")
s = hseries(R, "Czech Republic")
add(R, "market", "Czech Republic (relevant to the 2010 FIT boom file): in which historical year did annual PV additions peak?",
    "extreme", [(s.max(), MW)], [int(s.idxmax())],
    how="real CSV: Czech Republic Annual Total Historical Primary 2007-2024 (full span), max")

# --- averages
s = mseries(R, "France", range(2020, 2025))
add(R, "market", "French customs flagged rising module declarations. Average annual PV additions in France 2020-2024 (5 yrs)?",
    "average", [(sum(s.values()) / len(s), MW)], how="real CSV: France Annual Total 2020..2024 mean")
s = mseries(R, "Netherlands", range(2019, 2024))
add(R, "market", "Mean yearly installs NL over 2019-2023, MW",
    "average", [(sum(s.values()) / len(s), MW)], how="real CSV: Netherlands Annual Total 2019..2023 mean")

# --- sums
vals = [mv(R, c, 2024) for c in ["Germany", "France", "Italy"]]
add(R, "market", "Combined 2024 additions of Germany, France and Italy?",
    "sum", [(sum(vals), MW)], how="real CSV: sum of 2024 Annual Total for Germany, France, Italy")
s = mseries(R, "EU", range(2025, 2031), scen="mp")
add(R, "market", "Projection of import needs to 2030. Sum of EU annual additions 2025-2030 in the most probable scenario?",
    "sum", [(sum(s.values()), MW)], how="real CSV: EU Annual Total Forecast - Most probable 2025..2030 summed")

# --- first / latest
s = pd.Series(mseries(R, "China", range(2000, 2025)))
y = int(s[s > 10000].index.min())
add(R, "market", "First year China's annual installations exceeded 10,000 MW?",
    "first_latest", [(s[y], MW)], [y], how="real CSV: China Annual Total, first year > 10000 MW")
y = last_hist(R, "Türkiye")
add(R, "market", "Latest available historical figure for Türkiye's cumulative PV capacity — which year and how much?",
    "first_latest", [(mv(R, "Türkiye", y, "Cumulative"), MW)], [y],
    how="real CSV: Türkiye last Historical Primary year, Total Cumulative")

# --- follow-up chains (real)
add(R, "market", ["Plausibility check on declared module imports. Annual PV additions Germany 2024?", "and France?"],
    "follow_up", [(mv(R, "France", 2024), MW)], how="real CSV: France 2024 Annual Total")
add(R, "market", ["EU installations 2026, most probable forecast?", "same for the low scenario"],
    "follow_up", [(mv(R, "EU", 2026, scen="low"), MW)], how="real CSV: EU 2026 Forecast - Low Total Annual")
top = rank(R, 2020, "Cumulative", n=3)
add(R, "market", ["Top 3 countries by cumulative PV capacity at end 2024?", "what about 2020?"],
    "follow_up", [(v, MW) for v in top.values], list(top.index),
    how="real CSV: 2020 Historical Primary Total Cumulative, countries only, top 3")
add(R, "market", ["Share of centralised in India's 2024 additions?", "And for Brazil?"],
    "follow_up", [(mv(R, "Brazil", 2024, conn="Centralised") / mv(R, "Brazil", 2024) * 100, "%")],
    how="real CSV: Brazil 2024 Annual Centralised / Total")
s = mseries(R, "Netherlands", range(2020, 2025))
add(R, "market", ["Dutch ports handle a large part of the EU module inflow. Netherlands' annual installations 2020-2024?", "as a chart pls"],
    "follow_up", [(v, MW) for v in s.values()], how="real CSV: Netherlands Annual Total 2020..2024")
a, b = mv(R, "Poland", 2022, "Cumulative"), mv(R, "Poland", 2023, "Cumulative")
add(R, "market", ["Polish cumulative capacity end 2023?", "y/y growth vs 2022 in %?"],
    "follow_up", [(pct(a, b), "%")], how="real CSV: Poland Cumulative Total 2022->2023 % change")
s = hseries(R, "Spain")
add(R, "market", ["Peak year for Italian annual additions, historical data?", "and for Spain?"],
    "follow_up", [(s.max(), MW)], [int(s.idxmax())],
    how="real CSV: Spain Annual Total Historical Primary 2001-2024, max")
add(R, "market", ["Germany 2028 annual market, most probable?", "high scenario?", "and low?"],
    "follow_up", [(mv(R, "Germany", 2028, scen="low"), MW)],
    how="real CSV: Germany 2028 Forecast - Low Total Annual")

# ================================================================ REAL: prices
s = pseries(R, "Module", "n-type TOPCon", "EU")
v, d = p_latest(s)
add(R, "price", "Latest n-type TOPCon module price, EU region?",
    "price", [(v, USWP)], [d.strftime("%Y")], how=f"real parquet: Module / n-type TOPCon / EU, newest date {d.date()}")
se = pseries(R, "Module", "n-type TOPCon", "EU"); su = pseries(R, "Module", "n-type TOPCon", "US")
ve, de = p_latest(se); vu, du = p_latest(su)
assert de == du
add(R, "price", "Ref. AD/AS monitoring, price undercutting file. Compare latest TOPCon module prices EU vs US — both values and the gap.",
    "price", [(ve, USWP), (vu, USWP), (vu - ve, USWP)], ["US"],
    how=f"real parquet: Module n-type TOPCon EU and US, newest date {du.date()}; gap US - EU")
s = pseries(R, "Module", "n-type TOPCon", "China")
add(R, "price", "Chinese n-type TOPCon module price in the week of 5 June 2024?",
    "price", [(p_at(s, "2024-06-05"), USWP)], how="real parquet: Module / n-type TOPCon / China, 2024-06-05")
s = pseries(R, "Copper", "Copper", "Overseas")
add(R, "price", "Raw material cost monitoring for the AS investigation. copper price March 2024 (monthly), US$/t",
    "price", [(p_month(s, 2024, 3), "US$/t")], how="real parquet: Copper / Overseas, 2024-03 monthly")
s = pseries(R, "Aluminium", "Aluminium", "Overseas")
a, b = p_month(s, 2024, 1), p_month(s, 2025, 1)
add(R, "price", "Aluminium (frames) — % change Jan 2024 to Jan 2025?",
    "price", [(pct(a, b), "%")], how="real parquet: Aluminium / Overseas, 2024-01 and 2025-01, % change")
s = pseries(R, "EVA", "EVA", "Overseas")
i = s.base_price.idxmin()
assert (s.base_price == s.base_price.min()).sum() == 1
add(R, "price", "EVA encapsulant: lowest price over the whole series and when?",
    "price", [(s.base_price.min(), "US$/t")], [s.loc[i, "date"].strftime("%Y")],
    how="real parquet: EVA / Overseas monthly series, min (unique)")
s = pseries(R, "Polysilicon", "High purity - 9N/9N+", "Overseas")
add(R, "price", "Max recorded price for high-purity (9N/9N+) polysilicon, Overseas, whole series?",
    "price", [(s.base_price.max(), "US$/kg")], how="real parquet: Polysilicon / High purity - 9N/9N+ / Overseas, max over all observations")
s = pseries(R, "Cell", "n-type TOPCon M10", "Overseas")
a = float(s.base_price.iloc[0]); b, d = p_latest(s)
add(R, "price", "Cells, n-type TOPCon M10, Overseas: % change from first observation to latest?",
    "price", [(pct(a, b), "%")], how=f"real parquet: Cell / n-type TOPCon M10 / Overseas, {s.date.iloc[0].date()} -> {d.date()}")
s = pseries(R, "Wafer", "n-type mono-Si M10", "Overseas")
v, d = p_latest(s)
add(R, "price", "n-type mono M10 wafer, latest Overseas quote?",
    "price", [(v, "US$/pce")], how=f"real parquet: Wafer / n-type mono-Si M10 / Overseas, newest {d.date()}")
s1 = pseries(R, "Module", "CdTe", "Overseas"); s2 = pseries(R, "Module", "p-type mono-Si PERC M10", "Overseas")
v1, d1 = p_latest(s1); v2, d2 = p_latest(s2)
assert d1 == d2
add(R, "price", "Thin film vs c-Si: latest CdTe module price compared with p-type PERC M10 module, both Overseas.",
    "price", [(v1, USWP), (v2, USWP)], ["CdTe"], how=f"real parquet: Module CdTe Overseas and PERC M10 Overseas, {d1.date()}")
s = pseries(R, "Module", "n-type HJT", "EU")
s24 = s[s.date.dt.year == 2024]
add(R, "price", "Average HJT module price in the EU region over calendar 2024 (all weekly obs)?",
    "price", [(s24.base_price.mean(), USWP)], how="real parquet: Module / n-type HJT / EU, mean of 2024 weekly observations")
d = pd.Timestamp("2025-03-26")
regs = {}
for r in ["China", "EU", "US", "Overseas"]:
    regs[r] = p_at(pseries(R, "Module", "p-type mono-Si PERC M10", r), d)
cheap = min(regs, key=regs.get)
add(R, "price", "p-type PERC M10 modules, 26 Mar 2025: which region was cheapest?",
    "price", [(regs[cheap], USWP)], [cheap], how="real parquet: Module PERC M10 by region on 2025-03-26, min")
s = pseries(R, "Silver", "Silver", "Overseas", unit="K US$/t")
add(R, "price", "Silver paste input costs — silver price January 2025?",
    "price", [(p_month(s, 2025, 1), "K US$/t")], how="real parquet: Silver / Overseas, 2025-01 (unit K US$/t)")
# price follow-up (real)
s = pseries(R, "Module", "n-type HJT", "US")
v, d = p_latest(s)
add(R, "price", ["Latest n-type HJT module price in China?", "and in the US?"],
    "follow_up", [(v, USWP)], how=f"real parquet: Module / n-type HJT / US newest {d.date()}")

# ================================================================ REAL: unanswerable
nope(R, "market", "Ref. CN 8541 43 00. Import volumes of PV modules into the EU from China in 2024, MW?",
     "the data holds installations, not import/trade flows by origin")
nope(R, "market", "Which anti-dumping duty rate currently applies to Chinese module imports into the EU?",
     "no tariff or duty data")
nope(R, "price", "Latest module price in Türkiye?", "no price series for the Türkiye region")
nope(R, "market", "Germany's cumulative PV capacity in 2030, most probable scenario?",
     "real CSV forecast cumulative values exclude the installed base; not a valid figure")
nope(R, "market", "Colleagues from the wind tower case asked. Wind capacity added in Spain 2024?", "wind not covered; PV only")
nope(R, "market", "Battery storage installed in Germany in 2024, MWh?", "storage not covered")
nope(R, "market", "PV electricity generation Italy 2023 in GWh?", "generation not held, only capacity")
nope(R, "market", "Circumvention case note: need Cambodia's PV installations 2023-2024.",
     "Cambodia not in the data")
nope(R, "market", "Quarterly report due. Q3 2024 installations in Germany (quarter only)?", "market data is annual only, no quarterly figures")
nope(R, "market", "EU annual PV additions forecast for 2035?", "forecasts end in 2030")
nope(R, "price", "Current inverter price per W, China?", "inverters are not among the price items")
nope(R, "price", "High-purity polysilicon price, EU region, latest?", "no EU-region polysilicon series in the price data")
nope(R, "price", "Cost construction check (normal value). What % of the TOPCon module price is polysilicon cost?", "share of a price / cost breakdown not held")
nope(R, "market", "Need a value figure for the Union interest analysis. Value of the French PV market in 2024 in EUR?", "no market value in currency, only MW")
nope(R, "market", "Average LCOE utility-scale PV Spain 2024?", "LCOE not held")
nope(R, "price", "Ref. price undertaking review. Average TOPCon module conversion efficiency 2024?",
     "efficiency not held")
nope(R, "market", "Monthly monitoring. Germany PV installations 2025 ytd (Jan-May)?", "market data is annual only; no monthly / year-to-date figures")
nope(R, "market", "German PV additions 1988?", "series starts in 1992")
nope(R, "manufacturer_financial", "LONGi revenue H1 2024?", "LONGi not in the financials (sample companies only)")

# ================================================================ REAL: financials (sample financials file)
add(R, "manufacturer_financial", "Cross-check against the company's declarations. Helios Modules — revenue 2024-Q3?",
    "financial", [(fin("Helios", "2024-Q3", "Revenue"), "USD million")], how="financials: Helios 2024-Q3 Revenue")
add(R, "manufacturer_financial", "Margin squeeze check. SunForge Energy gross margin FY2024?",
    "financial", [(fin("SunForge", "FY2024", "Gross margin"), "%")], how="financials: SunForge FY2024 Gross margin")
a, b = fin("Nordlicht", "FY2023", "Module shipments"), fin("Nordlicht", "FY2024", "Module shipments")
add(R, "manufacturer_financial", "EU producer injury indicators: Nordlicht Solar module shipments FY2023 vs FY2024, % change?",
    "financial", [(pct(a, b), "%")], how="financials: Nordlicht Module shipments FY2023->FY2024 % change")
rv = FIN[(FIN.period == "FY2024") & (FIN.metric == "Revenue")].sort_values("value", ascending=False)
add(R, "manufacturer_financial", "Rank the manufacturers by FY2024 revenue.",
    "financial", [(v, "USD million") for v in rv.value], [c.replace(" (sample)", "") for c in rv.company],
    how="financials: FY2024 Revenue, all companies, descending")
add(R, "manufacturer_financial", ["Aurora PV revenue FY2023?", "and FY2024?"],
    "follow_up", [(fin("Aurora", "FY2024", "Revenue"), "USD million")], how="financials: Aurora FY2024 Revenue")

# ================================================================ SAMPLE: market
add(S, "market", "Italy's new PV in 2023, MW?", "lookup", [(mv(S, "Italy", 2023), MW)],
    how="sample market: Italy 2023 Historical Primary Total Annual")
add(S, "market", "World cumulative PV 2030, low scenario?", "lookup",
    [(mv(S, "World", 2030, "Cumulative", scen="low"), MW)], how="sample market: World 2030 Forecast - Low Total Cumulative")
top = rank(S, 2024, n=3)
add(S, "market", "For the MS overview: top 3 countries 2024 by annual additions?", "rank",
    [(v, MW) for v in top.values], list(top.index), how="sample market: 2024 Annual Total, countries (World excluded), top 3")
bot = rank(S, 2024, n=1, ascending=True)
add(S, "market", "Which country had the smallest 2024 market (annual additions)?", "rank",
    [(bot.values[0], MW)], [bot.index[0]], how="sample market: 2024 Annual Total, countries, min")
add(S, "market", "Spain's share of world additions in 2024?", "share",
    [(mv(S, "Spain", 2024) / mv(S, "World", 2024) * 100, "%")], how="sample market: Spain / World 2024 Annual Total")
add(S, "market", "Netherlands 2023: distributed as share of total annual installs?", "share",
    [(mv(S, "Netherlands", 2023, conn="Distributed") / mv(S, "Netherlands", 2023) * 100, "%")],
    how="sample market: Netherlands 2023 Annual Distributed / Total")
a, b = mv(S, "Germany", 2015, "Cumulative"), mv(S, "Germany", 2024, "Cumulative")
add(S, "market", "Ref. growth annex, table 3. Germany installed base CAGR 2015-2024?", "change",
    [(cagr(a, b, 9), "%")], how="sample market: Germany Cumulative Total 2015 and 2024, CAGR 9 years")
a, b = mv(S, "France", 2025, scen="mp"), mv(S, "France", 2030, scen="mp")
add(S, "market", "France annual market, most probable: % change 2025 -> 2030?", "change",
    [(pct(a, b), "%")], how="sample market: France Annual Total Forecast - Most probable 2025->2030 % change")
a, b = mv(S, "Spain", 2030, "Cumulative", scen="mp"), mv(S, "Poland", 2030, "Cumulative", scen="mp")
add(S, "market", "Long-range demand projection, two MS. Compare Spain and Poland cumulative capacity 2030 (most probable).", "compare",
    [(a, MW), (b, MW)], ["Spain"], how="sample market: 2030 Forecast - Most probable Total Cumulative, Spain and Poland")
s = pd.Series({y: mv(S, "Netherlands", y) for y in range(2015, 2031)})
add(S, "market", "NL annual additions — peak year over the full series incl. forecast?", "extreme",
    [(s.max(), MW)], [int(s.idxmax())], how="sample market: Netherlands Annual Total 2015-2030 (HP to 2024, most probable after), max")
s = mseries(S, "World", range(2025, 2031), scen="high")
add(S, "market", "Avg annual world additions 2025-2030 under the high scenario?", "average",
    [(sum(s.values()) / len(s), MW)], how="sample market: World Annual Total Forecast - High 2025..2030 mean")
vals = [mv(S, c, 2024, "Cumulative") for c in ["Germany", "Netherlands"]]
add(S, "market", "Germany + Netherlands combined installed base end 2024?", "sum",
    [(sum(vals), MW)], how="sample market: 2024 Cumulative Total Germany + Netherlands")
s = pd.Series(mseries(S, "Spain", range(2015, 2025)))
y = int(s[s > 5000].index.min())
add(S, "market", "Spanish market took off after the auction rounds. First year Spain's annual additions went above 5,000 MW?", "first_latest",
    [(s[y], MW)], [y], how="sample market: Spain Annual Total, first year > 5000")
s = mseries(S, "France", range(2019, 2025))
add(S, "market", "average of France's yearly installations 2019–2024", "average",
    [(sum(s.values()) / len(s), MW)], how="sample market: France Annual Total 2019..2024 mean")

# --- sample follow-ups
add(S, "market", ["World annual additions 2030, most probable?", "high scenario?", "and low?"],
    "follow_up", [(mv(S, "World", 2030, scen="low"), MW)], how="sample market: World 2030 Forecast - Low Annual Total")
add(S, "market", ["Italy cumulative end 2022?", "what about 2024?"],
    "follow_up", [(mv(S, "Italy", 2024, "Cumulative"), MW)], how="sample market: Italy 2024 Cumulative Total")
a, b = mv(S, "Poland", 2020), mv(S, "Poland", 2024)
add(S, "market", ["Spain CAGR of annual additions 2020-2024?", "same for Poland"],
    "follow_up", [(cagr(a, b, 4), "%")], how="sample market: Poland Annual Total 2020 and 2024, CAGR 4 yrs")
add(S, "market", ["Germany share of world additions 2023?", "and 2024?"],
    "follow_up", [(mv(S, "Germany", 2024) / mv(S, "World", 2024) * 100, "%")],
    how="sample market: Germany / World 2024 Annual Total")
s = mseries(S, "France", range(2025, 2031), scen="high")
add(S, "market", ["France annual forecast 2025-2030, most probable?", "high case instead", "as a chart"],
    "follow_up", [(v, MW) for v in s.values()], how="sample market: France Annual Total Forecast - High 2025..2030")

# ================================================================ SAMPLE: prices
s = pseries(S, "Module", "n-type TOPCon", "EU"); v, d = p_latest(s)
add(S, "price", "Ref. price monitoring sheet, monthly update. Latest TOPCon module price EU?", "price", [(v, USWP)],
    how=f"sample prices: Module / n-type TOPCon / EU, newest {d.date()}")
s = pseries(S, "Polysilicon", "High purity - 9N/9N+", "China"); i = s.base_price.idxmin()
assert (s.base_price == s.base_price.min()).sum() == 1
add(S, "price", "Chinese 9N polysilicon — lowest monthly price in the series and month?", "price",
    [(s.base_price.min(), "US$/kg")], [s.loc[i, "date"].strftime("%Y")],
    how="sample prices: Polysilicon / High purity - 9N/9N+ / China, min")
a = p_month(pseries(S, "PV glass", "Glass 3,2mm", "EU"), 2024, 6)
b = p_month(pseries(S, "PV glass", "Glass 3,2mm", "China"), 2024, 6)
add(S, "price", "Ref. AD proceeding on solar glass. 3.2 mm glass, June 2024: EU vs China price, and EU premium in %?", "price",
    [(a, "US$/m²"), (b, "US$/m²"), (pct(b, a), "%")], how="sample prices: Glass 3,2mm EU and China 2024-06; premium (EU-CN)/CN")
s = pseries(S, "Wafer", "n-type mono-Si M10", "China")
a, b = p_month(s, 2023, 1), p_month(s, 2024, 12)
add(S, "price", "Wafers possibly rerouted via third countries, checking price trend. n-type M10 wafers China: % change Jan 2023 to Dec 2024", "price",
    [(pct(a, b), "%")], how="sample prices: Wafer n-type mono-Si M10 China, 2023-01 -> 2024-12")
s = pseries(S, "Module", "n-type HJT", "US")
add(S, "price", "avg HJT module price US in 2024?", "price",
    [(s[s.date.dt.year == 2024].base_price.mean(), USWP)], how="sample prices: Module n-type HJT US, mean of 2024 monthly values")
regs = {r: p_month(pseries(S, "Module", "n-type TOPCon", r), 2024, 12) for r in ["China", "EU", "India", "US"]}
cheap = min(regs, key=regs.get)
add(S, "price", "Import price comparison, CN vs other origins. Dec 2024 TOPCon modules: cheapest region?", "price", [(regs[cheap], USWP)], [cheap],
    how="sample prices: Module n-type TOPCon, 2024-12, min across regions")
regs = {r: p_month(pseries(S, "Module", "n-type HJT", r), 2024, 3) for r in ["China", "EU", "India", "US"]}
order = sorted(regs, key=regs.get, reverse=True)
add(S, "price", "Rank regions by HJT module price, March 2024, highest first.", "price",
    [(regs[r], USWP) for r in order], order, how="sample prices: Module n-type HJT 2024-03 by region, descending")
s = pseries(S, "Module", "p-type mono-Si PERC M10", "India")
add(S, "price", ["PERC M10 module price India, Jan 2024?", "and Dec 2024?"],
    "follow_up", [(p_month(s, 2024, 12), USWP)], how="sample prices: Module PERC M10 India 2024-12")
s = pseries(S, "Wafer", "p-type mono-Si M10", "EU")
add(S, "price", ["p-type M10 wafer EU price, latest?", "and the min over 2023-2024?"],
    "follow_up", [(s.base_price.min(), "US$/pce")], how="sample prices: Wafer p-type mono-Si M10 EU, min of whole series 2023-01..2024-12")

# ================================================================ SAMPLE: financials
add(S, "manufacturer_financial", "Capacity figures for the injury analysis. Helios production capacity at end of 2024 (Q4)?", "financial",
    [(fin("Helios", "2024-Q4", "Production capacity"), "GW")], how="financials: Helios 2024-Q4 Production capacity")
g = FIN[(FIN.period == "2023-Q1") & (FIN.metric == "Gross margin")].sort_values("value", ascending=False).iloc[0]
add(S, "manufacturer_financial", "Who had the highest gross margin in Q1 2023?", "financial",
    [(g.value, "%")], [g.company.replace(" (sample)", "")], how="financials: 2023-Q1 Gross margin, max over companies")
sh = FIN[(FIN.period == "FY2024") & (FIN.metric == "Module shipments")].value.sum()
add(S, "manufacturer_financial", "Total FY2024 module shipments, all four companies combined, GW?", "financial",
    [(sh, "GW")], how="financials: FY2024 Module shipments summed over companies")
a, b = fin("SunForge", "2023-Q2", "Revenue"), fin("SunForge", "2024-Q2", "Revenue")
add(S, "manufacturer_financial", "SunForge Q2 revenue y/y (2024-Q2 vs 2023-Q2), %?", "financial",
    [(pct(a, b), "%")], how="financials: SunForge Revenue 2023-Q2 -> 2024-Q2 % change")
h1 = fin("Helios", "2024-Q1", "Revenue") + fin("Helios", "2024-Q2", "Revenue")
add(S, "manufacturer_financial", "Helios revenue H1 2024 (Q1+Q2)?", "financial",
    [(h1, "USD million")], how="financials: Helios Revenue 2024-Q1 + 2024-Q2")
add(S, "manufacturer_financial", ["Nordlicht Solar net income FY2023?", "FY2024?"], "follow_up",
    [(fin("Nordlicht", "FY2024", "Net income"), "USD million")], how="financials: Nordlicht FY2024 Net income")
nope(S, "manufacturer_financial", "Financial indicators for the company questionnaire. Helios Modules EBITDA 2024?", "EBITDA not among the financial metrics")
nope(S, "manufacturer_financial", "Headcount at Nordlicht Solar AG end 2024?", "employees not held")

# ================================================================ SAMPLE: unanswerable
nope(S, "market", "Belgian MS report pending. Belgium PV additions 2024?", "Belgium not in the sample market data")
nope(S, "market", "Pre-measure baseline needed. Germany annual installations 2014?", "sample market data starts in 2015")
nope(S, "price", "Silver price latest?", "silver not in the sample prices")
nope(S, "price", "TOPCon module price Overseas, Dec 2024?", "no Overseas region in the sample prices")
nope(S, "market", "Solar thermal collector area installed in Italy 2023?", "solar thermal not covered")
nope(S, "market", "Ref. EU Ecodesign file. Number of PV installation jobs in Poland 2024?", "jobs not held")
nope(S, "market", "Spain's annual PV additions in 2032, most probable?", "forecasts end in 2030")
nope(S, "price", "Module price 2021 (EU, TOPCon)?", "sample prices start in January 2023")
nope(S, "market", "Feed-in tariff level France 2024 for <9 kW rooftop?", "tariffs not held")
nope(S, "market", "Capacity factor of Dutch PV fleet 2023?", "capacity factor / generation not held")

# ---------------------------------------------------------------- self-check & write
ids = [i["id"] for i in ITEMS]
assert len(ids) == len(set(ids))
n = len(ITEMS)
n_un = sum(not i["answerable"] for i in ITEMS)
n_fu = sum(len(i["turns"]) > 1 for i in ITEMS)
assert n >= 110, n
assert n_un >= 28, n_un
assert n_fu >= 12, n_fu
for i in ITEMS:
    if i["answerable"]:
        assert i["expect"] or i["names"], i["id"]
        for e in i["expect"]:
            assert e["value"] == e["value"], i["id"]  # no NaN
    else:
        assert i.get("why"), i["id"]
with open(HERE / "questions.jsonl", "w", encoding="utf-8") as f:
    for i in ITEMS:
        f.write(json.dumps(i, ensure_ascii=False) + "\n")
print(f"total={n} answerable={n - n_un} unanswerable={n_un} multi_turn={n_fu}")
print("per kind:", dict(Counter(i["kind"] for i in ITEMS)))
print("per data:", dict(Counter(i["data"] for i in ITEMS)))
print("per agent:", dict(Counter(i["agent"] for i in ITEMS)))
print("data x answerable:", dict(Counter((i["data"], i["answerable"]) for i in ITEMS)))
