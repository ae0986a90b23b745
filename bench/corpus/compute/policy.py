#!/usr/bin/env python3
"""Held-out questions, writer `policy` (EU energy-policy analyst, NZIA).

Every expected figure is computed from the data files below; nothing is typed by hand.
Run:  python3 compute.py   -> writes questions.jsonl next to this file and prints counts.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "policy"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
SAMPLE_FIN = "/work/main/data/sample/financials.csv"

CAP = "Capacity(MW)"
HP = "Historical Primary"
MP = "Forecast - Most probable"
HIGH = "Forecast - High"
LOW = "Forecast - Low"

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
EU27 = [
    "Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic", "Denmark",
    "Estonia", "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy", "Latvia",
    "Lithuania", "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal", "Romania",
    "Slovakia", "Slovenia", "Spain", "Sweden",
]


# ----------------------------------------------------------------------------- market data
class Market:
    def __init__(self, path):
        df = pd.read_csv(path)
        self.raw_rows = len(df)
        # duplicated rows (same territory/year/scenario/connection/type and capacity; some differ
        # only in the AC/DC or Estimated/Confirmed annotations) are counted once
        df = df.drop_duplicates(["Territory", "Year", "Scenario", "Connection", "Type", CAP])
        self.dropped = self.raw_rows - len(df)
        assert not df.duplicated(["Territory", "Year", "Scenario", "Connection", "Type"]).any()
        self.df = df
        hist = df[df.Scenario == HP]
        self.last_hist = hist.groupby("Territory").Year.max().to_dict()
        self.countries = sorted(t for t in df.Territory.unique() if t not in AGGREGATES)

    def scen(self, terr, year, scen=None):
        if scen is not None:
            return scen
        return HP if year <= self.last_hist[terr] else MP

    def v(self, terr, year, typ="Annual", conn="Total", scen=None):
        s = self.scen(terr, year, scen)
        d = self.df
        x = d[(d.Territory == terr) & (d.Year == year) & (d.Type == typ)
              & (d.Connection == conn) & (d.Scenario == s)]
        assert len(x) == 1, (terr, year, typ, conn, s, len(x))
        val = float(x[CAP].iloc[0])
        assert pd.notna(val), (terr, year, typ, conn, s)
        return val

    def series(self, terr, y0, y1, typ="Annual", conn="Total", scen=None):
        return {y: self.v(terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}

    def hist_series(self, terr, typ="Annual", conn="Total"):
        d = self.df
        x = d[(d.Territory == terr) & (d.Type == typ) & (d.Connection == conn) & (d.Scenario == HP)]
        x = x.dropna(subset=[CAP])
        assert not x.duplicated(["Year"]).any()
        return dict(zip(x.Year.astype(int), x[CAP].astype(float)))

    def rank(self, terrs, year, typ="Annual", conn="Total", scen=None, n=5, ascending=False):
        vals = {}
        for t in terrs:
            try:
                vals[t] = self.v(t, year, typ, conn, scen)
            except AssertionError:
                pass
        items = sorted(vals.items(), key=lambda kv: kv[1], reverse=not ascending)
        # make sure the cut-off is not a tie
        if len(items) > n:
            assert items[n - 1][1] != items[n][1], "tie at cut-off"
        return items[:n]


def argext(d, fn=max):
    """year of the max/min of a {year: value} dict; asserts uniqueness."""
    best = fn(d.values())
    ys = [y for y, v in d.items() if v == best]
    assert len(ys) == 1, ys
    return ys[0], best


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def mean(xs):
    xs = list(xs)
    return sum(xs) / len(xs)


# ----------------------------------------------------------------------------- price data
class Prices:
    def __init__(self, df):
        df = df.copy()
        df["date"] = pd.to_datetime(df["date"])
        self.df = df

    def s(self, item, desc, region, unit=None):
        d = self.df
        x = d[(d["item"] == item) & (d.description == desc) & (d.region == region)]
        if unit is not None:
            x = x[x.unit == unit]
        assert len(x) > 0, (item, desc, region, unit)
        assert x.unit.nunique() == 1, (item, desc, region, x.unit.unique())
        # one value per date (identical repeats collapse)
        x = x.drop_duplicates(["date", "base_price"])
        assert not x.date.duplicated().any(), ("several values on one date", item, desc, region)
        return x.sort_values("date").set_index("date")["base_price"].astype(float)

    @staticmethod
    def latest(s):
        return s.index[-1], float(s.iloc[-1])

    @staticmethod
    def month(s, ym):
        x = s[s.index.strftime("%Y-%m") == ym]
        assert len(x) == 1, (ym, len(x))
        return float(x.iloc[0])

    @staticmethod
    def on(s, date):
        return float(s.loc[pd.Timestamp(date)])

    @staticmethod
    def ext(s, fn="max"):
        val = s.max() if fn == "max" else s.min()
        dates = s[s == val].index
        return float(val), list(dates)


def month_name(ts):
    return pd.Timestamp(ts).strftime("%B %Y")


def ext_month(dates):
    """the month of an extreme, if all dates where it occurs fall in one month."""
    months = {pd.Timestamp(d).strftime("%Y-%m") for d in dates}
    assert len(months) == 1, months
    return month_name(dates[0])


# ----------------------------------------------------------------------------- load
RM = Market(REAL_MARKET)
SM = Market(SAMPLE_MARKET)
RP = Prices(pd.read_parquet(REAL_PRICES))
SP = Prices(pd.read_csv(SAMPLE_PRICES))
FIN = pd.read_csv(SAMPLE_FIN)

assert SM.dropped == 0
print(f"real market CSV: {RM.raw_rows} rows, {RM.dropped} duplicate rows dropped")
SAMPLE_COUNTRIES = [t for t in SM.countries]  # France, Germany, Italy, Netherlands, Poland, Spain


def fin(company, period, metric):
    x = FIN[(FIN.company.str.startswith(company)) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(x) == 1, (company, period, metric, len(x))
    return float(x.value.iloc[0]), x.unit.iloc[0]


def fin_company(prefix):
    c = [c for c in FIN.company.unique() if c.startswith(prefix)]
    assert len(c) == 1
    return c[0]


# ----------------------------------------------------------------------------- item builder
ITEMS = []


def MW(v):
    return {"value": float(v), "unit": "MW"}


def PCT(v):
    return {"value": float(v), "unit": "%"}


def X(v):
    return {"value": float(v), "unit": "x"}


def U(v, unit):
    return {"value": float(v), "unit": unit}


def add(data, agent, turns, kind, expect=(), names=(), how="", why=None):
    if isinstance(turns, str):
        turns = [turns]
    item = {
        "writer": WRITER, "data": data, "agent": agent, "turns": list(turns),
        "answerable": why is None, "kind": kind,
        "expect": list(expect), "names": [str(n) for n in names], "how": how,
    }
    if why is not None:
        item["why"] = why
        item["kind"] = "unanswerable"
        assert not expect
    ITEMS.append(item)


def no(data, agent, turns, why, how="not in data"):
    add(data, agent, turns, "unanswerable", how=how, why=why)


# =============================================================================
# REAL instance — market
# =============================================================================
R = RM

# ---- lookups
v = R.v("Germany", 2024)
add("real", "market",
    ["For a briefing note on the NZIA deployment trajectory I need the German headline number: "
     "how much new PV capacity did Germany install in 2024?"],
    "lookup", [MW(v)], how="real CSV: Germany 2024 Historical Primary Total Annual")

v = R.v("Spain", 2023, "Cumulative")
add("real", "market", ["Spain is the EU's second-largest fleet and our reference case for the grid-congestion chapter. "
     "What was Spain's total installed PV capacity at the end of 2023?"],
    "lookup", [MW(v)], how="real CSV: Spain 2023 HP Total Cumulative")

v = R.v("Poland", 2022, conn="Distributed")
add("real", "market",
    ["Poland's prosumer boom is often cited in Council discussions. how many MW of distributed PV "
     "did Poland add in 2022?"],
    "lookup", [MW(v)], how="real CSV: Poland 2022 HP Distributed Annual")

v = R.v("EU", 2030)
add("real", "market",
    ["The EU Solar Strategy aims at roughly 750 GWdc by 2030, so the annual run-rate matters. What "
     "does the most probable scenario project for annual PV additions in the EU in 2030?"],
    "lookup", [MW(v)], how="real CSV: EU 2030 Forecast - Most probable Total Annual")

# ---- rankings (countries only)
top = R.rank(EU27, 2024, n=5)
add("real", "market",
    ["We are mapping where deployment is concentrated within the Union. Which five EU member "
     "states installed the most PV in 2024? Please rank them and give the MW."],
    "rank", [MW(v) for _, v in top], [t for t, _ in top],
    how="real CSV: EU-27 countries, 2024 HP Total Annual, top 5 descending")

top = R.rank(R.countries, 2024, "Cumulative", n=3)
add("real", "market",
    ["Which three countries have the largest cumulative PV fleets worldwide as of end-2024?"],
    "rank", [MW(v) for _, v in top], [t for t, _ in top],
    how="real CSV: all non-aggregate territories, 2024 HP Total Cumulative, top 3")

top = R.rank(EU27, 2030, scen=HIGH, n=3)
add("real", "market",
    ["We are stress-testing the updated NECPs against market outlooks. Under the high scenario, "
     "which three EU countries are expected to add the most PV capacity in 2030?"],
    "rank", [MW(v) for _, v in top], [t for t, _ in top],
    how="real CSV: EU-27 countries, 2030 Forecast - High Total Annual, top 3")

bot = R.rank(EU27, 2024, n=1, ascending=True)
add("real", "market",
    ["Which EU member state had the smallest PV market in 2024, and how much did it install?"],
    "rank", [MW(bot[0][1])], [bot[0][0]],
    how="real CSV: EU-27 countries, 2024 HP Total Annual, minimum")

top = R.rank(R.countries, 2024, n=5)
add("real", "market",
    ["Top 5 countries globally by new PV installations in 2024?"],
    "rank", [MW(v) for _, v in top], [t for t, _ in top],
    how="real CSV: all non-aggregate territories, 2024 HP Total Annual, top 5")

# ---- shares
a, w = R.v("China", 2024), R.v("World", 2024)
add("real", "market",
    ["In the context of the NZIA debate on dependence on China, what share of global PV "
     "additions in 2024 was installed in China itself?"],
    "share", [PCT(a / w * 100)], ["China"],
    how="real CSV: China 2024 Annual / World 2024 Annual (HP, Total)")

a, w = R.v("EU", 2024, "Cumulative"), R.v("World", 2024, "Cumulative")
add("real", "market",
    ["We want to contrast the EU's weight in the global fleet with its weight in manufacturing. "
     "What percentage of the world's installed PV base at the end of 2024 was located in the EU?"],
    "share", [PCT(a / w * 100)],
    how="real CSV: EU 2024 Cumulative / World 2024 Cumulative (HP, Total)")

d, t = R.v("Italy", 2024, conn="Distributed"), R.v("Italy", 2024)
add("real", "market",
    ["What proportion of Italy's 2024 PV additions was distributed generation?"],
    "share", [PCT(d / t * 100)],
    how="real CSV: Italy 2024 HP Annual Distributed / Total")

eu_, cn_, w_ = R.v("Europe", 2024), R.v("China", 2024), R.v("World", 2024)
add("real", "market",
    ["Europe vs China: what share of the world's 2024 PV additions did each account for?"],
    "share", [PCT(eu_ / w_ * 100), PCT(cn_ / w_ * 100)],
    how="real CSV: Europe and China 2024 Annual / World 2024 Annual (HP, Total)")

# ---- change
a, b = R.v("EU", 2019), R.v("EU", 2024)
add("real", "market",
    ["The REPowerEU years brought a step change in deployment. By what percentage did annual PV "
     "installations in the EU grow between 2019 and 2024?"],
    "change", [PCT(pct(a, b))], how="real CSV: EU Annual HP Total, (2024-2019)/2019*100")

a, b = R.v("Poland", 2019, "Cumulative"), R.v("Poland", 2024, "Cumulative")
add("real", "market",
    ["Poland went from a marginal market to one of the EU's larger fleets. What was the CAGR of "
     "Poland's cumulative PV capacity from 2019 to 2024?"],
    "change", [PCT(cagr(a, b, 5))], how="real CSV: Poland Cumulative HP Total 2019->2024, CAGR 5 yrs")

a, b = R.v("Spain", 2023), R.v("Spain", 2024)
add("real", "market",
    ["year on year change in Spanish PV additions 2023 -> 2024, in MW and %?"],
    "change", [MW(b - a), PCT(pct(a, b))], how="real CSV: Spain Annual HP Total 2024 minus 2023, and %")

a, b = R.v("China", 2020, "Cumulative"), R.v("China", 2024, "Cumulative")
add("real", "market",
    ["By how much has China's installed PV base grown since 2020 (end-2020 to end-2024)?"],
    "change", [MW(b - a)], how="real CSV: China Cumulative HP Total 2024 minus 2020")

a, b = R.v("EU", 2024), R.v("EU", 2030)
add("real", "market",
    ["Taking the EU's 2024 installations as the base year, what compound annual growth rate in "
     "annual additions does the most probable scenario imply up to 2030?"],
    "change", [PCT(cagr(a, b, 6))],
    how="real CSV: EU Annual Total 2024 HP -> 2030 Forecast - Most probable, CAGR 6 yrs")

# ---- compare
vals = [(c, R.v(c, 2024)) for c in ["Germany", "France", "Italy"]]
add("real", "market",
    ["Could you compare 2024 PV installations in Germany, France and Italy?"],
    "compare", [MW(v) for _, v in vals], ["Germany", "France", "Italy"],
    how="real CSV: 2024 HP Total Annual for each of the three")

e, c = R.v("EU", 2023), R.v("China", 2023)
add("real", "market",
    ["For an op-ed on the scale gap: how did the EU's 2023 PV additions compare with China's? "
     "Give both figures and how many times larger China's market was."],
    "compare", [MW(e), MW(c), X(c / e)],
    how="real CSV: EU and China 2023 HP Total Annual; ratio China/EU")

n, b = R.v("Netherlands", 2024, "Cumulative"), R.v("Belgium", 2024, "Cumulative")
add("real", "market",
    ["Benelux check: is the Dutch or the Belgian installed base bigger at end-2024, and by how "
     "many MW?"],
    "compare", [MW(n), MW(b), MW(n - b)], ["Netherlands"],
    how="real CSV: Netherlands vs Belgium 2024 HP Total Cumulative, difference")

c, d = R.v("Spain", 2024, conn="Centralised"), R.v("Spain", 2024, conn="Distributed")
add("real", "market",
    ["Spain's self-consumption segment is widely reported to be slowing. Compare centralised and "
     "distributed PV additions in Spain in 2024."],
    "compare", [MW(c), MW(d)],
    how="real CSV: Spain 2024 HP Annual Centralised and Distributed")

u, e = R.v("USA", 2024), R.v("EU", 2024)
add("real", "market",
    ["This is for a transatlantic IRA-versus-NZIA paper. How do the EU's 2024 installations compare "
     "with those of the United States?"],
    "compare", [MW(e), MW(u)],
    how="real CSV: EU and USA 2024 HP Total Annual")

# ---- extremes (historical span)
y, v = argext(R.hist_series("Spain"))
add("real", "market",
    ["In which year did Spain record its highest annual PV additions so far, and how much was "
     "installed that year?"],
    "extreme", [MW(v)], [y], how="real CSV: Spain HP Total Annual, all historical years, max")

y, v = argext(R.hist_series("Italy"))
add("real", "market",
    ["Italy's record year for new PV installations in the historical data?"],
    "extreme", [MW(v)], [y], how="real CSV: Italy HP Total Annual, all historical years, max")

s = {k: val for k, val in R.hist_series("EU").items() if 2010 <= k <= 2024}
y, v = argext(s, min)
add("real", "market",
    ["The EU market is said to have collapsed after the feed-in tariff cuts of the early 2010s. "
     "Between 2010 and 2024, which year saw the weakest EU PV market (lowest annual additions)?"],
    "extreme", [MW(v)], [y], how="real CSV: EU HP Total Annual 2010-2024, min")

y, v = argext(R.hist_series("Czech Republic"))
add("real", "market",
    ["The Czech Republic had an early boom-and-bust. What was its peak year for annual PV "
     "additions so far and the MW installed?"],
    "extreme", [MW(v)], [y], how="real CSV: Czech Republic HP Total Annual, all historical years, max")

# ---- averages
s = R.series("Poland", 2020, 2024)
add("real", "market",
    ["What were Poland's average annual PV additons over 2020-2024?"],
    "average", [MW(mean(s.values()))], how="real CSV: Poland HP Total Annual, mean 2020..2024")

s = R.series("EU", 2025, 2030, scen=HIGH)
add("real", "market",
    ["To test the NZIA ambition against the outlook: in the high scenario, what is the average "
     "yearly PV addition in the EU over 2025–2030?"],
    "average", [MW(mean(s.values()))], how="real CSV: EU Forecast - High Total Annual, mean 2025..2030")

s = R.series("France", 2020, 2024)
add("real", "market",
    ["average yearly PV installations in France 2020 to 2024 inclusive?"],
    "average", [MW(mean(s.values()))], how="real CSV: France HP Total Annual, mean 2020..2024")

# ---- sums
s = R.series("Spain", 2019, 2024)
add("real", "market",
    ["We want the combined effect of Spain's renewable auction rounds. How much PV did Spain add in "
     "total over 2019–2024, summing the annual figures?"],
    "sum", [MW(sum(s.values()))], how="real CSV: Spain HP Total Annual, sum 2019..2024")

s = R.series("Germany", 2025, 2030, scen=MP)
add("real", "market",
    ["Adding up the most probable forecast, how much new PV is Germany expected to install over "
     "2025-2030 in total?"],
    "sum", [MW(sum(s.values()))], how="real CSV: Germany Forecast - Most probable Total Annual, sum 2025..2030")

vals = [R.v(c, 2024) for c in ["Estonia", "Latvia", "Lithuania"]]
add("real", "market",
    ["What did the three Baltic states (Estonia, Latvia, Lithuania) install in 2024 combined?"],
    "sum", [MW(sum(vals))], how="real CSV: Estonia+Latvia+Lithuania 2024 HP Total Annual")

# ---- first / latest
s = R.hist_series("China")
y = min(k for k, val in s.items() if val > 100000)
add("real", "market",
    ["In which year did China's annual PV additions first exceed 100 GW?"],
    "first_latest", [MW(s[y])], [y], how="real CSV: China HP Total Annual, first year > 100,000 MW")

s = R.hist_series("Germany", "Cumulative")
y = min(k for k, val in s.items() if val > 50000)
add("real", "market",
    ["When did Germany's cumulative PV capacity first pass 50,000 MW?"],
    "first_latest", [MW(s[y])], [y], how="real CSV: Germany HP Total Cumulative, first year > 50,000 MW")

y = R.last_hist["Greece"]
add("real", "market",
    ["What is the most recent year of historical data for Greece, and what did Greece install "
     "that year?"],
    "first_latest", [MW(R.v("Greece", y))], [y], how="real CSV: Greece last HP year, Total Annual")

# =============================================================================
# REAL instance — prices
# =============================================================================
P = RP
eu = P.s("Module", "n-type TOPCon", "EU")
cn = P.s("Module", "n-type TOPCon", "China")
us = P.s("Module", "n-type TOPCon", "US")
(de, ve), (dc, vc), (du, vu) = P.latest(eu), P.latest(cn), P.latest(us)
assert de == dc == du
add("real", "price",
    ["The NZIA resilience criteria hinge partly on the price gap with Chinese supply. What are "
     "the latest n-type TOPCon module prices in the EU and in China, and how far is the EU price "
     "above or below the Chinese one?"],
    "price", [U(ve, "US$/Wp"), U(vc, "US$/Wp"), U(abs(ve - vc), "US$/Wp")],
    how=f"real parquet: Module n-type TOPCon EU and China, latest date {de.date()}; "
        f"gap = |EU - China| = {abs(ve - vc):.3f}, EU {'below' if ve < vc else 'above'} China")

vals = {"EU": ve, "China": vc, "US": vu}
cheapest = min(vals, key=vals.get)
assert sorted(vals.values())[0] != sorted(vals.values())[1]
add("real", "price",
    ["Among the EU, the US and China, where are n-type TOPCon modules cheapest at the latest "
     "date, and at what price?"],
    "price", [U(vals[cheapest], "US$/Wp")], [cheapest],
    how=f"real parquet: Module n-type TOPCon EU/US/China at {de.date()}, min")

first_d, first_v = cn.index[0], float(cn.iloc[0])
add("real", "price",
    ["How much have Chinese n-type TOPCon module prices fallen, in %, from the first observation "
     "in the data to the latest one?"],
    "price", [PCT(pct(first_v, vc)), U(first_v, "US$/Wp"), U(vc, "US$/Wp")],
    how=f"real parquet: Module n-type TOPCon China {first_d.date()} -> {dc.date()}, % change")

perc_eu = P.s("Module", "p-type mono-Si PERC M10", "EU")
val, dates = P.ext(perc_eu, "min")
first_low = min(dates)
add("real", "price",
    ["We are tracking how far European prices for older PERC stock have fallen. What is the lowest "
     "price recorded for p-type PERC M10 modules in the EU, and when was it first reached?"],
    "price", [U(val, "US$/Wp")], [month_name(first_low)],
    how="real parquet: Module p-type mono-Si PERC M10 EU, min over whole series; month of first date at min")

cu = P.s("Copper", "Copper", "Overseas")
s24 = cu[cu.index.year == 2024]
assert len(s24) == 12
add("real", "price",
    ["Cabling and balance-of-system costs matter for our cost analysis — what was the average "
     "copper price across 2024?"],
    "price", [U(s24.mean(), "US$/t")], how="real parquet: Copper Overseas monthly, mean of 2024 (12 obs)")

poly = P.s("Polysilicon", "Very high purity - 11N/11N+", "China")
val, dates = P.ext(poly, "max")
add("real", "price",
    ["What was the highest price for 11N/11N+ very high purity polysilicon in China in the data, "
     "and in which month?"],
    "price", [U(val, "US$/kg")], [ext_month(dates)],
    how="real parquet: Polysilicon Very high purity - 11N/11N+ China, max over series")

eva = P.s("EVA", "EVA", "Overseas")
d, v = P.latest(eva)
add("real", "price",
    ["What's the latest EVA encapsulant price you have?"],
    "price", [U(v, "US$/t")], [month_name(d)], how=f"real parquet: EVA Overseas monthly, latest ({d.date()})")

# =============================================================================
# SAMPLE instance — market
# =============================================================================
S = SM
v = S.v("Netherlands", 2022)
add("sample", "market", ["How much PV did the Netherlands install in 2022?"],
    "lookup", [MW(v)], how="sample market: Netherlands 2022 HP Total Annual")

v = S.v("France", 2024, "Cumulative")
add("sample", "market",
    ["France's multiannual energy plan (PPE) sets solar targets we are benchmarking. What was "
     "France's cumulative PV capacity at the end of 2024?"],
    "lookup", [MW(v)], how="sample market: France 2024 HP Total Cumulative")

v = S.v("Germany", 2030, "Cumulative", scen=MP)
add("sample", "market",
    ["The EEG trajectory is our benchmark for Germany. What installed base does the most probable "
     "scenario foresee for Germany by 2030?"],
    "lookup", [MW(v)], how="sample market: Germany 2030 Forecast - Most probable Total Cumulative")

v = S.v("Spain", 2024, conn="Off-grid")
add("sample", "market", ["Spanish off-grid PV added in 2024 — how many MW?"],
    "lookup", [MW(v)], how="sample market: Spain 2024 HP Off-grid Annual")

top = S.rank(SAMPLE_COUNTRIES, 2023, n=3)
add("sample", "market",
    ["Which three countries instaled the most PV in 2023?"],
    "rank", [MW(v) for _, v in top], [t for t, _ in top],
    how="sample market: countries (excl. World) 2023 HP Total Annual, top 3")

top = S.rank(SAMPLE_COUNTRIES, 2030, "Cumulative", scen=LOW, n=6)
add("sample", "market",
    ["Please rank all the countries by their 2030 installed base in the low scenario."],
    "rank", [MW(v) for _, v in top], [t for t, _ in top],
    how="sample market: countries (excl. World) 2030 Forecast - Low Total Cumulative, ranked")

g, w = S.v("Germany", 2024), S.v("World", 2024)
add("sample", "market",
    ["We often call Germany Europe's anchor market, but globally it looks smaller. What was "
     "Germany's share of global PV additions in 2024?"],
    "share", [PCT(g / w * 100)], how="sample market: Germany / World 2024 HP Total Annual")

d, t = S.v("Poland", 2024, conn="Distributed"), S.v("Poland", 2024)
add("sample", "market",
    ["what % of Poland's 2024 installs were distributed?"],
    "share", [PCT(d / t * 100)], how="sample market: Poland 2024 HP Annual Distributed / Total")

tot6 = sum(S.v(c, 2030, "Cumulative", scen=MP) for c in SAMPLE_COUNTRIES)
w = S.v("World", 2030, "Cumulative", scen=MP)
add("sample", "market",
    ["Taken together, what share of the world's installed PV base in 2030 would France, Germany, "
     "Italy, the Netherlands, Poland and Spain hold under the most probable scenario?"],
    "share", [PCT(tot6 / w * 100)],
    how="sample market: sum of six countries' 2030 MP Cumulative / World 2030 MP Cumulative")

a, b = S.v("Italy", 2015, "Cumulative"), S.v("Italy", 2024, "Cumulative")
add("sample", "market",
    ["What was the compound annual growth rate of Italy's cumulative PV capacity between 2015 "
     "and 2024?"],
    "change", [PCT(cagr(a, b, 9))], how="sample market: Italy HP Cumulative 2015->2024, CAGR 9 yrs")

a, b = S.v("Netherlands", 2023), S.v("Netherlands", 2024)
add("sample", "market",
    ["The Dutch market seems to be cooling after net-metering reform. What was the year-on-year "
     "change in Dutch PV additions from 2023 to 2024?"],
    "change", [MW(b - a), PCT(pct(a, b))], how="sample market: Netherlands HP Total Annual 2024 vs 2023")

a, b = S.v("Germany", 2024, "Cumulative"), S.v("Germany", 2030, "Cumulative", scen=HIGH)
add("sample", "market",
    ["Germany's 2030 target is 215 GW. How much would Germany's fleet grow between end-2024 and "
     "2030 in the high scenario, in GW?"],
    "change", [MW(b - a)],
    how="sample market: Germany Cumulative 2030 Forecast - High minus 2024 HP")

vals = [(c, S.v(c, 2024, "Cumulative")) for c in ["France", "Italy"]]
add("sample", "market",
    ["Compare France and Italy by cumulative installed PV at end of 2024."],
    "compare", [MW(v) for _, v in vals], ["Italy"],
    how="sample market: France and Italy 2024 HP Total Cumulative")

vals = [(c, S.v(c, 2030, scen=MP)) for c in ["Spain", "Italy", "Poland"]]
add("sample", "market",
    ["Our country fiches need a forward view. For 2030, how do projected annual additions in Spain, "
     "Italy and Poland compare under the most probable scenario?"],
    "compare", [MW(v) for _, v in vals], ["Spain", "Italy", "Poland"],
    how="sample market: 2030 Forecast - Most probable Total Annual, three countries")

y, v = argext(S.hist_series("Netherlands"))
add("sample", "market",
    ["Which was the Netherlands' best year so far for new PV installations?"],
    "extreme", [MW(v)], [y], how="sample market: Netherlands HP Total Annual, max over historical years")

y, v = argext(S.hist_series("France"), min)
add("sample", "market",
    ["In the historical series, which year had France's lowest annual PV additions?"],
    "extreme", [MW(v)], [y], how="sample market: France HP Total Annual, min over historical years")

s = S.series("Spain", 2020, 2024)
add("sample", "market",
    ["Average annual additions for Spain over 2020–2024?"],
    "average", [MW(mean(s.values()))], how="sample market: Spain HP Total Annual mean 2020..2024")

s = S.series("Italy", 2025, 2030, scen=LOW)
add("sample", "market",
    ["Italy's permitting bottlenecks make the downside case plausible. In the low scenario, what "
     "would Italy add per year on average between 2025 and 2030?"],
    "average", [MW(mean(s.values()))], how="sample market: Italy Forecast - Low Total Annual mean 2025..2030")

s = S.series("World", 2020, 2024)
add("sample", "market",
    ["Sum of global PV installations 2020-2024?"],
    "sum", [MW(sum(s.values()))], how="sample market: World HP Total Annual sum 2020..2024")

vals = [S.v(c, 2024) for c in SAMPLE_COUNTRIES]
add("sample", "market",
    ["How much did France, Germany, Italy, the Netherlands, Poland and Spain install in 2024 "
     "altogether?"],
    "sum", [MW(sum(vals))], how="sample market: six countries 2024 HP Total Annual, summed")

s = S.hist_series("Poland")
y = min(k for k, val in s.items() if val > 4000)
add("sample", "market",
    ["In which year did Polish annual PV additions first go above 4 GW?"],
    "first_latest", [MW(s[y])], [y], how="sample market: Poland HP Total Annual, first year > 4,000 MW")

y = S.last_hist["Italy"]
add("sample", "market",
    ["What's the latest actual (non-forecast) figure for Italy's annual PV additions, and which "
     "year does it refer to?"],
    "first_latest", [MW(S.v("Italy", y))], [y], how="sample market: Italy last HP year, Total Annual")

# =============================================================================
# SAMPLE instance — prices
# =============================================================================
Q = SP
v = Q.month(Q.s("Module", "n-type TOPCon", "EU"), "2024-03")
add("sample", "price",
    ["We are updating the price annex of our paper on NZIA auction criteria. What was the EU price "
     "of n-type TOPCon modules in March 2024?"],
    "price", [U(v, "US$/Wp")], how="sample prices: Module n-type TOPCon EU, 2024-03")

e = Q.month(Q.s("Module", "p-type mono-Si PERC M10", "EU"), "2024-12")
c = Q.month(Q.s("Module", "p-type mono-Si PERC M10", "China"), "2024-12")
add("sample", "price",
    ["For our note on the NZIA non-price criteria in auctions, we need the EU–China price gap for "
     "p-type PERC M10 modules in December 2024: both prices and the difference, please."],
    "price", [U(e, "US$/Wp"), U(c, "US$/Wp"), U(e - c, "US$/Wp")],
    how="sample prices: Module PERC M10 EU and China 2024-12; gap EU - China")

regs = ["China", "EU", "India", "US"]
vals = {r: Q.month(Q.s("Module", "n-type HJT", r), "2024-12") for r in regs}
assert len(set(vals.values())) == len(vals)
cheap = min(vals, key=vals.get)
add("sample", "price",
    ["Which region had the cheapest HJT modules in December 2024?"],
    "price", [U(vals[cheap], "US$/Wp")], [cheap],
    how="sample prices: Module n-type HJT, 2024-12 across China/EU/India/US, min")

poly = Q.s("Polysilicon", "High purity - 9N/9N+", "China")
val, dates = Q.ext(poly, "max")
assert len(dates) == 1
add("sample", "price",
    ["When did Chinese 9N polysilicon peak over the period covered, and at what price?"],
    "price", [U(val, "US$/kg")], [month_name(dates[0])],
    how="sample prices: Polysilicon High purity - 9N/9N+ China, max over series")

e = Q.s("Module", "n-type TOPCon", "EU")
c = Q.s("Module", "n-type TOPCon", "China")
(de, ve), (dc, vc) = Q.latest(e), Q.latest(c)
assert de == dc
add("sample", "price",
    ["How many times more expensive is a TOPCon module in the EU than in China at the latest "
     "date?"],
    "price", [X(ve / vc), U(ve, "US$/Wp"), U(vc, "US$/Wp")],
    how=f"sample prices: Module n-type TOPCon EU / China at {de.date()}")

cell = Q.s("Cell", "p-type mono-Si PERC M10", "EU")
val, dates = Q.ext(cell, "max")
assert len(dates) == 1
add("sample", "price",
    ["Highest EU price for PERC M10 cells in the data, and when was it?"],
    "price", [U(val, "US$/Wp")], [month_name(dates[0])],
    how="sample prices: Cell p-type mono-Si PERC M10 EU, max over series")

# =============================================================================
# Financials (sample file, loaded on both instances)
# =============================================================================
v, u = fin("Nordlicht", "FY2024", "Net income")
add("sample", "manufacturer_financial",
    ["Nordlicht Solar AG is one of the few European module makers we track for the NZIA "
     "manufacturing benchmark. What was its net income in FY2024?"],
    "financial", [U(v, u)], how="sample financials: Nordlicht FY2024 Net income")

v, u = fin("Helios", "2024-Q4", "Gross margin")
add("real", "manufacturer_financial",
    ["Helios Modules gross margin in Q4 2024?"],
    "financial", [U(v, u)], how="sample financials: Helios 2024-Q4 Gross margin")

rev = {c: float(FIN[(FIN.company == c) & (FIN.period == "FY2024") & (FIN.metric == "Revenue")].value.iloc[0])
       for c in FIN.company.unique()}
best = max(rev, key=rev.get)
add("sample", "manufacturer_financial",
    ["Which manufacturer reported the highest revenue in FY2024, and how much?"],
    "financial", [U(rev[best], "USD million")], [best.split(" ")[0]],
    how="sample financials: FY2024 Revenue across companies, max")

a, _ = fin("SunForge", "FY2023", "Revenue")
b, _ = fin("SunForge", "FY2024", "Revenue")
add("real", "manufacturer_financial",
    ["SunForge is often cited as a bellwether for margin pressure in the sector. How much did "
     "SunForge Energy's revenue change from FY2023 to FY2024, in percent?"],
    "financial", [PCT(pct(a, b))], how="sample financials: SunForge Revenue FY2023 -> FY2024 % change")

v, u = fin("Aurora", "2024-Q4", "Production capacity")
add("sample", "manufacturer_financial",
    ["What production capacity did Aurora PV Group report for 2024-Q4?"],
    "financial", [U(v, u)], how="sample financials: Aurora 2024-Q4 Production capacity")

h, u = fin("Helios", "FY2024", "Module shipments")
s_, _ = fin("SunForge", "FY2024", "Module shipments")
add("real", "manufacturer_financial",
    ["Compare FY2024 module shipments of Helios Modules and SunForge Energy."],
    "financial", [U(h, u), U(s_, u)], ["Helios", "SunForge"],
    how="sample financials: FY2024 Module shipments, Helios and SunForge")

nq = FIN[(FIN.company.str.startswith("Nordlicht")) & (FIN.metric == "Gross margin")
         & (FIN.period.str.contains("-Q"))].sort_values("period")
first_neg = nq[nq.value < 0].iloc[0]
add("sample", "manufacturer_financial",
    ["In which quarter did Nordlicht Solar's gross margin first turn negative?"],
    "financial", [U(first_neg.value, "%")], [first_neg.period],
    how="sample financials: Nordlicht quarterly Gross margin, first period < 0")

tot = FIN[(FIN.period == "FY2024") & (FIN.metric == "Module shipments")].value.sum()
add("real", "manufacturer_financial",
    ["To put the EU's ~65 GW a year of demand in perspective: what were the combined FY2024 module "
     "shipments of all manufacturers in the dataset?"],
    "financial", [U(tot, "GW")], how="sample financials: sum of FY2024 Module shipments over 4 companies")

q = [fin("Aurora", f"2024-Q{i}", "Revenue")[0] for i in range(1, 5)]
add("sample", "manufacturer_financial",
    ["Average quarterly revenue of Aurora PV Group in 2024?"],
    "financial", [U(mean(q), "USD million")], how="sample financials: Aurora Revenue mean of 2024-Q1..Q4")

a, _ = fin("Helios", "2023-Q1", "Net income")
b, _ = fin("Helios", "2024-Q4", "Net income")
add("real", "manufacturer_financial",
    ["Helios' net income: how much did it fall between 2023-Q1 and 2024-Q4 (in USD m)?"],
    "financial", [U(a - b, "USD million")],
    how="sample financials: Helios Net income 2023-Q1 minus 2024-Q4 (size of the fall)")

# =============================================================================
# Follow-up chains (last turn judged)
# =============================================================================
v = R.v("Spain", 2024)
add("real", "market",
    ["We are drafting the country fiches for the Iberian and French chapters. How much new PV "
     "capacity did France install in 2024?", "And Spain?"],
    "follow_up", [MW(v)], how="real CSV: Spain 2024 HP Total Annual")

v = R.v("Poland", 2030, scen=LOW)
add("real", "market",
    ["What annual PV additions does the most probable scenario foresee for Poland in 2030?",
     "Same for the high scenario",
     "and the low one?"],
    "follow_up", [MW(v)], how="real CSV: Poland 2030 Forecast - Low Total Annual")

a, w = R.v("EU", 2015), R.v("World", 2015)
add("real", "market",
    ["What share of global PV installations did the EU account for in 2024?",
     "What about 2015?"],
    "follow_up", [PCT(a / w * 100)], how="real CSV: EU 2015 Annual / World 2015 Annual (HP, Total)")

top = R.rank(EU27, 2024, "Cumulative", n=5)
add("real", "market",
    ["Rank the five EU member states with the largest cumulative PV capacity at end-2024.",
     "Can you show that as a bar chart?"],
    "follow_up", [MW(v) for _, v in top], [t for t, _ in top],
    how="real CSV: EU-27 2024 HP Total Cumulative, top 5 (chart)")

d, vus = P.latest(P.s("Module", "n-type TOPCon", "US"))
add("real", "price",
    ["What's the latest price for n-type TOPCon modules in the EU?",
     "And in the US?"],
    "follow_up", [U(vus, "US$/Wp")], how=f"real parquet: Module n-type TOPCon US latest ({d.date()})")

y, v = argext(R.hist_series("France"))
add("real", "market",
    ["What has been Germany's record year for PV additions so far?",
     "And France's?"],
    "follow_up", [MW(v)], [y], how="real CSV: France HP Total Annual, max over historical years")

a, b = R.v("EU", 2019), R.v("EU", 2024)
add("real", "market",
    ["For the five-year review of the EU Solar Strategy, how much did the EU install in 2019 and in "
     "2024?",
     "What's the CAGR over that period?"],
    "follow_up", [PCT(cagr(a, b, 5))], how="real CSV: EU HP Total Annual 2019->2024 CAGR 5 yrs")

d, t = R.v("Germany", 2024, conn="Distributed"), R.v("Germany", 2024)
add("real", "market",
    ["What share of the Netherlands' 2024 PV additions was distributed?",
     "and for Germany?"],
    "follow_up", [PCT(d / t * 100)], how="real CSV: Germany 2024 HP Annual Distributed / Total")

y, _ = argext(R.hist_series("China"))
e = R.v("EU", y)
add("real", "market",
    ["Which year was China's biggest so far for annual PV additions?",
     "How much did the EU install in that same year?"],
    "follow_up", [MW(e)], [y], how="real CSV: China HP Annual peak year; EU HP Total Annual that year")

v = S.v("Germany", 2030, "Cumulative", scen=LOW)
add("sample", "market",
    ["What's Germany's projected cumulative PV capacity in 2030 under the most probable scenario?",
     "And in the high scenario?",
     "and the low?"],
    "follow_up", [MW(v)], how="sample market: Germany 2030 Forecast - Low Total Cumulative")

e = Q.month(Q.s("Module", "n-type HJT", "EU"), "2024-06")
c = Q.month(Q.s("Module", "n-type HJT", "China"), "2024-06")
add("sample", "price",
    ["What was the EU price for HJT modules in June 2024?",
     "And the Chinese price in the same month?",
     "So what's the gap between the two?"],
    "follow_up", [U(e - c, "US$/Wp")], how="sample prices: Module n-type HJT EU minus China, 2024-06")

v, u = fin("Helios", "FY2024", "Net income")
add("sample", "manufacturer_financial",
    ["What was SunForge Energy's net income in FY2024?", "And Helios Modules?"],
    "follow_up", [U(v, u)], how="sample financials: Helios FY2024 Net income")

a, b = S.v("Spain", 2019), S.v("Spain", 2020)
add("sample", "market",
    ["How much PV did Spain add in 2019?", "what about 2020?",
     "What's the % change between the two years?"],
    "follow_up", [PCT(pct(a, b))], how="sample market: Spain HP Total Annual 2019->2020 % change")

v = S.v("Italy", 2030, scen=HIGH)
add("sample", "market",
    ["Italy's expected PV additions in 2030 in the most probable scenario?",
     "What would it be under the high case?"],
    "follow_up", [MW(v)], how="sample market: Italy 2030 Forecast - High Total Annual")

# =============================================================================
# Unanswerable
# =============================================================================
# real instance
no("real", "market",
   ["For the NZIA cross-technology comparison, how much onshore wind capacity did Germany "
    "install in 2024?"],
   "wind capacity is not held; the data covers solar PV only")
no("real", "market",
   ["Hybrid PV-plus-storage bids are increasingly common in Italian auctions. How many MWh of "
     "battery storage were deployed alongside PV in Italy in 2024?"],
   "battery storage is not held; only PV capacity")
no("real", "market",
   ["For the competitiveness section we need cost benchmarks. What is the LCOE of utility-scale PV "
     "in Spain today?"],
   "LCOE is not a measure in the data")
no("real", "market",
   ["How much electricity (GWh) did French PV plants generate in 2023?"],
   "generation in GWh is not held; only installed capacity in MW")
no("real", "market",
   ["How many people are employed in the EU solar PV sector? We need it for the NZIA skills "
    "academies chapter."],
   "employment/jobs are not in the data")
no("real", "price",
   ["What anti-dumping or import tariff rate currently applies to Chinese modules entering the "
    "EU?"],
   "tariffs/trade measures are not in the data")
no("real", "market",
   ["What annual PV additions does the most probable scenario project for China in 2030?"],
   "the real market CSV holds no forecast scenarios for China (forecasts cover European "
   "territories only)")
no("real", "market",
   ["What will Germany's total installed PV capacity be in 2030 under the most probable "
    "scenario?"],
   "forecast Cumulative values in the real CSV exclude the installed base, so the 2030 "
   "installed base cannot be read from it")
no("real", "market",
   ["In the high scenario, what cumulative PV fleet will the EU have reached by 2028?"],
   "forecast Cumulative values in the real CSV exclude the installed base")
no("real", "market",
   ["Ukraine's reconstruction plans aside, what does the low scenario give for Ukrainian PV "
    "additions in 2027?"],
   "Ukraine has high and most probable forecasts only; no low scenario")
no("real", "market",
   ["We are widening the scope to Africa for a Global Gateway chapter. How much PV did Nigeria "
     "install in 2024?"],
   "Nigeria is not a territory in the data")
no("real", "market",
   ["What are the projected EU PV additions for 2035?"],
   "forecasts end in 2030")
no("real", "price",
   ["Inverters are also listed as a net-zero technology component under the NZIA. What is the "
     "current price of string inverters in Europe, per Wp?"],
   "inverter prices are not an item in the price data")
no("real", "price",
   ["What is the latest module price in Japan for n-type TOPCon?"],
   "no Japan region in the price data")
no("real", "price",
   ["What share of the total module price does polysilicon represent right now?"],
   "a share of one price in another is not available; price items have different units and no "
   "cost breakdown is held")
no("real", "price",
   ["What's the average conversion efficiency of TOPCon modules compared with PERC?"],
   "efficiency is not in the data")
no("real", "price",
   ["Latest polysilicon price in the EU?"],
   "polysilicon prices are held for China and Overseas only, not the EU")
no("real", "market",
   ["Our executive summary needs a headline economic figure. What was the value of the EU PV "
     "market in 2024 in EUR billion?"],
   "market value in EUR is not held; only capacity in MW")
no("real", "market",
   ["To track the NZIA 40% benchmark: how many GW of module manufacturing capacity does the EU "
    "currently have?"],
   "EU manufacturing capacity is not held (market data is installations; financials are a few "
   "sample companies only)")
no("real", "market",
   ["How much did Germany install in the first half of 2025?"],
   "no half-year granularity and no historical data for 2025")

# sample instance
no("sample", "market",
   ["For context in the introduction: how much PV did China install in 2024?"],
   "China is not in the sample market data (only six EU countries and World)")
no("sample", "market",
   ["What was Belgium's cumulative PV capacity at the end of 2024?"],
   "Belgium is not in the sample market data")
no("sample", "market",
   ["What were the EU-27's total PV additions in 2023?"],
   "the sample market data has no EU aggregate and does not cover all member states")
no("sample", "price",
   ["What was the EU TOPCon module price in mid-2022, before the energy crisis peak?"],
   "sample price data covers 2023-01 to 2024-12 only")
no("sample", "price",
   ["What's the latest silver price? Paste consumption is a big cost driver."],
   "silver is not an item in the sample price data")
no("sample", "market",
   ["How much solar thermal collector area was installed in Spain in 2023?"],
   "solar thermal is not held; only PV")
no("sample", "manufacturer_financial",
   ["Meyer Burger is the usual example of European manufacturing distress. What was its revenue "
     "in FY2024?"],
   "Meyer Burger is not among the companies in the financials")
no("sample", "manufacturer_financial",
   ["How much did Helios Modules spend on R&D in 2024?"],
   "R&D spending is not a metric in the financials")
no("real", "manufacturer_financial",
   ["What was SunForge Energy's revenue in FY2022?"],
   "financials cover 2023 and 2024 only")

# =============================================================================
# write + self-check
# =============================================================================
for i, it in enumerate(ITEMS, 1):
    it["id"] = f"{WRITER}-{i:03d}"
ORDER = ["id", "writer", "data", "agent", "turns", "answerable", "kind", "expect", "names", "why", "how"]
with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
    for it in ITEMS:
        f.write(json.dumps({k: it[k] for k in ORDER if k in it}, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
n_unans = sum(not it["answerable"] for it in ITEMS)
n_chains = sum(len(it["turns"]) > 1 for it in ITEMS)
n_fin = sum(it["agent"] == "manufacturer_financial" for it in ITEMS)
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert it.get("why"), it["id"]
assert len(ITEMS) >= 110, len(ITEMS)
assert n_unans >= 28, n_unans
assert n_chains >= 12, n_chains

print(f"items: {len(ITEMS)}  unanswerable: {n_unans}  follow-up chains: {n_chains}  "
      f"financial-agent items: {n_fin}")
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("by kind:", dict(sorted(Counter(it["kind"] for it in ITEMS).items())))
print("kind x data:")
kd = Counter((it["kind"], it["data"]) for it in ITEMS)
for k in sorted({k for k, _ in kd}):
    print(f"  {k:13s} real={kd[(k, 'real')]:3d} sample={kd[(k, 'sample')]:3d}")
