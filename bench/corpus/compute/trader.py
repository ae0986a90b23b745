"""Trader question set: every expected figure is computed from the data files."""
import json
from collections import Counter
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
W = "trader"
KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]

# ---------------------------------------------------------------- data
RM = pd.read_csv("/work/shared/datasets/market-database-fy.csv").drop_duplicates().drop_duplicates(KEY)
SM = pd.read_csv("/work/main/data/sample/market.csv").drop_duplicates().drop_duplicates(KEY)
RP = pd.read_parquet("/work/shared/datasets/component-prices.parquet")
SP = pd.read_csv("/work/main/data/sample/prices.csv", parse_dates=["date"])
FIN = pd.read_csv("/work/main/data/sample/financials.csv")

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
SCEN = {None: "Forecast - Most probable", "mp": "Forecast - Most probable",
        "high": "Forecast - High", "low": "Forecast - Low"}


def last_hist(M, terr):
    h = M[(M.Territory == terr) & (M.Scenario == "Historical Primary")]
    return int(h.Year.max())


def scen_for(M, terr, year, scen=None):
    if scen is None and year <= last_hist(M, terr):
        return "Historical Primary"
    return SCEN[scen]


def mv(M, terr, year, typ="Annual", conn="Total", scen=None):
    s = scen_for(M, terr, year, scen)
    r = M[(M.Territory == terr) & (M.Year == year) & (M.Scenario == s) & (M.Connection == conn) & (M.Type == typ)]
    assert len(r) == 1, (terr, year, typ, conn, s, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def hist_series(M, terr, typ="Annual", conn="Total"):
    h = M[(M.Territory == terr) & (M.Scenario == "Historical Primary") & (M.Connection == conn) & (M.Type == typ)]
    return h.set_index("Year")["Capacity(MW)"].sort_index().astype(float)


def full_series(M, terr, typ="Annual", conn="Total", scen=None):
    """historical + forecast (named scenario or most probable) for later years"""
    h = hist_series(M, terr, typ, conn)
    f = M[(M.Territory == terr) & (M.Scenario == SCEN[scen]) & (M.Connection == conn) & (M.Type == typ)]
    f = f.set_index("Year")["Capacity(MW)"].astype(float)
    f = f[f.index > h.index.max()]
    return pd.concat([h, f]).sort_index()


def countries(M, year, typ="Annual", conn="Total"):
    r = M[(M.Year == year) & (M.Scenario == "Historical Primary") & (M.Connection == conn) & (M.Type == typ)
          & (~M.Territory.isin(AGGREGATES))]
    return r.set_index("Territory")["Capacity(MW)"].astype(float).sort_values(ascending=False)


def pct(a, b):
    return (b - a) / a * 100


def cagr(a, b, n):
    return ((b / a) ** (1 / n) - 1) * 100


def ser(P, item, desc, region, unit=None):
    s = P[(P.item == item) & (P.description == desc) & (P.region == region)]
    if unit:
        s = s[s.unit == unit]
    assert len(s), (item, desc, region)
    return s.sort_values("date")


def unit_of(s):
    u = s.unit.unique()
    assert len(u) == 1, u
    return u[0]


def latest(s):
    d = s.date.max()
    r = s[s.date == d]
    assert len(r) == 1, (s.iloc[0].description, d, len(r))
    return d, float(r.base_price.iloc[0])


def at_month(s, ym):
    r = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(r) == 1, (ym, len(r))
    return float(r.base_price.iloc[0])


def extreme(s, fn="max"):
    v = s.base_price.max() if fn == "max" else s.base_price.min()
    d = s[s.base_price == v].date
    return float(v), d


def fv(company, period, metric):
    r = FIN[(FIN.company.str.startswith(company)) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


def month_name(d):
    return pd.Timestamp(d).strftime("%B %Y")


# ---------------------------------------------------------------- builder
ITEMS = []


def E(v, unit):
    return {"value": float(v), "unit": unit}


def Q(data, agent, turns, kind, expect=(), names=(), how="", answerable=True, why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {"id": f"{W}-{len(ITEMS) + 1:03d}", "writer": W, "data": data, "agent": agent,
          "turns": list(turns), "answerable": answerable, "kind": kind,
          "expect": list(expect), "names": [str(n) for n in names], "how": how}
    if not answerable:
        it["why"] = why
        it["expect"] = []
        it["names"] = []
    ITEMS.append(it)


def U(data, agent, turns, why, how="n/a: not in the data"):
    Q(data, agent, turns, "unanswerable", how=how, answerable=False, why=why)


MW = "MW"
# ================================================================ REAL: market
M = RM
v = mv(M, "India", 2024)
Q("real", "market", "Sizing Q3 module allocations for Indian buyers. How much PV did India install in 2024?",
  "lookup", [E(v, MW)], how="real CSV: India 2024 Historical Primary Total Annual")

v = mv(M, "Brazil", 2023, "Cumulative")
Q("real", "market", "brazil installed base end of 2023? MW pls", "lookup", [E(v, MW)],
  how="real CSV: Brazil 2023 Historical Primary Total Cumulative")

v = mv(M, "Germany", 2024, conn="Distributed")
Q("real", "market", "Client is long rooftop stock into DE. German distributed adds in 2024?", "lookup",
  [E(v, MW)], how="real CSV: Germany 2024 Historical Primary Distributed Annual")

v = mv(M, "Pakistan", 2024)
Q("real", "market", "pakistan new PV capacity 2024 - how many MW?", "lookup", [E(v, MW)],
  how="real CSV: Pakistan 2024 Historical Primary Total Annual")

v = mv(M, "Italy", 2027)
Q("real", "market", "Italian demand outlook for our '27 book: how much is Italy expected to add in 2027?",
  "lookup", [E(v, MW)], how="real CSV: Italy 2027 Forecast - Most probable Total Annual")

v = mv(M, "Germany", 2030, scen="high")
Q("real", "market", "Germany annual installs 2030 in the high scenario?", "lookup", [E(v, MW)],
  how="real CSV: Germany 2030 Forecast - High Total Annual")

# rankings (countries only)
c = countries(M, 2024)
top = c.head(5)
Q("real", "market", "top 5 countries by PV added in 2024, lmk the MW too", "rank",
  [E(x, MW) for x in top.values], list(top.index),
  how="real CSV: 2024 Historical Primary Total Annual, countries only (aggregates excluded), top 5")

c = countries(M, 2024, "Cumulative")
top = c.head(3)
Q("real", "market", "Which 3 countries have the largest installed PV fleet at end-2024?", "rank",
  [E(x, MW) for x in top.values], list(top.index),
  how="real CSV: 2024 Historical Primary Total Cumulative, countries only, top 3")

latam = ["Brazil", "Chile", "Mexico", "Colombia", "Argentina"]
r = pd.Series({t: mv(M, t, 2024) for t in latam}).sort_values(ascending=False)
Q("real", "market", "Building a LatAm sales plan. Rank Brazil, Chile, Mexico, Colombia and Argentina by 2024 installs.",
  "rank", [E(x, MW) for x in r.values], list(r.index),
  how="real CSV: 2024 Historical Primary Total Annual for the 5 named countries, sorted desc")

me = ["Saudi Arabia", "UAE", "Israel", "Jordan", "Egypt", "Morocco"]
r = pd.Series({t: mv(M, t, 2024) for t in me}).sort_values(ascending=False)
Q("real", "market", "MENA desk: of Saudi, UAE, Israel, Jordan, Egypt and Morocco, which 2 installed the most in 2024?",
  "rank", [E(x, MW) for x in r.head(2).values], list(r.head(2).index),
  how="real CSV: 2024 Historical Primary Total Annual for 6 named countries, top 2")

# shares
a, w = mv(M, "China", 2024), mv(M, "World", 2024)
Q("real", "market", "china's share of global PV adds in 2024, %?", "share", [E(a / w * 100, "%")],
  how="real CSV: China / World, 2024 Historical Primary Total Annual")

a, t = mv(M, "Spain", 2024, conn="Centralised"), mv(M, "Spain", 2024)
Q("real", "market", "We sell mostly utility-scale into Spain. What % of Spain's 2024 installs were centralised?",
  "share", [E(a / t * 100, "%")], how="real CSV: Spain 2024 Annual Centralised / Total")

a, w = mv(M, "India", 2023, "Cumulative"), mv(M, "World", 2023, "Cumulative")
Q("real", "market", "India's share of the world's installed base at end of 2023?", "share", [E(a / w * 100, "%")],
  how="real CSV: India / World 2023 Historical Primary Total Cumulative")

a, t = mv(M, "Japan", 2024, "Cumulative", "Distributed"), mv(M, "Japan", 2024, "Cumulative")
Q("real", "market", "how much of Japan's cumulative PV (end 2024) is distributed, as a share of total?", "share",
  [E(a / t * 100, "%")], how="real CSV: Japan 2024 Cumulative Distributed / Total")

# change
a, b = mv(M, "USA", 2023), mv(M, "USA", 2024)
Q("real", "market", "US installs 2024 vs 2023, y/y % change?", "change", [E(pct(a, b), "%")],
  how="real CSV: USA Annual Total 2023->2024, (b-a)/a*100")

a, b = mv(M, "Brazil", 2019), mv(M, "Brazil", 2024)
Q("real", "market", "Brazilian annual installs CAGR 2019-2024?", "change", [E(cagr(a, b, 5), "%")],
  how="real CSV: Brazil Annual Total 2019 and 2024, CAGR over 5 years")

a, b = mv(M, "Pakistan", 2023), mv(M, "Pakistan", 2024)
Q("real", "market", "Pakistan has been pulling huge volumes of cheap modules. Absolute change in its annual adds 2023 -> 2024, in MW?",
  "change", [E(b - a, MW)], how="real CSV: Pakistan Annual Total 2024 - 2023")

a, b = mv(M, "World", 2020, "Cumulative"), mv(M, "World", 2024, "Cumulative")
Q("real", "market", "How much did the global installed base grow from end-2020 to end-2024, in %?", "change",
  [E(pct(a, b), "%")], how="real CSV: World Cumulative Total 2020->2024 % change")

# compare
a, b = mv(M, "India", 2024), mv(M, "USA", 2024)
Q("real", "market", "India vs US 2024 adds - which was bigger and by how many MW?", "compare",
  [E(a, MW), E(b, MW), E(abs(a - b), MW)], ["USA" if b > a else "India"],
  how="real CSV: India and USA 2024 Annual Total, difference")

vals = {t: mv(M, t, 2024, "Cumulative") for t in ["Japan", "Korea", "Australia"]}
Q("real", "market", "Japan, Korea, Australia - installed base end-2024 for each?", "compare",
  [E(x, MW) for x in vals.values()], how="real CSV: 2024 Historical Primary Total Cumulative for 3 countries")

a, b = mv(M, "Germany", 2024), mv(M, "Spain", 2024)
Q("real", "market", "Germany vs Spain new installs in 2024, side by side pls", "compare", [E(a, MW), E(b, MW)],
  how="real CSV: 2024 Annual Total for Germany and Spain")

# extremes
s = hist_series(M, "China")
Q("real", "market", "China's record year for new PV installs - which year and how much?", "extreme",
  [E(s.max(), MW)], [s.idxmax()], how="real CSV: China Historical Primary Annual Total, max over all years")

s = hist_series(M, "Spain")
Q("real", "market", "Spain's peak year for annual installs in the historical data (up to 2024)?", "extreme",
  [E(s.max(), MW)], [s.idxmax()], how="real CSV: Spain Historical Primary Annual Total, max over historical years")

s = hist_series(M, "Germany").loc[2010:2024]
Q("real", "market", "lowest year for German PV additions since 2010 (2010-2024)?", "extreme",
  [E(s.min(), MW)], [s.idxmin()], how="real CSV: Germany Historical Primary Annual Total 2010-2024, min")

s = hist_series(M, "Japan")
Q("real", "market", "When did Japan's annual PV market peak, and at what level?", "extreme",
  [E(s.max(), MW)], [s.idxmax()], how="real CSV: Japan Historical Primary Annual Total, max (no forecasts for Japan)")

# averages / sums
s = hist_series(M, "Chile").loc[2020:2024]
assert len(s) == 5
Q("real", "market", "avg annual adds in Chile 2020-2024?", "average", [E(s.mean(), MW)],
  how="real CSV: Chile Annual Total 2020..2024 mean of 5 values")

s = hist_series(M, "India").loc[2019:2023]
assert len(s) == 5
Q("real", "market", "What did India average per year in new installs over 2019–2023?", "average", [E(s.mean(), MW)],
  how="real CSV: India Annual Total 2019..2023 mean")

s = hist_series(M, "Australia").loc[2020:2024]
assert len(s) == 5
Q("real", "market", "Aussie market: total MW added 2020 through 2024?", "sum", [E(s.sum(), MW)],
  how="real CSV: Australia Annual Total sum 2020..2024")

sea = ["Vietnam", "Thailand", "Philippines", "Malaysia"]
tot = sum(mv(M, t, 2024) for t in sea)
Q("real", "market", "Combined 2024 installs of Vietnam, Thailand, the Philippines and Malaysia?", "sum", [E(tot, MW)],
  how="real CSV: sum of 2024 Annual Total for 4 named countries")

# first / latest
s = hist_series(M, "Pakistan")
Q("real", "market", "What's the first year Pakistan shows up in the installations data, and how much was added that year?",
  "first_latest", [E(s.iloc[0], MW)], [s.index[0]], how="real CSV: Pakistan Historical Primary Annual Total, earliest year")

s = hist_series(M, "Iceland")
Q("real", "market", "latest year of installs data for Iceland + the figure?", "first_latest", [E(s.iloc[-1], MW)],
  [s.index[-1]], how="real CSV: Iceland Historical Primary Annual Total, last year available")

# follow-ups (real market)
a, b = mv(M, "India", 2024), mv(M, "Brazil", 2024)
Q("real", "market", ["How much PV did India add in 2024?", "and Brazil?"], "follow_up", [E(b, MW)],
  how="real CSV: Brazil 2024 Historical Primary Total Annual")

v = mv(M, "Spain", 2030, scen="high")
Q("real", "market", ["Spain annual installs 2030, most probable case?", "same for the high scenario"], "follow_up",
  [E(v, MW)], how="real CSV: Spain 2030 Forecast - High Total Annual")

a, w = mv(M, "China", 2023), mv(M, "World", 2023)
Q("real", "market", ["China's share of world PV additions in 2024?", "what about 2023?"], "follow_up",
  [E(a / w * 100, "%")], how="real CSV: China / World 2023 Annual Total")

c = countries(M, 2024).head(3)
Q("real", "market", ["Top 3 countries by installed base end-2024?", "now by new adds in 2024"], "follow_up",
  [E(x, MW) for x in c.values], list(c.index), how="real CSV: 2024 Annual Total countries only top 3")

a, b = mv(M, "USA", 2022), mv(M, "USA", 2023)
Q("real", "market", ["US PV adds 2023?", "y/y change vs 2022 in %?"], "follow_up", [E(pct(a, b), "%")],
  how="real CSV: USA Annual Total 2022->2023 % change")

v = mv(M, "Poland", 2028, scen="low")
Q("real", "market", ["poland 2024 installs?", "and the low case for 2028?"], "follow_up", [E(v, MW)],
  how="real CSV: Poland 2028 Forecast - Low Total Annual")

d, c_, t = (mv(M, "Germany", 2024, conn=x) for x in ["Distributed", "Centralised", "Total"])
Q("real", "market", ["German distributed PV added in 2024?", "and centralised?", "what share of Germany's 2024 total is that centralised piece?"],
  "follow_up", [E(c_ / t * 100, "%")], how="real CSV: Germany 2024 Annual Centralised / Total")

v = mv(M, "Chile", 2024, "Cumulative")
Q("real", "market", ["Mexico's installed PV base end-2024?", "and Chile?"], "follow_up", [E(v, MW)],
  how="real CSV: Chile 2024 Historical Primary Total Cumulative")

# ================================================================ REAL: prices
P = RP
s = ser(P, "Module", "n-type TOPCon", "China")
d, v = latest(s)
Q("real", "price", "latest TOPCon module px in China?", "price", [E(v, unit_of(s))], [d.year],
  how=f"real prices: Module n-type TOPCon China, newest date {d.date()}")

se, su, sc = ser(P, "Module", "n-type TOPCon", "EU"), ser(P, "Module", "n-type TOPCon", "US"), s
de, ve = latest(se)
dc, vc = latest(sc)
assert de == dc
Q("real", "price", "Pricing a TOPCon cargo into Rotterdam. What's the EU vs China TOPCon module spread on the latest print?",
  "price", [E(ve, "US$/Wp"), E(vc, "US$/Wp"), E(ve - vc, "US$/Wp")],
  how=f"real prices: Module n-type TOPCon EU minus China at {de.date()}")

du, vu = latest(su)
assert du == dc
Q("real", "price", "US TOPCon module price vs China latest - how much premium in US$/Wp?", "price",
  [E(vu, "US$/Wp"), E(vc, "US$/Wp"), E(vu - vc, "US$/Wp")],
  how=f"real prices: Module n-type TOPCon US minus China at {du.date()}")

sh = ser(P, "Module", "n-type HJT", "China")
dh, vh = latest(sh)
assert dh == dc
Q("real", "price", "HJT vs TOPCon modules in China, latest week - whats the tech spread?", "price",
  [E(vh, "US$/Wp"), E(vc, "US$/Wp"), E(vh - vc, "US$/Wp")],
  how=f"real prices: Module n-type HJT China minus n-type TOPCon China at {dh.date()}")

a, b = sc.base_price.iloc[0], latest(sc)[1]
Q("real", "price", "How much have China TOPCon module prices fallen since the first quote in the data, in %?", "price",
  [E(pct(a, b), "%")], how=f"real prices: Module n-type TOPCon China first ({sc.date.iloc[0].date()}) to latest, % change")

prev, last = su.iloc[-2], su.iloc[-1]
assert su.date.is_unique
Q("real", "price", "Got a US buyer asking for a re-quote. TOPCon module px US, w/w change on the latest print in %?", "price",
  [E(last.base_price, "US$/Wp"), E(pct(prev.base_price, last.base_price), "%")],
  how=f"real prices: Module n-type TOPCon US {prev.date.date()} -> {last.date.date()} % change")

se = ser(P, "Module", "n-type TOPCon", "EU")
y = se[se.date.dt.year == 2024]
Q("real", "price", "avg EU TOPCon module price across 2024 (weekly quotes)?", "price", [E(y.base_price.mean(), "US$/Wp")],
  how=f"real prices: Module n-type TOPCon EU, mean of {len(y)} weekly 2024 obs")

s = ser(P, "Module", "CdTe", "Overseas")
d, v = latest(s)
Q("real", "price", "First Solar-type thin film: latest CdTe module price?", "price", [E(v, "US$/Wp")],
  how=f"real prices: Module CdTe Overseas at {d.date()}")

s = ser(P, "Module", "p-type mono-Si PERC M10", "EU")
s2 = ser(P, "Module", "p-type mono-Si PERC M10", "US")
d1, v1 = latest(s)
d2, v2 = latest(s2)
assert d1 == d2
Q("real", "price", "Still clearing some PERC M10 stock. Latest module px EU vs US for PERC M10?", "price",
  [E(v1, "US$/Wp"), E(v2, "US$/Wp")], how=f"real prices: Module p-type mono-Si PERC M10 EU and US at {d1.date()}")

s = ser(P, "Cell", "n-type TOPCon M10", "Overseas")
mn, dd = extreme(s, "min")
Q("real", "price", "low print for overseas TOPCon M10 cells - level, and when did it first hit it?", "price", [E(mn, "US$/Wp")],
  [month_name(dd.iloc[0])],
  how=f"real prices: Cell n-type TOPCon M10 Overseas min; first at {dd.iloc[0].date()} ({len(dd)} obs at the min)")

s = ser(P, "Wafer", "n-type mono-Si M10", "Overseas")
d, v = latest(s)
Q("real", "price", "n-type M10 wafer px overseas, latest?", "price", [E(v, "US$/pce")],
  how=f"real prices: Wafer n-type mono-Si M10 Overseas at {d.date()}")

s = ser(P, "Polysilicon", "High purity - 9N/9N+", "China")
mx, _ = extreme(s, "max")
mn, _ = extreme(s, "min")
Q("real", "price", "range on China 9N poly since it's been tracked - high and low, US$/kg?", "price",
  [E(mx, "US$/kg"), E(mn, "US$/kg")], how="real prices: Polysilicon High purity - 9N/9N+ China, max and min over all obs")

s = ser(P, "Polysilicon", "Average purity - 6N to 8N", "Overseas")
mx, dd = extreme(s, "max")
Q("real", "price", "Average-purity (6N-8N) poly overseas: what was the peak price in the series?", "price",
  [E(mx, "US$/kg")], how=f"real prices: Polysilicon Average purity 6N-8N Overseas max (at {dd.iloc[0].date()})")

s = ser(P, "Copper", "Copper", "Overseas")
mx, dd = extreme(s, "max")
assert len(dd) == 1
Q("real", "price", "hedging copper on our frame contracts - what's the highest copper price in the data and which month?",
  "price", [E(mx, "US$/t")], [month_name(dd.iloc[0])], how="real prices: Copper Overseas monthly, max")

a, b = at_month(s, "2024-01"), at_month(s, "2025-01")
Q("real", "price", "Copper Jan 2024 -> Jan 2025, % change?", "price", [E(pct(a, b), "%")],
  how="real prices: Copper Overseas 2024-01 and 2025-01 monthly obs")

s = ser(P, "Aluminium", "Aluminium", "Overseas")
v = at_month(s, "2024-03")
Q("real", "price", "aluminium px March 2024?", "price", [E(v, "US$/t")], how="real prices: Aluminium Overseas 2024-03")

mx, dd = extreme(s, "max")
assert len(dd) == 1
Q("real", "price", "Frame cost hedge: aluminium all-time high in the dataset, level + month?", "price", [E(mx, "US$/t")],
  [month_name(dd.iloc[0])], how="real prices: Aluminium Overseas max")

s = ser(P, "Silver", "Silver", "Overseas", "K US$/t")
v = at_month(s, "2025-01")
Q("real", "price", "Paste cost check: silver price for January 2025?", "price", [E(v, "K US$/t")],
  how="real prices: Silver Overseas K US$/t 2025-01 (Feb-Apr 2025 rows carry unit US$/t, not mixed)")

y = s[s.date.dt.year == 2024]
assert len(y) == 12
Q("real", "price", "avg silver price over calendar 2024?", "price", [E(y.base_price.mean(), "K US$/t")],
  how="real prices: Silver Overseas K US$/t, mean of 12 monthly 2024 obs")

s = ser(P, "EVA", "EVA", "Overseas")
d, v = latest(s)
Q("real", "price", "EVA encapsulant, latest price in the data?", "price", [E(v, "US$/t")], [d.year],
  how=f"real prices: EVA Overseas at {d.date()}")

s = ser(P, "PV glass", "Glass 3,2mm", "China")
mx, dd = extreme(s, "max")
Q("real", "price", "3.2mm PV glass in China - highest price on record in the series?", "price", [E(mx, "US$/m²")],
  how=f"real prices: PV glass Glass 3,2mm China max over all obs (first at {dd.iloc[0].date()})")

# price follow-ups
se = ser(P, "Module", "n-type TOPCon", "EU")
d, v = latest(se)
Q("real", "price", ["latest China TOPCon module price?", "and EU?"], "follow_up", [E(v, "US$/Wp")],
  how=f"real prices: Module n-type TOPCon EU at {d.date()}")

s = ser(P, "Aluminium", "Aluminium", "Overseas")
v = at_month(s, "2025-03")
Q("real", "price", ["copper px March 2025?", "and aluminium?"], "follow_up", [E(v, "US$/t")],
  how="real prices: Aluminium Overseas 2025-03")

# ================================================================ REAL: financials (sample file loaded on both)
v, u = fv("Helios", "FY2024", "Revenue")
Q("real", "manufacturer_financial", "Helios Modules FY2024 revenue?", "financial", [E(v, u)],
  how="financials: Helios Modules Ltd (sample) FY2024 Revenue")

v, u = fv("SunForge", "2024-Q4", "Net income")
Q("real", "manufacturer_financial", "Counterparty check on SunForge before we extend credit. Net income Q4 2024?", "financial",
  [E(v, u)], how="financials: SunForge Energy (sample) 2024-Q4 Net income")

r = FIN[(FIN.period == "FY2024") & (FIN.metric == "Module shipments")].sort_values("value", ascending=False)
Q("real", "manufacturer_financial", "rank the manufacturers by FY2024 module shipments", "financial",
  [E(x, "GW") for x in r.value], [c.replace(" (sample)", "").split()[0] for c in r.company],
  how="financials: FY2024 Module shipments, all companies sorted desc")

a, _ = fv("Aurora", "FY2023", "Gross margin")
b, _ = fv("Aurora", "FY2024", "Gross margin")
Q("real", "manufacturer_financial", "Aurora PV gross margin FY23 vs FY24 - by how many percentage points did it move?",
  "financial", [E(a, "%"), E(b, "%"), E(b - a, "%")], how="financials: Aurora FY2024 - FY2023 Gross margin, pp")

v, u = fv("SunForge", "FY2024", "Gross margin")
Q("real", "manufacturer_financial", ["Helios FY2024 gross margin?", "and SunForge?"], "follow_up", [E(v, u)],
  how="financials: SunForge Energy (sample) FY2024 Gross margin")

# ================================================================ REAL: unanswerable
U("real", "market", "We're looking at hybrid PPAs. How much wind capacity did Germany add in 2024?",
  "wind capacity is not held; only PV installations")
U("real", "market", "china battery storage installs 2024, GWh?", "energy storage not in the data")
U("real", "market", "What's the LCOE for utility-scale PV in Spain right now?", "LCOE not held")
U("real", "market", "How many GWh did Italian PV generate in 2024?", "generation (GWh) not held, only capacity")
U("real", "market", "Nigeria PV installs 2024? client keeps asking about West Africa", "Nigeria not in the territories")
U("real", "market", "Brazil 2027 forecast adds, most probable?", "real CSV holds no forecast for Brazil (forecasts only for European countries and World)")
U("real", "market", "Germany's total installed capacity at end-2028, most probable case?",
  "forecast cumulative values in the real CSV exclude the installed base; not a usable figure")
U("real", "market", "what did the US install back in 1985?", "years before 1992 not in the data (USA starts 2004)")
U("real", "market", "World PV additions forecast for 2035?", "forecasts end in 2030")
U("real", "price", "Poly px in the US market? need a US-delivered 9N number", "polysilicon prices only for China and Overseas regions")
U("real", "price", "latest TOPCon module px India?", "no TOPCon module series for India (India only PERC/multi to 2023)")
U("real", "price", "What % of a TOPCon module's price is silver paste these days?", "share of a price / cost breakdown not held")
U("real", "price", "lithium carbonate price latest? for the storage desk", "lithium not among the price items")
U("real", "price", "Latest string inverter price per W in Europe?", "inverter prices not in the data")
U("real", "price", "Container freight Shanghai-Rotterdam this week?", "freight rates not in the data")
U("real", "market", "Current US Section 201 / AD-CVD tariff rate on SE Asian modules?", "tariffs not held")
U("real", "market", "What's the Spanish PV market worth in EUR for 2024?", "market value in EUR not held, only MW")
U("real", "manufacturer_financial", "LONGi Q4 2024 gross margin?", "LONGi not among the companies in the financials")
U("real", "market", "How many solar thermal collectors went in in Greece 2023?", "solar thermal not held")

# ================================================================ SAMPLE: market
M = SM
v = mv(M, "Italy", 2023)
Q("sample", "market", "Italy PV adds 2023?", "lookup", [E(v, MW)], how="sample market: Italy 2023 Historical Primary Total Annual")

v = mv(M, "Netherlands", 2024, "Cumulative")
Q("sample", "market", "Dutch installed base end of 2024, in MW?", "lookup", [E(v, MW)],
  how="sample market: Netherlands 2024 Historical Primary Total Cumulative")

v = mv(M, "France", 2024, conn="Distributed")
Q("sample", "market", "French rooftop (distributed) adds 2024?", "lookup", [E(v, MW)],
  how="sample market: France 2024 Annual Distributed")

v = mv(M, "World", 2030, scen="low")
Q("sample", "market", "Bear case check: global PV adds in 2030 under the low scenario?", "lookup", [E(v, MW)],
  how="sample market: World 2030 Forecast - Low Total Annual")

v = mv(M, "Poland", 2026)
Q("sample", "market", "Polish market 2026 - expected annual installs?", "lookup", [E(v, MW)],
  how="sample market: Poland 2026 Forecast - Most probable Total Annual")

c = countries(M, 2024).head(3)
Q("sample", "market", "Top 3 countries by 2024 new installs?", "rank", [E(x, MW) for x in c.values], list(c.index),
  how="sample market: 2024 Historical Primary Total Annual, countries only (World excluded), top 3")

c = countries(M, 2024, "Cumulative")
Q("sample", "market", "Rank all the European countries you have by cumulative capacity end-2024", "rank",
  [E(x, MW) for x in c.values], list(c.index), how="sample market: 2024 Cumulative Total, 6 countries sorted desc")

a, w = mv(M, "Germany", 2024), mv(M, "World", 2024)
Q("sample", "market", "germany's share of world adds 2024?", "share", [E(a / w * 100, "%")],
  how="sample market: Germany / World 2024 Annual Total")

a, t = mv(M, "Spain", 2024, conn="Centralised"), mv(M, "Spain", 2024)
Q("sample", "market", "Utility-scale buyers in Spain are our main book. Centralised share of Spain's 2024 installs?", "share",
  [E(a / t * 100, "%")], how="sample market: Spain 2024 Annual Centralised / Total")

a, b = mv(M, "France", 2019), mv(M, "France", 2024)
Q("sample", "market", "France annual installs CAGR 2019-24?", "change", [E(cagr(a, b, 5), "%")],
  how="sample market: France Annual Total 2019->2024 CAGR 5 yrs")

a, b = mv(M, "Poland", 2023), mv(M, "Poland", 2024)
Q("sample", "market", "Poland y/y: 2024 adds vs 2023, % chg?", "change", [E(pct(a, b), "%")],
  how="sample market: Poland Annual Total 2023->2024")

a, b = mv(M, "Germany", 2024), mv(M, "Germany", 2030)
Q("sample", "market", "How much does German annual demand change from 2024 to 2030 on the most probable forecast, in MW?",
  "change", [E(b - a, MW)], how="sample market: Germany Annual Total 2030 MP minus 2024 Historical")

a, b = mv(M, "Italy", 2030), mv(M, "Spain", 2030)
Q("sample", "market", "Italy vs Spain 2030 annual adds, most probable - which is bigger?", "compare",
  [E(a, MW), E(b, MW)], ["Spain" if b > a else "Italy"], how="sample market: 2030 Forecast - Most probable Annual Total")

vals = [mv(M, t, 2024) for t in ["France", "Netherlands", "Poland"]]
Q("sample", "market", "france, netherlands, poland - 2024 installs each?", "compare", [E(x, MW) for x in vals],
  how="sample market: 2024 Annual Total for 3 countries")

s = full_series(M, "Netherlands")
Q("sample", "market", "Peak year for Dutch annual installs over the whole series (hist + most probable forecast)?", "extreme",
  [E(s.max(), MW)], [s.idxmax()], how="sample market: Netherlands Annual Total 2015-2030 (hist then MP), max")

s = hist_series(M, "Poland")
Q("sample", "market", "Poland's weakest year for installs in the historical data?", "extreme", [E(s.min(), MW)], [s.idxmin()],
  how="sample market: Poland Historical Primary Annual Total min")

s = hist_series(M, "Germany").loc[2020:2024]
Q("sample", "market", "German avg annual adds 2020-2024?", "average", [E(s.mean(), MW)],
  how="sample market: Germany Annual Total mean 2020..2024")

s = full_series(M, "World", scen="high").loc[2025:2030]
Q("sample", "market", "Average yearly global adds 2025-2030 in the high case?", "average", [E(s.mean(), MW)],
  how="sample market: World Forecast - High Annual Total mean 2025..2030")

tot = sum(mv(M, t, 2024) for t in ["Germany", "France", "Italy"])
Q("sample", "market", "Combined 2024 adds for Germany + France + Italy?", "sum", [E(tot, MW)],
  how="sample market: sum 2024 Annual Total of 3 countries")

s = full_series(M, "Spain").loc[2025:2030]
Q("sample", "market", "Total MW Spain is expected to add over 2025-2030 combined, most probable case?", "sum",
  [E(s.sum(), MW)], how="sample market: Spain Forecast - Most probable Annual Total sum 2025..2030")

s = hist_series(M, "Spain")
Q("sample", "market", "What's the most recent actual (historical) year for Spain and what was installed?", "first_latest",
  [E(s.iloc[-1], MW)], [s.index[-1]], how="sample market: Spain Historical Primary Annual Total, last year")

s = hist_series(M, "Italy")
Q("sample", "market", "first year of Italian installs data you hold, and the MW that year?", "first_latest",
  [E(s.iloc[0], MW)], [s.index[0]], how="sample market: Italy Historical Primary Annual Total, first year")

# sample follow-ups
v = mv(M, "Spain", 2024)
Q("sample", "market", ["Italy adds 2024?", "and Spain?"], "follow_up", [E(v, MW)],
  how="sample market: Spain 2024 Historical Primary Total Annual")

v = mv(M, "Germany", 2025, scen="high")
Q("sample", "market", ["Germany 2025 installs, most probable?", "same for the high scenario"], "follow_up", [E(v, MW)],
  how="sample market: Germany 2025 Forecast - High Total Annual")

a, t = mv(M, "France", 2020, conn="Distributed"), mv(M, "France", 2020)
Q("sample", "market", ["distributed share of France's 2024 installs?", "what about 2020?"], "follow_up",
  [E(a / t * 100, "%")], how="sample market: France 2020 Annual Distributed / Total")

a, b = mv(M, "World", 2023), mv(M, "World", 2024)
Q("sample", "market", ["global PV adds 2024?", "y/y change vs 2023 %?"], "follow_up", [E(pct(a, b), "%")],
  how="sample market: World Annual Total 2023->2024 %")

v = mv(M, "Netherlands", 2024, "Cumulative")
Q("sample", "market", ["Poland installed base end-2024?", "and the Netherlands?", "which of the two is bigger?"],
  "follow_up", [E(v, MW), E(mv(M, "Poland", 2024, "Cumulative"), MW)],
  ["Netherlands" if v > mv(M, "Poland", 2024, "Cumulative") else "Poland"],
  how="sample market: 2024 Cumulative Total Poland vs Netherlands")

# ================================================================ SAMPLE: prices
P = SP
s = ser(P, "Module", "n-type TOPCon", "EU")
d, v = latest(s)
Q("sample", "price", "latest EU TOPCon module px?", "price", [E(v, "US$/Wp")], how=f"sample prices: Module n-type TOPCon EU at {d.date()}")

su, sc = ser(P, "Module", "n-type TOPCon", "US"), ser(P, "Module", "n-type TOPCon", "China")
a, b = at_month(su, "2024-12"), at_month(sc, "2024-12")
Q("sample", "price", "Arb check: US vs China TOPCon module spread, Dec 2024?", "price",
  [E(a, "US$/Wp"), E(b, "US$/Wp"), E(a - b, "US$/Wp")], how="sample prices: Module n-type TOPCon US minus China, 2024-12")

s = ser(P, "Polysilicon", "High purity - 9N/9N+", "China")
mn, dd = extreme(s, "min")
assert len(dd) == 1
Q("sample", "price", "China 9N poly - lowest monthly price and which month?", "price", [E(mn, "US$/kg")], [month_name(dd.iloc[0])],
  how="sample prices: Polysilicon High purity 9N China min")

s = ser(P, "Module", "p-type mono-Si PERC M10", "India")
v = at_month(s, "2024-03")
Q("sample", "price", "Indian PERC M10 module price in March 2024?", "price", [E(v, "US$/Wp")],
  how="sample prices: Module p-type mono-Si PERC M10 India 2024-03")

s = ser(P, "Wafer", "n-type mono-Si M10", "China")
a, b = at_month(s, "2023-01"), at_month(s, "2024-12")
Q("sample", "price", "n-type M10 wafers China: % change Jan 2023 to Dec 2024?", "price", [E(pct(a, b), "%")],
  how="sample prices: Wafer n-type mono-Si M10 China 2023-01 -> 2024-12")

s = ser(P, "PV glass", "Glass 3,2mm", "EU")
y = s[s.date.dt.year == 2024]
Q("sample", "price", "avg 3.2mm glass price in the EU over 2024?", "price", [E(y.base_price.mean(), "US$/m²")],
  how="sample prices: PV glass 3,2mm EU mean of 12 monthly 2024 obs")

sh, sc = ser(P, "Module", "n-type HJT", "China"), ser(P, "Module", "n-type TOPCon", "China")
dh, vh = latest(sh)
dc, vc = latest(sc)
assert dh == dc
Q("sample", "price", "HJT premium over TOPCon, China modules, latest month?", "price",
  [E(vh, "US$/Wp"), E(vc, "US$/Wp"), E(vh - vc, "US$/Wp")], how=f"sample prices: Module HJT China minus TOPCon China at {dh.date()}")

s = ser(P, "Cell", "n-type TOPCon M10", "EU")
mx, dd = extreme(s, "max")
assert len(dd) == 1
Q("sample", "price", "EU TOPCon M10 cell - max price in the series, and when?", "price", [E(mx, "US$/Wp")], [month_name(dd.iloc[0])],
  how="sample prices: Cell n-type TOPCon M10 EU max")

r = P[(P.item == "Module") & (P.description == "n-type TOPCon") & (P.date.dt.strftime("%Y-%m") == "2024-12")]
r = r.sort_values("base_price")
assert r.region.is_unique
Q("sample", "price", "Where's TOPCon cheapest, Dec 2024? rank the regions", "price",
  [E(x, "US$/Wp") for x in r.base_price], list(r.region), how="sample prices: Module n-type TOPCon 2024-12 by region, ascending")

a = at_month(ser(P, "Polysilicon", "High purity - 9N/9N+", "EU"), "2024-06")
b = at_month(ser(P, "Polysilicon", "High purity - 9N/9N+", "China"), "2024-06")
Q("sample", "price", "Poly 9N: EU vs China px in June 2024 and the spread?", "price",
  [E(a, "US$/kg"), E(b, "US$/kg"), E(a - b, "US$/kg")], how="sample prices: Polysilicon 9N EU minus China, 2024-06")

s = ser(P, "Module", "p-type mono-Si PERC M10", "China")
a, b = at_month(s, "2024-06"), at_month(s, "2024-12")
Q("sample", "price", ["PERC M10 module px China June 2024?", "and how much did it move by Dec 2024, in %?"], "follow_up",
  [E(pct(a, b), "%")], how="sample prices: Module PERC M10 China 2024-06 -> 2024-12 % change")

s = ser(P, "Wafer", "p-type mono-Si M10", "EU")
d, v = latest(s)
Q("sample", "price", ["latest p-type M10 wafer price China?", "and EU?"], "follow_up", [E(v, "US$/pce")],
  how=f"sample prices: Wafer p-type mono-Si M10 EU at {d.date()}")

# ================================================================ SAMPLE: financials
v, u = fv("Nordlicht", "FY2024", "Net income")
Q("sample", "manufacturer_financial", "Nordlicht Solar total net loss for 2024?", "financial", [E(v, u)],
  how="financials: Nordlicht Solar AG (sample) FY2024 Net income")

a, _ = fv("Helios", "FY2023", "Module shipments")
b, _ = fv("Helios", "FY2024", "Module shipments")
Q("sample", "manufacturer_financial", "Helios module shipments growth FY23 -> FY24, %?", "financial", [E(pct(a, b), "%")],
  how="financials: Helios FY2023 -> FY2024 Module shipments % change")

r = FIN[(FIN.period == "2024-Q4") & (FIN.metric == "Gross margin")].sort_values("value", ascending=False).iloc[0]
Q("sample", "manufacturer_financial", "who had the best gross margin in Q4 2024?", "financial", [E(r.value, "%")],
  [r.company.replace(" (sample)", "").split()[0]], how="financials: 2024-Q4 Gross margin, max across companies")

a, _ = fv("SunForge", "2023-Q1", "Revenue")
b, _ = fv("SunForge", "2024-Q1", "Revenue")
Q("sample", "manufacturer_financial", "SunForge revenue Q1 2024 vs Q1 2023, y/y %?", "financial", [E(pct(a, b), "%")],
  how="financials: SunForge Revenue 2023-Q1 -> 2024-Q1")

q = FIN[(FIN.company.str.startswith("Aurora")) & (FIN.metric == "Revenue") & (FIN.period.str.startswith("2024-Q"))]
assert len(q) == 4
Q("sample", "manufacturer_financial", "Aurora PV avg quarterly revenue in 2024?", "financial", [E(q.value.mean(), "USD million")],
  how="financials: Aurora Revenue mean of 2024-Q1..Q4")

v, u = fv("Helios", "2024-Q4", "Production capacity")
Q("sample", "manufacturer_financial", "Helios nameplate capacity at Q4 2024?", "financial", [E(v, u)],
  how="financials: Helios 2024-Q4 Production capacity")

v, u = fv("Aurora", "2024-Q4", "Net income")
Q("sample", "manufacturer_financial", ["Aurora net income Q3 2024?", "and Q4?"], "follow_up", [E(v, u)],
  how="financials: Aurora 2024-Q4 Net income")

# ================================================================ SAMPLE: unanswerable
U("sample", "price", "Silver px latest? need it for our paste hedge", "silver not in the sample prices")
U("sample", "price", "copper price Dec 2024?", "copper not in the sample prices")
U("sample", "market", "Brazil 2024 installs?", "Brazil not in the sample market data")
U("sample", "market", "Spain adds in 2032, most probable?", "forecasts end in 2030")
U("sample", "price", "Australian TOPCon module px latest?", "no Australia region in sample prices")
U("sample", "price", "CdTe module price latest?", "CdTe not in sample prices")
U("sample", "price", "US 9N polysilicon price Dec 2024?", "polysilicon in sample only for China and EU")
U("sample", "price", "What was the China TOPCon module px in June 2022?", "sample prices start in January 2023")
U("sample", "market", "German wind + solar additions 2024 combined?", "wind not held")
U("sample", "manufacturer_financial", "JinkoSolar shipments FY2024?", "JinkoSolar not in the financials")
U("sample", "manufacturer_financial", "Helios R&D spend FY2024?", "R&D spend not among the financial metrics")
U("sample", "market", "How many solar jobs in Poland in 2024?", "jobs not held")

# ================================================================ self-check
ids = [i["id"] for i in ITEMS]
assert len(ids) == len(set(ids))
n_un = sum(not i["answerable"] for i in ITEMS)
n_fu = sum(len(i["turns"]) > 1 for i in ITEMS)
assert len(ITEMS) >= 110, len(ITEMS)
assert n_un >= 28, n_un
assert n_fu >= 12, n_fu
for i in ITEMS:
    if i["answerable"]:
        assert i["expect"] or i["names"], i["id"]
        for e in i["expect"]:
            assert e["value"] == e["value"], i["id"]  # not NaN
    else:
        assert i["why"]

with open(HERE / "questions.jsonl", "w") as f:
    for i in ITEMS:
        f.write(json.dumps(i, ensure_ascii=False) + "\n")

print("total", len(ITEMS), "unanswerable", n_un, "follow-up chains", n_fu)
print("by data", dict(Counter(i["data"] for i in ITEMS)))
print("by agent", dict(Counter(i["agent"] for i in ITEMS)))
print("by kind", dict(Counter(i["kind"] for i in ITEMS)))
print("by kind x data", dict(Counter((i["kind"], i["data"]) for i in ITEMS)))
