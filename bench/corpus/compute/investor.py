#!/usr/bin/env python3
"""Held-out questions, writer `investor` (infra fund / equity desk analyst).

Every expected figure is computed here from the data files; nothing is typed by hand.
Run: python3 compute.py  -> writes questions.jsonl next to this file and prints a self-check.
"""
import json
from collections import Counter
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
WRITER = "investor"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FIN = "/work/main/data/sample/financials.csv"

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "East Asia", "East Europe", "EU", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
VAL = "Capacity(MW)"
SCEN = {"high": "Forecast - High", "low": "Forecast - Low", "mp": "Forecast - Most probable",
        "hist": "Historical Primary"}


# ----------------------------------------------------------------------------- market
class Market:
    def __init__(self, path):
        df = pd.read_csv(path)
        # exact duplicates count once; rows that differ only in metadata (RoW) have equal values
        df = df.drop_duplicates(subset=KEY + [VAL])
        clash = df.groupby(KEY)[VAL].nunique()
        assert (clash <= 1).all(), clash[clash > 1]
        self.df = df.drop_duplicates(subset=KEY)
        h = self.df[self.df.Scenario == SCEN["hist"]]
        self.last_hist = h.groupby("Territory").Year.max().to_dict()

    def scen_for(self, terr, year, scen=None):
        if scen:
            return SCEN[scen]
        return SCEN["hist"] if year <= self.last_hist[terr] else SCEN["mp"]

    def v(self, terr, year, typ="Annual", conn="Total", scen=None):
        s = self.scen_for(terr, year, scen)
        d = self.df
        r = d[(d.Territory == terr) & (d.Year == year) & (d.Scenario == s)
              & (d.Connection == conn) & (d.Type == typ)]
        assert len(r) == 1, (terr, year, typ, conn, s, len(r))
        return float(r[VAL].iloc[0])

    def has(self, terr, year, typ="Annual", conn="Total", scen=None):
        d = self.df
        if terr not in set(d.Territory):
            return False
        if scen is None and terr not in self.last_hist:
            return False
        s = self.scen_for(terr, year, scen)
        r = d[(d.Territory == terr) & (d.Year == year) & (d.Scenario == s)
              & (d.Connection == conn) & (d.Type == typ)]
        return len(r) == 1

    def series(self, terr, y0=None, y1=None, typ="Annual", conn="Total", scen="hist"):
        d = self.df
        r = d[(d.Territory == terr) & (d.Scenario == SCEN[scen]) & (d.Connection == conn)
              & (d.Type == typ)]
        if y0 is not None:
            r = r[r.Year >= y0]
        if y1 is not None:
            r = r[r.Year <= y1]
        return r.set_index("Year")[VAL].sort_index().astype(float)

    def countries_year(self, year, typ="Annual", conn="Total", scen=None):
        d = self.df
        s = SCEN[scen] if scen else (SCEN["hist"] if year <= 2024 else SCEN["mp"])
        r = d[(d.Year == year) & (d.Scenario == s) & (d.Connection == conn) & (d.Type == typ)
              & (~d.Territory.isin(AGGREGATES))]
        return r.set_index("Territory")[VAL].astype(float).sort_values(ascending=False)


# ----------------------------------------------------------------------------- prices
class Prices:
    def __init__(self, path):
        self.df = pd.read_parquet(path) if path.endswith(".parquet") else pd.read_csv(path)
        self.df["date"] = pd.to_datetime(self.df["date"])

    def s(self, item, desc, region, unit=None):
        d = self.df
        r = d[(d.item == item) & (d.description == desc) & (d.region == region)]
        if unit:
            r = r[r.unit == unit]
        assert r.unit.nunique() == 1, (item, desc, region, r.unit.unique())
        r = r.drop_duplicates(subset=["date", "base_price"])
        assert r.date.is_unique, ("conflicting prices on a date", item, desc, region)
        return r.set_index("date")["base_price"].sort_index().astype(float), r.unit.iloc[0]

    def month(self, item, desc, region, ym, unit=None):
        s, u = self.s(item, desc, region, unit)
        m = s[s.index.strftime("%Y-%m") == ym]
        assert len(m) == 1, (item, desc, region, ym, len(m))
        return float(m.iloc[0]), u

    def on(self, item, desc, region, day, unit=None):
        s, u = self.s(item, desc, region, unit)
        return float(s.loc[pd.Timestamp(day)]), u


# ----------------------------------------------------------------------------- financials
class Fin:
    def __init__(self, path):
        self.df = pd.read_csv(path)

    def v(self, company, period, metric):
        d = self.df
        r = d[(d.company.str.startswith(company)) & (d.period == period) & (d.metric == metric)]
        assert len(r) == 1, (company, period, metric)
        return float(r.value.iloc[0]), r.unit.iloc[0]

    def full(self, company):
        c = self.df[self.df.company.str.startswith(company)].company.unique()
        assert len(c) == 1
        return c[0]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def mw(x):
    return {"value": x, "unit": "MW"}


def pc(x):
    return {"value": x, "unit": "%"}


def u(x, unit):
    return {"value": x, "unit": unit}


def dstr(ts):
    return pd.Timestamp(ts).strftime("%Y-%m-%d")


def ym_name(ts):
    return pd.Timestamp(ts).strftime("%B %Y")



def ext(series, how):
    """Unique extreme of a series -> (value, index label). Asserts no tie."""
    v = series.max() if how == "max" else series.min()
    hits = series[series == v]
    assert len(hits) == 1, ("tie at extreme", how, list(hits.index))
    return float(v), hits.index[0]


RM = Market(REAL_MARKET)
SM = Market(SAMPLE_MARKET)
RP = Prices(REAL_PRICES)
SP = Prices(SAMPLE_PRICES)
F = Fin(FIN)

ITEMS = []


def add(data, agent, turns, kind, expect=None, names=None, how="", answerable=True, why=None):
    it = {"id": f"{WRITER}-{len(ITEMS) + 1:03d}", "writer": WRITER, "data": data, "agent": agent,
          "turns": turns if isinstance(turns, list) else [turns], "answerable": answerable,
          "kind": kind, "expect": expect or [], "names": names or [], "how": how}
    if not answerable:
        it["why"] = why
        it["kind"] = "unanswerable"
        assert not it["expect"] and not it["names"]
    ITEMS.append(it)


# =============================================================================
# REAL instance -- market
# =============================================================================
R = "real"

add(R, "market", "Prepping the IC memo on our Iberian platform. How many MW did Spain add in 2024?",
    "lookup", [mw(RM.v("Spain", 2024))], [],
    "market CSV: Spain, 2024, Historical Primary, Total, Annual")

add(R, "market", "Brazil DD for a DG platform: brazil installed base at end-2023, in GW?",
    "lookup", [mw(RM.v("Brazil", 2023, "Cumulative"))], [],
    "market CSV: Brazil, 2023, Historical Primary, Total, Cumulative")

add(R, "market", "Looking at the Pakistan rooftop boom. What were Pakistan's distributed PV additions in 2024?",
    "lookup", [mw(RM.v("Pakistan", 2024, conn="Distributed"))], [],
    "market CSV: Pakistan, 2024, Historical Primary, Distributed, Annual")

add(R, "market", "Germnay, high scenario: annual PV additions in 2027?",
    "lookup", [mw(RM.v("Germany", 2027, scen="high"))], [],
    "market CSV: Germany, 2027, Forecast - High, Total, Annual")

top5_24 = RM.countries_year(2024).head(5)
add(R, "market", "Top 5 countries by new PV capacity added in 2024, with the MW for each pls",
    "rank", [mw(x) for x in top5_24.values], list(top5_24.index),
    "market CSV: countries only (aggregates excluded), 2024, Historical Primary, Total, Annual, top 5")

top3_cum = RM.countries_year(2024, "Cumulative").head(3)
add(R, "market", "Sizing the O&M opportunity. Which three countries had the largest cumulative PV fleet at the end of 2024?",
    "rank", [mw(x) for x in top3_cum.values], list(top3_cum.index),
    "market CSV: countries only, 2024, Historical Primary, Total, Cumulative, top 3")

top3_30 = RM.countries_year(2030, scen="mp").head(3)
add(R, "market", "For the Europe sleeve of the fund: under the most probable forecast, which 3 countries add the most PV in 2030?",
    "rank", [mw(x) for x in top3_30.values], list(top3_30.index),
    "market CSV: countries only, 2030, Forecast - Most probable, Total, Annual, top 3")

add(R, "market", "China's share of global PV additions in 2024, in %?",
    "share", [pc(RM.v("China", 2024) / RM.v("World", 2024) * 100)], [],
    "China / World, 2024, Historical Primary, Total, Annual")

add(R, "market", "We're looking at an Italian C&I rooftop platform. What % of Italy's 2024 additions were distributed?",
    "share", [pc(RM.v("Italy", 2024, conn="Distributed") / RM.v("Italy", 2024) * 100)], [],
    "Italy 2024 Annual: Distributed / Total")

add(R, "market", "For the US sleeve of the IC memo: US share of the world's cumulative installed PV capacity at end 2024?",
    "share", [pc(RM.v("USA", 2024, "Cumulative") / RM.v("World", 2024, "Cumulative") * 100)], [],
    "USA / World, 2024, Historical Primary, Total, Cumulative")

add(R, "market", "Concentration check: what share of world PV installs in 2024 did the top 5 countries take together?",
    "share", [pc(top5_24.sum() / RM.v("World", 2024) * 100)], list(top5_24.index),
    "sum of top-5 countries' 2024 Annual Total / World 2024 Annual Total")

add(R, "market", "Need a headline stat for the deck. World PV additions growth YoY, 2023 to 2024?",
    "change", [pc(pct(RM.v("World", 2023), RM.v("World", 2024)))], [],
    "World Annual Total: (2024-2023)/2023")

add(R, "market", "India annual instals CAGR 2019-2024?",
    "change", [pc(cagr(RM.v("India", 2019), RM.v("India", 2024), 5))], [],
    "India Annual Total 2019 -> 2024, CAGR over 5 years")

add(R, "market", "For the German portfolio review: CAGR of Germany's installed base over 2014-2024?",
    "change", [pc(cagr(RM.v("Germany", 2014, "Cumulative"), RM.v("Germany", 2024, "Cumulative"), 10))], [],
    "Germany Cumulative Total 2014 -> 2024, CAGR over 10 years")

pk23, pk24 = RM.v("Pakistan", 2023), RM.v("Pakistan", 2024)
add(R, "market", "Pakistan looks like it exploded last year. By how much did its annual additions change from 2023 to 2024, in MW and in %?",
    "change", [mw(pk24 - pk23), pc(pct(pk23, pk24))], [],
    "Pakistan Annual Total 2024 - 2023, and % change")

add(R, "market", "In the most probable case, what CAGR do you get for Germany's annual additions from 2025 to 2030?",
    "change", [pc(cagr(RM.v("Germany", 2025, scen="mp"), RM.v("Germany", 2030, scen="mp"), 5))], [],
    "Germany Annual Total, Forecast - Most probable, 2025 -> 2030, CAGR over 5 years")

add(R, "market", "Comparing three Southern Europe entry points. Spain vs Italy vs France - 2024 additions side by side?",
    "compare", [mw(RM.v(c, 2024)) for c in ["Spain", "Italy", "France"]], ["Spain", "Italy", "France"],
    "Annual Total 2024, Historical Primary, for each of the three")

cn, us = RM.v("China", 2024, "Cumulative"), RM.v("USA", 2024, "Cumulative")
add(R, "market", "How many times bigger was China's installed PV base than the USA's at end-2024?",
    "compare", [u(cn / us, "x"), mw(cn), mw(us)], [],
    "Cumulative Total 2024: China / USA")

gh, gl = RM.v("Germany", 2030, scen="high"), RM.v("Germany", 2030, scen="low")
add(R, "market", "Germany 2030 annual additions, high vs low scenario - what's the gap in MW?",
    "compare", [mw(gh), mw(gl), mw(gh - gl)], [],
    "Germany 2030 Annual Total: Forecast - High minus Forecast - Low")

it_s = RM.series("Italy")
add(R, "market", "Italy's had a boom-bust history. What was its peak year for annual PV additions, and how big was it?",
    "extreme", [mw(ext(it_s, "max")[0])], [str(ext(it_s, "max")[1])],
    "max of Italy Annual Total over all Historical Primary years")

es_s = RM.series("Spain")
add(R, "market", "what was Spain's record year for new PV installs?",
    "extreme", [mw(ext(es_s, "max")[0])], [str(ext(es_s, "max")[1])],
    "max of Spain Annual Total over all Historical Primary years")

cn_s = RM.series("China", 2017, 2024)
add(R, "market", "Stress-testing the China demand story for the equity desk. Since 2017, which was China's weakest year for new PV installations?",
    "extreme", [mw(ext(cn_s, "min")[0])], [str(ext(cn_s, "min")[1])],
    "min of China Annual Total 2017-2024, Historical Primary")

jp_s = RM.series("Japan")
add(R, "market", "When did the Japanese market peak in terms of annual additions?",
    "extreme", [mw(ext(jp_s, "max")[0])], [str(ext(jp_s, "max")[1])],
    "max of Japan Annual Total over all Historical Primary years")

add(R, "market", "Modelling a German EPC's addressable market. Average annual additions in Germany over 2020-2024?",
    "average", [mw(RM.series("Germany", 2020, 2024).mean())], [],
    "mean of Germany Annual Total 2020..2024 (5 values)")

add(R, "market", "On the most probable forecast, how much will Spain add per year on average between 2025 and 2030?",
    "average", [mw(RM.series("Spain", 2025, 2030, scen="mp").mean())], [],
    "mean of Spain Annual Total, Forecast - Most probable, 2025..2030 (6 values)")

add(R, "market", "Total MW Poland added 2020 thru 2024 inclusive?",
    "sum", [mw(RM.series("Poland", 2020, 2024).sum())], [],
    "sum of Poland Annual Total 2020..2024")

add(R, "market", "Combined 2024 additions of China, the US and India?",
    "sum", [mw(sum(RM.v(c, 2024) for c in ["China", "USA", "India"]))], [],
    "sum of Annual Total 2024 for China, USA, India")

cn_all = RM.series("China")
first100 = int(cn_all[cn_all > 100000].index.min())
add(R, "market", "Milestone check for the China section: first year China's annual additions topped 100 GW?",
    "first_latest", [mw(cn_all.loc[first100])], [str(first100)],
    "first Historical Primary year with China Annual Total > 100,000 MW")

cl = RM.series("Chile")
add(R, "market", "When does Chile's PV series start, and how much did it add in that first year?",
    "first_latest", [mw(cl.iloc[0])], [str(cl.index[0])],
    "earliest Historical Primary year for Chile, Annual Total")

vn = RM.series("Vietnam")
add(R, "market", "Most recent historical year you have for Vietnam and its additions that year?",
    "first_latest", [mw(vn.iloc[-1])], [str(vn.index[-1])],
    "latest Historical Primary year for Vietnam, Annual Total")


add(R, "market", "Quick one - average annual PV additions in India over 2015-2024?",
    "average", [mw(RM.series("India", 2015, 2024).mean())], [],
    "mean of India Annual Total 2015..2024 (10 values), Historical Primary")

add(R, "market", "Downside case for the German platform: total additions Germany gets across 2025-2030 in the low scenario?",
    "sum", [mw(RM.series("Germany", 2025, 2030, scen="low").sum())], [],
    "sum of Germany Annual Total, Forecast - Low, 2025..2030")

dist3 = RM.countries_year(2024, conn="Distributed").head(3)
add(R, "market", "We back rooftop installers. Which 3 countries added the most distributed (rooftop) PV in 2024?",
    "rank", [mw(x) for x in dist3.values], list(dist3.index),
    "market CSV: countries only, 2024, Historical Primary, Distributed, Annual, top 3")

# ---- real follow-ups
add(R, "market", ["How much PV did Spain add in 2024?", "and Italy?"],
    "follow_up", [mw(RM.v("Italy", 2024))], [],
    "Italy, 2024, Historical Primary, Total, Annual")

add(R, "market", ["What's the most probable forecast for German annual additions in 2028?",
                  "same for the high scenario"],
    "follow_up", [mw(RM.v("Germany", 2028, scen="high"))], [],
    "Germany 2028 Annual Total, Forecast - High")

top5_23 = RM.countries_year(2023).head(5)
add(R, "market", ["Top 5 countries by PV additions in 2024?", "what about 2023?"],
    "follow_up", [mw(x) for x in top5_23.values], list(top5_23.index),
    "countries only, 2023, Historical Primary, Total, Annual, top 5")

add(R, "market", ["For the IC memo - China's share of world PV additions in 2024?", "and in 2020?"],
    "follow_up", [pc(RM.v("China", 2020) / RM.v("World", 2020) * 100)], [],
    "China / World Annual Total 2020")

add(R, "market", ["India's annual installs CAGR 2019-2024?", "Brazil over the same window?"],
    "follow_up", [pc(cagr(RM.v("Brazil", 2019), RM.v("Brazil", 2024), 5))], [],
    "Brazil Annual Total 2019 -> 2024, CAGR over 5 years")

pl = RM.series("Poland", 2020, 2024)
add(R, "market", ["What were Poland's annual PV additions each year from 2020 to 2024?", "as a chart pls"],
    "follow_up", [mw(x) for x in pl.values], [],
    "Poland Annual Total 2020..2024, one value per year")

add(R, "market", ["US installed PV base at end-2024?", "how much of that is distributed?"],
    "follow_up", [mw(RM.v("USA", 2024, "Cumulative", "Distributed"))], [],
    "USA 2024 Cumulative Distributed, Historical Primary")

# ---- real unanswerable (market)
add(R, "market", "Need the terminal-year number for the DCF: Germany's total installed PV base at end-2030 in the most probable case?",
    "unanswerable", answerable=False,
    why="forecast Cumulative values in the real CSV exclude the installed base (running sum of forecast additions only)")
add(R, "market", "What's the cumulative installed capacity Italy reaches by 2030 in the high case?",
    "unanswerable", answerable=False,
    why="forecast Cumulative values in the real CSV exclude the installed base")
assert not RM.has("China", 2027)
add(R, "market", "What does the most probable forecast say for China's additions in 2027?",
    "unanswerable", answerable=False,
    why="real CSV holds forecasts only for European countries; no China forecast rows")
assert not RM.has("Saudi Arabia", 2026, scen="high")
add(R, "market", "Saudi pipeline looks huge. High-scenario PV additions for Saudi Arabia in 2026?",
    "unanswerable", answerable=False,
    why="no forecast rows for Saudi Arabia in the real CSV")
add(R, "market", "Our fund also does wind. How much onshore wind did Germany install in 2024?",
    "unanswerable", answerable=False, why="wind is not in the data (PV only)")
add(R, "market", "US battery storage additions in 2024, in GWh?",
    "unanswerable", answerable=False, why="storage is not in the data")
add(R, "market", "For the returns section of the IC memo: what's the LCOE for utility-scale PV in Spain right now, EUR/MWh?",
    "unanswerable", answerable=False, why="LCOE is not a measure held")
add(R, "market", "How many GWh did Italian PV generate in 2023?",
    "unanswerable", answerable=False, why="generation (GWh) is not held; only capacity in MW")
add(R, "market", "For the ESG section: how many people work in India's solar sector?",
    "unanswerable", answerable=False, why="employment is not held")
add(R, "market", "What was the French PV market worth in EUR in 2024?",
    "unanswerable", answerable=False, why="market value in currency is not held")
assert "Nigeria" not in set(RM.df.Territory)
add(R, "market", "We're looking at West Africa. Nigeria's PV additions in 2024?",
    "unanswerable", answerable=False, why="Nigeria is not a territory in the data")
assert RM.series("Germany").index.min() > 1985
add(R, "market", "How much PV did Germany install back in 1985?",
    "unanswerable", answerable=False, why="data start in 1992")
assert RM.df.Year.max() < 2035
add(R, "market", "Spain additions in 2035, most probable?",
    "unanswerable", answerable=False, why="forecasts end in 2030")
add(R, "market", "What feed-in tariff does Germany currently pay for small rooftop PV?",
    "unanswerable", answerable=False, why="tariffs are not held")
add(R, "market", "How much CSP / solar thermal capacity does Spain have installed?",
    "unanswerable", answerable=False, why="solar thermal / CSP is not in the data (PV only)")

# =============================================================================
# REAL instance -- prices
# =============================================================================
s_us, unit_us = RP.s("Module", "n-type TOPCon", "US")
add(R, "price", "Latest n-type TOPCon module price in the US?",
    "price", [u(float(s_us.iloc[-1]), unit_us)], [],
    "prices: Module / n-type TOPCon / US, newest date")

cu_m, cu_u = RP.month("Copper", "Copper", "Overseas", "2024-03")
add(R, "price", "Copper's a key BOS cost input for us. What was the copper price in March 2024?",
    "price", [u(cu_m, cu_u)], [],
    "prices: Copper / Overseas, monthly, 2024-03")

regs = {}
for rg in ["China", "EU", "US"]:
    s, un = RP.s("Module", "n-type TOPCon", rg)
    regs[rg] = (float(s.iloc[-1]), un, s.index[-1])
assert len({v[2] for v in regs.values()}) == 1
cheap = min(regs, key=lambda k: regs[k][0])
add(R, "price", "Regional spread check for a US module supply deal: latest n-type TOPCon module prices in China, the EU and the US - which is cheapest?",
    "price", [u(regs[k][0], regs[k][1]) for k in ["China", "EU", "US"]], [cheap],
    "prices: Module / n-type TOPCon, latest (same date) in China, EU, US; min region named")

al, al_u = RP.s("Aluminium", "Aluminium", "Overseas")
al_v, al_d = ext(al, "min")
add(R, "price", "All-time low for aluminium in your data, and which month was it?",
    "price", [u(al_v, al_u)], [str(al_d.year)],
    "prices: Aluminium / Overseas, min over whole monthly series")

eva, eva_u = RP.s("EVA", "EVA", "Overseas")
add(R, "price", "EVA encapsulant price: % change from Jan 2022 to Jan 2025?",
    "price", [pc(pct(RP.month("EVA", "EVA", "Overseas", "2022-01")[0],
                     RP.month("EVA", "EVA", "Overseas", "2025-01")[0]))], [],
    "prices: EVA / Overseas, (2025-01 - 2022-01)/2022-01")

cu, cu_unit = RP.s("Copper", "Copper", "Overseas")
cu24 = cu[cu.index.year == 2024]
assert len(cu24) == 12
add(R, "price", "Building a commodity deck for the IC. Avg copper price over calendar 2024 (monthly data)?",
    "price", [u(float(cu24.mean()), cu_unit)], [],
    "prices: Copper / Overseas, mean of the 12 monthly values of 2024")

tc, tc_u = RP.s("Cell", "n-type TOPCon M10", "Overseas")
_tc_years = {d.year for d in tc[tc == tc.max()].index}
assert len(_tc_years) == 1  # the max is held on several weeks, all in one year
tc_max_year = _tc_years.pop()
add(R, "price", "Peak price for overseas n-type TOPCon M10 cells over the whole series, and in what year?",
    "price", [u(float(tc.max()), tc_u)], [str(tc_max_year)],
    "prices: Cell / n-type TOPCon M10 / Overseas, max over series (held on several weeks, all in one year)")

cd, cd_u = RP.s("Module", "CdTe", "Overseas")
add(R, "price", "We hold some thin-film exposure. How much has the CdTe module price changed from its first to its latest observation, in %?",
    "price", [pc(pct(float(cd.iloc[0]), float(cd.iloc[-1]))), u(float(cd.iloc[0]), cd_u), u(float(cd.iloc[-1]), cd_u)], [],
    "prices: Module / CdTe / Overseas, first vs newest observation")

ag, ag_u = RP.month("Silver", "Silver", "Overseas", "2024-06", unit="K US$/t")
add(R, "price", "Silver paste is eating cell makers' margins. What was the silver price in June 2024?",
    "price", [u(ag, ag_u)], [],
    "prices: Silver / Overseas, monthly, 2024-06 (unit K US$/t)")

perc_eu, pu = RP.on("Module", "p-type mono-Si PERC M10", "EU", "2024-06-05")
top_eu, tu = RP.on("Module", "n-type TOPCon", "EU", "2024-06-05")
add(R, "price", "On the 5 June 2024 print, what was the premium of n-type TOPCon over p-type PERC M10 modules in the EU?",
    "price", [u(top_eu, tu), u(perc_eu, pu), u(top_eu - perc_eu, tu)], [],
    "prices: Module EU on 2024-06-05, n-type TOPCon minus p-type mono-Si PERC M10")

# ---- real unanswerable (price)
add(R, "price", "What's the latest string inverter price per Wp?",
    "unanswerable", answerable=False, why="inverters are not a price item in the data")
assert "Brazil" not in set(RP.df.region)
add(R, "price", "Module prices landed in Brazil - latest TOPCon quote?",
    "unanswerable", answerable=False, why="Brazil is not a price region")
add(R, "price", "What share of the module price is polysilicon today?",
    "unanswerable", answerable=False, why="a share of a price is not computable from separate items with different units")

# =============================================================================
# REAL instance -- financials (sample financials loaded)
# =============================================================================
v, un = F.v("Helios", "FY2024", "Revenue")
add(R, "manufacturer_financial", "Updating our comps table - Helios Modules FY2024 revenue?",
    "financial", [u(v, un)], [], "financials: Helios Modules Ltd (sample), FY2024, Revenue")

v, un = F.v("SunForge", "2024-Q4", "Net income")
add(R, "manufacturer_financial", "Earnings review this morning. What net income did SunForge Energy print in Q4 2024?",
    "financial", [u(v, un)], [], "financials: SunForge Energy (sample), 2024-Q4, Net income")

a, _ = F.v("Helios", "FY2023", "Revenue")
b, _ = F.v("Helios", "FY2024", "Revenue")
add(R, "manufacturer_financial", "Helios revenue YoY, FY23 to FY24, in %?",
    "financial", [pc(pct(a, b))], [], "financials: Helios Revenue (FY2024 - FY2023)/FY2023")

fy = F.df[(F.df.period == "FY2024") & (F.df.metric == "Revenue")].sort_values("value", ascending=False)
add(R, "manufacturer_financial", "Rank the manufacturers you cover by FY2024 revenue, highest first.",
    "financial", [u(float(x), "USD million") for x in fy.value], [c.split()[0] for c in fy.company],
    "financials: FY2024 Revenue for every company, sorted descending")

v, un = F.v("SunForge", "FY2024", "Net income")
add(R, "manufacturer_financial", ["SunForge Energy FY2024 revenue?", "what about its net income?"],
    "follow_up", [u(v, un)], [], "financials: SunForge Energy (sample), FY2024, Net income")

a, _ = F.v("Aurora", "FY2023", "Gross margin")
b, _ = F.v("Aurora", "FY2024", "Gross margin")
add(R, "manufacturer_financial", "Margin compression check for the equity desk: how many points did Aurora PV's gross margin move from FY2023 to FY2024?",
    "financial", [u(a, "%"), u(b, "%"), pc(b - a)], [],
    "financials: Aurora Gross margin FY2024 - FY2023 (percentage points)")

add(R, "manufacturer_financial", "Peer benchmarking: what was LONGi's revenue in 2024?",
    "unanswerable", answerable=False, why="LONGi is not among the companies in the financials")
add(R, "manufacturer_financial", "Helios Modules EBITDA for FY2024?",
    "unanswerable", answerable=False, why="EBITDA is not a metric held (only revenue, gross margin, net income, shipments, capacity)")

# =============================================================================
# SAMPLE instance -- market
# =============================================================================
S = "sample"

add(S, "market", "Italy's 2024 instals in MW?",
    "lookup", [mw(SM.v("Italy", 2024))], [], "sample market: Italy 2024 Historical Primary Total Annual")

add(S, "market", "For a Dutch portfolio we're bidding on: what was the Netherlands' cumulative installed PV at end-2022?",
    "lookup", [mw(SM.v("Netherlands", 2022, "Cumulative"))], [],
    "sample market: Netherlands 2022 Historical Primary Total Cumulative")

add(S, "market", "Germany's total installed PV fleet at end-2030 in the most probable scenario?",
    "lookup", [mw(SM.v("Germany", 2030, "Cumulative", scen="mp"))], [],
    "sample market: Germany 2030 Forecast - Most probable Total Cumulative")

s_rank24 = SM.countries_year(2024)
add(S, "market", "For a Europe screening table: rank every country you have (excluding World) by 2024 additions.",
    "rank", [mw(x) for x in s_rank24.values], list(s_rank24.index),
    "sample market: all countries, 2024 Historical Primary Total Annual, sorted")

s_top3_30 = SM.countries_year(2030, scen="mp").head(3)
add(S, "market", "top 3 countries by 2030 additions, most probable case?",
    "rank", [mw(x) for x in s_top3_30.values], list(s_top3_30.index),
    "sample market: countries, 2030 Forecast - Most probable Total Annual, top 3")

add(S, "market", "Germany's share of global PV additions in 2024?",
    "share", [pc(SM.v("Germany", 2024) / SM.v("World", 2024) * 100)], [],
    "sample market: Germany / World, 2024 Annual Total")

add(S, "market", "French resi/C&I angle - what % of France's 2024 additions came from distributed PV?",
    "share", [pc(SM.v("France", 2024, conn="Distributed") / SM.v("France", 2024) * 100)], [],
    "sample market: France 2024 Annual Distributed / Total")

add(S, "market", "Benchmarking Iberia vs the rest. Spain's installed base CAGR 2015-2024?",
    "change", [pc(cagr(SM.v("Spain", 2015, "Cumulative"), SM.v("Spain", 2024, "Cumulative"), 9))], [],
    "sample market: Spain Cumulative Total 2015 -> 2024, CAGR over 9 years")

add(S, "market", "France new installs YoY change 2023->2024?",
    "change", [pc(pct(SM.v("France", 2023), SM.v("France", 2024)))], [],
    "sample market: France Annual Total (2024-2023)/2023")

add(S, "market", "Italy vs Spain: cumulative installed capacity at end of 2024?",
    "compare", [mw(SM.v("Italy", 2024, "Cumulative")), mw(SM.v("Spain", 2024, "Cumulative"))], ["Italy", "Spain"],
    "sample market: 2024 Cumulative Total for Italy and Spain")

wh, wl = SM.v("World", 2030, scen="high"), SM.v("World", 2030, scen="low")
add(S, "market", "Scenario analysis for the IC. How wide is the forecast range for global additions in 2030 - high vs low, and the spread in GW?",
    "compare", [mw(wh), mw(wl), mw(wh - wl)], [],
    "sample market: World 2030 Annual Total, Forecast - High and Forecast - Low, difference")

pl_s = SM.series("Poland")
add(S, "market", "Poland's peak year for annual additions?",
    "extreme", [mw(ext(pl_s, "max")[0])], [str(ext(pl_s, "max")[1])],
    "sample market: max of Poland Annual Total over Historical Primary years")

add(S, "market", "Dutch market has been choppy. Avg annual additions in the Netherlands 2020-2024?",
    "average", [mw(SM.series("Netherlands", 2020, 2024).mean())], [],
    "sample market: mean of Netherlands Annual Total 2020..2024")

add(S, "market", "Spain + Italy combined 2024 additions, in MW?",
    "sum", [mw(SM.v("Spain", 2024) + SM.v("Italy", 2024))], [],
    "sample market: Spain + Italy 2024 Annual Total")

w_s = SM.series("World")
first200 = int(w_s[w_s > 200000].index.min())
add(S, "market", "First year global annual PV additions went above 200 GW?",
    "first_latest", [mw(w_s.loc[first200])], [str(first200)],
    "sample market: first Historical Primary year with World Annual Total > 200,000 MW")

add(S, "market", "Under the most probable case, Germany's annual additions CAGR 2025 to 2030?",
    "change", [pc(cagr(SM.v("Germany", 2025, scen="mp"), SM.v("Germany", 2030, scen="mp"), 5))], [],
    "sample market: Germany Annual Total, Forecast - Most probable, 2025 -> 2030, CAGR over 5 years")


add(S, "market", "Sum of global PV additions 2020-2024, in GW?",
    "sum", [mw(SM.series("World", 2020, 2024).sum())], [],
    "sample market: sum of World Annual Total 2020..2024")

add(S, "market", "Base case for a French rooftop platform. Most probable scenario: France's average yearly additions over 2025-2030?",
    "average", [mw(SM.series("France", 2025, 2030, scen="mp").mean())], [],
    "sample market: mean of France Annual Total, Forecast - Most probable, 2025..2030")

pl_all = SM.series("Poland")
first2g = int(pl_all[pl_all > 2000].index.min())
add(S, "market", "In which year did Poland's annual additions first exceed 2 GW?",
    "first_latest", [mw(pl_all.loc[first2g])], [str(first2g)],
    "sample market: first Historical Primary year with Poland Annual Total > 2,000 MW")

it_low = SM.series("Italy", 2015, 2024)
add(S, "market", "Italy's weakest year for additions between 2015 and 2024?",
    "extreme", [mw(ext(it_low, "min")[0])], [str(ext(it_low, "min")[1])],
    "sample market: min of Italy Annual Total 2015..2024")

# ---- sample follow-ups
add(S, "market", ["How much PV did Italy install in 2024?", "and Spain's?"],
    "follow_up", [mw(SM.v("Spain", 2024))], [], "sample market: Spain 2024 Annual Total")

add(S, "market", ["France's most probable annual additions in 2027?", "same in the low case"],
    "follow_up", [mw(SM.v("France", 2027, scen="low"))], [],
    "sample market: France 2027 Annual Total, Forecast - Low")

add(S, "market", ["Germany's cumulative installed capacity at end 2024?", "and end-2030 in the high scenario?"],
    "follow_up", [mw(SM.v("Germany", 2030, "Cumulative", scen="high"))], [],
    "sample market: Germany 2030 Cumulative Total, Forecast - High")

# =============================================================================
# SAMPLE instance -- prices
# =============================================================================
s, un = SP.s("Module", "n-type TOPCon", "EU")
add(S, "price", "Latest n-type TOPCon module price in the EU?",
    "price", [u(float(s.iloc[-1]), un)], [],
    "sample prices: Module / n-type TOPCon / EU, newest date")

v, un = SP.month("Polysilicon", "High purity - 9N/9N+", "China", "2024-03")
add(S, "price", "Tracking upstream cost deflation. polysilicon (9N) in China, March 2024?",
    "price", [u(v, un)], [], "sample prices: Polysilicon / High purity - 9N/9N+ / China, 2024-03")

d12 = {}
for rg in ["China", "EU", "India", "US"]:
    d12[rg] = SP.month("Module", "n-type TOPCon", rg, "2024-12")
order = sorted(d12, key=lambda k: d12[k][0])
add(S, "price", "Rank the regions by n-type TOPCon module price in December 2024, cheapest first.",
    "price", [u(d12[k][0], d12[k][1]) for k in order], order,
    "sample prices: Module / n-type TOPCon, 2024-12, all four regions sorted ascending")

a, un = SP.month("Wafer", "n-type mono-Si M10", "China", "2023-01")
b, _ = SP.month("Wafer", "n-type mono-Si M10", "China", "2024-12")
add(S, "price", "Upstream squeeze: % change in the Chinese n-type M10 wafer price from Jan 2023 to Dec 2024?",
    "price", [pc(pct(a, b)), u(a, un), u(b, un)], [],
    "sample prices: Wafer / n-type mono-Si M10 / China, 2023-01 vs 2024-12")

g, gu = SP.s("PV glass", "Glass 3,2mm", "EU")
add(S, "price", "Highest 3.2mm PV glass price in the EU over the data, and which month?",
    "price", [u(ext(g, "max")[0], gu)], [str(ext(g, "max")[1].year)],
    "sample prices: PV glass / Glass 3,2mm / EU, max over series")

pm, pmu = SP.s("Module", "p-type mono-Si PERC M10", "China")
pm24 = pm[pm.index.year == 2024]
assert len(pm24) == 12
add(S, "price", "Average PERC M10 module price in China across 2024?",
    "price", [u(float(pm24.mean()), pmu)], [],
    "sample prices: Module / p-type mono-Si PERC M10 / China, mean of 12 monthly 2024 values")

h_, hu = SP.month("Module", "n-type HJT", "US", "2024-12")
t_, tu = SP.month("Module", "n-type TOPCon", "US", "2024-12")
add(S, "price", "In the US, Dec 2024: HJT module vs TOPCon module price, and the difference?",
    "price", [u(h_, hu), u(t_, tu), u(h_ - t_, hu)], [],
    "sample prices: Module US 2024-12, n-type HJT minus n-type TOPCon")

hi, hiu = SP.s("Module", "n-type HJT", "India")
add(S, "price", "Lowest HJT module price in India in the data - level and month?",
    "price", [u(ext(hi, "min")[0], hiu)], [str(ext(hi, "min")[1].year)],
    "sample prices: Module / n-type HJT / India, min over series")

s_cn, ucn = SP.s("Module", "n-type TOPCon", "US")
add(S, "price", ["Latest n-type TOPCon module price in China?", "and the US?"],
    "follow_up", [u(float(s_cn.iloc[-1]), ucn)], [], "sample prices: Module / n-type TOPCon / US, newest date")

a, un = SP.month("Polysilicon", "High purity - 9N/9N+", "EU", "2023-01")
b, _ = SP.month("Polysilicon", "High purity - 9N/9N+", "EU", "2024-12")
add(S, "price", ["How much did 9N polysilicon in China change from Jan 2023 to Dec 2024, in %?", "same for the EU"],
    "follow_up", [pc(pct(a, b))], [], "sample prices: Polysilicon 9N EU, 2023-01 vs 2024-12, % change")

# =============================================================================
# SAMPLE instance -- financials
# =============================================================================
a, un = F.v("Aurora", "FY2024", "Revenue")
add(S, "manufacturer_financial", ["Helios Modules FY24 revenue?", "and Aurora?"],
    "follow_up", [u(a, un)], [], "financials: Aurora PV Group (sample), FY2024, Revenue")

v, un = F.v("Nordlicht", "FY2024", "Net income")
add(S, "manufacturer_financial", "Nordlicht Solar looks distressed to us. What was its full-year 2024 net income?",
    "financial", [u(v, un)], [], "financials: Nordlicht Solar AG (sample), FY2024, Net income")

hq = F.df[F.df.company.str.startswith("Helios") & F.df.period.str.contains("-Q") & (F.df.metric == "Revenue")]
top_q = hq.sort_values("value", ascending=False).iloc[0]
add(S, "manufacturer_financial", "Which quarter was Helios' best for revenue, and what did it book?",
    "financial", [u(float(top_q.value), top_q.unit)], top_q.period.split("-")[::-1],
    "financials: Helios quarterly Revenue (2023-Q1..2024-Q4), max")

sq = F.df[F.df.company.str.startswith("SunForge") & F.df.period.str.startswith("2024-Q") & (F.df.metric == "Gross margin")]
assert len(sq) == 4
add(S, "manufacturer_financial", "I want a run-rate view rather than the FY figure. Simple average of SunForge's four quarterly gross margins in 2024?",
    "financial", [pc(float(sq.value.mean()))], [],
    "financials: mean of SunForge Gross margin 2024-Q1..Q4")

a, un = F.v("Helios", "FY2024", "Module shipments")
b, _ = F.v("SunForge", "FY2024", "Module shipments")
add(S, "manufacturer_financial", "Helios vs SunForge module shipments FY2024?",
    "financial", [u(a, un), u(b, un)], ["Helios", "SunForge"],
    "financials: FY2024 Module shipments for Helios and SunForge")

q4 = F.df[(F.df.period == "2024-Q4") & (F.df.metric == "Gross margin")].sort_values("value", ascending=False).iloc[0]
add(S, "manufacturer_financial", "Who had the best gross margin in Q4 2024?",
    "financial", [pc(float(q4.value))], [q4.company.split()[0]],
    "financials: 2024-Q4 Gross margin, max across companies")

# ---- sample unanswerable
assert "China" not in set(SM.df.Territory)
add(S, "market", "China's 2024 PV additions?",
    "unanswerable", answerable=False, why="China is not in the sample market data")
assert "Belgium" not in set(SM.df.Territory)
add(S, "market", "For the Benelux screen: Belgium's installs in 2024?",
    "unanswerable", answerable=False, why="Belgium is not in the sample market data")
assert SM.df.Year.min() > 2012
add(S, "market", "Need a longer history for the German series. Germany's additions in 2012?",
    "unanswerable", answerable=False, why="sample market data start in 2015")
add(S, "market", "Offshore wind capacity in the Netherlands?",
    "unanswerable", answerable=False, why="wind is not in the data")
add(S, "market", "Average solar PPA price in Spain last year?",
    "unanswerable", answerable=False, why="PPA prices are not held")
add(S, "market", "What's the average capacity factor of Italian PV?",
    "unanswerable", answerable=False, why="capacity factors / generation are not held")
assert "Silver" not in set(SP.df.item)
add(S, "price", "Latest silver price? It matters for our paste-cost sensitivity.",
    "unanswerable", answerable=False, why="silver is not an item in the sample prices")
assert "Australia" not in set(SP.df.region)
add(S, "price", "We have an Australian resi retailer in the pipeline. TOPCon module price in Australia, latest?",
    "unanswerable", answerable=False, why="Australia is not a region in the sample prices")
assert SP.df.date.min() > pd.Timestamp("2022-12-31")
add(S, "price", "Polysilicon price in China in mid-2022, at the peak?",
    "unanswerable", answerable=False, why="sample prices start in January 2023")
add(S, "manufacturer_financial", "Equity desk wants a comp: First Solar gross margin last quarter?",
    "unanswerable", answerable=False, why="First Solar is not among the companies in the financials")


# =============================================================================
# write + self-check
# =============================================================================
def main():
    out = HERE / "questions.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for it in ITEMS:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")

    ids = [it["id"] for it in ITEMS]
    assert len(ids) == len(set(ids)), "duplicate ids"
    n = len(ITEMS)
    n_un = sum(not it["answerable"] for it in ITEMS)
    n_fu = sum(len(it["turns"]) >= 2 for it in ITEMS)
    for it in ITEMS:
        if it["answerable"]:
            assert it["expect"] or it["names"], it["id"]
            for e in it["expect"]:
                assert e["value"] == e["value"], it["id"]  # not NaN
    assert n >= 110, n
    assert n_un >= 28, n_un
    assert n_fu >= 12, n_fu
    print(f"items={n} unanswerable={n_un} follow-up chains={n_fu}")
    print("by data:", dict(Counter(it["data"] for it in ITEMS)))
    print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
    print("by kind:", dict(sorted(Counter(it["kind"] for it in ITEMS).items())))
    print("kind x data:")
    print(pd.crosstab(pd.Series([it["kind"] for it in ITEMS], name="kind"),
                      pd.Series([it["data"] for it in ITEMS], name="data")).to_string())
    fin_n = sum(it["agent"] == "manufacturer_financial" for it in ITEMS)
    print("manufacturer_financial items:", fin_n)


if __name__ == "__main__":
    main()
