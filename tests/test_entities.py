"""Table-driven tests of the subject gazetteer: adding a phrasing is adding a row."""

from __future__ import annotations

import time

import pytest

from claimcheck.extract.entities import _gazetteer, entity, find_subjects, resolve_subject


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.canonical) for m in find_subjects(text)]


def _canonicals(text: str) -> set[str]:
    return {m.canonical for m in find_subjects(text)}


# --- resolve_subject: names as written -> canonical ----------------------------------------------

RESOLVED = [
    ("Dark Side of the Moon", "Moonshot AI"),
    ("the Dark Side of the Moon", "Moonshot AI"),
    ("Moonshot", "Moonshot AI"),
    ("Moonshot AI", "Moonshot AI"),
    ("Tongyi Qianwen", "Qwen"),
    ("Tongyi", "Qwen"),
    ("Tongyi Qianwen 3.5 - Plus", "Qwen 3.5 Plus"),
    ("Qwen3.5-Plus", "Qwen 3.5 Plus"),
    ("Qwen 3.5 Plus", "Qwen 3.5 Plus"),
    ("Qwen 3.6 Plus", "Qwen 3.6 Plus"),
    ("Qwen 3.5", "Qwen 3.5"),
    ("M2.5 of MiniMax", "MiniMax M2.5"),
    ("MiniMax's M2.5", "MiniMax M2.5"),
    ("MiniMax M2.5", "MiniMax M2.5"),
    ("MiniMax-M2.5", "MiniMax M2.5"),
    ("Moonshot AI's Kimi K2.5", "Kimi K2.5"),
    ("Kimi K2.5 of Dark Side of the Moon", "Kimi K2.5"),
    ("GLM - 5", "GLM-5"),
    ("GLM-5", "GLM-5"),
    ("GLM5", "GLM-5"),
    ("Zhipu GLM-5", "GLM-5"),
    ("GLM - 5 of Zhipu", "GLM-5"),
    ("Z.ai", "Zhipu AI"),
    ("DeepSeek's V3.2", "DeepSeek V3.2"),
    ("V3.2 of DeepSeek", "DeepSeek V3.2"),
    ("DeepSeek-V3.2", "DeepSeek V3.2"),
    ("Deepseek V3.2", "DeepSeek V3.2"),
    ("DeepSeek R1", "DeepSeek R1"),
    ("Claude Opus4.6", "Claude Opus 4.6"),
    ("Claude Opus 4.6", "Claude Opus 4.6"),
    ("Anthropic's Claude Opus 4.6", "Claude Opus 4.6"),
    ("GPT\u20114o", "GPT-4o"),  # non-breaking hyphen
    ("GPT\u20144o", "GPT-4o"),  # em dash
    ("gpt-4o", "GPT-4o"),
    ("Tencent Hunyuan 3.0", "Hunyuan 3.0"),
    ("Tencent Hunyuan\u202f3.0", "Hunyuan 3.0"),  # narrow no-break space
    ("Alibaba Qwen 3.6 Plus", "Qwen 3.6 Plus"),
    ("ByteDance Doubao", "Doubao"),
    ("Alibaba's Qwen", "Qwen"),
    ("Alibaba Cloud", "Alibaba"),
    ("Meta Llama 4", "Llama 4"),
    ("Google Gemini 2.5 Pro", "Gemini 2.5 Pro"),
    ("Huawei Pangu 5.0", "Pangu 5.0"),
    ("Grok 4", "Grok 4"),
    ("OpenRouter", "OpenRouter"),
    ("Chinese models", "Chinese models"),
    ("models of Chinese origin", "Chinese models"),
    ("Chinese-built models", "Chinese models"),
    ("domestic models", "Chinese models"),
    ("U.S. models", "US models"),
    ("American models", "US models"),
    ("top ten models", "top 10 models"),
    ("OpenRouter top 10 models", "OpenRouter top 10 models"),
    ("Chinese developers", "Chinese developers"),
    ("U.S. developers", "US developers"),
    ("M2.5", "MiniMax M2.5"),  # a lone unambiguous short alias given as a name
    # Chinese
    ("月之暗面", "Moonshot AI"),
    ("智谱", "Zhipu AI"),
    ("智谱AI", "Zhipu AI"),
    ("深度求索", "DeepSeek"),
    ("通义千问", "Qwen"),
    ("千问", "Qwen"),
    ("豆包", "Doubao"),
    ("混元", "Hunyuan"),
    ("阶跃星辰", "StepFun"),
    ("字节跳动", "ByteDance"),
    ("阿里巴巴", "Alibaba"),
    ("阿里", "Alibaba"),
    ("腾讯", "Tencent"),
    ("百度", "Baidu"),
    ("华为", "Huawei"),
    ("中国模型", "Chinese models"),
    ("国产模型", "Chinese models"),
    ("中国大模型", "Chinese models"),
    ("美国模型", "US models"),
    ("MiniMax的M2.5", "MiniMax M2.5"),
    ("智谱GLM-5", "GLM-5"),
    ("通义千问3.5-Plus", "Qwen 3.5 Plus"),
    ("ＧＬＭ－５", "GLM-5"),  # full-width forms
]


@pytest.mark.parametrize(("name", "canonical"), RESOLVED)
def test_resolve_subject(name: str, canonical: str) -> None:
    mention = resolve_subject(name)
    assert mention is not None
    assert mention.canonical == canonical
    assert (mention.start, mention.end, mention.text) == (0, len(name), name)


# --- lower confidence: near a known name ---------------------------------------------------------

APPROXIMATE = [
    ("DeepSeek V3.2-Exp", "DeepSeek V3.2"),
    ("Kimi K2.5 Thinking", "Kimi K2.5"),
    ("Deepsek", "DeepSeek"),
    ("Athropic", "Anthropic"),
    ("Moonshot A.I.", "Moonshot AI"),
]


@pytest.mark.parametrize(("name", "canonical"), APPROXIMATE)
def test_resolve_subject_approximately(name: str, canonical: str) -> None:
    mention = resolve_subject(name)
    assert mention is not None
    assert mention.canonical == canonical
    assert mention.confidence < 1.0


UNRESOLVED = [
    "Banana Republic",
    "Groq",  # a different company from Grok
    "step",  # a common word, not StepFun's series
    "the weather",
    "",
    "Qwen 3.5 Turbo Ultra Mega Max",  # a phrase, not a name
    "Chinese and US models",  # two subjects, not a misspelling of one
]


@pytest.mark.parametrize("name", UNRESOLVED)
def test_resolve_subject_unresolved(name: str) -> None:
    assert resolve_subject(name) is None


NEW_VERSIONS = [
    ("Qwen 3.7", "Qwen 3.7"),
    ("DeepSeek V5", "DeepSeek V5"),
    ("GLM-6", "GLM-6"),
    ("GPT 5.5", "GPT-5.5"),
    ("Claude Opus 4.7", "Claude Opus 4.7"),
]


@pytest.mark.parametrize(("name", "canonical"), NEW_VERSIONS)
def test_new_version_of_known_series_is_named_as_written(name: str, canonical: str) -> None:
    # versions never resolve fuzzily to a neighbouring version
    mention = resolve_subject(name)
    assert mention is not None
    assert mention.canonical == canonical
    assert mention.kind == "model"
    assert mention.confidence < 1.0


# --- find_subjects: spans and canonical names in running text ------------------------------------

FOUND = [
    (
        "Four of the top five most-called models were Chinese: MiniMax's M2.5, Moonshot AI's "
        "Kimi K2.5, DeepSeek's V3.2, and Zhipu AI's GLM-5.",
        [
            ("top five most-called models", "top 5 models"),
            ("MiniMax's M2.5", "MiniMax M2.5"),
            ("Moonshot AI's Kimi K2.5", "Kimi K2.5"),
            ("DeepSeek's V3.2", "DeepSeek V3.2"),
            ("Zhipu AI's GLM-5", "GLM-5"),
        ],
    ),
    (
        "namely M2.5 of MiniMax, Kimi K2.5 of Dark Side of the Moon, GLM - 5 of Zhipu, and "
        "V3.2 of DeepSeek.",
        [
            ("M2.5 of MiniMax", "MiniMax M2.5"),
            ("Kimi K2.5 of Dark Side of the Moon", "Kimi K2.5"),
            ("GLM - 5 of Zhipu", "GLM-5"),
            ("V3.2 of DeepSeek", "DeepSeek V3.2"),
        ],
    ),
    (
        "The ranking shows Tencent Hunyuan\u202f3.0 (3.2\u202ftrillion tokens), DeepSeek V4, "
        "Alibaba Qwen 3.6 Plus, GPT\u20114o and ByteDance Doubao.",
        [
            ("Tencent Hunyuan\u202f3.0", "Hunyuan 3.0"),
            ("DeepSeek V4", "DeepSeek V4"),
            ("Alibaba Qwen 3.6 Plus", "Qwen 3.6 Plus"),
            ("GPT\u20114o", "GPT-4o"),
            ("ByteDance Doubao", "Doubao"),
        ],
    ),
    (
        "models like MiniMax M2.5 and Zhipu GLM-5 are priced at $0.3. In contrast, Anthropic's "
        "Claude Opus 4.6 charges $5, while Claude Opus4.6 soars.",
        [
            ("MiniMax M2.5", "MiniMax M2.5"),
            ("Zhipu GLM-5", "GLM-5"),
            ("Anthropic's Claude Opus 4.6", "Claude Opus 4.6"),
            ("Claude Opus4.6", "Claude Opus 4.6"),
        ],
    ),
    (
        "models such as DeepSeek on the list and Alibaba's Tongyi Qianwen 3.5 - Plus",
        [
            ("DeepSeek", "DeepSeek"),
            ("Alibaba's Tongyi Qianwen 3.5 - Plus", "Qwen 3.5 Plus"),
        ],
    ),
    (
        "Alibaba's Qwen and DeepSeek; Alibaba's recently released Qwen 3.5 pushed prices lower.",
        [
            ("Alibaba's Qwen", "Qwen"),
            ("DeepSeek", "DeepSeek"),
            ("Alibaba", "Alibaba"),  # not merged across "recently released"
            ("Qwen 3.5", "Qwen 3.5"),
        ],
    ),
    (
        "Chinese models accounted for 61%, reaching 5.16 trillion compared to 2.7 trillion for "
        "U.S. models, while models of Chinese origin and Chinese-built large language models grew.",
        [
            ("Chinese models", "Chinese models"),
            ("U.S. models", "US models"),
            ("models of Chinese origin", "Chinese models"),
            ("Chinese-built large language models", "Chinese models"),
        ],
    ),
    (
        "U.S. developers constitute 47.17% of users, while Chinese developers represent 6.01%.",
        [("U.S. developers", "US developers"), ("Chinese developers", "Chinese developers")],
    ),
    (
        "Google announced that Gemini 2.5 Pro is open. New features include Gemini Live.",
        [("Google", "Google"), ("Gemini 2.5 Pro", "Gemini 2.5 Pro"), ("Gemini", "Gemini")],
    ),
    (
        "Moonshot AI's launch of KimiClaw saw the call volume for its Kimi K2.5 model surpass.",
        [("Moonshot AI", "Moonshot AI"), ("KimiClaw", "KimiClaw"), ("Kimi K2.5", "Kimi K2.5")],
    ),
    (
        "Meta released a Chinese-optimized Llama 4 edition with Zhipu; Huawei launched Pangu 5.0.",
        [
            ("Meta", "Meta"),
            ("Llama 4", "Llama 4"),
            ("Zhipu", "Zhipu AI"),
            ("Huawei", "Huawei"),
            ("Pangu 5.0", "Pangu 5.0"),
        ],
    ),
    # bare short alias: unambiguous and followed by "model", or near its vendor
    (
        "Specifically, the M2.5 model released by MiniMax topped the list.",
        [("M2.5", "MiniMax M2.5"), ("MiniMax", "MiniMax")],
    ),
    ("深度求索发布了V3.2模型", [("深度求索", "DeepSeek"), ("V3.2", "DeepSeek V3.2")]),
    # Chinese
    ("MiniMax的M2.5在榜首", [("MiniMax的M2.5", "MiniMax M2.5")]),
    ("智谱GLM-5的价格", [("智谱GLM-5", "GLM-5")]),
    ("月之暗面的Kimi K2.5调用量", [("月之暗面的Kimi K2.5", "Kimi K2.5")]),
    ("国产模型占比61%，美国模型仅", [("国产模型", "Chinese models"), ("美国模型", "US models")]),
    (
        "中国大模型和豆包、混元",
        [("中国大模型", "Chinese models"), ("豆包", "Doubao"), ("混元", "Hunyuan")],
    ),
    ("阿里巴巴旗下的通义千问3.5-Plus", [("阿里巴巴旗下的通义千问3.5-Plus", "Qwen 3.5 Plus")]),
    ("阶跃星辰和字节跳动", [("阶跃星辰", "StepFun"), ("字节跳动", "ByteDance")]),
    ("StepFun's Step 3 launched.", [("StepFun's Step 3", "Step 3")]),
    ("ByteDance Seed released", [("ByteDance Seed", "Doubao")]),
    # a new version of a known series, named as written
    (
        "Qwen3.7-Max and DeepSeek V5 shipped",
        [("Qwen3.7-Max", "Qwen 3.7 Max"), ("DeepSeek V5", "DeepSeek V5")],
    ),
    (
        'SenseTime\'s "Daily New" 6.0 module',
        [("SenseTime", "SenseTime"), ('Daily New" 6.0', "Daily New 6.0")],
    ),
    # identity suffixes keep the model, with a lower confidence
    ("DeepSeek V3.2-Exp is cheap", [("DeepSeek V3.2-Exp", "DeepSeek V3.2")]),
    ("the Kimi K2.5 thinking mode", [("Kimi K2.5", "Kimi K2.5")]),
    # suffix words attached to a name make a new model
    ("GLM-5-Air and GLM-4.5 Air", [("GLM-5-Air", "GLM-5-Air"), ("GLM-4.5 Air", "GLM-4.5-Air")]),
    ("Grok Code Fast 1 led", [("Grok Code Fast 1", "Grok Code Fast 1")]),
    (
        "Zhipu released the AutoGLM App Store",
        [("Zhipu", "Zhipu AI"), ("AutoGLM App Store", "AutoGLM App Store")],
    ),
    # a short form of a model named in full long before still names it
    (
        "MiniMax M2.5 led the chart." + " Filler words about the market." * 20
        + " M2.5 still topped the chart.",
        [("MiniMax M2.5", "MiniMax M2.5"), ("M2.5", "MiniMax M2.5")],
    ),
    # a versioned short form whose vendor the text names anywhere (here: after it)
    (
        "M2.5 still topped the chart." + " Filler words about the market." * 20
        + " MiniMax charges $0.30.",
        [("M2.5", "MiniMax M2.5"), ("MiniMax", "MiniMax")],
    ),
    # must not: a bare short form with neither its model nor its vendor in the text
    ("M2.5 still topped the chart.", []),
    # product-line names of a series
    ("Doubao Pro (ByteDance): input ¥0.8", [("Doubao Pro", "Doubao"), ("ByteDance", "ByteDance")]),
    ("豆包Pro降价", [("豆包Pro", "Doubao")]),
    # groups and aliases of round 2
    ("cheap open-source models", [("open-source models", "open-source models")]),
    ("使用了中国开源模型", [("中国开源模型", "Chinese models")]),  # the longer alias wins
    ("约80%的美国AI创业公司", [("美国AI创业公司", "US AI startups")]),
    ("We estimate China's model-API market", [("China's model-API market", "Chinese AI industry")]),
    ("用户里美国人占了", [("美国人", "US developers")]),  # weak alias
    ("海外开发者为主", [("海外开发者", "Overseas developers")]),
    # definite descriptions stand for the nearest earlier subject of their kind
    (
        "MiniMax listed in Hong Kong. Its app Talkie grew. The company reported revenue.",
        [("MiniMax", "MiniMax"), ("Talkie", "Talkie"), ("The company", "MiniMax")],
    ),
    ("OpenRouter数据显示。该平台拥有超过500万开发者用户", [("OpenRouter", "OpenRouter"),
                                                      ("该平台", "OpenRouter")]),
    # must not: a place or a possessor is left alone
    ("OpenRouter grew. Chinese models processed 5T tokens on the platform.",
     [("OpenRouter", "OpenRouter"), ("Chinese models", "Chinese models")]),
    (
        "OpenRouter grew. The platform's top ten models",
        [("OpenRouter", "OpenRouter"), ("top ten models", "OpenRouter top 10 models")],
    ),
    # must not: no earlier subject of the kind
    ("The company reported revenue.", []),
    # a group whose head noun is written once, after the last of them
    ("Chinese and US models", [("Chinese", "Chinese models"), ("US models", "US models")]),
    ("Chinese/American models", [("Chinese", "Chinese models"), ("American models", "US models")]),
    ("Chinese vs. US models", [("Chinese", "Chinese models"), ("US models", "US models")]),
    # must not: no such group ("China models"), or a name of its own before the conjunction
    ("China and US models", [("US models", "US models")]),
    ("Google and US models", [("Google", "Google"), ("US models", "US models")]),
    # a nationality, describing words, a group noun (entity_rules.json group_describers)
    (
        "Chinese artificial intelligence models beat their U.S. counterparts and American "
        "frontier AI models.",
        [
            ("Chinese artificial intelligence models", "Chinese models"),
            ("U.S. counterparts", "US models"),
            ("American frontier AI models", "US models"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_find_subjects(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


PLATFORM_RELATIVE = [
    ("The top ten models on OpenRouter used 28.7 trillion.", "OpenRouter top 10 models"),
    ("The top ten models used 28.7 trillion tokens.", "top 10 models"),
    ("OpenRouter data: 85.7% of the total call volume of the Top 5", "OpenRouter top 5 models"),
    ("Among the top five models in call volume, on OpenRouter", "OpenRouter top 5 models"),
    ("Among the top five models in call volume", "top 5 models"),
]


@pytest.mark.parametrize(("text", "canonical"), PLATFORM_RELATIVE)
def test_top_n_groups_follow_the_platform(text: str, canonical: str) -> None:
    groups = [m.canonical for m in find_subjects(text) if m.kind == "group"]
    assert groups == [canonical]


UNKNOWN_PRODUCTS = [
    ("The top apps are AutoResearcher Pro (52 k downloads)", "AutoResearcher Pro"),
    ("Deep Research 2.0 (cross-validation across 50+ sources)", "Deep Research 2.0"),
    # a capitalized name with a version, letter-version, size or tier tag
    ("Nova Pro 2 recorded 0.5T tokens, placing it at number 7.", "Nova Pro 2"),
    ("Zeta-9B ranked No. 9 with 0.2 trillion tokens.", "Zeta-9B"),
    ("Orion V2 led the chart.", "Orion V2"),
    ("In the chart, Zeta 3 ranked third.", "Zeta 3"),
    # after a known vendor the name starts past it
    ("Amazon's Nova 2 rose.", "Nova 2"),
]


@pytest.mark.parametrize(("text", "canonical"), UNKNOWN_PRODUCTS)
def test_unknown_products_next_to_a_version(text: str, canonical: str) -> None:
    unknown = [m for m in find_subjects(text) if m.kind == "unknown"]
    assert [(m.canonical, m.confidence) for m in unknown] == [(canonical, 0.5)]
    assert unknown[0].vendor is None


# --- must not match ------------------------------------------------------------------------------

NOT_SUBJECTS = [
    ("Chinese regulators said models must be registered.", "Chinese models"),
    ("Follow the steps below.", "Step"),
    ("Step 1: install the package.", "Step"),
    ("Step 3: restart.", "Step 3"),
    ("KimiClaw is a deployment tool.", "Kimi"),
    ("The metadata is stored.", "Meta"),
    ("A Meta-analysis of studies.", "Meta"),
    ("grokking is a training phenomenon", "Grok"),
    ("Seed funding rounds grew.", "Doubao"),
    ("The M2 chip from Apple is fast.", "MiniMax M2"),
    ("Our moonshot project.", "Moonshot AI"),
    ("daily new users", "SenseNova"),
    ("DeepSeek 14.37 trillion tokens", "DeepSeek 14.37"),
    ("Kimi 100 users", "Kimi 100"),
    ("Qwen 2025 report", "Qwen 2025"),
    ("GPT-4.1 is new", "GPT-4"),
    ("Qwen 3.5 Plus", "Qwen 3.5"),
    ("Qwen 3.6 Plus", "Qwen 3"),
    ("In March 2026 Version 2.0 shipped; Figure 3.5 shows", "Version 2.0"),
    ("Growth 2.5 trillion tokens", "Growth 2.5"),
    ("SmartCoder (48 k, code generation)", "SmartCoder"),
    ("four of the top five spots", "top 5 models"),
    # numbered ordinary words, dates and figures are no product names
    ("In March 3 models launched", "March 3"),
    ("Week 7 saw a record", "Week 7"),
    ("Section 2 says so", "Section 2"),
    ("Another 5 models joined", "Another 5"),
    ("Insights 11 min read", "Insights 11"),
    ("Monday 3 March", "Monday 3"),
    ("Nova 2,000 users", "Nova 2"),
    ("Reuters 2 hours ago", "Reuters 2"),
    ("Programmer 30 % (Q1 2027)", "Programmer 30"),
]


@pytest.mark.parametrize(("text", "canonical"), NOT_SUBJECTS)
def test_must_not_match(text: str, canonical: str) -> None:
    assert canonical not in _canonicals(text)


# a short alias written as a product name counts without its vendor nearby
SHORT_AS_PRODUCT = [
    ("Step 3 ranked third with 1.1 trillion tokens.", "Step 3"),
    ("Opus 4.6 led the chart.", "Claude Opus 4.6"),
]


@pytest.mark.parametrize(("text", "canonical"), SHORT_AS_PRODUCT)
def test_short_alias_written_as_a_product_name(text: str, canonical: str) -> None:
    assert _canonicals(text) == {canonical}


# must NOT: a numbered step, lower case, a bare short alias
@pytest.mark.parametrize(
    "text", ["Step 3: configure the key.", "take step 3 now", "opus 4.6 led", "the M2.5 chip"]
)
def test_short_alias_not_written_as_a_product_name(text: str) -> None:
    assert find_subjects(text) == []


@pytest.mark.parametrize(
    "text", ["Q3 2025 and Top 10 and GPT-4o and Reuters", "iPhone 15 Pro Max", "COVID-19 cases"]
)
def test_no_unknown_product_name(text: str) -> None:
    assert [m for m in find_subjects(text) if m.kind == "unknown"] == []


def test_no_unknown_subject_from_dates_and_figures() -> None:
    text = "In March 2026, Chapter 2.1 and Table 3.4 list 68.5% and Q2 2026 figures."
    assert [m for m in find_subjects(text) if m.kind == "unknown"] == []


# --- offsets and invariants ----------------------------------------------------------------------


def test_offsets_index_the_original_text() -> None:
    text = (
        "Ｑｗｅｎ３.５ and GPT\u20114o and Tencent\u00a0Hunyuan\u202f3.0 and 智谱ＧＬＭ－５ and "
        "DeepSeek\u2019s V3.2 and İstanbul Kimi"
    )
    mentions = find_subjects(text)
    assert [m.canonical for m in mentions] == [
        "Qwen 3.5",
        "GPT-4o",
        "Hunyuan 3.0",
        "GLM-5",
        "DeepSeek V3.2",
        "Kimi",
    ]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text


def test_mentions_are_ordered_and_disjoint() -> None:
    text = "MiniMax M2.5, Kimi K2.5 of Moonshot AI, AutoResearcher Pro and 国产模型 " * 20
    mentions = find_subjects(text)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))


def test_mention_carries_vendor_and_country() -> None:
    (mention,) = find_subjects("Zhipu GLM-5")
    assert (mention.kind, mention.vendor, mention.country) == ("model", "Zhipu AI", "CN")


@pytest.mark.parametrize(
    ("canonical", "kind"),
    [
        ("Moonshot AI", "vendor"),
        ("Kimi K2.5", "model"),
        ("OpenRouter", "platform"),
        ("Chinese models", "group"),
        ("AutoGLM", "product"),
    ],
)
def test_entity(canonical: str, kind: str) -> None:
    entry = entity(canonical)
    assert entry is not None
    assert entry["name"] == canonical
    assert entry["kind"] == kind


def test_entity_unknown() -> None:
    assert entity("Not A Model") is None


# --- the gazetteer itself ------------------------------------------------------------------------

SPEC_CANONICALS = [
    "Chinese models",
    "US models",
    "OpenRouter top 10 models",
    "OpenRouter top 5 models",
    "OpenRouter",
    "Chinese developers",
    "US developers",
    "Chinese AI industry",
    "MiniMax",
    "Moonshot AI",
    "Zhipu AI",
    "DeepSeek",
    "Alibaba",
    "ByteDance",
    "Tencent",
    "StepFun",
    "Baidu",
    "Huawei",
    "SenseTime",
    "Xiaomi",
    "OpenAI",
    "Anthropic",
    "Google",
    "Meta",
    "xAI",
    "Mistral AI",
    "Nvidia",
    "MiniMax M2",
    "MiniMax M2.5",
    "Kimi K2",
    "Kimi K2.5",
    "Kimi",
    "GLM-4.5",
    "GLM-5",
    "AutoGLM",
    "DeepSeek V3",
    "DeepSeek V3.2",
    "DeepSeek V4",
    "DeepSeek R1",
    "Qwen",
    "Qwen 3.5",
    "Qwen 3.5 Plus",
    "Qwen 3.6 Plus",
    "Doubao",
    "Hunyuan",
    "Hunyuan 3.0",
    "Step",
    "GPT-4o",
    "GPT-5",
    "Claude",
    "Claude Opus 4.6",
    "Gemini",
    "Gemini 2.5 Pro",
    "Llama",
    "Llama 4",
    "Grok",
    "Grok 4",
    "Pangu 5.0",
    "ERNIE",
]


@pytest.mark.parametrize("canonical", SPEC_CANONICALS)
def test_canonical_names_exist(canonical: str) -> None:
    assert entity(canonical) is not None


def test_full_aliases_name_one_entry_each() -> None:
    clashes = {
        key: {r.entry for r in refs if not r.short}
        for key, refs in _gazetteer().lexicon.items()
        if len({r.entry for r in refs if not r.short}) > 1
    }
    assert clashes == {}


def test_entries_are_well_formed() -> None:
    entries = _gazetteer().entries
    for entry in entries.values():
        assert entry["kind"] in {"model", "vendor", "group", "platform", "product", "country"}
        if entry["kind"] == "country":
            # a country is a subject only as a possessor ("China's token consumption"): the bare
            # name is a place ("billed in China") and is no alias
            assert entry["aliases"] and all("'" in a or "’" in a for a in entry["aliases"])
        else:
            assert entry["name"] in entry["aliases"] or entry["name"] in entry.get("short", [])
        assert entry["vendor"] is None or entries[entry["vendor"]]["kind"] == "vendor"
        assert entry.get("family") is None or entry["family"] in entries
        for target in entry.get("platform_variant", {}).values():
            assert target in entries


# --- speed ---------------------------------------------------------------------------------------

PATHOLOGICAL = [
    "1" * 50000,
    "$" * 50000,
    "1." * 20000,
    "(" * 20000,
    "trillion " * 10000,
    "Qwen " * 10000,
    "GLM - " * 10000,
    "M2.5 " * 10000,
    "MiniMax's " * 10000,
    "AutoResearcher " * 10000,
    "Abc Abc 1.1 " * 5000,
    "-" * 50000,
    " " * 50000,
]


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=lambda t: repr(t[:12]))
def test_pathological_inputs_are_fast(text: str) -> None:
    started = time.perf_counter()
    find_subjects(text)
    assert time.perf_counter() - started < 1.0


def test_throughput() -> None:
    text = (
        "According to OpenRouter, Chinese models processed 4.12\u202ftrillion tokens, while US "
        "models processed 2.94 trillion. MiniMax M2.5, Kimi K2.5, Zhipu GLM-5, DeepSeek V3.2 hold "
        "four of the top five spots; the price of Claude Opus4.6 is $5 per million tokens. "
        "国产模型的调用量首次超过美国模型，MiniMax的M2.5位列第一。"
    ) * 1000
    find_subjects(text[:1000])  # build the gazetteer outside the timing
    started = time.perf_counter()
    find_subjects(text)
    assert len(text) / (time.perf_counter() - started) > 300_000


COMMON_WORDS_AFTER_A_SERIES = [
    ("Qwen large models are popular", "Qwen"),
    ("DeepSeek small models", "DeepSeek"),
    ("Kimi fast growth", "Kimi"),
]


@pytest.mark.parametrize(("text", "canonical"), COMMON_WORDS_AFTER_A_SERIES)
def test_adjectives_after_a_series_are_not_model_tiers(text: str, canonical: str) -> None:
    (mention,) = find_subjects(text)
    assert (mention.canonical, mention.confidence) == (canonical, 1.0)


def test_spark_the_verb_is_not_a_model() -> None:
    assert find_subjects("The launch could spark a price war. Spark plugs.") == []
