"""Realistic synthetic news about AI model usage, for benchmarks and crash tests.

A seeded "world" holds the true weekly token volumes, ranks and prices of the models named in
corpora/entities.json; each article picks an outlet, a week and a few models, and reports
figures in varied English or Chinese phrasings (hedges, relative dates, week-over-week changes,
shares, prices). A small share of figures is wrong on purpose (a slip of scale, a stale or
misread number) and some articles copy paragraphs from earlier ones, as syndicated news does,
so reconciliation and copy detection have work to do.

    python -m benchmarks.synth --count 10000 --out /tmp/synth.jsonl
    python -m benchmarks.synth --count 200 --out /tmp/synth_dir --format files

Same seed, same articles: every article's text is unique (it carries a reference line).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ENTITIES = ROOT / "corpora" / "entities.json"

OUTLETS = (
    "Global Tech Wire", "AI Pulse Daily", "Silicon Ledger", "The Compute Report",
    "Pacific Markets Review", "Token Economy Weekly", "Model Watch", "Data Frontier News",
    "Asia Business Times", "Open Weights Journal", "Cloud Street", "The Inference Letter",
    "East-West Tech Brief", "Developer Digest", "Machine Markets", "Frontier Analyst Notes",
)
ZH_OUTLETS = ("每日科技报", "智能经济观察", "算力周刊", "模型观察", "财经快讯", "大模型日报")
AUTHORS = ("Lin Xiao", "Maria Gomez", "David Chen", "Aisha Khan", "Tom Becker", "Yuki Sato",
           "Elena Rossi", "Wang Lei", "Sam Carter", "Priya Nair")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MONTH_ABBR = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
              "Oct.", "Nov.", "Dec.")

FIRST_WEEK = dt.date(2025, 9, 1)  # a Monday: reporting weeks run Monday to Sunday
WEEKS = 40  # at least; a large corpus spreads over more weeks (``PER_WEEK``)
# Articles per reporting week in a large corpus. Each reports the same few facts (the weekly
# totals, the leaders), so this sets how many claims meet in one slot and week: a real feed of
# news on one platform's weekly chart has tens of such stories a week, not thousands.
PER_WEEK = 50
# Share of figures misreported on purpose, and of articles that copy a paragraph.
ERROR_RATE = 0.06
COPY_RATE = 0.05
# How strongly a model's weekly volume returns to its usual level (0: a pure random walk).
REVERSION = 0.1
# Raised whenever the same seed stops giving the same articles (cached feeds carry it).
VERSION = 4


@dataclass(frozen=True)
class Model:
    name: str
    country: str | None


@dataclass(frozen=True)
class Week:
    start: dt.date
    volumes: dict[str, float]  # model -> tokens
    totals: dict[str, float]  # "Chinese models"/"US models" -> tokens
    ranks: dict[str, int]


@lru_cache(maxsize=1)
def models() -> tuple[Model, ...]:
    """Model names (canonical, as the gazetteer knows them), China and US ones first."""
    entries = json.loads(ENTITIES.read_text(encoding="utf-8"))
    # versioned names only ("Kimi K2.5", not "Kimi"): a weekly chart ranks releases
    found = [Model(e["name"], e.get("country")) for e in entries
             if e.get("kind") == "model" and any(ch.isdigit() for ch in e["name"])]
    by_country = {c: [m for m in found if m.country == c][-12:] for c in ("CN", "US")}
    return tuple(by_country["CN"] + by_country["US"]) or tuple(found[:24])


class World:
    """The true figures every article draws from (and sometimes misreports)."""

    def __init__(self, seed: int, weeks: int = WEEKS) -> None:
        rng = random.Random(seed)
        self.models = models()
        base = {m.name: rng.uniform(0.08, 1.2) * 1e12 for m in self.models}
        level = dict(base)
        self.prices = {m.name: (round(rng.uniform(0.1, 3.0), 2), round(rng.uniform(0.4, 15.0), 2))
                       for m in self.models}
        self.weeks: list[Week] = []
        for n in range(weeks):
            volumes = {}
            for name, value in level.items():
                # a random walk pulled back towards the model's usual volume: without the pull
                # a 100,000-article corpus (2,000 weeks) reached 10^33 tokens a week
                level[name] = value * rng.uniform(0.85, 1.2) * (base[name] / value) ** REVERSION
                volumes[name] = round(level[name] / 1e10) * 1e10
            totals = {"Chinese models": 0.0, "US models": 0.0}
            for m in self.models:
                group = {"CN": "Chinese models", "US": "US models"}.get(m.country or "")
                if group:
                    totals[group] += volumes[m.name] * 1.3  # the long tail beyond named models
            ordered = sorted(volumes, key=lambda k: -volumes[k])
            self.weeks.append(Week(FIRST_WEEK + dt.timedelta(weeks=n), volumes,
                                   {k: round(v / 1e10) * 1e10 for k, v in totals.items()},
                                   {name: i + 1 for i, name in enumerate(ordered)}))


def trillions(value: float) -> str:
    return f"{value / 1e12:.2f}".rstrip("0").rstrip(".")


def week_phrase(rng: random.Random, week: dt.date, published: dt.date) -> str:
    end = week + dt.timedelta(days=6)
    if week.month == end.month:
        span = f"{MONTHS[week.month - 1]} {week.day}-{end.day}, {end.year}"
    else:
        span = f"{MONTH_ABBR[week.month - 1]} {week.day} to {MONTH_ABBR[end.month - 1]} {end.day}"
    choices = [f"in the week of {span}", f"during the week of {span}",
               f"in the week ending {MONTHS[end.month - 1]} {end.day}, {end.year}"]
    if (published - end).days <= 7:
        choices.append("last week")
    return rng.choice(choices)


def zh_week_phrase(week: dt.date) -> str:
    end = week + dt.timedelta(days=6)
    if week.month == end.month:
        return f"{week.year}年{week.month}月{week.day}日至{end.day}日当周"
    return f"{week.month}月{week.day}日至{end.month}月{end.day}日当周"


def misreported(rng: random.Random, value: float) -> float:
    """The figure as an article prints it: usually right, sometimes a slip."""
    if rng.random() >= ERROR_RATE:
        return value
    slip = rng.choice(("scale", "off", "off"))
    return value * (10 if slip == "scale" else rng.choice((0.8, 0.85, 1.15, 1.25)))


def hedge(rng: random.Random) -> str:
    return rng.choice(("", "", "", "about ", "roughly ", "more than ", "nearly ", "over "))


# Background prose is built word by word from these lists: two independent stories then share
# an eight-word run of wording (what copy detection looks for) about as rarely as real ones do.
# A few fixed sentence frames with short slot lists made every story "copy" every other.
SUBJECTS = ("analysts", "developers", "investors", "executives", "observers", "researchers",
            "engineers", "founders", "regulators", "economists", "consultants", "customers",
            "integrators", "partners", "critics", "lawmakers", "bankers", "suppliers",
            "academics", "brokers", "lenders", "auditors", "insurers", "operators")
ADJECTIVES = ("cautious", "crowded", "uneven", "steady", "fragile", "noisy", "patient",
              "regional", "private", "public", "shifting", "hidden", "modest", "careful",
              "costly", "cheaper", "slower", "faster", "broader", "narrow", "familiar",
              "unusual", "wider", "quieter", "rival", "domestic", "foreign", "internal",
              "mature", "younger", "skeptical", "eager", "stubborn", "generous", "strict")
NOUNS = ("pricing", "latency", "reliability", "capacity", "demand", "contracts", "budgets",
         "hardware", "licensing", "procurement", "benchmarks", "workloads", "tooling",
         "infrastructure", "datacenters", "chips", "talent", "funding", "margins", "adoption",
         "partnerships", "rollouts", "roadmaps", "compliance", "security", "privacy",
         "interfaces", "integrations", "support", "documentation", "outages", "migrations",
         "subsidies", "tariffs", "exports", "startups", "incumbents", "platforms", "agents",
         "assistants")
VERBS = ("questioned", "welcomed", "doubted", "praised", "criticized", "examined", "debated",
         "tracked", "revisited", "defended", "challenged", "favored", "resisted", "studied",
         "compared", "delayed", "accelerated", "reshaped", "complicated", "simplified",
         "outpaced", "undercut", "protected", "exposed", "absorbed", "redirected")
LINKS = ("because of", "despite", "alongside", "ahead of", "amid", "beyond", "around",
         "against", "without", "through", "behind", "toward")
# short: a stock tail as long as a run of copied wording (as "according to people familiar
# with the matter" is) would make two sentences ending with the same noun a copy
TAILS = ("in recent interviews", "in notes to clients", "without giving details",
         "in a briefing", "at an industry event", "as competition intensifies",
         "before the next release")


def _phrase(rng: random.Random) -> str:
    return f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"


def filler_sentence(rng: random.Random) -> str:
    """A background sentence with no figure to check."""
    sentence = (f"{rng.choice(ADJECTIVES).capitalize()} {rng.choice(SUBJECTS)} "
                f"{rng.choice(VERBS)} the {_phrase(rng)} {rng.choice(LINKS)} {_phrase(rng)}")
    if rng.random() < 0.5:
        sentence += f" and {rng.choice(NOUNS)}"
    if rng.random() < 0.3:
        sentence += f", {rng.choice(TAILS)}"
    return sentence + "."


def house_paragraph(outlet: str) -> str:
    """The outlet's stock paragraph (an "about us", a standing disclaimer): the same in every
    story of that outlet and in no other outlet's."""
    rng = random.Random(outlet)
    return " ".join(filler_sentence(rng) for _ in range(3))


def filler_paragraph(rng: random.Random, outlet: str) -> str:
    """Background sentences, and now and then the outlet's stock paragraph."""
    if rng.random() < 0.1:
        return house_paragraph(outlet)
    return " ".join(filler_sentence(rng) for _ in range(rng.randint(2, 4)))


# Chinese runs of 14 characters are what copy detection compares: with a few dozen words,
# unrelated stories shared one now and then
ZH_WORDS = ("业内人士", "开发者", "投资者", "分析师", "厂商", "平台", "企业客户", "研究人员",
            "价格", "延迟", "稳定性", "算力", "芯片", "数据中心", "接口", "榜单", "开源社区",
            "监管机构", "供应链", "预算", "合同", "工具链", "安全", "隐私", "合规", "人才",
            "融资", "利润", "部署", "迁移", "补贴", "出口", "生态", "插件", "文档", "服务商",
            "电力", "带宽", "存储", "显卡", "初创公司", "运营商", "银行", "保险公司", "高校",
            "实验室", "咨询机构", "券商", "渠道", "代理商", "定价", "折扣", "套餐", "订阅",
            "试用", "配额", "缓存", "推理", "训练", "微调", "评测", "基准", "代码助手", "智能体",
            "搜索", "翻译", "客服", "办公软件", "游戏公司", "电商平台", "硬件厂商", "云厂商")
ZH_VERBS = ("关注", "质疑", "看好", "担忧", "讨论", "比较", "调整", "推动", "限制", "改善",
            "影响", "放缓", "加快", "重视", "忽视", "评估", "押注", "跟踪", "削减", "扩大",
            "测试", "采购", "整合", "替换", "优化", "审查", "支持", "回避", "对比", "复盘",
            "布局", "补充", "压缩", "延长", "收紧", "放开", "升级", "下调", "上调", "重估")
ZH_LINKS = ("同时", "此外", "不过", "因此", "与此同时", "另一方面", "总体来看", "业内认为")


def zh_filler_sentence(rng: random.Random) -> str:
    """A Chinese background sentence with no figure, built word by word (see ``SUBJECTS``)."""
    return (f"{rng.choice(ZH_LINKS)}，{rng.choice(ZH_WORDS)}{rng.choice(ZH_VERBS)}"
            f"{rng.choice(ZH_WORDS)}与{rng.choice(ZH_WORDS)}，并{rng.choice(ZH_VERBS)}"
            f"{rng.choice(ZH_WORDS)}的{rng.choice(ZH_WORDS)}。")


def _house_style(outlet: str) -> tuple[int, int, int]:
    """Which of four wordings the outlet uses for each of the three parts of a figure
    sentence. The third is a Latin square of the first two, so any two outlets word at least
    two parts differently, and two outlets' sentences on the same figures are neither the
    same nor as close as a copy with a word or two changed."""
    first, second = divmod(OUTLETS.index(outlet), 4)
    return first, second, (first + second) % 4


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def english_article(
    rng: random.Random, world: World, n: int, length: int = 4000
) -> dict[str, Any]:
    index = rng.randrange(1, len(world.weeks))
    week, prev = world.weeks[index], world.weeks[index - 1]
    published = week.start + dt.timedelta(days=rng.randint(7, 10))
    when = week_phrase(rng, week.start, published)
    outlet = rng.choice(OUTLETS)
    cn, us = misreported(rng, week.totals["Chinese models"]), week.totals["US models"]
    share = f"{100 * cn / (cn + us):.0f}%"
    picked = rng.sample(world.models, k=min(len(world.models), rng.randint(3, 6)))
    first, second, third = _house_style(outlet)
    title = rng.choice((
        ("", "Data: ", "Usage watch: ", "By the numbers: ")[third]
        + ("Chinese models process", "Weekly count: Chinese AI models hit", "China's models reach",
           "OpenRouter data put Chinese usage at")[first] + f" {trillions(cn)} trillion tokens"
        + ("", " in seven days", ", a new high", " for the week")[second],
        ("{} climbs", "A strong week for {}", "Developers keep choosing {}",
         "What lifted {}")[first].format(picked[0].name)
        + (" in the weekly token rankings", " on OpenRouter's chart", ": the usage data",
           " as API demand grows")[second],
    ))
    hedged, total_us = f"{hedge(rng)}{trillions(cn)}", trillions(us)
    verb = ("processed", "handled", "ran", "consumed")[first]
    totals = (
        ("", "According to OpenRouter, ", "OpenRouter figures show that ",
         "Per OpenRouter's weekly chart, ")[third]
        + f"Chinese models {verb} {hedged} trillion tokens {when}"
        + (f", while {total_us} trillion tokens went to US models",
           f", against {total_us} trillion for US models",
           f" and US models {total_us} trillion",
           f" (US models: {total_us} trillion)")[third]
        + (f", giving Chinese models a {share} share of the combined volume.",
           f", a {share} share for the Chinese models.",
           f" ({share} of the combined volume for Chinese models).",
           f", leaving Chinese models {share} of the total.")[second]
    )
    paragraphs = [f"By {rng.choice(AUTHORS)}, {outlet}", totals]
    lines = []
    for model in picked:
        volume = trillions(misreported(rng, week.volumes[model.name]))
        change = 100 * (week.volumes[model.name] / prev.volumes[model.name] - 1)
        rank, way, moved = week.ranks[model.name], "up" if change >= 0 else "down", abs(change)
        amount = (f"{hedge(rng)}{volume} trillion tokens", f"{volume}T tokens",
                  f"{hedge(rng)}{volume} trillion tokens of traffic",
                  f"a total of {volume} trillion tokens")[third]
        lines.append((
            f"{model.name} processed {amount}",
            f"Traffic on {model.name} came to {amount}",
            f"Usage of {model.name} reached {amount}",
            f"Developers sent {amount} to {model.name}",
        )[first] + (
            f", {way} {moved:.0f}% week over week, at No. {rank}.",
            f", placing it at number {rank} ({'+' if change >= 0 else '-'}{moved:.0f}%).",
            f" after a {moved:.0f}% move {way}, good for No. {rank}.",
            f", which was {ordinal(rank)} place and {moved:.0f}% {way} on the week.",
        )[second])
    paragraphs.append(" ".join(lines))
    priced = rng.choice(picked)
    price_in, price_out = world.prices[priced.name]
    listed, output = f"${misreported(rng, price_in):.2f}", f"${price_out:.2f}"
    paragraphs.append((
        f"On price, {priced.name} charges {listed} for input",
        f"{priced.name} lists input at {listed}",
        f"Input on {priced.name} costs {listed}",
        f"The API price of {priced.name} is {listed} for input",
    )[first] + (" per million tokens", " for every million tokens", " per 1M tokens",
                " for each million tokens")[third] + (
        f" and {output} for output.",
        f", with output at {output}.",
        f", while output runs {output}.",
        f" (output: {output}).",
    )[second])
    target = rng.randint(int(length * 0.85), int(length * 1.1))
    while sum(len(p) for p in paragraphs) < target:
        paragraphs.insert(rng.randrange(2, len(paragraphs) + 1), filler_paragraph(rng, outlet))
    code = "".join(word[0] for word in outlet.split())
    paragraphs.append(f"Ref: {code}-{n:07d}")
    return {"title": title, "source": outlet, "published": published.isoformat(), "lang": "en",
            "url": f"https://news.example/{n}", "text": title + "\n\n" + "\n\n".join(paragraphs),
            "_week": index}


def chinese_article(
    rng: random.Random, world: World, n: int, length: int = 4000
) -> dict[str, Any]:
    index = rng.randrange(1, len(world.weeks))
    week = world.weeks[index]
    published = week.start + dt.timedelta(days=rng.randint(7, 10))
    outlet = rng.choice(ZH_OUTLETS)
    style = ZH_OUTLETS.index(outlet)  # each outlet its own wording, as in English
    cn, us = misreported(rng, week.totals["Chinese models"]), week.totals["US models"]
    when, total_cn, total_us = zh_week_phrase(week.start), f"{cn / 1e12:.2f}", f"{us / 1e12:.2f}"
    share = f"{100 * cn / (cn + us):.0f}%"
    picked = rng.sample(world.models, k=min(len(world.models), rng.randint(2, 4)))
    title = f"中国模型周调用量达{total_cn}万亿Token"
    lines = [f"{outlet}记者 {rng.choice(AUTHORS)}", (
        f"OpenRouter最新数据显示，{when}，中国模型的Token调用量达到{total_cn}万亿，"
        f"美国模型同期为{total_us}万亿，中国模型占比{share}。",
        f"据OpenRouter统计，{when}中国模型共处理{total_cn}万亿Token，美国模型处理"
        f"{total_us}万亿Token，中国模型份额为{share}。",
        f"{when}，国产大模型在OpenRouter上消耗了{total_cn}万亿Token，美国模型为"
        f"{total_us}万亿Token，国产模型占两者合计的{share}。",
        f"来自OpenRouter平台的榜单表明，{when}美国模型调用量{total_us}万亿Token，"
        f"中国模型调用量{total_cn}万亿Token，后者占比{share}。",
        f"根据OpenRouter公布的周榜，{when}中国模型Token用量录得{total_cn}万亿，"
        f"美国模型录得{total_us}万亿，中国模型所占比重为{share}。",
        f"OpenRouter的周度数据里，{when}中国模型合计{total_cn}万亿Token，"
        f"美国模型合计{total_us}万亿Token，中国模型占{share}。",
    )[style]]
    for model in picked:
        volume = f"{misreported(rng, week.volumes[model.name]) / 1e12:.2f}"
        rank = week.ranks[model.name]
        lines.append((
            f"{model.name}以{volume}万亿Token位列第{rank}。",
            f"{model.name}当周调用量为{volume}万亿Token，排名第{rank}。",
            f"排名第{rank}的是{model.name}，调用量{volume}万亿Token。",
            f"{model.name}的Token调用量为{volume}万亿，位居第{rank}位。",
            f"{model.name}处理了{volume}万亿Token，名列第{rank}。",
            f"第{rank}名为{model.name}（{volume}万亿Token）。",
        )[style])
    # a 4,000-character English article holds about as much as 1,300 Chinese characters
    house = zh_filler_sentence(random.Random(outlet))  # the outlet's stock sentence
    while sum(len(line) for line in lines) < length // 3:
        lines.append(zh_filler_sentence(rng) if rng.random() < 0.9 else house)
    lines.append(f"编号：ZH-{n:07d}")
    return {"title": title, "source": outlet, "published": published.isoformat(), "lang": "zh",
            "url": f"https://news.example/zh/{n}", "text": title + "\n\n" + "\n\n".join(lines),
            "_week": index}


@dataclass(frozen=True)
class Truth:
    """What the generator knows of an article and a checker must find out: its outlet, the
    week it reports, and the earlier article it copied a paragraph from (if any)."""

    outlet: str
    week: int
    copied_from: int | None


def articles(
    count: int, seed: int = 7, zh_share: float = 0.15, length: int = 4000,
    truth: list[Truth] | None = None,
) -> Iterator[dict[str, str]]:
    """``count`` synthetic articles of about ``length`` characters, as JSON-ready records,
    spread over ``WEEKS`` reporting weeks or one week per ``PER_WEEK`` articles; ``truth``,
    if given, receives each article's ``Truth`` in order."""
    world = World(seed, max(WEEKS, -(-count // PER_WEEK)))
    rng = random.Random(seed + 1)
    recent: dict[str, list[tuple[int, str]]] = {}
    for n in range(count):
        make = chinese_article if rng.random() < zh_share else english_article
        record = make(rng, world, n, length)
        week, source = record.pop("_week"), None
        lang, own = record["lang"], record["text"].split("\n\n")[2]  # its figure paragraph
        if recent.get(lang) and rng.random() < COPY_RATE:
            # syndication: a paragraph of an earlier story, copied word for word
            source, copied = rng.choice(recent[lang])
            record["text"] = record["text"].replace("\n\n", f"\n\n{copied}\n\n", 1)
        recent[lang] = (recent.get(lang, []) + [(n, own)])[-50:]
        if truth is not None:
            truth.append(Truth(record["source"], week, source))
        yield record


def write_jsonl(path: Path, count: int, seed: int = 7, length: int = 4000) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for record in articles(count, seed, length=length):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def write_files(directory: Path, count: int, seed: int = 7, length: int = 4000) -> Path:
    """One .txt per article plus the directory's metadata.json manifest."""
    directory.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for n, record in enumerate(articles(count, seed, length=length)):
        name = f"{n:07d}.txt"
        (directory / name).write_text(record["text"] + "\n", encoding="utf-8")
        manifest[name] = {k: v for k, v in record.items() if k != "text"}
    (directory / "metadata.json").write_text(json.dumps(manifest, ensure_ascii=False),
                                             encoding="utf-8")
    return directory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--length", type=int, default=4000, help="characters per article")
    parser.add_argument("--format", choices=("jsonl", "files"), default="jsonl")
    args = parser.parse_args()
    if args.format == "jsonl":
        write_jsonl(args.out, args.count, args.seed, args.length)
    else:
        write_files(args.out, args.count, args.seed, args.length)
    print(f"wrote {args.count} articles to {args.out}")


if __name__ == "__main__":
    main()
