#!/usr/bin/env python3
"""Writer 'dictation': field O&M technician dictating questions on a phone.

Reads the data files with pandas, computes every expected figure and writes
questions.jsonl. No expected number is typed by hand: every value below comes
from a lookup / aggregation on the loaded frames.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "dictation"

# ---------------------------------------------------------------- data
KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]

REAL_MARKET = pd.read_csv("/work/shared/datasets/market-database-fy.csv")
REAL_MARKET = REAL_MARKET.drop_duplicates()          # exact duplicates counted once
# RoW carries a few rows differing only by Estimated/Confirmed with the same value
REAL_MARKET = REAL_MARKET.drop_duplicates(KEY)
REAL_PRICES = pd.read_parquet("/work/shared/datasets/component-prices.parquet")

SAMPLE_MARKET = pd.read_csv("/work/main/data/sample/market.csv").drop_duplicates()
SAMPLE_PRICES = pd.read_csv("/work/main/data/sample/prices.csv", parse_dates=["date"])
FIN = pd.read_csv("/work/main/data/sample/financials.csv")

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia",
    "Central Europe", "EU", "East Asia", "East Europe", "Eurasia", "Europe",
    "Middle East", "North Africa", "North America", "North Europe", "Oceania",
    "RoW", "South America", "South Asia", "South Europe", "Southeast Asia",
    "Southern Africa", "World",
}

HP = "Historical Primary"
MP = "Forecast - Most probable"
HIGH = "Forecast - High"
LOW = "Forecast - Low"


def last_hist(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == HP)].Year.max())


def scen_for(df, terr, year, scen):
    if scen is not None:
        return scen
    return HP if year <= last_hist(df, terr) else MP


def mv(df, terr, year, typ="Annual", conn="Total", scen=None):
    s = scen_for(df, terr, year, scen)
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (terr, year, typ, conn, s, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def series(df, terr, years, typ="Annual", conn="Total", scen=None):
    return {y: mv(df, terr, y, typ, conn, scen) for y in years}


def countries(df):
    return sorted(set(df.Territory) - AGGREGATES)


def rank(df, year, typ="Annual", conn="Total", scen=HP, n=3):
    r = df[(df.Year == year) & (df.Scenario == scen) & (df.Connection == conn)
           & (df.Type == typ) & (df.Territory.isin(countries(df)))]
    r = r.sort_values("Capacity(MW)", ascending=False)
    top = r.head(n + 1)
    # make sure the cut is not a tie
    assert len(top) <= n or top["Capacity(MW)"].iloc[n - 1] != top["Capacity(MW)"].iloc[n]
    top = top.head(n)
    return list(top.Territory), [float(v) for v in top["Capacity(MW)"]]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def extreme(d, fn=max):
    v = fn(d.values())
    ks = [k for k, x in d.items() if x == v]
    assert len(ks) == 1, ks
    return ks[0], v


def psel(df, item, desc, region, unit=None):
    s = df[(df["item"] == item) & (df["description"] == desc) & (df["region"] == region)]
    if unit is not None:
        s = s[s["unit"] == unit]
    s = s.sort_values("date")
    assert len(s) > 0, (item, desc, region)
    units = set(s["unit"])
    assert len(units) == 1, units
    # one value per date (several sources may report the same figure)
    per_date = s.groupby("date")["base_price"].nunique()
    assert (per_date == 1).all(), (item, desc, region, "conflicting same-date values")
    return s.drop_duplicates("date")


def plast(df, *a, **k):
    s = psel(df, *a, **k)
    return float(s.base_price.iloc[-1]), s.unit.iloc[-1], s.date.iloc[-1]


def pfirst(df, *a, **k):
    s = psel(df, *a, **k)
    return float(s.base_price.iloc[0]), s.unit.iloc[0], s.date.iloc[0]


def pmonth(df, ym, *a, **k):
    s = psel(df, *a, **k)
    x = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(x) == 1, (a, ym, len(x))
    return float(x.base_price.iloc[0]), x.unit.iloc[0]


def pmin(df, *a, **k):
    s = psel(df, *a, **k)
    return float(s.base_price.min()), s.unit.iloc[0], s.loc[s.base_price.idxmin(), "date"]


def pmax(df, *a, **k):
    s = psel(df, *a, **k)
    return float(s.base_price.max()), s.unit.iloc[0], s.loc[s.base_price.idxmax(), "date"]


def pmean(df, year, *a, **k):
    s = psel(df, *a, **k)
    x = s[s.date.dt.year == year]
    return float(x.base_price.mean()), s.unit.iloc[0], len(x)


def fin(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HELIOS = "Helios Modules Ltd (sample)"
SUNFORGE = "SunForge Energy (sample)"
AURORA = "Aurora PV Group (sample)"
NORDLICHT = "Nordlicht Solar AG (sample)"
SHORT = {HELIOS: "Helios", SUNFORGE: "SunForge", AURORA: "Aurora", NORDLICHT: "Nordlicht"}

# ---------------------------------------------------------------- items
ITEMS = []


def add(data, agent, turns, kind, expect=(), names=(), how="", why=None):
    if isinstance(turns, str):
        turns = [turns]
    it = {"writer": WRITER, "data": data, "agent": agent, "turns": list(turns),
          "answerable": why is None, "kind": kind,
          "expect": [{"value": float(v), "unit": u} for v, u in expect],
          "names": list(names), "how": how}
    if why is not None:
        it["kind"] = "unanswerable"
        it["expect"] = []
        it["names"] = []
        it["why"] = why
    ITEMS.append(it)


def MW(v):
    return (v, "MW")


def P(v):
    return (v, "%")


R, S = "real", "sample"
RM, SM = REAL_MARKET, SAMPLE_MARKET
RP, SP = REAL_PRICES, SAMPLE_PRICES

# ================================================================ REAL: market
# ---- lookups
v = mv(RM, "Spain", 2023)
add(R, "market", "okay so um we got two parks down near Sevilla and the client keeps talking about the Spanish market. how much solar did Spain put in in twenty twenty three, like the total for the whole country", "lookup",
    [MW(v)], how="market CSV: Spain, 2023, Historical Primary, Total, Annual")

v = mv(RM, "France", 2024, "Cumulative")
add(R, "market", "so im out at the site and the boss asked me uh whats France's installed bass at the end of twenty twenty four, total, in megawatts",
    "lookup", [MW(v)], how="market CSV: France, 2024, Historical Primary, Total, Cumulative")

v = mv(RM, "Pakistan", 2024)
add(R, "market", "one of the guys on the crew says Pakistan went crazy with solar last year. how many megawatts did Pakistan install in twenty twenty four total",
    "lookup", [MW(v)], how="market CSV: Pakistan, 2024, Historical Primary, Total, Annual")

v = mv(RM, "Italy", 2027, scen=MP)
add(R, "market", "were supposed to be expanding the crew in Puglia in a couple years. whats the most probable four cast for Italy's new capacity in twenty twenty seven", "lookup",
    [MW(v)], how="market CSV: Italy, 2027, Forecast - Most probable, Total, Annual")

v = mv(RM, "Netherlands", 2022, conn="Centralised")
add(R, "market", "um what did the Netherlands add in centralised, like the big ground mount parks, in twenty twenty two", "lookup",
    [MW(v)], how="market CSV: Netherlands, 2022, Historical Primary, Centralised, Annual")

# ---- rankings (countries only)
n, vals = rank(RM, 2024, n=5)
add(R, "market", "okay so which five countries installed the most solar in twenty twenty four, just countries not regions or the whirled total",
    "rank", [MW(x) for x in vals], n, how="market CSV: 2024 Annual Total Historical Primary, countries only, top 5")

n, vals = rank(RM, 2024, "Cumulative", n=3)
add(R, "market", "top three countries by total instaled capacity, cumulative, end of twenty twenty four", "rank",
    [MW(x) for x in vals], n, how="market CSV: 2024 Cumulative Total Historical Primary, countries only, top 3")

n, vals = rank(RM, 2022, conn="Centralised", n=5)
add(R, "market", "we mostly do utility scale so I care about centralised. rank me the top five countries for centralised installs in twenty twenty two",
    "rank", [MW(x) for x in vals], n, how="market CSV: 2022 Annual Centralised Historical Primary, countries only, top 5")

n, vals = rank(RM, 2030, scen=MP, n=3)
add(R, "market", "okay so looking ahead, for the four cast which three countries are supposed to add the most solar in twenty thirty, most probable scenario",
    "rank", [MW(x) for x in vals], n, how="market CSV: 2030 Annual Total Forecast - Most probable, countries only, top 3")

n, vals = rank(RM, 2015, n=3)
add(R, "market", "back in twenty fifteen who were the top three countries for new installs, was Japan up there", "rank",
    [MW(x) for x in vals], n, how="market CSV: 2015 Annual Total Historical Primary, countries only, top 3")

# ---- shares
a, w = mv(RM, "China", 2024), mv(RM, "World", 2024)
add(R, "market", "everybody on site says China is basically the whole market now. what percent of the whirled's new solar in twenty twenty four went in in China", "share",
    [P(a / w * 100)], how="China 2024 Annual Total / World 2024 Annual Total, Historical Primary")

a, w = mv(RM, "USA", 2024, "Cumulative"), mv(RM, "World", 2024, "Cumulative")
add(R, "market", "the US share of global cumulative PV capacity at the end of 2024, percent please", "share",
    [P(a / w * 100)], how="USA 2024 Cumulative Total / World 2024 Cumulative Total")

a, t = mv(RM, "Germany", 2024, conn="Distributed"), mv(RM, "Germany", 2024)
add(R, "market", "German rooftop is booming apparently. of everything Germany installed in twenty twenty four how much was distributed, like as a percent of their total",
    "share", [P(a / t * 100)], how="Germany 2024 Annual Distributed / Germany 2024 Annual Total")

a, t = mv(RM, "India", 2024, conn="Centralised"), mv(RM, "India", 2024)
add(R, "market", "theres a tender coming up in Rajasthan, big ground mount. India twenty twenty four, what share of the new capacity was centralised", "share",
    [P(a / t * 100)], how="India 2024 Annual Centralised / India 2024 Annual Total")

a, t = mv(RM, "Australia", 2023, "Cumulative", "Distributed"), mv(RM, "Australia", 2023, "Cumulative")
add(R, "market", "Australia is all rooftops right. what percent of Australia's installed base at the end of twenty twenty three is distributed",
    "share", [P(a / t * 100)], how="Australia 2023 Cumulative Distributed / Australia 2023 Cumulative Total")

# ---- change
a, b = mv(RM, "Germany", 2022), mv(RM, "Germany", 2023)
add(R, "market", "okay so Germnay, how much did their annual installs go up from twenty twenty two to twenty twenty three, in percent", "change",
    [P(pct(a, b))], how="Germany Annual Total: (2023-2022)/2022*100")

a, b = mv(RM, "India", 2019, "Cumulative"), mv(RM, "India", 2024, "Cumulative")
add(R, "market", "um quick one for a slide my manager is doing. whats the compound annual growth rate for India's cumulative capacity from twenty nineteen to twenty twenty four", "change",
    [P(cagr(a, b, 5))], how="India Cumulative Total: (2024/2019)^(1/5)-1")

a, b = mv(RM, "USA", 2023), mv(RM, "USA", 2024)
add(R, "market", "American installs, twenty twenty four versus twenty twenty three, whats the difference in megawatts", "change",
    [MW(b - a)], how="USA Annual Total 2024 - 2023")

a, b = mv(RM, "Poland", 2025, scen=MP), mv(RM, "Poland", 2030, scen=MP)
add(R, "market", "we might bid on some O and M contracts in Poland. whats the kagger, compound growth, of Poland's yearly additions from twenty twenty five to twenty thirty in the most probable four cast",
    "change", [P(cagr(a, b, 5))], how="Poland Annual Total Forecast - Most probable: (2030/2025)^(1/5)-1")

a, b = mv(RM, "World", 2022), mv(RM, "World", 2023)
add(R, "market", "I keep hearing twenty twenty three was a monster year. global installs, year on year change twenty twenty three over twenty twenty two, percent", "change",
    [P(pct(a, b))], how="World Annual Total Historical Primary: (2023-2022)/2022*100")

# ---- compare
a, b = mv(RM, "Spain", 2024), mv(RM, "Germany", 2024)
add(R, "market", "my Spanish colleague reckons Spain beat Germany last year. Spain versus Germany new capacity in twenty twenty four, which one's bigger and by how much", "compare",
    [MW(a), MW(b), MW(b - a)], ["Germany"], how="Annual Total 2024: Spain, Germany, difference")

vals = [mv(RM, c, 2024, "Cumulative") for c in ("France", "Italy", "Spain")]
add(R, "market", "okay compare the installed bass of France Italy and Spain at the end of twenty twenty four, cumulative total for each", "compare",
    [MW(x) for x in vals], how="Cumulative Total 2024 for France, Italy, Spain")

a, b = mv(RM, "Japan", 2020), mv(RM, "Korea", 2020)
add(R, "market", "were talking to a Korean inverter supplier. Japan or Korea, who added more solar in twenty twenty", "compare",
    [MW(a), MW(b)], ["Japan"], how="Annual Total 2020 Japan vs Korea")

# ---- extreme
d = {y: mv(RM, "Japan", y) for y in sorted(RM[(RM.Territory == "Japan") & (RM.Scenario == HP)].Year.unique())}
y, v = extreme(d)
add(R, "market", "whats the record year ever for Japan's new installs and how much was it, like the peek", "extreme",
    [MW(v)], [str(y)], how="Japan Annual Total Historical Primary, max over all years")

d = {y: mv(RM, "UK", y) for y in sorted(RM[(RM.Territory == "UK") & (RM.Scenario == HP)].Year.unique())}
y, v = extreme(d)
add(R, "market", "when did the UK peak for annual solar additions", "extreme",
    [MW(v)], [str(y)], how="UK Annual Total Historical Primary, max over all years")

d = {y: mv(RM, "Italy", y) for y in sorted(RM[(RM.Territory == "Italy") & (RM.Scenario == HP)].Year.unique())}
y, v = extreme(d)
add(R, "market", "my old boss always said Italy had one massive year back in the day. what was Italy's biggest year ever for installs", "extreme",
    [MW(v)], [str(y)], how="Italy Annual Total Historical Primary, max over all years")

d = series(RM, "Germany", range(2010, 2025))
y, v = extreme(d, min)
add(R, "market", "I remember German installers going bust at some point. lowest year for Germany's annual installs since twenty ten, so twenty ten to twenty twenty four", "extreme",
    [MW(v)], [str(y)], how="Germany Annual Total Historical Primary 2010-2024, min")

d = series(RM, "Netherlands", range(2025, 2031), scen=MP)
y, v = extreme(d, min)
add(R, "market", "the Dutch market, in the most probable four cast which year has the lowest new installs", "extreme",
    [MW(v)], [str(y)], how="Netherlands Annual Total Forecast - Most probable 2025-2030, min")

# ---- average
d = series(RM, "Italy", range(2020, 2025))
add(R, "market", "average yearly installs in Italy from 2020 to 2024", "average",
    [MW(sum(d.values()) / len(d))], how="mean of Italy Annual Total 2020..2024")

d = series(RM, "Germany", range(2025, 2031), scen=MP)
add(R, "market", "we service a bunch of German parks and the boss wants a feel for growth. what does Germany average per year in the most probable four cast, twenty twenty five through twenty thirty", "average",
    [MW(sum(d.values()) / len(d))], how="mean of Germany Annual Total Forecast - Most probable 2025..2030")

d = series(RM, "Brazil", range(2020, 2025), conn="Distributed")
add(R, "market", "a buddy of mine does rooftop in Brazil. average distributed additions per year in Brazil, twenty twenty to twenty twenty four", "average",
    [MW(sum(d.values()) / len(d))], how="mean of Brazil Annual Distributed 2020..2024")

# ---- sum
d = series(RM, "Netherlands", range(2020, 2025))
add(R, "market", "add up what the Netherlands installed each year from twenty twenty to twenty twenty four, total megawatts", "sum",
    [MW(sum(d.values()))], how="sum of Netherlands Annual Total 2020..2024")

d = series(RM, "France", range(2025, 2031), scen=HIGH)
add(R, "market", "if France goes full speed, so the high scenario, whats the sum of their yearly additions twenty twenty five to twenty thirty", "sum",
    [MW(sum(d.values()))], how="sum of France Annual Total Forecast - High 2025..2030")

d = series(RM, "Australia", range(2018, 2023))
add(R, "market", "we got an Aussie guy starting next week, he asked. Australia's new installs twenty eighteen to twenty twenty two all combined", "sum",
    [MW(sum(d.values()))], how="sum of Australia Annual Total 2018..2022")

# ---- first / latest
ys = sorted(RM[(RM.Territory == "China") & (RM.Scenario == HP)].Year.unique())
first = next(y for y in ys if mv(RM, "China", y) > 100000)
add(R, "market", "first year China put in more than 100 GW in a single year", "first_latest",
    [MW(mv(RM, "China", first))], [str(first)], how="China Annual Total Historical Primary, first year > 100,000 MW")

ys = sorted(RM[(RM.Territory == "Germany") & (RM.Scenario == HP)].Year.unique())
first = next(y for y in ys if mv(RM, "Germany", y, "Cumulative") > 50000)
add(R, "market", "trivia question from lunch break. what year did Germany's cumulative capacity first go over fifty gigawatts", "first_latest",
    [MW(mv(RM, "Germany", first, "Cumulative"))], [str(first)], how="Germany Cumulative Total, first year > 50,000 MW")

ly = last_hist(RM, "Bangladesh")
add(R, "market", "a guy from Dhaka asked me this. whats the latest year you got historical data for Bangladesh and what was the new capacity that year", "first_latest",
    [MW(mv(RM, "Bangladesh", ly))], [str(ly)], how="Bangladesh: last Historical Primary year, Annual Total")

# ================================================================ REAL: prices
v, u, dt = plast(RP, "Module", "n-type TOPCon", "EU")
add(R, "price", "we need to swap some broken panels after a hail storm. whats the latest prce for n type top con modules in the EU", "price",
    [(v, u)], how=f"prices: Module / n-type TOPCon / EU, latest date {dt.date()}")

vals = [plast(RP, "Module", "n-type TOPCon", r) for r in ("China", "EU", "US")]
hi = max(zip(vals, ("China", "EU", "US")), key=lambda t: t[0][0])[1]
add(R, "price", "we're looking at replacement panels for a couple of strings. compare the latest top con module prices in China the EU and the US",
    "price", [(x[0], x[1]) for x in vals], [hi], how="prices: Module / n-type TOPCon latest for China, EU, US; highest named")

v, u = pmonth(RP, "2024-03", "Copper", "Copper", "Overseas")
add(R, "price", "procurement wants to check a cable invoice. copper price in March twenty twenty four", "price",
    [(v, u)], how="prices: Copper / Overseas monthly, 2024-03")

v, u, dt = pmax(RP, "Aluminium", "Aluminium", "Overseas")
add(R, "price", "um aluminum, like for the racking. whats the highest aluminium price in the whole series", "price",
    [(v, u)], [str(dt.year)], how=f"prices: Aluminium / Overseas, max over series ({dt.date()})")

v, u = pmonth(RP, "2024-06", "Silver", "Silver", "Overseas", unit="K US$/t")
add(R, "price", "silver price in June twenty twenty four, the monthly number", "price",
    [(v, u)], how="prices: Silver / Overseas monthly, 2024-06 (unit K US$/t)")

f, u, d0 = pfirst(RP, "Module", "n-type TOPCon", "EU")
l, _, d1 = plast(RP, "Module", "n-type TOPCon", "EU")
add(R, "price", "whats the percent change on EU top con module prices from the start of your series to the latest", "price",
    [P(pct(f, l))], how=f"prices: Module / n-type TOPCon / EU, first ({d0.date()}) to latest ({d1.date()}) % change")

v, u, dt = pmin(RP, "Cell", "n-type TOPCon M10", "Overseas")
add(R, "price", "lowest price ever for the n type top con M10 sells overseas", "price",
    [(v, u)], how=f"prices: Cell / n-type TOPCon M10 / Overseas, min over series ({dt.date()})")

v, u, dt = plast(RP, "EVA", "EVA", "Overseas")
add(R, "price", "we keep seeing browning on old modules and someone asked about encapsulant. E V A, whats the latest price", "price",
    [(v, u)], how=f"prices: EVA / Overseas, latest ({dt.date()})")

lo = pmin(RP, "Module", "CdTe", "Overseas")
hi_ = pmax(RP, "Module", "CdTe", "Overseas")
add(R, "price", "we got a First Solar thin film block on one site. for CdTe modules overseas give me the highest and lowest price in the data", "price",
    [(hi_[0], hi_[1]), (lo[0], lo[1])], how="prices: Module / CdTe / Overseas, max and min over series")

a = plast(RP, "Module", "n-type TOPCon", "China")
b = plast(RP, "Module", "n-type HJT", "China")
assert a[2] == b[2]
cheaper = "TOPCon" if a[0] < b[0] else "HJT"
add(R, "price", "in China right now which is cheaper, top con or H J T modules, latest prices", "price",
    [(a[0], a[1]), (b[0], b[1])], [cheaper], how=f"prices: Module n-type TOPCon vs n-type HJT, China, latest {a[2].date()}")

v, u, dt = plast(RP, "Wafer", "n-type mono-Si M10", "Overseas")
add(R, "price", "okay so wafers. n type mono M10 wafer overseas, latest price per piece", "price",
    [(v, u)], how=f"prices: Wafer / n-type mono-Si M10 / Overseas, latest ({dt.date()})")

v, u, k = pmean(RP, 2023, "Copper", "Copper", "Overseas")
assert k == 12
add(R, "price", "okay so average copper price over twenty twenty three, the monthly numbers averaged", "price",
    [(v, u)], how="prices: Copper / Overseas, mean of the 12 monthly values of 2023")

# ================================================================ REAL: financials (sample file)
v, u = fin(HELIOS, "FY2024", "Revenue")
add(R, "manufacturer_financial", "Helios Modules revenue for the full year twenty twenty four, FY", "financial",
    [(v, u)], how="financials: Helios Modules Ltd (sample), FY2024, Revenue")

v, u = fin(SUNFORGE, "2024-Q2", "Gross margin")
add(R, "manufacturer_financial", "our panel supplier is SunForge. what was SunForge's gross margins in Q2 twenty twenty four", "financial",
    [(v, u)], how="financials: SunForge Energy (sample), 2024-Q2, Gross margin")

sh = sorted([(fin(c, "FY2024", "Module shipments")[0], c) for c in (HELIOS, SUNFORGE, AURORA, NORDLICHT)], reverse=True)
add(R, "manufacturer_financial", "we might switch module brands for the repowering. rank the manufacturers you have by module ship mints for FY twenty twenty four", "financial",
    [(x[0], "GW") for x in sh], [SHORT[x[1]] for x in sh], how="financials: Module shipments FY2024, all four companies sorted desc")

# ================================================================ REAL: follow-ups
v = mv(RM, "Portugal", 2023)
add(R, "market", ["how much did Spain add in twenty twenty three", "and Portugal?"], "follow_up",
    [MW(v)], how="Portugal 2023 Annual Total Historical Primary")

v = mv(RM, "Germany", 2020, "Cumulative")
add(R, "market", ["Germany's total installed capacity end of twenty twenty four, cumulative", "okay what about at the end of twenty twenty"],
    "follow_up", [MW(v)], how="Germany 2020 Cumulative Total")

v = mv(RM, "France", 2028, scen=HIGH)
add(R, "market", ["France new installs in twenty twenty eight, most probable four cast", "same for the hi scenario"],
    "follow_up", [MW(v)], how="France 2028 Annual Total Forecast - High")

n, vals = rank(RM, 2019, n=3)
add(R, "market", ["top three countries for new installs in twenty twenty four", "and in twenty nineteen?"],
    "follow_up", [MW(x) for x in vals], n, how="2019 Annual Total, countries only, top 3")

v, u = pmonth(RP, "2024-03", "Aluminium", "Aluminium", "Overseas")
add(R, "price", ["copper price March twenty twenty four", "and aluminium, same month"],
    "follow_up", [(v, u)], how="prices: Aluminium / Overseas, 2024-03")

a, w = mv(RM, "India", 2023), mv(RM, "World", 2023)
add(R, "market", ["India's share of the world's new installs in twenty twenty four", "what about twenty twenty three"],
    "follow_up", [P(a / w * 100)], how="India 2023 Annual Total / World 2023 Annual Total")

a, b = mv(RM, "Pakistan", 2023), mv(RM, "Pakistan", 2024)
add(R, "market", ["a guy on the crew said Pakistan is importing tons of panels. Pakistan new installs twenty twenty four", "how much was it the year before", "so whats the percent jump"],
    "follow_up", [P(pct(a, b))], how="Pakistan Annual Total (2024-2023)/2023*100")

vals = [mv(RM, c, 2024) for c in ("Germany", "Spain", "Italy")]
add(R, "market", ["new installs in twenty twenty four for Germany Spain and Italy", "can you throw that in a chart"],
    "follow_up", [MW(x) for x in vals], ["Germany", "Spain", "Italy"], how="Annual Total 2024 for Germany, Spain, Italy, charted")

v, u = fin(HELIOS, "FY2023", "Net income")
add(R, "manufacturer_financial", ["Helios revenue FY twenty twenty three", "and net in come same year?"],
    "follow_up", [(v, u)], how="financials: Helios Modules Ltd (sample), FY2023, Net income")

# ================================================================ REAL: unanswerable
add(R, "market", "our company also runs a couple wind farms. how much wind capacity did Spain add in twenty twenty three", "unanswerable",
    why="wind is not in the data; only solar PV capacity")
add(R, "market", "what's the LCOE for utility scale solar in Germany right now, like euros per megawatt hour", "unanswerable",
    why="LCOE is not held; the market data holds capacity in MW only")
add(R, "market", "how many gigawatt hours did Italian PV actually generate in twenty twenty four, like the production", "unanswerable",
    why="electricity generation (GWh) is not held; only installed capacity")
add(R, "market", "were putting batteries next to one of our parks. how much battery storage did Australia install in twenty twenty four", "unanswerable",
    why="battery storage is not in the data")
add(R, "market", "how much new solar did Nigeria install in twenty twenty four", "unanswerable",
    why="Nigeria is not a territory in the market data (only Africa aggregates and a few African countries)")
add(R, "market", "what will Germany's total cumulative capacity be in twenty thirty, most probable", "unanswerable",
    why="forecast cumulative values in the real CSV exclude the installed base, so a forecast cumulative figure cannot be given")
add(R, "market", "what's Spain going to install in twenty thirty five", "unanswerable",
    why="forecasts stop at 2030")
add(R, "price", "half my callouts are inverter faults lol. string inverter prices, whats the latest per watt", "unanswerable",
    why="inverters are not a price item in the data")
add(R, "price", "latest top con module price in Brazil", "unanswerable",
    why="no Brazil region in the price data (regions: China, Overseas, EU, US, Australia, India)")
add(R, "manufacturer_financial", "half our strings are LONGi panels. what was LONGi's revenue in twenty twenty four", "unanswerable",
    why="LONGi is not among the companies in the financials file")
add(R, "manufacturer_financial", "Helios EBITDA for FY twenty twenty four", "unanswerable",
    why="EBITDA is not a metric in the financials (revenue, gross margin, net income, shipments, capacity only)")
add(R, "price", "of the price of a top con module, what percent is the polysilicon", "unanswerable",
    why="the data holds separate price series in different units; it cannot give a cost share of a price")
add(R, "market", "thinking about moving to Lyon. how many people work in solar in France, like jobs", "unanswerable",
    why="employment is not held")
add(R, "market", "we have a few off grid sites. whats the off grid four cast for Germany in twenty twenty eight", "unanswerable",
    why="forecasts only cover Total, Centralised and Distributed; no off-grid forecast")
add(R, "market", "a colleague from Kyiv asked, what's Ukraine's new solar in twenty twenty seven in the low scenario", "unanswerable",
    why="Ukraine has high and most probable forecasts but no low-scenario rows")
add(R, "market", "how much PV went in in Texas in twenty twenty four", "unanswerable",
    why="no sub-national data; only USA as a whole")
add(R, "market", "whats the typical O and M cost per megawatt per year for a solar park in Spain", "unanswerable",
    why="operation and maintenance costs are not held")
add(R, "market", ["how much did Spain put in in twenty twenty three", "okay and solar thermal, like the hot water collectors, same year"],
    "unanswerable", why="solar thermal is not in the data; only PV")

# ================================================================ SAMPLE: market
v = mv(SM, "Poland", 2022, "Cumulative")
add(S, "market", "Poland cumulative capacity at the end of twenty twenty two, total MW", "lookup",
    [MW(v)], how="sample market: Poland 2022 Cumulative Total Historical Primary")

v = mv(SM, "Netherlands", 2023, conn="Distributed")
add(S, "market", "okay so the Dutch rooftops, how much distributed capacity did the Netherlands add in twenty twenty three", "lookup",
    [MW(v)], how="sample market: Netherlands 2023 Annual Distributed")

n, vals = rank(SM, 2024, n=3)
add(S, "market", "okay so which three countries had the most new solar in twenty twenty four, countries only", "rank",
    [MW(x) for x in vals], n, how="sample market: 2024 Annual Total, countries only, top 3")

n, vals = rank(SM, 2023, "Cumulative", n=3)
add(S, "market", "rank the countries by installed base at the end of twenty twenty three, top three", "rank",
    [MW(x) for x in vals], n, how="sample market: 2023 Cumulative Total, countries only, top 3")

a, w = mv(SM, "Germany", 2020), mv(SM, "World", 2020)
add(S, "market", "Germany's share of whirled new installs in twenty twenty, percent", "share",
    [P(a / w * 100)], how="sample market: Germany 2020 Annual Total / World 2020 Annual Total")

a, t = mv(SM, "France", 2024, conn="Distributed"), mv(SM, "France", 2024)
add(S, "market", "lots of carport solar going up around Lyon. France twenty twenty four, what share of the new capacity was distributed", "share",
    [P(a / t * 100)], how="sample market: France 2024 Annual Distributed / Total")

a, b = mv(SM, "Spain", 2018), mv(SM, "Spain", 2019)
add(S, "market", "I heard Spain exploded around twenty nineteen. whats the percent jump in new installs from twenty eighteen to twenty nineteen", "change",
    [P(pct(a, b))], how="sample market: Spain Annual Total (2019-2018)/2018*100")

a, b = mv(SM, "Italy", 2024, "Cumulative"), mv(SM, "Italy", 2030, "Cumulative", scen=MP)
add(S, "market", "Italy's cumulative capacity, compound annual growth from end of twenty twenty four to twenty thirty, most probable", "change",
    [P(cagr(a, b, 6))], how="sample market: Italy Cumulative Total, 2024 Historical -> 2030 Most probable, (b/a)^(1/6)-1")

a, b = mv(SM, "Netherlands", 2023), mv(SM, "Netherlands", 2024)
add(S, "market", "I heard the Dutch market slowed down. Netherlands new installs change from twenty twenty three to twenty twenty four in megawatts", "change",
    [MW(b - a)], how="sample market: Netherlands Annual Total 2024 - 2023")

a, b = mv(SM, "France", 2022), mv(SM, "Poland", 2022)
add(S, "market", "France versus Poland new installs in twenty twenty two, who did more and the numbers", "compare",
    [MW(a), MW(b)], ["Poland"], how="sample market: Annual Total 2022 France vs Poland")

vals = [mv(SM, c, 2030, scen=LOW) for c in ("Germany", "Italy", "Spain")]
add(S, "market", "worst case planning here. Germany Italy Spain new installs in twenty thirty, low scenario, side by side", "compare",
    [MW(x) for x in vals], how="sample market: Annual Total 2030 Forecast - Low for Germany, Italy, Spain")

d = series(SM, "Netherlands", range(2015, 2025))
y, v = extreme(d)
add(S, "market", "Netherlands best year for new installs between twenty fifteen and twenty twenty four", "extreme",
    [MW(v)], [str(y)], how="sample market: Netherlands Annual Total 2015-2024 max")

d = series(SM, "Germany", range(2025, 2031), scen=LOW)
y, v = extreme(d, min)
add(S, "market", "in the low scenario which year has Germany's lowest additions", "extreme",
    [MW(v)], [str(y)], how="sample market: Germany Annual Total Forecast - Low 2025-2030 min")

d = series(SM, "Poland", range(2020, 2025))
add(S, "market", "were hiring techs in Warsaw. average new installs per year for Poland twenty twenty to twenty twenty four", "average",
    [MW(sum(d.values()) / len(d))], how="sample market: mean Poland Annual Total 2020..2024")

d = series(SM, "World", range(2025, 2031), scen=HIGH)
add(S, "market", "whirled average annual additions in the hi scenario twenty twenty five to twenty thirty", "average",
    [MW(sum(d.values()) / len(d))], how="sample market: mean World Annual Total Forecast - High 2025..2030")

d = series(SM, "Spain", range(2019, 2025))
add(S, "market", "total Spain added from twenty nineteen through twenty twenty four, all the years sumed", "sum",
    [MW(sum(d.values()))], how="sample market: sum Spain Annual Total 2019..2024")

d = series(SM, "France", range(2025, 2031), scen=MP)
add(S, "market", "sum of France's most probable additions twenty twenty five to twenty thirty", "sum",
    [MW(sum(d.values()))], how="sample market: sum France Annual Total Forecast - Most probable 2025..2030")

ys = sorted(SM[(SM.Territory == "Poland") & (SM.Scenario == HP)].Year.unique())
first = next(y for y in ys if mv(SM, "Poland", y) > 2000)
add(S, "market", "first year Poland added more than 2 GW in one year", "first_latest",
    [MW(mv(SM, "Poland", first))], [str(first)], how="sample market: Poland Annual Total, first year > 2,000 MW")

ys = sorted(SM[(SM.Territory == "World") & (SM.Scenario == HP)].Year.unique())
first = next(y for y in ys if mv(SM, "World", y) > 500000)
add(S, "market", "what was the first year the world installed over five hundred gigawatts in a year", "first_latest",
    [MW(mv(SM, "World", first))], [str(first)], how="sample market: World Annual Total, first year > 500,000 MW")

# ================================================================ SAMPLE: prices
v, u = pmonth(SP, "2024-12", "Module", "n-type TOPCon", "EU")
add(S, "price", "the warranty claim is from end of last year. top con module price in the EU for December twenty twenty four", "price",
    [(v, u)], how="sample prices: Module / n-type TOPCon / EU, 2024-12")

v, u, dt = pmin(SP, "Polysilicon", "High purity - 9N/9N+", "China")
add(S, "price", "poly silicon in China, high purity nine N, whats the lowest its been", "price",
    [(v, u)], how=f"sample prices: Polysilicon / High purity 9N / China, min ({dt.date()})")

v, u = pmonth(SP, "2024-03", "PV glass", "Glass 3,2mm", "EU")
add(S, "price", "PV glass three point two millimeter in the EU, price in March twenty twenty four", "price",
    [(v, u)], how="sample prices: PV glass / Glass 3,2mm / EU, 2024-03")

a, _ = pmonth(SP, "2023-01", "Wafer", "n-type mono-Si M10", "China")
b, _ = pmonth(SP, "2024-12", "Wafer", "n-type mono-Si M10", "China")
add(S, "price", "n type M10 wafers in China, percent change from January twenty twenty three to December twenty twenty four", "price",
    [P(pct(a, b))], how="sample prices: Wafer / n-type mono-Si M10 / China, 2023-01 -> 2024-12 % change")

a = plast(SP, "Module", "n-type HJT", "India")
b = plast(SP, "Module", "n-type HJT", "US")
add(S, "price", "H J T modules, India versus the US, latest prices", "price",
    [(a[0], a[1]), (b[0], b[1])], how="sample prices: Module / n-type HJT latest, India and US")

v, u, k = pmean(SP, 2024, "Module", "p-type mono-Si PERC M10", "China")
assert k == 12
add(S, "price", "average perk M10 module price in China over twenty twenty four", "price",
    [(v, u)], how="sample prices: Module / p-type mono-Si PERC M10 / China, mean of 2024 monthly values")

regs = sorted(set(SP[(SP["item"] == "Module") & (SP.description == "n-type TOPCon")].region))
vals = {r: pmonth(SP, "2024-12", "Module", "n-type TOPCon", r) for r in regs}
cheap = min(vals, key=lambda r: vals[r][0])
add(S, "price", "which region had the cheapest top con modules in December twenty twenty four and what was the price", "price",
    [vals[cheap]], [cheap], how="sample prices: Module / n-type TOPCon, 2024-12, min across regions")

# ================================================================ SAMPLE: financials

v, u = fin(SUNFORGE, "FY2024", "Net income")
add(S, "manufacturer_financial", "our supplier SunForge has been slow on warranty claims, i wonder if theyre in trouble. SunForge net income for FY twenty twenty four", "financial",
    [(v, u)], how="financials: SunForge, FY2024, Net income")

rv = sorted([(fin(c, "FY2023", "Revenue")[0], c) for c in (HELIOS, SUNFORGE, AURORA, NORDLICHT)], reverse=True)
add(S, "manufacturer_financial", "which of the manufacturers had the highest revenue in FY twenty twenty three", "financial",
    [(rv[0][0], "USD million")], [SHORT[rv[0][1]]], how="financials: FY2023 Revenue, max across companies")

a, _ = fin(AURORA, "FY2023", "Revenue")
b, _ = fin(AURORA, "FY2024", "Revenue")
add(S, "manufacturer_financial", "we got a quote from Aurora PV. their revenue change FY twenty twenty three to FY twenty twenty four in percent", "financial",
    [P(pct(a, b))], how="financials: Aurora FY2023 -> FY2024 Revenue % change")

q = [fin(NORDLICHT, f"2024-Q{i}", "Module shipments")[0] for i in range(1, 5)]
add(S, "manufacturer_financial", "Nordlicht module shipments, add up the four quarters of twenty twenty four", "financial",
    [(sum(q), "GW")], how="financials: Nordlicht Module shipments, sum 2024-Q1..Q4")

qs = {p: fin(HELIOS, p, "Gross margin")[0] for p in sorted(FIN.period.unique()) if "-Q" in p}
pbest, vbest = extreme(qs)
add(S, "manufacturer_financial", "Helios, which quarter had the best gross margin, and what was it", "financial",
    [(vbest, "%")], [pbest.split("-")[0], pbest.split("-")[1]], how="financials: Helios Gross margin, max over quarterly periods")

q = [fin(SUNFORGE, f"2024-Q{i}", "Gross margin")[0] for i in range(1, 5)]
add(S, "manufacturer_financial", "average gross margin for SunForge across the four quarters of twenty twenty four", "financial",
    [(sum(q) / 4, "%")], how="financials: SunForge Gross margin, mean of 2024-Q1..Q4")

# ================================================================ SAMPLE: follow-ups
v = mv(SM, "Italy", 2024, conn="Distributed")
add(S, "market", ["Italy new installs in twenty twenty four", "what about just distributed"],
    "follow_up", [MW(v)], how="sample market: Italy 2024 Annual Distributed")

v, u = pmonth(SP, "2024-12", "Module", "n-type TOPCon", "China")
add(S, "price", ["top con module price EU December twenty twenty four", "and in China?"],
    "follow_up", [(v, u)], how="sample prices: Module / n-type TOPCon / China, 2024-12")

a, _ = fin(SUNFORGE, "2024-Q3", "Revenue")
b, _ = fin(SUNFORGE, "2024-Q4", "Revenue")
add(S, "manufacturer_financial", ["SunForge revenue Q3 twenty twenty four", "and Q4?", "so percent change between them"],
    "follow_up", [P(pct(a, b))], how="financials: SunForge Revenue 2024-Q3 -> 2024-Q4 % change")

v = mv(SM, "Poland", 2030, scen=HIGH)
add(S, "market", ["were thinking about opening a Polish branch. Poland low scenario new installs twenty thirty", "and the high?"],
    "follow_up", [MW(v)], how="sample market: Poland 2030 Annual Total Forecast - High")

v, u = pmonth(SP, "2023-01", "Polysilicon", "High purity - 9N/9N+", "EU")
add(S, "price", ["poly silicon price in China January twenty twenty three", "what about the EU same month"],
    "follow_up", [(v, u)], how="sample prices: Polysilicon / High purity 9N / EU, 2023-01")

# ================================================================ SAMPLE: unanswerable
add(S, "market", "how much solar did the US install in twenty twenty four", "unanswerable",
    why="the sample market data covers only Italy, Germany, Spain, France, Netherlands, Poland and World")
add(S, "price", "we re doing some cable runs. copper, whats the latest price per ton", "unanswerable",
    why="no raw-material (copper) series in the sample prices")
add(S, "market", "Italy new installs in twenty fourteen", "unanswerable",
    why="sample market data starts in 2015")
add(S, "price", "cell prices in India, top con M10 latest", "unanswerable",
    why="sample cell prices are only for China and EU")
add(S, "manufacturer_financial", "First Solar net income twenty twenty four", "unanswerable",
    why="First Solar is not in the financials file")
add(S, "manufacturer_financial", "how much does Helios spend on R and D", "unanswerable",
    why="R&D spending is not a metric in the financials")
add(S, "market", "long term planning thing. Germany new installs in twenty thirty two, most probable", "unanswerable",
    why="forecasts end in 2030")
add(S, "market", "how much wind went in in Poland in twenty twenty three", "unanswerable",
    why="wind is not in the data")
add(S, "market", "whats the capacity factor for solar in Spain, like how many full load hours a year", "unanswerable",
    why="capacity factor / generation is not held")
add(S, "price", "how much of the module price is the glass, in percent", "unanswerable",
    why="the data cannot give a cost share of a price; series are separate and in different units")
add(S, "price", "we got trackers jamming all the time on one site. single axis tracker prices, whats the going rate", "unanswerable",
    why="trackers are not a price item in the data")
add(S, "market", "rooftop installs in Bavaria twenty twenty four, the state not the whole country", "unanswerable",
    why="no sub-national regions in the data")
add(S, "market", ["Germany new installs twenty twenty four", "and what was that worth in euros, like the market value"],
    "unanswerable", why="market value in EUR is not held; only capacity in MW")

# ---------------------------------------------------------------- ids + write
for i, it in enumerate(ITEMS, 1):
    it["id"] = f"{WRITER}-{i:03d}"
ORDER = ["id", "writer", "data", "agent", "turns", "answerable", "kind", "expect", "names", "why", "how"]
with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
    for it in ITEMS:
        fh.write(json.dumps({k: it[k] for k in ORDER if k in it}, ensure_ascii=False) + "\n")

# ---------------------------------------------------------------- self-check
ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
unans = [it for it in ITEMS if not it["answerable"]]
assert len(unans) >= 28, len(unans)
chains = [it for it in ITEMS if len(it["turns"]) >= 2]
fu = [it for it in ITEMS if it["kind"] == "follow_up"]
assert len(fu) >= 12, len(fu)
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
        for e in it["expect"]:
            assert e["value"] == e["value"], it["id"]  # not NaN
    else:
        assert it.get("why"), it["id"]
fin_n = sum(1 for it in ITEMS if it["agent"] == "manufacturer_financial")
ctx = sum(1 for it in ITEMS if ". " in it["turns"][0])  # a context sentence before the question
assert ctx * 3 >= len(ITEMS), ctx

print("items", len(ITEMS), "unanswerable", len(unans), "follow_up kind", len(fu), "multi-turn chains", len(chains),
      "financial-agent items", fin_n, "with context sentence", ctx)
print("by data", dict(Counter(it["data"] for it in ITEMS)))
print("by agent", dict(Counter(it["agent"] for it in ITEMS)))
print("by kind", dict(Counter(it["kind"] for it in ITEMS)))
print("kind x data")
print(pd.crosstab(pd.Series([it["kind"] for it in ITEMS], name="kind"),
                  pd.Series([it["data"] for it in ITEMS], name="data")).to_string())
