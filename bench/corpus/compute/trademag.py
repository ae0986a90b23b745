#!/usr/bin/env python3
"""trademag question set: every expected figure is computed here from the data files.

Persona: editor at a German solar trade magazine, checking numbers for the weekly market
column. English as a second language, occasional German number formats and terms.
"""
import json
import re
from collections import Counter
from pathlib import Path

import pandas as pd

OUT = Path(__file__).resolve().parent / "questions.jsonl"
WRITER = "trademag"

# ----------------------------------------------------------------------------- data
REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
FIN = "/work/main/data/sample/financials.csv"

real_m = pd.read_csv(REAL_MARKET).drop_duplicates()
samp_m = pd.read_csv(S_MARKET).drop_duplicates()
real_p = pd.read_parquet(REAL_PRICES).drop_duplicates()
samp_p = pd.read_csv(S_PRICES, parse_dates=["date"]).drop_duplicates()
fin = pd.read_csv(FIN).drop_duplicates()

MW = "Capacity(MW)"
AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
HIST = "Historical Primary"
MOST = "Forecast - Most probable"
HIGH = "Forecast - High"
LOW = "Forecast - Low"


def last_hist(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == HIST)].Year.max())


def mv(df, terr, year, typ="Annual", conn="Total", scen=None):
    """Market value under the brief's conventions; asserts exactly one row."""
    if scen is None:
        scen = HIST if year <= last_hist(df, terr) else MOST
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == scen)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (terr, year, typ, conn, scen, len(r))
    return float(r[MW].iloc[0])


def series(df, terr, years, typ="Annual", conn="Total", scen=None):
    return {y: mv(df, terr, y, typ, conn, scen) for y in years}


def countries(df):
    return sorted(set(df.Territory) - AGGREGATES)


def rank(df, year, typ="Annual", conn="Total", scen=None, n=5, ascending=False, pool=None):
    vals = {}
    for t in (pool or countries(df)):
        s = scen
        if s is None:
            s = HIST if year <= last_hist(df, t) else MOST
        r = df[(df.Territory == t) & (df.Year == year) & (df.Scenario == s)
               & (df.Connection == conn) & (df.Type == typ)]
        if len(r) == 1:
            vals[t] = float(r[MW].iloc[0])
    items = sorted(vals.items(), key=lambda kv: kv[1], reverse=not ascending)
    return items[:n]


def uniq_ext(d, fn):
    """Year of the max/min of a {year: value} dict; asserts no tie."""
    y = fn(d, key=d.get)
    assert sum(v == d[y] for v in d.values()) == 1, ("tie", d)
    return y


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def pser(df, item, desc, region, unit=None):
    s = df[(df.item == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        s = s[s.unit == unit]
    s = s.sort_values("date")
    assert len(s) > 0, (item, desc, region)
    assert s.date.is_unique, (item, desc, region, "duplicate dates")
    assert s.unit.nunique() == 1, (item, desc, region, "mixed units")
    return s


def p_latest(s):
    r = s.iloc[-1]
    return float(r.base_price), r.date


def p_month(s, ym):
    r = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(r) == 1, (ym, len(r))
    return float(r.base_price.iloc[0])


def fv(company, period, metric):
    r = fin[(fin.company == company) & (fin.period == period) & (fin.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0])


def funit(metric):
    u = fin[fin.metric == metric].unit.unique()
    assert len(u) == 1
    return "%" if u[0] == "%" else u[0]


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"

# ----------------------------------------------------------------------------- items
items = []


def add(data, agent, turns, kind, expect=None, names=None, how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {
        "id": f"{WRITER}-{len(items) + 1:03d}",
        "writer": WRITER,
        "data": data,
        "agent": agent,
        "turns": turns,
        "answerable": answerable,
        "kind": kind,
        "expect": expect or [],
        "names": names or [],
    }
    if not answerable:
        it["why"] = why
    it["how"] = how
    items.append(it)


def E(v, unit="MW"):
    return {"value": float(v), "unit": unit}


R, S = "real", "sample"

# ============================================================ LOOKUPS
v = mv(real_m, "Germany", 2024)
add(R, "market", "Quick fact check for our market column: in my notes Germany had a PV-Zubau (new installations) "
    "of 17.220 MW in 2024. Does your database confirm this number?", "lookup", [E(v)],
    how="real CSV: Germany 2024 Historical Primary Total Annual")

v = mv(real_m, "Pakistan", 2024)
add(R, "market", "Everybody talks about the Pakistani rooftop boom with cheap Chinese modules. how much new PV capacity did Pakistan install in 2024?", "lookup", [E(v)],
    how="real CSV: Pakistan 2024 Historical Primary Total Annual")

v = mv(real_m, "Poland", 2024, "Cumulative")
add(R, "market", "Next week we have a Poland special. What was Poland's installed base (Bestand) at the end of 2024, in MW?", "lookup", [E(v)],
    how="real CSV: Poland 2024 Historical Primary Total Cumulative")

v = mv(real_m, "Italy", 2024, conn="Distributed")
add(R, "market", "We write about the Italian distributed segment (dezentral, mostly rooftop). "
    "How many MW of distributed PV were added in Italy in 2024?", "lookup", [E(v)],
    how="real CSV: Italy 2024 Historical Primary Distributed Annual")

v = mv(samp_m, "France", 2023, "Cumulative")
add(S, "market", "I am preparing a France country profile. France total installed PV capacity at end of 2023?", "lookup", [E(v)],
    how="sample market: France 2023 Historical Primary Total Cumulative")

v = mv(samp_m, "Netherlands", 2026, scen=LOW)
add(S, "market", "For the Dutch outlook box: what does the low scenario give for new installations "
    "in the Netherlands in 2026?", "lookup", [E(v)],
    how="sample market: Netherlands 2026 Forecast - Low Total Annual")

v = mv(samp_m, "Germany", 2030, "Cumulative", scen=MOST)
add(S, "market", "A reader asked about the long-term outlook. Germanys installed base end of 2030 in the most probable scenario, how many GW would that be?",
    "lookup", [E(v)], how="sample market: Germany 2030 Forecast - Most probable Total Cumulative (sample forecasts include the base)")

# ============================================================ RANKINGS
top = rank(real_m, 2024, n=5)
add(R, "market", "Top 5 countries by PV additions in 2024 please - only countries, no regions or EU/World aggregates.",
    "rank", [E(v) for _, v in top], [t for t, _ in top],
    how="real CSV: 2024 Historical Primary Total Annual, countries only, top 5")

top = rank(real_m, 2024, typ="Cumulative", n=3)
add(R, "market", "For our anniversary issue we compare the big fleets worldwide. Which three countries have the largest installed PV fleet at end of 2024?", "rank",
    [E(v) for _, v in top], [t for t, _ in top],
    how="real CSV: 2024 Historical Primary Total Cumulative, countries only, top 3")

pool = ["Spain", "Italy", "France", "Poland", "Netherlands"]
top = rank(real_m, 2023, n=5, pool=pool)
add(R, "market", "Please rank Spain, Italy, France, Poland and the Netherlands by newly installed capacity in 2023, "
    "biggest first.", "rank", [E(v) for _, v in top], [t for t, _ in top],
    how="real CSV: 2023 Historical Primary Total Annual for the five named countries, sorted desc")

top = rank(real_m, 2030, scen=MOST, n=5)
add(R, "market", "Among the countries that have a forecast: which 5 are expected to add the most PV in 2030 "
    "in the most probable scenario?", "rank", [E(v) for _, v in top], [t for t, _ in top],
    how="real CSV: 2030 Forecast - Most probable Total Annual, countries only, top 5")

top = rank(samp_m, 2024, n=6)
add(S, "market", "Weekly chart 'Europas Top-Märkte' again. Can you rank all countries (not the world total) by their 2024 PV-Zubau, i.e. new installations?",
    "rank", [E(v) for _, v in top], [t for t, _ in top],
    how="sample market: 2024 Historical Primary Total Annual, all 6 countries sorted desc")

low2 = rank(samp_m, 2024, typ="Cumulative", n=2, ascending=True)
add(S, "market", "small markets angle this time. which two countries have the smallest installed base at end 2024?", "rank",
    [E(v) for _, v in low2], [t for t, _ in low2],
    how="sample market: 2024 Historical Primary Total Cumulative, countries, 2 smallest")

# ============================================================ SHARES
a, w = mv(real_m, "China", 2024), mv(real_m, "World", 2024)
add(R, "market", "What share of the global PV additions in 2024 went to China?", "share",
    [E(a / w * 100, "%")], how="real CSV: China / World, 2024 Historical Primary Total Annual")

a, w = mv(real_m, "Germany", 2024, "Cumulative"), mv(real_m, "World", 2024, "Cumulative")
add(R, "market", "Readers always ask how important Germany still is globally. Germany's share in the world's cumulative PV capacity end of 2024, in percent?", "share",
    [E(a / w * 100, "%")], how="real CSV: Germany / World, 2024 Historical Primary Total Cumulative")

a, t = mv(real_m, "Spain", 2024, conn="Centralised"), mv(real_m, "Spain", 2024)
add(R, "market", "In Spain most of the Zubau is ground-mounted. What % of Spain's 2024 additions were "
    "centralised (utility-scale)?", "share", [E(a / t * 100, "%")],
    how="real CSV: Spain 2024 Annual Centralised / Total")

a, t = mv(real_m, "India", 2024, conn="Distributed"), mv(real_m, "India", 2024)
add(R, "market", "India is mostly big tenders, I think. How big was the distributed segment's share of India's new capacity in 2024?", "share",
    [E(a / t * 100, "%")], how="real CSV: India 2024 Annual Distributed / Total")

a, t = mv(samp_m, "Poland", 2024, conn="Distributed"), mv(samp_m, "Poland", 2024)
add(S, "market", "Poland 2024: share of distributed PV in the total annual installations?", "share",
    [E(a / t * 100, "%")], how="sample market: Poland 2024 Annual Distributed / Total")

a, w = mv(samp_m, "Germany", 2023), mv(samp_m, "World", 2023)
add(S, "market", "Germany's share of the global market in 2023 (annual installations) ?", "share",
    [E(a / w * 100, "%")], how="sample market: Germany / World 2023 Historical Primary Total Annual")

# ============================================================ CHANGE
a, b = mv(real_m, "Germany", 2022), mv(real_m, "Germany", 2023)
add(R, "market", "By how many percent did Germany's annual PV-Zubau grow from 2022 to 2023?", "change",
    [E(pct(a, b), "%")], how="real CSV: Germany Annual Total 2022 -> 2023, % change")

a, b = mv(real_m, "Brazil", 2019, "Cumulative"), mv(real_m, "Brazil", 2024, "Cumulative")
add(R, "market", "Brazilian market looks crazy. What is the CAGR of Brazil's cumulative installed capacity "
    "from 2019 to 2024?", "change", [E(cagr(a, b, 5), "%")],
    how="real CSV: Brazil Cumulative Total 2019 and 2024, CAGR over 5 years")

a, b = mv(real_m, "Netherlands", 2023), mv(real_m, "Netherlands", 2024)
add(R, "market", "The Dutch market went down in 2024, I hear. What's the absolute change in MW of new "
    "installations in the Netherlands from 2023 to 2024?", "change", [E(b - a)],
    how="real CSV: Netherlands Annual Total 2024 - 2023")

a, b = mv(real_m, "China", 2023), mv(real_m, "China", 2024)
add(R, "market", "China numbers again, sorry. China year-on-year growth of additions 2024 vs 2023, in %?", "change",
    [E(pct(a, b), "%")], how="real CSV: China Annual Total 2023 -> 2024, % change")

a, b = mv(samp_m, "Spain", 2024), mv(samp_m, "Spain", 2030, scen=MOST)
add(S, "market", "Spain: how does the most probable forecast for 2030 additions compare with 2024, as % change?",
    "change", [E(pct(a, b), "%")], how="sample market: Spain Annual Total 2024 (hist) -> 2030 (most probable), % change")

a, b = mv(samp_m, "World", 2015), mv(samp_m, "World", 2024)
add(S, "market", "For the 10-year retrospective: what was the compound annual growth rate of the world PV market (annual additions) 2015-2024?",
    "change", [E(cagr(a, b, 9), "%")], how="sample market: World Annual Total 2015 and 2024, CAGR over 9 years")

# ============================================================ COMPARE
vals = [(c, mv(real_m, c, 2024)) for c in ["France", "Italy", "Spain"]]
add(R, "market", "For the Southern Europe piece: compare France, Italy and Spain by new capacity added in 2024.",
    "compare", [E(v) for _, v in vals], [max(vals, key=lambda kv: kv[1])[0]],
    how="real CSV: 2024 Historical Primary Total Annual for FR, IT, ES; largest named")

u, i = mv(real_m, "USA", 2024, "Cumulative"), mv(real_m, "India", 2024, "Cumulative")
add(R, "market", "USA vs India, installed base end 2024 - how many times bigger is the US fleet?", "compare",
    [E(u), E(i), E(u / i, "x")], how="real CSV: USA and India 2024 Cumulative Total; ratio USA/India")

p_, g_ = mv(real_m, "Pakistan", 2024), mv(real_m, "Germany", 2024)
add(R, "market", "Is it true that Pakistan installed more PV than Germany in 2024? By how many MW?", "compare",
    [E(p_), E(g_), E(p_ - g_)], ["Pakistan"], how="real CSV: 2024 Annual Total Pakistan and Germany, difference")

it_, fr_ = mv(samp_m, "Italy", 2023, "Cumulative"), mv(samp_m, "France", 2023, "Cumulative")
add(S, "market", "Italy or France - who had the bigger PV fleet at end of 2023, and how big was each?", "compare",
    [E(it_), E(fr_)], ["Italy" if it_ > fr_ else "France"],
    how="sample market: 2023 Cumulative Total Italy vs France")

de_, pl_ = mv(samp_m, "Germany", 2028, scen=HIGH), mv(samp_m, "Poland", 2028, scen=HIGH)
add(S, "market", "Outlook section, optimistic case. High scenario 2028: Germany's annual additions versus Poland's, please both numbers.",
    "compare", [E(de_), E(pl_)], how="sample market: 2028 Forecast - High Annual Total, Germany and Poland")

# ============================================================ EXTREMES
s_ = series(real_m, "Italy", range(1992, 2025))
yr = uniq_ext(s_, max)
add(R, "market", "Which was the record year for Italy's annual PV installations, and how much was installed?",
    "extreme", [E(s_[yr])], [str(yr)], how="real CSV: Italy Annual Total Historical Primary, max over 1992-2024")

s_ = series(real_m, "Spain", range(2010, 2025))
yr = uniq_ext(s_, min)
add(R, "market", "Spain had its famous crash after the 2008 boom. Spain's weakest year between 2010 and 2024 in terms of new installations?", "extreme",
    [E(s_[yr])], [str(yr)], how="real CSV: Spain Annual Total Historical Primary, min over 2010-2024")

s_ = series(real_m, "Japan", range(1992, 2025))
yr = uniq_ext(s_, max)
add(R, "market", "When did Japan peak? I mean the year with the highest PV-Zubau.", "extreme",
    [E(s_[yr])], [str(yr)], how="real CSV: Japan Annual Total Historical Primary, max over 1992-2024")

s_ = series(samp_m, "Netherlands", range(2015, 2025))
yr = uniq_ext(s_, max)
add(S, "market", "Netherland's best year so far (historical data only) for new PV capacity?", "extreme",
    [E(s_[yr])], [str(yr)], how="sample market: Netherlands Annual Total Historical Primary, max 2015-2024")

s_ = series(samp_m, "France", range(2025, 2031), scen=MOST)
yr = uniq_ext(s_, min)
add(S, "market", "In the most probable forecast 2025-2030, which year has the lowest additions for France?",
    "extreme", [E(s_[yr])], [str(yr)], how="sample market: France Annual Total Forecast - Most probable, min 2025-2030")

# ============================================================ AVERAGES
s_ = series(real_m, "Poland", range(2020, 2025))
add(R, "market", "Poland is our 'Aufsteiger' (rising market) of the year. Average yearly additions in Poland over 2020-2024 (both years included)?", "average",
    [E(sum(s_.values()) / len(s_))], how="real CSV: Poland Annual Total 2020..2024 mean of 5 values")

s_ = series(real_m, "Germany", range(2025, 2031), scen=MOST)
add(R, "market", "What is the average annual Zubau for Germany that the most probable forecast expects for 2025 to 2030?",
    "average", [E(sum(s_.values()) / len(s_))], how="real CSV: Germany Annual Total Forecast - Most probable 2025..2030 mean")

s_ = series(samp_m, "Italy", range(2020, 2025))
add(S, "market", "Italy - mean annual installations 2020 to 2024?", "average",
    [E(sum(s_.values()) / len(s_))], how="sample market: Italy Annual Total 2020..2024 mean")

s_ = series(samp_m, "World", range(2025, 2031), scen=LOW)
add(S, "market", "In the low scenario, how much PV would the world add per year on average from 2025 through 2030?",
    "average", [E(sum(s_.values()) / len(s_))], how="sample market: World Annual Total Forecast - Low 2025..2030 mean")

# ============================================================ SUMS
s_ = series(real_m, "Germany", range(2020, 2025))
add(R, "market", "We do a piece on five years of EEG reforms. How much did Germany add in total over the five years 2020-2024 together?", "sum",
    [E(sum(s_.values()))], how="real CSV: Germany Annual Total 2020..2024 sum")

es, pt = mv(real_m, "Spain", 2024), mv(real_m, "Portugal", 2024)
add(R, "market", "Iberian market 2024: Spain plus Portugal, combined new capacity?", "sum",
    [E(es + pt)], how="real CSV: 2024 Annual Total Spain + Portugal")

s_ = series(samp_m, "France", range(2025, 2031), scen=MOST)
add(S, "market", "The French targets are discussed a lot at the moment. Sum of France's forecast additions 2025-2030, most probable case?", "sum",
    [E(sum(s_.values()))], how="sample market: France Annual Total Forecast - Most probable 2025..2030 sum")

tot = sum(mv(samp_m, c, 2024, "Cumulative") for c in ["Spain", "Italy", "France"])
add(S, "market", "Combined installed base of Spain, Italy and France end of 2024?", "sum", [E(tot)],
    how="sample market: 2024 Cumulative Total ES + IT + FR")

# ============================================================ FIRST / LATEST
br = real_m[(real_m.Territory == "Brazil") & (real_m.Scenario == HIST) & (real_m.Type == "Annual")
            & (real_m.Connection == "Total") & (real_m[MW] > 0)].sort_values("Year")
fy = int(br.Year.iloc[0])
add(R, "market", "Since when does Brazil appear in the database with PV installations? First year and the MW that year.",
    "first_latest", [E(mv(real_m, "Brazil", fy))], [str(fy)],
    how="real CSV: Brazil first year with Annual Total > 0 (Historical Primary)")

ly = last_hist(real_m, "Ukraine")
add(R, "market", "What is the latest year with actual (historical) data for Ukraine, and how much was added then?",
    "first_latest", [E(mv(real_m, "Ukraine", ly))], [str(ly)],
    how="real CSV: Ukraine max Historical Primary year, Annual Total")

fy = int(samp_m[(samp_m.Territory == "Poland") & (samp_m.Scenario == HIST)].Year.min())
add(S, "market", "First year you have for Poland, and the cumulative capacity in that year?", "first_latest",
    [E(mv(samp_m, "Poland", fy, "Cumulative"))], [str(fy)],
    how="sample market: Poland min Historical Primary year, Cumulative Total")

ly = int(samp_m[(samp_m.Territory == "Spain") & (samp_m.Scenario == MOST)].Year.max())
add(S, "market", "Up to which year does the forecast for Spain go, and what are the most probable additions in that last year?",
    "first_latest", [E(mv(samp_m, "Spain", ly, scen=MOST))], [str(ly)],
    how="sample market: Spain max forecast year, Forecast - Most probable Annual Total")

# ============================================================ PRICES (real)
s_ = pser(real_p, "Module", "n-type TOPCon", "EU")
v, d = p_latest(s_)
add(R, "price", "Module prices: what's the latest price for n-type TOPCon modules in the EU? "
    "Our last column said 0,09 $/Wp.", "price", [E(v, "US$/Wp")],
    how=f"real parquet: Module n-type TOPCon EU, latest date {d.date()}")

s1, s2 = pser(real_p, "Module", "n-type TOPCon", "US"), pser(real_p, "Module", "n-type TOPCon", "EU")
v1, d1 = p_latest(s1)
v2, d2 = p_latest(s2)
assert d1 == d2
add(R, "price", "How much more expensive are TOPCon modules in the US than in the EU right now (latest data)? "
    "give both prices and the ratio", "price", [E(v1, "US$/Wp"), E(v2, "US$/Wp"), E(v1 / v2, "x")],
    how=f"real parquet: Module n-type TOPCon US and EU at {d1.date()}; ratio US/EU")

s_ = pser(real_p, "Copper", "Copper", "Overseas")
add(R, "price", "We track raw materials in a small table (Rohstoffe). copper price in March 2024?", "price", [E(p_month(s_, "2024-03"), "US$/t")],
    how="real parquet: Copper Overseas monthly, 2024-03")

s_ = pser(real_p, "Silver", "Silver", "Overseas", unit="K US$/t")
y24 = s_[s_.date.dt.year == 2024]
assert (y24.base_price == y24.base_price.max()).sum() == 1
r_ = y24.loc[y24.base_price.idxmax()]
add(R, "price", "Silver is a big cost driver for cells. What was the highest monthly silver price in 2024, and in which month?",
    "price", [E(r_.base_price, "K US$/t")], [r_.date.strftime("%B")],
    how="real parquet: Silver Overseas (K US$/t), max over 2024 months")

s_ = pser(real_p, "Module", "p-type mono-Si PERC M10", "EU")
a, b = float(s_.base_price.iloc[0]), float(s_.base_price.iloc[-1])
add(R, "price", "PERC M10 modules in Europe - by how many % has the price fallen from the first data point in the "
    "series to the latest one?", "price", [E(pct(a, b), "%")],
    how=f"real parquet: Module p-type mono-Si PERC M10 EU, first ({s_.date.iloc[0].date()}) to latest ({s_.date.iloc[-1].date()})")

s_ = pser(real_p, "Aluminium", "Aluminium", "Overseas")
y24 = s_[s_.date.dt.year == 2024]
assert len(y24) == 12
add(R, "price", "For the frames: average aluminium price over the year 2024?", "price",
    [E(y24.base_price.mean(), "US$/t")], how="real parquet: Aluminium Overseas, mean of the 12 monthly values of 2024")

s_ = pser(real_p, "Module", "n-type HJT", "US")
r_ = s_.loc[s_.base_price.idxmin()]
add(R, "price", "US module prices are a different world compared to Europe. What is the lowest price ever recorded for HJT modules in the US in your data?", "price",
    [E(r_.base_price, "US$/Wp")], how="real parquet: Module n-type HJT US, min over whole series")

s_ = pser(real_p, "EVA", "EVA", "Overseas")
v, d = p_latest(s_)
add(R, "price", "Latest EVA (encapsulant) price please, with the date.", "price", [E(v, "US$/t")],
    [d.strftime("%Y")], how=f"real parquet: EVA Overseas latest ({d.date()})")

s_ = pser(real_p, "Wafer", "n-type mono-Si M10", "Overseas")
v, d = p_latest(s_)
add(R, "price", "n-type M10 wafer, overseas price - what is the newest value?", "price", [E(v, "US$/pce")],
    how=f"real parquet: Wafer n-type mono-Si M10 Overseas latest ({d.date()})")

# ============================================================ PRICES (sample)
s_ = pser(samp_p, "Polysilicon", "High purity - 9N/9N+", "China")
v, d = p_latest(s_)
add(S, "price", "Polysilicon crashed hard, our readers know that. Latest polysilicon price in China (high purity 9N)?", "price", [E(v, "US$/kg")],
    how=f"sample prices: Polysilicon High purity - 9N/9N+ China latest ({d.date()})")

a = p_month(pser(samp_p, "Module", "n-type TOPCon", "China"), "2024-12")
b = p_month(pser(samp_p, "Module", "n-type TOPCon", "India"), "2024-12")
add(S, "price", "TOPCon modules in December 2024: India vs China. How many percent higher is the Indian price?",
    "price", [E(b, "US$/Wp"), E(a, "US$/Wp"), E((b - a) / a * 100, "%")],
    how="sample prices: Module n-type TOPCon India and China 2024-12; (India-China)/China")

add(S, "price", "Glass is part of our BOM (bill of materials) story. What did 3,2mm PV glass cost in the EU in June 2024?", "price",
    [E(p_month(pser(samp_p, "PV glass", "Glass 3,2mm", "EU"), "2024-06"), "US$/m²")],
    how="sample prices: PV glass Glass 3,2mm EU 2024-06")

s_ = pser(samp_p, "Module", "p-type mono-Si PERC M10", "US")
assert (s_.base_price == s_.base_price.max()).sum() == 1
r_ = s_.loc[s_.base_price.idxmax()]
add(S, "price", "Highest US price for PERC M10 modules over 2023-2024, and when was it?", "price",
    [E(r_.base_price, "US$/Wp")], [r_.date.strftime("%B %Y")],
    how="sample prices: Module p-type mono-Si PERC M10 US, max over 2023-01..2024-12")

s_ = pser(samp_p, "Module", "n-type HJT", "EU")
y24 = s_[s_.date.dt.year == 2024]
add(S, "price", "average HJT module price in the EU during 2024?", "price", [E(y24.base_price.mean(), "US$/Wp")],
    how="sample prices: Module n-type HJT EU, mean of 12 monthly values 2024")

dec = {r: p_month(pser(samp_p, "Module", "n-type TOPCon", r), "2024-12")
       for r in sorted(samp_p[(samp_p.item == "Module") & (samp_p.description == "n-type TOPCon")].region.unique())}
cheap = min(dec, key=dec.get)
add(S, "price", "Where were TOPCon modules cheapest in December 2024, which region, and at what price?", "price",
    [E(dec[cheap], "US$/Wp")], [cheap], how="sample prices: Module n-type TOPCon, all regions 2024-12, min")

s_ = pser(samp_p, "Wafer", "p-type mono-Si M10", "China")
a, b = p_month(s_, "2023-01"), p_month(s_, "2024-12")
add(S, "price", "p-type M10 wafers in China: change in % between Jan 2023 and Dec 2024?", "price",
    [E(pct(a, b), "%")], how="sample prices: Wafer p-type mono-Si M10 China 2023-01 -> 2024-12, % change")

# ============================================================ FINANCIALS
add(S, "manufacturer_financial", "Helios is in our company ticker this week. What revenue did Helios Modules report for full year 2024?", "financial",
    [E(fv(HEL, "FY2024", "Revenue"), "USD million")], how="financials: Helios FY2024 Revenue")

add(S, "manufacturer_financial", "Nordlicht Solar AG, gross margin in Q4 2024? Is it really negative?", "financial",
    [E(fv(NOR, "2024-Q4", "Gross margin"), "%")], how="financials: Nordlicht 2024-Q4 Gross margin")

ships = {c: fv(c, "FY2024", "Module shipments") for c in [HEL, SUN, AUR, NOR]}
topc = max(ships, key=ships.get)
add(R, "manufacturer_financial", "Which manufacturer shipped the most modules in FY2024 and how many GW?", "financial",
    [E(ships[topc], "GW")], [topc.split()[0]], how="financials: FY2024 Module shipments, max across 4 companies")

a, b = fv(SUN, "FY2023", "Revenue"), fv(SUN, "FY2024", "Revenue")
add(R, "manufacturer_financial", "SunForge Energy revenue FY2023 to FY2024, change in percent?", "financial",
    [E(pct(a, b), "%")], how="financials: SunForge Revenue FY2023 -> FY2024, % change")

add(S, "manufacturer_financial", "Aurora talks a lot about expansion. Production capacity of Aurora PV Group at end of 2024 (Q4)?", "financial",
    [E(fv(AUR, "2024-Q4", "Production capacity"), "GW")], how="financials: Aurora 2024-Q4 Production capacity")

tot = sum(fv(c, "FY2024", "Net income") for c in [HEL, SUN, AUR, NOR])
add(R, "manufacturer_financial", "If I add up the FY2024 net income of all four manufacturers in your data, what do I get?",
    "financial", [E(tot, "USD million")], how="financials: sum of FY2024 Net income over 4 companies")

q = {p: fv(HEL, p, "Net income") for p in ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]}
wq = min(q, key=q.get)
add(S, "manufacturer_financial", "Helios net income by quarter in 2024 - which quarter was the worst and what was the figure?",
    "financial", [E(q[wq], "USD million")], [wq[-2:]], how="financials: Helios Net income 2024 quarters, min")

add(R, "manufacturer_financial", "Gross margin FY2024: Helios Modules vs SunForge Energy?", "financial",
    [E(fv(HEL, "FY2024", "Gross margin"), "%"), E(fv(SUN, "FY2024", "Gross margin"), "%")],
    how="financials: FY2024 Gross margin Helios and SunForge")

qs = [fv(AUR, p, "Revenue") for p in ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]]
add(S, "manufacturer_financial", "Aurora PV: average quarterly revenue in 2024?", "financial",
    [E(sum(qs) / 4, "USD million")], how="financials: Aurora Revenue 2024-Q1..Q4 mean")

# ============================================================ FOLLOW-UPS
add(R, "market", ["How much PV did Spain add in 2024?", "and Italy?"], "follow_up",
    [E(mv(real_m, "Italy", 2024))], how="real CSV: Italy 2024 Historical Primary Total Annual")

add(R, "market", ["Germany's PV-Zubau forecast for 2025, most probable scenario?", "same for the high scenario pls"],
    "follow_up", [E(mv(real_m, "Germany", 2025, scen=HIGH))], how="real CSV: Germany 2025 Forecast - High Total Annual")

top = rank(real_m, 2023, n=3)
add(R, "market", ["For the global box in the column: top 3 countries by new installations 2024?", "What about 2023?"], "follow_up",
    [E(v) for _, v in top], [t for t, _ in top], how="real CSV: 2023 Historical Primary Total Annual, countries, top 3")

a, w = mv(real_m, "Pakistan", 2024), mv(real_m, "World", 2024)
add(R, "market", ["What was India's share of world PV additions in 2024?", "And Pakistan's?"], "follow_up",
    [E(a / w * 100, "%")], how="real CSV: Pakistan / World 2024 Annual Total")

a, b = mv(real_m, "Poland", 2019, "Cumulative"), mv(real_m, "Poland", 2024, "Cumulative")
add(R, "market", ["Poland cumulative PV capacity end of 2024?", "and the CAGR since 2019 for that number?"],
    "follow_up", [E(cagr(a, b, 5), "%")], how="real CSV: Poland Cumulative Total 2019 -> 2024 CAGR (5 yrs)")

add(R, "price", ["Latest price for n-type TOPCon modules in the US?", "and for HJT in the US?"], "follow_up",
    [E(p_latest(pser(real_p, "Module", "n-type HJT", "US"))[0], "US$/Wp")],
    how="real parquet: Module n-type HJT US latest")

add(R, "price", ["What's the latest copper price?", "und aluminium? sorry, and aluminium?"], "follow_up",
    [E(p_latest(pser(real_p, "Aluminium", "Aluminium", "Overseas"))[0], "US$/t")],
    how="real parquet: Aluminium Overseas latest")

s_ = series(real_m, "Italy", range(1992, 2025))
yr = uniq_ext(s_, max)
v24 = mv(real_m, "Italy", 2024)
add(R, "market", ["Italy's record year for PV additions?", "How does 2024 compare to that record, in percent of the record?"],
    "follow_up", [E(v24), E(v24 / s_[yr] * 100, "%")],
    how=f"real CSV: Italy Annual Total 2024 / max year {yr}")

add(S, "market", ["Spanish market update. Spain's installed base at end of 2022?", "and 2024?"], "follow_up",
    [E(mv(samp_m, "Spain", 2024, "Cumulative"))], how="sample market: Spain 2024 Cumulative Total")

a, t = mv(samp_m, "France", 2024, conn="Distributed"), mv(samp_m, "France", 2024)
add(S, "market", ["How many MW of distributed PV did France add in 2024?", "what share of France's total is that?"],
    "follow_up", [E(a / t * 100, "%")], how="sample market: France 2024 Annual Distributed / Total")

s_ = series(samp_m, "Germany", range(2020, 2025))
add(S, "market", ["Germany's annual installations 2020 to 2024, year by year?", "can you show that as a chart"],
    "follow_up", [E(v) for v in s_.values()], how="sample market: Germany Annual Total 2020..2024")

add(S, "market", ["Netherlands 2030 additions in the low scenario?", "and most probable?"], "follow_up",
    [E(mv(samp_m, "Netherlands", 2030, scen=MOST))], how="sample market: Netherlands 2030 Forecast - Most probable Annual Total")

s_ = pser(samp_p, "Polysilicon", "High purity - 9N/9N+", "China")
a, b = p_month(s_, "2023-01"), p_month(s_, "2024-12")
add(S, "price", ["Raw material page again. Polysilicon price China in December 2024?", "and in January 2023?", "so how much is that down in %?"],
    "follow_up", [E(pct(a, b), "%")], how="sample prices: Polysilicon High purity China 2023-01 -> 2024-12 % change")

add(S, "manufacturer_financial", ["Helios Modules revenue FY2024?", "and the net income?"], "follow_up",
    [E(fv(HEL, "FY2024", "Net income"), "USD million")], how="financials: Helios FY2024 Net income")

add(R, "manufacturer_financial", ["SunForge gross margin in Q4 2024?", "and one year before?"], "follow_up",
    [E(fv(SUN, "2023-Q4", "Gross margin"), "%")], how="financials: SunForge 2023-Q4 Gross margin")

# ============================================================ UNANSWERABLE
U = []  # (data, agent, turns, why)
U += [
    (R, "market", "How much wind capacity was installed in Germany in 2023? We want to compare it with PV.",
     "wind power is not in the data (PV installations only)"),
    (R, "market", "What is the installed battery storage capacity in Germany, in MWh? Heimspeicher boom is our topic this week.",
     "energy storage is not held"),
    (S, "market", "Austria has a lot of solar thermal (Solarthermie). How many m² of collectors were installed in 2023?",
     "solar thermal is not held; sample has no Austria either"),
    (R, "market", "What's the LCOE for utility-scale PV in Spain right now, in EUR/MWh?",
     "LCOE is not a measure in the data"),
    (R, "market", "How many GWh did PV generate in Italy in 2023?", "electricity generation (GWh) is not held, only capacity"),
    (S, "market", "How many people work in the German PV industry (Arbeitsplätze / jobs)?", "employment is not held"),
    (R, "market", "What is the current EEG feed-in tariff for small rooftop systems below 10 kWp in ct/kWh?",
     "tariffs / policy support levels are not held"),
    (R, "price", "Average module efficiency of n-type TOPCon modules in 2024, in %?", "efficiency is not in the price data"),
    (S, "market", "What was the German PV market worth in EUR in 2024 - investment volume in billion euro?",
     "market value in EUR is not held; only MW"),
    (R, "market", "How much PV was installed in Liechtenstein in 2024?", "Liechtenstein is not a territory in the data"),
    (R, "market", "PV-Zubau in Bavaria (Bayern) 2024? Our readers are mostly from there.",
     "sub-national regions (German Länder) are not in the data"),
    (R, "market", "How much PV did Nigeria add in 2023?", "Nigeria is not a territory in the data"),
    (R, "market", "What did Germany install in 1988? We want the very beginning of the 1000-Dächer-Programm era.",
     "data starts in 1992"),
    (S, "market", "What's the forecast for Spain's annual installations in 2035?", "forecasts end in 2030"),
    (R, "market", "How much PV did Germany install in March 2024? Monthly Zubau from the Bundesnetzagentur, basically.",
     "only annual figures are held, no monthly data"),
    (R, "price", "What is the current price of string inverters per Wp in Europe?", "inverter prices are not in the price data"),
    (S, "price", "Mounting systems / tracker prices per Wp in the US - latest?", "mounting/tracker prices are not held"),
    (R, "price", "Latest TOPCon module price in Brazil?", "no module price region Brazil in the data"),
    (R, "price", "Polysilicon price in the EU, latest data point?", "polysilicon prices exist only for China and Overseas"),
    (S, "price", "Latest copper price please", "copper / raw materials are not in the sample prices"),
    (R, "price", "What share of the module price is the polysilicon cost today, in %?",
     "a cost share of a price cannot be derived from unrelated per-kg and per-Wp series"),
    (R, "manufacturer_financial", "LONGi's module shipments in 2024?", "LONGi is not in the financials"),
    (S, "manufacturer_financial", "Meyer Burger revenue in H1 2024?", "Meyer Burger is not in the financials"),
    (S, "manufacturer_financial", "What was Helios Modules' EBITDA in FY2024?", "EBITDA is not a metric in the financials"),
    (R, "manufacturer_financial", "Nordlicht Solar AG revenue in FY2022?", "financials cover 2023 and 2024 only"),
    (R, "market", "What will Germany's total installed base (cumulative) be at end of 2030 in the most probable scenario?",
     "forecast cumulative values in the real CSV exclude the installed base"),
    (R, "market", "Installed base of Spain end 2027, high scenario?",
     "forecast cumulative values in the real CSV exclude the installed base"),
    (S, "market", "How much PV did China add in 2023?", "China is not in the sample market data"),
    (S, "market", "How many MW of floating PV (schwimmende PV) are installed in the Netherlands?",
     "floating PV is not a segment; only centralised/distributed/off-grid"),
    (R, "market", "How many balcony PV systems (Balkonkraftwerke, plug-in solar) were installed in Germany in 2024?",
     "plug-in/balcony PV and system counts are not held"),
    (S, "market", "Germany 2012 annual installations?", "sample market starts in 2015"),
]
for data, agent, q, why in U:
    add(data, agent, q, "unanswerable", answerable=False, why=why, how="not in data")

# ----------------------------------------------------------------------------- write + self-check
with OUT.open("w", encoding="utf-8") as f:
    for it in items:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in items]
assert len(ids) == len(set(ids)), "duplicate ids"
n_un = sum(not it["answerable"] for it in items)
n_fu = sum(it["kind"] == "follow_up" and len(it["turns"]) >= 2 for it in items)
assert len(items) >= 110, len(items)
assert n_un >= 28, n_un
assert n_fu >= 12, n_fu
for it in items:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert not it["expect"] and it.get("why"), it["id"]

print("items:", len(items), "unanswerable:", n_un, "follow-up chains:", n_fu)
print("by kind:", dict(Counter(it["kind"] for it in items)))
print("by data:", dict(Counter(it["data"] for it in items)))
print("by agent:", dict(Counter(it["agent"] for it in items)))
print(pd.crosstab(pd.Series([it["kind"] for it in items], name="kind"),
                  pd.Series([it["data"] for it in items], name="data")))
n_ctx = sum(bool(re.search(r"[.?!:] +\S", it["turns"][0])) for it in items)
print("items with context-ish first turn:", n_ctx)
