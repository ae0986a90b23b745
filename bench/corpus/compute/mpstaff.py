"""Held-out questions, writer mpstaff (persona: MEP industry-committee research staffer).

Every expected figure is computed here from the data files; nothing numeric is typed by hand
(only years, thresholds and the names that define a question).
Run:  python3 compute.py   -> writes questions.jsonl next to this file and prints counts.
"""
import json
import math
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
W = "mpstaff"

# ----------------------------------------------------------------------------- data
REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]


def load_market(path):
    m = pd.read_csv(path)
    m = m.drop_duplicates()  # exact duplicates counted once
    # RoW has pairs differing only in metadata columns; same capacity -> keep one
    m = m.drop_duplicates(KEY + ["Capacity(MW)"])
    assert not m.duplicated(KEY).any(), "conflicting values for one key"
    return m


MK = {"real": load_market(REAL_MARKET), "sample": load_market(S_MARKET)}

rp = pd.read_parquet(REAL_PRICES)
rp["date"] = pd.to_datetime(rp["date"])
sp = pd.read_csv(S_PRICES, parse_dates=["date"])
PR = {"real": rp, "sample": sp}
FIN = pd.read_csv(S_FIN)

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
EU27 = [
    "Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic", "Denmark", "Estonia",
    "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy", "Latvia", "Lithuania",
    "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal", "Romania", "Slovakia", "Slovenia",
    "Spain", "Sweden",
]
for _c in EU27:
    assert _c in set(MK["real"].Territory), _c


def last_hist(data, terr):
    m = MK[data]
    return int(m[(m.Territory == terr) & (m.Scenario == "Historical Primary")].Year.max())


def scen_for(data, terr, year, scen=None):
    if scen:
        return {"high": "Forecast - High", "low": "Forecast - Low",
                "mp": "Forecast - Most probable"}[scen]
    return "Historical Primary" if year <= last_hist(data, terr) else "Forecast - Most probable"


def v(data, terr, year, typ="Annual", conn="Total", scen=None):
    m = MK[data]
    s = scen_for(data, terr, year, scen)
    if data == "real" and typ == "Cumulative":
        assert s == "Historical Primary", "no forecast cumulative from the real CSV"
    r = m[(m.Territory == terr) & (m.Year == year) & (m.Scenario == s) & (m.Connection == conn)
          & (m.Type == typ)]
    assert len(r) == 1, (data, terr, year, typ, conn, s, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def series(data, terr, years, typ="Annual", conn="Total", scen=None):
    return {y: v(data, terr, y, typ, conn, scen) for y in years}


def year_table(data, year, typ="Annual", conn="Total", terrs=None, scen=None):
    """value per territory for one year (historical if year <= 2024 else named/most probable)."""
    m = MK[data]
    out = {}
    cands = terrs if terrs is not None else sorted(set(m.Territory) - AGGREGATES)
    for t in cands:
        s = scen_for(data, t, year, scen)
        r = m[(m.Territory == t) & (m.Year == year) & (m.Scenario == s) & (m.Connection == conn)
              & (m.Type == typ)]
        if len(r) == 1 and pd.notna(r["Capacity(MW)"].iloc[0]):
            out[t] = float(r["Capacity(MW)"].iloc[0])
    return out


def topn(d, n, largest=True):
    items = sorted(d.items(), key=lambda kv: kv[1], reverse=largest)
    # no tie at the cut
    assert items[n - 1][1] != items[n][1], "tie at cut"
    return items[:n]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def hist_span(data, terr, typ="Annual", conn="Total"):
    m = MK[data]
    r = m[(m.Territory == terr) & (m.Scenario == "Historical Primary") & (m.Connection == conn)
          & (m.Type == typ)].dropna(subset=["Capacity(MW)"])
    return dict(zip(r.Year.astype(int), r["Capacity(MW)"].astype(float)))


def argmax_unique(d, largest=True):
    best = max(d.values()) if largest else min(d.values())
    ks = [k for k, x in d.items() if x == best]
    assert len(ks) == 1, "tie"
    return ks[0], best


# ---- prices
def pser(data, item, desc, region, unit=None):
    p = PR[data]
    r = p[(p.item == item) & (p.description == desc) & (p.region == region)]
    if unit:
        r = r[r.unit == unit]
    assert r.unit.nunique() == 1, (item, desc, region, r.unit.unique())
    assert len(r) > 0
    return r.sort_values("date")


def p_latest(data, item, desc, region, unit=None):
    r = pser(data, item, desc, region, unit)
    d = r.date.max()
    x = r[r.date == d]
    assert len(x) == 1, "several observations on latest date"
    return float(x.base_price.iloc[0]), d, x.unit.iloc[0]


def p_first(data, item, desc, region, unit=None):
    r = pser(data, item, desc, region, unit)
    d = r.date.min()
    x = r[r.date == d]
    assert len(x) == 1
    return float(x.base_price.iloc[0]), d


def p_month(data, item, desc, region, ym, unit=None):
    r = pser(data, item, desc, region, unit)
    x = r[r.date.dt.strftime("%Y-%m") == ym]
    assert len(x) == 1, ("not exactly one obs in month", item, desc, region, ym, len(x))
    return float(x.base_price.iloc[0]), x.unit.iloc[0]


def p_ext(data, item, desc, region, largest=True, start=None, end=None, unit=None):
    r = pser(data, item, desc, region, unit)
    if start:
        r = r[r.date >= start]
    if end:
        r = r[r.date <= end]
    val = r.base_price.max() if largest else r.base_price.min()
    dates = sorted(r[r.base_price == val].date.dt.strftime("%Y-%m-%d").unique())
    return float(val), dates, r.unit.iloc[0]


def p_mean(data, item, desc, region, start, end, unit=None):
    r = pser(data, item, desc, region, unit)
    r = r[(r.date >= start) & (r.date <= end)]
    return float(r.base_price.mean()), len(r), r.unit.iloc[0]


# ---- financials
def f(company, period, metric):
    r = FIN[(FIN.company.str.startswith(company)) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


# ----------------------------------------------------------------------------- items
ITEMS = []


def add(data, agent, turns, kind, expect=None, names=None, how="", answerable=True, why=None):
    it = {
        "id": f"{W}-{len(ITEMS) + 1:03d}",
        "writer": W,
        "data": data,
        "agent": agent,
        "turns": turns if isinstance(turns, list) else [turns],
        "answerable": answerable,
        "kind": kind,
        "expect": expect or [],
        "names": names or [],
        "how": how,
    }
    if not answerable:
        it["why"] = why
        it["kind"] = "unanswerable"
    ITEMS.append(it)


def MW(x):
    return {"value": x, "unit": "MW"}


def PCT(x):
    return {"value": x, "unit": "%"}


def U(x, unit):
    return {"value": x, "unit": unit}


R, S = "real", "sample"

# ============================================================================ REAL: market
# ---- lookups
add(R, "market", "Good morning. For the record, how many MW of PV were installed in Poland in 2024?",
    "lookup", [MW(v(R, "Poland", 2024))], how="market CSV: Poland, 2024, Historical Primary, Total, Annual")

add(R, "market", "Next I need Germany. Please give me total installed PV capacity of Germany at end of 2024 (cumulative).",
    "lookup", [MW(v(R, "Germany", 2024, "Cumulative"))],
    how="market CSV: Germany, 2024, Historical Primary, Total, Cumulative")

add(R, "market", "I am preparing note on rooftop solar for the ITRE committee. How much capacity was added in "
    "distributed segment in the EU in 2023?",
    "lookup", [MW(v(R, "EU", 2023, conn="Distributed"))],
    how="market CSV: EU, 2023, Historical Primary, Distributed, Annual")

add(R, "market", "What is most probable forecast for new PV installations in Italy for year 2027?",
    "lookup", [MW(v(R, "Italy", 2027, scen="mp"))],
    how="market CSV: Italy, 2027, Forecast - Most probable, Total, Annual")

add(R, "market", "Romanian utility-scale (centralised) PV additions in 2024 — how many MW?",
    "lookup", [MW(v(R, "Romania", 2024, conn="Centralised"))],
    how="market CSV: Romania, 2024, Historical Primary, Centralised, Annual")

# ---- rankings (countries only)
t24 = year_table(R, 2024)
top5 = topn(t24, 5)
add(R, "market", "The MEP will speak on a conference about global solar market. Which five countries installed "
    "the most PV in 2024? Please give MW for each one.",
    "rank", [MW(x) for _, x in top5], [n for n, _ in top5],
    how="market CSV: 2024 Annual Total Historical Primary, countries only (aggregates excluded), top 5")

eu_cum24 = year_table(R, 2024, "Cumulative", terrs=EU27)
assert len(eu_cum24) == 27
top3c = topn(eu_cum24, 3)
add(R, "market", "For our briefing on EU member states: which three have the biggest instaled PV base at the end "
    "of 2024?", "rank", [MW(x) for _, x in top3c], [n for n, _ in top3c],
    how="market CSV: EU27 members, 2024 Cumulative Total Historical Primary, top 3")

eu24 = year_table(R, 2024, terrs=EU27)
assert len(eu24) == 27
above_pl = [n for n, x in sorted(eu24.items(), key=lambda kv: -kv[1]) if x > eu24["Poland"]]
add(R, "market", "The MEP said in plenary that Poland is \"in the top five of the EU\". Which EU member states added "
    "more PV than Poland in 2024?",
    "rank", [MW(eu24[n]) for n in above_pl], above_pl,
    how="market CSV: EU27 members 2024 Annual Total, those with value > Poland's")

bot3 = topn(eu24, 3, largest=False)
add(R, "market", "Which three EU countries had the smallest new PV installations in 2024?",
    "rank", [MW(x) for _, x in bot3], [n for n, _ in bot3],
    how="market CSV: EU27 members 2024 Annual Total, bottom 3")

d23 = year_table(R, 2023, conn="Distributed")
top3d = topn(d23, 3)
add(R, "market", "Rooftop again. top 3 countries worldwide for distributed PV additions in 2023?",
    "rank", [MW(x) for _, x in top3d], [n for n, _ in top3d],
    how="market CSV: 2023 Annual Distributed Historical Primary, countries only, top 3")

# ---- shares
add(R, "market", "Many colleagues speak about dependence from China. What share of world's PV installations "
    "in 2024 was in China?", "share",
    [PCT(v(R, "China", 2024) / v(R, "World", 2024) * 100)],
    how="China 2024 Annual Total / World 2024 Annual Total (Historical Primary) x100")

add(R, "market", "What part of global cumulative PV capacity at end of 2024 was located in the EU, in %?",
    "share", [PCT(v(R, "EU", 2024, "Cumulative") / v(R, "World", 2024, "Cumulative") * 100)],
    how="EU 2024 Cumulative Total / World 2024 Cumulative Total x100")

add(R, "market", "What was the share of distributed systems in Poland's PV additions in 2024?",
    "share", [PCT(v(R, "Poland", 2024, conn="Distributed") / v(R, "Poland", 2024) * 100)],
    how="Poland 2024 Annual Distributed / Poland 2024 Annual Total x100")

add(R, "market", "Germany's share of total EU installations in 2024 — how much % please?",
    "share", [PCT(v(R, "Germany", 2024) / v(R, "EU", 2024) * 100)],
    how="Germany 2024 Annual Total / EU 2024 Annual Total x100")

# ---- change
add(R, "market", "We need to update the NZIA background paper. By how many percent did EU annual PV "
    "installations change between 2023 and 2024?",
    "change", [PCT(pct(v(R, "EU", 2023), v(R, "EU", 2024)))],
    how="(EU 2024 Annual - EU 2023 Annual)/EU 2023 Annual x100")

add(R, "market", "For the record I need the compound annual growth rate of Poland's installed PV base "
    "between 2019 and 2024.", "change",
    [PCT(cagr(v(R, "Poland", 2019, "Cumulative"), v(R, "Poland", 2024, "Cumulative"), 5))],
    how="CAGR of Poland Cumulative Total 2019->2024 over 5 years")

add(R, "market", "How many MW more did Germnay install in 2023 compared to 2022?",
    "change", [MW(v(R, "Germany", 2023) - v(R, "Germany", 2022))],
    how="Germany Annual Total 2023 - 2022")

add(R, "market", "Year-on-year growth of the world PV market in 2024, in percent?",
    "change", [PCT(pct(v(R, "World", 2023), v(R, "World", 2024)))],
    how="(World Annual 2024 - 2023)/2023 x100")

add(R, "market", "Spanish market seems to slow down. What was the % change of Spain's annual installations "
    "from 2023 to 2024?", "change", [PCT(pct(v(R, "Spain", 2023), v(R, "Spain", 2024)))],
    how="(Spain Annual 2024 - 2023)/2023 x100")

# ---- compare
add(R, "market", "Our MEP is from Poland and he wants a regional comparison. Please compare 2024 PV installations "
    "of Poland, Czech Republic and Hungary.",
    "compare", [MW(v(R, c, 2024)) for c in ["Poland", "Czech Republic", "Hungary"]],
    ["Poland", "Czech Republic", "Hungary"],
    how="Annual Total 2024 Historical Primary for the three countries")

fr, it_ = v(R, "France", 2024, "Cumulative"), v(R, "Italy", 2024, "Cumulative")
add(R, "market", "France or Italy — which one had more PV installed in total at end of 2024, and what is "
    "the difference in MW?", "compare",
    [MW(fr), MW(it_), MW(abs(fr - it_))], ["Italy" if it_ > fr else "France"],
    how="Cumulative Total 2024 France vs Italy, absolute difference")

us, ind = v(R, "USA", 2024), v(R, "India", 2024)
add(R, "market", "How many times bigger was the US PV market than the Indian one in 2024? Please give both figures.",
    "compare", [MW(us), MW(ind), U(us / ind, "x")],
    how="USA Annual Total 2024 / India Annual Total 2024")

# ---- extreme
sp_h = hist_span(R, "Spain")
yk, yv = argmax_unique(sp_h)
add(R, "market", "In which year did Spain install the most PV capacity so far, and how much it was?",
    "extreme", [MW(yv)], [str(yk)], how="argmax over Spain Annual Total Historical Primary, all years")

it_h = hist_span(R, "Italy")
yk2, yv2 = argmax_unique(it_h)
add(R, "market", "Italy had the Conto Energia boom long time ago. Which was the record year for Italian PV "
    "installations?",
    "extreme", [MW(yv2)], [str(yk2)], how="argmax over Italy Annual Total Historical Primary, all years")

de_h = {y: x for y, x in hist_span(R, "Germany").items() if 2013 <= y <= 2024}
yk3, yv3 = argmax_unique(de_h, largest=False)
add(R, "market", "After the boom years Germany had big slowdown. In which year between 2013 and 2024 were German "
    "additions the lowest?", "extreme", [MW(yv3)], [str(yk3)],
    how="argmin over Germany Annual Total Historical Primary 2013-2024")

eud = hist_span(R, "EU", conn="Distributed")
yk4, yv4 = argmax_unique(eud)
add(R, "market", "In what year did EU distributed PV segment reach its peak of annual additions?",
    "extreme", [MW(yv4)], [str(yk4)], how="argmax over EU Annual Distributed Historical Primary")

# ---- average
pl = series(R, "Poland", range(2020, 2025))
add(R, "market", "We want one simple number for the speech. What was the average yearly PV installation in Poland "
    "over 2020-2024?",
    "average", [MW(sum(pl.values()) / len(pl))], how="mean of Poland Annual Total 2020..2024 (5 values)")

eu_f = series(R, "EU", range(2025, 2031), scen="mp")
add(R, "market", "In the most probable scenario, how much PV will the EU add on average per year in "
    "2025-2030?", "average", [MW(sum(eu_f.values()) / len(eu_f))],
    how="mean of EU Annual Total Forecast - Most probable 2025..2030")


# ---- sum
de5 = series(R, "Germany", range(2020, 2025))
add(R, "market", "The minister quoted a figure for German installations in last five years and I want to check it. "
    "How much PV has Germany added in total during 2020-2024 (sum of the five years)?",
    "sum", [MW(sum(de5.values()))], how="sum of Germany Annual Total 2020..2024")

balt = {c: v(R, c, 2024) for c in ["Estonia", "Latvia", "Lithuania"]}
add(R, "market", "Baltic states together — Estonia, Latvia and Lithuania — how many MW did they install "
    "in 2024?", "sum", [MW(sum(balt.values()))], how="sum of Annual Total 2024 for EE, LV, LT")

v4 = {c: v(R, c, 2024, "Cumulative") for c in ["Poland", "Czech Republic", "Slovakia", "Hungary"]}
add(R, "market", "There is a V4 meeting next week. Combined installed PV capacity of Visegrad countries (PL, CZ, "
    "SK, HU) at end of 2024?", "sum", [MW(sum(v4.values()))], how="sum of Cumulative Total 2024 for PL, CZ, SK, HU")

add(R, "market", "If the most probable forecast is right, how many MW will the EU install in total over "
    "2025–2030 (adding the yearly additions)?", "sum", [MW(sum(eu_f.values()))],
    how="sum of EU Annual Total Forecast - Most probable 2025..2030")

# ---- first / latest
pl_h = hist_span(R, "Poland")
first_pl = min(y for y, x in pl_h.items() if x > 1000)
add(R, "market", "In which year did Poland for the first time install more than 1 GW of PV in single year?",
    "first_latest", [MW(pl_h[first_pl])], [str(first_pl)],
    how="first year with Poland Annual Total > 1000 MW (Historical Primary)")

cn_h = hist_span(R, "China")
first_cn = min(y for y, x in cn_h.items() if x > 100000)
add(R, "market", "Chinese growth is enormous. First year when China's annual PV additions went over 100 GW?",
    "first_latest", [MW(cn_h[first_cn])], [str(first_cn)],
    how="first year with China Annual Total > 100000 MW (Historical Primary)")

hu_last = last_hist(R, "Hungary")
add(R, "market", "What is the latest year of actual (not forecasted) data for Hungary, and what was "
    "installed in that year?", "first_latest", [MW(v(R, "Hungary", hu_last))], [str(hu_last)],
    how="last Historical Primary year for Hungary and its Annual Total")

eu_cum_h = hist_span(R, "EU", "Cumulative")
first_eu = min(y for y, x in eu_cum_h.items() if x > 100000)
add(R, "market", "When did EU's installed base pass 100 GW for the first time?",
    "first_latest", [MW(eu_cum_h[first_eu])], [str(first_eu)],
    how="first year with EU Cumulative Total > 100000 MW")

# ============================================================================ REAL: prices
val, d, u = p_latest(R, "Module", "n-type TOPCon", "EU")
add(R, "price", "What is actual price of n-type TOPCon modules in the EU? I mean the most recent one.", "price",
    [U(val, u)], [d.strftime("%Y")],
    how=f"prices parquet: Module / n-type TOPCon / EU, newest date {d.date()}")

val, u = p_month(R, "Copper", "Copper", "Overseas", "2024-03")
add(R, "price", "Copper is important for cables and inverters. What was the copper price in March 2024?",
    "price", [U(val, u)], how="prices parquet: Copper / Overseas, monthly obs dated 2024-03")

hi, hd, u = p_ext(R, "Polysilicon", "High purity - 9N/9N+", "China", True)
lo, ld, _ = p_ext(R, "Polysilicon", "High purity - 9N/9N+", "China", False)
add(R, "price", "For the record: highest and lowest price of high purity (9N/9N+) polysilicon in China in "
    "the whole series?", "price", [U(hi, u), U(lo, u)],
    how="prices parquet: Polysilicon / High purity - 9N/9N+ / China, max and min over all observations")

f0, fd = p_first(R, "Module", "n-type TOPCon", "EU")
l0, ldd, u = p_latest(R, "Module", "n-type TOPCon", "EU")
add(R, "price", "How much in % has EU price of n-type TOPCon modules changed from the first observation "
    "in the series (April 2024) to the latest one?", "price", [PCT(pct(f0, l0))],
    how=f"Module/n-type TOPCon/EU: (latest {ldd.date()} - first {fd.date()})/first x100")

regs = {r_: p_latest(R, "Module", "n-type TOPCon", r_) for r_ in ["EU", "US", "China"]}
cheapest = min(regs, key=lambda k: regs[k][0])
add(R, "price", "There is debate whether European module makers can compete. Compare latest TOPCon module prices "
    "in EU, US and China — where they are cheapest?",
    "price", [U(regs[k][0], regs[k][2]) for k in ["EU", "US", "China"]], [cheapest],
    how="Module/n-type TOPCon latest value per region EU, US, China; min region")

hjt = p_latest(R, "Module", "n-type HJT", "EU")
tpc = p_latest(R, "Module", "n-type TOPCon", "EU")
add(R, "price", "In Europe, is HJT module more expensive than TOPCon? Latest prices of both, please.",
    "price", [U(hjt[0], hjt[2]), U(tpc[0], tpc[2])],
    how="latest Module/n-type HJT/EU vs latest Module/n-type TOPCon/EU")

am, n_am, u = p_mean(R, "Aluminium", "Aluminium", "Overseas", "2024-01-01", "2024-12-31")
assert n_am == 12
add(R, "price", "Aluminium frames are significant part of module cost. What was average aluminium price in 2024, "
    "based on the monthly data?", "price", [U(am, u)],
    how="mean of the 12 monthly Aluminium/Overseas obs dated in 2024")

val, u = p_month(R, "Silver", "Silver", "Overseas", "2025-01", unit="K US$/t")
add(R, "price", "Silver paste is a big cost for cells. What was silver price in January 2025?",
    "price", [U(val, u)], how="prices parquet: Silver / Overseas, monthly obs 2025-01 (unit K US$/t)")


val, d, u = p_latest(R, "Wafer", "n-type mono-Si M10", "Overseas")
add(R, "price", "Wafers are almost all made in China, so this is sensitive. latest overseas price of n-type mono "
    "M10 wafers?", "price", [U(val, u)],
    how=f"Wafer / n-type mono-Si M10 / Overseas newest date {d.date()}")

# ============================================================================ financials (sample file)
val, u = f("Helios", "FY2024", "Revenue")
add(R, "manufacturer_financial", "For a hearing on manufacturing we use some example companies. What was Helios Modules' revenue for "
    "full year 2024?", "financial",
    [U(val, u)], how="financials: Helios Modules Ltd, FY2024, Revenue")

val, u = f("SunForge", "FY2024", "Net income")
add(R, "manufacturer_financial", "Another company from the sample list. Did SunForge Energy make profit in 2024? Net income for the "
    "full year please.",
    "financial", [U(val, u)], how="financials: SunForge Energy, FY2024, Net income")

fy_ship = {c: f(c, "FY2024", "Module shipments")[0] for c in ["Helios", "SunForge", "Aurora", "Nordlicht"]}
full = {c: FIN[FIN.company.str.startswith(c)].company.iloc[0] for c in fy_ship}
bestc = max(fy_ship, key=fy_ship.get)
add(R, "manufacturer_financial", "Which manufacturer shipped the most modules in 2024 (full year), and how "
    "many GW?", "financial", [U(fy_ship[bestc], "GW")], [bestc],
    how="financials: FY2024 Module shipments, max over companies")

# ============================================================================ REAL follow-up chains
add(R, "market", ["I am checking numbers from a press release. How much PV did Poland add in 2023?", "And Czech Republic?"], "follow_up",
    [MW(v(R, "Czech Republic", 2023))], how="Czech Republic 2023 Annual Total Historical Primary")

add(R, "market", ["What was Germany's installed PV base at the end of 2024?", "what about 2020?"],
    "follow_up", [MW(v(R, "Germany", 2020, "Cumulative"))], how="Germany 2020 Cumulative Total")

add(R, "market", ["For the record, what is the most probable forecast of EU annual installations for 2030?",
                  "Same for the high scenario please.", "and the low one?"],
    "follow_up", [MW(v(R, "EU", 2030, scen="low"))], how="EU 2030 Forecast - Low, Total, Annual")

top5eu = topn(eu24, 5)
add(R, "market", ["Give me top 5 EU member states by PV installed in 2024.", "Could you show this as a chart?"],
    "follow_up", [MW(x) for _, x in top5eu], [n for n, _ in top5eu],
    how="EU27 2024 Annual Total top 5, as a chart")

add(R, "market", ["We compare self-consumption in the South. What share of Spain's 2024 additions was distributed PV?",
    "And for Italy?"],
    "follow_up", [PCT(v(R, "Italy", 2024, conn="Distributed") / v(R, "Italy", 2024) * 100)],
    how="Italy 2024 Annual Distributed / Italy 2024 Annual Total x100")

us_t = p_latest(R, "Module", "n-type TOPCon", "US")
add(R, "price", ["Latest price of n-type TOPCon modules in the EU?", "and in the US?"], "follow_up",
    [U(us_t[0], us_t[2])], how=f"Module / n-type TOPCon / US newest date {us_t[1].date()}")

nl_h = hist_span(R, "Netherlands")
nk, nv = argmax_unique(nl_h)
add(R, "market", ["Dutch colleagues say their market is saturated. Which year was the peak for Dutch PV installations?", "How much was installed in that year?"],
    "follow_up", [MW(nv)], [str(nk)], how="argmax Netherlands Annual Total Historical Primary, value")

add(R, "market", ["China's share of global PV additions in 2024?", "and in 2020?"], "follow_up",
    [PCT(v(R, "China", 2020) / v(R, "World", 2020) * 100)], how="China 2020 Annual / World 2020 Annual x100")

add(R, "market", ["What was CAGR of Poland's annual installations from 2020 to 2024?", "Same for Romania."],
    "follow_up", [PCT(cagr(v(R, "Romania", 2020), v(R, "Romania", 2024), 4))],
    how="CAGR Romania Annual Total 2020->2024, 4 years")

add(R, "market", ["How much PV did Spain install in 2024?",
                  "For the record — is this figure in DC or in AC? The ministry publishes AC."],
    "follow_up", [], ["DC"], how="market CSV AC/DC column: DC for Spain 2024 rows (all capacities MW DC)")
assert set(MK[R][(MK[R].Territory == "Spain") & (MK[R].Year == 2024)]["AC/DC"].dropna()) == {"DC"}

add(R, "market", ["What was Italy's installed base at end of 2024?", "Please in GW, the MEP does not like MW."],
    "follow_up", [MW(v(R, "Italy", 2024, "Cumulative"))],
    how="Italy 2024 Cumulative Total Historical Primary (stated in GW)")

# ============================================================================ REAL unanswerable
UNR = [
    ("market", "The MEP asks also about onshore wind. How much wind capacity was installed in Poland in 2024?",
     "wind power is not in the data; PV only"),
    ("market", "Our committee looks also at storage. What battery storage capacity was installed in Germany "
               "in 2024?", "battery storage is not in the data"),
    ("market", "What is LCOE of utility-scale PV in Spain at the moment, in EUR/MWh?", "LCOE not held"),
    ("market", "How many GWh did solar PV generate in EU in 2024?", "electricity generation not held"),
    ("market", "For the record, how many people are employed in the PV sector in Poland?", "jobs not held"),
    ("price", "There were discussions about trade defence again. What anti-dumping tariff does the EU apply on "
               "Chinese modules now?", "tariffs not held"),
    ("market", "What was the value of the EU PV market in 2024 in EUR (bn)?", "market value in EUR not held"),
    ("market", "What will be Poland's cumulative installed PV capacity in 2030 in the most probable scenario?",
     "forecast cumulative values in the real CSV exclude the installed base; cannot be given"),
    ("market", "For comparison with Europe: what is the most probable forecast for US installations in 2026?",
     "the real CSV holds forecasts only for European territories and World; none for the USA"),
    ("market", "Our delegation goes to Nairobi. How much PV did Kenya install in 2023?", "Kenya is not in the data"),
    ("market", "Forecast of Polish PV additions for 2035, most probable?", "forecasts end in 2030"),
    ("price", "What is current price of string inverters in Europe (per Wp)?", "inverter prices not held"),
    ("price", "Latest TOPCon module price in Japan?", "no Japan region in the price data"),
    ("price", "For the record: what share of the module price is polysilicon today, in %?", "a share of a price is not held"),
    ("manufacturer_financial", "What was LONGi's revenue in 2024, in USD?", "LONGi is not in the financials"),
    ("market", "What is the average size of a residential PV system in Poland, in kW?",
     "system sizes not held"),
    ("market", "How much PV was installed in Poland in the first quarter of 2024?",
     "market data is annual only, no quarters"),
    ("market", "Repowering is a topic in the committee. How many MW of PV were decommissioned in Germany in 2023?",
     "decommissioning not held; all rows are installations"),
    ("market", "Solar thermal collectors in Greece — how much was installed in 2023?",
     "solar thermal is not in the data"),
]
for ag, q, why in UNR:
    add(R, ag, q, "unanswerable", answerable=False, why=why)

# unanswerable follow-up (real)
add(R, "market", ["What was Poland's installed PV base at end of 2024?",
                  "And what will it be in 2030 in the most probable scenario?"], "unanswerable",
    answerable=False, why="forecast cumulative in the real CSV excludes the installed base")

# ============================================================================ SAMPLE: market
add(S, "market", "NL cumulative PV capacity at end of 2023?", "lookup",
    [MW(v(S, "Netherlands", 2023, "Cumulative"))], how="sample market: Netherlands 2023 Cumulative Total")

add(S, "market", "How much off-grid PV was added in France in 2024? It is for a footnote.", "lookup",
    [MW(v(S, "France", 2024, conn="Off-grid"))], how="sample market: France 2024 Annual Off-grid")

s24 = year_table(S, 2024)
s_top3 = topn(s24, 3)
add(S, "market", "Quick ranking for a slide. Rank the countries in the database by PV installed in 2024 - top three "
    "please.", "rank",
    [MW(x) for _, x in s_top3], [n for n, _ in s_top3],
    how="sample market: 2024 Annual Total, countries (World excluded), top 3")

s30h = year_table(S, 2030, scen="high")
s30_top3 = topn(s30h, 3)
add(S, "market", "Looking at the optimistic case. Under the high scenario, which three countries are expected to "
    "install most PV in 2030?",
    "rank", [MW(x) for _, x in s30_top3], [n for n, _ in s30_top3],
    how="sample market: 2030 Forecast - High Annual Total, countries, top 3")

add(S, "market", "What was Spain's share of world PV additions in 2024?", "share",
    [PCT(v(S, "Spain", 2024) / v(S, "World", 2024) * 100)], how="sample: Spain 2024 Annual / World 2024 Annual")

add(S, "market", "Prosumers are a big political topic in Poland. Share of distributed PV in Poland's new "
    "installations in 2024?", "share",
    [PCT(v(S, "Poland", 2024, conn="Distributed") / v(S, "Poland", 2024) * 100)],
    how="sample: Poland 2024 Annual Distributed / Total")

add(S, "market", "Dutch market is falling I think. Percentage change of Netherlands annual installations "
    "2021 to 2024?", "change", [PCT(pct(v(S, "Netherlands", 2021), v(S, "Netherlands", 2024)))],
    how="sample: (NL Annual 2024 - 2021)/2021 x100")

add(S, "market", "CAGR of world cumulative PV capacity from 2024 to 2030 in most probable scenario?",
    "change", [PCT(cagr(v(S, "World", 2024, "Cumulative"), v(S, "World", 2030, "Cumulative", scen="mp"), 6))],
    how="sample: World Cumulative 2024 (hist) -> 2030 (Forecast - Most probable), 6 years")

add(S, "market", "Poland vs the Netherlands: installed base at end-2024?", "compare",
    [MW(v(S, "Poland", 2024, "Cumulative")), MW(v(S, "Netherlands", 2024, "Cumulative"))],
    ["Netherlands" if v(S, "Netherlands", 2024, "Cumulative") > v(S, "Poland", 2024, "Cumulative") else "Poland"],
    how="sample: Cumulative Total 2024 Poland vs Netherlands")

add(S, "market", "In the low scenario, how do Germany and France compare for 2030 additions? Give MW for both.", "compare",
    [MW(v(S, "Germany", 2030, scen="low")), MW(v(S, "France", 2030, scen="low"))],
    how="sample: 2030 Forecast - Low Annual Total Germany vs France")

es_s = hist_span(S, "Spain")
ek, ev = argmax_unique(es_s)
add(S, "market", "Looking only at historical data (up to 2024), in which year did Spain add the most PV?",
    "extreme", [MW(ev)], [str(ek)], how="sample: argmax Spain Annual Total Historical Primary")

nl_s = hist_span(S, "Netherlands")
nk_s, nv_s = argmax_unique(nl_s)
add(S, "market", "Record year for the Netherlands (historical only, not forecast)?", "extreme", [MW(nv_s)],
    [str(nk_s)], how="sample: argmax Netherlands Annual Total Historical Primary")

it_s = series(S, "Italy", range(2020, 2025))
add(S, "market", "The Italian MEP asked us a question. Average annual PV installations in Italy 2020–2024?", "average",
    [MW(sum(it_s.values()) / 5)], how="sample: mean Italy Annual Total 2020..2024")

fr_s = series(S, "France", range(2025, 2031), scen="mp")
add(S, "market", "What is the average yearly addition expected in France for 2025-2030 (most probable)?",
    "average", [MW(sum(fr_s.values()) / 6)], how="sample: mean France Annual Forecast - Most probable 2025..2030")

south = {c: v(S, c, 2024) for c in ["Italy", "Spain", "France"]}
add(S, "market", "We write about the South of Europe. Sum of 2024 installations in Italy, Spain and France?", "sum", [MW(sum(south.values()))],
    how="sample: sum Annual Total 2024 IT+ES+FR")

pl_f = series(S, "Poland", range(2025, 2031), scen="mp")
add(S, "market", "How much will Poland add in total over 2025–2030 according to the most probable forecast?",
    "sum", [MW(sum(pl_f.values()))], how="sample: sum Poland Annual Forecast - Most probable 2025..2030")

first_es = min(y for y, x in es_s.items() if x > 5000)
add(S, "market", "First year Spain installed more than 5,000 MW?", "first_latest", [MW(es_s[first_es])],
    [str(first_es)], how="sample: first year Spain Annual Total Historical > 5000 MW")

fr_last = last_hist(S, "France")
add(S, "market", "Which is most recent year with historical data for France, and how much was installed in it?",
    "first_latest", [MW(v(S, "France", fr_last))], [str(fr_last)],
    how="sample: last Historical Primary year France, Annual Total")

# ---- sample prices
val, u = p_month(S, "Module", "n-type TOPCon", "China", "2024-12")
add(S, "price", "End of year prices are needed for annex. TOPCon module price in China in December 2024?", "price", [U(val, u)],
    how="sample prices: Module / n-type TOPCon / China, 2024-12")

pc = p_latest(S, "Polysilicon", "High purity - 9N/9N+", "China")
pe = p_latest(S, "Polysilicon", "High purity - 9N/9N+", "EU")
add(S, "price", "The NZIA wants European polysilicon. Please compare latest polysilicon prices (high purity) in "
    "China and EU, and tell how many times the EU one is higher.",
    "price", [U(pc[0], pc[2]), U(pe[0], pe[2]), U(pe[0] / pc[0], "x")],
    how="sample prices: latest Polysilicon/9N China and EU; ratio EU/China")

mx, mxd, u = p_ext(S, "Module", "n-type HJT", "India", True)
add(S, "price", "What was the highest HJT module price in India in the series?", "price", [U(mx, u)],
    how="sample prices: max Module / n-type HJT / India")

g0, _ = p_month(S, "PV glass", "Glass 3,2mm", "EU", "2023-01")
g1, _ = p_month(S, "PV glass", "Glass 3,2mm", "EU", "2024-12")
add(S, "price", "Change in % of 3.2mm PV glass price in the EU between January 2023 and December 2024?",
    "price", [PCT(pct(g0, g1))], how="sample prices: Glass 3,2mm EU (2024-12 - 2023-01)/2023-01 x100")

perc = {r_: p_latest(S, "Module", "p-type mono-Si PERC M10", r_) for r_ in ["China", "EU", "India", "US"]}
cheap = min(perc, key=lambda k: perc[k][0])
dear = max(perc, key=lambda k: perc[k][0])
add(S, "price", "Which region has cheapest PERC M10 modules at the latest date, and which one the most expensive?",
    "price", [U(perc[cheap][0], perc[cheap][2]), U(perc[dear][0], perc[dear][2])], [cheap, dear],
    how="sample prices: latest Module / p-type mono-Si PERC M10 per region; min and max")

wm, n_wm, u = p_mean(S, "Wafer", "n-type mono-Si M10", "China", "2024-01-01", "2024-12-31")
assert n_wm == 12
add(S, "price", "Average price of n-type M10 wafers in China during 2024?", "average", [U(wm, u)],
    how="sample prices: mean of 12 monthly Wafer / n-type mono-Si M10 / China obs in 2024")

# ---- sample financials
val, u = f("Helios", "2023-Q3", "Gross margin")
add(S, "manufacturer_financial", "Manufacturers complain about margins. Gross margin of Helios Modules in Q3 2023?", "financial", [U(val, u)],
    how="financials: Helios 2023-Q3 Gross margin")

a_, _ = f("SunForge", "FY2023", "Revenue")
b_, _ = f("SunForge", "FY2024", "Revenue")
add(S, "manufacturer_financial", "By how much % did SunForge revenue fall from FY2023 to FY2024?",
    "financial", [PCT(pct(a_, b_))], how="financials: SunForge Revenue (FY2024-FY2023)/FY2023 x100")

q1, u = f("Aurora", "2024-Q1", "Net income")
q2, _ = f("Aurora", "2024-Q2", "Net income")
add(S, "manufacturer_financial", "Aurora PV Group net income in first half of 2024 (Q1 plus Q2)?", "financial",
    [U(q1 + q2, u)], how="financials: Aurora Net income 2024-Q1 + 2024-Q2")

rev24 = {c: f(c, "FY2024", "Revenue")[0] for c in ["Helios", "SunForge", "Aurora", "Nordlicht"]}
rk = sorted(rev24, key=rev24.get, reverse=True)
add(S, "manufacturer_financial", "For the table in the annex: rank the four manufacturers by revenue in FY2024, with figures.", "financial",
    [U(rev24[c], "USD million") for c in rk], rk, how="financials: FY2024 Revenue sorted descending")

nq = {p_: f("Nordlicht", p_, "Gross margin")[0] for p_ in
      ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]}
lq, lv = argmax_unique(nq, largest=False)
add(S, "manufacturer_financial", "Nordlicht Solar is the European example in our note. Which quarter had its worst gross margin?", "financial",
    [U(lv, "%")], [lq.split("-")[1]], how="financials: argmin Nordlicht quarterly Gross margin")

s23, _ = f("Helios", "FY2023", "Module shipments")
s24_, _ = f("Helios", "FY2024", "Module shipments")
add(S, "manufacturer_financial", "Growth of Helios module shipments FY2023 to FY2024 in %?", "financial",
    [PCT(pct(s23, s24_))], how="financials: Helios Module shipments (FY2024-FY2023)/FY2023 x100")

# ---- sample follow-up chains
add(S, "market", ["How much PV did Italy install in 2024?", "what is the forecast for 2030 in the low scenario?"],
    "follow_up", [MW(v(S, "Italy", 2030, scen="low"))], how="sample: Italy 2030 Forecast - Low Annual Total")

add(S, "manufacturer_financial", ["What was revenue of Helios Modules in FY2024?", "And net income?"],
    "follow_up", [U(*f("Helios", "FY2024", "Net income"))], how="financials: Helios FY2024 Net income")

t0, _ = p_month(S, "Module", "n-type TOPCon", "China", "2023-01")
t1, _ = p_month(S, "Module", "n-type TOPCon", "China", "2024-12")
add(S, "price", ["TOPCon module price in China in December 2024?",
                 "How did it change since January 2023, in %?"], "follow_up", [PCT(pct(t0, t1))],
    how="sample: Module/n-type TOPCon/China (2024-12 - 2023-01)/2023-01 x100")

add(S, "market", ["Germany's cumulative PV capacity at end of 2024?",
                  "And the most probable forecast of installed base for 2030?"], "follow_up",
    [MW(v(S, "Germany", 2030, "Cumulative", scen="mp"))],
    how="sample: Germany 2030 Cumulative Forecast - Most probable")

add(S, "market", ["Spanish utility-scale is interesting for us. Spain centralised PV additions in 2023?", "And the year before?"], "follow_up",
    [MW(v(S, "Spain", 2022, conn="Centralised"))], how="sample: Spain 2022 Annual Centralised")

# ---- sample unanswerable
UNS = [
    ("market", "How much PV was installed in Hungary in 2024, in MW?", "Hungary is not in the sample data"),
    ("market", "We want longer history for Italy. Italy's PV installations in 2014?", "sample market data starts in 2015"),
    ("price", "What is the copper price now? Cables are expensive.", "copper is not in the sample prices"),
    ("price", "PERC module price in China in January 2022?", "sample prices start in January 2023"),
    ("manufacturer_financial", "Analysts look mostly at EBITDA. EBITDA of Helios Modules in 2024?", "EBITDA is not in the financials"),
    ("manufacturer_financial", "Chinese big players are more relevant for us. JinkoSolar module shipments in 2024?", "JinkoSolar is not in the financials"),
    ("price", "TOPCon module price in Brazil?", "no Brazil region in the sample prices"),
    ("market", "Just for comparison with PV: how much wind power was installed in Germany in 2024?", "wind is not in the data"),
    ("manufacturer_financial", "Revenue of Helios Modules in Q1 2025?", "financials end with 2024-Q4/FY2024"),
    ("market", "How many MW of electrolysers for green hydrogen were installed in Spain in 2024?",
     "electrolysers/hydrogen are not in the data"),
    ("market", "What was France's electricity generation from PV in 2024 in TWh?", "generation not held"),
]
for ag, q, why in UNS:
    add(S, ag, q, "unanswerable", answerable=False, why=why)

# ============================================================================ self-check + write
ids = [i["id"] for i in ITEMS]
assert len(ids) == len(set(ids))
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(1 for i in ITEMS if not i["answerable"])
assert n_un >= 28, n_un
n_chain = sum(1 for i in ITEMS if len(i["turns"]) >= 2)
assert n_chain >= 12, n_chain
for i in ITEMS:
    if i["answerable"]:
        assert i["expect"] or i["names"], i["id"]
        for e in i["expect"]:
            assert isinstance(e["value"], float) and math.isfinite(e["value"]), i["id"]
    else:
        assert not i["expect"] and i.get("why"), i["id"]
with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
    for i in ITEMS:
        fh.write(json.dumps(i, ensure_ascii=False) + "\n")

print("items", len(ITEMS), "unanswerable", n_un, "chains", n_chain)
print("by kind", dict(Counter(i["kind"] for i in ITEMS)))
print("by data", dict(Counter(i["data"] for i in ITEMS)))
print("by agent", dict(Counter(i["agent"] for i in ITEMS)))
print("kind x data", dict(Counter((i["kind"], i["data"]) for i in ITEMS)))
