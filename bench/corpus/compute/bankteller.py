#!/usr/bin/env python3
"""Writer 'bankteller': held-out questions for the solar-PV assistant.

Persona: advisor at a regional savings bank (Italian, English as second language) who
finances rooftop PV for homeowners and wants to sound informed with clients.

Every expected figure below is computed from the data files with pandas; nothing is typed.
"""
import json
from collections import Counter
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
WRITER = "bankteller"

# ----------------------------------------------------------------------------- data
REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

RM = pd.read_csv(REAL_MARKET).drop_duplicates()  # 624 duplicate rows counted once
SM = pd.read_csv(S_MARKET).drop_duplicates()
RP = pd.read_parquet(REAL_PRICES)
RP["date"] = pd.to_datetime(RP["date"])
SP = pd.read_csv(S_PRICES, parse_dates=["date"])
FIN = pd.read_csv(S_FIN)

AGGREGATES = {
    "World", "Europe", "EU", "Asia", "Africa", "America", "North America", "South America",
    "Central America", "Central Asia", "Central Europe", "East Asia", "East Europe", "Eurasia",
    "Middle East", "North Africa", "North Europe", "Oceania", "RoW", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "ASEAN",
}

HIST = "Historical Primary"
MP = "Forecast - Most probable"
HIGH = "Forecast - High"
LOW = "Forecast - Low"


def last_hist(df, terr):
    return int(df[(df.Territory == terr) & (df.Scenario == HIST)].Year.max())


def scen_for(df, terr, year, scen=None):
    if scen:
        return scen
    return HIST if year <= last_hist(df, terr) else MP


def mv(df, terr, year, typ="Annual", conn="Total", scen=None):
    s = scen_for(df, terr, year, scen)
    x = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s)
           & (df.Connection == conn) & (df.Type == typ)]["Capacity(MW)"]
    assert len(x) == 1, (terr, year, typ, conn, s, len(x))
    return float(x.iloc[0])


def series(df, terr, y0, y1, typ="Annual", conn="Total", scen=None):
    return {y: mv(df, terr, y, typ, conn, scen) for y in range(y0, y1 + 1)}


def table(df, year, typ="Annual", conn="Total", scen=None, countries_only=True):
    x = df[(df.Year == year) & (df.Connection == conn) & (df.Type == typ)]
    if scen is None:
        x = x[x.Scenario == HIST]
    else:
        x = x[x.Scenario == scen]
    if countries_only:
        x = x[~x.Territory.isin(AGGREGATES)]
    s = x.set_index("Territory")["Capacity(MW)"]
    assert s.index.is_unique
    return s.sort_values(ascending=False)


def hist_years(df, terr, typ="Annual", conn="Total"):
    x = df[(df.Territory == terr) & (df.Scenario == HIST) & (df.Connection == conn) & (df.Type == typ)]
    s = x.set_index("Year")["Capacity(MW)"].sort_index()
    assert s.index.is_unique
    return s


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


def ps(P, item, desc, region, unit=None):
    x = P[(P.item == item) & (P.description == desc) & (P.region == region)]
    if unit:
        x = x[x.unit == unit]
    assert x.unit.nunique() == 1, (item, desc, region, x.unit.unique())
    assert x.date.is_unique, (item, desc, region, "several observations on one date")
    return x.sort_values("date").reset_index(drop=True)


def p_latest(s):
    r = s.iloc[-1]
    return float(r.base_price), r.date.strftime("%Y-%m-%d"), r.unit


def p_month(s, ym):
    x = s[s.date.dt.strftime("%Y-%m") == ym]
    assert len(x) == 1, (ym, len(x))
    return float(x.base_price.iloc[0])


def p_ext(s, fn="min"):
    v = s.base_price.min() if fn == "min" else s.base_price.max()
    rows = s[s.base_price == v]
    return float(v), rows.date.dt.strftime("%Y-%m-%d").tolist()


def fin(company, period, metric):
    x = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(x) == 1
    return float(x.value.iloc[0]), x.unit.iloc[0]


# ----------------------------------------------------------------------------- items
ITEMS = []


def add(data, agent, turns, kind, expect=None, names=None, how="", answerable=True, why=None):
    it = {"id": None, "writer": WRITER, "data": data, "agent": agent, "turns": turns,
          "answerable": answerable, "kind": kind, "expect": expect or [], "names": names or [],
          "how": how}
    if not answerable:
        it["why"] = why
        it["expect"] = []
        it["names"] = []
    ITEMS.append(it)


def E(v, unit):
    return {"value": float(v), "unit": unit}


MW = "MW"

# =============================================================== REAL instance: market
D = "real"

v = mv(RM, "Italy", 2024)
add(D, "market", ["Buongiorno! Tomorrow I meet a client in Verona for a rooftop loan and I want to "
                  "look prepared. How many MW of solar Italy installed in 2024? (or kW? I always mix them up)"],
    "lookup", [E(v, MW)], [], "market CSV: Italy, 2024, Historical Primary, Total, Annual")

v = mv(RM, "Germany", 2024, "Cumulative")
add(D, "market", ["I have a meeting with a German couple who moved here. germany installed base end of 2024? i mean all the capacity already on the roofs "
                  "and fields, not only the new one"],
    "lookup", [E(v, MW)], [], "market CSV: Germany, 2024, Historical Primary, Total, Cumulative")

v = mv(RM, "Spain", 2022, conn="Distributed")
add(D, "market", ["How much distributed PV Spain added in 2022? Distributed is the rooftop part, "
                  "if I understand well"],
    "lookup", [E(v, MW)], [], "market CSV: Spain, 2022, Historical Primary, Distributed, Annual")

v = mv(RM, "France", 2027, scen=MP)
add(D, "market", ["We are thinking to open a green loan product also in our branch near the French border. What is expected for France new installations in 2027? the most probable "
                  "scenario please"],
    "lookup", [E(v, MW)], [], "market CSV: France, 2027, Forecast - Most probable, Total, Annual")

t = table(RM, 2024).head(5)
add(D, "market", ["Which are the top 5 countries for new PV in 2024? Only countries please, "
                  "not World or regions like Asia"],
    "rank", [E(x, MW) for x in t.values], list(t.index),
    "market CSV: 2024 Historical Primary Total Annual, aggregates excluded, top 5")

t = table(RM, 2024, "Cumulative").head(5)
add(D, "market", ["top 5 countries by total installed capacity at the end of 2024 (the fleet, "
                  "not the yearly market)?"],
    "rank", [E(x, MW) for x in t.values], list(t.index),
    "market CSV: 2024 Historical Primary Total Cumulative, aggregates excluded, top 5")

t = table(RM, 2023, conn="Distributed").head(3)
add(D, "market", ["For my rooftop clients the distributed segment is what counts. In 2023 which 3 "
                  "countries added the most distributed PV?"],
    "rank", [E(x, MW) for x in t.values], list(t.index),
    "market CSV: 2023 Historical Primary Distributed Annual, aggregates excluded, top 3")

t = table(RM, 2030, scen=MP).head(3)
add(D, "market", ["Looking at the forecasts, which 3 countries will have the biggest yearly market in "
                  "2030 in the most probable scenario?"],
    "rank", [E(x, MW) for x in t.values], list(t.index),
    "market CSV: 2030 Forecast - Most probable Total Annual, aggregates excluded, top 3")

a, w = mv(RM, "China", 2024), mv(RM, "World", 2024)
add(D, "market", ["Everybody says China is everything in solar. What % of the global new installations "
                  "in 2024 was China?"],
    "share", [E(a / w * 100, "%")], [],
    "China 2024 Annual Total / World 2024 Annual Total, Historical Primary")

a, b = mv(RM, "Italy", 2024, conn="Distributed"), mv(RM, "Italy", 2024)
add(D, "market", ["Italy 2024: how much of the new capacity was distributed? in percent"],
    "share", [E(a / b * 100, "%")], [],
    "Italy 2024 Annual Distributed / Italy 2024 Annual Total, Historical Primary")

a, w = mv(RM, "USA", 2023, "Cumulative"), mv(RM, "World", 2023, "Cumulative")
add(D, "market", ["My nephew says America is far behind China. What share of the world installed base had the USA at end of 2023?"],
    "share", [E(a / w * 100, "%")], [],
    "USA 2023 Cumulative Total / World 2023 Cumulative Total, Historical Primary")

a, b = mv(RM, "Germany", 2024, "Cumulative", "Centralised"), mv(RM, "Germany", 2024, "Cumulative")
add(D, "market", ["In Germany is it mostly rooftops or big parks? What share of its cumulative "
                  "capacity end 2024 is centralised?"],
    "share", [E(a / b * 100, "%")], [],
    "Germany 2024 Cumulative Centralised / Germany 2024 Cumulative Total, Historical Primary")

a, b = mv(RM, "Brazil", 2020), mv(RM, "Brazil", 2024)
add(D, "market", ["A client of us exports to Brazil. Brazil's annual market from 2020 to 2024, how "
                  "much it grew in %?"],
    "change", [E(pct(a, b), "%")], [],
    "Brazil Annual Total Historical: (2024-2020)/2020*100")

a, b = mv(RM, "India", 2015, "Cumulative"), mv(RM, "India", 2024, "Cumulative")
add(D, "market", ["Our bank newsletter wants one line about emerging markets. whats the CAGR of India's installed base between 2015 and 2024?"],
    "change", [E(cagr(a, b, 9), "%")], [],
    "India Cumulative Total Historical: (2024/2015)^(1/9)-1")

a, b = mv(RM, "Spain", 2023), mv(RM, "Spain", 2024)
add(D, "market", ["How did Spain's new installations change from 2023 to 2024? In MW and in % please"],
    "change", [E(b - a, MW), E(pct(a, b), "%")], [],
    "Spain Annual Total Historical: 2024-2023 and (2024-2023)/2023*100")

a, b = mv(RM, "Italy", 2020, "Cumulative"), mv(RM, "Italy", 2024, "Cumulative")
add(D, "market", ["For the annual report of the bank I need a number. By how many MW increased Italy's total installed capacity between end of 2020 and "
                  "end of 2024?"],
    "change", [E(b - a, MW)], [],
    "Italy Cumulative Total Historical: 2024 - 2020")

vals = {c: mv(RM, c, 2024) for c in ["Italy", "Spain", "France"]}
add(D, "market", ["Clients always ask if Italy is behind the others. Can you compare new PV in 2024 for Italy, Spain and France?"],
    "compare", [E(x, MW) for x in vals.values()], list(vals),
    "market CSV: 2024 Historical Primary Total Annual for Italy, Spain, France")

a, b = mv(RM, "Germany", 2024, "Cumulative"), mv(RM, "Italy", 2024, "Cumulative")
add(D, "market", ["My director says germany has like double of Italy in solar. How many times bigger "
                  "is Germany's installed base than Italy's, end of 2024?"],
    "compare", [E(a / b, "x"), E(a, MW), E(b, MW)], [],
    "Cumulative Total Historical 2024: Germany / Italy")

a, b = mv(RM, "Netherlands", 2023), mv(RM, "Belgium", 2023)
add(D, "market", ["Netherland or Belgium, who added more PV in 2023, and by how much?"],
    "compare", [E(a, MW), E(b, MW), E(a - b, MW)], ["Netherlands"],
    "Annual Total Historical 2023: Netherlands, Belgium, difference")

s = hist_years(RM, "Italy")
add(D, "market", ["What was the record year for Italy's installations? My colleague says it is 2024 "
                  "but I am not so sure"],
    "extreme", [E(s.max(), MW)], [str(int(s.idxmax()))],
    "Italy Annual Total Historical, whole span 1992-2024: max")

s = hist_years(RM, "Japan")
add(D, "market", ["In which year Japan installed the most PV, in all the history you have?"],
    "extreme", [E(s.max(), MW)], [str(int(s.idxmax()))],
    "Japan Annual Total Historical, whole span: max")

s = hist_years(RM, "Spain").loc[2010:2020]
add(D, "market", ["Between 2010 and 2020, which was the weakest year for new PV in Spain?"],
    "extreme", [E(s.min(), MW)], [str(int(s.idxmin()))],
    "Spain Annual Total Historical 2010-2020: min")

s = series(RM, "Italy", 2020, 2024)
add(D, "market", ["average new production per year in Italy from 2020 to 2024? sorry, not production, I mean the new capacity installed"],
    "average", [E(sum(s.values()) / len(s), MW)], [],
    "mean of Italy Annual Total Historical 2020..2024")

s = series(RM, "Germany", 2025, 2030, scen=MP)
add(D, "market", ["For Germany, on average how many MW per year are forecast from 2025 to 2030, most "
                  "probable case?"],
    "average", [E(sum(s.values()) / len(s), MW)], [],
    "mean of Germany Annual Total Forecast - Most probable 2025..2030")

s = series(RM, "France", 2021, 2024)
add(D, "market", ["I do a small presentation for the branch directors. If I sum what France installed in 2021, 2022, 2023 and 2024, how much is it in "
                  "total?"],
    "sum", [E(sum(s.values()), MW)], [],
    "sum of France Annual Total Historical 2021..2024")

s = series(RM, "Spain", 2025, 2030, scen=MP)
add(D, "market", ["Spain forecast: adding up the yearly new installations 2025-2030 (most probable), "
                  "how many GW is that?"],
    "sum", [E(sum(s.values()), MW)], [],
    "sum of Spain Annual Total Forecast - Most probable 2025..2030")

s = series(RM, "Italy", 2021, 2024, conn="Distributed")
add(D, "market", ["Rooftops are my business, so only the distributed part: how many MW Italy added in "
                  "total from 2021 to 2024, summing the four years?"],
    "sum", [E(sum(s.values()), MW)], [], "sum of Italy Annual Distributed Historical 2021..2024")

s = hist_years(RM, "Greece")
add(D, "market", ["From which year the database has Greek PV installations, and how much was that "
                  "first year?"],
    "first_latest", [E(s.iloc[0], MW)], [str(int(s.index[0]))],
    "Greece Annual Total Historical: first year and value")

s = hist_years(RM, "Pakistan")
add(D, "market", ["I read news about Pakistan solar boom. What's the latest year you have for "
                  "Pakistan and how much was installed that year? is that a lot?"],
    "first_latest", [E(s.iloc[-1], MW)], [str(int(s.index[-1]))],
    "Pakistan Annual Total Historical: last year and value")

# ---- real follow-up chains
v = mv(RM, "Portugal", 2023)
add(D, "market", ["How much PV Spain added in 2023?", "and Portugal?"],
    "follow_up", [E(v, MW)], [], "Portugal 2023 Annual Total Historical")

t = table(RM, 2023, "Cumulative").head(5)
add(D, "market", ["Top 5 countries by new installations in 2023 please",
                  "ok, same but for the installed base"],
    "follow_up", [E(x, MW) for x in t.values], list(t.index),
    "2023 Cumulative Total Historical, aggregates excluded, top 5")

v = mv(RM, "Italy", 2026, scen=HIGH)
add(D, "market", ["Italy forecast for 2026, the new installations, most probable",
                  "same for the high scenario"],
    "follow_up", [E(v, MW)], [], "Italy 2026 Annual Total Forecast - High")

a, b = mv(RM, "Germany", 2022), mv(RM, "Germany", 2023)
add(D, "market", ["Germany new capacity 2022? the MW added that year", "what about 2023?",
                  "so the growth in percent between the two years?"],
    "follow_up", [E(pct(a, b), "%")], [], "Germany Annual Total Historical (2023-2022)/2022*100")

a, w = mv(RM, "Pakistan", 2024), mv(RM, "World", 2024)
add(D, "market", ["Pakistan installed how much in 2024?",
                  "is that a lot? what share of the world total was it that year?"],
    "follow_up", [E(a / w * 100, "%")], [], "Pakistan 2024 Annual Total / World 2024 Annual Total")

s = series(RM, "Italy", 2019, 2024)
add(D, "market", ["Show me Italy's annual installations from 2019 to 2024",
                  "can you make it as a chart? I want to put it in my slides"],
    "follow_up", [E(x, MW) for x in s.values()], [],
    "Italy Annual Total Historical 2019..2024")

a, b = mv(RM, "Poland", 2030, scen=LOW), mv(RM, "Poland", 2030, scen=HIGH)
add(D, "market", ["What is the low scenario for Poland new PV in 2030?",
                  "and the high one? how big is the gap between them?"],
    "follow_up", [E(b, MW), E(b - a, MW)], [],
    "Poland 2030 Annual Total Forecast - High, and High - Low")

# ---- real market: unanswerable
U = lambda turns, why, agent="market": add(D, agent, turns, "unanswerable", answerable=False, why=why,
                                             how="not in the loaded data")
U(["Do you also have wind? How many MW of wind Italy installed in 2023?"],
  "wind capacity is not in the data; the market data covers PV only")
U(["Many clients ask for a battery together with the panels. How much battery storage was installed "
   "in Germany in 2024?"], "energy storage is not in the data")
U(["How much electricity Spain's solar produced in 2023, in GWh? I always confuse production and "
   "capacity, I want the production this time"],
  "electricity generation (GWh) is not held; only installed capacity in MW")
U(["What is the LCOE of a rooftop system in Italy today?"], "LCOE is not in the data")
U(["What is the feed-in tariff in Italy now for small rooftops?"], "tariffs/incentives are not in the data")
U(["How much PV Italy added in 2024?", "and in Sicily only?"],
  "sub-national regions (Sicily) are not in the data")
U(["nigeria PV installations 2023, do you have?"], "Nigeria is not a territory in the data")
U(["What does the forecast say for Italy's new installations in 2035?"],
  "forecasts stop in 2030")
U(["What will be Italy's total installed base at the end of 2030, most probable scenario?"],
  "forecast cumulative values in the loaded CSV exclude the installed base, so a 2030 fleet figure "
  "cannot be given")
U(["What is the forecast for US new installations in 2027?"],
  "the real dataset has forecasts only for European countries, not the USA")
U(["How big is the Italian PV market in euro, 2024? The value, not the MW"],
  "market value in EUR is not held")
U(["Italy 2024 installations but in AC, the inverter capacity?"],
  "capacities are DC only; AC figures are not held")

# =============================================================== REAL instance: prices
s = ps(RP, "Module", "n-type TOPCon", "EU")
v, d, u = p_latest(s)
add(D, "price", ["What is the latest price for TOPCon modules in the EU? Clients ask me if panels "
                 "are cheaper now"],
    "price", [E(v, u)], [], f"parquet: Module / n-type TOPCon / EU, newest date {d}")

s = ps(RP, "Copper", "Copper", "Overseas")
v = p_month(s, "2024-03")
add(D, "price", ["A client who is an electrician told me copper is going crazy. copper price in March 2024?"],
    "price", [E(v, s.unit.iloc[0])], [], "parquet: Copper / Overseas, monthly, 2024-03")

s = ps(RP, "Aluminium", "Aluminium", "Overseas")
v, ds = p_ext(s, "min")
add(D, "price", ["Which was the lowest aluminium price in your data, and when it was?"],
    "price", [E(v, s.unit.iloc[0])], [ds[0][:4]] if len(ds) == 1 else [],
    f"parquet: Aluminium / Overseas, min over whole series (date {ds})")

s = ps(RP, "EVA", "EVA", "Overseas")
a, b = p_month(s, "2020-01"), p_month(s, "2025-01")
add(D, "price", ["EVA for the encapsulation: how much the price changed from January 2020 to January "
                 "2025, in %?"],
    "price", [E(pct(a, b), "%")], [], "parquet: EVA / Overseas, (2025-01 - 2020-01)/2020-01*100")

s = ps(RP, "Silver", "Silver", "Overseas", "K US$/t")
v = p_month(s, "2024-12")
add(D, "price", ["They say silver is a big cost in the cells. What was the silver price in December "
                 "2024?"],
    "price", [E(v, "K US$/t")], [], "parquet: Silver / Overseas, unit K US$/t, 2024-12")

s1, s2 = ps(RP, "Module", "n-type HJT", "EU"), ps(RP, "Module", "n-type TOPCon", "EU")
v1, d1, u1 = p_latest(s1)
v2, d2, u2 = p_latest(s2)
add(D, "price", ["HJT or TOPCon, which module is cheaper in Europe? latest price for both please"],
    "price", [E(v1, u1), E(v2, u2)], [],
    f"parquet: Module n-type HJT EU latest ({d1}) and n-type TOPCon EU latest ({d2})")

s = ps(RP, "Polysilicon", "Very high purity - 11N/11N+", "China")
v, ds = p_ext(s, "max")
add(D, "price", ["Highest polysilicon price for the 11N quality in China, and when?"],
    "price", [E(v, s.unit.iloc[0])], [ds[0][:4]] if len({d[:4] for d in ds}) == 1 else [],
    f"parquet: Polysilicon / Very high purity - 11N/11N+ / China, max (dates {ds})")

s = ps(RP, "Module", "p-type mono-Si PERC M10", "EU")
x = s[s.date.dt.year == 2024]
add(D, "price", ["The installers quote me always PERC panels for the cheap offers. Average price of PERC M10 modules in the EU during 2024?"],
    "price", [E(x.base_price.mean(), s.unit.iloc[0])], [],
    f"parquet: Module / p-type mono-Si PERC M10 / EU, mean of the {len(x)} weekly values dated 2024")

s = ps(RP, "Module", "n-type TOPCon", "China")
a, b = float(s.base_price.iloc[0]), float(s.base_price.iloc[-1])
add(D, "price", ["TOPCon modules in China: from the first price you have to the latest one, how much "
                 "is the change in %?"],
    "price", [E(pct(a, b), "%")], [],
    f"parquet: Module / n-type TOPCon / China, first {s.date.iloc[0].date()} to latest {s.date.iloc[-1].date()}")

lat = {}
for r in ["China", "EU", "US"]:
    lat[r] = p_latest(ps(RP, "Module", "n-type TOPCon", r))
cheapest = min(lat, key=lambda k: lat[k][0])
add(D, "price", ["TOPCon module, latest price in China, EU and US. Where is it cheapest?"],
    "price", [E(lat[r][0], lat[r][2]) for r in lat], [cheapest],
    "parquet: Module / n-type TOPCon latest per region China, EU, US; min")

# real price follow-up
v, d, u = p_latest(ps(RP, "Module", "n-type TOPCon", "US"))
add(D, "price", ["latest price of n-type TOPCon modules in China?", "and in the US?"],
    "follow_up", [E(v, u)], [], f"parquet: Module / n-type TOPCon / US newest date {d}")

U(["What is the price of a string inverter per kW these days?"],
  "inverter prices are not in the price data", "price")
U(["TOPCon module price in Brazil, the latest?"],
  "no Brazil region in the price data", "price")
U(["What part of the module price is the polysilicon, in %?"],
  "a share of a price (cost breakdown) is not held", "price")
U(["What efficiency have TOPCon modules compared to PERC?"],
  "module efficiency is not in the data", "price")
U(["Do you think module price will go down in 2026? what price do you expect?"],
  "price data are historical only; no price forecasts", "price")

# =============================================================== REAL instance: financials
H, SF, AU, NO = ("Helios Modules Ltd (sample)", "SunForge Energy (sample)",
                 "Aurora PV Group (sample)", "Nordlicht Solar AG (sample)")
v, u = fin(H, "FY2024", "Revenue")
add(D, "manufacturer_financial", ["One client works for a module distributor. Helios Modules revenue for the full year 2024?"],
    "financial", [E(v, u)], [], "financials: Helios, FY2024, Revenue")

x = FIN[(FIN.period == "FY2023") & (FIN.metric == "Net income")].sort_values("value", ascending=False)
add(D, "manufacturer_financial", ["Which of the manufacturers you follow had the highest net income in "
                                  "FY2023?"],
    "financial", [E(x.value.iloc[0], x.unit.iloc[0])], [x.company.iloc[0].split(" ")[0]],
    "financials: FY2023 Net income, max over companies")

v, u = fin(SF, "2024-Q4", "Gross margin")
add(D, "manufacturer_financial", ["SunForge gross margin in Q4 2024?"],
    "financial", [E(v, u)], [], "financials: SunForge, 2024-Q4, Gross margin")

a, _ = fin(AU, "FY2023", "Module shipments")
b, u = fin(AU, "FY2024", "Module shipments")
add(D, "manufacturer_financial", ["Aurora PV module shipments FY2023?",
                                  "and FY2024? how much more in %?"],
    "follow_up", [E(b, u), E(pct(a, b), "%")], [], "financials: Aurora Module shipments FY2024 and % vs FY2023")

x = FIN[(FIN.company == NO) & (FIN.metric == "Net income") & FIN.period.str.contains("-Q")]
x = x.sort_values("value")
add(D, "manufacturer_financial", ["Nordlicht Solar, which was their worst quarter for net income?"],
    "financial", [E(x.value.iloc[0], x.unit.iloc[0])], [x.period.iloc[0].split("-")[1], x.period.iloc[0].split("-")[0]],
    "financials: Nordlicht quarterly Net income, min")

U(["LONGi revenue in 2024? they are big in modules, no?"],
  "LONGi is not among the companies in the financials", "manufacturer_financial")

# =============================================================== SAMPLE instance: market
D = "sample"
U = lambda turns, why, agent="market": add(D, agent, turns, "unanswerable", answerable=False, why=why,
                                             how="not in the loaded data")

v = mv(SM, "Poland", 2021)
add(D, "market", ["A Polish family is client of our branch and they asked me. How many kW Poland "
                  "installed in 2021... sorry, MW, for a country kW is too small no?"],
    "lookup", [E(v, MW)], [], "sample market: Poland 2021 Historical Primary Total Annual")

v = mv(SM, "Netherlands", 2024, conn="Off-grid")
add(D, "market", ["netherlands off-grid new capacity in 2024, is there any?"],
    "lookup", [E(v, MW)], [], "sample market: Netherlands 2024 Historical Primary Off-grid Annual")

v = mv(SM, "Italy", 2028, "Cumulative", scen=MP)
add(D, "market", ["How much total PV capacity Italy should have at end of 2028, most probable "
                  "scenario? The whole fleet, not the yearly"],
    "lookup", [E(v, MW)], [], "sample market: Italy 2028 Forecast - Most probable Total Cumulative")

v = mv(SM, "World", 2030, scen=LOW)
add(D, "market", ["World new installations in 2030 in the low scenario? in GW would be easier for me"],
    "lookup", [E(v, MW)], [], "sample market: World 2030 Forecast - Low Total Annual")

t = table(SM, 2024)
add(D, "market", ["Rank the countries you have by PV installed in 2024, biggest first"],
    "rank", [E(x, MW) for x in t.values], list(t.index),
    "sample market: 2024 Historical Total Annual, World excluded, sorted")

t = table(SM, 2023, conn="Distributed").head(3)
add(D, "market", ["top 3 countries for distributed (rooftop) capacity added in 2023?"],
    "rank", [E(x, MW) for x in t.values], list(t.index),
    "sample market: 2023 Historical Distributed Annual, World excluded, top 3")

a, w = mv(SM, "Germany", 2024), mv(SM, "World", 2024)
add(D, "market", ["Germany is always the example in our trainings. Germany's share of world new PV in 2024, in %?"],
    "share", [E(a / w * 100, "%")], [], "sample market: Germany 2024 Annual Total / World 2024 Annual Total")

a, b = mv(SM, "Italy", 2024, conn="Off-grid"), mv(SM, "Italy", 2024)
add(D, "market", ["Just curious, off-grid in Italy is small I think. What share of Italy's 2024 "
                  "additions was off-grid?"],
    "share", [E(a / b * 100, "%")], [], "sample market: Italy 2024 Annual Off-grid / Total")

a, b = mv(SM, "Poland", 2015), mv(SM, "Poland", 2024)
add(D, "market", ["Poland seems to go very fast. CAGR of Poland annual installations 2015 to 2024?"],
    "change", [E(cagr(a, b, 9), "%")], [], "sample market: Poland Annual Total (2024/2015)^(1/9)-1")

a, b = mv(SM, "Germany", 2019, "Cumulative"), mv(SM, "Germany", 2024, "Cumulative")
add(D, "market", ["How much Germany's installed capacity grew from 2019 to 2024, in %? capacity I "
                  "mean, not production"],
    "change", [E(pct(a, b), "%")], [], "sample market: Germany Cumulative Total (2024-2019)/2019*100")

a, b = mv(SM, "Netherlands", 2023), mv(SM, "Netherlands", 2024)
add(D, "market", ["Dutch market year on year, 2023 to 2024? up or down?"],
    "change", [E(b - a, MW), E(pct(a, b), "%")], [],
    "sample market: Netherlands Annual Total 2024 vs 2023, absolute and %")

a, b = mv(SM, "Spain", 2024, "Cumulative"), mv(SM, "Italy", 2024, "Cumulative")
add(D, "market", ["Spain vs Italy, installed base end of 2024, who is bigger and what's the difference?"],
    "compare", [E(a, MW), E(b, MW), E(abs(a - b), MW)], ["Spain" if a > b else "Italy"],
    "sample market: Cumulative Total 2024 Spain, Italy, difference")

vals = {c: mv(SM, c, 2020) for c in ["France", "Germany", "Poland"]}
top = max(vals, key=vals.get)
add(D, "market", ["France, Germany, Poland — who added most PV in 2020?"],
    "compare", [E(x, MW) for x in vals.values()], [top],
    "sample market: 2020 Annual Total for France, Germany, Poland")

s = hist_years(SM, "Spain")
add(D, "market", ["In the historical years, which was Spain's best year for new installations?"],
    "extreme", [E(s.max(), MW)], [str(int(s.idxmax()))],
    "sample market: Spain Annual Total Historical 2015-2024, max")

s = pd.Series(series(SM, "Poland", 2025, 2030, scen=HIGH))
add(D, "market", ["Which year is the peak for Poland in the high forecast scenario, and how much?"],
    "extreme", [E(s.max(), MW)], [str(int(s.idxmax()))],
    "sample market: Poland Annual Total Forecast - High 2025-2030, max")

s = series(SM, "France", 2015, 2024)
add(D, "market", ["avarage annual instalations in France 2015-2024?"],
    "average", [E(sum(s.values()) / len(s), MW)], [], "sample market: mean France Annual Total Historical 2015..2024")

s = series(SM, "World", 2025, 2030, scen=MP)
add(D, "market", ["On average how much the world is expected to install per year 2025-2030? most "
                  "probable. Is it more than the 2024 level?"],
    "average", [E(sum(s.values()) / len(s), MW), E(mv(SM, "World", 2024), MW)], [],
    "sample market: mean World Annual Total Forecast - Most probable 2025..2030; World 2024 Historical")

s = series(SM, "Germany", 2020, 2024)
add(D, "market", ["My manager wants the German number for the last five years. Total new PV in Germany from 2020 to 2024, all summed?"],
    "sum", [E(sum(s.values()), MW)], [], "sample market: sum Germany Annual Total Historical 2020..2024")

s = hist_years(SM, "Netherlands")
add(D, "market", ["What is the most recent year with real (not forecast) data for the Netherlands, "
                  "and how much was installed?"],
    "first_latest", [E(s.iloc[-1], MW)], [str(int(s.index[-1]))],
    "sample market: Netherlands Annual Total Historical, last year")

s = hist_years(SM, "France")
add(D, "market", ["what's the first year you have for France, and how many MW installed in it?"],
    "first_latest", [E(s.iloc[0], MW)], [str(int(s.index[0]))],
    "sample market: France Annual Total Historical, first year")

# ---- sample follow-ups
v = mv(SM, "Spain", 2024)
add(D, "market", ["How much PV Italy installed in 2024?", "and Spain?"],
    "follow_up", [E(v, MW)], [], "sample market: Spain 2024 Historical Total Annual")

a, b = mv(SM, "Germany", 2024, conn="Distributed"), mv(SM, "Germany", 2024)
add(D, "market", ["What share of Italy's 2024 new capacity was distributed?", "same for Germany"],
    "follow_up", [E(a / b * 100, "%")], [], "sample market: Germany 2024 Annual Distributed / Total")

a, b = mv(SM, "World", 2022), mv(SM, "World", 2023)
add(D, "market", ["World installations in 2023?", "is that a lot? how much up from 2022, in %?"],
    "follow_up", [E(pct(a, b), "%")], [], "sample market: World Annual Total (2023-2022)/2022*100")

a, b = mv(SM, "Netherlands", 2019), mv(SM, "Netherlands", 2024)
add(D, "market", ["Netherlands added capacity 2024?", "what about 2019?",
                  "ok and the CAGR between 2019 and 2024?"],
    "follow_up", [E(cagr(a, b, 5), "%")], [], "sample market: Netherlands Annual Total (2024/2019)^(1/5)-1")

# ---- sample market unanswerable
U(["Portugal installations in 2023? we have some clients from there"],
  "Portugal is not in the sample market data")
U(["How much PV Germany installed in 2012?"], "sample market data start in 2015")
U(["Spain forecast for 2035, new installations?"], "forecasts end in 2030")
U(["How many solar thermal collectors for hot water were installed in Italy? Many clients want both"],
  "solar thermal is not in the data")
U(["How many people work in solar in Italy? jobs number"], "employment is not in the data")
U(["How many households in the Netherlands have panels on the roof?"],
  "number of households/systems is not held, only MW")

# =============================================================== SAMPLE instance: prices
s = ps(SP, "Module", "n-type TOPCon", "India")
v = p_month(s, "2024-06")
add(D, "price", ["We finance also some Indian-made panels via an importer. TOPCon module price in India in June 2024?"],
    "price", [E(v, s.unit.iloc[0])], [], "sample prices: Module / n-type TOPCon / India, 2024-06")

lat = {r: p_latest(ps(SP, "Module", "p-type mono-Si PERC M10", r)) for r in ["China", "EU", "India", "US"]}
cheapest = min(lat, key=lambda k: lat[k][0])
add(D, "price", ["For PERC M10 modules, which region is the cheapest at the latest price?"],
    "price", [E(lat[cheapest][0], lat[cheapest][2])], [cheapest],
    "sample prices: Module / p-type mono-Si PERC M10 latest per region, min")

a = p_latest(ps(SP, "PV glass", "Glass 3,2mm", "EU"))
b = p_latest(ps(SP, "PV glass", "Glass 3,2mm", "China"))
add(D, "price", ["PV glass 3.2mm, the latest price in EU vs China?"],
    "price", [E(a[0], a[2]), E(b[0], b[2])], [], "sample prices: PV glass / Glass 3,2mm latest EU and China")

s = ps(SP, "Wafer", "n-type mono-Si M10", "China")
v, ds = p_ext(s, "max")
add(D, "price", ["maximum price for n-type M10 wafers in China, and which month?"],
    "price", [E(v, s.unit.iloc[0])], [pd.Timestamp(ds[0]).strftime("%Y")] if len(ds) == 1 else [],
    f"sample prices: Wafer / n-type mono-Si M10 / China, max (dates {ds})")

s = ps(SP, "Cell", "n-type TOPCon M10", "China")
a, b = p_month(s, "2023-01"), p_month(s, "2024-12")
add(D, "price", ["TOPCon cells in China, change from January 2023 to December 2024 in %?"],
    "price", [E(pct(a, b), "%")], [], "sample prices: Cell / n-type TOPCon M10 / China, (2024-12 - 2023-01)/2023-01*100")

s = ps(SP, "Module", "n-type TOPCon", "EU")
x = s[s.date.dt.year == 2024]
add(D, "price", ["I want to explain to clients why the quotes went down. Average TOPCon module price in the EU over 2024?"],
    "price", [E(x.base_price.mean(), s.unit.iloc[0])], [],
    "sample prices: Module / n-type TOPCon / EU, mean of 12 monthly values 2024")

s = ps(SP, "Polysilicon", "High purity - 9N/9N+", "China")
v, ds = p_ext(s, "min")
add(D, "price", ["Latest polysilicon price in China?", "and the minimum in all the period you have?"],
    "follow_up", [E(v, s.unit.iloc[0])], [],
    f"sample prices: Polysilicon / High purity - 9N/9N+ / China, min over series (dates {ds})")

U(["Copper price last month? it is in the cables"], "no raw-material prices in the sample", "price")
U(["Module price in Japan, the latest?"], "Japan is not a price region in the sample", "price")
U(["What's the average cost per kW of a complete residential rooftop system in Italy, installed?"],
  "installed system prices are not held, only component prices", "price")

# =============================================================== SAMPLE instance: financials
v, u = fin(SF, "FY2024", "Net income")
add(D, "manufacturer_financial", ["SunForge net income FY2024, they made money or lost?"],
    "financial", [E(v, u)], [], "financials: SunForge, FY2024, Net income")

q = [fin(AU, f"2024-Q{i}", "Gross margin")[0] for i in range(1, 5)]
add(D, "manufacturer_financial", ["Simple average of Aurora's four quarterly gross margins in 2024?"],
    "financial", [E(sum(q) / 4, "%")], [], "financials: Aurora, mean of Gross margin 2024-Q1..Q4")

vals = {c: fin(c, "FY2024", "Revenue") for c in [H, SF, AU]}
add(D, "manufacturer_financial", ["Our investment desk asked me, because I am the 'solar guy' now. Compare revenue FY2024 of Helios, SunForge and Aurora"],
    "financial", [E(x[0], x[1]) for x in vals.values()], ["Helios", "SunForge", "Aurora"],
    "financials: FY2024 Revenue for three companies")

a, _ = fin(NO, "FY2023", "Revenue")
b, _ = fin(NO, "FY2024", "Revenue")
add(D, "manufacturer_financial", ["Nordlicht revenue change FY2023 to FY2024 in %? we have a German "
                                  "client who holds their shares"],
    "financial", [E(pct(a, b), "%")], [], "financials: Nordlicht Revenue (FY2024-FY2023)/FY2023*100")

x = FIN[(FIN.period == "FY2024") & (FIN.metric == "Module shipments")]
assert x.unit.nunique() == 1
add(D, "manufacturer_financial", ["Total module shipments of all the four companies in FY2024, summed?"],
    "financial", [E(x.value.sum(), x.unit.iloc[0])], [], "financials: sum of FY2024 Module shipments, 4 companies")

v, u = fin(H, "FY2024", "Revenue")
add(D, "manufacturer_financial", ["Helios revenue FY2023?", "and FY2024?"],
    "follow_up", [E(v, u)], [], "financials: Helios, FY2024, Revenue")

U(["Helios EBITDA for 2024?"], "EBITDA is not among the financial metrics", "manufacturer_financial")
U(["JinkoSolar shipments in 2024?"], "JinkoSolar is not in the financials", "manufacturer_financial")

# ----------------------------------------------------------------------------- write + check
for i, it in enumerate(ITEMS, 1):
    it["id"] = f"{WRITER}-{i:03d}"
    for e in it["expect"]:
        e["value"] = float(e["value"])

with open(HERE / "questions.jsonl", "w", encoding="utf-8") as f:
    for it in ITEMS:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [it["id"] for it in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
n = len(ITEMS)
n_un = sum(not it["answerable"] for it in ITEMS)
n_chain = sum(len(it["turns"]) >= 2 for it in ITEMS)
for it in ITEMS:
    if it["answerable"]:
        assert it["expect"] or it["names"], it["id"]
    else:
        assert it.get("why"), it["id"]
    assert it["kind"] in {"lookup", "rank", "share", "change", "compare", "extreme", "average", "sum",
                          "first_latest", "price", "financial", "follow_up", "unanswerable"}
assert n >= 110, n
assert n_un >= 28, n_un
assert n_chain >= 12, n_chain
print(f"items {n}, unanswerable {n_un}, follow-up chains (>=2 turns) {n_chain}")
print("per data:", dict(Counter(it["data"] for it in ITEMS)))
print("per agent:", dict(Counter(it["agent"] for it in ITEMS)))
print("per kind:", dict(Counter(it["kind"] for it in ITEMS)))
print("per data x kind:")
print(pd.crosstab(pd.Series([it["kind"] for it in ITEMS], name="kind"),
                  pd.Series([it["data"] for it in ITEMS], name="data")).to_string())
