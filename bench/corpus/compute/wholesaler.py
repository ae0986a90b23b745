#!/usr/bin/env python3
"""Writer `wholesaler`: sales director of a PV module & inverter distributor (EU / MEA / LatAm).

Computes every expected figure from the data files and writes questions.jsonl.
No expected number is typed by hand; all come from the data below.
"""
import json
import re
import os
from collections import Counter

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = "wholesaler"

REAL_MARKET = "/work/shared/datasets/market-database-fy.csv"
REAL_PRICES = "/work/shared/datasets/component-prices.parquet"
S_MARKET = "/work/main/data/sample/market.csv"
S_PRICES = "/work/main/data/sample/prices.csv"
S_FIN = "/work/main/data/sample/financials.csv"

KEY = ["Territory", "Year", "Scenario", "Connection", "Type"]
CAP = "Capacity(MW)"
AGGREGATES = {
    "ASEAN", "Africa", "America", "Asia", "Central America", "Central Asia", "Central Europe",
    "EU", "East Asia", "East Europe", "Eurasia", "Europe", "Middle East", "North Africa",
    "North America", "North Europe", "Oceania", "RoW", "South America", "South Asia",
    "South Europe", "Southeast Asia", "Southern Africa", "World",
}
MP = "Forecast - Most probable"
HI = "Forecast - High"
LO = "Forecast - Low"
HP = "Historical Primary"


# ----------------------------------------------------------------------------- market
def load_market(path):
    m = pd.read_csv(path).drop_duplicates()
    m = m.drop_duplicates(KEY + [CAP])  # RoW rows duplicated with AC/DC blank, same value
    assert not m.duplicated(KEY).any(), "conflicting market rows"
    return m


class Market:
    def __init__(self, path):
        self.df = load_market(path)
        h = self.df[self.df.Scenario == HP]
        self.last_hist = h.groupby("Territory").Year.max().to_dict()

    def scen(self, terr, year, scenario=None):
        if scenario:
            return scenario
        return HP if year <= self.last_hist[terr] else MP

    def v(self, terr, year, typ="Annual", conn="Total", scenario=None):
        s = self.scen(terr, year, scenario)
        d = self.df
        r = d[(d.Territory == terr) & (d.Year == year) & (d.Scenario == s)
              & (d.Connection == conn) & (d.Type == typ)]
        assert len(r) == 1, (terr, year, typ, conn, s, len(r))
        return float(r[CAP].iloc[0])

    def hist_series(self, terr, typ="Annual", conn="Total"):
        d = self.df
        r = d[(d.Territory == terr) & (d.Scenario == HP) & (d.Connection == conn) & (d.Type == typ)]
        return r.set_index("Year")[CAP].sort_index()

    def countries_year(self, year, typ="Annual", conn="Total", scenario=HP):
        d = self.df
        r = d[(d.Year == year) & (d.Scenario == scenario) & (d.Connection == conn) & (d.Type == typ)
              & (~d.Territory.isin(AGGREGATES))]
        return r.set_index("Territory")[CAP].sort_values(ascending=False)


RM = Market(REAL_MARKET)
SM = Market(S_MARKET)


def pct(a, b):
    return (b - a) / a * 100.0


def cagr(a, b, years):
    return ((b / a) ** (1.0 / years) - 1.0) * 100.0


# ----------------------------------------------------------------------------- prices
class Prices:
    def __init__(self, df):
        df = df.copy()
        df["date"] = pd.to_datetime(df["date"])
        self.df = df

    def s(self, item, desc, region, unit=None):
        d = self.df
        r = d[(d.item == item) & (d.description == desc) & (d.region == region)]
        if unit:
            r = r[r.unit == unit]
        assert r.unit.nunique() == 1, (item, desc, region, r.unit.unique())
        assert len(r) > 0
        return r.sort_values("date")

    def latest(self, *a, **k):
        r = self.s(*a, **k)
        last = r[r.date == r.date.max()]
        assert len(last) == 1, ("several obs on latest date", a)
        return float(last.base_price.iloc[0]), last.date.iloc[0]

    def first(self, *a, **k):
        r = self.s(*a, **k)
        f = r[r.date == r.date.min()]
        assert len(f) == 1, ("several obs on first date", a)
        return float(f.base_price.iloc[0]), f.date.iloc[0]

    def month(self, item, desc, region, ym, unit=None):
        r = self.s(item, desc, region, unit)
        x = r[r.date.dt.strftime("%Y-%m") == ym]
        assert len(x) == 1, ("need exactly one obs in month", item, desc, region, ym, len(x))
        return float(x.base_price.iloc[0])

    def avg(self, item, desc, region, prefix, unit=None):
        r = self.s(item, desc, region, unit)
        x = r[r.date.dt.strftime("%Y-%m-%d").str.startswith(prefix)]
        assert x.date.is_unique, "multi-source dates in averaging window"
        assert len(x) > 0
        return float(x.base_price.mean()), len(x)

    def ext(self, item, desc, region, fn="max", unit=None, start=None, end=None):
        r = self.s(item, desc, region, unit)
        if start:
            r = r[r.date >= start]
        if end:
            r = r[r.date <= end]
        val = r.base_price.max() if fn == "max" else r.base_price.min()
        dates = r[r.base_price == val].date
        return float(val), sorted(set(dates.dt.strftime("%Y-%m-%d")))

    def unit(self, *a, **k):
        return self.s(*a, **k).unit.iloc[0]


RP = Prices(pd.read_parquet(REAL_PRICES))
SP = Prices(pd.read_csv(S_PRICES))

FIN = pd.read_csv(S_FIN)


def fin(company, period, metric):
    r = FIN[(FIN.company == company) & (FIN.period == period) & (FIN.metric == metric)]
    assert len(r) == 1, (company, period, metric)
    return float(r.value.iloc[0]), r.unit.iloc[0]


HEL = "Helios Modules Ltd (sample)"
SUN = "SunForge Energy (sample)"
AUR = "Aurora PV Group (sample)"
NOR = "Nordlicht Solar AG (sample)"

# ----------------------------------------------------------------------------- items
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
    it["how"] = how
    ITEMS.append(it)


def E(value, unit):
    return {"value": float(value), "unit": unit}


MW = "MW"

# ============================================================================ REAL — market
# lookups
x = RM.v("Brazil", 2024)
add("real", "market",
    "Had a call w/ our Brazilian partner this morning, they say the market is slowing. How much PV did Brazil actually install in 2024?",
    "lookup", [E(x, MW)], [], "market CSV: Brazil, 2024, Historical Primary, Total, Annual")

x = RM.v("Pakistan", 2024, "Cumulative")
add("real", "market",
    "Pakistan keeps coming up in our container bookings. whats their total installed base at end of 2024?",
    "lookup", [E(x, MW)], [], "market CSV: Pakistan, 2024, Historical Primary, Total, Cumulative")

x = RM.v("Mexico", 2024, conn="Distributed")
add("real", "market", "Mexico distributed PV additions in 2024? need it for the C&I pitch deck",
    "lookup", [E(x, MW)], [], "market CSV: Mexico, 2024, Historical Primary, Distributed, Annual")

# rankings (countries only)
top = RM.countries_year(2024).head(5)
add("real", "market", "top 5 countries by new PV installs in 2024?", "rank",
    [E(v, MW) for v in top.values], list(top.index),
    "market CSV: 2024 Historical Primary Total Annual, aggregates excluded, top 5")

la = ["Brazil", "Chile", "Mexico", "Colombia", "Argentina"]
vals = sorted(((RM.v(c, 2024), c) for c in la), reverse=True)
add("real", "market",
    "Prepping the LatAm sales kickoff. Can you rank Brazil, Chile, Mexico, Colombia and Argentina by MW installed in 2024?",
    "rank", [E(v, MW) for v, _ in vals], [c for _, c in vals],
    "market CSV: 2024 HP Total Annual for the five countries, sorted descending")

me = ["Saudi Arabia", "UAE", "Israel", "Jordan", "Qatar"]
vals = sorted(((RM.v(c, 2024), c) for c in me), reverse=True)
add("real", "market",
    "of Saudi, UAE, Israel, Jordan and Qatar which one was the biggest market in 2024 and by how much? give me all 5 in order",
    "rank", [E(v, MW) for v, _ in vals], [c for _, c in vals],
    "market CSV: 2024 HP Total Annual for 5 Middle East countries, sorted")

eu = RM.countries_year(2024)
eur = [c for c in eu.index if c in {"Germany", "Spain", "Italy", "France", "Poland", "Netherlands", "Türkiye",
                                     "UK", "Greece", "Austria", "Romania", "Belgium", "Portugal", "Hungary",
                                     "Switzerland", "Sweden", "Denmark", "Bulgaria", "Ukraine", "Ireland",
                                     "Czech Republic", "Lithuania", "Croatia", "Slovenia", "Finland",
                                     "Estonia", "Norway", "Latvia", "Cyprus", "Luxembourg", "Slovakia",
                                     "Malta", "Serbia", "Albania", "North Macedonia", "Republic of Moldova",
                                     "Montenegro", "Bosnia Herzegovina", "Kosovo", "Belarus", "Iceland",
                                     "Russia"}]
top3 = eur[:3]
add("real", "market", "biggest 3 european country markets by 2024 additions?", "rank",
    [E(eu[c], MW) for c in top3], top3,
    "market CSV: 2024 HP Total Annual, European countries only, top 3")

cum = RM.countries_year(2024, "Cumulative").head(10)
add("real", "market", "Updating the investor deck for our distribution biz. Top 10 countries by cumulative installed PV capacity at end-2024 pls", "rank",
    [E(v, MW) for v in cum.values], list(cum.index),
    "market CSV: 2024 HP Total Cumulative, aggregates excluded, top 10")

# shares
a, w = RM.v("China", 2024), RM.v("World", 2024)
add("real", "market", "Everyone in the sales meeting keeps saying China IS the market. what share of global installations did China take in 2024?", "share",
    [E(a / w * 100, "%")], [], "China 2024 Annual Total / World 2024 Annual Total, HP")

a, w = RM.v("Brazil", 2023), RM.v("World", 2023)
add("real", "market",
    "Customer asked me how relevant Brazil is globally. Brazil's % of world PV additions in 2023?",
    "share", [E(a / w * 100, "%")], [], "Brazil 2023 Annual Total / World 2023 Annual Total, HP")

a, t = RM.v("Germany", 2024, conn="Distributed"), RM.v("Germany", 2024)
add("real", "market", "how much of Germany's 2024 market was distributed? in %", "share",
    [E(a / t * 100, "%")], [], "Germany 2024 Distributed Annual / Germany 2024 Total Annual, HP")

a, t = RM.v("Spain", 2024, conn="Centralised"), RM.v("Spain", 2024)
add("real", "market",
    "Our Spanish team sells mostly into utility-scale. What's the centralised share of Spain's 2024 installs?",
    "share", [E(a / t * 100, "%")], [], "Spain 2024 Centralised Annual / Spain 2024 Total Annual, HP")

# change
a, b = RM.v("Saudi Arabia", 2023), RM.v("Saudi Arabia", 2024)
add("real", "market", "Riyadh trade show next month. saudi yoy growth 2023->2024 in annual installs, %?", "change",
    [E(pct(a, b), "%")], [], "Saudi Arabia Annual Total HP: (2024-2023)/2023*100")

a, b = RM.v("Brazil", 2019), RM.v("Brazil", 2024)
add("real", "market", "Writing the LatAm budget memo. What was the CAGR of Brazil's annual PV market from 2019 to 2024?", "change",
    [E(cagr(a, b, 5), "%")], [], "Brazil Annual Total HP: (2024/2019)^(1/5)-1")

a, b = RM.v("Netherlands", 2023), RM.v("Netherlands", 2024)
add("real", "market",
    "Dutch installers are complaining they can't move stock. By what % did the Netherlands market drop from 2023 to 2024?",
    "change", [E(pct(a, b), "%")], [], "Netherlands Annual Total HP: (2024-2023)/2023*100")

# compare
cs = ["Chile", "Mexico", "Colombia"]
add("real", "market", "new hire is covering the pacific alliance markets. chile vs mexico vs colombia, 2024 installs side by side?", "compare",
    [E(RM.v(c, 2024), MW) for c in cs], cs, "Annual Total HP 2024 for Chile, Mexico, Colombia")

a, b = RM.v("Spain", 2024, "Cumulative"), RM.v("Italy", 2024, "Cumulative")
add("real", "market", "Spain or Italy - which has the bigger installed base at end of 2024, and what are the two numbers?",
    "compare", [E(a, MW), E(b, MW)], ["Spain" if a > b else "Italy"],
    "Cumulative Total HP 2024 for Spain and Italy")

# extremes
s = RM.hist_series("Spain")
add("real", "market", "spanish customer swears 2023 was a record. whats the record year for Spain's annual PV market, over all the history you have?", "extreme",
    [E(s.max(), MW)], [str(int(s.idxmax()))], "Spain Annual Total HP, max over all years")

s = RM.hist_series("Türkiye")
s2 = s[s.index >= 2015]
add("real", "market",
    "Turkish distributor says 2023 was their best year ever. Since 2015, which year had the most new PV in Türkiye?",
    "extreme", [E(s2.max(), MW)], [str(int(s2.idxmax()))], "Türkiye Annual Total HP 2015-2024, max")

s = RM.hist_series("Chile")
s2 = s[(s.index >= 2018) & (s.index <= 2024)]
add("real", "market", "Chile - weakest year for installs between 2018 and 2024?", "extreme",
    [E(s2.min(), MW)], [str(int(s2.idxmin()))], "Chile Annual Total HP 2018-2024, min")

# averages / sums
s = RM.hist_series("Türkiye")
s2 = s[(s.index >= 2020) & (s.index <= 2024)]
assert len(s2) == 5
add("real", "market", "setting targets for our Istanbul guy. avg yearly installs in Türkiye 2020-2024?", "average",
    [E(s2.mean(), MW)], [], "Türkiye Annual Total HP, mean of 2020..2024 (5 values)")

s = RM.hist_series("Chile")
s2 = s[(s.index >= 2020) & (s.index <= 2024)]
assert len(s2) == 5
add("real", "market", "Total MW installed in Chile 2020 through 2024, all years added up", "sum",
    [E(s2.sum(), MW)], [], "Chile Annual Total HP, sum 2020..2024")

gcc = ["Saudi Arabia", "UAE", "Qatar"]
add("real", "market",
    "we're opening a Dubai office. combined 2024 additions of Saudi Arabia + UAE + Qatar?", "sum",
    [E(sum(RM.v(c, 2024) for c in gcc), MW)], [], "sum of Annual Total HP 2024 for Saudi Arabia, UAE, Qatar")

# first / latest
s = RM.hist_series("Saudi Arabia")
add("real", "market", "what's the first year you have Saudi Arabia annual install numbers for, and how much was it?",
    "first_latest", [E(s.iloc[0], MW)], [str(int(s.index[0]))], "Saudi Arabia Annual Total HP, earliest year")

s = RM.hist_series("Colombia")
add("real", "market", "Bogotá distributor wants exclusivity. most recent year of data for Colombia and the MW added that year?", "first_latest",
    [E(s.iloc[-1], MW)], [str(int(s.index[-1]))], "Colombia Annual Total HP, latest year")

# forecasts (annual only on real)
x = RM.v("Spain", 2027)
add("real", "market", "Renewing our framework deal with a Spanish EPC. Spain 2027 outlook - how many MW of new PV in the most probable case?", "lookup",
    [E(x, MW)], [], "Spain 2027 Forecast - Most probable, Total, Annual")

x = RM.v("Poland", 2030, scenario=HI)
add("real", "market", "Poland annual market 2030 high scenario? the Warsaw team is super bullish", "lookup", [E(x, MW)], [],
    "Poland 2030 Forecast - High, Total, Annual")

a, b = RM.v("Italy", 2024), RM.v("Italy", 2030)
add("real", "market",
    "Board wants growth rates. CAGR of Italy's annual installs from 2024 to 2030, base case?", "change",
    [E(cagr(a, b, 6), "%")], [], "Italy Annual Total: 2024 HP, 2030 Forecast - Most probable, CAGR over 6 years")

s = sum(RM.v("Germany", y) for y in range(2025, 2031))
add("real", "market", "sum of Germany's forecast annual additions 2025-2030, most probable scenario?", "sum",
    [E(s, MW)], [], "Germany Annual Total Forecast - Most probable, sum 2025..2030")

a, b = RM.v("Türkiye", 2028, scenario=HI), RM.v("Türkiye", 2028, scenario=LO)
add("real", "market", "gap between high and low scenario for Türkiye's 2028 annual market?", "compare",
    [E(a - b, MW)], [], "Türkiye 2028 Annual Total: Forecast - High minus Forecast - Low")

# ---------------------------------------------------------------- REAL follow-ups (market)
add("real", "market", ["How much did Chile install in 2023?", "and 2024?"], "follow_up",
    [E(RM.v("Chile", 2024), MW)], [], "Chile 2024 Annual Total HP")

t23 = RM.countries_year(2023).head(5)
add("real", "market", ["Top 5 countries by PV additions in 2024?", "what about 2023?"], "follow_up",
    [E(v, MW) for v in t23.values], list(t23.index),
    "2023 HP Total Annual, countries only, top 5")

add("real", "market", ["Spain annual additions 2026, most probable?", "same for the high scenario"], "follow_up",
    [E(RM.v("Spain", 2026, scenario=HI), MW)], [], "Spain 2026 Forecast - High, Total, Annual")

add("real", "market",
    ["We sell both rooftop and utility kits in Brazil. What were Brazil's distributed additions in 2024?",
     "and centralised?"], "follow_up",
    [E(RM.v("Brazil", 2024, conn="Centralised"), MW)], [], "Brazil 2024 Centralised Annual HP")

add("real", "market", ["Saudi Arabia cumulative PV capacity end of 2024?", "and the UAE?"], "follow_up",
    [E(RM.v("UAE", 2024, "Cumulative"), MW)], [], "UAE 2024 Cumulative Total HP")

a, b = RM.v("Poland", 2023), RM.v("Poland", 2024)
add("real", "market", ["Germany installs 2024 vs 2023, % change?", "what about Poland?"], "follow_up",
    [E(pct(a, b), "%")], [], "Poland Annual Total HP: (2024-2023)/2023*100")

s = RM.hist_series("World")
s2 = s[(s.index >= 2015) & (s.index <= 2024)]
add("real", "market", ["world annual PV market 2015-2024 pls", "can u put that as a chart"], "follow_up",
    [E(s2.loc[2015], MW), E(s2.loc[2024], MW)], [],
    "World Annual Total HP 2015..2024 as chart; first and last values")

a, w = RM.v("Pakistan", 2024), RM.v("World", 2024)
add("real", "market", ["India's share of world installs in 2024?", "and Pakistan's?"], "follow_up",
    [E(a / w * 100, "%")], [], "Pakistan 2024 Annual Total / World 2024 Annual Total, HP")

# ============================================================================ REAL — prices
v, d = RP.latest("Module", "n-type TOPCon", "EU")
add("real", "price", "Price war again in Germany. latest TOPCon module price in the EU?", "price", [E(v, RP.unit("Module", "n-type TOPCon", "EU"))],
    [], f"prices parquet: Module / n-type TOPCon / EU, newest date {d.date()}")

regs = ["China", "EU", "US"]
lv = {r: RP.latest("Module", "n-type TOPCon", r) for r in regs}
cheap = min(regs, key=lambda r: lv[r][0])
add("real", "price",
    "Customer in Rotterdam says he can buy TOPCon cheaper locally than from China. Latest TOPCon module price China vs EU vs US - where is it cheapest?",
    "price", [E(lv[r][0], "US$/Wp") for r in regs], [cheap],
    "Module / n-type TOPCon latest per region (China, EU, US); min region")

t, _ = RP.latest("Module", "n-type TOPCon", "EU")
p, _ = RP.latest("Module", "p-type mono-Si PERC M10", "EU")
add("real", "price", "TOPCon vs PERC M10 modules in Europe, latest prices? how big is the premium in $/Wp",
    "price", [E(t, "US$/Wp"), E(p, "US$/Wp"), E(t - p, "US$/Wp")], [],
    "Module EU latest: n-type TOPCon and p-type mono-Si PERC M10; difference")

f, fd = RP.first("Module", "n-type TOPCon", "China")
l, ld = RP.latest("Module", "n-type TOPCon", "China")
add("real", "price", "how much have chinese TOPCon module prices fallen since the series starts? in %", "price",
    [E(f, "US$/Wp"), E(l, "US$/Wp"), E(pct(f, l), "%")], [],
    f"Module / n-type TOPCon / China: first {fd.date()} to latest {ld.date()}, % change")

mx, mxd = RP.ext("Module", "p-type mono-Si PERC M10", "EU", "max")
add("real", "price", "When was PERC M10 module price in EU at its highest, and what was it?", "price",
    [E(mx, "US$/Wp")], sorted({d_[:4] for d_ in mxd}),
    f"Module / p-type mono-Si PERC M10 / EU, max over whole series (dates {mxd})")

mx, mxd = RP.ext("Wafer", "p-type mono-Si M10", "China", "max")
l, ld = RP.latest("Wafer", "p-type mono-Si M10", "China")
add("real", "price",
    "p-type M10 wafer in China: peak price vs latest, and the % drop from peak?", "price",
    [E(mx, "US$/pce"), E(l, "US$/pce"), E(pct(mx, l), "%")], [],
    f"Wafer / p-type mono-Si M10 / China: max (dates {mxd}) and latest {ld.date()}, % change")

v, d = RP.latest("Cell", "n-type TOPCon M10", "Overseas")
add("real", "price", "cell maker in Vietnam pitched us yesterday. latest overseas TOPCon M10 cell price?", "price", [E(v, "US$/Wp")], [],
    f"Cell / n-type TOPCon M10 / Overseas, newest date {d.date()}")

v = RP.month("Copper", "Copper", "Overseas", "2025-03")
add("real", "price",
    "Cable supplier just raised prices on us again. What was copper in March 2025?", "price",
    [E(v, RP.unit("Copper", "Copper", "Overseas"))], [], "Copper / Overseas monthly, 2025-03 observation")

v = RP.month("Silver", "Silver", "Overseas", "2024-01", unit="K US$/t")
add("real", "price", "Module makers blame silver for every price hike. silver price jan 2024?", "price", [E(v, "K US$/t")], [],
    "Silver / Overseas monthly, 2024-01 observation (unit K US$/t)")

v, n = RP.avg("Aluminium", "Aluminium", "Overseas", "2024")
add("real", "price", "avg aluminium price over 2024? frames are killing our margins", "average",
    [E(v, "US$/t")], [], f"Aluminium / Overseas monthly, mean of {n} observations in 2024")

v, n = RP.avg("Module", "n-type TOPCon", "EU", "2025-01")
add("real", "price", "Average EU TOPCon module price during January 2025?", "average",
    [E(v, "US$/Wp")], [], f"Module / n-type TOPCon / EU, mean of {n} weekly observations in 2025-01")

mn, mnd = RP.ext("Polysilicon", "High purity - 9N/9N+", "Overseas", "min")
add("real", "price", "lowest ever overseas polysilicon price for high purity 9N/9N+ in your data? and when", "price",
    [E(mn, "US$/kg")], sorted({d_[:4] for d_ in mnd}),
    f"Polysilicon / High purity - 9N/9N+ / Overseas, min over whole series (dates {mnd})")

u, _ = RP.latest("Module", "n-type TOPCon", "US")
add("real", "price", ["latest EU TOPCon module price pls", "and in the US?"], "follow_up",
    [E(u, "US$/Wp")], [], "Module / n-type TOPCon / US, latest")

# ============================================================================ REAL — unanswerable
UN_R = [
    ("market", "Brazilian client also does wind. how much wind capacity did Brazil add in 2024?",
     "wind capacity is not in the data; PV only"),
    ("market", "How many MWh of battery storage got installed in Germany last year alongside PV?",
     "storage is not in the data"),
    ("market", "Oman PV installations in 2024? we have a big tender there",
     "Oman is not a territory in the market data"),
    ("market", "Dominican Republic PV market size 2024? customer in Santo Domingo asking",
     "Dominican Republic is not in the market data"),
    ("market", "what's the average LCOE for utility-scale solar in Saudi Arabia?",
     "LCOE is not held"),
    ("market", "How many GWh did Spanish solar plants generate in 2024?",
     "generation in GWh is not held; only capacity in MW"),
    ("market", "how many jobs does the brazilian PV sector employ?",
     "employment is not held"),
    ("market", "What is the current feed-in tariff for small rooftop systems in Italy?",
     "tariffs / support schemes are not held"),
    ("market", "value of the german rooftop PV market in EUR in 2024?",
     "market value in EUR is not held; only MW"),
    ("market", "Spain's total installed base at end of 2030 in the most probable scenario?",
     "forecast cumulative values in the real CSV exclude the installed base; not usable"),
    ("market", "Brazil forecast for 2027, most probable scenario? planning our LatAm stock",
     "the real data has no forecasts for Brazil (forecasts cover European territories and World only)"),
    ("market", "Morocco CSP / solar thermal capacity added in 2024?",
     "solar thermal / CSP is not in the data"),
    ("price", "what's the current price of a 10 kW three-phase string inverter?",
     "inverter prices are not in the price data"),
    ("price", "TOPCon module price in Brazil right now? landed cost",
     "Brazil is not a price region"),
    ("price", "latest TOPCon module price for India?",
     "no n-type TOPCon module series for India in the real price data"),
    ("price", "Mounting structure prices, aluminium rails per kWp, latest?",
     "mounting structures are not a price item"),
    ("price", "what % of the module price is the cell right now?",
     "a share of a price (cost breakdown) is not held"),
    ("price", "polysilicon price in 2017?", "year outside the price data (series start 2019)"),
]
for agent, q, why in UN_R:
    add("real", agent, q, "unanswerable", [], [], "not in data", answerable=False, why=why)

# ============================================================================ SAMPLE — market
x = SM.v("Italy", 2023)
add("sample", "market", "Italian installers were slammed last year. Italy new PV installs in 2023?", "lookup", [E(x, MW)], [],
    "sample market: Italy 2023 HP Total Annual")

x = SM.v("Spain", 2024, "Cumulative")
add("sample", "market",
    "Meeting a big EPC in Madrid tmrw. What's Spain's cumulative PV capacity at end of 2024?", "lookup",
    [E(x, MW)], [], "sample market: Spain 2024 HP Total Cumulative")

a, t = SM.v("Poland", 2024, conn="Distributed"), SM.v("Poland", 2024)
add("sample", "market", "poland 2024: what % of the market was distributed?", "share",
    [E(a / t * 100, "%")], [], "sample: Poland 2024 Distributed Annual / Total Annual")

r = SM.countries_year(2024)
add("sample", "market", "Planning where to put the next warehouse. rank Germany, Spain, Italy, France, Poland and the Netherlands by 2024 installations", "rank",
    [E(v, MW) for v in r.values], list(r.index), "sample: 2024 HP Total Annual, countries (World excluded)")

a, w = SM.v("Germany", 2024), SM.v("World", 2024)
add("sample", "market", "germany share of the global market 2024?", "share",
    [E(a / w * 100, "%")], [], "sample: Germany 2024 Annual Total / World 2024 Annual Total")

a, b = SM.v("France", 2023), SM.v("France", 2024)
add("sample", "market", "Lyon customer asked me this over lunch. French growth 2023 to 2024, % yoy?", "change", [E(pct(a, b), "%")], [],
    "sample: France Annual Total HP (2024-2023)/2023")

a, b = SM.v("Poland", 2018), SM.v("Poland", 2024)
add("sample", "market", "Poland's annual market CAGR 2018-2024?", "change", [E(cagr(a, b, 6), "%")], [],
    "sample: Poland Annual Total HP, CAGR over 6 years")

cs = ["Germany", "Italy", "Spain"]
add("sample", "market",
    "For our EU key account review: Germany vs Italy vs Spain, MW installed in 2024?", "compare",
    [E(SM.v(c, 2024), MW) for c in cs], cs, "sample: 2024 HP Total Annual for 3 countries")

s = SM.hist_series("Netherlands")
add("sample", "market", "peak year for the Dutch market? annual installs", "extreme",
    [E(s.max(), MW)], [str(int(s.idxmax()))], "sample: Netherlands Annual Total HP, max")

s = SM.hist_series("Spain")
add("sample", "market", "lowest year of new installs in Spain in the data?", "extreme",
    [E(s.min(), MW)], [str(int(s.idxmin()))], "sample: Spain Annual Total HP, min over 2015..2024")

s = SM.hist_series("France")
s2 = s[(s.index >= 2020) & (s.index <= 2024)]
add("sample", "market", "avg annual installs France 2020-24?", "average", [E(s2.mean(), MW)], [],
    "sample: France Annual Total HP mean 2020..2024")

s = SM.hist_series("Italy")
s2 = s[(s.index >= 2021) & (s.index <= 2024)]
add("sample", "market",
    "Our Italian subsidiary claims they've been riding a boom. Total new MW in Italy 2021 to 2024 combined?",
    "sum", [E(s2.sum(), MW)], [], "sample: Italy Annual Total HP sum 2021..2024")

x = SM.v("Germany", 2030, "Cumulative")
add("sample", "market", "Germany's installed base by 2030, most probable?", "lookup", [E(x, MW)], [],
    "sample: Germany 2030 Forecast - Most probable, Total, Cumulative (sample includes base)")

x = SM.v("Italy", 2028, scenario=LO)
add("sample", "market", "italy annual additions 2028 in the low case?", "lookup", [E(x, MW)], [],
    "sample: Italy 2028 Forecast - Low, Total, Annual")

a, b = SM.v("Spain", 2024), SM.v("Spain", 2030)
add("sample", "market", "Spain annual market: 2024 actual vs 2030 base case, % change?", "change",
    [E(pct(a, b), "%")], [], "sample: Spain Annual Total 2024 HP and 2030 Most probable, % change")

s = SM.hist_series("World")
add("sample", "market", "first year in the data for world installations, and the figure?", "first_latest",
    [E(s.iloc[0], MW)], [str(int(s.index[0]))], "sample: World Annual Total HP, earliest year")

# sample follow-ups
add("sample", "market", ["Italy annual installs 2024?", "and France?"], "follow_up",
    [E(SM.v("France", 2024), MW)], [], "sample: France 2024 HP Total Annual")

add("sample", "market", ["poland forecast 2027 annual, most probable pls", "low scenario?"], "follow_up",
    [E(SM.v("Poland", 2027, scenario=LO), MW)], [], "sample: Poland 2027 Forecast - Low Total Annual")

add("sample", "market", ["Netherlands cumulative capacity end of 2024?", "what about 2020?"], "follow_up",
    [E(SM.v("Netherlands", 2020, "Cumulative"), MW)], [], "sample: Netherlands 2020 HP Total Cumulative")

a, b = SM.v("Germany", 2023, conn="Distributed"), SM.v("Germany", 2024, conn="Distributed")
add("sample", "market",
    ["How much distributed PV did Germany add in 2024?", "and how does that compare with 2023, in %?"],
    "follow_up", [E(pct(a, b), "%")], [], "sample: Germany Distributed Annual HP (2024-2023)/2023")

# ============================================================================ SAMPLE — prices
v, d = SP.latest("Module", "n-type TOPCon", "India")
add("sample", "price", "got an indian manufacturer quoting us. latest TOPCon module price India?", "price", [E(v, "US$/Wp")], [],
    f"sample prices: Module / n-type TOPCon / India, latest {d.date()}")

v = SP.month("Module", "p-type mono-Si PERC M10", "EU", "2024-03")
add("sample", "price", "what was PERC M10 module in Europe in March 2024?", "price", [E(v, "US$/Wp")], [],
    "sample prices: Module / p-type mono-Si PERC M10 / EU, 2024-03")

regs = ["China", "EU", "India", "US"]
dec = {r: SP.month("Module", "n-type TOPCon", r, "2024-12") for r in regs}
cheap = min(regs, key=lambda r: dec[r])
add("sample", "price",
    "Quoting a job in Jordan, can source from anywhere. Which region had the cheapest TOPCon modules in Dec 2024, and at what price?",
    "price", [E(dec[cheap], "US$/Wp")], [cheap], "sample: Module / n-type TOPCon, 2024-12 across regions, min")

mn, _ = SP.ext("Polysilicon", "High purity - 9N/9N+", "China", "min")
mx, _ = SP.ext("Polysilicon", "High purity - 9N/9N+", "China", "max")
add("sample", "price", "polysilicon china high purity - min and max over 2023-2024?", "price",
    [E(mn, "US$/kg"), E(mx, "US$/kg")], [], "sample: Polysilicon / High purity - 9N/9N+ / China, min & max")

a = SP.month("Wafer", "n-type mono-Si M10", "China", "2023-01")
b = SP.month("Wafer", "n-type mono-Si M10", "China", "2024-12")
add("sample", "price", "n-type M10 wafer China, % change Jan 2023 to Dec 2024?", "price",
    [E(pct(a, b), "%")], [], "sample: Wafer / n-type mono-Si M10 / China, 2023-01 -> 2024-12")

v, n = SP.avg("Cell", "n-type TOPCon M10", "China", "2024")
add("sample", "price", "average TOPCon M10 cell price in China across 2024?", "average", [E(v, "US$/Wp")], [],
    f"sample: Cell / n-type TOPCon M10 / China, mean of {n} monthly obs in 2024")

c, _ = SP.latest("PV glass", "Glass 3,2mm", "China")
e, _ = SP.latest("PV glass", "Glass 3,2mm", "EU")
add("sample", "price", "3.2mm glass China vs EU latest, and the gap?", "price",
    [E(c, "US$/m²"), E(e, "US$/m²"), E(abs(e - c), "US$/m²")], [], "sample: PV glass / Glass 3,2mm latest China & EU")

t = SP.month("Module", "n-type TOPCon", "China", "2024-12")
p = SP.month("Module", "p-type mono-Si PERC M10", "China", "2024-12")
add("sample", "price",
    "Clients keep asking if TOPCon is worth the premium. In China Dec 2024, TOPCon vs PERC M10 modules, what's the difference per Wp?",
    "price", [E(t, "US$/Wp"), E(p, "US$/Wp"), E(t - p, "US$/Wp")], [],
    "sample: Module China 2024-12, n-type TOPCon minus p-type mono-Si PERC M10")

u = SP.month("Module", "n-type TOPCon", "US", "2024-06")
c = SP.month("Module", "n-type TOPCon", "China", "2024-06")
add("sample", "price", "how many times more expensive were US TOPCon modules vs China in June 2024?", "price",
    [E(u / c, "x")], [], "sample: Module / n-type TOPCon 2024-06, US / China")

e, _ = SP.latest("Module", "n-type TOPCon", "EU")
add("sample", "price", ["Latest TOPCon module price in China?", "and in the EU?"], "follow_up",
    [E(e, "US$/Wp")], [], "sample: Module / n-type TOPCon / EU latest")

# ============================================================================ SAMPLE — unanswerable
UN_S = [
    ("market", "UK installations in 2024?", "UK is not in the sample market data"),
    ("market", "How much did Brazil install last year? LatAm review next week",
     "Brazil is not in the sample market data"),
    ("market", "italy annual pv forecast for 2032?", "year outside the data (forecasts end 2030)"),
    ("market", "How many home batteries were sold in Germany in 2024?", "storage is not in the data"),
    ("market", "residential vs commercial split in Poland's 2024 rooftop market?",
     "only centralised / distributed / off-grid segments are held; no residential vs commercial split"),
    ("price", "module prices in the middle east, latest?", "Middle East is not a price region"),
    ("price", "hybrid inverter prices in EU, last month?", "inverter prices are not held"),
    ("price", "what's the average efficiency of TOPCon modules vs PERC now?", "efficiency is not held"),
]
for agent, q, why in UN_S:
    add("sample", agent, q, "unanswerable", [], [], "not in data", answerable=False, why=why)

# ============================================================================ FINANCIALS (sample file)
v, u = fin(HEL, "FY2024", "Revenue")
add("sample", "manufacturer_financial", "Helios is one of our main suppliers. Helios Modules revenue FY2024?", "financial", [E(v, u)], [],
    "financials: Helios Modules Ltd (sample), FY2024, Revenue")

v, u = fin(SUN, "2024-Q4", "Module shipments")
add("sample", "manufacturer_financial", "SunForge module shipments Q4 2024?", "financial", [E(v, u)], [],
    "financials: SunForge Energy (sample), 2024-Q4, Module shipments")

v, u = fin(AUR, "2024-Q3", "Gross margin")
add("sample", "manufacturer_financial",
    "Aurora PV offered us a rebate, wondering if they're squeezed. Their gross margin in Q3 2024?", "financial",
    [E(v, u)], [], "financials: Aurora PV Group (sample), 2024-Q3, Gross margin")

v, u = fin(NOR, "FY2024", "Net income")
add("real", "manufacturer_financial", "nordlicht's sales guy keeps promising stability lol. nordlicht solar net income for FY2024?", "financial", [E(v, u)], [],
    "financials: Nordlicht Solar AG (sample), FY2024, Net income")

comps = [HEL, SUN, AUR, NOR]
sh = sorted(((fin(c, "FY2024", "Module shipments")[0], c) for c in comps), reverse=True)
add("sample", "manufacturer_financial", "rank the manufacturers by module shipments in FY2024", "financial",
    [E(v, "GW") for v, _ in sh], [c.split(" ")[0] for _, c in sh],
    "financials: FY2024 Module shipments for all 4 companies, sorted")

a, _ = fin(HEL, "FY2023", "Revenue")
b, _ = fin(HEL, "FY2024", "Revenue")
add("sample", "manufacturer_financial", "Helios revenue yoy FY23 vs FY24, % change?", "financial",
    [E(pct(a, b), "%")], [], "financials: Helios Revenue FY2023 -> FY2024 % change")

v, u = fin(HEL, "2024-Q4", "Production capacity")
add("real", "manufacturer_financial", "Helios production capacity at Q4 2024, GW?", "financial", [E(v, u)], [],
    "financials: Helios, 2024-Q4, Production capacity")

a, _ = fin(HEL, "FY2023", "Module shipments")
b, _ = fin(SUN, "FY2023", "Module shipments")
add("sample", "manufacturer_financial",
    "We're choosing a second supplier. Helios vs SunForge module shipments in FY2023?", "financial",
    [E(a, "GW"), E(b, "GW")], ["Helios"], "financials: FY2023 Module shipments Helios & SunForge")

gm = {c: fin(c, "FY2024", "Gross margin")[0] for c in comps}
best = max(comps, key=lambda c: gm[c])
add("real", "manufacturer_financial", "which manufacturer had the highest gross margin in FY2024?", "financial",
    [E(gm[best], "%")], [best.split(" ")[0]], "financials: FY2024 Gross margin, max across companies")

tot = sum(fin(c, "FY2024", "Module shipments")[0] for c in comps)
add("sample", "manufacturer_financial", "combined module shipments of all four companies in FY2024?", "financial",
    [E(tot, "GW")], [], "financials: sum of FY2024 Module shipments, 4 companies")

v, u = fin(AUR, "2024-Q4", "Net income")
add("sample", "manufacturer_financial", ["Aurora PV revenue Q4 2024?", "and net income same quarter?"],
    "follow_up", [E(v, u)], [], "financials: Aurora PV Group, 2024-Q4, Net income")

v, u = fin(SUN, "FY2024", "Revenue")
add("real", "manufacturer_financial", ["Helios Modules revenue FY2024?", "and SunForge?"], "follow_up",
    [E(v, u)], [], "financials: SunForge Energy, FY2024, Revenue")

UN_F = [
    ("real", "LONGi module shipments in 2024? competing against their distributors in Chile",
     "LONGi is not in the financials"),
    ("real", "Helios EBITDA for FY2024?", "EBITDA is not a metric in the financials"),
    ("sample", "how many inverters did SunForge ship in 2024?", "inverter shipments are not held"),
]
for data, q, why in UN_F:
    add(data, "manufacturer_financial", q, "unanswerable", [], [], "not in data", answerable=False, why=why)

# ----------------------------------------------------------------------------- write + self-check
with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as fh:
    for it in ITEMS:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")

ids = [i["id"] for i in ITEMS]
assert len(ids) == len(set(ids)), "duplicate ids"
assert len(ITEMS) >= 110, len(ITEMS)
n_un = sum(1 for i in ITEMS if not i["answerable"])
assert n_un >= 28, n_un
n_fu = sum(1 for i in ITEMS if len(i["turns"]) >= 2)
assert n_fu >= 12, n_fu
for i in ITEMS:
    if i["answerable"]:
        assert i["expect"] or i["names"], i["id"]
        for e in i["expect"]:
            assert e["value"] == e["value"], i["id"]  # not NaN
    else:
        assert not i["expect"] and i.get("why"), i["id"]
KINDS = {"lookup", "rank", "share", "change", "compare", "extreme", "average", "sum", "first_latest",
         "price", "financial", "follow_up", "unanswerable"}
assert all(i["kind"] in KINDS for i in ITEMS)
n_ctx = sum(1 for i in ITEMS if re.search(r"[.?!] +\S", i["turns"][0]))

print("items:", len(ITEMS), "| unanswerable:", n_un, "| follow-up chains:", n_fu)
print("by data:", dict(Counter(i["data"] for i in ITEMS)))
print("by agent:", dict(Counter(i["agent"] for i in ITEMS)))
print("by kind:", dict(sorted(Counter(i["kind"] for i in ITEMS).items())))
print("kind x data:")
for k, c in sorted(Counter((i["kind"], i["data"]) for i in ITEMS).items()):
    print(f"  {k[0]:<14} {k[1]:<7} {c}")
print("items with a context sentence (approx):", n_ctx)
