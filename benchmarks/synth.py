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
FILLER = (
    "Analysts cautioned that a single platform is not the whole market, since many enterprise "
    "customers call models directly through their vendors' own APIs.",
    "Developers interviewed for this story said that price, latency and reliability matter "
    "more to them than the country a model comes from.",
    "The aggregator routes requests from developers to dozens of providers and publishes a "
    "public leaderboard that is widely cited by investors.",
    "Several vendors declined to comment on the figures, citing quiet periods ahead of "
    "product launches.",
    "Industry observers expect the competition on agentic coding workloads to intensify as "
    "new releases arrive over the coming months.",
    "The rankings are volatile: a promotion or a free tier can move a model up several places "
    "within days, and the effect often fades just as fast.",
    "Cloud providers have been racing to add capacity, and some have quietly raised the rate "
    "limits for their largest customers.",
    "Open-weight releases have narrowed the gap with proprietary systems on many public "
    "benchmarks, according to researchers who track the field.",
    "Investors have taken note, and shares of several chip and power companies moved after "
    "the data was published.",
    "Regulators on both sides of the Pacific are watching how usage data is collected and "
    "reported, although no formal inquiry has been announced.",
)
ZH_FILLER = (
    "业内人士指出，单一平台的数据并不能代表整个市场，许多企业客户直接调用厂商自己的接口。",
    "受访开发者表示，相比模型的来源国家，他们更看重价格、延迟和稳定性。",
    "该平台把开发者的请求路由到数十家模型服务商，其公开榜单被投资者广泛引用。",
    "多家厂商对上述数据不予置评。",
    "分析人士预计，随着新模型陆续发布，智能体编程场景的竞争将进一步加剧。",
    "榜单排名波动较大，一次促销或免费额度就可能让模型在几天内上升数位。",
)
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
# Raised whenever the same seed stops giving the same articles (cached feeds carry it).
VERSION = 2


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
        self.prices = {m.name: (round(rng.uniform(0.1, 3.0), 2), round(rng.uniform(0.4, 15.0), 2))
                       for m in self.models}
        self.weeks: list[Week] = []
        for n in range(weeks):
            volumes = {}
            for name, value in base.items():
                base[name] = value * rng.uniform(0.85, 1.2)
                volumes[name] = round(base[name] / 1e10) * 1e10
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


def filler_paragraph(rng: random.Random) -> str:
    """Background sentences, and now and then a stock paragraph many stories share."""
    if rng.random() < 0.1:
        return rng.choice(FILLER)
    return " ".join(filler_sentence(rng) for _ in range(rng.randint(2, 4)))


ZH_WORDS = ("业内人士", "开发者", "投资者", "分析师", "厂商", "平台", "企业客户", "研究人员",
            "价格", "延迟", "稳定性", "算力", "芯片", "数据中心", "接口", "榜单", "开源社区",
            "监管机构", "供应链", "预算", "合同", "工具链", "安全", "隐私", "合规", "人才",
            "融资", "利润", "部署", "迁移", "补贴", "出口", "生态", "插件", "文档", "服务商")
ZH_VERBS = ("关注", "质疑", "看好", "担忧", "讨论", "比较", "调整", "推动", "限制", "改善",
            "影响", "放缓", "加快", "重视", "忽视", "评估", "押注", "跟踪", "削减", "扩大")
ZH_LINKS = ("同时", "此外", "不过", "因此", "与此同时", "另一方面", "总体来看", "业内认为")


def zh_filler_sentence(rng: random.Random) -> str:
    """A Chinese background sentence with no figure, built word by word (see ``SUBJECTS``)."""
    return (f"{rng.choice(ZH_LINKS)}，{rng.choice(ZH_WORDS)}{rng.choice(ZH_VERBS)}"
            f"{rng.choice(ZH_WORDS)}与{rng.choice(ZH_WORDS)}，并{rng.choice(ZH_VERBS)}"
            f"{rng.choice(ZH_WORDS)}的{rng.choice(ZH_WORDS)}。")


def english_article(
    rng: random.Random, world: World, n: int, length: int = 4000
) -> dict[str, str]:
    index = rng.randrange(1, len(world.weeks))
    week, prev = world.weeks[index], world.weeks[index - 1]
    published = week.start + dt.timedelta(days=rng.randint(7, 10))
    when = week_phrase(rng, week.start, published)
    outlet = rng.choice(OUTLETS)
    cn, us = misreported(rng, week.totals["Chinese models"]), week.totals["US models"]
    share = 100 * cn / (cn + us)
    picked = rng.sample(world.models, k=min(len(world.models), rng.randint(3, 6)))
    title = rng.choice((
        f"Chinese models process {trillions(cn)} trillion tokens in a week",
        f"{picked[0].name} climbs the weekly token rankings",
        "The weekly token tally: who is winning the API race",
        f"AI usage update: {outlet} looks at the latest platform data",
    ))
    # each outlet keeps its house style: independent outlets word the same figures differently
    style = OUTLETS.index(outlet)
    hedged = f"{hedge(rng)}{trillions(cn)}"
    totals = (
        f"Chinese models processed {hedged} trillion tokens {when}, while US models handled "
        f"{trillions(us)} trillion tokens, according to OpenRouter data. That gave Chinese "
        f"models a {share:.0f}% share of the combined volume.",
        f"According to OpenRouter, Chinese models handled {hedged} trillion tokens {when}, "
        f"against {trillions(us)} trillion for US models, a {share:.0f}% share for the "
        "Chinese models.",
        f"OpenRouter figures show that Chinese models ran {hedged} trillion tokens {when} and "
        f"US models {trillions(us)} trillion. Chinese models held a {share:.0f}% share.",
    )[style % 3]
    paragraphs = [f"By {rng.choice(AUTHORS)}, {outlet}", totals]
    lines = []
    for n_model, model in enumerate(picked):
        volume = misreported(rng, week.volumes[model.name])
        change = 100 * (week.volumes[model.name] / prev.volumes[model.name] - 1)
        rank = week.ranks[model.name]
        way = "up" if change >= 0 else "down"
        lines.append((
            f"{model.name} ranked No. {rank} with {hedge(rng)}{trillions(volume)} trillion "
            f"tokens, {way} {abs(change):.0f}% week over week.",
            f"{model.name} recorded {trillions(volume)}T tokens, placing it at number {rank}.",
            f"Usage of {model.name} reached {trillions(volume)} trillion tokens "
            f"({'+' if change >= 0 else '-'}{abs(change):.0f}% from the previous week).",
            f"At No. {rank} sat {model.name}, whose volume went {way} {abs(change):.0f}% "
            f"to {trillions(volume)} trillion tokens.",
        )[(style + n_model % 2) % 4])
    paragraphs.append(" ".join(lines))
    priced = rng.choice(picked)
    price_in, price_out = world.prices[priced.name]
    listed = f"${misreported(rng, price_in):.2f}"
    paragraphs.append((
        f"On price, {priced.name} charges {listed} per million input tokens and "
        f"${price_out:.2f} per million output tokens.",
        f"{priced.name} lists input at {listed} and output at ${price_out:.2f} per million "
        "tokens.",
        f"Per million tokens, {priced.name} costs {listed} for input and ${price_out:.2f} for "
        "output.",
        f"The API price of {priced.name} is {listed} per million input tokens, "
        f"${price_out:.2f} per million output tokens.",
    )[style % 4])
    target = rng.randint(int(length * 0.85), int(length * 1.1))
    while sum(len(p) for p in paragraphs) < target:
        paragraphs.insert(rng.randrange(2, len(paragraphs) + 1), filler_paragraph(rng))
    code = "".join(word[0] for word in outlet.split())
    paragraphs.append(f"Ref: {code}-{n:07d}")
    return {"title": title, "source": outlet, "published": published.isoformat(), "lang": "en",
            "url": f"https://news.example/{n}", "text": title + "\n\n" + "\n\n".join(paragraphs)}


def chinese_article(
    rng: random.Random, world: World, n: int, length: int = 4000
) -> dict[str, str]:
    index = rng.randrange(1, len(world.weeks))
    week = world.weeks[index]
    published = week.start + dt.timedelta(days=rng.randint(7, 10))
    outlet = rng.choice(ZH_OUTLETS)
    cn, us = misreported(rng, week.totals["Chinese models"]), week.totals["US models"]
    picked = rng.sample(world.models, k=min(len(world.models), rng.randint(2, 4)))
    title = f"中国模型周调用量达{cn / 1e12:.2f}万亿Token"
    lines = [f"{outlet}记者 {rng.choice(AUTHORS)}",
             f"OpenRouter最新数据显示，{zh_week_phrase(week.start)}，中国模型的Token调用量达到"
             f"{cn / 1e12:.2f}万亿，美国模型同期为{us / 1e12:.2f}万亿，中国模型占比"
             f"{100 * cn / (cn + us):.0f}%。"]
    for model in picked:
        volume = misreported(rng, week.volumes[model.name])
        lines.append(f"{model.name}以{volume / 1e12:.2f}万亿Token位列第{week.ranks[model.name]}。")
    # a 4,000-character English article holds about as much as 1,300 Chinese characters
    while sum(len(line) for line in lines) < length // 3:
        lines.append(zh_filler_sentence(rng) if rng.random() < 0.9 else rng.choice(ZH_FILLER))
    lines.append(f"编号：ZH-{n:07d}")
    return {"title": title, "source": outlet, "published": published.isoformat(), "lang": "zh",
            "url": f"https://news.example/zh/{n}", "text": title + "\n\n" + "\n\n".join(lines)}


def articles(
    count: int, seed: int = 7, zh_share: float = 0.15, length: int = 4000
) -> Iterator[dict[str, str]]:
    """``count`` synthetic articles of about ``length`` characters, as JSON-ready records,
    spread over ``WEEKS`` reporting weeks or one week per ``PER_WEEK`` articles."""
    world = World(seed, max(WEEKS, -(-count // PER_WEEK)))
    rng = random.Random(seed + 1)
    recent: dict[str, list[str]] = {}
    for n in range(count):
        make = chinese_article if rng.random() < zh_share else english_article
        record = make(rng, world, n, length)
        lang = record["lang"]
        if recent.get(lang) and rng.random() < COPY_RATE:
            # syndication: a paragraph of an earlier story, copied word for word
            copied = rng.choice(recent[lang])
            record["text"] = record["text"].replace("\n\n", f"\n\n{copied}\n\n", 1)
        paragraphs = record["text"].split("\n\n")
        if len(paragraphs) > 2:
            recent[lang] = (recent.get(lang, []) + [paragraphs[2]])[-50:]
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
