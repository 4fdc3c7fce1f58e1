"""Common risks of a CIO's transition, ready to adopt into the register.

Drawn from the method's sources: financial risk (cash flow, exchange rate),
legal risk (contracts, litigation), information risk (intellectual property,
trade secrets), security incidents (one unexpected character in a customer's
order once took a web shop down), continuity and disaster recovery, vendor
lock-in, and change resistance (a finance team once resigned over data
entry). Each comes with a cause, an effect, a trigger, a mitigation and a
contingency so that adopting it gives the CIO a complete starting point.
Texts exist in English and Chinese; the workspace language picks one.
"""

from __future__ import annotations

from dataclasses import dataclass

from cio_desk.store.enums import RiskCategory, RiskResponse


@dataclass(frozen=True)
class StarterText:
    """The wording of a starter risk in one language."""

    title: str
    cause: str
    effect: str
    trigger: str
    mitigation: str
    contingency: str


@dataclass(frozen=True)
class Starter:
    """One starter risk: scores and wording in both languages."""

    key: str
    category: RiskCategory
    scores: tuple[int, int, int, int]  # likelihood, impact, residual likelihood, residual impact
    response: RiskResponse
    horizon: int | None
    en: StarterText
    zh: StarterText

    def text(self, language: str) -> StarterText:
        return self.zh if language.startswith("zh") else self.en


STARTERS: tuple[Starter, ...] = (
    Starter(
        "cash_flow",
        RiskCategory.FINANCIAL,
        (3, 4, 2, 3),
        RiskResponse.MITIGATE,
        12,
        StarterText(
            "Cash flow cannot carry the project payments",
            "Instalments fall due when cash is tight: seasonal revenue, customers paying late.",
            "Payments are delayed, the vendor slows or stops work, the plan slips.",
            "Finance reports a cash shortfall, or an instalment is paid late.",
            "Agree the payment schedule with the CFO before signing; tie instalments to "
            "accepted milestones.",
            "Re-phase the modules that can wait; negotiate deferred instalments with the vendor.",
        ),
        StarterText(
            "现金流无法支撑项目付款",
            "付款节点恰逢资金紧张：收入季节性波动、客户回款延迟。",
            "付款延迟，供应商放慢或停止实施，计划延期。",
            "财务报告资金缺口，或某期款项逾期支付。",
            "签约前与财务总监确认付款计划；付款与验收里程碑挂钩。",
            "推迟非关键模块；与供应商协商延期付款。",
        ),
    ),
    Starter(
        "exchange_rate",
        RiskCategory.FINANCIAL,
        (3, 3, 2, 2),
        RiskResponse.TRANSFER,
        12,
        StarterText(
            "Exchange-rate swings raise the cost of imported software",
            "Licences and services are priced in a foreign currency.",
            "The budget confirmed with the CFO is overrun without any change in scope.",
            "The currency moves more than 5 % against the budget rate.",
            "Price contracts in the local currency or fix the rate in the contract; "
            "agree a hedge with finance.",
            "Reduce the number of licences in the first year; compare a local vendor.",
        ),
        StarterText(
            "汇率波动推高进口软件成本",
            "软件许可和服务以外币计价。",
            "未改变范围，却超出与财务总监确认的预算。",
            "汇率较预算汇率波动超过 5%。",
            "合同以人民币计价或锁定汇率；与财务部门商定套期保值。",
            "第一年减少许可数量；比较本地供应商的报价。",
        ),
    ),
    Starter(
        "contract_dispute",
        RiskCategory.LEGAL,
        (2, 4, 2, 3),
        RiskResponse.MITIGATE,
        24,
        StarterText(
            "Contract dispute or litigation with a vendor",
            "Vague scope, acceptance criteria or exit terms in the contract.",
            "Legal costs, frozen work and a system nobody will support.",
            "The vendor disputes an acceptance or an invoice in writing.",
            "Legal review of every contract; clear acceptance criteria, penalties and exit "
            "clauses; source code in escrow.",
            "Escalate to the steering group; engage counsel; call on the escrow and a "
            "second vendor.",
        ),
        StarterText(
            "与供应商发生合同纠纷或诉讼",
            "合同中的范围、验收标准或退出条款不清晰。",
            "产生法律费用，项目停滞，系统无人维护。",
            "供应商书面质疑验收结果或发票。",
            "每份合同经法务审核；明确验收标准、违约责任和退出条款；源代码托管。",
            "提交指导委员会；聘请律师；启用源代码托管并引入备选供应商。",
        ),
    ),
    Starter(
        "trade_secrets",
        RiskCategory.INFORMATION_SECURITY,
        (2, 5, 2, 4),
        RiskResponse.MITIGATE,
        12,
        StarterText(
            "Loss of intellectual property or trade secrets",
            "Designs, formulas and customer lists are open to too many people and vendors.",
            "Competitors gain the advantage; customers and partners lose trust.",
            "Unusual downloads, or a leaver with access to key data.",
            "Classify data; least-privilege access; confidentiality agreements with staff "
            "and vendors; monitor downloads.",
            "Start the incident response: revoke access, preserve evidence, involve legal.",
        ),
        StarterText(
            "知识产权或商业机密泄露",
            "设计、配方和客户名单对过多人员和供应商开放。",
            "竞争对手获得优势；客户和合作伙伴失去信任。",
            "出现异常下载，或掌握关键数据的员工离职。",
            "数据分级；最小权限访问；员工和供应商签署保密协议；监控下载行为。",
            "启动事件响应：收回权限、保全证据、法务介入。",
        ),
    ),
    Starter(
        "security_incident",
        RiskCategory.INFORMATION_SECURITY,
        (3, 5, 2, 4),
        RiskResponse.MITIGATE,
        6,
        StarterText(
            "A security incident takes a customer-facing system down",
            "Untested input handling, unpatched systems, no monitoring: a single unexpected "
            "character in an order once took a web shop down.",
            "Lost sales and reputation; one incident can end a CIO's career.",
            "An alert from monitoring, or a customer reports the system unavailable.",
            "Input validation and testing, patching, monitoring and alerting, regular "
            "security reviews.",
            "Incident response plan: isolate, restore from backup, tell customers plainly.",
        ),
        StarterText(
            "安全事件导致面向客户的系统瘫痪",
            "输入处理未经测试、系统未打补丁、缺少监控：曾有客户订单中的一个意外字符让网店瘫痪。",
            "销售和声誉受损；一次事故就可能终结 CIO 的职业生涯。",
            "监控告警，或客户报告系统不可用。",
            "输入校验与测试、及时打补丁、监控告警、定期安全评审。",
            "按应急预案处置：隔离、从备份恢复、坦诚告知客户。",
        ),
    ),
    Starter(
        "disaster_recovery",
        RiskCategory.OPERATIONAL,
        (2, 5, 1, 4),
        RiskResponse.MITIGATE,
        12,
        StarterText(
            "No tested disaster recovery for the core systems",
            "Backups are kept on site and a restore has never been rehearsed.",
            "A fire, flood or ransomware attack stops production and shipping for days.",
            "The data centre or the main system is unavailable for more than four hours.",
            "Off-site backups; a disaster recovery plan rehearsed twice a year.",
            "Switch to the recovery site; run the manual procedures agreed with each unit.",
        ),
        StarterText(
            "核心系统缺少经过演练的灾难恢复",
            "备份只存放在本地，从未演练过恢复。",
            "火灾、水灾或勒索软件攻击导致生产和发货中断数日。",
            "机房或主系统不可用超过四小时。",
            "异地备份；灾备方案每年演练两次。",
            "切换到灾备站点；启用与各部门约定的手工流程。",
        ),
    ),
    Starter(
        "vendor_lock_in",
        RiskCategory.VENDOR,
        (3, 3, 2, 3),
        RiskResponse.MITIGATE,
        24,
        StarterText(
            "Locked in to a single vendor",
            "Proprietary formats, heavy customisation and no data export terms.",
            "Prices rise at each renewal and changing course becomes unaffordable.",
            "The vendor announces a price rise or the end of support for our version.",
            "Prefer open standards; data export and transition clauses in every contract; "
            "compare vendors line by line.",
            "Run the migration plan to a second vendor, starting with the data.",
        ),
        StarterText(
            "被单一供应商锁定",
            "专有数据格式、大量二次开发、合同没有数据导出条款。",
            "每次续约价格上涨，改变方向的代价高到无法承受。",
            "供应商宣布涨价，或停止支持我们使用的版本。",
            "优先开放标准；每份合同包含数据导出和交接条款；逐项比较供应商报价。",
            "启动向备选供应商迁移的计划，先迁移数据。",
        ),
    ),
    Starter(
        "change_resistance",
        RiskCategory.PEOPLE_CHANGE,
        (3, 4, 2, 3),
        RiskResponse.MITIGATE,
        12,
        StarterText(
            "Staff resist the new system",
            "Fear of change and extra data entry: a finance team once resigned over it.",
            "Low use, workarounds in spreadsheets, key people leave.",
            "Complaints to department heads, or usage falls after go-live.",
            "Involve users early; remove double entry; train; reward contributors; apply "
            "the same rules to everyone, senior people included.",
            "Phase the roll-out; add temporary help for data entry; pause and fix the "
            "worst pain points.",
        ),
        StarterText(
            "员工抵触新系统",
            "害怕变化、数据录入工作增加：曾有财务团队因此集体辞职。",
            "使用率低，员工回到电子表格，骨干流失。",
            "员工向部门负责人投诉，或上线后使用率下降。",
            "尽早让用户参与；消除重复录入；培训；奖励贡献者；规则对所有人一视同仁，包括高层。",
            "分阶段上线；临时增加数据录入人手；暂停并先解决最突出的痛点。",
        ),
    ),
    Starter(
        "sponsor_turns",
        RiskCategory.PEOPLE_CHANGE,
        (2, 5, 2, 4),
        RiskResponse.MITIGATE,
        6,
        StarterText(
            "A sponsor turns opponent",
            "Priorities shift, or a promise made to them was not kept.",
            "Funding and support for the programme are withdrawn.",
            "The sponsor's stance drops to sceptic or blocker (link the person to this risk).",
            "Regular one-to-ones; deliver a quick win on their proposal; a steering group "
            "chaired by the CEO.",
            "Meet them within a week; re-scope to their priorities; escalate to the CEO if needed.",
        ),
        StarterText(
            "支持者转为反对者",
            "优先事项变化，或对其的承诺未兑现。",
            "项目资金和支持被撤回。",
            "支持者的态度降为怀疑或阻挠（请把此人关联到本风险）。",
            "定期一对一沟通；针对其建议尽快做出成效；由 CEO 担任指导委员会主席。",
            "一周内与其面谈；按其优先事项调整范围；必要时提请 CEO 协调。",
        ),
    ),
    Starter(
        "erp_slip",
        RiskCategory.SCHEDULE,
        (4, 4, 3, 3),
        RiskResponse.MITIGATE,
        12,
        StarterText(
            "The ERP programme slips",
            "Scope grows, data is not ready, key users are too busy to test.",
            "Benefits come late, costs grow, confidence in IT falls.",
            "A milestone is missed by more than four weeks.",
            "Phase delivery; milestones with acceptance by users; penalty clauses; "
            "free key users' time with their managers.",
            "Cut scope to the must-haves; extend support of the old system.",
        ),
        StarterText(
            "ERP 项目延期",
            "范围膨胀、数据未准备好、关键用户太忙无暇测试。",
            "收益推迟，成本上升，对 IT 的信心下降。",
            "某个里程碑延误超过四周。",
            "分阶段交付；里程碑由用户验收；合同约定违约条款；与部门负责人协调关键用户时间。",
            "缩减范围至必需功能；延长旧系统的维护期。",
        ),
    ),
    Starter(
        "key_staff_leave",
        RiskCategory.PEOPLE_CHANGE,
        (3, 4, 2, 3),
        RiskResponse.MITIGATE,
        6,
        StarterText(
            "Key IT staff leave during the transition",
            "Uncertainty about the new CIO's plans; knowledge held by one person.",
            "Systems nobody understands; projects stall.",
            "A key person resigns or is approached by a competitor.",
            "Talk with each key person in the first weeks; document critical knowledge; "
            "pair people on critical systems.",
            "Bring in the vendor's or a contractor's staff; re-prioritise the plan.",
        ),
        StarterText(
            "过渡期 IT 骨干流失",
            "对新任 CIO 的计划感到不确定；关键知识只掌握在个别人手中。",
            "系统无人了解，项目停滞。",
            "骨干提出离职，或被竞争对手接触。",
            "头几周与每位骨干单独沟通；记录关键知识；关键系统安排两人互备。",
            "引入供应商或外包人员；重新排定计划优先级。",
        ),
    ),
)
