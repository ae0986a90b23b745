"""Compute expected figures for the `journalist` question set and write questions.jsonl.

Every expected number below is read from the data files with pandas; none is typed by hand.
"""
import json
from collections import Counter
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
WRITER = "journalist"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
HIST = "Historical Primary"
MP, HIGH, LOW = "Forecast - Most probable", "Forecast - High", "Forecast - Low"

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "East Asia", "East Europe", "EU", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}


# ----------------------------------------------------------------------------- market
class Market:
    def __init__(self, path):
        df = pd.read_csv(path)
        # exact duplicates (and rows differing only in metadata columns) counted once
        g = df.groupby(KEY)["Capacity(MW)"].nunique()
        assert (g <= 1).all(), "conflicting duplicate keys"
        self.df = df.drop_duplicates(KEY).reset_index(drop=True)
        h = self.df[self.df.Scenario == HIST]
        self.last_hist = h.groupby("Territory").Year.max().to_dict()
        terrs = set(self.df.Territory.unique())
        self.countries = sorted(terrs - AGGREGATES)

    def scen_for(self, terr, year, scen=None):
        if scen is not None:
            return scen
        return HIST if year <= self.last_hist[terr] else MP

    def v(self, terr, year, typ="Annual", conn="Total", scen=None):
        s = self.scen_for(terr, year, scen)
        d = self.df
        r = d[(d.Territory == terr) & (d.Year == year) & (d.Type == typ) & (d.Connection == conn) & (d.Scenario == s)]
        assert len(r) == 1, (terr, year, typ, conn, s, len(r))
        return float(r["Capacity(MW)"].iloc[0])

    def has(self, terr, year, typ="Annual", conn="Total", scen=None):
        try:
            self.v(terr, year, typ, conn, scen)
            return True
        except (AssertionError, KeyError):
            return False

    def series(self, terr, years, typ="Annual", conn="Total", scen=None):
        return {y: self.v(terr, y, typ, conn, scen) for y in years}

    def hist_series(self, terr, typ="Annual", conn="Total", y0=None, y1=None):
        d = self.df
        r = d[(d.Territory == terr) & (d.Type == typ) & (d.Connection == conn) & (d.Scenario == HIST)]
        if y0 is not None:
            r = r[r.Year >= y0]
        if y1 is not None:
            r = r[r.Year <= y1]
        return r.set_index("Year")["Capacity(MW)"].sort_index()

    def rank(self, year, typ="Annual", conn="Total", n=5, scen=HIST, among=None):
        d = self.df
        pool = among if among is not None else self.countries
        r = d[(d.Territory.isin(pool)) & (d.Year == year) & (d.Type == typ) & (d.Connection == conn) & (d.Scenario == scen)]
        assert r.Territory.is_unique
        r = r.sort_values("Capacity(MW)", ascending=False)
        return list(zip(r.Territory, r["Capacity(MW)"].astype(float)))[:n]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


# ----------------------------------------------------------------------------- prices
class Prices:
    def __init__(self, path):
        self.df = pd.read_parquet(path) if path.endswith(".parquet") else pd.read_csv(path, parse_dates=["date"])
        self.df["date"] = pd.to_datetime(self.df["date"])

    def s(self, item, desc, region, unit=None):
        d = self.df
        r = d[(d["item"] == item) & (d.description == desc) & (d.region == region)]
        if unit is not None:
            r = r[r.unit == unit]
        assert r.unit.nunique() == 1, (item, desc, region, r.unit.unique())
        r = r.drop_duplicates(["date", "base_price"])
        assert r.date.is_unique, ("conflicting observations", item, desc, region)
        assert len(r) > 0
        return r.sort_values("date").set_index("date")["base_price"].astype(float), r.unit.iloc[0]

    def latest(self, *a, **k):
        s, u = self.s(*a, **k)
        return float(s.iloc[-1]), s.index[-1], u

    def month(self, y, m, *a, **k):
        s, u = self.s(*a, **k)
        x = s[(s.index.year == y) & (s.index.month == m)]
        assert len(x) == 1, (a, y, m, len(x))
        return float(x.iloc[0]), u

    def span(self, *a, start=None, end=None, **k):
        s, u = self.s(*a, **k)
        if start is not None:
            s = s[s.index >= pd.Timestamp(start)]
        if end is not None:
            s = s[s.index <= pd.Timestamp(end)]
        assert len(s) > 0
        return s, u


# ----------------------------------------------------------------------------- financials
class Fin:
    def __init__(self, path):
        self.df = pd.read_csv(path)

    def v(self, company, period, metric):
        d = self.df
        r = d[(d.company == company) & (d.period == period) & (d.metric == metric)]
        assert len(r) == 1, (company, period, metric)
        return float(r.value.iloc[0]), r.unit.iloc[0]


RM = Market(REAL_MARKET)
SM = Market(S_MARKET)
RP = Prices(REAL_PRICES)
SP = Prices(S_PRICES)
FN = Fin(S_FIN)

ITEMS = []


def add(data, agent, turns, kind, expect=(), names=(), how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {
        "id": None, "writer": WRITER, "data": data, "agent": agent, "turns": list(turns),
        "answerable": answerable, "kind": kind,
        "expect": [{"value": float(v), "unit": u} for v, u in expect],
        "names": [str(n) for n in names], "how": how,
    }
    if not answerable:
        it["why"] = why
        it["expect"] = []
        it["kind"] = "unanswerable"
    ITEMS.append(it)


def mw(x):
    return (x, "MW")


def pc(x):
    return (x, "%")


def times(x):
    return (x, "x")


def ym(ts):
    return ts.strftime("%Y-%m-%d")


# ============================================================================ REAL: market
R = "real"

# ---- lookups
v = RM.v("Spain", 2023)
add(R, "market", "Writing a piece on Spain's solar boom — how much PV did Spain install in 2023?",
    "lookup", [mw(v)], how="Spain 2023 Historical Primary Total Annual")

v = RM.v("Pakistan", 2024)
add(R, "market", "quick one: Pakistan's new solar installations in 2024, in GW?",
    "lookup", [mw(v)], how="Pakistan 2024 Historical Primary Total Annual")

v = RM.v("Germany", 2024, "Cumulative")
add(R, "market", "Germany just passed a big milestone, I think. What was Germany's total installed PV capacity at the end of 2024?",
    "lookup", [mw(v)], how="Germany 2024 Historical Primary Total Cumulative")

v = RM.v("Brazil", 2024, conn="Distributed")
add(R, "market", "Doing a story on Brazilian distributed generation. How many MW of distributed PV did Brazil add in 2024?",
    "lookup", [mw(v)], how="Brazil 2024 Historical Primary Distributed Annual")

v = RM.v("Italy", 2027, scen=MP)
add(R, "market", "What's the most probable forecast for Italy's annual PV installations in 2027?",
    "lookup", [mw(v)], how="Italy 2027 Forecast - Most probable Total Annual")

# ---- rankings (countries only)
top = RM.rank(2024, n=5)
add(R, "market", "Headline for our year-in-review: which five countries installed the most solar in 2024, and how much each?",
    "rank", [mw(x) for _, x in top], [t for t, _ in top], how="countries only, 2024 Historical Primary Total Annual, top 5")

top = RM.rank(2023, n=3)
add(R, "market", "Putting together a league table for our 2023 recap. Which country was the third biggest PV market that year?",
    "rank", [mw(top[2][1])], [top[2][0]], how="countries only, 2023 Hist Total Annual, 3rd place")

top = RM.rank(2024, "Cumulative", n=3)
add(R, "market", "For an infographic on the world's biggest solar fleets: top 3 countries by installed base at end-2024?",
    "rank", [mw(x) for _, x in top], [t for t, _ in top], how="countries only, 2024 Hist Total Cumulative, top 3")

top = RM.rank(2024, conn="Distributed", n=3)
add(R, "market", "We're doing a rooftop special. Which 3 countries added the most distributed solar in 2024?",
    "rank", [mw(x) for _, x in top], [t for t, _ in top], how="countries only, 2024 Hist Distributed Annual, top 3")

top = RM.rank(2022, n=10)
add(R, "market", "Give me the top 10 solar markets of 2022 by new capacity, countries only please",
    "rank", [mw(x) for _, x in top], [t for t, _ in top], how="countries only, 2022 Hist Total Annual, top 10")

# ---- shares
c, w = RM.v("China", 2024, "Cumulative"), RM.v("World", 2024, "Cumulative")
add(R, "market", "What share of the world's installed PV base was in China at the end of 2024?",
    "share", [pc(c / w * 100)], how="China / World, 2024 Hist Total Cumulative")

c, w = RM.v("India", 2024), RM.v("World", 2024)
add(R, "market", "Writing about India's record year — what % of the world's new PV in 2024 was Indian?",
    "share", [pc(c / w * 100)], how="India / World, 2024 Hist Total Annual")

d, t = RM.v("Germany", 2024, conn="Distributed"), RM.v("Germany", 2024)
add(R, "market", "How much of Germany's 2024 installations was distributed, as a share of the total?",
    "share", [pc(d / t * 100)], how="Germany 2024 Distributed / Total, Hist Annual")

cz, t = RM.v("Spain", 2024, "Cumulative", "Centralised"), RM.v("Spain", 2024, "Cumulative")
add(R, "market", "Spain is famous for big ground-mount parks. What percentage of Spain's installed base at end of 2024 is centralised?",
    "share", [pc(cz / t * 100)], how="Spain 2024 Cumulative Centralised / Total, Hist")

# ---- change
a, b = RM.v("Pakistan", 2023), RM.v("Pakistan", 2024)
add(R, "market", "Pakistan's solar market exploded last year. How many times bigger was its 2024 market than 2023? give me both numbers too",
    "change", [times(b / a), mw(a), mw(b)], how="Pakistan Annual 2024 / 2023, Hist Total")

a, b = RM.v("Netherlands", 2023), RM.v("Netherlands", 2024)
add(R, "market", "Dutch market slump: year-on-year change in Netherlands installations 2023 to 2024, in MW and %?",
    "change", [mw(b - a), pc(pct(a, b))], how="Netherlands Annual 2024 - 2023 and %, Hist Total")

a, b = RM.v("World", 2015), RM.v("World", 2024)
add(R, "market", "Need a growth stat for the intro. What was the CAGR of global annual PV installations between 2015 and 2024?",
    "change", [pc(cagr(a, b, 2024 - 2015))], how="World Annual Total Hist, CAGR 2015->2024 over 9 years")

a, b = RM.v("Spain", 2018), RM.v("Spain", 2019)
add(R, "market", "Spain went from almost nothing to a big market in 2019. How much did installs jump vs 2018 — in % and 'times'?",
    "change", [pc(pct(a, b)), times(b / a)], how="Spain Annual 2019 vs 2018, Hist Total")

# ---- comparisons
g, s = RM.v("Germany", 2024), RM.v("Spain", 2024)
add(R, "market", "Germany vs Spain in 2024: how much did each install, and how many times larger was Germany's market?",
    "compare", [mw(g), mw(s), times(g / s)], ["Germany"], how="Annual 2024 Hist Total; ratio DE/ES")

vals = {c: RM.v(c, 2024, "Cumulative") for c in ["India", "Brazil", "Germany"]}
big = max(vals, key=vals.get)
add(R, "market", "Compare the installed base of India, Brazil and Germany at end 2024 — who's biggest?",
    "compare", [mw(x) for x in vals.values()], [big], how="Cumulative 2024 Hist Total for the three")

f, it = RM.v("France", 2024), RM.v("Italy", 2024)
add(R, "market", "france vs italy new installs 2024?",
    "compare", [mw(f), mw(it)], ["Italy" if it > f else "France"], how="Annual 2024 Hist Total for both")

# ---- extremes
s = RM.hist_series("Germany")
add(R, "market", "What's Germany's record year for new PV installations so far (historical data only), and how much went in?",
    "extreme", [mw(s.max())], [s.idxmax()], how="Germany Hist Total Annual, max over all historical years")

s = RM.hist_series("Spain", y0=2010, y1=2024)
add(R, "market", "Which was Spain's weakest year for installations between 2010 and 2024?",
    "extreme", [mw(s.min())], [s.idxmin()], how="Spain Hist Total Annual 2010-2024, min")

s = RM.hist_series("Italy")
add(R, "market", "Italy's all-time record for annual installs in the historical data — which year and how many MW?",
    "extreme", [mw(s.max())], [s.idxmax()], how="Italy Hist Total Annual, max over all historical years")

# ---- averages
s = RM.series("India", range(2020, 2025))
add(R, "market", "Average annual PV additions in India over 2020-2024?",
    "average", [mw(sum(s.values()) / len(s))], how="India Hist Total Annual, mean 2020..2024")

s = RM.series("Spain", range(2025, 2031), scen=MP)
add(R, "market", "What's Spain's average yearly installation in the most probable forecast, 2025 to 2030?",
    "average", [mw(sum(s.values()) / len(s))], how="Spain Forecast MP Total Annual, mean 2025..2030")

# ---- sums
s = RM.series("China", range(2020, 2025))
add(R, "market", "Story on China's build-out this decade. How much solar did China add in total across 2020-2024 combined?",
    "sum", [mw(sum(s.values()))], how="China Hist Total Annual, sum 2020..2024")

s = RM.series("Germany", range(2025, 2031), scen=MP)
add(R, "market", "Adding up the most probable forecast, how much new PV will Germany install from 2025 to 2030 in total?",
    "sum", [mw(sum(s.values()))], how="Germany Forecast MP Total Annual, sum 2025..2030")

# ---- first / latest
s = RM.hist_series("China")
y = int(s[s > 100000].index.min())
add(R, "market", "First year China's annual installations topped 100 GW?",
    "first_latest", [mw(s[y])], [y], how="China Hist Total Annual, first year > 100000 MW")

s = RM.hist_series("India")
y = int(s[s > 10000].index.min())
add(R, "market", "Timeline box for an India feature: when did India first instal more than 10 GW in a single year?",
    "first_latest", [mw(s[y])], [y], how="India Hist Total Annual, first year > 10000 MW")

s = RM.hist_series("Pakistan")
y = int(s[s > 1000].index.min())
add(R, "market", "Pakistan's solar rush — when did Pakistan first add more than 1 GW of PV in a year?",
    "first_latest", [mw(s[y])], [y], how="Pakistan Hist Total Annual, first year > 1000 MW")

# ---- follow-ups (real)
v = RM.v("Spain", 2024)
add(R, "market", ["How much PV did Italy install in 2024?", "and Spain?"],
    "follow_up", [mw(v)], how="Spain 2024 Hist Total Annual")

c23, w23 = RM.v("China", 2023), RM.v("World", 2023)
c24, w24 = RM.v("China", 2024), RM.v("World", 2024)
add(R, "market", ["China's share of world PV installations in 2023?", "what about 2024?"],
    "follow_up", [pc(c24 / w24 * 100)], how="China/World 2024 Hist Total Annual")

v = RM.v("Germany", 2030, scen=HIGH)
add(R, "market", ["Germany's most probable forecast for new installations in 2030?", "same for the high scenario"],
    "follow_up", [mw(v)], how="Germany 2030 Forecast - High Total Annual")

top = RM.rank(2024, n=5)
add(R, "market", ["Top 5 countries by PV added in 2024?", "can you show that as a bar chart"],
    "follow_up", [mw(x) for _, x in top], [t for t, _ in top], how="countries only, 2024 Hist Total Annual top 5, charted")

s = RM.hist_series("USA")
add(R, "market", ["Which year was Japan's record for solar installs?", "and for the US?"],
    "follow_up", [mw(s.max())], [int(s.idxmax())], how="USA Hist Total Annual max over all years")

d, t = RM.v("France", 2024, conn="Distributed"), RM.v("France", 2024)
add(R, "market", ["What share of Poland's 2024 installations was distributed?", "and France?"],
    "follow_up", [pc(d / t * 100)], how="France 2024 Distributed/Total Hist Annual")

a, b = RM.v("Greece", 2023), RM.v("Greece", 2024)
add(R, "market", ["Greek PV additions in 2023?", "and 2024? what's the yoy growth?"],
    "follow_up", [mw(b), pc(pct(a, b))], how="Greece Annual 2024 and (2024-2023)/2023 Hist Total")

# ============================================================================ REAL: prices
PR = "price"
v, dt, u = RP.latest("Module", "n-type TOPCon", "EU")
add(R, PR, "What's the latest TOPCon module price in Europe?",
    "price", [(v, u)], [], how=f"Module n-type TOPCon EU, latest date {ym(dt)}")

vu, du, uu = RP.latest("Module", "n-type TOPCon", "US")
vc, dc, uc = RP.latest("Module", "n-type TOPCon", "China")
add(R, PR, "Tariff story — how much more expensive are TOPCon modules in the US than in China right now? latest prices and the ratio pls",
    "price", [(vu, uu), (vc, uc), times(vu / vc)], how=f"Module n-type TOPCon latest US ({ym(du)}) and China ({ym(dc)}); ratio US/China")

s, u = RP.span("Wafer", "p-type mono-Si M10", "China")
add(R, PR, "Wafer price crash: how far have Chinese p-type M10 wafer prices fallen from their peak to the latest reading, in %?",
    "price", [(s.max(), u), (s.iloc[-1], u), pc(pct(s.max(), s.iloc[-1]))],
    how=f"Wafer p-type mono-Si M10 China: max (first reached {ym(s.idxmax())}) vs latest {ym(s.index[-1])}")

v, u = RP.month(2024, 3, "Copper", "Copper", "Overseas")
add(R, PR, "Piece on raw material costs for PV makers. What was the copper price in March 2024?",
    "price", [(v, u)], how="Copper Overseas, monthly obs dated 2024-03")

v, u = RP.month(2025, 1, "Silver", "Silver", "Overseas", unit="K US$/t")
add(R, PR, "Silver is eating into cell costs — what was the silver price in January 2025?",
    "price", [(v, u)], how="Silver Overseas (K US$/t), monthly obs dated 2025-01")

s, u = RP.span("Aluminium", "Aluminium", "Overseas")
add(R, PR, "Frames are mostly aluminium, so — when did aluminium hit its highest price in your data, and what was it?",
    "price", [(s.max(), u)], [s.idxmax().strftime("%B %Y").split()[0], s.idxmax().year],
    how=f"Aluminium Overseas monthly, max over whole series at {ym(s.idxmax())}")

s, u = RP.span("Module", "n-type TOPCon", "EU")
add(R, PR, "By how much have TOPCon module prices in the EU changed since the series started? first vs latest, in %",
    "price", [(s.iloc[0], u), (s.iloc[-1], u), pc(pct(s.iloc[0], s.iloc[-1]))],
    how=f"Module n-type TOPCon EU first {ym(s.index[0])} vs latest {ym(s.index[-1])}")

lat = {r: RP.latest("Module", "n-type HJT", r) for r in ["China", "EU", "US", "Overseas"]}
cheap = min(lat, key=lambda r: lat[r][0])
add(R, PR, "Heterojunction explainer I'm working on: which region has the cheapest HJT modules at the latest reading — China, EU, US or Overseas?",
    "price", [(lat[cheap][0], lat[cheap][2])], [cheap],
    how="Module n-type HJT latest per region; min: " + ", ".join(f"{r} {ym(x[1])}" for r, x in lat.items()))

s, u = RP.span("Cell", "n-type TOPCon M10", "Overseas")
add(R, PR, "Cell makers are bleeding. What's the lowest price overseas n-type TOPCon M10 cells have hit, and when did they first get down there?",
    "price", [(s.min(), u)], [s.idxmin().strftime("%B"), s.idxmin().year],
    how=f"Cell n-type TOPCon M10 Overseas min, first reached {ym(s.idxmin())}")

vp, dp, up = RP.latest("Module", "p-type mono-Si PERC M10", "EU")
vt, dtt, ut = RP.latest("Module", "n-type TOPCon", "EU")
add(R, PR, "In Europe, is PERC still cheaper than TOPCon? Latest EU prices for p-type PERC M10 modules vs n-type TOPCon modules",
    "price", [(vp, up), (vt, ut)], ["PERC" if vp < vt else "TOPCon"],
    how=f"Module EU latest: PERC M10 {ym(dp)}, TOPCon {ym(dtt)}")

a, u = RP.month(2024, 1, "Silver", "Silver", "Overseas", unit="K US$/t")
b, _ = RP.month(2025, 1, "Silver", "Silver", "Overseas", unit="K US$/t")
add(R, PR, "How much did the silver price rise between January 2024 and January 2025, in percent?",
    "price", [pc(pct(a, b))], how="Silver Overseas K US$/t, 2025-01 vs 2024-01")

v24, u = RP.month(2024, 6, "Aluminium", "Aluminium", "Overseas")
v_c, uc2 = RP.month(2024, 6, "Copper", "Copper", "Overseas")
add(R, PR, ["Aluminium price in June 2024?", "and copper, same month?"],
    "follow_up", [(v_c, uc2)], how="Copper Overseas monthly obs 2024-06")

s, u = RP.span("Module", "p-type mono-Si PERC M10", "US")
add(R, PR, ["Latest US price for PERC M10 modules?", "what was its max and min over the whole series?"],
    "follow_up", [(s.max(), u), (s.min(), u)], how="Module p-type mono-Si PERC M10 US max/min over whole series")

# ============================================================================ REAL: unanswerable
def U(data, agent, q, why):
    add(data, agent, q, "unanswerable", answerable=False, why=why)


U(R, "market", "Writing a piece on Spain's renewables boom — how much wind capacity did Spain add in 2024?",
  "wind capacity is not in the data (PV only)")
U(R, "market", "How many GWh of battery storage did Germany install alongside PV last year?",
  "storage is not in the data")
U(R, "market", "Cheapest-power-ever headline: what's the LCOE of utility-scale solar in India these days?",
  "LCOE is not a measure held")
U(R, "market", "How much electricity did Italian solar generate in 2023, in TWh?",
  "generation (GWh/TWh) is not held, only capacity")
U(R, "market", "For a jobs story — how many people work in the US solar industry?",
  "jobs are not in the data")
U(R, "market", "Nigeria's solar installations in 2024?",
  "Nigeria is not a territory in the data")
U(R, "market", "What will India install in 2027 according to your forecast?",
  "forecasts in the loaded CSV cover only European countries (and aggregates); no India forecast")
U(R, "market", "Under the most probable scenario, what will Germany's cumulative PV capacity be in 2030?",
  "forecast cumulative values in the real CSV exclude the installed base; not a valid figure")
U(R, "market", "Whats the value of Spain's 2024 solar market in euros?",
  "market value in EUR is not held")
U(R, "market", "How much concentrated solar power (CSP) does Morocco have?",
  "solar thermal / CSP is not in the data, PV only")
U(R, PR, "Doing a balance-of-system cost piece. What's the latest inverter price per watt?",
  "inverter prices are not in the price data")
U(R, PR, "What were mono PERC module prices back in 2017?",
  "price data start in 2019")
U(R, PR, "What share of the module price is accounted for by polysilicon?",
  "a share of a price (cost breakdown) is not held")
U(R, "manufacturer_financial", "Chinese giants are posting losses. What was LONGi's revenue in 2024?",
  "LONGi is not among the companies in the financials")

# ============================================================================ REAL instance: financials (sample file)
FA = "manufacturer_financial"
v, u = FN.v("Helios Modules Ltd (sample)", "FY2024", "Revenue")
add(R, FA, "Earnings roundup: what was Helios Modules' full-year 2024 revenue?",
    "financial", [(v, u)], how="financials: Helios FY2024 Revenue")

comps = sorted(FN.df.company.unique())
gm = {c: FN.v(c, "2024-Q4", "Gross margin")[0] for c in comps}
best = max(gm, key=gm.get)
add(R, FA, "Margin squeeze story: which manufacturer had the highest gross margin in 2024-Q4, and what was it?",
    "financial", [pc(gm[best])], [best.replace(" (sample)", "")], how="financials: 2024-Q4 Gross margin, max over companies")

a, u = FN.v("Aurora PV Group (sample)", "FY2023", "Module shipments")
b, _ = FN.v("Aurora PV Group (sample)", "FY2024", "Module shipments")
add(R, FA, "Aurora keeps shipping more despite the downturn. How much did Aurora PV Group's module shipments grow from FY2023 to FY2024, in %?",
    "financial", [pc(pct(a, b))], how="financials: Aurora Module shipments FY2023 -> FY2024")

h, u = FN.v("Helios Modules Ltd (sample)", "FY2024", "Revenue")
s_, _ = FN.v("SunForge Energy (sample)", "FY2024", "Revenue")
add(R, FA, "Helios vs SunForge: 2024 full-year revenue, and how many times bigger is Helios?",
    "financial", [(h, u), (s_, u), times(h / s_)], how="financials: FY2024 Revenue both; ratio")


# ============================================================================ SAMPLE: market
S = "sample"
v = SM.v("Netherlands", 2022)
add(S, "market", "Dutch market piece — how much solar did the Netherlands install in 2022?",
    "lookup", [mw(v)], how="sample: Netherlands 2022 Hist Total Annual")

v = SM.v("Poland", 2024, "Cumulative")
add(S, "market", "Poland's total PV fleet at end of 2024?",
    "lookup", [mw(v)], how="sample: Poland 2024 Hist Total Cumulative")

v = SM.v("France", 2030, scen=LOW)
add(S, "market", "Bear case for France: low-scenario PV additions in 2030?",
    "lookup", [mw(v)], how="sample: France 2030 Forecast - Low Total Annual")

v = SM.v("World", 2030, "Cumulative", scen=MP)
add(S, "market", "How big will the world's installed PV base be by 2030 in the most probable scenario?",
    "lookup", [mw(v)], how="sample: World 2030 Forecast MP Total Cumulative")

top = SM.rank(2023, n=3)
add(S, "market", "Which were the three largest country markets in 2023?",
    "rank", [mw(x) for _, x in top], [t for t, _ in top], how="sample: countries only, 2023 Hist Total Annual top 3")

top = SM.rank(2030, n=1, scen=HIGH)
add(S, "market", "In the high scenario, which country will be the biggest market in 2030?",
    "rank", [mw(top[0][1])], [top[0][0]], how="sample: countries only, 2030 Forecast High Total Annual, top 1")

g, w = SM.v("Germany", 2024), SM.v("World", 2024)
add(S, "market", "Germany likes to think of itself as a solar leader. What was Germany's share of global PV installations in 2024?",
    "share", [pc(g / w * 100)], how="sample: Germany / World 2024 Hist Total Annual")

d, t = SM.v("Spain", 2024, conn="Distributed"), SM.v("Spain", 2024)
add(S, "market", "What % of Spain's 2024 additions were distributed systems?",
    "share", [pc(d / t * 100)], how="sample: Spain 2024 Distributed/Total Hist Annual")

a, b = SM.v("Italy", 2015), SM.v("Italy", 2024)
add(S, "market", "Italy's comeback: CAGR of Italian annual installations 2015-2024?",
    "change", [pc(cagr(a, b, 9))], how="sample: Italy Annual Hist Total, CAGR 2015->2024 over 9 years")

g, f = SM.v("Germany", 2030, scen=HIGH), SM.v("France", 2030, scen=HIGH)
add(S, "market", "Germany vs France 2030 new installs in the high case — how many times bigger is Germany?",
    "compare", [mw(g), mw(f), times(g / f)], how="sample: 2030 Forecast High Total Annual both; ratio")

vals = {c: SM.v(c, 2024, "Cumulative") for c in ["Spain", "Italy", "Netherlands"]}
big = max(vals, key=vals.get)
add(S, "market", "Spanish vs Italian vs Dutch installed base end of 2024?",
    "compare", [mw(x) for x in vals.values()], [big], how="sample: 2024 Hist Total Cumulative for three")

s = SM.hist_series("Netherlands")
add(S, "market", "Writing about the Dutch slowdown — what was the Netherlands' best year for installations so far?",
    "extreme", [mw(s.max())], [int(s.idxmax())], how="sample: Netherlands Hist Total Annual max (2015-2024)")

s = pd.Series(SM.series("Spain", range(2025, 2031), scen=MP))
add(S, "market", "In the most probable outlook, which year between 2025 and 2030 is Spain's weakest for new PV?",
    "extreme", [mw(s.min())], [int(s.idxmin())], how="sample: Spain Forecast MP Total Annual 2025-2030 min")

s = SM.series("Germany", range(2020, 2025))
add(S, "market", "Germany's average annual installations 2020-2024?",
    "average", [mw(sum(s.values()) / len(s))], how="sample: Germany Hist Total Annual mean 2020..2024")

s = SM.series("Spain", range(2025, 2031), scen=LOW)
add(S, "market", "If the low scenario plays out, how much PV does Spain add in total from 2025 through 2030?",
    "sum", [mw(sum(s.values()))], how="sample: Spain Forecast Low Total Annual sum 2025..2030")

s = SM.hist_series("Poland")
y = int(s[s > 4000].index.min())
add(S, "market", "Poland has been one of Europe's fastest risers. When did Poland first install more than 4 GW in a year?",
    "first_latest", [mw(s[y])], [y], how="sample: Poland Hist Total Annual first year > 4000 MW")

s = SM.series("World", range(2025, 2031), scen=HIGH)
add(S, "market", "Bull case: what's the average global annual PV market over 2025-2030 in the high scenario?",
    "average", [mw(sum(s.values()) / len(s))], how="sample: World Forecast High Total Annual mean 2025..2030")

s = SM.series("Netherlands", range(2015, 2025))
add(S, "market", "How much PV did the Dutch install in total from 2015 to 2024?",
    "sum", [mw(sum(s.values()))], how="sample: Netherlands Hist Total Annual sum 2015..2024")

a, b = SM.v("World", 2024, "Cumulative"), SM.v("World", 2030, "Cumulative", scen=MP)
add(S, "market", "By how much would the global installed base grow between end-2024 and 2030 in the most probable case? % and how many times larger",
    "change", [pc(pct(a, b)), times(b / a)], how="sample: World Cumulative 2030 Forecast MP vs 2024 Hist Total")

# sample follow-ups
v = SM.v("Spain", 2024)
add(S, "market", ["Italy's 2024 PV additions?", "what about Spain?"],
    "follow_up", [mw(v)], how="sample: Spain 2024 Hist Total Annual")

v = SM.v("Netherlands", 2028, scen=LOW)
add(S, "market", ["Netherlands forecast for 2028, most probable?", "and the low scenario?"],
    "follow_up", [mw(v)], how="sample: Netherlands 2028 Forecast Low Total Annual")

s = SM.series("Italy", range(2015, 2025))
add(S, "market", ["Show me Italy's annual installs 2015 to 2024", "as a chart please"],
    "follow_up", [mw(x) for x in s.values()], how="sample: Italy Hist Total Annual 2015..2024 charted")

g21, w21 = SM.v("Germany", 2021, "Cumulative"), SM.v("World", 2021, "Cumulative")
add(S, "market", ["Germany's share of the world's installed PV base in 2024?", "what about 2021?"],
    "follow_up", [pc(g21 / w21 * 100)], how="sample: Germany/World 2021 Hist Total Cumulative")

# ============================================================================ SAMPLE: prices
v, dt, u = SP.latest("Module", "n-type TOPCon", "EU")
add(S, PR, "Latest TOPCon module price in the EU?",
    "price", [(v, u)], how=f"sample: Module n-type TOPCon EU latest {ym(dt)}")

v, u = SP.month(2024, 3, "Module", "n-type HJT", "US")
add(S, PR, "What did HJT modules cost in the US in March 2024?",
    "price", [(v, u)], how="sample: Module n-type HJT US 2024-03")

s, u = SP.span("Polysilicon", "High purity - 9N/9N+", "China")
add(S, PR, "Polysilicon crash: what were the highest and lowest Chinese 9N polysilicon prices over the whole series, and how big is the drop in %?",
    "price", [(s.max(), u), (s.min(), u), pc(pct(s.max(), s.min()))], how="sample: Polysilicon 9N China max, min, (min-max)/max")

lat = {r: SP.latest("Module", "n-type TOPCon", r) for r in ["China", "EU", "India", "US"]}
order = sorted(lat, key=lambda r: lat[r][0])
add(S, PR, "Price comparison chart for our module buyers' guide: rank the regions by latest TOPCon module price, cheapest first",
    "price", [(lat[r][0], lat[r][2]) for r in order], order, how="sample: Module n-type TOPCon latest by region, ascending")

a, u = SP.month(2023, 1, "Wafer", "n-type mono-Si M10", "China")
b, _ = SP.month(2024, 12, "Wafer", "n-type mono-Si M10", "China")
add(S, PR, "n-type M10 wafers in China: % change from January 2023 to December 2024?",
    "price", [(a, u), (b, u), pc(pct(a, b))], how="sample: Wafer n-type M10 China 2023-01 vs 2024-12")

s, u = SP.span("Module", "p-type mono-Si PERC M10", "India")
add(S, PR, "When were Indian PERC M10 module prices at their highest, and what was the price?",
    "price", [(s.max(), u)], [s.idxmax().strftime("%B"), s.idxmax().year], how=f"sample: Module PERC M10 India max at {ym(s.idxmax())}")

v, u = SP.month(2024, 12, "Module", "n-type HJT", "China")
add(S, PR, ["HJT module price in China, June 2024?", "and December 2024?"],
    "follow_up", [(v, u)], how="sample: Module n-type HJT China 2024-12")

v, u = SP.month(2024, 6, "Polysilicon", "High purity - 9N/9N+", "EU")
add(S, PR, ["China 9N polysilicon price in June 2024?", "same for the EU"],
    "follow_up", [(v, u)], how="sample: Polysilicon 9N EU 2024-06")

# ============================================================================ SAMPLE: financials
v, u = FN.v("Helios Modules Ltd (sample)", "2024-Q4", "Production capacity")
add(S, FA, "Overcapacity angle. What's Helios Modules' production capacity as of 2024-Q4, in GW?",
    "financial", [(v, u)], how="financials: Helios 2024-Q4 Production capacity")

sh = {c: FN.v(c, "FY2024", "Module shipments")[0] for c in comps}
order = sorted(sh, key=sh.get, reverse=True)
add(S, FA, "rank the manufacturers by FY2024 module shipments pls",
    "financial", [(sh[c], "GW") for c in order], [c.replace(" (sample)", "") for c in order],
    how="financials: FY2024 Module shipments, sorted desc")

a, u = FN.v("Nordlicht Solar AG (sample)", "2023-Q1", "Revenue")
b, _ = FN.v("Nordlicht Solar AG (sample)", "2024-Q4", "Revenue")
add(S, FA, "Nordlicht Solar's quarterly revenue — how much has it fallen from 2023-Q1 to 2024-Q4, in %?",
    "financial", [(a, u), (b, u), pc(pct(a, b))], how="financials: Nordlicht Revenue 2023-Q1 vs 2024-Q4")

ni = FN.df[(FN.df.company == "Helios Modules Ltd (sample)") & (FN.df.metric == "Net income") & FN.df.period.str.contains("-Q")]
ni = ni.sort_values("period")
first_loss = ni[ni.value < 0].iloc[0]
add(S, FA, "Which was the first quarter Helios Modules posted a net loss, and how big?",
    "financial", [(float(first_loss.value), first_loss.unit)], first_loss.period.split("-")[::-1],
    how="financials: Helios quarterly Net income, first period < 0")

v, u = FN.v("Helios Modules Ltd (sample)", "2024-Q4", "Gross margin")
add(S, FA, ["Helios gross margin in 2024-Q1?", "and in Q4?"],
    "follow_up", [pc(v)], how="financials: Helios 2024-Q4 Gross margin")

v, u = FN.v("SunForge Energy (sample)", "FY2024", "Net income")
add(S, FA, "SunForge's full-year 2024 net income?",
    "financial", [(v, u)], how="financials: SunForge FY2024 Net income")

# ============================================================================ SAMPLE: unanswerable
U(S, "market", "Doing a China deep-dive: how much PV did China install in 2024?",
  "China is not in the sample market data")
U(S, "market", "What did Germany install in 2010, at the height of the feed-in tariff boom?",
  "sample market data start in 2015")
U(S, "market", "India's cumulative solar capacity at end of 2024?",
  "India is not in the sample market data")
U(S, "market", "What's the 2035 forecast for Italian PV additions?",
  "forecasts end in 2030")
U(S, "market", "How many rooftop systems (number of installations, not MW) were installed in the Netherlands in 2023?",
  "system counts are not held, only capacity in MW")
U(S, "market", ["How much PV did France add in 2024?", "and how much onshore wind?"],
  "wind capacity is not in the data")
U(S, "market", "What's the average feed-in tariff in Germany for small rooftop PV?",
  "tariffs are not held")
U(S, PR, "Latest copper price?",
  "copper is not in the sample price data")
U(S, PR, "Module prices in Australia, latest?",
  "Australia is not a region in the sample price data")
U(S, PR, "What was the polysilicon price in China in mid-2022?",
  "sample price data start in January 2023")
U(S, PR, "Latest TOPCon cell price in the US?",
  "cell prices in the sample cover only China and EU")
U(S, PR, "What's the average efficiency of TOPCon modules compared with PERC?",
  "module efficiency is not held")
U(S, FA, "Thin-film angle: what was First Solar's gross margin in 2024?",
  "First Solar is not among the companies in the financials")
U(S, FA, "How many employees does SunForge Energy have?",
  "headcount is not a metric in the financials")
U(S, FA, "Helios Modules revenue for Q1 2025?",
  "financials end with 2024-Q4 / FY2024")

# ============================================================================ ids + output + self-check
for i, it in enumerate(ITEMS, 1):
    it["id"] = f"{WRITER}-{i:03d}"

out = HERE / "questions.jsonl"
with out.open("w", encoding="utf-8") as fh:
    for it in ITEMS:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, f"only {len(ITEMS)} items"
n_un = sum(not it["answerable"] for it in ITEMS)
assert n_un >= 28, f"only {n_un} unanswerable"
n_chain = sum(len(it["turns"]) >= 2 for it in ITEMS)
assert n_chain >= 12, f"only {n_chain} follow-up chains"
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert it["why"] and not it["expect"], it["id"]
n_fin = sum(it["agent"] == FA for it in ITEMS)

print(f"items: {len(ITEMS)}  unanswerable: {n_un}  follow-up chains: {n_chain}  financial: {n_fin}")
print("per data:", dict(Counter(it["data"] for it in ITEMS)))
print("per agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("per kind x data:")
kd = Counter((it["kind"], it["data"]) for it in ITEMS)
for k in sorted({k for k, _ in kd}):
    print(f"  {k:13s} real={kd[(k, 'real')]:3d} sample={kd[(k, 'sample')]:3d}")
