#!/usr/bin/env python3
# SYNTHETIC SAMPLE DATA -- FOR DEMONSTRATION ONLY.
# Every figure, price, company and document produced by this script is made up.
# None of it is real market data, real prices, real company results or real news.
#
# Writes into this script's own folder:
#   market.csv, prices.csv, financials.csv,
#   news.jsonl, digitalization.jsonl, nzia_policy.jsonl,
#   nzia_market_impact.jsonl, om.jsonl
#
# Deterministic: Python 3.11, standard library only, fixed random seed.
# Run:  python3 data/sample/generate.py

import csv
import json
import random
import re
from pathlib import Path

SEED = 20240601
OUT = Path(__file__).resolve().parent


def tenths(x):
    """Round a non-negative value to 1 decimal, as an integer count of tenths."""
    return int(round(x * 10))


def fmt_tenths(t):
    return f"{t // 10}.{t % 10}"


def lerp(a, b, f):
    return a + (b - a) * f


def interp(anchors, i):
    """Piecewise-linear interpolation over {index: value} anchors."""
    keys = sorted(anchors)
    if i <= keys[0]:
        return anchors[keys[0]]
    for k0, k1 in zip(keys, keys[1:]):
        if k0 <= i <= k1:
            return lerp(anchors[k0], anchors[k1], (i - k0) / (k1 - k0))
    return anchors[keys[-1]]


# ---------------------------------------------------------------------------
# market.csv
# ---------------------------------------------------------------------------

HIST_YEARS = list(range(2015, 2025))
FCST_YEARS = list(range(2025, 2031))
SCENARIOS = ["Forecast - High", "Forecast - Most probable", "Forecast - Low"]
CONNECTIONS = ["Total", "Centralised", "Distributed", "Off-grid"]

# Annual additions in MW DC: 2015..2024 historical, 2025..2030 "most probable".
# base = installed before 2015 (MW), base_dist / base_off = its split.
# dist = distributed share of annual additions (2015, 2024, 2030), off = off-grid share.
TERRITORIES = {
    "Italy": dict(
        hist=[300, 380, 410, 440, 750, 790, 940, 2500, 5200, 6800],
        mp=[6500, 6800, 7000, 7200, 7400, 7500],
        base=18600, base_dist=0.45, base_off=0.001,
        dist=(0.80, 0.55, 0.45), off=0.002),
    "Germany": dict(
        hist=[1500, 1550, 1800, 3000, 3900, 4900, 5300, 7400, 14600, 16200],
        mp=[15500, 15800, 16000, 16200, 16400, 16500],
        base=38200, base_dist=0.70, base_off=0.0,
        dist=(0.65, 0.55, 0.50), off=0.0),
    "Spain": dict(
        hist=[100, 120, 150, 260, 4700, 2900, 3700, 5500, 8000, 8900],
        mp=[7500, 7000, 7200, 7600, 8000, 8400],
        base=4800, base_dist=0.35, base_off=0.01,
        dist=(0.50, 0.25, 0.20), off=0.005),
    "France": dict(
        hist=[900, 820, 900, 1000, 1000, 1050, 2700, 2700, 3200, 4700],
        mp=[4600, 4700, 4800, 4900, 5000, 5100],
        base=5700, base_dist=0.50, base_off=0.005,
        dist=(0.45, 0.55, 0.50), off=0.004),
    "Netherlands": dict(
        hist=[500, 800, 850, 1500, 2500, 3800, 3800, 4000, 3900, 3200],
        mp=[3000, 2900, 2900, 3000, 3100, 3200],
        base=1100, base_dist=0.85, base_off=0.0,
        dist=(0.70, 0.60, 0.60), off=0.0),
    "Poland": dict(
        hist=[50, 100, 150, 250, 800, 2600, 3800, 4900, 4600, 4400],
        mp=[4000, 3800, 3900, 4100, 4300, 4500],
        base=30, base_dist=0.80, base_off=0.0,
        dist=(0.90, 0.45, 0.40), off=0.0),
    "World": dict(
        hist=[50000, 77000, 100000, 105000, 115000, 140000, 175000, 240000, 440000, 600000],
        mp=[620000, 640000, 665000, 690000, 720000, 750000],
        base=180000, base_dist=0.40, base_off=0.015,
        dist=(0.35, 0.45, 0.45), off=0.012),
}


def split(total, dist_share, off_share, rng):
    """Split an annual total into (centralised, distributed, off-grid) tenths."""
    d = min(max(dist_share + rng.uniform(-0.02, 0.02), 0.05), 0.95)
    o = off_share * rng.uniform(0.8, 1.2) if off_share > 0 else 0.0
    dist_t = tenths(total * d)
    off_t = tenths(total * o)
    cent_t = tenths(total * (1 - d - o))
    return {"Centralised": cent_t, "Distributed": dist_t, "Off-grid": off_t}


def build_market(rng):
    rows = []
    for terr, p in TERRITORIES.items():
        base = {
            "Distributed": tenths(p["base"] * p["base_dist"]),
            "Off-grid": tenths(p["base"] * p["base_off"]),
        }
        base["Centralised"] = tenths(p["base"]) - base["Distributed"] - base["Off-grid"]
        d0, d24, d30 = p["dist"]

        # Historical.
        cum = dict(base)
        hist_annual = []
        for i, (year, total) in enumerate(zip(HIST_YEARS, p["hist"])):
            parts = split(total, lerp(d0, d24, i / 9), p["off"], rng)
            hist_annual.append(parts)
            for c in parts:
                cum[c] += parts[c]
            rows.append((terr, year, "Historical Primary", parts, dict(cum)))
        cum_2024 = dict(cum)

        # Forecasts: one set of shares per year, shared by all scenarios so the
        # scenario ordering also holds for each connection type.
        shares = []
        for i in range(len(FCST_YEARS)):
            d = lerp(d24, d30, (i + 1) / len(FCST_YEARS)) + rng.uniform(-0.015, 0.015)
            o = p["off"] * rng.uniform(0.85, 1.15)
            shares.append((d, o))
        for scen in SCENARIOS:
            cum = dict(cum_2024)
            for i, (year, mp) in enumerate(zip(FCST_YEARS, p["mp"])):
                if scen == "Forecast - High":
                    f = 1.06 + 0.03 * i + rng.uniform(0.0, 0.01)
                elif scen == "Forecast - Low":
                    f = 0.92 - 0.03 * i - rng.uniform(0.0, 0.01)
                else:
                    f = 1.0 + rng.uniform(-0.01, 0.01)
                total = mp * f
                d, o = shares[i]
                parts = {
                    "Distributed": tenths(total * d),
                    "Off-grid": tenths(total * o),
                }
                parts["Centralised"] = tenths(total * (1 - d - o))
                for c in parts:
                    cum[c] += parts[c]
                rows.append((terr, year, scen, parts, dict(cum)))
    return rows


def write_market(rows):
    path = OUT / "market.csv"
    header = ["Territory", "Year", "Scenario", "Connection", "Type", "Capacity(MW)",
              "AC/DC", "Estimated/Confirmed", "Installed/Decomissioned"]
    n = 0
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for terr, year, scen, annual, cum in rows:
            status = "Confirmed" if scen == "Historical Primary" else ""
            for typ, vals in (("Annual", annual), ("Cumulative", cum)):
                vals = dict(vals)
                vals["Total"] = vals["Centralised"] + vals["Distributed"] + vals["Off-grid"]
                for conn in CONNECTIONS:
                    w.writerow([terr, year, scen, conn, typ, fmt_tenths(vals[conn]),
                                "DC", status, "Installed"])
                    n += 1
    return n


# ---------------------------------------------------------------------------
# prices.csv
# ---------------------------------------------------------------------------

MONTHS = [f"{y}-{m:02d}-01" for y in (2023, 2024) for m in range(1, 13)]

# Cheapest variant's China price path (anchors by month index 0..23), then the
# premium of each better variant over the previous one (start, end).
PRICE_ITEMS = [
    dict(item="Module", unit="US$/Wp",
         china={0: 0.190, 5: 0.170, 8: 0.150, 11: 0.120, 14: 0.105, 17: 0.095, 20: 0.088, 23: 0.083},
         variants=[("p-type mono-Si PERC M10", None),
                   ("n-type TOPCon", (1.12, 1.06)),
                   ("n-type HJT", (1.12, 1.10))],
         regions={"EU": (1.20, 1.14),
                  # US and India follow their own absolute paths (trade measures).
                  "US": {0: 0.230, 8: 0.222, 16: 0.205, 23: 0.195},
                  "India": {0: 0.215, 8: 0.185, 16: 0.150, 23: 0.125}}),
    dict(item="Cell", unit="US$/Wp",
         china={0: 0.095, 4: 0.085, 8: 0.065, 11: 0.050, 14: 0.045, 17: 0.038, 20: 0.034, 23: 0.032},
         variants=[("p-type mono-Si PERC M10", None),
                   ("n-type TOPCon M10", (1.08, 1.10))],
         regions={"EU": (1.12, 1.18)}),
    dict(item="Wafer", unit="US$/pce",
         china={0: 0.480, 3: 0.500, 6: 0.330, 9: 0.250, 12: 0.220, 15: 0.180, 18: 0.150, 23: 0.135},
         variants=[("p-type mono-Si M10", None),
                   ("n-type mono-Si M10", (1.10, 1.12))],
         regions={"EU": (1.08, 1.10)}),
    dict(item="Polysilicon", unit="US$/kg",
         china={0: 25.0, 2: 27.5, 5: 12.0, 8: 10.0, 11: 8.5, 14: 7.0, 17: 5.2, 20: 4.8, 23: 4.6},
         variants=[("High purity - 9N/9N+", None)],
         regions={"EU": {0: 28.0, 6: 24.0, 12: 21.0, 23: 18.5}}),
    dict(item="PV glass", unit="US$/m²",
         china={0: 3.40, 6: 3.30, 12: 3.00, 18: 2.80, 23: 2.62},
         variants=[("Glass 3,2mm", None)],
         regions={"EU": (1.25, 1.32)}),
]


def build_prices(rng):
    series = {}  # (item, description, region) -> [prices]
    for spec in PRICE_ITEMS:
        regions = ["China"] + list(spec["regions"])
        for region in regions:
            rule = spec["regions"].get(region)
            prev = None
            for desc, prem in spec["variants"]:
                vals = []
                for i in range(len(MONTHS)):
                    f = i / (len(MONTHS) - 1)
                    if prem is None:
                        if isinstance(rule, tuple):
                            # A premium (start, end) over the China series of the same month.
                            china = series[(spec["item"], desc, "China")][i]
                            v = china * lerp(*rule, f) * (1 + rng.uniform(-0.01, 0.01))
                        else:
                            v = interp(rule if region != "China" else spec["china"], i)
                            v *= 1 + rng.gauss(0, 0.012)
                    else:
                        v = prev[i] * lerp(*prem, f) * (1 + rng.uniform(-0.006, 0.006))
                    vals.append(v)
                series[(spec["item"], desc, region)] = vals
                prev = vals
    return series


def write_prices(series):
    path = OUT / "prices.csv"
    n = 0
    units = {s["item"]: s["unit"] for s in PRICE_ITEMS}
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["item", "description", "date", "frequency", "base_price", "unit",
                    "region", "source"])
        for (item, desc, region), vals in series.items():
            for date, v in zip(MONTHS, vals):
                w.writerow([item, desc, date, "Monthly", f"{v:.3f}", units[item], region,
                            "Synthetic sample"])
                n += 1
    return n


# ---------------------------------------------------------------------------
# financials.csv
# ---------------------------------------------------------------------------

COMPANIES = [
    # shipments GW/quarter (start, end), ASP US$/W, other revenue share,
    # gross margin % (start, end), opex % of revenue, capacity GW (start, end)
    dict(name="Helios Modules Ltd (sample)", ship=(10.0, 16.0), asp=(0.21, 0.105),
         other=0.08, gm=(19.0, 5.5), opex=8.0, cap=(70.0, 95.0)),
    dict(name="SunForge Energy (sample)", ship=(6.5, 9.0), asp=(0.20, 0.10),
         other=0.05, gm=(16.0, 2.5), opex=9.0, cap=(45.0, 60.0)),
    dict(name="Aurora PV Group (sample)", ship=(3.0, 4.2), asp=(0.22, 0.11),
         other=0.12, gm=(14.0, 6.0), opex=7.0, cap=(20.0, 28.0)),
    dict(name="Nordlicht Solar AG (sample)", ship=(0.35, 0.30), asp=(0.36, 0.22),
         other=0.15, gm=(12.0, -4.0), opex=14.0, cap=(1.2, 1.5)),
]


def build_financials(rng):
    rows = []
    for c in COMPANIES:
        cap = c["cap"][0]
        for year in (2023, 2024):
            qs = []
            for q in range(1, 5):
                f = ((year - 2023) * 4 + q - 1) / 7
                ship = round(lerp(*c["ship"], f) * rng.uniform(0.93, 1.07), 2)
                asp = lerp(*c["asp"], f) * rng.uniform(0.97, 1.03)
                rev = round(ship * 1000 * asp * (1 + c["other"]), 1)
                gm = round(lerp(*c["gm"], f) + rng.uniform(-1.5, 1.5), 1)
                op = c["opex"] * rng.uniform(0.9, 1.1)
                pre_tax = rev * (gm - op) / 100 + rng.uniform(-0.01, 0.01) * rev
                ni = round(pre_tax * (0.82 if pre_tax > 0 else 1.0), 1)
                target = lerp(*c["cap"], f)
                cap = round(max(cap, target * rng.uniform(0.98, 1.02)), 2)
                qs.append((f"{year}-Q{q}", rev, gm, ni, ship, cap))
            for period, rev, gm, ni, ship, capq in qs:
                rows.append((c["name"], period, rev, gm, ni, ship, capq))
            fy_rev = round(sum(q[1] for q in qs), 1)
            fy_gm = round(sum(q[1] * q[2] for q in qs) / sum(q[1] for q in qs), 1)
            fy_ni = round(sum(q[3] for q in qs), 1)
            fy_ship = round(sum(q[4] for q in qs), 2)
            rows.append((c["name"], f"FY{year}", fy_rev, fy_gm, fy_ni, fy_ship, qs[-1][5]))
    return rows


def write_financials(rows):
    path = OUT / "financials.csv"
    n = 0
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["company", "period", "metric", "value", "unit"])
        for name, period, rev, gm, ni, ship, cap in rows:
            for metric, value, unit in (
                ("Revenue", f"{rev:.1f}", "USD million"),
                ("Gross margin", f"{gm:.1f}", "%"),
                ("Net income", f"{ni:.1f}", "USD million"),
                ("Module shipments", f"{ship:.2f}", "GW"),
                ("Production capacity", f"{cap:.2f}", "GW"),
            ):
                w.writerow([name, period, metric, "0.0" if value == "-0.0" else value, unit])
                n += 1
    return n


# ---------------------------------------------------------------------------
# Documents (JSON lines)
# ---------------------------------------------------------------------------

INTRO = ("This is a synthetic sample document for demonstration purposes only; the "
         "organisations, figures and events it describes are illustrative, not real. ")

DOCS = {
    "news": [
        ("2024-02-12", "Module prices slide below US$0.11/Wp as inventories build up", [
            INTRO + "Spot prices for n-type TOPCon modules in China fell again in January, with "
            "large buyers reporting offers between US$0.10 and US$0.11 per watt-peak for "
            "deliveries in the second quarter. PERC modules traded a few cents lower, while HJT "
            "modules kept a small premium thanks to their higher efficiency.",
            "Analysts point to oversupply along the whole value chain. Polysilicon prices have "
            "dropped by more than two thirds in twelve months, wafer and cell prices followed, "
            "and module makers are cutting utilisation rates to protect cash. Several "
            "tier-2 manufacturers are said to be selling below cash cost.",
            "In Europe, distributors still hold several gigawatts of modules in bonded "
            "warehouses. Installers welcome the lower prices, but European manufacturers warn "
            "that the module price decline threatens their survival and call for faster "
            "support under the Net-Zero Industry Act. Most observers expect prices to "
            "stabilise only once the weakest capacity leaves the market.",
        ]),
        ("2024-05-20", "Fictional manufacturer announces 5 GW TOPCon factory in southern Europe", [
            INTRO + "A fictional company, Meridian Cells (sample), announced plans for a new "
            "factory producing 5 GW per year of n-type TOPCon cells and modules in southern "
            "Europe. The first 2.5 GW line is scheduled to start production in 2026, with full "
            "capacity expected one year later.",
            "The project is presented as a response to the NZIA goal of producing 40% of the "
            "EU's annual deployment needs domestically. The company says it will source glass, "
            "frames and junction boxes from European suppliers, while wafers will initially be "
            "imported. Around 1,200 direct jobs are planned, and the total investment is put "
            "at roughly EUR 700 million, partly financed by public grants and a green loan.",
            "Industry associations welcomed the announcement but noted that several earlier "
            "gigafactory projects were delayed or cancelled because of the sharp drop in module "
            "prices. The company expects that resilience criteria in renewable auctions will "
            "create demand for European-made modules at a price premium.",
        ]),
        ("2024-09-03", "Tariffs reshape module sourcing strategies in the United States", [
            INTRO + "New tariffs on solar cells and modules imported from several Southeast "
            "Asian countries are changing how US developers buy equipment. Anti-dumping and "
            "countervailing duty investigations, together with the end of a temporary tariff "
            "exemption, have pushed buyers towards domestic factories and new supply routes.",
            "As a result, the gap between US module prices and Chinese export prices has "
            "widened to more than US$0.10 per watt-peak. Developers are signing multi-year "
            "supply agreements with US module assemblers, many of which still rely on imported "
            "cells. Some procurement teams also look at India and the Middle East as "
            "alternative sources, although those factories are ramping up slowly.",
            "Tax credits for domestic content remain the main driver of new US manufacturing. "
            "Announced module capacity has grown quickly, but cell and wafer capacity lags "
            "behind, which keeps the supply chain exposed to future trade measures and tariff "
            "changes.",
        ]),
        ("2025-01-28", "Germany posts record year for solar installations", [
            INTRO + "Germany added around 16 GW of new solar PV capacity in 2024, a new record "
            "for the country and slightly above the previous year. Rooftop systems on homes "
            "and businesses accounted for more than half of the installations, while "
            "ground-mounted projects from federal auctions grew strongly in the second half of "
            "the year.",
            "Plug-in balcony solar systems became a visible trend after simplified "
            "registration rules, with hundreds of thousands of small units reported. Commercial "
            "rooftops benefited from lower module prices and higher self-consumption, and "
            "battery storage was included in a growing share of residential systems.",
            "Grid operators, however, warn about long grid connection queues and more frequent "
            "hours with negative wholesale prices at midday. The government plans to adjust "
            "feed-in rules so that new systems do not receive payments during negative-price "
            "hours. Forecasters expect annual additions to remain at a high level until the "
            "end of the decade, between roughly 13 and 20 GW per year depending on the scenario.",
        ]),
        ("2025-06-16", "Italy and Spain drive southern European growth despite curtailment worries", [
            INTRO + "Italy and Spain continued to lead solar growth in southern Europe in the "
            "first half of 2025. Italy connected a record volume of utility-scale plants "
            "following faster permitting and the first auctions under the FER X framework, "
            "while the residential segment slowed after the end of the Superbonus incentive.",
            "In Spain, record installations of the past years have led to frequent "
            "curtailment and zero or negative prices during sunny hours. Developers are "
            "increasingly adding battery storage to new projects and signing hybrid power "
            "purchase agreements to protect revenues.",
            "Market analysts expect both countries to keep adding between 6 and 9 GW per year, "
            "but warn that grid investment, storage and demand flexibility will decide whether "
            "new solar capacity can be absorbed without eroding the value of every megawatt-hour "
            "produced.",
        ]),
    ],
    "digitalization": [
        ("2024-03-14", "AI-based yield forecasting cuts imbalance costs for a solar portfolio", [
            INTRO + "A fictional independent power producer tested an AI-based yield forecasting "
            "tool on a 400 MW portfolio of PV plants in Italy and Spain. The model combines "
            "numerical weather prediction, satellite irradiance data and on-site SCADA "
            "measurements to forecast output from fifteen minutes to two days ahead.",
            "Compared with the previous physical model, the machine learning forecast reduced "
            "the day-ahead mean absolute error from about 7% to 4.5% of installed capacity. "
            "Intraday forecasts improved even more, because the model learns quickly from the "
            "latest measurements and from cloud motion seen in satellite images.",
            "Lower forecast errors translate directly into lower imbalance costs and better "
            "bidding on day-ahead and intraday markets. The company also uses the forecasts to "
            "schedule battery charging and to plan maintenance during low-irradiance days. The "
            "main challenges were data quality, missing sensor values and explaining model "
            "outputs to traders.",
        ]),
        ("2024-06-25", "Drone inspections with thermal imaging speed up utility-scale audits", [
            INTRO + "Drone inspections have become a standard tool for auditing large solar "
            "plants. A drone carrying a thermal camera and an RGB camera can cover more than "
            "100 MW in a single day, compared with several weeks for a manual inspection "
            "with handheld cameras.",
            "Software then stitches the images into an orthomosaic and uses computer vision to "
            "detect anomalies such as hotspots, failed bypass diodes, disconnected strings, "
            "cracked glass and soiling patterns. Each defect is geolocated to a specific module "
            "so that field technicians can go straight to it.",
            "Operators report that automated defect classification reduces reporting time from "
            "days to hours and makes results comparable between inspections. The data feeds "
            "warranty claims with module manufacturers and helps estimate energy losses. "
            "Regulations on flight permits, wind conditions and the need for stable irradiance "
            "above 600 W/m² still limit when flights can take place.",
        ]),
        ("2024-10-09", "Digital twins move from pilots to everyday asset management", [
            INTRO + "Digital twins of PV plants, once limited to pilot projects, are now used by "
            "asset managers in daily operations. A digital twin is a detailed model of the "
            "plant, including layout, module and inverter data, tracker geometry and cabling, "
            "that is continuously fed with measured data.",
            "By comparing expected output with actual production at string and inverter level, "
            "the digital twin highlights underperformance caused by soiling, tracker "
            "misalignment, clipping or component degradation. It also quantifies the lost "
            "energy in euros, which helps prioritise interventions.",
            "Owners also use digital twins for what-if analysis: testing a repowering with new "
            "bifacial modules, adding a battery, or changing tracker backtracking settings. The "
            "main obstacles are incomplete as-built documentation and the effort needed to keep "
            "the model synchronised with changes in the field.",
        ]),
        ("2025-02-18", "SCADA modernisation and cybersecurity in PV plants", [
            INTRO + "Many solar plants built ten years ago still run on outdated SCADA systems "
            "with limited data resolution and weak security. Owners are now upgrading to "
            "modern SCADA platforms with power plant controllers, high-resolution data "
            "historians and standard protocols such as Modbus TCP, IEC 61850 and OPC UA.",
            "Cybersecurity is a key driver. Inverters and data loggers connected to the "
            "internet can be an entry point for attacks, and European rules such as the NIS2 "
            "directive and the cybersecurity criteria of the Net-Zero Industry Act raise the "
            "bar for operators and suppliers. Network segmentation, secure remote access and "
            "compliance with IEC 62443 are becoming standard requirements in tenders.",
            "A modern SCADA also enables faster response to grid operator setpoints, automated "
            "curtailment and better integration of battery storage. Operators report fewer "
            "communication failures and more reliable availability calculations after the "
            "upgrade.",
        ]),
        ("2025-07-22", "Automation and machine vision raise yields in module manufacturing", [
            INTRO + "European and Asian module factories are investing heavily in automation to "
            "reduce costs and defects. Automated stringers, robotic layup and framing, and "
            "inline electroluminescence (EL) inspection are now standard on new production "
            "lines for TOPCon and HJT modules.",
            "Machine vision systems supported by AI classify micro-cracks, soldering defects "
            "and cell mismatches in real time. A fictional European manufacturer reports that "
            "its first-pass yield improved from 96% to 98.5% after training a deep learning "
            "model on several million EL images, while false rejects fell sharply.",
            "A manufacturing execution system (MES) links every module to its cells, glass, "
            "encapsulant and test results. This traceability supports warranty management and "
            "is increasingly required by customers who need to prove the origin of components "
            "for NZIA resilience criteria and carbon footprint declarations.",
        ]),
    ],
    "nzia_policy": [
        ("2024-07-01", "Net-Zero Industry Act enters into force: what it means for solar", [
            INTRO + "The Net-Zero Industry Act (NZIA), Regulation (EU) 2024/1735, entered into "
            "force at the end of June 2024. It sets an EU benchmark that manufacturing capacity "
            "for strategic net-zero technologies should reach at least 40% of the Union's "
            "annual deployment needs by 2030. Solar PV and solar thermal technologies are on "
            "the list of strategic net-zero technologies.",
            "For solar, the 40% manufacturing benchmark covers the main components of the "
            "value chain, from polysilicon, ingots and wafers to cells, modules and inverters. "
            "The Act does not impose quotas on installations, but it uses permitting, public "
            "procurement and auction design to support European production.",
            "Manufacturing projects can benefit from faster permitting, with maximum time "
            "limits for permit decisions and single points of contact in each Member State. "
            "Strategic projects receive priority status, and Member States can designate "
            "net-zero acceleration valleys. Further implementing acts define how non-price "
            "criteria in auctions and public procurement must be applied.",
        ]),
        ("2024-11-19", "Non-price criteria in renewable auctions: resilience, sustainability and cybersecurity", [
            INTRO + "Article 26 of the Net-Zero Industry Act requires Member States to apply "
            "non-price criteria in auctions for renewable energy. The rules apply to at least "
            "30% of the volume auctioned each year, or alternatively to at least 6 GW per year, "
            "and they will become mandatory from the end of 2025.",
            "The criteria include pre-qualification requirements on responsible business "
            "conduct, cybersecurity and data security, and the ability to deliver the project "
            "fully and on time. In addition, Member States must apply a resilience criterion "
            "when the EU depends on a single third country for more than half of the supply of "
            "a technology or its main components, which is the case for solar modules, cells "
            "and wafers.",
            "Sustainability criteria, such as carbon footprint, recyclability and environmental "
            "impact, can also be used in scoring. Developers should expect auction rules that "
            "reward supply chain diversification and ask for documentation on the origin of "
            "modules and inverters.",
        ]),
        ("2025-03-10", "Decreto FER X: aste per il fotovoltaico e criteri di resilienza", [
            "Questo è un documento di esempio sintetico (synthetic sample document) a scopo "
            "dimostrativo; dati ed eventi sono illustrativi. Il decreto FER X del Ministero "
            "dell'Ambiente e della Sicurezza Energetica introduce un nuovo sistema di sostegno "
            "per gli impianti a fonti rinnovabili con tecnologie mature, tra cui il "
            "fotovoltaico e l'eolico.",
            "Il meccanismo si basa su contratti per differenza a due vie, gestiti dal GSE: "
            "quando il prezzo di mercato è inferiore al prezzo aggiudicato il produttore riceve "
            "la differenza, mentre quando è superiore restituisce l'eccedenza. Gli impianti di "
            "grande taglia partecipano ad aste competitive al ribasso, mentre gli impianti più "
            "piccoli possono accedere direttamente alle tariffe.",
            "Una novità importante riguarda i criteri di resilienza previsti dal Net-Zero "
            "Industry Act. Una quota dei contingenti per il fotovoltaico può essere riservata "
            "a progetti che utilizzano moduli, celle e inverter non provenienti da un unico "
            "paese terzo dominante. Gli operatori dovranno quindi documentare l'origine dei "
            "componenti e pianificare con anticipo gli approvvigionamenti per rispettare le "
            "scadenze delle aste.",
        ]),
        ("2025-05-27", "Implementing rules for NZIA auction criteria: a compliance timeline for developers", [
            INTRO + "With the adoption of the implementing act that specifies the non-price "
            "criteria of the Net-Zero Industry Act, developers now have a clearer view of what "
            "will be required in renewable auctions. The criteria apply to auctions launched "
            "from 30 December 2025, so Member States are updating their auction rules during "
            "2025.",
            "A realistic compliance timeline starts with mapping the supply chain in 2025: "
            "identifying the country of origin of modules, cells, wafers and inverters, and "
            "checking cybersecurity certifications of inverters and control systems. In 2026, "
            "developers bidding in auctions with resilience criteria must submit bills of "
            "materials and supplier declarations, and be ready for audits during construction.",
            "Member States may apply derogations where the criteria would lead to "
            "disproportionate costs or insufficient competition, but these are expected to be "
            "exceptions. Companies that sign supply agreements with European or diversified "
            "manufacturers early will be better placed, as resilient supply is likely to remain "
            "scarce in the first auction rounds.",
        ]),
        ("2025-09-15", "Public procurement and NZIA: scoring sustainability and resilience in rooftop solar tenders", [
            INTRO + "Beyond renewable auctions, the Net-Zero Industry Act also changes public "
            "procurement. When public buyers purchase net-zero technologies, such as rooftop "
            "solar for schools or municipal buildings, they must apply minimum requirements on "
            "environmental sustainability and cybersecurity, and consider resilience.",
            "In practice, tender documents increasingly ask for carbon footprint data of "
            "modules, information on recyclability, and evidence that inverters meet "
            "cybersecurity standards. Where the resilience rule applies, bidders may need to "
            "limit the share of components sourced from a single dominant third country.",
            "Procurement officers report that clear scoring grids and standard declarations "
            "are essential to avoid disputes. Installers with transparent supply chains and "
            "certified products gain an advantage, even if their price is slightly higher. "
            "Compliance timelines differ among Member States, so bidders should check national "
            "guidance before each tender.",
        ]),
    ],
    "nzia_market_impact": [
        ("2024-08-05", "Can Europe reach 40% domestic solar manufacturing by 2030?", [
            INTRO + "If the EU installs around 70 GW of solar per year by 2030, the NZIA "
            "benchmark of 40% domestic manufacturing would require roughly 30 GW of annual "
            "production capacity along the whole value chain. Today, European module assembly "
            "capacity is below 10 GW and is partly idle, while cell, ingot and wafer capacity is "
            "far smaller.",
            "Europe still has strengths in polysilicon, inverters, glass and production "
            "equipment, but the gap in wafers and cells is the main bottleneck. Building this "
            "part of the supply chain requires large investments, cheap electricity and "
            "skilled workers, and it competes with subsidies offered in the United States and "
            "India.",
            "Most scenarios suggest that Europe can reach the target for inverters and "
            "possibly for modules, but not for wafers and cells without stronger demand-side "
            "measures. Resilience criteria in auctions and public procurement could create a "
            "protected market segment for European manufacturing targets, but only if they "
            "are applied consistently across Member States.",
        ]),
        ("2024-12-02", "Impact of NZIA resilience criteria on module prices in Europe", [
            INTRO + "Modules made in Europe currently cost significantly more than Chinese "
            "imports. In our sample dataset, EU module prices are 10-25% above Chinese prices, "
            "and modules with fully European cells would carry an even larger premium.",
            "If resilience criteria require part of the auctioned volume to use non-Chinese "
            "components, developers will pay more for modules in that segment. A premium of "
            "US$0.05 per watt-peak on modules would raise the total investment cost of a "
            "utility-scale plant by around 8-10% and the levelised cost of electricity by a "
            "similar share, which would be reflected in higher auction bids.",
            "The impact on average module prices in Europe is expected to remain limited, "
            "because the criteria apply only to part of the market. However, a two-tier market "
            "may emerge, with a premium segment for resilient supply and a commodity segment "
            "following global price trends.",
        ]),
        ("2025-02-24", "Italy outlook 2025-2030: FER X, NZIA and the rooftop slowdown", [
            INTRO + "Italy installed close to 7 GW of solar in 2024, according to the sample "
            "market dataset. Growth was driven by utility-scale plants and commercial rooftops, "
            "while the residential segment slowed after changes to tax incentives.",
            "In the most probable scenario, annual additions stay between 6.5 and 7.5 GW "
            "from 2025 to 2030, supported by FER X auctions, agrivoltaics projects funded by "
            "the recovery plan and corporate power purchase agreements. The high scenario "
            "assumes faster permitting and grid reinforcements, while the low scenario "
            "reflects delays in auctions and stricter land-use rules.",
            "NZIA resilience criteria may slightly raise costs for projects awarded in "
            "reserved auction quotas, but they could also attract new module and cell "
            "factories to Italy. The country already hosts some cell and module production, "
            "which could expand if demand for European-made components proves stable.",
        ]),
        ("2025-04-14", "Germany and Spain forecasts under NZIA: a scenario analysis", [
            INTRO + "Germany and Spain are the two largest solar markets in the EU sample "
            "forecast. Germany is expected to add between 15 and 16.5 GW per year in the most "
            "probable scenario up to 2030, while Spain should stay between 7 and 8.5 GW per "
            "year after a record 2024.",
            "In Germany, the driver is a broad mix of rooftop, balcony and ground-mounted "
            "systems, supported by federal auctions. NZIA non-price criteria will apply to "
            "part of those auctions, but their effect on total volumes is expected to be small. "
            "In Spain, grid constraints, curtailment and low capture prices are the main risks, "
            "and the low scenario assumes a sharper slowdown in utility-scale projects.",
            "Both countries could benefit from European manufacturing: Germany hosts equipment "
            "makers and some module and wafer production, and Spain has announced several "
            "factory projects. The forecast spread between high and low scenarios widens to "
            "more than 40% by 2030, reflecting uncertainty about grids and storage.",
        ]),
        ("2025-08-11", "The European PV supply chain: from polysilicon to inverters", [
            INTRO + "The European solar supply chain is uneven. Polysilicon production exists at "
            "scale, inverter manufacturing is strong, and glass, frames and encapsulants are "
            "partly available. Ingot, wafer and cell capacity, however, remains very small "
            "compared with demand.",
            "This imbalance means that most European modules are built with imported cells, "
            "which limits their value under NZIA resilience criteria. Closing the gap requires "
            "integrated factories that combine ingots, wafers and cells, as well as long-term "
            "offtake contracts that protect manufacturers from global price swings.",
            "Supply chain traceability is becoming a market requirement. Buyers ask for "
            "documentation on the origin of polysilicon, forced labour due diligence and carbon "
            "footprint data. Companies that can provide this information reliably may gain "
            "market share in auctions and public tenders, even if their modules cost more.",
        ]),
    ],
    "om": [
        ("2024-04-08", "Preventive vs corrective maintenance: finding the right balance", [
            INTRO + "Operation and maintenance (O&M) contracts for PV plants combine preventive "
            "maintenance, carried out on a fixed schedule, and corrective maintenance, carried "
            "out after a failure. Finding the right balance between the two has a direct "
            "impact on availability and operating costs.",
            "Typical preventive tasks include visual inspections, torque checks on electrical "
            "connections, inverter filter replacement, tracker lubrication and annual "
            "thermographic surveys. Corrective maintenance covers inverter repairs, replacement "
            "of broken modules and fixing string faults. Key performance indicators include "
            "mean time to repair, response time and contractual availability.",
            "Many operators now move towards predictive maintenance, using monitoring data to "
            "detect problems before they cause downtime. A fictional operator reports that "
            "shifting 20% of its corrective budget to condition-based preventive work reduced "
            "unplanned downtime by a third over two years.",
        ]),
        ("2024-07-16", "Inverter failures remain the leading cause of PV downtime", [
            INTRO + "Inverter failures are still the most common cause of energy losses in "
            "utility-scale solar plants. Typical problems include failed cooling fans, "
            "degraded DC-link capacitors, IGBT faults, insulation errors and firmware bugs.",
            "Central inverters concentrate risk: a single fault can take several megawatts "
            "offline until a technician arrives with spare parts. String inverters limit the "
            "impact of each failure, but their larger number increases logistics and "
            "replacement work. In both cases, a good stock of spare parts and fast service "
            "agreements with manufacturers are essential.",
            "Operators analyse alarm logs and temperature trends to detect early signs of "
            "failure. Regular cleaning of air filters, checks on cabinet seals and firmware "
            "updates reduce failure rates. Many owners plan a major inverter replacement "
            "after 10-15 years, which should be included in the long-term O&M budget.",
        ]),
        ("2024-09-30", "Module cleaning and soiling losses in dry climates", [
            INTRO + "Soiling from dust, sand, pollen and bird droppings can reduce the output of "
            "PV plants by several percent, and by much more in dry and desert regions. In "
            "southern Spain, for example, soiling losses can exceed 5% during long dry summers "
            "without rain.",
            "Operators measure soiling with reference cells or soiling stations that compare "
            "a clean and a dirty module. These measurements help decide when module cleaning "
            "is worth the cost. Options include manual cleaning with water, tractor-mounted "
            "brushes and waterless cleaning robots mounted on tracker rows.",
            "The optimal cleaning frequency depends on the electricity price, the cost of "
            "water and labour, and the local soiling rate. Anti-soiling coatings and steeper "
            "tilt angles can reduce soiling, but they do not remove the need for cleaning. "
            "Cleaning must also follow module manufacturer guidelines to avoid damaging the "
            "glass coating and voiding the warranty.",
        ]),
        ("2025-03-03", "Thermography and performance ratio analysis for early fault detection", [
            INTRO + "Thermography and performance ratio (PR) analysis are two complementary "
            "tools for detecting faults in PV plants. Infrared thermography shows hotspots, "
            "defective bypass diodes, potential-induced degradation (PID) and string failures "
            "that are not visible to the eye.",
            "The performance ratio compares actual energy output with the theoretical output "
            "based on measured irradiance. A temperature-corrected PR removes seasonal effects "
            "and makes it easier to spot a slow decline. A drop of one or two percentage points "
            "can indicate soiling, degradation or inverter problems.",
            "Best practice is to run a thermographic inspection following IEC 62446-3 at least "
            "once a year, and to monitor PR continuously at plant, inverter and string level. "
            "When the PR drops, a targeted thermal inspection by drone can locate the cause "
            "quickly and support warranty claims.",
        ]),
        ("2025-06-09", "Vegetation management on utility-scale solar sites", [
            INTRO + "Vegetation management is a recurring task for ground-mounted PV plants. "
            "Tall grass and shrubs can shade the lower rows of modules, increase fire risk and "
            "block access for maintenance teams, especially in spring and early summer.",
            "Common methods include mechanical mowing, trimming around posts and fences, and "
            "sheep grazing. Grazing is popular in Europe because it reduces costs and supports "
            "biodiversity, but it requires cable protection and coordination with local "
            "farmers. Herbicides are increasingly restricted and are avoided by many owners.",
            "A good vegetation plan sets the mowing frequency according to growth rates and "
            "rainfall, and includes inspections after storms. Some operators now sow native "
            "low-growing plants that need less cutting and improve soil quality. The cost of "
            "vegetation management is a significant share of the O&M budget on large sites.",
        ]),
    ],
}


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80].rstrip("-")


def write_docs():
    counts = {}
    for collection, docs in DOCS.items():
        path = OUT / f"{collection}.jsonl"
        with path.open("w", encoding="utf-8", newline="\n") as fh:
            for date, title, paragraphs in docs:
                body = "\n\n".join(paragraphs)
                words = len(body.split())
                assert 120 <= words <= 300, (collection, title, words)
                assert 2 <= len(paragraphs) <= 4, (collection, title)
                doc = {
                    "title": "[Sample] " + title,
                    "url": f"https://example.com/sample/{collection}/{slugify(title)}",
                    "published_at": date,
                    "body": body,
                }
                fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
        counts[path.name] = len(docs)
    return counts


def main():
    rng = random.Random(SEED)
    counts = {}
    counts["market.csv"] = write_market(build_market(rng))
    counts["prices.csv"] = write_prices(build_prices(rng))
    counts["financials.csv"] = write_financials(build_financials(rng))
    counts.update(write_docs())
    for name, n in counts.items():
        print(f"{name}: {n} rows")


if __name__ == "__main__":
    main()
