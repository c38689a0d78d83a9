"""An invented call for the notes tests: spaced Mandarin with fillers, each turn interpreted."""

from __future__ import annotations

CALL = """Sign in

Qingyun Freight - Q1 2026

May 12, 2026

Transcript

Operator (participant)

Good morning and welcome to the Qingyun Freight first quarter call.

Lin Bo (Chief Executive Officer)

嗯 , 大 家 好 。 本 季 度 我 们 的 运 费 收 入 增 长 了 百 分 之 九 。 冷 链 用 户 也 更 多 了 。

Ada Kwan (Investor Relations Director)

Hello everyone. Our freight revenue grew 9% this quarter. We also have more cold-chain users.

Operator (participant)

The next question comes from Piet Ruys of Eastgate Research.

Piet Ruys (Equity Research Analyst)

How do you see margins in the second half?

Lin Bo (Chief Executive Officer)

我 们 预 计 下 半 年 毛 利 率 会 保 持 稳 定 。 燃 油 成 本 还 有 压 力 。

Ada Kwan (Investor Relations Director)

We expect the gross margin to stay stable in the second half. Fuel costs remain a pressure.
"""

SECOND = """Sign in

Tiemu Robotics - Q4 2025

Feb 3, 2026

Transcript

Operator (participant)

Welcome to the Tiemu Robotics fourth quarter call.

Sara Oyelaran (Chief Financial Officer)

Orders for warehouse arms doubled, and we keep our guidance for next year.
"""
