"""Writer `hospital`: facilities & energy manager of a regional German hospital group.

Reads the data files with pandas, computes every expected figure, writes questions.jsonl.
No expected number is typed by hand.
"""
import json
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "hospital"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]


def load_market(path):
    df = pd.read_csv(path)
    df = df.drop_duplicates()
    # rows that differ only in the AC/DC / Estimated flags carry the same figure: count once
    df = df.drop_duplicates(KEY + ["Capacity(MW)"])
    assert not df.duplicated(KEY).any(), "conflicting market rows"
    return df


MK = {"real": load_market(REAL_MARKET), "sample": load_market(S_MARKET)}

rp = pd.read_parquet(REAL_PRICES)
rp["date"] = pd.to_datetime(rp["date"])
sp = pd.read_csv(S_PRICES)
sp["date"] = pd.to_datetime(sp["date"])
PR = {"real": rp, "sample": sp}
FIN = pd.read_csv(S_FIN)

AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
SCEN = {"high": "Forecast - High", "most probable": "Forecast - Most probable",
        "low": "Forecast - Low", "hist": "Historical Primary"}

# ---------------------------------------------------------------- market helpers


def last_hist(src, terr):
    df = MK[src]
    return int(df[(df.Territory == terr) & (df.Scenario == "Historical Primary")].Year.max())


def first_hist(src, terr):
    df = MK[src]
    return int(df[(df.Territory == terr) & (df.Scenario == "Historical Primary")].Year.min())


def scen_for(src, terr, year, scen=None):
    if scen is not None:
        return SCEN[scen]
    return "Historical Primary" if year <= last_hist(src, terr) else "Forecast - Most probable"


def mv(src, terr, year, typ="Annual", conn="Total", scen=None):
    df = MK[src]
    s = scen_for(src, terr, year, scen)
    if src == "real" and typ == "Cumulative":
        assert s == "Historical Primary", "never use forecast cumulative from the real CSV"
    r = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s)
           & (df.Connection == conn) & (df.Type == typ)]
    assert len(r) == 1, (src, terr, year, typ, conn, s, len(r))
    return float(r["Capacity(MW)"].iloc[0])


def series(src, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: mv(src, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def countries_year(src, year, typ="Annual", conn="Total"):
    df = MK[src]
    r = df[(df.Year == year) & (df.Scenario == "Historical Primary") & (df.Connection == conn)
           & (df.Type == typ) & (~df.Territory.isin(AGGREGATES))]
    assert not r.Territory.duplicated().any()
    return r.sort_values("Capacity(MW)", ascending=False)[["Territory", "Capacity(MW)"]]


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


# ---------------------------------------------------------------- price helpers


def pser(src, item, desc, region):
    df = PR[src]
    s = df[(df.item == item) & (df.description == desc) & (df.region == region)].sort_values("date")
    assert len(s) > 0, (src, item, desc, region)
    return s


def p_on(src, item, desc, region, date):
    s = pser(src, item, desc, region)
    r = s[s.date == pd.Timestamp(date)]
    assert len(r) == 1, (item, desc, region, date, len(r))
    return float(r.base_price.iloc[0]), r.unit.iloc[0]


def p_month(src, item, desc, region, ym):
    s = pser(src, item, desc, region)
    r = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(r) == 1, (item, desc, region, ym, len(r))
    return float(r.base_price.iloc[0]), r.unit.iloc[0]


def p_latest(src, item, desc, region):
    s = pser(src, item, desc, region)
    d = s.date.max()
    r = s[s.date == d]
    assert len(r) == 1, (item, desc, region, d, len(r))
    return float(r.base_price.iloc[0]), r.unit.iloc[0], d


def p_span(src, item, desc, region, d0=None, d1=None):
    s = pser(src, item, desc, region)
    if d0 is not None:
        s = s[s.date >= pd.Timestamp(d0)]
    if d1 is not None:
        s = s[s.date <= pd.Timestamp(d1)]
    assert s.date.is_unique, (item, desc, region, "duplicate dates in span")
    assert s.unit.nunique() == 1, "mixed units"
    return s


# ---------------------------------------------------------------- financial helpers


def fv(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"
SUN = "SunForge Energy (sample)"
COMPANIES = [AUR, HEL, NOR, SUN]


def short(c):
    return c.replace(" (sample)", "").replace(" Ltd", "").replace(" AG", "").replace(" Group", "").replace(" Energy", "")


# ---------------------------------------------------------------- item collection

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
        assert not it["expect"]
    ITEMS.append(it)


def MW(v):
    return {"value": v, "unit": "MW"}


def P(v):
    return {"value": v, "unit": "%"}


def U(v, unit):
    return {"value": v, "unit": unit}


# ================================================================= REAL: market

R = "real"

v = mv(R, "Germany", 2024)
add(R, "market", "Hi, I look after facilities and energy for a group of five hospitals in Lower Saxony and our "
    "board wants some background before we sign off on rooftop PV. How much solar was installed in "
    "Germany in 2024?", "lookup", [MW(v)], [],
    "market CSV: Germany, 2024, Historical Primary, Total, Annual")

v = mv(R, "Germany", 2024, "Cumulative")
add(R, "market", "whats the total installed PV base in germany at the end of 2024, the whole fleet i mean",
    "lookup", [MW(v)], [], "market CSV: Germany, 2024, Historical Primary, Total, Cumulative")

d = mv(R, "Germany", 2024, conn="Distributed")
t = mv(R, "Germany", 2024)
add(R, "market", "For the board paper I want to show that we're not some odd exception. Of all the new PV "
    "Germany put in during 2024, what percentage was distributed (rooftop-type) systems?", "share",
    [P(d / t * 100)], [], "Germany 2024 Annual Distributed / Germany 2024 Annual Total x100")

w = mv(R, "World", 2024)
add(R, "market", "Our CFO keeps saying Germany is a small player in solar these days. What share of the "
    "world's new solar capacity in 2024 went into Germany?", "share", [P(t / w * 100)], [],
    "Germany 2024 Annual Total / World 2024 Annual Total x100")

top = countries_year(R, 2024).head(5)
add(R, "market", "Which five countries installed the most solar in 2024? Countries only please, not "
    "regions or continents.", "rank", [MW(x) for x in top["Capacity(MW)"]], list(top.Territory),
    "real CSV 2024 Annual Total Historical Primary, aggregates excluded, top 5")

top10 = countries_year(R, 2024, "Cumulative").head(10)
add(R, "market", "Could you give me a top 10 of countries by total installed PV capacity as of end of 2024?",
    "rank", [MW(x) for x in top10["Capacity(MW)"]], list(top10.Territory),
    "real CSV 2024 Cumulative Total Historical Primary, aggregates excluded, top 10")

a, b = mv(R, "Germany", 2023), mv(R, "Germany", 2024)
add(R, "market", "Our local paper said Germany added roughly 17,000 MW last year, which sounded like a lot. By how many "
    "percent did Germany's annual installations change from 2023 to 2024?",
    "change", [P(pct(a, b))], [], "Germany Annual Total 2023 -> 2024, (b-a)/a x100")

a, b = mv(R, "Germany", 2019, "Cumulative"), mv(R, "Germany", 2024, "Cumulative")
add(R, "market", "Someone in finance asked for a CAGR. What was the compound annual growth rate of "
    "Germany's cumulative PV capacity between 2019 and 2024?", "change", [P(cagr(a, b, 5))], [],
    "Germany Cumulative Total 2019 -> 2024, CAGR over 5 years")

vals = [mv(R, c, 2024) for c in ["Germany", "France", "Netherlands"]]
add(R, "market", "We have sister organisations in France and the Netherlands and we like to benchmark. Can "
    "you compare new PV installations in 2024 for Germany, France and the Netherlands?", "compare",
    [MW(x) for x in vals], ["Germany", "France", "Netherlands"],
    "Annual Total 2024 for Germany, France, Netherlands")

vals = [mv(R, c, 2024) for c in ["Austria", "Switzerland"]]
add(R, "market", "One of our rehab clinics is near the Austrian border and the Swiss are always quoted at us "
    "as an example. How did Austria and Switzerland compare for solar added in 2024?", "compare",
    [MW(x) for x in vals], ["Austria", "Switzerland"], "Annual Total 2024 for Austria and Switzerland")

s = series(R, "Germany", 2000, 2020)
yk = max(s, key=s.get)
add(R, "market", "I remember a big solar boom here back in the feed-in tariff days. Between 2000 and 2020, "
    "which year had the highest new installations in Germany, and how much was it?", "extreme",
    [MW(s[yk])], [str(yk)], "Germany Annual Total 2000-2020, max")

s = series(R, "Germany", 2010, 2024)
yk = min(s, key=s.get)
add(R, "market", "And the opposite - from 2010 to 2024, which was the weakest year for new PV in Germany?",
    "extreme", [MW(s[yk])], [str(yk)], "Germany Annual Total 2010-2024, min")

s = series(R, "Italy", first_hist(R, "Italy"), last_hist(R, "Italy"))
yk = max(s, key=s.get)
add(R, "market", "Italys peak year for solar installations, over all the years you have?", "extreme",
    [MW(s[yk])], [str(yk)], "Italy Annual Total, Historical Primary, full span, max")

s = series(R, "Germany", 2020, 2024)
add(R, "market", "To get a feel for the 'normal' market size: what has Germany averaged per year in new PV "
    "over the five years 2020 to 2024?", "average", [MW(sum(s.values()) / len(s))], [],
    "mean of Germany Annual Total 2020..2024")

s = series(R, "Germany", 2021, 2023)
add(R, "market", "what's the sum of german PV additions in 2021, 2022 and 2023 together?", "sum",
    [MW(sum(s.values()))], [], "sum Germany Annual Total 2021..2023")

y = last_hist(R, "Germany")
add(R, "market", "What is the most recent year for which you have actual (not forecast) figures for Germany, "
    "and what was installed in that year?", "first_latest", [MW(mv(R, "Germany", y))], [str(y)],
    "last Historical Primary year for Germany and its Annual Total")

y = first_hist(R, "Pakistan")
add(R, "market", "When does your data on Pakistan start, and how much did they install in that first year?",
    "first_latest", [MW(mv(R, "Pakistan", y))], [str(y)],
    "first Historical Primary year for Pakistan and its Annual Total")

v = mv(R, "Germany", 2030)
add(R, "market", "We are putting together a ten-year investment plan. How much new PV is Germany expected "
    "to add in 2030?", "lookup", [MW(v)], [],
    "Germany 2030 Annual Total, Forecast - Most probable (no scenario named)")

s = series(R, "Germany", 2025, 2030, scen="most probable")
add(R, "market", "Our investment board has approved roughly 4 million euros for PV on our sites up to 2030 and "
    "they want to know what's happening in the wider market over the same period. If I add up the most probable "
    "forecasts for annual additions, how much will Germany install in total from 2025 through 2030?", "sum", [MW(sum(s.values()))], [],
    "sum Germany Annual Total 2025..2030, Forecast - Most probable")

v = mv(R, "Germany", 2026, conn="Distributed")
add(R, "market", "Installers tell us rooftop demand is cooling off. What's the forecast for distributed "
    "PV additions in Germany in 2026?", "lookup", [MW(v)], [],
    "Germany 2026 Annual Distributed, Forecast - Most probable")

v = mv(R, "EU", 2027, scen="low")
add(R, "market", "Our board chair is a sceptic and always wants the pessimistic case. What's the low scenario for EU-wide "
    "annual PV installations in 2027?", "lookup", [MW(v)], [],
    "EU 2027 Annual Total, Forecast - Low")

v = mv(R, "Pakistan", 2024)
add(R, "market", "Somebody at an energy managers' conference claimed Pakistan installed nearly as much solar "
    "as Germany in 2024. Is that right? How much did Pakistan install in 2024?", "lookup", [MW(v)], [],
    "Pakistan 2024 Annual Total")

a, b = mv(R, "Germany", 2024, "Cumulative"), mv(R, "Spain", 2024, "Cumulative")
add(R, "market", "How much more PV does Germany have installed in total than Spain, as of the end of 2024? "
    "Spain gets all the sun so I'd expect them to be ahead.", "compare", [MW(a - b)], [],
    "Germany Cumulative 2024 - Spain Cumulative 2024")

c = mv(R, "Netherlands", 2024, "Cumulative", "Centralised")
tt = mv(R, "Netherlands", 2024, "Cumulative")
add(R, "market", "In the Dutch market, how much of the installed base at the end of 2024 is centralised, "
    "as a percentage of their total?", "share", [P(c / tt * 100)], [],
    "Netherlands 2024 Cumulative Centralised / Total x100")

grp = ["France", "Italy", "Spain", "Poland", "Netherlands"]
r = sorted(((mv(R, g, 2024), g) for g in grp), reverse=True)
add(R, "market", "Rank France, Italy, Spain, Poland and the Netherlands by how much solar they added in 2024, "
    "biggest first.", "rank", [MW(x) for x, _ in r], [g for _, g in r],
    "Annual Total 2024 for the five countries, sorted descending")

a, b = mv(R, "World", 2014), mv(R, "World", 2024)
add(R, "market", "whats the CAGR of worldwide annual PV instalations from 2014 to 2024?", "change",
    [P(cagr(a, b, 10))], [], "World Annual Total 2014 -> 2024 CAGR over 10 years")

s = series(R, "World", 2000, last_hist(R, "World"))
ys = sorted(s)
falls = [y for y in ys[1:] if s[y] < s[y - 1]]
assert len(falls) == 1, falls
add(R, "market", "Since 2000, has the world solar market ever actually shrunk from one year to the next? "
    "Which year did annual installations go down compared to the year before, and by how much?", "change",
    [MW(s[falls[0]] - s[falls[0] - 1])], [str(falls[0])],
    "World Annual Total 2000-2024; the only year with a negative yoy change and its absolute change")

# ----------------------------------------------------------------- REAL: follow-ups (market)

add(R, "market", ["How much PV did Spain install in 2023?", "and Italy?"], "follow_up",
    [MW(mv(R, "Italy", 2023))], [], "Italy 2023 Annual Total")

add(R, "market", ["What's the forecast for Germany's annual PV installations in 2027?",
                  "ok and the same for the high scenario?"], "follow_up",
    [MW(mv(R, "Germany", 2027, scen="high"))], [], "Germany 2027 Annual Total Forecast - High")

add(R, "market", ["What was Germany's share of world solar installations in 2024?", "what about 2023?"],
    "follow_up", [P(mv(R, "Germany", 2023) / mv(R, "World", 2023) * 100)], [],
    "Germany 2023 Annual Total / World 2023 Annual Total x100")

add(R, "market", ["How much distributed PV did Austria add in 2024?",
                  "And what share of Austria's total additions that year is that?"], "follow_up",
    [P(mv(R, "Austria", 2024, conn="Distributed") / mv(R, "Austria", 2024) * 100)], [],
    "Austria 2024 Annual Distributed / Annual Total x100")

t3 = countries_year(R, 2022).head(3)
add(R, "market", ["Top 3 countries for new solar in 2023?", "and in 2022?"], "follow_up",
    [MW(x) for x in t3["Capacity(MW)"]], list(t3.Territory),
    "real CSV 2022 Annual Total, countries only, top 3")

a, b = mv(R, "Netherlands", 2024, "Cumulative"), mv(R, "Belgium", 2024, "Cumulative")
add(R, "market", ["How big is the Dutch installed PV base at the end of 2024?", "And Belgium's?",
                  "So what's the difference between the two?"], "follow_up", [MW(a - b)], [],
    "Netherlands Cumulative 2024 - Belgium Cumulative 2024")

s = series(R, "France", 2015, 2024)
yk = max(s, key=s.get)
add(R, "market", ["Show me France's yearly PV installations from 2015 to 2024.", "as a chart please",
                  "Which year in that range was the biggest?"], "follow_up", [MW(s[yk])], [str(yk)],
    "France Annual Total 2015-2024, max")

# ================================================================= REAL: prices

v, u, d = p_latest(R, "Module", "n-type TOPCon", "EU")
add(R, "price", "We're getting quotes for about 1.2 MW peak of rooftop panels. What's the latest price for "
    "n-type TOPCon modules in the EU?", "price", [U(v, u)], [],
    f"prices: Module / n-type TOPCon / EU, newest date {d.date()}")

regs = ["China", "EU", "US"]
vals = [p_on(R, "Module", "n-type TOPCon", g, "2025-03-26") for g in regs]
cheap = min(zip([x for x, _ in vals], regs))
add(R, "price", "Of China, the EU and the US, where were n-type TOPCon modules cheapest on 26 March 2025, "
    "and at what price?", "price", [U(cheap[0], vals[0][1])], [cheap[1]],
    "Module / n-type TOPCon, 2025-03-26, min over China/EU/US")

s = p_span(R, "Module", "n-type TOPCon", "EU")
add(R, "price", "Over the whole period you have, what were the highest and lowest prices for TOPCon modules "
    "in the EU?", "price", [U(float(s.base_price.max()), s.unit.iloc[0]), U(float(s.base_price.min()), s.unit.iloc[0])],
    [], "Module / n-type TOPCon / EU whole series max and min")

a, _ = p_on(R, "Module", "n-type TOPCon", "EU", "2024-04-03")
b, _ = p_on(R, "Module", "n-type TOPCon", "EU", "2025-03-26")
add(R, "price", "Our procurement team thinks we waited too long. How much did EU TOPCon module prices change "
    "in percent between 3 April 2024 and 26 March 2025?", "price", [P(pct(a, b))], [],
    "Module / n-type TOPCon / EU, 2024-04-03 -> 2025-03-26 %")

v, u, d = p_latest(R, "Aluminium", "Aluminium", "Overseas")
add(R, "price", "latest aluminium price? the carport frames are mostly alu", "price", [U(v, u)], [],
    f"Aluminium / Overseas, newest date {d.date()}")

a, _ = p_month(R, "Copper", "Copper", "Overseas", "2024-01")
b, _ = p_month(R, "Copper", "Copper", "Overseas", "2025-01")
add(R, "price", "How much did copper go up or down between January 2024 and January 2025, in %?", "price",
    [P(pct(a, b))], [], "Copper / Overseas, 2024-01 -> 2025-01 %")

s = p_span(R, "Aluminium", "Aluminium", "Overseas", "2024-01-01", "2024-12-31")
assert len(s) == 12
add(R, "price", "What was the average aluminium price across the 12 months of 2024?", "price",
    [U(float(s.base_price.mean()), s.unit.iloc[0])], [], "Aluminium / Overseas, mean of 2024 monthly values")

s = p_span(R, "EVA", "EVA", "Overseas")
mx = s.loc[s.base_price.idxmax()]
assert (s.base_price == mx.base_price).sum() == 1
add(R, "price", "EVA (the encapsulant film, if I understand right): when was its price highest in your data "
    "and what was it?", "price", [U(float(mx.base_price), mx.unit)], [mx.date.strftime("%Y")],
    "EVA / Overseas whole monthly series, max and its date")

v, u, d = p_latest(R, "Module", "CdTe", "Overseas")
add(R, "price", "A consultant mentioned thin-film (CdTe) modules for a flat roof with weight limits. What's "
    "the latest CdTe module price you have?", "price", [U(v, u)], [],
    f"Module / CdTe / Overseas, newest date {d.date()}")

v, u = p_month(R, "Silver", "Silver", "Overseas", "2024-01")
add(R, "price", "silver price in Jan 2024? I read silver paste is a cost driver for cells", "price",
    [U(v, u)], [], "Silver / Overseas, monthly, 2024-01 (unit K US$/t)")

# follow-up (price)
v, u, d = p_latest(R, "Module", "n-type TOPCon", "US")
add(R, "price", ["What's the latest price for n-type TOPCon modules in the EU?", "And in the US?"],
    "follow_up", [U(v, u)], [], f"Module / n-type TOPCon / US, newest date {d.date()}")

# ================================================================= REAL: financials (sample file)

v, u = fv(HEL, "FY2024", "Revenue")
add(R, "manufacturer_financial", "We want suppliers who'll still exist when the 12-year product warranty "
    "matters. What was Helios Modules' revenue for full-year 2024?", "financial", [U(v, u)], [],
    "financials: Helios Modules Ltd, FY2024, Revenue")

v, u = fv(NOR, "2024-Q4", "Gross margin")
add(R, "manufacturer_financial", "Nordlicht Solar AG quoted on our first site. What was their gross margin in "
    "Q4 2024?", "financial", [U(v, u)], [], "financials: Nordlicht Solar AG, 2024-Q4, Gross margin")

r = sorted(((fv(c, "FY2024", "Net income")[0], short(c)) for c in COMPANIES), reverse=True)
add(R, "manufacturer_financial", "Can you rank the module makers you track by net income in FY2024, highest "
    "first?", "financial", [U(x, "USD million") for x, _ in r], [n for _, n in r],
    "financials: Net income FY2024 for the four companies, sorted descending")

a, _ = fv(SUN, "FY2023", "Revenue")
b, _ = fv(SUN, "FY2024", "Revenue")
add(R, "manufacturer_financial", "By how much in % did SunForge Energy's revenue change from FY2023 to FY2024?",
    "financial", [P(pct(a, b))], [], "financials: SunForge Energy Revenue FY2023 -> FY2024 %")

# ================================================================= REAL: unanswerable

UN_R = [
    ("market", "We're also looking at a 2 MWh battery at our Hildesheim site to shave peaks. How much battery "
     "storage was installed in Germany in 2024?", "battery storage installations are not in the PV market data"),
    ("price", "Same project - what do lithium-ion battery storage systems cost per kWh at the moment?",
     "no battery / storage prices in the component price data"),
    ("market", "How many MW of onshore wind did Germany add in 2024? The board wants to know how solar "
     "compares with wind.", "wind is another technology; only PV capacity is held"),
    ("market", "What is the typical LCOE for a rooftop PV system in Germany, in cents per kWh?",
     "LCOE is not a measure held"),
    ("market", "How many GWh of electricity did German solar generate in 2024?",
     "generation in GWh is not held; only capacity in MW"),
    ("market", "What's the current EEG feed-in tariff for a rooftop system of around 750 kW peak?",
     "tariffs / feed-in rates are not in the data"),
    ("price", "Which has the better efficiency, TOPCon or HJT panels, and by how many percentage points?",
     "module efficiency is not held; only prices"),
    ("market", "Roughly how much is the German solar market worth in euros per year?",
     "market value in EUR is not held; only capacity in MW"),
    ("market", "How many people work in the solar industry in Germany? We struggle to find electricians.",
     "jobs / employment are not held"),
    ("market", "How much PV capacity was installed in Bavaria in 2024?",
     "sub-national regions (German states) are not in the data"),
    ("market", "We support a partner hospital in Nigeria. How much solar did Nigeria install in 2024?",
     "Nigeria is not a territory in the market data"),
    ("market", "What's the forecast for new PV installations in Germany in 2035?",
     "forecasts end in 2030"),
    ("market", "How much PV will Germany have installed in total by 2030 in the most probable scenario?",
     "forecast cumulative values in the loaded CSV exclude the installed base, so the 2030 fleet cannot be given"),
    ("price", "What do string inverters cost per kW right now? We need about 1 MW of inverters.",
     "inverter prices are not in the component price data"),
    ("price", "What are module prices in Japan at the moment?",
     "Japan is not a price region (regions: Australia, China, EU, India, Overseas, US)"),
    ("manufacturer_financial", "What was Meyer Burger's revenue in 2024?",
     "Meyer Burger is not one of the companies in the financial data"),
    ("price", "What share of a module's price is down to the polysilicon?",
     "a share of a price cannot be derived; the data hold separate component prices only"),
    ("market", "How much PV did Germany install in 1985?", "the data start in 1992"),
]
for agent, q, why in UN_R:
    add(R, agent, q, "unanswerable", answerable=False, why=why, how="not in data")

# ================================================================= SAMPLE: market

S = "sample"

v = mv(S, "Italy", 2022)
add(S, "market", "How much solar did Italy install in 2022?", "lookup", [MW(v)], [],
    "sample market: Italy 2022 Annual Total Historical Primary")

v = mv(S, "Germany", 2030, "Cumulative")
add(S, "market", "The board likes big-picture numbers. In the most likely scenario, how large will Germany's "
    "total installed PV fleet be by 2030?", "lookup", [MW(v)], [],
    "sample market: Germany 2030 Cumulative Total Forecast - Most probable")

p_ = mv(S, "Poland", 2023)
w = mv(S, "World", 2023)
add(S, "market", "Poland's share of global solar installations in 2023?", "share", [P(p_ / w * 100)], [],
    "sample: Poland 2023 Annual Total / World 2023 Annual Total x100")

grp = ["Germany", "France", "Italy", "Spain", "Netherlands", "Poland"]
r = sorted(((mv(S, g, 2024), g) for g in grp), reverse=True)
add(S, "market", "Could you rank Germany, France, Italy, Spain, the Netherlands and Poland by new PV capacity "
    "in 2024?", "rank", [MW(x) for x, _ in r], [g for _, g in r], "sample: Annual Total 2024 sorted desc")

a, b = mv(S, "France", 2015), mv(S, "France", 2024)
add(S, "market", "What's the CAGR of France's annual solar installations between 2015 and 2024?", "change",
    [P(cagr(a, b, 9))], [], "sample: France Annual Total 2015 -> 2024 CAGR over 9 years")

vals = [mv(S, c, 2024, conn="Distributed") for c in ["Germany", "Netherlands"]]
add(S, "market", "Dutch colleagues say their rooftop market is bigger relative to size. Just on absolute "
    "numbers, how did Germany and the Netherlands compare for distributed PV added in 2024?", "compare",
    [MW(x) for x in vals], ["Germany", "Netherlands"], "sample: 2024 Annual Distributed for Germany, Netherlands")

s = series(S, "Netherlands", 2015, 2024)
yk = max(s, key=s.get)
add(S, "market", "Between 2015 and 2024, which year did the Netherlands install the most PV?", "extreme",
    [MW(s[yk])], [str(yk)], "sample: Netherlands Annual Total 2015-2024 max")

s = series(S, "Spain", 2015, 2024)
add(S, "market", "what did Spain average per year in new solar from 2015 to 2024?", "average",
    [MW(sum(s.values()) / len(s))], [], "sample: mean Spain Annual Total 2015..2024")

s = series(S, "World", 2025, 2030, scen="high")
add(S, "market", "In the high scenario, how much PV gets installed worldwide in total over 2025-2030? "
    "Sum of the annual numbers please.", "sum", [MW(sum(s.values()))], [],
    "sample: sum World Annual Total 2025..2030 Forecast - High")

y = last_hist(S, "Italy")
add(S, "market", "What's the latest year with actual installation figures for Italy, and what's the number?",
    "first_latest", [MW(mv(S, "Italy", y))], [str(y)], "sample: last Historical year Italy and Annual Total")

d = mv(S, "Germany", 2024, "Cumulative", "Distributed")
tt = mv(S, "Germany", 2024, "Cumulative")
add(S, "market", "What percentage of Germany's cumulative PV at the end of 2024 is distributed?", "share",
    [P(d / tt * 100)], [], "sample: Germany 2024 Cumulative Distributed / Total x100")

a, b = mv(S, "Germany", 2025, scen="low"), mv(S, "Germany", 2030, scen="low")
add(S, "market", "I'm told the low scenario has the German market shrinking. What's the % change in annual "
    "installations from 2025 to 2030 in the low case?", "change", [P(pct(a, b))], [],
    "sample: Germany Annual Total Forecast - Low 2025 -> 2030 %")

v = mv(S, "World", 2024)
add(S, "market", "How many GW of PV were installed worldwide in 2024?", "lookup", [MW(v)], [],
    "sample: World 2024 Annual Total")

a, b = mv(S, "Germany", 2030, scen="high"), mv(S, "Germany", 2030, scen="low")
add(S, "market", "What's the gap between the high and low scenario for Germany's 2030 annual installations?",
    "compare", [MW(a - b)], [], "sample: Germany 2030 Annual Total High - Low")

s = series(S, "Germany", 2025, 2030)
add(S, "market", "For our long-range budget I need a rule of thumb: what's the average annual PV installation "
    "Germany is expected to see over 2025-2030 in the most probable scenario?", "average",
    [MW(sum(s.values()) / len(s))], [], "sample: mean Germany Annual Total 2025..2030 Forecast - Most probable")

grp = sorted(set(MK[S].Territory) - AGGREGATES)
r = sorted(((mv(S, g, 2024, "Cumulative"), g) for g in grp), reverse=True)[:3]
add(S, "market", "Of the countries you cover, which three had the largest installed PV base at the end of "
    "2024?", "rank", [MW(x) for x, _ in r], [g for _, g in r],
    "sample: 2024 Cumulative Total, countries only (World excluded), top 3")

c = mv(S, "Netherlands", 2024, conn="Centralised")
tt = mv(S, "Netherlands", 2024)
add(S, "market", "What portion of the Netherlands' 2024 new PV was centralised, i.e. ground-mounted parks "
    "rather than rooftops?", "share", [P(c / tt * 100)], [],
    "sample: Netherlands 2024 Annual Centralised / Annual Total x100")

s = series(S, "Germany", 2015, 2024)
yk = min(s, key=s.get)
add(S, "market", "In the 2015-2024 period, what was the weakest year for new solar in Germany?", "extreme",
    [MW(s[yk])], [str(yk)], "sample: Germany Annual Total 2015-2024 min")

# ----------------------------------------------------------------- SAMPLE: follow-ups

add(S, "market", ["How much PV did the Netherlands install in 2021?", "and Poland?"], "follow_up",
    [MW(mv(S, "Poland", 2021))], [], "sample: Poland 2021 Annual Total")

add(S, "market", ["Germany's forecast annual installations for 2028?", "what about the low scenario?"],
    "follow_up", [MW(mv(S, "Germany", 2028, scen="low"))], [], "sample: Germany 2028 Annual Total Forecast - Low")

a, b = mv(S, "France", 2020, "Cumulative"), mv(S, "France", 2024, "Cumulative")
add(S, "market", ["Show me France's total installed base from 2020 to 2024", "as a chart",
                  "and what was the growth over that period in %?"], "follow_up", [P(pct(a, b))], [],
    "sample: France Cumulative Total 2020 -> 2024 %")

add(S, "market", ["What share of world installations did Spain have in 2024?", "and Italy?"], "follow_up",
    [P(mv(S, "Italy", 2024) / mv(S, "World", 2024) * 100)], [],
    "sample: Italy 2024 Annual Total / World 2024 Annual Total x100")

eu, _ = p_month(S, "Module", "n-type TOPCon", "EU", "2024-06")
cn, _ = p_month(S, "Module", "n-type TOPCon", "China", "2024-06")
add(S, "price", ["What was the n-type TOPCon module price in the EU in June 2024?",
                 "And in China the same month?",
                 "So how much more expensive in % is the EU one?"], "follow_up", [P((eu / cn - 1) * 100)], [],
    "sample: Module n-type TOPCon 2024-06, (EU/China - 1) x100")

a, u = fv(HEL, "2024-Q1", "Revenue")
add(S, "manufacturer_financial", ["Revenue of Helios Modules in Q1 2023?", "and Q1 2024?"], "follow_up",
    [U(a, u)], [], "financials: Helios 2024-Q1 Revenue")

# ================================================================= SAMPLE: prices

v, u = p_month(S, "Module", "n-type TOPCon", "EU", "2024-03")
add(S, "price", "Our first tender closed in March 2024. What was the EU price for TOPCon panels that month?",
    "price", [U(v, u)], [], "sample prices: Module / n-type TOPCon / EU, 2024-03")

v, u, d = p_latest(S, "Module", "n-type HJT", "India")
add(S, "price", "latest HJT module price in India?", "price", [U(v, u)], [],
    f"sample prices: Module / n-type HJT / India, newest date {d.date()}")

regs = ["China", "EU", "India", "US"]
vals = [(p_month(S, "Module", "p-type mono-Si PERC M10", g, "2024-12")[0], g) for g in regs]
c = min(vals)
add(S, "price", "In December 2024, in which region were PERC M10 modules cheapest, and at what price?",
    "price", [U(c[0], "US$/Wp")], [c[1]], "sample: Module PERC M10 2024-12, min over regions")

s = p_span(S, "Module", "n-type TOPCon", "China")
mn = s.loc[s.base_price.idxmin()]
assert (s.base_price == mn.base_price).sum() == 1
add(S, "price", "What's the lowest TOPCon module price in China in your data, and when was it?", "price",
    [U(float(mn.base_price), mn.unit)], [mn.date.strftime("%Y")],
    "sample: Module n-type TOPCon China whole series min and its month")

a, u = p_month(S, "Polysilicon", "High purity - 9N/9N+", "China", "2023-01")
b, _ = p_month(S, "Polysilicon", "High purity - 9N/9N+", "China", "2024-12")
add(S, "price", "How much did high-purity polysilicon in China change between January 2023 and December 2024, "
    "in percent?", "price", [P(pct(a, b))], [], "sample: Polysilicon 9N China 2023-01 -> 2024-12 %")

s = p_span(S, "PV glass", "Glass 3,2mm", "EU", "2024-01-01", "2024-12-31")
assert len(s) == 12
add(S, "price", "Average price of 3.2mm solar glass in the EU over 2024?", "price",
    [U(float(s.base_price.mean()), s.unit.iloc[0])], [], "sample: PV glass 3,2mm EU mean of 2024 months")

a, u = p_month(S, "Module", "n-type TOPCon", "EU", "2024-06")
b, _ = p_month(S, "Module", "n-type HJT", "EU", "2024-06")
add(S, "price", "Comparing technologies for our tender: TOPCon versus HJT modules in the EU in June 2024 - "
    "what were the two prices?", "price", [U(a, u), U(b, u)], ["TOPCon", "HJT"],
    "sample: Module EU 2024-06 n-type TOPCon and n-type HJT")

a, u = p_month(S, "Cell", "n-type TOPCon M10", "EU", "2024-12")
b, _ = p_month(S, "Cell", "n-type TOPCon M10", "China", "2024-12")
add(S, "price", "What was the difference between EU and Chinese prices for TOPCon M10 cells in December 2024?",
    "price", [U(a - b, u)], [], "sample: Cell n-type TOPCon M10 2024-12 EU - China")

# ================================================================= SAMPLE: financials

v, u = fv(AUR, "2024-Q3", "Module shipments")
add(S, "manufacturer_financial", "How many GW of modules did Aurora PV ship in Q3 2024?", "financial",
    [U(v, u)], [], "financials: Aurora, 2024-Q3, Module shipments")

v, u = fv(HEL, "2024-Q4", "Production capacity")
add(S, "manufacturer_financial", "What production capacity did Helios Modules have at the end of 2024 "
    "(Q4 2024)?", "financial", [U(v, u)], [], "financials: Helios, 2024-Q4, Production capacity")

r = sorted(((fv(c, "FY2024", "Gross margin")[0], short(c)) for c in COMPANIES), reverse=True)
add(S, "manufacturer_financial", "Which of the module makers had the best gross margin for FY2024, and what "
    "was it?", "financial", [U(r[0][0], "%")], [r[0][1]], "financials: FY2024 Gross margin, max over companies")

q = [fv(NOR, f"2024-Q{i}", "Gross margin")[0] for i in range(1, 5)]
add(S, "manufacturer_financial", "Nordlicht Solar's average quarterly gross margin over the four quarters of "
    "2024?", "financial", [P(sum(q) / 4)], [], "financials: mean Nordlicht Gross margin 2024-Q1..Q4")

tot = sum(fv(c, "FY2024", "Module shipments")[0] for c in COMPANIES)
add(S, "manufacturer_financial", "Add up the FY2024 module shipments of all the manufacturers you have - what's "
    "the total?", "financial", [U(tot, "GW")], [], "financials: sum FY2024 Module shipments, 4 companies")

a, u = fv(NOR, "FY2023", "Net income")
b, _ = fv(NOR, "FY2024", "Net income")
add(S, "manufacturer_financial", "We signed a framework agreement with Nordlicht Solar last year. How much did "
    "their net income change from FY2023 to FY2024, in USD million?", "financial", [U(b - a, u)], [],
    "financials: Nordlicht Net income FY2024 - FY2023")

qs = {f"2024-Q{i}": fv(SUN, f"2024-Q{i}", "Net income")[0] for i in range(1, 5)}
k = min(qs, key=qs.get)
add(S, "manufacturer_financial", "In which quarter of 2024 was SunForge's net income lowest?", "financial",
    [U(qs[k], "USD million")], [k], "financials: SunForge Net income 2024 quarters, min")

# ================================================================= SAMPLE: unanswerable

UN_S = [
    ("market", "We have a clinic in Salzburg too. How much PV did Austria install in 2023?",
     "Austria is not in the sample market data"),
    ("price", "What was the copper price in 2024? Cabling costs are killing our carport budget.",
     "copper is not a price item in the sample data"),
    ("price", "What do TOPCon modules cost in Australia?", "Australia is not a region in the sample prices"),
    ("market", "How much solar did Germany install in 2014?", "the sample market data start in 2015"),
    ("market", "What's the 2031 forecast for Italy's annual installs?", "forecasts end in 2030"),
    ("market", "How much battery storage is Germany forecast to add by 2030?",
     "storage is not held; only PV capacity"),
    ("market", "How much wind capacity did Poland add in 2024?", "wind is not held"),
    ("market", "How many GWh did Italian PV produce in 2023?", "generation is not held"),
    ("manufacturer_financial", "What was First Solar's revenue in FY2024?",
     "First Solar is not one of the companies in the financial data"),
    ("manufacturer_financial", "How much did SunForge spend on R&D in 2024?",
     "R&D spending is not a metric in the financial data"),
    ("price", "What percentage of a module's price is the glass?",
     "a share of a price cannot be derived from the component prices"),
    ("price", "What is the average price of a solar carport structure in euros per kW peak in Germany?",
     "mounting / carport structures and EUR prices are not in the price data"),
]
for agent, q, why in UN_S:
    add(S, agent, q, "unanswerable", answerable=False, why=why, how="not in data")

# ================================================================= write + self-check

# every expected value must be a finite number
for it in ITEMS:
    for e in it["expect"]:
        assert isinstance(e["value"], float) or isinstance(e["value"], int)
        assert e["value"] == e["value"]
        e["value"] = float(e["value"])

with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
    for it in ITEMS:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
n = len(ITEMS)
un = sum(not it["answerable"] for it in ITEMS)
multi = sum(len(it["turns"]) > 1 for it in ITEMS)
assert n >= 110, n
assert un >= 28, un
assert multi >= 12, multi
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
    else:
        assert it["why"]
fin = sum(it["agent"] == "manufacturer_financial" for it in ITEMS)

print(f"total={n} answerable={n - un} unanswerable={un} multi_turn={multi} financial_agent={fin}")
print("by data:", dict(Counter(it["data"] for it in ITEMS)))
print("by agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("by kind:", dict(sorted(Counter(it["kind"] for it in ITEMS).items())))
print("kind x data:")
for (k, d), c in sorted(Counter((it["kind"], it["data"]) for it in ITEMS).items()):
    print(f"  {k:14s} {d:7s} {c}")
