"""Held-out questions, writer `auditor` (external auditor / due-diligence persona).

Every expected figure is computed here from the data files listed in the brief.
Run: python3 compute.py  -> writes questions.jsonl next to this file.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "auditor"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]


def load_market(path):
    d = pd.read_csv(path)
    d = d[KEY + ["Capacity(MW)"]].drop_duplicates()
    assert not d.duplicated(KEY).any(), "conflicting duplicate keys"
    return d


RM = load_market(REAL_MARKET)
SM = load_market(S_MARKET)
RP = pd.read_parquet(REAL_PRICES)
RP["date"] = pd.to_datetime(RP["date"])
SP = pd.read_csv(S_PRICES, parse_dates=["date"])
FI = pd.read_csv(S_FIN)

AGG_REAL = {"ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia",
            "Central Europe", "EU", "East Asia", "East Europe", "Eurasia", "Europe",
            "Middle East", "North Africa", "North America", "North Europe", "Oceania",
            "RoW", "South America", "South Asia", "South Europe", "Southeast Asia",
            "Southern Africa", "World"}
AGG_SAMPLE = {"World"}

SCEN = {"high": "Forecast - High", "mp": "Forecast - Most probable", "low": "Forecast - Low",
        None: None}


def last_hist(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == "Historical Primary")].Year.max())


def scen_for(df, terr, year, scen=None):
    if scen is not None:
        return SCEN[scen]
    return "Historical Primary" if year <= last_hist(df, terr) else "Forecast - Most probable"


def mv(df, terr, year, typ="Annual", conn="Total", scen=None):
    s = scen_for(df, terr, year, scen)
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Type == typ)
           & (df.Connection == conn) & (df.Scenario == s)]
    assert len(r) == 1, (terr, year, typ, conn, s, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def series(df, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: mv(df, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def ranking(df, aggs, year, typ="Annual", conn="Total", scen=None):
    out = {}
    for t in sorted(set(df.Territory) - aggs):
        try:
            out[t] = mv(df, t, year, typ, conn, scen)
        except AssertionError:
            pass
    return sorted(out.items(), key=lambda kv: -kv[1])


def pct(a, b):
    return (b - a) / a * 100


def cagr(a, b, years):
    return ((b / a) ** (1 / years) - 1) * 100


def pser(df, item, desc, region, unit=None):
    s = df[(df.item == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        s = s[s.unit == unit]
    assert s.unit.nunique() == 1, (item, desc, region, s.unit.unique())
    assert not s.date.duplicated().any(), ("duplicate dates", item, desc, region)
    assert len(s) > 0
    return s.sort_values("date")


def p_latest(df, item, desc, region, unit=None):
    s = pser(df, item, desc, region, unit)
    r = s.iloc[-1]
    return float(r.base_price), r.date, r.unit


def p_month(df, item, desc, region, ym, unit=None):
    s = pser(df, item, desc, region, unit)
    m = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(m) == 1, (item, desc, region, ym, len(m))
    return float(m.base_price.iloc[0]), m.unit.iloc[0]


def p_span(df, item, desc, region, d0=None, d1=None, unit=None):
    s = pser(df, item, desc, region, unit)
    if d0:
        s = s[s.date >= pd.Timestamp(d0)]
    if d1:
        s = s[s.date <= pd.Timestamp(d1)]
    assert len(s) > 0
    return s


def fin(company, period, metric):
    r = FI[(FI.company == company) & (FI.period == period) & (FI.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


def mname(d):
    return d.strftime("%B %Y")


ITEMS = []


def add(data, agent, turns, kind, expect=None, names=None, how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {"id": f"{WRITER}-{len(ITEMS) + 1:03d}", "writer": WRITER, "data": data,
          "agent": agent, "turns": turns, "answerable": answerable, "kind": kind,
          "expect": expect or [], "names": names or [], "how": how}
    if not answerable:
        it["kind"] = "unanswerable"
        it["expect"] = []
        it["names"] = []
        it["why"] = why
    ITEMS.append(it)


def E(v, unit="MW"):
    return {"value": float(v), "unit": unit}


def gw(v):
    return f"{v / 1000:.1f}"


# =====================================================================================
# REAL instance - market
# =====================================================================================
R = "real"

v = mv(RM, "Spain", 2023)
add(R, "market", f"The client's investor deck says Spain added 'c. {round(v / 1000)} GW' of PV in 2023. "
                 "What exact figure do you hold for Spain's 2023 additions, in MW?",
    "lookup", [E(v)], how="real CSV: Spain 2023 Historical Primary Total Annual")

v = mv(RM, "Germany", 2024, "Cumulative")
add(R, "market", "Verify Germany's installed PV base at end-2024 (historical, all segments). Figure in MW pls.",
    "lookup", [E(v)], how="real CSV: Germany 2024 Historical Primary Total Cumulative")

v = mv(RM, "China", 2023)
add(R, "market", "There seem to be two series for China. Using your primary historical series, how many MW did China install in 2023?",
    "lookup", [E(v)], how="real CSV: China 2023 Historical Primary Total Annual (not Historical Secondary)")

v = mv(RM, "Pakistan", 2024)
add(R, "market", "Is it true that Pakistan added more than 15 GW of solar in 2024? Give me the number you hold.",
    "lookup", [E(v)], how="real CSV: Pakistan 2024 Historical Primary Total Annual")

v = mv(RM, "Italy", 2024, conn="Distributed")
add(R, "market", "Italian distributed (rooftop) PV: what was installed in 2024?",
    "lookup", [E(v)], how="real CSV: Italy 2024 Historical Primary Distributed Annual")

v = mv(RM, "Germany", 2027, scen="high")
add(R, "market", "Management's plan assumes the German market in the high case. What annual installations does your high scenario show for Germany in 2027?",
    "lookup", [E(v)], how="real CSV: Germany 2027 Forecast - High Total Annual")

v = mv(RM, "France", 2030, scen="low")
add(R, "market", "france, low scenario, 2030 annual additions?",
    "lookup", [E(v)], how="real CSV: France 2030 Forecast - Low Total Annual")

v = mv(RM, "Brazil", 2024, "Cumulative")
add(R, "market", "What is the Brazilian cumulative installed PV capacity at the end of 2024?",
    "lookup", [E(v)], how="real CSV: Brazil 2024 Historical Primary Total Cumulative")

# rankings
rk = ranking(RM, AGG_REAL, 2024)
add(R, "market", "Which five countries installed the most PV in 2024? Countries only, no regions or blocs, with MW for each.",
    "rank", [E(x[1]) for x in rk[:5]], [x[0] for x in rk[:5]],
    how="real CSV: 2024 Historical Primary Total Annual, non-aggregate territories, top 5")

rk = ranking(RM, AGG_REAL, 2024, "Cumulative")
add(R, "market", "For the market-context section I need the three largest national PV fleets at end-2024 (countries, not regions).",
    "rank", [E(x[1]) for x in rk[:3]], [x[0] for x in rk[:3]],
    how="real CSV: 2024 Historical Primary Total Cumulative, non-aggregate territories, top 3")

rk = ranking(RM, AGG_REAL, 2023)
add(R, "market", "Cross-checking a competitor's market slide. Top 3 countries by new PV capacity in 2023?",
    "rank", [E(x[1]) for x in rk[:3]], [x[0] for x in rk[:3]],
    how="real CSV: 2023 Historical Primary Total Annual, non-aggregate territories, top 3")

rk = ranking(RM, AGG_REAL, 2024)
add(R, "market", "The deck claims the target market was 'a top-10 country' for installations in 2024. Which country ranked exactly 10th in 2024 additions, and with how many MW?",
    "rank", [E(rk[9][1])], [rk[9][0]],
    how="real CSV: 2024 Historical Primary Total Annual, non-aggregate territories, 10th place")

rk = ranking(RM, AGG_REAL, 2030, scen="mp")
add(R, "market", "Of the countries you have forecasts for, which three are expected to add the most PV in 2030 in the most probable scenario?",
    "rank", [E(x[1]) for x in rk[:3]], [x[0] for x in rk[:3]],
    how="real CSV: 2030 Forecast - Most probable Total Annual, non-aggregate territories, top 3")

# shares
a, w = mv(RM, "China", 2024), mv(RM, "World", 2024)
add(R, "market", "What share of global PV additions in 2024 did China account for, in %?",
    "share", [E(a / w * 100, "%")], how="real CSV: China / World, 2024 Historical Primary Total Annual")

a, w = mv(RM, "USA", 2024, "Cumulative"), mv(RM, "World", 2024, "Cumulative")
add(R, "market", "US share of the world's cumulative installed PV at end of 2024?",
    "share", [E(a / w * 100, "%")], how="real CSV: USA / World, 2024 Historical Primary Total Cumulative")

a, t = mv(RM, "Germany", 2024, conn="Distributed"), mv(RM, "Germany", 2024)
add(R, "market", "We're testing the claim that rooftop dominates in Germany. What % of Germany's 2024 additions was distributed?",
    "share", [E(a / t * 100, "%")], how="real CSV: Germany 2024 Annual Distributed / Total")

a, t = mv(RM, "Spain", 2024, "Cumulative", "Centralised"), mv(RM, "Spain", 2024, "Cumulative")
add(R, "market", "What proportion of Spain's installed base at end-2024 is centralised (utility-scale)?",
    "share", [E(a / t * 100, "%")], how="real CSV: Spain 2024 Cumulative Centralised / Total")

a, w = mv(RM, "India", 2023), mv(RM, "World", 2023)
add(R, "market", "India's share of world PV installations in 2023 — the report says roughly 3%. What do you get?",
    "share", [E(a / w * 100, "%")], how="real CSV: India / World, 2023 Historical Primary Total Annual")

# changes
a, b = mv(RM, "World", 2023), mv(RM, "World", 2024)
add(R, "market", "Global annual PV market, 2023 to 2024: year-on-year growth in %?",
    "change", [E(pct(a, b), "%")], how="real CSV: World Total Annual 2023->2024, (b-a)/a*100")

a, b = mv(RM, "Brazil", 2019), mv(RM, "Brazil", 2024)
add(R, "market", "Compute the CAGR of Brazil's annual PV installations between 2019 and 2024.",
    "change", [E(cagr(a, b, 5), "%")], how="real CSV: Brazil Total Annual 2019 and 2024, CAGR over 5 years")

a, b = mv(RM, "Italy", 2023), mv(RM, "Italy", 2024)
add(R, "market", "By how many MW did Italy's annual additions change from 2023 to 2024?",
    "change", [E(b - a)], how="real CSV: Italy Total Annual 2024 minus 2023")

a, b = mv(RM, "Germany", 2014, "Cumulative"), mv(RM, "Germany", 2024, "Cumulative")
add(R, "market", "The IM quotes a double-digit growth rate for the German fleet. Ten-year CAGR of the German installed base, end-2014 to end-2024?",
    "change", [E(cagr(a, b, 10), "%")], how="real CSV: Germany Total Cumulative 2014 and 2024, CAGR over 10 years")

a, b = mv(RM, "Spain", 2024), mv(RM, "Spain", 2030, scen="mp")
add(R, "market", "The business plan rides on Spanish market growth. % change in Spain's annual additions from 2024 (actual) to 2030 in the most probable forecast?",
    "change", [E(pct(a, b), "%")], how="real CSV: Spain Annual Total 2024 Historical vs 2030 Forecast - Most probable")

a, b = mv(RM, "Pakistan", 2023), mv(RM, "Pakistan", 2024)
add(R, "market", "Pakistan looks like an outlier in the deck. 2023->2024, how much did Pakistani annual installs grow in percent?",
    "change", [E(pct(a, b), "%")], how="real CSV: Pakistan Total Annual 2023->2024")

# comparisons
vals = {c: mv(RM, c, 2024) for c in ["Spain", "Italy", "France"]}
add(R, "market", "Compare 2024 additions in Spain, Italy and France. Which was largest?",
    "compare", [E(vals[c]) for c in vals], [max(vals, key=vals.get)],
    how="real CSV: 2024 Historical Primary Total Annual for Spain, Italy, France")

a, b = mv(RM, "USA", 2024), mv(RM, "India", 2024)
add(R, "market", "Management calls India 'nearly the size of the US market'. What's the gap in MW between US and Indian PV additions in 2024?",
    "compare", [E(a), E(b), E(a - b)], how="real CSV: USA and India 2024 Total Annual, difference")

a, b = mv(RM, "China", 2024), mv(RM, "USA", 2024)
add(R, "market", "How many times larger was China's 2024 PV market than the USA's? Ratio please.",
    "compare", [E(a / b, "x")], how="real CSV: China / USA 2024 Total Annual")

a, b = mv(RM, "Poland", 2024, "Cumulative"), mv(RM, "Netherlands", 2024, "Cumulative")
add(R, "market", "Poland vs Netherlands: which has the larger cumulative PV capacity at end-2024, and by how much?",
    "compare", [E(a), E(b), E(abs(a - b))], [("Poland" if a > b else "Netherlands")],
    how="real CSV: Poland and Netherlands 2024 Total Cumulative, difference")

# extremes
s = series(RM, "Spain", 2001, last_hist(RM, "Spain"))
y = max(s, key=s.get)
add(R, "market", "In which year did Spain record its highest annual PV installations on record, and how much?",
    "extreme", [E(s[y])], [str(y)], how="real CSV: Spain Historical Primary Total Annual, max over all years")

sj = RM[(RM.Territory == "Japan") & (RM.Scenario == "Historical Primary") & (RM.Type == "Annual") & (RM.Connection == "Total")]
r = sj.loc[sj["Capacity(MW)"].idxmax()]
add(R, "market", "Japan's peak year for new PV installations — which year and what volume?",
    "extreme", [E(r["Capacity(MW)"])], [str(int(r.Year))], how="real CSV: Japan Historical Primary Total Annual, max over all years")

s = series(RM, "Germany", 2010, 2020)
y = min(s, key=s.get)
add(R, "market", "Between 2010 and 2020 inclusive, what was the weakest year for German PV additions?",
    "extreme", [E(s[y])], [str(y)], how="real CSV: Germany Total Annual 2010-2020, min")

su = RM[(RM.Territory == "UK") & (RM.Scenario == "Historical Primary") & (RM.Type == "Annual") & (RM.Connection == "Total")]
r = su.loc[su["Capacity(MW)"].idxmax()]
add(R, "market", "We have a UK EPC in the data room. UK: record year for annual PV deployment, and the MW?",
    "extreme", [E(r["Capacity(MW)"])], [str(int(r.Year))], how="real CSV: UK Historical Primary Total Annual, max over all years")

# averages
s = series(RM, "India", 2020, 2024)
add(R, "market", "I need a normalised run-rate for the Indian market. Average annual PV additions in India over 2020-2024 (five years)?",
    "average", [E(sum(s.values()) / 5)], how="real CSV: India Total Annual 2020..2024 mean")

s = series(RM, "Netherlands", 2019, 2024)
add(R, "market", "For the Dutch market, what were average yearly installations 2019–2024 inclusive?",
    "average", [E(sum(s.values()) / len(s))], how="real CSV: Netherlands Total Annual 2019..2024 mean")

# sums
s = series(RM, "USA", 2020, 2024)
add(R, "market", "The deck's TAM slide uses a five-year US total. Total PV capacity added in the USA over 2020-2024 combined, MW?",
    "sum", [E(sum(s.values()))], how="real CSV: USA Total Annual 2020..2024 sum")

vals = [mv(RM, c, 2024, "Cumulative") for c in ["Spain", "Italy", "France"]]
add(R, "market", "Our southern-Europe O&M target addresses three markets. Combined installed base of Spain, Italy and France at end-2024?",
    "sum", [E(sum(vals))], how="real CSV: sum of 2024 Total Cumulative for Spain, Italy, France")

s = series(RM, "Germany", 2025, 2030, scen="mp")
add(R, "market", "Sum Germany's forecast annual additions 2025 through 2030, most probable scenario. What total does that give?",
    "sum", [E(sum(s.values()))], how="real CSV: Germany Forecast - Most probable Total Annual 2025..2030 sum")

# first / latest
sp = RM[(RM.Territory == "Poland") & (RM.Scenario == "Historical Primary") & (RM.Type == "Annual") & (RM.Connection == "Total")]
s = dict(zip(sp.Year.astype(int), sp["Capacity(MW)"].astype(float)))
y = min(yy for yy, vv in s.items() if vv > 1000)
add(R, "market", "Checking the timeline in a Polish developer's teaser. First year in which Poland's annual PV additions exceeded 1 GW?",
    "first_latest", [E(s[y])], [str(y)], how="real CSV: Poland Total Annual, first year > 1000 MW")

sc = RM[(RM.Territory == "Chile") & (RM.Scenario == "Historical Primary") & (RM.Type == "Annual") & (RM.Connection == "Total")]
y0 = int(sc.Year.min())
add(R, "market", "When does your Chile installation series start, and what was added in that first year?",
    "first_latest", [E(mv(RM, "Chile", y0))], [str(y0)], how="real CSV: Chile Historical Primary Total Annual, earliest year")

y = last_hist(RM, "India")
add(R, "market", "What's the latest year of actual (historical) data you have for India, and India's additions in that year?",
    "first_latest", [E(mv(RM, "India", y))], [str(y)], how="real CSV: India last Historical Primary year, Total Annual")

# follow-ups (real market)
add(R, "market", ["How much PV did Poland add in 2024?", "and the Netherlands?"], "follow_up",
    [E(mv(RM, "Netherlands", 2024))], how="real CSV: Netherlands 2024 Historical Primary Total Annual")

add(R, "market", ["Germany, annual additions in 2026, most probable case?", "same for the high scenario"],
    "follow_up", [E(mv(RM, "Germany", 2026, scen="high"))], how="real CSV: Germany 2026 Forecast - High Total Annual")

add(R, "market", ["What did the world install in 2022 in MW?", "what about 2020?"], "follow_up",
    [E(mv(RM, "World", 2020))], how="real CSV: World 2020 Historical Primary Total Annual")

rk = ranking(RM, AGG_REAL, 2024, "Cumulative")
add(R, "market", ["Top 3 countries by PV installed during 2024?", "And by cumulative capacity at end-2024?"],
    "follow_up", [E(x[1]) for x in rk[:3]], [x[0] for x in rk[:3]],
    how="real CSV: 2024 Total Cumulative, non-aggregate, top 3")

a, b = mv(RM, "France", 2019), mv(RM, "France", 2024)
add(R, "market", ["CAGR of Italy's annual installations 2019-2024?", "and for France?"], "follow_up",
    [E(cagr(a, b, 5), "%")], how="real CSV: France Total Annual 2019->2024 CAGR 5 years")

add(R, "market", ["China's share of global additions in 2024, %?", "And in 2020?"], "follow_up",
    [E(mv(RM, "China", 2020) / mv(RM, "World", 2020) * 100, "%")], how="real CSV: China / World 2020 Total Annual")

s = series(RM, "Spain", 2019, 2024)
add(R, "market", ["Spain's annual PV additions 2019 to 2024, year by year?", "as a chart pls"], "follow_up",
    [E(x) for x in s.values()], how="real CSV: Spain Total Annual 2019..2024")

a, t = mv(RM, "France", 2024, conn="Distributed"), mv(RM, "France", 2024)
add(R, "market", ["What share of Germany's 2024 additions was distributed?", "Same check for France please."],
    "follow_up", [E(a / t * 100, "%")], how="real CSV: France 2024 Annual Distributed / Total")

# =====================================================================================
# REAL instance - prices
# =====================================================================================
p, d, u = p_latest(RP, "Module", "n-type TOPCon", "EU")
add(R, "price", "Latest n-type TOPCon module price for the EU in your data, and what date is it from?",
    "price", [E(p, u)], [d.strftime("%Y")], how=f"real parquet: Module / n-type TOPCon / EU, newest date {d.date()}")

p, d, u = p_latest(RP, "Module", "n-type TOPCon", "US")
add(R, "price", "Supplier contract references US TOPCon module prices. What is the most recent US price for n-type TOPCon modules, US$/Wp?",
    "price", [E(p, u)], how=f"real parquet: Module / n-type TOPCon / US, newest date {d.date()}")

p, u = p_month(RP, "Copper", "Copper", "Overseas", "2025-03")
add(R, "price", "Cabling costs are flagged as a risk in the model. Copper price in March 2025?", "price", [E(p, u)], how="real parquet: Copper / Overseas, 2025-03 monthly obs")

s = p_span(RP, "Aluminium", "Aluminium", "Overseas")
rmin, rmax = s.loc[s.base_price.idxmin()], s.loc[s.base_price.idxmax()]
add(R, "price", "Over the whole aluminium series you hold, what were the lowest and highest monthly prices, and in which months?",
    "price", [E(rmin.base_price, rmin.unit), E(rmax.base_price, rmax.unit)],
    [str(rmin.date.year), str(rmax.date.year)],
    how=f"real parquet: Aluminium / Overseas, min {rmin.date.date()} max {rmax.date.date()}")

a, u = p_month(RP, "EVA", "EVA", "Overseas", "2022-01")
b, _ = p_month(RP, "EVA", "EVA", "Overseas", "2025-01")
add(R, "price", "Encapsulant costs: % change in the EVA price from January 2022 to January 2025?",
    "price", [E(pct(a, b), "%")], how="real parquet: EVA / Overseas, 2022-01 vs 2025-01")

vals = {}
for reg in ["China", "EU", "US"]:
    vals[reg] = p_latest(RP, "Module", "n-type TOPCon", reg)
add(R, "price", "Compare the latest n-type TOPCon module prices in China, the EU and the US. Which region is cheapest?",
    "price", [E(vals[r][0], vals[r][2]) for r in vals], [min(vals, key=lambda k: vals[k][0])],
    how="real parquet: Module / n-type TOPCon latest obs for China, EU, US")

s = p_span(RP, "Module", "p-type mono-Si PERC M10", "EU")
r = s.loc[s.base_price.idxmax()]
add(R, "price", "Highest price ever recorded in your data for p-type mono PERC M10 modules in the EU — value and when?",
    "price", [E(r.base_price, r.unit)], [str(r.date.year)], how=f"real parquet: Module / p-type mono-Si PERC M10 / EU, max (first at {r.date.date()})")

p, d, u = p_latest(RP, "Wafer", "n-type mono-Si M10", "Overseas")
add(R, "price", "Wafer supply agreement under review. what's the latest overseas price for n-type mono M10 wafers?",
    "price", [E(p, u)], how=f"real parquet: Wafer / n-type mono-Si M10 / Overseas newest {d.date()}")

s = p_span(RP, "Copper", "Copper", "Overseas", "2024-01-01", "2024-12-31")
assert len(s) == 12
add(R, "price", "The budget assumes a 2024 copper average. What average monthly copper price across calendar 2024 do you get?",
    "price", [E(s.base_price.mean(), s.unit.iloc[0])], how="real parquet: Copper / Overseas, mean of 12 monthly obs 2024")

s = p_span(RP, "Module", "n-type HJT", "China")
r = s.loc[s.base_price.idxmin()]
add(R, "price", "Lowest price in your series for n-type HJT modules in China, and when was it first hit?",
    "price", [E(r.base_price, r.unit)], [str(r.date.year)], how=f"real parquet: Module / n-type HJT / China, min first at {r.date.date()}")

p, u = p_month(RP, "Silver", "Silver", "Overseas", "2024-01", unit="K US$/t")
add(R, "price", "Silver price, January 2024 — what unit and value do you hold?",
    "price", [E(p, u)], how="real parquet: Silver / Overseas, 2024-01 monthly obs (K US$/t)")

s = pser(RP, "Module", "n-type TOPCon", "EU")
a, b = s.iloc[0], s.iloc[-1]
add(R, "price", "How much has the EU n-type TOPCon module price moved from the first observation in your series to the latest, in %?",
    "price", [E(pct(a.base_price, b.base_price), "%")], how=f"real parquet: Module / n-type TOPCon / EU, {a.date.date()} -> {b.date.date()}")

s = p_span(RP, "Polysilicon", "Very high purity - 11N/11N+", "China")
r = s.loc[s.base_price.idxmax()]
add(R, "price", "Checking a 2021 impairment memo. Polysilicon, very high purity 11N/11N+, China: peak price in the series and the date?",
    "price", [E(r.base_price, r.unit)], [str(r.date.year)], how=f"real parquet: Polysilicon / Very high purity - 11N/11N+ / China, max at {r.date.date()}")

add(R, "price", ["What's the latest copper price you hold?", "and aluminium?"], "follow_up",
    [E(p_latest(RP, "Aluminium", "Aluminium", "Overseas")[0], "US$/t")],
    how="real parquet: Aluminium / Overseas newest monthly obs")

a = p_latest(RP, "Module", "n-type TOPCon", "US")[0]
b = p_latest(RP, "Module", "n-type TOPCon", "EU")[0]
add(R, "price", ["Latest US n-type TOPCon module price?", "How does that compare with the EU - difference in US$/Wp?"],
    "follow_up", [E(a, "US$/Wp"), E(b, "US$/Wp"), E(a - b, "US$/Wp")],
    how="real parquet: Module / n-type TOPCon latest US and EU, difference")

# =====================================================================================
# REAL instance - unanswerable
# =====================================================================================
U = dict(answerable=False)
add(R, "market", "What does your most probable forecast show for Germany's cumulative installed PV at end-2030?",
    "unanswerable", why="forecast cumulative values in the real CSV exclude the installed base; not a usable figure", **U)
add(R, "market", "Due diligence on a hybrid developer: how much onshore wind did Spain install in 2024?",
    "unanswerable", why="wind capacity not held; PV only", **U)
add(R, "market", "What is the LCOE of utility-scale PV in Chile for 2024?",
    "unanswerable", why="LCOE not held", **U)
add(R, "market", "Verify the deck's claim on Italian solar generation: how many GWh did PV produce in Italy in 2023?",
    "unanswerable", why="electricity generation (GWh) not held; only capacity", **U)
add(R, "market", "A West African off-grid play in the pipeline. How much PV did Nigeria install in 2024?",
    "unanswerable", why="Nigeria not in the data", **U)
add(R, "market", "What's Texas's installed solar capacity at end-2024?",
    "unanswerable", why="sub-national (US state) data not held", **U)
add(R, "market", "The target sells into India. What does the most probable scenario give for Indian PV additions in 2027?",
    "unanswerable", why="no forecasts for India in the real data (forecasts only for European territories and World)", **U)
add(R, "market", "How much PV did the world install in 1985?",
    "unanswerable", why="data start in 1992", **U)
add(R, "market", "How many people were employed in the US solar industry in 2024?",
    "unanswerable", why="employment/jobs not held", **U)
add(R, "market", "What was the total market value in EUR of French PV installations in 2024?",
    "unanswerable", why="market value in currency not held", **U)
add(R, "market", "How much battery storage (MWh) was installed alongside PV in Germany in 2024?",
    "unanswerable", why="storage not held", **U)
add(R, "market", "What is the current feed-in tariff for small rooftop PV in Germany?",
    "unanswerable", why="tariffs/policy support levels not held", **U)
add(R, "price", "Give me the latest string inverter price in Europe, US$/W.",
    "unanswerable", why="inverter prices not held", **U)
add(R, "price", "What was the polysilicon price in the EU in December 2024?",
    "unanswerable", why="no EU polysilicon series in the real price data (only China/Overseas)", **U)
add(R, "price", "What share of the module price does silver account for right now?",
    "unanswerable", why="share of a price / cost breakdown not held", **U)
add(R, "price", "For a long-run cost curve: what was the average module price in 2017?",
    "unanswerable", why="price data start in 2019", **U)
add(R, "price", "Latest n-type TOPCon module price in India?",
    "unanswerable", why="no India TOPCon module series in the real price data", **U)
add(R, "market", ["How much did Spain add in 2024?", "and what will Spain's installed base be in 2028 under the high scenario?"],
    "unanswerable", why="forecast cumulative values in the real CSV exclude the installed base", **U)

# real instance - financials (sample financials are loaded in both instances)
v, u = fin("Helios Modules Ltd (sample)", "FY2024", "Revenue")
add(R, "manufacturer_financial", "Tying the annual report to your data. Confirm Helios Modules' full-year 2024 revenue.",
    "financial", [E(v, u)], how="financials.csv: Helios Modules Ltd (sample) FY2024 Revenue")

vals = {c: fin(c, "FY2024", "Net income")[0] for c in FI.company.unique()}
loss = sorted([c for c in vals if vals[c] < 0])
add(R, "manufacturer_financial", "Which of the manufacturers you cover reported a net loss for FY2024, and how large?",
    "financial", [E(vals[c], "USD million") for c in loss], [c.split()[0] for c in loss],
    how="financials.csv: FY2024 Net income < 0")

q = sum(fin("Aurora PV Group (sample)", f"2024-Q{i}", "Revenue")[0] for i in range(1, 5))
fy = fin("Aurora PV Group (sample)", "FY2024", "Revenue")[0]
add(R, "manufacturer_financial", "Reconciliation check: do Aurora PV Group's four 2024 quarterly revenues add up to the reported FY2024 revenue? Give both totals.",
    "financial", [E(q, "USD million"), E(fy, "USD million")], how="financials.csv: Aurora sum of 2024-Q1..Q4 Revenue vs FY2024 Revenue")

add(R, "manufacturer_financial", "What EBITDA did SunForge Energy report for FY2024?",
    "unanswerable", why="EBITDA not in the financials", **U)
add(R, "manufacturer_financial", "Benchmarking against the majors: LONGi's revenue for 2024?",
    "unanswerable", why="LONGi not in the financials", **U)

# =====================================================================================
# SAMPLE instance - market
# =====================================================================================
S = "sample"

v = mv(SM, "Italy", 2022)
add(S, "market", f"The Italian sponsor quotes {round(v / 1000, 1)} GW for 2022. Italy's PV additions in 2022 — exact MW?", "lookup", [E(v)], how="sample market: Italy 2022 Historical Primary Total Annual")

v = mv(SM, "Netherlands", 2024, "Cumulative")
add(S, "market", "We're auditing a Dutch rooftop installer. What was the Netherlands' total installed PV capacity at the end of 2024?",
    "lookup", [E(v)], how="sample market: Netherlands 2024 Historical Primary Total Cumulative")

v = mv(SM, "Spain", 2030, "Cumulative", scen="high")
add(S, "market", "Stress-testing the upside case. Spain's cumulative capacity in 2030, high scenario?", "lookup", [E(v)],
    how="sample market: Spain 2030 Forecast - High Total Cumulative")

v = mv(SM, "Poland", 2023, conn="Centralised")
add(S, "market", "How much centralised (ground-mounted) PV did Poland add in 2023?", "lookup", [E(v)],
    how="sample market: Poland 2023 Historical Primary Centralised Annual")

rk = ranking(SM, AGG_SAMPLE, 2024)
add(S, "market", "Rank the countries in your dataset by PV installed in 2024 — just give me the top three.",
    "rank", [E(x[1]) for x in rk[:3]], [x[0] for x in rk[:3]], how="sample market: 2024 Total Annual, countries, top 3")

rk = ranking(SM, AGG_SAMPLE, 2030, "Cumulative", scen="mp")
add(S, "market", "Which 3 countries will have the largest installed base in 2030 (most probable)?",
    "rank", [E(x[1]) for x in rk[:3]], [x[0] for x in rk[:3]], how="sample market: 2030 Forecast - Most probable Total Cumulative, top 3")

rk = ranking(SM, AGG_SAMPLE, 2020)
add(S, "market", "Which country was the smallest market in 2020 among those you cover?",
    "rank", [E(rk[-1][1])], [rk[-1][0]], how="sample market: 2020 Total Annual, countries, smallest")

a, w = mv(SM, "Germany", 2024), mv(SM, "World", 2024)
add(S, "market", "Sanity check on a German installer's pitch. Germany's share of world PV installations in 2024?", "share", [E(a / w * 100, "%")],
    how="sample market: Germany / World 2024 Total Annual")

a, t = mv(SM, "France", 2023, conn="Distributed"), mv(SM, "France", 2023)
add(S, "market", "For France in 2023, what share of new capacity was distributed?", "share", [E(a / t * 100, "%")],
    how="sample market: France 2023 Annual Distributed / Total")

a, w = mv(SM, "Spain", 2030, scen="mp"), mv(SM, "World", 2030, scen="mp")
add(S, "market", "In the most probable scenario, what share of global 2030 additions is Spain expected to take?",
    "share", [E(a / w * 100, "%")], how="sample market: Spain / World 2030 Forecast - Most probable Total Annual")

a, b = mv(SM, "Poland", 2020), mv(SM, "Poland", 2024)
add(S, "market", "Polish market growth is central to the valuation. % change in Polish annual installations between 2020 and 2024?", "change", [E(pct(a, b), "%")],
    how="sample market: Poland Total Annual 2020->2024")

a, b = mv(SM, "Italy", 2024, "Cumulative"), mv(SM, "Italy", 2030, "Cumulative", scen="mp")
add(S, "market", "Italy's installed base: CAGR from end-2024 to 2030 under the most probable scenario?",
    "change", [E(cagr(a, b, 6), "%")], how="sample market: Italy Total Cumulative 2024 hist -> 2030 most probable, 6 years")

a, b = mv(SM, "World", 2023), mv(SM, "World", 2024)
add(S, "market", "The global market — is it true it grew in 2024 vs 2023? Give the YoY % change.",
    "change", [E(pct(a, b), "%")], how="sample market: World Total Annual 2023->2024")

a, b = mv(SM, "Germany", 2030, scen="low"), mv(SM, "France", 2030, scen="low")
add(S, "market", "Downside case review. Low case, 2030: compare German and French annual additions.", "compare", [E(a), E(b)],
    [("Germany" if a > b else "France")], how="sample market: Germany and France 2030 Forecast - Low Total Annual")

a, b = mv(SM, "Germany", 2030, "Cumulative", scen="high"), mv(SM, "Germany", 2030, "Cumulative", scen="low")
add(S, "market", "What is the spread between the high and low scenarios for Germany's cumulative capacity in 2030?",
    "compare", [E(a - b)], how="sample market: Germany 2030 Total Cumulative, High minus Low")

vals = {c: mv(SM, c, 2024, "Cumulative") for c in ["Spain", "Italy", "Netherlands"]}
add(S, "market", "Spain vs Italy vs the Netherlands — installed base at end of 2024 for each?", "compare",
    [E(x) for x in vals.values()], how="sample market: 2024 Total Cumulative for Spain, Italy, Netherlands")

s = series(SM, "Spain", 2015, 2024)
y = max(s, key=s.get)
add(S, "market", "Spain's best year for installations between 2015 and 2024?", "extreme", [E(s[y])], [str(y)],
    how="sample market: Spain Total Annual 2015..2024 max")

s = series(SM, "Netherlands", 2025, 2030, scen="mp")
y = min(s, key=s.get)
add(S, "market", "In the most probable forecast, which year 2025-2030 is the weakest for Dutch additions?", "extreme",
    [E(s[y])], [str(y)], how="sample market: Netherlands Forecast - Most probable Total Annual 2025..2030 min")

s = series(SM, "France", 2015, 2024)
y = min(s, key=s.get)
add(S, "market", "lowest annual PV installations in France over the historical period you hold — which year?", "extreme",
    [E(s[y])], [str(y)], how="sample market: France Total Annual 2015..2024 min")

s = series(SM, "Germany", 2020, 2024)
add(S, "market", "For the base-year normalisation: average annual installations in Germany 2020-2024?", "average", [E(sum(s.values()) / 5)],
    how="sample market: Germany Total Annual 2020..2024 mean")

s = series(SM, "Poland", 2025, 2030, scen="low")
add(S, "market", "Under the low scenario, what are Poland's average yearly additions over 2025–2030?", "average",
    [E(sum(s.values()) / 6)], how="sample market: Poland Forecast - Low Total Annual 2025..2030 mean")

s = series(SM, "Italy", 2025, 2030, scen="high")
add(S, "market", "Cumulative additions Italy 2025 to 2030 in the high scenario — total MW added?", "sum",
    [E(sum(s.values()))], how="sample market: Italy Forecast - High Total Annual 2025..2030 sum")

vals = [mv(SM, c, 2024) for c in ["France", "Spain"]]
add(S, "market", "The company operates only in France and Spain. What did those two countries install together in 2024?", "sum", [E(sum(vals))],
    how="sample market: France + Spain 2024 Total Annual")

s = series(SM, "Poland", 2015, 2024)
y = min(yy for yy, vv in s.items() if vv > 2000)
add(S, "market", "First year Poland's annual market went above 2,000 MW?", "first_latest", [E(s[y])], [str(y)],
    how="sample market: Poland Total Annual, first year > 2000 MW")

y = last_hist(SM, "Germany")
add(S, "market", "Most recent actual (not forecast) figure you hold for German annual additions — which year and how much?",
    "first_latest", [E(mv(SM, "Germany", y))], [str(y)], how="sample market: Germany last Historical Primary year Total Annual")

# follow-ups (sample market)
add(S, "market", ["How much PV did Italy install in 2024?", "and Spain?"], "follow_up", [E(mv(SM, "Spain", 2024))],
    how="sample market: Spain 2024 Total Annual")
add(S, "market", ["Germany's annual additions in 2028, most probable?", "same in the low scenario"], "follow_up",
    [E(mv(SM, "Germany", 2028, scen="low"))], how="sample market: Germany 2028 Forecast - Low Total Annual")
add(S, "market", ["France cumulative capacity end-2024?", "what about 2020?"], "follow_up",
    [E(mv(SM, "France", 2020, "Cumulative"))], how="sample market: France 2020 Total Cumulative")
rk = ranking(SM, AGG_SAMPLE, 2023)
add(S, "market", ["Top 3 countries by 2023 additions?", "as a chart"], "follow_up",
    [E(x[1]) for x in rk[:3]], [x[0] for x in rk[:3]], how="sample market: 2023 Total Annual, countries, top 3")
a, t = mv(SM, "Poland", 2024, conn="Distributed"), mv(SM, "Poland", 2024)
add(S, "market", ["Distributed share of the Netherlands' 2024 additions?", "and Poland's?"], "follow_up",
    [E(a / t * 100, "%")], how="sample market: Poland 2024 Annual Distributed / Total")
a, b = mv(SM, "Spain", 2024), mv(SM, "Spain", 2030, scen="high")
add(S, "market", ["Spain annual installs CAGR 2019-2024?", "And 2024 to 2030 in the high case?"], "follow_up",
    [E(cagr(a, b, 6), "%")], how="sample market: Spain Total Annual 2024 hist -> 2030 Forecast - High, 6 years")

# =====================================================================================
# SAMPLE instance - prices
# =====================================================================================
p, d, u = p_latest(SP, "Module", "n-type TOPCon", "India")
add(S, "price", "Indian procurement contract, checking the price clause. Latest TOPCon module price in India?", "price", [E(p, u)],
    how=f"sample prices: Module / n-type TOPCon / India newest {d.date()}")

p, u = p_month(SP, "Polysilicon", "High purity - 9N/9N+", "China", "2024-03")
add(S, "price", "Chinese high-purity polysilicon (9N) price in March 2024, US$/kg?", "price", [E(p, u)],
    how="sample prices: Polysilicon / High purity - 9N/9N+ / China 2024-03")

s = p_span(SP, "PV glass", "Glass 3,2mm", "EU")
rmin, rmax = s.loc[s.base_price.idxmin()], s.loc[s.base_price.idxmax()]
add(S, "price", "Min and max of EU 3.2mm PV glass prices over the whole series?", "price",
    [E(rmin.base_price, rmin.unit), E(rmax.base_price, rmax.unit)], how="sample prices: PV glass / Glass 3,2mm / EU min and max")

a, ua = p_month(SP, "Module", "n-type HJT", "China", "2024-12")
b, _ = p_month(SP, "Module", "n-type HJT", "US", "2024-12")
add(S, "price", "HJT modules, December 2024: China vs US price, and the difference?", "price",
    [E(a, ua), E(b, ua), E(b - a, ua)], how="sample prices: Module / n-type HJT China and US 2024-12, US minus China")

vals = {r: p_month(SP, "Module", "p-type mono-Si PERC M10", r, "2024-06")[0] for r in ["China", "EU", "India", "US"]}
cheap = min(vals, key=vals.get)
add(S, "price", "In June 2024, which region had the cheapest PERC M10 modules, and at what price?", "price",
    [E(vals[cheap], "US$/Wp")], [cheap], how="sample prices: Module / p-type mono-Si PERC M10, 2024-06, min across regions")

a, u = p_month(SP, "Wafer", "n-type mono-Si M10", "China", "2023-01")
b, _ = p_month(SP, "Wafer", "n-type mono-Si M10", "China", "2024-12")
add(S, "price", "Chinese n-type M10 wafer price, change in % from Jan 2023 to Dec 2024?", "price", [E(pct(a, b), "%")],
    how="sample prices: Wafer / n-type mono-Si M10 / China 2023-01 -> 2024-12")

s = p_span(SP, "Cell", "n-type TOPCon M10", "EU", "2024-01-01", "2024-12-31")
assert len(s) == 12
add(S, "price", "Cell costs in the EU factory model look low. Average EU TOPCon M10 cell price during 2024?", "price", [E(s.base_price.mean(), s.unit.iloc[0])],
    how="sample prices: Cell / n-type TOPCon M10 / EU mean of 2024 monthly obs")

p, d, u = p_latest(SP, "Polysilicon", "High purity - 9N/9N+", "EU")
add(S, "price", ["What's the latest polysilicon price in China?", "and in the EU?"], "follow_up", [E(p, u)],
    how=f"sample prices: Polysilicon / High purity - 9N/9N+ / EU newest {d.date()}")

p, u = p_month(SP, "Module", "n-type TOPCon", "US", "2023-07")
add(S, "price", ["US TOPCon module price in January 2023?", "what about July 2023?"], "follow_up", [E(p, u)],
    how="sample prices: Module / n-type TOPCon / US 2023-07")

# =====================================================================================
# SAMPLE instance - financials
# =====================================================================================
v, u = fin("SunForge Energy (sample)", "2024-Q3", "Gross margin")
add(S, "manufacturer_financial", "Quarterly review. SunForge Energy gross margin in Q3 2024?", "financial", [E(v, u)],
    how="financials.csv: SunForge 2024-Q3 Gross margin")

a = fin("Aurora PV Group (sample)", "FY2023", "Net income")[0]
b = fin("Aurora PV Group (sample)", "FY2024", "Net income")[0]
add(S, "manufacturer_financial", "By what % did Aurora PV Group's net income fall from FY2023 to FY2024?", "financial",
    [E(pct(a, b), "%")], how="financials.csv: Aurora Net income FY2023 -> FY2024 % change")

v, u = fin("Nordlicht Solar AG (sample)", "2024-Q4", "Module shipments")
add(S, "manufacturer_financial", "Volume check for the Q4 trading update: Nordlicht Solar's module shipments in 2024-Q4?", "financial", [E(v, u)],
    how="financials.csv: Nordlicht 2024-Q4 Module shipments")

vals = {c: fin(c, "FY2024", "Revenue")[0] for c in FI.company.unique()}
order = sorted(vals, key=lambda c: -vals[c])
add(S, "manufacturer_financial", "Rank the manufacturers you hold by FY2024 revenue, largest first.", "financial",
    [E(vals[c], "USD million") for c in order], [c.split()[0] for c in order],
    how="financials.csv: FY2024 Revenue, all companies, descending")

a = fin("Helios Modules Ltd (sample)", "2023-Q4", "Production capacity")[0]
b = fin("Helios Modules Ltd (sample)", "2024-Q4", "Production capacity")[0]
add(S, "manufacturer_financial", "How much production capacity (GW) did Helios add between Q4 2023 and Q4 2024?", "financial",
    [E(b - a, "GW")], how="financials.csv: Helios Production capacity 2024-Q4 minus 2023-Q4")

ni = fin("Helios Modules Ltd (sample)", "FY2023", "Net income")[0]
rev = fin("Helios Modules Ltd (sample)", "FY2023", "Revenue")[0]
add(S, "manufacturer_financial", "Helios Modules FY2023: net income as a % of revenue?", "financial", [E(ni / rev * 100, "%")],
    how="financials.csv: Helios FY2023 Net income / Revenue * 100")

v, u = fin("Helios Modules Ltd (sample)", "FY2024", "Net income")
add(S, "manufacturer_financial", ["SunForge Energy net income FY2024?", "and Helios?"], "follow_up", [E(v, u)],
    how="financials.csv: Helios FY2024 Net income")

# =====================================================================================
# SAMPLE instance - unanswerable
# =====================================================================================
add(S, "market", "The Benelux slide needs Belgium. Belgian PV additions in 2024?", "unanswerable", why="Belgium not in the sample market data", **U)
add(S, "market", "How much did the USA install in 2023?", "unanswerable", why="USA not in the sample market data", **U)
add(S, "market", "Italy's annual installations in 2011, at the peak of the Conto Energia boom?", "unanswerable",
    why="sample market data start in 2015", **U)
add(S, "market", "What does the high scenario show for Germany in 2035?", "unanswerable",
    why="forecasts end in 2030", **U)
add(S, "market", "What's the average capacity factor of Spanish PV plants?", "unanswerable",
    why="capacity factor / generation not held", **U)
add(S, "market", "How much solar thermal (CSP) capacity does Spain have?", "unanswerable",
    why="solar thermal not held; PV only", **U)
add(S, "price", "One supplier ships to Japan. Module price in Japan, latest?", "unanswerable", why="no Japan region in sample prices", **U)
add(S, "price", "What was the polysilicon price in China in mid-2022?", "unanswerable",
    why="sample prices start in January 2023", **U)
add(S, "price", "Average module conversion efficiency for TOPCon in 2024?", "unanswerable",
    why="efficiency not held", **U)
add(S, "price", "Silver paste is a big cost line for the cell maker. Latest silver price per ounce?", "unanswerable", why="silver not in sample prices", **U)
add(S, "manufacturer_financial", "Peer benchmarking. JinkoSolar module shipments 2024?", "unanswerable",
    why="JinkoSolar not in the financials", **U)
add(S, "manufacturer_financial", "Helios Modules' R&D spend in FY2024?", "unanswerable",
    why="R&D expense not in the financials", **U)
add(S, "manufacturer_financial", ["Aurora PV Group revenue FY2024?", "How many employees do they have?"], "unanswerable",
    why="headcount not in the financials", **U)

# =====================================================================================
# write + self-check
# =====================================================================================
with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
    for it in ITEMS:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
n = len(ITEMS)
unans = sum(not it["answerable"] for it in ITEMS)
chains = sum(len(it["turns"]) > 1 for it in ITEMS)
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert it["why"], it["id"]
assert n >= 110, n
assert unans >= 28, unans
assert chains >= 12, chains
print("total", n, "answerable", n - unans, "unanswerable", unans, "multi-turn", chains)
print("by data", dict(Counter(it["data"] for it in ITEMS)))
print("by agent", dict(Counter(it["agent"] for it in ITEMS)))
print("by kind", dict(Counter(it["kind"] for it in ITEMS)))
print("by kind x data", dict(Counter((it["kind"], it["data"]) for it in ITEMS)))
