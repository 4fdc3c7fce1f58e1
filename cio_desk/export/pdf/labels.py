"""The document's own words in the export language (English or Chinese).

Builders write `ctx.tr("Risks")`; a Chinese export looks the phrase up in
`ZH_CN` and falls back to English for any phrase not translated yet.
Placeholders use `str.format` names: `ctx.tr("Page {page} of {total}")`.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

ZH_CN: dict[str, str] = {
    # ------------------------------------------------ frame: cover, contents, footers
    "Transition plan": "过渡期规划",
    "Contents": "目录",
    "Cover": "封面",
    "Prepared by": "编写人",
    "Day 1: {date}": "第1天：{date}",
    "Page {page} of {total}": "第 {page} 页，共 {total} 页",
    "Executive version": "高管版",
    "Coach review version": "教练审阅版",
    "Personal copy": "个人版",
    "PRIVATE: personal copy, do not forward": "私密：个人版，请勿转发",
    "Version {number}": "第 {number} 版",
    "Draft (not saved as a version)": "草稿（未保存为版本）",
    # ------------------------------------------------ texts too long for a table cell
    "… continued in note {n} below the table": "……续见表后注 {n}",
    "Note {n}: {place}": "注 {n}：{place}",
    # ------------------------------------------------ section titles
    "Executive summary": "执行摘要",
    "Situation assessment": "现状评估",
    "Goals and approach": "目标与策略",
    "24-month roadmap": "24个月路线图",
    "Roadmap": "路线图",
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
    # ------------------------------------------------ executive summary
    "Total budget over 24 months": "24个月预算总额",
    "Initiatives": "举措",
    "High risks / open risks": "高风险 / 未关闭风险",
    "Stakeholders met / in the register": "已会面 / 登记的利益相关方",
    "Goals": "目标",
    "The three horizons": "三个阶段",
    "Top risks": "主要风险",
    "Total budget": "预算总额",
    "No goals recorded yet.": "尚未记录目标。",
    "No initiatives yet.": "尚无举措。",
    "and {n} more": "另有 {n} 项",
    "Budget: {amount}": "预算：{amount}",
    "No open risks recorded yet.": "尚无未关闭的风险。",
    "Risk": "风险",
    "Score": "评分",
    "Owner": "负责人",
    "Mitigation": "缓解措施",
    # ------------------------------------------------ situation assessment
    "Strengths": "优势",
    "Weaknesses": "劣势",
    "Pain points": "痛点",
    "Opportunities": "机会",
    "Threats": "威胁",
    "No assessment recorded yet.": "尚未记录现状评估。",
    "Where each business unit stands": "各业务单元所处的情境",
    "Business unit": "业务单元",
    "Situation": "情境",
    "What it calls for": "应对重点",
    "Start-up": "新创",
    "Turnaround": "扭转",
    "Accelerated growth": "加速增长",
    "Realignment": "调整重组",
    "Sustaining success": "保持成功",
    # ------------------------------------------------ goals and approach
    "Goal": "目标",
    "What it means": "含义",
    "Served by": "支撑举措",
    "Guiding principles": "指导原则",
    "No guiding principles recorded yet.": "尚未记录指导原则。",
    # ------------------------------------------------ roadmap
    "No initiatives on the roadmap yet.": "路线图上尚无举措。",
    "M{n}": "{n}",
    "Milestone": "里程碑",
    "{n} initiatives over {pages} pages, by horizon and priority.": (
        "共 {n} 项举措，分 {pages} 页，按阶段和优先级排列。"
    ),
    "24-month roadmap, continued ({page} of {pages})": (
        "24个月路线图（续，第 {page} 页，共 {pages} 页）"
    ),
    # ------------------------------------------------ horizons
    "Measures": "衡量指标",
    "Measure": "指标",
    "Baseline": "基线",
    "Target": "目标值",
    "Latest": "最新值",
    "No measures set for this horizon yet.": "本阶段尚未设定衡量指标。",
    "Key priorities": "重点举措",
    "Initiative": "举措",
    "Business value": "业务价值",
    "Months": "月份",
    "Status": "状态",
    "No initiatives in this horizon yet.": "本阶段尚无举措。",
    "Contingencies": "应急预案",
    "If this happens": "触发情形",
    "We will": "应对措施",
    "No contingencies planned for this horizon yet.": "本阶段尚未制定应急预案。",
    "Next steps": "下一步",
    "Step": "步骤",
    "Due": "截止日期",
    "Done": "已完成",
    "No next steps for this horizon yet.": "本阶段尚无下一步安排。",
    "Proposed": "已提议",
    "Approved": "已批准",
    "In progress": "进行中",
    "On hold": "暂停",
    "Dropped": "已放弃",
    # ------------------------------------------------ risks
    "No risks recorded yet.": "尚未记录风险。",
    "Before mitigation": "缓解前",
    "After mitigation": "缓解后",
    "Likelihood": "可能性",
    "Impact": "影响",
    "{n} risks are open, occurred or monitored. After mitigation {critical} are critical, "
    "{high} high, {medium} medium and {low} low. Each cell counts the risks at that "
    "likelihood and impact; closed risks are left out.": (
        "共有 {n} 项风险处于未关闭、已发生或监控状态。缓解后，极高 {critical} 项、高 {high} 项"
        "、中 {medium} 项、低 {low} 项。每个格子显示该可能性与影响程度下的风险数量；已关闭的风"
        "险不计入。"
    ),
    "Risk register": "风险登记表",
    "Category": "类别",
    "Before": "缓解前",
    "After": "缓解后",
    "Mitigation and contingency": "缓解措施与应急预案",
    "If it happens:": "如果发生：",
    "low": "低",
    "medium": "中",
    "high": "高",
    "critical": "极高",
    "Financial": "财务",
    "Legal": "法律",
    "Information security": "信息安全",
    "Operations and continuity": "运营与业务连续性",
    "People and change": "人员与变革",
    "Vendor": "供应商",
    "Schedule": "进度",
    "Open": "未关闭",
    "Monitoring": "监控中",
    "Occurred": "已发生",
    "Closed": "已关闭",
    # ------------------------------------------------ budget
    "No costs recorded yet.": "尚未记录成本。",
    "The plan costs {total} over 24 months: {year1} in the first year and {year2} in the "
    "second. One-off costs are charged when an initiative starts, yearly costs every twelve "
    "months from then.": (
        "本规划24个月共需 {total}：第一年 {year1}，第二年 {year2}。一次性成本在举措启动时计入，"
        "年度成本自启动起每十二个月计入一次。"
    ),
    "Amounts in {currency}": "金额单位：{currency}",
    "Year 1": "第一年",
    "Year 2": "第二年",
    "Total": "合计",
    "By horizon": "按阶段",
    "Horizon": "阶段",
    "By category": "按类别",
    "By initiative": "按举措",
    "One-off": "一次性",
    "Per year": "每年",
    "Over the plan": "规划期合计",
    "CFO agreed": "财务总监已确认",
    "Yes": "是",
    "Licences": "软件许可",
    "Implementation": "实施",
    "Customisation": "定制开发",
    "Maintenance": "运维",
    "Infrastructure": "基础设施",
    "Staff": "人员",
    "Other": "其他",
    # ------------------------------------------------ stakeholder landscape
    "No stakeholders in the register yet.": "尚未登记利益相关方。",
    "Influence": "影响力",
    "Interest": "关注度",
    "Influence and interest": "影响力与关注度",
    "+{n} more": "另有 {n} 人",
    "Coverage": "覆盖情况",
    "{met} of {register} stakeholders met in person ({percent:.0%}).": (
        "已当面会见 {register} 位利益相关方中的 {met} 位（{percent:.0%}）。"
    ),
    "Listening tour: {met} of {total} people met, counting {pending} names heard in meetings "
    "and not yet in the register.": (
        "倾听之旅：应见的 {total} 人中已见 {met} 人，其中包括会谈中提到、尚未登记的 {pending} 人。"
    ),
    "Meetings in the first {days} days: {held} held, {planned} still planned.": (
        "前 {days} 天的会谈：已举行 {held} 场，仍有 {planned} 场待举行。"
    ),
    "Shaded cells: influence and interest of 4 or more, the people to manage closely.": (
        "阴影格子：影响力和关注度均为4及以上，需要重点经营的人。"
    ),
    "Stance": "立场",
    "Champion": "倡导者",
    "Supporter": "支持者",
    "Neutral": "中立",
    "Sceptic": "怀疑者",
    "Blocker": "反对者",
    "Who is who": "人员一览",
    "Stakeholder": "利益相关方",
    "Role": "职务",
    "Influence / interest": "影响力 / 关注度",
    "Last met": "最近会面",
    "Not yet": "尚未会面",
    "Private notes": "私人备注",
    "Concerns and proposals": "关切与建议",
    "No concerns or proposals recorded yet.": "尚未记录关切或建议。",
    "{n} concerns and proposals heard; {open} not yet addressed by an initiative.": (
        "共听取 {n} 项关切与建议，其中 {open} 项尚无举措回应。"
    ),
    "Heard": "听到的内容",
    "From": "提出人",
    "Addressed by": "回应举措",
    "Not yet addressed": "尚未回应",
    "Concern": "关切",
    "Proposal": "建议",
    # ------------------------------------------------ first 30 days
    "No meetings held in the first 30 days yet.": "前30天尚未举行会谈。",
    "{n} meetings held, oldest first.": "共举行 {n} 场会谈，按时间先后排列。",
    "due {date}": "截止 {date}",
    "Office": "办公室",
    "Coffee": "咖啡",
    "Lunch": "午餐",
    "Dinner": "晚餐",
    "Travelling together": "同行出差",
    "Video call": "视频会议",
    "Site visit": "现场走访",
    "How to help": "如何提供帮助",
    "Referral": "推荐人选",
    # ------------------------------------------------ changes, feedback and open points
    "This is the first version; there is nothing to compare yet.": (
        "这是第一个版本，暂无可比较的内容。"
    ),
    "Compared with {version} of {date}.": "与 {date} 的{version}相比。",
    "The plan has not changed since then.": "此后规划没有变化。",
    "Item": "项目",
    "Change": "变化",
    "Added": "新增",
    "Removed": "删除",
    "Renamed from “{old}”": "由“{old}”改名",
    "Moved from {old} to {new}": "由{old}移至{new}",
    "no horizon": "未定阶段",
    "Rescheduled from {old} to {new}": "时间由第 {old} 个月调整为第 {new} 个月",
    "Budget from {old_once} one-off and {old_year} a year to {new_once} and {new_year}": (
        "预算由一次性 {old_once}、每年 {old_year} 调整为一次性 {new_once}、每年 {new_year}"
    ),
    "Status from {old} to {new}": "状态由{old}变为{new}",
    "Owner from “{old}” to “{new}”": "负责人由“{old}”变为“{new}”",
    "Re-scored (likelihood × impact): {changes}": "重新评分（可能性 × 影响）：{changes}",
    "before mitigation": "缓解前",
    "after mitigation": "缓解后",
    "{which} {old} → {new}": "{which} {old} → {new}",
    "Baseline {old_base} → {new_base}; target {old_target} → {new_target}": (
        "基线 {old_base} → {new_base}；目标值 {old_target} → {new_target}"
    ),
    "Feedback addressed since the previous version": "上一版本以来已处理的反馈",
    "No feedback addressed since the previous version.": "上一版本以来没有已处理的反馈。",
    "Section": "章节",
    "Feedback": "反馈",
    "What was done": "处理情况",
    "Points a reviewer may question": "审阅者可能提出的问题",
    "The plan checks find nothing to question.": "规划检查未发现问题。",
    "Point": "问题",
    "{n} months": "{n}个月",
    "The {subject} horizon has no measures.": "{subject}阶段没有衡量指标。",
    "“{subject}” has no owner.": "“{subject}”没有负责人。",
    "“{subject}” is a critical risk with no contingency.": (
        "“{subject}”是极高风险，但没有应急预案。"
    ),
    "“{subject}” starts before an initiative it depends on ends.": (
        "“{subject}”在其依赖的举措结束之前就开始了。"
    ),
    "The target of “{subject}” equals its baseline.": "“{subject}”的目标值等于基线。",
    "“{subject}” has no cost lines.": "“{subject}”没有成本明细。",
    "The payments scheduled for “{subject}” do not add up to its cost.": (
        "“{subject}”的付款计划与其成本不一致。"
    ),
    "The milestone “{subject}” falls outside its initiative's months.": (
        "里程碑“{subject}”不在其举措的时间范围内。"
    ),
    "“{subject}” scores higher after mitigation than before.": (
        "“{subject}”缓解后的评分高于缓解前。"
    ),
    "“{subject}” has neither a horizon nor an initiative.": "“{subject}”既没有阶段也没有所属举措。",
    # ------------------------------------------------ glossary
    "The document uses no terms from the jargon list.": "本文件未使用术语表中的专业术语。",
    "Term": "术语",
    "In plain words": "通俗说法",
    "In Chinese": "中文说法",
    "In plain English": "英文通俗说法",
    "Nothing recorded yet.": "尚无记录。",
}


class Labels:
    """Translate the document's fixed phrases into one language.

    A phrase missing from the catalogue prints in English and is logged (a
    test exports in Chinese and fails on any such warning).
    """

    def __init__(self, language: str = "en") -> None:
        self.language = language
        self._catalogue = ZH_CN if language.startswith("zh") else None

    def __call__(self, phrase: str, **values: Any) -> str:
        text = phrase
        if self._catalogue is not None:
            text = self._catalogue.get(phrase, phrase)
            if text is phrase and phrase:
                log.warning("No %s wording for the PDF phrase %r.", self.language, phrase)
        return text.format(**values) if values else text
