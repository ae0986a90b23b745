#!/usr/bin/env python3
"""Held-out questions, writer `datajourno` (data journalist, weekend solar-boom feature).

Every expected figure below is computed from the data files; nothing numeric is typed by hand
except the question text itself (years, thresholds, and the claim being fact-checked).
Run:  python3 compute.py   -> writes questions.jsonl next to this file and prints a self-check.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "datajourno"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
CAP = "Capacity(MW)"

# aggregates (never counted as countries)
AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}


# ----------------------------------------------------------------------------- loading
def load_market(path):
    m = pd.read_csv(path)
    m = m.drop_duplicates()  # exact duplicate rows counted once
    # remaining rows that share the key only differ in metadata columns; values agree
    d = m.drop_duplicates(KEY)
    chk = m.drop_duplicates(KEY + [CAP])
    assert len(chk) == len(d), "conflicting values for one key"
    return d


MK = {"real": load_market(REAL_MARKET), "sample": load_market(SAMPLE_MARKET)}

pr = pd.read_parquet(REAL_PRICES)
pr["date"] = pd.to_datetime(pr["date"])
ps = pd.read_csv(SAMPLE_PRICES)
ps["date"] = pd.to_datetime(ps["date"])
PR = {"real": pr, "sample": ps}
FN = pd.read_csv(FIN)


def last_hist(data, terr):
    m = MK[data]
    return int(m[(m.Territory == terr) & (m.Scenario == "Historical Primary")].Year.max())


def scen_for(data, terr, year, scen=None):
    if scen:
        return {"high": "Forecast - High", "low": "Forecast - Low",
                "most probable": "Forecast - Most probable"}[scen]
    return "Historical Primary" if year <= last_hist(data, terr) else "Forecast - Most probable"


def val(data, terr, year, typ="Annual", conn="Total", scen=None):
    m = MK[data]
    s = scen_for(data, terr, year, scen)
    r = m[(m.Territory == terr) & (m.Year == year) & (m.Scenario == s) & (m.Connection == conn)
          & (m.Type == typ)]
    assert len(r) == 1, (data, terr, year, typ, conn, s, len(r))
    return float(r[CAP].iloc[0])


def series(data, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: val(data, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def countries(data, year, typ="Annual", conn="Total"):
    m = MK[data]
    r = m[(m.Year == year) & (m.Scenario == "Historical Primary") & (m.Connection == conn)
          & (m.Type == typ) & ~m.Territory.isin(AGGREGATES)]
    return r.sort_values(CAP, ascending=False)[["Territory", CAP]].values.tolist()


def topn(data, year, n, typ="Annual", conn="Total"):
    c = countries(data, year, typ, conn)
    assert c[n - 1][1] > c[n][1], "tie at the cut"
    return c[:n]


def argmax_year(d):
    mx = max(d.values())
    ys = [y for y, v in d.items() if v == mx]
    assert len(ys) == 1, ("tie", ys)
    return ys[0], mx


def argmin_year(d):
    mn = min(d.values())
    ys = [y for y, v in d.items() if v == mn]
    assert len(ys) == 1, ("tie", ys)
    return ys[0], mn


def first_year_above(d, thr):
    for y in sorted(d):
        if d[y] > thr:
            return y, d[y]
    raise AssertionError("never above")


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


# prices
def pser(data, item, desc, region, unit=None):
    p = PR[data]
    s = p[(p.item == item) & (p.description == desc) & (p.region == region)]
    if unit:
        s = s[s.unit == unit]
    assert len(s) > 0, (item, desc, region)
    assert s.unit.nunique() == 1, "mixed units"
    return s.sort_values("date")


def latest(s):
    d = s.date.max()
    r = s[s.date == d]
    assert len(r) == 1, "several observations on the latest date"
    return float(r.base_price.iloc[0]), d


def at_month(s, ym):
    y, mth = ym
    r = s[(s.date.dt.year == y) & (s.date.dt.month == mth)]
    assert len(r) == 1, ("need exactly one obs in month", ym, len(r))
    return float(r.base_price.iloc[0])


def smax(s):
    mx = float(s.base_price.max())
    return mx, s[s.base_price == mx].date.tolist()


def smin(s):
    mn = float(s.base_price.min())
    return mn, s[s.base_price == mn].date.tolist()


def one_month(dates):
    ms = {(d.year, d.month) for d in dates}
    assert len(ms) == 1, ("extreme spans several months", ms)
    return list(ms)[0]


def one_year(dates):
    ys = {d.year for d in dates}
    assert len(ys) == 1, ("extreme spans several years", ys)
    return list(ys)[0]


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


# financials
def fin(company, period, metric):
    r = FN[(FN.company.str.startswith(company)) & (FN.period == period) & (FN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


def fullname(company):
    return FN[FN.company.str.startswith(company)].company.iloc[0]


# ----------------------------------------------------------------------------- items
ITEMS = []


def add(data, agent, kind, turns, expect=None, names=None, how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {"id": f"{WRITER}-{len(ITEMS) + 1:03d}", "writer": WRITER, "data": data, "agent": agent,
          "turns": turns, "answerable": answerable, "kind": kind,
          "expect": expect or [], "names": names or [], "how": how}
    if not answerable:
        it["why"] = why
        it["kind"] = "unanswerable"
        it["expect"] = []
    ITEMS.append(it)


def E(v, u="MW"):
    return {"value": float(v), "unit": u}


CSV = "market CSV"
R, S = "real", "sample"

# ============================================================ REAL: market, single turn
# lookup
v = val(R, "Germany", 2024)
add(R, "market", "lookup",
    "doing the germany fact box for the weekend piece. a trade body says germany put in over 17,000 MW in 2024 - whats the actual number in your data?",
    [E(v)], how=f"{CSV}: Germany 2024 Historical Primary Total Annual")

v = val(R, "India", 2024)
add(R, "market", "lookup",
    "fact check pls - a report we got says india added 25 GW of solar in 2024. what does your data say?",
    [E(v)], how=f"{CSV}: India 2024 Historical Primary Total Annual (claim of 25 GW vs data)")

v = val(R, "Spain", 2023, "Cumulative")
add(R, "market", "lookup",
    "spain's installed base at the end of 2023, in GW?",
    [E(v)], how=f"{CSV}: Spain 2023 Historical Primary Total Cumulative")

v = val(R, "Pakistan", 2024)
add(R, "market", "lookup",
    "someone on the desk swears pakistan was a huge solar market last year. how many MW did pakistan add in 2024?",
    [E(v)], how=f"{CSV}: Pakistan 2024 Historical Primary Total Annual")

# rank
t = topn(R, 2024, 5)
add(R, "market", "rank",
    "building the main ranking graphic. top 5 countries by new pv installs in 2024, w/ the numbers pls",
    [E(x[1]) for x in t], [x[0] for x in t],
    how=f"{CSV}: 2024 Historical Primary Total Annual, countries only (aggregates excluded), top 5")

t = topn(R, 2024, 3, "Cumulative")
add(R, "market", "rank",
    "for a bar chart: which 3 countries have the biggest installed solar fleets at end of 2024?",
    [E(x[1]) for x in t], [x[0] for x in t],
    how=f"{CSV}: 2024 Historical Primary Total Cumulative, countries only, top 3")

t = topn(R, 2010, 3)
add(R, "market", "rank",
    "throwback box. back in 2010 who were the three biggest markets by annual additions?",
    [E(x[1]) for x in t], [x[0] for x in t],
    how=f"{CSV}: 2010 Historical Primary Total Annual, countries only, top 3")

# share
a, w = val(R, "China", 2024), val(R, "World", 2024)
add(R, "market", "share",
    "our intro says china is more than half the world market. what share of global solar additions in 2024 went to china?",
    [E(a / w * 100, "%")], how=f"{CSV}: China 2024 Annual Total / World 2024 Annual Total (Historical Primary)")

a, w = val(R, "USA", 2024, "Cumulative"), val(R, "World", 2024, "Cumulative")
add(R, "market", "share",
    "comparing the two superpowers. us share of the world's cumulative pv capacity at end-2024?",
    [E(a / w * 100, "%")], how=f"{CSV}: USA 2024 Cumulative Total / World 2024 Cumulative Total")

a, t_ = val(R, "Germany", 2024, conn="Distributed"), val(R, "Germany", 2024)
add(R, "market", "share",
    "germany is supposedly a rooftop story. what % of its 2024 additions were distributed?",
    [E(a / t_ * 100, "%")], how=f"{CSV}: Germany 2024 Annual Distributed / Germany 2024 Annual Total")

# change
a, b = val(R, "World", 2014), val(R, "World", 2024)
add(R, "market", "change",
    "whats the CAGR of global annual solar instalations from 2014 to 2024?",
    [E(cagr(a, b, 10), "%")], how=f"{CSV}: World Annual Total 2014 and 2024, CAGR over 10 years")

a, b = val(R, "Germany", 2023), val(R, "Germany", 2024)
add(R, "market", "change",
    "germany had a strong 2023 already. germany's additions: 2024 vs 2023, how much up in %?",
    [E(pct(a, b), "%")], how=f"{CSV}: Germany Annual Total 2023 -> 2024, % change")

a, b = val(R, "Brazil", 2019, "Cumulative"), val(R, "Brazil", 2024, "Cumulative")
add(R, "market", "change",
    "brazil angle: how many times bigger was brazil's installed base at end of 2024 than at end of 2019?",
    [E(b / a, "x")], how=f"{CSV}: Brazil Cumulative Total 2024 / 2019")

# compare
a, b = val(R, "China", 2024), val(R, "USA", 2024)
add(R, "market", "compare",
    "headline check: how many times bigger is china's solar market than the US's? 2024 installs",
    [E(a / b, "x")], how=f"{CSV}: China 2024 Annual Total / USA 2024 Annual Total")

vals = {c: val(R, c, 2024) for c in ["Spain", "Italy", "France"]}
top = max(vals, key=vals.get)
add(R, "market", "compare",
    "southern europe sidebar - spain vs italy vs france, new capacity in 2024. who's ahead?",
    [E(vals[c]) for c in vals], [top], how=f"{CSV}: 2024 Annual Total for Spain, Italy, France; largest named")

a, b = val(R, "Germany", 2010), val(R, "China", 2010)
add(R, "market", "compare",
    "for the 'how it started' para: in 2010 how many times more solar did germany add than china?",
    [E(a / b, "x")], how=f"{CSV}: Germany 2010 Annual Total / China 2010 Annual Total")

# extreme
sp = series(R, "Spain", 2001, last_hist(R, "Spain"))
y, v = argmax_year(sp)
add(R, "market", "extreme",
    "spain box. biggest year so far for spain in terms of new installs (actuals, up to 2024)?",
    [E(v)], [str(y)], how=f"{CSV}: Spain Annual Total, Historical Primary 2001-2024, max")

it_ = series(R, "Italy", 1992, last_hist(R, "Italy"))
y, v = argmax_year(it_)
add(R, "market", "extreme",
    "italy's record solar year - was it 2024? which year to date did italy add the most pv",
    [E(v)], [str(y)], how=f"{CSV}: Italy Annual Total, Historical Primary 1992-2024, max")

de = series(R, "Germany", 2010, 2024)
y, v = argmin_year(de)
add(R, "market", "extreme",
    "chart germany's yearly additions since 2010 for me, and tell me which year was the low point",
    [E(v)], [str(y)], how=f"{CSV}: Germany Annual Total 2010-2024, min")

# average
de = series(R, "Germany", 2010, 2019)
add(R, "market", "average",
    "the 2010s were germany's hangover decade after the feed-in boom. avg annual additions in germany over the 2010s (2010-2019)?",
    [E(sum(de.values()) / len(de))], how=f"{CSV}: Germany Annual Total 2010..2019, mean of 10 years")

w = series(R, "World", 2015, 2024)
add(R, "market", "average",
    "we want a line like 'the world has added on average X GW a year over the last decade'. avg global additions 2015 to 2024 inclusive?",
    [E(sum(w.values()) / len(w))], how=f"{CSV}: World Annual Total 2015..2024, mean of 10 years")

# sum
us = series(R, "USA", 2020, 2024)
add(R, "market", "sum",
    "IRA piece. total US solar added across 2020-2024, all five years summed",
    [E(sum(us.values()))], how=f"{CSV}: USA Annual Total 2020..2024, sum")

de_h = series(R, "Germany", 2025, 2030, scen="high")
add(R, "market", "sum",
    "germany outlook. in the high scenario how much new pv does germany add in total 2025 through 2030?",
    [E(sum(de_h.values()))], how=f"{CSV}: Germany Annual Total Forecast - High 2025..2030, sum of annual additions")

# first / latest
w = series(R, "World", 1992, last_hist(R, "World"))
y, v = first_year_above(w, 100000)
add(R, "market", "first_latest",
    "records box. when did the world first add more than 100 GW of solar in a single year?",
    [E(v)], [str(y)], how=f"{CSV}: World Annual Total, first year > 100,000 MW")

cn = series(R, "China", 2000, last_hist(R, "China"))
y, v = first_year_above(cn, 100000)
add(R, "market", "first_latest",
    "china chart annotation. first year china alone installed over 100 GW?",
    [E(v)], [str(y)], how=f"{CSV}: China Annual Total, first year > 100,000 MW")

inc = series(R, "India", 2010, last_hist(R, "India"), "Cumulative")
y, v = first_year_above(inc, 100000)
add(R, "market", "first_latest",
    "india milestone - in which year did india's cumulative solar capacity first go past 100 GW?",
    [E(v)], [str(y)], how=f"{CSV}: India Cumulative Total, first year > 100,000 MW")

# ============================================================ REAL: market follow-ups
a = val(R, "Germany", 2024)
b = val(R, "Spain", 2024)
add(R, "market", "follow_up",
    ["how much pv did germany add in 2024?", "and spain?"],
    [E(b)], how=f"{CSV}: Spain 2024 Historical Primary Total Annual")

a = val(R, "China", 2020) / val(R, "World", 2020) * 100
add(R, "market", "follow_up",
    ["china's share of global installs in 2024?", "what about 2020?"],
    [E(a, "%")], how=f"{CSV}: China 2020 Annual Total / World 2020 Annual Total")

b = val(R, "Germany", 2030, scen="high")
add(R, "market", "follow_up",
    ["what's germnay expected to install in 2030?", "same for the high scenario"],
    [E(b)], how=f"{CSV}: Germany 2030 Forecast - High Total Annual")

de = series(R, "Germany", 2010, 2024)
y, v = argmax_year(de)
add(R, "market", "follow_up",
    ["plot germany's yearly additions 2010-2024 as a chart", "which year in that chart was the biggest, and how big?"],
    [E(v)], [str(y)], how=f"{CSV}: Germany Annual Total 2010-2024, max")

t = topn(R, 2015, 5)
add(R, "market", "follow_up",
    ["top 5 countries by solar additions in 2024?", "and in 2015?"],
    [E(x[1]) for x in t], [x[0] for x in t], how=f"{CSV}: 2015 Historical Primary Total Annual, countries only, top 5")

a = val(R, "Italy", 2024, "Cumulative", "Distributed") / val(R, "Italy", 2024, "Cumulative") * 100
add(R, "market", "follow_up",
    ["italy's total installed pv capacity at end of 2024?", "how much of that is distributed, as a %?"],
    [E(a, "%")], how=f"{CSV}: Italy 2024 Cumulative Distributed / Italy 2024 Cumulative Total")

# ============================================================ REAL: prices
s = pser(R, "Module", "n-type TOPCon", "China")
v, d = latest(s)
add(R, "price", "price",
    "price collapse box. whats the latest n-type topcon module price in china?",
    [E(v, "US$/Wp")], how=f"prices parquet: Module / n-type TOPCon / China, newest date {d.date()}")

s = pser(R, "Polysilicon", "High purity - 9N/9N+", "Overseas")
mx, mxd = smax(s)
lv, ld = latest(s)
add(R, "price", "price",
    "the polysilicon crash. high purity 9N/9N+ polysilicon, overseas price: what was the peak, where is it now, and how far has it fallen in %?",
    [E(mx, "US$/kg"), E(lv, "US$/kg"), E(pct(mx, lv), "%")], [str(one_year(mxd))],
    how=f"prices parquet: Polysilicon / High purity - 9N/9N+ / Overseas: max over series, latest ({ld.date()}), % change max->latest")

s = pser(R, "Copper", "Copper", "Overseas")
mn, mnd = smin(s)
y_, m_ = one_month(mnd)
add(R, "price", "price",
    "raw materials side note: cheapest month for copper in your data?",
    [E(mn, "US$/t")], [MONTHS[m_ - 1], str(y_)], how="prices parquet: Copper / Overseas monthly, min over series")

lv, ld = latest(s)
prev = at_month(s, (ld.year - 1, ld.month))
add(R, "price", "price",
    "copper's been rallying, might be a side story. copper: latest price vs a year earlier, % change?",
    [E(lv, "US$/t"), E(prev, "US$/t"), E(pct(prev, lv), "%")],
    how=f"prices parquet: Copper / Overseas monthly, latest ({ld.date()}) vs same month one year earlier")

s = pser(R, "Aluminium", "Aluminium", "Overseas")
v = at_month(s, (2022, 3))
add(R, "price", "price",
    "frames are aluminium so the spring 2022 spike matters for the story. aluminium price in march 2022?",
    [E(v, "US$/t")], how="prices parquet: Aluminium / Overseas monthly, 2022-03")

vals = {}
for rg in ["US", "EU", "China"]:
    vals[rg] = latest(pser(R, "Module", "n-type TOPCon", rg))[0]
add(R, "price", "price",
    "how much more do US buyers pay for topcon modules than europeans? latest prices pls, and the ratio",
    [E(vals["US"], "US$/Wp"), E(vals["EU"], "US$/Wp"), E(vals["US"] / vals["EU"], "x")],
    how="prices parquet: Module / n-type TOPCon, latest US and EU observations, ratio US/EU")

s = pser(R, "PV glass", "Glass 3,2mm", "China")
mx, mxd = smax(s)
lv, ld = latest(s)
add(R, "price", "price",
    "3.2mm pv glass in china - peak price and the latest one?",
    [E(mx, "US$/m²"), E(lv, "US$/m²")], [str(one_year(mxd))],
    how=f"prices parquet: PV glass / Glass 3,2mm / China: max over series and latest ({ld.date()})")

s = pser(R, "Wafer", "p-type mono-Si M10", "China")
mx, _ = smax(s)
lv, ld = latest(s)
add(R, "price", "price",
    "wafers got hammered too apparently. p-type M10 wafers in china. % drop from the highest price on record to the latest?",
    [E(pct(mx, lv), "%")], how=f"prices parquet: Wafer / p-type mono-Si M10 / China, max -> latest ({ld.date()}) % change")

s = pser(R, "Module", "n-type TOPCon", "China")
s24 = s[s.date.dt.year == 2024]
add(R, "price", "price",
    "average n-type topcon module price in china across 2024?",
    [E(s24.base_price.mean(), "US$/Wp")], how="prices parquet: Module / n-type TOPCon / China, mean of all 2024 observations")

s = pser(R, "EVA", "EVA", "Overseas")
mx, mxd = smax(s)
y_, m_ = one_month(mxd)
add(R, "price", "price",
    "when did EVA peak and at what price?",
    [E(mx, "US$/t")], [MONTHS[m_ - 1], str(y_)], how="prices parquet: EVA / Overseas monthly, max over series")

s = pser(R, "Cell", "p-type mono-Si PERC", "China")
mx, _ = smax(s)
mn, _ = smin(s)
add(R, "price", "price",
    "plain p-type mono PERC cells in china (the generic series, not M10/G12): highest and lowest price in the data?",
    [E(mx, "US$/Wp"), E(mn, "US$/Wp")], how="prices parquet: Cell / p-type mono-Si PERC / China, max and min over series")

# price follow-ups (real)
s = pser(R, "Copper", "Copper", "Overseas")
lv, ld = latest(s)
prev = at_month(s, (ld.year - 1, ld.month))
add(R, "price", "follow_up",
    ["latest copper price?", "and a year before that?"],
    [E(prev, "US$/t")], how=f"prices parquet: Copper / Overseas monthly, {ld.year - 1}-{ld.month:02d} (one year before latest)")

s = pser(R, "Polysilicon", "High purity - 9N/9N+", "Overseas")
mx, mxd = smax(s)
after = s[s.date > max(mxd)]
mn = float(after.base_price.min())
mnd = after[after.base_price == mn].date.tolist()
add(R, "price", "follow_up",
    ["when did overseas 9N/9N+ polysilicon peak?", "and the lowest it's been since then?"],
    [E(mn, "US$/kg")], [str(one_year(mnd))],
    how="prices parquet: Polysilicon / High purity - 9N/9N+ / Overseas, min after the peak date")

# ============================================================ REAL: financials (sample financials loaded)
rows = []
for c in FN.company.unique():
    r = FN[(FN.company == c) & (FN.period == "FY2024") & (FN.metric == "Module shipments")]
    rows.append((c, float(r.value.iloc[0])))
rows.sort(key=lambda x: -x[1])
add(R, "manufacturer_financial", "financial",
    "for the manufacturers sidebar - rank the companies by module shipments in FY2024",
    [E(x[1], "GW") for x in rows], [x[0].replace(" (sample)", "") for x in rows],
    how="financials: Module shipments, FY2024, all companies sorted descending")

v, u = fin("Aurora", "2024-Q4", "Gross margin")
add(R, "manufacturer_financial", "financial",
    "aurora pv group gross margin in Q4 2024?",
    [E(v, u)], how="financials: Aurora PV Group, 2024-Q4, Gross margin")

v, u = fin("Nordlicht", "2024-Q4", "Production capacity")
add(R, "manufacturer_financial", "financial",
    "nordlicht solar's production capacity as of 2024-Q4?",
    [E(v, u)], how="financials: Nordlicht Solar AG, 2024-Q4, Production capacity")

neg = FN[(FN.period == "FY2024") & (FN.metric == "Net income") & (FN.value < 0)]
add(R, "manufacturer_financial", "financial",
    "which of the module makers lost money in FY2024 and by how much?",
    [E(x, "USD million") for x in neg.value], [c.replace(" (sample)", "") for c in neg.company],
    how="financials: Net income FY2024 < 0")

q = FN[(FN.company.str.startswith("Aurora")) & (FN.metric == "Revenue") & FN.period.str.contains("-Q")]
mx = q.value.max()
qp = q[q.value == mx].period.tolist()
assert len(qp) == 1
add(R, "manufacturer_financial", "financial",
    "aurora's best quarter for revenue?",
    [E(mx, "USD million")], [qp[0]], how="financials: Aurora PV Group, Revenue, max over quarterly periods")

# ============================================================ REAL: unanswerable
U = [
    ("market", "editor wants a wind comparison box next to the solar one. how much wind capacity did germany add in 2024?", "wind is not in the data; PV only"),
    ("market", "how much battery storage got installed in the US in 2024?", "storage is not in the data"),
    ("market", "whats the LCOE of utility-scale solar in spain right now?", "LCOE not held"),
    ("market", "capacity is one thing but readers care about output. how many GWh did solar generate in china in 2023?", "generation (GWh) not held; only capacity"),
    ("market", "for the jobs angle - how many people work in india's solar industry?", "employment not held"),
    ("market", "germany's feed-in tariff in 2010, ct/kWh?", "tariffs not held"),
    ("market", "market value of italian solar installs in 2023 in EUR?", "market value in EUR not held"),
    ("market", "africa paragraph - we keep hearing about nigerian solar. nigeria's solar additions in 2024?", "Nigeria not in the market data"),
    ("market", "world pv additions in 1985?", "market data starts in 1992"),
    ("market", "what will germany's total installed pv capacity be by 2030, most probable scenario?", "forecast cumulative figures in the real CSV exclude the installed base; not usable"),
    ("market", "in the high scenario, how big is spain's installed base in 2028?", "forecast cumulative figures in the real CSV exclude the installed base; not usable"),
    ("market", "whats china expected to add in 2026?", "no forecast for China in the data (forecasts cover European countries only)"),
    ("market", "csp / solar thermal capacity in spain?", "solar thermal / CSP not in the data"),
    ("market", "world solar additions in 2035 - any projection?", "forecasts end in 2030"),
    ("price", "we also want a bit on inverters. latest string inverter prices?", "inverter prices not held"),
    ("price", "module prices in brazil?", "Brazil is not a price region in the data"),
    ("price", "what share of a module's price is polysilcon these days?", "shares of a price (cost breakdown) not held"),
    ("price", "polysilicon price in 2017?", "price data starts in 2019"),
    ("manufacturer_financial", "LONGi revenue 2024?", "LONGi not in the financials data"),
]
why_note = {}
for ag, q, w in U:
    add(R, ag, "unanswerable", q, answerable=False, why=w, how="not in data")

# ============================================================ SAMPLE: market
v = val(S, "Poland", 2021)
add(S, "market", "lookup",
    "poland's new solar capacity in 2021?", [E(v)], how=f"sample {CSV}: Poland 2021 Historical Primary Total Annual")

v = val(S, "Netherlands", 2020, "Cumulative")
add(S, "market", "lookup",
    "the dutch have been rooftop crazy for years. netherlands installed base at the end of 2020?",
    [E(v)], how=f"sample {CSV}: Netherlands 2020 Historical Primary Total Cumulative")

t = topn(S, 2024, 3)
add(S, "market", "rank",
    "doing a euro mini-ranking. top 3 countries by 2024 additions?",
    [E(x[1]) for x in t], [x[0] for x in t], how=f"sample {CSV}: 2024 Annual Total, countries only (World excluded), top 3")

t = topn(S, 2023, 1, conn="Distributed")
add(S, "market", "rank",
    "which country added the most distributed solar in 2023?",
    [E(t[0][1])], [t[0][0]], how=f"sample {CSV}: 2023 Annual Distributed, countries only, max")

a, w = val(S, "Spain", 2024), val(S, "World", 2024)
add(S, "market", "share",
    "spanish share of world pv additions in 2024?",
    [E(a / w * 100, "%")], how=f"sample {CSV}: Spain 2024 Annual Total / World 2024 Annual Total")

a, t_ = val(S, "Italy", 2023, conn="Distributed"), val(S, "Italy", 2023)
add(S, "market", "share",
    "italy 2023 - what share of new capacity was distributed?",
    [E(a / t_ * 100, "%")], how=f"sample {CSV}: Italy 2023 Annual Distributed / Italy 2023 Annual Total")

a, b = val(S, "France", 2020), val(S, "France", 2024)
add(S, "market", "change",
    "france's annual installs 2020 vs 2024, % growth?",
    [E(pct(a, b), "%")], how=f"sample {CSV}: France Annual Total 2020 -> 2024, % change")

a, b = val(S, "Germany", 2015, "Cumulative"), val(S, "Germany", 2024, "Cumulative")
add(S, "market", "change",
    "growth para for germany. cagr of germany's installed base from 2015 to 2024",
    [E(cagr(a, b, 9), "%")], how=f"sample {CSV}: Germany Cumulative Total 2015 and 2024, CAGR over 9 years")

a, b = val(S, "Germany", 2024, "Cumulative"), val(S, "Spain", 2024, "Cumulative")
add(S, "market", "compare",
    "germany vs spain, installed base end of 2024 - both numbers and the gap",
    [E(a), E(b), E(a - b)], how=f"sample {CSV}: Germany and Spain 2024 Cumulative Total, difference")

a, b = val(S, "Poland", 2024), val(S, "Netherlands", 2024)
add(S, "market", "compare",
    "two mid-size european markets for the map. poland or the netherlands, who added more solar in 2024?",
    [E(a), E(b)], ["Poland" if a > b else "Netherlands"], how=f"sample {CSV}: Poland vs Netherlands 2024 Annual Total")

pl = series(S, "Poland", 2015, last_hist(S, "Poland"))
y, v = argmax_year(pl)
add(S, "market", "extreme",
    "poland's peak year for new installs so far (actuals only)?",
    [E(v)], [str(y)], how=f"sample {CSV}: Poland Annual Total, Historical Primary 2015-2024, max")

itv = series(S, "Italy", 2015, 2024)
add(S, "market", "average",
    "on average how much did italy install per year 2015-2024?",
    [E(sum(itv.values()) / len(itv))], how=f"sample {CSV}: Italy Annual Total 2015..2024, mean")

de = series(S, "Germany", 2025, 2030)
add(S, "market", "sum",
    "sum of germany's forecast additions 2025-2030 (most probable)?",
    [E(sum(de.values()))], how=f"sample {CSV}: Germany Annual Total Forecast - Most probable 2025..2030, sum")

es = series(S, "Spain", 2015, last_hist(S, "Spain"))
y, v = first_year_above(es, 1000)
add(S, "market", "first_latest",
    "first year spain added more than 1 GW?",
    [E(v)], [str(y)], how=f"sample {CSV}: Spain Annual Total, first year > 1,000 MW")

# sample market follow-ups
b = val(S, "Poland", 2030, scen="low")
add(S, "market", "follow_up",
    ["how much pv did poland add in 2024", "what about 2030 in the low scenario?"],
    [E(b)], how=f"sample {CSV}: Poland 2030 Forecast - Low Total Annual")

a, b = val(S, "World", 2015), val(S, "World", 2024)
add(S, "market", "follow_up",
    ["global solar additions in 2024?", "whats the cagr since 2015?"],
    [E(cagr(a, b, 9), "%")], how=f"sample {CSV}: World Annual Total 2015 -> 2024, CAGR over 9 years")

it2 = series(S, "Italy", 2015, last_hist(S, "Italy"))
y, v = argmax_year(it2)
add(S, "market", "follow_up",
    ["biggest year so far for spain in new installs, actuals only?", "and italy's?"],
    [E(v)], [str(y)], how=f"sample {CSV}: Italy Annual Total, Historical Primary 2015-2024, max")

a = val(S, "Netherlands", 2024, "Cumulative") / val(S, "World", 2024, "Cumulative") * 100
add(S, "market", "follow_up",
    ["netherlands installed base at end of 2024?", "what share of the world's is that?"],
    [E(a, "%")], how=f"sample {CSV}: Netherlands 2024 Cumulative Total / World 2024 Cumulative Total")

# ============================================================ SAMPLE: prices
s = pser(S, "Module", "n-type TOPCon", "China")
v = at_month(s, (2024, 12))
add(S, "price", "price",
    "end of year price box. topcon module price in china, december 2024?",
    [E(v, "US$/Wp")], how="sample prices: Module / n-type TOPCon / China, 2024-12")

s = pser(S, "Module", "p-type mono-Si PERC M10", "EU")
v = at_month(s, (2024, 3))
add(S, "price", "price",
    "PERC M10 modules in the EU, march 2024 price",
    [E(v, "US$/Wp")], how="sample prices: Module / p-type mono-Si PERC M10 / EU, 2024-03")

s = pser(S, "Polysilicon", "High purity - 9N/9N+", "China")
mx, mxd = smax(s)
mn, mnd = smin(s)
y1, m1 = one_month(mxd)
y2, m2 = one_month(mnd)
add(S, "price", "price",
    "need a polysilicon line chart w/ annotations. chinese polysilicon (9N/9N+): peak month and cheapest month, with prices",
    [E(mx, "US$/kg"), E(mn, "US$/kg")], [MONTHS[m1 - 1], str(y1), MONTHS[m2 - 1], str(y2)],
    how="sample prices: Polysilicon / High purity - 9N/9N+ / China, max and min over series")

d24 = {}
for rg in ["China", "EU", "India", "US"]:
    d24[rg] = at_month(pser(S, "Module", "n-type TOPCon", rg), (2024, 12))
order = sorted(d24, key=d24.get)
assert len(set(d24.values())) == 4
add(S, "price", "price",
    "rank the regions by n-type topcon module price in dec 2024, cheapest first",
    [E(d24[r], "US$/Wp") for r in order], order,
    how="sample prices: Module / n-type TOPCon, 2024-12, all regions sorted ascending")

a = at_month(pser(S, "Module", "n-type TOPCon", "EU"), (2023, 12))
b = at_month(pser(S, "Module", "n-type TOPCon", "EU"), (2024, 12))
add(S, "price", "price",
    "year on year: EU topcon module price dec 2024 vs dec 2023, % change?",
    [E(pct(a, b), "%")], how="sample prices: Module / n-type TOPCon / EU, 2023-12 -> 2024-12 % change")

s = pser(S, "PV glass", "Glass 3,2mm", "EU")
s24 = s[s.date.dt.year == 2024]
add(S, "price", "price",
    "avg price of 3.2mm pv glass in the EU during 2024?",
    [E(s24.base_price.mean(), "US$/m²")], how="sample prices: PV glass / Glass 3,2mm / EU, mean of 12 monthly 2024 values")

s = pser(S, "Wafer", "n-type mono-Si M10", "China")
mx, mxd = smax(s)
lv, ld = latest(s)
y1, m1 = one_month(mxd)
add(S, "price", "price",
    "n-type M10 wafer in china: when was the high, and how far down is the latest price from it (%)?",
    [E(mx, "US$/pce"), E(pct(mx, lv), "%")], [MONTHS[m1 - 1], str(y1)],
    how=f"sample prices: Wafer / n-type mono-Si M10 / China, max and % change max -> latest ({ld.date()})")

# sample price follow-up
v = at_month(pser(S, "Module", "n-type TOPCon", "EU"), (2024, 12))
add(S, "price", "follow_up",
    ["n-type topcon module price in china in dec 2024?", "and in the EU?"],
    [E(v, "US$/Wp")], how="sample prices: Module / n-type TOPCon / EU, 2024-12")

# ============================================================ SAMPLE: financials
v, u = fin("Helios", "FY2024", "Revenue")
add(S, "manufacturer_financial", "financial",
    "helios modules full-year 2024 revenue?", [E(v, u)], how="financials: Helios Modules Ltd, FY2024, Revenue")

v, u = fin("SunForge", "FY2024", "Net income")
add(S, "manufacturer_financial", "financial",
    "looks like some makers are bleeding. sunforge energy's net income FY2024", [E(v, u)], how="financials: SunForge Energy, FY2024, Net income")

a, _ = fin("Helios", "FY2023", "Revenue")
b, _ = fin("Helios", "FY2024", "Revenue")
add(S, "manufacturer_financial", "financial",
    "prices crashed so revenues must have too. helios revenue FY2023 to FY2024, % change?",
    [E(pct(a, b), "%")], how="financials: Helios Modules Ltd Revenue FY2023 -> FY2024 % change")

a, _ = fin("Helios", "FY2024", "Module shipments")
b, _ = fin("SunForge", "FY2024", "Module shipments")
add(S, "manufacturer_financial", "financial",
    "how many times more modules did helios ship than sunforge in FY2024?",
    [E(a / b, "x")], how="financials: Module shipments FY2024 Helios / SunForge")

a, u = fin("Helios", "2023-Q1", "Gross margin")
b, _ = fin("Helios", "2024-Q4", "Gross margin")
add(S, "manufacturer_financial", "financial",
    "margin squeeze chart: helios gross margin in Q1 2023 vs Q4 2024",
    [E(a, u), E(b, u)], how="financials: Helios Modules Ltd Gross margin 2023-Q1 and 2024-Q4")

qs = [fin("SunForge", f"2024-Q{i}", "Gross margin")[0] for i in range(1, 5)]
add(S, "manufacturer_financial", "financial",
    "average of sunforge's four quarterly gross margins in 2024?",
    [E(sum(qs) / 4, "%")], how="financials: SunForge Energy Gross margin 2024-Q1..Q4, mean of the four quarters")

v, u = fin("SunForge", "FY2024", "Revenue")
add(S, "manufacturer_financial", "follow_up",
    ["helios modules revenue in FY2024?", "and sunforge?"],
    [E(v, u)], how="financials: SunForge Energy, FY2024, Revenue")

# ============================================================ SAMPLE: unanswerable
US_ = [
    ("market", "need the china number for the intro. how much solar did china add in 2023?", "China is not in the sample market data"),
    ("market", "US sidebar. USA installed base end of 2024?", "USA is not in the sample market data"),
    ("market", "world pv additions in 2012?", "sample market data starts in 2015"),
    ("market", "france's wind additions 2024?", "wind not in the data"),
    ("market", "germany's solar generation in TWh for 2024?", "generation not held"),
    ("market", "how many jobs does poland's solar sector support?", "employment not held"),
    ("market", "residential electricity tariffs in spain, what are they now?", "tariffs not held"),
    ("price", "polysilicon price in india?", "sample polysilicon prices only for China and EU"),
    ("price", "latest silver price?", "silver not in the sample prices"),
    ("price", "inverter prices in the EU 2024?", "inverter prices not held"),
    ("manufacturer_financial", "analysts keep citing ebitda. helios EBITDA for FY2024?", "EBITDA not in the financials"),
    ("manufacturer_financial", "first solar's module shipments in 2024?", "First Solar not in the financials"),
]
for ag, q, w in US_:
    add(S, ag, "unanswerable", q, answerable=False, why=w, how="not in data")


# ============================================================ extra kinds (added for balance)
cnv = series(R, "China", 2020, 2024)
add(R, "market", "average",
    "china's avg yearly additions 2020-2024 - five year average",
    [E(sum(cnv.values()) / len(cnv))], how=f"{CSV}: China Annual Total 2020..2024, mean")

inv = series(R, "India", 2015, 2024)
add(R, "market", "sum",
    "how much solar did india install in total over 2015-2024, summed?",
    [E(sum(inv.values()))], how=f"{CSV}: India Annual Total 2015..2024, sum")

frf = series(S, "France", 2025, 2030)
add(S, "market", "average",
    "french outlook: average annual additions expected 2025 to 2030, most probable case?",
    [E(sum(frf.values()) / len(frf))], how=f"sample {CSV}: France Annual Total Forecast - Most probable 2025..2030, mean")

plv = series(S, "Poland", 2019, 2024)
add(S, "market", "sum",
    "poland boom years. total added 2019 thru 2024?",
    [E(sum(plv.values()))], how=f"sample {CSV}: Poland Annual Total 2019..2024, sum")

esv = series(S, "Spain", 2015, last_hist(S, "Spain"))
y, v = argmin_year(esv)
add(S, "market", "extreme",
    "spain's weakest year for installs in the actuals?",
    [E(v)], [str(y)], how=f"sample {CSV}: Spain Annual Total, Historical Primary 2015-2024, min")

ly = last_hist(S, "France")
add(S, "market", "first_latest",
    "whats the most recent year of actual (not forecast) data for france, and how much was installed that year?",
    [E(val(S, "France", ly))], [str(ly)], how=f"sample {CSV}: France last Historical Primary year, Annual Total")

# ----------------------------------------------------------------------------- write + self-check
with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
    for it in ITEMS:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [i["id"] for i in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
n_un = sum(1 for i in ITEMS if not i["answerable"])
n_fu = sum(1 for i in ITEMS if len(i["turns"]) >= 2)
assert len(ITEMS) >= 110, len(ITEMS)
assert n_un >= 28, n_un
assert n_fu >= 12, n_fu
for i in ITEMS:
    if i["answerable"]:
        assert i["expect"] or i["names"], i["id"]
        for e in i["expect"]:
            assert e["value"] == e["value"], i["id"]  # not NaN
    else:
        assert i.get("why"), i["id"]
    if i["kind"] == "follow_up":
        assert len(i["turns"]) >= 2, i["id"]

print("items", len(ITEMS), "unanswerable", n_un, "follow-up chains", n_fu)
print("by data:", dict(Counter(i["data"] for i in ITEMS)))
print("by agent:", dict(Counter(i["agent"] for i in ITEMS)))
print("by kind x data:")
ct = Counter((i["kind"], i["data"]) for i in ITEMS)
for k in sorted({k for k, _ in ct}):
    print(f"  {k:13s} real={ct.get((k, 'real'), 0):3d} sample={ct.get((k, 'sample'), 0):3d}")
print("self-check OK")
