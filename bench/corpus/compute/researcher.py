"""Held-out questions, persona: PhD researcher in energy economics (solar diffusion, learning curves).

Every expected figure is computed from the data files below; nothing is typed by hand.
Run:  python3 compute.py   -> writes questions.jsonl next to this file and prints a self-check.
"""
import json
import math
from collections import Counter
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
WRITER = "researcher"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

# --------------------------------------------------------------------------------------
# loading
# --------------------------------------------------------------------------------------
rm = pd.read_csv(REAL_MARKET).drop_duplicates()          # 624 exact duplicate rows counted once
sm = pd.read_csv(S_MARKET).drop_duplicates()
rp = pd.read_parquet(REAL_PRICES).drop_duplicates()
rp["date"] = pd.to_datetime(rp["date"])
sp = pd.read_csv(S_PRICES).drop_duplicates()
sp["date"] = pd.to_datetime(sp["date"])
fin = pd.read_csv(S_FIN).drop_duplicates()

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}


def last_hist_year(df, terr):
    h = df[(df.Territory == terr) & (df.Scenario == "Historical Primary")]
    return int(h.Year.max())


SCEN = {"high": "Forecast - High", "low": "Forecast - Low", "mp": "Forecast - Most probable",
        "hist": "Historical Primary"}


def mval(df, terr, year, typ="Annual", conn="Total", scen=None):
    """One market figure under the brief's conventions."""
    if scen is None:
        scen = "Historical Primary" if year <= last_hist_year(df, terr) else "Forecast - Most probable"
    else:
        scen = SCEN.get(scen, scen)
    x = df[(df.Territory == terr) & (df.Year == year) & (df.Type == typ) & (df.Connection == conn)
           & (df.Scenario == scen)]
    assert len(x) == 1, (terr, year, typ, conn, scen, len(x))
    return float(x["Capacity(MW)"].iloc[0])


def mseries(df, terr, typ="Annual", conn="Total", scen="hist", y0=None, y1=None):
    scen = SCEN.get(scen, scen)
    x = df[(df.Territory == terr) & (df.Type == typ) & (df.Connection == conn) & (df.Scenario == scen)]
    assert not x.duplicated(["Year"]).any(), terr
    s = x.set_index("Year")["Capacity(MW)"].sort_index().astype(float)
    if y0 is not None:
        s = s[s.index >= y0]
    if y1 is not None:
        s = s[s.index <= y1]
    return s


def full(s, y0, y1):
    """assert a series has every year y0..y1 (no gaps) and return it"""
    assert list(s.index) == list(range(y0, y1 + 1)), (list(s.index), y0, y1)
    return s


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def rank_countries(df, year, typ="Annual", conn="Total", n=5, scen="hist"):
    scen = SCEN.get(scen, scen)
    x = df[(df.Year == year) & (df.Type == typ) & (df.Connection == conn) & (df.Scenario == scen)
           & (~df.Territory.isin(AGGREGATES))]
    assert not x.duplicated(["Territory"]).any()
    x = x.sort_values("Capacity(MW)", ascending=False)
    top = x.head(n + 1)
    # no tie at the cut-off
    assert top["Capacity(MW)"].iloc[n - 1] != top["Capacity(MW)"].iloc[n]
    return list(zip(top.Territory.iloc[:n], top["Capacity(MW)"].iloc[:n].astype(float)))


# prices --------------------------------------------------------------------------------
def pser(df, item, desc, region, unit=None):
    x = df[(df["item"] == item) & (df.description == desc) & (df.region == region)]
    if unit is not None:
        x = x[x.unit == unit]
    assert len(x) > 0, (item, desc, region, unit)
    assert x.unit.nunique() == 1, (item, desc, region, x.unit.unique())
    return x.sort_values("date")


def p_on(x, date):
    y = x[x.date == pd.Timestamp(date)]
    assert len(y) == 1, (date, len(y))
    return float(y.base_price.iloc[0])


def p_month(x, ym):
    y = x[x.date.dt.strftime("%Y-%m") == ym]
    assert len(y) == 1, (ym, len(y))
    return float(y.base_price.iloc[0])


def p_latest(x):
    d = x.date.max()
    y = x[x.date == d]
    assert len(y) == 1, (d, len(y))
    return d, float(y.base_price.iloc[0])


def p_first(x):
    d = x.date.min()
    y = x[x.date == d]
    assert len(y) == 1, (d, len(y))
    return d, float(y.base_price.iloc[0])


def p_ext(x, how, start=None, end=None):
    y = x
    if start:
        y = y[y.date >= pd.Timestamp(start)]
    if end:
        y = y[y.date <= pd.Timestamp(end)]
    v = y.base_price.min() if how == "min" else y.base_price.max()
    dates = y[y.base_price == v].date
    return float(v), dates


def one_year(dates):
    ys = sorted(set(dates.dt.year))
    return [str(ys[0])] if len(ys) == 1 else []


def one_month_name(dates):
    ms = sorted(set(dates.dt.strftime("%B %Y")))
    return ms if len(ms) == 1 else []


# financials ----------------------------------------------------------------------------
def fval(company, period, metric):
    x = fin[(fin.company == company) & (fin.period == period) & (fin.metric == metric)]
    assert len(x) == 1, (company, period, metric)
    return float(x.value.iloc[0]), x.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"
SUN = "SunForge Energy (sample)"
COMPANIES = [HEL, AUR, NOR, SUN]

# --------------------------------------------------------------------------------------
# item builder
# --------------------------------------------------------------------------------------
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
        "how": how,
    }
    if not answerable:
        it["why"] = why
        it["expect"] = []
        it["names"] = []
    ITEMS.append(it)


def E(v, unit):
    return {"value": float(v), "unit": unit}


MW = "MW"
R, S = "real", "sample"

# ======================================================================================
# REAL market
# ======================================================================================
v = mval(rm, "Germany", 2023)
add(R, "market", "For a diffusion model calibrated on German data I need the 2023 point. I think it was well above 10 GW; how many MW exactly did Germany add in 2023?",
    "lookup", [E(v, MW)], [], "market CSV: Germany, 2023, Historical Primary, Total, Annual")

v = mval(rm, "Japan", 2015, "Cumulative")
add(R, "market", "I'm fitting a logistic diffusion curve to the Japanese fleet. What was Japan's cumulative installed PV capacity at end-2015, in MW please?",
    "lookup", [E(v, MW)], [], "market CSV: Japan, 2015, Historical Primary, Total, Cumulative")

v = mval(rm, "Brazil", 2024, conn="Distributed")
add(R, "market", "Brazilian distributed-generation boom: what was the distributed PV capacity added in Brazil in 2024?",
    "lookup", [E(v, MW)], [], "market CSV: Brazil, 2024, Historical Primary, Distributed, Annual")

# rankings
top = rank_countries(rm, 2024, n=5)
add(R, "market", "Which five countries added the most PV capacity in 2024? Countries only, i.e. no regional aggregates, with the MW for each.",
    "rank", [E(val, MW) for _, val in top], [t for t, _ in top],
    "market CSV: 2024, Historical Primary, Total, Annual; territories excluding aggregates, top 5 by MW")

top = rank_countries(rm, 2024, typ="Cumulative", n=3)
add(R, "market", "For the cross-section in my paper I need the biggest fleets. Rank the top 3 countries by installed base at the end of 2024.",
    "rank", [E(val, MW) for _, val in top], [t for t, _ in top],
    "market CSV: 2024, Historical Primary, Total, Cumulative; countries only, top 3")

grp = ["Spain", "Italy", "France", "Poland", "Netherlands"]
vals = sorted([(c, mval(rm, c, 2024)) for c in grp], key=lambda t: -t[1])
add(R, "market", "Ranking question for a European panel: order Spain, Italy, France, Poland and the Netherlands by PV installations in 2024, largest first.",
    "rank", [E(val, MW) for _, val in vals], [c for c, _ in vals],
    "market CSV: 5 countries, 2024, Historical Primary, Total, Annual, sorted descending")

top = rank_countries(rm, 2024, conn="Distributed", n=3)
add(R, "market", "top three countries for distributed PV additions in 2024?",
    "rank", [E(val, MW) for _, val in top], [t for t, _ in top],
    "market CSV: 2024, Historical Primary, Distributed, Annual; countries only, top 3")

# shares
a, w = mval(rm, "China", 2024), mval(rm, "World", 2024)
add(R, "market", "What share of global PV additions did China account for in 2024 (in %)?",
    "share", [E(a / w * 100, "%")], [], "China 2024 Annual Total / World 2024 Annual Total (Historical Primary) x100")

a, w = mval(rm, "India", 2024, "Cumulative"), mval(rm, "World", 2024, "Cumulative")
add(R, "market", "India is my second case study. What was India's share of the world's cumulative PV fleet at end-2024?",
    "share", [E(a / w * 100, "%")], [], "India 2024 Cumulative Total / World 2024 Cumulative Total x100")

d_, t_ = mval(rm, "Germany", 2024, conn="Distributed"), mval(rm, "Germany", 2024)
add(R, "market", "I'm looking at the rooftop vs utility split. What fraction of Germany's 2024 additions was distributed?",
    "share", [E(d_ / t_ * 100, "%")], [], "Germany 2024 Annual Distributed / Germany 2024 Annual Total x100")

c_, t_ = mval(rm, "Spain", 2023, conn="Centralised"), mval(rm, "Spain", 2023)
add(R, "market", "Spain is the utility-scale counterexample in my sample. Spain's centralised share of new capacity in 2023, in percent?",
    "share", [E(c_ / t_ * 100, "%")], [], "Spain 2023 Annual Centralised / Spain 2023 Annual Total x100")

# change
a, b = mval(rm, "USA", 2022), mval(rm, "USA", 2023)
add(R, "market", "The IRA is my policy shock. By how much did US annual PV additions grow from 2022 to 2023, in %?",
    "change", [E(pct(a, b), "%")], [], "USA Annual Total Historical Primary: (2023-2022)/2022 x100")

a, b = mval(rm, "World", 2014, "Cumulative"), mval(rm, "World", 2024, "Cumulative")
add(R, "market", "Learning-curve paper, I need the doubling rate of the global fleet. What's the CAGR of world cumulative PV capacity over 2014-2024?",
    "change", [E(cagr(a, b, 10), "%")], [], "World Cumulative Total: (2024/2014)^(1/10)-1")

a, b = mval(rm, "China", 2019), mval(rm, "China", 2024)
add(R, "market", "Compound annual growth rate of China's annual additions from 2019 to 2024?",
    "change", [E(cagr(a, b, 5), "%")], [], "China Annual Total: (2024/2019)^(1/5)-1")

a, b = mval(rm, "Netherlands", 2023), mval(rm, "Netherlands", 2024)
add(R, "market", "There's talk of the Dutch market cooling after net-metering reform. How did Dutch annual additions change from 2023 to 2024, in % and in MW?",
    "change", [E(pct(a, b), "%"), E(b - a, MW)], [], "Netherlands Annual Total: % and absolute change 2023->2024")

# comparisons
a, b = mval(rm, "China", 2023), mval(rm, "USA", 2023)
add(R, "market", "what was the ratio of Chinese to US PV additions in 2023?",
    "compare", [E(a / b, "x"), E(a, MW), E(b, MW)], [], "China 2023 Annual Total / USA 2023 Annual Total")

vals = [(c, mval(rm, c, 2020, "Cumulative")) for c in ["Spain", "Italy", "France"]]
add(R, "market", "Southern Europe panel, pre-energy-crisis baseline. Compare cumulative installed capacity at end-2020 for Spain, Italy and France.",
    "compare", [E(val, MW) for _, val in vals], [max(vals, key=lambda t: t[1])[0]],
    "Cumulative Total 2020 Historical Primary for each; names the largest")

a, b = mval(rm, "Pakistan", 2024), mval(rm, "Germany", 2024)
add(R, "market", "A colleague claims Pakistan out-installed Germany in 2024 on the back of cheap Chinese modules. Is that right? Give both figures and the difference.",
    "compare", [E(a, MW), E(b, MW), E(a - b, MW)], ["Pakistan"], "Pakistan vs Germany 2024 Annual Total; difference Pakistan - Germany")

a, b = mval(rm, "Spain", 2024, "Cumulative"), mval(rm, "Italy", 2024, "Cumulative")
add(R, "market", "difference between Spain's and Italy's installed base at end of 2024, MW",
    "compare", [E(a - b, MW)], [], "Spain 2024 Cumulative Total - Italy 2024 Cumulative Total")

# extremes
s = full(mseries(rm, "Japan"), 1992, 2024)
add(R, "market", "Japan should show a clear post-FiT peak. In which year did Japan's annual PV market peak, and what was the level?",
    "extreme", [E(s.max(), MW)], [str(int(s.idxmax()))], "Japan Annual Total Historical Primary (no forecast exists), argmax over 1992-2024")

s = full(mseries(rm, "Germany", y0=2012, y1=2024), 2012, 2024)
add(R, "market", "After the 2010-12 feed-in boom, which year did German annual additions bottom out (2012-2024), and how low did they go?",
    "extreme", [E(s.min(), MW)], [str(int(s.idxmin()))], "Germany Annual Total Historical Primary 2012-2024, argmin")

s = mseries(rm, "Italy")
add(R, "market", "Italy's historical record year for PV additions (i.e. actuals only, no forecasts)?",
    "extreme", [E(s.max(), MW)], [str(int(s.idxmax()))], "Italy Annual Total Historical Primary, argmax")

s = full(mseries(rm, "World"), 1992, 2024)
yr = int(s[s > 100000].index.min())
add(R, "market", "First year in which global annual additions exceeded 100 GW?",
    "first_latest", [E(s.loc[yr], MW)], [str(yr)], "World Annual Total Historical Primary, first year > 100,000 MW")

s = mseries(rm, "Chile")
s = s[s > 0]
add(R, "market", "When does the Chilean series start, i.e. first year with recorded PV additions, and how much was that?",
    "first_latest", [E(s.iloc[0], MW)], [str(int(s.index[0]))], "Chile Annual Total Historical Primary, first year with value > 0")

# averages / sums
s = full(mseries(rm, "India", y0=2020, y1=2024), 2020, 2024)
add(R, "market", "I want a smoothed Indian market size for the regression. Average annual PV additions in India over 2020-2024 inclusive?",
    "average", [E(s.mean(), MW)], [], "mean of India Annual Total 2020..2024 (5 values)")

s = full(mseries(rm, "France", y0=2015, y1=2024), 2015, 2024)
add(R, "market", "mean yearly French installations 2015–2024, MW?",
    "average", [E(s.mean(), MW)], [], "mean of France Annual Total 2015..2024 (10 values)")

s = full(mseries(rm, "Netherlands", y0=2019, y1=2023), 2019, 2023)
add(R, "market", "Total MW added in the Netherlands from 2019 through 2023? Trying to reconcile with CBS numbers.",
    "sum", [E(s.sum(), MW)], [], "sum of Netherlands Annual Total 2019..2023")

s = full(mseries(rm, "Poland", y0=2020, y1=2024), 2020, 2024)
add(R, "market", "Poland's prosumer wave: sum of Polish annual additions 2020-2024?",
    "sum", [E(s.sum(), MW)], [], "sum of Poland Annual Total 2020..2024")

# forecasts (annual only)
v = mval(rm, "Germany", 2030, scen="mp")
add(R, "market", "The EEG 2023 targets imply a steep ramp-up. Under the most probable scenario, how much PV is Germany expected to install in 2030?",
    "lookup", [E(v, MW)], [], "Germany 2030 Forecast - Most probable, Total, Annual")

s = full(mseries(rm, "Spain", scen="low", y0=2025, y1=2030), 2025, 2030)
add(R, "market", "Taking the low scenario as my conservative case: what do Spain's annual additions over 2025-2030 add up to, in total?",
    "sum", [E(s.sum(), MW)], [], "sum of Spain Annual Total Forecast - Low 2025..2030")

a, b = mval(rm, "Poland", 2025, scen="mp"), mval(rm, "Poland", 2030, scen="mp")
add(R, "market", "CAGR of Poland's annual market 2025→2030 in the most probable forecast?",
    "change", [E(cagr(a, b, 5), "%")], [], "Poland Annual Total Forecast - Most probable: (2030/2025)^(1/5)-1")

a, b = mval(rm, "Italy", 2028, scen="high"), mval(rm, "Italy", 2028, scen="low")
add(R, "market", "How wide is the forecast band for Italy in 2028, i.e. high minus low scenario annual additions?",
    "change", [E(a - b, MW)], [], "Italy 2028 Annual Total: Forecast - High - Forecast - Low")

v = mval(rm, "France", 2027, conn="Distributed", scen="mp")
add(R, "market", "I'm modelling French rooftop uptake. Projected distributed PV additions in France for 2027 (most probable)?",
    "lookup", [E(v, MW)], [], "France 2027 Forecast - Most probable, Distributed, Annual")

# ---- follow-up chains (real market)
v = mval(rm, "India", 2024)
add(R, "market", ["For the Indian series: how much PV did India add in 2022?", "and in 2024?"],
    "follow_up", [E(v, MW)], [], "India 2024 Annual Total Historical Primary")

v = mval(rm, "Italy", 2022, "Cumulative")
add(R, "market", ["What was Spain's cumulative installed capacity at the end of 2022?", "And Italy's?"],
    "follow_up", [E(v, MW)], [], "Italy 2022 Cumulative Total Historical Primary")

v = mval(rm, "Germany", 2030, scen="high")
add(R, "market", ["German PV additions in 2030, most probable scenario?", "same for the high scenario"],
    "follow_up", [E(v, MW)], [], "Germany 2030 Forecast - High, Total, Annual")

top = rank_countries(rm, 2022, n=3)
add(R, "market", ["Top 3 countries by PV additions in 2023?", "what about 2022?"],
    "follow_up", [E(val, MW) for _, val in top], [t for t, _ in top],
    "2022 Annual Total Historical Primary, countries only, top 3")

a, w = mval(rm, "China", 2016), mval(rm, "World", 2016)
add(R, "market", ["China's share of world PV additions in 2023?", "And in 2016?"],
    "follow_up", [E(a / w * 100, "%")], [], "China 2016 Annual Total / World 2016 Annual Total x100")

s = full(mseries(rm, "Brazil", y0=2018, y1=2024), 2018, 2024)
add(R, "market", ["Brazil's annual PV additions for each year 2018-2024, please.", "as a chart"],
    "follow_up", [E(x, MW) for x in s.values], ["Brazil"], "Brazil Annual Total Historical Primary 2018..2024, plotted")

a, b = mval(rm, "India", 2015, "Cumulative"), mval(rm, "India", 2024, "Cumulative")
add(R, "market", ["CAGR of the US installed base between 2015 and 2024?", "and for India?"],
    "follow_up", [E(cagr(a, b, 9), "%")], [], "India Cumulative Total: (2024/2015)^(1/9)-1")

a, b = mval(rm, "Mexico", 2024), mval(rm, "Chile", 2024)
add(R, "market", ["Latin America check: how much did Brazil install in 2024?", "What about Mexico?", "and Chile — and what's the Mexico/Chile ratio?"],
    "follow_up", [E(b, MW), E(a / b, "x")], [], "Chile 2024 Annual Total; ratio Mexico 2024 / Chile 2024 Annual Total")

# ---- unanswerable (real market)
U = "unanswerable"
add(R, "market", "How much onshore wind did Germany add in 2023? I want to compare its diffusion path with PV.",
    U, answerable=False, why="wind capacity is not in the data (PV only)", how="n/a")
add(R, "market", "I need output, not capacity, to compute yields. What was Spain's solar PV electricity generation in 2023, in GWh?",
    U, answerable=False, why="generation (GWh) is not held; only capacity in MW", how="n/a")
add(R, "market", "Learning curves are usually reported on LCOE too. What's the LCOE of utility-scale PV in India for 2024?",
    U, answerable=False, why="LCOE is not in the data", how="n/a")
add(R, "market", "Most probable forecast for US annual PV additions in 2027?",
    U, answerable=False, why="the real CSV has forecasts only for European territories; none for the USA", how="n/a")
add(R, "market", "What will Germany's cumulative installed base be in 2030 under the most probable scenario?",
    U, answerable=False, why="forecast Cumulative values in the real CSV exclude the installed base (running sum of forecast additions only), so no valid forecast cumulative figure",
    how="n/a")
add(R, "market", "Sub-Saharan Africa is thin in most datasets. How many MW of PV did Nigeria install in 2023?",
    U, answerable=False, why="Nigeria is not a territory in the data", how="n/a")
add(R, "market", "For the pre-EEG baseline: German PV additions in 1990?",
    U, answerable=False, why="the data start in 1992", how="n/a")
add(R, "market", "How many people were employed in the Australian solar PV sector in 2023?",
    U, answerable=False, why="employment / jobs are not in the data", how="n/a")
add(R, "market", "Italy's battery storage installations in 2024, in MWh?",
    U, answerable=False, why="storage is not in the data", how="n/a")
add(R, "market", "Market value in EUR of the French PV market in 2023?",
    U, answerable=False, why="monetary market value is not held; only MW", how="n/a")
add(R, "market", "What feed-in tariff applied to small rooftop PV in Germany in 2012 (ct/kWh)?",
    U, answerable=False, why="tariffs / support levels are not in the data", how="n/a")
add(R, "market", "How much concentrated solar power (CSP / solar thermal) capacity did Spain have at end-2020?",
    U, answerable=False, why="solar thermal / CSP is not in the data (PV only)", how="n/a")

# ======================================================================================
# REAL prices
# ======================================================================================
UWP = "US$/Wp"
x = pser(rp, "Module", "n-type TOPCon", "EU")
d, v = p_latest(x)
add(R, "price", "latest spot price for n-type TOPCon modules in the EU, in US$/Wp?",
    "price", [E(v, UWP)], [], f"parquet: Module / n-type TOPCon / EU, newest date {d.date()}")

x = pser(rp, "Module", "n-type TOPCon", "US")
d, v = p_latest(x)
add(R, "price", ["What's the most recent n-type TOPCon module price in the EU?", "and in the US?"],
    "follow_up", [E(v, UWP)], [], f"parquet: Module / n-type TOPCon / US, newest date {d.date()}")

x = pser(rp, "Module", "n-type TOPCon", "China")
(d0, v0), (d1, v1) = p_first(x), p_latest(x)
add(R, "price", "For the learning-rate estimate: by how many percent did Chinese n-type TOPCon module prices fall from the first observation in the series to the latest one?",
    "price", [E(pct(v0, v1), "%"), E(v0, UWP), E(v1, UWP)], [],
    f"Module / n-type TOPCon / China: first {d0.date()} -> latest {d1.date()}, % change")

x = pser(rp, "Module", "p-type mono-Si PERC M10", "EU")
v, ds = p_ext(x, "min")
add(R, "price", "PERC is being phased out, so I want its floor. Lowest observed price for p-type mono-Si PERC M10 modules in the EU?",
    "price", [E(v, UWP)], one_year(ds), "Module / p-type mono-Si PERC M10 / EU, min over whole series")

x = pser(rp, "Polysilicon", "High purity - 9N/9N+", "Overseas")
v, ds = p_ext(x, "max")
add(R, "price", "What was the peak price of high-purity (9N/9N+) polysilicon, overseas region, and when?",
    "price", [E(v, "US$/kg")], one_month_name(ds) or one_year(ds),
    "Polysilicon / High purity - 9N/9N+ / Overseas, max over whole series (all sources)")

vmin, dsmin = p_ext(x, "min")
add(R, "price", ["What was the peak price of 9N/9N+ polysilicon in the overseas series?", "and the trough?"],
    "follow_up", [E(vmin, "US$/kg")], one_year(dsmin),
    "Polysilicon / High purity - 9N/9N+ / Overseas, min over whole series")

hjt = {r: p_on(pser(rp, "Module", "n-type HJT", r), "2025-02-05") for r in ["China", "EU", "US", "Overseas"]}
order = sorted(hjt.items(), key=lambda t: t[1])
add(R, "price", "On 5 Feb 2025, rank n-type HJT module prices across China, EU, US and Overseas from cheapest to most expensive.",
    "price", [E(val, UWP) for _, val in order], [r for r, _ in order],
    "Module / n-type HJT, each region, observation dated 2025-02-05, sorted ascending")

xt, xh = pser(rp, "Module", "n-type TOPCon", "China"), pser(rp, "Module", "n-type HJT", "China")
(dt, vt), (dh, vh) = p_latest(xt), p_latest(xh)
assert dt == dh
add(R, "price", "What's the current HJT premium over TOPCon for modules in China, i.e. latest HJT price minus latest TOPCon price?",
    "price", [E(vh - vt, UWP), E(vh, UWP), E(vt, UWP)], [], f"Module China, latest ({dt.date()}): n-type HJT - n-type TOPCon")

x = pser(rp, "Aluminium", "Aluminium", "Overseas")
v = p_month(x, "2024-03")
add(R, "price", ["Copper in March 2024?", "and aluminium, same month?"],
    "follow_up", [E(v, "US$/t")], [], "Aluminium / Overseas, monthly obs dated 2024-03")

x = pser(rp, "Copper", "Copper", "Overseas")
y = x[x.date.dt.year == 2024]
assert len(y) == 12
add(R, "price", "For the BOS cost index I need metals. Average monthly copper price over calendar 2024?",
    "price", [E(y.base_price.mean(), "US$/t")], [], "mean of 12 monthly Copper obs in 2024")

x = pser(rp, "EVA", "EVA", "Overseas")
vmax, dmax = p_ext(x, "max")
d1, v1 = p_latest(x)
add(R, "price", "EVA encapsulant: how far has the price fallen from its peak to the latest reading, in %?",
    "price", [E(pct(vmax, v1), "%"), E(vmax, "US$/t"), E(v1, "US$/t")], [],
    f"EVA / Overseas: max {vmax} -> latest ({d1.date()}), % change")

x = pser(rp, "Silver", "Silver", "Overseas", unit="K US$/t")
v = p_month(x, "2024-06")
add(R, "price", "Silver paste is a big cost driver for TOPCon. What was the silver price in June 2024?",
    "price", [E(v, "K US$/t")], [], "Silver / Overseas, unit K US$/t, obs dated 2024-06")

x = pser(rp, "Wafer", "p-type mono-Si M10", "China")
d, v = p_latest(x)
add(R, "price", "Latest price of p-type mono-Si M10 wafers in China (US$ per piece)?",
    "price", [E(v, "US$/pce")], [], f"Wafer / p-type mono-Si M10 / China, newest date {d.date()}")

x = pser(rp, "Cell", "p-type mono-Si PERC", "China")
v0, v1 = p_on(x, "2019-01-02"), p_on(x, "2025-03-26")
add(R, "price", "p-type mono PERC cells, China: % change in price between 2 January 2019 and 26 March 2025?",
    "price", [E(pct(v0, v1), "%")], [], "Cell / p-type mono-Si PERC / China, obs 2019-01-02 vs 2025-03-26")

x = pser(rp, "Module", "CdTe", "Overseas")
vmin, _ = p_ext(x, "min")
vmax, _ = p_ext(x, "max")
add(R, "price", "Thin film tends to be priced off long-term contracts, so I expect less volatility. Range of CdTe module prices in the data: lowest and highest observed?",
    "price", [E(vmin, UWP), E(vmax, UWP)], [], "Module / CdTe / Overseas, min and max over whole series")

x = pser(rp, "PV glass", "Glass 3,2mm", "China")
d, v = p_latest(x)
add(R, "price", "most recent 3.2 mm PV glass price in China?",
    "price", [E(v, "US$/m²")], [], f"PV glass / Glass 3,2mm / China, newest date {d.date()}")

# unanswerable (real prices)
add(R, "price", "India's ALMM list distorts domestic prices. Latest n-type TOPCon module price in India?",
    U, answerable=False, why="no n-type TOPCon module series for India (India only has older p-type series)", how="n/a")
add(R, "price", "What's the current price of string inverters in Europe, in US$/W?",
    U, answerable=False, why="inverters are not a price item in the data", how="n/a")
add(R, "price", "Module prices in Brazil in 2024?",
    U, answerable=False, why="Brazil is not a price region", how="n/a")
add(R, "price", "Decomposing the learning rate by component: what share of the module price is polysilicon right now?",
    U, answerable=False, why="a cost-share of a price is not held and cannot be derived from unit-incompatible series (US$/kg vs US$/Wp)", how="n/a")
add(R, "price", "For a longer learning curve I need c-Si module prices in 2012. What were they?",
    U, answerable=False, why="price series start in 2019", how="n/a")
add(R, "price", "lithium carbonate price trend over 2023?",
    U, answerable=False, why="lithium is not a price item in the data", how="n/a")

# ======================================================================================
# SAMPLE market
# ======================================================================================
v = mval(sm, "Poland", 2022)
add(S, "market", "Polands annual PV additons in 2022, MW?",
    "lookup", [E(v, MW)], [], "sample market: Poland, 2022, Historical Primary, Total, Annual")

v = mval(sm, "France", 2024, "Cumulative")
add(S, "market", "France's cumulative capacity at end of 2024?",
    "lookup", [E(v, MW)], [], "sample market: France, 2024, Historical Primary, Total, Cumulative")

v = mval(sm, "Spain", 2030, "Cumulative", scen="mp")
add(S, "market", "For the 2030 NECP comparison: Spain's installed base in 2030 under the most probable scenario?",
    "lookup", [E(v, MW)], [], "sample market: Spain, 2030, Forecast - Most probable, Total, Cumulative")

cs = ["Italy", "Germany", "Spain", "France", "Netherlands", "Poland"]
vals = sorted([(c, mval(sm, c, 2024)) for c in cs], key=lambda t: -t[1])
add(S, "market", "Rank the countries in the dataset by 2024 annual additions, largest first.",
    "rank", [E(val, MW) for _, val in vals], [c for c, _ in vals], "sample market: 6 countries (World excluded), 2024 Annual Total, sorted")

_all = sorted([(c, mval(sm, c, 2030, scen="high")) for c in cs], key=lambda t: -t[1])
assert _all[2][1] != _all[3][1]
vals = _all[:3]
add(S, "market", "Upper bound for my scenario analysis: top 3 countries for 2030 annual additions in the high scenario?",
    "rank", [E(val, MW) for _, val in vals], [c for c, _ in vals], "sample market: 2030 Forecast - High Annual Total, countries only, top 3")

a, w = mval(sm, "Germany", 2023), mval(sm, "World", 2023)
add(S, "market", "Germany's share of world PV additions in 2023?",
    "share", [E(a / w * 100, "%")], [], "sample: Germany 2023 Annual Total / World 2023 Annual Total x100")

d_, t_ = mval(sm, "Italy", 2024, conn="Distributed"), mval(sm, "Italy", 2024)
add(S, "market", "Italian superbonus effects are my interest. What % of Italy's 2024 installations were distributed?",
    "share", [E(d_ / t_ * 100, "%")], [], "sample: Italy 2024 Annual Distributed / Total x100")

a, b = mval(sm, "Netherlands", 2015, "Cumulative"), mval(sm, "Netherlands", 2024, "Cumulative")
add(S, "market", "CAGR of Dutch cumulative PV capacity, 2015 to 2024?",
    "change", [E(cagr(a, b, 9), "%")], [], "sample: Netherlands Cumulative Total (2024/2015)^(1/9)-1")

a, b = mval(sm, "Spain", 2018), mval(sm, "Spain", 2019)
add(S, "market", "Spain's 2019 jump after the auctions: % change in annual additions from 2018 to 2019?",
    "change", [E(pct(a, b), "%")], [], "sample: Spain Annual Total (2019-2018)/2018 x100")

s = full(mseries(sm, "Poland", y0=2015, y1=2024), 2015, 2024)
add(S, "market", "In which year between 2015 and 2024 did Polish annual additions peak?",
    "extreme", [E(s.max(), MW)], [str(int(s.idxmax()))], "sample: Poland Annual Total Historical Primary 2015-2024, argmax")

s = full(mseries(sm, "Netherlands", y0=2015, y1=2024), 2015, 2024)
add(S, "market", "lowest year for Dutch PV additions over 2015-2024?",
    "extreme", [E(s.min(), MW)], [str(int(s.idxmin()))], "sample: Netherlands Annual Total Historical Primary 2015-2024, argmin")

s = full(mseries(sm, "France", scen="low", y0=2025, y1=2030), 2025, 2030)
add(S, "market", "Pessimistic case for France. Average annual additions in France over 2025-2030, low scenario?",
    "average", [E(s.mean(), MW)], [], "sample: mean France Annual Total Forecast - Low 2025..2030")

s = full(mseries(sm, "Germany", y0=2020, y1=2024), 2020, 2024)
add(S, "market", "Sum of German anual additions 2020-2024, in MW?",
    "sum", [E(s.sum(), MW)], [], "sample: sum Germany Annual Total 2020..2024")

a, b = mval(sm, "Spain", 2030, scen="high"), mval(sm, "Italy", 2030, scen="high")
add(S, "market", "ratio of Spanish to Italian 2030 additions in the high scenario?",
    "compare", [E(a / b, "x"), E(a, MW), E(b, MW)], [], "sample: Spain 2030 High Annual Total / Italy 2030 High Annual Total")

o_, t_ = mval(sm, "Spain", 2024, conn="Off-grid"), mval(sm, "Spain", 2024)
add(S, "market", "Off-grid is negligible in Europe, I assume, but I'd like the number. Off-grid share of Spain's 2024 market?",
    "share", [E(o_ / t_ * 100, "%")], [], "sample: Spain 2024 Annual Off-grid / Total x100")

a, b = mval(sm, "World", 2024), mval(sm, "World", 2030, scen="mp")
add(S, "market", "Ceteris paribus, what's the implied CAGR of global annual additions from 2024 (actual) to 2030 (most probable)?",
    "change", [E(cagr(a, b, 6), "%")], [], "sample: World Annual Total 2024 Historical -> 2030 Forecast - Most probable, 6 years")

vals = [(c, mval(sm, c, 2024, "Cumulative")) for c in ["Germany", "France", "Poland"]]
add(S, "market", "Compare the installed bases of Germany, France and Poland at end-2024.",
    "compare", [E(val, MW) for _, val in vals], [max(vals, key=lambda t: t[1])[0]], "sample: 2024 Cumulative Total for each")

s = full(mseries(sm, "Spain"), 2015, 2024)
yr = int(s[s > 5000].index.min())
add(S, "market", "When did Spain's annual market first exceed 5 GW?",
    "first_latest", [E(s.loc[yr], MW)], [str(yr)], "sample: Spain Annual Total Historical Primary, first year > 5,000 MW (reached before forecasts start)")

yl = last_hist_year(sm, "Poland")
v = mval(sm, "Poland", yl, "Cumulative")
add(S, "market", "What's the latest year of actuals (not forecast) for Poland, and the Polish installed base in that year?",
    "first_latest", [E(v, MW)], [str(yl)], "sample: Poland last Historical Primary year, Cumulative Total")

s = full(mseries(sm, "Italy", y0=2015, y1=2024), 2015, 2024)
add(S, "market", "Italy went through a long post-Conto-Energia lull. Average yearly Italian additions over 2015-2024?",
    "average", [E(s.mean(), MW)], [], "sample: mean Italy Annual Total 2015..2024 (10 values)")

s = full(mseries(sm, "Germany", "Cumulative", y0=2015, y1=2024), 2015, 2024)
add(S, "market", ["German cumulative capacity for every year 2015-2024?", "plot that as a line chart pls"],
    "follow_up", [E(x, MW) for x in s.values], ["Germany"], "sample: Germany Cumulative Total Historical Primary 2015..2024, plotted")

# follow-ups (sample market)
v = mval(sm, "Germany", 2023)
add(S, "market", ["How much did Germnay install in 2021?", "what about 2023?"],
    "follow_up", [E(v, MW)], [], "sample: Germany 2023 Annual Total")

v = mval(sm, "Netherlands", 2024, "Cumulative")
add(S, "market", ["France's cumulative capacity at end-2024?", "and the Netherlands?"],
    "follow_up", [E(v, MW)], [], "sample: Netherlands 2024 Cumulative Total")

v = mval(sm, "Italy", 2027, scen="low")
add(S, "market", ["Italy's annual additions in 2027, most probable?", "and in the low scenario?"],
    "follow_up", [E(v, MW)], [], "sample: Italy 2027 Forecast - Low Annual Total")

_all = sorted([(c, mval(sm, c, 2020)) for c in cs], key=lambda t: -t[1])
assert _all[2][1] != _all[3][1]
vals = _all[:3]
add(S, "market", ["Top 3 countries by additions in 2024?", "same for 2020"],
    "follow_up", [E(val, MW) for _, val in vals], [c for c, _ in vals], "sample: 2020 Annual Total, countries only, top 3")

a, w = mval(sm, "Spain", 2024, "Cumulative"), mval(sm, "World", 2024, "Cumulative")
add(S, "market", ["Spain's share of world cumulative capacity in 2024?", "and Poland's?", "ok, back to Spain but for 2024 annual additions instead"],
    "follow_up", [E(mval(sm, "Spain", 2024) / mval(sm, "World", 2024) * 100, "%")], [],
    "sample: Spain 2024 Annual Total / World 2024 Annual Total x100")

# unanswerable (sample market)
add(S, "market", "I want the IRA effect as a comparator. How much PV did the USA install in 2023?",
    U, answerable=False, why="the sample instance has only Italy, Germany, Spain, France, Netherlands, Poland and World", how="n/a")
add(S, "market", "Japanese installations in 2019?",
    U, answerable=False, why="Japan is not in the sample data", how="n/a")
add(S, "market", "Germany's annual additions in 2012, the end of the FiT boom?",
    U, answerable=False, why="sample data start in 2015", how="n/a")
add(S, "market", "Italy's most probable annual additions for 2033?",
    U, answerable=False, why="forecasts end in 2030", how="n/a")
add(S, "market", "Spain's wind installations in 2024? Comparing the two technologies' diffusion.",
    U, answerable=False, why="wind is not in the data", how="n/a")

# ======================================================================================
# SAMPLE prices
# ======================================================================================
x = pser(sp, "Module", "n-type HJT", "India")
d, v = p_latest(x)
add(S, "price", "Latest n-type HJT module price in India?",
    "price", [E(v, UWP)], [], f"sample prices: Module / n-type HJT / India, newest date {d.date()}")

x = pser(sp, "Module", "n-type TOPCon", "US")
v = p_month(x, "2024-03")
add(S, "price", "US prices are sheltered by tariffs, which is my point. US n-type TOPCon module price in March 2024?",
    "price", [E(v, UWP)], [], "sample prices: Module / n-type TOPCon / US, obs 2024-03")

x = pser(sp, "Module", "p-type mono-Si PERC M10", "China")
v, ds = p_ext(x, "min")
add(S, "price", "Lowest price for p-type PERC M10 modules in China over the series, and when?",
    "price", [E(v, UWP)], one_month_name(ds), "sample prices: Module / p-type mono-Si PERC M10 / China, min")

x = pser(sp, "Polysilicon", "High purity - 9N/9N+", "EU")
v, ds = p_ext(x, "max")
add(S, "price", "highest EU polysilicon (9N/9N+) price observed?",
    "price", [E(v, "US$/kg")], one_month_name(ds), "sample prices: Polysilicon / High purity - 9N/9N+ / EU, max")

x = pser(sp, "Wafer", "n-type mono-Si M10", "China")
v0, v1 = p_month(x, "2023-01"), p_month(x, "2024-12")
add(S, "price", "The wafer overcapacity story: decline in Chinese n-type M10 wafer prices from Jan 2023 to Dec 2024, in %?",
    "price", [E(pct(v0, v1), "%")], [], "sample prices: Wafer / n-type mono-Si M10 / China, 2023-01 vs 2024-12")

reg = {r: p_month(pser(sp, "Module", "n-type TOPCon", r), "2024-12") for r in ["China", "EU", "India", "US"]}
cheap = min(reg.items(), key=lambda t: t[1])
add(S, "price", "Which region had the cheapest n-type TOPCon modules in December 2024, and at what price?",
    "price", [E(cheap[1], UWP)], [cheap[0]], "sample prices: Module / n-type TOPCon, 2024-12, min over regions")

x = pser(sp, "Cell", "p-type mono-Si PERC M10", "EU")
y = x[x.date.dt.year == 2024]
assert len(y) == 12
add(S, "price", "Average EU price for p-type PERC M10 cells during 2024?",
    "price", [E(y.base_price.mean(), UWP)], [], "sample prices: mean of 12 monthly obs 2024, Cell / p-type mono-Si PERC M10 / EU")

xt, xp = pser(sp, "Cell", "n-type TOPCon M10", "China"), pser(sp, "Cell", "p-type mono-Si PERC M10", "China")
(dt, vt), (dp, vp) = p_latest(xt), p_latest(xp)
assert dt == dp
add(S, "price", "The technology premium should shrink as TOPCon scales. Latest TOPCon-vs-PERC cell price gap in China (TOPCon minus PERC)?",
    "price", [E(vt - vp, UWP)], [], f"sample prices: Cell China latest ({dt.date()}) n-type TOPCon M10 - p-type mono-Si PERC M10")

x = pser(sp, "PV glass", "Glass 3,2mm", "EU")
v = p_month(x, "2024-06")
add(S, "price", ["3.2mm PV glass price in China in June 2024?", "and in the EU?"],
    "follow_up", [E(v, "US$/m²")], [], "sample prices: PV glass / Glass 3,2mm / EU, 2024-06")

reg = {r: p_latest(pser(sp, "Module", "n-type HJT", r))[1] for r in ["China", "EU", "India", "US"]}
order = sorted(reg.items(), key=lambda t: t[1])
add(S, "price", "rank regions by latest HJT module price, cheapest first.",
    "price", [E(val, UWP) for _, val in order], [r for r, _ in order], "sample prices: Module / n-type HJT latest per region, ascending")

x = pser(sp, "Polysilicon", "High purity - 9N/9N+", "China")
v0, v1 = p_month(x, "2023-01"), p_month(x, "2024-01")
add(S, "price", ["Chinese polysilicon price change Jan 2023 → Jan 2024, %?", "and from Jan 2024 to Dec 2024?"],
    "follow_up", [E(pct(v1, p_month(x, "2024-12")), "%")], [],
    "sample prices: Polysilicon / High purity - 9N/9N+ / China, 2024-01 vs 2024-12")

# unanswerable (sample prices)
add(S, "price", "Silver thrifting matters for my cell cost model. What was the silver price in December 2024?",
    U, answerable=False, why="silver (raw materials) is not in the sample prices", how="n/a")
add(S, "price", "CdTe module prices in the US, latest?",
    U, answerable=False, why="no CdTe series in the sample prices", how="n/a")
add(S, "price", "PERC module price in China in June 2022?",
    U, answerable=False, why="sample price series start in January 2023", how="n/a")
add(S, "price", "TOPCon module prices in Australia, latest month?",
    U, answerable=False, why="Australia is not a region in the sample prices", how="n/a")

# ======================================================================================
# financials (sample file, loaded on both instances)
# ======================================================================================
USDM = "USD million"
v, u = fval(HEL, "FY2023", "Revenue")
add(S, "manufacturer_financial", "Helios Modules' revenue for FY2023?",
    "financial", [E(v, u)], [], "financials: Helios Modules Ltd (sample), FY2023, Revenue")

v, u = fval(AUR, "2024-Q3", "Gross margin")
add(R, "manufacturer_financial", "I'm relating price declines to manufacturer profitability. Aurora PV Group gross margin in Q3 2024?",
    "financial", [E(v, u)], [], "financials: Aurora PV Group (sample), 2024-Q3, Gross margin")

v, u = fval(NOR, "FY2023", "Net income")
add(S, "manufacturer_financial", ["Nordlicht Solar's net income for FY2024?", "and FY2023?"],
    "follow_up", [E(v, u)], [], "financials: Nordlicht Solar AG (sample), FY2023, Net income")

vals = sorted([(c, fval(c, "FY2024", "Module shipments")[0]) for c in COMPANIES], key=lambda t: -t[1])
add(R, "manufacturer_financial", "Rank the manufacturers by FY2024 module shipments (GW).",
    "financial", [E(val, "GW") for _, val in vals], [c.split(" (")[0].split()[0] for c, _ in vals],
    "financials: FY2024 Module shipments, all 4 companies, descending")

a, b = fval(SUN, "FY2023", "Revenue")[0], fval(SUN, "FY2024", "Revenue")[0]
add(S, "manufacturer_financial", "SunForge Energy: % change in revenue FY2023 to FY2024?",
    "financial", [E(pct(a, b), "%")], [], "financials: SunForge Energy (sample) Revenue (FY2024-FY2023)/FY2023 x100")

v, u = fval(HEL, "2024-Q4", "Production capacity")
add(S, "manufacturer_financial", "Helios's production capcity at Q4 2024, in GW?",
    "financial", [E(v, u)], [], "financials: Helios Modules Ltd (sample), 2024-Q4, Production capacity")

gm = sorted([(c, fval(c, "FY2024", "Gross margin")[0]) for c in COMPANIES], key=lambda t: -t[1])
assert gm[0][1] != gm[1][1]
add(S, "manufacturer_financial", "Margins collapsed across the board in 2024. Which manufacturer had the highest gross margin in FY2024?",
    "financial", [E(gm[0][1], "%")], [gm[0][0].split()[0]], "financials: FY2024 Gross margin, max over 4 companies")

ni, _ = fval(HEL, "FY2024", "Net income")
rv, _ = fval(HEL, "FY2024", "Revenue")
add(S, "manufacturer_financial", "Helios FY2024 net margin, i.e. net income over revenue?",
    "financial", [E(ni / rv * 100, "%")], [], "financials: Helios FY2024 Net income / Revenue x100")

q = [fval(AUR, f"2024-Q{i}", "Module shipments")[0] for i in range(1, 5)]
add(S, "manufacturer_financial", "Aurora PV's quarterly module shipments in 2024 — sum of Q1 to Q4?",
    "financial", [E(sum(q), "GW")], [], "financials: Aurora PV Group (sample) Module shipments 2024-Q1..Q4 summed")

v, u = fval(SUN, "2024-Q2", "Net income")
add(R, "manufacturer_financial", ["SunForge net income Q1 2024?", "what about Q2?"],
    "follow_up", [E(v, u)], [], "financials: SunForge Energy (sample), 2024-Q2, Net income")

add(R, "manufacturer_financial", "For the industry-concentration section: LONGi's revenue for FY2023?",
    U, answerable=False, why="LONGi is not among the companies in the financials", how="n/a")
add(S, "manufacturer_financial", "R&D intensity drives learning-by-searching. What was Helios Modules' R&D expenditure in FY2024?",
    U, answerable=False, why="R&D spend is not a metric in the financials", how="n/a")
add(R, "manufacturer_financial", "Nordlicht Solar's revenue in FY2021?",
    U, answerable=False, why="financials cover 2023-Q1..FY2024 only", how="n/a")

# ======================================================================================
# write + self-check
# ======================================================================================
out = HERE / "questions.jsonl"
with out.open("w", encoding="utf-8") as fh:
    for it in ITEMS:
        for e in it["expect"]:
            assert math.isfinite(e["value"]), it["id"]
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(not it["answerable"] for it in ITEMS)
assert n_un >= 28, n_un
chains = [it for it in ITEMS if len(it["turns"]) >= 2]
assert len(chains) >= 12, len(chains)
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
    else:
        assert it["why"], it["id"]
        assert it["kind"] == "unanswerable", it["id"]
n_fin = sum(it["agent"] == "manufacturer_financial" for it in ITEMS)
assert 10 <= n_fin <= 15, n_fin

import re as _re
n_ctx = sum(bool(_re.search(r"[.:?!]\s+\S", it["turns"][0].strip())) for it in ITEMS)
print(f"items: {len(ITEMS)}  unanswerable: {n_un}  follow-up chains (>=2 turns): {len(chains)}  "
      f"first turn with a context sentence: {n_ctx}")
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("by kind:", dict(sorted(Counter(it["kind"] for it in ITEMS).items())))
print("kind x data:")
kd = Counter((it["kind"], it["data"]) for it in ITEMS)
for k in sorted({k for k, _ in kd}):
    print(f"  {k:14s} real={kd[(k, 'real')]:3d} sample={kd[(k, 'sample')]:3d}")
print(f"wrote {out}")
