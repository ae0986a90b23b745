#!/usr/bin/env python3
"""Writer `tradinghouse`: computes every expected figure from the data files and writes
questions.jsonl.  No expected number is typed by hand.

Run with:  .venv/bin/python compute.py   (pandas, pyarrow)
"""
import json
import math
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "tradinghouse"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
SAMPLE_MARKET = "/work/main/data/sample/market.csv"
SAMPLE_PRICES = "/work/main/data/sample/prices.csv"
FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia",
    "Central Europe", "EU", "East Asia", "East Europe", "Eurasia", "Europe",
    "Middle East", "North Africa", "North America", "North Europe", "Oceania", "RoW",
    "South America", "South Asia", "South Europe", "Southeast Asia", "Southern Africa",
    "World",
}
SCEN = {"high": "Forecast - High", "low": "Forecast - Low", "mp": "Forecast - Most probable"}


# ----------------------------------------------------------------------------- market
class Market:
    def __init__(self, path):
        df = pd.read_csv(path)
        df = df.drop_duplicates()
        # after exact duplicates, keys must be unique in capacity
        df = df.drop_duplicates(KEY + ["Capacity(MW)"])
        assert not df.duplicated(KEY).any(), "conflicting capacities for one key"
        self.df = df
        hist = df[df.Scenario == "Historical Primary"]
        self.last_hist = hist.groupby("Territory").Year.max().to_dict()

    def scen_for(self, terr, year, scen=None):
        if scen is not None:
            return SCEN[scen]
        if year <= self.last_hist[terr]:
            return "Historical Primary"
        return SCEN["mp"]

    def v(self, terr, year, typ="Annual", conn="Total", scen=None):
        s = self.scen_for(terr, year, scen)
        r = self.df[(self.df.Territory == terr) & (self.df.Year == year) & (self.df.Scenario == s)
                    & (self.df.Connection == conn) & (self.df.Type == typ)]
        assert len(r) == 1, (terr, year, typ, conn, s, len(r))
        val = float(r["Capacity(MW)"].iloc[0])
        assert not math.isnan(val)
        return val

    def series(self, terr, y0, y1, typ="Annual", conn="Total", scen=None):
        return {y: self.v(terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}

    def full_hist(self, terr, typ="Annual", conn="Total"):
        r = self.df[(self.df.Territory == terr) & (self.df.Scenario == "Historical Primary")
                    & (self.df.Connection == conn) & (self.df.Type == typ)]
        return r.set_index("Year")["Capacity(MW)"].sort_index().dropna()

    def rank(self, year, n, typ="Annual", conn="Total", scen=None, among=None, ascending=False):
        d = self.df[(self.df.Year == year) & (self.df.Connection == conn) & (self.df.Type == typ)]
        d = d[~d.Territory.isin(AGGREGATES)]
        if among is not None:
            d = d[d.Territory.isin(among)]
        rows = []
        for t in sorted(d.Territory.unique()):
            s = self.scen_for(t, year, scen) if t in self.last_hist else SCEN[scen or "mp"]
            x = d[(d.Territory == t) & (d.Scenario == s)]
            if len(x) == 1 and not math.isnan(x["Capacity(MW)"].iloc[0]):
                rows.append((t, float(x["Capacity(MW)"].iloc[0])))
        rows.sort(key=lambda r: r[1], reverse=not ascending)
        if len(rows) > n:  # no tie at the cut
            assert rows[n - 1][1] != rows[n][1], rows[: n + 1]
        assert len(set(r[1] for r in rows[:n])) == min(n, len(rows)), rows[:n]
        return rows[:n]


# ----------------------------------------------------------------------------- prices
class Prices:
    def __init__(self, path):
        if path.endswith(".parquet"):
            df = pd.read_parquet(path)
        else:
            df = pd.read_csv(path)
        df["date"] = pd.to_datetime(df["date"])
        self.df = df.drop_duplicates(["item", "description", "region", "unit", "date", "base_price"])

    def s(self, item, desc, region, unit=None):
        d = self.df[(self.df.item == item) & (self.df.description == desc) & (self.df.region == region)]
        units = sorted(d.unit.unique())
        if unit is None:
            assert len(units) == 1, units
        else:
            d = d[d.unit == unit]
        assert len(d) > 0, (item, desc, region)
        assert not d.date.duplicated().any(), ("several prices per date", item, desc, region)
        return d.sort_values("date").set_index("date")["base_price"]

    @staticmethod
    def latest(s):
        return s.index[-1], float(s.iloc[-1])

    @staticmethod
    def first(s):
        return s.index[0], float(s.iloc[0])

    @staticmethod
    def month(s, ym):
        x = s[s.index.strftime("%Y-%m") == ym]
        assert len(x) == 1, (ym, len(x))
        return float(x.iloc[0])

    @staticmethod
    def span(s, d0=None, d1=None):
        x = s
        if d0:
            x = x[x.index >= pd.Timestamp(d0)]
        if d1:
            x = x[x.index <= pd.Timestamp(d1)]
        assert len(x) > 0
        return x

    @staticmethod
    def argext(s, fn="max"):
        val = s.max() if fn == "max" else s.min()
        dates = s[s == val].index
        return float(val), dates


# ----------------------------------------------------------------------------- helpers
def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def E(value, unit):
    return {"value": float(value), "unit": unit}


ITEMS = []


def add(data, agent, turns, kind, expect=None, names=None, how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {
        "id": f"{WRITER}-{len(ITEMS) + 1:03d}",
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
        assert not it["expect"]
    it["how"] = how
    ITEMS.append(it)


def U(data, agent, turns, why, how="not in data"):
    add(data, agent, turns, "unanswerable", answerable=False, why=why, how=how)


# ============================================================================= REAL
RM = Market(REAL_MARKET)
RP = Prices(REAL_PRICES)
FN = pd.read_csv(FIN)


def fin(company, period, metric):
    r = FN[(FN.company == company) & (FN.period == period) & (FN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL, AUR, NOR, SUN = ("Helios Modules Ltd (sample)", "Aurora PV Group (sample)",
                      "Nordlicht Solar AG (sample)", "SunForge Energy (sample)")

R = "real"

# ---- lookups
add(R, "market", "Quick check for home mkt review: Japan PV installations in CY2024, in MW?",
    "lookup", [E(RM.v("Japan", 2024), "MW")],
    how="market CSV: Japan, 2024, Historical Primary, Total, Annual")
add(R, "market", "We hold equity in two Vietnamese solar farms. What is Vietnam's total installed PV base at end of 2024?",
    "lookup", [E(RM.v("Vietnam", 2024, "Cumulative"), "MW")],
    how="Vietnam, 2024, Historical Primary, Total, Cumulative")
add(R, "market", "Our US team tracks utility-scale pipeline. USA centralised PV added in 2024 - how many MW?",
    "lookup", [E(RM.v("USA", 2024, conn="Centralised"), "MW")],
    how="USA, 2024, Historical Primary, Centralised, Annual")
add(R, "market", "Note for Sato-san: downside case for Spain module sales. Q: Spain new PV installations in 2030 under the low scenario?",
    "lookup", [E(RM.v("Spain", 2030, scen="low"), "MW")],
    how="Spain, 2030, Forecast - Low, Total, Annual")

# ---- rankings (countries only)
top5_24 = RM.rank(2024, 5)
add(R, "market", "Prep for Tokyo HQ quarterly review. Top 5 countries by PV capacity added in 2024?",
    "rank", [E(v, "MW") for _, v in top5_24], [t for t, _ in top5_24],
    how="countries only (aggregates excluded), 2024, Historical Primary, Total, Annual, top 5")
top10_cum = RM.rank(2024, 10, "Cumulative")
add(R, "market", "For board deck I need the ranking of top 10 countries by cumulative installed PV at end-2024.",
    "rank", [E(v, "MW") for _, v in top10_cum], [t for t, _ in top10_cum],
    how="countries only, 2024, Historical Primary, Total, Cumulative, top 10")
top3_dist23 = RM.rank(2023, 3, conn="Distributed")
add(R, "market", "Rooftop channel review. Which 3 countries added the most distributed PV in CY2023?",
    "rank", [E(v, "MW") for _, v in top3_dist23], [t for t, _ in top3_dist23],
    how="countries only, 2023, Historical Primary, Distributed, Annual, top 3")
top3_fc30 = RM.rank(2030, 3, scen="mp")
add(R, "market", "Mid-term outlook: which 3 countries have the biggest forecast annual installations in 2030, most probable case?",
    "rank", [E(v, "MW") for _, v in top3_fc30], [t for t, _ in top3_fc30],
    how="countries only, 2030, Forecast - Most probable, Total, Annual, top 3 (only countries with forecasts)")
sea = ["Vietnam", "Thailand", "Malaysia", "Philippines", "Indonesia"]
sea_rank = RM.rank(2023, 5, among=sea)
add(R, "market", "Among Vietnam, Thailand, Malaysia, Philippines and Indonesia, pls rank by PV added in 2023 (high to low).",
    "rank", [E(v, "MW") for _, v in sea_rank], [t for t, _ in sea_rank],
    how="the five named countries, 2023, Historical Primary, Total, Annual, sorted desc")

# ---- shares
w24 = RM.v("World", 2024)
add(R, "market", "China share of world PV additions in 2024, in %? (for mgmt memo, approx. is fine)",
    "share", [E(RM.v("China", 2024) / w24 * 100, "%")],
    how="China / World, 2024, Historical Primary, Total, Annual")
add(R, "market", "Note for Kobayashi-san (US project finance). Q: what % of the global installed PV base at end-2024 is in the USA?",
    "share", [E(RM.v("USA", 2024, "Cumulative") / RM.v("World", 2024, "Cumulative") * 100, "%")],
    how="USA / World, 2024, Historical Primary, Total, Cumulative")
add(R, "market", "Germany 2024: which share of the newly installed PV was distributed (rooftop)?",
    "share", [E(RM.v("Germany", 2024, conn="Distributed") / RM.v("Germany", 2024) * 100, "%")],
    how="Germany 2024 Annual Distributed / Total, Historical Primary")
add(R, "market", "Pakistan reportedly had huge import volume of Chinese modules last yr. What share of world installations in 2024 did Pakistan account for?",
    "share", [E(RM.v("Pakistan", 2024) / w24 * 100, "%")],
    how="Pakistan / World, 2024, Historical Primary, Total, Annual")
add(R, "market", "Spain's fleet at end-2024 - share of centralised in the total cumulative capacity?",
    "share", [E(RM.v("Spain", 2024, "Cumulative", "Centralised") / RM.v("Spain", 2024, "Cumulative") * 100, "%")],
    how="Spain 2024 Cumulative Centralised / Total, Historical Primary")

# ---- change
add(R, "market", "India tender pipeline looks strong. India annual installs, YoY growth 2024 vs. 2023 in %?",
    "change", [E(pct(RM.v("India", 2023), RM.v("India", 2024)), "%")],
    how="India Annual Total Historical Primary, (2024-2023)/2023*100")
add(R, "market", "We are looking at a Brazilian DG portfolio acquisition. Brazil cumulative PV capacity, CAGR 2019-2024?",
    "change", [E(cagr(RM.v("Brazil", 2019, "Cumulative"), RM.v("Brazil", 2024, "Cumulative"), 5), "%")],
    how="Brazil Cumulative Total, (2024/2019)^(1/5)-1")
j15, j24 = RM.v("Japan", 2015), RM.v("Japan", 2024)
add(R, "market", "Japan's annual market is shrinking. How much lower were installations in 2024 vs. 2015, in MW and in %?",
    "change", [E(j24 - j15, "MW"), E(pct(j15, j24), "%")],
    how="Japan Annual Total Historical Primary 2024 minus 2015, and % change")
add(R, "market", "Germany most probable forecast: CAGR of annual additions from 2025 to 2030?",
    "change", [E(cagr(RM.v("Germany", 2025, scen="mp"), RM.v("Germany", 2030, scen="mp"), 5), "%")],
    how="Germany Annual Total Forecast - Most probable, (2030/2025)^(1/5)-1")

# ---- compare
add(R, "market", "SEA module demand: compare 2024 PV additions Vietnam vs. Thailand vs. Malaysia.",
    "compare", [E(RM.v(c, 2024), "MW") for c in ["Vietnam", "Thailand", "Malaysia"]],
    ["Vietnam", "Thailand", "Malaysia"],
    how="2024 Annual Total Historical Primary for each")
us_c, in_c = RM.v("USA", 2024, "Cumulative"), RM.v("India", 2024, "Cumulative")
add(R, "market", "USA vs India installed base end-2024; how many times bigger is the US fleet?",
    "compare", [E(us_c, "MW"), E(in_c, "MW"), E(us_c / in_c, "x")], ["USA", "India"],
    how="2024 Cumulative Total Historical Primary; ratio USA/India")
add(R, "market", "High scenario for 2028 annual installations: Spain vs. Italy?",
    "compare", [E(RM.v("Spain", 2028, scen="high"), "MW"), E(RM.v("Italy", 2028, scen="high"), "MW")],
    ["Spain", "Italy"], how="2028 Annual Total Forecast - High for Spain and Italy")

# ---- extremes (whole historical span)
def peak(terr, typ="Annual", conn="Total", fn="max", y0=None, y1=None):
    s = RM.full_hist(terr, typ, conn)
    if y0:
        s = s[s.index >= y0]
    if y1:
        s = s[s.index <= y1]
    val = s.max() if fn == "max" else s.min()
    yrs = list(s[s == val].index)
    assert len(yrs) == 1, (terr, yrs)
    return int(yrs[0]), float(val)


y, v = peak("Vietnam")
add(R, "market", "Vietnam FIT ended in 2020 if I remember correctly. In which year did Vietnam install the most PV? and how much?",
    "extreme", [E(v, "MW")], [str(y)], how="Vietnam Annual Total Historical Primary, max over all years")
y, v = peak("Italy")
add(R, "market", "Record year for Italian PV additions (whole history)?",
    "extreme", [E(v, "MW")], [str(y)], how="Italy Annual Total Historical Primary, max over all years")
y, v = peak("Australia", fn="min", y0=2018, y1=2024)
add(R, "market", "Australia: weakest year for new installations between 2018 and 2024?",
    "extreme", [E(v, "MW")], [str(y)], how="Australia Annual Total Historical Primary 2018-2024, min")
y, v = peak("UK")
add(R, "market", "UK annual PV market - peak year so far?",
    "extreme", [E(v, "MW")], [str(y)], how="UK Annual Total Historical Primary, max over all years")

# ---- averages
s = RM.series("India", 2020, 2024)
add(R, "market", "Avg. annual PV instalations in India over 2020-2024? approx. figure ok",
    "average", [E(sum(s.values()) / len(s), "MW")], how="mean of India Annual Total 2020..2024 (5 values)")
s = RM.series("France", 2025, 2030, scen="mp")
add(R, "market", "France: average yearly additions in the most probable forecast 2025-2030?",
    "average", [E(sum(s.values()) / len(s), "MW")], how="mean of France Annual Total Forecast - Most probable 2025..2030")
s = RM.series("Poland", 2019, 2024)
add(R, "market", "For a Polish EPC partner meeting: Poland's average new capacity per year 2019 to 2024?",
    "average", [E(sum(s.values()) / len(s), "MW")], how="mean of Poland Annual Total 2019..2024 (6 values)")

# ---- sums
s = RM.series("Vietnam", 2018, 2020)
add(R, "market", "Total PV added in Vietnam during the FIT boom, 2018-2020 incl.? pls give in MW",
    "sum", [E(sum(s.values()), "MW")], how="sum Vietnam Annual Total 2018+2019+2020")
add(R, "market", "Saudi Arabia + UAE combined new PV in 2024?",
    "sum", [E(RM.v("Saudi Arabia", 2024) + RM.v("UAE", 2024), "MW")],
    how="Saudi Arabia + UAE, 2024 Annual Total Historical Primary")
s = RM.series("Germany", 2025, 2030, scen="mp")
add(R, "market", "Sum of Germany's forecast annual installations 2025-2030 (most probable)?",
    "sum", [E(sum(s.values()), "MW")], how="sum Germany Annual Total Forecast - Most probable 2025..2030")


# ---- first / latest
def first_year_above(terr, thr, typ="Annual"):
    s = RM.full_hist(terr, typ)
    yrs = s[s > thr].index
    return int(yrs[0]), float(s[yrs[0]])


y, v = first_year_above("Poland", 1000)
add(R, "market", "Checking when Polish market became GW-scale: first year with more than 1,000 MW of annual installations in Poland?",
    "first_latest", [E(v, "MW")], [str(y)], how="Poland Annual Total Historical Primary, first year > 1000 MW")
y, v = first_year_above("India", 50000, "Cumulative")
add(R, "market", "When did India's cumulative PV capacity first pass 50 GW?",
    "first_latest", [E(v, "MW")], [str(y)], how="India Cumulative Total Historical Primary, first year > 50000 MW")
tc = RP.s("Module", "n-type TOPCon", "China")
d, v = RP.latest(tc)
add(R, "price", "Most recent TOPCon module price in China you have - which date, what price?",
    "first_latest", [E(v, "US$/Wp")], [str(d.year)],
    how=f"Module / n-type TOPCon / China, newest date {d.date()}")

# ---- prices
d, v = RP.latest(RP.s("Module", "n-type TOPCon", "EU"))
add(R, "price", "EU customers say prices are bottoming out. Latest n-type TOPCon module price in the EU?",
    "price", [E(v, "US$/Wp")], how=f"Module / n-type TOPCon / EU, newest date {d.date()}")
d1, us = RP.latest(RP.s("Module", "n-type TOPCon", "US"))
d2, cn = RP.latest(tc)
add(R, "price", "Our US desk asks: latest TOPCon module price US vs. China, and the gap in US$/Wp?",
    "price", [E(us, "US$/Wp"), E(cn, "US$/Wp"), E(us - cn, "US$/Wp")], ["US", "China"],
    how=f"Module n-type TOPCon latest US ({d1.date()}) and China ({d2.date()}); difference")
v, ds = RP.argext(RP.s("Polysilicon", "Very high purity - 11N/11N+", "China"), "max")
add(R, "price", "Highest price recorded for 11N polysilicon in China?",
    "price", [E(v, "US$/kg")], [str(ds[0].year)],
    how=f"Polysilicon / Very high purity - 11N/11N+ / China, max of series (dates {[str(x.date()) for x in ds]})")
cu = RP.s("Copper", "Copper", "Overseas")
add(R, "price", "Copper price in March 2024? (cabling cost check for our EPC JV)",
    "price", [E(RP.month(cu, "2024-03"), "US$/t")], how="Copper / Overseas monthly, 2024-03")
ag = RP.s("Silver", "Silver", "Overseas", unit="K US$/t")
a0, a1 = RP.month(ag, "2020-01"), RP.month(ag, "2025-01")
add(R, "price", "Silver paste cost is a concern for cell makers. Silver price change Jan 2020 to Jan 2025, in %?",
    "price", [E(pct(a0, a1), "%")], how="Silver / Overseas, unit K US$/t, (2025-01 - 2020-01)/2020-01*100")
al = RP.s("Aluminium", "Aluminium", "Overseas")
v, ds = RP.argext(al, "max")
assert len(ds) == 1
add(R, "price", "aluminium (frames) - max monthly price in the data and which month?",
    "price", [E(v, "US$/t")], [str(ds[0].year)], how=f"Aluminium / Overseas, max of series ({ds[0].date()})")
w = RP.span(RP.s("Wafer", "p-type mono-Si M10", "China"), "2024-01-01", "2024-12-31")
add(R, "price", "p-type M10 wafer price in China: % change over CY2024 (first vs. last quote of the year)?",
    "price", [E(pct(float(w.iloc[0]), float(w.iloc[-1])), "%")],
    how=f"Wafer / p-type mono-Si M10 / China, {w.index[0].date()} vs {w.index[-1].date()}")
c = RP.span(RP.s("Module", "CdTe", "Overseas"), "2024-01-01", "2024-12-31")
add(R, "price", "Average CdTe module price in 2024?",
    "price", [E(float(c.mean()), "US$/Wp")], how=f"Module / CdTe / Overseas, mean of {len(c)} weekly quotes dated 2024")
v, ds = RP.argext(RP.s("Cell", "p-type mono-Si PERC", "China"), "min")
add(R, "price", "PERC cell China (p-type mono-Si PERC): lowest level in the whole series?",
    "price", [E(v, "US$/Wp")], [],
    how=f"Cell / p-type mono-Si PERC / China, min ({[str(x.date()) for x in ds]})")

# ---- financials (sample financials are loaded on both instances)
v, u = fin(HEL, "FY2024", "Revenue")
add(R, "manufacturer_financial", "Helios Modules FY2024 revenue?",
    "financial", [E(v, u)], how="financials: Helios, FY2024, Revenue")
v, u = fin(SUN, "2024-Q4", "Net income")
add(R, "manufacturer_financial", "Checking counterparty risk before new supply contract. SunForge Energy net income in 2024-Q4?",
    "financial", [E(v, u)], how="financials: SunForge, 2024-Q4, Net income")
g0, _ = fin(AUR, "2023-Q1", "Gross margin")
g1, _ = fin(AUR, "2024-Q4", "Gross margin")
add(R, "manufacturer_financial", "Aurora PV Group gross margin 2023-Q1 vs 2024-Q4?",
    "financial", [E(g0, "%"), E(g1, "%")], how="financials: Aurora Gross margin 2023-Q1 and 2024-Q4")
ship = {c: fin(c, "FY2024", "Module shipments")[0] for c in [HEL, AUR, NOR, SUN]}
best = max(ship, key=ship.get)
add(R, "manufacturer_financial", "For sourcing diversification memo. Which manufacturer shipped the most modules in FY2024, and how many GW?",
    "financial", [E(ship[best], "GW")], [best.split()[0]], how="financials: FY2024 Module shipments, max over companies")

# ---- follow-ups (real)
add(R, "market", ["How much PV did Brazil add in 2024?", "and Chile?"],
    "follow_up", [E(RM.v("Chile", 2024), "MW")], how="Chile, 2024, Historical Primary, Total, Annual")
top5_20 = RM.rank(2020, 5, "Cumulative")
add(R, "market", ["Top 5 countries by cumulative capacity end of 2024?", "same for 2020"],
    "follow_up", [E(v, "MW") for _, v in top5_20], [t for t, _ in top5_20],
    how="countries only, 2020, Historical Primary, Total, Cumulative, top 5")
add(R, "market", ["Italy forecast annual installations 2030, most probable?", "same for the high scenario"],
    "follow_up", [E(RM.v("Italy", 2030, scen="high"), "MW")], how="Italy 2030 Annual Total Forecast - High")
d, v = RP.latest(RP.s("Module", "n-type TOPCon", "US"))
add(R, "price", ["Latest TOPCon module price in China?", "and in the US?"],
    "follow_up", [E(v, "US$/Wp")], how=f"Module n-type TOPCon US newest ({d.date()})")
add(R, "market", ["Australia 2024: share of distributed in annual additions?", "and for 2020?"],
    "follow_up", [E(RM.v("Australia", 2020, conn="Distributed") / RM.v("Australia", 2020) * 100, "%")],
    how="Australia 2020 Annual Distributed / Total")
s = RM.series("Poland", 2018, 2024)
add(R, "market", ["Show Poland annual installations 2018-2024", "as a chart pls"],
    "follow_up", [E(s[2018], "MW"), E(s[2024], "MW")], ["Poland"],
    how="Poland Annual Total 2018..2024 (first and last point checked)")
v, u = fin(SUN, "FY2024", "Revenue")
add(R, "manufacturer_financial", ["Helios Modules revenue FY2024?", "and SunForge?"],
    "follow_up", [E(v, u)], how="financials: SunForge, FY2024, Revenue")

# ---- unanswerable (real)
U(R, "market", "Our power division also asks: Japan installed wind capacity in CY2024?", "wind is not in the data (PV only)")
U(R, "market", "For our Vietnam IPP model: what is the LCOE of utility PV in Vietnam?", "LCOE is not held")
U(R, "market", "Battery storage installations in Australia CY2024, in MWh?", "storage is not in the data")
U(R, "market", "How many GWh did Spanish PV plants generate in 2024?", "generation (GWh) is not held; capacity only")
U(R, "market", "Note for manager re: Germany market entry. Q: number of jobs in German solar sector 2024?", "jobs are not held")
U(R, "price", "Latest module price in Japan (TOPCon, delivered)?", "no Japan region in price data")
U(R, "market", "Germany cumulative PV capacity forecast for end-2030, most probable?",
  "forecast cumulative values in the real CSV exclude the installed base; not a valid figure",
  how="real CSV forecast Cumulative excluded by convention")
U(R, "market", "We consider mini-grid business in W. Africa. Nigeria PV installations in 2024?", "Nigeria is not in the market data")
U(R, "market", "India forecast annual additions for 2027, most probable case?", "no forecast scenarios for India in the data")
U(R, "market", "Need US outlook for our 2026 budget. USA most probable forecast for 2026 installs, in GW?", "no forecast scenarios for USA in the data")
U(R, "market", "Ukraine low scenario forecast for 2027?", "Ukraine has only high and most probable forecasts, no low scenario")
U(R, "market", "What will world PV installations be in 2035?", "forecasts end in 2030")
U(R, "price", "String inverter price trend 2024, US$/W?", "inverters are not among the price items")
U(R, "price", "What share of the TOPCon module price is polysilicon cost?", "a share of a price / cost breakdown is not held")
U(R, "manufacturer_financial", "JinkoSolar gross margin 2024-Q3?", "JinkoSolar is not in the (sample) financials")
U(R, "market", "Morocco CSP (solar thermal) capacity end-2024?", "solar thermal / CSP not in the data")
U(R, "market", "Italian PV market value 2024 in EUR?", "market value in EUR not held")
U(R, "market", "Residential sales target setting. Average size of a German home PV system in kW?", "average system size (kW) not held")
U(R, "market", "US import tariff rate on SE Asian modules (AD/CVD) currently?", "tariffs not held")

# ============================================================================= SAMPLE
SM = Market(SAMPLE_MARKET)
SP = Prices(SAMPLE_PRICES)
S = "sample"


def sv(*a, **k):
    return SM.v(*a, **k)


# ---- lookups
add(S, "market", "Italian distributor asked us for market size. How much PV did Italy install in 2023?", "lookup", [E(sv("Italy", 2023), "MW")],
    how="sample market: Italy 2023 Historical Primary Total Annual")
add(S, "market", "Netherlands cumulative capacity end of 2024?", "lookup",
    [E(sv("Netherlands", 2024, "Cumulative"), "MW")], how="sample: Netherlands 2024 Cumulative Total")
add(S, "market", "Polish rooftop segment: distributed PV added in Poland in 2024?", "lookup",
    [E(sv("Poland", 2024, conn="Distributed"), "MW")], how="sample: Poland 2024 Annual Distributed")
add(S, "market", "Spain cumulatve PV capacity in 2028 in the low case?", "lookup",
    [E(sv("Spain", 2028, "Cumulative", scen="low"), "MW")], how="sample: Spain 2028 Cumulative Total Forecast - Low")

# ---- ranking
r = SM.rank(2024, 3)
add(S, "market", "Top 3 countries for new installs in 2024?", "rank",
    [E(v, "MW") for _, v in r], [t for t, _ in r], how="sample: countries only, 2024 Annual Total, top 3")
r = SM.rank(2030, 3, "Cumulative", scen="mp")
add(S, "market", "Ranking by installed base in 2030 (most probable) - top 3 countries?", "rank",
    [E(v, "MW") for _, v in r], [t for t, _ in r],
    how="sample: countries only, 2030 Cumulative Total Forecast - Most probable, top 3")
r = SM.rank(2022, 2, ascending=True)
add(S, "market", "For our low-priority list: which two countries added the least PV in 2022?", "rank",
    [E(v, "MW") for _, v in r], [t for t, _ in r], how="sample: countries only, 2022 Annual Total, bottom 2")

# ---- shares
add(S, "market", "Italy 2024 - what % of new capacity was distributed?", "share",
    [E(sv("Italy", 2024, conn="Distributed") / sv("Italy", 2024) * 100, "%")],
    how="sample: Italy 2024 Annual Distributed / Total")
add(S, "market", "Spain's share of the world installed base in 2030, most probable scenario?", "share",
    [E(sv("Spain", 2030, "Cumulative", scen="mp") / sv("World", 2030, "Cumulative", scen="mp") * 100, "%")],
    how="sample: Spain/World 2030 Cumulative Total Forecast - Most probable")
add(S, "market", "Off-grid share of France's 2023 additions? prob. very small", "share",
    [E(sv("France", 2023, conn="Off-grid") / sv("France", 2023) * 100, "%")],
    how="sample: France 2023 Annual Off-grid / Total")

# ---- change
add(S, "market", "French C&I market looks attractive. France annual market CAGR 2015-2024?", "change",
    [E(cagr(sv("France", 2015), sv("France", 2024), 9), "%")], how="sample: France Annual Total (2024/2015)^(1/9)-1")
add(S, "market", "Poland new installations 2024 vs 2023 - YoY %?", "change",
    [E(pct(sv("Poland", 2023), sv("Poland", 2024)), "%")], how="sample: Poland Annual Total (2024-2023)/2023")

# ---- compare
add(S, "market", "Manager wants quick view on South vs. West Europe. France vs. Italy: PV added in CY2024?", "compare",
    [E(sv("France", 2024), "MW"), E(sv("Italy", 2024), "MW")], ["France", "Italy"],
    how="sample: 2024 Annual Total")
add(S, "market", "Germany, Spain and Italy 2030 annual additions, high scenario - compare pls.", "compare",
    [E(sv(c, 2030, scen="high"), "MW") for c in ["Germany", "Spain", "Italy"]], ["Germany", "Spain", "Italy"],
    how="sample: 2030 Annual Total Forecast - High")


# ---- extremes (historical span 2015-2024 named)
def speak(terr, fn="max", conn="Total"):
    s = SM.full_hist(terr, "Annual", conn)
    val = s.max() if fn == "max" else s.min()
    yrs = list(s[s == val].index)
    assert len(yrs) == 1
    return int(yrs[0]), float(val)


y, v = speak("Netherlands")
add(S, "market", "Dutch PV market - in which historical year were additions highest?", "extreme",
    [E(v, "MW")], [str(y)], how="sample: Netherlands Annual Total Historical Primary max")
y, v = speak("Spain", conn="Centralised")
add(S, "market", "Spain centralised segment: record year of additions in the historical data?", "extreme",
    [E(v, "MW")], [str(y)], how="sample: Spain Annual Centralised Historical Primary max")

# ---- averages
s = SM.series("Germany", 2015, 2024)
add(S, "market", "Germany average annual instalations 2015-2024, in GW?", "average",
    [E(sum(s.values()) / len(s), "MW")], how="sample: mean Germany Annual Total 2015..2024 (10 values)")

# ---- sums
add(S, "market", "Total new PV in France, Germany and Italy combined in 2024?", "sum",
    [E(sum(sv(c, 2024) for c in ["France", "Germany", "Italy"]), "MW")], how="sample: sum of 2024 Annual Total")
s = SM.series("Poland", 2020, 2024)
add(S, "market", "Total MW Poland added over 2020-2024 (sum of the annual figures)?", "sum",
    [E(sum(s.values()), "MW")], how="sample: sum Poland Annual Total 2020..2024")

# ---- first / latest
s = SM.full_hist("Italy", "Annual")
y = int(s[s > 5000].index[0])
add(S, "market", "When did the Italian market become big again? First year Italy's annual installations exceeded 5,000 MW?", "first_latest",
    [E(float(s[y]), "MW")], [str(y)], how="sample: Italy Annual Total Historical Primary first year > 5000")
d, v = SP.latest(SP.s("Module", "n-type TOPCon", "EU"))
add(S, "price", "Latest available price for TOPCon modules in the EU and its date?", "first_latest",
    [E(v, "US$/Wp")], [str(d.year)], how=f"sample prices: Module n-type TOPCon EU newest ({d.date()})")

# ---- prices
add(S, "price", "Price list update - TOPCon module China, Dec 2024 price?", "price",
    [E(SP.month(SP.s("Module", "n-type TOPCon", "China"), "2024-12"), "US$/Wp")],
    how="sample prices: Module n-type TOPCon China 2024-12")
add(S, "price", "Indian module market: HJT module price India vs. US in June 2024?", "price",
    [E(SP.month(SP.s("Module", "n-type HJT", "India"), "2024-06"), "US$/Wp"),
     E(SP.month(SP.s("Module", "n-type HJT", "US"), "2024-06"), "US$/Wp")], ["India", "US"],
    how="sample prices: Module n-type HJT India and US 2024-06")
v, ds = SP.argext(SP.s("Polysilicon", "High purity - 9N/9N+", "China"), "min")
assert len(ds) == 1
add(S, "price", "Upstream cost note: polysilicon (9N) in China - lowest price and which month?", "price",
    [E(v, "US$/kg")], [str(ds[0].year)], how=f"sample: Polysilicon 9N China min ({ds[0].date()})")
wf = SP.s("Wafer", "n-type mono-Si M10", "EU")
add(S, "price", "Wafer inventory valuation. n-type M10 wafer EU: % change Jan 2023 to Dec 2024?", "price",
    [E(pct(SP.month(wf, "2023-01"), SP.month(wf, "2024-12")), "%")],
    how="sample: Wafer n-type mono-Si M10 EU (2024-12 - 2023-01)/2023-01")
g = SP.span(SP.s("PV glass", "Glass 3,2mm", "EU"), "2024-01-01", "2024-12-31")
add(S, "price", "Avg price of 3.2mm PV glass in EU during 2024?", "price",
    [E(float(g.mean()), "US$/m²")], how=f"sample: PV glass 3,2mm EU mean of {len(g)} monthly values 2024")
v, ds = SP.argext(SP.s("Cell", "n-type TOPCon M10", "China"), "max")
assert len(ds) == 1
add(S, "price", "TOPCon M10 cell in China - peak price in the data?", "price",
    [E(v, "US$/Wp")], [str(ds[0].year)], how=f"sample: Cell n-type TOPCon M10 China max ({ds[0].date()})")
regs = ["China", "EU", "India", "US"]
perc = {r_: SP.month(SP.s("Module", "p-type mono-Si PERC M10", r_), "2024-12") for r_ in regs}
cheap = min(perc, key=perc.get)
assert sorted(perc.values())[0] != sorted(perc.values())[1]
add(S, "price", "PERC M10 modules, Dec 2024: which region is cheapest?", "price",
    [E(perc[cheap], "US$/Wp")], [cheap], how="sample: Module p-type mono-Si PERC M10, 2024-12, min over regions")

# ---- financials (sample)
v, u = fin(NOR, "FY2024", "Net income")
add(S, "manufacturer_financial", "Nordlicht Solar AG (German maker) is offering us a distribution deal. Net income FY2024?", "financial", [E(v, u)],
    how="financials: Nordlicht FY2024 Net income")
v, u = fin(HEL, "2024-Q3", "Production capacity")
add(S, "manufacturer_financial", "Helios production capacity as of 2024-Q3?", "financial", [E(v, u)],
    how="financials: Helios 2024-Q3 Production capacity")
r0, _ = fin(SUN, "FY2023", "Revenue")
r1, _ = fin(SUN, "FY2024", "Revenue")
add(S, "manufacturer_financial", "SunForge revenue FY2024 vs FY2023, change in %?", "financial",
    [E(pct(r0, r1), "%")], how="financials: SunForge Revenue (FY2024-FY2023)/FY2023")
gm = {c: fin(c, "FY2024", "Gross margin")[0] for c in [HEL, AUR, NOR, SUN]}
lo = min(gm, key=gm.get)
add(S, "manufacturer_financial", "Supplier screening: which of the manufacturers had the lowest gross margin in FY2024?",
    "financial", [E(gm[lo], "%")], [lo.split()[0]], how="financials: FY2024 Gross margin, min over companies")

# ---- follow-ups (sample)
add(S, "market", ["Spain installed base end of 2024?", "and the 2030 figure, most probable?"], "follow_up",
    [E(sv("Spain", 2030, "Cumulative", scen="mp"), "MW")],
    how="sample: Spain 2030 Cumulative Total Forecast - Most probable")
add(S, "price", ["TOPCon module price India, Dec 2024?", "and EU?"], "follow_up",
    [E(SP.month(SP.s("Module", "n-type TOPCon", "EU"), "2024-12"), "US$/Wp")],
    how="sample: Module n-type TOPCon EU 2024-12")
add(S, "market", ["Netherlands PV additions in 2023?", "YoY vs. 2022 in %?"], "follow_up",
    [E(pct(sv("Netherlands", 2022), sv("Netherlands", 2023)), "%")],
    how="sample: Netherlands Annual Total (2023-2022)/2022")
add(S, "market", ["World PV additions 2024?", "Germany's share of that?"], "follow_up",
    [E(sv("Germany", 2024) / sv("World", 2024) * 100, "%")], how="sample: Germany/World 2024 Annual Total")
y, v = speak("Netherlands")
y2, v2 = speak("Poland")
add(S, "market", ["Which year was the Netherlands' biggest for new PV (historical)?", "and Poland?"], "follow_up",
    [E(v2, "MW")], [str(y2)], how="sample: Poland Annual Total Historical Primary max")
pc = SP.s("Polysilicon", "High purity - 9N/9N+", "China")
add(S, "price", ["Polysilicon 9N China price in Jan 2023?", "how much lower by Dec 2024, in %?"], "follow_up",
    [E(pct(SP.month(pc, "2023-01"), SP.month(pc, "2024-12")), "%")],
    how="sample: Polysilicon 9N China (2024-12 - 2023-01)/2023-01")
v, u = fin(AUR, "FY2024", "Net income")
add(S, "manufacturer_financial", ["Helios net income FY2024?", "what about Aurora?"], "follow_up", [E(v, u)],
    how="financials: Aurora FY2024 Net income")

# ---- unanswerable (sample)
U(S, "market", "US market sizing for our Texas project: USA PV installations 2024?", "the sample market data covers only FR, DE, IT, NL, PL, ES and World")
U(S, "market", "Home market comparison for HQ. Japan cumulative PV end of 2023?", "Japan not in the sample market data")
U(S, "price", "TOPCon module China price in Feb 2025?", "sample prices end in Dec 2024")
U(S, "price", "Silver price Jan 2024? cell makers complain about paste cost", "silver is not in the sample price data")
U(S, "price", "Module price in Australia for PERC, Dec 2024?", "no Australia region in the sample price data")
U(S, "market", "Germany onshore wind additions 2024?", "wind not in the data")
U(S, "market", "LCOE of utility-scale PV in Italy 2024?", "LCOE not held")
U(S, "manufacturer_financial", "US thin-film competitor check. First Solar revenue FY2024?", "First Solar is not in the sample financials")
U(S, "manufacturer_financial", "Helios EBITDA 2024-Q2? need for credit line review", "EBITDA is not a metric in the financials")
U(S, "market", "France PV additions in 2012?", "sample market data starts in 2015")
U(S, "market", ["France PV additions 2024?", "and the battery storage added alongside?"], "storage not in the data")

# ============================================================================= write + self-check
ids = [i["id"] for i in ITEMS]
assert len(ids) == len(set(ids))
for i in ITEMS:
    if i["answerable"]:
        assert i["expect"] or i["names"], i["id"]
        for e in i["expect"]:
            assert isinstance(e["value"], float) and not math.isnan(e["value"]), i["id"]
    else:
        assert i.get("why")
n_un = sum(not i["answerable"] for i in ITEMS)
n_chain = sum(len(i["turns"]) >= 2 for i in ITEMS)
assert len(ITEMS) >= 110, len(ITEMS)
assert n_un >= 28, n_un
assert n_chain >= 12, n_chain
n_fin = sum(i["agent"] == "manufacturer_financial" for i in ITEMS)
assert 10 <= n_fin <= 15, n_fin

with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
    for i in ITEMS:
        fh.write(json.dumps(i, ensure_ascii=False) + "\n")

print("items", len(ITEMS), "unanswerable", n_un, "chains", n_chain, "financial", n_fin)
print("per data:", dict(Counter(i["data"] for i in ITEMS)))
print("per agent:", dict(Counter(i["agent"] for i in ITEMS)))
print("per kind:", dict(sorted(Counter(i["kind"] for i in ITEMS).items())))
print("kind x data:")
for (k, d), n in sorted(Counter((i["kind"], i["data"]) for i in ITEMS).items()):
    print(f"  {k:14s} {d:6s} {n}")
