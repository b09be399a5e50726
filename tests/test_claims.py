"""Claim assembly, table-driven: a sentence -> the claims it makes (kind, subject, value, unit)."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck import extract
from claimcheck.models import Claim


def _facts(claims: list[Claim]) -> set[tuple[str, str, float, str]]:
    return {(c.kind, c.subject, round(c.value, 4), c.unit) for c in claims}


CASES = [
    # "据悉" (it is learned) is not "据" (according to): the platform stays the subject
    (
        "据悉，OpenRouter平台目前拥有超过500万开发者用户。",
        {("quantity", "OpenRouter", 5e6, "count")},
    ),
    # a subject after "for" a few words on: "developers now pay for GLM-5"
    (
        "More than 120,000 developers now pay for GLM-5.",
        {("quantity", "GLM-5", 120000, "count")},
    ),
    # anaphora after a sentence naming a model and a partner vendor: the model
    (
        "Meta launched its Llama 4 edition in partnership with Zhipu. It reached 68.5 % accuracy.",
        {("quantity", "Llama 4", 68.5, "%")},
    ),
    # anaphora after a sentence naming only an unknown feature: the paragraph's known model
    (
        "Google made Gemini 2.5 Pro free. New features include Deep Research 2.0 and Canvas. "
        "Pricing: input $0.002 per k token.",
        {("price", "Gemini 2.5 Pro", 2.0, "USD/1M tokens")},
    ),
    # ... but an unknown name carries when the paragraph names no known model
    (
        "Google launched Deep Research 2.0. Pricing: input $0.002 per k token.",
        {("price", "Deep Research 2.0", 2.0, "USD/1M tokens")},
    ),
    # "A为X，约为B（Y）的N倍": A is N times B, whatever stands in brackets after B
    (
        "Claude Opus 4.6为25美元/百万tokens，约为GLM-5（2.55美元/百万tokens）的9.8倍。",
        {("price", "Claude Opus 4.6", 25, "USD/1M tokens"),
         ("price", "GLM-5", 2.55, "USD/1M tokens"), ("change", "Claude Opus 4.6", 9.8, "x")},
    ),
    # a half is a part of some whole
    (
        "“超过一半的大模型调用是通过便宜的开源模型完成的。”",
        {("share", "open-source models", 50, "%")},
    ),
    (
        "The ranking shows Tencent Hunyuan 3.0 (3.2 trillion tokens, +45 % week-over-week), "
        "DeepSeek V4 (2.8 trillion, +33 %).",
        {
            ("token_volume", "Hunyuan 3.0", 3.2e12, "tokens"),
            ("change", "Hunyuan 3.0", 45, "%"),
            ("token_volume", "DeepSeek V4", 2.8e12, "tokens"),
            ("change", "DeepSeek V4", 33, "%"),
        },
    ),
    (
        "In the process of models processing input information (Input), the prices of M2.5 of "
        "MiniMax and GLM - 5 of Zhipu are both $0.3 per million Tokens. In contrast, the price "
        "of Claude Opus4.6 is as high as $5 per million Tokens, about 16.7 times that of these "
        "two Chinese models.",
        {
            ("price", "MiniMax M2.5", 0.3, "USD/1M tokens"),
            ("price", "GLM-5", 0.3, "USD/1M tokens"),
            ("price", "Claude Opus 4.6", 5, "USD/1M tokens"),
            ("change", "Claude Opus 4.6", 16.7, "x"),
        },
    ),
    (
        "Pricing was cut by 33 %: input $0.002 per k token, output $0.008 per k token for "
        "Gemini 2.5 Pro.",
        {
            ("price", "Gemini 2.5 Pro", 2.0, "USD/1M tokens"),
            ("price", "Gemini 2.5 Pro", 8.0, "USD/1M tokens"),
        },
    ),
    (
        "Chinese models processed 4.12 trillion tokens, while US models processed 2.94 trillion.",
        {
            ("token_volume", "Chinese models", 4.12e12, "tokens"),
            ("token_volume", "US models", 2.94e12, "tokens"),
        },
    ),
    (
        "Chinese models officially surpassed US models with an astonishing call volume of 4.12 "
        "trillion Tokens, compared with 2.94 trillion Tokens of US models during the same period.",
        {
            ("token_volume", "Chinese models", 4.12e12, "tokens"),
            ("token_volume", "US models", 2.94e12, "tokens"),
        },
    ),
    (
        "For the week of February 16-22, 2026, Chinese models accounted for 61% of global calls "
        "on the platform.",
        {("share", "Chinese models", 61, "%")},
    ),
    (
        "Four of the top five most-called models were Chinese: MiniMax's M2.5, Moonshot AI's "
        "Kimi K2.5, DeepSeek's V3.2, and Zhipu AI's GLM-5.",
        {("ranking", "Chinese models", 5, "rank")},
    ),
    (
        "The top three spots are MiniMax M2.5, Kimi K2.5 and GLM-5.",
        {
            ("ranking", "MiniMax M2.5", 1, "rank"),
            ("ranking", "Kimi K2.5", 2, "rank"),
            ("ranking", "GLM-5", 3, "rank"),
        },
    ),
    (
        "Alibaba Qwen's total token call volume ranks second globally, second only to DeepSeek.",
        {("ranking", "Qwen", 2, "rank"), ("ranking", "DeepSeek", 1, "rank")},
    ),
    (
        "Weekly token usage of Chinese models reached 9.8 × 10^13 tokens, surpassing the US for "
        "the fifth consecutive week.",
        {
            ("token_volume", "Chinese models", 9.8e13, "tokens"),
            ("streak", "Chinese models", 5, "weeks"),
        },
    ),
    (
        "DeepSeek cut input prices for V3.2 by 50%.",
        {("change", "DeepSeek V3.2", -50, "%")},
    ),
    (
        "Electricity costs are estimated at 30-40% below U.S. levels.",
        set(),  # a range is not one figure to check
    ),
    (
        "| Rank | Model | Vendor | Tokens (week) | Change WoW |\n"
        "| 1 | MiniMax M2.5 | MiniMax | 2.31T | +10% |",
        {
            ("ranking", "MiniMax M2.5", 1, "rank"),
            ("token_volume", "MiniMax M2.5", 2.31e12, "tokens"),
            ("change", "MiniMax M2.5", 10, "%"),
        },
    ),
    # Chinese
    (
        "就在前一周（2月9日至15日），中国模型以4.12万亿Token的周调用量首次超过美国模型的2.94万亿Token。",
        {
            ("token_volume", "Chinese models", 4.12e12, "tokens"),
            ("token_volume", "US models", 2.94e12, "tokens"),
        },
    ),
    (
        "阿里新发布的Qwen 3.5输入价格约为0.11美元/百万tokens，约为谷歌Gemini的十八分之一。",
        {("price", "Qwen 3.5", 0.11, "USD/1M tokens"), ("change", "Qwen 3.5", 0.0556, "x")},
    ),
    (
        "前五名中有四个是国产模型：MiniMax的M2.5、月之暗面的Kimi K2.5、智谱GLM-5和DeepSeek V3.2。",
        {("ranking", "Chinese models", 5, "rank")},
    ),
    (
        "MiniMax M2.5位列第一，Kimi K2.5排名第二。",
        {("ranking", "MiniMax M2.5", 1, "rank"), ("ranking", "Kimi K2.5", 2, "rank")},
    ),
    # shares: the subject is the part, not the whole it is "of"
    (
        "Overseas developers accounted for 58% of DeepSeek API tokens billed in February.",
        {("share", "Overseas developers", 58, "%")},  # outside the gazetteer: as written
    ),
    (
        "Roughly 47% of OpenRouter's users are American and only about 6% are Chinese.",
        {("share", "US developers", 47, "%"), ("share", "Chinese developers", 6, "%")},
    ),
    (
        "US developers account for about 47% of OpenRouter's users and Chinese developers "
        "for about 6%.",
        {("share", "US developers", 47, "%"), ("share", "Chinese developers", 6, "%")},
    ),
    (
        "Four of the top five most-called models were Chinese: MiniMax M2.5, Kimi K2.5, GLM-5 "
        "and DeepSeek V3.2. These four models together contributed 85.7% of the total call "
        "volume of the Top 5.",
        {("ranking", "Chinese models", 5, "rank"), ("share", "Chinese models", 85.7, "%")},
    ),
    (
        "ByteDance's Gauthmath, which captured 47% of the U.S. photo-based math solver market, "
        "is an example.",
        {("share", "Gauthmath", 47, "%")},
    ),
    (
        # the whole is nobody's named here, and not the part's subject's
        "Chinese models took 7.1 trillion of the 11.3 trillion tokens, a 72% share.",
        {
            ("token_volume", "Chinese models", 7.1e12, "tokens"),
            ("share", "Chinese models", 72, "%"),
        },
    ),
    (
        "斯坦福大学的报告显示，中国开发者贡献了Hugging Face平台17.1%的下载量，"
        "略高于美国开发者的15.8%。",
        {("share", "Chinese developers", 17.1, "%"), ("share", "US developers", 15.8, "%")},
    ),
    (
        "2025年下半年千问份额达32.1%；豆包与DeepSeek分别为21.3%和18.4%。",
        {
            ("share", "Qwen", 32.1, "%"),
            ("share", "Doubao", 21.3, "%"),
            ("share", "DeepSeek", 18.4, "%"),
        },
    ),
    (
        "Reports also suggest approximately 80% of U.S. AI startups use Chinese open-source "
        "models.",
        {("share", "US AI startups", 80, "%")},  # the population counted is the part
    ),
    (
        "据悉，OpenRouter平台上，其中美国用户占比47.17%，中国开发者占比6.01%。",
        {
            ("share", "US developers", 47.17, "%"),
            ("share", "Chinese developers", 6.01, "%"),
        },
    ),
    # quantities: a name with its figure in parentheses, outside the gazetteer too
    (
        "Potential investors include Saudi Arabia's PIF (US$5 billion) and Sequoia Capital "
        "(US$1 billion).",
        {("quantity", "PIF", 5e9, "USD"), ("quantity", "Sequoia Capital", 1e9, "USD")},
    ),
    (
        "Pangu 5.0 is used in electronics yield prediction (+8 % yield).",
        {("change", "Pangu 5.0", 8, "%")},  # must NOT take the lower-case description
    ),
    # changes: the cut named after the figure, an elided verb
    (
        "DeepSeek's update cuts input prices by 52%, cache-hit prices by 50% and output "
        "prices by 35%.",
        {
            ("change", "DeepSeek", -52, "%"),
            ("change", "DeepSeek", -50, "%"),
            ("change", "DeepSeek", -35, "%"),
        },
    ),
    (
        "DeepSeek's 50% overnight discount is the clearest example.",
        {("change", "DeepSeek", -50, "%")},
    ),
    # shares without a share verb: the owner of 'share', a list of shares
    (
        "Chinese models have now led U.S. models for three weeks in a row, and their share of "
        "the combined volume of the two groups reached 61% last week.",
        {("share", "Chinese models", 61, "%"), ("streak", "Chinese models", 3, "weeks")},
    ),
    (
        "Gartner issued a forecast. Predicted replacement rates by role include: Customer "
        "Service Rep 50 % (Q2 2026), Data Analyst 35 % (Q3 2026).",
        {("share", "Customer Service Rep", 50, "%"), ("share", "Data Analyst", 35, "%")},
    ),
    (
        "Chinese models' share of combined volume on OpenRouter:\n  week of March 2–8: 56.9%\n"
        "  last week: 60.1%\n",
        {("share", "Chinese models", 56.9, "%"), ("share", "Chinese models", 60.1, "%")},
    ),
    (
        "Over 50% of large model calls are completed via cheap open-source models.",
        {("share", "open-source models", 50, "%")},
    ),
    ("约80%的美国AI创业公司在开发中使用了中国开源模型。", {("share", "US AI startups", 80, "%")}),
    (
        "OpenRouter的用户里美国人占了快一半（47%左右），中国开发者只有6%出头。",
        {("share", "US developers", 47, "%"), ("share", "Chinese developers", 6, "%")},
    ),
    # must NOT: accuracies listed after a colon are not shares ('accuracies' names no share)
    (
        "Daily New 6.0 scored well. Specific disease accuracies: lung nodule detection 96.2 %.",
        {("quantity", "Daily New 6.0", 96.2, "%")},
    ),
    # quantities: counts of users, definite descriptions
    (
        "MiniMax listed in January. Its app Talkie has about 30 million monthly active users. "
        "The company reported revenue of US$78 million for Q4 2025.",
        {("quantity", "Talkie", 3e7, "count"), ("quantity", "MiniMax", 7.8e7, "USD")},
    ),
    # a bare number counts what its neighbour counts; a scaled number alone in parentheses
    (
        "New roles projected: AI trainers (+800 k), AI‑ops engineers (+500 k).",
        {("quantity", "AI trainers", 8e5, "count"), ("quantity", "AI‑ops engineers", 5e5, "count")},
    ),
    (
        "Gemini 2.5 Pro doubled the free daily quota from 50 to 100 calls.",
        {
            ("quantity", "Gemini 2.5 Pro", 50, "count"),
            ("quantity", "Gemini 2.5 Pro", 100, "count"),
            ("change", "Gemini 2.5 Pro", 2, "x"),
        },
    ),
    # must NOT: a scaled number in parentheses with more after it is not a lone count
    ("Kimi K2.5 (2.8 trillion, +33 %) led.", {("change", "Kimi K2.5", 33, "%")}),
    (
        "We estimate China's model-API market at CNY 18.5 billion in 2025.",
        {("quantity", "Chinese AI industry", 1.85e10, "CNY")},
    ),
    ("Costs rise 15-20 % for US models.", set()),  # must NOT: a range is not a claim
    # a growth rate named a few words before its percent makes it a change; a country as
    # possessor is the subject when nothing else is named
    (
        "It is estimated that from 2025 to 2030, the annual compound growth rate of China's "
        "Token consumption will reach an astonishing 330%, achieving a 370 - fold increase in "
        "just five years.",
        {("change", "China", 330, "%"), ("change", "China", 370, "x")},
    ),
    ("中国模型Token消费的年复合增长率将达到330%。", {("change", "Chinese models", 330, "%")}),
    # must NOT: the rate noun is another predicate's, or the first figure's
    (
        "The growth rate of Kimi K2.5 slowed in 2025 as its accuracy reached 95%.",
        {("quantity", "Kimi K2.5", 95, "%")},
    ),
    (
        "The growth rate of Kimi K2.5 is 40%, and its accuracy is 95%.",
        {("change", "Kimi K2.5", 40, "%"), ("quantity", "Kimi K2.5", 95, "%")},
    ),
    # a country's volume is its models' group's; must NOT: a country named in passing is no
    # subject when another is named
    (
        "China's weekly token volume reached 4.12 trillion tokens.",
        {("token_volume", "Chinese models", 4.12e12, "tokens")},
    ),
    (
        "The Doubao chatbot app ranked No. 1 among China's AI chat apps in February with 172 "
        "million monthly active users.",
        {("ranking", "Doubao", 1, "rank"), ("quantity", "Doubao", 1.72e8, "count")},
    ),
    # a change named right after its percent, then whose it is ("a 25% slide ... for X");
    # must NOT: a subject before it keeps the change ("for" names a beneficiary)
    (
        "That is a 25% slide in a single week for Chinese models.",
        {("change", "Chinese models", -25, "%")},
    ),
    ("Zhipu AI announced a 50% cut for Chinese developers.", {("change", "Zhipu AI", -50, "%")}),
    # "processed by the two groups": the two subjects named last, together
    (
        "Chinese models processed 7.1 trillion tokens, against 4.2 trillion for U.S. models. "
        "Chinese models took 7.1 trillion of the 11.3 trillion tokens processed by the two "
        "groups, a 72% share.",
        {
            ("token_volume", "Chinese models", 7.1e12, "tokens"),
            ("token_volume", "US models", 4.2e12, "tokens"),
            ("token_volume", "Chinese and US models", 1.13e13, "tokens"),
            ("share", "Chinese models", 72, "%"),
        },
    ),
    # must NOT: with one subject named there is no pair (and the whole is not the part's)
    (
        "Chinese models took 7.1 trillion of the 11.3 trillion tokens processed by the two groups.",
        {("token_volume", "Chinese models", 7.1e12, "tokens")},
    ),
    # "led ... for five weeks" is a streak
    (
        "Chinese AI models have led global token usage for five weeks.",
        {("streak", "Chinese models", 5, "weeks")},
    ),
    ("The app has been available for five weeks.", set()),  # must NOT: no lead verb
    ("Kimi K2.5 raises efficiency by 3 to 10 times.", set()),  # must NOT: a range
    # a bare number counts what the measure named before it in its clause measures (Chinese
    # puts the measure first): tokens, not a count
    (
        "截至3月初，国产模型在国内平台的日均Token调用量已经超过一百四十亿。",
        {("token_volume", "Chinese models", 1.4e10, "tokens")},
    ),
    ("中国模型的周调用量为三万亿。", {("token_volume", "Chinese models", 3e12, "tokens")}),
    (
        "DeepSeek's daily token usage reached 14,000,000,000.",
        {("token_volume", "DeepSeek", 1.4e10, "tokens")},
    ),
    # must NOT: the measure is named in another clause
    (
        "Token调用量最高的中国模型，用户数已超过三亿。",
        {("quantity", "Chinese models", 3e8, "count")},
    ),
    # a product-like name the gazetteer does not know (or knows only next to its vendor) is
    # the subject of its sentence, not the previous sentence's subject
    (
        "Grok 4 ranked No. 2 with 1.5 trillion tokens. Step 3 ranked No. 3 with 1.1 trillion "
        "tokens.",
        {("ranking", "Grok 4", 2, "rank"), ("token_volume", "Grok 4", 1.5e12, "tokens"),
         ("ranking", "Step 3", 3, "rank"), ("token_volume", "Step 3", 1.1e12, "tokens")},
    ),
    (
        "Grok 4 ranked No. 2 with 1.5 trillion tokens. Nova Pro 2 recorded 0.5 trillion tokens.",
        {("ranking", "Grok 4", 2, "rank"), ("token_volume", "Grok 4", 1.5e12, "tokens"),
         ("token_volume", "Nova Pro 2", 5e11, "tokens")},
    ),
    # ... and its size tag is no figure
    (
        "Grok 4 ranked No. 2 with 1.5 trillion tokens. Zeta-9B ranked No. 9 with 0.2 trillion "
        "tokens.",
        {("ranking", "Grok 4", 2, "rank"), ("token_volume", "Grok 4", 1.5e12, "tokens"),
         ("ranking", "Zeta-9B", 9, "rank"), ("token_volume", "Zeta-9B", 2e11, "tokens")},
    ),
    # a change named right after its percent ("2% down", "a 5% move down"), a rank by place
    (
        "Ling-1T processed 0.4 trillion tokens, which was 23rd place and 2% down on the week.",
        {("token_volume", "Ling-1T", 4e11, "tokens"), ("ranking", "Ling-1T", 23, "rank"),
         ("change", "Ling-1T", -2, "%")},
    ),
    (
        "Usage of ERNIE X1 reached 2.32 trillion tokens after a 5% move down, good for No. 14.",
        {("token_volume", "ERNIE X1", 2.32e12, "tokens"), ("change", "ERNIE X1", -5, "%"),
         ("ranking", "ERNIE X1", 14, "rank")},
    ),
    ("Grok 4 traffic was 17% higher than a week before.", {("change", "Grok 4", 17, "%")}),
    # the whole a part is taken from is the platform's (named after it, or the article's), or
    # nobody's: not the part's subject
    (
        "Chinese models accounted for 47% of the 12.5 trillion tokens processed on OpenRouter "
        "last week.",
        {("share", "Chinese models", 47, "%"), ("token_volume", "OpenRouter", 1.25e13, "tokens")},
    ),
    (
        "Chinese models consumed 5.9 trillion of the 12.5 trillion tokens processed last week.",
        {("token_volume", "Chinese models", 5.9e12, "tokens")},
    ),
    (
        "Of the 12.5 trillion tokens processed last week, Chinese models accounted for 47%.",
        {("share", "Chinese models", 47, "%")},
    ),
    ("The top 10 models took 80% of all 12.5 trillion tokens.",
     {("share", "top 10 models", 80, "%")}),
    ("在上周的12.5万亿Token中，中国模型占47%。", {("share", "Chinese models", 47, "%")}),
    ("中国模型占上周12.5万亿Token总调用量的47%。", {("share", "Chinese models", 47, "%")}),
    ("中国模型占了5.9万亿Token。", {("token_volume", "Chinese models", 5.9e12, "tokens")}),
    # an aside (", led by X,", ", whose X ...,") names someone else than the sentence's subject
    ("Anthropic, led by Claude Sonnet 4.6, took a combined 31% share.",
     {("share", "Anthropic", 31, "%")}),
    ("Google, whose Gemini 3 Flash processed 1.1 trillion tokens, ranked third.",
     {("token_volume", "Gemini 3 Flash", 1.1e12, "tokens"), ("ranking", "Google", 3, "rank")}),
    ("US models, including GPT-5, processed 5 trillion tokens.",
     {("token_volume", "US models", 5e12, "tokens")}),
    # a fraction of a total is a share; of a subject's figure, a ratio
    ("DeepSeek accounts for roughly a fifth of the tokens processed on the platform.",
     {("share", "DeepSeek", 20, "%")}),
    ("DeepSeek handles one in every five tokens.", {("share", "DeepSeek", 20, "%")}),
    ("DeepSeek的调用量占平台的五分之一。", {("share", "DeepSeek", 20, "%")}),
    ("DeepSeek V3.2 costs a fifth of what GPT-5 costs.", {("change", "DeepSeek V3.2", 0.2, "x")}),
    # the platform's total, named as the source only; nobody's when no platform is known
    ("据OpenRouter统计，上周平台总调用量为12.5万亿Token。",
     {("token_volume", "OpenRouter", 1.25e13, "tokens")}),
    # "a 61/39 split" is the shares of the sentence's two figures' subjects, of the two
    # must NOT: with one side unknown, neither share is anyone's
    ("They processed 5.3T tokens vs. 3.4T for American models, a 61/39 split.",
     {("token_volume", "US models", 3.4e12, "tokens")}),
    ("Chinese models processed 5.3T tokens vs. 3.4T for American models, a 61/39 split.",
     {("token_volume", "Chinese models", 5.3e12, "tokens"),
      ("token_volume", "US models", 3.4e12, "tokens"), ("share", "Chinese models", 61, "%"),
      ("share", "US models", 39, "%")}),
    # the whole a share is of, after a possessive period, is the platform's total
    ("OpenRouter data. Chinese models took 61% of the week's 8.7T tokens.",
     {("share", "Chinese models", 61, "%"), ("token_volume", "OpenRouter", 8.7e12, "tokens")}),
    # a numbered line naming a model and then its volume is a place on a chart; a numbered
    # line of prose is not
    ("Top models on OpenRouter by tokens:\n\n1. MiniMax M2.5 — 1.65T (+8%)\n"
     "2. Kimi K2.5: 1.1 trillion",
     {("ranking", "MiniMax M2.5", 1, "rank"), ("token_volume", "MiniMax M2.5", 1.65e12, "tokens"),
      ("change", "MiniMax M2.5", 8, "%"), ("ranking", "Kimi K2.5", 2, "rank"),
      ("token_volume", "Kimi K2.5", 1.1e12, "tokens")}),
    ("Takeaways:\n\n1. DeepSeek cut prices by 50%.\n2. Kimi K2.5 grew 43%.",
     {("change", "DeepSeek", -50, "%"), ("change", "Kimi K2.5", 43, "%")}),
    # the platform's total, even with a group named in the next clause
    ("OpenRouter最新数据显示国产模型领先。上周全平台Token总调用量约为13.9万亿，国产模型在全平台调用量中的"
     "占比约为42%。", {("token_volume", "OpenRouter", 1.39e13, "tokens"),
                    ("share", "Chinese models", 42, "%")}),
    # a change right after the platform's total is the platform's, not the last subject's
    ("OpenRouter数据显示国产模型表现强劲。上周全平台Token总调用量约为8.7万亿，环比上涨9%。",
     {("token_volume", "OpenRouter", 8.7e12, "tokens"), ("change", "OpenRouter", 9, "%")}),
    ("MiniMax M2.5 led the chart. Total volume on the platform reached 12.5 trillion tokens.",
     {("ranking", "MiniMax M2.5", 1, "rank")}),
    ("Kimi K2.5 grew fast. Its total token volume reached 3 trillion last week.",
     {("token_volume", "Kimi K2.5", 3e12, "tokens")}),
    # "分列" assigns in order, as "respectively" does
    ("Kimi K2.5和GLM-5分列第二、第三位。",
     {("ranking", "Kimi K2.5", 2, "rank"), ("ranking", "GLM-5", 3, "rank")}),
    ("Kimi K2.5和GLM-5分列二、三位。",
     {("ranking", "Kimi K2.5", 2, "rank"), ("ranking", "GLM-5", 3, "rank")}),
    # a bare scaled number counts what its clause names before it (cues.json count_heads)
    ("The number of developers using Kimi K2.5 doubled to 1.2 million in February.",
     {("change", "Kimi K2.5", 2, "x"), ("quantity", "Kimi K2.5", 1.2e6, "count")}),
    ("Kimi developers rose 20% to 1.2 million.",
     {("change", "Kimi", 20, "%"), ("quantity", "Kimi", 1.2e6, "count")}),
    # the level a share or a rate of growth came from is a share or a change like it
    ("Chinese models now make up nearly 40 percent of weekly volume, up from about 1 percent "
     "a year ago.",
     {("share", "Chinese models", 40, "%"), ("share", "Chinese models", 1, "%")}),
    ("Chinese models grew 40% last week, up from 12% the week before.",
     {("change", "Chinese models", 40, "%"), ("change", "Chinese models", 12, "%")}),
    # a part of a whole just named, and its owner named after it with "by" or "from"
    ("OpenRouter processed 13.2T tokens last week, 61% of them by Chinese models.",
     {("token_volume", "OpenRouter", 1.32e13, "tokens"), ("share", "Chinese models", 61, "%")}),
    ("Of those, 61% came from Chinese models.", {("share", "Chinese models", 61, "%")}),
    ("Chinese models accounted for 5.2 trillion of the 9.4 trillion tokens (55%).",
     {("token_volume", "Chinese models", 5.2e12, "tokens"), ("share", "Chinese models", 55, "%")}),
    # a change named before "for X" is X's when nothing is named before it
    ("Usage grew 20% week over week for Alibaba's Qwen 3 Max, the company said.",
     {("change", "Qwen 3 Max", 20, "%")}),
    # a change in token volume with nothing but the platform named is the platform's own; a
    # pronoun names another owner
    ("Token consumption on OpenRouter rose 8% from the prior week.",
     {("change", "OpenRouter", 8, "%")}),
    ("MiniMax M2.5 led the chart. Its usage on OpenRouter rose 8%.",
     {("ranking", "MiniMax M2.5", 1, "rank"), ("change", "MiniMax M2.5", 8, "%")}),
    ("My OpenRouter bill fell 20%.", set()),
    # figures joined by slashes belong to the subjects named before them, in order; a
    # volume of several groups named together is their sum, not each one's
    (
        "Chinese vs US models: 4.12T/2.94T tokens in the week of Feb 9-15.",
        {("token_volume", "Chinese models", 4.12e12, "tokens"),
         ("token_volume", "US models", 2.94e12, "tokens")},
    ),
    (
        "Chinese and US models processed 11.3 trillion tokens last week.",
        {("token_volume", "Chinese and US models", 1.13e13, "tokens")},
    ),
    (
        "MiniMax M2.5 and GLM-5 are priced at $0.30 per million tokens.",
        {("price", "MiniMax M2.5", 0.3, "USD/1M tokens"), ("price", "GLM-5", 0.3, "USD/1M tokens")},
    ),
    # rank 1 or 2 without a number (units.json rank_top_verbs, rank_one_before_place,
    # rank_second)
    (
        "Claude Sonnet 4.5 (1.9 trillion tokens) led the chart. Grok 4 took the top spot "
        "among free models with 0.9 trillion tokens, and MiniMax M2.5 was the runner-up with "
        "0.7 trillion tokens.",
        {("token_volume", "Claude Sonnet 4.5", 1.9e12, "tokens"),
         ("ranking", "Claude Sonnet 4.5", 1, "rank"), ("ranking", "Grok 4", 1, "rank"),
         ("token_volume", "Grok 4", 9e11, "tokens"), ("ranking", "MiniMax M2.5", 2, "rank"),
         ("token_volume", "MiniMax M2.5", 7e11, "tokens")},
    ),
    # a share named for its owner after the figure, even after another group's figure or
    # inside that group's parentheses
    (
        "Chinese models ran 10.4 trillion tokens (US models: 25 trillion), a 29% share for the "
        "Chinese models.",
        {("token_volume", "Chinese models", 1.04e13, "tokens"),
         ("token_volume", "US models", 2.5e13, "tokens"), ("share", "Chinese models", 29, "%")},
    ),
    (
        "Chinese models ran 10.4 trillion tokens, while 25 trillion tokens went to US models "
        "(29% of the combined volume for Chinese models).",
        {("token_volume", "Chinese models", 1.04e13, "tokens"),
         ("token_volume", "US models", 2.5e13, "tokens"), ("share", "Chinese models", 29, "%")},
    ),
    # a Chinese clause after a share with its own basis is another figure's
    (
        "中国模型调用量占比达到65.6%，较上周提升4个百分点。",
        {("share", "Chinese models", 65.6, "%"), ("change", "Chinese models", 4, "%")},
    ),
    # a verb of entering places the subject in a top N even after another of its figures
    (
        "Kimi K2.5周调用量环比暴增超300%，跻身全球前三。",
        {("change", "Kimi K2.5", 300, "%"), ("ranking", "Kimi K2.5", 3, "rank")},
    ),
    # a vendor's rank is its one named model's, when the article ranks that model the same
    (
        "MiniMax reclaims No. 1. MiniMax M2.5 was the single most-used model on the platform.",
        {("ranking", "MiniMax M2.5", 1, "rank")},
    ),
    # must NOT: a rank of the vendor's model family ("second only to DeepSeek")
    (
        "Qwen's whole series ranks second globally, second only to DeepSeek. DeepSeek V3.2 "
        "costs $0.28 per million input tokens.",
        {("ranking", "Qwen", 2, "rank"), ("ranking", "DeepSeek", 1, "rank"),
         ("price", "DeepSeek V3.2", 0.28, "USD/1M tokens")},
    ),
    # a difference between subjects is not a volume (cues.json gap_nouns); a lead named in
    # another clause leaves the volume alone
    (
        "Grok Code Fast 1 remained the most-used model, though its lead shrank to 0.2 trillion "
        "tokens.",
        {("ranking", "Grok Code Fast 1", 1, "rank")},
    ),
    ("中国模型与美国模型的差距缩小至0.3万亿Token。", set()),
    (
        "Chinese models widened their lead, processing 5.9 trillion tokens.",
        {("token_volume", "Chinese models", 5.9e12, "tokens")},
    ),
    # must NOT: "widened the gap to X against Y" states both sides' volumes
    (
        "Chinese models widened the gap the following week to 5.16 trillion tokens against 2.7 "
        "trillion for US models.",
        {("token_volume", "Chinese models", 5.16e12, "tokens"),
         ("token_volume", "US models", 2.7e12, "tokens")},
    ),
    # "该模型" / "the model" is the sentence before's subject, not the side it was compared with
    (
        "月之暗面的Kimi K2.5排名第二，仅次于MiniMax M2.5。该模型当周调用量达1.02万亿Token。",
        {("ranking", "Kimi K2.5", 2, "rank"), ("ranking", "MiniMax M2.5", 1, "rank"),
         ("token_volume", "Kimi K2.5", 1.02e12, "tokens")},
    ),
    # "they" is the previous sentence's subject: not the side it edged past, not the platform
    # it was counted on
    (
        "In the week of Feb. 9-15, Chinese models processed 4.1 trillion tokens on OpenRouter, "
        "edging past American models. The next week they handled 5.2 trillion tokens.",
        {("token_volume", "Chinese models", 4.1e12, "tokens"),
         ("token_volume", "Chinese models", 5.2e12, "tokens")},
    ),
    # a ratio of prices in a sentence of a vendor's prices is its model's, as the prices are
    (
        "MiniMax M2.5 is out. MiniMax charges $0.30 per million input tokens, but cache hits "
        "cost only $0.03 per million, a tenth of the standard input price.",
        {("price", "MiniMax M2.5", 0.3, "USD/1M tokens"), ("price", "MiniMax M2.5", 0.03,
                                                           "USD/1M tokens"),
         ("change", "MiniMax M2.5", 0.1, "x")},
    ),
    # "较X（4.7万亿）高出38%": a ratio with X; the streak after it is the subject's, over X,
    # and no basis
    (
        "中国模型Token调用量达6.49万亿，较美国模型（4.7万亿）高出38%，已连续三周领先。",
        {("token_volume", "Chinese models", 6.49e12, "tokens"),
         ("token_volume", "US models", 4.7e12, "tokens"), ("change", "Chinese models", 38, "%"),
         ("streak", "Chinese models", 3, "weeks")},
    ),
    # a vendor's streak is its one named model's, counted the same; a model's streak is over
    # no group
    (
        "MiniMax连续六周登顶。MiniMax M2.5连续第六周位居榜首。",
        {("streak", "MiniMax M2.5", 6, "weeks"), ("ranking", "MiniMax M2.5", 1, "rank")},
    ),
    # the platform where the figures were counted is not whose share it is
    (
        "国产大模型在OpenRouter上的Token消耗量达到5.16万亿，占全球总量的六成以上。",
        {("token_volume", "Chinese models", 5.16e12, "tokens"),
         ("share", "Chinese models", 60, "%")},
    ),
    # headline verbs: "tops OpenRouter" is the chart's first place; "slashes" is a cut; the
    # platform between an owner and "share" says where
    (
        "MiniMax M2.5 tops OpenRouter for sixth straight week",
        {("ranking", "MiniMax M2.5", 1, "rank"), ("streak", "MiniMax M2.5", 6, "weeks")},
    ),
    ("DeepSeek slashes API prices by up to 75% in off-peak hours",
     {("change", "DeepSeek", -75, "%")}),
    ("Chinese models' OpenRouter share hits record 61%", {("share", "Chinese models", 61, "%")}),
    # the groups listed after a volume hold it together, and the change right after it
    (
        "Top line: 11.2T tokens across Chinese and U.S. models (+3.1% w/w).",
        {("token_volume", "Chinese and US models", 1.12e13, "tokens"),
         ("change", "Chinese and US models", 3.1, "%")},
    ),
    # must NOT: places listed after a count are not its owner
    (
        "Alibaba says Qwen models have been downloaded more than 700 million times across "
        "Hugging Face and ModelScope.",
        {("quantity", "Qwen", 7e8, "count")},
    ),
    # "占前五名合计（5.30万亿）": the top five's total in parentheses
    (
        "四款国产模型合计调用量4.54万亿，占前五名合计（5.30万亿）的85.7%。",
        {("token_volume", "top 5 models", 5.3e12, "tokens"),
         ("token_volume", "Chinese models", 4.54e12, "tokens"),
         ("share", "Chinese models", 85.7, "%")},
    ),
    # a prompt or context size is no volume (cues.json context_words)
    (
        "Input pricing for Qwen3.5 Plus starts at $0.40 per million tokens for prompts under "
        "128K tokens.",
        {("price", "Qwen 3.5 Plus", 0.4, "USD/1M tokens")},
    ),
    ("Kimi K2.5 has a context window of 256K tokens.", set()),
    ("Gemini 3 Flash handles 1M tokens of context.", set()),
    # "fell below 20%" after a share is the share's new level, "from 28%" its old one
    (
        "Anthropic's share of OpenRouter tokens fell below 20% for the first time, from 28% a "
        "month earlier.",
        {("share", "Anthropic", 20, "%"), ("share", "Anthropic", 28, "%")},
    ),
    # "the share of X in ...": X owns the share, a platform after it is the whole
    (
        "The share of Chinese models in total OpenRouter traffic hit 61.2%, a record.",
        {("share", "Chinese models", 61.2, "%")},
    ),
    # after a share verb, "processed by" names who made the whole, not the part; without one
    # it names the part
    (
        "Chinese models accounted for 61% of the tokens processed by the top 10 models.",
        {("share", "Chinese models", 61, "%")},
    ),
    (
        "The top 10 models handled 80% of all tokens, with 61% of the tokens generated by "
        "Chinese models.",
        {("share", "top 10 models", 80, "%"), ("share", "Chinese models", 61, "%")},
    ),
    # "the latter" / "后者" is the subject named last, "the former" the other one before it
    (
        "US models handled 15.6 trillion tokens and Chinese models 6.5 trillion; the latter "
        "took a 29% share.",
        {("token_volume", "US models", 1.56e13, "tokens"),
         ("token_volume", "Chinese models", 6.5e12, "tokens"),
         ("share", "Chinese models", 29, "%")},
    ),
    (
        "Chinese models processed 6.5 trillion tokens and US models 15.6 trillion; the former "
        "took a 29% share.",
        {("token_volume", "Chinese models", 6.5e12, "tokens"),
         ("token_volume", "US models", 1.56e13, "tokens"),
         ("share", "Chinese models", 29, "%")},
    ),
    (
        "当周美国模型调用量15.64万亿Token，中国模型调用量6.54万亿Token，后者占比29%。",
        {("token_volume", "US models", 1.564e13, "tokens"),
         ("token_volume", "Chinese models", 6.54e12, "tokens"),
         ("share", "Chinese models", 29, "%")},
    ),
    # a platform named as the place is not the subject when another is named
    (
        "国产大模型在OpenRouter上消耗了11.90万亿Token。",
        {("token_volume", "Chinese models", 1.19e13, "tokens")},
    ),
    (
        "Chinese models on OpenRouter processed 6.5 trillion tokens.",
        {("token_volume", "Chinese models", 6.5e12, "tokens")},
    ),
    # ... and is when nothing else is
    (
        "Usage on OpenRouter reached 20 trillion tokens.",
        {("token_volume", "OpenRouter", 2e13, "tokens")},
    ),
    # a share is a level: "rose to" names the share reached, "from" the one before
    (
        "Chinese models' share rose to 61.6%.",
        {("share", "Chinese models", 61.6, "%")},
    ),
    (
        "The share of Chinese models climbed from 47.2% to 61.6%.",
        {("share", "Chinese models", 47.2, "%"), ("share", "Chinese models", 61.6, "%")},
    ),
    # "while 25 trillion went to US models": the measure carries from the figure before
    (
        "Chinese models processed 4.12 trillion tokens, while 25 trillion went to US models.",
        {("token_volume", "Chinese models", 4.12e12, "tokens"),
         ("token_volume", "US models", 2.5e13, "tokens")},
    ),
    # the owner of a measure is the subject, not the measure ("的调用量")
    (
        "中国模型的调用量占比从47.2%升至61.6%。",
        {("share", "Chinese models", 47.2, "%"), ("share", "Chinese models", 61.6, "%")},
    ),
    ("Chinese models generated nearly half (47%) of all tokens.",
     {("share", "Chinese models", 47, "%")}),
    # must NOT: a level of something else stays a quantity, and a change a change
    ("DeepSeek's usage rose to 61.6%.", {("quantity", "DeepSeek", 61.6, "%")}),
    ("Chinese models' share rose 5% on the week.", {("change", "Chinese models", 5, "%")}),
    # a percent more / fewer / cheaper is a change (its base: ``compared_to`` or the past)
    (
        "MiniMax M2.5 processed 12% more tokens than Gemini 3 Flash.",
        {("change", "MiniMax M2.5", 12, "%")},
    ),
    ("MiniMax M2.5 is 12% cheaper than Gemini 3 Flash.", {("change", "MiniMax M2.5", -12, "%")}),
    ("Kimi K2.5 handled 40% fewer tokens.", {("change", "Kimi K2.5", -40, "%")}),
    # units.json top_out_before: a model out of a top N ranks below it
    ("GPT-5 dropped out of the top 10 last week.", {("ranking", "GPT-5", 11, "rank")}),
    ("GPT-5上周跌出前十。", {("ranking", "GPT-5", 11, "rank")}),
    ("GPT-5 made the top 10.", {("ranking", "GPT-5", 10, "rank")}),  # must NOT: a member
    # cues.json price_increase: a price rise before a bare percent, a price word between
    ("Anthropic raised Claude Sonnet 4.5 prices 20% in January.",
     {("change", "Claude Sonnet 4.5", 20, "%")}),
    ("DeepSeek raised $2 billion from investors who took a 20% stake.",  # must NOT
     {("quantity", "DeepSeek", 2e9, "USD"), ("quantity", "DeepSeek", 20, "%")}),
    # cues.json comparative_by: "A <verb> B by N%" is A's change against B
    ("At $0.28 per million input tokens, DeepSeek undercuts OpenAI's GPT-5 by more than 80%.",
     {("price", "DeepSeek", 0.28, "USD/1M tokens"), ("change", "DeepSeek", -80, "%")}),
    ("Kimi K2.5 trailed Claude Sonnet 4.5 by about 30% in weekly tokens.",
     {("change", "Kimi K2.5", -30, "%")}),
    ("Chinese models led U.S. models by 12% last week.", {("change", "Chinese models", 12, "%")}),
    ("Revenue beat estimates by 5%.", set()),  # must NOT: no subject on either side
    # "it": the other subject the sentence names before the owner
    ("Claude Sonnet 4.6 costs $3 per million input tokens, and DeepSeek V3.2 undercuts it by "
     "more than 90%.", {("price", "Claude Sonnet 4.6", 3, "USD/1M tokens"),
                        ("change", "DeepSeek V3.2", -90, "%")}),
    # a lead given as tokens is a gap, no volume of either side
    ("Chinese models led U.S. models by 1.2 trillion tokens.", set()),
    ("Chinese models, led by DeepSeek, processed 1.2 trillion tokens.",
     {("token_volume", "Chinese models", 1.2e12, "tokens")}),
    # "A比B多12%": a change of A against B; "比上周多12%" against the past
    ("上周，MiniMax M2.5的调用量比Gemini 3 Flash多12%。", {("change", "MiniMax M2.5", 12, "%")}),
    ("DeepSeek V3.2的输入价格比GPT-5便宜90%。", {("change", "DeepSeek V3.2", -90, "%")}),
    ("中国模型调用量比上周多12%。", {("change", "Chinese models", 12, "%")}),
    # must NOT: the whole a share is of is not its owner
    (
        "Chinese models took 61% of global calls on OpenRouter.",
        {("share", "Chinese models", 61, "%")},
    ),
    # must NOT: a numbered week or a date is no name, the subject carries
    (
        "Grok 4 processed 1.5 trillion tokens. In Week 7 it processed 1.2 trillion tokens.",
        {("token_volume", "Grok 4", 1.5e12, "tokens"),
         ("token_volume", "Grok 4", 1.2e12, "tokens")},
    ),
    (
        "Grok 4 processed 1.5 trillion tokens. On March 3 it processed 0.3 trillion tokens.",
        {("token_volume", "Grok 4", 1.5e12, "tokens"), ("token_volume", "Grok 4", 3e11, "tokens")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_claims(text: str, expected: set[tuple[str, str, float, str]]) -> None:
    assert _facts(extract(text, dt.date(2026, 3, 2))) == expected


NOT_SHARES = [
    "Growth rates by model: Kimi K2.5 45 %, GLM-5 33 %.",  # a list intro naming a change
    "Specific disease accuracies: lung nodule detection 96.2 %, fracture recognition 97.1 %.",
    "The error rate of GLM-5 is 3 %.",  # 'rate' alone, outside a list intro, names no share
    "Kimi K2.5 handles 45 % more requests: the share price is unchanged.",  # colon after figure
]


@pytest.mark.parametrize("text", NOT_SHARES)
def test_percents_that_are_not_shares(text: str) -> None:
    assert not [c for c in extract(text, dt.date(2026, 3, 2)) if c.kind == "share"]


RATE_AND_SHARE_ATTRIBUTES = [
    # sentence -> (kind, attribute, value) of the one claim of that kind
    (
        "From 2025 to 2030, the annual compound growth rate of China's token consumption will "
        "reach 330%.",
        ("change", "basis", "cagr"),
    ),
    (
        "We estimate China's model-API market at CNY 52 billion in 2027, a two-year compound "
        "annual growth rate of about 68%.",
        ("change", "years", 2),
    ),
    # "on the week" names the basis as "week over week" does
    ("Kimi K2.5 was 2% down on the week.", ("change", "basis", "week_over_week")),
    # a growth rate that does not say it compounds has no basis of its own
    (
        "By 2030 the growth rate of China's token consumption will reach 40%.",
        ("change", "basis", None),
    ),
    (
        "Chinese models processed 7.1 trillion tokens, against 4.2 trillion for U.S. models. "
        "Chinese models took 7.1 trillion of the 11.3 trillion tokens processed by the two "
        "groups, a 72% share.",
        ("share", "of", "Chinese and US models"),
    ),
    # must NOT: a share after a lone figure has no fraction's whole
    ("Chinese models processed 7.1 trillion tokens last week, a 63% share.", ("share", "of", None)),
    ("MiniMax M2.5 processed 2.58 trillion tokens, 12% more than Gemini 3 Flash.",
     ("change", "compared_to", ["Gemini 3 Flash"])),
    ("Kimi K2.5 handled 40% fewer tokens.", ("change", "compared_to", None)),
    ("DeepSeek outpaced GPT-5 by 20% in token volume.", ("change", "compared_to", ["GPT-5"])),
    ("Claude Sonnet 4.6 costs $3 per million input tokens, and DeepSeek V3.2 undercuts it by "
     "more than 90%.", ("change", "compared_to", ["Claude Sonnet 4.6"])),
    # a sentence whose only figure is "tenfold" is read at all; "last March" is a year back
    ("Usage of Chinese models has risen tenfold since last March.",
     ("change", "basis", "since:2025-03-01")),
    ("DeepSeek undercuts GPT-5 by 80%.", ("change", "measure", "price")),
    # a run of rises or falls is another run than a lead (cues.json streak_trends)
    ("Qwen3 Coder's token count rose for a fifth straight week.", ("streak", "trend", "increase")),
    ("Qwen3 Coder posted its third weekly gain in a row.", ("streak", "trend", "increase")),
    ("Kimi K2.5的调用量连续三周下滑。", ("streak", "trend", "decrease")),
    ("Qwen3 Coder topped the chart for a fifth straight week.", ("streak", "trend", None)),
    ("Chinese models rose to No. 1 for the third straight week.", ("streak", "trend", None)),
    # a run that ended is not the place its subject fell to
    ("MiniMax M2.5 slipped to No. 3 after four weeks at the top.", ("streak", "held", None)),
    ("MiniMax M2.5 slipped to No. 3 after four weeks at the top.", ("streak", "ended", True)),
    # "N times cheaper than X" divides X's figure by the subject's
    ("DeepSeek V3.2 is 16.7 times cheaper than GPT-5.", ("change", "inverse", True)),
    ("GPT-5 is 16.7 times pricier than DeepSeek V3.2.", ("change", "inverse", None)),
    ("中国模型的调用量比美国模型高出25%。", ("change", "compared_to", ["US models"])),
    # a rank within a subset is another ordering than the chart's
    ("Kimi K2.5 took the top spot among free models with 0.6 trillion tokens.",
     ("ranking", "scope", "free models")),
    ("Kimi K2.5 ranked first among Chinese models on OpenRouter last week.",
     ("ranking", "scope", "OpenRouter chinese models week")),
    ("Kimi K2.5在免费模型中排名第一。", ("ranking", "scope", "免费模型")),
    ("Kimi K2.5 became the most popular Chinese model on OpenRouter.",
     ("ranking", "scope", "OpenRouter chinese models")),
    ("Kimi K2.5是最受欢迎的国产模型。", ("ranking", "scope", "国产模型")),
    ("Google ranked third among vendors.", ("ranking", "scope", "vendors")),
    ("Kimi K2.5 ranked first on OpenRouter last week.", ("ranking", "scope", "OpenRouter week")),
    # the measure named right before a change wins over one elsewhere in its sentence
    ("Gemini 3 Flash, Google's cheapest model, saw usage fall 12% week on week.",
     ("change", "measure", "token_volume")),
    ("DeepSeek cut its API prices by 50% as token usage soared.", ("change", "measure", "price")),
    # cues.json basis_frames: a comparison word and the period before
    ("Chinese models rose 8% from the prior week.", ("change", "basis", "week_over_week")),
    ("Chinese models rose 8% compared with a year ago.", ("change", "basis", "year_over_year")),
    ("Chinese models rose 8% versus the prior month.", ("change", "basis", "month_over_month")),
    # Chinese names the basis before the change
    ("上周Kimi K2.5调用量环比下降12.3%。", ("change", "basis", "week_over_week")),
    ("Kimi K2.5调用量同比增长120%。", ("change", "basis", "year_over_year")),
    # a streak is over the other group, named before it or (Chinese) right after it
    ("Chinese models have led U.S. models for three weeks.", ("streak", "over", "US models")),
    ("至此，中国模型已连续两周超过美国模型。", ("streak", "over", "US models")),
    # must NOT: over the subject itself, or a group named in the next clause
    ("中国模型连续两周位居第一，美国模型紧随其后。", ("streak", "over", None)),
    # a streak in a place other than the lead says which place it held
    ("Kimi K2.5 has spent six straight weeks in the top three.", ("streak", "held", "top 3")),
    ("Kimi K2.5 has been No. 2 for three weeks in a row.", ("streak", "held", "No. 2")),
    ("Kimi K2.5连续六周位居前三。", ("streak", "held", "top 3")),
    ("Chinese models have been behind U.S. models for three straight weeks.",
     ("streak", "held", "behind US models")),
    ("中国模型已连续三周落后于美国模型。", ("streak", "held", "behind US models")),
    ("GPT-5 has trailed Claude Sonnet 4.6 for three straight weeks.", ("streak", "held", "behind")),
    ("中国模型已连续三周落后于美国模型。", ("streak", "over", None)),
    # a nationality group's place is among the groups, not on the models' chart
    ("国产模型调用量重回第一。", ("ranking", "scope", "groups")),
    # the whole of a share: the two groups together, a top N named in Chinese or as "the top
    # ten's"
    ("Chinese models have now led U.S. models for three weeks in a row, and their share of the "
     "combined volume of the two groups reached 61% last week.",
     ("share", "of", "Chinese and US models")),
    ("中国模型调用量在中美模型合计调用量中的占比达到53.3%。",
     ("share", "of", "Chinese and US models")),
    ("Chinese models handled 135.11 trillion tokens, while 177.45 trillion went to US models, "
     "leaving Chinese models 43% of the total.", ("share", "of", "Chinese and US models")),
    ("四款国产模型合计贡献了前五名总调用量的85.7%。", ("share", "of", "top 5 models")),
    ("Five of the top ten models are Chinese, and together they account for 69% of the top "
     "ten's 9.14T tokens.", ("share", "of", "top 10 models")),
    # must NOT: a lead is the default
    ("Kimi K2.5 has led the chart for six straight weeks.", ("streak", "held", None)),
    ("Kimi K2.5连续三周位居榜首。", ("streak", "held", None)),
    # a change since a date has that date as its basis (CONTRACT.md: "since:<date>")
    ("Qwen3.5 Plus usage has grown tenfold since January.",
     ("change", "basis", "since:2026-01-01")),
    ("自1月以来，Qwen3.5 Plus调用量增长了10倍。", ("change", "basis", "since:2026-01-01")),
    # must NOT: a named basis stays
    ("Since January, Qwen3.5 Plus usage rose 8% week over week.",
     ("change", "basis", "week_over_week")),
    # "较上周", "相比去年同期": a Chinese comparison word and the period before (cues.json
    # basis_frames)
    ("2月16日至22日当周，中国大模型周调用量达5.16万亿Token，较前一周增长25.2%。",
     ("change", "basis", "week_over_week")),
    ("Kimi K2.5调用量相比去年同期增长120%。", ("change", "basis", "year_over_year")),
    # a share of something no platform has is not the platform's (cues.json platform_wholes)
    ("OpenRouter data show big shifts. China supplies roughly 90% of the rare-earth processing "
     "capacity.", ("share", "of", None)),
    ("OpenRouter data show big shifts. US developers make up 47% of the platform's users.",
     ("share", "of", "OpenRouter")),
    # points of a share named anywhere in the sentence, even after the usage it is a share of
    ("中国模型调用量占比达到65.6%，较上周提升4个百分点。", ("change", "measure", "share")),
    # must NOT: a change of revenue stated in dollars is no price change
    ("MiniMax reported revenue of US$78 million for Q4 2025, up 170% year on year.",
     ("change", "measure", None)),
    # must NOT: "自…起" is when a change takes effect, not a "since" basis
    ("自3月1日起，GLM-5 API价格上调30%。", ("change", "basis", None)),
    ("Usage of Chinese models grew 127% in the three weeks to Feb. 22.",
     ("change", "basis", "21 days")),
    # a rate for each period ("doubled every month") is over the one before
    ("Token volumes for Chinese models have roughly doubled every month since December.",
     ("change", "basis", "month_over_month")),
    # a span of time right before a change's verb is its basis ("两年涨了1000倍")
    ("国产模型日均调用量两年涨了1000倍。", ("change", "basis", "730 days")),
    ("中国模型调用量两年间增长约1000倍。", ("change", "basis", "730 days")),
    # must NOT: a span of time in another clause
    ("中国模型用了两年时间，调用量增长了1000倍。", ("change", "basis", None)),
    # 日均 (daily average) before the measure
    (
        "截至3月初，国产模型在国内平台的日均Token调用量已经超过一百四十亿。",
        ("token_volume", "daily_average", True),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    RATE_AND_SHARE_ATTRIBUTES,
    ids=[r[0][:40] for r in RATE_AND_SHARE_ATTRIBUTES],
)
def test_rate_share_and_streak_attributes(text: str, expected: tuple[str, str, object]) -> None:
    kind, name, value = expected
    [claim] = [c for c in extract(text, dt.date(2026, 3, 2)) if c.kind == kind]
    assert claim.attributes.get(name) == value


@pytest.mark.parametrize(("text", "expected"), [
    # a pair of directions and "respectively": the prices (and ratios of prices) in order
    ("Claude Sonnet 4.5 has input and output prices of $3 and $15 per million tokens "
     "respectively.", [("price", 3, "input"), ("price", 15, "output")]),
    ("Claude Sonnet 4.5 charges $3 and $15 per million input and output tokens, respectively.",
     [("price", 3, "input"), ("price", 15, "output")]),
    ("DeepSeek V3.2的输入价格为每百万Token 2元。"
     "Claude Sonnet 4.5的输入、输出价格分别为3美元和15美元，约为DeepSeek的10倍和36倍。",
     [("price", 2, "input"), ("price", 3, "input"), ("price", 15, "output"),
      ("change", 10, "input"), ("change", 36, "output")]),
    # must NOT: without "respectively" the direction named last holds
    ("Claude Sonnet 4.5 has input and output prices; output costs $15 per million tokens.",
     [("price", 15, "output")]),
])
def test_respective_directions(text: str, expected: list[tuple[str, float, str]]) -> None:
    got = [(c.kind, c.value, c.attributes.get("direction"))
           for c in extract(text, dt.date(2026, 3, 2))]
    assert got == expected


def test_the_ratios_of_one_possessed_base_share_their_subject() -> None:
    changes = [c for c in extract("Claude Sonnet 4.5的价格约为DeepSeek的10倍和36倍。")
               if c.kind == "change"]
    assert [(c.subject, c.attributes.get("compared_to")) for c in changes] == [
        ("Claude Sonnet 4.5", ["DeepSeek"]), ("Claude Sonnet 4.5", ["DeepSeek"])]


@pytest.mark.parametrize("text", [
    "US models lead with 60.4% of all tokens, versus 39.6% for Chinese models.",
    "Chinese models ran 10.4 trillion tokens (US models: 25 trillion), a 29% share for the "
    "Chinese models.",
])
def test_a_share_owner_named_after_the_figure_is_not_its_whole(text: str) -> None:
    shares = [c for c in extract(text, dt.date(2026, 3, 2)) if c.kind == "share"]
    assert shares and all(c.attributes.get("of") != c.subject for c in shares)


def test_each_change_takes_the_basis_of_its_own_clause() -> None:
    claims = extract("Kimi K2.5调用量环比增长5%，同比增长120%。", dt.date(2026, 3, 2))
    assert [(c.value, c.attributes.get("basis")) for c in claims if c.kind == "change"] == [
        (5, "week_over_week"), (120, "year_over_year")]


def test_set_claim_names_its_members() -> None:
    [claim] = extract(
        "Four of the top five most-called models were Chinese: MiniMax's M2.5, "
        "Moonshot AI's Kimi K2.5, DeepSeek's V3.2, and Zhipu AI's GLM-5."
    )
    assert claim.qualifier == "at_most"
    assert claim.attributes["count"] == 4
    assert claim.attributes["set"] == ["MiniMax M2.5", "Kimi K2.5", "DeepSeek V3.2", "GLM-5"]


def test_ratio_names_what_it_compares() -> None:
    claims = extract(
        "For input tokens, MiniMax M2.5 and Zhipu GLM-5 are priced at $0.3 per "
        "million tokens. In contrast, Anthropic's Claude Opus 4.6 charges $5, "
        "roughly 16.7 times higher."
    )
    [ratio] = [c for c in claims if c.kind == "change"]
    assert ratio.attributes["compared_to"] == ["MiniMax M2.5", "GLM-5"]
    assert ratio.attributes["measure"] == "price"
    [claude] = [c for c in claims if c.kind == "price" and c.subject == "Claude Opus 4.6"]
    assert claude.value == 5 and claude.unit == "USD/1M tokens"
    assert claude.attributes["direction"] == "input"


MULTIPLES = [
    # text -> (subject, compared_to, direction) of its one multiple
    ("MiniMax charges $0.30 per million input tokens and $1.10 per million output tokens for "
     "M2.5, against $5 and $25 for Claude Opus 4.6, a gap of roughly 17 times on input.",
     ("Claude Opus 4.6", ["MiniMax M2.5"], "input")),
    ("At 0.025 USD per 1K output tokens, Claude Opus 4.6 costs 40 times as much as DeepSeek "
     "V3.2 for output.", ("Claude Opus 4.6", ["DeepSeek V3.2"], "output")),
    ("MiniMax M2.5的输出价格为每百万Token 1.1美元，"
     "不到Claude Opus 4.6输出价格（25美元）的二十分之一。",
     ("MiniMax M2.5", ["Claude Opus 4.6"], "output")),
    # must NOT: "for input" before the multiple's clause is the paragraph's direction
    ("For input tokens, GLM-5 costs $0.3 per million tokens and Claude Opus 4.6 $5, roughly "
     "16.7 times more.", ("Claude Opus 4.6", ["GLM-5"], "input")),
]


@pytest.mark.parametrize(("text", "expected"), MULTIPLES, ids=[m[0][:40] for m in MULTIPLES])
def test_multiples_name_subject_comparison_and_direction(
    text: str, expected: tuple[str, list[str], str]
) -> None:
    [multiple] = [c for c in extract(text) if c.kind == "change"]
    attrs = multiple.attributes
    assert (multiple.subject, attrs.get("compared_to"), attrs.get("direction")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "a tenth of what X charges": X is compared with, the verb after it names the measure,
    # over the tokens named right before the multiple
    ("Qwen3.6 Plus is priced at $0.40 per million input tokens, roughly a tenth of what "
     "Claude Opus 4.6 charges.", ("Qwen 3.6 Plus", ["Claude Opus 4.6"], "price")),
    ("Qwen3.6 Plus costs a fifth of what GPT-5 costs.", ("Qwen 3.6 Plus", ["GPT-5"], "price")),
    ("Kimi K2.5 handled 1.2 trillion tokens, three times what DeepSeek V3.2 handled.",
     ("Kimi K2.5", ["DeepSeek V3.2"], "token_volume")),
    # "as expensive as" after the multiple names prices, over the tokens named before it
    ("Claude Opus 4.6 is priced at $5 per million input tokens and $25 per million output "
     "tokens, making it roughly 17 times as expensive as MiniMax M2.5 on input.",
     ("Claude Opus 4.6", ["MiniMax M2.5"], "price")),
    # a verb of multiplying names what it changed after "of": no comparison
    ("DeepSeek halved the price of V3.2's output tokens to $0.42 per million.",
     ("DeepSeek V3.2", None, "price")),
    # a change set right after a price is that price's
    ("For Kimi K2.5, input costs dropped from $0.60 to $0.45 per million tokens, a 25% cut.",
     ("Kimi K2.5", None, "price")),
    # "what Anthropic charges for Claude Opus 4.6": the vendor's model named after it
    ("DeepSeek charges $0.27 per million input tokens for its V3.2 model, about one-eighteenth "
     "of what Anthropic charges for Claude Opus 4.6.",
     ("DeepSeek V3.2", ["Claude Opus 4.6"], "price")),
    # "more than their U.S. counterparts"
    ("Chinese AI models processed 6.49 trillion tokens last week, 38% more than their U.S. "
     "counterparts.", ("Chinese models", ["US models"], "token_volume")),
    # "40% higher than that of X": a percent compared with another subject's figure
    ("At 4.12 trillion tokens, Chinese models' weekly volume was 40% higher than that of U.S. "
     "models.", ("Chinese models", ["US models"], "token_volume")),
])
def test_a_ratio_names_what_it_compares_with(
    text: str, expected: tuple[str, list[str], str]
) -> None:
    [multiple] = [c for c in extract(text) if c.kind == "change"]
    attrs = multiple.attributes
    assert (multiple.subject, attrs.get("compared_to"), attrs.get("measure")) == expected


@pytest.mark.parametrize("text", [
    "Chinese models took four of the top five spots and seven of the top 10.",
    "中国模型在前十名中占据七席，在前五名中占据四席。",
])
def test_each_top_n_takes_its_own_count(text: str) -> None:
    counts = {c.value: c.attributes.get("count") for c in extract(text) if c.kind == "ranking"}
    assert counts == {5: 4, 10: 7}


@pytest.mark.parametrize(("text", "granularity"), [
    # a volume "as of" a day is the total up to it, not that day's
    ("As of March 1, Chinese models had processed a cumulative 50 trillion tokens.", "total"),
    ("截至3月1日，中国模型累计调用量为50万亿Token。", "total"),
    ("On March 1, Chinese models processed 1 trillion tokens.", "day"),
])
def test_a_volume_by_a_day_is_a_total(text: str, granularity: str) -> None:
    [claim] = extract(text, dt.date(2026, 3, 2))
    assert claim.period.granularity == granularity
    assert bool(claim.attributes.get("daily_average")) == (granularity == "day")


@pytest.mark.parametrize(("text", "restates"), [
    ("Chinese models ran 10.4 trillion tokens (about 10 trillion) last week.", True),
    ("Chinese models ran 10.4 trillion tokens (US models: 25 trillion) last week.", False),
])
def test_a_volume_in_parentheses_restates_the_one_before_unless_another_subjects(
    text: str, restates: bool
) -> None:
    first, second = extract(text, dt.date(2026, 3, 2))
    assert "restates" not in first.attributes
    assert bool(second.attributes.get("restates")) == restates


def test_a_ranking_dated_by_the_lead_week_names_its_granularity_in_its_scope() -> None:
    text = ("Gemini 3 Flash topped the OpenRouter chart.\n\nIn the week of Feb 16-22, Chinese "
            "models processed 5.16 trillion tokens.")
    [rank] = [c for c in extract(text, dt.date(2026, 3, 1)) if c.kind == "ranking"]
    assert rank.period.start == dt.date(2026, 2, 16)
    assert rank.attributes["scope"] == "OpenRouter week"


def test_periods_follow_the_text() -> None:
    text = (
        "In February, there was a surge. During the week from the 9th to the 15th, Chinese "
        "models had a call volume of 4.12 trillion Tokens, exceeding the 2.94 trillion "
        "Tokens of US models during the same period. By mid-February 2026 it had soared."
    )
    claims = {c.subject: c for c in extract(text)}
    week = (dt.date(2026, 2, 9), dt.date(2026, 2, 15))
    assert (claims["Chinese models"].period.start, claims["Chinese models"].period.end) == week
    assert (claims["US models"].period.start, claims["US models"].period.end) == week
    assert claims["US models"].period.text == "during the same period"


def test_relative_period_needs_a_publication_date() -> None:
    text = "Chinese models processed 5.16 trillion tokens last week."
    [undated] = extract(text)
    assert undated.period.resolution == "unresolved" and undated.period.start is None
    [dated] = extract(text, dt.date(2026, 2, 25))
    assert (dated.period.start, dated.period.end) == (dt.date(2026, 2, 16), dt.date(2026, 2, 22))


def test_spans_index_the_figure() -> None:
    text = "Seed 001 writes 3.2\u202ftrillion tokens for Tencent Hunyuan 3.0 in a week."
    [claim] = extract(text)
    assert text[claim.span[0] : claim.span[1]].startswith("3.2\u202ftrillion")
    assert claim.quote == text


@pytest.mark.parametrize("text", [
    # an English article quoting a Chinese sentence: one token to the English tokenizer
    "Chinese media put it this way. 国产模型上周调用量为4.12万亿Token，美国模型为25万亿。",
    # a Chinese article labelled English
    "国产模型上周调用量为4.12万亿Token，美国模型为25万亿。",
])
def test_figures_in_one_token_each_make_their_claim(text: str) -> None:
    """Two figures whose spans cover the same tokens are two claims: spaCy keys a span's
    extension values by its offsets, and the second figure once replaced the first."""
    claims = extract(text, dt.date(2026, 3, 10), "en")
    assert sorted((c.subject, c.value) for c in claims) == [
        ("Chinese models", 4.12e12), ("US models", 2.5e13)]
    assert len({c.id for c in claims}) == 2


def test_a_span_is_never_shared_by_two_figures() -> None:
    """The first of two figures in one token keeps the span: a second span over the same
    tokens would share its extension values."""
    import spacy

    from claimcheck.extract.pipeline import _spans

    text = "国产模型上周调用量为4.12万亿Token，美国模型为25万亿。"
    doc = spacy.blank("en").make_doc(text)
    spans = _spans(doc, 0, [(10, 21, "first"), (27, 31, "second")], "FIGURE", "figure")
    assert [(s.start, s.end, s._.figure) for s in spans] == [(0, 1, "first")]


W_0216 = (dt.date(2026, 2, 16), dt.date(2026, 2, 22))
W_0209 = (dt.date(2026, 2, 9), dt.date(2026, 2, 15))
W_0223 = (dt.date(2026, 2, 23), dt.date(2026, 3, 1))
W_0302 = (dt.date(2026, 3, 2), dt.date(2026, 3, 8))
W_0309 = (dt.date(2026, 3, 9), dt.date(2026, 3, 15))
NONE = (None, None)

PERIOD_ASSEMBLY = [
    # a period after a comparison base dates the base, not the figure compared with it; the
    # reporting week carried from the paragraph before stays in force
    ("Chinese models processed 3.0 trillion tokens in the week of March 2-8.\n\nDeepSeek V3.2 "
     "handled 1.5 trillion tokens, down from about 1.9 trillion in the week of Feb. 23-March 1. "
     "Kimi K2.5 processed 0.9 trillion tokens.", dt.date(2026, 3, 10),
     {"1.5 trillion": W_0302, "1.9 trillion": W_0223, "0.9 trillion": W_0302}),
    ("2月16日-22日当周，中国模型调用量为5.16万亿，较2月9日至15日的4.12万亿增长25%。",
     dt.date(2026, 2, 24), {"5.16万亿": W_0216, "4.12万亿": W_0209, "25%": W_0216}),
    ("In the second half of 2025 Qwen held 32.1%, ranking first, up from 17.7% in the first "
     "half of the year.", dt.date(2026, 2, 24),
     {"32.1%": (dt.date(2025, 7, 1), dt.date(2025, 12, 31)),
      "17.7%": (dt.date(2025, 1, 1), dt.date(2025, 6, 30))}),
    # "more than" / "less than" hedge the figure: no comparison base, the period is the figure's
    ("Chinese models processed more than 4.1 trillion tokens in the week of March 2-8, against "
     "2.9 trillion for US models.", dt.date(2026, 3, 10),
     {"4.1 trillion": W_0302, "2.9 trillion": W_0302}),
    ("Chinese models processed less than 4.1 trillion tokens last week. Kimi K2.5 processed 0.9 "
     "trillion tokens.", dt.date(2026, 3, 10), {"4.1 trillion": W_0302, "0.9 trillion": W_0302}),
    # a date spelling out "the week before" dates its own sentence only
    ("2月16日-22日当周，中国模型调用量为5.16万亿。上一周（2月9日-15日），中国模型调用量为4.12万亿。"
     "环比来看，中国模型周调用量增长约25%。", dt.date(2026, 2, 24),
     {"4.12万亿": W_0209, "25%": W_0216}),
    # an anchor before a figure dates it; right after a figure it dates that figure
    ("Chinese models processed 4.1 trillion tokens in the week of March 2-8, and the following "
     "week rose to 4.9 trillion.", dt.date(2026, 3, 17), {"4.9 trillion": W_0309}),
    ("Chinese models processed 4.9 trillion tokens in the week of March 9-15, up from 4.1 "
     "trillion the previous week, while US models rose to 4.6 trillion tokens.",
     dt.date(2026, 3, 17), {"4.1 trillion": W_0302, "4.6 trillion": W_0309}),
    # "level with the week before" is a comparison base: the figure keeps the week in force
    ("Chinese models lost ground last week.\n\nUS models processed 4.4 trillion tokens in the "
     "week, roughly level with the week before, while Chinese models rose to 6.8 trillion.",
     dt.date(2026, 3, 17), {"4.4 trillion": W_0309, "6.8 trillion": W_0309}),
    # an anchor opening a sentence after one that ended on a figure is not that figure's
    ("上周中国模型的周调用量约为5.2万亿Token，占比达到61%。再往前一周，中国模型调用量为4.12万亿Token。",
     dt.date(2026, 2, 27), {"5.2万亿": W_0216, "4.12万亿": W_0209}),
    # a share of users describes the user base: the reporting week does not carry to it
    ("Chinese models took 61% of tokens in the week of Feb. 16-22.\n\nUS developers account for "
     "47% of the platform's users.\n\nChinese models accounted for 58% of calls.",
     dt.date(2026, 2, 24), {"61%": W_0216, "47%": NONE, "58%": W_0216}),
    # a multiple in a sentence about prices compares price lists, not the week
    ("Chinese models processed 5 trillion tokens in the week of Feb. 16-22.\n\nClaude Opus 4.6 "
     "costs $25 per million output tokens, about 22.7 times the price of MiniMax M2.5.",
     dt.date(2026, 2, 24), {"22.7 times": NONE}),
    # a dated heading dates the lines under it (prices too), until a blank line after them
    ("List prices (CNY per million tokens, as of 11 March 2026)\n\nQwen 3.5 Plus: input ¥0.8, "
     "output ¥4.8\nDeepSeek V3.2: input ¥2\n\nGPT-5 is priced at $1.25 per million input "
     "tokens.", dt.date(2026, 3, 12),
     {"¥0.8": (dt.date(2026, 3, 11),) * 2, "¥2": (dt.date(2026, 3, 11),) * 2, "$1.25": NONE}),
    # a byline's date or "as of this week" only restates the time of writing
    ("By Jane Doe · March 31, 2026\n\nQwen 3.6 Plus costs $0.50 per million input tokens.",
     dt.date(2026, 3, 31), {"$0.50": NONE}),
    ("The prices (per million tokens, as of this week)\n\nKimi K2.5: $0.60/M input",
     dt.date(2026, 3, 27), {"$0.60": NONE}),
    # a date no claim of its sentence used ("February's frenzy") does not replace the week
    ("Chinese models processed 4.38 trillion tokens in the week to March 1.\n\nThat is a 25% "
     "slide in a single week for Chinese models, and a sign that February's frenzy was partly "
     "launch hype.\n\nKimi K2.5 processed 1.12 trillion tokens.", dt.date(2026, 3, 4),
     {"1.12 trillion": W_0223}),
    # the day a price took effect is not a period of the price
    ("DeepSeek's cut, effective 11 March, takes DeepSeek V3.2 to $0.27 per million input "
     "tokens.", dt.date(2026, 3, 12), {"$0.27": NONE}),
    ("Shares of MiniMax fell 6.2% on Monday.", dt.date(2026, 3, 2),
     {"6.2%": (dt.date(2026, 3, 2),) * 2}),
    # a period in the next coordinated clause does not reach back to the figure before it
    ("In the week of Feb 9-15, Chinese models processed 4.12 trillion tokens against 2.94 "
     "trillion for US models, and widened the gap the following week to 5.16 trillion against "
     "2.7 trillion.",
     dt.date(2026, 3, 1),
     {"2.94 trillion": (dt.date(2026, 2, 9), dt.date(2026, 2, 15)),
      "5.16 trillion": (dt.date(2026, 2, 16), dt.date(2026, 2, 22))}),
    # a headline above the first dated week takes that week; a price change does not
    ("中国模型连续两周登顶，份额达61%\n\n2月16日-22日当周，中国模型调用量达5.16万亿Token。",
     dt.date(2026, 3, 1),
     {"61%": (dt.date(2026, 2, 16), dt.date(2026, 2, 22)),
      "连续两周": (dt.date(2026, 2, 16), dt.date(2026, 2, 22))}),
    ("DeepSeek cut input prices by 50%.\n\nIn the week of Feb 16-22, Chinese models processed "
     "5.16 trillion tokens.", dt.date(2026, 3, 1), {"50%": (None, None)}),
    # must NOT: in an undated article the reporting week ("the week to March 1") is unresolved,
    # and the next week named is an earlier one, not the lead's
    ("Chinese models processed 4.38 trillion tokens in the week to March 1.\n\nClaude Opus 4.6 "
     "ranked No. 2 with 1.30 trillion tokens.\n\nMiniMax M2.5 processed about 2.45 trillion "
     "in the week of Feb. 16-22, 2026.", None, {"No. 2": (None, None)}),
    # a streak's period is the week it is reported for (its length is its value)
    ("In the week of Feb 16-22, Chinese models led US models for the fifth consecutive week.",
     dt.date(2026, 3, 1), {"fifth consecutive week": (dt.date(2026, 2, 16), dt.date(2026, 2, 22))}),
    ("在2月16日-22日当周，中国模型连续两周超过美国模型。", dt.date(2026, 3, 1),
     {"连续两周": (dt.date(2026, 2, 16), dt.date(2026, 2, 22))}),
    ("Chinese models have led US models for five straight weeks.", dt.date(2026, 3, 1),
     {"five straight weeks": (None, None)}),
    ("2月9日至15日当周，中国模型调用量达4.12万亿Token，而次周升至5.16万亿Token。",
     dt.date(2026, 3, 1),
     {"4.12万亿": (dt.date(2026, 2, 9), dt.date(2026, 2, 15)),
      "5.16万亿": (dt.date(2026, 2, 16), dt.date(2026, 2, 22))}),
    # "两年前" dates the figure of its own stretch of the sentence; the change and the figure
    # before it keep the sentence's date
    ("截至3月初，国产模型在国内平台的日均Token调用量已经超过一百四十亿，两年前每天才1.4亿，"
     "两年涨了1000倍。", dt.date(2026, 3, 5),
     {"一百四十亿": (dt.date(2026, 3, 1), dt.date(2026, 3, 10)),
      "1.4亿": (dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
      "1000倍": (dt.date(2026, 3, 1), dt.date(2026, 3, 10))}),
    # the figure a change starts from holds for the change's period moved back by its basis
    ("By March, daily token volume for Chinese models had exceeded 140 billion, a 1,000-fold "
     "increase in two years, from just 140 million per day.", dt.date(2026, 3, 3),
     {"140 billion": (dt.date(2026, 3, 1), dt.date(2026, 3, 31)),
      "140 million": (dt.date(2024, 3, 1), dt.date(2024, 3, 31))}),
    ("In the week of March 2-8, Chinese models processed 4.9 trillion tokens, up 20% week over "
     "week, from 4.1 trillion.", dt.date(2026, 3, 10),
     {"4.9 trillion": W_0302, "4.1 trillion": W_0223}),
    # "，到2月中旬" opens the next clause: its date is not the figure's before it
    ("一年前（2025年3月3日-9日）前十模型一周才1.24万亿Token，到2月中旬已经13.95万亿。",
     dt.date(2026, 3, 5),
     {"1.24万亿": (dt.date(2025, 3, 3), dt.date(2025, 3, 9)),
      "13.95万亿": (dt.date(2026, 2, 11), dt.date(2026, 2, 20))}),
    # must NOT: a date after the figure in its own clause is still its own
    ("中国模型周调用量达4.12万亿Token，为2月9日至15日当周数据。", dt.date(2026, 3, 5),
     {"4.12万亿": W_0209}),
    # a volume since a date is the total from then to publication; a change since then has
    # no period of its own (its basis says where it starts)
    ("Since January, Qwen3.5 Plus has processed 20 trillion tokens.", dt.date(2026, 3, 10),
     {"20 trillion": (dt.date(2026, 1, 1), dt.date(2026, 3, 10))}),
    ("Qwen3.5 Plus usage has grown tenfold since January.", dt.date(2026, 3, 10),
     {"tenfold": NONE}),
    # a change over the weeks to a day is the last week's; a volume over them is their total
    ("Usage of Chinese models grew 127% in the three weeks to Feb. 22.", dt.date(2026, 3, 10),
     {"127%": (dt.date(2026, 2, 16), dt.date(2026, 2, 22))}),
    ("Chinese models processed 12 trillion tokens in the three weeks to Feb. 22.",
     dt.date(2026, 3, 10), {"12 trillion": (dt.date(2026, 2, 2), dt.date(2026, 2, 22))}),
    # "同期" after a figure is the next figure's: the figure before keeps its own date, and
    # passes it on to the next sentence
    ("2月16日-22日当周，中国模型的Token调用量达到5.16万亿，美国模型同期为2.7万亿。中国模型的调用量"
     "占比达到61%。", dt.date(2026, 2, 27), {"5.16万亿": W_0216, "61%": W_0216}),
    # a run that ended ("lost the top spot after six weeks") ended the week before
    ("Claude Sonnet 4.6 led the OpenRouter chart last week. MiniMax M2.5, which lost the top "
     "spot after six weeks, was the runner-up.", dt.date(2026, 4, 14),
     {"after six weeks": (dt.date(2026, 3, 30), dt.date(2026, 4, 5))}),
    # "from the previous week" is the basis: the change is the week's, and "the same period"
    # next is that week again, not the week compared with
    ("Chinese models processed 6.49 trillion tokens in the week to March 15, up 10% from the "
     "previous week. U.S. models handled 4.7 trillion tokens in the same period.",
     dt.date(2026, 3, 17),
     {"10%": (dt.date(2026, 3, 9), dt.date(2026, 3, 15)),
      "4.7 trillion": (dt.date(2026, 3, 9), dt.date(2026, 3, 15))}),
    # a Chinese period right after a name's letters or digits is read ("K2.5上周")
    ("Kimi K2.5上周调用量为1.1万亿Token。", dt.date(2026, 3, 11),
     {"1.1万亿Token": (dt.date(2026, 3, 2), dt.date(2026, 3, 8))}),
    ("3月2日至3月8日，Kimi K2.5调用量为1.1万亿Token，较前一周大增43%。", dt.date(2026, 3, 11),
     {"43%": (dt.date(2026, 3, 2), dt.date(2026, 3, 8))}),
    # "较前一周增长25.2%": the change after a base period is the new period's
    ("2月16日至22日当周，中国大模型周调用量达5.16万亿Token，较前一周增长25.2%。",
     dt.date(2026, 3, 10), {"25.2%": (dt.date(2026, 2, 16), dt.date(2026, 2, 22))}),
    # "a year ago" right after a shorter period moves that period back a year; the level a
    # change reaches from "a year ago" is not the past's
    ("Chinese models' share rose to 13% last week, up from 1% a year ago.", dt.date(2026, 3, 10),
     {"13%": W_0302, "1%": (dt.date(2025, 3, 2), dt.date(2025, 3, 8))}),
    ("上周中国模型的份额从一年前的约1%升至13%。", dt.date(2026, 3, 10),
     {"13%": W_0302, "1%": (dt.date(2025, 3, 2), dt.date(2025, 3, 8))}),
    ("中国模型的市场份额从一年前的约1%升至13%。", dt.date(2026, 3, 10),
     {"13%": NONE, "1%": (dt.date(2025, 1, 1), dt.date(2025, 12, 31))}),
    # must NOT: "two years ago" does not reach into the next stretch of the sentence
    ("两年前每天才1.4亿Token，如今国产模型日均调用量已超过一百四十亿。", dt.date(2026, 3, 5),
     {"1.4亿": (dt.date(2024, 1, 1), dt.date(2024, 12, 31)), "一百四十亿": NONE}),
    ("Two years ago, Chinese models processed 140 million tokens a day; now they process 140 "
     "billion tokens a day.", dt.date(2026, 3, 5),
     {"140 million": (dt.date(2024, 1, 1), dt.date(2024, 12, 31)), "140 billion": NONE}),
]


@pytest.mark.parametrize(("text", "published", "expected"), PERIOD_ASSEMBLY)
def test_period_assembly(
    text: str, published: dt.date | None,
    expected: dict[str, tuple[dt.date | None, dt.date | None]],
) -> None:
    claims = extract(text, published)
    for figure, period in expected.items():
        found = [c for c in claims if text[c.span[0] : c.span[1]].find(figure) >= 0]
        assert found, (figure, [(c.kind, text[c.span[0] : c.span[1]]) for c in claims])
        for claim in found:
            assert (claim.period.start, claim.period.end) == period, (figure, claim.period)


RANKING_ASSEMBLY = [
    # an ordered list after "The ranking shows": positions in order, names outside the gazetteer
    (
        "The ranking shows Tencent Hunyuan 3.0 (3.2 trillion tokens), DeepSeek V4 (2.8 trillion) "
        "and ByteDance Doubao (1.5 trillion).",
        {("Hunyuan 3.0", 1, "exact"), ("DeepSeek V4", 2, "exact"), ("Doubao", 3, "exact")},
    ),
    (
        "The top-downloaded apps are AutoResearcher Pro (52 k downloads), SmartCoder (48 k), "
        "AI Interviewer (36 k) and Paper Assistant (29 k).",
        {
            ("AutoResearcher Pro", 1, "exact"),
            ("SmartCoder", 2, "exact"),
            ("AI Interviewer", 3, "exact"),
            ("Paper Assistant", 4, "exact"),
        },
    ),
    (
        "本周榜单前三依次为MiniMax M2.5、Kimi K2.5和GLM-5。",
        {("MiniMax M2.5", 1, "exact"), ("Kimi K2.5", 2, "exact"), ("GLM-5", 3, "exact")},
    ),
    # "second only to X": X is one place higher
    (
        "Alibaba Qwen's total token call volume ranks second globally, second only to DeepSeek.",
        {("Qwen", 2, "exact"), ("DeepSeek", 1, "exact")},
    ),
    (
        "月之暗面的Kimi K2.5排名第二，仅次于MiniMax M2.5。",
        {("Kimi K2.5", 2, "exact"), ("MiniMax M2.5", 1, "exact")},
    ),
    # rank 1 without a number
    (
        "MiniMax M2.5 led for a fifth straight week with 2.58 trillion tokens.",
        {("MiniMax M2.5", 1, "exact")},
    ),
    ("MiniMax M2.5上线第二周即登顶。", {("MiniMax M2.5", 1, "exact")}),
    # set claims: the count is never the N of "top five of"
    (
        "China Overtakes US as Four Homegrown Models Dominate Global Top Five",
        {("Chinese models", 5, "at_most")},
    ),
    ("榜单前五名中，国产模型占据四席。", {("Chinese models", 5, "at_most")}),
    ("四大国产模型霸榜全球前五", {("Chinese models", 5, "at_most")}),
    # one model placed in a top N
    (
        "Anthropic's Claude Opus 4.6 held its place in the top three.",
        {("Claude Opus 4.6", 3, "at_most")},
    ),
    (
        "Qwen 3.6 Plus launched. Alibaba's newest model went straight into the top five of "
        "OpenRouter's weekly ranking.",
        {("Qwen 3.6 Plus", 5, "at_most")},
    ),
    (
        "Ant Group's Ling-1T entered the top 20 for the first time with 0.3 trillion tokens.",
        {("Ling-1T", 20, "at_most")},
    ),
    # must not: "top five of" is not a count; a top N after the subject's own figure qualifies
    # it; the top five's total is not a rank; a list without an intro is not ordered
    (
        "Alibaba's model went into the top five of the ranking, and Chinese models grew.",
        {("Alibaba", 5, "at_most")},  # not a set claim for Chinese models with count 5
    ),
    (
        "Llama 4 ranked 10th with 0.10 trillion tokens, the smallest of any model in the top ten.",
        {("Llama 4", 10, "exact")},
    ),
    ("四款国产模型合计贡献了前五名总调用量的85.7%。", set()),
    ("We tested MiniMax M2.5, Kimi K2.5 and GLM-5 last week.", set()),
    ("The top five models were all trained on Nvidia chips.", set()),
]


@pytest.mark.parametrize(
    ("text", "expected"), RANKING_ASSEMBLY, ids=[c[0][:40] for c in RANKING_ASSEMBLY]
)
def test_ranking_assembly_reads_lists_sets_and_neighbours(
    text: str, expected: set[tuple[str, float, str]]
) -> None:
    got = {
        (c.subject, c.value, c.qualifier)
        for c in extract(text, dt.date(2026, 3, 2))
        if c.kind == "ranking"
    }
    assert got == expected


TABLES_AND_COMPARISONS = [
    # a pipe table: each column's currency, base and direction come from the header row
    (
        "| Model | Input ($/M) | Output ($/M)\n| Qwen 3.6 Plus | 0.50 | 3.00\n"
        "| Claude Opus 4.6 | 5.00 | 25.00",
        {
            ("price", "Qwen 3.6 Plus", 0.5, "USD/1M tokens"),
            ("price", "Qwen 3.6 Plus", 3.0, "USD/1M tokens"),
            ("price", "Claude Opus 4.6", 5.0, "USD/1M tokens"),
            ("price", "Claude Opus 4.6", 25.0, "USD/1M tokens"),
        },
        set(),
    ),
    # a block header with the base: per 1K tokens -> per 1M
    (
        "Global comparators (USD per 1K tokens)\n\nGPT-5 (OpenAI): input 0.00125, output 0.01\n"
        "Grok 4 (xAI): input 0.003, output 0.015",
        {
            ("price", "GPT-5", 1.25, "USD/1M tokens"),
            ("price", "GPT-5", 10.0, "USD/1M tokens"),
            ("price", "Grok 4", 3.0, "USD/1M tokens"),
            ("price", "Grok 4", 15.0, "USD/1M tokens"),
        },
        set(),
    ),
    # Chinese header unit, markdown separator row
    (
        "| 模型 | 输入（元/百万tokens） | 输出（元/百万tokens） |\n|---|---|---|\n"
        "| GLM-5 | 2 | 8 |",
        {("price", "GLM-5", 2.0, "CNY/1M tokens"), ("price", "GLM-5", 8.0, "CNY/1M tokens")},
        set(),
    ),
    # "Model — in / out" list: the header names the order of the directions
    (
        "Prices (input / output, USD per 1M tokens)\nGLM-5 — 0.30 / 2.55",
        {("price", "GLM-5", 0.3, "USD/1M tokens"), ("price", "GLM-5", 2.55, "USD/1M tokens")},
        set(),
    ),
    # must NOT: a blank line after the rows ends the table; a token table is not priced
    (
        "Global comparators (USD per 1K tokens)\n\nGPT-5 (OpenAI): input 0.00125\n\n"
        "Grok 4 (xAI): 3 launches",
        {("price", "GPT-5", 1.25, "USD/1M tokens")},
        {("price", "Grok 4", 3000.0, "USD/1M tokens")},
    ),
    (
        "Prices (USD per 1M tokens)\nGPT-5 launched with 400 staff, 12 regions.",
        set(),
        {("price", "GPT-5", 400.0, "USD/1M tokens"), ("price", "GPT-5", 12.0, "USD/1M tokens")},
    ),
    (
        "| Model | Tokens (T) |\n| MiniMax M2.5 | 2.31 |",
        set(),
        {("price", "MiniMax M2.5", 2.31, "USD/1M tokens")},
    ),
    # coordinated figures share the subject after them
    (
        "MiniMax charges $0.30 per million input tokens for M2.5, against $5 and $25 for "
        "Claude Opus 4.6.",
        {
            ("price", "Claude Opus 4.6", 5.0, "USD/1M tokens"),
            ("price", "Claude Opus 4.6", 25.0, "USD/1M tokens"),
        },
        {("price", "MiniMax M2.5", 5.0, "USD/1M tokens")},
    ),
    # an elliptic price list goes on in the same currency
    (
        "输出端：M2.5为每百万Token 1.1美元，GLM-5为2.55美元，Claude Opus 4.6则达25美元。",
        {("price", "Claude Opus 4.6", 25.0, "USD/1M tokens")},
        {("quantity", "Claude Opus 4.6", 25.0, "USD")},
    ),
    # streaks belong to models and groups, not to the platform whose chart it is
    (
        "MiniMax M2.5 had ranked No. 1 on OpenRouter's weekly chart for two consecutive weeks.",
        {("streak", "MiniMax M2.5", 2, "weeks")},
        {("streak", "OpenRouter", 2, "weeks")},
    ),
    # "led" makes the name after it the object of the comparison
    (
        "Chinese models have now led U.S. models for three weeks in a row.",
        {("streak", "Chinese models", 3, "weeks")},
        {("streak", "US models", 3, "weeks")},
    ),
    # must NOT: "led by X" names X as the leader
    (
        "Chinese models, led by MiniMax M2.5 with 2.3 trillion tokens, grew.",
        {("token_volume", "MiniMax M2.5", 2.3e12, "tokens")},
        {("token_volume", "Chinese models", 2.3e12, "tokens")},
    ),
    # a relative clause is about the name right before it
    (
        "That put it behind Claude Opus 4.6, and ahead of Zhipu AI's GLM-5, which dropped to "
        "fifth.",
        {("ranking", "GLM-5", 5, "rank")},
        {("ranking", "Claude Opus 4.6", 5, "rank")},
    ),
    # respective ranks: a vendor before its model is not a member of the list
    (
        "美国模型方面，谷歌Gemini 3 Flash和OpenAI的GPT-5分别位列第六、第七。",
        {("ranking", "Gemini 3 Flash", 6, "rank"), ("ranking", "GPT-5", 7, "rank")},
        {("ranking", "GPT-5", 6, "rank"), ("ranking", "OpenAI", 7, "rank")},
    ),
    # the figure set against the agent's own is the compared group's
    (
        "Chinese models first overtook U.S. models when they processed 4.12 trillion tokens "
        "against 2.94 trillion.",
        {
            ("token_volume", "Chinese models", 4.12e12, "tokens"),
            ("token_volume", "US models", 2.94e12, "tokens"),
        },
        {("token_volume", "Chinese models", 2.94e12, "tokens")},
    ),
    # "that of" before the compared name, figures set against each other
    (
        "Token consumption of Chinese models surpassed that of US models for the first time, "
        "at 5.16 trillion versus 2.7 trillion.",
        {
            ("token_volume", "Chinese models", 5.16e12, "tokens"),
            ("token_volume", "US models", 2.7e12, "tokens"),
        },
        {("token_volume", "US models", 5.16e12, "tokens")},
    ),
    # "40% higher than that of X": a ratio with X
    (
        "At 4.12 trillion tokens, Chinese models' weekly volume was 40% higher than that of "
        "U.S. models.",
        {("token_volume", "Chinese models", 4.12e12, "tokens"),
         ("change", "Chinese models", 40, "%")},
        {("change", "US models", 40, "%")},
    ),
    # "out-processed their U.S. rivals": the rivals are the compared side
    (
        "Chinese models out-processed their U.S. rivals for a fourth consecutive week.",
        {("streak", "Chinese models", 4, "weeks")},
        {("streak", "US models", 4, "weeks")},
    ),
    # "eclipsing", "outstripped", "trailed", "behind" name the compared side too
    (
        "Chinese-developed models processed 5.16 trillion tokens, eclipsing U.S. models for a "
        "third consecutive week.",
        {("token_volume", "Chinese models", 5.16e12, "tokens"),
         ("streak", "Chinese models", 3, "weeks")},
        {("streak", "US models", 3, "weeks")},
    ),
    (
        "Claude Sonnet 4.5 came in behind Kimi K2.5 with 980 billion tokens.",
        {("token_volume", "Claude Sonnet 4.5", 9.8e11, "tokens")},
        {("token_volume", "Kimi K2.5", 9.8e11, "tokens")},
    ),
    # the two sides of a comparison given "respectively"
    (
        "中国模型调用量首次超过美国模型，分别为5.16万亿和2.7万亿Token。",
        {
            ("token_volume", "Chinese models", 5.16e12, "tokens"),
            ("token_volume", "US models", 2.7e12, "tokens"),
        },
        {("token_volume", "Chinese models", 2.7e12, "tokens")},
    ),
]


@pytest.mark.parametrize(
    ("text", "expected", "forbidden"),
    TABLES_AND_COMPARISONS,
    ids=[c[0][:40] for c in TABLES_AND_COMPARISONS],
)
def test_tables_and_comparisons_assign_units_and_subjects(
    text: str,
    expected: set[tuple[str, str, float, str]],
    forbidden: set[tuple[str, str, float, str]],
) -> None:
    facts = _facts(extract(text, lang="zh" if "模型" in text or "美元" in text else "en"))
    assert expected <= facts
    assert not (forbidden & facts)


def test_tables_and_comparisons_cell_spans_index_the_number() -> None:
    text = "Global comparators (USD per 1K tokens)\n\nGPT-5 (OpenAI): input 0.00125, output 0.01"
    prices = [c for c in extract(text, lang="en") if c.kind == "price"]
    assert [text[c.span[0] : c.span[1]] for c in prices] == ["0.00125", "0.01"]
    assert [c.attributes.get("direction") for c in prices] == ["input", "output"]
    assert all(c.attributes["per_tokens"] == 1000 for c in prices)
