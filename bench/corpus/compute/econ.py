#!/usr/bin/env python3
"""Writer `econ`: held-out questions for the solar-PV assistant.

Every expected figure below is computed from the data files; nothing numeric is typed by hand
except the parameters of the questions themselves (years, thresholds, names).
Run:  python3 compute.py   -> writes questions.jsonl next to this file and prints a self-check.
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
HP = "Historical Primary"
MP, HI, LO = "Forecast - Most probable", "Forecast - High", "Forecast - Low"

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}


# ----------------------------------------------------------------------------------------
# loading
# ----------------------------------------------------------------------------------------
def load_market(path):
    df = pd.read_csv(path)
    df = df.drop_duplicates()  # exact duplicates counted once
    # remaining key duplicates differ only in metadata columns; values must agree
    assert (df.groupby(KEY)["Capacity(MW)"].nunique() <= 1).all()
    df = df.drop_duplicates(KEY)
    return df


RM = load_market(REAL_MARKET)
SM = load_market(S_MARKET)
RP = pd.read_parquet(REAL_PRICES)
RP["date"] = pd.to_datetime(RP["date"])
SP = pd.read_csv(S_PRICES, parse_dates=["date"])
FIN = pd.read_csv(S_FIN)


class Market:
    def __init__(self, df):
        self.df = df
        h = df[df.Scenario == HP]
        self.last_hist = h.groupby("Territory").Year.max().to_dict()

    def scen_for(self, terr, year, scen=None):
        if scen:
            return scen
        return HP if year <= self.last_hist[terr] else MP

    def get(self, terr, year, typ="Annual", conn="Total", scen=None):
        s = self.scen_for(terr, year, scen)
        d = self.df
        r = d[(d.Territory == terr) & (d.Year == year) & (d.Scenario == s)
              & (d.Connection == conn) & (d.Type == typ)]
        assert len(r) == 1, (terr, year, typ, conn, s, len(r))
        v = float(r["Capacity(MW)"].iloc[0])
        return v

    def series(self, terr, typ="Annual", conn="Total", scen=HP, y0=None, y1=None):
        d = self.df
        r = d[(d.Territory == terr) & (d.Scenario == scen) & (d.Connection == conn) & (d.Type == typ)]
        if y0 is not None:
            r = r[r.Year >= y0]
        if y1 is not None:
            r = r[r.Year <= y1]
        return r.set_index("Year")["Capacity(MW)"].sort_index().astype(float)

    def countries_in(self, year, typ="Annual", conn="Total", scen=None, only=None):
        d = self.df
        r = d[(d.Year == year) & (d.Connection == conn) & (d.Type == typ)
              & (~d.Territory.isin(AGGREGATES))]
        if scen is None:
            r = r[r.apply(lambda x: x.Scenario == self.scen_for(x.Territory, year), axis=1)]
        else:
            r = r[r.Scenario == scen]
        if only is not None:
            r = r[r.Territory.isin(only)]
        return r.set_index("Territory")["Capacity(MW)"].astype(float).sort_values(ascending=False)


R = Market(RM)
S = Market(SM)


def pseries(df, item, desc, region, unit=None):
    x = df[(df["item"] == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        x = x[x.unit == unit]
    assert len(x) > 0, (item, desc, region, unit)
    assert x.unit.nunique() == 1, (item, desc, region, x.unit.unique())
    return x.sort_values("date")


def one_on(x, date):
    r = x[x.date == pd.Timestamp(date)]
    assert r.base_price.nunique() == 1, (date, r)
    return float(r.base_price.iloc[0])


def in_month(x, ym):
    p = pd.Period(ym, "M")
    r = x[x.date.dt.to_period("M") == p]
    assert len(r) == 1, (ym, len(r))
    return float(r.base_price.iloc[0])


def latest(x):
    d = x.date.max()
    return d, one_on(x, d)


def unit_of(x):
    return x.unit.iloc[0]


def fin(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def top(series, n):
    """top-n of a descending series; refuse ties at the cut-off or inside the top n."""
    assert len(series) > n
    vals = list(series.values[: n + 1])
    assert len(set(vals)) == n + 1, ("tie in ranking", series.head(n + 1))
    return series.head(n)


def argext(series, how):
    """index of the unique max / min; refuse ties."""
    v = series.max() if how == "max" else series.min()
    assert (series == v).sum() == 1, ("tie at extreme", how, series[series == v])
    return series.idxmax() if how == "max" else series.idxmin()


# ----------------------------------------------------------------------------------------
# items
# ----------------------------------------------------------------------------------------
ITEMS = []


def add(data, agent, turns, kind, expect=(), names=(), how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {
        "id": None, "writer": "econ", "data": data, "agent": agent, "turns": list(turns),
        "answerable": answerable, "kind": kind,
        "expect": [{"value": float(v), "unit": u} for v, u in expect],
        "names": [str(n) for n in names], "how": how,
    }
    if not answerable:
        it["why"] = why
        it["kind"] = "unanswerable"
    ITEMS.append(it)


def unans(data, agent, turns, why, how="not in data"):
    add(data, agent, turns, "unanswerable", answerable=False, why=why, how=how)


MW = "MW"

# ======================================================================================
# REAL instance: market
# ======================================================================================
# --- lookups
v = R.get("Brazil", 2024)
add("real", "market",
    "For our transition-investment tracker I need one Brazilian data point: how much PV capacity did Brazil add in 2024?",
    "lookup", [(v, MW)], how="Brazil 2024 Historical Primary Total Annual")

v = R.get("Germany", 2024, "Cumulative")
add("real", "market", "I'm calibrating a capital-stock series for Germany. What was its cumulative installed PV base at end-2024?",
    "lookup", [(v, MW)], how="Germany 2024 HP Total Cumulative")

v = R.get("Poland", 2022, conn="Distributed")
add("real", "market", "Poland's prosumer segment took off after 2019. What were Polish distributed PV additions in 2022?",
    "lookup", [(v, MW)], how="Poland 2022 HP Distributed Annual")

v = R.get("Pakistan", 2024)
add("real", "market",
    "There's talk of a rooftop import boom in South Asia. What does the database show for Pakistn's 2024 installations?",
    "lookup", [(v, MW)], how="Pakistan 2024 HP Total Annual")

v = R.get("Italy", 2027, scen=LO)
add("real", "market", "I'm building a downside case for Italy. Under the low scenario, how much new PV is it expected to install in 2027?",
    "lookup", [(v, MW)], how="Italy 2027 Forecast - Low Total Annual")

# --- rankings (countries only)
top5_24 = top(R.countries_in(2024), 5)
add("real", "market",
    "Leaving regional aggregates aside, which five countries installed the most PV in 2024, and how much did each add?",
    "rank", [(x, MW) for x in top5_24.values], names=list(top5_24.index),
    how="2024 HP Total Annual, territories that are countries, top 5")

top3_cum23 = top(R.countries_in(2023, "Cumulative"), 3)
add("real", "market", "Which three countries had the largest installed PV fleets at the end of 2023?",
    "rank", [(x, MW) for x in top3_cum23.values], names=list(top3_cum23.index),
    how="2023 HP Total Cumulative, countries, top 3")

top2_c23 = top(R.countries_in(2023, conn="Centralised"), 2)
add("real", "market",
    "Counting countries only, not regions: which country led centralised PV additions in 2023, and which came second?",
    "rank", [(x, MW) for x in top2_c23.values], names=list(top2_c23.index),
    how="2023 HP Centralised Annual, countries, top 2")

big = R.countries_in(2024)
big = big[big > 10000]
assert big.min() > 10500 and R.countries_in(2024).iloc[len(big)] < 9500  # nothing near the threshold
add("real", "market",
    "Which countries added more than 10,000 MW of PV in 2024? Countries only, no regional totals.",
    "rank", [(x, MW) for x in big.values], names=list(big.index),
    how="2024 HP Total Annual, countries with value > 10000 MW")

top3_30 = top(R.countries_in(2030, scen=MP), 3)
add("real", "market",
    "Our European outlook note needs a league table. Of the countries that carry forecasts, which three are expected to add the most PV in 2030 in the most probable scenario?",
    "rank", [(x, MW) for x in top3_30.values], names=list(top3_30.index),
    how="2030 Forecast - Most probable Total Annual, countries only, top 3")

# --- shares
cn24, w24 = R.get("China", 2024), R.get("World", 2024)
add("real", "market", "What share of global PV additions in 2024 did China account for?",
    "share", [(cn24 / w24 * 100, "%")], how="China 2024 Annual / World 2024 Annual (HP Total)")

add("real", "market",
    "A concentration check for a note on supply-chain risk: what combined share of 2024 world PV additions did the five largest national markets represent?",
    "share", [(top5_24.sum() / w24 * 100, "%")], names=list(top5_24.index),
    how="sum of top-5 countries 2024 Annual / World 2024 Annual")

es_d, es_t = R.get("Spain", 2024, conn="Distributed"), R.get("Spain", 2024)
add("real", "market", "Spain's build-out has been overwhelmingly utility-scale. What proportion of Spain's 2024 additions was distributed capacity?",
    "share", [(es_d / es_t * 100, "%")], how="Spain 2024 Distributed Annual / Spain 2024 Total Annual")

add("real", "market", "India's share of the global cumulative PV base at end-2024?",
    "share", [(R.get("India", 2024, "Cumulative") / R.get("World", 2024, "Cumulative") * 100, "%")],
    how="India 2024 Cumulative / World 2024 Cumulative (HP Total)")

# --- changes
w15 = R.get("World", 2015)
add("real", "market",
    "I want the growth rate on actuals only, no forecast years. What was the compound annual growth rate of world PV additions between 2015 and 2024?",
    "change", [(cagr(w15, w24, 2024 - 2015), "%")], how="(World 2024 / World 2015)^(1/9) - 1, Annual Total HP")

a, b = R.get("China", 2022), R.get("China", 2023)
add("real", "market", "China's 2023 step-change is the headline of our investment-wave chart. By what percentage did Chinese annual installations jump from 2022 to 2023?",
    "change", [(pct(a, b), "%")], how="(China 2023 - 2022)/2022 Annual")

a, b = R.get("India", 2015, "Cumulative"), R.get("India", 2024, "Cumulative")
add("real", "market", "What was the CAGR of India's cumulative installed capacity from 2015 to 2024?",
    "change", [(cagr(a, b, 9), "%")], how="India Cumulative (2024/2015)^(1/9)-1")

a, b = R.get("Germany", 2024), R.get("Germany", 2030)
add("real", "market",
    "How do Germany's expected 2030 additions (most probable case) compare with its actual 2024 additions, in % terms?",
    "change", [(pct(a, b), "%")], how="Germany Annual 2030 Forecast MP vs 2024 HP, % change")

# --- comparisons
vals = {c: R.get(c, 2024) for c in ["France", "Italy", "Spain"]}
add("real", "market", "I'm comparing the large southern and western European markets. How did France, Italy and Spain compare on PV capacity added in 2024?",
    "compare", [(x, MW) for x in vals.values()], names=list(vals.keys()),
    how="2024 HP Total Annual for each")

us24 = R.get("USA", 2024)
add("real", "market", "How many times larger were China's 2024 PV additions than those of the USA?",
    "compare", [(cn24 / us24, "x"), (cn24, MW), (us24, MW)], names=["China", "USA"],
    how="China 2024 Annual / USA 2024 Annual")

de, es = R.get("Germany", 2024, "Cumulative"), R.get("Spain", 2024, "Cumulative")
add("real", "market", "Whats the gap between the German and Spanish installed PV bases at the end of 2024?",
    "compare", [(de - es, MW), (de, MW), (es, MW)], names=["Germany", "Spain"],
    how="Germany 2024 Cumulative - Spain 2024 Cumulative")

# --- extremes
s = R.series("Spain")
add("real", "market", "In which year did Spain record its highest annual PV installations, and how large were they?",
    "extreme", [(s.max(), MW)], names=[int(argext(s, "max"))], how="max of Spain HP Total Annual over all years")

s = R.series("Japan")
add("real", "market", "Japan's peak year for new PV installations, over the full history?",
    "extreme", [(s.max(), MW)], names=[int(argext(s, "max"))], how="max of Japan HP Total Annual over all years")

s = R.series("Italy", y0=2010, y1=2024)
add("real", "market", "Since 2010 (2010-2024 inclusive), what was Italy's weakest year for new installations?",
    "extreme", [(s.min(), MW)], names=[int(argext(s, "min"))], how="min of Italy HP Total Annual 2010-2024")

s = R.series("China", y0=2009, y1=2024)
d = s.diff().loc[2010:]
add("real", "market",
    "For a note on cyclicality: between 2010 and 2024, in which year did China's annual additions fall most sharply versus the previous year, and by how many MW?",
    "extreme", [(d.min(), MW)], names=[int(argext(d, "min"))],
    how="min of year-on-year absolute change in China HP Total Annual, 2010-2024")

# --- averages
s = R.series("USA", y0=2020, y1=2024)
assert len(s) == 5
add("real", "market", "For a cross-country panel I need period means. Average annual PV additions in the USA over 2020–2024?",
    "average", [(s.mean(), MW)], how="mean of USA HP Total Annual 2020..2024")

s = R.series("World", y0=2010, y1=2019)
assert len(s) == 10
add("real", "market", "What were mean annual world PV additions over the decade 2010-2019?",
    "average", [(s.mean(), MW)], how="mean of World HP Total Annual 2010..2019")

s = R.series("Germany", scen=MP, y0=2025, y1=2030)
assert len(s) == 6
add("real", "market",
    "For Germany, what is the average annual addition forecast over 2025–2030 in the most probable scenario?",
    "average", [(s.mean(), MW)], how="mean of Germany Forecast MP Total Annual 2025..2030")

# --- sums
s = R.series("India", y0=2020, y1=2024)
assert len(s) == 5
add("real", "market", "Summing annual additions, how much PV did India install over 2020–2024 in total?",
    "sum", [(s.sum(), MW)], how="sum of India HP Total Annual 2020..2024")

s = R.series("France", scen=MP, y0=2025, y1=2030)
assert len(s) == 6
add("real", "market",
    "What is the sum of France's forecast annual additions from 2025 through 2030, most probable scenario?",
    "sum", [(s.sum(), MW)], how="sum of France Forecast MP Total Annual 2025..2030")

nord = ["Denmark", "Finland", "Norway", "Sweden"]
tot = sum(R.get(c, 2024) for c in nord)
add("real", "market", "We treat the Nordics as one block in the regional chart. Combined 2024 PV additions of Denmark, Finland, Norway and Sweden?",
    "sum", [(tot, MW)], how="sum of 2024 HP Total Annual for the four countries")

# --- first / latest
s = R.series("China")
y = int(s[s > 100000].index.min())
add("real", "market", "In which year did China's annual PV additions first exceed 100 GW?",
    "first_latest", [(s[y], MW)], names=[y], how="first year China HP Total Annual > 100000 MW")

s = R.series("India", "Cumulative")
y = int(s[s > 50000].index.min())
add("real", "market", "When did India's installed base first pass 50 GW, and what was it that year?",
    "first_latest", [(s[y], MW)], names=[y], how="first year India HP Total Cumulative > 50000 MW")

s = R.series("Brazil")
y = int(s.index.min())
add("real", "market",
    "What is the earliest year for which the database holds Brazilian installation data, and what was added that year?",
    "first_latest", [(s[y], MW)], names=[y], how="min Year of Brazil HP Total Annual")

s = R.series("Saudi Arabia")
y = int(s.index.max())
add("real", "market", "Most recent year of historical data for Saudi Arabia, and the capacity added in that year?",
    "first_latest", [(s[y], MW)], names=[y], how="max Year of Saudi Arabia HP Total Annual")

# ======================================================================================
# REAL instance: prices
# ======================================================================================
x = pseries(RP, "Module", "n-type TOPCon", "China")
d, v = latest(x)
add("real", "price", "Updating the module deflation tracker. What's the latest n-type TOPCon module price for China?",
    "price", [(v, unit_of(x))], how=f"Module n-type TOPCon China, newest date {d.date()}")

x = pseries(RP, "Copper", "Copper", "Overseas")
v = in_month(x, "2024-03")
add("real", "price", "What was copper trading at in March 2024 in the monthly series?",
    "price", [(v, unit_of(x))], how="Copper Overseas monthly, 2024-03")

x = pseries(RP, "Silver", "Silver", "Overseas", unit="K US$/t")
xx = x[(x.date.dt.year >= 2020) & (x.date.dt.year <= 2024)]
i = argext(xx.base_price, "max")
add("real", "price",
    "Silver paste is a growing cost line for cell makers. What was the highest monthly silver price between 2020 and 2024, and in which year?",
    "price", [(xx.base_price.max(), "K US$/t")], names=[int(xx.loc[i, "date"].year)],
    how="max of Silver Overseas K US$/t monthly 2020-01..2024-12")

x = pseries(RP, "Polysilicon", "Very high purity  (12N/12N+, outside of China)", "China")
mx = x.base_price.max()
d, lv = latest(x)
add("real", "price",
    "On polysilicon deflation: for the very-high-purity 12N/12N+ series ('outside of China' grade, region China), how far has the latest price fallen from the series maximum, in percent?",
    "price", [(pct(mx, lv), "%"), (mx, "US$/kg"), (lv, "US$/kg")],
    how=f"Polysilicon 12N outside-of-China grade, region China: (latest {d.date()} - max)/max")

xu = pseries(RP, "Module", "n-type TOPCon", "US")
xc = pseries(RP, "Module", "n-type TOPCon", "China")
du, vu = latest(xu)
dc, vc = latest(xc)
assert du == dc
add("real", "price",
    "Comparing the latest n-type TOPCon module quotes, how many times higher is the US price than the Chinese one?",
    "price", [(vu / vc, "x"), (vu, "US$/Wp"), (vc, "US$/Wp")], how=f"US / China latest ({du.date()}) n-type TOPCon module")

regs = {}
for r in ["China", "EU", "US", "Overseas"]:
    regs[r] = one_on(pseries(RP, "Module", "p-type mono-Si PERC M10", r), "2025-03-26")
cheap = argext(pd.Series(regs), "min")
add("real", "price",
    "Looking at p-type mono-Si PERC M10 modules on 26 March 2025, which region was cheapest: China, EU, US or Overseas?",
    "price", [(regs[cheap], "US$/Wp")], names=[cheap], how="min across regions of PERC M10 module price on 2025-03-26")

x = pseries(RP, "Aluminium", "Aluminium", "Overseas")
xx = x[x.date.dt.year == 2023]
assert len(xx) == 12
add("real", "price", "I'm refreshing the commodity-input block of our cost model (frames use aluminium). What was the average aluminium price across the 12 monthly readings of 2023?",
    "price", [(xx.base_price.mean(), unit_of(x))], how="mean Aluminium Overseas monthly 2023")

x = pseries(RP, "Wafer", "p-type mono-Si M10", "China")
x23 = x[x.date.dt.year == 2023]
x24 = x[x.date.dt.year == 2024]
a = one_on(x, x23.date.min())
b = one_on(x, x24.date.max())
add("real", "price",
    "For p-type mono-Si M10 wafers in China, what was the percentage price change from the first weekly quote of 2023 to the last weekly quote of 2024?",
    "price", [(pct(a, b), "%")], how=f"Wafer p-type M10 China {x23.date.min().date()} -> {x24.date.max().date()}")

x = pseries(RP, "EVA", "EVA", "Overseas")
add("real", "price", "EVA encapsulant: what are the minimum and maximum prices over the whole series?",
    "price", [(x.base_price.min(), unit_of(x)), (x.base_price.max(), unit_of(x))],
    how="min and max of EVA Overseas monthly series")

# ======================================================================================
# REAL instance: financials (sample financials are loaded there too)
# ======================================================================================
v, u = fin("Helios Modules Ltd (sample)", "2024-Q4", "Gross margin")
add("real", "manufacturer_financial", "Helios Modules' gross margin in 2024-Q4?",
    "financial", [(v, u)], how="financials: Helios 2024-Q4 Gross margin")

ni = FIN[(FIN.period == "FY2024") & (FIN.metric == "Net income")].set_index("company").value
add("real", "manufacturer_financial",
    "Profitability under overcapacity: which manufacturer posted the highest FY2024 net income, and how much?",
    "financial", [(ni.max(), "USD million")], names=[argext(ni, "max").replace(" (sample)", "")],
    how="max FY2024 Net income across companies")

sh, _ = fin("Nordlicht Solar AG (sample)", "FY2024", "Module shipments")
cp, _ = fin("Nordlicht Solar AG (sample)", "FY2024", "Production capacity")
add("real", "manufacturer_financial",
    "As a crude utilisation proxy, divide Nordlicht Solar's FY2024 module shipments by its FY2024 production capacity. What percentage do you get?",
    "financial", [(sh / cp * 100, "%")], how="Nordlicht FY2024 shipments / FY2024 production capacity")

# ======================================================================================
# REAL instance: follow-up chains
# ======================================================================================
add("real", "market", ["Iberian check for the quarterly bulletin. How much PV did Spain add in 2023?", "And Portugal?"],
    "follow_up", [(R.get("Portugal", 2023), MW)], how="Portugal 2023 HP Total Annual")

add("real", "market",
    ["What share of world PV additions did China account for in 2024?", "what about 2019?"],
    "follow_up", [(R.get("China", 2019) / R.get("World", 2019) * 100, "%")],
    how="China 2019 Annual / World 2019 Annual")

add("real", "market",
    ["What are Germany's forecast PV additions for 2030 in the most probable scenario?", "Same for the high scenario."],
    "follow_up", [(R.get("Germany", 2030, scen=HI), MW)], how="Germany 2030 Forecast - High Total Annual")

t20 = top(R.countries_in(2020), 3)
add("real", "market",
    ["Top three countries by new PV capacity in 2024?", "And in 2020?"],
    "follow_up", [(x, MW) for x in t20.values], names=list(t20.index),
    how="2020 HP Total Annual, countries, top 3")

x = pseries(RP, "Aluminium", "Aluminium", "Overseas")
add("real", "price",
    ["Base metals feed into our BOS cost index. What was the copper price in January 2025?", "And aluminium, same month?"],
    "follow_up", [(in_month(x, "2025-01"), unit_of(x))], how="Aluminium Overseas monthly 2025-01")

s = R.series("USA", y0=2015, y1=2024)
assert len(s) == 10
add("real", "market",
    ["Chart US annual PV additions for 2015–2024.", "What was the average over those ten years?"],
    "follow_up", [(s.mean(), MW)], how="mean USA HP Total Annual 2015..2024")

jp, kr = R.get("Japan", 2024, "Cumulative"), R.get("Korea", 2024, "Cumulative")
add("real", "market",
    ["What was Japan's installed PV base at the end of 2024?", "Korea's?",
     "So Japan's fleet is how many times the size of Korea's?"],
    "follow_up", [(jp / kr, "x")], how="Japan 2024 Cumulative / Korea 2024 Cumulative")

x = pseries(RP, "Module", "n-type TOPCon", "EU")
d, v = latest(x)
add("real", "price",
    ["Latest n-type TOPCon module price in the US?", "And in the EU?"],
    "follow_up", [(v, unit_of(x))], how=f"Module n-type TOPCon EU newest date {d.date()}")

# ======================================================================================
# REAL instance: unanswerable
# ======================================================================================
unans("real", "market", "We're building an integrated renewables investment series. How much onshore wind capacity did Germany add in 2024?",
      "wind is not in the data; PV only")
unans("real", "market", "For our cost-of-transition estimates I need a unit-cost anchor. What was the LCOE of utility-scale PV in India in 2023?",
      "LCOE is not held; the market data hold capacity in MW only")
unans("real", "market",
      "For the electricity-mix side of our model: how many GWh did Italian PV plants generate in 2023?",
      "generation (GWh) is not held, only installed capacity")
unans("real", "market", "What were Nigeria's PV additions in 2024?",
      "Nigeria is not a territory in the market data")
unans("real", "market", "What is the forecast for US PV additions in 2027?",
      "the real market CSV has no forecast scenarios for the USA (forecasts exist for European territories only)")
unans("real", "market", "Under the low scenario, what does the outlook show for Ukraine's 2027 additions?",
      "Ukraine has high and most-probable forecasts but no low scenario")
unans("real", "market",
      "Europe's total installed PV base at the end of 2028 in the most probable scenario?",
      "forecast cumulative values in the real CSV exclude the installed base, so the forecast installed base is not available")
unans("real", "market",
      "Stress-test input: Germany's total installed capacity in 2030 under the high scenario?",
      "forecast cumulative values in the real CSV exclude the installed base, so the 2030 fleet is not available")
unans("real", "market",
      "What was the market value of German PV installations in 2024, in EUR?",
      "monetary market value is not held; capacity only")
unans("real", "market", "How much battery storage was paired with Italian rooftop PV in 2024?",
      "storage is not in the data")
unans("real", "price", "Latest price for string inverters in Europe?",
      "inverters are not a price item in the data")
unans("real", "price", "We're looking at Latin American module supply. What are n-type TOPCon modules currently selling for in Brazil?",
      "Brazil is not a price region (regions: China, EU, US, Overseas, Australia, India)")
unans("real", "price",
      "What share of the module price does polysilicon account for at the moment?",
      "a cost share of a price is not held; prices are per item in different units (US$/kg vs US$/Wp)")
unans("real", "price", "What did high-purity polysilicon cost in 2017?",
      "price series start in 2019")
unans("real", "manufacturer_financial", "Benchmarking the sample firms against listed peers. What gross margin did LONGi report for FY2024?",
      "LONGi is not among the companies in the financials (sample companies only)")
unans("real", "market", "Installed solar thermal collector capacity in Austria at end-2023?",
      "solar thermal is not in the data")

# ======================================================================================
# SAMPLE instance: market
# ======================================================================================
SC = ["Italy", "Germany", "Spain", "France", "Netherlands", "Poland"]

v = S.get("Netherlands", 2023, conn="Distributed")
add("sample", "market", "Dutch distributed PV additions in 2023?",
    "lookup", [(v, MW)], how="sample: Netherlands 2023 HP Distributed Annual")

v = S.get("Germany", 2024, "Cumulative")
add("sample", "market", "What is the size of Germany's PV fleet at the end of 2024?",
    "lookup", [(v, MW)], how="sample: Germany 2024 HP Total Cumulative")

v = S.get("World", 2030, "Cumulative")
add("sample", "market",
    "For a long-run capital-stock exercise: what is the world's cumulative installed PV capacity at end-2030 in the most probable scenario?",
    "lookup", [(v, MW)], how="sample: World 2030 Forecast MP Total Cumulative")

t = top(S.countries_in(2023), 3)
add("sample", "market", "Which three countries added the most PV in 2023? Countries only, please.",
    "rank", [(x, MW) for x in t.values], names=list(t.index), how="sample: 2023 HP Total Annual, countries, top 3")

t = top(S.countries_in(2030, scen=HI), 2)
add("sample", "market", "In the high scenario, which two countries top the 2030 additions ranking?",
    "rank", [(x, MW) for x in t.values], names=list(t.index), how="sample: 2030 Forecast High Total Annual, countries, top 2")

a, b = S.get("Germany", 2024), S.get("World", 2024)
add("sample", "market", "Germany's share of world PV additions in 2024, in %?",
    "share", [(a / b * 100, "%")], how="sample: Germany 2024 Annual / World 2024 Annual")

a, b = S.get("Spain", 2024, conn="Centralised"), S.get("Spain", 2024)
add("sample", "market", "What fraction of Spain's 2024 additions was centralised?",
    "share", [(a / b * 100, "%")], how="sample: Spain 2024 Centralised / Total Annual")

six = sum(S.get(c, 2024, "Cumulative") for c in SC)
add("sample", "market",
    "Taken together, what share of the global installed base at end-2024 do Italy, Germany, Spain, France, the Netherlands and Poland hold?",
    "share", [(six / S.get("World", 2024, "Cumulative") * 100, "%")],
    how="sample: sum of six countries 2024 Cumulative / World 2024 Cumulative")

a, b = S.get("Italy", 2015), S.get("Italy", 2024)
add("sample", "market", "Italy's CAGR in annual PV additions, 2015 to 2024?",
    "change", [(cagr(a, b, 9), "%")], how="sample: Italy Annual (2024/2015)^(1/9)-1")

a, b = S.get("France", 2019, "Cumulative"), S.get("France", 2024, "Cumulative")
add("sample", "market", "For the installed-base growth table: by how much, in percent, did the French fleet grow between end-2019 and end-2024?",
    "change", [(pct(a, b), "%")], how="sample: France Cumulative 2024 vs 2019")

it_, es_ = S.get("Italy", 2030), S.get("Spain", 2030)
add("sample", "market", "Italy versus Spain: expected PV additions in 2030, most probable case. Which is bigger, and by how much?",
    "compare", [(it_, MW), (es_, MW), (abs(it_ - es_), MW)], names=["Spain" if es_ > it_ else "Italy"],
    how="sample: 2030 Forecast MP Annual, Italy and Spain, difference")

pl, nl = S.get("Poland", 2024), S.get("Netherlands", 2024)
add("sample", "market", "Poland vs the Netherlands in 2024 additions — ratio of the larger to the smaller?",
    "compare", [(max(pl, nl) / min(pl, nl), "x"), (pl, MW), (nl, MW)],
    names=["Poland" if pl > nl else "Netherlands"], how="sample: 2024 HP Annual ratio")

s = S.series("Poland")
add("sample", "market", "Polands record year for PV installations so far (actuals)?",
    "extreme", [(s.max(), MW)], names=[int(argext(s, "max"))], how="sample: max of Poland HP Total Annual")

s = S.series("Germany", scen=LO)
add("sample", "market", "In the low scenario, which year shows Germany's weakest forecast additions, and how much?",
    "extreme", [(s.min(), MW)], names=[int(argext(s, "min"))], how="sample: min of Germany Forecast Low Annual 2025-2030")

s = S.series("France", y0=2020, y1=2024)
assert len(s) == 5
add("sample", "market", "I need the French period mean for our panel. What were average annual PV additions in France over 2020–2024?",
    "average", [(s.mean(), MW)], how="sample: mean France HP Annual 2020..2024")

s = S.series("Netherlands", scen=MP, y0=2025, y1=2030)
assert len(s) == 6
add("sample", "market", "Mean forecast annual additions for the Netherlands, 2025-2030, most probable scenario?",
    "average", [(s.mean(), MW)], how="sample: mean Netherlands Forecast MP Annual 2025..2030")

s = S.series("Poland", scen=HI, y0=2025, y1=2030)
assert len(s) == 6
add("sample", "market", "Total PV Poland would add over 2025–2030 in the high scenario (sum of annual additions)?",
    "sum", [(s.sum(), MW)], how="sample: sum Poland Forecast High Annual 2025..2030")

tot = sum(S.get(c, 2024) for c in ["Italy", "Spain", "France"])
add("sample", "market", "Italy, Spain and France together: total PV capacity added in 2024?",
    "sum", [(tot, MW)], how="sample: sum of 2024 HP Total Annual for Italy, Spain, France")

s = S.series("Germany")
y = int(s[s > 10000].index.min())
add("sample", "market", "First year in which Germany's annual PV additions exceeded 10 GW?",
    "first_latest", [(s[y], MW)], names=[y], how="sample: first year Germany HP Annual > 10000")

s = S.series("Spain")
y = int(s.index.max())
add("sample", "market", "What's the latest year of actual (historical) data for Spain, and Spain's additions that year?",
    "first_latest", [(s[y], MW)], names=[y], how="sample: max year of Spain HP Annual")

# ======================================================================================
# SAMPLE instance: prices
# ======================================================================================
x = pseries(SP, "Module", "n-type TOPCon", "EU")
d, v = latest(x)
add("sample", "price", "Latest EU price for n-type TOPCon modules?",
    "price", [(v, unit_of(x))], how=f"sample prices: Module n-type TOPCon EU newest ({d.date()})")

regs = {r: in_month(pseries(SP, "Module", "n-type HJT", r), "2024-12") for r in ["China", "EU", "India", "US"]}
cheap = argext(pd.Series(regs), "min")
add("sample", "price", "I suspect HJT shows the widest regional price dispersion. Which region had the cheapest n-type HJT modules in December 2024?",
    "price", [(regs[cheap], "US$/Wp")], names=[cheap], how="sample prices: min across regions of HJT module 2024-12")

x = pseries(SP, "Polysilicon", "High purity - 9N/9N+", "China")
a, b = in_month(x, "2023-01"), in_month(x, "2024-12")
add("sample", "price",
    "Polysilicon deflation in China: % change of the high-purity 9N/9N+ price from January 2023 to December 2024?",
    "price", [(pct(a, b), "%")], how="sample prices: poly 9N China 2024-12 vs 2023-01")

x = pseries(SP, "Cell", "n-type TOPCon M10", "China")
xx = x[x.date.dt.year == 2024]
assert len(xx) == 12
add("sample", "price", "Average 2024 price of n-type TOPCon M10 cells in China (monthly readings)?",
    "price", [(xx.base_price.mean(), unit_of(x))], how="sample prices: mean TOPCon M10 cell China 2024")

a = in_month(pseries(SP, "Module", "p-type mono-Si PERC M10", "India"), "2024-06")
b = in_month(pseries(SP, "Module", "n-type TOPCon", "India"), "2024-06")
add("sample", "price",
    "In India, June 2024: what was the price difference between n-type TOPCon and p-type PERC M10 modules?",
    "price", [(b - a, "US$/Wp"), (a, "US$/Wp"), (b, "US$/Wp")],
    how="sample prices: India 2024-06 TOPCon module minus PERC M10 module")

a = in_month(pseries(SP, "PV glass", "Glass 3,2mm", "China"), "2024-12")
b = in_month(pseries(SP, "PV glass", "Glass 3,2mm", "EU"), "2024-12")
add("sample", "price", "By what percentage did the EU price of 3.2mm PV glass exceed China's in December 2024?",
    "price", [(pct(a, b), "%")], how="sample prices: (EU - China)/China glass 3.2mm 2024-12")


# ======================================================================================
# SAMPLE instance: financials
# ======================================================================================
AU, HE, NO, SU = ("Aurora PV Group (sample)", "Helios Modules Ltd (sample)",
                  "Nordlicht Solar AG (sample)", "SunForge Energy (sample)")

a, _ = fin(AU, "FY2023", "Revenue")
b, _ = fin(AU, "FY2024", "Revenue")
add("sample", "manufacturer_financial", "Aurora PV Group: percentage change in revenue from FY2023 to FY2024?",
    "financial", [(pct(a, b), "%")], how="financials: Aurora Revenue FY2024 vs FY2023")

q = [fin(SU, f"2024-Q{k}", "Gross margin")[0] for k in range(1, 5)]
add("sample", "manufacturer_financial", "Margins compressed right across the sample last year. What was SunForge's average quarterly gross margin across the four quarters of 2024?",
    "financial", [(sum(q) / 4, "%")], how="financials: mean SunForge Gross margin 2024-Q1..Q4")

q = [fin(HE, f"2024-Q{k}", "Net income")[0] for k in range(1, 5)]
add("sample", "manufacturer_financial", "Add up Helios Modules' quarterly net income for 2024 — what's the total?",
    "financial", [(sum(q), "USD million")], how="financials: sum Helios Net income 2024-Q1..Q4")

gm = FIN[(FIN.period == "FY2024") & (FIN.metric == "Gross margin")].set_index("company").value.sort_values(ascending=False)
add("sample", "manufacturer_financial", "Rank the manufacturers by FY2024 gross margin, highest first.",
    "financial", [(x, "%") for x in gm.values], names=[c.replace(" (sample)", "") for c in gm.index],
    how="financials: FY2024 Gross margin sorted desc")

a, _ = fin(HE, "FY2023", "Net income")
b, _ = fin(HE, "FY2023", "Revenue")
add("sample", "manufacturer_financial", "Helios Modules' net margin for FY2023, i.e. net income over revenue?",
    "financial", [(a / b * 100, "%")], how="financials: Helios FY2023 Net income / Revenue")

qs = [f"{y}-Q{k}" for y in (2023, 2024) for k in range(1, 5)]
g = pd.Series({p: fin(AU, p, "Gross margin")[0] for p in qs})
add("sample", "manufacturer_financial", "In which quarter did Aurora PV Group report its lowest gross margin, and what was it?",
    "financial", [(g.min(), "%")], names=[argext(g, "min")], how="financials: min Aurora quarterly Gross margin 2023-Q1..2024-Q4")

a, _ = fin(HE, "2023-Q1", "Production capacity")
b, _ = fin(HE, "2024-Q4", "Production capacity")
add("sample", "manufacturer_financial",
    "Overcapacity angle: how much did Helios grow its production capacity between 2023-Q1 and 2024-Q4, in percent?",
    "financial", [(pct(a, b), "%")], how="financials: Helios Production capacity 2024-Q4 vs 2023-Q1")

# ======================================================================================
# SAMPLE instance: follow-ups
# ======================================================================================
a, b = S.get("Italy", 2024, conn="Centralised"), S.get("Italy", 2024)
add("sample", "market",
    ["Looking at the Italian segment split now. Italy's distributed PV additions in 2024?", "and centralised?",
     "What share of Italy's 2024 total is that centralised figure?"],
    "follow_up", [(a / b * 100, "%")], how="sample: Italy 2024 Centralised / Total Annual")

eu = in_month(pseries(SP, "Module", "n-type TOPCon", "EU"), "2024-12")
us = in_month(pseries(SP, "Module", "n-type TOPCon", "US"), "2024-12")
add("sample", "price",
    ["EU n-type TOPCon module price in Dec 2024?", "And in the US?",
     "So what's the US premium over the EU, in percent?"],
    "follow_up", [(pct(eu, us), "%")], how="sample prices: (US - EU)/EU TOPCon module 2024-12")

v, _ = fin(AU, "FY2024", "Revenue")
add("sample", "manufacturer_financial",
    ["What revenue did Helios Modules report for FY2024?", "And Aurora's?"],
    "follow_up", [(v, "USD million")], how="financials: Aurora FY2024 Revenue")

a, b = S.get("Netherlands", 2020), S.get("Netherlands", 2024)
add("sample", "market",
    ["Two markets that cooled after the subsidy phase-outs. Percentage change in Poland's annual PV additions from 2020 to 2024?", "Same for the Netherlands."],
    "follow_up", [(pct(a, b), "%")], how="sample: Netherlands Annual 2024 vs 2020")

add("sample", "market",
    ["World installed PV base at end-2030 in the most probable scenario?", "And under the low scenario?"],
    "follow_up", [(S.get("World", 2030, "Cumulative", scen=LO), MW)], how="sample: World 2030 Forecast Low Cumulative")

x = pseries(SP, "Polysilicon", "High purity - 9N/9N+", "China")
a, b = in_month(x, "2023-01"), in_month(x, "2024-12")
add("sample", "price",
    ["Chinese high-purity (9N/9N+) polysilicon price in January 2023?", "and December 2024?",
     "percentage change between the two?"],
    "follow_up", [(pct(a, b), "%")], how="sample prices: poly 9N China 2024-12 vs 2023-01")

yoy = pd.Series({c: pct(S.get(c, 2023), S.get(c, 2024)) for c in SC})
add("sample", "market",
    ["Show the countries' 2024 PV additions as a bar chart.",
     "Which of those countries grew fastest relative to 2023, in %?"],
    "follow_up", [(yoy.max(), "%")], names=[argext(yoy, "max")], how="sample: max over countries of (2024-2023)/2023 Annual")

# ======================================================================================
# SAMPLE instance: unanswerable
# ======================================================================================
unans("sample", "market", "Belgian PV additions in 2023, in MW?",
      "Belgium is not in the sample market data (Italy, Germany, Spain, France, Netherlands, Poland, World)")
unans("sample", "market", "Quick one for the China desk. How much PV did China install in 2024?",
      "China is not in the sample market data")
unans("sample", "price", "Silver thrifting is a hot topic. Latest silver price?", "silver is not a price item in the sample prices")
unans("sample", "price", "Where are TOPCon module prices in Australia right now?",
      "Australia is not a region in the sample prices")
unans("sample", "market", "Germany's PV additions in 2012?", "the sample market data start in 2015")
unans("sample", "market", "Green hydrogen is the next investment wave in Iberia. How much electrolyser capacity is Spain expected to build by 2030?",
      "electrolysers / hydrogen are not in the data")
unans("sample", "manufacturer_financial", "What was Helios Modules' revenue in 2022-Q4?",
      "financials cover 2023-Q1 to FY2024 only")
unans("sample", "manufacturer_financial", "We compute leverage ratios for the manufacturers. What was Nordlicht Solar's EBITDA in FY2024?",
      "EBITDA is not a metric in the financials (revenue, gross margin, net income, shipments, capacity)")
unans("sample", "market", "What capacity factor do Italian PV plants achieve on average?",
      "capacity factors are not held")
unans("sample", "market", "How much offshore wind did the Netherlands add in 2024?",
      "wind is not in the data")
unans("sample", "price", "What share of the TOPCon cell price is the wafer cost?",
      "a cost share of a price is not held; wafer (US$/pce) and cell (US$/Wp) prices are in different units")
unans("sample", "price", "What module price does the data show for March 2025 in China?",
      "sample prices end in December 2024")

# multi-turn chains that end on something the data cannot answer
unans("real", "market",
      ["How much PV did Germany add in 2024?", "And how much wind capacity over the same year?"],
      "wind is not in the data")
unans("sample", "price",
      ["EU polysilicon price in December 2024?", "What would that be in euros per kg?"],
      "prices are held in US$ only; no exchange rates are in the data")

# ----------------------------------------------------------------------------------------
# ids, write, self-check
# ----------------------------------------------------------------------------------------
for n, it in enumerate(ITEMS, 1):
    it["id"] = f"econ-{n:03d}"

with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
    for it in ITEMS:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(not it["answerable"] for it in ITEMS)
assert n_un >= 28, n_un
n_chain = sum(len(it["turns"]) >= 2 for it in ITEMS)
n_fu = sum(it["kind"] == "follow_up" for it in ITEMS)
assert n_fu >= 12, n_fu
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert not it["expect"] and it.get("why"), it["id"]
    assert it["data"] in ("real", "sample")
    assert it["agent"] in ("market", "price", "manufacturer_financial")
    assert it["kind"] in {"lookup", "rank", "share", "change", "compare", "extreme", "average", "sum",
                          "first_latest", "price", "financial", "follow_up", "unanswerable"}
n_fin = sum(it["agent"] == "manufacturer_financial" for it in ITEMS)
import re
ctx = sum(bool(re.search(r"[.?!:]\s+\S", it["turns"][0])) for it in ITEMS)  # a lead-in sentence before the question

print(f"items: {len(ITEMS)}  unanswerable: {n_un}  follow_up chains: {n_fu}  multi-turn items: {n_chain}  "
      f"financial items: {n_fin}  with lead-in context: {ctx}")
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
tab = pd.crosstab(pd.Series([it["kind"] for it in ITEMS], name="kind"),
                  pd.Series([it["data"] for it in ITEMS], name="data"), margins=True)
print(tab.to_string())
print("self-check OK")
