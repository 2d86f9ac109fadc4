#!/usr/bin/env python3
"""Writes a multi-megabyte corpus for the extraction benchmark.

Documents are recombined from the sentences of the national government work
reports (shared/corpus/gov-reports) and of data/sample, interleaved with
template sentences carrying varied invented names (agencies, universities and
their institutes, programmes, parks, enterprises, documents), so the passes
see the kinds of mentions they look for at realistic density. Some files are
written in GBK, some in UTF-16LE, some as HTML pages with site furniture, so
every reading path is measured. Deterministic for a given --seed.

usage: gen_corpus.py OUT_DIR [--mb 30] [--files 600] [--seed 1]
"""
import argparse
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.environ.get("POLICYKG_SHARED", os.path.join(os.path.dirname(ROOT), "shared"))

SYLLABLES = ("江 安 宁 平 新 兴 华 盛 源 泰 和 丰 瑞 嘉 鸿 远 益 康 德 信 达 通 汇 凯 明 阳 "
             "光 星 云 海 山 川 湖 林 青 蓝 金 银 铁 石 锦 绣 航 科 创 智 联 拓 恒 启 辰 晟").split()
PROVINCES = ["江西省", "四川省", "广东省", "湖南省", "安徽省", "福建省", "河南省", "广西壮族自治区"]
CITY_SUFFIX = ["市"]
DISTRICT_SUFFIX = ["区", "县", "市"]
AGENCIES = ["科技局", "发改委", "财政局", "经信局", "工信局", "教育局", "人社局", "商务局",
            "市场监管局", "自然资源局", "农业农村局", "科学技术局", "发展和改革局"]
INDUSTRIES = ["新材料", "智能装备", "电子信息", "生物医药", "新能源", "精密制造", "数字科技",
              "光电", "储能", "环保科技", "半导体", "汽车零部件"]
INSTITUTES = ["研究院", "研究所", "创新研究院", "产业技术研究院", "工程技术研究中心", "实验室"]
PROGRAM_KIND = ["工程", "计划", "行动", "专项行动", "三年行动"]
PARKS = ["高新技术产业开发区", "经济技术开发区", "科技城", "科创园", "高新区", "产业园",
         "科创谷", "创新港"]
ENTERPRISE_SUFFIX = ["有限公司", "股份有限公司", "科技有限公司", "集团有限公司"]
SPAM = ["娱乐官网", "体育官方app下载", "娱乐平台", "体育官网入口"]


def name(rng, n=2):
    return "".join(rng.choice(SYLLABLES) for _ in range(n))


def place(rng):
    return name(rng) + rng.choice(CITY_SUFFIX)


def district(rng):
    return name(rng) + rng.choice(DISTRICT_SUFFIX)


def template_sentence(rng):
    """One sentence in the genre with fresh invented names."""
    p, d = place(rng), district(rng)
    uni = name(rng) + rng.choice(["大学", "理工大学", "科技大学", "师范大学", "职业技术学院"])
    ind = rng.choice(INDUSTRIES)
    ent = name(rng) + ind + rng.choice(ENTERPRISE_SUFFIX)
    brand = name(rng)
    prog = "“" + name(rng) + rng.choice(["强链", "攀登", "倍增", "领航", "育苗"]) + "”" + rng.choice(PROGRAM_KIND)
    doc = "《" + p + "关于加快" + ind + "产业科技创新的若干措施》"
    park = d.rstrip("区县市") + rng.choice(PARKS)
    forms = [
        f"区{rng.choice(AGENCIES)}会同区{rng.choice(AGENCIES)}组织实施{prog},支持{ent}建设省级企业技术中心。",
        f"{p}人民政府与{uni}共建{uni}{p.rstrip('市')}{ind}{rng.choice(INSTITUTES)},推动成果就地转化。",
        f"以{park}为主阵地,引导{brand}{ind}、{name(rng)}科技等企业加大研发投入。",
        f"落实{doc},由市{rng.choice(AGENCIES)}负责解释。",
        f"(责任单位:{d}{rng.choice(AGENCIES)}、{d}{rng.choice(AGENCIES)})",
        f"{ent}与{uni}合作共建联合实验室,累计转化成果{rng.randint(3, 90)}项。",
        f"{rng.choice(PROVINCES)}{p}{d}新增国家高新技术企业{rng.randint(10, 400)}家,同比增长{rng.randint(1, 40)}.{rng.randint(0, 9)}%。",
    ]
    return rng.choice(forms)


def read_text(path):
    with open(path, "rb") as f:
        raw = f.read()
    for enc in ("utf-8-sig", "utf-16", "gbk"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        return ""
    if text.lstrip().startswith("<"):
        text = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", "", text)
        text = re.sub(r"<[^>]+>", "\n", text)
    return text


def sentence_pool():
    pool = []
    dirs = [os.path.join(SHARED, "corpus", "gov-reports"), os.path.join(ROOT, "data", "sample")]
    for d in dirs:
        if not os.path.isdir(d):
            print(f"gen_corpus: {d} not found, skipped", file=sys.stderr)
            continue
        for fn in sorted(os.listdir(d)):
            if fn.endswith(".md"):
                continue
            for line in read_text(os.path.join(d, fn)).splitlines():
                for s in re.findall(r"[^。！？；]*[。！？；]?", line.strip()):
                    s = s.strip()
                    if 6 <= len(s) <= 300:
                        pool.append(s)
    if not pool:
        sys.exit("gen_corpus: no source sentences found")
    return pool


def header(rng, issuer, number, date):
    return (f"索引号: | {rng.randint(10**17, 10**18 - 1)}/{date[:4]}-{rng.randint(1, 99999):05d} | "
            f"成文日期: | {date} |\n"
            f"公开方式: | 主动公开 | 组配分类: | {rng.choice(['政策文件', '计划总结', '建议提案'])} |\n"
            f"文件编号: | {number} | 发布机构: | {issuer} |\n")


def document(rng, pool, target_bytes):
    p, d = place(rng), district(rng)
    year = rng.randint(2019, 2025)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    issuer = rng.choice(["区科技局", "市科技局", "区政府办公室", "市政府办公室"])
    number = f"{name(rng, 1)}{rng.choice(['科', '政办', '府'])}发〔{year}〕{rng.randint(1, 99)}号"
    title = f"{p}{d}{rng.choice(AGENCIES)}关于{rng.choice(INDUSTRIES)}产业科技创新工作的通知"
    parts = [header(rng, issuer, number, date), title, "\n"]
    size = sum(len(x.encode("utf-8")) for x in parts)
    para = []
    while size < target_bytes:
        s = template_sentence(rng) if rng.random() < 0.35 else rng.choice(pool)
        para.append(s)
        size += len(s.encode("utf-8"))
        if len(para) >= rng.randint(3, 8):
            parts.append("".join(para) + "\n")
            para = []
    parts.append("".join(para) + "\n")
    return title, "".join(parts)


def as_html(rng, title, text):
    body = "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line.strip())
    spam = f"{name(rng)}{rng.choice(SPAM)}"
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"<script>var x=1;</script><style>p{{margin:0}}</style></head><body>\n"
            f"<div class=nav>网站首页 | 网站地图 | 无障碍浏览</div><div>{spam}</div>\n"
            f"<div>访问次数:{rng.randint(1, 9999)} 字号:[ 大 中 小 ] 分享:</div>\n"
            f"<h1>{title}</h1>\n{body}"
            f"<div>【打印本页】 【关闭窗口】</div></body></html>\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir")
    ap.add_argument("--mb", type=float, default=30, help="total size in MB (default 30)")
    ap.add_argument("--files", type=int, default=600, help="number of files (default 600)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    rng = random.Random(args.seed)
    pool = sentence_pool()
    os.makedirs(args.out_dir, exist_ok=True)
    per_file = int(args.mb * 1024 * 1024 / max(1, args.files))
    total = 0
    for i in range(args.files):
        # Sizes vary around the mean (0.3x .. 1.7x).
        title, text = document(rng, pool, int(per_file * rng.uniform(0.3, 1.7)))
        kind = rng.random()
        if kind < 0.10:
            data, ext = text.encode("gbk", errors="replace"), "gbk.txt"
        elif kind < 0.13:
            data, ext = b"\xff\xfe" + text.encode("utf-16-le"), "utf16.txt"
        elif kind < 0.20:
            data, ext = as_html(rng, title, text).encode("utf-8"), "html"
        else:
            data, ext = text.encode("utf-8"), "txt"
        path = os.path.join(args.out_dir, f"doc{i:05d}.{ext}")
        with open(path, "wb") as f:
            f.write(data)
        total += len(data)
    print(f"gen_corpus: wrote {args.files} files, {total / 1048576:.1f} MB to {args.out_dir}")


if __name__ == "__main__":
    main()
