"""statclerk: held-out questions for the solar-PV market-intelligence assistant.

Every expected figure is computed from the data files below; none is typed by hand.
Run: python3 compute.py  ->  writes questions.jsonl next to this file and prints a self-check.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "statclerk"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]

# ---------------------------------------------------------------- load
rm = pd.read_csv(REAL_MARKET)
# exact duplicates, and rows repeated with only the metadata columns blank: count once
rm = rm.drop_duplicates(KEY + ["Capacity(MW)"])
assert not rm.duplicated(KEY).any(), "conflicting values for one key"
sm = pd.read_csv(S_MARKET)
assert not sm.duplicated(KEY).any()

rp = pd.read_parquet(REAL_PRICES).drop_duplicates()
rp["date"] = pd.to_datetime(rp["date"])
sp = pd.read_csv(S_PRICES)
sp["date"] = pd.to_datetime(sp["date"])
fin = pd.read_csv(S_FIN)

# aggregates in the real file (never counted as countries)
REAL_AGG = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
SAMPLE_AGG = {"World"}

SCEN = {None: None, "high": "Forecast - High", "low": "Forecast - Low",
        "most probable": "Forecast - Most probable", "mp": "Forecast - Most probable"}


def scen_for(df, terr, year, scen=None):
    if scen is not None:
        return SCEN[scen]
    last_hist = df[(df.Territory == terr) & (df.Scenario == "Historical Primary")].Year.max()
    return "Historical Primary" if year <= last_hist else "Forecast - Most probable"


def mv(df, terr, year, typ="Annual", conn="Total", scen=None):
    s = scen_for(df, terr, year, scen)
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (terr, year, typ, conn, s, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def series(df, terr, years, typ="Annual", conn="Total", scen=None):
    return [mv(df, terr, y, typ, conn, scen) for y in years]


def ranking(df, agg, year, typ="Annual", conn="Total", scen=None, n=5, ascending=False):
    s = "Historical Primary" if scen is None and year <= 2024 else (SCEN[scen] if scen else "Forecast - Most probable")
    r = df[(df.Year == year) & (df.Scenario == s) & (df.Connection == conn) & (df.Type == typ)
           & (~df.Territory.isin(agg))]
    r = r.sort_values("Capacity(MW)", ascending=ascending)
    top = r.head(n + 1)
    # guard against a tie at the cut-off
    if len(top) > n:
        assert top["Capacity(MW)"].iloc[n - 1] != top["Capacity(MW)"].iloc[n], "tie at cut-off"
    top = top.head(n)
    return list(top.Territory), [float(v) for v in top["Capacity(MW)"]]


def pick(df, col, ascending):
    """Row with the min (ascending) or max value of col; asserts it is unique (no tie)."""
    d = df.sort_values(col, ascending=ascending)
    assert len(d) == 1 or d[col].iloc[0] != d[col].iloc[1], ("tie for extreme", col)
    return d.iloc[0]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def price_series(df, item, desc, region, unit=None):
    r = df[(df["item"] == item) & (df["description"] == desc) & (df["region"] == region)]
    if unit is not None:
        r = r[r["unit"] == unit]
    assert len(r) > 0, (item, desc, region)
    assert r["unit"].nunique() == 1, (item, desc, region, r["unit"].unique())
    assert not r["date"].duplicated().any(), ("several observations on one date", item, desc, region)
    return r.sort_values("date")


def p_latest(df, item, desc, region, unit=None):
    r = price_series(df, item, desc, region, unit)
    return r.iloc[-1]


def p_on(df, item, desc, region, date, unit=None):
    r = price_series(df, item, desc, region, unit)
    x = r[r["date"] == pd.Timestamp(date)]
    assert len(x) == 1, (item, desc, region, date)
    return float(x["base_price"].iloc[0])


def p_month(df, item, desc, region, ym, unit=None):
    r = price_series(df, item, desc, region, unit)
    x = r[r["date"].dt.strftime("%Y-%m") == ym]
    assert len(x) == 1, (item, desc, region, ym, len(x))
    return float(x["base_price"].iloc[0])


def p_window(df, item, desc, region, start=None, end=None, unit=None):
    r = price_series(df, item, desc, region, unit)
    if start:
        r = r[r["date"] >= pd.Timestamp(start)]
    if end:
        r = r[r["date"] <= pd.Timestamp(end)]
    assert len(r) > 0
    return r


def fv(company, period, metric):
    r = fin[(fin.company == company) & (fin.period == period) & (fin.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r["value"].iloc[0]), r["unit"].iloc[0]


def d2s(ts):
    ts = pd.Timestamp(ts)
    return f"{ts.day} {ts.strftime('%B %Y')}"


# ---------------------------------------------------------------- items
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
        "expect": [{"value": float(v), "unit": u} for v, u in (expect or [])],
        "names": names or [],
        "how": how,
    }
    if not answerable:
        it["why"] = why
        it["expect"] = []
        it["names"] = []
    ITEMS.append(it)


MW = "MW"
R, S = "real", "sample"

# ================================================================= REAL: market
# ---- lookups
v = mv(rm, "Poland", 2024)
add(R, "market", "For the bulletin I need Poland's new PV capacity in 2024: the annual addition, all segments together, in MW DC.",
    "lookup", [(v, MW)], how="real CSV: Poland 2024 Historical Primary Total Annual")

v = mv(rm, "Japan", 2024, "Cumulative")
add(R, "market", "Cross-checking a METI-based figure we were sent. Japan cumulative installed PV capacity at end-2024, MW (DC)?",
    "lookup", [(v, MW)], how="real CSV: Japan 2024 Historical Primary Total Cumulative")

v = mv(rm, "China", 2023)
add(R, "market", "A trade body told us China added roughly 235 GW of solar in 2023. Is that right? I need the figure your database holds for annual additions that year (primary historical series).",
    "lookup", [(v, MW)], how="real CSV: China 2023 Historical Primary Total Annual (the 234,969 MW figure is the Historical Secondary row)")

v = mv(rm, "India", 2022, conn="Centralised")
add(R, "market", "Our Indian figure in the draft is for the utility-scale segment. Centralised only, please: how many MW did India install in 2022?",
    "lookup", [(v, MW)], how="real CSV: India 2022 Historical Primary Centralised Annual")

v = mv(rm, "Australia", 2024, conn="Off-grid")
add(R, "market", "Small footnote item. How much off-grid PV did Australia install in 2024? Annual figure, not the stock.",
    "lookup", [(v, MW)], how="real CSV: Australia 2024 Historical Primary Off-grid Annual")

v = mv(rm, "Germany", 2027, scen="low")
add(R, "market", "germany 2027 annual additions under the LOW forecast scenario - number in MW pls",
    "lookup", [(v, MW)], how="real CSV: Germany 2027 Forecast - Low Total Annual")

# ---- rankings (countries only)
names, vals = ranking(rm, REAL_AGG, 2024, n=5)
add(R, "market", "Which five countries added the most PV capacity in 2024? Countries only, please — leave out World, EU and the regional aggregates. Give the MW for each.",
    "rank", [(x, MW) for x in vals], names, how="real CSV: 2024 Historical Primary Total Annual, non-aggregate territories, top 5")

names, vals = ranking(rm, REAL_AGG, 2015, typ="Cumulative", n=3)
add(R, "market", "Looking back for a ten-year retrospective box: top 3 countries by installed base at the end of 2015?",
    "rank", [(x, MW) for x in vals], names, how="real CSV: 2015 Historical Primary Total Cumulative, non-aggregate territories, top 3")

sub = ["Spain", "Italy", "France", "Germany"]
vals = {c: mv(rm, c, 2024, "Cumulative") for c in sub}
order = sorted(sub, key=lambda c: -vals[c])
add(R, "market", "Rank Spain, Italy, France and Germany by cumulative PV capacity at end-2024, largest first.",
    "rank", [(vals[c], MW) for c in order], order, how="real CSV: 2024 Historical Primary Total Cumulative for the four, sorted descending")

names, vals = ranking(rm, REAL_AGG, 2023, conn="Distributed", n=1)
add(R, "market", "Rooftop box for the bulletin: which country had the biggest distributed-segment additions in 2023, and how many MW?",
    "rank", [(vals[0], MW)], names, how="real CSV: 2023 Historical Primary Distributed Annual, non-aggregate territories, top 1")

names, vals = ranking(rm, REAL_AGG, 2030, scen="most probable", n=3)
add(R, "market", "Under the most probable forecast, which three countries are expected to add the most PV in 2030? (countries, not EU/Europe totals — I know the outlook only covers Europe)",
    "rank", [(x, MW) for x in vals], names, how="real CSV: 2030 Forecast - Most probable Total Annual, non-aggregate territories, top 3")


# ---- shares
a, w = mv(rm, "India", 2024), mv(rm, "World", 2024)
add(R, "market", "We want to state India's weight in the global market. What share of world PV additions in 2024 came from India? In %.",
    "share", [(a / w * 100, "%")], how="real CSV: India / World, 2024 Historical Primary Total Annual x100")

a, t = mv(rm, "Germany", 2024, conn="Distributed"), mv(rm, "Germany", 2024)
add(R, "market", "We split the German figure by segment in the bulletin. What percentage of Germany's 2024 additions was distributed?",
    "share", [(a / t * 100, "%")], how="real CSV: Germany 2024 Annual Distributed / Total x100")

a, w = mv(rm, "USA", 2024, "Cumulative"), mv(rm, "World", 2024, "Cumulative")
add(R, "market", "Need a denominator check. USA's share of the world's cumulative PV capacity at end of 2024, in %?",
    "share", [(a / w * 100, "%")], how="real CSV: USA / World, 2024 Historical Primary Total Cumulative x100")

a, t = mv(rm, "Spain", 2024, "Cumulative", "Centralised"), mv(rm, "Spain", 2024, "Cumulative")
add(R, "market", "Of Spain's installed base at end-2024, what % sits in the centralised segment?",
    "share", [(a / t * 100, "%")], how="real CSV: Spain 2024 Cumulative Centralised / Total x100")

# ---- change
a, b = mv(rm, "USA", 2023), mv(rm, "USA", 2024)
add(R, "market", "The US release says installations grew strongly last year. Percentage change in US annual PV additions from 2023 to 2024?",
    "change", [(pct(a, b), "%")], how="real CSV: USA Total Annual 2023 -> 2024, (b-a)/a x100")

a, b = mv(rm, "Brazil", 2019, "Cumulative"), mv(rm, "Brazil", 2024, "Cumulative")
add(R, "market", "I need the compound annual growth rate of Brazil's cumulative installed capacity between end-2019 and end-2024.",
    "change", [(cagr(a, b, 5), "%")], how="real CSV: Brazil Total Cumulative 2019 -> 2024, CAGR over 5 years")


a, b = mv(rm, "Pakistan", 2023), mv(rm, "Pakistan", 2024)
add(R, "market", "Pakistan's 2024 number looks enormous next to 2023. What's the year-on-year change in its annual additions, in %?",
    "change", [(pct(a, b), "%")], how="real CSV: Pakistan Total Annual 2023 -> 2024, (b-a)/a x100")

a, b = mv(rm, "France", 2025, scen="high"), mv(rm, "France", 2030, scen="high")
add(R, "market", "Forecast table, high scenario only. What CAGR does it imply for France's annual additions from 2025 to 2030?",
    "change", [(cagr(a, b, 5), "%")], how="real CSV: France Forecast - High Total Annual 2025 -> 2030, CAGR over 5 years")

# ---- comparisons
a, b = mv(rm, "South Africa", 2024), mv(rm, "Egypt", 2024)
add(R, "market", "Africa paragraph. Compare South Africa and Egypt: PV added in 2024, MW each.",
    "compare", [(a, MW), (b, MW)], how="real CSV: South Africa and Egypt 2024 Historical Primary Total Annual")

a, b = mv(rm, "China", 2024), mv(rm, "USA", 2024)
add(R, "market", "A journalist wrote that China installed 'about eight times' what the US did in 2024. How many times larger was China's 2024 annual addition than the USA's, exactly?",
    "compare", [(a / b, "x")], how="real CSV: China 2024 Total Annual / USA 2024 Total Annual")

vals = [mv(rm, c, 2024, "Cumulative") for c in ["Netherlands", "Belgium", "Denmark"]]
add(R, "market", "Benelux-and-neighbours table: cumulative capacity at end-2024 for the Netherlands, Belgium and Denmark.",
    "compare", [(x, MW) for x in vals], how="real CSV: 2024 Historical Primary Total Cumulative for NL, BE, DK")

vals = [mv(rm, c, 2024) for c in ["Japan", "Korea", "Chinese Taipei"]]
add(R, "market", "East Asia paragraph, excluding China: Japan, Korea and Chinese Taipei — PV added in 2024, MW each.",
    "compare", [(x, MW) for x in vals], how="real CSV: 2024 Historical Primary Total Annual for Japan, Korea, Chinese Taipei")

vals = series(rm, "Netherlands", range(2021, 2024))
add(R, "market", "Is it right that the Netherlands averaged about 4 GW of new PV a year over 2021–2023? Give me the exact mean.",
    "average", [(sum(vals) / len(vals), MW)], how="real CSV: mean of Netherlands Total Annual 2021..2023 (3 years)")

# ---- extremes
yrs = list(range(1992, 2025))
s = rm[(rm.Territory == "Japan") & (rm.Scenario == "Historical Primary") & (rm.Connection == "Total") & (rm.Type == "Annual")]
top = pick(s, "Capacity(MW)", False)
add(R, "market", "Japan has slowed down since the FiT era. In which year did Japan's annual PV additions peak, and at what level?",
    "extreme", [(top["Capacity(MW)"], MW)], [str(int(top.Year))], how="real CSV: Japan Historical Primary Total Annual, max over all years")

s = rm[(rm.Territory == "Italy") & (rm.Scenario == "Historical Primary") & (rm.Connection == "Total") & (rm.Type == "Annual")
       & (rm.Year.between(2010, 2024))]
low = pick(s, "Capacity(MW)", True)
add(R, "market", "Between 2010 and 2024, which was Italy's weakest year for new installations, and how many MW?",
    "extreme", [(low["Capacity(MW)"], MW)], [str(int(low.Year))], how="real CSV: Italy Historical Primary Total Annual 2010-2024, min")

s = rm[(rm.Territory == "Spain") & (rm.Scenario == "Historical Primary") & (rm.Connection == "Total") & (rm.Type == "Annual")]
top = pick(s, "Capacity(MW)", False)
add(R, "market", "Record year for Spanish PV installtions in the historical data (up to 2024, no forecasts)?",
    "extreme", [(top["Capacity(MW)"], MW)], [str(int(top.Year))], how="real CSV: Spain Historical Primary Total Annual, max")

# ---- averages
vals = series(rm, "Chile", range(2020, 2025))
add(R, "market", "For the Latin America table we show five-year means. Average annual PV additions in Chile over 2020-2024 inclusive?",
    "average", [(sum(vals) / len(vals), MW)], how="real CSV: mean of Chile Total Annual 2020..2024 (5 years)")

vals = series(rm, "Poland", range(2025, 2031), scen="most probable")
add(R, "market", "Poland: what's the average yearly addition foreseen for 2025–2030 in the most probable scenario?",
    "average", [(sum(vals) / len(vals), MW)], how="real CSV: mean of Poland Forecast - Most probable Total Annual 2025..2030 (6 years)")

# ---- sums
vals = series(rm, "Vietnam", range(2018, 2021))
add(R, "market", "Vietnam had its FiT rush around 2019-20. Total capacity Vietnam added over 2018, 2019 and 2020 combined?",
    "sum", [(sum(vals), MW)], how="real CSV: sum of Vietnam Total Annual 2018..2020")

vals = series(rm, "Greece", range(2025, 2031), scen="low")
add(R, "market", "Low scenario: sum of Greece's forecast annual additions 2025 through 2030, in MW.",
    "sum", [(sum(vals), MW)], how="real CSV: sum of Greece Forecast - Low Total Annual 2025..2030")

nordic = ["Sweden", "Norway", "Finland", "Denmark"]
vals = [mv(rm, c, 2024, "Cumulative") for c in nordic]
add(R, "market", "Nordic box: combined installed PV base of Sweden, Norway, Finland and Denmark at the end of 2024?",
    "sum", [(sum(vals), MW)], how="real CSV: sum of 2024 Historical Primary Total Cumulative for SE, NO, FI, DK")

# ---- first / latest
s = rm[(rm.Territory == "India") & (rm.Scenario == "Historical Primary") & (rm.Connection == "Total") & (rm.Type == "Annual")].sort_values("Year")
first = s[s["Capacity(MW)"] > 10000].iloc[0]
add(R, "market", "Milestones column. In which year did India first add more than 10 GW in a single year? And the exact MW that year.",
    "first_latest", [(first["Capacity(MW)"], MW)], [str(int(first.Year))], how="real CSV: India Historical Primary Total Annual, first year > 10,000 MW")

s = rm[(rm.Territory == "Brazil") & (rm.Scenario == "Historical Primary") & (rm.Connection == "Total") & (rm.Type == "Annual")].sort_values("Year")
first = s.iloc[0]
add(R, "market", "What's the earliest year for which you have Brazilian annual installation data, and what was added that year?",
    "first_latest", [(first["Capacity(MW)"], MW)], [str(int(first.Year))], how="real CSV: Brazil Historical Primary Total Annual, earliest year")


s = rm[(rm.Territory == "Germany") & (rm.Scenario == "Historical Primary") & (rm.Connection == "Total") & (rm.Type == "Cumulative")].sort_values("Year")
first = s[s["Capacity(MW)"] > 50000].iloc[0]
add(R, "market", "Checking a milestone claim. First year in which Germany's cumulative PV capacity went above 50 GW, and the level that year?",
    "first_latest", [(first["Capacity(MW)"], MW)], [str(int(first.Year))], how="real CSV: Germany Historical Primary Total Cumulative, first year > 50,000 MW")

# ---- follow-up chains (real)
a = mv(rm, "Hungary", 2024)
add(R, "market", ["How much PV did Poland add in 2024?", "and Hungary?"],
    "follow_up", [(a, MW)], how="real CSV: Hungary 2024 Historical Primary Total Annual")

a = mv(rm, "Italy", 2028, scen="low")
add(R, "market", ["Italy, annual additions in 2028 under the high forecast?", "Same for the low scenario."],
    "follow_up", [(a, MW)], how="real CSV: Italy 2028 Forecast - Low Total Annual")

names, vals = ranking(rm, REAL_AGG, 2020, typ="Cumulative", n=5)
add(R, "market", ["Top 5 countries by cumulative installed PV at the end of 2024, please — countries only.",
                  "Now the same ranking for end-2020."],
    "follow_up", [(x, MW) for x in vals], names, how="real CSV: 2020 Historical Primary Total Cumulative, non-aggregate territories, top 5")

a, t = mv(rm, "Germany", 2019, conn="Distributed"), mv(rm, "Germany", 2019)
add(R, "market", ["What share of Germany's 2024 PV additions was distributed?", "what about 2019?"],
    "follow_up", [(a / t * 100, "%")], how="real CSV: Germany 2019 Annual Distributed / Total x100")

s = rm[(rm.Territory == "Australia") & (rm.Scenario == "Historical Primary") & (rm.Connection == "Total") & (rm.Type == "Annual")]
top = pick(s, "Capacity(MW)", False)
add(R, "market", ["Peak year for Japan's annual PV additions?", "And Australia's?"],
    "follow_up", [(top["Capacity(MW)"], MW)], [str(int(top.Year))], how="real CSV: Australia Historical Primary Total Annual, max over all years")

a, w = mv(rm, "Brazil", 2024, "Cumulative"), mv(rm, "World", 2024, "Cumulative")
add(R, "market", ["Brazil's cumulative PV capacity at end-2024?", "What is that as a share of the world total?"],
    "follow_up", [(a / w * 100, "%")], how="real CSV: Brazil / World, 2024 Historical Primary Total Cumulative x100")

vals = [mv(rm, c, 2024) for c in ["Spain", "Italy", "France"]]
add(R, "market", ["Compare Spain and Italy: capacity added in 2024.", "Add France to that comparison."],
    "follow_up", [(x, MW) for x in vals], how="real CSV: 2024 Historical Primary Total Annual for ES, IT, FR")

# ---- unanswerable (real, market)
add(R, "market", "Alongside PV we report wind. How much onshore wind did Germany commission in 2024?",
    "unanswerable", answerable=False, why="wind is not in the data; only solar PV capacity")
add(R, "market", "How many MW of battery storage were installed in Italy in 2024, next to the PV additions?",
    "unanswerable", answerable=False, why="battery storage is not held; only PV capacity")
add(R, "market", "What was Japan's PV electricity generation in 2023, in GWh?",
    "unanswerable", answerable=False, why="generation (GWh) is not held; only capacity in MW")
add(R, "market", "Our bulletin reports AC. What were Spain's 2024 PV additions in MWac?",
    "unanswerable", answerable=False, why="capacities are DC only; no AC figures or DC/AC ratio in the data")
add(R, "market", "Cost section. What's the LCOE of utility-scale PV in Spain for 2024, EUR/MWh?",
    "unanswerable", answerable=False, why="LCOE is not held; only capacity and component prices")
add(R, "market", "We have a request from the Africa desk. Nigeria's PV additions in 2024?",
    "unanswerable", answerable=False, why="Nigeria is not among the territories in the data")
add(R, "market", "Germany's installed base at the end of 2030 under the most probable scenario, MW?",
    "unanswerable", answerable=False, why="forecast cumulative values in the loaded CSV exclude the installed base, so no valid end-2030 installed base exists")
add(R, "market", "Is it right that the EU's cumulative capacity reaches about 1 TW by end-2030 in the high scenario?",
    "unanswerable", answerable=False, why="forecast cumulative figures in the loaded CSV are running sums of forecast additions without the installed base; cannot verify")
add(R, "market", "what does the forecast say for Chile's additions in 2026?",
    "unanswerable", answerable=False, why="no forecast for Chile; forecasts cover European countries only")
add(R, "market", "Please give me Germany's annual PV additions projected for 2035.",
    "unanswerable", answerable=False, why="forecasts end in 2030")
add(R, "market", "How many individual PV systems were installed in the Netherlands in 2024 (number of installations, not MW)?",
    "unanswerable", answerable=False, why="counts of systems are not held; only MW capacity")
add(R, "market", "What was the market value of the French PV market in 2024 in EUR?",
    "unanswerable", answerable=False, why="market value in currency is not held")
add(R, "market", ["Chile's PV additions in 2024?", "And what was the average capacity factor of that fleet?"],
    "unanswerable", answerable=False, why="capacity factors / yields are not held")

# ================================================================= REAL: prices
r = p_latest(rp, "Module", "n-type TOPCon", "EU")
add(R, "price", "Price annex, module section. Latest n-type TOPCon module price for the EU — value, unit and the date of the observation?",
    "price", [(r.base_price, r.unit)], how=f"real parquet: Module / n-type TOPCon / EU, newest date {r.date.date()}")

regs = ["China", "EU", "US"]
lat = {g: p_latest(rp, "Module", "n-type TOPCon", g) for g in regs}
assert len({x.date for x in lat.values()}) == 1
cheap = min(regs, key=lambda g: lat[g].base_price)
assert sorted(x.base_price for x in lat.values())[0] != sorted(x.base_price for x in lat.values())[1]
add(R, "price", "Compare the newest n-type TOPCon module prices in China, the EU and the US. Which region is cheapest?",
    "price", [(lat[g].base_price, "US$/Wp") for g in regs], [cheap], how=f"real parquet: Module / n-type TOPCon latest ({lat['EU'].date.date()}) for China, EU, US; min")

v = p_month(rp, "Aluminium", "Aluminium", "Overseas", "2024-03")
add(R, "price", "Raw materials annex. Aluminium price in March 2024, please (the monthly series).",
    "price", [(v, "US$/t")], how="real parquet: Aluminium / Overseas, monthly obs dated 2024-03")

cs = price_series(rp, "Copper", "Copper", "Overseas")
a, b = cs.iloc[0], cs.iloc[-1]
add(R, "price", f"How much has the copper price changed in % from the first month in the series ({a.date.strftime('%B %Y')}) to the latest one?",
    "price", [(pct(a.base_price, b.base_price), "%")], how=f"real parquet: Copper / Overseas {a.date.date()} -> {b.date.date()}, % change")

es = price_series(rp, "EVA", "EVA", "Overseas")
mx = pick(es, "base_price", False)
add(R, "price", "Encapsulant costs spiked after Covid I believe. What is the highest EVA price in the data, and in which month?",
    "price", [(mx.base_price, mx.unit)], [str(mx.date.year)], how=f"real parquet: EVA / Overseas max over series ({mx.date.date()})")

sw = p_window(rp, "Silver", "Silver", "Overseas", "2024-01-01", "2024-12-31", unit="K US$/t")
assert len(sw) == 12
add(R, "price", "Average silver price over the 12 months of 2024 — and be precise about the unit, please.",
    "price", [(sw.base_price.mean(), "K US$/t")], how="real parquet: Silver / Overseas, mean of the 12 monthly obs dated 2024 (unit K US$/t)")

ps = price_series(rp, "Polysilicon", "Very high purity - 11N/11N+", "China")
pmin = ps.base_price.min()
at_min = ps[ps.base_price == pmin]
assert at_min.date.dt.year.nunique() == 1  # several weeks share the low, all in one year
add(R, "price", "Polysilicon, very high purity 11N/11N+, China: what's the lowest price in that series, and in which year was it reached?",
    "price", [(pmin, "US$/kg")], [str(at_min.date.dt.year.iloc[0])],
    how=f"real parquet: Polysilicon / Very high purity - 11N/11N+ / China min ({len(at_min)} weeks at the low, {at_min.date.min().date()}..{at_min.date.max().date()})")

cw = p_window(rp, "Cell", "p-type mono-Si PERC", "China", "2024-01-01", "2024-12-31")
add(R, "price", "Average price of p-type mono PERC cells in China across 2024 (all weekly observations in the calendar year)?",
    "price", [(cw.base_price.mean(), "US$/Wp")], how=f"real parquet: Cell / p-type mono-Si PERC / China, mean of {len(cw)} obs dated 2024")

ws = price_series(rp, "Wafer", "p-type mono-Si M10", "China")
w24 = ws[ws.date.dt.year == 2024].iloc[0]
wl = ws.iloc[-1]
add(R, "price", f"p-type mono M10 wafers in China: % change from the first 2024 observation ({d2s(w24.date)}) to the latest one?",
    "price", [(pct(w24.base_price, wl.base_price), "%")], how=f"real parquet: Wafer / p-type mono-Si M10 / China {w24.date.date()} -> {wl.date.date()}")

cd = p_window(rp, "Module", "CdTe", "Overseas", "2023-01-01", "2023-12-31")
add(R, "price", "Thin-film line in the annex: max and min CdTe module price during calendar 2023?",
    "price", [(cd.base_price.max(), "US$/Wp"), (cd.base_price.min(), "US$/Wp")], how="real parquet: Module / CdTe / Overseas, max and min of obs dated 2023")

h, t = p_latest(rp, "Module", "n-type HJT", "China"), p_latest(rp, "Module", "n-type TOPCon", "China")
assert h.date == t.date
add(R, "price", "China module prices, latest week: HJT vs TOPCon — how big is the premium of HJT, in US$/Wp?",
    "price", [(h.base_price, "US$/Wp"), (t.base_price, "US$/Wp"), (h.base_price - t.base_price, "US$/Wp")],
    how=f"real parquet: Module n-type HJT and n-type TOPCon / China at {h.date.date()}, difference")

pm = price_series(rp, "Module", "p-type mono-Si PERC M10", "US")
d0 = pm[pm.date.dt.strftime("%Y-%m") == "2024-06"].iloc[0].date
v = p_on(rp, "Module", "p-type mono-Si PERC M10", "US", d0)
add(R, "price", f"US price for p-type mono PERC M10 modules in the weekly observation dated {d0.date()}?",
    "price", [(v, "US$/Wp")], how=f"real parquet: Module / p-type mono-Si PERC M10 / US on {d0.date()}")

v = p_month(rp, "Silver", "Silver", "Overseas", "2025-01", unit="K US$/t")
add(R, "price", ["What was the silver price in January 2025?"],
    "price", [(v, "K US$/t")], how="real parquet: Silver / Overseas monthly obs 2025-01, unit K US$/t")

# follow-up chains (real prices)
u = p_latest(rp, "Module", "n-type TOPCon", "US")
add(R, "price", ["What's the latest n-type TOPCon module price in the EU?", "and in the US?"],
    "follow_up", [(u.base_price, u.unit)], how=f"real parquet: Module / n-type TOPCon / US newest ({u.date.date()})")

v = p_month(rp, "Copper", "Copper", "Overseas", "2024-05")
add(R, "price", ["Aluminium price in May 2024?", "Same month for copper."],
    "follow_up", [(v, "US$/t")], how="real parquet: Copper / Overseas monthly obs 2024-05")

# unanswerable (real prices)
add(R, "price", "BOS costs for the annex. What's the current price of string inverters, US$/W?",
    "unanswerable", answerable=False, why="inverter prices are not in the price data")
add(R, "price", "Module price in Japan for TOPCon, latest?",
    "unanswerable", answerable=False, why="no Japan region in the price data")
add(R, "price", "What share of the TOPCon module price is accounted for by polysilicon?",
    "unanswerable", answerable=False, why="cost shares are not held; poly (US$/kg) and module (US$/Wp) prices are in different units")

# ================================================================= financials (on the real instance)
v, u = fv("Helios Modules Ltd (sample)", "FY2024", "Revenue")
add(R, "manufacturer_financial", "Manufacturers box. Helios Modules' revenue for full-year 2024?",
    "financial", [(v, u)], how="financials: Helios Modules Ltd (sample) FY2024 Revenue")

v, u = fv("Nordlicht Solar AG (sample)", "2024-Q4", "Gross margin")
add(R, "manufacturer_financial", "Nordlicht Solar's gross margin in Q4'24?",
    "financial", [(v, u)], how="financials: Nordlicht Solar AG (sample) 2024-Q4 Gross margin")

fy = pick(fin[(fin.period == "FY2024") & (fin.metric == "Module shipments")], "value", False)
add(R, "manufacturer_financial", "Which manufacturer shipped the most modules in FY2024, and how many GW?",
    "financial", [(fy.value, fy.unit)], [fy.company.split(" ")[0]], how="financials: FY2024 Module shipments, max over companies")

a, _ = fv("SunForge Energy (sample)", "FY2023", "Net income")
b, u = fv("SunForge Energy (sample)", "FY2024", "Net income")
add(R, "manufacturer_financial", "SunForge Energy net income: FY2023 vs FY2024, and the change in USD million?",
    "financial", [(a, u), (b, u), (b - a, u)], how="financials: SunForge FY2023 and FY2024 Net income, difference")

add(R, "manufacturer_financial", "We also list the big Chinese players. What was LONGi's revenue in 2024?",
    "unanswerable", answerable=False, why="LONGi is not among the companies in the financials")
add(R, "manufacturer_financial", "Helios Modules' EBITDA for FY2024?",
    "unanswerable", answerable=False, why="EBITDA is not a metric in the financials")

# ================================================================= SAMPLE: market
v = mv(sm, "Netherlands", 2022)
add(S, "market", "Draft says the Netherlands added 4 GW in 2022. Dutch PV additions in 2022 (annual, MW DC)?",
    "lookup", [(v, MW)], how="sample market: Netherlands 2022 Historical Primary Total Annual")

v = mv(sm, "France", 2019, "Cumulative")
add(S, "market", "France's cumulatve installed capacity at end of 2019?",
    "lookup", [(v, MW)], how="sample market: France 2019 Historical Primary Total Cumulative")

v = mv(sm, "Germany", 2024, conn="Distributed")
add(S, "market", "Germany, distributed segment, capacity added in 2024? Annual, not cumulative.",
    "lookup", [(v, MW)], how="sample market: Germany 2024 Historical Primary Distributed Annual")

v = mv(sm, "Spain", 2029, "Cumulative", scen="high")
add(S, "market", "Someone quoted me Spain's installed base for end-2029 in the high case. What does the data show, MW?",
    "lookup", [(v, MW)], how="sample market: Spain 2029 Forecast - High Total Cumulative")

names, vals = ranking(sm, SAMPLE_AGG, 2024, n=3)
add(S, "market", "For the European box: top three countries by capacity added in 2024? (countries only, not World)",
    "rank", [(x, MW) for x in vals], names, how="sample market: 2024 Historical Primary Total Annual, excluding World, top 3")

names, vals = ranking(sm, SAMPLE_AGG, 2030, typ="Cumulative", scen="high", n=2, ascending=True)
add(S, "market", "Which two countries have the smallest installed base at end-2030 in the high scenario?",
    "rank", [(x, MW) for x in vals], names, how="sample market: 2030 Forecast - High Total Cumulative, excluding World, bottom 2")

a, w = mv(sm, "Germany", 2023), mv(sm, "World", 2023)
add(S, "market", "Germany's share of global PV additions in 2023, in percent? World row as denominator.",
    "share", [(a / w * 100, "%")], how="sample market: Germany / World 2023 Historical Primary Total Annual x100")

a, t = mv(sm, "Italy", 2024, conn="Centralised"), mv(sm, "Italy", 2024)
add(S, "market", "What portion of Italy's 2024 additions was centralised (ground-mounted)? %",
    "share", [(a / t * 100, "%")], how="sample market: Italy 2024 Annual Centralised / Total x100")

a, b = mv(sm, "Spain", 2015, "Cumulative"), mv(sm, "Spain", 2024, "Cumulative")
add(S, "market", "We quote nine-year growth rates. CAGR of Spain's cumulative capacity end-2015 to end-2024?",
    "change", [(cagr(a, b, 9), "%")], how="sample market: Spain Total Cumulative 2015 -> 2024, CAGR over 9 years")

a, b = mv(sm, "Poland", 2023), mv(sm, "Poland", 2024)
add(S, "market", "Is it right that Polish annual additions fell in 2024? By how much in %?",
    "change", [(pct(a, b), "%")], how="sample market: Poland Total Annual 2023 -> 2024, (b-a)/a x100")

a, b = mv(sm, "World", 2025), mv(sm, "World", 2030)
add(S, "market", "Outlook paragraph. Global annual additions, most probable scenario: % growth from 2025 to 2030?",
    "change", [(pct(a, b), "%")], how="sample market: World Forecast - Most probable Total Annual 2025 -> 2030, % change")

a, b = mv(sm, "France", 2030, "Cumulative"), mv(sm, "Italy", 2030, "Cumulative")
add(S, "market", "Outlook table. France vs Italy: installed base at end-2030, most probable scenario.",
    "compare", [(a, MW), (b, MW)], how="sample market: France and Italy 2030 Forecast - Most probable Total Cumulative")


a, b = mv(sm, "Germany", 2023, conn="Centralised"), mv(sm, "Spain", 2023, conn="Centralised")
add(S, "market", "Ground-mounted comparison: Germany's vs Spain's centralised additions in 2023?",
    "compare", [(a, MW), (b, MW)], how="sample market: Germany and Spain 2023 Historical Primary Centralised Annual")

s = sm[(sm.Territory == "Netherlands") & (sm.Connection == "Total") & (sm.Type == "Annual")
       & (((sm.Scenario == "Historical Primary") & (sm.Year <= 2024)) | ((sm.Scenario == "Forecast - Most probable") & (sm.Year > 2024)))]
top = pick(s, "Capacity(MW)", False)
add(S, "market", "Across the whole series (history plus the most probable forecast), which year has the highest annual additions for the Netherlands?",
    "extreme", [(top["Capacity(MW)"], MW)], [str(int(top.Year))], how="sample market: Netherlands Total Annual, HP<=2024 + MP 2025-2030, max")

s = sm[(sm.Territory == "France") & (sm.Connection == "Total") & (sm.Type == "Annual") & (sm.Scenario == "Historical Primary")]
low = pick(s, "Capacity(MW)", True)
add(S, "market", "Lowest year for French annual installations in the historical data?",
    "extreme", [(low["Capacity(MW)"], MW)], [str(int(low.Year))], how="sample market: France Historical Primary Total Annual, min")

vals = series(sm, "Italy", range(2020, 2025))
add(S, "market", "Mean yearly additions in Italy 2020–2024? Simple average of the five annual figures.",
    "average", [(sum(vals) / len(vals), MW)], how="sample market: mean of Italy Total Annual 2020..2024")


vals = series(sm, "World", range(2021, 2025))
add(S, "market", "How much was added worldwide over 2021–2024? Sum of the world's annual additions, 2021 to 2024 inclusive — GW is fine.",
    "sum", [(sum(vals), MW)], how="sample market: sum of World Total Annual 2021..2024")

vals = series(sm, "Spain", range(2025, 2031), scen="low")
add(S, "market", "Spain, low scenario: total forecast additions 2025–2030 combined?",
    "sum", [(sum(vals), MW)], how="sample market: sum of Spain Forecast - Low Total Annual 2025..2030")

s = sm[(sm.Territory == "Spain") & (sm.Connection == "Total") & (sm.Type == "Annual") & (sm.Scenario == "Historical Primary")].sort_values("Year")
first = s[s["Capacity(MW)"] > 5000].iloc[0]
add(S, "market", "Milestone check: first year Spain added more than 5 GW in a year?",
    "first_latest", [(first["Capacity(MW)"], MW)], [str(int(first.Year))], how="sample market: Spain Historical Primary Total Annual, first year > 5,000 MW")


# follow-ups (sample market)
v = mv(sm, "Spain", 2021)
add(S, "market", ["How much did Spain add in 2023?", "what about 2021?"],
    "follow_up", [(v, MW)], how="sample market: Spain 2021 Historical Primary Total Annual")

v = mv(sm, "France", 2030, "Cumulative", scen="high")
add(S, "market", ["France's cumulative capacity at end-2024?", "And projected for end-2030, most probable?", "same for the high scenario"],
    "follow_up", [(v, MW)], how="sample market: France 2030 Forecast - High Total Cumulative")

v = mv(sm, "Poland", 2030, scen="low")
add(S, "market", ["Poland's annual additions in 2030, most probable forecast?", "Same for the low scenario."],
    "follow_up", [(v, MW)], how="sample market: Poland 2030 Forecast - Low Total Annual")

a, b = mv(sm, "Netherlands", 2020), mv(sm, "Netherlands", 2024)
add(S, "market", ["Show me the Netherlands' annual additions 2020-2024 as a chart.", "What's the CAGR over that period?"],
    "follow_up", [(cagr(a, b, 4), "%")], how="sample market: Netherlands Total Annual 2020 -> 2024, CAGR over 4 years")

a, w = mv(sm, "Italy", 2024), mv(sm, "World", 2024)
add(S, "market", ["Italy's additions in 2024?", "as % of world?"],
    "follow_up", [(a / w * 100, "%")], how="sample market: Italy / World 2024 Historical Primary Total Annual x100")

# unanswerable (sample market)
add(S, "market", "For comparison with Europe I also need China. China's PV additions in 2024?",
    "unanswerable", answerable=False, why="China is not in the loaded sample market data")
add(S, "market", "Belgian cumulative capacity at end-2023?",
    "unanswerable", answerable=False, why="Belgium is not in the loaded sample market data")
add(S, "market", "Germany's additions in 2012? Need it for a long-run series.",
    "unanswerable", answerable=False, why="sample market data start in 2015")
add(S, "market", "For the renewables overview: how much wind capacity did Spain add in 2024?",
    "unanswerable", answerable=False, why="wind is not in the data")
add(S, "market", "Of Italy's distributed additions in 2024, how much was residential versus commercial rooftop?",
    "unanswerable", answerable=False, why="distributed is not split into residential/commercial in the data")
add(S, "market", "Most probable forecast for France's additions in 2032?",
    "unanswerable", answerable=False, why="forecasts end in 2030")
add(S, "market", ["Poland's cumulative capacity at end-2024?", "what feed-in tariff applied to those systems?"],
    "unanswerable", answerable=False, why="tariffs / support schemes are not held")

# ================================================================= SAMPLE: prices
v = p_month(sp, "Module", "n-type TOPCon", "India", "2024-03")
add(S, "price", "Indian price point for the annex. TOPCon module price in India, March 2024?",
    "price", [(v, "US$/Wp")], how="sample prices: Module / n-type TOPCon / India, 2024-03")

r = p_latest(sp, "Module", "n-type HJT", "US")
add(S, "price", "Most recent HJT module price for the US, with its date?",
    "price", [(r.base_price, r.unit)], how=f"sample prices: Module / n-type HJT / US newest ({r.date.date()})")

regs = ["China", "EU", "India", "US"]
vals = {g: p_month(sp, "Module", "p-type mono-Si PERC M10", g, "2024-12") for g in regs}
cheap = min(regs, key=lambda g: vals[g])
assert sorted(vals.values())[0] != sorted(vals.values())[1]
add(S, "price", "December 2024, mono PERC M10 modules: which region was cheapest and at what price?",
    "price", [(vals[cheap], "US$/Wp")], [cheap], how="sample prices: Module / p-type mono-Si PERC M10, 2024-12, min over China/EU/India/US")

pw = p_window(sp, "Polysilicon", "High purity - 9N/9N+", "EU", "2023-01-01", "2023-12-31")
mn = pick(pw, "base_price", True)
add(S, "price", "Polysilicon crashed in 2023. Lowest EU polysilicon (9N/9N+) price during 2023, and which month?",
    "price", [(mn.base_price, "US$/kg")], how=f"sample prices: Polysilicon / High purity - 9N/9N+ / EU, min of 2023 ({mn.date.date()})")

a, b = p_month(sp, "Wafer", "n-type mono-Si M10", "China", "2023-01"), p_month(sp, "Wafer", "n-type mono-Si M10", "China", "2024-12")
add(S, "price", "wafer deflation line: n-type M10 wafers, China, % change Jan 2023 → Dec 2024?",
    "price", [(pct(a, b), "%")], how="sample prices: Wafer / n-type mono-Si M10 / China, 2023-01 -> 2024-12")

gw = p_window(sp, "PV glass", "Glass 3,2mm", "EU", "2024-01-01", "2024-12-31")
add(S, "price", "Average 3.2 mm PV glass price in the EU over 2024 (monthly values)?",
    "price", [(gw.base_price.mean(), "US$/m²")], how="sample prices: PV glass / Glass 3,2mm / EU, mean of 12 obs in 2024")


cs = price_series(sp, "Cell", "p-type mono-Si PERC M10", "China")
mx = pick(cs, "base_price", False)
add(S, "price", "Peak price of p-type PERC M10 cells in China over the whole series — value and month?",
    "price", [(mx.base_price, "US$/Wp")], [str(mx.date.year)], how=f"sample prices: Cell / p-type mono-Si PERC M10 / China, max ({mx.date.date()})")

a, b = p_month(sp, "Cell", "n-type TOPCon M10", "EU", "2024-06"), p_month(sp, "Cell", "n-type TOPCon M10", "China", "2024-06")
add(S, "price", "TOPCon M10 cells in June 2024: EU price minus China price, US$/Wp?",
    "price", [(a, "US$/Wp"), (b, "US$/Wp"), (a - b, "US$/Wp")], how="sample prices: Cell / n-type TOPCon M10, EU and China 2024-06, difference")

# follow-ups (sample prices)
v = p_month(sp, "Module", "p-type mono-Si PERC M10", "India", "2024-06")
add(S, "price", ["HJT module price in India, June 2024?", "and the mono PERC M10 one in the same month?"],
    "follow_up", [(v, "US$/Wp")], how="sample prices: Module / p-type mono-Si PERC M10 / India, 2024-06")

a, b = p_month(sp, "Polysilicon", "High purity - 9N/9N+", "China", "2023-01"), p_month(sp, "Polysilicon", "High purity - 9N/9N+", "China", "2024-12")
add(S, "price", ["Chinese polysilicon price in January 2023?", "And December 2024? What's the % change between the two?"],
    "follow_up", [(b, "US$/kg"), (pct(a, b), "%")], how="sample prices: Polysilicon / High purity - 9N/9N+ / China, 2023-01 and 2024-12, % change")

# unanswerable (sample prices)
add(S, "price", "India is building its own poly supply chain. Polysilicon price in India, latest?",
    "unanswerable", answerable=False, why="no India polysilicon series in the sample prices (China and EU only)")
add(S, "price", "What's the silver price trend over 2024?",
    "unanswerable", answerable=False, why="silver is not in the sample prices")
add(S, "price", "Module prices for January 2025?",
    "unanswerable", answerable=False, why="sample prices end in December 2024")

# ================================================================= SAMPLE: financials
qs = [fv("Aurora PV Group (sample)", q, "Revenue")[0] for q in ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]]
fyv, u = fv("Aurora PV Group (sample)", "FY2023", "Revenue")
add(S, "manufacturer_financial", "Cross-check for me: do Aurora PV's four 2023 quarterly revenues add up to the FY2023 figure? Give both.",
    "financial", [(sum(qs), u), (fyv, u)], how="financials: Aurora 2023-Q1..Q4 Revenue summed, and FY2023 Revenue")

a, _ = fv("Helios Modules Ltd (sample)", "2023-Q1", "Gross margin")
b, _ = fv("Helios Modules Ltd (sample)", "2024-Q4", "Gross margin")
add(S, "manufacturer_financial", "Helios gross margin, Q1 2023 vs Q4 2024 — by how many percentage points did it fall?",
    "financial", [(a, "%"), (b, "%"), (a - b, "%")], how="financials: Helios Gross margin 2023-Q1 and 2024-Q4, difference in points")

lo = pick(fin[(fin.period == "FY2024") & (fin.metric == "Net income")], "value", True)
add(S, "manufacturer_financial", "Which of the manufacturers posted the worst net income for FY2024, and how much?",
    "financial", [(lo.value, lo.unit)], [lo.company.split(" ")[0]], how="financials: FY2024 Net income, min over companies")

a, _ = fv("SunForge Energy (sample)", "2023-Q4", "Production capacity")
b, u = fv("SunForge Energy (sample)", "2024-Q4", "Production capacity")
add(S, "manufacturer_financial", "Capacity expansion continued despite losses, apparently. SunForge production capacity: % change between Q4 2023 and Q4 2024?",
    "financial", [(pct(a, b), "%")], how="financials: SunForge Production capacity 2023-Q4 -> 2024-Q4, % change")


v, u = fv("SunForge Energy (sample)", "FY2024", "Revenue")
add(S, "manufacturer_financial", ["Helios Modules revenue FY2024?", "and SunForge?"],
    "follow_up", [(v, u)], how="financials: SunForge Energy (sample) FY2024 Revenue")

add(S, "manufacturer_financial", "Nordlicht Solar revenue for FY2022?",
    "unanswerable", answerable=False, why="financials cover 2023 and 2024 only")
add(S, "manufacturer_financial", "How many employees does Aurora PV Group have?",
    "unanswerable", answerable=False, why="headcount is not a metric in the financials")

# ================================================================= write + self-check
for it in ITEMS:
    for e in it["expect"]:
        assert e["value"] == e["value"], it["id"]  # no NaN
with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
    for it in ITEMS:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
n = len(ITEMS)
n_un = sum(not it["answerable"] for it in ITEMS)
n_chain = sum(len(it["turns"]) >= 2 for it in ITEMS)
assert n >= 110, n
assert n_un >= 28, n_un
assert n_chain >= 12, n_chain
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
    else:
        assert it["why"], it["id"]
n_ctx = sum(len(it["turns"][0].split(". ")) > 1 or ("—" in it["turns"][0]) for it in ITEMS)
print(f"items {n}; unanswerable {n_un}; chains {n_chain}")
print("by kind:", dict(Counter(it["kind"] for it in ITEMS)))
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("by data x agent:", dict(Counter((it["data"], it["agent"]) for it in ITEMS)))
