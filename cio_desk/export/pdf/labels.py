"""The document's own words in the export language (English or Chinese).

Builders write `ctx.tr("Risks")`; a Chinese export looks the phrase up in
`ZH_CN` and falls back to English for any phrase not translated yet.
Placeholders use `str.format` names: `ctx.tr("Page {page} of {total}")`.
"""

from __future__ import annotations

from typing import Any

ZH_CN: dict[str, str] = {
    "Transition plan": "过渡期规划",
    "Contents": "目录",
    "Executive summary": "执行摘要",
    "Situation assessment": "现状评估",
    "Goals and approach": "目标与策略",
    "24-month roadmap": "24个月路线图",
    "Horizons": "阶段规划",
    "First 6 months": "前6个月",
    "Months 7 to 12": "第7至12个月",
    "Months 13 to 24": "第13至24个月",
    "Risks": "风险",
    "Budget": "预算",
    "Stakeholder landscape": "利益相关方概况",
    "First 30 days": "前30天记录",
    "Changes since the previous version": "与上一版本相比的变化",
    "Glossary": "术语表",
    "Page {page} of {total}": "第 {page} 页，共 {total} 页",
    "Executive version": "高管版",
    "Coach review version": "教练审阅版",
    "Personal copy": "个人版",
    "PRIVATE: personal copy, do not forward": "私密：个人版，请勿转发",
    "Version {number}": "第 {number} 版",
    "Draft (not saved as a version)": "草稿（未保存为版本）",
    "Prepared by": "编写人",
    "Goals": "目标",
    "Guiding principles": "指导原则",
    "Measures": "衡量指标",
    "Key priorities": "重点举措",
    "Contingencies": "应急预案",
    "Next steps": "下一步",
    "Total budget": "预算总额",
    "Top risks": "主要风险",
    "Nothing recorded yet.": "尚无记录。",
}


class Labels:
    """Translate the document's fixed phrases into one language."""

    def __init__(self, language: str = "en") -> None:
        self.language = language
        self._catalogue = ZH_CN if language.startswith("zh") else {}

    def __call__(self, phrase: str, **values: Any) -> str:
        text = self._catalogue.get(phrase, phrase)
        return text.format(**values) if values else text
