"""Councillor question set: computes every expected figure from the data files and writes questions.jsonl."""
import json
from collections import Counter
from pathlib import Path

import pandas as pd

OUT = Path(__file__).with_name("questions.jsonl")
W = "councillor"
KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]

REAL_M = pd.read_csv("/work/shared/datasets/market-database-fy.csv").drop_duplicates(KEY)
REAL_P = pd.read_parquet("/work/shared/datasets/component-prices.parquet")
REAL_P["date"] = pd.to_datetime(REAL_P["date"])
SAMP_M = pd.read_csv("/work/main/data/sample/market.csv").drop_duplicates(KEY)
SAMP_P = pd.read_csv("/work/main/data/sample/prices.csv")
SAMP_P["date"] = pd.to_datetime(SAMP_P["date"])
FIN = pd.read_csv("/work/main/data/sample/financials.csv")

AGGREGATES = {"ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
              "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
              "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
              "South Europe", "Southeast Asia", "Southern Africa", "World"}

SCEN = {None: None, "most probable": "Forecast - Most probable", "high": "Forecast - High",
        "low": "Forecast - Low"}


# ---------------------------------------------------------------- market helpers
def last_hist(df, terr):
    d = df[(df.Territory == terr) & (df.Scenario == "Historical Primary")]
    return int(d.Year.max())


def mv(df, terr, year, typ="Annual", conn="Total", scen=None):
    if scen is None:
        s = "Historical Primary" if year <= last_hist(df, terr) else "Forecast - Most probable"
    else:
        s = SCEN[scen]
    d = df[(df.Territory == terr) & (df.Year == year) & (df.Scenario == s) & (df.Connection == conn) & (df.Type == typ)]
    assert len(d) == 1, (terr, year, typ, conn, s, len(d))
    return float(d["Capacity(MW)"].iloc[0])


def hist_series(df, terr, typ="Annual", conn="Total", y0=None, y1=None):
    d = df[(df.Territory == terr) & (df.Scenario == "Historical Primary") & (df.Connection == conn) & (df.Type == typ)]
    if y0 is not None:
        d = d[d.Year >= y0]
    if y1 is not None:
        d = d[d.Year <= y1]
    return d.set_index("Year")["Capacity(MW)"].sort_index()


def countries_year(df, year, typ="Annual", conn="Total"):
    d = df[(df.Scenario == "Historical Primary") & (df.Year == year) & (df.Type == typ) & (df.Connection == conn)]
    d = d[~d.Territory.isin(AGGREGATES)]
    return d.set_index("Territory")["Capacity(MW)"].sort_values(ascending=False)


def pct(a, b):
    return (b - a) / a * 100


def cagr(a, b, years):
    return ((b / a) ** (1 / years) - 1) * 100


# ---------------------------------------------------------------- price helpers
def ps(df, item, desc, region, unit=None):
    d = df[(df["item"] == item) & (df.description == desc) & (df.region == region)]
    if unit:
        d = d[d.unit == unit]
    assert len(d) and not d.date.duplicated().any(), (item, desc, region)
    assert d.unit.nunique() == 1
    return d.sort_values("date")


def p_month(d, ym):
    x = d[d.date.dt.strftime("%Y-%m") == ym]
    assert len(x) == 1, (ym, len(x))
    return float(x.base_price.iloc[0])


def fin(company, period, metric):
    d = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(d) == 1
    return float(d.value.iloc[0])


HEL, SUN, AUR, NOR = ("Helios Modules Ltd (sample)", "SunForge Energy (sample)",
                      "Aurora PV Group (sample)", "Nordlicht Solar AG (sample)")

items = []


def add(data, agent, turns, kind, expect=(), names=(), how="", why=None):
    it = {"id": f"{W}-{len(items) + 1:03d}", "writer": W, "data": data, "agent": agent,
          "turns": list(turns), "answerable": why is None, "kind": kind,
          "expect": [{"value": round(float(v), 6), "unit": u} for v, u in expect],
          "names": list(names), "how": how}
    if why is not None:
        it["why"] = why
        it["kind"] = "unanswerable"
    items.append(it)


def U(data, agent, turns, why):
    add(data, agent, turns, "unanswerable", why=why, how="not in data")


R, S = REAL_M, SAMP_M
MW = "MW"

# ================================================================ REAL — market
add("real", "market", ["I'm giving a talk to the Tidy Towns crowd next week on solar. Roughly how much solar did Ireland install in 2024?"],
    "lookup", [(mv(R, "Ireland", 2024), MW)], how="Ireland 2024 Historical Primary Total Annual")

add("real", "market", ["whats the total solar capacity installed in Irleand at the end of 2024, ballpark?",
                       "and back in 2015?"],
    "follow_up", [(mv(R, "Ireland", 2015, "Cumulative"), MW)], how="Ireland 2015 Historical Primary Total Cumulative")

a, b = mv(R, "Ireland", 2015, "Cumulative"), mv(R, "Ireland", 2024, "Cumulative")
add("real", "market", ["For the speech I want a simple line. How many times bigger was Ireland's installed solar base at the end of 2024 than at the end of 2015?"],
    "change", [(b / a, "x")], how="Ireland cumulative 2024 / cumulative 2015")

add("real", "market", ["People here always compare us to Denmark. How much new solar did Ireland and Denmrak each add in 2024?"],
    "compare", [(mv(R, "Ireland", 2024), MW), (mv(R, "Denmark", 2024), MW)], how="Annual Total 2024, Ireland and Denmark")

add("real", "market", ["Total installed solar at end of 2024 for Ireland, the UK and the Netherlands please — about how do they stack up?"],
    "compare", [(mv(R, t, 2024, "Cumulative"), MW) for t in ("Ireland", "UK", "Netherlands")],
    how="Cumulative Total 2024 for Ireland, UK, Netherlands")

w = mv(R, "World", 2024)
add("real", "market", ["What share of the whole world's solar installations in 2024 was Ireland? I'm guessing tiny."],
    "share", [(mv(R, "Ireland", 2024) / w * 100, "%")], how="Ireland Annual 2024 / World Annual 2024 *100")

add("real", "market", ["A lot of our local stuff is rooftop. Of what Ireland added in 2024, what percentage was distributed (rooftop type) solar?"],
    "share", [(mv(R, "Ireland", 2024, conn="Distributed") / mv(R, "Ireland", 2024) * 100, "%")],
    how="Ireland 2024 Annual Distributed / Total *100")

top = countries_year(R, 2024).head(5)
add("real", "market", ["Which five countries installed the most solar in 2024, and roughly how much each?"],
    "rank", [(v, MW) for v in top.values], list(top.index), how="2024 Annual Total, countries only (aggregates excluded), top 5")

topc = countries_year(R, 2024, "Cumulative").head(3)
add("real", "market", ["Top 3 countries for total installed solar base at the end of 2024?"],
    "rank", [(v, MW) for v in topc.values], list(topc.index), how="2024 Cumulative Total, countries only, top 3")

grp = ["Ireland", "Denmark", "Belgium", "Portugal"]
vals = sorted(((mv(R, t, 2024), t) for t in grp), reverse=True)
add("real", "market", ["Rank these for me by new solar added in 2024, biggest first: Ireland, Denmark, Belgium, Portugual."],
    "rank", [(v, MW) for v, _ in vals], [t for _, t in vals], how="2024 Annual Total for the four, sorted desc")

s = hist_series(R, "Germany")
add("real", "market", ["Germany is always held up as the solar example. What was Germnay's best ever year for new installations and how much went in?"],
    "extreme", [(s.max(), MW)], [str(s.idxmax())], how="Germany Annual Total historical, max over all years")

s = hist_series(R, "Spain", y0=2010, y1=2020)
add("real", "market", ["I heard Spain had a bust after the boom. Between 2010 and 2020, which year did Spain install the least solar?"],
    "extreme", [(s.min(), MW)], [str(s.idxmin())], how="Spain Annual Total 2010-2020, min")

s = hist_series(R, "Italy")
add("real", "market", ["When was Italy's peak year for new solar, over all the years you have?"],
    "extreme", [(s.max(), MW)], [str(s.idxmax())], how="Italy Annual Total historical, max")

s = hist_series(R, "Ireland", y0=2020, y1=2024)
add("real", "market", ["On average how much solar did Ireland add per year from 2020 to 2024?"],
    "average", [(s.mean(), MW)], how="mean Ireland Annual Total 2020-2024 (5 years)")

add("real", "market", ["Adding it all up, how much solar went in across Ireland in the five years 2020 to 2024 combined?"],
    "sum", [(s.sum(), MW)], how="sum Ireland Annual Total 2020-2024")

s = hist_series(R, "Denmark", y0=2015, y1=2024)
add("real", "market", ["Average yearly solar additions in Denmark 2015-2024, roughly?"],
    "average", [(s.mean(), MW)], how="mean Denmark Annual Total 2015-2024")

a, b = mv(R, "World", 2015, "Cumulative"), mv(R, "World", 2024, "Cumulative")
add("real", "market", ["What's the compound annual growth rate of the world's installed solar base from 2015 to 2024?"],
    "change", [(cagr(a, b, 9), "%")], how="World cumulative CAGR 2015->2024, 9 years")

a, b = mv(R, "Ireland", 2023), mv(R, "Ireland", 2024)
add("real", "market", ["By what percent did Ireland's new solar installs go up from 2023 to 2024?"],
    "change", [(pct(a, b), "%")], how="Ireland Annual Total (2024-2023)/2023*100")

a, b = mv(R, "Netherlands", 2015), mv(R, "Netherlands", 2024)
add("real", "market", ["The Dutch seem to put panels on everything. How much more solar did the Netherlands add in 2024 than in 2015, in MW?"],
    "change", [(b - a, MW)], how="Netherlands Annual Total 2024 - 2015")

s = hist_series(R, "Ireland")
first_year = int(s.index.min())
add("real", "market", ["How far back does your data for Ireland go? What's the first year and how much was installed that year?"],
    "first_latest", [(s.iloc[0], MW)], [str(first_year)], how="Ireland Annual Total historical, earliest year")

s = hist_series(R, "UK")
add("real", "market", ["What's the most recent year of actual (not forecast) figures you have for the UK, and how much did they install that year?"],
    "first_latest", [(s.iloc[-1], MW)], [str(int(s.index.max()))], how="UK Annual Total historical, latest year")

add("real", "market", ["The government keeps talking about targets. What's the most likely amount of new solar Ireland will add in 2030?",
                       "same for the high scenario"],
    "follow_up", [(mv(R, "Ireland", 2030, scen="high"), MW)], how="Ireland 2030 Forecast - High Total Annual")

fs = sum(mv(R, "Ireland", y) for y in range(2025, 2031))
add("real", "market", ["If the most probable forecast holds, how much new solar will Ireland add in total over 2025 to 2030 (adding up the yearly additions)?"],
    "sum", [(fs, MW)], how="sum Ireland Annual Total Forecast - Most probable 2025-2030")

a, b = mv(R, "Ireland", 2024, "Cumulative"), mv(R, "Germany", 2024, "Cumulative")
add("real", "market", ["How many times bigger is Germany's total installed solar than Ireland's, end of 2024?"],
    "compare", [(b / a, "x")], how="Germany cumulative 2024 / Ireland cumulative 2024")

add("real", "market", ["How much solar did the UK add in 2024?", "and France?"],
    "follow_up", [(mv(R, "France", 2024), MW)], how="France 2024 Annual Total")

add("real", "market", ["How much big ground-mounted (centralised) solar did Spain put in during 2024?", "what about distributed?"],
    "follow_up", [(mv(R, "Spain", 2024, conn="Distributed"), MW)], how="Spain 2024 Annual Distributed")

a, b = mv(R, "World", 2015), mv(R, "World", 2024)
add("real", "market", ["How much solar did the whole world install in 2024?", "and back in 2015?",
                       "so roughly how many times bigger is the 2024 figure?"],
    "follow_up", [(b / a, "x")], how="World Annual Total 2024 / 2015")

a, b = mv(R, "Belgium", 2023), mv(R, "Belgium", 2024)
add("real", "market", ["Belgium — new solar in 2023?", "same for 2024", "what's the % change between the two?"],
    "follow_up", [(pct(a, b), "%")], how="Belgium Annual Total (2024-2023)/2023*100")

add("real", "market", ["China is the giant here I assume. What share of the world's new solar in 2024 was in China?"],
    "share", [(mv(R, "China", 2024) / w * 100, "%")], how="China Annual 2024 / World Annual 2024 *100")

add("real", "market", ["Portugul's total installed solar at the end of 2024, about?"],
    "lookup", [(mv(R, "Portugal", 2024, "Cumulative"), MW)], how="Portugal 2024 Cumulative Total")

a, b = mv(R, "UK", 2015, "Cumulative"), mv(R, "UK", 2024, "Cumulative")
add("real", "market", ["Our neighbours across the water: what was the UK's CAGR in cumulative solar capacity between 2015 and 2024?"],
    "change", [(cagr(a, b, 9), "%")], how="UK cumulative CAGR 2015->2024")

add("real", "market", ["What is Ireland's installed solar base at the end of 2023?", "And Scotland's?"],
    "unanswerable", why="Scotland is not a territory in the data (only UK as a whole)")

add("real", "market", ["How much solar did Denmark add in 2022?", "and Ireland the same year?",
                       "show both countries 2015 to 2024 as a chart"],
    "follow_up", [(mv(R, "Denmark", y), MW) for y in (2015, 2024)] + [(mv(R, "Ireland", y), MW) for y in (2015, 2024)],
    how="Annual Total 2015..2024 for Denmark & Ireland (endpoints checked)")

srt = countries_year(R, 2024)
rank_ie = list(srt.index).index("Ireland") + 1
add("real", "market", ["Where did Ireland rank among all countries for new solar installed in 2024? Like 20th, 30th?"],
    "rank", [(mv(R, "Ireland", 2024), MW)], [str(rank_ie)],
    how="position of Ireland in 2024 Annual Total ranking of countries (aggregates excluded)")

a, b = mv(R, "Poland", 2024), mv(R, "Ireland", 2024)
add("real", "market", ["Poland gets mentioned as a success story. In 2024 how many times more solar did Poland add than Ireland?"],
    "compare", [(a / b, "x")], how="Poland Annual 2024 / Ireland Annual 2024")

add("real", "market", ["What's the low-scenario forecast for new solar in the UK in 2027?"],
    "lookup", [(mv(R, "UK", 2027, scen="low"), MW)], how="UK 2027 Forecast - Low Total Annual")

# ---------------------------------------------------------------- REAL unanswerable (market)
U("real", "market", ["We've a few wind turbines up the hill too. How much wind capacity did Ireland install in 2024?"],
  "wind capacity is not in the data; PV only")
U("real", "market", ["Folks ask about home batteries. How much battery storage was installed in Ireland last year?"],
  "battery storage is not in the data")
U("real", "market", ["How many GWh of electricity did solar generate in Ireland in 2024?"],
  "generation (GWh) is not held; only capacity in MW")
U("real", "market", ["Roughly how many people work in the solar industry in Ireland? Would be a nice number for the speech."],
  "employment/jobs are not in the data")
U("real", "market", ["What's the levelised cost of electricity (LCOE) for solar in Ireland these days?"],
  "LCOE is not held")
U("real", "market", ["What's the total installed solar capacity in Northern Ireland at end of 2024?"],
  "Northern Ireland is not a territory in the data")
U("real", "market", ["How much solar was there in County Cork at the end of 2024? Our town is in Cork."],
  "sub-national (county) data are not held")
U("real", "market", ["What will Ireland's total installed solar base be at the end of 2030 under the most probable forecast?"],
  "forecast cumulative figures in the real CSV exclude the installed base and must not be used")
U("real", "market", ["What's the forecast for new solar in Ireland in 2035?"],
  "forecasts end in 2030")
U("real", "market", ["How much solar did Germany have back in 1985?"],
  "data start in 1992")
U("real", "market", ["How big is the Irish solar market in euro terms, i.e. what was it worth in 2024?"],
  "market value in EUR is not held")
U("real", "market", ["Our parish hall has solar water heating. How much solar thermal capacity is there in Ireland?"],
  "solar thermal is not in the data")
U("real", "market", ["What's the feed-in tariff or export payment for rooftop solar in Ireland right now?"],
  "tariffs/support schemes are not held")
U("real", "market", ["Does the data give the UK's new solar for 2024 in each of England, Wales and Scotland seperately?"],
  "UK constituent nations are not split out")

# ================================================================ REAL — prices
d = ps(REAL_P, "Module", "n-type TOPCon", "EU")
add("real", "price", ["Someone is bound to ask about the cost of panels. What's the latest price of an n-type TOPCon module in the EU?"],
    "price", [(d.base_price.iloc[-1], "US$/Wp")], how=f"Module n-type TOPCon EU latest ({d.date.iloc[-1].date()})")

du = ps(REAL_P, "Module", "n-type TOPCon", "US")
add("real", "price", ["latest EU price for TOPCon solar modules?", "and in the US?"],
    "follow_up", [(du.base_price.iloc[-1], "US$/Wp")], how=f"Module n-type TOPCon US latest ({du.date.iloc[-1].date()})")

dc = ps(REAL_P, "Module", "n-type TOPCon", "China")
add("real", "price", ["Compare the latest n-type TOPCon module prices in China, the EU and the US — which is cheapest?"],
    "price", [(dc.base_price.iloc[-1], "US$/Wp"), (d.base_price.iloc[-1], "US$/Wp"), (du.base_price.iloc[-1], "US$/Wp")],
    [min([("China", dc.base_price.iloc[-1]), ("EU", d.base_price.iloc[-1]), ("US", du.base_price.iloc[-1])], key=lambda x: x[1])[0]],
    how="latest of each Module n-type TOPCon series China/EU/US; cheapest named")

d = ps(REAL_P, "Module", "p-type mono-Si PERC M10", "EU")
add("real", "price", ["What was the lowest price you've recorded for p-type PERC M10 modules in the EU, over the whole series?"],
    "price", [(d.base_price.min(), "US$/Wp")], how="Module p-type mono-Si PERC M10 EU min over series")

f0, f1 = d.base_price.iloc[0], d.base_price.iloc[-1]
add("real", "price", ["How much have PERC M10 panel prices in Europe dropped since your series starts — first price vs latest, and the % change?"],
    "price", [(f0, "US$/Wp"), (f1, "US$/Wp"), (pct(f0, f1), "%")],
    how=f"Module p-type mono-Si PERC M10 EU first ({d.date.iloc[0].date()}) vs latest ({d.date.iloc[-1].date()})")

d = ps(REAL_P, "Copper", "Copper", "Overseas")
add("real", "price", ["The wiring lads say copper went mad. What was the copper price in March 2024?"],
    "price", [(p_month(d, "2024-03"), "US$/t")], how="Copper Overseas monthly 2024-03")

d = ps(REAL_P, "Aluminium", "Aluminium", "Overseas")
mx = d.loc[d.base_price.idxmax()]
add("real", "price", ["When was aluminium at its most expensive in your data, and what was the price?"],
    "price", [(mx.base_price, "US$/t")], [str(mx.date.year)], how="Aluminium Overseas monthly max over series")

d = ps(REAL_P, "Module", "n-type TOPCon", "EU")
d24 = d[d.date.dt.year == 2024]
add("real", "price", ["Ballpark average price for TOPCon modules in the EU across 2024?"],
    "average", [(d24.base_price.mean(), "US$/Wp")], how="mean of weekly Module n-type TOPCon EU observations dated 2024")

d = ps(REAL_P, "Silver", "Silver", "Overseas", "K US$/t")
add("real", "price", ["Silver is in the panels I'm told. Price of silver in June 2024?"],
    "price", [(p_month(d, "2024-06"), "K US$/t")], how="Silver Overseas K US$/t monthly 2024-06")

d = ps(REAL_P, "EVA", "EVA", "Overseas")
add("real", "price", ["What's the most recent EVA price you have?"],
    "first_latest", [(d.base_price.iloc[-1], "US$/t")], how=f"EVA Overseas latest ({d.date.iloc[-1].date()})")

a, b = p_month(ps(REAL_P, "Copper", "Copper", "Overseas"), "2020-01"), p_month(ps(REAL_P, "Copper", "Copper", "Overseas"), "2025-01")
add("real", "price", ["How much did the copper price change between January 2020 and January 2025, in %?"],
    "change", [(a, "US$/t"), (b, "US$/t"), (pct(a, b), "%")], how="Copper Overseas 2020-01 vs 2025-01")

add("real", "market", ["How much solar did Ireland add in 2024?", "what about the price of panels? the latest n-type TOPCon module price in the EU"],
    "follow_up", [(ps(REAL_P, "Module", "n-type TOPCon", "EU").base_price.iloc[-1], "US$/Wp")],
    how="Module n-type TOPCon EU latest")
items[-1]["agent"] = "price"

d = ps(REAL_P, "Module", "p-type mono-Si PERC M10", "US")
mx = d.loc[d.base_price.idxmax()]
add("real", "price", ["Highest price you've seen for PERC M10 modules in the US?"],
    "price", [(mx.base_price, "US$/Wp")], how="Module p-type mono-Si PERC M10 US max over series")

# REAL price unanswerable
U("real", "price", ["What does a solar panel cost in Ireland right now, per watt?"],
  "no price region for Ireland")
U("real", "price", ["What's the price of a solar inverter these days?"],
  "inverters are not a price item")
U("real", "price", ["What share of a panel's price is down to the polysilicon in it?"],
  "a share of a price (cost breakdown) is not held")
U("real", "price", ["What does a full 4 kW rooftop system cost installed for a house, roughly, in euro?"],
  "installed system prices / EUR prices are not held")
U("real", "price", ["How efficient are the latest TOPCon panels, like what % efficiency?"],
  "module efficiency is not held")
U("real", "price", ["What was the module price back in 2012 when the solar boom was on?"],
  "price series start in 2019")

# ================================================================ financials (sample file, both instances)
add("real", "manufacturer_financial", ["One of the suppliers pitching to the council is Helios Modules. What was their revenue for the full year 2024?"],
    "financial", [(fin(HEL, "FY2024", "Revenue"), "USD million")], how="Helios FY2024 Revenue")
a, b = fin(SUN, "FY2023", "Net income"), fin(SUN, "FY2024", "Net income")
add("real", "manufacturer_financial", ["What was SunForge Energy's net income in FY2023?", "and in FY2024?"],
    "follow_up", [(b, "USD million")], how="SunForge FY2024 Net income")
add("real", "manufacturer_financial", ["Nordlicht Solar's gross margin in Q4 2024?"],
    "financial", [(fin(NOR, "2024-Q4", "Gross margin"), "%")], how="Nordlicht 2024-Q4 Gross margin")
g = {c: fin(c, "FY2024", "Gross margin") for c in (HEL, SUN, AUR, NOR)}
best = max(g, key=g.get)
add("real", "manufacturer_financial", ["Which of the manufacturers had the best gross margin for full-year 2024?"],
    "financial", [(g[best], "%")], [best.split(" (")[0].split()[0]], how="max FY2024 Gross margin across companies")
U("real", "manufacturer_financial", ["How did Jinko Solar's revenue do in 2024?"],
  "Jinko Solar is not in the financials")
U("real", "manufacturer_financial", ["How many people does Helios Modules employ?"],
  "employee counts are not a metric in the financials")

# ================================================================ SAMPLE — market
add("sample", "market", ["Looking at Spain for the speech. How much solar did Spain install in 2024?", "and back in 2015?"],
    "follow_up", [(mv(S, "Spain", 2015), MW)], how="sample: Spain 2015 Annual Total")

add("sample", "market", ["Poland vs the Netherlands — how much solar did each add in 2023?"],
    "compare", [(mv(S, "Poland", 2023), MW), (mv(S, "Netherlands", 2023), MW)], how="sample: Annual Total 2023 Poland, Netherlands")

add("sample", "market", ["What share of the world's new solar in 2023 did Germany account for?"],
    "share", [(mv(S, "Germany", 2023) / mv(S, "World", 2023) * 100, "%")], how="sample: Germany/World Annual 2023 *100")

cs = {t: mv(S, t, 2024) for t in ["France", "Germany", "Italy", "Netherlands", "Poland", "Spain"]}
top3 = sorted(cs, key=cs.get, reverse=True)[:3]
add("sample", "market", ["Which three countries added the most solar in 2024?"],
    "rank", [(cs[t], MW) for t in top3], top3, how="sample: 2024 Annual Total, countries (World excluded), top 3")

s = hist_series(S, "Italy")
add("sample", "market", ["Which year did Italy install the most solar, and roughly how much?"],
    "extreme", [(s.max(), MW)], [str(s.idxmax())], how="sample: Italy Annual Total historical max")

s = hist_series(S, "Poland")
add("sample", "market", ["Poland's lowest year for new installs in the data?"],
    "extreme", [(s.min(), MW)], [str(s.idxmin())], how="sample: Poland Annual Total historical min")

a, b = mv(S, "Poland", 2015, "Cumulative"), mv(S, "Poland", 2024, "Cumulative")
add("sample", "market", ["What's the CAGR of Poland's cumulative solar capacity from 2015 to 2024?"],
    "change", [(cagr(a, b, 9), "%")], how="sample: Poland cumulative CAGR 2015->2024")

s = hist_series(S, "France", y0=2020, y1=2024)
add("sample", "market", ["France — average new solar per year between 2020 and 2024, about?"],
    "average", [(s.mean(), MW)], how="sample: mean France Annual Total 2020-2024")

fs = sum(mv(S, "Germany", y) for y in range(2025, 2031))
add("sample", "market", ["Sum of Germany's forecast yearly additions 2025 through 2030, most probable case?",
                         "same for the high scenario"],
    "follow_up", [(sum(mv(S, "Germany", y, scen="high") for y in range(2025, 2031)), MW)],
    how="sample: sum Germany Annual Total Forecast - High 2025-2030")

add("sample", "market", ["The Netherlands is all rooftops I think. What % of their 2024 additions was distributed?"],
    "share", [(mv(S, "Netherlands", 2024, conn="Distributed") / mv(S, "Netherlands", 2024) * 100, "%")],
    how="sample: Netherlands 2024 Distributed/Total Annual *100")

a, b = mv(S, "Netherlands", 2024, "Cumulative"), mv(S, "Germany", 2024, "Cumulative")
add("sample", "market", ["How many times bigger is Germnay's installed base than the Netherlands', end of 2024?"],
    "compare", [(b / a, "x")], how="sample: Germany/Netherlands cumulative 2024")

a, b = mv(S, "World", 2023), mv(S, "World", 2024)
add("sample", "market", ["How much solar was installed worldwide in 2024?", "and in 2023?", "what's the year on year change in %?"],
    "follow_up", [(pct(a, b), "%")], how="sample: World Annual (2024-2023)/2023*100")

add("sample", "market", ["France's installed base at end of 2024?", "and Italy's?"],
    "follow_up", [(mv(S, "Italy", 2024, "Cumulative"), MW)], how="sample: Italy cumulative 2024 Total")

s = hist_series(S, "Spain", y0=2015, y1=2024)
add("sample", "market", ["Total solar Spain added from 2015 to 2024, all years together?"],
    "sum", [(s.sum(), MW)], how="sample: sum Spain Annual Total 2015-2024")

add("sample", "market", ["What's the low forecast for Italy's new solar in 2028?"],
    "lookup", [(mv(S, "Italy", 2028, scen="low"), MW)], how="sample: Italy 2028 Forecast - Low Annual Total")

add("sample", "market", ["How much solar did Poland add in 2024?", "and what about France?", "show the two from 2015 to 2024 as a chart"],
    "follow_up", [(mv(S, t, y), MW) for t in ("Poland", "France") for y in (2015, 2024)],
    how="sample: Annual Total 2015..2024 Poland & France (endpoints checked)")

s = hist_series(S, "Germany")
add("sample", "market", ["What's the latest year with actual figures for Germany and how much went in that year?"],
    "first_latest", [(s.iloc[-1], MW)], [str(int(s.index.max()))], how="sample: Germany Annual Total latest historical year")

# SAMPLE unanswerable market
U("sample", "market", ["I'm from a small town in Ireland. How much solar did Irleand install in 2024?"],
  "Ireland is not in the sample market data")
U("sample", "market", ["How much did the UK add in 2023?"], "UK is not in the sample market data")
U("sample", "market", ["How much onshore wind did Spain put in during 2024?"], "wind is not in the data")
U("sample", "market", ["What's the forecast for Germany's new solar in 2032?"], "forecasts end in 2030")
U("sample", "market", ["How much solar did Denmark add in 2022?"], "Denmark is not in the sample market data")
U("sample", "market", ["How many households in Poland have rooftop panels?"], "household counts are not held")
U("sample", "market", ["What was France's new solar in 2010?"], "sample market data start in 2015")

# ================================================================ SAMPLE — prices
d = ps(SAMP_P, "Module", "n-type TOPCon", "EU")
add("sample", "price", ["What's the latest price for n-type TOPCon modules in the EU?"],
    "price", [(d.base_price.iloc[-1], "US$/Wp")], how="sample: Module n-type TOPCon EU latest")

d = ps(SAMP_P, "Module", "p-type mono-Si PERC M10", "China")
add("sample", "price", ["PERC M10 module price in China in March 2024?"],
    "price", [(p_month(d, "2024-03"), "US$/Wp")], how="sample: Module PERC M10 China 2024-03")

d = ps(SAMP_P, "Polysilicon", "High purity - 9N/9N+", "China")
add("sample", "price", ["Highest and lowest price for polysilicon in China over your data?"],
    "price", [(d.base_price.max(), "US$/kg"), (d.base_price.min(), "US$/kg")], how="sample: Polysilicon 9N China max & min")

d = ps(SAMP_P, "Module", "n-type TOPCon", "EU")
a, b = p_month(d, "2023-01"), p_month(d, "2024-12")
add("sample", "price", ["By how much % did TOPCon panel prices in the EU change from Jan 2023 to Dec 2024?"],
    "change", [(pct(a, b), "%")], how="sample: Module n-type TOPCon EU 2023-01 vs 2024-12")

lat = {r: ps(SAMP_P, "Module", "p-type mono-Si PERC M10", r).base_price.iloc[-1] for r in ["China", "EU", "India", "US"]}
ch = min(lat, key=lat.get)
add("sample", "price", ["Where are PERC M10 modules cheapest right now — China, the EU, India or the US?"],
    "price", [(lat[ch], "US$/Wp")], [ch], how="sample: latest Module PERC M10 by region, min")

d = ps(SAMP_P, "PV glass", "Glass 3,2mm", "EU")
add("sample", "price", ["Average price of 3.2mm PV glass in the EU over 2024?"],
    "average", [(d[d.date.dt.year == 2024].base_price.mean(), "US$/m²")], how="sample: mean Glass 3,2mm EU 2024 monthly")

add("sample", "price", ["Latest HJT module price in the EU?", "and India?"],
    "follow_up", [(ps(SAMP_P, "Module", "n-type HJT", "India").base_price.iloc[-1], "US$/Wp")], how="sample: Module n-type HJT India latest")

a = p_month(ps(SAMP_P, "Cell", "n-type TOPCon M10", "China"), "2024-06")
b = p_month(ps(SAMP_P, "Cell", "p-type mono-Si PERC M10", "China"), "2024-06")
add("sample", "price", ["In June 2024, how did TOPCon cells compare with PERC cells in China, price-wise?"],
    "price", [(a, "US$/Wp"), (b, "US$/Wp")], how="sample: Cell TOPCon M10 vs PERC M10 China 2024-06")

d = ps(SAMP_P, "Wafer", "n-type mono-Si M10", "China")
add("sample", "price", ["What's the most recent price of an n-type M10 wafer from China?", "and back in Jan 2023?"],
    "follow_up", [(p_month(d, "2023-01"), "US$/pce")], how="sample: Wafer n-type M10 China 2023-01")

d = ps(SAMP_P, "Module", "n-type TOPCon", "US")
mn = d.loc[d.base_price.idxmin()]
add("sample", "price", ["When was the TOPCon module price in the US at its lowest, and what was it?"],
    "price", [(mn.base_price, "US$/Wp")], [str(mn.date.year)], how="sample: Module n-type TOPCon US min")

U("sample", "price", ["What's the silver price at the moment?"], "silver is not in the sample prices")
U("sample", "price", ["Module prices in Australia lately?"], "Australia is not a region in the sample prices")
U("sample", "price", ["What was the module price in EU in 2021?"], "sample prices start in 2023")
U("sample", "price", ["How much does a heat pump cost compared to solar panels?"], "heat pumps are not in the data")

# ================================================================ SAMPLE — financials
add("sample", "manufacturer_financial", ["Aurora PV Group — how many GW of modules did they ship in FY2024?"],
    "financial", [(fin(AUR, "FY2024", "Module shipments"), "GW")], how="Aurora FY2024 Module shipments")
a, b = fin(HEL, "2024-Q3", "Revenue"), fin(HEL, "2024-Q4", "Revenue")
add("sample", "manufacturer_financial", ["Helios Modules revenue, Q3 2024 vs Q4 2024 — what's the % change?"],
    "financial", [(a, "USD million"), (b, "USD million"), (pct(a, b), "%")], how="Helios Revenue 2024-Q3 vs 2024-Q4")
add("sample", "manufacturer_financial", ["What production capacity did SunForge have at end of 2024 (FY2024)?"],
    "financial", [(fin(SUN, "FY2024", "Production capacity"), "GW")], how="SunForge FY2024 Production capacity")
add("sample", "manufacturer_financial", ["Nordlicht Solar's revenue in FY2023?", "and FY2024?", "how much did it fall in %?"],
    "follow_up", [(pct(fin(NOR, "FY2023", "Revenue"), fin(NOR, "FY2024", "Revenue")), "%")], how="Nordlicht Revenue FY2023->FY2024 %")
qs = [fin(AUR, f"2024-Q{i}", "Net income") for i in range(1, 5)]
add("sample", "manufacturer_financial", ["Add up Aurora PV Group's net income over the four quarters of 2024?"],
    "sum", [(sum(qs), "USD million")], how="sum Aurora Net income 2024-Q1..Q4")
U("sample", "manufacturer_financial", ["What did Helios Modules spend on R&D in 2024?"], "R&D spend is not a metric in the financials")
U("sample", "manufacturer_financial", ["How did First Solar's margins look in 2024?"], "First Solar is not in the financials")

# ================================================================ self-check
ids = [i["id"] for i in items]
assert len(ids) == len(set(ids))
n_un = sum(not i["answerable"] for i in items)
chains = sum(1 for i in items if len(i["turns"]) > 1)
assert len(items) >= 110, len(items)
assert n_un >= 28, n_un
assert chains >= 12, chains
for i in items:
    if i["answerable"]:
        assert i["expect"] or i["names"], i["id"]
    else:
        assert not i["expect"] and i.get("why"), i["id"]

with OUT.open("w") as fh:
    for i in items:
        fh.write(json.dumps(i, ensure_ascii=False) + "\n")

print("total", len(items), "answerable", len(items) - n_un, "unanswerable", n_un, "multi-turn", chains)
print("by data", Counter(i["data"] for i in items))
print("by agent", Counter(i["agent"] for i in items))
print("by kind", Counter(i["kind"] for i in items))
print("kind x data", Counter((i["kind"], i["data"]) for i in items))
