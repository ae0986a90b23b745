#!/usr/bin/env python3
"""Writer `association`: market-intelligence economist of a national solar industry association.

Computes every expected figure from the data files and writes questions.jsonl.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "association"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FINANCIALS = "/work/main/data/sample/financials.csv"

# ---------------------------------------------------------------- market data
M = {
    "real": pd.read_csv(REAL_MARKET).drop_duplicates(),
    "sample": pd.read_csv(SAMPLE_MARKET).drop_duplicates(),
}
AGGREGATES = {
    "Europe", "Africa", "America", "Oceania", "Asia", "South Europe", "North Africa",
    "South America", "Central Europe", "South Asia", "East Europe", "North America",
    "East Asia", "North Europe", "Central America", "Southeast Asia", "Middle East",
    "Central Asia", "Eurasia", "Southern Africa", "EU", "ASEAN", "World", "RoW",
}
EU27 = ["Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic", "Denmark",
        "Estonia", "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy",
        "Latvia", "Lithuania", "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal",
        "Romania", "Slovakia", "Slovenia", "Spain", "Sweden"]
for c in EU27:
    assert c in set(M["real"].Territory), c

LASTHIST = {d: df[df.Scenario == "Historical Primary"].groupby("Territory").Year.max()
            for d, df in M.items()}
SCEN = {"high": "Forecast - High", "low": "Forecast - Low", "mp": "Forecast - Most probable"}


def scen_for(data, terr, year, scen=None):
    if scen is not None:
        return SCEN[scen]
    return "Historical Primary" if year <= LASTHIST[data][terr] else SCEN["mp"]


def mv(data, terr, year, typ="Annual", conn="Total", scen=None):
    df = M[data]
    s = scen_for(data, terr, year, scen)
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (data, terr, year, typ, conn, s, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def mseries(data, terr, years, typ="Annual", conn="Total", scen=None):
    return [mv(data, terr, y, typ, conn, scen) for y in years]


def hist_series(data, terr, typ="Annual", conn="Total", y0=None, y1=None):
    df = M[data]
    r = df[(df.Territory == terr) & (df.Scenario == "Historical Primary")
           & (df.Connection == conn) & (df.Type == typ)]
    if y0 is not None:
        r = r[r.Year >= y0]
    if y1 is not None:
        r = r[r.Year <= y1]
    assert r.Year.is_unique
    return r.set_index("Year")["Capacity(MW)"].sort_index()


def countries(data):
    return sorted(set(M[data].Territory) - AGGREGATES)


def ranking(data, year, typ="Annual", conn="Total", scen=None, among=None, ascending=False):
    df = M[data]
    pool = among if among is not None else countries(data)
    rows = []
    for t in pool:
        s = scen_for(data, t, year, scen) if t in LASTHIST[data] else SCEN.get(scen or "mp")
        r = df[(df.Territory == t) & (df.Year == year) & (df.Scenario == s)
               & (df.Connection == conn) & (df.Type == typ)]
        if len(r) == 1 and pd.notna(r["Capacity(MW)"].iloc[0]):
            rows.append((t, float(r["Capacity(MW)"].iloc[0])))
        else:
            assert len(r) == 0, (t, len(r))
    rows.sort(key=lambda x: x[1], reverse=not ascending)
    return rows


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


# ---------------------------------------------------------------- price data
P = {
    "real": pd.read_parquet(REAL_PRICES),
    "sample": pd.read_csv(SAMPLE_PRICES, parse_dates=["date"]),
}


def pseries(data, item, desc, region, unit):
    df = P[data]
    r = df[(df.item == item) & (df.description == desc) & (df.region == region) & (df.unit == unit)]
    r = r[["date", "base_price"]].drop_duplicates().sort_values("date")
    assert len(r) > 0, (item, desc, region, unit)
    assert r.date.is_unique, ("several prices on one date", item, desc, region, unit)
    return r.set_index("date")["base_price"]


def p_latest(s):
    return s.index.max(), float(s.iloc[-1])


def p_month(s, ym):
    r = s[s.index.strftime("%Y-%m") == ym]
    assert len(r) == 1, (ym, len(r))
    return float(r.iloc[0])


def p_span(s, a=None, b=None):
    r = s
    if a:
        r = r[r.index >= pd.Timestamp(a)]
    if b:
        r = r[r.index <= pd.Timestamp(b)]
    assert len(r) > 0
    return r


# ---------------------------------------------------------------- financials
F = pd.read_csv(FINANCIALS)


def fv(company, period, metric):
    r = F[(F.company == company) & (F.period == period) & (F.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL, SUN, AUR, NOR = ("Helios Modules Ltd (sample)", "SunForge Energy (sample)",
                      "Aurora PV Group (sample)", "Nordlicht Solar AG (sample)")

# ---------------------------------------------------------------- items
ITEMS = []


def add(data, agent, turns, kind, expect=(), names=(), how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {
        "id": f"{WRITER}-{len(ITEMS) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": list(turns),
        "answerable": answerable,
        "kind": kind,
        "expect": [{"value": (round(v, 6) if isinstance(v, float) else v), "unit": u}
                   for v, u in expect],
        "names": [str(n) for n in names],
        "how": how,
    }
    if not answerable:
        it["why"] = why
        it["kind"] = "unanswerable"
        it["expect"] = []
        it["names"] = []
    ITEMS.append(it)


MW = "MW"
R, S = "real", "sample"

# ================================================================ REAL: market
# --- lookups
add(R, "market", "For tomorrow's press release I need the headline figure: how much PV capacity did the Netherlands install in 2024?",
    "lookup", [(mv(R, "Netherlands", 2024), MW)], how="real CSV: Netherlands, 2024, Historical Primary, Total, Annual")
add(R, "market", "What was Germany's total installed PV capacity at the end of 2024?",
    "lookup", [(mv(R, "Germany", 2024, "Cumulative"), MW)], how="real CSV: Germany, 2024, Historical Primary, Total, Cumulative")
add(R, "market", "A member working in the Polish rooftop segment asks: how many MW of distributed PV did Poland add in 2023?",
    "lookup", [(mv(R, "Poland", 2023, conn="Distributed"), MW)], how="real CSV: Poland, 2023, Historical Primary, Distributed, Annual")
add(R, "market", "italy high scenario 2027 – annual installations?",
    "lookup", [(mv(R, "Italy", 2027, scen="high"), MW)], how="real CSV: Italy, 2027, Forecast - High, Total, Annual")
add(R, "market", "How much new PV is Spain expected to connect in 2030?",
    "lookup", [(mv(R, "Spain", 2030), MW)], how="real CSV: Spain, 2030, Forecast - Most probable (no scenario named), Total, Annual")
add(R, "market", "The board asked about the Greek utility-scale market. How much centralised PV did Greece add in 2024?",
    "lookup", [(mv(R, "Greece", 2024, conn="Centralised"), MW)], how="real CSV: Greece, 2024, Historical Primary, Centralised, Annual")

# --- rankings (countries only)
rk = ranking(R, 2024)[:5]
add(R, "market", "For the global chapter of the outlook: which five countries installed the most PV in 2024, and how much did each add?",
    "rank", [(v, MW) for _, v in rk], [t for t, _ in rk],
    how="real CSV: 2024 Annual Total Historical Primary, countries only (aggregates, World and RoW excluded), top 5")
rk = ranking(R, 2024, "Cumulative", among=EU27)[:3]
add(R, "market", "Which three EU member states had the largest installed PV base at the end of 2024?",
    "rank", [(v, MW) for _, v in rk], [t for t, _ in rk],
    how="real CSV: 2024 Cumulative Total Historical Primary over the 27 EU member states, top 3")
fc = [t for t in countries(R) if (M[R][(M[R].Territory == t) & (M[R].Scenario == SCEN["mp"])]).shape[0] > 0]
rk = ranking(R, 2030, scen="mp", among=fc)[:3]
add(R, "market", "Looking at the European forecast countries in the database, which three are expected to install the most in 2030 under the most probable scenario?",
    "rank", [(v, MW) for _, v in rk], [t for t, _ in rk],
    how="real CSV: 2030 Annual Total Forecast - Most probable, countries with forecasts, top 3")
rk = ranking(R, 2024, among=EU27, ascending=True)[:1]
add(R, "market", "Which EU country had the smallest PV market in 2024?",
    "rank", [(rk[0][1], MW)], [rk[0][0]],
    how="real CSV: 2024 Annual Total Historical Primary over EU27, minimum")

# --- shares
add(R, "market", "What share of global PV additions in 2024 did Germany account for?",
    "share", [(mv(R, "Germany", 2024) / mv(R, "World", 2024) * 100, "%")],
    how="real CSV: Germany 2024 Annual Total / World 2024 Annual Total, Historical Primary")
add(R, "market", "Our rooftop members want to know: what percentage of the Netherlands' 2024 installations was distributed PV?",
    "share", [(mv(R, "Netherlands", 2024, conn="Distributed") / mv(R, "Netherlands", 2024) * 100, "%")],
    how="real CSV: Netherlands 2024 Annual Distributed / Total")
add(R, "market", "China's share of the world's cumulative PV capacity at end-2024?",
    "share", [(mv(R, "China", 2024, "Cumulative") / mv(R, "World", 2024, "Cumulative") * 100, "%")],
    how="real CSV: China 2024 Cumulative Total / World 2024 Cumulative Total, Historical Primary")
add(R, "market", "How big was the utility-scale (centralised) segment as a share of Italy's 2024 market?",
    "share", [(mv(R, "Italy", 2024, conn="Centralised") / mv(R, "Italy", 2024) * 100, "%")],
    how="real CSV: Italy 2024 Annual Centralised / Total")

# --- change
a, b = mv(R, "Spain", 2023), mv(R, "Spain", 2024)
add(R, "market", "By how many percent did Spanish annual installations change from 2023 to 2024?",
    "change", [(pct(a, b), "%")], how="real CSV: Spain Annual Total 2023 -> 2024, (b-a)/a*100")
a, b = mv(R, "World", 2019, "Cumulative"), mv(R, "World", 2024, "Cumulative")
add(R, "market", "For the outlook intro I'd like the CAGR of the global installed base between 2019 and 2024.",
    "change", [(cagr(a, b, 5), "%")], how="real CSV: World Cumulative Total 2019 and 2024, CAGR over 5 years")
a, b = mv(R, "Germany", 2022), mv(R, "Germany", 2024)
add(R, "market", "How many MW more did Germany install in 2024 than in 2022?",
    "change", [(b - a, MW)], how="real CSV: Germany Annual Total 2024 minus 2022")
a, b = mv(R, "France", 2023), mv(R, "France", 2024)
add(R, "market", "year-on-year growth of the French market in 2024?",
    "change", [(pct(a, b), "%")], how="real CSV: France Annual Total 2023 -> 2024 in %")
a, b = mv(R, "Germany", 2025), mv(R, "Germany", 2030)
add(R, "market", "In the most probable scenario, what is the compound annual growth rate of Germany's annual market from 2025 to 2030?",
    "change", [(cagr(a, b, 5), "%")], how="real CSV: Germany Annual Total Forecast - Most probable 2025 and 2030, CAGR 5 years")

# --- compare
vals = [(t, mv(R, t, 2024)) for t in ["Belgium", "Netherlands", "France"]]
add(R, "market", "We're benchmarking against our neighbours for the member briefing. Compare 2024 PV additions in Belgium, the Netherlands and France.",
    "compare", [(v, MW) for _, v in vals], [max(vals, key=lambda x: x[1])[0]],
    how="real CSV: 2024 Annual Total for Belgium, Netherlands, France")
add(R, "market", "How many times bigger was China's 2024 PV market than the US market?",
    "compare", [(mv(R, "China", 2024) / mv(R, "USA", 2024), "x")], how="real CSV: China 2024 Annual Total / USA 2024 Annual Total")
vals = [(t, mv(R, t, 2023, "Cumulative")) for t in ["Poland", "Italy"]]
add(R, "market", "Did Poland or Italy have more PV installed at the end of 2023, and by how much?",
    "compare", [(vals[0][1], MW), (vals[1][1], MW), (abs(vals[1][1] - vals[0][1]), MW)],
    [max(vals, key=lambda x: x[1])[0]], how="real CSV: 2023 Cumulative Total Poland vs Italy, difference")

# --- extremes (whole span)
for terr, q in [("Spain", "What's the record year for Spanish PV installations, and how much was added that year?"),
                ("Italy", "Press release check: in which year did Italy install the most PV ever, and how many MW?"),
                ("Japan", None)]:
    if q is None:
        continue
    s = hist_series(R, terr)
    add(R, "market", q, "extreme", [(float(s.max()), MW)], [int(s.idxmax())],
        how=f"real CSV: {terr} Annual Total Historical Primary, max over all years")
s = hist_series(R, "Japan", y0=2015, y1=2024)
add(R, "market", "Since 2015, which was the weakest year for the Japanese PV market?",
    "extreme", [(float(s.min()), MW)], [int(s.idxmin())], how="real CSV: Japan Annual Total 2015-2024, min")
s = hist_series(R, "Belgium", "Annual", "Distributed")
add(R, "market", "Peak year for Belgian rooftop (distributed) additions?",
    "extreme", [(float(s.max()), MW)], [int(s.idxmax())], how="real CSV: Belgium Annual Distributed Historical Primary, max over all years")

# --- averages
yrs = list(range(2020, 2025))
v = mseries(R, "France", yrs)
add(R, "market", "What was France's average annual PV market over 2020-2024?",
    "average", [(sum(v) / len(v), MW)], how="real CSV: France Annual Total 2020..2024, mean of 5 years")
yrs = list(range(2025, 2031))
v = mseries(R, "Poland", yrs, scen="mp")
add(R, "market", "On average, how much PV per year is Poland forecast to add between 2025 and 2030 in the most probable case?",
    "average", [(sum(v) / len(v), MW)], how="real CSV: Poland Annual Total Forecast - Most probable 2025..2030, mean of 6")

# --- sums
v = mseries(R, "Greece", range(2020, 2025))
add(R, "market", "How much PV did Greece install in total from 2020 through 2024?",
    "sum", [(sum(v), MW)], how="real CSV: Greece Annual Total 2020..2024, sum")
v = mseries(R, "Netherlands", range(2025, 2031), scen="high")
add(R, "market", "For the high-growth scenario slide: total Dutch additions 2025-2030 under the high scenario?",
    "sum", [(sum(v), MW)], how="real CSV: Netherlands Annual Total Forecast - High 2025..2030, sum")
v = [mv(R, t, 2024) for t in ["Estonia", "Latvia", "Lithuania"]]
add(R, "market", "A Baltic member asked for the combined 2024 PV market of Estonia, Latvia and Lithuania.",
    "sum", [(sum(v), MW)], how="real CSV: 2024 Annual Total Estonia + Latvia + Lithuania")

# --- first / latest
s = hist_series(R, "Poland")
y = int(s[s > 1000].index.min())
add(R, "market", "When did Poland first install more than 1 GW in a single year?",
    "first_latest", [(float(s[y]), MW)], [y], how="real CSV: Poland Annual Total Historical Primary, first year > 1000 MW")
s = hist_series(R, "Germany", "Cumulative")
y = int(s[s > 50000].index.min())
add(R, "market", "In which year did Germany's installed base first pass 50 GW?",
    "first_latest", [(float(s[y]), MW)], [y], how="real CSV: Germany Cumulative Total Historical Primary, first year > 50,000 MW")
y = int(LASTHIST[R]["Türkiye"])
add(R, "market", "What's the latest year of actual (historical) data we have for Turkey, and what did the Turkish market add that year?",
    "first_latest", [(mv(R, "Türkiye", y), MW)], [y], how="real CSV: Türkiye last Historical Primary year, Annual Total")

# ================================================================ REAL: follow-ups (market)
add(R, "market", ["How much PV did Italy add in 2024?", "and Spain?"],
    "follow_up", [(mv(R, "Spain", 2024), MW)], how="real CSV: Spain 2024 Annual Total Historical Primary")
add(R, "market", ["What does the most probable scenario give for Germany's annual installations in 2028?",
                  "Same for the high scenario please."],
    "follow_up", [(mv(R, "Germany", 2028, scen="high"), MW)], how="real CSV: Germany 2028 Annual Total Forecast - High")
rk = ranking(R, 2023)[:5]
add(R, "market", ["Top 5 countries by new PV capacity in 2024?", "what about 2023?"],
    "follow_up", [(v, MW) for _, v in rk], [t for t, _ in rk],
    how="real CSV: 2023 Annual Total Historical Primary, countries only, top 5")
add(R, "market", ["What share of Belgium's 2024 additions came from distributed systems?", "And in France?"],
    "follow_up", [(mv(R, "France", 2024, conn="Distributed") / mv(R, "France", 2024) * 100, "%")],
    how="real CSV: France 2024 Annual Distributed / Total")
s = hist_series(R, "Belgium")
add(R, "market", ["Which year was the Dutch record for PV additions?", "and for Belgium?"],
    "follow_up", [(float(s.max()), MW)], [int(s.idxmax())], how="real CSV: Belgium Annual Total Historical Primary, max year")
a, b = mv(R, "Romania", 2019, "Cumulative"), mv(R, "Romania", 2024, "Cumulative")
add(R, "market", ["What was the CAGR of Poland's cumulative PV capacity between 2019 and 2024?", "Same for Romania."],
    "follow_up", [(cagr(a, b, 5), "%")], how="real CSV: Romania Cumulative Total 2019, 2024, CAGR over 5 years")
v = mseries(R, "Austria", range(2019, 2025))
add(R, "market", ["Austria's annual PV installations 2019 to 2024, please.", "Can you show that as a chart?"],
    "follow_up", [(x, MW) for x in v], how="real CSV: Austria Annual Total Historical Primary 2019..2024 (chart of the same series)")

# ================================================================ REAL: prices
s = pseries(R, "Module", "n-type TOPCon", "EU", "US$/Wp")
d, v = p_latest(s)
add(R, "price", "What is the latest price for n-type TOPCon modules in Europe?",
    "price", [(v, "US$/Wp")], how=f"real prices: Module / n-type TOPCon / EU, latest date {d.date()}")
vals = []
for reg in ["China", "EU", "US"]:
    d, v = p_latest(pseries(R, "Module", "n-type TOPCon", reg, "US$/Wp"))
    vals.append((reg, v, d))
add(R, "price", "A member is preparing an import strategy. Compare the latest n-type TOPCon module prices in China, the EU and the US.",
    "price", [(v, "US$/Wp") for _, v, _ in vals], [min(vals, key=lambda x: x[1])[0]],
    how="real prices: Module / n-type TOPCon, latest of each region series (China, EU, US)")
s = pseries(R, "Copper", "Copper", "Overseas", "US$/t")
add(R, "price", "What was the copper price in March 2024?",
    "price", [(p_month(s, "2024-03"), "US$/t")], how="real prices: Copper monthly, 2024-03")
s = pseries(R, "Silver", "Silver", "Overseas", "K US$/t")
add(R, "price", "Silver price in June 2024, for the cost-pressure section of the briefing?",
    "price", [(p_month(s, "2024-06"), "K US$/t")], how="real prices: Silver monthly (K US$/t), 2024-06")
s = p_span(pseries(R, "Aluminium", "Aluminium", "Overseas", "US$/t"), "2024-01-01", "2024-12-31")
add(R, "price", "What were the lowest and highest aluminium prices during 2024?",
    "price", [(float(s.min()), "US$/t"), (float(s.max()), "US$/t")],
    [s.idxmin().strftime("%B"), s.idxmax().strftime("%B")], how="real prices: Aluminium monthly 2024, min and max")
s = pseries(R, "EVA", "EVA", "Overseas", "US$/t")
add(R, "price", "How much did the EVA price change between January 2024 and January 2025, in percent?",
    "price", [(pct(p_month(s, "2024-01"), p_month(s, "2025-01")), "%")], how="real prices: EVA monthly 2024-01 -> 2025-01, % change")
s = pseries(R, "Module", "n-type HJT", "China", "US$/Wp")
add(R, "price", "What is the lowest price ever recorded for HJT modules in China, and when was it?",
    "price", [(float(s.min()), "US$/Wp")], [str(s[s == s.min()].index.min().year)],
    how="real prices: Module / n-type HJT / China, min over whole series (first date of min)")
s = pseries(R, "Cell", "n-type TOPCon M10", "Overseas", "US$/Wp")
add(R, "price", "By how much have overseas TOPCon M10 cell prices fallen in % since the series started?",
    "price", [(pct(float(s.iloc[0]), float(s.iloc[-1])), "%")],
    how=f"real prices: Cell / n-type TOPCon M10 / Overseas, first ({s.index[0].date()}) to latest ({s.index[-1].date()}), %")
s = pseries(R, "Wafer", "n-type mono-Si M10", "Overseas", "US$/pce")
d, v = p_latest(s)
add(R, "price", "latest overseas price for n-type M10 wafers?",
    "price", [(v, "US$/pce")], how=f"real prices: Wafer / n-type mono-Si M10 / Overseas latest ({d.date()})")
s = p_span(pseries(R, "Module", "n-type TOPCon", "US", "US$/Wp"), "2024-01-01", "2024-12-31")
add(R, "price", "What was the average US price for n-type TOPCon modules over 2024?",
    "price", [(float(s.mean()), "US$/Wp")], how="real prices: Module / n-type TOPCon / US, mean of 2024 weekly observations")
s = pseries(R, "Polysilicon", "Very high purity - 11N/11N+", "China", "US$/kg")
add(R, "price", "For the historical price chapter: what was the peak price of 11N polysilicon in China in the data, and when?",
    "price", [(float(s.max()), "US$/kg")], [str(s.idxmax().year)],
    how="real prices: Polysilicon / Very high purity - 11N/11N+ / China, max over whole series")

# ================================================================ REAL: financials (sample financials loaded on real instance)
v, u = fv(HEL, "FY2024", "Revenue")
add(R, "manufacturer_financial", "We occasionally track listed manufacturers for members. What was Helios Modules' revenue for FY2024?",
    "financial", [(v, u)], how="financials: Helios Modules Ltd (sample), FY2024, Revenue")
a, _ = fv(SUN, "FY2023", "Revenue")
b, _ = fv(SUN, "FY2024", "Revenue")
add(R, "manufacturer_financial", "How much did SunForge Energy's revenue change from FY2023 to FY2024, in %?",
    "financial", [(pct(a, b), "%")], how="financials: SunForge FY2023 -> FY2024 Revenue, %")
gm = sorted([(c, fv(c, "2024-Q4", "Gross margin")[0]) for c in F.company.unique()], key=lambda x: -x[1])
add(R, "manufacturer_financial", "Which manufacturer had the highest gross margin in Q4 2024?",
    "financial", [(gm[0][1], "%")], [gm[0][0].split()[0]], how="financials: Gross margin 2024-Q4, max over companies")
v, u = fv(NOR, "FY2024", "Module shipments")
add(R, "manufacturer_financial", "Nordlicht Solar's module shipments in FY2024?",
    "financial", [(v, u)], how="financials: Nordlicht Solar AG (sample), FY2024, Module shipments")
v, u = fv(AUR, "2024-Q3", "Net income")
add(R, "manufacturer_financial", "What net income did Aurora PV Group report for 2024-Q3?",
    "financial", [(v, u)], how="financials: Aurora PV Group (sample), 2024-Q3, Net income")

# ================================================================ REAL: unanswerable
U = []
add(R, "market", "For the 2030 outlook chart, what will Germany's cumulative installed PV capacity be at the end of 2030 in the most probable scenario?",
    "", answerable=False, why="forecast Cumulative values in the real CSV exclude the installed base; a 2030 cumulative figure cannot be read from it")
add(R, "market", "How much onshore wind did Germany add in 2024? The board wants solar vs wind in one slide.",
    "", answerable=False, why="wind capacity is not in the data (PV only)")
add(R, "market", "How many MWh of battery storage were installed alongside PV in the Netherlands in 2024?",
    "", answerable=False, why="storage is not in the data")
add(R, "market", "What was Spain's solar electricity generation in GWh in 2024?",
    "", answerable=False, why="generation (GWh) is not held, only capacity in MW")
add(R, "market", "How many people work in the French solar sector? A journalist asked for our press release.",
    "", answerable=False, why="employment figures are not in the data")
add(R, "market", "How much PV did Nigeria install in 2024?",
    "", answerable=False, why="Nigeria is not a territory in the data")
add(R, "market", "What is the most probable forecast for China's annual PV market in 2027?",
    "", answerable=False, why="the real CSV holds forecasts only for European territories and World; China has no forecast rows")
add(R, "market", "What was the LCOE of utility-scale PV in Spain last year?",
    "", answerable=False, why="LCOE is not in the data")
add(R, "market", "For a historical footnote: how much PV did Germany install in 1990?",
    "", answerable=False, why="the data starts in 1992")
add(R, "market", "What feed-in tariff applies to small rooftop systems in France right now?",
    "", answerable=False, why="tariffs/policy levels are not in the data")
add(R, "market", "What was the Italian PV market worth in EUR in 2024?",
    "", answerable=False, why="market value in EUR is not held, only MW")
add(R, "market", "How much off-grid PV is Sweden expected to add in 2028 under the high scenario?",
    "", answerable=False, why="forecasts in the real CSV cover Centralised, Distributed and Total only, no Off-grid")
add(R, "market", ["Brazil's 2024 installations?", "And what will Brazil add in 2026?"],
    "", answerable=False, why="no forecast rows for Brazil in the real CSV; historical data ends in 2024")
add(R, "price", "What's the latest price of string inverters in Europe?",
    "", answerable=False, why="inverters are not among the price items")
add(R, "price", "What are n-type TOPCon modules selling for in Brazil at the moment?",
    "", answerable=False, why="no Brazil region in the price data")
add(R, "price", "What share of the module price is accounted for by silver paste today?",
    "", answerable=False, why="a share of a price (cost breakdown) cannot be derived from separate price series in different units")
add(R, "price", "What were mono PERC module prices in China in 2017?",
    "", answerable=False, why="price data starts in 2019")
add(R, "manufacturer_financial", "What was LONGi's revenue in 2024?",
    "", answerable=False, why="LONGi is not in the financials (only four sample companies)")

# ================================================================ SAMPLE: market
add(S, "market", "How much PV did Italy add in 2022?",
    "lookup", [(mv(S, "Italy", 2022), MW)], how="sample market: Italy 2022 Historical Primary Total Annual")
add(S, "market", "For the member briefing: France's total installed PV base at the end of 2024?",
    "lookup", [(mv(S, "France", 2024, "Cumulative"), MW)], how="sample market: France 2024 Cumulative Total")
add(S, "market", "What installed base does the low scenario give for Spain at the end of 2030?",
    "lookup", [(mv(S, "Spain", 2030, "Cumulative", scen="low"), MW)], how="sample market: Spain 2030 Cumulative Total Forecast - Low")
rk = ranking(S, 2024)[:3]
add(S, "market", "Rank the top three countries by PV installed in 2024.",
    "rank", [(v, MW) for _, v in rk], [t for t, _ in rk], how="sample market: 2024 Annual Total, countries (World excluded), top 3")
rk = ranking(S, 2030, "Cumulative", scen="high")[:3]
add(S, "market", "Under the high scenario, which three countries would have the largest PV fleets by 2030?",
    "rank", [(v, MW) for _, v in rk], [t for t, _ in rk], how="sample market: 2030 Cumulative Total Forecast - High, countries, top 3")
add(S, "market", "What was the Dutch share of world PV installations in 2024?",
    "share", [(mv(S, "Netherlands", 2024) / mv(S, "World", 2024) * 100, "%")], how="sample market: Netherlands / World 2024 Annual Total")
add(S, "market", "Of everything Germany installed in 2023, what percentage was distributed?",
    "share", [(mv(S, "Germany", 2023, conn="Distributed") / mv(S, "Germany", 2023) * 100, "%")],
    how="sample market: Germany 2023 Annual Distributed / Total")
a, b = mv(S, "Poland", 2019, "Cumulative"), mv(S, "Poland", 2024, "Cumulative")
add(S, "market", "What CAGR did Poland's installed PV base achieve between 2019 and 2024?",
    "change", [(cagr(a, b, 5), "%")], how="sample market: Poland Cumulative Total 2019 and 2024, CAGR 5 yrs")
a, b = mv(S, "Spain", 2018), mv(S, "Spain", 2019)
add(S, "market", "Spain's 2019 boom - by what % did the annual market grow versus 2018?",
    "change", [(pct(a, b), "%")], how="sample market: Spain Annual Total 2018 -> 2019, %")
a, b = mv(S, "Germany", 2030, scen="high"), mv(S, "France", 2030, scen="high")
add(S, "market", "In the high scenario, compare Germany's and France's 2030 annual installations.",
    "compare", [(a, MW), (b, MW)], ["Germany" if a > b else "France"], how="sample market: 2030 Annual Total Forecast - High, Germany and France")
s = hist_series(S, "Italy")
add(S, "market", "Which year saw the highest Italian PV installations?",
    "extreme", [(float(s.max()), MW)], [int(s.idxmax())], how="sample market: Italy Annual Total Historical Primary, max")
v = mseries(S, "Germany", range(2025, 2031), scen="low")
add(S, "market", "average yearly additions for Germany 2025-2030 in the low case?",
    "average", [(sum(v) / len(v), MW)], how="sample market: Germany Annual Total Forecast - Low 2025..2030 mean")
cs = countries(S)
v = [mv(S, t, 2024) for t in cs]
add(S, "market", "The six markets we cover in this dataset - Italy, Germany, Spain, France, the Netherlands and Poland: what did they add together in 2024?",
    "sum", [(sum(v), MW)], how="sample market: sum of 2024 Annual Total over the six countries")
s = hist_series(S, "Spain")
y = int(s[s > 5000].index.min())
add(S, "market", "First year in which Spain installed more than 5,000 MW?",
    "first_latest", [(float(s[y]), MW)], [y], how="sample market: Spain Annual Total, first year > 5000 MW")

# ================================================================ SAMPLE: follow-ups (market)
add(S, "market", ["What was Spain's cumulative PV capacity at the end of 2024?", "and what about 2030 in the low scenario?"],
    "follow_up", [(mv(S, "Spain", 2030, "Cumulative", scen="low"), MW)], how="sample market: Spain 2030 Cumulative Total Forecast - Low")
add(S, "market", ["Germany's share of global PV additions in 2024?", "what about 2019?"],
    "follow_up", [(mv(S, "Germany", 2019) / mv(S, "World", 2019) * 100, "%")], how="sample market: Germany / World 2019 Annual Total")
v = mseries(S, "Poland", range(2020, 2025))
s = hist_series(S, "Poland", y0=2020, y1=2024)
add(S, "market", ["Show me Poland's annual installations from 2020 to 2024 as a chart.", "Which of those years was the peak?"],
    "follow_up", [(float(s.max()), MW)], [int(s.idxmax())], how="sample market: Poland Annual Total 2020..2024, max")
add(S, "market", ["How much did the Netherlands install in 2023?", "and in 2024?", "So what's the change in %?"],
    "follow_up", [(pct(mv(S, "Netherlands", 2023), mv(S, "Netherlands", 2024)), "%")],
    how="sample market: Netherlands Annual Total 2023 -> 2024, %")

# ================================================================ SAMPLE: prices
s = pseries(S, "Module", "n-type TOPCon", "India", "US$/Wp")
d, v = p_latest(s)
add(S, "price", "Latest n-type TOPCon module price in India?",
    "price", [(v, "US$/Wp")], how=f"sample prices: Module / n-type TOPCon / India latest ({d.date()})")
s = pseries(S, "Module", "p-type mono-Si PERC M10", "China", "US$/Wp")
add(S, "price", "What did PERC M10 modules cost in China in March 2024?",
    "price", [(p_month(s, "2024-03"), "US$/Wp")], how="sample prices: Module / p-type mono-Si PERC M10 / China, 2024-03")
a = p_latest(pseries(S, "Polysilicon", "High purity - 9N/9N+", "EU", "US$/kg"))[1]
b = p_latest(pseries(S, "Polysilicon", "High purity - 9N/9N+", "China", "US$/kg"))[1]
add(S, "price", "One of our members is weighing European polysilicon. How many times more expensive is 9N polysilicon in the EU than in China, on the latest data?",
    "price", [(a, "US$/kg"), (b, "US$/kg"), (a / b, "x")], how="sample prices: Polysilicon 9N latest EU / China")
s = pseries(S, "PV glass", "Glass 3,2mm", "EU", "US$/m²")
add(S, "price", "Lowest price for 3.2 mm PV glass in the EU over the whole series?",
    "price", [(float(s.min()), "US$/m²")], [s.idxmin().strftime("%Y")],
    how="sample prices: PV glass / Glass 3,2mm / EU, min over series")
s = pseries(S, "Cell", "n-type TOPCon M10", "China", "US$/Wp")
add(S, "price", "How much did Chinese TOPCon M10 cell prices change from January 2023 to December 2024, in %?",
    "price", [(pct(p_month(s, "2023-01"), p_month(s, "2024-12")), "%")], how="sample prices: Cell / n-type TOPCon M10 / China 2023-01 -> 2024-12, %")
vals = [(reg, p_month(pseries(S, "Module", "n-type HJT", reg, "US$/Wp"), "2024-12")) for reg in ["China", "EU", "India", "US"]]
mn = min(vals, key=lambda x: x[1])
add(S, "price", "In December 2024, which region had the cheapest HJT modules, and at what price?",
    "price", [(mn[1], "US$/Wp")], [mn[0]], how="sample prices: Module / n-type HJT, 2024-12, min over regions")
s = p_span(pseries(S, "Wafer", "p-type mono-Si M10", "China", "US$/pce"), "2024-01-01", "2024-12-31")
add(S, "price", "Average price of p-type M10 wafers in China over 2024?",
    "price", [(float(s.mean()), "US$/pce")], how="sample prices: Wafer / p-type mono-Si M10 / China, mean of 2024 monthly values")
s = pseries(S, "Module", "n-type HJT", "US", "US$/Wp")
add(S, "price", "What was the highest US price for HJT modules in the data, and in which month?",
    "price", [(float(s.max()), "US$/Wp")], [s.idxmax().strftime("%B"), s.idxmax().strftime("%Y")],
    how="sample prices: Module / n-type HJT / US, max over series")

# --- sample price follow-ups
s = pseries(S, "Module", "p-type mono-Si PERC M10", "EU", "US$/Wp")
add(S, "price", ["What was the price of PERC M10 modules in China in June 2024?", "and in the EU?"],
    "follow_up", [(p_month(s, "2024-06"), "US$/Wp")], how="sample prices: Module / p-type mono-Si PERC M10 / EU, 2024-06")
s = pseries(S, "Module", "n-type TOPCon", "US", "US$/Wp")
add(S, "price", ["Latest TOPCon module price in the EU?", "And in the US?"],
    "follow_up", [(p_latest(s)[1], "US$/Wp")], how="sample prices: Module / n-type TOPCon / US latest")

# --- real price follow-ups
s = pseries(R, "Module", "n-type TOPCon", "US", "US$/Wp")
add(R, "price", ["What's the latest TOPCon module price in the EU?", "and in the US?"],
    "follow_up", [(p_latest(s)[1], "US$/Wp")], how="real prices: Module / n-type TOPCon / US, latest")
s = pseries(R, "Copper", "Copper", "Overseas", "US$/t")
add(R, "price", ["Copper price in January 2025?", "How does that compare with January 2024, in %?"],
    "follow_up", [(pct(p_month(s, "2024-01"), p_month(s, "2025-01")), "%")], how="real prices: Copper 2024-01 -> 2025-01, %")

# ================================================================ SAMPLE: financials
v, u = fv(HEL, "2024-Q4", "Production capacity")
w, _ = fv(SUN, "2024-Q4", "Production capacity")
add(S, "manufacturer_financial", "Compare Helios Modules' and SunForge's production capacity at the end of 2024 (Q4).",
    "financial", [(v, u), (w, u)], ["Helios"], how="financials: Production capacity 2024-Q4 Helios and SunForge")
q = [fv(HEL, f"2024-Q{i}", "Module shipments")[0] for i in range(1, 5)]
add(S, "manufacturer_financial", "Add up Helios' quarterly module shipments for 2024 - what's the total?",
    "financial", [(sum(q), "GW")], how="financials: Helios Module shipments 2024-Q1..Q4, sum")
q = [fv(SUN, f"2024-Q{i}", "Gross margin")[0] for i in range(1, 5)]
add(S, "manufacturer_financial", "What was SunForge's average quarterly gross margin across 2024?",
    "financial", [(sum(q) / 4, "%")], how="financials: SunForge Gross margin 2024-Q1..Q4, mean")
v, u = fv(SUN, "2024-Q2", "Revenue")
add(S, "manufacturer_financial", ["Helios Modules revenue in 2024-Q2?", "and SunForge?"],
    "follow_up", [(v, u)], how="financials: SunForge 2024-Q2 Revenue")
ni = sorted([(c, fv(c, "FY2024", "Net income")[0]) for c in F.company.unique()], key=lambda x: x[1])
add(S, "manufacturer_financial", "Which of the manufacturers we track had the biggest net loss in FY2024?",
    "financial", [(ni[0][1], "USD million")], [ni[0][0].split()[0]], how="financials: FY2024 Net income, min over companies")
a, _ = fv(AUR, "FY2023", "Gross margin")
b, _ = fv(AUR, "FY2024", "Gross margin")
add(S, "manufacturer_financial", "How many percentage points did Aurora PV Group's gross margin move between FY2023 and FY2024?",
    "financial", [(b - a, "%")], how="financials: Aurora Gross margin FY2024 minus FY2023 (percentage points)")

# ================================================================ SAMPLE: unanswerable
add(S, "market", "How much PV did Switzerland install in 2024? We compare ourselves with the Swiss every year.",
    "", answerable=False, why="Switzerland is not in the sample market data")
add(S, "market", "What did the Italian market look like in 2012? I need it for the ten-year look-back.",
    "", answerable=False, why="sample market data starts in 2015")
add(S, "market", "What is the UK's installed PV base?",
    "", answerable=False, why="UK is not in the sample market data")
add(S, "market", "How many GWh did German PV plants generate in 2023?",
    "", answerable=False, why="generation is not held")
add(S, "market", "How many solar thermal collectors were installed in Spain in 2024?",
    "", answerable=False, why="solar thermal is not in the data")
add(S, "market", "What's the forecast for the French PV market in 2035?",
    "", answerable=False, why="forecasts end in 2030")
add(S, "market", ["How much did Poland add in 2024?", "And how much of that was paired with home batteries?"],
    "", answerable=False, why="storage / battery attachment is not in the data")
add(S, "price", "What is the silver price this month? Members worry about paste costs.",
    "", answerable=False, why="silver is not in the sample price data")
add(S, "price", "What are PERC M10 module prices in Australia?",
    "", answerable=False, why="no Australia region in the sample price data")
add(S, "price", "Which module technology has the best efficiency, TOPCon or HJT?",
    "", answerable=False, why="module efficiency is not held, only prices")
add(S, "manufacturer_financial", "What EBITDA did SunForge Energy report for FY2024?",
    "", answerable=False, why="EBITDA is not a metric in the financials")
add(S, "manufacturer_financial", "What was Helios Modules' revenue in FY2022?",
    "", answerable=False, why="financials cover 2023 and 2024 only")
add(S, "manufacturer_financial", "What's Nordlicht Solar's current market capitalisation?",
    "", answerable=False, why="market cap / share price not in the financials")

# ================================================================ extra answerable items (real)
vals = [(t, mv(R, t, 2024, "Cumulative")) for t in ["Spain", "France", "Italy"]]
add(R, "market", "For the southern Europe comparison: installed base at end-2024 in Spain, France and Italy?",
    "compare", [(v, MW) for _, v in vals], [max(vals, key=lambda x: x[1])[0]], how="real CSV: 2024 Cumulative Total for Spain, France, Italy")
a, b = mv(R, "Pakistan", 2023), mv(R, "Pakistan", 2024)
add(R, "market", "Pakistan's jump in 2024 was remarkable - by how many MW did the Pakistani market grow compared with 2023?",
    "change", [(b - a, MW)], how="real CSV: Pakistan Annual Total 2024 minus 2023")
add(R, "market", "What share of worldwide PV installations did the EU represent in 2024?",
    "share", [(mv(R, "EU", 2024) / mv(R, "World", 2024) * 100, "%")], how="real CSV: EU / World 2024 Annual Total")
a = mv(R, "Italy", 2026, scen="low")
b = mv(R, "Italy", 2026, scen="high")
add(R, "market", "How wide is the gap between the low and the high scenario for Italy's 2026 market?",
    "compare", [(a, MW), (b, MW), (b - a, MW)], how="real CSV: Italy 2026 Annual Total Forecast - Low vs High, difference")
s = hist_series(R, "India", y0=2015, y1=2024)
add(R, "market", "What was the average size of the Indian PV market per year over the last ten years of data (2015-2024)?",
    "average", [(float(s.mean()), MW)], how="real CSV: India Annual Total 2015..2024, mean (10 values)")
assert len(s) == 10
v = [mv(R, t, 2024, conn="Distributed") for t in ["Germany", "Netherlands", "Belgium"]]
add(R, "market", "Combined distributed PV additions in 2024 for Germany, the Netherlands and Belgium?",
    "sum", [(sum(v), MW)], how="real CSV: 2024 Annual Distributed Germany + Netherlands + Belgium")
s = hist_series(R, "USA")
add(R, "market", "Record year for the American PV market?",
    "extreme", [(float(s.max()), MW)], [int(s.idxmax())], how="real CSV: USA Annual Total Historical Primary, max")
rk = ranking(R, 2024, among=["Germany", "France", "Italy", "Spain", "Netherlands", "Poland", "Belgium"])
add(R, "market", "Rank Germany, France, Italy, Spain, the Netherlands, Poland and Belgium by 2024 installations.",
    "rank", [(v, MW) for _, v in rk], [t for t, _ in rk], how="real CSV: 2024 Annual Total for the seven listed countries, sorted descending")

# ================================================================ write + self-check
out = os.path.join(HERE, "questions.jsonl")
with open(out, "w", encoding="utf-8") as fh:
    for it in ITEMS:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
n_un = sum(not it["answerable"] for it in ITEMS)
n_chain = sum(len(it["turns"]) >= 2 for it in ITEMS)
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert it["why"], it["id"]
print(f"items: {len(ITEMS)}  unanswerable: {n_un}  multi-turn chains: {n_chain}")
print("per kind:", dict(Counter(it["kind"] for it in ITEMS)))
print("per data:", dict(Counter(it["data"] for it in ITEMS)))
print("per agent:", dict(Counter(it["agent"] for it in ITEMS)))
assert len(ITEMS) >= 110, len(ITEMS)
assert n_un >= 28, n_un
assert n_chain >= 12, n_chain
print("self-check OK")
