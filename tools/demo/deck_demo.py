#!/usr/bin/env python3
"""Generates NDLP's demo data: the deck's end-2012 state of the Digital Library Promotion Project
as per-library records (src/main/resources/demo/libraries.csv and deployment-events.csv).

The per-library records are synthetic; only their totals are the deck's figures (see
docs/modules/operations.md). Real names are used only for the NLC and provincial libraries
(reference data, not written here) and for the twelve city libraries in REAL_CITIES; every
other city library is named 演示 (demo) and its region code is made up inside its province.
Run from the repository root: python3 tools/demo/deck_demo.py
"""
import csv
import datetime as dt
import pathlib

OUT = pathlib.Path("src/main/resources/demo")

PROVINCES = ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
             "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"]
SHORT = {"11": "京", "12": "津", "13": "冀", "14": "晋", "15": "蒙", "21": "辽", "22": "吉", "23": "黑", "31": "沪",
         "32": "苏", "33": "浙", "34": "皖", "35": "闽", "36": "赣", "37": "鲁", "41": "豫", "42": "鄂", "43": "湘",
         "44": "粤", "45": "桂", "46": "琼", "50": "渝", "51": "川", "52": "黔", "53": "滇", "54": "藏", "61": "陕",
         "62": "甘", "63": "青", "64": "宁", "65": "新"}
# city-level libraries per province (municipalities have none); 425 in all, as the deck counts
CITY_COUNTS = {"13": 16, "14": 12, "15": 14, "21": 18, "22": 11, "23": 15, "32": 24, "33": 14, "34": 18, "35": 11,
               "36": 13, "37": 26, "41": 25, "42": 16, "43": 17, "44": 30, "45": 15, "46": 5, "51": 29, "52": 11,
               "53": 19, "54": 7, "61": 13, "62": 15, "63": 8, "64": 5, "65": 18}
REAL_CITIES = [  # code, name, English name, region
    ("CN-440100-GZL", "广州图书馆", "Guangzhou Library", "440100"),
    ("CN-440300-SZL", "深圳图书馆", "Shenzhen Library", "440300"),
    ("CN-330100-HZL", "杭州图书馆", "Hangzhou Public Library", "330100"),
    ("CN-330200-NBL", "宁波图书馆", "Ningbo Library", "330200"),
    ("CN-210200-DLL", "大连图书馆", "Dalian Library", "210200"),
    ("CN-320500-SZL", "苏州图书馆", "Suzhou Library", "320500"),
    ("CN-510100-CDL", "成都图书馆", "Chengdu Library", "510100"),
    ("CN-370200-QDL", "青岛市图书馆", "Qingdao Library", "370200"),
    ("CN-350200-XML", "厦门市图书馆", "Xiamen Library", "350200"),
    ("CN-420100-WHL", "武汉图书馆", "Wuhan Library", "420100"),
    ("CN-610100-XAL", "西安图书馆", "Xi'an Library", "610100"),
    ("CN-430100-CSL", "长沙图书馆", "Changsha Library", "430100"),
]
NLC = "CN-110000-NLC"
DEMO_PROVINCIAL = [("CN-210000-DP1", "演示省级馆（一）", "Demo provincial-level library 1", "210000"),
                   ("CN-650000-DP2", "演示省级馆（二）", "Demo provincial-level library 2", "650000")]
WHOLE_PROVINCE_VPN = {"11", "14", "45", "23", "64", "31", "33"}

events = []


def event(code, kind, date, system="", source="", amount="", year="", note=""):
    events.append([code, kind, date.isoformat(), system, source, amount, year, note])


def day(year, month, d):
    return dt.date(year, month, d)


def main():
    # --- provincial tier: 31 reference libraries + 2 demo placeholders = 33 -------------------
    prov = {p: f"CN-{p}0000-PL" for p in PROVINCES}
    plan_2011 = ["44", "33", "11", "31", "14", "45", "23", "64", "32", "37", "51", "42", "21", "35", "43"]
    plan_2012 = [p for p in PROVINCES if p not in plan_2011] + ["DP1", "DP2"]
    prov["DP1"], prov["DP2"] = DEMO_PROVINCIAL[0][0], DEMO_PROVINCIAL[1][0]
    done_2011 = [p for p in plan_2011 if p != "43"]  # 14 of 15
    done_2012 = ["12", "13", "22", "34", "36", "41", "50", "53", "61", "62"]  # 10 of 18
    assert len(plan_2011) == 15 and len(plan_2012) == 18 and len(done_2011) == 14 and len(done_2012) == 10
    for i, p in enumerate(plan_2011):
        event(prov[p], "PLATFORM_PLANNED", day(2011, 3, 1), year=2011)
        event(prov[p], "FUNDS_RECEIVED", day(2011, 6, 30), source="CENTRAL", amount=2000000, year=2011,
              note="推广工程中央补助")
    for p in plan_2012:
        event(prov[p], "PLATFORM_PLANNED", day(2012, 3, 1), year=2012)
        event(prov[p], "FUNDS_RECEIVED", day(2012, 6, 30), source="CENTRAL", amount=2000000, year=2012,
              note="推广工程中央补助")
    completed_prov = []
    for i, p in enumerate(done_2011):
        finished = day(2011, 10, 1) + dt.timedelta(days=20 * i)
        completed_prov.append((p, finished))
    for i, p in enumerate(done_2012):
        completed_prov.append((p, day(2012, 8, 1) + dt.timedelta(days=12 * i)))
    for p, finished in completed_prov:
        event(prov[p], "PLATFORM_COMPLETED", finished)
        event(prov[p], "HARDWARE_STANDARD_MET", finished + dt.timedelta(days=10))
        event(prov[p], "FUNDS_RECEIVED", finished - dt.timedelta(days=30), source="LOCAL", amount=2000000,
              year=finished.year - (1 if finished.month < 3 else 0), note="地方配套")
    late = {"43": day(2013, 4, 20), "15": day(2013, 6, 10), "46": day(2013, 9, 5), "52": day(2013, 10, 18)}
    for p, finished in late.items():
        event(prov[p], "PLATFORM_COMPLETED", finished)
        event(prov[p], "HARDWARE_STANDARD_MET", finished + dt.timedelta(days=10))
    # VPN: 22 provincial by end 2012, 28 by the end of February 2013
    vpn_2012 = [p for p, _ in completed_prov if p not in ("61", "62")]
    assert len(vpn_2012) == 22 and WHOLE_PROVINCE_VPN <= set(vpn_2012)
    for i, p in enumerate(vpn_2012):
        event(prov[p], "VPN_CONNECTED", day(2012, 2, 1) + dt.timedelta(days=14 * i))
    for i, p in enumerate(["61", "62", "43", "15", "46", "52"]):
        event(prov[p], "VPN_CONNECTED", day(2013, 1, 8) + dt.timedelta(days=8 * i))
    # unified user system in 7 provinces, government-information sub-stations in 21 provinces + NLC
    for i, p in enumerate(["44", "33", "11", "31", "32", "37", "51"]):
        event(prov[p], "SYSTEM_DEPLOYED", day(2012, 4, 1) + dt.timedelta(days=20 * i), system="UNIFIED_AUTHENTICATION")
    gov = [p for p, _ in completed_prov if p not in ("41", "50", "53")]
    assert len(gov) == 21
    for i, p in enumerate(gov):
        event(prov[p], "SYSTEM_DEPLOYED", day(2012, 3, 1) + dt.timedelta(days=9 * i), system="GOV_INFO_PLATFORM")
    event(NLC, "VPN_CONNECTED", day(2011, 1, 10))
    event(NLC, "SYSTEM_DEPLOYED", day(2011, 5, 1), system="GOV_INFO_PLATFORM")
    event(NLC, "SYSTEM_DEPLOYED", day(2011, 5, 1), system="UNIFIED_AUTHENTICATION")
    event(NLC, "SYSTEM_DEPLOYED", day(2011, 9, 1), system="UNIQUE_IDENTIFIER")
    event(NLC, "SYSTEM_DEPLOYED", day(2012, 6, 1), system="WENJIN_SEARCH")

    # --- city tier: 425 libraries, 185 funded (52 in 2011, 133 in 2012) ------------------------
    assert sum(CITY_COUNTS.values()) == 425
    cities = {p: [] for p in CITY_COUNTS}
    rows = []
    for code, name, name_en, region in REAL_CITIES:
        cities[region[:2]].append(code)
        rows.append([code, name, name_en, "CITY", prov[region[:2]], region])
    for p, count in CITY_COUNTS.items():
        n = 0
        while len(cities[p]) < count:
            n += 1
            code = f"CN-{p}{70 + n:02d}00-D{n:02d}"
            cities[p].append(code)
            rows.append([code, f"{SHORT[p]}演示地市馆{n:02d}", f"Demo city library {p}-{n:02d}", "CITY", prov[p],
                         f"{p}{70 + n:02d}00"])
    # funding order: the real libraries first, then round-robin over provinces
    order = [c[0] for c in REAL_CITIES]
    depth = 0
    while len(order) < 425:
        for p in CITY_COUNTS:
            if depth < len(cities[p]) and cities[p][depth] not in order:
                order.append(cities[p][depth])
        depth += 1
    c2011, c2012 = order[:52], order[52:185]
    done_c2011, done_c2012 = c2011[:39], c2012[:47]
    for i, code in enumerate(c2011):
        event(code, "PLATFORM_PLANNED", day(2011, 4, 1), year=2011)
        event(code, "FUNDS_RECEIVED", day(2011, 8, 31), source="CENTRAL", amount=600000, year=2011,
              note="推广工程中央补助")
    for i, code in enumerate(c2012):
        event(code, "PLATFORM_PLANNED", day(2012, 4, 1), year=2012)
        event(code, "FUNDS_RECEIVED", day(2012, 8, 31), source="CENTRAL", amount=(560000 if i == 0 else 570000),
              year=2012, note="推广工程中央补助")
    for i, code in enumerate(order[185:]):
        event(code, "PLATFORM_PLANNED", day(2013, 4, 1), year=2013)
    completed = []
    for i, code in enumerate(done_c2011):
        completed.append((code, day(2011, 11, 1) + dt.timedelta(days=9 * i)))
    for i, code in enumerate(done_c2012):
        completed.append((code, day(2012, 9, 1) + dt.timedelta(days=2 * i)))
    for i, (code, finished) in enumerate(completed):
        event(code, "PLATFORM_COMPLETED", finished)
        event(code, "HARDWARE_STANDARD_MET", finished + dt.timedelta(days=7))
        event(code, "FUNDS_RECEIVED", finished - dt.timedelta(days=20), source="LOCAL",
              amount=(784000 if i == 0 else 600000), year=(finished - dt.timedelta(days=20)).year, note="地方配套")
    for i, code in enumerate(c2011[39:] + c2012[47:]):
        event(code, "PLATFORM_COMPLETED", day(2013, 3, 1) + dt.timedelta(days=3 * i))
        event(code, "HARDWARE_STANDARD_MET", day(2013, 3, 8) + dt.timedelta(days=3 * i))
    # VPN: every completed city library of a whole-province network, then others, 37 by end 2012
    done_codes = [c for c, _ in completed]
    whole = [c for c in done_codes if c[3:5] in WHOLE_PROVINCE_VPN]
    others = [c for c in done_codes if c not in whole]
    vpn_cities = whole + others[:37 - len(whole)]
    assert len(vpn_cities) == 37, len(whole)
    finished_on = dict(completed)
    for code in vpn_cities:
        event(code, "VPN_CONNECTED", min(finished_on[code] + dt.timedelta(days=30), day(2012, 12, 20)))
    for i, code in enumerate(others[37 - len(whole):37 - len(whole) + 8]):
        event(code, "VPN_CONNECTED", day(2013, 1, 10) + dt.timedelta(days=6 * i))
    for i, code in enumerate(["CN-440100-GZL", "CN-440300-SZL", "CN-330100-HZL", "CN-330200-NBL", "CN-210200-DLL"]):
        assert code in done_codes
        event(code, "SYSTEM_DEPLOYED", day(2012, 6, 1) + dt.timedelta(days=25 * i), system="UNIFIED_AUTHENTICATION")

    # --- write ------------------------------------------------------------------------------------
    with open(OUT / "libraries.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["代码", "名称", "英文名称", "级别", "上级馆代码", "行政区划代码", "地址", "专项负责人", "联系电话", "电子邮件"])
        for code, name, name_en, region in DEMO_PROVINCIAL:
            w.writerow([code, name, name_en, "PROVINCIAL", NLC, region, "", "", "", ""])
        for r in rows:
            w.writerow(r + ["", "", "", ""])
    events.sort(key=lambda e: (e[2], e[0], e[1]))
    with open(OUT / "deployment-events.csv", "w", newline="", encoding="utf-8") as f:
        f.write("# Generated by tools/demo/deck_demo.py: the deck's end-2012 state as per-library events.\n")
        f.write("# library,kind,effectiveOn,system,fundingSource,amount,fiscalYear,note\n")
        w = csv.writer(f, lineterminator="\n")
        for e in events:
            w.writerow(e)
    central = sum(int(e[5]) for e in events if e[4] == "CENTRAL" and e[2] <= "2012-12-31")
    local = sum(int(e[5]) for e in events if e[4] == "LOCAL" and e[2] <= "2012-12-31")
    print(f"{len(rows) + 2} libraries, {len(events)} events; central to end 2012 {central}, local {local}")


if __name__ == "__main__":
    main()
