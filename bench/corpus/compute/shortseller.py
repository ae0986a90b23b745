"""Held-out questions, writer `shortseller`.

Every expected figure is computed here from the data files; nothing numeric is typed by hand
except the parameters of the questions themselves (years, thresholds, names of series).
Run: python3 compute.py  -> writes questions.jsonl next to this file and prints a self-check.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "shortseller"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
SCEN = {"high": "Forecast - High", "most probable": "Forecast - Most probable",
        "low": "Forecast - Low"}


# ---------------------------------------------------------------- market
class Market:
    def __init__(self, path):
        df = pd.read_csv(path)
        # exact duplicates (and rows differing only in AC/DC metadata) count once
        df = df.drop_duplicates(subset=KEY)
        assert not df.duplicated(KEY).any()
        self.df = df
        hist = df[df.Scenario == "Historical Primary"]
        self.last_hist = hist.groupby("Territory").Year.max().to_dict()

    def scen_for(self, terr, year, scen=None):
        if scen is not None:
            return SCEN[scen]
        if year <= self.last_hist[terr]:
            return "Historical Primary"
        return SCEN["most probable"]

    def v(self, terr, year, typ="Annual", conn="Total", scen=None):
        s = self.scen_for(terr, year, scen)
        q = self.df[(self.df.Territory == terr) & (self.df.Year == year) &
                    (self.df.Scenario == s) & (self.df.Connection == conn) &
                    (self.df.Type == typ)]
        assert len(q) == 1, (terr, year, typ, conn, s, len(q))
        return float(q["Capacity(MW)"].iloc[0])

    def series(self, terr, typ="Annual", conn="Total", y0=None, y1=None, scen=None):
        """Year -> value, historical years then (most probable or named) forecast."""
        q = self.df[(self.df.Territory == terr) & (self.df.Connection == conn) &
                    (self.df.Type == typ)]
        out = {}
        for y in sorted(q.Year.unique()):
            if y0 is not None and y < y0:
                continue
            if y1 is not None and y > y1:
                continue
            s = self.scen_for(terr, y, None if y <= self.last_hist[terr] else scen)
            r = q[(q.Year == y) & (q.Scenario == s)]
            if len(r) == 1:
                out[int(y)] = float(r["Capacity(MW)"].iloc[0])
        return out

    def countries_year(self, year, typ="Annual", conn="Total"):
        q = self.df[(self.df.Year == year) & (self.df.Scenario == "Historical Primary") &
                    (self.df.Connection == conn) & (self.df.Type == typ) &
                    (~self.df.Territory.isin(AGGREGATES))]
        return q.set_index("Territory")["Capacity(MW)"].astype(float)


# ---------------------------------------------------------------- prices
class Prices:
    def __init__(self, path):
        if path.endswith(".parquet"):
            p = pd.read_parquet(path)
        else:
            p = pd.read_csv(path, parse_dates=["date"])
        p["date"] = pd.to_datetime(p["date"])
        self.p = p

    def s(self, item, desc, region, unit=None):
        q = self.p[(self.p.item == item) & (self.p.description == desc) & (self.p.region == region)]
        if unit is not None:
            q = q[q.unit == unit]
        assert q.unit.nunique() == 1, (item, desc, region, q.unit.unique())
        assert len(q) > 0
        return q.sort_values("date")

    def unit(self, *a):
        return self.s(*a).unit.iloc[0]

    def latest(self, *a):
        q = self.s(*a)
        d = q.date.max()
        r = q[q.date == d]
        assert len(r) == 1, (a, d, len(r))
        return float(r.base_price.iloc[0]), d

    def first(self, *a):
        q = self.s(*a)
        d = q.date.min()
        r = q[q.date == d]
        assert len(r) == 1, (a, d, len(r))
        return float(r.base_price.iloc[0]), d

    def on(self, date, *a):
        q = self.s(*a)
        r = q[q.date == pd.Timestamp(date)]
        assert len(r) == 1, (a, date, len(r))
        return float(r.base_price.iloc[0])

    def month(self, ym, *a):
        q = self.s(*a)
        r = q[q.date.dt.strftime("%Y-%m") == ym]
        assert len(r) == 1, (a, ym, len(r))
        return float(r.base_price.iloc[0])

    def span(self, *a, start=None, end=None):
        q = self.s(*a)
        if start:
            q = q[q.date >= pd.Timestamp(start)]
        if end:
            q = q[q.date <= pd.Timestamp(end)]
        return q

    def extreme(self, kind, *a, start=None, end=None):
        q = self.span(*a, start=start, end=end)
        v = q.base_price.min() if kind == "min" else q.base_price.max()
        dates = q[q.base_price == v].date
        return float(v), dates.min()

    def mean(self, *a, start=None, end=None):
        return float(self.span(*a, start=start, end=end).base_price.mean())


# ---------------------------------------------------------------- financials
class Fin:
    def __init__(self, path):
        self.f = pd.read_csv(path)

    def v(self, company, period, metric):
        q = self.f[(self.f.company == company) & (self.f.period == period) & (self.f.metric == metric)]
        assert len(q) == 1, (company, period, metric)
        return float(q.value.iloc[0])

    def unit(self, metric):
        u = self.f[self.f.metric == metric].unit.unique()
        assert len(u) == 1
        return u[0]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


RM = Market(REAL_MARKET)
SM = Market(S_MARKET)
RP = Prices(REAL_PRICES)
SP = Prices(S_PRICES)
FN = Fin(S_FIN)

ITEMS = []


def add(data, agent, turns, kind, expect=None, names=None, how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {"id": None, "writer": WRITER, "data": data, "agent": agent, "turns": turns,
          "answerable": answerable, "kind": kind, "expect": expect or [],
          "names": names or [], "how": how}
    if not answerable:
        it["why"] = why
        it["kind"] = "unanswerable"
        it["expect"] = []
    ITEMS.append(it)


def mw(x):
    return {"value": x, "unit": "MW"}


def pc(x):
    return {"value": x, "unit": "%"}


def ux(x, unit):
    return {"value": x, "unit": unit}


MKT_HOW = "market CSV ({}), Historical Primary unless a forecast year/scenario, Total unless a segment"

# =====================================================================================
# REAL instance: market
# =====================================================================================
R = "real"
H = MKT_HOW.format("real")

# ---- lookups
add(R, "market", "Starting on the demand side before I get to the glut. Global PV adds in 2024, in MW?", "lookup",
    [mw(RM.v("World", 2024))], how=f"World 2024 Annual; {H}")
add(R, "market", "Pakistan looks like a dumping ground for surplus Chinese modules. How much did Pakistan install in 2024?",
    "lookup", [mw(RM.v("Pakistan", 2024))], how=f"Pakistan 2024 Annual; {H}")
add(R, "market", "Dutch rooftop looks saturated to me. What did the Netherlands add in distributed PV in 2024?",
    "lookup", [mw(RM.v("Netherlands", 2024, conn="Distributed"))],
    how=f"Netherlands 2024 Annual Distributed; {H}")
add(R, "market", "What's the most probable World figure for 2025 additions in your forecast?", "lookup",
    [mw(RM.v("World", 2025))],
    how="World 2025 Annual Forecast - Most probable Total (note: forecast World row only covers the forecast countries)")

# ---- rankings (countries only)
c24 = RM.countries_year(2024).sort_values(ascending=False)
top5 = c24.head(5)
add(R, "market", "Need to know where the volume actually goes. Top 5 countries by new PV capacity in 2024, with MW.", "rank",
    [mw(float(v)) for v in top5.values], list(top5.index),
    how="countries (aggregates excluded), 2024 Annual Historical Primary Total, sorted desc, top 5")
cum24 = RM.countries_year(2024, "Cumulative").sort_values(ascending=False)
top3c = cum24.head(3)
add(R, "market", "which 3 countries sit on the largest installed fleets at end-2024? numbers too", "rank",
    [mw(float(v)) for v in top3c.values], list(top3c.index),
    how="countries, 2024 Cumulative Historical Primary Total, top 3")
c23 = RM.countries_year(2023)
base = c23[c23 >= 1000]
chg = ((c24.reindex(base.index) - base) / base * 100).dropna().sort_values()
worst5 = chg.head(5)
add(R, "market",
    "Hunting for demand air-pockets. Among countries that added at least 1,000 MW in 2023, which five had the steepest % drop in additions in 2024?",
    "rank", [pc(float(v)) for v in worst5.values], list(worst5.index),
    how="countries with 2023 Annual Total >= 1000 MW; % change 2023->2024 Annual Total; 5 most negative")

# ---- shares
add(R, "market", "Concentration risk: China's share of global additions in 2024, %?", "share",
    [pc(RM.v("China", 2024) / RM.v("World", 2024) * 100)],
    how="China 2024 Annual Total / World 2024 Annual Total")
add(R, "market", "What % of Germany's 2024 additions were distributed?", "share",
    [pc(RM.v("Germany", 2024, conn="Distributed") / RM.v("Germany", 2024) * 100)],
    how="Germany 2024 Annual Distributed / Germany 2024 Annual Total")
add(R, "market", "India's 2024 build — how much of it was centralised, as a share of the total?", "share",
    [pc(RM.v("India", 2024, conn="Centralised") / RM.v("India", 2024) * 100)],
    how="India 2024 Annual Centralised / India 2024 Annual Total")

# ---- change
add(R, "market", "Bulls say demand is still ripping. Global additions YoY, 2023 to 2024, in %?", "change",
    [pc(pct(RM.v("World", 2023), RM.v("World", 2024)))], how="World Annual Total, % change 2023->2024")
add(R, "market", "CAGR of global annual installs 2019-2024?", "change",
    [pc(cagr(RM.v("World", 2019), RM.v("World", 2024), 5))], how="World Annual Total, CAGR 2019->2024 (5 years)")
add(R, "market",
    "Italy is the textbook boom-bust. Percent change in Italian annual additions from 2011 to 2015?",
    "change", [pc(pct(RM.v("Italy", 2011), RM.v("Italy", 2015)))], how="Italy Annual Total, % change 2011->2015")
add(R, "market",
    "Spain's base case looks aggressive. Implied CAGR of Spanish annual additions from 2024 actuals to 2030, most probable?",
    "change", [pc(cagr(RM.v("Spain", 2024), RM.v("Spain", 2030), 6))],
    how="Spain Annual Total 2024 Historical -> 2030 Forecast - Most probable, CAGR over 6 years")
add(R, "market", "Even your own base case has Germany rolling over. Most probable 2025 German additions vs 2024 actual — % change?", "change",
    [pc(pct(RM.v("Germany", 2024), RM.v("Germany", 2025)))],
    how="Germany Annual Total 2024 Historical -> 2025 Forecast - Most probable, % change")

# ---- compare
add(R, "market", "Ex-China demand check. USA vs India vs Brazil, 2024 additions side by side.", "compare",
    [mw(RM.v("USA", 2024)), mw(RM.v("India", 2024)), mw(RM.v("Brazil", 2024))], ["USA", "India", "Brazil"],
    how="Annual Total 2024 for USA, India, Brazil")
gde, es = RM.v("Germany", 2024, "Cumulative"), RM.v("Spain", 2024, "Cumulative")
add(R, "market", "Germany vs Spain installed base end-2024 — who's bigger and by how many MW?", "compare",
    [mw(gde), mw(es), mw(abs(gde - es))], ["Germany" if gde > es else "Spain"],
    how="Cumulative Total 2024 Germany and Spain; difference")
eh, el = RM.v("EU", 2030, scen="high"), RM.v("EU", 2030, scen="low")
add(R, "market", "How wide is the EU 2030 range? High vs low scenario annual additions, and the gap in MW.",
    "compare", [mw(eh), mw(el), mw(eh - el)], how="EU 2030 Annual Total Forecast - High and - Low; difference")

# ---- extremes
s = RM.series("Italy", y1=RM.last_hist["Italy"])
add(R, "market", "Peak year on record for Italian annual installs (actuals only), and the figure?", "extreme",
    [mw(max(s.values()))], [str(max(s, key=s.get))], how="Italy Annual Total, Historical Primary years only, max")
s = RM.series("Czech Republic", y1=RM.last_hist["Czech Republic"])
add(R, "market", "Czech annual additions: lowest figure in the historical record, and which year?", "extreme",
    [mw(min(s.values()))], [str(min(s, key=s.get))],
    how="Czech Republic Annual Total, Historical Primary years only, min")
s = RM.series("Vietnam", y1=RM.last_hist["Vietnam"])
add(R, "market", "Vietnam went from boom to nothing after the FiT ended. Record year for Vietnamese additions and how much?", "extreme",
    [mw(max(s.values()))], [str(max(s, key=s.get))], how="Vietnam Annual Total, max over all years")
s = RM.series("Japan", y1=RM.last_hist["Japan"])
add(R, "market", "Japan has been shrinking for years. When did Japanese annual additions peak historically, and at what level?", "extreme",
    [mw(max(s.values()))], [str(max(s, key=s.get))], how="Japan Annual Total, max over all years")
s = RM.series("Spain", y0=2010, y1=2024)
add(R, "market", "Spain post-2008 crash: weakest year for additions between 2010 and 2024?", "extreme",
    [mw(min(s.values()))], [str(min(s, key=s.get))], how="Spain Annual Total 2010-2024, min")

# ---- averages
s = RM.series("USA", y0=2020, y1=2024)
add(R, "market", "Average annual US additions 2020-2024?", "average",
    [mw(sum(s.values()) / len(s))], how="USA Annual Total mean of 2020..2024 (5 values)")
s = RM.series("China", y0=2015, y1=2019)
assert len(s) == 5
add(R, "market", "I want the pre-boom run-rate to compare with today. Mean Chinese annual additions over 2015-2019?", "average",
    [mw(sum(s.values()) / len(s))], how="China Annual Total mean of 2015..2019")

# ---- sums
s = RM.series("India", y0=2020, y1=2024)
add(R, "market", "total MW india added 2020 thru 2024 combined?", "sum",
    [mw(sum(s.values()))], how="India Annual Total sum 2020..2024")
s = RM.series("EU", y0=2025, y1=2030)
assert len(s) == 6
add(R, "market", "EU pipeline sanity check. Sum of the EU's most probable annual additions 2025-2030?", "sum",
    [mw(sum(s.values()))], how="EU Annual Total Forecast - Most probable sum 2025..2030")
s = RM.series("World", y0=2022, y1=2024)
assert len(s) == 3
add(R, "market", "How much PV went in globally over 2022-2024 combined? That's the demand the capex cycle was built on.",
    "sum", [mw(sum(s.values()))], how="World Annual Total sum 2022..2024")

# ---- first / latest
s = RM.series("China")
fy = min(y for y, v in s.items() if v > 100000)
add(R, "market", "First year China's annual additions topped 100 GW?", "first_latest",
    [mw(s[fy])], [str(fy)], how="China Annual Total, first year > 100000 MW")
s = RM.series("World", y1=RM.last_hist["World"])
fy = min(y for y, v in s.items() if v > 100000)
add(R, "market", "first year the world installed more than 100 GW in a single year?", "first_latest",
    [mw(s[fy])], [str(fy)], how="World Annual Total historical, first year > 100000 MW")
s = RM.series("Germany", "Cumulative")
fy = min(y for y, v in s.items() if v >= 50000)
add(R, "market", "When did Germany's installed base first reach 50 GW?", "first_latest",
    [mw(s[fy])], [str(fy)], how="Germany Cumulative Total historical, first year >= 50000 MW")
s = RM.series("Pakistan", y1=RM.last_hist["Pakistan"])
fy = min(y for y, v in s.items() if v > 1000)
add(R, "market", "Pakistan only matters since the import wave. First year Pakistani annual additions went above 1 GW?",
    "first_latest", [mw(s[fy])], [str(fy)], how="Pakistan Annual Total historical, first year > 1000 MW")

# =====================================================================================
# REAL instance: prices
# =====================================================================================
TOPC = ("Module", "n-type TOPCon")
v, d = RP.latest(*TOPC, "China")
add(R, "price", "Latest Chinese n-type TOPCon module price?", "price",
    [ux(v, RP.unit(*TOPC, "China"))], how=f"prices parquet Module/n-type TOPCon/China, newest date {d.date()}")
mx, dmx = RP.extreme("max", *TOPC, "China")
mn, dmn = RP.extreme("min", *TOPC, "China")
add(R, "price",
    "Module ASPs are the whole thesis. Show me the peak-to-trough on China n-type TOPCon modules: high, low and the drawdown in %.", "price",
    [ux(mx, "US$/Wp"), ux(mn, "US$/Wp"), pc(pct(mx, mn))],
    how=f"Module/n-type TOPCon/China whole series max ({dmx.date()}) and min ({dmn.date()}); (min-max)/max")
add(R, "price", "Copper price, March 2024?", "price",
    [ux(RP.month("2024-03", "Copper", "Copper", "Overseas"), "US$/t")],
    how="Copper/Copper/Overseas monthly, 2024-03 observation")
mx, dmx = RP.extreme("max", "EVA", "EVA", "Overseas")
lv, ld = RP.latest("EVA", "EVA", "Overseas")
add(R, "price",
    "Encapsulant costs deflating too? EVA: record high in the series vs the latest print, and the % drawdown.",
    "price", [ux(mx, "US$/t"), ux(lv, "US$/t"), pc(pct(mx, lv))],
    how=f"EVA/EVA/Overseas max ({dmx.date()}) vs latest ({ld.date()}); % change")
mx, dmx = RP.extreme("max", "Silver", "Silver", "Overseas", "K US$/t", start="2020-01-01", end="2024-12-31")
add(R, "price", "Silver paste is the cell guys' big input. Silver's high between 2020 and 2024, and which month?",
    "price", [ux(mx, "K US$/t")], [str(dmx.year)],
    how=f"Silver/Silver/Overseas (unit K US$/t; the 2025 rows switch unit label and are excluded) max over 2020-01..2024-12, at {dmx.date()}")
W = ("Wafer", "p-type mono-Si G12", "China")
mx, dmx = RP.extreme("max", *W)
lv, ld = RP.latest(*W)
add(R, "price", "p-type G12 wafers in China: peak price, latest, and % down from peak?", "price",
    [ux(mx, "US$/pce"), ux(lv, "US$/pce"), pc(pct(mx, lv))],
    how=f"Wafer/p-type mono-Si G12/China max ({dmx.date()}), latest ({ld.date()}), % change")
us, dus = RP.latest(*TOPC, "US")
eu, deu = RP.latest(*TOPC, "EU")
add(R, "price",
    "The US tariff wall in one number: latest n-type TOPCon module price in the US vs the EU — what's the multiple?",
    "price", [ux(us, "US$/Wp"), ux(eu, "US$/Wp"), ux(us / eu, "x")],
    how=f"Module/n-type TOPCon latest US ({dus.date()}) / EU ({deu.date()})")
PM = ("Module", "p-type mono-Si PERC M10", "EU")
add(R, "price", "PERC is being dumped into Europe as it goes obsolete. Average 2024 price for p-type mono PERC M10 modules in the EU?", "price",
    [ux(RP.mean(*PM, start="2024-01-01", end="2024-12-31"), "US$/Wp")],
    how="Module/p-type mono-Si PERC M10/EU, mean of weekly observations dated 2024")
mn, dmn = RP.extreme("min", "PV glass", "Glass 3,2mm", "China")
hj = {}
for reg in ["China", "EU", "US", "Overseas"]:
    hj[reg] = RP.latest("Module", "n-type HJT", reg)
cheap = min(hj, key=lambda k: hj[k][0])
add(R, "price", "HJT modules: which region has the cheapest latest price — China, EU, US or Overseas?", "price",
    [ux(hj[cheap][0], "US$/Wp")], [cheap],
    how="Module/n-type HJT latest per region (each series' newest date); min: " +
        ", ".join(f"{k} {v[0]} ({v[1].date()})" for k, v in hj.items()))
cd, dcd = RP.latest("Module", "CdTe", "Overseas")
tc, dtc = RP.latest(*TOPC, "China")
add(R, "price", "Thin-film premium check: latest CdTe module price (overseas) vs Chinese TOPCon — premium in %?",
    "price", [ux(cd, "US$/Wp"), ux(tc, "US$/Wp"), pc((cd / tc - 1) * 100)],
    how=f"Module/CdTe/Overseas latest ({dcd.date()}) vs Module/n-type TOPCon/China latest ({dtc.date()}); cd/tc-1")

# =====================================================================================
# REAL instance: unanswerable
# =====================================================================================
def un(data, agent, turns, why):
    add(data, agent, turns, "unanswerable", answerable=False, why=why)


un(R, "market", "How much wind did China add in 2024? Want to see if the whole renewables complex is overbuilt.",
   "wind capacity is not in the data (PV only)")
un(R, "market", "Storage is the next overbuild. Global battery storage deployments 2024 in GWh?", "energy storage not in the data")
un(R, "market", "Spanish capture prices are collapsing. What's the LCOE for utility-scale PV in Spain in 2024?", "LCOE is not a measure held")
un(R, "market", "German PV generation in 2023, GWh? Need it for a capture-price model.",
   "generation (GWh) is not held; only capacity in MW")
un(R, "market", "Nigeria's PV additions in 2024?", "Nigeria is not a territory in the market data")
un(R, "market", "What does your most probable case say for World annual additions in 2035?",
   "forecasts end in 2030")
un(R, "market", "Modelling the German fleet out to 2030. Germany's cumulative installed base in 2030, most probable scenario?",
   "forecast cumulative values in the real CSV exclude the installed base; not a usable figure")
un(R, "price", "latest string inverter price, US$/W?", "inverter prices are not in the price data")
un(R, "price", "Brazil is a big import market for Chinese modules. What's the module spot price in Brazil right now?", "no Brazil region in the price data")
un(R, "price", "What share of a TOPCon module's price is polysilicon cost?",
   "a cost share of a price is not held; prices are per item")
un(R, "price", "Lithium carbonate price trend over 2024?", "lithium is not a price item in the data")
un(R, "market", "Curtailment rate for Chinese solar in 2024?", "curtailment is not a measure held")
un(R, "market", "How many GW of modules did the EU import from China in 2024?", "trade flows are not held")
un(R, "market", "Market value of Italy's 2024 PV installs in EUR?", "market value in EUR is not held")
un(R, "manufacturer_financial", "LONGi is the obvious comp. Their gross margin in 2024-Q3?", "LONGi is not in the financials sample")
un(R, "manufacturer_financial", "Helios Modules' EBITDA for FY2024?", "EBITDA is not a metric in the financials")
un(R, "market", "Average TOPCon module efficiency shipped in 2024?", "module efficiency is not held")
un(R, "market", "Chile keeps overbuilding in the Atacama. Average capacity factor of the Chilean PV fleet in 2024?",
   "capacity factors are not held")

# =====================================================================================
# REAL instance: financials (sample financials loaded on the real instance too)
# =====================================================================================
HEL, SUN, AUR, NOR = ("Helios Modules Ltd (sample)", "SunForge Energy (sample)",
                      "Aurora PV Group (sample)", "Nordlicht Solar AG (sample)")
COS = [HEL, SUN, AUR, NOR]
SHORT = {HEL: "Helios", SUN: "SunForge", AUR: "Aurora", NOR: "Nordlicht"}
add(R, "manufacturer_financial", "SunForge FY2024 net income?", "financial",
    [ux(FN.v(SUN, "FY2024", "Net income"), "USD million")], how="financials: SunForge FY2024 Net income")
gm = {c: FN.v(c, "2024-Q4", "Gross margin") for c in COS}
lo = min(gm, key=gm.get)
add(R, "manufacturer_financial", "Looking for the weakest balance sheet in the group. Which manufacturer posted the worst gross margin in 2024-Q4?", "financial",
    [pc(gm[lo])], [SHORT[lo]], how="financials: Gross margin 2024-Q4 across the four companies, min")
a, b = FN.v(HEL, "FY2023", "Revenue"), FN.v(HEL, "FY2024", "Revenue")
add(R, "manufacturer_financial", "Helios revenue YoY, FY2023 to FY2024, %?", "financial",
    [pc(pct(a, b))], how="financials: Helios Revenue FY2023 -> FY2024 % change")
a, b = FN.v(AUR, "2023-Q1", "Production capacity"), FN.v(AUR, "2024-Q4", "Production capacity")
add(R, "manufacturer_financial",
    "Aurora keeps adding capacity into a glut. % growth in production capacity from 2023-Q1 to 2024-Q4?",
    "financial", [ux(a, "GW"), ux(b, "GW"), pc(pct(a, b))],
    how="financials: Aurora Production capacity 2023-Q1 -> 2024-Q4 % change")

# =====================================================================================
# REAL instance: follow-up chains
# =====================================================================================
c23s = RM.countries_year(2023).sort_values(ascending=False).head(3)
add(R, "market", ["Top 3 countries by additions in 2024?", "and for 2023?"], "follow_up",
    [mw(float(v)) for v in c23s.values], list(c23s.index),
    how="countries, 2023 Annual Total Historical Primary, top 3")
add(R, "market", ["German additions 2024?", "and Spain?"], "follow_up",
    [mw(RM.v("Spain", 2024))], how="Spain 2024 Annual Total")
add(R, "market", ["Rooftop is where the inventory gets dumped. Italy: distributed share of 2024 additions?", "same for France"], "follow_up",
    [pc(RM.v("France", 2024, conn="Distributed") / RM.v("France", 2024) * 100)],
    how="France 2024 Annual Distributed / Total")
add(R, "market", ["EU most probable additions for 2030?", "same for the high scenario", "and low?"],
    "follow_up", [mw(RM.v("EU", 2030, scen="low"))], how="EU 2030 Annual Total Forecast - Low")
add(R, "market", ["China installed base at end-2024?", "what's that as a share of the world?"], "follow_up",
    [pc(RM.v("China", 2024, "Cumulative") / RM.v("World", 2024, "Cumulative") * 100)],
    how="China 2024 Cumulative Total / World 2024 Cumulative Total")
s = RM.series("Korea", y1=RM.last_hist["Korea"])
pk = max(s, key=s.get)
add(R, "market", ["Korea's peak year for annual additions?", "how far below that peak was 2024, in %?"],
    "follow_up", [pc(pct(s[pk], s[2024]))], [str(pk)],
    how=f"Korea Annual Total, max year {pk}; % change peak -> 2024")
add(R, "price", ["Latest n-type TOPCon module price in China?", "and in the US?"], "follow_up",
    [ux(RP.latest(*TOPC, "US")[0], "US$/Wp")], how="Module/n-type TOPCon/US newest observation")
P9 = ("Polysilicon", "High purity - 9N/9N+", "Overseas")
mx, dmx = RP.extreme("max", *P9)
lv, ld = RP.latest(*P9)
add(R, "price", ["Poly is where the overcapacity started. Overseas 9N polysilicon: where did it peak?", "and where is it now? drawdown from peak in %"],
    "follow_up", [ux(lv, "US$/kg"), pc(pct(mx, lv))],
    how=f"Polysilicon/High purity - 9N/9N+/Overseas max {mx} ({dmx.date()}), latest ({ld.date()}); % change")
add(R, "market", ["Brazilian additions in 2024?", "CAGR since 2019?"], "follow_up",
    [pc(cagr(RM.v("Brazil", 2019), RM.v("Brazil", 2024), 5))],
    how="Brazil Annual Total CAGR 2019->2024 (5 years)")

# =====================================================================================
# SAMPLE instance: market
# =====================================================================================
S = "sample"
HS = MKT_HOW.format("sample")
add(S, "market", "Poland's 2024 additions?", "lookup", [mw(SM.v("Poland", 2024))], how=f"Poland 2024 Annual; {HS}")
add(S, "market", "Germany's installed base at end-2024, MW?", "lookup",
    [mw(SM.v("Germany", 2024, "Cumulative"))], how=f"Germany 2024 Cumulative; {HS}")
add(S, "market", "Running the bear case for Spain. Low-scenario Spanish additions in 2028?", "lookup",
    [mw(SM.v("Spain", 2028, scen="low"))], how=f"Spain 2028 Annual Forecast - Low; {HS}")
add(S, "market", "Germany's share of global additions in 2024?", "share",
    [pc(SM.v("Germany", 2024) / SM.v("World", 2024) * 100)], how="sample: Germany/World 2024 Annual Total")
add(S, "market", "German rooftop dependency: how much of Germany's 2024 additions were distributed, as a %?", "share",
    [pc(SM.v("Germany", 2024, conn="Distributed") / SM.v("Germany", 2024) * 100)],
    how="sample: Germany 2024 Annual Distributed / Total")
cs = ["France", "Germany", "Italy", "Netherlands", "Poland", "Spain"]
r = sorted(cs, key=lambda c: SM.v(c, 2024), reverse=True)[:3]
add(S, "market", "Rank the top 3 countries by 2024 additions.", "rank",
    [mw(SM.v(c, 2024)) for c in r], r, how="sample: countries (World excluded), 2024 Annual Total, top 3")
r = sorted(cs, key=lambda c: pct(SM.v(c, 2023), SM.v(c, 2024)))[:2]
add(S, "market", "Screening for markets already rolling over. Which two countries saw the biggest % decline in additions from 2023 to 2024?", "rank",
    [pc(pct(SM.v(c, 2023), SM.v(c, 2024))) for c in r], r,
    how="sample: countries, % change 2023->2024 Annual Total, 2 most negative")
add(S, "market", "Dutch market: % change in annual additions 2021 to 2024?", "change",
    [pc(pct(SM.v("Netherlands", 2021), SM.v("Netherlands", 2024)))], how="sample: Netherlands Annual Total 2021->2024")
add(S, "market", "Italian additions CAGR 2015-2024?", "change",
    [pc(cagr(SM.v("Italy", 2015), SM.v("Italy", 2024), 9))], how="sample: Italy Annual Total CAGR 2015->2024 (9 yrs)")
add(S, "market", "Southern Europe compare: Spain vs Italy vs France, 2024 additions.", "compare",
    [mw(SM.v(c, 2024)) for c in ["Spain", "Italy", "France"]], ["Spain", "Italy", "France"],
    how="sample: Annual Total 2024")
wh, wl = SM.v("World", 2030, scen="high"), SM.v("World", 2030, scen="low")
add(S, "market", "The forecast range looks way too wide to be useful. World 2030 additions: high vs low case, and the spread in GW?", "compare",
    [mw(wh), mw(wl), mw(wh - wl)], how="sample: World 2030 Annual Forecast - High and - Low; difference")
s = SM.series("Netherlands", y0=2015, y1=2024)
add(S, "market", "netherlands weakest year for additions 2015-2024?", "extreme",
    [mw(min(s.values()))], [str(min(s, key=s.get))], how="sample: Netherlands Annual Total 2015-2024 min")
s = SM.series("Poland", y0=2015, y1=2024)
add(S, "market", "Peak year for Polish additions in the actuals (2015-2024)?", "extreme",
    [mw(max(s.values()))], [str(max(s, key=s.get))], how="sample: Poland Annual Total 2015-2024 max")
s = SM.series("France", y0=2020, y1=2024)
add(S, "market", "France, average annual adds 2020-2024?", "average",
    [mw(sum(s.values()) / len(s))], how="sample: France Annual Total mean 2020..2024")
s = SM.series("Germany", y0=2025, y1=2030)
add(S, "market", "Germany is supposed to be the stable European anchor. Most probable run-rate: mean German annual additions 2025-2030?", "average",
    [mw(sum(s.values()) / len(s))], how="sample: Germany Annual Forecast - Most probable mean 2025..2030")
tot = sum(SM.v(c, 2024) for c in cs)
add(S, "market", "Sum of 2024 additions across France, Germany, Italy, the Netherlands, Poland and Spain?", "sum",
    [mw(tot)], how="sample: Annual Total 2024 summed over the six countries")
s = SM.series("Poland")
fy = min(y for y, v in s.items() if v > 2000)
add(S, "market", "First year Poland added more than 2 GW?", "first_latest", [mw(s[fy])], [str(fy)],
    how="sample: Poland Annual Total, first year > 2000 MW")
ly = SM.last_hist["Italy"]
add(S, "market", "Most recent actual (not forecast) year for Italy and its additions?", "first_latest",
    [mw(SM.v("Italy", ly))], [str(ly)], how="sample: Italy last Historical Primary year Annual Total")

# ---- sample prices
SPT = ("Module", "n-type TOPCon", "China")
v, d = SP.latest(*SPT)
add(S, "price", "latest china n-type topcon module price?", "price", [ux(v, "US$/Wp")],
    how=f"sample prices: Module/n-type TOPCon/China newest ({d.date()})")
PS = ("Polysilicon", "High purity - 9N/9N+", "China")
mx, dmx = SP.extreme("max", *PS)
mn, dmn = SP.extreme("min", *PS)
add(S, "price", "This is the chart for the deck. Chinese polysilicon, 9N: peak, trough and peak-to-trough %?", "price",
    [ux(mx, "US$/kg"), ux(mn, "US$/kg"), pc(pct(mx, mn))],
    how=f"sample: Polysilicon/High purity - 9N/9N+/China max ({dmx.date()}), min ({dmn.date()})")
us, cn = SP.month("2024-12", "Module", "p-type mono-Si PERC M10", "US"), SP.month("2024-12", "Module", "p-type mono-Si PERC M10", "China")
add(S, "price", "PERC M10 modules in Dec 2024: US vs China, and the multiple?", "price",
    [ux(us, "US$/Wp"), ux(cn, "US$/Wp"), ux(us / cn, "x")], how="sample: Module/p-type mono-Si PERC M10 2024-12, US/China")
add(S, "price", "Cell makers are bleeding. Price of n-type TOPCon M10 cells in China, June 2024?", "price",
    [ux(SP.month("2024-06", "Cell", "n-type TOPCon M10", "China"), "US$/Wp")],
    how="sample: Cell/n-type TOPCon M10/China 2024-06")
a, b = SP.month("2023-12", "Module", "n-type TOPCon", "EU"), SP.month("2024-12", "Module", "n-type TOPCon", "EU")
add(S, "price", "EU TOPCon modules, Dec 2023 vs Dec 2024 — YoY %?", "price", [pc(pct(a, b))],
    how="sample: Module/n-type TOPCon/EU 2023-12 -> 2024-12 % change")
hj = {r_: SP.month("2024-12", "Module", "n-type HJT", r_) for r_ in ["China", "EU", "India", "US"]}
order = sorted(hj, key=hj.get)
add(S, "price", "Rank regions by HJT module price, Dec 2024, cheapest first.", "price",
    [ux(hj[k], "US$/Wp") for k in order], order, how="sample: Module/n-type HJT 2024-12 by region, ascending")
add(S, "price", "Avg 2024 price of n-type M10 wafers in China?", "price",
    [ux(SP.mean("Wafer", "n-type mono-Si M10", "China", start="2024-01-01", end="2024-12-31"), "US$/pce")],
    how="sample: Wafer/n-type mono-Si M10/China mean of 2024 monthly obs")
eu, cn = SP.month("2024-12", "Polysilicon", "High purity - 9N/9N+", "EU"), SP.month("2024-12", "Polysilicon", "High purity - 9N/9N+", "China")
add(S, "price", "Non-China poly premium: EU vs China 9N polysilicon in Dec 2024, as a ratio?", "price",
    [ux(eu, "US$/kg"), ux(cn, "US$/kg"), ux(eu / cn, "x")], how="sample: Polysilicon/High purity - 9N/9N+ 2024-12 EU/China")

# ---- sample financials
a, b = FN.v(HEL, "2023-Q1", "Gross margin"), FN.v(HEL, "2024-Q4", "Gross margin")
add(S, "manufacturer_financial",
    "Margin compression at Helios: gross margin 2023-Q1 vs 2024-Q4, and the change in percentage points?",
    "financial", [pc(a), pc(b), pc(b - a)], how="financials: Helios Gross margin 2023-Q1, 2024-Q4, difference (pp)")
sh = {c: FN.v(c, "FY2024", "Module shipments") for c in COS}
order = sorted(sh, key=sh.get, reverse=True)
add(S, "manufacturer_financial", "Volume isn't the problem, price is. Rank Helios, SunForge, Aurora and Nordlicht by FY2024 module shipments.", "financial",
    [ux(sh[c], "GW") for c in order], [SHORT[c] for c in order], how="financials: Module shipments FY2024, desc")
s = sum(FN.v(NOR, q, "Net income") for q in ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"])
add(S, "manufacturer_financial", "Nordlicht is my top short. Cumulative net loss across its four quarters of 2024?", "financial",
    [ux(s, "USD million")], how="financials: Nordlicht Net income sum 2024-Q1..Q4")
a, b = FN.v(SUN, "2024-Q3", "Revenue"), FN.v(SUN, "2024-Q4", "Revenue")
add(S, "manufacturer_financial", "SunForge revenue q/q, 2024-Q3 to 2024-Q4?", "financial", [pc(pct(a, b))],
    how="financials: SunForge Revenue 2024-Q3 -> 2024-Q4 % change")
qs = ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
fq = next(q for q in qs if FN.v(SUN, q, "Net income") < 0)
add(S, "manufacturer_financial", "First quarter SunForge swung to a net loss?", "financial",
    [ux(FN.v(SUN, fq, "Net income"), "USD million")], [fq], how="financials: SunForge first quarter with Net income < 0")

# ---- sample unanswerable
un(S, "market", "Switching to the US. How much PV did the USA add in 2024?", "the sample market data covers only six European countries and World")
un(S, "price", "Silver price Dec 2024?", "silver is not in the sample prices")
un(S, "market", "Germany 2032 additions, most probable?", "forecasts end in 2030")
un(S, "price", "India is building its own poly chain. Polysilicon price in India?", "sample polysilicon prices are for China and EU only")
un(S, "manufacturer_financial", "I think SunForge is stuffing the channel. Inventory days at 2024-Q4?", "inventory is not a metric in the financials")
un(S, "manufacturer_financial", "Helios revenue in 2025-Q1?", "the financials end at 2024-Q4 / FY2024")
un(S, "manufacturer_financial", "Overcapacity is the whole call. What was global PV module manufacturing capacity in 2024, in GW?", "industry-wide manufacturing capacity is not held; the financials cover four sample companies only")
un(S, "market", "Solar thermal collector installs in Spain 2023?", "solar thermal is not in the data")
un(S, "market", "French rooftop depends on subsidies. Feed-in tariff level for small rooftop in France, 2024?", "tariffs are not held")
un(S, "market", "How many people work in Poland's solar sector?", "jobs are not held")
un(S, "price", "Latest tracker price per W in the US?", "trackers are not a price item")

un(S, "price", "Spanish PPA prices are cratering. Latest solar PPA price in Spain, EUR/MWh?",
   "PPA prices are not in the price data")

# ---- sample follow-ups
add(S, "price", ["China 9N polysilicon price in Dec 2024?", "what about a year earlier?"], "follow_up",
    [ux(SP.month("2023-12", "Polysilicon", "High purity - 9N/9N+", "China"), "US$/kg")],
    how="sample: Polysilicon/High purity - 9N/9N+/China 2023-12")
add(S, "manufacturer_financial", ["Helios gross margin in 2023-Q1?", "and 2024-Q4?"], "follow_up",
    [pc(FN.v(HEL, "2024-Q4", "Gross margin"))], how="financials: Helios Gross margin 2024-Q4")
add(S, "price", ["PERC M10 module price in China, Dec 2024?", "and the EU?"], "follow_up",
    [ux(SP.month("2024-12", "Module", "p-type mono-Si PERC M10", "EU"), "US$/Wp")],
    how="sample: Module/p-type mono-Si PERC M10/EU 2024-12")
add(S, "market", ["France additions 2030, most probable?", "same for the low scenario"], "follow_up",
    [mw(SM.v("France", 2030, scen="low"))], how="sample: France 2030 Annual Forecast - Low")
add(S, "market", ["Spain's installed base end-2024?", "and Italy's?", "gap between the two in MW?"], "follow_up",
    [mw(SM.v("Spain", 2024, "Cumulative") - SM.v("Italy", 2024, "Cumulative"))],
    how="sample: Cumulative Total 2024 Spain minus Italy")


# =====================================================================================
# write + self-check
# =====================================================================================
def main():
    for i, it in enumerate(ITEMS, 1):
        it["id"] = f"{WRITER}-{i:03d}"
        for e in it["expect"]:
            e["value"] = float(e["value"])
    ids = [it["id"] for it in ITEMS]
    assert len(ids) == len(set(ids)), "duplicate ids"
    n = len(ITEMS)
    un_n = sum(not it["answerable"] for it in ITEMS)
    fu = sum(1 for it in ITEMS if len(it["turns"]) >= 2)
    for it in ITEMS:
        if it["answerable"]:
            assert it["expect"] or it["names"], it
            for e in it["expect"]:
                assert e["value"] == e["value"], it  # not NaN
        else:
            assert it["why"] and not it["expect"], it
        assert it["kind"] in {"lookup", "rank", "share", "change", "compare", "extreme", "average", "sum",
                              "first_latest", "price", "financial", "follow_up", "unanswerable"}
        assert it["data"] in {"real", "sample"}
    assert n >= 110, n
    assert un_n >= 28, un_n
    assert fu >= 12, fu
    with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
        for it in ITEMS:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(f"items {n}, unanswerable {un_n}, follow-up chains {fu}")
    print("by data:", dict(Counter(it["data"] for it in ITEMS)))
    print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
    print("by kind:", dict(sorted(Counter(it["kind"] for it in ITEMS).items())))
    print("kind x data:")
    ct = Counter((it["kind"], it["data"]) for it in ITEMS)
    for k in sorted({k for k, _ in ct}):
        print(f"  {k:14s} real {ct[(k, 'real')]:3d}  sample {ct[(k, 'sample')]:3d}")
    ctx = sum(1 for it in ITEMS if any(ch in it["turns"][0][:-1] for ch in ".!") or len(it["turns"][0]) > 70)
    print("items with a context sentence (approx):", ctx)


if __name__ == "__main__":
    main()
